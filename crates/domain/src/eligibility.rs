//! Eligibility rules as data: a programme stores its rules (as JSON), the
//! intake evaluates them against what the file knows. Each rule answers met,
//! not met or unknown, with a reason code the interface translates; unknown is
//! never silently taken as met or not met.

use crate::identity::age_on;
use crate::participant::{IncomeKind, LanguageLevel, Nationality, ResidenceStatus};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One eligibility rule of a programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Rule {
    /// At least this old on the day of the intake.
    MinAge { years: i32 },
    /// Her main income is one of these.
    Income { allowed: Vec<IncomeKind> },
    /// She lives in one of these postal codes (a municipality or a region's list).
    LivesIn { postal_codes: Vec<String> },
    /// Not a national of an EU member state.
    NonEuNational,
    /// Recognised refugee or under subsidiary protection.
    InternationalProtection,
    /// Raises her children without a partner in the household.
    SingleParent,
    /// Has a child younger than this many years.
    ChildUnder { years: i32 },
    /// Not working under an article 60 contract.
    NotInArticle60,
    /// Has a small social network (asked at intake).
    SmallSocialNetwork,
    /// Speaks this language at least at this level.
    LanguageMinimum {
        language: String,
        level: LanguageLevel,
    },
}

impl Rule {
    /// The stable code of the rule, for translation and reports.
    pub fn code(&self) -> &'static str {
        match self {
            Rule::MinAge { .. } => "min_age",
            Rule::Income { .. } => "income",
            Rule::LivesIn { .. } => "lives_in",
            Rule::NonEuNational => "non_eu_national",
            Rule::InternationalProtection => "international_protection",
            Rule::SingleParent => "single_parent",
            Rule::ChildUnder { .. } => "child_under",
            Rule::NotInArticle60 => "not_in_article_60",
            Rule::SmallSocialNetwork => "small_social_network",
            Rule::LanguageMinimum { .. } => "language_minimum",
        }
    }
}

/// What the file knows of her at the intake; `None` is "not known yet".
#[derive(Debug, Clone, Default)]
pub struct Applicant {
    pub birth_date: Option<NaiveDate>,
    pub income: Option<IncomeKind>,
    pub postal_code: Option<String>,
    pub nationality: Option<Nationality>,
    pub residence: Option<ResidenceStatus>,
    /// Whether another adult partner lives in the household.
    pub has_partner_in_household: Option<bool>,
    /// Birth dates of her children; `None` for a child whose date is unknown.
    pub children_birth_dates: Vec<Option<NaiveDate>>,
    pub in_article_60: Option<bool>,
    pub small_social_network: Option<bool>,
    /// Spoken languages with their level.
    pub languages: Vec<(String, LanguageLevel)>,
}

/// A rule's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Met,
    NotMet,
    Unknown,
}

impl Verdict {
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::NotMet => "not_met",
            Verdict::Unknown => "unknown",
        }
    }
}

/// One rule's evaluation: the verdict and why, as a reason code plus the
/// values the translated sentence needs (never a sensitive value).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: Rule,
    pub verdict: Verdict,
    pub reason: &'static str,
    pub value: Option<String>,
}

fn level_rank(level: LanguageLevel) -> u8 {
    match level {
        LanguageLevel::Beginner => 0,
        LanguageLevel::Basic => 1,
        LanguageLevel::Fluent => 2,
        LanguageLevel::Native => 3,
    }
}

fn finding(rule: &Rule, verdict: Verdict, reason: &'static str, value: Option<String>) -> Finding {
    Finding {
        rule: rule.clone(),
        verdict,
        reason,
        value,
    }
}

