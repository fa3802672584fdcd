//! Instruments as data (issue 14, first part): a questionnaire is a
//! versioned list of items, each with a type (a scale with labelled steps
//! and pictograms, yes/no, single or multiple choice with pictograms, free
//! text, a date, a number), its texts per language with a fallback, and a
//! life domain where it has one. Organisations add their own as JSON in the
//! same shape as traject's built-in ones (`instruments/*.json`). A new
//! version keeps old answers readable and comparable item by item: an item
//! that keeps its key and its type is the same question.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// Texts by language code ("nl", "fr", "de", "en", or a further one).
pub type Texts = BTreeMap<String, String>;

/// The text for `lang`, else the first of the fallbacks that has one.
pub fn text_in<'a>(texts: &'a Texts, lang: &str) -> Option<&'a str> {
    texts
        .get(lang)
        .or_else(|| ["en", "nl", "fr", "de"].iter().find_map(|l| texts.get(*l)))
        .map(String::as_str)
}

crate::coded_enum! {
    /// Who answers an instrument: she herself (on her page, on a tablet, or
    /// on paper), or her casemanager rating.
    Respondent: "respondent" {
        Participant = "participant",
        Staff = "staff",
    }
}

/// A step of a scale: its value, a pictogram and, for some, words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub value: i64,
    #[serde(default)]
    pub pictogram: String,
    #[serde(default)]
    pub texts: Texts,
}

/// One option of a choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub key: String,
    #[serde(default)]
    pub pictogram: String,
    pub texts: Texts,
}

/// What an item asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ItemKind {
    /// Whole numbers from `min` to `max`; `steps` label some (or all) of them.
    Scale {
        min: i64,
        max: i64,
        #[serde(default)]
        steps: Vec<Step>,
    },
    YesNo,
    Single {
        options: Vec<Choice>,
    },
    Multiple {
        options: Vec<Choice>,
    },
    Text {
        #[serde(default = "default_text_length")]
        max_chars: usize,
    },
    Date,
    Number {
        min: i64,
        max: i64,
    },
}

fn default_text_length() -> usize {
    1_000
}

impl ItemKind {
    fn code(&self) -> &'static str {
        match self {
            ItemKind::Scale { .. } => "scale",
            ItemKind::YesNo => "yes_no",
            ItemKind::Single { .. } => "single",
            ItemKind::Multiple { .. } => "multiple",
            ItemKind::Text { .. } => "text",
            ItemKind::Date => "date",
            ItemKind::Number { .. } => "number",
        }
    }
}

/// One question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub key: String,
    #[serde(flatten)]
    pub kind: ItemKind,
    pub texts: Texts,
    /// A life domain code (`housing`, ...) or `wellbeing`, where it has one.
    #[serde(default)]
    pub domain: Option<String>,
    #[serde(default)]
    pub required: bool,
}

/// An instrument in one version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instrument {
    /// Stable across versions, e.g. `traject-life-domains`.
    pub key: String,
    pub version: u32,
    pub names: Texts,
    pub respondent: Respondent,
    /// Answers kept apart from identities (satisfaction, session feedback).
    #[serde(default)]
    pub anonymous: bool,
    pub items: Vec<Item>,
}

/// Why an instrument's data is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InstrumentError {
    #[error("not an instrument: {0}")]
    Format(String),
    #[error("an instrument needs a key, a version from 1, a name and items")]
    Incomplete,
    #[error("item {0} appears twice")]
    DuplicateItem(String),
    #[error("item {0} has no text in traject's languages")]
    NoText(String),
    #[error("item {0}: the scale or number range is empty or its steps lie outside it")]
    BadRange(String),
    #[error("item {0}: a choice needs options with distinct keys and texts")]
    BadOptions(String),
}

fn has_ours(texts: &Texts) -> bool {
    ["nl", "fr", "de", "en"]
        .iter()
        .any(|l| texts.get(*l).is_some_and(|t| !t.trim().is_empty()))
}

fn options_ok(options: &[Choice]) -> bool {
    let mut seen = HashSet::new();
    !options.is_empty()
        && options.iter().all(|o| {
            !o.key.is_empty()
                && !o.key.contains(',')
                && seen.insert(o.key.as_str())
                && has_ours(&o.texts)
        })
}

