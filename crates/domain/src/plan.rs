//! Rules of the guidance plan (GPMI/PIIS): the evaluation schedule, the
//! reflection period before signing, the legal minimum of evaluations, and
//! the reminder before the plan ends.

use crate::calendar::{add_months, next_working_day};
use crate::coded_enum;
use chrono::{Duration, NaiveDate};

coded_enum! {
    /// Who carries out a step of the plan.
    StepOwner: "step owner" {
        Participant = "participant",
        Casemanager = "casemanager",
        Partner = "partner",
    }
}

coded_enum! {
    /// Where a step stands.
    StepStatus: "step status" {
        Open = "open",
        Done = "done",
        Dropped = "dropped",
    }
}

coded_enum! {
    /// Whose commitment a line of the plan is.
    CommitmentParty: "commitment party" {
        Participant = "participant",
        Ocmw = "ocmw",
        ThirdParty = "third_party",
    }
}

coded_enum! {
    /// How a goal progressed at an evaluation.
    Progress: "progress" {
        Achieved = "achieved",
        Progressing = "progressing",
        NoChange = "no_change",
        Regressed = "regressed",
    }
}

/// The GPMI default rhythm: an evaluation every 4 months gives 3 a year.
pub const DEFAULT_RHYTHM_MONTHS: u32 = 4;
/// Calendar days of reflection the law gives before signing a GPMI.
pub const REFLECTION_DAYS: i64 = 5;
/// Days before the plan's end date that its reminder appears.
pub const END_REMINDER_DAYS: i64 = 30;

/// Evaluation dates from the day the plan starts, every `rhythm_months`,
/// up to and including its end date, each moved off weekends and public
/// holidays to the next working day.
pub fn evaluation_schedule(
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    rhythm_months: u32,
) -> Vec<NaiveDate> {
    let rhythm = rhythm_months.clamp(1, 12);
    let mut out = Vec::new();
    let mut k = 1;
    loop {
        let due = add_months(starts_on, rhythm * k);
        if due > ends_on {
            break;
        }
        out.push(next_working_day(due));
        k += 1;
    }
    out
}

/// Whether the plan was signed before the reflection period ended (the day it
/// was offered plus five calendar days): the interface warns.
pub fn signed_within_reflection(offered_on: NaiveDate, signed_on: NaiveDate) -> bool {
    signed_on < offered_on + Duration::days(REFLECTION_DAYS)
}

/// Where a plan stands against the GPMI minimum over one year of its life:
/// at least 3 evaluations, of which at least 2 in person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Minimum {
    pub evaluations: usize,
    pub in_person: usize,
}

impl Minimum {
    pub fn of(evaluations: &[(NaiveDate, bool)], from: NaiveDate, to: NaiveDate) -> Self {
        let within = evaluations.iter().filter(|(d, _)| *d >= from && *d <= to);
        Self {
            evaluations: within.clone().count(),
            in_person: within.filter(|(_, p)| *p).count(),
        }
    }

    pub fn met(self) -> bool {
        self.evaluations >= 3 && self.in_person >= 2
    }
}

/// Whether the reminder before the plan's end shows on `today`.
pub fn end_reminder_due(ends_on: NaiveDate, today: NaiveDate) -> bool {
    today <= ends_on && today + Duration::days(END_REMINDER_DAYS) >= ends_on
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn evaluations_every_four_months_moved_off_holidays() {
        // Signed 1 July 2026: 1 Nov 2026 is a Sunday and All Saints, Monday 2 Nov;
        // 1 March 2027 Monday; 1 July 2027 Thursday.
        assert_eq!(
            evaluation_schedule(d(2026, 7, 1), d(2027, 7, 1), DEFAULT_RHYTHM_MONTHS),
            vec![d(2026, 11, 2), d(2027, 3, 1), d(2027, 7, 1)]
        );
        // Three a year by default.
        assert_eq!(
            evaluation_schedule(d(2026, 1, 15), d(2027, 1, 15), 4).len(),
            3
        );
        // Christmas: 25 Aug + 4 months = Friday 25 Dec 2026 -> Monday 28th.
        assert_eq!(
            evaluation_schedule(d(2026, 8, 25), d(2027, 1, 1), 4),
            vec![d(2026, 12, 28)]
        );
        assert!(evaluation_schedule(d(2026, 1, 1), d(2026, 3, 1), 4).is_empty());
    }

    #[test]
    fn reflection_period() {
        assert!(signed_within_reflection(d(2026, 3, 2), d(2026, 3, 2)));
        assert!(signed_within_reflection(d(2026, 3, 2), d(2026, 3, 6)));
        assert!(!signed_within_reflection(d(2026, 3, 2), d(2026, 3, 7)));
    }

    #[test]
    fn the_legal_minimum() {
        let evals = [
            (d(2026, 2, 1), true),
            (d(2026, 6, 1), false),
            (d(2026, 10, 1), true),
        ];
        let year = Minimum::of(&evals, d(2026, 1, 1), d(2026, 12, 31));
        assert_eq!(
            year,
            Minimum {
                evaluations: 3,
                in_person: 2
            }
        );
        assert!(year.met());
        let two_remote = [
            (d(2026, 2, 1), false),
            (d(2026, 6, 1), false),
            (d(2026, 10, 1), true),
        ];
        assert!(!Minimum::of(&two_remote, d(2026, 1, 1), d(2026, 12, 31)).met());
    }

    #[test]
    fn end_reminder() {
        assert!(!end_reminder_due(d(2027, 1, 31), d(2026, 12, 31)));
        assert!(end_reminder_due(d(2027, 1, 31), d(2027, 1, 1)));
        assert!(end_reminder_due(d(2027, 1, 31), d(2027, 1, 31)));
        assert!(!end_reminder_due(d(2027, 1, 31), d(2027, 2, 1)));
    }
}
