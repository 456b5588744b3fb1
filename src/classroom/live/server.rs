//! The room's server: the trainer's PC serves the phone page and a
//! WebSocket per phone, on the room's network only, while a session with
//! phones runs. axum on a small tokio runtime of its own thread; the window
//! talks to it through a control channel and reads the room from a watch
//! channel ([`LiveHandle`]).
//!
//! What it serves: `/` (the page), `/app.js`, `/app.css` (embedded in the
//! binary) and `/ws`; nothing from disk. Every message carries the PIN and,
//! after joining, the player's secret token; messages are size- and
//! rate-limited per connection.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::State;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;
use tokio::sync::{mpsc, watch};

use super::answers::PhoneAnswer;
use super::game::{Game, Phase, PhonePlayer, PhonesPlan, Refusal, RoomView};
use crate::quiz::practice::Item;

const PAGE: &str = include_str!("page/index.html");
const SCRIPT: &str = include_str!("page/app.js");
const STYLE: &str = include_str!("page/app.css");

/// The largest message a phone may send (a name of 10 KB is still read, to
/// be refused with a sentence; more closes the connection).
pub const MAX_MESSAGE: usize = 16 * 1024;
/// Messages a phone may send in a burst, and per second after it.
pub const BURST: f64 = 10.0;
pub const PER_SECOND: f64 = 5.0;
/// Refused messages in a row after which the connection is closed.
pub const MAX_STRIKES: u32 = 100;
/// Open phone connections at most (a room holds [`super::game::MAX_PLAYERS`];
/// each may reconnect once meanwhile): beyond, a new one is refused.
pub const MAX_CONNECTIONS: usize = 2 * super::game::MAX_PLAYERS;
/// The ports tried first, so the address stays the same session to session.
pub const PORTS: std::ops::RangeInclusive<u16> = 8080..=8089;

/// Where the projector is, as the window tells the server.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Show {
    Lobby,
    /// `remaining`: ms left on the countdown, `None` without one or while
    /// paused; `limit`: its full length (0 without one).
    Asking {
        question: usize,
        remaining: Option<u64>,
        limit: u64,
    },
    Revealed {
        question: usize,
    },
    Leaderboard {
        question: usize,
    },
    Finished,
}

enum Control {
    Show(Show),
    Remove(u32),
}

pub struct LiveConfig {
    pub plan: PhonesPlan,
    pub items: Vec<Item>,
    /// `None`: a random 4-digit PIN.
    pub pin: Option<String>,
    /// `None`: the first free of [`PORTS`], else any.
    pub port: Option<u16>,
    /// Called (from the server's threads) whenever the room changed: the
    /// window asks for a repaint.
    pub on_change: Box<dyn Fn() + Send + Sync>,
}

#[derive(Debug)]
pub enum LiveError {
    Bind(std::io::Error),
    Runtime(std::io::Error),
}

