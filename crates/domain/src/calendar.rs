//! Belgium's public holidays and working days. School calendars of the three
//! Communities build on this when group sessions arrive.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// The ten legal public holidays of Belgium in a year, in date order.
pub fn public_holidays(year: i32) -> Vec<NaiveDate> {
    let fixed = [
        (1, 1),
        (5, 1),
        (7, 21),
        (8, 15),
        (11, 1),
        (11, 11),
        (12, 25),
    ];
    let mut days: Vec<NaiveDate> = fixed
        .iter()
        .filter_map(|&(m, d)| NaiveDate::from_ymd_opt(year, m, d))
        .collect();
    if let Some(easter) = easter_sunday(year) {
        // Easter Monday, Ascension Day, Whit Monday.
        days.extend([1, 39, 50].map(|n| easter + Duration::days(n)));
    }
    days.sort();
    days
}

pub fn is_public_holiday(day: NaiveDate) -> bool {
    public_holidays(day.year()).contains(&day)
}

pub fn is_working_day(day: NaiveDate) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !is_public_holiday(day)
}

/// The day itself if it is a working day, else the next one.
pub fn next_working_day(mut day: NaiveDate) -> NaiveDate {
    // A year never has more than a handful of consecutive non-working days.
    for _ in 0..10 {
        if is_working_day(day) {
            break;
        }
        day += Duration::days(1);
    }
    day
}

/// Adds whole months, keeping the day or the month's last day
/// (31 January + 1 month = 28 or 29 February).
pub fn add_months(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_add_months(chrono::Months::new(months))
        .unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn easter_of_known_years() {
        assert_eq!(easter_sunday(2024), Some(d(2024, 3, 31)));
        assert_eq!(easter_sunday(2025), Some(d(2025, 4, 20)));
        assert_eq!(easter_sunday(2026), Some(d(2026, 4, 5)));
        assert_eq!(easter_sunday(2027), Some(d(2027, 3, 28)));
        assert_eq!(easter_sunday(2038), Some(d(2038, 4, 25)));
    }

    #[test]
    fn belgian_holidays_of_2026() {
        assert_eq!(
            public_holidays(2026),
            vec![
                d(2026, 1, 1),
                d(2026, 4, 6),
                d(2026, 5, 1),
                d(2026, 5, 14),
                d(2026, 5, 25),
                d(2026, 7, 21),
                d(2026, 8, 15),
                d(2026, 11, 1),
                d(2026, 11, 11),
                d(2026, 12, 25),
            ]
        );
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        // Friday 25 December 2026 is Christmas; the next working day is Monday 28th.
        assert_eq!(next_working_day(d(2026, 12, 25)), d(2026, 12, 28));
        // Ascension Thursday 14 May 2026.
        assert_eq!(next_working_day(d(2026, 5, 14)), d(2026, 5, 15));
        assert_eq!(next_working_day(d(2026, 11, 24)), d(2026, 11, 24));
        assert!(!is_working_day(d(2026, 11, 11)));
        assert_eq!(add_months(d(2027, 1, 31), 1), d(2027, 2, 28));
    }
}