impl Instrument {
    /// Reads and checks an instrument from its JSON.
    pub fn from_json(json: &str) -> Result<Self, InstrumentError> {
        let instrument: Instrument =
            serde_json::from_str(json).map_err(|e| InstrumentError::Format(e.to_string()))?;
        instrument.check()?;
        Ok(instrument)
    }

    pub fn check(&self) -> Result<(), InstrumentError> {
        if self.key.trim().is_empty()
            || self.version == 0
            || !has_ours(&self.names)
            || self.items.is_empty()
        {
            return Err(InstrumentError::Incomplete);
        }
        let mut keys = HashSet::new();
        for item in &self.items {
            if item.key.is_empty() || !keys.insert(item.key.as_str()) {
                return Err(InstrumentError::DuplicateItem(item.key.clone()));
            }
            if !has_ours(&item.texts) {
                return Err(InstrumentError::NoText(item.key.clone()));
            }
            match &item.kind {
                ItemKind::Scale { min, max, steps }
                    if min >= max || steps.iter().any(|s| s.value < *min || s.value > *max) =>
                {
                    return Err(InstrumentError::BadRange(item.key.clone()));
                }
                ItemKind::Number { min, max } if min > max => {
                    return Err(InstrumentError::BadRange(item.key.clone()));
                }
                ItemKind::Single { options } | ItemKind::Multiple { options }
                    if !options_ok(options) =>
                {
                    return Err(InstrumentError::BadOptions(item.key.clone()));
                }
                _ => {}
            }
        }
        Ok(())
    }

    pub fn item(&self, key: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.key == key)
    }

    /// The items of `self` that can be compared with `other` (another
    /// version): the same key and the same kind of answer.
    pub fn comparable_with<'a>(&'a self, other: &Instrument) -> Vec<&'a str> {
        self.items
            .iter()
            .filter(|i| {
                other
                    .item(&i.key)
                    .is_some_and(|o| o.kind.code() == i.kind.code())
            })
            .map(|i| i.key.as_str())
            .collect()
    }
}

/// An answer to one item, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    Number(i64),
    YesNo(bool),
    Choices(Vec<String>),
    Text(String),
}

impl Answer {
    /// The answer in a number and a text column: numbers and yes/no (1/0)
    /// as a number, so that figures are summed in SQL; choices as their
    /// keys joined by commas; texts and dates as text.
    pub fn to_columns(&self) -> (Option<i64>, Option<String>) {
        match self {
            Answer::Number(n) => (Some(*n), None),
            Answer::YesNo(b) => (Some(i64::from(*b)), None),
            Answer::Choices(keys) => (None, Some(keys.join(","))),
            Answer::Text(t) => (None, Some(t.clone())),
        }
    }

    /// Reads the columns back for an item of `kind`.
    pub fn from_columns(kind: &ItemKind, num: Option<i64>, text: Option<&str>) -> Option<Answer> {
        match (kind, num, text) {
            (ItemKind::YesNo, Some(n), _) => Some(Answer::YesNo(n != 0)),
            (_, Some(n), _) => Some(Answer::Number(n)),
            (ItemKind::Single { .. } | ItemKind::Multiple { .. }, None, Some(t)) => {
                Some(Answer::Choices(
                    t.split(',')
                        .filter(|k| !k.is_empty())
                        .map(str::to_owned)
                        .collect(),
                ))
            }
            (_, None, Some(t)) => Some(Answer::Text(t.to_owned())),
            (_, None, None) => None,
        }
    }

    /// The answer as form values (to fill a form or a question again).
    pub fn values(&self) -> Vec<String> {
        match self {
            Answer::Number(n) => vec![n.to_string()],
            Answer::YesNo(b) => vec![if *b { "yes" } else { "no" }.to_owned()],
            Answer::Choices(keys) => keys.clone(),
            Answer::Text(t) => vec![t.clone()],
        }
    }
}

/// Why an answer is refused (the code of a field error).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerError {
    Required,
    OutOfRange,
    UnknownChoice,
    TooLong,
    InvalidDate,
    NotANumber,
}

impl AnswerError {
    pub fn code(self) -> &'static str {
        match self {
            AnswerError::Required => "required",
            AnswerError::OutOfRange => "out-of-range",
            AnswerError::UnknownChoice => "invalid-choice",
            AnswerError::TooLong => "too-long",
            AnswerError::InvalidDate => "invalid-date",
            AnswerError::NotANumber => "not-a-number",
        }
    }
}

