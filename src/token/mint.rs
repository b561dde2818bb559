//! Minting: sign a claim set into a compact JWS with one key and one algorithm.
//!
//! The header is `{"typ":"JWT","alg":…}` plus `kid` when the RSA key has one; the
//! key must belong to the algorithm's family (an HMAC secret never signs RS*, an
//! RSA key never signs HS*).
//!
//! RSA tokens are signed here with ring (constant-time, blinded), or with
//! the rsa crate's blinded signer for a key shape ring refuses; both verify
//! each signature they make, so a key that cannot make a valid one (a
//! composite "prime") is an "invalid RSA key" error naming where the key
//! came from, never a panic (jsonwebtoken's signer unwraps) and never a bad
//! token.

use jsonwebtoken::Header;
use serde_json::{Map, Value};

use super::key::SigningKey;
use super::Alg;
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
    if let Some((private, source)) = key.rsa_private()? {
        return mint_rsa(&private, source, key.kid(), alg, claims);
    }
    let encoding_key = key.encoding_key()?;
    super::ensure_crypto_provider();
    let mut header = Header::new(alg.to_jwt());
    header.kid = key.kid().map(str::to_string);
    jsonwebtoken::encode(&header, claims, &encoding_key)
        .map_err(|e| Error::Failure(format!("cannot sign the token with {alg}: {e}")))
}

fn mint_rsa(
    private: &rsa::RsaPrivateKey,
    source: &str,
    kid: Option<&str>,
    alg: Alg,
    claims: &Map<String, Value>,
) -> Result<String> {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine as _;
    let mut header = Map::new();
    header.insert("typ".into(), "JWT".into());
    header.insert("alg".into(), alg.as_str().into());
    if let Some(kid) = kid {
        header.insert("kid".into(), kid.into());
    }
    let json = |v: &Map<String, Value>| {
        serde_json::to_vec(v)
            .map_err(|e| Error::Failure(format!("cannot encode the token as JSON: {e}")))
    };
    let input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(json(&header)?),
        URL_SAFE_NO_PAD.encode(json(claims)?)
    );
    if !alg.is_rsa() {
        return Err(Error::usage(format!(
            "algorithm {alg} needs an HMAC secret, but the signing key is an RSA private key"
        )));
    }
    let signature = match ring_sign(private, alg, input.as_bytes()) {
        Some(signature) => Ok(signature),
        None => rsa_sign(private, alg, input.as_bytes()),
    };
    let signature = signature.map_err(|_| crate::keys::cannot_sign(source))?;
    Ok(format!("{input}.{}", URL_SAFE_NO_PAD.encode(signature)))
}

/// Sign with ring: constant-time, blinded, and checked against the public
/// key before it is returned (ring verifies what it signs), about a tenth of
/// the instructions of a general big-integer modpow. `None` when ring will
/// not take the key (it is stricter about shapes the rsa crate accepts, e.g.
/// primes of unequal length), and the rsa crate signs instead.
fn ring_sign(private: &rsa::RsaPrivateKey, alg: Alg, message: &[u8]) -> Option<Vec<u8>> {
    use rsa::pkcs1::EncodeRsaPrivateKey;
    let der = private.to_pkcs1_der().ok()?;
    let pair = ring::signature::RsaKeyPair::from_der(der.as_bytes()).ok()?;
    let padding: &'static dyn ring::signature::RsaEncoding = match alg {
        Alg::RS256 => &ring::signature::RSA_PKCS1_SHA256,
        Alg::RS512 => &ring::signature::RSA_PKCS1_SHA512,
        Alg::HS256 => return None,
    };
    let mut signature = vec![0; pair.public().modulus_len()];
    pair.sign(
        padding,
        &ring::rand::SystemRandom::new(),
        message,
        &mut signature,
    )
    .ok()?;
    Some(signature)
}

/// Sign with the rsa crate, blinded (a random r per signature, so the
/// private-key operation's timing says nothing about the key); rsa checks
/// the signature it made.
fn rsa_sign(private: &rsa::RsaPrivateKey, alg: Alg, message: &[u8]) -> rsa::Result<Vec<u8>> {
    use rsa::Pkcs1v15Sign;
    use sha2::{Digest, Sha256, Sha512};
    let mut rng = rand_core::OsRng;
    match alg {
        Alg::RS256 => private.sign_with_rng(
            &mut rng,
            Pkcs1v15Sign::new::<Sha256>(),
            &Sha256::digest(message),
        ),
        Alg::RS512 => private.sign_with_rng(
            &mut rng,
            Pkcs1v15Sign::new::<Sha512>(),
            &Sha512::digest(message),
        ),
        // HS256 never signs with an RSA key (`mint_rsa` refuses it first).
        Alg::HS256 => Err(rsa::Error::InvalidPaddingScheme),
    }
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

    /// PKCS#1 v1.5 signatures are deterministic: ring and the rsa crate
    /// must produce the same bytes for the same key and message.
    #[test]
    fn ring_and_rsa_crate_sign_identically() {
        let keys = [
            crate::keys::parse_private_pem(testkeys::CURRENT_PRIVATE).unwrap(),
            crate::keys::parse_private_pem(testkeys::RETIRED_PRIVATE).unwrap(),
        ];
        for key in &keys {
            for alg in [Alg::RS256, Alg::RS512] {
                for message in [&b""[..], b"a.b", &[0xff; 1000][..]] {
                    let ours = ring_sign(key, alg, message).expect("ring takes a standard key");
                    let theirs = rsa_sign(key, alg, message).unwrap();
                    assert_eq!(ours, theirs, "{alg}");
                }
            }
        }
    }

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
