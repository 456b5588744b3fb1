//! Dates without time zones: days counted from 1970-01-01 and back, for
//! file names, month files and dates shown to the user; and [`Millis`], a
//! moment in time. Used by storage and by the learner's clock alike, so it
//! belongs to neither.

use serde::{Deserialize, Serialize};

/// A moment: milliseconds since 1970-01-01 00:00 UTC (as Anki's
/// `TimestampMillis`). Written as a plain number, so files are unchanged.
/// A span of time stays an `i64` of milliseconds: moment − moment is a
/// span, moment ± span a moment.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Millis(pub i64);

impl Millis {
    pub const EPOCH: Millis = Millis(0);

    /// Now, by the system's clock.
    pub fn now() -> Millis {
        Millis(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_millis() as i64),
        )
    }

    /// The milliseconds since 1970.
    pub fn get(self) -> i64 {
        self.0
    }

    /// As a system time (never before 1970).
    pub fn to_system_time(self) -> std::time::SystemTime {
        std::time::UNIX_EPOCH + std::time::Duration::from_millis(self.0.max(0) as u64)
    }
}

impl std::ops::Add<i64> for Millis {
    type Output = Millis;
    fn add(self, span: i64) -> Millis {
        Millis(self.0 + span)
    }
}

impl std::ops::Sub<i64> for Millis {
    type Output = Millis;
    fn sub(self, span: i64) -> Millis {
        Millis(self.0 - span)
    }
}

impl std::ops::Sub for Millis {
    type Output = i64;
    fn sub(self, earlier: Millis) -> i64 {
        self.0 - earlier.0
    }
}

impl std::ops::AddAssign<i64> for Millis {
    fn add_assign(&mut self, span: i64) {
        self.0 += span;
    }
}

/// (year, month, day) of a day counted from 1970-01-01, after Howard
/// Hinnant's `civil_from_days`.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Days since 1970-01-01 of a date, after Howard Hinnant's `days_from_civil`.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_dates_go_both_ways() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_782), (2026, 11, 25));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        // 2024 is a leap year, 2100 is not.
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
        assert_eq!(
            days_from_civil(2100, 3, 1) - days_from_civil(2100, 2, 28),
            1
        );
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
