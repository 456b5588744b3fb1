//! What trainers run for a room and a class, without the UI:
//!
//! - [`training`]: a quiz shown on a projector, teams scored per question;
//! - [`exam`]: a timed test for one learner, graded at the end;
//! - [`exam_file`]: an exam the trainer sets, settings locked, questions inside;
//! - [`paper`]: the exam printed, in numbered versions with answer sheets and keys;
//! - [`seal`]: the keyed hash that tells a result edited after handing in;
//! - [`verify`]: every result re-graded from its answers, and what looks wrong;
//! - [`report`]: exam results from many PCs put together;
//! - [`live`]: a session answered on phones over the room's network.
//!
//! Time is passed in as seconds on a steady clock (the window's), so the
//! state machines are tested without waiting.

pub mod exam;
pub mod exam_file;
pub mod live;
pub mod paper;
pub mod report;
pub mod seal;
pub mod training;
pub mod verify;
