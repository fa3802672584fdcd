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

/// How long an unused temporary password keeps working.
pub const TEMPORARY_VALID_DAYS: i64 = 7;

/// Letters and digits that cannot be mistaken for each other when read out
/// or copied from paper (no 0/O, 1/l/I).
const TEMPORARY_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// A temporary password an administrator hands over in person, e.g.
/// `kq7m-x3ta-9vre-h2nb`: 16 random symbols (about 79 bits), in groups of
/// four so it can be read out and typed on a phone.
pub fn temporary() -> NewPassword {
    use rand_core::RngCore;
    let mut text = String::with_capacity(19);
    let mut rng = rand_core::OsRng;
    let n = TEMPORARY_ALPHABET.len() as u32;
    // Rejection sampling keeps every symbol equally likely.
    let limit = u32::MAX - u32::MAX % n;
    let mut count = 0;
    while count < 16 {
        let r = rng.next_u32();
        if r >= limit {
            continue;
        }
        if count > 0 && count % 4 == 0 {
            text.push('-');
        }
        text.push(char::from(TEMPORARY_ALPHABET[(r % n) as usize]));
        count += 1;
    }
    NewPassword(text)
}

impl NewPassword {
    /// The text, to show once (a temporary password).
    pub fn expose(&self) -> &str {
        &self.0
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
    fn temporary_passwords_are_random_readable_and_valid() {
        let a = temporary();
        let b = temporary();
        assert_ne!(a.expose(), b.expose());
        let text = a.expose();
        assert_eq!(text.len(), 19);
        assert_eq!(text.matches('-').count(), 3);
        assert!(
            text.chars()
                .all(|c| c == '-' || TEMPORARY_ALPHABET.contains(&(c as u8)))
        );
        assert!(NewPassword::parse(text).is_ok(), "long enough to sign in");
    }

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
