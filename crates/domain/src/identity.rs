//! Values that identify a person and parse on construction: the Belgian
//! national register number (INSZ/NISS) and BIS number, phone numbers and
//! email addresses. The rest of traject cannot hold an invalid one.

use chrono::{Datelike, NaiveDate};
use std::fmt;

/// Why a national register or BIS number was refused. The codes are stable
/// and translated for display.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NationalNumberError {
    #[error("a national number has 11 digits")]
    Length,
    #[error("the check digits do not match")]
    CheckDigits,
    #[error("the date part is not a date")]
    Date,
    #[error("the number does not agree with the birth date")]
    BirthDate,
}

impl NationalNumberError {
    pub fn code(self) -> &'static str {
        match self {
            Self::Length => "national-number-length",
            Self::CheckDigits => "national-number-check",
            Self::Date => "national-number-date",
            Self::BirthDate => "national-number-birth-date",
        }
    }
}

/// Which register issued the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Register {
    /// The national register (INSZ/NISS).
    National,
    /// The BIS register, month + 20: sex unknown when the number was given.
    BisSexUnknown,
    /// The BIS register, month + 40: sex known.
    BisSexKnown,
}

/// A national register number or BIS number, valid by construction. Its
/// `Debug` and `Display` are masked so that it never reaches a log line by
/// accident; [`NationalNumber::digits`] is the deliberate way to the value.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct NationalNumber {
    digits: String,
    register: Register,
    /// The birth date encoded in the number, when day and month are known.
    birth_date: Option<NaiveDate>,
    born_from_2000: bool,
}

impl NationalNumber {
    /// Parses 11 digits, with or without the usual dots, dashes and spaces.
    pub fn parse(input: &str) -> Result<Self, NationalNumberError> {
        let digits: String = input
            .chars()
            .filter(|c| !matches!(c, '.' | '-' | ' ' | '/'))
            .collect();
        if digits.len() != 11 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(NationalNumberError::Length);
        }
        let num = |r: std::ops::Range<usize>| -> u64 {
            digits[r]
                .bytes()
                .fold(0, |n, b| n * 10 + u64::from(b - b'0'))
        };
        let first9 = num(0..9);
        let check = num(9..11);
        let born_from_2000 = if 97 - (first9 % 97) == check {
            false
        } else if 97 - ((2_000_000_000 + first9) % 97) == check {
            true
        } else {
            return Err(NationalNumberError::CheckDigits);
        };
        let yy = num(0..2) as i32;
        let raw_month = num(2..4) as u32;
        let day = num(4..6) as u32;
        let (register, month) = match raw_month {
            0..=12 => (Register::National, raw_month),
            20..=32 => (Register::BisSexUnknown, raw_month - 20),
            40..=52 => (Register::BisSexKnown, raw_month - 40),
            _ => return Err(NationalNumberError::Date),
        };
        if day > 31 {
            return Err(NationalNumberError::Date);
        }
        let year = if born_from_2000 { 2000 + yy } else { 1900 + yy };
        // Day and month are 00 when the birth date is not known.
        let birth_date = if month == 0 || day == 0 {
            None
        } else {
            Some(NaiveDate::from_ymd_opt(year, month, day).ok_or(NationalNumberError::Date)?)
        };
        Ok(Self {
            digits,
            register,
            birth_date,
            born_from_2000,
        })
    }

    /// Parses and checks that the number agrees with a known birth date:
    /// year always, month and day where the number holds them.
    pub fn parse_for(
        input: &str,
        birth_date: Option<NaiveDate>,
    ) -> Result<Self, NationalNumberError> {
        let n = Self::parse(input)?;
        if let Some(born) = birth_date
            && !n.agrees_with(born)
        {
            return Err(NationalNumberError::BirthDate);
        }
        Ok(n)
    }

    pub fn agrees_with(&self, born: NaiveDate) -> bool {
        if let Some(d) = self.birth_date {
            return d == born;
        }
        let yy = (born.year() % 100) as u32;
        let same_century = (born.year() >= 2000) == self.born_from_2000;
        let month = self.month();
        same_century
            && self.digits[0..2].parse::<u32>().ok() == Some(yy)
            && (month == 0 || month == born.month())
    }

    fn month(&self) -> u32 {
        let raw: u32 = self.digits[2..4].parse().unwrap_or(0);
        match self.register {
            Register::National => raw,
            Register::BisSexUnknown => raw - 20,
            Register::BisSexKnown => raw - 40,
        }
    }

    /// The 11 digits, for storage and for those allowed to see them.
    pub fn digits(&self) -> &str {
        &self.digits
    }

    pub fn register(&self) -> Register {
        self.register
    }

    pub fn is_bis(&self) -> bool {
        self.register != Register::National
    }

    pub fn birth_date(&self) -> Option<NaiveDate> {
        self.birth_date
    }

    /// The usual written form, `YY.MM.DD-SSS.CC`.
    pub fn formatted(&self) -> String {
        let d = &self.digits;
        format!(
            "{}.{}.{}-{}.{}",
            &d[0..2],
            &d[2..4],
            &d[4..6],
            &d[6..9],
            &d[9..11]
        )
    }

    /// The form shown to those not allowed to see the number: only that one
    /// is on file, and its last two digits to tell two apart.
    pub fn masked(&self) -> String {
        format!("••.••.••-•••.{}", &self.digits[9..11])
    }
}

