//! Indicators as data (issue 16, first part: the definitions and their
//! evaluation over participants' facts; no storage yet). An indicator set
//! is a funder's annex as a JSON file (`indicators/*.json`): each indicator
//! has the funder's code and wording, a condition over a participant's
//! facts at entry (none: everyone), breakdowns (gender), and whether it
//! counts participants whose required facts are incomplete (ESF+: only the
//! total does). One engine evaluates every set, counting each participant
//! once and keeping who was counted for the drill-down.

use crate::instruments::Texts;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// What an indicator counts: the records of one kind in the period.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Participants who entered the programme in the period (first day of
    /// a trajectory), with their facts at entry: the ESF+ outputs.
    #[default]
    Entrants,
    /// Participants in the programme at any time in the period (reached,
    /// supported).
    Participants,
    /// Participants whose trajectory ended in the period.
    Leavers,
    /// The programme's group sessions planned in the period.
    Sessions,
    /// One member's mark at a session held in the period.
    Attendances,
    /// Members' children in childcare or a children's group at a session
    /// their mother attended in the period.
    Children,
    /// Intakes decided in the period.
    Intakes,
    /// Referrals to partners made in the period.
    Referrals,
    /// Signals raised in the period about the programme's participants.
    Signals,
    /// Plan evaluations held in the period.
    Evaluations,
    /// Anonymous satisfaction answers given in the period.
    Responses,
    /// Actual costs booked in the period.
    Costs,
}

impl Unit {
    pub const ALL: [Unit; 12] = [
        Unit::Entrants,
        Unit::Participants,
        Unit::Leavers,
        Unit::Sessions,
        Unit::Attendances,
        Unit::Children,
        Unit::Intakes,
        Unit::Referrals,
        Unit::Signals,
        Unit::Evaluations,
        Unit::Responses,
        Unit::Costs,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Unit::Entrants => "entrants",
            Unit::Participants => "participants",
            Unit::Leavers => "leavers",
            Unit::Sessions => "sessions",
            Unit::Attendances => "attendances",
            Unit::Children => "children",
            Unit::Intakes => "intakes",
            Unit::Referrals => "referrals",
            Unit::Signals => "signals",
            Unit::Evaluations => "evaluations",
            Unit::Responses => "responses",
            Unit::Costs => "costs",
        }
    }

    /// Whether its records are participants (the completeness rule applies).
    pub fn is_person(self) -> bool {
        matches!(self, Unit::Entrants | Unit::Participants | Unit::Leavers)
    }
}

/// What kind of value a fact takes.
enum Kind {
    /// One of these codes.
    Coded(Vec<&'static str>),
    /// Codes an organisation chooses (any lower-case code).
    Open,
    Flag,
    Number,
}

/// A fact about a record an indicator may look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    Gender,
    /// Full years on the day she entered.
    AgeAtEntry,
    LabourStatus,
    Education,
    Disability,
    Minority,
    /// Not an EU national (derived from her nationality).
    ThirdCountry,
    ForeignBackground,
    Homeless,
    /// The report strands of her programme (e.g. collective_modules).
    Strands,
    /// Held sessions she attended in the period.
    SessionsAttended,
    /// She attended a session of a group with a language level.
    LanguageCourse,
    /// She attended an informative session.
    CivicOrientation,
    /// Her casemanager recorded an individual contact with her.
    PersonalGuidance,
    /// CEFR levels gained between her first and last language assessment.
    LanguageLevelsGained,
    /// Life domains scored higher at her last measurement than at her first.
    DomainsProgressed,
    /// How her trajectory ended (completed or stopped).
    Ending,
    StopReason,
    /// Her situation within four weeks of leaving (ESF+ results).
    ExitEducation,
    ExitQualification,
    ExitEmployed,
    ExitJobSearching,
    SessionKind,
    Cancelled,
    /// A session's planned length.
    Minutes,
    Mark,
    ExcuseReason,
    /// Childcare (under 7) or the children's group (7 and older).
    Care,
    IntakeOutcome,
    ReferralStatus,
    SignalCategory,
    /// Held no later than the plan's rhythm after the previous one.
    OnTime,
    /// "The activity was helpful for my integration."
    Helpful,
    /// A budget line.
    CostLine,
    /// A staff cost (reported separately).
    StaffCost,
    /// An amount in cents.
    Cents,
}

