//! Secret-key generation from the operating system's CSPRNG.
//!
//! Invariants: every byte comes from `getrandom`; the raw bytes are zeroized
//! once encoded; fewer than `MIN_BYTES` bytes is refused, so a generated
//! secret always passes `check`.

use crate::error::{Error, Result};
use base64::Engine as _;
use secrecy::SecretString;
use zeroize::Zeroizing;

/// The minimum number of random bytes in a secret key (256 bits).
pub const MIN_BYTES: usize = 32;
/// The default number of random bytes, as `secrets.token_urlsafe(32)`.
pub const DEFAULT_BYTES: usize = 32;
/// An upper bound that keeps a secret printable on one line.
pub const MAX_BYTES: usize = 1024;

/// How the random bytes of a secret are written as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    /// URL-safe base64 without padding, as Python's `secrets.token_urlsafe`
    /// (32 bytes give 43 characters). Langflow uses this form, and it is the
    /// only one that is also a valid Fernet key once padded.
    #[default]
    UrlSafe,
    /// Lowercase hex, as `openssl rand -hex` (Flowise, LibreChat).
    Hex,
    /// Standard base64 with padding, as `openssl rand -base64`.
    Base64,
}

impl Encoding {
    /// The length in characters of `bytes` random bytes in this encoding.
    #[cfg(test)]
    pub fn encoded_len(self, bytes: usize) -> usize {
        match self {
            Encoding::UrlSafe => (bytes * 4).div_ceil(3),
            Encoding::Hex => bytes * 2,
            Encoding::Base64 => bytes.div_ceil(3) * 4,
        }
    }
}

/// Generate a secret of `bytes` random bytes written in `encoding`.
pub fn generate(bytes: usize, encoding: Encoding) -> Result<SecretString> {
    if bytes < MIN_BYTES {
        return Err(Error::usage(format!(
            "--bytes {bytes} is too small: a secret key needs at least {MIN_BYTES} random bytes"
        )));
    }
    if bytes > MAX_BYTES {
        return Err(Error::usage(format!(
            "--bytes {bytes} is too large: use at most {MAX_BYTES}"
        )));
    }
    let raw = random(bytes)?;
    let text = match encoding {
        Encoding::UrlSafe => base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&*raw),
        Encoding::Hex => hex::encode(&*raw),
        Encoding::Base64 => base64::engine::general_purpose::STANDARD.encode(&*raw),
    };
    Ok(SecretString::from(text))
}

/// `bytes` random bytes as lowercase hex, for a key or IV whose size is
/// the app's own (LibreChat's 16-byte `CREDS_IV`) rather than a secret
/// key's minimum.
pub fn random_hex(bytes: usize) -> Result<SecretString> {
    Ok(SecretString::from(hex::encode(&*random(bytes)?)))
}

/// `N` random bytes from the operating system (salts, IVs, ids).
pub fn random_array<const N: usize>() -> Result<[u8; N]> {
    let mut out = [0u8; N];
    getrandom::fill(&mut out).map_err(|e| {
        Error::Failure(format!(
            "cannot read random bytes from the operating system: {e}"
        ))
    })?;
    Ok(out)
}

fn random(bytes: usize) -> Result<Zeroizing<Vec<u8>>> {
    let mut raw = Zeroizing::new(vec![0u8; bytes]);
    getrandom::fill(&mut raw).map_err(|e| {
        Error::Failure(format!(
            "cannot read random bytes from the operating system: {e}"
        ))
    })?;
    Ok(raw)
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    #[test]
    fn default_is_43_url_safe_characters_like_token_urlsafe_32() {
        let secret = generate(DEFAULT_BYTES, Encoding::default()).unwrap();
        let text = secret.expose_secret();
        assert_eq!(text.len(), 43);
        assert!(text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(text)
            .unwrap();
        assert_eq!(raw.len(), 32);
    }

    #[test]
    fn hex_is_lowercase_like_openssl_rand_hex() {
        let secret = generate(32, Encoding::Hex).unwrap();
        let text = secret.expose_secret();
        assert_eq!(text.len(), 64);
        assert!(text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')));
    }

    #[test]
    fn base64_is_standard_and_padded() {
        let secret = generate(32, Encoding::Base64).unwrap();
        let text = secret.expose_secret();
        assert_eq!(text.len(), 44);
        assert!(text.ends_with('='));
        let raw = base64::engine::general_purpose::STANDARD
            .decode(text)
            .unwrap();
        assert_eq!(raw.len(), 32);
    }

    #[test]
    fn lengths_follow_the_encoding() {
        for bytes in [32, 33, 34, 48, 64, 100] {
            for encoding in [Encoding::UrlSafe, Encoding::Hex, Encoding::Base64] {
                let secret = generate(bytes, encoding).unwrap();
                assert_eq!(
                    secret.expose_secret().len(),
                    encoding.encoded_len(bytes),
                    "{bytes} {encoding:?}"
                );
            }
        }
    }

    #[test]
    fn two_secrets_differ() {
        let a = generate(32, Encoding::UrlSafe).unwrap();
        let b = generate(32, Encoding::UrlSafe).unwrap();
        assert_ne!(a.expose_secret(), b.expose_secret());
    }

    #[test]
    fn too_few_or_too_many_bytes_is_a_usage_error_naming_the_flag() {
        for bytes in [0, 1, 16, 31, MAX_BYTES + 1] {
            let err = generate(bytes, Encoding::UrlSafe).unwrap_err();
            assert_eq!(err.exit_code(), 2);
            assert!(err.to_string().contains("--bytes"), "{err}");
        }
        let err = generate(31, Encoding::Hex).unwrap_err();
        assert!(err.to_string().contains("32"), "{err}");
    }
}
