//! The coded facts of a participant file. Each is stored and exchanged as its
//! stable code and shown translated (`coded-<kind>-<code>` in the locales).

use crate::coded_enum;
use crate::identity::{EmailAddress, NationalNumber, PhoneNumber};
use chrono::{Datelike, NaiveDate};

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
        /// Reminders and notices about her sessions, on her channel.
        Reminders = "reminders",
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
    /// Where or how an individual contact took place.
    ContactMode: "contact mode" {
        Office = "office",
        HomeVisit = "home_visit",
        Walk = "walk",
        Phone = "phone",
        Video = "video",
        Message = "message",
        AccompaniedVisit = "accompanied_visit",
        /// Not a contact with her: a team meeting's note on her (issue 15).
        TeamReview = "team_review",
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

/// A field that did not parse: the form's field name and a message key
/// (`error-<code>` in the locales).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldError {
    pub field: &'static str,
    pub code: &'static str,
}

/// A participant file as typed into the form (or sent to the API): text,
/// empty for "not given". [`FileInput::parse`] turns it into [`FileFacts`] or
/// every field error at once.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct FileInput {
    pub first_name: String,
    pub last_name: String,
    pub other_names: String,
    pub birth_date: String,
    pub gender: String,
    pub grammatical_gender: String,
    pub language: String,
    pub reading_level: String,
    pub nationality: String,
    pub phone: String,
    pub email: String,
    pub channel: String,
    pub street: String,
    pub postal_code: String,
    pub municipality: String,
    pub income: String,
    pub referral_source: String,
    pub referral_detail: String,
    pub heard_via: String,
    pub labour_status: String,
    pub education: String,
    pub partner_in_household: String,
    pub in_article_60: String,
    pub small_social_network: String,
    /// Spoken languages as `code:level` pairs separated by commas, e.g. `ar:native,nl:basic`.
    pub languages: String,
    // Sensitive: only read and written by those allowed to see them.
    pub national_number: String,
    pub residence_status: String,
    pub disability: String,
    pub minority: String,
    pub foreign_background: String,
    pub homeless: String,
    pub vulnerability_note: String,
}

/// The parsed, valid facts of a file.
#[derive(Debug, Clone, PartialEq)]
pub struct FileFacts {
    pub first_name: String,
    pub last_name: String,
    pub other_names: Vec<String>,
    pub birth_date: Option<NaiveDate>,
    pub gender: Gender,
    pub grammatical_gender: Option<crate::model::GrammaticalGender>,
    pub language: crate::model::Language,
    pub reading_level: Option<ReadingLevel>,
    pub nationality: Option<Nationality>,
    pub phone: Option<PhoneNumber>,
    pub email: Option<EmailAddress>,
    pub channel: Channel,
    pub street: String,
    pub postal_code: String,
    pub municipality: String,
    pub income: Option<IncomeKind>,
    pub referral_source: Option<ReferralSource>,
    pub referral_detail: String,
    pub heard_via: Option<HeardVia>,
    pub labour_status: Option<LabourStatus>,
    pub education: Option<Education>,
    pub partner_in_household: Option<bool>,
    pub in_article_60: Option<bool>,
    pub small_social_network: Option<bool>,
    pub languages: Vec<(String, LanguageLevel)>,
    pub sensitive: SensitiveFacts,
}

/// The sensitive part of a file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SensitiveFacts {
    pub national_number: Option<NationalNumber>,
    pub residence_status: Option<ResidenceStatus>,
    pub disability: Option<SensitiveAnswer>,
    pub minority: Option<SensitiveAnswer>,
    pub foreign_background: Option<bool>,
    pub homeless: Option<bool>,
    pub vulnerability_note: String,
}

/// The longest free text a name field takes.
const NAME_MAX: usize = 100;
const TEXT_MAX: usize = 4000;

fn coded<T: std::str::FromStr>(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    raw: &str,
) -> Option<T> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    match raw.parse() {
        Ok(v) => Some(v),
        Err(_) => {
            errors.push(FieldError {
                field,
                code: "invalid-choice",
            });
            None
        }
    }
}

fn yes_no(errors: &mut Vec<FieldError>, field: &'static str, raw: &str) -> Option<bool> {
    match raw.trim() {
        "" | "unknown" => None,
        "yes" | "true" => Some(true),
        "no" | "false" => Some(false),
        _ => {
            errors.push(FieldError {
                field,
                code: "invalid-choice",
            });
            None
        }
    }
}

fn text(errors: &mut Vec<FieldError>, field: &'static str, raw: &str, max: usize) -> String {
    let t = raw.trim();
    if t.chars().count() > max {
        errors.push(FieldError {
            field,
            code: "too-long",
        });
    }
    t.to_owned()
}