/// Evaluates one rule on the given day.
pub fn evaluate(rule: &Rule, who: &Applicant, on: NaiveDate) -> Finding {
    use Verdict::*;
    match rule {
        Rule::MinAge { years } => match who.birth_date {
            None => finding(rule, Unknown, "birth-date-unknown", None),
            Some(born) => {
                let age = age_on(born, on);
                let v = if age >= *years { Met } else { NotMet };
                finding(rule, v, "age-is", Some(age.to_string()))
            }
        },
        Rule::Income { allowed } => match who.income {
            None => finding(rule, Unknown, "income-unknown", None),
            Some(kind) if allowed.contains(&kind) => {
                finding(rule, Met, "income-is", Some(kind.code().into()))
            }
            Some(kind) => finding(rule, NotMet, "income-is", Some(kind.code().into())),
        },
        Rule::LivesIn { postal_codes } => match who.postal_code.as_deref().map(str::trim) {
            None | Some("") => finding(rule, Unknown, "address-unknown", None),
            Some(pc) if postal_codes.iter().any(|c| c == pc) => {
                finding(rule, Met, "postal-code-is", Some(pc.to_owned()))
            }
            Some(pc) => finding(rule, NotMet, "postal-code-is", Some(pc.to_owned())),
        },
        Rule::NonEuNational => match &who.nationality {
            None => finding(rule, Unknown, "nationality-unknown", None),
            Some(n) if n.is_eu() => finding(rule, NotMet, "eu-national", None),
            Some(_) => finding(rule, Met, "non-eu-national", None),
        },
        Rule::InternationalProtection => match who.residence {
            // The status itself is sensitive: the reason does not repeat it.
            None => finding(rule, Unknown, "residence-unknown", None),
            Some(ResidenceStatus::RecognisedRefugee | ResidenceStatus::SubsidiaryProtection) => {
                finding(rule, Met, "protection-yes", None)
            }
            Some(_) => finding(rule, NotMet, "protection-no", None),
        },
        Rule::SingleParent => {
            if who.children_birth_dates.is_empty() {
                return finding(rule, NotMet, "no-children", None);
            }
            match who.has_partner_in_household {
                None => finding(rule, Unknown, "household-unknown", None),
                Some(true) => finding(rule, NotMet, "partner-in-household", None),
                Some(false) => finding(rule, Met, "single-parent", None),
            }
        }
        Rule::ChildUnder { years } => {
            let mut unknown = false;
            for child in &who.children_birth_dates {
                match child {
                    Some(born) if age_on(*born, on) < *years => {
                        return finding(rule, Met, "child-under", Some(years.to_string()));
                    }
                    Some(_) => {}
                    None => unknown = true,
                }
            }
            if unknown {
                finding(rule, Unknown, "child-birth-date-unknown", None)
            } else {
                finding(rule, NotMet, "no-child-under", Some(years.to_string()))
            }
        }
        Rule::NotInArticle60 => match who.in_article_60 {
            None => finding(rule, Unknown, "article-60-unknown", None),
            Some(true) => finding(rule, NotMet, "in-article-60", None),
            Some(false) => finding(rule, Met, "not-in-article-60", None),
        },
        Rule::SmallSocialNetwork => match who.small_social_network {
            None => finding(rule, Unknown, "network-unknown", None),
            Some(true) => finding(rule, Met, "network-small", None),
            Some(false) => finding(rule, NotMet, "network-not-small", None),
        },
        Rule::LanguageMinimum { language, level } => {
            if who.languages.is_empty() {
                return finding(rule, Unknown, "languages-unknown", None);
            }
            match who.languages.iter().find(|(l, _)| l == language) {
                Some((_, has)) if level_rank(*has) >= level_rank(*level) => {
                    finding(rule, Met, "language-level-is", Some(has.code().into()))
                }
                Some((_, has)) => {
                    finding(rule, NotMet, "language-level-is", Some(has.code().into()))
                }
                None => finding(rule, NotMet, "language-not-spoken", Some(language.clone())),
            }
        }
    }
}

/// The intake's summary of all rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assessment {
    pub findings: Vec<Finding>,
}

impl Assessment {
    pub fn of(rules: &[Rule], who: &Applicant, on: NaiveDate) -> Self {
        Self {
            findings: rules.iter().map(|r| evaluate(r, who, on)).collect(),
        }
    }

