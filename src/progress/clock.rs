//! Time as the schedule sees it: moments ([`Millis`]), spans in ms, and study
//! days that begin at 04:00 local time, as in Anki, so a late-evening session
//! still counts for that evening's day.

pub use crate::calendar::Millis;
use crate::calendar::civil_from_days;

pub const MINUTE: i64 = 60_000;
pub const HOUR: i64 = 60 * MINUTE;
pub const DAY: i64 = 24 * HOUR;
/// A study day starts this long after local midnight.
const DAY_STARTS: i64 = 4 * HOUR;

/// "Now" and the local offset from UTC, passed in so everything that depends
/// on time can be tested with a fixed clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    pub now: Millis,
    /// Local time minus UTC, in milliseconds.
    pub offset: i64,
}

impl Clock {
    /// The system clock and time zone.
    pub fn system() -> Clock {
        let now = now_ms();
        let offset = jiff::Timestamp::from_millisecond(now.get())
            .map(|t| i64::from(jiff::tz::TimeZone::system().to_offset(t).seconds()) * 1000)
            .unwrap_or(0);
        Clock { now, offset }
    }

    /// A fixed clock in UTC (tests, benchmarks).
    pub fn fixed(now: Millis) -> Clock {
        Clock { now, offset: 0 }
    }

    /// The study day `at` falls on, counted from 1970-01-01.
    pub fn day_of(&self, at: Millis) -> i64 {
        (at.get() + self.offset - DAY_STARTS).div_euclid(DAY)
    }

    pub fn today(&self) -> i64 {
        self.day_of(self.now)
    }

    /// When the study day `day` begins, in UTC milliseconds.
    pub fn start_of_day(&self, day: i64) -> Millis {
        Millis(day * DAY + DAY_STARTS - self.offset)
    }
}

pub fn now_ms() -> Millis {
    Millis::now()
}

/// "dd/mm/yyyy HH:MM" in local time, as Vietnamese readers write dates.
pub fn format_local(clock: &Clock, at: Millis) -> String {
    let local = at.get() + clock.offset;
    let (y, m, d) = civil_from_days(local.div_euclid(DAY));
    let in_day = local.rem_euclid(DAY);
    format!(
        "{d:02}/{m:02}/{y} {:02}:{:02}",
        in_day / HOUR,
        in_day % HOUR / MINUTE
    )
}

/// "dd/mm" of a study day, for plot axes.
pub fn format_day(day: i64) -> String {
    let (_, m, d) = civil_from_days(day);
    format!("{d:02}/{m:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_start_at_four_in_the_morning_local_time() {
        // 2026-11-25 00:00 UTC is day 20782.
        let midnight = Millis(20_782 * DAY);
        let hanoi = Clock {
            now: midnight,
            offset: 7 * HOUR,
        };
        // 07:00 in Hanoi is on the 25th; 03:59 in Hanoi still the 24th.
        assert_eq!(hanoi.day_of(midnight), 20_782);
        assert_eq!(hanoi.day_of(midnight - 3 * HOUR - MINUTE), 20_781);
        assert_eq!(hanoi.day_of(midnight - 3 * HOUR), 20_782);
        assert_eq!(hanoi.day_of(hanoi.start_of_day(20_782)), 20_782);
        assert_eq!(hanoi.day_of(hanoi.start_of_day(20_782) - 1), 20_781);
    }

    #[test]
    fn dates_are_written_day_first() {
        let clock = Clock {
            now: Millis::EPOCH,
            offset: 7 * HOUR,
        };
        assert_eq!(
            format_local(&clock, Millis(20_782 * DAY + 90 * MINUTE)),
            "25/11/2026 08:30"
        );
        assert_eq!(format_day(20_782), "25/11");
        assert_eq!(civil_from_days(0), (1970, 1, 1));
    }
}
