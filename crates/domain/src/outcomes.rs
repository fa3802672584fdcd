//! Outcomes (issue 14): when a programme's instruments are due, and the
//! figures over answers that the results pages and the reports share, so
//! that one piece of code counts them.

use crate::calendar::add_months;
use crate::instruments::Respondent;
use crate::model::TrajectoryStatus;
use chrono::{Duration, NaiveDate};
use std::collections::{BTreeMap, HashMap};

crate::coded_enum! {
    /// When in a trajectory an instrument is taken.
    Moment: "measurement moment" {
        Intake = "intake",
        Midway = "midway",
        End = "end",
        After6Months = "after_6_months",
        After12Months = "after_12_months",
        /// Taken outside the programme's plan (a session's feedback, a
        /// conversation).
        Extra = "extra",
    }
}

crate::coded_enum! {
    /// How the answers came in.
    Channel: "answer channel" {
        /// She answered on her own page.
        Page = "page",
        /// On a shared tablet in the group.
        Kiosk = "kiosk",
        /// Typed in by staff from her paper form.
        Paper = "paper",
        /// Her casemanager's own rating.
        Staff = "staff",
    }
}

crate::coded_enum! {
    /// What she consented to for her words: who may read them.
    TestimonialScope: "testimonial scope" {
        /// Staff of the organisation only.
        Internal = "internal",
        /// Also in reports to funders.
        Funders = "funders",
        /// Also in public (a website, a leaflet).
        Public = "public",
    }
}

impl TestimonialScope {
    /// Whether words with this consent may be shown to `audience`.
    pub fn allows(self, audience: TestimonialScope) -> bool {
        match audience {
            TestimonialScope::Internal => true,
            TestimonialScope::Funders => self != TestimonialScope::Internal,
            TestimonialScope::Public => self == TestimonialScope::Public,
        }
    }
}

/// The moments a programme can plan (not `Extra`).
pub const PLANNED_MOMENTS: [Moment; 5] = [
    Moment::Intake,
    Moment::Midway,
    Moment::End,
    Moment::After6Months,
    Moment::After12Months,
];

/// A measurement shows on dashboards this many days before it is due.
pub const NOTICE_DAYS: i64 = 14;
/// After this many days past its day a measurement is overdue...
pub const OVERDUE_AFTER_DAYS: i64 = 30;
/// ...and after this many it is missed and no longer asked for (a "before"
/// taken months late is not a before).
pub const MISSED_AFTER_DAYS: i64 = 90;
/// Anonymous answers are shown only for groups of at least this many, so
/// that nobody's answer can be picked out.
pub const ANONYMOUS_MINIMUM: usize = 5;

/// Whether anonymous results over `answers` responses may be shown.
pub fn may_show_anonymous(answers: usize) -> bool {
    answers >= ANONYMOUS_MINIMUM
}

/// One instrument a programme takes at one moment, from one respondent.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Planned {
    pub instrument_key: String,
    pub moment: Moment,
    pub respondent: Respondent,
}

/// The dates of a trajectory that measurement days follow from.
#[derive(Debug, Clone, Copy)]
pub struct Course {
    pub status: TrajectoryStatus,
    pub referred_on: NaiveDate,
    pub started_on: Option<NaiveDate>,
    pub ended_on: Option<NaiveDate>,
    /// The programme's planned length.
    pub duration_months: u32,
}

impl Course {
    fn closed(&self) -> bool {
        matches!(
            self.status,
            TrajectoryStatus::Completed | TrajectoryStatus::Stopped
        )
    }

    fn running(&self) -> bool {
        matches!(
            self.status,
            TrajectoryStatus::Active | TrajectoryStatus::Aftercare
        )
    }

    /// The day a moment falls on for this trajectory, if it has one yet.
    pub fn day_of(&self, moment: Moment) -> Option<NaiveDate> {
        match moment {
            Moment::Intake => match self.status {
                TrajectoryStatus::Referred | TrajectoryStatus::NotAdmitted => None,
                _ => Some(self.started_on.unwrap_or(self.referred_on)),
            },
            // Mid-way came for those who were still there at the midpoint.
            Moment::Midway if self.duration_months >= 2 => {
                let mid = add_months(self.started_on?, self.duration_months / 2);
                let there =
                    self.running() || (self.closed() && self.ended_on.is_some_and(|e| e >= mid));
                there.then_some(mid)
            }
            Moment::End if self.closed() => self.ended_on,
            Moment::End if self.running() && self.duration_months > 0 => {
                self.started_on.map(|s| add_months(s, self.duration_months))
            }
            Moment::After6Months if self.closed() => self.ended_on.map(|e| add_months(e, 6)),
            Moment::After12Months if self.closed() => self.ended_on.map(|e| add_months(e, 12)),
            _ => None,
        }
    }
}

/// How urgent a measurement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    /// Its day is within [`NOTICE_DAYS`].
    Soon,
    Due,
    Overdue,
}

