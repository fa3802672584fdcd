//! The one source of time. Every rule that depends on "now" (timeouts, ages,
//! holidays, reminders) takes a `Clock`, so tests can pin or advance it and
//! nothing depends on the day the suite runs.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::sync::{Arc, Mutex, PoisonError};

pub trait Clock: Send + Sync + std::fmt::Debug {
    fn now(&self) -> DateTime<Utc>;

    /// Today's date in Belgium: a session at 23:30 UTC in summer is already tomorrow there.
    fn today(&self) -> NaiveDate {
        // Europe/Brussels is UTC+1 in winter and UTC+2 in summer; the exact zone
        // rules live with the i18n formatting, a day boundary only needs the offset.
        brussels_date(self.now())
    }
}

/// The calendar date in Europe/Brussels for an instant, using the EU rule for
/// summer time (last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC).
pub fn brussels_date(at: DateTime<Utc>) -> NaiveDate {
    (at + brussels_offset(at)).date_naive()
}

/// Brussels wall-clock time of a UTC instant (stored as naive UTC).
pub fn brussels_local(utc: chrono::NaiveDateTime) -> chrono::NaiveDateTime {
    utc + brussels_offset(utc.and_utc())
}

/// The UTC instant of a Brussels wall-clock time (a session's start, a
/// reminder's moment). In the autumn's repeated hour, the first is taken.
pub fn from_brussels(local: chrono::NaiveDateTime) -> chrono::NaiveDateTime {
    let guess = local - Duration::hours(2);
    local - brussels_offset(guess.and_utc())
}

/// Offset of Europe/Brussels from UTC at an instant.
pub fn brussels_offset(at: DateTime<Utc>) -> Duration {
    use chrono::{Datelike, NaiveTime, Weekday};
    let year = at.year();
    let last_sunday = |month: u32| -> DateTime<Utc> {
        let mut day = NaiveDate::from_ymd_opt(year, month, 31).unwrap_or(NaiveDate::MIN);
        while day.weekday() != Weekday::Sun {
            day = day.pred_opt().unwrap_or(NaiveDate::MIN);
        }
        day.and_time(NaiveTime::from_hms_opt(1, 0, 0).unwrap_or(NaiveTime::MIN))
            .and_utc()
    };
    if at >= last_sunday(3) && at < last_sunday(10) {
        Duration::hours(2)
    } else {
        Duration::hours(1)
    }
}

#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that only moves when told to: for tests and reproducible demos.
#[derive(Debug, Clone)]
pub struct ManualClock {
    now: Arc<Mutex<DateTime<Utc>>>,
}

impl ManualClock {
    pub fn new(now: DateTime<Utc>) -> Self {
        Self {
            now: Arc::new(Mutex::new(now)),
        }
    }

    pub fn set(&self, to: DateTime<Utc>) {
        *self.now.lock().unwrap_or_else(PoisonError::into_inner) = to;
    }

    pub fn advance(&self, by: Duration) {
        *self.now.lock().unwrap_or_else(PoisonError::into_inner) += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.now.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn manual_clock_moves_only_when_told() {
        let clock = ManualClock::new(utc("2026-11-22T10:00:00Z"));
        assert_eq!(clock.now(), utc("2026-11-22T10:00:00Z"));
        clock.advance(Duration::minutes(31));
        assert_eq!(clock.now(), utc("2026-11-22T10:31:00Z"));
        clock.set(utc("2027-01-01T00:00:00Z"));
        assert_eq!(clock.now(), utc("2027-01-01T00:00:00Z"));
    }

    #[test]
    fn brussels_date_follows_summer_and_winter_time() {
        // Winter: UTC+1, so 23:30 UTC is already the next day.
        assert_eq!(
            brussels_date(utc("2026-11-22T23:30:00Z")),
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
        );
        assert_eq!(
            brussels_date(utc("2026-11-22T22:30:00Z")),
            NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
        );
        // Summer: UTC+2, so 22:30 UTC is the next day.
        assert_eq!(
            brussels_date(utc("2026-07-01T22:30:00Z")),
            NaiveDate::from_ymd_opt(2026, 7, 2).unwrap()
        );
        // Switch-over instants of 2026: 29 March and 25 October, 01:00 UTC.
        assert_eq!(
            brussels_offset(utc("2026-03-29T00:59:59Z")),
            Duration::hours(1)
        );
        assert_eq!(
            brussels_offset(utc("2026-03-29T01:00:00Z")),
            Duration::hours(2)
        );
        assert_eq!(
            brussels_offset(utc("2026-10-25T00:59:59Z")),
            Duration::hours(2)
        );
        assert_eq!(
            brussels_offset(utc("2026-10-25T01:00:00Z")),
            Duration::hours(1)
        );
    }
}
