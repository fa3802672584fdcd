//! Group work rules: session types, series planning around holidays and
//! school hours, conflicts, attendance marks, hours and children's counts.

use crate::coded_enum;
use crate::school::{Calendar, Closure};
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

coded_enum! {
    /// What a session is.
    SessionKind: "sessionkind" {
        Informative = "informative",
        Psychosocial = "psychosocial",
        CreativeAtelier = "creative_atelier",
        Outing = "outing",
        Volunteering = "volunteering",
        JointWithChildren = "joint_with_children",
        ChildrensGroup = "childrens_group",
        ClosingRitual = "closing_ritual",
        InformationSession = "information_session",
        Aftercare = "aftercare",
    }
}

coded_enum! {
    /// A mark on the attendance screen.
    Mark: "mark" {
        Present = "present",
        Late = "late",
        Excused = "excused",
        Absent = "absent",
    }
}

coded_enum! {
    /// Why a member was excused.
    ExcuseReason: "excusereason" {
        SickChild = "sick_child",
        OwnHealth = "own_health",
        Appointment = "appointment",
        WorkOrTraining = "work_or_training",
        Transport = "transport",
        NoChildcare = "no_childcare",
        Other = "other",
    }
}

impl Mark {
    /// Whether she was there (and her hours count).
    pub fn attended(self) -> bool {
        matches!(self, Mark::Present | Mark::Late)
    }
}

/// An organisation's school hours: sessions for mothers stay within them
/// unless the planner overrides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolHours {
    pub start: NaiveTime,
    pub end: NaiveTime,
    /// Schools close early on Wednesdays.
    pub wednesday_end: NaiveTime,
}

impl Default for SchoolHours {
    fn default() -> Self {
        Self {
            start: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(),
            end: NaiveTime::from_hms_opt(15, 0, 0).unwrap_or_default(),
            wednesday_end: NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default(),
        }
    }
}

impl SchoolHours {
    pub fn contains(&self, day: NaiveDate, start: NaiveTime, end: NaiveTime) -> bool {
        let close = if day.weekday() == Weekday::Wed {
            self.wednesday_end
        } else {
            self.end
        };
        start >= self.start && end <= close
    }
}

/// How often a series meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Rhythm {
    Weekly,
    EveryTwoWeeks,
    /// The nth weekday (that of the first date) of each month; 5 is the last.
    Monthly {
        nth: u8,
    },
    /// `count` sessions spread evenly between the two dates, on the first
    /// date's weekday.
    Spread {
        count: u32,
    },
}

/// A series to plan.
#[derive(Debug, Clone, Copy)]
pub struct SeriesRequest {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub rhythm: Rhythm,
    pub start: NaiveTime,
    pub end: NaiveTime,
    /// Plan outside school hours too (an evening information session).
    pub outside_school_hours: bool,
}

/// Why a date of the series is skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    Closed(Closure),
    OutsideSchoolHours,
}

impl Skip {
    pub fn code(&self) -> &str {
        match self {
            Skip::Closed(c) => c.code(),
            Skip::OutsideSchoolHours => "outside_school_hours",
        }
    }

    /// The holiday period's name code, where there is one.
    pub fn period(&self) -> Option<&str> {
        match self {
            Skip::Closed(Closure::SchoolHoliday(name)) => Some(name),
            _ => None,
        }
    }
}

/// One date the rhythm gives: planned, or skipped with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub date: NaiveDate,
    pub skipped: Option<Skip>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SeriesError {
    #[error("the last date is before the first")]
    Backwards,
    #[error("a series spans at most two years")]
    TooLong,
    #[error("a session ends after it starts")]
    Times,
    #[error("the rhythm is not valid")]
    Rhythm,
}

/// The most days a series may span (two school years).
pub const MAX_SERIES_DAYS: i64 = 731;