impl Fact {
    pub const ALL: [Fact; 36] = [
        Fact::Gender,
        Fact::AgeAtEntry,
        Fact::LabourStatus,
        Fact::Education,
        Fact::Disability,
        Fact::Minority,
        Fact::ThirdCountry,
        Fact::ForeignBackground,
        Fact::Homeless,
        Fact::Strands,
        Fact::SessionsAttended,
        Fact::LanguageCourse,
        Fact::CivicOrientation,
        Fact::PersonalGuidance,
        Fact::LanguageLevelsGained,
        Fact::DomainsProgressed,
        Fact::Ending,
        Fact::StopReason,
        Fact::ExitEducation,
        Fact::ExitQualification,
        Fact::ExitEmployed,
        Fact::ExitJobSearching,
        Fact::SessionKind,
        Fact::Cancelled,
        Fact::Minutes,
        Fact::Mark,
        Fact::ExcuseReason,
        Fact::Care,
        Fact::IntakeOutcome,
        Fact::ReferralStatus,
        Fact::SignalCategory,
        Fact::OnTime,
        Fact::Helpful,
        Fact::CostLine,
        Fact::StaffCost,
        Fact::Cents,
    ];

    /// Its name in the sets' JSON.
    pub fn code(self) -> &'static str {
        match self {
            Fact::Gender => "gender",
            Fact::AgeAtEntry => "age_at_entry",
            Fact::LabourStatus => "labour_status",
            Fact::Education => "education",
            Fact::Disability => "disability",
            Fact::Minority => "minority",
            Fact::ThirdCountry => "third_country",
            Fact::ForeignBackground => "foreign_background",
            Fact::Homeless => "homeless",
            Fact::Strands => "strands",
            Fact::SessionsAttended => "sessions_attended",
            Fact::LanguageCourse => "language_course",
            Fact::CivicOrientation => "civic_orientation",
            Fact::PersonalGuidance => "personal_guidance",
            Fact::LanguageLevelsGained => "language_levels_gained",
            Fact::DomainsProgressed => "domains_progressed",
            Fact::Ending => "ending",
            Fact::StopReason => "stop_reason",
            Fact::ExitEducation => "exit_education",
            Fact::ExitQualification => "exit_qualification",
            Fact::ExitEmployed => "exit_employed",
            Fact::ExitJobSearching => "exit_job_searching",
            Fact::SessionKind => "session_kind",
            Fact::Cancelled => "cancelled",
            Fact::Minutes => "minutes",
            Fact::Mark => "mark",
            Fact::ExcuseReason => "excuse_reason",
            Fact::Care => "care",
            Fact::IntakeOutcome => "intake_outcome",
            Fact::ReferralStatus => "referral_status",
            Fact::SignalCategory => "signal_category",
            Fact::OnTime => "on_time",
            Fact::Helpful => "helpful",
            Fact::CostLine => "cost_line",
            Fact::StaffCost => "staff_cost",
            Fact::Cents => "cents",
        }
    }

    fn kind(self) -> Kind {
        use crate::groups::{ExcuseReason, Mark, SessionKind};
        use crate::lifecycle::{IntakeOutcome, StopReason};
        use crate::network::{ReferralStatus, SignalCategory};
        use crate::participant::{Education, Gender, LabourStatus, SensitiveAnswer};
        macro_rules! coded {
            ($t:ty) => {
                Kind::Coded(<$t>::ALL.iter().map(|v| v.code()).collect())
            };
        }
        match self {
            Fact::Gender => coded!(Gender),
            Fact::LabourStatus => coded!(LabourStatus),
            Fact::Education => coded!(Education),
            Fact::Disability | Fact::Minority => coded!(SensitiveAnswer),
            Fact::StopReason => coded!(StopReason),
            Fact::SessionKind => coded!(SessionKind),
            Fact::Mark => coded!(Mark),
            Fact::ExcuseReason => coded!(ExcuseReason),
            Fact::IntakeOutcome => coded!(IntakeOutcome),
            Fact::ReferralStatus => coded!(ReferralStatus),
            Fact::SignalCategory => coded!(SignalCategory),
            Fact::Ending => Kind::Coded(vec!["completed", "stopped"]),
            Fact::Care => Kind::Coded(vec!["childcare", "childrens_group"]),
            Fact::CostLine => Kind::Coded(crate::budget::LINES.to_vec()),
            Fact::Strands => Kind::Open,
            Fact::ThirdCountry
            | Fact::ForeignBackground
            | Fact::Homeless
            | Fact::LanguageCourse
            | Fact::CivicOrientation
            | Fact::PersonalGuidance
            | Fact::ExitEducation
            | Fact::ExitQualification
            | Fact::ExitEmployed
            | Fact::ExitJobSearching
            | Fact::Cancelled
            | Fact::OnTime
            | Fact::Helpful
            | Fact::StaffCost => Kind::Flag,
            Fact::AgeAtEntry
            | Fact::SessionsAttended
            | Fact::LanguageLevelsGained
            | Fact::DomainsProgressed
            | Fact::Minutes
            | Fact::Cents => Kind::Number,
        }
    }

    /// The codes a coded fact or a flag takes (None: numbers and open codes).
    pub fn values(self) -> Option<Vec<&'static str>> {
        match self.kind() {
            Kind::Coded(all) => Some(all),
            Kind::Flag => Some(vec!["true", "false"]),
            Kind::Open | Kind::Number => None,
        }
    }

    pub fn is_number(self) -> bool {
        matches!(self.kind(), Kind::Number)
    }

    /// Whether records of this unit carry the fact.
    pub fn applies_to(self, unit: Unit) -> bool {
        use Fact::*;
        match self {
            Strands => unit.is_person() || unit == Unit::Costs,
            Gender | AgeAtEntry | LabourStatus | Education | Disability | Minority
            | ThirdCountry | ForeignBackground | Homeless | SessionsAttended | LanguageCourse
            | CivicOrientation | PersonalGuidance | LanguageLevelsGained | DomainsProgressed
            | Ending | StopReason | ExitEducation | ExitQualification | ExitEmployed
            | ExitJobSearching => unit.is_person(),
            SessionKind => matches!(unit, Unit::Sessions | Unit::Attendances),
            Cancelled | Minutes => unit == Unit::Sessions,
            Mark | ExcuseReason => unit == Unit::Attendances,
            Care => unit == Unit::Children,
            IntakeOutcome => unit == Unit::Intakes,
            ReferralStatus => unit == Unit::Referrals,
            SignalCategory => unit == Unit::Signals,
            OnTime => unit == Unit::Evaluations,
            Helpful => unit == Unit::Responses,
            CostLine | StaffCost | Cents => unit == Unit::Costs,
        }
    }
}

