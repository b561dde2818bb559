//! Fernet encryption keyed by the secret key, derived exactly as Langflow
//! 1.13 derives it (`langflow/services/auth/utils.py`: `ensure_fernet_key`,
//! `add_base64_padding`, `get_fernet`, `get_fernet_for_decryption`).
//!
//! Langflow 1.13's rule, by the secret's length in characters:
//! - 32 or more: the secret padded with `=` to a multiple of 4 IS the Fernet
//!   key, decoded as Python's lenient `base64.urlsafe_b64decode` does; it must
//!   give 32 bytes, or Langflow itself cannot start encrypting.
//! - under 32: the key is `urlsafe_b64encode(sha256(secret))`. Before 1.10.1
//!   it was 32 bytes of `random.Random(secret).getrandbits(8)`; 1.13 still
//!   tries that legacy key when decrypting, never when encrypting.
//!
//! Invariants: key bytes live in `Zeroizing` buffers; no error message
//! contains the secret, the derived key or a plaintext.

use super::pyrandom::PyRandom;
use crate::error::{Error, Result};
use base64::Engine as _;
use fernet::Fernet;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

/// Langflow's `MINIMUM_SECRET_KEY_LENGTH` (lfx `services/settings/constants.py`),
/// counted in characters as Python's `len(str)` does.
pub const MINIMUM_SECRET_KEY_LENGTH: usize = 32;

/// The Fernet instance Langflow 1.13 encrypts with for this secret key.
pub fn fernet_for(secret: &str) -> Result<Fernet> {
    let key = fernet_key_bytes(secret)?;
    fernet_from_bytes(&key)
}

/// How a release turns a secret key under 32 characters into its Fernet
/// key (a longer one is the key itself in every release).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Derivation {
    /// Its SHA-256 (Langflow 1.10.1 on).
    Sha256,
    /// 32 bytes of `random.Random(secret).getrandbits(8)` (Langflow up to
    /// 1.10.0).
    RandomSeed,
    /// One of the two, and nothing says which: a short key only reads.
    /// The text is the refusal to encrypt.
    Unsettled(&'static str),
}

/// The Fernet instance a release with `derivation` encrypts with for this
/// secret key, so that it reads back what authctl writes.
pub fn fernet_to_encrypt(secret: &str, derivation: Derivation) -> Result<Fernet> {
    if secret.chars().count() >= MINIMUM_SECRET_KEY_LENGTH {
        return fernet_for(secret);
    }
    match derivation {
        Derivation::Sha256 => fernet_for(secret),
        Derivation::RandomSeed => fernet_from_bytes(&legacy_key_bytes(secret)),
        Derivation::Unsettled(why) => Err(Error::Release(why.to_string())),
    }
}

/// The pre-1.10.1 key Langflow 1.13 still accepts when decrypting with a
/// short secret (`_ensure_legacy_fernet_key`); `None` for a secret of 32 or
/// more characters, which never had one.
pub fn legacy_fernet_for(secret: &str) -> Option<Fernet> {
    if secret.chars().count() >= MINIMUM_SECRET_KEY_LENGTH {
        return None;
    }
    fernet_from_bytes(&legacy_key_bytes(secret)).ok()
}

/// Encrypt `plaintext` into a Fernet token (`gAAAAA...`), as Langflow stores
/// credential variables and API keys.
pub fn encrypt(fernet: &Fernet, plaintext: &[u8]) -> String {
    fernet.encrypt(plaintext)
}

/// Decrypt a Fernet token; a token this key did not make is a negative answer.
pub fn decrypt(fernet: &Fernet, token: &str) -> Result<Vec<u8>> {
    fernet.decrypt(token.trim()).map_err(|_| not_decryptable())
}

/// Decrypt as Langflow 1.13 does (`get_fernet_for_decryption`): the current
/// key, then for a short secret the legacy key.
pub fn decrypt_with_secret(secret: &str, token: &str) -> Result<Vec<u8>> {
    let current = fernet_for(secret)?;
    match decrypt(&current, token) {
        Ok(plain) => Ok(plain),
        Err(err) => match legacy_fernet_for(secret) {
            Some(legacy) => decrypt(&legacy, token),
            None => Err(err),
        },
    }
}

fn not_decryptable() -> Error {
    Error::Negative(
        "the value does not decrypt under this secret key (or is not a Fernet token); \
         use the secret key the app had when it stored the value"
            .to_string(),
    )
}