impl Urgency {
    pub fn code(self) -> &'static str {
        match self {
            Urgency::Soon => "soon",
            Urgency::Due => "due",
            Urgency::Overdue => "overdue",
        }
    }
}

/// A measurement to take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub planned: Planned,
    pub day: NaiveDate,
    pub urgency: Urgency,
}

/// The urgency of a measurement on `day`, seen on `today`; `None` when it
/// is not yet to be shown or already missed.
pub fn urgency(day: NaiveDate, today: NaiveDate) -> Option<Urgency> {
    if today < day - Duration::days(NOTICE_DAYS) || today > day + Duration::days(MISSED_AFTER_DAYS)
    {
        None
    } else if today < day {
        Some(Urgency::Soon)
    } else if today <= day + Duration::days(OVERDUE_AFTER_DAYS) {
        Some(Urgency::Due)
    } else {
        Some(Urgency::Overdue)
    }
}

/// The programme's measurements that are to be taken for one trajectory on
/// `today`, leaving out those already `done` (complete for that moment).
pub fn due(planned: &[Planned], course: &Course, done: &[Planned], today: NaiveDate) -> Vec<Due> {
    let mut out: Vec<Due> = planned
        .iter()
        .filter(|p| !done.contains(p))
        .filter_map(|p| {
            let day = course.day_of(p.moment)?;
            Some(Due {
                planned: p.clone(),
                day,
                urgency: urgency(day, today)?,
            })
        })
        .collect();
    out.sort_by_key(|d| (d.day, d.planned.moment));
    out
}

/// One item's answer by one participant before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub participant_id: String,
    pub item_key: String,
    pub before: i64,
    pub after: i64,
}

/// The change on one item over the pairs that have it.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemChange {
    pub item_key: String,
    pub pairs: usize,
    pub before: f64,
    pub after: f64,
    pub change: f64,
    pub improved: usize,
    pub same: usize,
    pub worse: usize,
}

/// The figures of a before-and-after comparison.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Change {
    /// Per item, in the order of `items`.
    pub items: Vec<ItemChange>,
    /// Participants with a before and an after on at least one life domain.
    pub participants: usize,
    /// Of whom improved on at least two life domains (Miriam's headline).
    pub progressed_on_two: usize,
}

impl Change {
    /// The share that progressed on at least two domains, in percent.
    pub fn progressed_share(&self) -> Option<f64> {
        (self.participants > 0)
            .then(|| 100.0 * self.progressed_on_two as f64 / self.participants as f64)
    }
}

