//! A programme's configuration as an administrator adapts it from its
//! template: group size, rhythm, length, life domains, funders, and the
//! eligibility rules as data. [`ConfigInput::parse`] gives every field error
//! at once.

use crate::eligibility::Rule;
use crate::model::SessionRhythm;
use crate::participant::{FieldError, IncomeKind, LanguageLevel, LifeDomain};

/// The form as typed; check boxes are "yes" when ticked.
#[derive(Debug, Clone, Default)]
pub struct ConfigInput {
    pub name: String,
    pub description: String,
    pub active: bool,
    /// Its anonymised figures are pooled for federal analysts.
    pub pooled: bool,
    pub min_group_size: String,
    pub group_capacity: String,
    pub session_rhythm: String,
    pub session_minutes: String,
    pub duration_months: String,
    pub life_domains: Vec<String>,
    pub funders: String,
    pub report_strands: String,
    pub rule_min_age: Option<String>,
    pub rule_income: Vec<String>,
    pub rule_lives_in: Option<String>,
    pub rule_non_eu: bool,
    pub rule_protection: bool,
    pub rule_single_parent: bool,
    pub rule_child_under: Option<String>,
    pub rule_not_article_60: bool,
    pub rule_small_network: bool,
    pub rule_language: Option<(String, String)>,
    /// Typical weeks per phase, in phase order.
    pub phase_weeks: Vec<String>,
}

/// The parsed configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub name: String,
    pub description: String,
    pub active: bool,
    pub pooled: bool,
    pub min_group_size: i32,
    pub group_capacity: i32,
    pub session_rhythm: SessionRhythm,
    pub session_minutes: i32,
    pub duration_months: i32,
    pub life_domains: Vec<LifeDomain>,
    pub funders: String,
    pub report_strands: String,
    pub rules: Vec<Rule>,
    pub phase_weeks: Vec<i32>,
}

fn number(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    raw: &str,
    range: std::ops::RangeInclusive<i32>,
) -> i32 {
    match raw.trim().parse::<i32>() {
        Ok(n) if range.contains(&n) => n,
        _ => {
            errors.push(FieldError {
                field,
                code: "out-of-range",
            });
            *range.start()
        }
    }
}

/// A comma-separated list of short codes (funders, report strands).
fn codes(errors: &mut Vec<FieldError>, field: &'static str, raw: &str) -> String {
    let list: Vec<&str> = raw
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if list.iter().any(|c| {
        c.len() > 40
            || !c
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_')
    }) {
        errors.push(FieldError {
            field,
            code: "invalid-codes",
        });
    }
    list.join(",")
}

