//! The network around her (issue 15, first part: the rules, no storage
//! yet): referrals and the statuses they move through, with the waiting time
//! measured from the day a referral was sent to the first appointment;
//! when a referral sitting unchanged needs a follow-up; when a partner on
//! the social map is stale; the categories of signals of structural
//! obstacles; meeting and learning kinds; when intervision is overdue.

use chrono::{Duration, NaiveDate};

crate::coded_enum! {
    /// Where a referral stands.
    ReferralStatus: "referral status" {
        Proposed = "proposed",
        Sent = "sent",
        Accepted = "accepted",
        WaitingList = "waiting_list",
        FirstAppointment = "first_appointment",
        Done = "done",
        Refused = "refused",
        NotPursued = "not_pursued",
    }
}

impl ReferralStatus {
    /// Nothing follows: done, refused or not pursued.
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            ReferralStatus::Done | ReferralStatus::Refused | ReferralStatus::NotPursued
        )
    }

    /// Whether a referral may move from `self` to `to`. Forward only, as
    /// things happen; "not pursued" is possible until it is closed.
    pub fn can_move_to(self, to: ReferralStatus) -> bool {
        use ReferralStatus::*;
        if self.is_closed() || self == to {
            return false;
        }
        match to {
            NotPursued => true,
            Sent => self == Proposed,
            Accepted => matches!(self, Sent | WaitingList),
            WaitingList => matches!(self, Sent | Accepted),
            Refused => matches!(self, Sent | WaitingList),
            FirstAppointment => matches!(self, Sent | Accepted | WaitingList),
            Done => self == FirstAppointment,
            Proposed => false,
        }
    }
}

/// Days from the day the referral was sent (else proposed) to the first
/// appointment, from its history of (status, day); `None` until then.
pub fn waiting_days(history: &[(ReferralStatus, NaiveDate)]) -> Option<i64> {
    let day_of = |s: ReferralStatus| history.iter().find(|(h, _)| *h == s).map(|(_, d)| *d);
    let from = day_of(ReferralStatus::Sent).or_else(|| day_of(ReferralStatus::Proposed))?;
    let to = day_of(ReferralStatus::FirstAppointment)?;
    Some((to - from).num_days().max(0))
}

/// Default days a referral may sit unchanged before her casemanager is
/// reminded to follow it up (an organisation may set its own).
pub const FOLLOW_UP_AFTER_DAYS: i64 = 21;

/// Whether an open referral, last changed on `changed_on`, needs a
/// follow-up on `today`.
pub fn needs_follow_up(
    status: ReferralStatus,
    changed_on: NaiveDate,
    after_days: i64,
    today: NaiveDate,
) -> bool {
    !status.is_closed() && today - changed_on >= Duration::days(after_days.max(1))
}

/// A partner not verified for this many months is stale.
pub const VERIFY_AFTER_MONTHS: u32 = 12;

/// Whether a partner last verified on `verified_on` (never: `None`) is
/// stale on `today`.
pub fn is_stale(verified_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    match verified_on {
        None => true,
        Some(d) => crate::calendar::add_months(d, VERIFY_AFTER_MONTHS) <= today,
    }
}

crate::coded_enum! {
    /// What kind of structural obstacle a signal is about.
    SignalCategory: "signal category" {
        WaitingList = "waiting_list",
        Unreachable = "unreachable",
        RuleOrGap = "rule_or_gap",
        Cost = "cost",
        LanguageBarrier = "language_barrier",
        Discrimination = "discrimination",
        Other = "other",
    }
}

crate::coded_enum! {
    /// Where a signal stands.
    SignalStatus: "signal status" {
        Noted = "noted",
        Raised = "raised",
        Answered = "answered",
        Resolved = "resolved",
    }
}

crate::coded_enum! {
    /// A meeting's kind.
    MeetingKind: "meeting kind" {
        Team = "team",
        Steering = "steering",
        Partner = "partner",
    }
}

crate::coded_enum! {
    /// What a staff member's learning log records.
    LearningKind: "learning kind" {
        Intervision = "intervision",
        Supervision = "supervision",
        Training = "training",
    }
}

/// The day intervision is next due for someone whose last one was on
/// `last` (never: due from `since`, e.g. the day she started), at a rhythm
/// of `every_weeks`; and whether that day has passed on `today`.
pub fn intervision_due(
    last: Option<NaiveDate>,
    since: NaiveDate,
    every_weeks: u32,
    today: NaiveDate,
) -> (NaiveDate, bool) {
    let due = last.unwrap_or(since) + Duration::weeks(i64::from(every_weeks.max(1)));
    (due, today > due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ReferralStatus::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn referrals_move_forward_only() {
        assert!(Proposed.can_move_to(Sent));
        assert!(Sent.can_move_to(WaitingList));
        assert!(WaitingList.can_move_to(FirstAppointment));
        assert!(FirstAppointment.can_move_to(Done));
        assert!(Accepted.can_move_to(NotPursued));
        assert!(!Proposed.can_move_to(Done), "nothing skipped to done");
        assert!(!Done.can_move_to(NotPursued), "closed stays closed");
        assert!(!Sent.can_move_to(Proposed));
        assert!(!Refused.can_move_to(Accepted));
        assert!(!Sent.can_move_to(Sent), "no change is no move");
    }

    #[test]
    fn the_waiting_time_runs_from_sending_to_the_first_appointment() {
        let history = [
            (Proposed, d(2026, 1, 5)),
            (Sent, d(2026, 1, 12)),
            (WaitingList, d(2026, 1, 20)),
            (FirstAppointment, d(2026, 3, 2)),
        ];
        assert_eq!(waiting_days(&history), Some(49));
        assert_eq!(waiting_days(&history[..3]), None, "no appointment yet");
        // Never marked as sent: from the proposal.
        assert_eq!(
            waiting_days(&[
                (Proposed, d(2026, 1, 5)),
                (FirstAppointment, d(2026, 1, 15))
            ]),
            Some(10)
        );
    }

    #[test]
    fn an_unchanged_open_referral_asks_for_a_follow_up() {
        let changed = d(2026, 3, 1);
        assert!(!needs_follow_up(Sent, changed, 21, d(2026, 3, 21)));
        assert!(needs_follow_up(Sent, changed, 21, d(2026, 3, 22)));
        assert!(!needs_follow_up(Done, changed, 21, d(2026, 6, 1)));
    }

    #[test]
    fn a_partner_unverified_for_a_year_is_stale() {
        assert!(is_stale(None, d(2026, 1, 1)));
        assert!(!is_stale(Some(d(2025, 11, 25)), d(2026, 11, 24)));
        assert!(is_stale(Some(d(2025, 11, 24)), d(2026, 11, 24)));
    }

    #[test]
    fn intervision_every_six_weeks() {
        let (due, late) = intervision_due(Some(d(2026, 9, 1)), d(2025, 1, 1), 6, d(2026, 10, 13));
        assert_eq!(due, d(2026, 10, 13));
        assert!(!late);
        let (_, late) = intervision_due(Some(d(2026, 9, 1)), d(2025, 1, 1), 6, d(2026, 10, 14));
        assert!(late);
        let (due, _) = intervision_due(None, d(2026, 11, 2), 6, d(2026, 11, 24));
        assert_eq!(due, d(2026, 12, 14), "from the day she started");
    }
}
