//! Form state shared by every capability's pages: the values as typed, the
//! field errors to show beside them, and the choices of a select. Forms come
//! in as name/value pairs so that repeated names (check boxes) survive.

use domain::participant::FieldError;
use std::collections::HashMap;

/// A submitted form: each name with its values in order.
#[derive(Debug, Clone, Default)]
pub struct Pairs(pub Vec<(String, String)>);

impl Pairs {
    /// The last value given for a name, or "".
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// Every value given for a name (check boxes).
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(k, _)| k == name)
    }

    /// The pairs as a JSON object of strings, to deserialize an input struct.
    pub fn to_json(&self) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        for (k, v) in &self.0 {
            map.insert(k.clone(), serde_json::Value::String(v.clone()));
        }
        serde_json::Value::Object(map)
    }
}

/// The codes of every value of a coded enum (for [`Choice::coded`]).
pub fn codes<T: Copy>(all: &[T], code: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|v| code(*v)).collect()
}

/// One option of a select: its value and its translation key.
#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label_key: String,
    /// The label is shown as it is (a programme's or a person's name).
    pub literal: bool,
}

impl Choice {
    /// An option labelled by a name that is not translated.
    pub fn literal(value: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            value: value.into(),
            label_key: label.into(),
            literal: true,
        }
    }

    /// An option labelled by a translation key.
    pub fn keyed(value: impl Into<String>, key: impl Into<String>) -> Self {
        Self {
            value: value.into(),
            label_key: key.into(),
            literal: false,
        }
    }

    /// The options of a coded value, labelled `coded-<kind>-<code>`.
    pub fn coded(kind: &str, codes: impl IntoIterator<Item = &'static str>) -> Vec<Choice> {
        codes
            .into_iter()
            .map(|c| Choice::keyed(c, format!("coded-{kind}-{c}")))
            .collect()
    }

    /// Yes, no, not known.
    pub fn yes_no() -> Vec<Choice> {
        Self::coded("answer", ["yes", "no"])
    }
}

/// The values typed and the errors found, for re-showing a form.
#[derive(Debug, Clone, Default)]
pub struct FormState {
    pub values: HashMap<String, String>,
    pub errors: Vec<FieldError>,
}

impl FormState {
    pub fn from_pairs(pairs: &Pairs) -> Self {
        Self {
            values: pairs.0.iter().cloned().collect(),
            errors: Vec::new(),
        }
    }

    pub fn with_errors(mut self, errors: Vec<FieldError>) -> Self {
        self.errors = errors;
        self
    }

    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        self.values.insert(name.to_owned(), value.into());
    }

    /// The value of a field as typed (for `value="..."`).
    pub fn v(&self, name: &str) -> &str {
        self.values.get(name).map(String::as_str).unwrap_or("")
    }

    /// Whether a select's option is the chosen one.
    pub fn is(&self, name: &str, value: &str) -> bool {
        self.v(name) == value
    }

    /// Whether a check box of a repeated name was ticked (kept as
    /// `name:value` = `yes`).
    pub fn ticked(&self, name: &str, value: &str) -> bool {
        self.values
            .get(&format!("{name}:{value}"))
            .is_some_and(|v| v == "yes")
    }

    /// The translation key of the field's first error.
    pub fn err(&self, name: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|e| e.field == name)
            .map(|e| format!("error-{}", e.code))
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }
}
