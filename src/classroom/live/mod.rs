//! A training session answered on everyone's phone, over the room's own
//! network: the trainer's PC serves a small page and counts the answers;
//! nothing leaves the room.
//!
//! - [`answers`]: a phone's answer in the room's letters, mapped to the question;
//! - [`game`]: the room as pure state (players, answers, points, refusals);
//! - [`server`]: the HTTP and WebSocket server around it, on its own thread;
//! - [`network`]: the PC's addresses in the room and the QR code.

pub mod answers;
pub mod game;
pub mod network;
pub mod server;

pub use answers::PhoneAnswer;
pub use game::{Game, PhonePlayer, PhonesPlan, Refusal, RoomView};
pub use server::{LiveConfig, LiveHandle, Show};
