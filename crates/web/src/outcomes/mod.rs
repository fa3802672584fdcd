//! Outcomes and surveys (issue 14): instruments, what a programme measures
//! when, answering (on her page, on a shared tablet, typed in by staff from
//! paper), her results with a radar chart, a programme's figures, and
//! testimonials. Storage and figures are in `db::outcomes`, the rules in
//! `domain::outcomes` and `domain::instruments`.

pub mod answer;
pub mod api;
pub mod instruments;
pub mod kiosk;
pub mod moments;
pub mod person;
pub mod programme;
pub mod radar;
pub mod testimonials;

use db::outcomes::measurements::MeasureError;
use domain::instruments::{Answer, Instrument, Item, ItemKind, text_in};
use domain::model::Language;

/// One option of a question as shown: the value sent, a pictogram, words.
#[derive(Debug, Clone)]
pub struct OptionView {
    pub value: String,
    pub pictogram: String,
    pub label: String,
}

/// One question as shown, in one language.
#[derive(Debug, Clone)]
pub struct ItemView {
    pub key: String,
    /// `scale`, `yes_no`, `single`, `multiple`, `text`, `date`, `number`.
    pub kind: &'static str,
    pub text: String,
    pub options: Vec<OptionView>,
    pub min: i64,
    pub max: i64,
    pub required: bool,
    /// The values given so far (to fill the form again).
    pub given: Vec<String>,
    /// The translation key of its error, if any.
    pub error: Option<String>,
}

impl ItemView {
    pub fn chosen(&self, value: &str) -> bool {
        self.given.iter().any(|g| g == value)
    }

    pub fn first_given(&self) -> &str {
        self.given.first().map(String::as_str).unwrap_or("")
    }

    /// Buttons answer at once (scales, yes/no, single choice); the others
    /// need a "next".
    pub fn one_tap(&self) -> bool {
        matches!(self.kind, "scale" | "yes_no" | "single")
    }
}

/// The pictogram of a scale's value: its own step's, else the nearest
/// labelled step's, so that every value can be answered by picture.
fn scale_pictogram(steps: &[domain::instruments::Step], value: i64) -> String {
    steps
        .iter()
        .filter(|s| !s.pictogram.is_empty())
        .min_by_key(|s| (s.value - value).abs())
        .map(|s| s.pictogram.clone())
        .unwrap_or_default()
}

/// An item as shown in `lang` (an instrument's own texts, with fallback);
/// `yes`/`no`: the words for yes/no in the page's language.
pub fn item_view(item: &Item, lang: &str, yes_no: (&str, &str)) -> ItemView {
    let text = |t: &domain::instruments::Texts| text_in(t, lang).unwrap_or_default().to_owned();
    let (kind, options, min, max): (&'static str, Vec<OptionView>, i64, i64) = match &item.kind {
        ItemKind::Scale { min, max, steps } => (
            "scale",
            (*min..=*max)
                .map(|v| OptionView {
                    value: v.to_string(),
                    pictogram: scale_pictogram(steps, v),
                    label: steps
                        .iter()
                        .find(|s| s.value == v)
                        .map(|s| text(&s.texts))
                        .unwrap_or_default(),
                })
                .collect(),
            *min,
            *max,
        ),
        ItemKind::YesNo => (
            "yes_no",
            vec![
                OptionView {
                    value: "yes".into(),
                    pictogram: "👍".into(),
                    label: yes_no.0.to_owned(),
                },
                OptionView {
                    value: "no".into(),
                    pictogram: "👎".into(),
                    label: yes_no.1.to_owned(),
                },
            ],
            0,
            0,
        ),
        ItemKind::Single { options } | ItemKind::Multiple { options } => (
            if matches!(item.kind, ItemKind::Single { .. }) {
                "single"
            } else {
                "multiple"
            },
            options
                .iter()
                .map(|o| OptionView {
                    value: o.key.clone(),
                    pictogram: o.pictogram.clone(),
                    label: text(&o.texts),
                })
                .collect(),
            0,
            0,
        ),
        ItemKind::Text { .. } => ("text", Vec::new(), 0, 0),
        ItemKind::Date => ("date", Vec::new(), 0, 0),
        ItemKind::Number { min, max } => ("number", Vec::new(), *min, *max),
    };
    ItemView {
        key: item.key.clone(),
        kind,
        text: text(&item.texts),
        options,
        min,
        max,
        required: item.required,
        given: Vec::new(),
        error: None,
    }
}

/// The instrument's name in `lang`.
pub fn name_of(instrument: &Instrument, lang: &str) -> String {
    text_in(&instrument.names, lang)
        .unwrap_or(&instrument.key)
        .to_owned()
}

/// An answer as words, for tables: a number, yes/no, the options' words,
/// or her text.
pub fn answer_text(item: &Item, answer: &Answer, lang: Language) -> String {
    match (answer, &item.kind) {
        (Answer::Number(n), _) => n.to_string(),
        (Answer::YesNo(b), _) => i18n::t(lang, if *b { "answer-yes" } else { "answer-no" }),
        (Answer::Choices(keys), ItemKind::Single { options } | ItemKind::Multiple { options }) => {
            keys.iter()
                .map(|k| {
                    options
                        .iter()
                        .find(|o| &o.key == k)
                        .map(|o| {
                            format!(
                                "{} {}",
                                o.pictogram,
                                text_in(&o.texts, lang.code()).unwrap_or(k)
                            )
                            .trim()
                            .to_owned()
                        })
                        .unwrap_or_else(|| k.clone())
                })
                .collect::<Vec<_>>()
                .join(", ")
        }
        (Answer::Choices(keys), _) => keys.join(", "),
        (Answer::Text(t), _) => t.clone(),
    }
}

/// The translation key of a refused answer, by item.
pub fn answer_error(e: &MeasureError) -> Option<(String, String)> {
    match e {
        MeasureError::Answer(item, code) => Some((item.clone(), format!("error-{}", code.code()))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use domain::model::Language;

    /// Every coded value these pages and the file show has its words in
    /// every language (a missing key would show as the key itself).
    #[test]
    fn every_coded_value_has_words() {
        let mut keys: Vec<String> = Vec::new();
        for m in domain::outcomes::Moment::ALL {
            keys.push(format!("coded-moment-{}", m.code()));
        }
        for r in domain::instruments::Respondent::ALL {
            keys.push(format!("coded-respondent-{}", r.code()));
        }
        for c in domain::outcomes::Channel::ALL {
            keys.push(format!("coded-answer-channel-{}", c.code()));
        }
        for s in domain::outcomes::TestimonialScope::ALL {
            keys.push(format!("coded-scope-{}", s.code()));
            keys.push(format!("testimonials-for-{}", s.code()));
            keys.push(format!("testimonials-hint-{}", s.code()));
        }
        for k in domain::messages::MessageKind::ALL {
            keys.push(format!("coded-message-kind-{}", k.code()));
        }
        for u in ["soon", "due", "overdue"] {
            keys.push(format!("outcomes-urgency-{u}"));
        }
        for lang in Language::ALL {
            for key in &keys {
                let text = i18n::t(*lang, key);
                assert!(!text.is_empty() && text != *key, "{lang:?}: {key}");
            }
        }
    }
}
