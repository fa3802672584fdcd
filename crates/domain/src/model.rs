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
    /// The phases a new programme of this kind starts with, as stable codes
    /// (translated for display); an organisation may rename or add phases.
    pub fn default_phases(self) -> &'static [&'static str] {
        match self {
            ProgrammeKind::ConfidenceWorkshop => &["self_image", "stabilisation", "follow_up"],
            ProgrammeKind::ConversationWorkshops => {
                &["intake", "workshops", "joint_sessions", "closing"]
            }
            ProgrammeKind::KeyToWork => &["intake", "guidance", "work_activity", "closing"],
            ProgrammeKind::SocialActivation => &["intake", "beginning", "middle", "end"],
            ProgrammeKind::Miriam => &[
                "recruitment_intake",
                "group_forming",
                "deepening",
                "closing",
                "aftercare",
            ],
        }
    }

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
            assert!(!k.default_phases().is_empty());
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