    /// Met only when every rule is met; not met when any is not met.
    pub fn overall(&self) -> Verdict {
        if self.findings.iter().any(|f| f.verdict == Verdict::NotMet) {
            Verdict::NotMet
        } else if self.findings.iter().any(|f| f.verdict == Verdict::Unknown) {
            Verdict::Unknown
        } else {
            Verdict::Met
        }
    }

    /// Admitting someone who does not meet every rule needs a written
    /// justification, which is recorded with the admission.
    pub fn needs_justification(&self) -> bool {
        self.overall() != Verdict::Met
    }
}

/// Parses a programme's stored rules.
pub fn parse_rules(json: &str) -> Result<Vec<Rule>, serde_json::Error> {
    if json.trim().is_empty() {
        return Ok(Vec::new());
    }
    serde_json::from_str(json)
}

pub fn rules_json(rules: &[Rule]) -> String {
    serde_json::to_string(rules).unwrap_or_else(|_| "[]".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Verdict::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    const ON: fn() -> NaiveDate = || d(2026, 11, 24);

    fn verdict(rule: Rule, who: &Applicant) -> Verdict {
        evaluate(&rule, who, ON()).verdict
    }

    #[test]
    fn min_age_counts_on_the_intake_day() {
        let rule = || Rule::MinAge { years: 18 };
        let mut who = Applicant::default();
        assert_eq!(verdict(rule(), &who), Unknown);
        who.birth_date = Some(d(2008, 11, 24));
        assert_eq!(verdict(rule(), &who), Met);
        who.birth_date = Some(d(2008, 11, 25));
        let f = evaluate(&rule(), &who, ON());
        assert_eq!((f.verdict, f.value.as_deref()), (NotMet, Some("17")));
    }

    #[test]
    fn income_type() {
        let rule = || Rule::Income {
            allowed: vec![IncomeKind::IntegrationIncome],
        };
        let mut who = Applicant::default();
        assert_eq!(verdict(rule(), &who), Unknown);
        who.income = Some(IncomeKind::IntegrationIncome);
        assert_eq!(verdict(rule(), &who), Met);
        who.income = Some(IncomeKind::Work);
        assert_eq!(verdict(rule(), &who), NotMet);
    }

    #[test]
    fn municipality_or_region() {
        let rule = || Rule::LivesIn {
            postal_codes: vec!["9000".into(), "9030".into()],
        };
        let mut who = Applicant::default();
        assert_eq!(verdict(rule(), &who), Unknown);
        who.postal_code = Some(" 9030 ".into());
        assert_eq!(verdict(rule(), &who), Met);
        who.postal_code = Some("2000".into());
        assert_eq!(verdict(rule(), &who), NotMet);
    }

    #[test]
    fn non_eu_nationality() {
        let mut who = Applicant::default();
        assert_eq!(verdict(Rule::NonEuNational, &who), Unknown);
        who.nationality = Nationality::parse("SY").ok();
        assert_eq!(verdict(Rule::NonEuNational, &who), Met);
        who.nationality = Nationality::parse("NL").ok();
        assert_eq!(verdict(Rule::NonEuNational, &who), NotMet);
    }

    #[test]
    fn refugee_or_subsidiary_protection_without_naming_the_status() {
        let mut who = Applicant::default();
        assert_eq!(verdict(Rule::InternationalProtection, &who), Unknown);
        for (status, expected) in [
            (ResidenceStatus::RecognisedRefugee, Met),
            (ResidenceStatus::SubsidiaryProtection, Met),
            (ResidenceStatus::AsylumApplicant, NotMet),
            (ResidenceStatus::Belgian, NotMet),
        ] {
            who.residence = Some(status);
            let f = evaluate(&Rule::InternationalProtection, &who, ON());
            assert_eq!(f.verdict, expected);
            assert!(f.value.is_none());
        }
    }

    #[test]
    fn single_parent() {
        let mut who = Applicant::default();
        assert_eq!(verdict(Rule::SingleParent, &who), NotMet);
        who.children_birth_dates = vec![Some(d(2020, 1, 1))];
        assert_eq!(verdict(Rule::SingleParent, &who), Unknown);
        who.has_partner_in_household = Some(false);
        assert_eq!(verdict(Rule::SingleParent, &who), Met);
        who.has_partner_in_household = Some(true);
        assert_eq!(verdict(Rule::SingleParent, &who), NotMet);
    }

    #[test]
    fn child_under_an_age() {
        let rule = || Rule::ChildUnder { years: 3 };
        let mut who = Applicant::default();
        assert_eq!(verdict(rule(), &who), NotMet);
        who.children_birth_dates = vec![Some(d(2015, 5, 1)), None];
        assert_eq!(verdict(rule(), &who), Unknown);
        who.children_birth_dates.push(Some(d(2023, 11, 25)));
        assert_eq!(verdict(rule(), &who), Met);
        who.children_birth_dates = vec![Some(d(2023, 11, 24))];
        assert_eq!(verdict(rule(), &who), NotMet, "3 today is not under 3");
    }

    #[test]
    fn article_60_and_network() {
        let mut who = Applicant::default();
        assert_eq!(verdict(Rule::NotInArticle60, &who), Unknown);
        assert_eq!(verdict(Rule::SmallSocialNetwork, &who), Unknown);
        who.in_article_60 = Some(true);
        who.small_social_network = Some(false);
        assert_eq!(verdict(Rule::NotInArticle60, &who), NotMet);
        assert_eq!(verdict(Rule::SmallSocialNetwork, &who), NotMet);
        who.in_article_60 = Some(false);
        who.small_social_network = Some(true);
        assert_eq!(verdict(Rule::NotInArticle60, &who), Met);
        assert_eq!(verdict(Rule::SmallSocialNetwork, &who), Met);
    }

    #[test]
    fn language_minimum() {
        let rule = || Rule::LanguageMinimum {
            language: "nl".into(),
            level: LanguageLevel::Basic,
        };
        let mut who = Applicant::default();
        assert_eq!(verdict(rule(), &who), Unknown);
        who.languages = vec![("ar".into(), LanguageLevel::Native)];
        assert_eq!(verdict(rule(), &who), NotMet);
        who.languages.push(("nl".into(), LanguageLevel::Beginner));
        assert_eq!(verdict(rule(), &who), NotMet);
        who.languages[1].1 = LanguageLevel::Basic;
        assert_eq!(verdict(rule(), &who), Met);
    }

    #[test]
    fn overall_and_justification() {
        let rules = vec![Rule::MinAge { years: 18 }, Rule::NonEuNational];
        let mut who = Applicant {
            birth_date: Some(d(1990, 1, 1)),
            ..Default::default()
        };
        let a = Assessment::of(&rules, &who, ON());
        assert_eq!(a.overall(), Unknown);
        assert!(a.needs_justification());
        who.nationality = Nationality::parse("AF").ok();
        assert_eq!(Assessment::of(&rules, &who, ON()).overall(), Met);
        assert!(!Assessment::of(&rules, &who, ON()).needs_justification());
        who.birth_date = Some(d(2010, 1, 1));
        assert_eq!(Assessment::of(&rules, &who, ON()).overall(), NotMet);
    }

    #[test]
    fn rules_round_trip_as_json() {
        let rules = vec![
            Rule::MinAge { years: 18 },
            Rule::Income {
                allowed: vec![IncomeKind::IntegrationIncome],
            },
            Rule::LanguageMinimum {
                language: "fr".into(),
                level: LanguageLevel::Basic,
            },
            Rule::SmallSocialNetwork,
        ];
        let json = rules_json(&rules);
        assert!(json.contains(r#""rule":"min_age""#), "{json}");
        assert_eq!(parse_rules(&json).unwrap(), rules);
        assert!(parse_rules("").unwrap().is_empty());
        assert!(parse_rules(r#"[{"rule":"nonsense"}]"#).is_err());
    }
}
