//! The room of a session answered on phones: the server while the session
//! runs, where phones reach it (checked again while it runs: the trainer
//! may connect the Wi-Fi after starting), its QR code, and the answers kept
//! in the session's file as they come.

use std::time::{Duration, Instant};

use super::Workspace;
use crate::classroom::live::network::{Qr, join_url, room_addresses, typed_address};
use crate::classroom::live::server::{self, LiveConfig};
use crate::classroom::live::{LiveHandle, PhonesPlan, RoomView, Show};
use crate::classroom::training::TrainingResult;
use crate::i18n::fill;
use crate::quiz::practice::Item;

/// How often the PC's addresses are looked at again.
const ADDRESS_CHECK: Duration = Duration::from_secs(3);
/// Answers that came in are saved at most this often between stages.
const SAVE_EVERY: Duration = Duration::from_secs(2);

/// Where phones open the page.
#[derive(Clone, Debug, PartialEq)]
pub struct RoomAddress {
    /// As typed: "192.168.1.5:8080".
    pub typed: String,
    /// In the QR code, with the PIN.
    pub url: String,
    pub qr: Qr,
    /// Other addresses of the PC, for a room on another network.
    pub others: Vec<String>,
}

pub struct Room {
    handle: LiveHandle,
    pub view: RoomView,
    /// `None`: the PC is on no network phones can reach.
    pub address: Option<RoomAddress>,
    pub plan: PhonesPlan,
    checked: Instant,
    english: bool,
    /// The session as last saved, saved again as answers come in.
    last: Option<TrainingResult>,
    saved_answers: usize,
    saved_at: Instant,
}

impl Room {
    pub fn pin(&self) -> &str {
        &self.handle.pin
    }

    /// The port the server listens on (all the PC's addresses).
    pub fn port(&self) -> u16 {
        self.handle.port
    }

    fn find_address(&mut self) {
        self.checked = Instant::now();
        let found = room_addresses();
        let Some(first) = found.first() else {
            self.address = None;
            return;
        };
        let mut url = join_url(*first, self.handle.port, &self.handle.pin);
        if self.english {
            url.push_str("&lang=en");
        }
        if self.address.as_ref().is_some_and(|a| a.url == url) {
            return;
        }
        self.address = Qr::of(&url).map(|qr| RoomAddress {
            typed: typed_address(*first, self.handle.port),
            url,
            qr,
            others: found[1..]
                .iter()
                .map(|ip| typed_address(*ip, self.handle.port))
                .collect(),
        });
    }

    /// What is worth saving again: answers and people.
    fn answers(&self) -> usize {
        self.view.total_answers + self.view.joined
    }
}

impl Workspace {
    pub fn room(&self) -> Option<&Room> {
        self.room.as_ref()
    }

    /// Opens the room for phones; says why when it cannot.
    pub fn open_room(
        &mut self,
        plan: PhonesPlan,
        items: Vec<Item>,
        on_change: Box<dyn Fn() + Send + Sync>,
    ) {
        self.close_room();
        // For demonstrations and screenshots: a PIN known in advance.
        let pin = std::env::var("NGHIQUYET_LIVE_PIN")
            .ok()
            .filter(|p| p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit()));
        let started = server::start(LiveConfig {
            plan: plan.clone(),
            items,
            pin,
            port: None,
            on_change,
        });
        match started {
            Ok(handle) => {
                let english = self.settings.language == crate::i18n::Language::En;
                let mut room = Room {
                    view: handle.room(),
                    handle,
                    address: None,
                    plan,
                    checked: Instant::now(),
                    english,
                    last: None,
                    saved_answers: 0,
                    saved_at: Instant::now(),
                };
                room.find_address();
                self.room = Some(room);
            }
            Err(e) => {
                let tr = self.tr();
                self.error(fill(tr.room_failed, &[("error", &e)]));
            }
        }
    }

    pub fn room_show(&mut self, show: Show) {
        if let Some(room) = &self.room {
            room.handle.show(show);
        }
    }

    pub fn remove_player(&mut self, id: u32) {
        let Some(room) = &self.room else {
            return;
        };
        let name = room
            .view
            .names
            .iter()
            .find(|n| n.0 == id)
            .map(|n| n.1.clone());
        room.handle.remove(id);
        if let Some(name) = name {
            let tr = self.tr();
            self.info(fill(tr.room_removed, &[("name", &name)]));
        }
    }

    /// Stops the server (the session ended); the answers were saved with it.
    pub fn close_room(&mut self) {
        if let Some(room) = self.room.take() {
            room.handle.stop();
        }
    }

    /// The session with the phones' answers in it.
    pub fn with_players(&self, result: &TrainingResult) -> TrainingResult {
        let mut result = result.clone();
        if let Some(room) = &self.room {
            result.players = room.handle.players();
        }
        result
    }

    /// The projector's view of the room, fresh; answers saved as they come.
    /// Returns how soon to look again.
    pub fn poll_room(&mut self) -> Option<Duration> {
        let room = self.room.as_mut()?;
        if let Some(view) = room.handle.room_if_changed() {
            room.view = view;
        }
        if room.checked.elapsed() >= ADDRESS_CHECK {
            room.find_address();
        }
        let due = room.answers() != room.saved_answers && room.saved_at.elapsed() >= SAVE_EVERY;
        if due && let Some(last) = room.last.clone() {
            self.save_session(&last);
        }
        Some(ADDRESS_CHECK)
    }

    /// Called when a session is saved: what to save again as answers come.
    pub(super) fn room_saved(&mut self, result: &TrainingResult) {
        if let Some(room) = &mut self.room {
            room.saved_answers = room.answers();
            room.saved_at = Instant::now();
            let mut kept = result.clone();
            kept.players = Vec::new();
            room.last = Some(kept);
        }
    }
}
