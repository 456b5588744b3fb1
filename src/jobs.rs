//! Work done off the window's thread: one small job type for every use
//! (the key points of a document, the learner's history at start-up,
//! fitting the scheduler to a learner's answers).
//!
//! A [`Job`] runs a closure on a named thread and hands back its result
//! once. The window polls it each frame; a job may be given a little
//! *patience*, so that a short piece of work is waited for instead of
//! flashing an empty panel for one frame.

use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError};
use std::time::Duration;

/// Where a job stands when polled.
#[derive(Debug)]
pub enum JobState<T> {
    Done(T),
    Working,
    /// The worker ended without a result (it panicked): nothing will come.
    Lost,
}

/// Work running on a thread of its own.
pub struct Job<T> {
    receiver: Receiver<T>,
    patience: Duration,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a thread called `name`. Where no thread can be made
    /// (a system at its limit), the work is done here and now instead.
    pub fn spawn(name: &str, work: impl FnOnce() -> T + Send + 'static) -> Job<T> {
        let (send, receiver) = std::sync::mpsc::channel();
        // The work is shared with the fallback, so it can run either way.
        let work = std::sync::Arc::new(std::sync::Mutex::new(Some(work)));
        let on_thread = {
            let (send, work) = (send.clone(), work.clone());
            move || {
                let work = work.lock().ok().and_then(|mut w| w.take());
                if let Some(work) = work {
                    let _ = send.send(work());
                }
            }
        };
        if std::thread::Builder::new()
            .name(name.into())
            .spawn(on_thread)
            .is_err()
        {
            let work = work.lock().ok().and_then(|mut w| w.take());
            if let Some(work) = work {
                let _ = send.send(work());
            }
        }
        Job {
            receiver,
            patience: Duration::ZERO,
        }
    }
}

impl<T> Job<T> {
    /// A job already done (a result worked out some other way).
    pub fn done(value: T) -> Job<T> {
        let (send, receiver) = std::sync::mpsc::channel();
        let _ = send.send(value);
        Job {
            receiver,
            patience: Duration::ZERO,
        }
    }

    /// Each [`poll`](Self::poll) waits up to `patience` for the result.
    pub fn patient(mut self, patience: Duration) -> Job<T> {
        self.patience = patience;
        self
    }

    /// The result if it is there (after waiting up to the job's patience).
    pub fn poll(&mut self) -> JobState<T> {
        if self.patience.is_zero() {
            return match self.receiver.try_recv() {
                Ok(value) => JobState::Done(value),
                Err(TryRecvError::Empty) => JobState::Working,
                Err(TryRecvError::Disconnected) => JobState::Lost,
            };
        }
        match self.receiver.recv_timeout(self.patience) {
            Ok(value) => JobState::Done(value),
            Err(RecvTimeoutError::Timeout) => JobState::Working,
            Err(RecvTimeoutError::Disconnected) => JobState::Lost,
        }
    }

    /// Waits for the result; `None` if the worker ended without one.
    pub fn wait(self) -> Option<T> {
        self.receiver.recv().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_hands_back_its_result_once() {
        let mut job = Job::spawn("test", || 6 * 7).patient(Duration::from_secs(5));
        assert!(matches!(job.poll(), JobState::Done(42)));
        assert!(matches!(job.poll(), JobState::Lost));
    }

    #[test]
    fn an_impatient_poll_does_not_wait() {
        let (go, wait) = std::sync::mpsc::channel::<()>();
        let mut job = Job::spawn("test", move || wait.recv().map(|()| "done"));
        assert!(matches!(job.poll(), JobState::Working));
        go.send(()).unwrap();
        assert_eq!(job.wait(), Some(Ok("done")));
    }

    #[test]
    fn a_worker_that_panics_is_lost_not_waited_for_forever() {
        let mut job: Job<u8> = Job::spawn("test", || panic!("on purpose"));
        let state = job.patient_poll_for_test();
        assert!(matches!(state, JobState::Lost), "{state:?}");
    }

    #[test]
    fn a_done_job_is_done() {
        assert_eq!(Job::done(3).wait(), Some(3));
    }

    impl<T> Job<T> {
        fn patient_poll_for_test(&mut self) -> JobState<T> {
            self.patience = Duration::from_secs(5);
            self.poll()
        }
    }
}