/// A fact's value for one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Code(String),
    /// Several codes (a programme's strands); a condition holds when one does.
    Codes(Vec<String>),
    Number(i64),
    Flag(bool),
}

impl Value {
    fn codes(&self) -> Vec<String> {
        match self {
            Value::Code(c) => vec![c.clone()],
            Value::Codes(c) => c.clone(),
            Value::Number(n) => vec![n.to_string()],
            Value::Flag(b) => vec![b.to_string()],
        }
    }
}

/// What is known of one record (facts not known are absent).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    /// Unique among the records of its unit.
    pub id: String,
    /// The participant the record is about, for the drill-down.
    pub participant: Option<String>,
    values: BTreeMap<Fact, Value>,
}

impl Facts {
    /// A participant's facts.
    pub fn of(participant_id: impl Into<String>) -> Self {
        let id = participant_id.into();
        Facts {
            participant: Some(id.clone()),
            id,
            values: BTreeMap::new(),
        }
    }

    /// Another record, about a participant or not.
    pub fn record(id: impl Into<String>, participant: Option<String>) -> Self {
        Facts {
            id: id.into(),
            participant,
            values: BTreeMap::new(),
        }
    }

    /// Sets a fact (None leaves it unknown).
    pub fn with(mut self, fact: Fact, value: Option<Value>) -> Self {
        self.set(fact, value);
        self
    }

    pub fn set(&mut self, fact: Fact, value: Option<Value>) {
        match value {
            Some(v) => {
                self.values.insert(fact, v);
            }
            None => {
                self.values.remove(&fact);
            }
        }
    }

    pub fn get(&self, fact: Fact) -> Option<&Value> {
        self.values.get(&fact)
    }

    fn number(&self, fact: Fact) -> i64 {
        match self.get(fact) {
            Some(Value::Number(n)) => *n,
            _ => 0,
        }
    }
}

/// The records of a period, per unit.
#[derive(Debug, Clone, Default)]
pub struct Records {
    pub by_unit: BTreeMap<Unit, Vec<Facts>>,
}

impl Records {
    pub fn with(mut self, unit: Unit, records: Vec<Facts>) -> Self {
        self.by_unit.insert(unit, records);
        self
    }
}

/// A condition over a record's facts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Condition {
    All {
        all: Vec<Condition>,
    },
    Any {
        any: Vec<Condition>,
    },
    Not {
        not: Box<Condition>,
    },
    /// A coded fact or flag with one of these values.
    In {
        fact: Fact,
        #[serde(rename = "in")]
        values: Vec<String>,
    },
    /// A number within bounds (both inclusive, either may be left out).
    Range {
        fact: Fact,
        #[serde(default)]
        from: Option<i64>,
        #[serde(default)]
        to: Option<i64>,
    },
}

