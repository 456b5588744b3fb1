//! A start-up trace, to see where the time before the first frame goes.
//!
//! With `NGHIQUYET_STARTUP_TRACE=1` in the environment, each step of the
//! start prints its time on standard error (`startup  12.3 ms  settings`);
//! with `NGHIQUYET_STARTUP_TRACE=exit` the window also closes once its first
//! frame is on screen, so a script can start it again and again
//! (`tools/startup.sh`). Times count from `NGHIQUYET_LAUNCHED_AT` (nanoseconds
//! since 1970, set by the script just before it starts the program) where it
//! is given, so the loading of the program itself is counted; otherwise from
//! the start of `main`. Without the variable nothing is printed and each step
//! costs one relaxed atomic load.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

pub const TRACE_VARIABLE: &str = "NGHIQUYET_STARTUP_TRACE";
pub const LAUNCHED_AT_VARIABLE: &str = "NGHIQUYET_LAUNCHED_AT";

static ON: AtomicBool = AtomicBool::new(false);
static EXIT: AtomicBool = AtomicBool::new(false);
/// The moment times count from, and how long before it the program started.
static ORIGIN: OnceLock<(Instant, Duration)> = OnceLock::new();

/// Reads the environment; call first thing in `main`.
pub fn init() {
    let Ok(value) = std::env::var(TRACE_VARIABLE) else {
        return;
    };
    let now = Instant::now();
    let before = std::env::var(LAUNCHED_AT_VARIABLE)
        .ok()
        .and_then(|v| v.trim().parse::<u128>().ok())
        .and_then(|launched| {
            let since_epoch = SystemTime::now().duration_since(UNIX_EPOCH).ok()?;
            let ns = since_epoch.as_nanos().checked_sub(launched)?;
            Some(Duration::from_nanos(u64::try_from(ns).ok()?))
        })
        .unwrap_or_default();
    let _ = ORIGIN.set((now, before));
    ON.store(true, Ordering::Relaxed);
    EXIT.store(value.trim() == "exit", Ordering::Relaxed);
    mark("main");
}

/// Whether the trace is on.
pub fn on() -> bool {
    ON.load(Ordering::Relaxed)
}

/// Whether the window should close once its first frame is shown.
pub fn exit_after_first_frame() -> bool {
    EXIT.load(Ordering::Relaxed)
}

/// Milliseconds since the program started (see the module's note).
pub fn elapsed_ms() -> f64 {
    ORIGIN.get().map_or(0.0, |(origin, before)| {
        (origin.elapsed() + *before).as_secs_f64() * 1000.0
    })
}

/// Prints that `step` is done, when the trace is on.
pub fn mark(step: &str) {
    if on() {
        eprintln!("startup {:7.1} ms  {step}", elapsed_ms());
    }
}

/// Call at the start of every frame with egui's count of finished frames and
/// of passes (a frame is laid out twice when egui discards a first pass):
/// marks the first frame shown (once), with the peak memory so far. True
/// when the window should now close.
pub fn first_frame_shown(finished_frames: u64, passes: u64) -> bool {
    static SHOWN: AtomicBool = AtomicBool::new(false);
    if !on() || finished_frames == 0 || SHOWN.swap(true, Ordering::Relaxed) {
        return false;
    }
    let plural = if passes == 1 { "" } else { "es" };
    mark(&format!(
        "first frame on screen ({passes} layout pass{plural})"
    ));
    mark_memory();
    exit_after_first_frame()
}

/// Prints the peak memory of the process so far (Linux), when the trace is on.
pub fn mark_memory() {
    if !on() {
        return;
    }
    if let Some(kb) = peak_memory_kb() {
        eprintln!(
            "startup {:7.1} ms  peak memory {} MB",
            elapsed_ms(),
            kb / 1024
        );
    }
}

/// The high-water mark of resident memory, from `/proc/self/status`.
fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    parse_vm_hwm(&status)
}

fn parse_vm_hwm(status: &str) -> Option<u64> {
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().strip_suffix("kB"))
        .and_then(|v| v.trim().parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peak_memory_is_read_from_the_status_file() {
        let status = "Name:\tnghiquyet\nVmPeak:\t  900 kB\nVmHWM:\t  123456 kB\nVmRSS:\t 1 kB\n";
        assert_eq!(parse_vm_hwm(status), Some(123_456));
        assert_eq!(parse_vm_hwm("VmRSS: 1 kB\n"), None);
        assert_eq!(parse_vm_hwm("VmHWM: lots kB\n"), None);
    }

    #[test]
    fn without_the_variable_nothing_is_traced() {
        // The test runner does not set it (and nothing here calls init).
        assert!(!on());
        assert!(!exit_after_first_frame());
        assert_eq!(elapsed_ms(), 0.0);
        mark("nothing");
    }
}