impl std::fmt::Display for LiveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LiveError::Bind(e) | LiveError::Runtime(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for LiveError {}

struct Shared {
    game: Mutex<Game>,
    clock: Instant,
    /// The game's version, for the phones to refresh on.
    changed: watch::Sender<u64>,
    room: watch::Sender<RoomView>,
    on_change: Box<dyn Fn() + Send + Sync>,
    /// Phone connections open now.
    connections: std::sync::atomic::AtomicUsize,
}

impl Shared {
    fn now(&self) -> u64 {
        self.clock.elapsed().as_millis() as u64
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Game> {
        // A panic in another connection's handler must not stop the room.
        self.game.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// After a change: the projector's view and a repaint; with `phones`,
    /// every phone refreshes too.
    fn publish(&self, game: &Game, phones: bool) {
        self.room.send_replace(game.room());
        if phones {
            self.changed.send_replace(game.version);
        }
        (self.on_change)();
    }
}

/// The running server; dropping it stops it.
pub struct LiveHandle {
    pub port: u16,
    pub pin: String,
    control: mpsc::UnboundedSender<Control>,
    room: watch::Receiver<RoomView>,
    shared: Arc<Shared>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl LiveHandle {
    /// The room as the projector shows it.
    pub fn room(&self) -> RoomView {
        self.room.borrow().clone()
    }

    /// The room, only when it changed since last asked (the window asks
    /// every frame; a copy of 500 names a frame is not needed).
    pub fn room_if_changed(&mut self) -> Option<RoomView> {
        if self.room.has_changed().unwrap_or(false) {
            Some(self.room.borrow_and_update().clone())
        } else {
            None
        }
    }

    /// A receiver of the room's changes (the load test waits on it).
    pub fn watch_room(&self) -> watch::Receiver<RoomView> {
        self.room.clone()
    }

    pub fn show(&self, show: Show) {
        let _ = self.control.send(Control::Show(show));
    }

    pub fn remove(&self, id: u32) {
        let _ = self.control.send(Control::Remove(id));
    }

    /// Every learner's answers so far, for the session file.
    pub fn players(&self) -> Vec<PhonePlayer> {
        self.shared.lock().result()
    }

    /// Stops listening and waits for the server's thread.
    pub fn stop(mut self) {
        self.shut();
    }

    fn shut(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for LiveHandle {
    fn drop(&mut self) {
        self.shut();
    }
}

/// A random PIN of four digits, not starting with 0 (read aloud easily).
pub fn random_pin() -> String {
    let n: u32 = rand::random_range(1000..10000);
    n.to_string()
}

/// A player's secret: 128 random bits in hex.
fn random_token() -> String {
    let bits: u128 = rand::random();
    format!("{bits:032x}")
}

/// Starts the server on all the PC's addresses.
pub fn start(config: LiveConfig) -> Result<LiveHandle, LiveError> {
    let listener = bind(config.port).map_err(LiveError::Bind)?;
    let port = listener.local_addr().map_err(LiveError::Bind)?.port();
    listener.set_nonblocking(true).map_err(LiveError::Bind)?;
    let pin = config.pin.unwrap_or_else(random_pin);
    let game = Game::new(pin.clone(), config.plan, config.items);
    let (changed, _) = watch::channel(0);
    let (room_tx, room) = watch::channel(game.room());
    let shared = Arc::new(Shared {
        game: Mutex::new(game),
        clock: Instant::now(),
        changed,
        room: room_tx,
        on_change: config.on_change,
        connections: std::sync::atomic::AtomicUsize::new(0),
    });
    let (control, control_rx) = mpsc::unbounded_channel();
    let (stop, stop_rx) = tokio::sync::oneshot::channel();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("nghiquyet-live")
        .enable_all()
        .build()
        .map_err(LiveError::Runtime)?;
    let state = shared.clone();
    let thread = std::thread::Builder::new()
        .name("nghiquyet-live".into())
        .spawn(move || {
            runtime.block_on(serve(listener, state, control_rx, stop_rx));
            // Open phone connections end with the runtime.
            runtime.shutdown_timeout(Duration::from_secs(1));
        })
        .map_err(LiveError::Runtime)?;
    Ok(LiveHandle {
        port,
        pin,
        control,
        room,
        shared,
        stop: Some(stop),
        thread: Some(thread),
    })
}

fn bind(port: Option<u16>) -> std::io::Result<std::net::TcpListener> {
    let any = |port| std::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::UNSPECIFIED, port)));
    match port {
        Some(port) => any(port),
        None => PORTS
            .clone()
            .find_map(|p| any(p).ok())
            .map_or_else(|| any(0), Ok),
    }
}

async fn serve(
    listener: std::net::TcpListener,
    shared: Arc<Shared>,
    mut control: mpsc::UnboundedReceiver<Control>,
    stop: tokio::sync::oneshot::Receiver<()>,
) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
        return;
    };
    let controller = shared.clone();
    tokio::spawn(async move {
        while let Some(c) = control.recv().await {
            let mut game = controller.lock();
            match c {
                Control::Show(show) => {
                    let now = controller.now();
                    let phase = match show {
                        Show::Lobby => Phase::Lobby,
                        Show::Asking {
                            question,
                            remaining,
                            limit,
                        } => {
                            // Reopened or resumed: the time it was first shown stays.
                            let opened = match game.phase {
                                Phase::Asking {
                                    question: q,
                                    opened,
                                    ..
                                } if q == question => opened,
                                _ => now,
                            };
                            Phase::Asking {
                                question,
                                opened,
                                deadline: remaining.map(|r| now + r),
                                limit,
                            }
                        }
                        Show::Revealed { question } => Phase::Revealed { question },
                        Show::Leaderboard { question } => Phase::Leaderboard { question },
                        Show::Finished => Phase::Finished,
                    };
                    game.set_phase(phase);
                    controller.publish(&game, true);
                }
                Control::Remove(id) => {
                    if game.remove(id) {
                        controller.publish(&game, true);
                    }
                }
            }
        }
    });
    let app = Router::new()
        .route("/", get(page))
        .route("/app.js", get(script))
        .route("/app.css", get(style))
        .route("/ws", get(socket))
        .fallback(|| async { StatusCode::NOT_FOUND })
        .with_state(shared);
    let _ = axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = stop.await;
        })
        .await;
}