impl Condition {
    /// Whether her facts meet it; an unknown fact meets no condition on it.
    pub fn holds(&self, facts: &Facts) -> bool {
        match self {
            Condition::All { all } => all.iter().all(|c| c.holds(facts)),
            Condition::Any { any } => any.iter().any(|c| c.holds(facts)),
            Condition::Not { not } => !not.holds(facts),
            Condition::In { fact, values } => facts
                .get(*fact)
                .is_some_and(|v| v.codes().iter().any(|c| values.contains(c))),
            Condition::Range { fact, from, to } => match facts.get(*fact) {
                Some(Value::Number(n)) => {
                    from.is_none_or(|f| *n >= f) && to.is_none_or(|t| *n <= t)
                }
                _ => false,
            },
        }
    }

    fn check(&self, indicator: &str, unit: Unit) -> Result<(), SetError> {
        let bad = || Err(SetError::BadCondition(indicator.to_owned()));
        match self {
            Condition::All { all: cs } | Condition::Any { any: cs } => {
                cs.iter().try_for_each(|c| c.check(indicator, unit))
            }
            Condition::Not { not } => not.check(indicator, unit),
            Condition::In { fact, .. } | Condition::Range { fact, .. }
                if !fact.applies_to(unit) =>
            {
                bad()
            }
            Condition::In { fact, values } => match fact.values() {
                Some(codes) if values.iter().all(|v| codes.contains(&v.as_str())) => Ok(()),
                None if !fact.is_number() && !values.is_empty() => Ok(()),
                _ => bad(),
            },
            Condition::Range { fact, from, to } => {
                if !fact.is_number() || (from.is_none() && to.is_none()) {
                    bad()
                } else {
                    Ok(())
                }
            }
        }
    }
}

/// How a figure reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Show {
    /// How many records.
    #[default]
    Count,
    /// A sum of minutes, shown in hours.
    Hours,
    /// A sum of cents, shown in euros.
    Euros,
    /// One figure as a share of another, in per cent.
    Percent,
    /// One figure divided by another (e.g. attendances per session).
    Average,
    /// A sum of cents divided by a count, in euros (e.g. costs per
    /// participant).
    EurosEach,
}

/// One figure divided by another of the same set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ratio {
    /// The numerator's key.
    pub of: String,
    /// The denominator's key.
    pub per: String,
}

/// One indicator of a set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// Unique in its set; stable across versions.
    pub key: String,
    /// The funder's own code, when it has one.
    #[serde(default)]
    pub code: String,
    /// The funder's wording, per language.
    pub wording: Texts,
    /// What is counted.
    #[serde(default)]
    pub unit: Unit,
    /// Which records are counted; none: every record of the unit.
    #[serde(default)]
    pub when: Option<Condition>,
    /// Breakdowns, e.g. by gender.
    #[serde(default)]
    pub by: Vec<Fact>,
    /// Sums this number fact (minutes, cents) instead of counting.
    #[serde(default)]
    pub sum: Option<Fact>,
    /// A ratio of two other indicators instead of a count.
    #[serde(default)]
    pub ratio: Option<Ratio>,
    #[serde(default)]
    pub show: Show,
    /// Counts participants whose required facts are incomplete too.
    #[serde(default)]
    pub counts_incomplete: bool,
}

/// A chart a set asks for beside the charts of its breakdowns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// The attendance rate month by month.
    AttendanceByMonth,
    /// Per life domain, how many of those measured twice progressed.
    DomainProgress,
}

/// A funder's set of indicators, versioned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorSet {
    pub key: String,
    pub version: u32,
    pub funder: String,
    /// The legal text the wording is taken from.
    pub source: String,
    pub title: Texts,
    /// The facts a participant must have (a declined special-category
    /// answer counts as given) to count in more than the total.
    #[serde(default)]
    pub required: Vec<Fact>,
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub charts: Vec<ChartKind>,
}

/// Why a set was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SetError {
    #[error("not a valid indicator set: {0}")]
    Format(String),
    #[error("a key, a version, a title and indicators are needed")]
    Incomplete,
    #[error("the key {0} is not 1 to 64 lowercase letters, digits and hyphens")]
    BadKey(String),
    #[error("indicator {0} appears twice")]
    Duplicate(String),
    #[error("indicator {0} has no wording")]
    NoWording(String),
    #[error(
        "indicator {0} has a condition on an unknown value, a fact its unit does not have, or a range on a coded fact"
    )]
    BadCondition(String),
    #[error("indicator {0} sums or breaks down by a fact its unit does not have")]
    BadMeasure(String),
    #[error("indicator {0} is a ratio of indicators the set does not have")]
    BadRatio(String),
}

/// The first and last day of a year, if it is one traject reports on
/// (2000 to 2100).
pub fn year_bounds(year: i32) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    (2000..=2100)
        .contains(&year)
        .then(|| {
            chrono::NaiveDate::from_ymd_opt(year, 1, 1)
                .zip(chrono::NaiveDate::from_ymd_opt(year, 12, 31))
        })
        .flatten()
}

