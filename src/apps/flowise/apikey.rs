//! Flowise API keys (`flowise/dist/utils/apiKey.js`): the key is 32 random
//! bytes as unpadded base64url (43 characters), stored as it is in
//! `apikey.apiKey`; `apikey.apiSecret` is `hex(scrypt(key, salt, N=16384,
//! r=8, p=1, 64 bytes)) + "." + salt`, where the salt is 8 random bytes as
//! 16 hex digits, used as that text. The server looks a key up by its text
//! and then compares the scrypt hash.

use crate::error::{Error, Result};
use secrecy::{ExposeSecret, SecretString};

/// A new key, as Flowise's `generateAPIKey` makes one.
pub fn generate() -> Result<SecretString> {
    crate::secrets::generate(32, crate::secrets::Encoding::UrlSafe)
}

fn scrypt_hex(key: &str, salt: &str) -> Result<String> {
    // Node's scryptSync defaults: N = 2^14, r = 8, p = 1.
    let params = scrypt::Params::new(14, 8, 1, 64)
        .map_err(|e| Error::Failure(format!("scrypt parameters: {e}")))?;
    let mut out = zeroize::Zeroizing::new([0u8; 64]);
    scrypt::scrypt(key.as_bytes(), salt.as_bytes(), &params, out.as_mut())
        .map_err(|e| Error::Failure(format!("cannot hash the API key: {e}")))?;
    Ok(hex::encode(out.as_ref()))
}

/// `apikey.apiSecret` for `key`, with a new salt (`generateSecretHash`).
pub fn secret_hash(key: &SecretString) -> Result<String> {
    let mut salt = [0u8; 8];
    getrandom::fill(&mut salt).map_err(|e| {
        Error::Failure(format!(
            "cannot read random bytes from the operating system: {e}"
        ))
    })?;
    let salt = hex::encode(salt);
    Ok(format!(
        "{}.{salt}",
        scrypt_hex(key.expose_secret(), &salt)?
    ))
}

/// Whether `stored` (an `apiSecret`) is the hash of `key` (`compareKeys`).
#[cfg(test)]
pub fn matches(stored: &str, key: &str) -> bool {
    let Some((hash, salt)) = stored.split_once('.') else {
        return false;
    };
    match scrypt_hex(key, salt) {
        Ok(ours) => {
            let theirs = hash.to_ascii_lowercase();
            ours.len() == theirs.len()
                && ours
                    .bytes()
                    .zip(theirs.bytes())
                    .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                    == 0
        }
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fixture_key_matches_what_the_server_stored() {
        // The "ci" key of tests/fixtures/flowise-3.1.4/home, made by the
        // server's POST /api/v1/apikey.
        let stored = "4f39bd19361429285bcb802fdece78d724b9423a24413a08f0da9658dd7636a623847c01cb39ad03bbb77b5bb6eede368995897c4cb29cd385b67a590c71c9e1.1760cefa8bd8fd25";
        assert!(matches(
            stored,
            "4AbMCAhE1mPUmnTKJqVK-0atOG_Ow8Phi0QoS1zU6bk"
        ));
        assert!(!matches(
            stored,
            "4AbMCAhE1mPUmnTKJqVK-0atOG_Ow8Phi0QoS1zU6bK"
        ));
        assert!(!matches("no-salt", "x"));
    }

    #[test]
    fn new_keys_have_flowises_shape_and_verify() {
        let key = generate().unwrap();
        let text = key.expose_secret();
        assert_eq!(text.len(), 43);
        assert!(text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        let stored = secret_hash(&key).unwrap();
        let (hash, salt) = stored.split_once('.').unwrap();
        assert_eq!((hash.len(), salt.len()), (128, 16));
        assert!(matches(&stored, text));
        assert_ne!(secret_hash(&key).unwrap(), stored, "a new salt each time");
    }
}