fn fernet_from_bytes(key: &[u8]) -> Result<Fernet> {
    let text = Zeroizing::new(base64::engine::general_purpose::URL_SAFE.encode(key));
    Fernet::new(&text)
        .ok_or_else(|| Error::Failure("cannot build a Fernet key from 32 bytes".to_string()))
}

/// The 32 raw key bytes Langflow 1.13's `ensure_fernet_key` yields.
pub(crate) fn fernet_key_bytes(secret: &str) -> Result<Zeroizing<Vec<u8>>> {
    let chars = secret.chars().count();
    if chars < MINIMUM_SECRET_KEY_LENGTH {
        return Ok(Zeroizing::new(Sha256::digest(secret.as_bytes()).to_vec()));
    }
    let mut padded = Zeroizing::new(String::with_capacity(secret.len() + 3));
    padded.push_str(secret);
    // `add_base64_padding` counts characters, not bytes.
    let remainder = chars % 4;
    if remainder != 0 {
        padded.extend(std::iter::repeat_n('=', 4 - remainder));
    }
    let decoded = python_urlsafe_b64decode(padded.as_bytes()).ok_or_else(not_a_fernet_key)?;
    if decoded.len() != 32 {
        return Err(not_a_fernet_key());
    }
    Ok(decoded)
}

fn not_a_fernet_key() -> Error {
    Error::usage(
        "the secret key is not a valid Fernet key \
         (a secret of 32 or more characters must be URL-safe base64 of exactly 32 bytes, \
         like 43 characters from `secrets.token_urlsafe(32)`); \
         generate one with `authctl secret generate`",
    )
}

/// `random.seed(secret); bytes(random.getrandbits(8) for _ in range(32))`.
pub(crate) fn legacy_key_bytes(secret: &str) -> Zeroizing<Vec<u8>> {
    let mut rng = PyRandom::from_str_seed(secret);
    // getrandbits(8) < 256, so the cast keeps every bit.
    Zeroizing::new((0..32).map(|_| rng.getrandbits(8) as u8).collect())
}

/// CPython's `base64.urlsafe_b64decode` (binascii non-strict mode): both
/// alphabets are accepted, bytes outside them are skipped, and decoding stops
/// at the first complete pad sequence. `None` where Python raises.
fn python_urlsafe_b64decode(input: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
    let mut out = Zeroizing::new(Vec::with_capacity(input.len() * 3 / 4));
    let mut quad_pos = 0u8;
    let mut left = 0u32;
    let mut pads = 0u8;
    for &byte in input {
        if byte == b'=' {
            if quad_pos >= 2 {
                pads += 1;
                if quad_pos + pads >= 4 {
                    return Some(out);
                }
            }
            continue;
        }
        let Some(value) = b64_value(byte) else {
            continue;
        };
        pads = 0;
        match quad_pos {
            0 => {
                left = value;
                quad_pos = 1;
            }
            1 => {
                out.push(((left << 2) | (value >> 4)) as u8);
                left = value & 0x0f;
                quad_pos = 2;
            }
            2 => {
                out.push(((left << 4) | (value >> 2)) as u8);
                left = value & 0x03;
                quad_pos = 3;
            }
            _ => {
                out.push(((left << 6) | value) as u8);
                left = 0;
                quad_pos = 0;
            }
        }
    }
    (quad_pos == 0).then_some(out)
}