/// Whether a set key has the shape URLs and the API accept: 1 to 64
/// lowercase ASCII letters, digits and hyphens, starting with a letter or
/// digit.
pub fn valid_key(key: &str) -> bool {
    (1..=64).contains(&key.len())
        && !key.starts_with('-')
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl IndicatorSet {
    /// Parses and checks a set.
    pub fn from_json(json: &str) -> Result<IndicatorSet, SetError> {
        let set: IndicatorSet =
            serde_json::from_str(json).map_err(|e| SetError::Format(e.to_string()))?;
        if set.key.trim().is_empty()
            || set.version == 0
            || set.title.is_empty()
            || set.indicators.is_empty()
        {
            return Err(SetError::Incomplete);
        }
        // The key travels in URLs and the API's `set` parameter, so it keeps
        // to the shape those accept.
        if !valid_key(&set.key) {
            return Err(SetError::BadKey(set.key.clone()));
        }
        let mut keys = HashSet::new();
        for i in &set.indicators {
            if !keys.insert(i.key.as_str()) {
                return Err(SetError::Duplicate(i.key.clone()));
            }
            if i.wording.values().all(|w| w.trim().is_empty()) {
                return Err(SetError::NoWording(i.key.clone()));
            }
            if let Some(c) = &i.when {
                c.check(&i.key, i.unit)?;
            }
            let bad_sum = i
                .sum
                .is_some_and(|f| !f.is_number() || !f.applies_to(i.unit));
            let bad_by = i.by.iter().any(|f| !f.applies_to(i.unit));
            if bad_sum || bad_by {
                return Err(SetError::BadMeasure(i.key.clone()));
            }
        }
        for i in &set.indicators {
            if let Some(r) = &i.ratio {
                let plain = |k: &str| {
                    set.indicators
                        .iter()
                        .any(|j| j.key == k && j.ratio.is_none())
                };
                if !plain(&r.of) || !plain(&r.per) {
                    return Err(SetError::BadRatio(i.key.clone()));
                }
            }
        }
        Ok(set)
    }

    /// Whether her required facts are all known.
    pub fn complete(&self, facts: &Facts) -> bool {
        self.required.iter().all(|f| facts.get(*f).is_some())
    }

    /// The units its indicators count (what the records must hold).
    pub fn units(&self) -> std::collections::BTreeSet<Unit> {
        self.indicators
            .iter()
            .filter(|i| i.ratio.is_none())
            .map(|i| i.unit)
            .collect()
    }
}

/// One indicator's figure: how many (or how much), broken down, and who.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub key: String,
    /// The count, or the sum (minutes, cents), or a ratio's numerator.
    pub value: i64,
    /// A ratio's denominator.
    pub per: Option<i64>,
    /// Per breakdown fact, per value ("unknown" when not known), the amount.
    pub by: BTreeMap<Fact, BTreeMap<String, i64>>,
    /// The participants counted, for those allowed to drill down.
    pub participants: Vec<String>,
}

impl Figure {
    /// The figure as a number to show: hours, euros, a percentage or an
    /// average where the indicator says so; None for a ratio over nothing.
    pub fn number(&self, show: Show) -> Option<f64> {
        let v = self.value as f64;
        match show {
            Show::Count => Some(v),
            Show::Hours => Some(v / 60.0),
            Show::Euros => Some(v / 100.0),
            Show::Percent => self.per.filter(|d| *d != 0).map(|d| v * 100.0 / d as f64),
            Show::Average => self.per.filter(|d| *d != 0).map(|d| v / d as f64),
            Show::EurosEach => self.per.filter(|d| *d != 0).map(|d| v / 100.0 / d as f64),
        }
    }
}