/// The dates a series would have, each planned or skipped with its reason
/// (shown before anything is saved).
pub fn plan_series(
    request: &SeriesRequest,
    calendar: &Calendar,
    hours: &SchoolHours,
) -> Result<Vec<Planned>, SeriesError> {
    if request.last < request.first {
        return Err(SeriesError::Backwards);
    }
    if (request.last - request.first).num_days() > MAX_SERIES_DAYS {
        return Err(SeriesError::TooLong);
    }
    if request.end <= request.start {
        return Err(SeriesError::Times);
    }
    let judge = |date: NaiveDate| Planned {
        date,
        skipped: match calendar.closure(date) {
            Some(c) => Some(Skip::Closed(c)),
            None if !request.outside_school_hours
                && !hours.contains(date, request.start, request.end) =>
            {
                Some(Skip::OutsideSchoolHours)
            }
            None => None,
        },
    };
    let weekly = |step: i64| {
        let mut out = Vec::new();
        let mut day = request.first;
        while day <= request.last {
            out.push(day);
            day += Duration::days(step);
        }
        out
    };
    Ok(match request.rhythm {
        Rhythm::Weekly => weekly(7).into_iter().map(judge).collect(),
        Rhythm::EveryTwoWeeks => weekly(14).into_iter().map(judge).collect(),
        Rhythm::Monthly { nth } => {
            if !(1..=5).contains(&nth) {
                return Err(SeriesError::Rhythm);
            }
            let weekday = request.first.weekday();
            let mut out = Vec::new();
            let (mut y, mut m) = (request.first.year(), request.first.month());
            while let Some(month_start) = NaiveDate::from_ymd_opt(y, m, 1)
                && month_start <= request.last
            {
                if let Some(day) = nth_weekday(y, m, weekday, nth)
                    && day >= request.first
                    && day <= request.last
                {
                    out.push(judge(day));
                }
                (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            }
            out
        }
        Rhythm::Spread { count } => {
            if count == 0 {
                return Err(SeriesError::Rhythm);
            }
            let all: Vec<Planned> = weekly(7).into_iter().map(judge).collect();
            let open: Vec<usize> = (0..all.len())
                .filter(|&i| all[i].skipped.is_none())
                .collect();
            let chosen: Vec<usize> = if open.len() <= count as usize {
                open
            } else if count == 1 {
                vec![open[0]]
            } else {
                let n = open.len() - 1;
                let c = count as usize - 1;
                (0..=c).map(|i| open[(i * n + c / 2) / c]).collect()
            };
            // Closed dates are shown as skipped; open ones the spread leaves
            // out are simply not part of the series.
            all.into_iter()
                .enumerate()
                .filter(|(i, p)| p.skipped.is_some() || chosen.contains(i))
                .map(|(_, p)| p)
                .collect()
        }
    })
}

/// The nth (1-4, or 5 for the last) given weekday of a month.
pub fn nth_weekday(year: i32, month: u32, weekday: Weekday, nth: u8) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let offset = (7 + weekday.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
    let first_match = first + Duration::days(offset as i64);
    if nth == 5 {
        let mut day = first_match;
        while (day + Duration::days(7)).month() == month {
            day += Duration::days(7);
        }
        return Some(day);
    }
    let day = first_match + Duration::weeks(nth as i64 - 1);
    (day.month() == month).then_some(day)
}

/// A warning before a session is saved; the planner may keep it anyway.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    RoomTaken,
    FacilitatorTaken { user_id: String },
    Closed(Closure),
    OutsideSchoolHours,
    RoomTooSmall { capacity: i32, needed: i32 },
    NoChildcareRoom,
}

impl Conflict {
    pub fn code(&self) -> &'static str {
        match self {
            Conflict::RoomTaken => "room_taken",
            Conflict::FacilitatorTaken { .. } => "facilitator_taken",
            Conflict::Closed(_) => "closed",
            Conflict::OutsideSchoolHours => "outside_school_hours",
            Conflict::RoomTooSmall { .. } => "room_too_small",
            Conflict::NoChildcareRoom => "no_childcare_room",
        }
    }
}

/// A room as the conflict check needs it.
#[derive(Debug, Clone, Copy)]
pub struct RoomFacts {
    pub capacity: i32,
    pub childcare_room: bool,
}

/// When a session takes place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
}

/// The calendar and room conflicts of one session (double bookings are
/// found by the database and added by the caller).
pub fn session_conflicts(
    Slot { date, start, end }: Slot,
    calendar: &Calendar,
    hours: &SchoolHours,
    room: Option<RoomFacts>,
    people: i32,
    needs_childcare: bool,
) -> Vec<Conflict> {
    let mut out = Vec::new();
    if let Some(c) = calendar.closure(date) {
        out.push(Conflict::Closed(c));
    } else if !hours.contains(date, start, end) {
        out.push(Conflict::OutsideSchoolHours);
    }
    out.extend(room_conflicts(room, people, needs_childcare));
    out
}