fn b64_value(byte: u8) -> Option<u32> {
    let value = match byte {
        b'A'..=b'Z' => byte - b'A',
        b'a'..=b'z' => byte - b'a' + 26,
        b'0'..=b'9' => byte - b'0' + 52,
        b'+' | b'-' => 62,
        b'/' | b'_' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE_SECRET_KEY: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/langflow-1.13/secret_key"
    );
    /// `sqlite3 langflow.db "select value from variable where name='OPENAI_API_KEY'"`
    /// on the Langflow 1.13 fixture.
    const FIXTURE_OPENAI_TOKEN: &str = "gAAAAABrA9I_dzODOft8Vmiwq8qXHxzA5uPmV6gYV82zdq9LWEsXKrvHIT3Hqb6gZ8MaN6c11cV6oKA8gski92C5NHoU2F4bE-1ghr3gGtqi3cxKdmWma6k=";
    /// `sqlite3 langflow.db "select api_key from apikey where name='ci-key'"`.
    const FIXTURE_API_KEY_TOKEN: &str = "gAAAAABrA9I_uxha2tQPwXdVvJbSvAORxj2T25fkDR2rxpQkm2aSww9PSZOiYOqw_7ulSH5LiiQ4qf2mh_tCRN1VXkaSokuyez0XF8wK2pfl5s7uod5RnNX4SXD8qfku_ob5wSr11aPd";

    fn fixture_secret() -> String {
        std::fs::read_to_string(FIXTURE_SECRET_KEY)
            .unwrap()
            .trim()
            .to_string()
    }

    fn key_text(secret: &str) -> String {
        base64::engine::general_purpose::URL_SAFE.encode(&*fernet_key_bytes(secret).unwrap())
    }

    #[test]
    fn decrypts_a_value_a_real_server_stored() {
        let secret = fixture_secret();
        assert_eq!(secret.len(), 43);
        let fernet = fernet_for(&secret).unwrap();
        assert_eq!(
            decrypt(&fernet, FIXTURE_OPENAI_TOKEN).unwrap(),
            b"sk-test-credential-value-123"
        );
        assert_eq!(
            decrypt(&fernet, FIXTURE_API_KEY_TOKEN).unwrap(),
            b"sk-5skxTQijT73dyho9aUcQbuq2hSZZVZ6pDhUs7Xo9Eoc"
        );
        assert_eq!(
            decrypt_with_secret(&secret, FIXTURE_OPENAI_TOKEN).unwrap(),
            b"sk-test-credential-value-123"
        );
        // The padded secret is the key.
        assert_eq!(key_text(&secret), format!("{secret}="));
    }

    #[test]
    fn round_trips_and_refuses_another_key() {
        let a = fernet_for("dBuuuB_FHLvU8T9eUNlxQF9ppqRxwWpXXQ42kM2_fbg").unwrap();
        let token = encrypt(&a, b"hello");
        assert!(token.starts_with("gAAAAA"));
        assert_eq!(decrypt(&a, &token).unwrap(), b"hello");
        assert_eq!(decrypt(&a, &format!("  {token}\n")).unwrap(), b"hello");
        let b = fernet_for(&fixture_secret()).unwrap();
        let err = decrypt(&b, &token).unwrap_err();
        assert_eq!(err.exit_code(), 1);
        assert!(err
            .to_string()
            .contains("does not decrypt under this secret key"));
        for junk in ["", "hello", "gAAAAA", "gAAAAABrA9I_!!!"] {
            assert_eq!(decrypt(&b, junk).unwrap_err().exit_code(), 1, "{junk}");
        }
    }

    #[test]
    fn short_secrets_are_stretched_with_sha256() {
        // python3 -c "import base64,hashlib; print(base64.urlsafe_b64encode(hashlib.sha256(b'popcorn').digest()).decode())"
        assert_eq!(
            key_text("popcorn"),
            "Ck7yU-P-8iy507xSgDhvny0c81HaZYLYJUZZ0bJ-oLM="
        );
        assert_eq!(key_text(""), "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU=");
        // 31 characters is still short.
        assert_eq!(
            key_text(&"x".repeat(31)),
            "D0bksIAv7m_tWZaCoWKH0Dl2mc_XQgJUgsCGpwl55Wo="
        );
        // Python counts characters: 12 characters, 20 bytes.
        assert_eq!(
            key_text("ünïcødé-秘密"),
            "5jp2iu83_1Rs9eoxmAepfuQeTuMI_KHYvNdwRZK9nZY="
        );
    }

    #[test]
    fn legacy_key_matches_python_random_seed() {
        // python3 -c "import random,base64; r=random.Random('popcorn'); print(base64.urlsafe_b64encode(bytes(r.getrandbits(8) for _ in range(32))).decode())"
        let cases = [
            ("popcorn", "VHdDG-3AwIeEmNwDnEP0yojHg2B3pTebeI3rfaTWX6c="),
            ("", "9XSYNGPdu8A421fGnwH3maFTXdwMdWNOMdErgkRkqQY="),
            ("a", "RYERm5mvpIgs4JcZjmL4tuHPAeZIQ5dNDsX2zfT9Cmo="),
            (
                "short-secret",
                "yLFy5lEvfnypCxYQl1Q27si0_XNkYFVXl4QIUcvNqNA=",
            ),
            (
                "ünïcødé-秘密",
                "6jf2Vb7XBGS3yntxVludh6zt1-8ZrYUwucGC8m8c6b8=",
            ),
            (
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "X3VIOIhxwJf7tdNvF6rO7N7kuUMn719jQSQjxj9DWqk=",
            ),
        ];
        for (seed, expected) in cases {
            let key = base64::engine::general_purpose::URL_SAFE.encode(&*legacy_key_bytes(seed));
            assert_eq!(key, expected, "{seed:?}");
        }
        assert!(legacy_fernet_for(&"x".repeat(32)).is_none());
    }

    #[test]
    fn short_secret_decrypts_tokens_from_both_eras() {
        // Made with Python `cryptography` under the legacy and the current key of "popcorn".
        let legacy = "gAAAAABrA9hW4NHvQ3tKPkCmcuFpj-O_8jFLVPUMjIuj_GxujeccRshQCwpYEAZshMQ8im2MDSNkATvS5mgd7-m9BgbwUihi3L_cyNcmTFMdIjotIhyBekU=";
        let current = "gAAAAABrA9hWBKB71Sy-fYrBK3wx6BiNwQx0knQTpbKhV-cB9AT8imTUmEaaGTCS_0aRzvawD07tbWEcIUtuEQsrSLuHurjZc6OVhTil-w2ihmFdCKt1nck=";
        assert_eq!(
            decrypt_with_secret("popcorn", legacy).unwrap(),
            b"encrypted before 1.10.1"
        );
        assert_eq!(
            decrypt_with_secret("popcorn", current).unwrap(),
            b"encrypted by 1.13"
        );
        // Encryption always uses the current key.
        let fernet = fernet_for("popcorn").unwrap();
        assert!(decrypt(&fernet, legacy).is_err());
        assert_eq!(decrypt(&fernet, current).unwrap(), b"encrypted by 1.13");
        assert_eq!(
            decrypt_with_secret("not-popcorn", legacy)
                .unwrap_err()
                .exit_code(),
            1
        );
    }

    #[test]
    fn long_secrets_are_decoded_as_python_does() {
        // Python skips the spaces: 43 letters, padded, are 32 bytes.
        assert!(fernet_for("this secret is long enough but it is not base64 at all").is_ok());
        // Standard alphabet and explicit padding are accepted, like Python.
        let token = "gAAAAABrA9hWznPYkC1VT3nd4y_Ug3vGqPws73FRe_-FjjKilFPo2PkxDdvwasyvvJYo6PRPzoV9XpE-Or0sOiQPwx6I0GIE4Q==";
        let fernet = fernet_for("dBuuuB+FHLvU8T9eUNlxQF9ppqRxwWpXXQ42kM2/fbg=").unwrap();
        assert_eq!(decrypt(&fernet, token).unwrap(), b"std alphabet");
        // Extra padding after a complete key is ignored.
        assert_eq!(
            key_text("dBuuuB_FHLvU8T9eUNlxQF9ppqRxwWpXXQ42kM2_fbg====="),
            "dBuuuB_FHLvU8T9eUNlxQF9ppqRxwWpXXQ42kM2_fbg="
        );
    }

    #[test]
    fn long_secrets_that_are_not_fernet_keys_are_usage_errors() {
        let hex64 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        for secret in [
            hex64,
            "my secret key is long but it is not a fernet key",
            // A space makes Python's padding arithmetic come out wrong.
            "dBuuuB_FHLvU8T9e UNlxQF9ppqRxwWpXXQ42kM2_fbg",
            "dBuuuB_FHLvU8T9eUNlxQF9ppqRxwWpXXQ42kM2_fbgAAAA",
        ] {
            let err = fernet_for(secret).err().unwrap();
            assert_eq!(err.exit_code(), 2, "{secret}");
            let message = err.to_string();
            assert!(!message.contains(secret));
            assert!(message.contains("authctl secret generate"));
        }
    }

    #[test]
    fn python_decoder_edge_cases() {
        let decode = |s: &str| python_urlsafe_b64decode(s.as_bytes()).map(|v| v.to_vec());
        assert_eq!(decode("aGk="), Some(b"hi".to_vec()));
        assert_eq!(decode("aGk"), None);
        assert_eq!(decode("a"), None);
        assert_eq!(decode("aG!k="), Some(b"hi".to_vec()));
        assert_eq!(decode("aGk=garbage"), Some(b"hi".to_vec()));
        assert_eq!(decode("====aGk="), Some(b"hi".to_vec()));
        assert_eq!(decode(""), Some(Vec::new()));
    }
}