impl Item {
    /// Reads an answer from a form's values for this item (several for a
    /// multiple choice); `None` when left empty and not required.
    pub fn answer(&self, values: &[&str]) -> Result<Option<Answer>, AnswerError> {
        let values: Vec<&str> = values
            .iter()
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .collect();
        let Some(first) = values.first().copied() else {
            return if self.required {
                Err(AnswerError::Required)
            } else {
                Ok(None)
            };
        };
        let number = |min: i64, max: i64| -> Result<Option<Answer>, AnswerError> {
            let n: i64 = first.parse().map_err(|_| AnswerError::NotANumber)?;
            if n < min || n > max {
                return Err(AnswerError::OutOfRange);
            }
            Ok(Some(Answer::Number(n)))
        };
        match &self.kind {
            ItemKind::Scale { min, max, .. } => number(*min, *max),
            ItemKind::Number { min, max } => number(*min, *max),
            ItemKind::YesNo => match first {
                "yes" => Ok(Some(Answer::YesNo(true))),
                "no" => Ok(Some(Answer::YesNo(false))),
                _ => Err(AnswerError::UnknownChoice),
            },
            ItemKind::Single { options } => {
                if values.len() > 1 || !options.iter().any(|o| o.key == first) {
                    return Err(AnswerError::UnknownChoice);
                }
                Ok(Some(Answer::Choices(vec![first.to_owned()])))
            }
            ItemKind::Multiple { options } => {
                let mut chosen: Vec<String> = Vec::new();
                for v in values {
                    if !options.iter().any(|o| o.key == v) {
                        return Err(AnswerError::UnknownChoice);
                    }
                    if !chosen.iter().any(|c| c == v) {
                        chosen.push(v.to_owned());
                    }
                }
                Ok(Some(Answer::Choices(chosen)))
            }
            ItemKind::Text { max_chars } => {
                if first.chars().count() > *max_chars {
                    return Err(AnswerError::TooLong);
                }
                Ok(Some(Answer::Text(first.to_owned())))
            }
            ItemKind::Date => NaiveDate::parse_from_str(first, "%Y-%m-%d")
                .map(|d| Some(Answer::Text(d.to_string())))
                .map_err(|_| AnswerError::InvalidDate),
        }
    }
}

