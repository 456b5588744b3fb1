//! What a learner has done, kept for good: every answer, the review schedule
//! made from them, and how well each key point is known.
//!
//! - [`record`]: one answer as it is kept, and the question it is about.
//! - [`schedule`]: FSRS scheduling as plain values and pure functions.
//! - [`mastery`]: how well questions, key points and sets are known; streaks.
//! - [`store`]: a profile's files — atomic, backed up, locked, saved off the
//!   UI thread — and [`profiles`], the list of profiles on this PC.
//! - [`exchange`]: one-file export and a merging import.
//!
//! None of it uses egui.

pub mod backup;
pub mod clock;
pub mod exchange;
pub mod files;
pub mod mastery;
pub mod overview;
pub mod profiles;
pub mod record;
pub mod schedule;
pub mod store;

pub use clock::Clock;
pub use record::{Attempt, Mode, Progress, QuestionRef, Rating};
pub use schedule::{Card, Counts, Schedule};
pub use store::{OpenError, Opened, ProfileStore, StoreNotice};
// Re-exported for callers that only need backups.
pub use backup::Backup;
