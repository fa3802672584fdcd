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
    #[error("stored password hash is unreadable")]
    BadHash,
}

/// A password that satisfies the length rules. Its `Debug` hides the text.
#[derive(Clone)]
pub struct NewPassword(String);

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword([redacted])")
    }
}

impl NewPassword {
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