impl ConfigInput {
    pub fn parse(&self) -> Result<Config, Vec<FieldError>> {
        let mut e = Vec::new();
        let name = self.name.trim().to_owned();
        if name.is_empty() || name.chars().count() > 200 {
            e.push(FieldError {
                field: "name",
                code: "required",
            });
        }
        let description = self.description.trim().to_owned();
        if description.chars().count() > 2000 {
            e.push(FieldError {
                field: "description",
                code: "too-long",
            });
        }
        let min_group_size = number(&mut e, "min_group_size", &self.min_group_size, 1..=100);
        let group_capacity = number(&mut e, "group_capacity", &self.group_capacity, 1..=100);
        if min_group_size > group_capacity {
            e.push(FieldError {
                field: "min_group_size",
                code: "min-above-max",
            });
        }
        let session_rhythm = self.session_rhythm.parse().unwrap_or_else(|_| {
            e.push(FieldError {
                field: "session_rhythm",
                code: "invalid-choice",
            });
            SessionRhythm::Weekly
        });
        let session_minutes = number(&mut e, "session_minutes", &self.session_minutes, 15..=600);
        let duration_months = number(&mut e, "duration_months", &self.duration_months, 1..=60);
        let mut life_domains = Vec::new();
        for d in &self.life_domains {
            match d.parse::<LifeDomain>() {
                Ok(d) if !life_domains.contains(&d) => life_domains.push(d),
                Ok(_) => {}
                Err(_) => e.push(FieldError {
                    field: "life_domains",
                    code: "invalid-choice",
                }),
            }
        }
        if life_domains.is_empty() {
            e.push(FieldError {
                field: "life_domains",
                code: "required",
            });
        }
        let funders = codes(&mut e, "funders", &self.funders);
        let report_strands = codes(&mut e, "report_strands", &self.report_strands);
        let mut rules = Vec::new();
        if let Some(years) = &self.rule_min_age {
            rules.push(Rule::MinAge {
                years: number(&mut e, "rule_min_age", years, 0..=120),
            });
        }
        if !self.rule_income.is_empty() {
            let mut allowed = Vec::new();
            for k in &self.rule_income {
                match k.parse::<IncomeKind>() {
                    Ok(k) => allowed.push(k),
                    Err(_) => e.push(FieldError {
                        field: "rule_income",
                        code: "invalid-choice",
                    }),
                }
            }
            rules.push(Rule::Income { allowed });
        }
        if let Some(list) = &self.rule_lives_in {
            let postal_codes: Vec<String> = list
                .split([',', ' ', ';'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            if postal_codes.is_empty()
                || postal_codes
                    .iter()
                    .any(|p| p.len() != 4 || !p.bytes().all(|b| b.is_ascii_digit()))
            {
                e.push(FieldError {
                    field: "rule_lives_in",
                    code: "invalid-postal-code",
                });
            }
            rules.push(Rule::LivesIn { postal_codes });
        }
        if self.rule_non_eu {
            rules.push(Rule::NonEuNational);
        }
        if self.rule_protection {
            rules.push(Rule::InternationalProtection);
        }
        if self.rule_single_parent {
            rules.push(Rule::SingleParent);
        }
        if let Some(years) = &self.rule_child_under {
            rules.push(Rule::ChildUnder {
                years: number(&mut e, "rule_child_under", years, 1..=25),
            });
        }
        if self.rule_not_article_60 {
            rules.push(Rule::NotInArticle60);
        }
        if self.rule_small_network {
            rules.push(Rule::SmallSocialNetwork);
        }
        if let Some((language, level)) = &self.rule_language {
            let language = language.trim().to_ascii_lowercase();
            match level.parse::<LanguageLevel>() {
                Ok(level)
                    if (2..=3).contains(&language.len())
                        && language.bytes().all(|b| b.is_ascii_lowercase()) =>
                {
                    rules.push(Rule::LanguageMinimum { language, level })
                }
                _ => e.push(FieldError {
                    field: "rule_language",
                    code: "invalid-choice",
                }),
            }
        }
        let phase_weeks = self
            .phase_weeks
            .iter()
            .map(|w| number(&mut e, "phase_weeks", w, 1..=104))
            .collect();
        if !e.is_empty() {
            return Err(e);
        }
        Ok(Config {
            name,
            description,
            active: self.active,
            pooled: self.pooled,
            min_group_size,
            group_capacity,
            session_rhythm,
            session_minutes,
            duration_months,
            life_domains,
            funders,
            report_strands,
            rules,
            phase_weeks,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ConfigInput {
        ConfigInput {
            name: "Sociale activering".into(),
            active: true,
            min_group_size: "5".into(),
            group_capacity: "15".into(),
            session_rhythm: "weekly".into(),
            session_minutes: "180".into(),
            duration_months: "12".into(),
            life_domains: vec!["social".into(), "language".into()],
            funders: "amif".into(),
            report_strands: "amif_indicators".into(),
            rule_min_age: Some("18".into()),
            rule_lives_in: Some("9000, 9030".into()),
            rule_non_eu: true,
            rule_language: Some(("nl".into(), "basic".into())),
            phase_weeks: vec!["4".into(), "12".into()],
            ..Default::default()
        }
    }

    #[test]
    fn a_configuration_with_rules_parses() {
        let c = input().parse().unwrap();
        assert_eq!(c.rules.len(), 4);
        assert!(c.rules.contains(&Rule::LivesIn {
            postal_codes: vec!["9000".into(), "9030".into()]
        }));
        assert_eq!(c.phase_weeks, vec![4, 12]);
    }

    #[test]
    fn every_bad_field_is_reported() {
        let bad = ConfigInput {
            name: " ".into(),
            min_group_size: "20".into(),
            group_capacity: "10".into(),
            session_minutes: "5".into(),
            life_domains: vec![],
            funders: "AMIF fund".into(),
            rule_lives_in: Some("90000".into()),
            rule_language: Some(("dutch".into(), "basic".into())),
            phase_weeks: vec!["0".into()],
            ..input()
        };
        let fields: Vec<&str> = bad.parse().unwrap_err().iter().map(|e| e.field).collect();
        for f in [
            "name",
            "min_group_size",
            "session_minutes",
            "life_domains",
            "funders",
            "rule_lives_in",
            "rule_language",
            "phase_weeks",
        ] {
            assert!(fields.contains(&f), "{f} not in {fields:?}");
        }
    }
}
