//! Staff passwords: a newtype that only exists when the rules are met, and
//! Argon2id hashing. Hashing is CPU-bound: callers run it off the async runtime.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

pub const MIN_LEN: usize = 12;
pub const MAX_LEN: usize = 128;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("password must be at least {MIN_LEN} characters")]
    TooShort,
    #[error("password must be at most {MAX_LEN} characters")]
    TooLong,
    #[error("password is too easy to guess")]
    TooWeak,
    #[error("stored password hash is unreadable")]
    BadHash,
}

impl PasswordError {
    /// The translation key of the message shown next to the field.
    pub fn message_key(&self) -> &'static str {
        match self {
            PasswordError::TooShort => "error-password-short",
            PasswordError::TooLong => "error-password-long",
            PasswordError::TooWeak | PasswordError::BadHash => "error-password-weak",
        }
    }
}

/// zxcvbn scores 0 (trivial) to 4; below 3 is refused.
pub const MIN_STRENGTH: u8 = 3;

/// A password that satisfies the length rules. Its `Debug` hides the text.
#[derive(Clone)]
pub struct NewPassword(String);

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword([redacted])")
    }
}

impl NewPassword {
    /// Length rules and a strength estimate that knows the account's own
    /// name and email (a password built from them is weak).
    pub fn parse_for(text: &str, user_inputs: &[&str]) -> Result<Self, PasswordError> {
        let p = Self::parse(text)?;
        // zxcvbn matches whole tokens: "ann.peeters@x" becomes "ann", "peeters", "x".
        let words: Vec<String> = user_inputs
            .iter()
            .flat_map(|i| i.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_lowercase)
            .collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let score = zxcvbn::zxcvbn(text, &words).score();
        if (score as u8) < MIN_STRENGTH {
            return Err(PasswordError::TooWeak);
        }
        Ok(p)
    }

    /// Length rules only (see [`NewPassword::parse_for`] for new passwords).
    pub fn parse(text: &str) -> Result<Self, PasswordError> {
        let chars = text.chars().count();
        if chars < MIN_LEN {
            return Err(PasswordError::TooShort);
        }
        if chars > MAX_LEN {
            return Err(PasswordError::TooLong);
        }
        Ok(Self(text.to_owned()))
    }

    /// An Argon2id PHC string with a fresh random salt.
    pub fn hash(&self) -> String {
        let salt = SaltString::generate(&mut rand_core::OsRng);
        match Argon2::default().hash_password(self.0.as_bytes(), &salt) {
            Ok(h) => h.to_string(),
            // Only reachable with invalid parameters, which the defaults are not.
            Err(e) => unreachable!("argon2 with default parameters failed: {e}"),
        }
    }
}

/// Checks a password attempt against a stored PHC string.
pub fn verify(attempt: &str, stored: &str) -> Result<bool, PasswordError> {
    let parsed = PasswordHash::new(stored).map_err(|_| PasswordError::BadHash)?;
    Ok(Argon2::default()
        .verify_password(attempt.as_bytes(), &parsed)
        .is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_rules() {
        assert_eq!(
            NewPassword::parse("short").unwrap_err(),
            PasswordError::TooShort
        );
        assert!(NewPassword::parse(&"x".repeat(12)).is_ok());
        assert!(NewPassword::parse(&"é".repeat(128)).is_ok());
        assert_eq!(
            NewPassword::parse(&"x".repeat(129)).unwrap_err(),
            PasswordError::TooLong
        );
    }

    #[test]
    fn weak_passwords_are_refused() {
        assert_eq!(
            NewPassword::parse_for("passwordpassword", &[]).unwrap_err(),
            PasswordError::TooWeak
        );
        assert_eq!(
            NewPassword::parse_for("123456789012", &[]).unwrap_err(),
            PasswordError::TooWeak
        );
        // Built from the account's own name: weak with it, stronger without.
        assert!(NewPassword::parse_for("peeters123456", &[]).is_err());
        assert_eq!(
            NewPassword::parse_for("peeterspeeters", &["ann.peeters@ocmw.example"]).unwrap_err(),
            PasswordError::TooWeak
        );
        assert!(NewPassword::parse_for("violet tram cupboard 7", &[]).is_ok());
        assert!(
            NewPassword::parse_for(crate::password::tests::DEMO, &[]).is_ok(),
            "the demo password must pass"
        );
    }

    const DEMO: &str = "Demostad-oefenen-2026";

    #[test]
    fn hash_verifies_only_the_right_password() {
        let p = NewPassword::parse("correct horse battery").unwrap();
        let h = p.hash();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("correct horse battery", &h).unwrap());
        assert!(!verify("correct horse batterx", &h).unwrap());
        assert_eq!(
            verify("x", "not-a-hash").unwrap_err(),
            PasswordError::BadHash
        );
        assert!(!format!("{p:?}").contains("horse"));
    }
}
