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

/// A fact about a participant an indicator may look at.
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
}

impl Fact {
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
        }
    }

    /// The codes a coded fact takes; flags take "true" and "false";
    /// numbers none.
    fn codes(self) -> Option<Vec<&'static str>> {
        use crate::participant::{Education, Gender, LabourStatus, SensitiveAnswer};
        let of = |all: Vec<&'static str>| Some(all);
        match self {
            Fact::Gender => of(Gender::ALL.iter().map(|g| g.code()).collect()),
            Fact::LabourStatus => of(LabourStatus::ALL.iter().map(|g| g.code()).collect()),
            Fact::Education => of(Education::ALL.iter().map(|g| g.code()).collect()),
            Fact::Disability | Fact::Minority => {
                of(SensitiveAnswer::ALL.iter().map(|g| g.code()).collect())
            }
            Fact::ThirdCountry | Fact::ForeignBackground | Fact::Homeless => {
                of(vec!["true", "false"])
            }
            Fact::AgeAtEntry => None,
        }
    }
}

/// A fact's value for one participant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Code(String),
    Number(i64),
    Flag(bool),
}

impl Value {
    fn code(&self) -> String {
        match self {
            Value::Code(c) => c.clone(),
            Value::Number(n) => n.to_string(),
            Value::Flag(b) => b.to_string(),
        }
    }
}

/// What is known of one participant (facts not known are absent).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    pub participant_id: String,
    values: BTreeMap<Fact, Value>,
}

impl Facts {
    pub fn of(participant_id: impl Into<String>) -> Self {
        Facts {
            participant_id: participant_id.into(),
            values: BTreeMap::new(),
        }
    }

    /// Sets a fact (None leaves it unknown).
    pub fn with(mut self, fact: Fact, value: Option<Value>) -> Self {
        match value {
            Some(v) => {
                self.values.insert(fact, v);
            }
            None => {
                self.values.remove(&fact);
            }
        }
        self
    }

    pub fn get(&self, fact: Fact) -> Option<&Value> {
        self.values.get(&fact)
    }
}

/// A condition over a participant's facts.
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
                .is_some_and(|v| values.iter().any(|x| *x == v.code())),
            Condition::Range { fact, from, to } => match facts.get(*fact) {
                Some(Value::Number(n)) => {
                    from.is_none_or(|f| *n >= f) && to.is_none_or(|t| *n <= t)
                }
                _ => false,
            },
        }
    }

    fn check(&self, indicator: &str) -> Result<(), SetError> {
        match self {
            Condition::All { all: cs } | Condition::Any { any: cs } => {
                cs.iter().try_for_each(|c| c.check(indicator))
            }
            Condition::Not { not } => not.check(indicator),
            Condition::In { fact, values } => match fact.codes() {
                Some(codes) if values.iter().all(|v| codes.contains(&v.as_str())) => Ok(()),
                _ => Err(SetError::BadCondition(indicator.to_owned())),
            },
            Condition::Range { fact, from, to } => {
                if fact.codes().is_some() || (from.is_none() && to.is_none()) {
                    Err(SetError::BadCondition(indicator.to_owned()))
                } else {
                    Ok(())
                }
            }
        }
    }
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
    /// Who is counted; none: every participant.
    #[serde(default)]
    pub when: Option<Condition>,
    /// Breakdowns, e.g. by gender.
    #[serde(default)]
    pub by: Vec<Fact>,
    /// Counts participants whose required facts are incomplete too.
    #[serde(default)]
    pub counts_incomplete: bool,
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
}

/// Why a set was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SetError {
    #[error("not a valid indicator set: {0}")]
    Format(String),
    #[error("a key, a version, a title and indicators are needed")]
    Incomplete,
    #[error("indicator {0} appears twice")]
    Duplicate(String),
    #[error("indicator {0} has no wording")]
    NoWording(String),
    #[error("indicator {0} has a condition on an unknown value or a range on a coded fact")]
    BadCondition(String),
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
        let mut keys = HashSet::new();
        for i in &set.indicators {
            if !keys.insert(i.key.as_str()) {
                return Err(SetError::Duplicate(i.key.clone()));
            }
            if i.wording.values().all(|w| w.trim().is_empty()) {
                return Err(SetError::NoWording(i.key.clone()));
            }
            if let Some(c) = &i.when {
                c.check(&i.key)?;
            }
        }
        Ok(set)
    }

    /// Whether her required facts are all known.
    pub fn complete(&self, facts: &Facts) -> bool {
        self.required.iter().all(|f| facts.get(*f).is_some())
    }
}

/// One indicator's figure: how many participants, broken down, and who.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub key: String,
    pub count: usize,
    /// Per breakdown fact, per value ("unknown" when not known), the count.
    pub by: BTreeMap<Fact, BTreeMap<String, usize>>,
    /// The participants counted, for those allowed to drill down.
    pub participants: Vec<String>,
}

/// Evaluates every indicator of a set over the participants of a period,
/// each participant counted once however often she appears.
pub fn evaluate(set: &IndicatorSet, people: &[Facts]) -> Vec<Figure> {
    let mut seen = HashSet::new();
    let people: Vec<&Facts> = people
        .iter()
        .filter(|p| seen.insert(p.participant_id.as_str()))
        .collect();
    set.indicators
        .iter()
        .map(|i| {
            let mut figure = Figure {
                key: i.key.clone(),
                count: 0,
                by: i.by.iter().map(|f| (*f, BTreeMap::new())).collect(),
                participants: Vec::new(),
            };
            for p in &people {
                if !i.counts_incomplete && !set.complete(p) {
                    continue;
                }
                if i.when.as_ref().is_some_and(|c| !c.holds(p)) {
                    continue;
                }
                figure.count += 1;
                figure.participants.push(p.participant_id.clone());
                for f in &i.by {
                    let value = p.get(*f).map_or_else(|| "unknown".to_owned(), Value::code);
                    *figure.by.entry(*f).or_default().entry(value).or_default() += 1;
                }
            }
            figure
        })
        .collect()
}

/// traject's built-in sets, parsed once.
pub fn built_in() -> &'static [IndicatorSet] {
    static SETS: std::sync::OnceLock<Vec<IndicatorSet>> = std::sync::OnceLock::new();
    SETS.get_or_init(|| {
        [include_str!("../indicators/esf_plus.json")]
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
        let f = evaluate(esf(), &people);
        let count = |k: &str| figure(&f, k).count;
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

    #[test]
    fn a_set_with_a_wrong_condition_is_refused() {
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