/// Parses a date as the forms send it (`YYYY-MM-DD`), or as typed in Belgium (`DD/MM/YYYY`).
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let raw = raw.trim();
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(raw, "%d/%m/%Y"))
        .or_else(|_| NaiveDate::parse_from_str(raw, "%d.%m.%Y"))
        .ok()
}

impl FileInput {
    /// Parses every field; `today` bounds the birth date.
    pub fn parse(&self, today: NaiveDate) -> Result<FileFacts, Vec<FieldError>> {
        let mut errors = Vec::new();
        let e = &mut errors;
        let first_name = text(e, "first_name", &self.first_name, NAME_MAX);
        if first_name.is_empty() {
            e.push(FieldError {
                field: "first_name",
                code: "required",
            });
        }
        let last_name = text(e, "last_name", &self.last_name, NAME_MAX);
        if last_name.is_empty() {
            e.push(FieldError {
                field: "last_name",
                code: "required",
            });
        }
        let other_names: Vec<String> = self
            .other_names
            .split(['\n', ','])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        if other_names.len() > 10 || other_names.iter().any(|n| n.chars().count() > NAME_MAX) {
            e.push(FieldError {
                field: "other_names",
                code: "too-long",
            });
        }
        let birth_date = if self.birth_date.trim().is_empty() {
            None
        } else {
            match parse_date(&self.birth_date) {
                Some(d) if d <= today && d.year() >= 1900 => Some(d),
                Some(_) => {
                    e.push(FieldError {
                        field: "birth_date",
                        code: "date-out-of-range",
                    });
                    None
                }
                None => {
                    e.push(FieldError {
                        field: "birth_date",
                        code: "invalid-date",
                    });
                    None
                }
            }
        };
        let gender = coded(e, "gender", &self.gender).unwrap_or(Gender::NotGiven);
        let grammatical_gender = coded(e, "grammatical_gender", &self.grammatical_gender);
        let language = coded(e, "language", &self.language).unwrap_or(crate::model::Language::Nl);
        let reading_level = coded(e, "reading_level", &self.reading_level);
        let nationality = if self.nationality.trim().is_empty() {
            None
        } else {
            match Nationality::parse(&self.nationality) {
                Ok(n) => Some(n),
                Err(_) => {
                    e.push(FieldError {
                        field: "nationality",
                        code: "invalid-country",
                    });
                    None
                }
            }
        };
        let phone = if self.phone.trim().is_empty() {
            None
        } else {
            match PhoneNumber::parse(&self.phone) {
                Ok(p) => Some(p),
                Err(_) => {
                    e.push(FieldError {
                        field: "phone",
                        code: "invalid-phone",
                    });
                    None
                }
            }
        };
        let email = if self.email.trim().is_empty() {
            None
        } else {
            match EmailAddress::parse(&self.email) {
                Ok(m) => Some(m),
                Err(_) => {
                    e.push(FieldError {
                        field: "email",
                        code: "invalid-email",
                    });
                    None
                }
            }
        };
        let channel = coded(e, "channel", &self.channel).unwrap_or(Channel::NoChannel);
        match channel {
            Channel::Sms | Channel::Whatsapp | Channel::PhoneCall if phone.is_none() => {
                e.push(FieldError {
                    field: "channel",
                    code: "channel-needs-phone",
                })
            }
            Channel::Email if email.is_none() => e.push(FieldError {
                field: "channel",
                code: "channel-needs-email",
            }),
            _ => {}
        }
        let street = text(e, "street", &self.street, 200);
        let postal_code = text(e, "postal_code", &self.postal_code, 10);
        let belgian = postal_code.len() == 4 && postal_code.bytes().all(|b| b.is_ascii_digit());
        if !postal_code.is_empty() && !belgian {
            e.push(FieldError {
                field: "postal_code",
                code: "invalid-postal-code",
            });
        }
        let municipality = text(e, "municipality", &self.municipality, NAME_MAX);
        let income = coded(e, "income", &self.income);
        let referral_source = coded(e, "referral_source", &self.referral_source);
        let referral_detail = text(e, "referral_detail", &self.referral_detail, 200);
        let heard_via = coded(e, "heard_via", &self.heard_via);
        let labour_status = coded(e, "labour_status", &self.labour_status);
        let education = coded(e, "education", &self.education);
        let partner_in_household = yes_no(e, "partner_in_household", &self.partner_in_household);
        let in_article_60 = yes_no(e, "in_article_60", &self.in_article_60);
        let small_social_network = yes_no(e, "small_social_network", &self.small_social_network);
        let mut languages = Vec::new();
        for pair in self
            .languages
            .split([',', ';', '\n'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let (code, level) = pair.split_once(':').unwrap_or((pair, "basic"));
            let code = code.trim().to_ascii_lowercase();
            match level.trim().parse::<LanguageLevel>() {
                Ok(level)
                    if (2..=3).contains(&code.len())
                        && code.bytes().all(|b| b.is_ascii_lowercase()) =>
                {
                    if !languages.iter().any(|(c, _)| *c == code) {
                        languages.push((code, level));
                    }
                }
                _ => {
                    e.push(FieldError {
                        field: "languages",
                        code: "invalid-languages",
                    });
                    break;
                }
            }
        }
        let national_number = if self.national_number.trim().is_empty() {
            None
        } else {
            match NationalNumber::parse_for(&self.national_number, birth_date) {
                Ok(n) => Some(n),
                Err(err) => {
                    e.push(FieldError {
                        field: "national_number",
                        code: err.code(),
                    });
                    None
                }
            }
        };
        let sensitive = SensitiveFacts {
            national_number,
            residence_status: coded(e, "residence_status", &self.residence_status),
            disability: coded(e, "disability", &self.disability),
            minority: coded(e, "minority", &self.minority),
            foreign_background: yes_no(e, "foreign_background", &self.foreign_background),
            homeless: yes_no(e, "homeless", &self.homeless),
            vulnerability_note: text(e, "vulnerability_note", &self.vulnerability_note, TEXT_MAX),
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(FileFacts {
            first_name,
            last_name,
            other_names,
            birth_date,
            gender,
            grammatical_gender,
            language,
            reading_level,
            nationality,
            phone,
            email,
            channel,
            street,
            postal_code,
            municipality,
            income,
            referral_source,
            referral_detail,
            heard_via,
            labour_status,
            education,
            partner_in_household,
            in_article_60,
            small_social_network,
            languages,
            sensitive,
        })
    }
}

impl FileFacts {
    /// Every phonetic key under which she can be found: each spelling whole,
    /// and each word of three letters or more.
    pub fn name_keys(&self) -> Vec<String> {
        name_keys(
            std::iter::once(self.first_name.as_str())
                .chain(std::iter::once(self.last_name.as_str()))
                .chain(self.other_names.iter().map(String::as_str)),
        )
    }
}

/// The phonetic keys of a set of names (see [`FileFacts::name_keys`]).
pub fn name_keys<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for name in names {
        let whole = crate::phonetic::key(name);
        let words = name
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
            .map(crate::phonetic::key);
        for k in std::iter::once(whole).chain(words) {
            if !k.is_empty() && !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    keys
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

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn valid() -> FileInput {
        FileInput {
            first_name: " Amina ".into(),
            last_name: "El Idrissi".into(),
            other_names: "Elidrissi\nAmina El-Idrissi".into(),
            birth_date: "1990-03-15".into(),
            phone: "0470 12 34 56".into(),
            channel: "sms".into(),
            nationality: "ma".into(),
            postal_code: "9000".into(),
            languages: "ar:native, nl:basic".into(),
            disability: "prefers_not_to_say".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_valid_file_parses() {
        let f = valid().parse(today()).unwrap();
        assert_eq!(f.first_name, "Amina");
        assert_eq!(f.other_names.len(), 2);
        assert_eq!(f.phone.unwrap().e164(), "+32470123456");
        assert!(!f.nationality.unwrap().is_eu());
        assert_eq!(f.languages.len(), 2);
        assert_eq!(
            f.sensitive.disability,
            Some(SensitiveAnswer::PrefersNotToSay)
        );
        assert_eq!(f.gender, Gender::NotGiven);
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let input = FileInput {
            first_name: "".into(),
            birth_date: "2030-01-01".into(),
            phone: "12".into(),
            email: "not-an-email".into(),
            channel: "email".into(),
            gender: "robot".into(),
            postal_code: "90000".into(),
            national_number: "12345678901".into(),
            languages: "arabic fluently".into(),
            ..valid()
        };
        let errors = input.parse(today()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        for f in [
            "first_name",
            "birth_date",
            "phone",
            "email",
            "channel",
            "gender",
            "postal_code",
            "national_number",
            "languages",
        ] {
            assert!(fields.contains(&f), "{f} missing from {fields:?}");
        }
    }

    #[test]
    fn name_keys_cover_every_spelling_and_word() {
        let f = valid().parse(today()).unwrap();
        let keys = f.name_keys();
        assert!(keys.contains(&crate::phonetic::key("Idrissi")));
        assert!(keys.contains(&crate::phonetic::key("Elidrissi")));
        assert!(keys.contains(&crate::phonetic::key("Amina")));
        let unique: std::collections::HashSet<_> = keys.iter().collect();
        assert_eq!(unique.len(), keys.len());
    }
}
