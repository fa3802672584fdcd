//! Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, six
//! digits), as authenticator apps expect them, and Base32 for their secrets.

use hmac::{Hmac, Mac};
use sha1::Sha1;

pub const STEP_SECONDS: i64 = 30;
pub const DIGITS: u32 = 6;
const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// A fresh 160-bit secret, Base32-encoded (what the person types or scans).
pub fn new_secret() -> String {
    use rand_core::RngCore;
    let mut bytes = [0_u8; 20];
    rand_core::OsRng.fill_bytes(&mut bytes);
    base32_encode(&bytes)
}

pub fn base32_encode(bytes: &[u8]) -> String {
    let mut out = String::new();
    let (mut buffer, mut bits) = (0_u32, 0_u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

pub fn base32_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0_u32, 0_u32);
    for c in text.chars().filter(|c| !c.is_whitespace() && *c != '=') {
        let v = ALPHABET
            .iter()
            .position(|a| *a as char == c.to_ascii_uppercase())? as u32;
        buffer = (buffer << 5) | v;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push(((buffer >> bits) & 0xff) as u8);
        }
    }
    Some(out)
}

/// The code for one time step.
pub fn code_at_step(secret: &[u8], step: i64) -> String {
    let Ok(mut mac) = Hmac::<Sha1>::new_from_slice(secret) else {
        return String::new();
    };
    mac.update(&step.to_be_bytes());
    let hash = mac.finalize().into_bytes();
    let offset = (hash[hash.len() - 1] & 0x0f) as usize;
    let binary = u32::from_be_bytes([
        hash[offset] & 0x7f,
        hash[offset + 1],
        hash[offset + 2],
        hash[offset + 3],
    ]);
    format!(
        "{:0width$}",
        binary % 10_u32.pow(DIGITS),
        width = DIGITS as usize
    )
}

pub fn step_of(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP_SECONDS)
}

/// Checks a code against the current step and one step either side (clock
/// drift). Returns the matching step, which the caller stores so that the same
/// code cannot be used twice (`last_used_step`).
pub fn verify(
    secret_base32: &str,
    code: &str,
    unix_seconds: i64,
    last_used_step: Option<i64>,
) -> Option<i64> {
    let secret = base32_decode(secret_base32)?;
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != DIGITS as usize || !code.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let now = step_of(unix_seconds);
    (now - 1..=now + 1)
        .filter(|step| last_used_step.is_none_or(|last| *step > last))
        .find(|step| code_at_step(&secret, *step) == code)
}

/// The link an authenticator app understands.
pub fn otpauth_uri(secret_base32: &str, account: &str, issuer: &str) -> String {
    let enc = |s: &str| -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect()
    };
    format!(
        "otpauth://totp/{}:{}?secret={secret_base32}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
        enc(issuer),
        enc(account),
        enc(issuer)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 6238, appendix B: the SHA-1 test vectors (eight digits there; the
    // last six are what a six-digit code shows).
    const RFC_SECRET: &[u8] = b"12345678901234567890";

    #[test]
    fn matches_the_rfc_6238_vectors() {
        for (time, eight) in [
            (59_i64, "94287082"),
            (1_111_111_109, "07081804"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
        ] {
            assert_eq!(code_at_step(RFC_SECRET, step_of(time)), eight[2..]);
        }
    }

    #[test]
    fn base32_round_trips() {
        assert_eq!(base32_encode(b"foobar"), "MZXW6YTBOI");
        assert_eq!(base32_decode("MZXW6YTBOI").unwrap(), b"foobar");
        assert_eq!(base32_decode("mzxw 6ytb oi").unwrap(), b"foobar");
        let s = new_secret();
        assert_eq!(s.len(), 32);
        assert_eq!(base32_decode(&s).unwrap().len(), 20);
        assert!(base32_decode("not base32!").is_none());
    }

    #[test]
    fn verifies_with_drift_and_refuses_replay() {
        let secret = base32_encode(RFC_SECRET);
        let t = 1_234_567_890;
        let code = code_at_step(RFC_SECRET, step_of(t));
        let step = verify(&secret, &code, t, None).unwrap();
        assert_eq!(
            verify(&secret, &code, t + 30, None),
            Some(step),
            "one step late is fine"
        );
        assert_eq!(
            verify(&secret, &code, t + 90, None),
            None,
            "three steps late is not"
        );
        assert_eq!(
            verify(&secret, &code, t, Some(step)),
            None,
            "a used code cannot be replayed"
        );
        assert_eq!(verify(&secret, "12345", t, None), None);
        assert_eq!(verify(&secret, "abcdef", t, None), None);
    }

    #[test]
    fn builds_an_otpauth_link() {
        let uri = otpauth_uri("MZXW6YTBOI", "ann@ocmw.example", "traject");
        assert_eq!(
            uri,
            "otpauth://totp/traject:ann%40ocmw.example?secret=MZXW6YTBOI&issuer=traject&algorithm=SHA1&digits=6&period=30"
        );
    }
}
