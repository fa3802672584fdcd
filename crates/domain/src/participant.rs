//! The coded facts of a participant file. Each is stored and exchanged as its
//! stable code and shown translated (`coded-<kind>-<code>` in the locales).

use crate::coded_enum;

coded_enum! {
    /// Gender as ESF+ counts it (women, men, non-binary), or not given.
    Gender: "gender" {
        Woman = "woman",
        Man = "man",
        NonBinary = "non_binary",
        NotGiven = "not_given",
    }
}

coded_enum! {
    /// How well she reads, to choose the form of messages (pictograms, short text).
    ReadingLevel: "reading level" {
        Well = "well",
        ALittle = "a_little",
        NotAtAll = "not_at_all",
    }
}

coded_enum! {
    /// A spoken language's level, CEFR-like but answerable at intake.
    LanguageLevel: "language level" {
        Native = "native",
        Fluent = "fluent",
        Basic = "basic",
        Beginner = "beginner",
    }
}

coded_enum! {
    /// Residence status: sensitive, shown to the assigned casemanagers and coordinators only.
    ResidenceStatus: "residence status" {
        Belgian = "belgian",
        EuCitizen = "eu_citizen",
        RecognisedRefugee = "recognised_refugee",
        SubsidiaryProtection = "subsidiary_protection",
        AsylumApplicant = "asylum_applicant",
        PermanentResidence = "permanent_residence",
        TemporaryResidence = "temporary_residence",
        FamilyReunification = "family_reunification",
        NoLegalResidence = "no_legal_residence",
        Other = "other",
    }
}

coded_enum! {
    /// The channel she prefers for reminders.
    Channel: "channel" {
        Sms = "sms",
        Whatsapp = "whatsapp",
        Email = "email",
        PhoneCall = "phone_call",
        NoChannel = "none",
    }
}

coded_enum! {
    /// Her main income.
    IncomeKind: "income" {
        IntegrationIncome = "integration_income",
        OtherBenefit = "other_benefit",
        Work = "work",
        NoIncome = "none",
    }
}

coded_enum! {
    /// Who referred her to the programme.
    ReferralSource: "referral source" {
        OcmwService = "ocmw_service",
        School = "school",
        Partner = "partner",
        SelfReferred = "self",
    }
}

coded_enum! {
    /// How she heard of the programme.
    HeardVia: "heard via" {
        Website = "website",
        School = "school",
        SocialMedia = "social_media",
        Flyer = "flyer",
        Partner = "partner",
        WordOfMouth = "word_of_mouth",
    }
}

coded_enum! {
    /// What a consent covers.
    ConsentScope: "consent scope" {
        DataProcessing = "data_processing",
        Photos = "photos",
        WhatsappContact = "whatsapp_contact",
        SharingWithPartner = "sharing_with_partner",
    }
}

coded_enum! {
    /// ESF+ labour status at entry (Regulation (EU) 2021/1057, Annex I).
    LabourStatus: "labour status" {
        Unemployed = "unemployed",
        LongTermUnemployed = "long_term_unemployed",
        Inactive = "inactive",
        Employed = "employed",
    }
}

coded_enum! {
    /// ESF+ highest education, in ISCED bands.
    Education: "education" {
        Isced0To2 = "isced_0_2",
        Isced3To4 = "isced_3_4",
        Isced5To8 = "isced_5_8",
    }
}

coded_enum! {
    /// A yes/no answer to a special-category question, which she may decline.
    SensitiveAnswer: "answer" {
        Yes = "yes",
        No = "no",
        PrefersNotToSay = "prefers_not_to_say",
    }
}

coded_enum! {
    /// The life domains of a guidance plan, a journal entry and outcomes.
    LifeDomain: "life domain" {
        Housing = "housing",
        Work = "work",
        IncomeDebt = "income_debt",
        Parenting = "parenting",
        Health = "health",
        Mobility = "mobility",
        Social = "social",
        Rights = "rights",
        Language = "language",
        SelfImage = "self_image",
    }
}

/// EU member states by ISO 3166-1 alpha-2 code, for "EU / non-EU" and
/// "third-country national" (ESF+, AMIF).
pub const EU_MEMBER_STATES: &[&str] = &[
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// A nationality as an ISO 3166-1 alpha-2 code (two capital letters).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Nationality(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a country code")]
pub struct NationalityError;

impl Nationality {
    pub fn parse(input: &str) -> Result<Self, NationalityError> {
        let code = input.trim().to_ascii_uppercase();
        if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
            Ok(Self(code))
        } else {
            Err(NationalityError)
        }
    }

    pub fn code(&self) -> &str {
        &self.0
    }

    /// Derived, never entered: an EU member state's national.
    pub fn is_eu(&self) -> bool {
        EU_MEMBER_STATES.contains(&self.0.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nationality_derives_eu() {
        assert!(Nationality::parse("be").unwrap().is_eu());
        assert!(!Nationality::parse("SY").unwrap().is_eu());
        assert!(!Nationality::parse("MA").unwrap().is_eu());
        assert!(Nationality::parse("BEL").is_err());
        assert!(Nationality::parse("1A").is_err());
        assert_eq!(EU_MEMBER_STATES.len(), 27);
    }
}