/// traject's own instruments, as data (parsed once).
pub fn built_in() -> &'static [Instrument] {
    static BUILT_IN: std::sync::OnceLock<Vec<Instrument>> = std::sync::OnceLock::new();
    BUILT_IN.get_or_init(|| {
        [
            include_str!("../instruments/life_domains.json"),
            include_str!("../instruments/self_confidence.json"),
            include_str!("../instruments/satisfaction.json"),
            include_str!("../instruments/session_feedback.json"),
            include_str!("../instruments/follow_up.json"),
            include_str!("../instruments/language_level.json"),
            include_str!("../instruments/exit_situation.json"),
        ]
        .iter()
        .filter_map(|json| Instrument::from_json(json).ok())
        .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn life() -> Instrument {
        Instrument::from_json(include_str!("../instruments/life_domains.json")).unwrap()
    }

    #[test]
    fn the_built_in_instruments_are_complete_in_the_four_languages() {
        let all = built_in();
        assert_eq!(all.len(), 7, "every built-in file parses");
        // Satisfaction and session feedback are anonymous; the satisfaction
        // survey asks AMIF's "helpful for my integration".
        let anonymous: Vec<&str> = all
            .iter()
            .filter(|i| i.anonymous)
            .map(|i| i.key.as_str())
            .collect();
        assert_eq!(
            anonymous,
            ["traject-satisfaction", "traject-session-feedback"]
        );
        assert!(all[2].item("helpful_for_integration").is_some());
        for i in all {
            for lang in ["nl", "fr", "de", "en"] {
                assert!(i.names.contains_key(lang), "{}: name in {lang}", i.key);
                for item in &i.items {
                    assert!(
                        item.texts.contains_key(lang),
                        "{} {} in {lang}",
                        i.key,
                        item.key
                    );
                    if let ItemKind::Scale { steps, .. } = &item.kind {
                        for s in steps.iter().filter(|s| !s.texts.is_empty()) {
                            assert!(
                                s.texts.contains_key(lang),
                                "{} step {} in {lang}",
                                item.key,
                                s.value
                            );
                        }
                    }
                }
            }
        }
        let life = life();
        // Every life domain of the domain model, plus mental well-being.
        for d in crate::participant::LifeDomain::ALL {
            assert!(
                life.items
                    .iter()
                    .any(|i| i.domain.as_deref() == Some(d.code())),
                "{}",
                d.code()
            );
        }
        assert!(
            life.items
                .iter()
                .any(|i| i.domain.as_deref() == Some("wellbeing"))
        );
    }

    #[test]
    fn answers_are_read_per_item_type() {
        let life = life();
        let housing = life.item("housing").unwrap();
        assert_eq!(housing.answer(&["7"]), Ok(Some(Answer::Number(7))));
        assert_eq!(housing.answer(&["11"]), Err(AnswerError::OutOfRange));
        assert_eq!(housing.answer(&["seven"]), Err(AnswerError::NotANumber));
        assert_eq!(housing.answer(&[""]), Err(AnswerError::Required));
        let feedback =
            Instrument::from_json(include_str!("../instruments/session_feedback.json")).unwrap();
        assert!(feedback.anonymous);
        let faces = feedback.item("how_was_it").unwrap();
        assert_eq!(faces.answer(&["3"]), Ok(Some(Answer::Number(3))));
        let multiple = Item {
            key: "m".into(),
            kind: ItemKind::Multiple {
                options: vec![
                    Choice {
                        key: "a".into(),
                        pictogram: "🅰️".into(),
                        texts: [("en".into(), "A".into())].into(),
                    },
                    Choice {
                        key: "b".into(),
                        pictogram: String::new(),
                        texts: [("en".into(), "B".into())].into(),
                    },
                ],
            },
            texts: [("en".into(), "Which?".into())].into(),
            domain: None,
            required: false,
        };
        assert_eq!(
            multiple.answer(&["b", "a", "b"]),
            Ok(Some(Answer::Choices(vec!["b".into(), "a".into()])))
        );
        assert_eq!(multiple.answer(&["c"]), Err(AnswerError::UnknownChoice));
        assert_eq!(multiple.answer(&[]), Ok(None));
    }

    #[test]
    fn a_new_version_stays_comparable_item_by_item() {
        let v1 = life();
        let mut v2 = v1.clone();
        v2.version = 2;
        // Reworded: still the same question.
        v2.items[0]
            .texts
            .insert("en".into(), "Your home, now?".into());
        // Changed into yes/no: no longer comparable.
        v2.items[1].kind = ItemKind::YesNo;
        v2.items.push(Item {
            key: "new".into(),
            kind: ItemKind::YesNo,
            texts: [("en".into(), "New?".into())].into(),
            domain: None,
            required: false,
        });
        let same = v2.comparable_with(&v1);
        assert!(same.contains(&v1.items[0].key.as_str()));
        assert!(!same.contains(&v1.items[1].key.as_str()));
        assert!(!same.contains(&"new"));
        assert_eq!(same.len(), v1.items.len() - 1);
    }

    #[test]
    fn broken_instruments_are_refused_with_a_reason() {
        let ok = include_str!("../instruments/session_feedback.json");
        assert!(matches!(
            Instrument::from_json("{"),
            Err(InstrumentError::Format(_))
        ));
        let twice = ok.replace("\"key\": \"remarks\"", "\"key\": \"how_was_it\"");
        assert_eq!(
            Instrument::from_json(&twice),
            Err(InstrumentError::DuplicateItem("how_was_it".into()))
        );
        let range = ok.replace("\"max\": 3", "\"max\": 1");
        assert_eq!(
            Instrument::from_json(&range),
            Err(InstrumentError::BadRange("how_was_it".into()))
        );
        let mut texts = Texts::new();
        texts.insert("ti".into(), "ሰላም".into());
        assert_eq!(text_in(&texts, "nl"), None);
        texts.insert("fr".into(), "Bonjour".into());
        assert_eq!(text_in(&texts, "ti"), Some("ሰላም"));
        assert_eq!(text_in(&texts, "ar"), Some("Bonjour"));
    }
}