impl fmt::Debug for NationalNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NationalNumber({})", self.masked())
    }
}

impl fmt::Display for NationalNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

/// A phone number in E.164 form (`+32470123456`). Belgian numbers written
/// nationally (`0470 12 34 56`) are accepted and given the country code.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PhoneNumber(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a phone number")]
pub struct PhoneError;

impl PhoneNumber {
    pub fn parse(input: &str) -> Result<Self, PhoneError> {
        let trimmed = input.trim();
        let mut chars = String::with_capacity(trimmed.len());
        for c in trimmed.chars() {
            match c {
                '0'..='9' | '+' => chars.push(c),
                ' ' | '.' | '-' | '/' | '(' | ')' => {}
                _ => return Err(PhoneError),
            }
        }
        let international = if let Some(rest) = chars.strip_prefix('+') {
            rest.to_owned()
        } else if let Some(rest) = chars.strip_prefix("00") {
            rest.to_owned()
        } else if let Some(rest) = chars.strip_prefix('0') {
            format!("32{rest}")
        } else {
            return Err(PhoneError);
        };
        if international.contains('+')
            || international.starts_with('0')
            || !(8..=15).contains(&international.len())
        {
            return Err(PhoneError);
        }
        if let Some(national) = international.strip_prefix("32") {
            // Belgium: 8 digits for a fixed line, 9 for a mobile (4xx).
            let ok = match national.len() {
                8 => !national.starts_with('4'),
                9 => national.starts_with('4'),
                _ => false,
            };
            if !ok {
                return Err(PhoneError);
            }
        }
        Ok(Self(format!("+{international}")))
    }

    /// The E.164 form, for storage and for sending.
    pub fn e164(&self) -> &str {
        &self.0
    }

    /// A readable form: Belgian mobiles as `+32 470 12 34 56`.
    pub fn display(&self) -> String {
        let d = &self.0[1..];
        match d.strip_prefix("32") {
            Some(n) if n.len() == 9 => {
                format!("+32 {} {} {} {}", &n[0..3], &n[3..5], &n[5..7], &n[7..9])
            }
            Some(n) if n.len() == 8 => {
                format!("+32 {} {} {} {}", &n[0..2], &n[2..5], &n[5..7], &n[7..8])
            }
            _ => self.0.clone(),
        }
    }
}

/// An email address with one `@`, a plausible local part and a domain with a
/// dot. The domain is lowercased; the local part is kept as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EmailAddress(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not an email address")]
pub struct EmailError;

