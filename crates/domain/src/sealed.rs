//! Secrets at rest that traject must read back (two-step verification keys):
//! sealed with ChaCha20-Poly1305 under a key from the configuration, so a copy
//! of the database alone does not give them away. Without a key they stay
//! readable text, which is what installations before the key stored.

use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};

/// What a sealed value starts with; the version allows another scheme later.
pub const PREFIX: &str = "sealed1:";
const NONCE_LEN: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    #[error("secret_key must be 64 hexadecimal characters (32 bytes)")]
    BadKey,
    #[error("a sealed secret was found but no secret_key is configured")]
    NoKey,
    #[error("a sealed secret does not open with the configured secret_key")]
    WrongKeyOrDamaged,
}

/// The key. Its `Debug` never shows it.
#[derive(Clone)]
pub struct SealingKey(Key);

impl std::fmt::Debug for SealingKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealingKey([redacted])")
    }
}

impl SealingKey {
    /// From 64 hexadecimal characters, e.g. the output of `openssl rand -hex 32`.
    pub fn from_hex(text: &str) -> Result<Self, SealError> {
        let bytes = hex_decode(text.trim()).ok_or(SealError::BadKey)?;
        if bytes.len() != 32 {
            return Err(SealError::BadKey);
        }
        Ok(SealingKey(*Key::from_slice(&bytes)))
    }

    /// `sealed1:` + hex(nonce ‖ ciphertext ‖ tag), with a fresh random nonce.
    pub fn seal(&self, plain: &str) -> String {
        let nonce = ChaCha20Poly1305::generate_nonce(&mut OsRng);
        match ChaCha20Poly1305::new(&self.0).encrypt(&nonce, plain.as_bytes()) {
            Ok(sealed) => {
                let mut bytes = nonce.to_vec();
                bytes.extend_from_slice(&sealed);
                format!("{PREFIX}{}", hex_encode(&bytes))
            }
            // Encryption fails only for inputs over 256 GiB.
            Err(_) => unreachable!("sealing a short secret cannot fail"),
        }
    }
}

/// Whether a stored value is sealed.
pub fn is_sealed(stored: &str) -> bool {
    stored.starts_with(PREFIX)
}

/// The stored value's text: opened with the key when sealed, as it is when not.
pub fn open(key: Option<&SealingKey>, stored: &str) -> Result<String, SealError> {
    let Some(body) = stored.strip_prefix(PREFIX) else {
        return Ok(stored.to_owned());
    };
    let key = key.ok_or(SealError::NoKey)?;
    let bytes = hex_decode(body).ok_or(SealError::WrongKeyOrDamaged)?;
    if bytes.len() < NONCE_LEN {
        return Err(SealError::WrongKeyOrDamaged);
    }
    let (nonce, sealed) = bytes.split_at(NONCE_LEN);
    let plain = ChaCha20Poly1305::new(&key.0)
        .decrypt(Nonce::from_slice(nonce), sealed)
        .map_err(|_| SealError::WrongKeyOrDamaged)?;
    String::from_utf8(plain).map_err(|_| SealError::WrongKeyOrDamaged)
}

fn hex_encode(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn hex_decode(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    #[test]
    fn sealed_values_open_with_the_key_only() {
        let key = SealingKey::from_hex(KEY).unwrap();
        let sealed = key.seal("JBSWY3DPEHPK3PXP");
        assert!(is_sealed(&sealed));
        assert!(!sealed.contains("JBSWY3DPEHPK3PXP"));
        assert_ne!(
            sealed,
            key.seal("JBSWY3DPEHPK3PXP"),
            "a fresh nonce every time"
        );
        assert_eq!(open(Some(&key), &sealed).unwrap(), "JBSWY3DPEHPK3PXP");

        let other = SealingKey::from_hex(&KEY.replace('0', "1")).unwrap();
        assert_eq!(
            open(Some(&other), &sealed),
            Err(SealError::WrongKeyOrDamaged)
        );
        assert_eq!(open(None, &sealed), Err(SealError::NoKey));
        let mut tampered = sealed.clone();
        let last = tampered.pop().unwrap();
        tampered.push(if last == '0' { '1' } else { '0' });
        assert_eq!(
            open(Some(&key), &tampered),
            Err(SealError::WrongKeyOrDamaged)
        );
    }

    #[test]
    fn unsealed_values_pass_through() {
        let key = SealingKey::from_hex(KEY).unwrap();
        assert_eq!(
            open(Some(&key), "JBSWY3DPEHPK3PXP").unwrap(),
            "JBSWY3DPEHPK3PXP"
        );
        assert_eq!(open(None, "JBSWY3DPEHPK3PXP").unwrap(), "JBSWY3DPEHPK3PXP");
    }

    #[test]
    fn keys_are_checked_and_never_printed() {
        assert_eq!(SealingKey::from_hex("abc").unwrap_err(), SealError::BadKey);
        assert_eq!(
            SealingKey::from_hex(&"zz".repeat(32)).unwrap_err(),
            SealError::BadKey
        );
        assert_eq!(
            SealingKey::from_hex(&"ab".repeat(31)).unwrap_err(),
            SealError::BadKey
        );
        let key = SealingKey::from_hex(KEY).unwrap();
        assert_eq!(format!("{key:?}"), "SealingKey([redacted])");
    }
}