/// Evaluates every indicator of a set over the records of a period, each
/// record counted once however often it appears.
pub fn evaluate(set: &IndicatorSet, records: &Records) -> Vec<Figure> {
    let mut unique: BTreeMap<Unit, Vec<&Facts>> = BTreeMap::new();
    for (unit, all) in &records.by_unit {
        let mut seen = HashSet::new();
        unique.insert(
            *unit,
            all.iter().filter(|r| seen.insert(r.id.as_str())).collect(),
        );
    }
    let mut figures: Vec<Figure> = set
        .indicators
        .iter()
        .map(|i| {
            let mut figure = Figure {
                key: i.key.clone(),
                value: 0,
                per: None,
                by: i.by.iter().map(|f| (*f, BTreeMap::new())).collect(),
                participants: Vec::new(),
            };
            if i.ratio.is_some() {
                return figure;
            }
            let mut who = HashSet::new();
            for r in unique.get(&i.unit).map(Vec::as_slice).unwrap_or(&[]) {
                if i.unit.is_person() && !i.counts_incomplete && !set.complete(r) {
                    continue;
                }
                if i.when.as_ref().is_some_and(|c| !c.holds(r)) {
                    continue;
                }
                let amount = i.sum.map_or(1, |f| r.number(f));
                figure.value += amount;
                if let Some(p) = &r.participant
                    && who.insert(p.clone())
                {
                    figure.participants.push(p.clone());
                }
                for f in &i.by {
                    let values = r
                        .get(*f)
                        .map_or_else(|| vec!["unknown".to_owned()], Value::codes);
                    for v in values {
                        *figure.by.entry(*f).or_default().entry(v).or_default() += amount;
                    }
                }
            }
            figure
        })
        .collect();
    for idx in 0..figures.len() {
        if let Some(r) = &set.indicators[idx].ratio {
            let of = figures.iter().find(|f| f.key == r.of).map(|f| f.value);
            let per = figures.iter().find(|f| f.key == r.per).map(|f| f.value);
            figures[idx].value = of.unwrap_or(0);
            figures[idx].per = per;
        }
    }
    figures
}

