//! The coded values of traject's core records.

use crate::coded_enum;

coded_enum! {
    /// The four interface languages: Belgium's three official ones plus English.
    Language: "language" { Nl = "nl", Fr = "fr", De = "de", En = "en" }
}

coded_enum! {
    /// The grammatical form a person wants for her job title where the
    /// language inflects it (French, German): "coordinatrice", "coordinateur",
    /// or a neutral function name ("coordination"). Dutch and English
    /// titles do not change.
    GrammaticalGender: "grammatical gender" {
        Feminine = "feminine",
        Masculine = "masculine",
        Neutral = "neutral",
    }
}

coded_enum! {
    /// A staff member's role within one organisation.
    Role: "role" {
        Administrator = "administrator",
        Coordinator = "coordinator",
        Casemanager = "casemanager",
        Facilitator = "facilitator",
    }
}

coded_enum! {
    /// The programme shapes described by the seed documents; each must be runnable.
    ProgrammeKind: "programme kind" {
        /// Workshop "Zelfvertrouwen": self-image then stabilisation (seed 000).
        ConfidenceWorkshop = "confidence_workshop",
        /// Monthly conversation workshops for mothers, children's talk group (seed 001).
        ConversationWorkshops = "conversation_workshops",
        /// "Sleutel naar werk of opleiding": two years, individual plus group (seed 002).
        KeyToWork = "key_to_work",
        /// AMIF social activation of non-EU newcomers (seed 003).
        SocialActivation = "social_activation",
        /// Miriam: casemanagement for single mothers on the integration income (seed 004).
        Miriam = "miriam",
    }
}

coded_enum! {
    /// How often a programme's group meets.
    SessionRhythm: "session rhythm" {
        Weekly = "weekly",
        Fortnightly = "fortnightly",
        TwiceMonthly = "twice_monthly",
        Monthly = "monthly",
    }
}

coded_enum! {
    /// Where a participant stands in one programme.
    TrajectoryStatus: "trajectory status" {
        Referred = "referred",
        Intake = "intake",
        WaitingList = "waiting_list",
        Active = "active",
        Aftercare = "aftercare",
        Completed = "completed",
        Stopped = "stopped",
        NotAdmitted = "not_admitted",
    }
}

impl ProgrammeKind {
    pub fn default_rhythm(self) -> SessionRhythm {
        match self {
            ProgrammeKind::ConfidenceWorkshop => SessionRhythm::TwiceMonthly,
            ProgrammeKind::ConversationWorkshops => SessionRhythm::Monthly,
            ProgrammeKind::KeyToWork | ProgrammeKind::SocialActivation => SessionRhythm::Weekly,
            ProgrammeKind::Miriam => SessionRhythm::Fortnightly,
        }
    }

    pub fn default_group_capacity(self) -> i32 {
        match self {
            ProgrammeKind::ConfidenceWorkshop => 12,
            ProgrammeKind::ConversationWorkshops => 10,
            ProgrammeKind::KeyToWork => 12,
            ProgrammeKind::SocialActivation => 15,
            ProgrammeKind::Miriam => 15,
        }
    }
}

impl TrajectoryStatus {
    /// Whether the participant is still in the programme.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            TrajectoryStatus::Referred
                | TrajectoryStatus::Intake
                | TrajectoryStatus::WaitingList
                | TrajectoryStatus::Active
                | TrajectoryStatus::Aftercare
        )
    }
}

/// A programme's built-in configuration, which an administrator adapts.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgrammeTemplate {
    /// Phase codes with their typical length in weeks.
    pub phases: Vec<(&'static str, i32)>,
    pub eligibility: Vec<crate::eligibility::Rule>,
    pub min_group_size: i32,
    pub max_group_size: i32,
    pub rhythm: SessionRhythm,
    pub session_minutes: i32,
    pub duration_months: i32,
    pub life_domains: Vec<crate::participant::LifeDomain>,
    pub funders: &'static [&'static str],
    pub report_strands: &'static [&'static str],
}

