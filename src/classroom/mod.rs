//! What trainers run for a room and a class, without the UI:
//!
//! - [`training`]: a quiz shown on a projector, teams scored per question;
//! - [`exam`]: a timed test for one learner, graded at the end;
//! - [`report`]: exam results from many PCs put together.
//!
//! Time is passed in as seconds on a steady clock (the window's), so the
//! state machines are tested without waiting.

pub mod exam;
pub mod report;
pub mod training;