/// traject's built-in sets, parsed once.
pub fn built_in() -> &'static [IndicatorSet] {
    static SETS: std::sync::OnceLock<Vec<IndicatorSet>> = std::sync::OnceLock::new();
    SETS.get_or_init(|| {
        [
            include_str!("../indicators/esf_plus.json"),
            include_str!("../indicators/amif.json"),
            include_str!("../indicators/social_activation.json"),
            include_str!("../indicators/miriam.json"),
            include_str!("../indicators/activity.json"),
        ]
        .iter()
        .filter_map(|json| IndicatorSet::from_json(json).ok())
        .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn esf() -> &'static IndicatorSet {
        built_in()
            .iter()
            .find(|s| s.key == "esf-plus-participants")
            .expect("the ESF+ set parses")
    }

    fn code(c: &str) -> Option<Value> {
        Some(Value::Code(c.into()))
    }

    /// A participant with every required fact given.
    fn complete(id: &str, gender: &str, age: i64, labour: &str, education: &str) -> Facts {
        Facts::of(id)
            .with(Fact::Gender, code(gender))
            .with(Fact::AgeAtEntry, Some(Value::Number(age)))
            .with(Fact::LabourStatus, code(labour))
            .with(Fact::Education, code(education))
            .with(Fact::Disability, code("no"))
            .with(Fact::Minority, code("no"))
            .with(Fact::ThirdCountry, Some(Value::Flag(false)))
            .with(Fact::ForeignBackground, Some(Value::Flag(false)))
            .with(Fact::Homeless, Some(Value::Flag(false)))
    }

    fn figure<'a>(figures: &'a [Figure], key: &str) -> &'a Figure {
        figures.iter().find(|f| f.key == key).expect(key)
    }

    #[test]
    fn the_esf_plus_annex_counts_by_hand() {
        let people = vec![
            // Long-term unemployed woman of 17, ISCED 0-2, third-country national.
            complete("a", "woman", 17, "long_term_unemployed", "isced_0_2")
                .with(Fact::ThirdCountry, Some(Value::Flag(true))),
            // Unemployed non-binary participant of 29 (the band's edge), disability.
            complete("b", "non_binary", 29, "unemployed", "isced_3_4")
                .with(Fact::Disability, code("yes")),
            // Inactive woman of 55, declined the minority question.
            complete("c", "woman", 55, "inactive", "isced_5_8")
                .with(Fact::Minority, code("prefers_not_to_say")),
            // Employed man of 30, homeless.
            complete("d", "man", 30, "employed", "isced_3_4")
                .with(Fact::Homeless, Some(Value::Flag(true))),
            // Incomplete: no education given; counts only in the total.
            complete("e", "woman", 40, "unemployed", "isced_0_2").with(Fact::Education, None),
            // The same person twice (two groups, two trajectories): once.
            complete("a", "woman", 17, "long_term_unemployed", "isced_0_2")
                .with(Fact::ThirdCountry, Some(Value::Flag(true))),
        ];
        let f = evaluate(esf(), &Records::default().with(Unit::Entrants, people));
        let count = |k: &str| figure(&f, k).value;
        assert_eq!(count("total"), 5, "everyone once, the incomplete one too");
        assert_eq!(count("unemployed"), 2, "including long-term: a, b (not e)");
        assert_eq!(count("long_term_unemployed"), 1);
        assert_eq!(count("inactive"), 1);
        assert_eq!(count("employed"), 1);
        assert_eq!(count("below_18"), 1);
        assert_eq!(count("aged_18_29"), 1, "29 is in the band");
        assert_eq!(count("aged_55_and_over"), 1);
        assert_eq!(count("isced_0_2"), 1, "e is incomplete");
        assert_eq!(count("isced_3_4"), 2);
        assert_eq!(count("isced_5_8"), 1);
        assert_eq!(count("disabilities"), 1);
        assert_eq!(count("third_country_nationals"), 1);
        assert_eq!(count("minorities"), 0);
        assert_eq!(
            count("minorities_declined"),
            1,
            "declining is reported as such"
        );
        assert_eq!(count("homeless"), 1);
        let total = figure(&f, "total");
        assert_eq!(total.by[&Fact::Gender]["woman"], 3);
        assert_eq!(total.by[&Fact::Gender]["non_binary"], 1);
        assert_eq!(total.by[&Fact::Gender]["man"], 1);
        assert_eq!(figure(&f, "unemployed").participants, vec!["a", "b"]);
    }

    const ACTIVITY: &str = r#"{"key":"t","version":1,"funder":"f","source":"s","title":{"en":"T"},
        "indicators":[
          {"key":"held","unit":"sessions","wording":{"en":"held"},"when":{"fact":"cancelled","in":["false"]}},
          {"key":"cancelled","unit":"sessions","wording":{"en":"cancelled"},"when":{"fact":"cancelled","in":["true"]}},
          {"key":"hours","unit":"sessions","wording":{"en":"hours"},"sum":"minutes","show":"hours",
           "by":["session_kind"],"when":{"fact":"cancelled","in":["false"]}},
          {"key":"marks","unit":"attendances","wording":{"en":"marks"}},
          {"key":"present","unit":"attendances","wording":{"en":"present"},"when":{"fact":"mark","in":["present","late"]}},
          {"key":"rate","wording":{"en":"rate"},"ratio":{"of":"present","per":"marks"},"show":"percent"},
          {"key":"per_session","wording":{"en":"per session"},"ratio":{"of":"present","per":"held"},"show":"average"},
          {"key":"social","unit":"participants","wording":{"en":"social"},"when":{"fact":"strands","in":["social_participation"]}},
          {"key":"two_domains","unit":"participants","wording":{"en":"two"},"when":{"fact":"domains_progressed","from":2}}
        ]}"#;

    #[test]
    fn every_built_in_set_parses() {
        let keys: Vec<&str> = built_in().iter().map(|s| s.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "esf-plus-participants",
                "amif-integration",
                "federal-social-activation",
                "miriam",
                "programme-activity"
            ]
        );
        for set in built_in() {
            for i in &set.indicators {
                for lang in ["en", "nl", "fr", "de"] {
                    assert!(
                        i.wording.contains_key(lang),
                        "{} {} in {lang}",
                        set.key,
                        i.key
                    );
                }
            }
        }
    }

    #[test]
    fn sessions_hours_and_ratios() {
        let set = IndicatorSet::from_json(ACTIVITY).expect("parses");
        let session = |id: &str, kind: &str, cancelled: bool, minutes: i64| {
            Facts::record(id, None)
                .with(Fact::SessionKind, code(kind))
                .with(Fact::Cancelled, Some(Value::Flag(cancelled)))
                .with(Fact::Minutes, Some(Value::Number(minutes)))
        };
        let mark = |s: &str, p: &str, m: &str| {
            Facts::record(format!("{s}:{p}"), Some(p.to_owned())).with(Fact::Mark, code(m))
        };
        let strands = |v: &[&str]| Some(Value::Codes(v.iter().map(|s| s.to_string()).collect()));
        let records = Records::default()
            .with(
                Unit::Sessions,
                vec![
                    session("s1", "psychosocial", false, 180),
                    session("s2", "outing", false, 240),
                    session("s3", "psychosocial", true, 180),
                    session("s1", "psychosocial", false, 180),
                ],
            )
            .with(
                Unit::Attendances,
                vec![
                    mark("s1", "a", "present"),
                    mark("s1", "b", "late"),
                    mark("s1", "c", "absent"),
                    mark("s2", "a", "excused"),
                ],
            )
            .with(
                Unit::Participants,
                vec![
                    Facts::of("a")
                        .with(
                            Fact::Strands,
                            strands(&["social_participation", "child_poverty"]),
                        )
                        .with(Fact::DomainsProgressed, Some(Value::Number(2))),
                    Facts::of("b")
                        .with(Fact::Strands, strands(&["collective_modules"]))
                        .with(Fact::DomainsProgressed, Some(Value::Number(1))),
                ],
            );
        let f = evaluate(&set, &records);
        assert_eq!(figure(&f, "held").value, 2, "s1 once");
        assert_eq!(figure(&f, "cancelled").value, 1);
        let hours = figure(&f, "hours");
        assert_eq!(hours.value, 420);
        assert_eq!(hours.number(Show::Hours), Some(7.0));
        assert_eq!(hours.by[&Fact::SessionKind]["outing"], 240);
        let rate = figure(&f, "rate");
        assert_eq!((rate.value, rate.per), (2, Some(4)));
        assert_eq!(rate.number(Show::Percent), Some(50.0));
        assert_eq!(figure(&f, "per_session").number(Show::Average), Some(1.0));
        assert_eq!(figure(&f, "present").participants, vec!["a", "b"]);
        assert_eq!(
            figure(&f, "social").participants,
            vec!["a"],
            "one strand of several"
        );
        assert_eq!(figure(&f, "two_domains").value, 1);
        // A ratio over nothing is no number, not a division by zero.
        let empty = evaluate(&set, &Records::default());
        assert_eq!(figure(&empty, "rate").number(Show::Percent), None);
    }

    #[test]
    fn a_set_with_a_wrong_condition_is_refused() {
        let wrong_unit = ACTIVITY.replace(
            r#""unit":"sessions","wording":{"en":"held"}"#,
            r#""unit":"entrants","wording":{"en":"held"}"#,
        );
        assert_eq!(
            IndicatorSet::from_json(&wrong_unit),
            Err(SetError::BadCondition("held".into()))
        );
        let bad_ratio = ACTIVITY.replace(r#""per":"marks""#, r#""per":"nothing""#);
        assert_eq!(
            IndicatorSet::from_json(&bad_ratio),
            Err(SetError::BadRatio("rate".into()))
        );
        let bad_sum = ACTIVITY.replace(r#""sum":"minutes""#, r#""sum":"cancelled""#);
        assert_eq!(
            IndicatorSet::from_json(&bad_sum),
            Err(SetError::BadMeasure("hours".into()))
        );
        let bad = r#"{"key":"x","version":1,"funder":"f","source":"s","title":{"en":"X"},
            "indicators":[{"key":"k","wording":{"en":"K"},"when":{"fact":"labour_status","in":["retired"]}}]}"#;
        assert_eq!(
            IndicatorSet::from_json(bad),
            Err(SetError::BadCondition("k".into()))
        );
        let range_on_code = bad.replace(r#""in":["retired"]"#, r#""from":1"#);
        assert!(IndicatorSet::from_json(&range_on_code).is_err());
        let twice = r#"{"key":"x","version":1,"funder":"f","source":"s","title":{"en":"X"},
            "indicators":[{"key":"k","wording":{"en":"K"}},{"key":"k","wording":{"en":"K"}}]}"#;
        assert_eq!(
            IndicatorSet::from_json(twice),
            Err(SetError::Duplicate("k".into()))
        );
        for key in ["Gent AMIF", "-x", "amif/2", "é", &"x".repeat(65)] {
            let json = twice.replace(r#""key":"x""#, &format!(r#""key":"{key}""#));
            assert_eq!(
                IndicatorSet::from_json(&json),
                Err(SetError::BadKey(key.to_owned())),
                "{key}"
            );
        }
        assert!(valid_key("amif-integration-gent-2027") && valid_key(&"x".repeat(64)));
    }

    #[test]
    fn the_wording_is_the_regulations() {
        // Regulation (EU) 2021/1057, Annex I, point 1 (common output
        // indicators on participants), in its English text.
        let expected = [
            ("unemployed", "unemployed, including long-term unemployed"),
            ("long_term_unemployed", "long-term unemployed"),
            ("inactive", "inactive"),
            ("employed", "employed, including self-employed"),
            ("below_18", "below 18 years of age"),
            ("aged_18_29", "18-29 years of age"),
            ("aged_55_and_over", "55 years of age and above"),
            ("isced_0_2", "with ISCED 0 to 2"),
            ("isced_3_4", "with ISCED 3 to 4"),
            ("isced_5_8", "with ISCED 5 to 8"),
            ("disabilities", "participants with disabilities"),
            ("third_country_nationals", "third-country nationals"),
            (
                "foreign_background",
                "participants with a foreign background",
            ),
            (
                "minorities",
                "minorities (including marginalised communities such as the Roma)",
            ),
            ("homeless", "homeless or affected by housing exclusion"),
            ("total", "total number of participants"),
        ];
        for (key, words) in expected {
            let i = esf().indicators.iter().find(|i| i.key == key).expect(key);
            assert_eq!(i.wording["en"], words, "{key}");
            for lang in ["nl", "fr", "de"] {
                assert!(i.wording.contains_key(lang), "{key} in {lang}");
            }
        }
    }
}