/// Compares before and after. `items` lists the items to report, in order;
/// `life_domain_items` those that count as a life domain for the headline
/// (mental well-being is reported but is not a life domain).
pub fn change(pairs: &[Pair], items: &[&str], life_domain_items: &[&str]) -> Change {
    let mut per_item: HashMap<&str, Vec<&Pair>> = HashMap::new();
    let mut improved_domains: BTreeMap<&str, usize> = BTreeMap::new();
    let mut with_domain: BTreeMap<&str, ()> = BTreeMap::new();
    for p in pairs {
        per_item.entry(p.item_key.as_str()).or_default().push(p);
        if life_domain_items.contains(&p.item_key.as_str()) {
            with_domain.insert(&p.participant_id, ());
            if p.after > p.before {
                *improved_domains.entry(&p.participant_id).or_default() += 1;
            }
        }
    }
    let items = items
        .iter()
        .filter_map(|key| {
            let ps = per_item.get(key)?;
            let n = ps.len();
            let sum = |f: fn(&Pair) -> i64| ps.iter().map(|p| f(p)).sum::<i64>() as f64;
            Some(ItemChange {
                item_key: (*key).to_owned(),
                pairs: n,
                before: sum(|p| p.before) / n as f64,
                after: sum(|p| p.after) / n as f64,
                change: sum(|p| p.after - p.before) / n as f64,
                improved: ps.iter().filter(|p| p.after > p.before).count(),
                same: ps.iter().filter(|p| p.after == p.before).count(),
                worse: ps.iter().filter(|p| p.after < p.before).count(),
            })
        })
        .collect();
    Change {
        items,
        participants: with_domain.len(),
        progressed_on_two: improved_domains.values().filter(|n| **n >= 2).count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn planned(key: &str, moment: Moment) -> Planned {
        Planned {
            instrument_key: key.into(),
            moment,
            respondent: Respondent::Participant,
        }
    }

    fn course(status: TrajectoryStatus, ended_on: Option<NaiveDate>) -> Course {
        Course {
            status,
            referred_on: d(2026, 1, 5),
            started_on: Some(d(2026, 1, 12)),
            ended_on,
            duration_months: 12,
        }
    }

    #[test]
    fn moments_fall_on_the_trajectory_dates() {
        let running = course(TrajectoryStatus::Active, None);
        assert_eq!(running.day_of(Moment::Intake), Some(d(2026, 1, 12)));
        assert_eq!(running.day_of(Moment::Midway), Some(d(2026, 7, 12)));
        assert_eq!(running.day_of(Moment::End), Some(d(2027, 1, 12)));
        assert_eq!(running.day_of(Moment::After6Months), None);
        let closed = course(TrajectoryStatus::Stopped, Some(d(2026, 5, 31)));
        // Stopped early: the end is the day she left, midway no longer comes.
        assert_eq!(closed.day_of(Moment::End), Some(d(2026, 5, 31)));
        assert_eq!(closed.day_of(Moment::Midway), None);
        // Completed after the midpoint: mid-way was hers.
        let completed = course(TrajectoryStatus::Completed, Some(d(2027, 1, 8)));
        assert_eq!(completed.day_of(Moment::Midway), Some(d(2026, 7, 12)));
        assert_eq!(closed.day_of(Moment::After6Months), Some(d(2026, 11, 30)));
        assert_eq!(closed.day_of(Moment::After12Months), Some(d(2027, 5, 31)));
        let referred = course(TrajectoryStatus::Referred, None);
        assert_eq!(referred.day_of(Moment::Intake), None);
    }

    #[test]
    fn urgency_has_a_window() {
        let day = d(2026, 6, 1);
        assert_eq!(urgency(day, d(2026, 5, 17)), None);
        assert_eq!(urgency(day, d(2026, 5, 18)), Some(Urgency::Soon));
        assert_eq!(urgency(day, day), Some(Urgency::Due));
        assert_eq!(urgency(day, d(2026, 7, 1)), Some(Urgency::Due));
        assert_eq!(urgency(day, d(2026, 7, 2)), Some(Urgency::Overdue));
        assert_eq!(urgency(day, d(2026, 8, 30)), Some(Urgency::Overdue));
        assert_eq!(urgency(day, d(2026, 8, 31)), None);
    }

    #[test]
    fn due_leaves_out_what_is_done_and_what_is_far() {
        let plan = vec![
            planned("life", Moment::Intake),
            planned("life", Moment::Midway),
            planned("life", Moment::End),
            planned("confidence", Moment::Intake),
        ];
        let c = course(TrajectoryStatus::Active, None);
        let done = vec![planned("life", Moment::Intake)];
        let due_now = due(&plan, &c, &done, d(2026, 1, 20));
        assert_eq!(due_now.len(), 1);
        assert_eq!(due_now[0].planned, planned("confidence", Moment::Intake));
        assert_eq!(due_now[0].urgency, Urgency::Due);
        let later = due(&plan, &c, &done, d(2026, 7, 1));
        assert_eq!(later.len(), 1);
        assert_eq!(later[0].planned.moment, Moment::Midway);
        assert_eq!(later[0].urgency, Urgency::Soon);
    }

    fn pair(who: &str, item: &str, before: i64, after: i64) -> Pair {
        Pair {
            participant_id: who.into(),
            item_key: item.into(),
            before,
            after,
        }
    }

    #[test]
    fn change_on_a_known_set() {
        let pairs = vec![
            pair("a", "housing", 2, 5),
            pair("a", "finances", 3, 4),
            pair("a", "wellbeing", 4, 3),
            pair("b", "housing", 6, 6),
            pair("b", "finances", 5, 7),
            pair("b", "wellbeing", 2, 6),
            pair("c", "housing", 7, 4),
            pair("c", "finances", 4, 3),
        ];
        let c = change(
            &pairs,
            &["housing", "finances", "wellbeing"],
            &["housing", "finances"],
        );
        assert_eq!(c.participants, 3);
        // a improved on two domains; b on one (well-being is not a domain).
        assert_eq!(c.progressed_on_two, 1);
        let housing = &c.items[0];
        assert_eq!(
            (housing.pairs, housing.improved, housing.same, housing.worse),
            (3, 1, 1, 1)
        );
        assert!((housing.before - 5.0).abs() < 1e-9);
        assert!((housing.after - 5.0).abs() < 1e-9);
        assert!((housing.change - 0.0).abs() < 1e-9);
        let wellbeing = &c.items[2];
        assert!((wellbeing.change - 1.5).abs() < 1e-9);
        assert!((c.progressed_share().unwrap() - 100.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn testimonials_go_no_further_than_consented() {
        use TestimonialScope::*;
        assert!(Internal.allows(Internal));
        assert!(!Internal.allows(Funders));
        assert!(!Internal.allows(Public));
        assert!(Funders.allows(Funders) && !Funders.allows(Public));
        assert!(Public.allows(Internal) && Public.allows(Funders) && Public.allows(Public));
    }

    #[test]
    fn the_anonymous_threshold_is_five() {
        assert!(!may_show_anonymous(4));
        assert!(may_show_anonymous(5));
    }
}