impl ProgrammeKind {
    /// The template of the seed programme of this kind (see `shared/seeds`).
    pub fn template(self) -> ProgrammeTemplate {
        use crate::eligibility::Rule;
        use crate::participant::{IncomeKind, LifeDomain as D};
        let phases: Vec<(&'static str, i32)> = match self {
            ProgrammeKind::ConfidenceWorkshop => {
                vec![("self_image", 12), ("stabilisation", 16), ("follow_up", 26)]
            }
            ProgrammeKind::ConversationWorkshops => vec![
                ("intake", 4),
                ("workshops", 44),
                ("joint_sessions", 4),
                ("closing", 4),
            ],
            ProgrammeKind::KeyToWork => vec![
                ("intake", 4),
                ("guidance", 40),
                ("work_activity", 52),
                ("closing", 8),
            ],
            ProgrammeKind::SocialActivation => {
                vec![("intake", 4), ("beginning", 12), ("middle", 20), ("end", 8)]
            }
            ProgrammeKind::Miriam => vec![
                ("recruitment_intake", 6),
                ("group_forming", 6),
                ("deepening", 20),
                ("closing", 6),
                ("aftercare", 12),
            ],
        };
        let adult = Rule::MinAge { years: 18 };
        let eligibility = match self {
            ProgrammeKind::ConfidenceWorkshop => vec![adult, Rule::SingleParent],
            ProgrammeKind::ConversationWorkshops => vec![adult, Rule::ChildUnder { years: 18 }],
            ProgrammeKind::KeyToWork => vec![
                adult,
                Rule::Income {
                    allowed: vec![IncomeKind::IntegrationIncome, IncomeKind::OtherBenefit],
                },
            ],
            ProgrammeKind::SocialActivation => vec![
                adult,
                Rule::NonEuNational,
                Rule::InternationalProtection,
                Rule::Income {
                    allowed: vec![IncomeKind::IntegrationIncome],
                },
                Rule::NotInArticle60,
                Rule::SmallSocialNetwork,
            ],
            ProgrammeKind::Miriam => vec![
                adult,
                Rule::SingleParent,
                Rule::Income {
                    allowed: vec![IncomeKind::IntegrationIncome],
                },
            ],
        };
        let (min_group_size, session_minutes, duration_months) = match self {
            ProgrammeKind::ConfidenceWorkshop => (6, 150, 12),
            ProgrammeKind::ConversationWorkshops => (8, 240, 12),
            ProgrammeKind::KeyToWork => (6, 180, 24),
            ProgrammeKind::SocialActivation => (5, 180, 12),
            ProgrammeKind::Miriam => (8, 180, 10),
        };
        let life_domains = match self {
            ProgrammeKind::ConfidenceWorkshop => vec![D::SelfImage, D::Work, D::Social, D::Health],
            ProgrammeKind::ConversationWorkshops => {
                vec![D::Parenting, D::Social, D::Language, D::Rights]
            }
            ProgrammeKind::KeyToWork => vec![D::Work, D::Health, D::IncomeDebt, D::SelfImage],
            ProgrammeKind::SocialActivation => {
                vec![D::Social, D::Language, D::Rights, D::Work, D::Health]
            }
            ProgrammeKind::Miriam => D::ALL.to_vec(),
        };
        let (funders, report_strands): (&'static [&'static str], &'static [&'static str]) =
            match self {
                ProgrammeKind::ConfidenceWorkshop => (&["municipality"], &["social_participation"]),
                ProgrammeKind::ConversationWorkshops => {
                    (&["municipality"], &["child_poverty", "collective_modules"])
                }
                ProgrammeKind::KeyToWork => (&["esf_plus"], &["esf_common_indicators"]),
                ProgrammeKind::SocialActivation => (&["amif"], &["amif_indicators"]),
                ProgrammeKind::Miriam => (&["pod_mi"], &["social_participation"]),
            };
        ProgrammeTemplate {
            phases,
            eligibility,
            min_group_size,
            max_group_size: self.default_group_capacity(),
            rhythm: self.default_rhythm(),
            session_minutes,
            duration_months,
            life_domains,
            funders,
            report_strands,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn every_code_round_trips() {
        for r in Role::ALL {
            assert_eq!(Role::from_str(r.code()), Ok(*r));
        }
        for k in ProgrammeKind::ALL {
            assert_eq!(ProgrammeKind::from_str(k.code()), Ok(*k));
            assert!(!k.template().phases.is_empty());
        }
        for s in TrajectoryStatus::ALL {
            assert_eq!(TrajectoryStatus::from_str(&s.to_string()), Ok(*s));
        }
    }

    #[test]
    fn unknown_code_is_refused_with_its_kind() {
        let err = Language::from_str("xx").unwrap_err();
        assert_eq!(err.to_string(), "unknown language code: \"xx\"");
        assert!(
            Role::from_str("Administrator").is_err(),
            "codes are case-sensitive"
        );
    }
}