/// A room too small for the people of a session, or without the childcare
/// the session needs.
pub fn room_conflicts(
    room: Option<RoomFacts>,
    people: i32,
    needs_childcare: bool,
) -> Vec<Conflict> {
    let mut out = Vec::new();
    if let Some(room) = room {
        if room.capacity < people {
            out.push(Conflict::RoomTooSmall {
                capacity: room.capacity,
                needed: people,
            });
        }
        if needs_childcare && !room.childcare_room {
            out.push(Conflict::NoChildcareRoom);
        }
    }
    out
}

/// Where a child goes during a session: childcare under 7 on that date, the
/// children's group from 7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ChildCounts {
    pub childcare: u32,
    pub childrens_group: u32,
}

/// Counts the children of the members for a session on `date` (children
/// without a known birth date are not counted: they show on the data
/// problems list instead).
pub fn child_counts(birth_dates: &[Option<NaiveDate>], date: NaiveDate) -> ChildCounts {
    let mut counts = ChildCounts::default();
    for born in birth_dates.iter().flatten() {
        if *born > date {
            continue;
        }
        if crate::identity::age_on(*born, date) < 7 {
            counts.childcare += 1;
        } else if crate::identity::age_on(*born, date) < 18 {
            counts.childrens_group += 1;
        }
    }
    counts
}

/// Whether the last two marks (oldest first) are both absences without a
/// reason: her casemanager should call.
pub fn two_unexplained_in_a_row(marks: &[Mark]) -> bool {
    marks.len() >= 2 && marks[marks.len() - 2..].iter().all(|m| *m == Mark::Absent)
}

