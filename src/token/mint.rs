//! Minting: sign a claim set into a compact JWS with one key and one algorithm.
//!
//! The header is `{"typ":"JWT","alg":…}` plus `kid` when the RSA key has one; the
//! key must belong to the algorithm's family (an HMAC secret never signs RS*, an
//! RSA key never signs HS*).

use jsonwebtoken::Header;
use serde_json::{Map, Value};

use super::alg::Alg;
use super::key::SigningKey;
use crate::error::{Error, Result};

/// Sign `claims` with `key` under `alg` and return the compact token.
pub fn mint(key: &SigningKey, alg: Alg, claims: &Map<String, Value>) -> Result<String> {
    if key.family() != alg.family() {
        return Err(Error::usage(format!(
            "algorithm {alg} needs {}, but the signing key is {}",
            describe(alg.family()),
            describe(key.family())
        )));
    }
    let encoding_key = key.encoding_key()?;
    super::ensure_crypto_provider();
    let mut header = Header::new(alg.to_jwt());
    header.kid = key.kid().map(str::to_string);
    jsonwebtoken::encode(&header, claims, &encoding_key)
        .map_err(|e| Error::Failure(format!("cannot sign the token with {alg}: {e}")))
}

fn describe(family: super::KeyFamily) -> &'static str {
    match family {
        super::KeyFamily::Hmac => "an HMAC secret",
        super::KeyFamily::Rsa => "an RSA private key",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::{decode_unverified, testkeys};
    use secrecy::SecretString;
    use serde_json::json;

    fn claims() -> Map<String, Value> {
        match json!({"sub": "alice", "exp": 2_000_000_000}) {
            Value::Object(map) => map,
            _ => unreachable!(),
        }
    }

    #[test]
    fn header_carries_alg_typ_and_the_rsa_kid() {
        let hmac = SigningKey::Hmac(SecretString::from(testkeys::HMAC_SECRET));
        let token = mint(&hmac, Alg::HS256, &claims()).unwrap();
        let decoded = decode_unverified(&token).unwrap();
        assert_eq!(decoded.header, json!({"alg": "HS256", "typ": "JWT"}));
        assert_eq!(Value::Object(claims()), decoded.claims);

        for alg in [Alg::RS256, Alg::RS512] {
            let rsa = SigningKey::rsa_pem(testkeys::CURRENT_PRIVATE, Some("k-current".into()));
            let token = mint(&rsa, alg, &claims()).unwrap();
            let decoded = decode_unverified(&token).unwrap();
            assert_eq!(
                decoded.header,
                json!({"alg": alg.as_str(), "typ": "JWT", "kid": "k-current"})
            );
            assert_eq!(decoded.signature.len(), 256);
        }
        let no_kid = SigningKey::rsa_pem(testkeys::CURRENT_PKCS1_PRIVATE, None);
        let token = mint(&no_kid, Alg::RS256, &claims()).unwrap();
        assert_eq!(
            decode_unverified(&token).unwrap().header,
            json!({"alg": "RS256", "typ": "JWT"})
        );
    }

    #[test]
    fn minting_is_deterministic_for_deterministic_algorithms() {
        // HS256 and RSASSA-PKCS1-v1_5 have no randomness: same input, same token.
        let rsa = SigningKey::rsa_pem(testkeys::CURRENT_PRIVATE, None);
        assert_eq!(
            mint(&rsa, Alg::RS256, &claims()).unwrap(),
            mint(&rsa, Alg::RS256, &claims()).unwrap()
        );
    }

    #[test]
    fn key_and_algorithm_families_must_match() {
        let hmac = SigningKey::Hmac(SecretString::from(testkeys::HMAC_SECRET));
        let err = mint(&hmac, Alg::RS256, &claims()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "algorithm RS256 needs an RSA private key, but the signing key is an HMAC secret"
        );
        let rsa = SigningKey::rsa_pem(testkeys::CURRENT_PRIVATE, None);
        let err = mint(&rsa, Alg::HS256, &claims()).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert_eq!(
            err.to_string(),
            "algorithm HS256 needs an HMAC secret, but the signing key is an RSA private key"
        );
        let empty = SigningKey::Hmac(SecretString::from(""));
        assert_eq!(
            mint(&empty, Alg::HS256, &claims()).unwrap_err().to_string(),
            "HMAC secret is empty"
        );
    }
}