/// Headers on everything served: nothing but our own page, script and
/// socket; not framed; nothing kept.
fn guarded(body: &'static str, kind: &'static str, headers: &HeaderMap) -> Response {
    // The socket's address, for browsers (Chrome before 80, Safari 12)
    // where 'self' does not cover ws:.
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.len() <= 100
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | ':' | '-' | '[' | ']'))
        })
        .map(|h| format!(" ws://{h}"))
        .unwrap_or_default();
    let csp = format!(
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
         connect-src 'self'{host}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    );
    let mut response = (StatusCode::OK, body).into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    if let Ok(csp) = HeaderValue::from_str(&csp) {
        h.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

async fn page(headers: HeaderMap) -> Response {
    guarded(PAGE, "text/html; charset=utf-8", &headers)
}

async fn script(headers: HeaderMap) -> Response {
    guarded(SCRIPT, "text/javascript; charset=utf-8", &headers)
}

async fn style(headers: HeaderMap) -> Response {
    guarded(STYLE, "text/css; charset=utf-8", &headers)
}

async fn socket(ws: WebSocketUpgrade, State(shared): State<Arc<Shared>>) -> Response {
    use std::sync::atomic::Ordering;
    if shared.connections.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
        shared.connections.fetch_sub(1, Ordering::SeqCst);
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    let counted = shared.clone();
    ws.max_message_size(MAX_MESSAGE)
        .max_frame_size(MAX_MESSAGE)
        .on_failed_upgrade(move |_| {
            counted.connections.fetch_sub(1, Ordering::SeqCst);
        })
        .on_upgrade(move |socket| async move {
            phone(socket, shared.clone()).await;
            shared.connections.fetch_sub(1, Ordering::SeqCst);
        })
}

/// What a phone sends.
#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum FromPhone {
    Join {
        pin: String,
        name: String,
        #[serde(default)]
        unit: String,
    },
    /// Back after a reload or a lost connection, with the token kept in the
    /// browser.
    Rejoin { pin: String, token: String },
    Answer {
        pin: String,
        token: String,
        question: usize,
        answer: PhoneAnswer,
    },
}

/// A token bucket: a burst, then a steady rate.
struct Limiter {
    tokens: f64,
    last: Instant,
    strikes: u32,
}

impl Limiter {
    fn new() -> Self {
        Limiter {
            tokens: BURST,
            last: Instant::now(),
            strikes: 0,
        }
    }

    fn allow(&mut self) -> bool {
        let now = Instant::now();
        let refill = now.duration_since(self.last).as_secs_f64() * PER_SECOND;
        self.tokens = (self.tokens + refill).min(BURST);
        self.last = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            self.strikes = 0;
            true
        } else {
            self.strikes += 1;
            false
        }
    }
}