/// A session's length in hours (quarters are kept: 2.75 h).
pub fn hours(start: NaiveTime, end: NaiveTime) -> f64 {
    ((end - start).num_minutes().max(0) as f64) / 60.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::school::Community;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }
    fn request(first: NaiveDate, last: NaiveDate, rhythm: Rhythm) -> SeriesRequest {
        SeriesRequest {
            first,
            last,
            rhythm,
            start: t(9, 30),
            end: t(12, 0),
            outside_school_hours: false,
        }
    }

    #[test]
    fn a_weekly_series_skips_exactly_the_holidays() {
        let cal = Calendar::new(Community::Flemish, Vec::new());
        // Mondays of school year 2025-2026, September to June.
        let plan = plan_series(
            &request(d(2025, 9, 1), d(2026, 6, 29), Rhythm::Weekly),
            &cal,
            &SchoolHours::default(),
        )
        .unwrap();
        let skipped: Vec<(NaiveDate, &str)> = plan
            .iter()
            .filter_map(|p| p.skipped.as_ref().map(|s| (p.date, s.code())))
            .collect();
        assert_eq!(
            skipped,
            vec![
                (d(2025, 10, 27), "school_holiday"),
                (d(2025, 12, 22), "school_holiday"),
                (d(2025, 12, 29), "school_holiday"),
                (d(2026, 2, 16), "school_holiday"),
                (d(2026, 4, 6), "public_holiday"),
                (d(2026, 4, 13), "school_holiday"),
                (d(2026, 5, 25), "public_holiday"),
            ]
        );
        assert_eq!(plan.len(), 44);
        assert!(plan.iter().all(|p| p.date.weekday() == Weekday::Mon));
    }

    #[test]
    fn school_hours_and_wednesday_afternoon() {
        let cal = Calendar::new(Community::French, Vec::new());
        let mut r = request(d(2026, 3, 4), d(2026, 3, 18), Rhythm::EveryTwoWeeks);
        r.start = t(13, 0);
        r.end = t(15, 0);
        let plan = plan_series(&r, &cal, &SchoolHours::default()).unwrap();
        assert_eq!(plan.len(), 2);
        assert!(
            plan.iter()
                .all(|p| p.skipped == Some(Skip::OutsideSchoolHours))
        );
        r.outside_school_hours = true;
        let plan = plan_series(&r, &cal, &SchoolHours::default()).unwrap();
        assert!(plan.iter().all(|p| p.skipped.is_none()));
    }

    #[test]
    fn monthly_on_the_nth_weekday_and_spread() {
        let cal = Calendar::new(Community::Flemish, Vec::new());
        // Second Tuesday of each month, autumn 2026.
        let plan = plan_series(
            &request(d(2026, 9, 8), d(2026, 12, 31), Rhythm::Monthly { nth: 2 }),
            &cal,
            &SchoolHours::default(),
        )
        .unwrap();
        let dates: Vec<NaiveDate> = plan.iter().map(|p| p.date).collect();
        assert_eq!(
            dates,
            vec![
                d(2026, 9, 8),
                d(2026, 10, 13),
                d(2026, 11, 10),
                d(2026, 12, 8)
            ]
        );
        assert_eq!(nth_weekday(2026, 3, Weekday::Tue, 5), Some(d(2026, 3, 31)));
        assert_eq!(nth_weekday(2026, 2, Weekday::Mon, 5), Some(d(2026, 2, 23)));
        // Eight sessions between two dates: eight planned, holidays shown.
        let plan = plan_series(
            &request(d(2025, 9, 1), d(2026, 1, 31), Rhythm::Spread { count: 8 }),
            &cal,
            &SchoolHours::default(),
        )
        .unwrap();
        assert_eq!(plan.iter().filter(|p| p.skipped.is_none()).count(), 8);
        assert_eq!(plan.iter().filter(|p| p.skipped.is_some()).count(), 3);
        assert_eq!(
            plan.iter().find(|p| p.skipped.is_none()).unwrap().date,
            d(2025, 9, 1)
        );
    }

    #[test]
    fn bad_series_are_refused() {
        let cal = Calendar::new(Community::Flemish, Vec::new());
        let h = SchoolHours::default();
        let r = request(d(2026, 3, 1), d(2026, 2, 1), Rhythm::Weekly);
        assert_eq!(plan_series(&r, &cal, &h), Err(SeriesError::Backwards));
        let r = request(d(2026, 3, 1), d(2029, 2, 1), Rhythm::Weekly);
        assert_eq!(plan_series(&r, &cal, &h), Err(SeriesError::TooLong));
        let r = request(d(2026, 3, 1), d(2026, 4, 1), Rhythm::Monthly { nth: 0 });
        assert_eq!(plan_series(&r, &cal, &h), Err(SeriesError::Rhythm));
        let mut r = request(d(2026, 3, 1), d(2026, 4, 1), Rhythm::Weekly);
        r.end = r.start;
        assert_eq!(plan_series(&r, &cal, &h), Err(SeriesError::Times));
    }

    #[test]
    fn conflicts_of_a_session() {
        let cal = Calendar::new(Community::Flemish, Vec::new());
        let h = SchoolHours::default();
        let small = RoomFacts {
            capacity: 8,
            childcare_room: false,
        };
        let found = session_conflicts(
            Slot {
                date: d(2026, 7, 21),
                start: t(9, 0),
                end: t(12, 0),
            },
            &cal,
            &h,
            Some(small),
            12,
            true,
        );
        assert_eq!(
            found.iter().map(Conflict::code).collect::<Vec<_>>(),
            vec!["closed", "room_too_small", "no_childcare_room"]
        );
        let none = session_conflicts(
            Slot {
                date: d(2026, 3, 10),
                start: t(9, 0),
                end: t(12, 0),
            },
            &cal,
            &h,
            None,
            12,
            true,
        );
        assert!(none.is_empty());
    }

    #[test]
    fn childcare_counts_across_a_seventh_birthday() {
        let born = [
            Some(d(2019, 3, 10)),
            Some(d(2023, 1, 1)),
            None,
            Some(d(2010, 1, 1)),
        ];
        assert_eq!(
            child_counts(&born, d(2026, 3, 9)),
            ChildCounts {
                childcare: 2,
                childrens_group: 1
            }
        );
        assert_eq!(
            child_counts(&born, d(2026, 3, 10)),
            ChildCounts {
                childcare: 1,
                childrens_group: 2
            }
        );
    }

    #[test]
    fn unexplained_absences_and_hours() {
        use Mark::*;
        assert!(two_unexplained_in_a_row(&[Present, Absent, Absent]));
        assert!(!two_unexplained_in_a_row(&[Absent, Excused, Absent]));
        assert!(!two_unexplained_in_a_row(&[Absent]));
        assert_eq!(hours(t(9, 30), t(12, 15)), 2.75);
        assert!(Late.attended() && !Excused.attended());
    }
}