impl EmailAddress {
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let s = input.trim();
        let (local, domain) = s.rsplit_once('@').ok_or(EmailError)?;
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .chars()
                .all(|c| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
        let domain = domain.to_lowercase();
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && domain.len() <= 253
            && labels.iter().all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        if !local_ok || !domain_ok || s.len() > 254 {
            return Err(EmailError);
        }
        Ok(Self(format!("{local}@{domain}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Age in whole years on a given day.
pub fn age_on(birth_date: NaiveDate, on: NaiveDate) -> i32 {
    let mut age = on.year() - birth_date.year();
    if (on.month(), on.day()) < (birth_date.month(), birth_date.day()) {
        age -= 1;
    }
    age
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Builds a valid number from its parts, the way the register does.
    fn make(yymmdd: &str, seq: &str, from_2000: bool) -> String {
        let first9: u64 = format!("{yymmdd}{seq}").parse().unwrap();
        let base = if from_2000 {
            2_000_000_000 + first9
        } else {
            first9
        };
        format!("{yymmdd}{seq}{:02}", 97 - base % 97)
    }

    #[test]
    fn a_1900s_birth_parses_with_its_date() {
        let s = make("850730", "033", false);
        let n = NationalNumber::parse(&s).unwrap();
        assert_eq!(n.birth_date(), Some(d(1985, 7, 30)));
        assert_eq!(n.register(), Register::National);
        assert_eq!(n.formatted(), format!("85.07.30-033.{}", &s[9..]));
        // Written with dots and dashes as on the identity card.
        assert_eq!(NationalNumber::parse(&n.formatted()).unwrap(), n);
    }

    #[test]
    fn a_2000s_birth_uses_the_2_prefix() {
        let s = make("170412", "158", true);
        let n = NationalNumber::parse(&s).unwrap();
        assert_eq!(n.birth_date(), Some(d(2017, 4, 12)));
        // The same digits checked as a 1900s number would not match.
        let as_1900 = make("170412", "158", false);
        assert_ne!(s, as_1900);
        assert_eq!(
            NationalNumber::parse(&as_1900).unwrap().birth_date(),
            Some(d(1917, 4, 12))
        );
    }

    #[test]
    fn bis_numbers_add_20_or_40_to_the_month() {
        let plus20 = NationalNumber::parse(&make("902315", "001", false)).unwrap();
        assert_eq!(plus20.register(), Register::BisSexUnknown);
        assert_eq!(plus20.birth_date(), Some(d(1990, 3, 15)));
        assert!(plus20.is_bis());
        let plus40 = NationalNumber::parse(&make("014509", "262", true)).unwrap();
        assert_eq!(plus40.register(), Register::BisSexKnown);
        assert_eq!(plus40.birth_date(), Some(d(2001, 5, 9)));
        assert!(NationalNumber::parse(&make("903315", "001", false)).is_err());
    }

    #[test]
    fn unknown_day_or_month_is_allowed() {
        let n = NationalNumber::parse(&make("880000", "123", false)).unwrap();
        assert_eq!(n.birth_date(), None);
        assert!(n.agrees_with(d(1988, 6, 1)));
        assert!(!n.agrees_with(d(1989, 6, 1)));
        let month_only = NationalNumber::parse(&make("880600", "123", false)).unwrap();
        assert!(month_only.agrees_with(d(1988, 6, 20)));
        assert!(!month_only.agrees_with(d(1988, 7, 20)));
        // BIS with unknown birth date: month 20 or 40, day 00.
        let bis = NationalNumber::parse(&make("952000", "417", false)).unwrap();
        assert_eq!(bis.register(), Register::BisSexUnknown);
        assert_eq!(bis.birth_date(), None);
    }

    #[test]
    fn wrong_check_digits_length_or_date_are_refused() {
        let s = make("850730", "033", false);
        let mut wrong = s[..9].to_owned();
        let check: u32 = s[9..].parse().unwrap();
        wrong.push_str(&format!("{:02}", (check + 1) % 100));
        assert_eq!(
            NationalNumber::parse(&wrong),
            Err(NationalNumberError::CheckDigits)
        );
        assert_eq!(
            NationalNumber::parse("8507300332"),
            Err(NationalNumberError::Length)
        );
        assert_eq!(
            NationalNumber::parse("85073003a28"),
            Err(NationalNumberError::Length)
        );
        assert_eq!(
            NationalNumber::parse(&make("850231", "033", false)),
            Err(NationalNumberError::Date)
        );
        assert_eq!(
            NationalNumber::parse(&make("851301", "033", false)),
            Err(NationalNumberError::Date)
        );
    }

    #[test]
    fn a_number_that_contradicts_the_birth_date_is_refused() {
        let s = make("850730", "033", false);
        assert!(NationalNumber::parse_for(&s, Some(d(1985, 7, 30))).is_ok());
        assert_eq!(
            NationalNumber::parse_for(&s, Some(d(1985, 7, 31))),
            Err(NationalNumberError::BirthDate)
        );
        assert_eq!(
            NationalNumber::parse_for(&s, Some(d(2085, 7, 30))),
            Err(NationalNumberError::BirthDate)
        );
        assert!(NationalNumber::parse_for(&s, None).is_ok());
    }

    #[test]
    fn the_number_is_masked_in_debug_and_display() {
        let s = make("850730", "033", false);
        let n = NationalNumber::parse(&s).unwrap();
        for shown in [format!("{n:?}"), n.to_string(), n.masked()] {
            assert!(!shown.contains("850730"), "{shown}");
            assert!(!shown.contains(&s), "{shown}");
        }
    }

    #[test]
    fn phone_numbers_become_e164() {
        for (input, e164) in [
            ("0470 12 34 56", "+32470123456"),
            ("+32 470/12.34.56", "+32470123456"),
            ("0032470123456", "+32470123456"),
            ("02 511 22 33", "+3225112233"),
            ("+31 6 12345678", "+31612345678"),
        ] {
            assert_eq!(PhoneNumber::parse(input).unwrap().e164(), e164, "{input}");
        }
        assert_eq!(
            PhoneNumber::parse("0470123456").unwrap().display(),
            "+32 470 12 34 56"
        );
        for bad in [
            "",
            "12345",
            "0470 12 34 5",
            "+32 470 12 34 567",
            "047O123456",
            "+32 0470 123456",
            "0412 34 56 7",
            "++32470123456",
        ] {
            assert!(PhoneNumber::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn email_addresses_parse() {
        assert_eq!(
            EmailAddress::parse(" Sara.Voorbeeld@Example.BE ")
                .unwrap()
                .as_str(),
            "Sara.Voorbeeld@example.be"
        );
        for bad in [
            "",
            "a",
            "a@b",
            "@example.be",
            "a@.be",
            "a b@example.be",
            "a..b@example.be",
            "a@exa_mple.be",
        ] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn age_counts_whole_years() {
        assert_eq!(age_on(d(2018, 3, 10), d(2026, 3, 9)), 7);
        assert_eq!(age_on(d(2018, 3, 10), d(2026, 3, 10)), 8);
        assert_eq!(age_on(d(2008, 2, 29), d(2026, 2, 28)), 17);
        assert_eq!(age_on(d(2008, 2, 29), d(2026, 3, 1)), 18);
    }
}