fn refused(reason: Refusal) -> String {
    serde_json::json!({ "type": "refused", "reason": reason }).to_string()
}

fn state_message(game: &Game, player: usize, now: u64) -> String {
    serde_json::json!({ "type": "state", "state": game.phone(player, now) }).to_string()
}

async fn phone(mut socket: WebSocket, shared: Arc<Shared>) {
    let mut changes = shared.changed.subscribe();
    let mut player: Option<usize> = None;
    let mut limiter = Limiter::new();
    let mut ping = tokio::time::interval(Duration::from_secs(15));
    ping.tick().await;
    let welcome = {
        let game = shared.lock();
        serde_json::json!({
            "type": "welcome",
            "ask_unit": game.plan.ask_unit,
            "teams": game.plan.teams,
        })
        .to_string()
    };
    if socket.send(Message::Text(welcome.into())).await.is_err() {
        return;
    }
    loop {
        tokio::select! {
            message = socket.recv() => {
                let text = match message {
                    Some(Ok(Message::Text(text))) => text,
                    Some(Ok(Message::Close(_))) | None | Some(Err(_)) => break,
                    Some(Ok(_)) => continue,
                };
                if !limiter.allow() {
                    if limiter.strikes >= MAX_STRIKES {
                        let _ = socket.send(Message::Text(refused(Refusal::TooFast).into())).await;
                        break;
                    }
                    // Told once, not once a message.
                    if limiter.strikes == 1 {
                        let _ = socket.send(Message::Text(refused(Refusal::TooFast).into())).await;
                    }
                    continue;
                }
                let reply = handle(&shared, &text, &mut player);
                if socket.send(Message::Text(reply.into())).await.is_err() {
                    break;
                }
            }
            changed = changes.changed(), if player.is_some() => {
                if changed.is_err() {
                    break;
                }
                let Some(index) = player else { continue };
                let reply = {
                    let game = shared.lock();
                    match game.is_active(index) {
                        true => state_message(&game, index, shared.now()),
                        false => refused(Refusal::Removed),
                    }
                };
                if socket.send(Message::Text(reply.into())).await.is_err() {
                    break;
                }
            }
            _ = ping.tick() => {
                if socket.send(Message::Ping(Vec::new().into())).await.is_err() {
                    break;
                }
            }
        }
    }
}

fn handle(shared: &Shared, text: &str, player: &mut Option<usize>) -> String {
    let message: FromPhone = match serde_json::from_str(text) {
        Ok(m) => m,
        Err(_) if text.len() > 4096 => return refused(Refusal::TooLarge),
        Err(_) => return refused(Refusal::BadAnswer),
    };
    let now = shared.now();
    let mut game = shared.lock();
    match message {
        FromPhone::Join { pin, name, unit } => {
            let unit = if game.plan.ask_unit {
                unit
            } else {
                String::new()
            };
            match game.join(&pin, &name, &unit, random_token()) {
                Ok(index) => {
                    *player = Some(index);
                    shared.publish(&game, false);
                    serde_json::json!({
                        "type": "joined",
                        "token": game.token(index),
                        "state": game.phone(index, now),
                    })
                    .to_string()
                }
                Err(r) => refused(r),
            }
        }
        FromPhone::Rejoin { pin, token } => match game.player(&pin, &token) {
            Ok(index) => {
                *player = Some(index);
                state_message(&game, index, now)
            }
            Err(r) => refused(r),
        },
        FromPhone::Answer {
            pin,
            token,
            question,
            answer,
        } => match game.player(&pin, &token) {
            Ok(index) => {
                *player = Some(index);
                match game.answer(index, question, answer, now) {
                    Ok(_) => {
                        shared.publish(&game, false);
                        state_message(&game, index, now)
                    }
                    Err(r) => refused(r),
                }
            }
            Err(r) => refused(r),
        },
    }
}
