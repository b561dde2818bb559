//! Verification against local keys, by the rules of RFC 8725 and RFC 7519.
//!
//! Order: structure, header (no `crit`, `alg` exactly the policy's), key choice (by
//! `kid` among local keys only; `jku`, `x5u`, `jwk`, `x5c` are never used),
//! signature, then claims: `exp`, `nbf`, `type`, `iss`, `aud`. Times are checked
//! against the caller's `now`. Signatures are checked by jsonwebtoken (HS256)
//! and ring (RS256, RS512), neither of which reads the clock or the claims.
//! Claims are reported but never trusted before the signature holds.

// A rejection carries the decoded header and claims for `--json`; it is
// returned once per verification, so its size costs nothing worth boxing.
#![allow(clippy::result_large_err)]

use serde::Serialize;
use serde_json::Value;

use super::claims::numeric_date;
use super::decode::{decode_b64, decode_object, split, Part};
use super::duration::{humanize_not_before, humanize_relative};
use super::key::VerifyKey;
use super::quoted;
use super::{Alg, KeyFamily, TokenType};
use crate::error::Error;

/// What a token must satisfy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyPolicy {
    /// The one algorithm allowed; every other `alg` (and `none`) is rejected.
    pub alg: Alg,
    /// Clock skew allowed on `exp` and `nbf`, in seconds.
    pub leeway: u64,
    /// When set, the `type` claim must equal it.
    pub expected_type: Option<TokenType>,
    /// When set, `iss` must equal it.
    pub issuer: Option<String>,
    /// When set, `aud` (a string or an array of strings) must contain it. When not
    /// set, `aud` is not checked.
    pub audience: Option<String>,
    /// Whether a token without `exp` is rejected.
    pub require_exp: bool,
}

impl VerifyPolicy {
    /// Only `alg`, no leeway, `exp` required, nothing else checked.
    pub fn new(alg: Alg) -> Self {
        VerifyPolicy {
            alg,
            leeway: 0,
            expected_type: None,
            issuer: None,
            audience: None,
            require_exp: true,
        }
    }
}

/// A token that verified.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verified {
    /// The JOSE header.
    pub header: Value,
    /// The claims.
    pub claims: Value,
    /// The kid of the local key whose check succeeded.
    pub kid_used: Option<String>,
}

/// Why a token did not verify, with what could be decoded of it (for `--json`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rejection {
    /// One line, naming what is wrong.
    pub reason: String,
    /// The header, when it decoded.
    pub header: Option<Value>,
    /// The claims, when they decoded (not trustworthy: shown, never used).
    pub claims: Option<Value>,
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for Rejection {}

impl From<Rejection> for Error {
    fn from(rejection: Rejection) -> Self {
        Error::Negative(rejection.reason)
    }
}

/// Verify `token` (whitespace and a `Bearer ` prefix allowed) under `policy` with
/// the local `keys`, at time `now` (Unix seconds).
pub fn verify(
    token: &str,
    policy: &VerifyPolicy,
    keys: &[VerifyKey],
    now: i64,
) -> std::result::Result<Verified, Rejection> {
    let bare = |e: Error| Rejection {
        reason: e.to_string(),
        header: None,
        claims: None,
    };
    let segments = split(token).map_err(bare)?;
    let header = decode_object(Part::Header, segments.header).map_err(bare)?;
    let claims = match decode_object(Part::Payload, segments.payload) {
        Ok(claims) => claims,
        Err(e) => {
            return Err(Rejection {
                reason: e.to_string(),
                header: Some(header),
                claims: None,
            })
        }
    };
    let reject = |reason: String| Rejection {
        reason,
        header: Some(header.clone()),
        claims: Some(claims.clone()),
    };
    if let Err(e) = decode_b64(Part::Signature, segments.signature) {
        return Err(reject(e.to_string()));
    }

    let kid = check_header(&header, policy.alg).map_err(reject)?;
    let candidates = candidates(keys, policy.alg.family(), kid).map_err(reject)?;
    let kid_used = check_signature(
        &candidates,
        policy.alg,
        segments.signing_input(),
        segments.signature,
    )
    .map_err(reject)?;
    check_claims(&claims, policy, now).map_err(reject)?;

    Ok(Verified {
        header,
        claims,
        kid_used,
    })
}

/// Header rules; returns the `kid`, if any.
fn check_header(header: &Value, allowed: Alg) -> Result<Option<&str>, String> {
    if header.get("crit").is_some() {
        return Err("header has \"crit\": no critical extensions are supported".into());
    }
    let alg = super::decode::header_alg(header).map_err(|e| e.to_string())?;
    if alg.eq_ignore_ascii_case("none") {
        return Err(format!(
            "algorithm {} is not allowed: the token is unsigned",
            quoted(alg)
        ));
    }
    if alg != allowed.as_str() {
        return Err(format!(
            "algorithm {} is not allowed (expected {allowed})",
            shown_alg(alg)
        ));
    }
    match header.get("kid") {
        None => Ok(None),
        Some(Value::String(kid)) => Ok(Some(kid)),
        Some(_) => Err("header \"kid\" is not a string".into()),
    }
}

/// An `alg` as written when it looks like one, quoted and escaped otherwise.
fn shown_alg(alg: &str) -> String {
    if !alg.is_empty() && alg.len() <= 16 && alg.chars().all(|c| c.is_ascii_alphanumeric()) {
        alg.to_string()
    } else {
        quoted(alg)
    }
}

/// The local keys to try, current before retired. With a kid, only keys with that
/// kid; without one, every key of the family.
fn candidates<'k>(
    keys: &'k [VerifyKey],
    family: KeyFamily,
    kid: Option<&str>,
) -> Result<Vec<&'k VerifyKey>, String> {
    let mut found: Vec<&VerifyKey> = keys
        .iter()
        .filter(|key| key.alg_family == family)
        .filter(|key| kid.is_none() || key.kid.as_deref() == kid)
        .collect();
    // Stable: keeps the caller's order within current and within retired keys.
    found.sort_by_key(|key| key.retired);
    match (found.is_empty(), kid) {
        (false, _) => Ok(found),
        (true, Some(kid)) => Err(format!("unknown kid {}", quoted(kid))),
        (true, None) => Err(match family {
            KeyFamily::Hmac => "no HMAC secret to verify with".into(),
            KeyFamily::Rsa => "no RSA public key to verify with".into(),
        }),
    }
}

/// Try each candidate; returns the kid of the one that matched.
fn check_signature(
    candidates: &[&VerifyKey],
    alg: Alg,
    signing_input: &str,
    signature: &str,
) -> Result<Option<String>, String> {
    super::ensure_crypto_provider();
    let mut usable = 0;
    for key in candidates {
        let Some(decoding_key) = key.decoding_key(alg.family()) else {
            continue;
        };
        usable += 1;
        let matched = match alg {
            Alg::HS256 => matches!(
                jsonwebtoken::crypto::verify(
                    signature,
                    signing_input.as_bytes(),
                    &decoding_key,
                    alg.to_jwt(),
                ),
                Ok(true)
            ),
            Alg::RS256 | Alg::RS512 => rsa_verify(&decoding_key, alg, signing_input, signature),
        };
        if matched {
            return Ok(key.kid.clone());
        }
    }
    Err(match usable {
        0 => format!("no usable {} key to verify with", alg.family()),
        1 => "signature does not match".into(),
        n => format!("signature does not match any of the {n} local keys"),
    })
}

/// RSASSA-PKCS1-v1_5 verification with ring, whose public-key operation is
/// an order of magnitude cheaper than a general big-integer modpow (a
/// verify was most of `token verify`'s instructions). ring accepts moduli
/// of 2048 to 8192 bits, which covers what authctl accepts (2048 to 4096).
fn rsa_verify(
    key: &jsonwebtoken::DecodingKey,
    alg: Alg,
    signing_input: &str,
    signature: &str,
) -> bool {
    use base64::Engine;
    let Ok(sig) = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(signature) else {
        return false;
    };
    let params = match alg {
        Alg::RS256 => &ring::signature::RSA_PKCS1_2048_8192_SHA256,
        Alg::RS512 => &ring::signature::RSA_PKCS1_2048_8192_SHA512,
        Alg::HS256 => return false,
    };
    let message = signing_input.as_bytes();
    match key.kind() {
        jsonwebtoken::DecodingKeyKind::SecretOrDer(pkcs1_der) => {
            ring::signature::UnparsedPublicKey::new(params, pkcs1_der)
                .verify(message, &sig)
                .is_ok()
        }
        jsonwebtoken::DecodingKeyKind::RsaModulusExponent { n, e } => {
            ring::signature::RsaPublicKeyComponents { n, e }
                .verify(params, message, &sig)
                .is_ok()
        }
    }
}

fn check_claims(claims: &Value, policy: &VerifyPolicy, now: i64) -> Result<(), String> {
    let now_wide = i128::from(now);
    let leeway = i128::from(policy.leeway);

    match claims.get("exp") {
        None if policy.require_exp => return Err("token has no exp (expiry) claim".into()),
        None => {}
        Some(value) => {
            let exp = numeric_date(value).ok_or("exp is not a number")?;
            // RFC 7519 §4.1.4: valid while now < exp (+ leeway).
            if now_wide >= i128::from(exp) + leeway {
                return Err(format!("token {}", humanize_relative(exp, now)));
            }
        }
    }
    if let Some(value) = claims.get("nbf") {
        let nbf = numeric_date(value).ok_or("nbf is not a number")?;
        if i128::from(nbf) > now_wide + leeway {
            return Err(format!(
                "token is not valid yet ({})",
                humanize_not_before(nbf, now)
            ));
        }
    }
    // As PyJWT (Langflow's verifier) checks it: a number, not in the future.
    if let Some(value) = claims.get("iat") {
        let iat = numeric_date(value).ok_or("iat is not a number")?;
        if i128::from(iat) > now_wide + leeway {
            return Err(format!(
                "token is issued in the future ({})",
                humanize_not_before(iat, now)
            ));
        }
    }
    if let Some(expected) = policy.expected_type {
        expect_string(claims, "type", expected.as_str())?;
    }
    if let Some(expected) = &policy.issuer {
        expect_string(claims, "iss", expected)?;
    }
    if let Some(expected) = &policy.audience {
        match claims.get("aud") {
            None => {
                return Err(format!(
                    "token has no aud claim, expected {}",
                    quoted(expected)
                ))
            }
            Some(Value::String(aud)) if aud == expected => {}
            Some(Value::Array(auds)) if auds.iter().any(|a| a.as_str() == Some(expected)) => {}
            Some(aud) => {
                return Err(format!(
                    "audience {} does not include {}",
                    shown_json(aud),
                    quoted(expected)
                ))
            }
        }
    }
    Ok(())
}

fn expect_string(claims: &Value, name: &str, expected: &str) -> Result<(), String> {
    match claims.get(name) {
        Some(Value::String(actual)) if actual == expected => Ok(()),
        Some(Value::String(actual)) => Err(format!(
            "{name} is {}, expected {}",
            quoted(actual),
            quoted(expected)
        )),
        Some(other) => Err(format!(
            "{name} is {}, expected {}",
            super::decode::json_kind(other),
            quoted(expected)
        )),
        None => Err(format!(
            "token has no {name} claim, expected {}",
            quoted(expected)
        )),
    }
}

/// A JSON value on one line, cut short when long.
fn shown_json(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() <= 80 {
        text
    } else {
        format!("{}…", text.chars().take(80).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::{mint, testkeys, SigningKey};
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine as _;
    use secrecy::SecretString;
    use serde_json::{json, Map};

    const NOW: i64 = 1_700_000_000;

    fn hmac_signing() -> SigningKey {
        SigningKey::Hmac(SecretString::from(testkeys::HMAC_SECRET))
    }
    fn hmac_verify() -> VerifyKey {
        VerifyKey::hmac_secret(&SecretString::from(testkeys::HMAC_SECRET))
    }
    fn current_signing(kid: Option<&str>) -> SigningKey {
        SigningKey::rsa_pem(testkeys::CURRENT_PRIVATE, kid.map(str::to_string))
    }
    fn retired_signing(kid: Option<&str>) -> SigningKey {
        SigningKey::rsa_pem(testkeys::RETIRED_PRIVATE, kid.map(str::to_string))
    }
    fn rsa_keys() -> Vec<VerifyKey> {
        vec![
            VerifyKey::rsa_public_pem(testkeys::RETIRED_PUBLIC, Some("k-retired".into()))
                .unwrap()
                .retired(),
            VerifyKey::rsa_public_pem(testkeys::CURRENT_PUBLIC, Some("k-current".into())).unwrap(),
        ]
    }
    fn obj(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            other => panic!("not an object: {other}"),
        }
    }
    fn claims() -> Map<String, Value> {
        obj(json!({"sub": "alice", "type": "access", "exp": NOW + 3600, "iat": NOW}))
    }
    fn hs_token(claims: &Map<String, Value>) -> String {
        mint(&hmac_signing(), Alg::HS256, claims).unwrap()
    }
    /// Sign an arbitrary header and payload, for tokens `mint` would never make.
    fn sign_raw(header: &Value, claims: &Value, key: &SigningKey, alg: Alg) -> String {
        let input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(header.to_string()),
            URL_SAFE_NO_PAD.encode(claims.to_string())
        );
        let signature = jsonwebtoken::crypto::sign(
            input.as_bytes(),
            &key.encoding_key().unwrap(),
            alg.to_jwt(),
        )
        .unwrap();
        format!("{input}.{signature}")
    }
    fn reason(result: Result<Verified, Rejection>) -> String {
        result.unwrap_err().reason
    }
    fn hs_policy() -> VerifyPolicy {
        VerifyPolicy::new(Alg::HS256)
    }

    #[test]
    fn round_trip_hs256() {
        let token = hs_token(&claims());
        let verified = verify(&token, &hs_policy(), &[hmac_verify()], NOW).unwrap();
        assert_eq!(verified.claims, Value::Object(claims()));
        assert_eq!(verified.header, json!({"alg": "HS256", "typ": "JWT"}));
        assert_eq!(verified.kid_used, None);
        // Bearer prefix and whitespace are fine here too.
        let bearer = format!("  Bearer {token}\n");
        assert!(verify(&bearer, &hs_policy(), &[hmac_verify()], NOW).is_ok());
        // The signing key's own verify key works the same way.
        let own = hmac_signing().verify_key().unwrap();
        assert!(verify(&token, &hs_policy(), &[own], NOW).is_ok());
    }

    #[test]
    fn round_trip_rs256_and_rs512() {
        for alg in [Alg::RS256, Alg::RS512] {
            let token = mint(&current_signing(Some("k-current")), alg, &claims()).unwrap();
            let verified = verify(&token, &VerifyPolicy::new(alg), &rsa_keys(), NOW).unwrap();
            assert_eq!(verified.kid_used.as_deref(), Some("k-current"));
            assert_eq!(verified.claims, Value::Object(claims()));
            assert_eq!(verified.header["alg"], json!(alg.as_str()));
            let other = if alg == Alg::RS256 {
                Alg::RS512
            } else {
                Alg::RS256
            };
            assert_eq!(
                reason(verify(&token, &VerifyPolicy::new(other), &rsa_keys(), NOW)),
                format!("algorithm {alg} is not allowed (expected {other})")
            );
        }
        let pkcs1 = SigningKey::rsa_pem(testkeys::CURRENT_PKCS1_PRIVATE, Some("k-current".into()));
        let token = mint(&pkcs1, Alg::RS256, &claims()).unwrap();
        assert!(verify(&token, &VerifyPolicy::new(Alg::RS256), &rsa_keys(), NOW).is_ok());
    }

    /// ring's verdict against the rsa crate's, on good signatures and on
    /// single-bit changes of one (every 37th bit), for both hashes.
    #[test]
    fn ring_rsa_verify_agrees_with_the_rsa_crate() {
        use rsa::pkcs1v15::{Signature, VerifyingKey};
        use rsa::signature::Verifier;
        let private = crate::keys::parse_private_pem(testkeys::CURRENT_PKCS1_PRIVATE).unwrap();
        let public = private.to_public_key();
        let decoding = rsa_keys()[1].decoding_key(KeyFamily::Rsa).unwrap();
        for alg in [Alg::RS256, Alg::RS512] {
            let token = mint(&current_signing(None), alg, &claims()).unwrap();
            let (input, sig_b64) = token.rsplit_once('.').unwrap();
            let sig = URL_SAFE_NO_PAD.decode(sig_b64).unwrap();
            let theirs = |input: &str, sig: &[u8]| {
                let Ok(sig) = Signature::try_from(sig) else {
                    return false;
                };
                match alg {
                    Alg::RS512 => VerifyingKey::<sha2::Sha512>::new(public.clone())
                        .verify(input.as_bytes(), &sig)
                        .is_ok(),
                    _ => VerifyingKey::<sha2::Sha256>::new(public.clone())
                        .verify(input.as_bytes(), &sig)
                        .is_ok(),
                }
            };
            assert!(rsa_verify(&decoding, alg, input, sig_b64));
            assert!(theirs(input, &sig));
            for bit in (0..sig.len() * 8).step_by(37) {
                let mut bad = sig.clone();
                bad[bit / 8] ^= 1 << (bit % 8);
                let bad_b64 = URL_SAFE_NO_PAD.encode(&bad);
                assert_eq!(
                    rsa_verify(&decoding, alg, input, &bad_b64),
                    theirs(input, &bad)
                );
                assert!(!rsa_verify(&decoding, alg, input, &bad_b64), "bit {bit}");
            }
            let other_input = format!("{input}x");
            assert!(!rsa_verify(&decoding, alg, &other_input, sig_b64));
            // Short, long and non-base64url signatures are refused, not a panic.
            for junk in ["", "AA", &format!("{sig_b64}AA"), "***", &sig_b64[1..]] {
                assert!(!rsa_verify(&decoding, alg, input, junk), "{junk:?}");
            }
        }
    }

    #[test]
    fn alg_none_is_rejected() {
        for alg in ["none", "None", "NONE"] {
            let header = URL_SAFE_NO_PAD.encode(format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#));
            let payload = URL_SAFE_NO_PAD.encode(Value::Object(claims()).to_string());
            for token in [
                format!("{header}.{payload}."),
                format!("{header}.{payload}.c2ln"),
            ] {
                let rejection = verify(&token, &hs_policy(), &[hmac_verify()], NOW).unwrap_err();
                assert_eq!(
                    rejection.reason,
                    format!("algorithm \"{alg}\" is not allowed: the token is unsigned")
                );
                assert_eq!(rejection.claims, Some(Value::Object(claims())));
            }
        }
    }

    #[test]
    fn other_algorithms_are_rejected() {
        let claims = Value::Object(claims());
        for alg in ["HS512", "hs256", "ES256", "PS256", ""] {
            let token = sign_raw(&json!({"alg": alg}), &claims, &hmac_signing(), Alg::HS256);
            let got = reason(verify(&token, &hs_policy(), &[hmac_verify()], NOW));
            assert!(got.starts_with("algorithm "), "{got}");
            assert!(got.ends_with("is not allowed (expected HS256)"), "{got}");
        }
        let weird = sign_raw(
            &json!({"alg": "HS256\n\"x"}),
            &claims,
            &hmac_signing(),
            Alg::HS256,
        );
        assert_eq!(
            reason(verify(&weird, &hs_policy(), &[hmac_verify()], NOW)),
            "algorithm \"HS256\\n\\\"x\" is not allowed (expected HS256)"
        );
    }

    #[test]
    fn hs256_signed_with_the_rsa_public_key_is_rejected_under_rs256() {
        // The classic confusion attack: the public PEM used as an HMAC secret.
        let forged_key = SigningKey::hmac_bytes(testkeys::CURRENT_PUBLIC.as_bytes().to_vec());
        let token = sign_raw(
            &json!({"alg": "HS256", "typ": "JWT", "kid": "k-current"}),
            &Value::Object(claims()),
            &forged_key,
            Alg::HS256,
        );
        assert_eq!(
            reason(verify(
                &token,
                &VerifyPolicy::new(Alg::RS256),
                &rsa_keys(),
                NOW
            )),
            "algorithm HS256 is not allowed (expected RS256)"
        );
        // Even under an HS256 policy, an RSA key is never used as an HMAC secret.
        let no_kid = mint(&forged_key, Alg::HS256, &claims()).unwrap();
        assert_eq!(
            reason(verify(&no_kid, &hs_policy(), &rsa_keys(), NOW)),
            "no HMAC secret to verify with"
        );
    }

    #[test]
    fn rs256_token_is_rejected_under_hs256() {
        let token = mint(&current_signing(None), Alg::RS256, &claims()).unwrap();
        let mut keys = rsa_keys();
        keys.push(hmac_verify());
        assert_eq!(
            reason(verify(&token, &hs_policy(), &keys, NOW)),
            "algorithm RS256 is not allowed (expected HS256)"
        );
    }

    #[test]
    fn unknown_kid_is_rejected() {
        let token = mint(&current_signing(Some("k-gone")), Alg::RS256, &claims()).unwrap();
        assert_eq!(
            reason(verify(
                &token,
                &VerifyPolicy::new(Alg::RS256),
                &rsa_keys(),
                NOW
            )),
            "unknown kid \"k-gone\""
        );
        // A kid on an HS256 token must match a local HMAC key's kid too.
        let hs = sign_raw(
            &json!({"alg": "HS256", "kid": "x"}),
            &Value::Object(claims()),
            &hmac_signing(),
            Alg::HS256,
        );
        assert_eq!(
            reason(verify(&hs, &hs_policy(), &[hmac_verify()], NOW)),
            "unknown kid \"x\""
        );
        let bad_kid = sign_raw(
            &json!({"alg": "HS256", "kid": 7}),
            &Value::Object(claims()),
            &hmac_signing(),
            Alg::HS256,
        );
        assert_eq!(
            reason(verify(&bad_kid, &hs_policy(), &[hmac_verify()], NOW)),
            "header \"kid\" is not a string"
        );
    }

    #[test]
    fn retired_key_verifies_by_kid_and_without_one() {
        let policy = VerifyPolicy::new(Alg::RS256);
        let by_kid = mint(&retired_signing(Some("k-retired")), Alg::RS256, &claims()).unwrap();
        let verified = verify(&by_kid, &policy, &rsa_keys(), NOW).unwrap();
        assert_eq!(verified.kid_used.as_deref(), Some("k-retired"));

        // No kid: the current key is tried first, then the retired one.
        let no_kid = mint(&retired_signing(None), Alg::RS256, &claims()).unwrap();
        let verified = verify(&no_kid, &policy, &rsa_keys(), NOW).unwrap();
        assert_eq!(verified.kid_used.as_deref(), Some("k-retired"));
        let current = mint(&current_signing(None), Alg::RS256, &claims()).unwrap();
        let verified = verify(&current, &policy, &rsa_keys(), NOW).unwrap();
        assert_eq!(verified.kid_used.as_deref(), Some("k-current"));

        // The kid picks the key: a retired-key token claiming the current kid fails.
        let lying = mint(&retired_signing(Some("k-current")), Alg::RS256, &claims()).unwrap();
        assert_eq!(
            reason(verify(&lying, &policy, &rsa_keys(), NOW)),
            "signature does not match"
        );
    }

    #[test]
    fn candidates_put_current_keys_before_retired_ones() {
        let keys = rsa_keys();
        let order: Vec<_> = candidates(&keys, KeyFamily::Rsa, None)
            .unwrap()
            .iter()
            .map(|k| k.kid.clone().unwrap())
            .collect();
        assert_eq!(order, ["k-current", "k-retired"]);
    }

    #[test]
    fn jku_x5u_and_jwk_headers_are_never_used() {
        // An attacker signs with their own key and points at it every way a header can.
        let attacker = retired_signing(None);
        let header = json!({
            "alg": "RS256",
            "jku": "https://attacker.test/jwks.json",
            "x5u": "https://attacker.test/cert.pem",
            "jwk": {"kty": "RSA", "n": "AQAB", "e": "AQAB"},
            "x5c": ["MIIB"],
        });
        let token = sign_raw(&header, &Value::Object(claims()), &attacker, Alg::RS256);
        let only_current = vec![rsa_keys().remove(1)];
        let rejection =
            verify(&token, &VerifyPolicy::new(Alg::RS256), &only_current, NOW).unwrap_err();
        assert_eq!(rejection.reason, "signature does not match");
        assert_eq!(rejection.header, Some(header));
        // The same headers on a token our key signed change nothing.
        let ours = sign_raw(
            &json!({"alg": "RS256", "jku": "https://attacker.test/jwks.json"}),
            &Value::Object(claims()),
            &current_signing(None),
            Alg::RS256,
        );
        assert!(verify(&ours, &VerifyPolicy::new(Alg::RS256), &only_current, NOW).is_ok());
    }

    #[test]
    fn bad_signature_is_rejected_with_what_decoded() {
        let token = hs_token(&claims());
        let (input, signature) = token.rsplit_once('.').unwrap();
        let mut bytes = URL_SAFE_NO_PAD.decode(signature).unwrap();
        bytes[0] ^= 1;
        let tampered = format!("{input}.{}", URL_SAFE_NO_PAD.encode(&bytes));
        let rejection = verify(&tampered, &hs_policy(), &[hmac_verify()], NOW).unwrap_err();
        assert_eq!(rejection.reason, "signature does not match");
        assert_eq!(
            rejection.header,
            Some(json!({"alg": "HS256", "typ": "JWT"}))
        );
        assert_eq!(rejection.claims, Some(Value::Object(claims())));

        let wrong_secret = VerifyKey::hmac_bytes(b"another secret entirely".to_vec());
        assert_eq!(
            reason(verify(
                &token,
                &hs_policy(),
                &[wrong_secret.clone(), wrong_secret],
                NOW
            )),
            "signature does not match any of the 2 local keys"
        );
        let stripped = format!("{input}.");
        assert_eq!(
            reason(verify(&stripped, &hs_policy(), &[hmac_verify()], NOW)),
            "signature does not match"
        );
        let bad_b64 = format!("{input}.abc=");
        assert!(
            reason(verify(&bad_b64, &hs_policy(), &[hmac_verify()], NOW))
                .starts_with("signature is not base64url")
        );
    }

    #[test]
    fn expired_tokens_are_rejected_and_exp_is_exclusive() {
        let at = |exp: i64, leeway: u64| {
            let mut c = claims();
            c.insert("exp".into(), json!(exp));
            let policy = VerifyPolicy {
                leeway,
                ..hs_policy()
            };
            verify(&hs_token(&c), &policy, &[hmac_verify()], NOW)
        };
        assert!(at(NOW + 1, 0).is_ok());
        assert_eq!(reason(at(NOW, 0)), "token expired just now");
        assert_eq!(reason(at(NOW - 3 * 3600, 0)), "token expired 3h ago");
        assert_eq!(reason(at(NOW - 90, 0)), "token expired 1m30s ago");
        assert!(at(NOW - 9, 10).is_ok());
        assert_eq!(reason(at(NOW - 10, 10)), "token expired 10s ago");
        assert!(reason(at(i64::MIN, 0)).starts_with("token expired 106751"));
        assert!(
            at(i64::MIN, u64::MAX).is_ok(),
            "i64::MIN + u64::MAX leeway is i64::MAX"
        );
        assert!(at(i64::MAX, 0).is_ok());
        let rejection = at(NOW - 60, 0).unwrap_err();
        assert_eq!(rejection.claims.unwrap()["exp"], json!(NOW - 60));

        let mut fractional = claims();
        fractional.insert("exp".into(), json!(NOW as f64 + 0.5));
        assert!(verify(&hs_token(&fractional), &hs_policy(), &[hmac_verify()], NOW).is_ok());
        assert!(verify(
            &hs_token(&fractional),
            &hs_policy(),
            &[hmac_verify()],
            NOW + 1
        )
        .is_err());
    }

    #[test]
    fn not_yet_valid_tokens_are_rejected() {
        let at = |nbf: i64, leeway: u64| {
            let mut c = claims();
            c.insert("nbf".into(), json!(nbf));
            let policy = VerifyPolicy {
                leeway,
                ..hs_policy()
            };
            verify(&hs_token(&c), &policy, &[hmac_verify()], NOW)
        };
        assert!(at(NOW, 0).is_ok());
        assert!(at(NOW - 100, 0).is_ok());
        assert_eq!(
            reason(at(NOW + 300, 0)),
            "token is not valid yet (valid in 5m)"
        );
        assert_eq!(
            reason(at(NOW + 1, 0)),
            "token is not valid yet (valid in 1s)"
        );
        assert!(at(NOW + 30, 30).is_ok());
        assert!(at(NOW + 31, 30).is_err());
        assert!(reason(at(i64::MAX, 0)).starts_with("token is not valid yet (valid in 106751"));
        assert!(at(i64::MAX, u64::MAX).is_ok());
    }

    #[test]
    fn missing_or_malformed_times() {
        let mut no_exp = claims();
        no_exp.remove("exp");
        let token = hs_token(&no_exp);
        assert_eq!(
            reason(verify(&token, &hs_policy(), &[hmac_verify()], NOW)),
            "token has no exp (expiry) claim"
        );
        let lax = VerifyPolicy {
            require_exp: false,
            ..hs_policy()
        };
        assert!(verify(&token, &lax, &[hmac_verify()], NOW).is_ok());

        for (name, value, want) in [
            ("exp", json!("tomorrow"), "exp is not a number"),
            ("exp", json!(null), "exp is not a number"),
            ("nbf", json!([1]), "nbf is not a number"),
            ("iat", json!("now"), "iat is not a number"),
        ] {
            let mut c = claims();
            c.insert(name.into(), value);
            assert_eq!(
                reason(verify(&hs_token(&c), &hs_policy(), &[hmac_verify()], NOW)),
                want
            );
        }
    }

    #[test]
    fn iat_in_the_future_is_rejected_beyond_the_leeway() {
        let mut c = claims();
        c.insert("iat".into(), json!(NOW + 120));
        let token = hs_token(&c);
        let why = reason(verify(&token, &hs_policy(), &[hmac_verify()], NOW));
        assert!(why.starts_with("token is issued in the future"), "{why}");
        let lenient = VerifyPolicy {
            leeway: 120,
            ..hs_policy()
        };
        assert!(verify(&token, &lenient, &[hmac_verify()], NOW).is_ok());
    }

    #[test]
    fn wrong_type_is_rejected() {
        let policy = VerifyPolicy {
            expected_type: Some(TokenType::Access),
            ..hs_policy()
        };
        assert!(verify(&hs_token(&claims()), &policy, &[hmac_verify()], NOW).is_ok());
        for (value, want) in [
            (
                Some(json!("refresh")),
                "type is \"refresh\", expected \"access\"",
            ),
            (Some(json!(1)), "type is a number, expected \"access\""),
            (None, "token has no type claim, expected \"access\""),
        ] {
            let mut c = claims();
            match value {
                Some(v) => c.insert("type".into(), v),
                None => c.remove("type"),
            };
            assert_eq!(
                reason(verify(&hs_token(&c), &policy, &[hmac_verify()], NOW)),
                want
            );
        }
    }

    #[test]
    fn wrong_issuer_is_rejected() {
        let policy = VerifyPolicy {
            issuer: Some("authctl".into()),
            ..hs_policy()
        };
        for (value, ok_or_reason) in [
            (Some(json!("authctl")), None),
            (
                Some(json!("evil")),
                Some("iss is \"evil\", expected \"authctl\""),
            ),
            (
                Some(json!(["authctl"])),
                Some("iss is an array, expected \"authctl\""),
            ),
            (None, Some("token has no iss claim, expected \"authctl\"")),
        ] {
            let mut c = claims();
            if let Some(v) = value {
                c.insert("iss".into(), v);
            }
            let result = verify(&hs_token(&c), &policy, &[hmac_verify()], NOW);
            match ok_or_reason {
                None => assert!(result.is_ok()),
                Some(want) => assert_eq!(reason(result), want),
            }
        }
        // Without an issuer in the policy, iss is not checked.
        let mut c = claims();
        c.insert("iss".into(), json!("anyone"));
        assert!(verify(&hs_token(&c), &hs_policy(), &[hmac_verify()], NOW).is_ok());
    }

    #[test]
    fn wrong_audience_is_rejected() {
        let policy = VerifyPolicy {
            audience: Some("langflow".into()),
            ..hs_policy()
        };
        for (value, ok_or_reason) in [
            (Some(json!("langflow")), None),
            (Some(json!(["other", "langflow"])), None),
            (
                Some(json!("other")),
                Some("audience \"other\" does not include \"langflow\""),
            ),
            (
                Some(json!(["a", "b"])),
                Some("audience [\"a\",\"b\"] does not include \"langflow\""),
            ),
            (
                Some(json!([])),
                Some("audience [] does not include \"langflow\""),
            ),
            (
                Some(json!(7)),
                Some("audience 7 does not include \"langflow\""),
            ),
            (None, Some("token has no aud claim, expected \"langflow\"")),
        ] {
            let mut c = claims();
            if let Some(v) = value {
                c.insert("aud".into(), v);
            }
            let result = verify(&hs_token(&c), &policy, &[hmac_verify()], NOW);
            match ok_or_reason {
                None => assert!(result.is_ok()),
                Some(want) => assert_eq!(reason(result), want),
            }
        }
        let mut c = claims();
        c.insert("aud".into(), json!("someone-else"));
        assert!(verify(&hs_token(&c), &hs_policy(), &[hmac_verify()], NOW).is_ok());
    }

    #[test]
    fn crit_header_is_rejected() {
        let token = sign_raw(
            &json!({"alg": "HS256", "crit": ["b64"], "b64": false}),
            &Value::Object(claims()),
            &hmac_signing(),
            Alg::HS256,
        );
        assert_eq!(
            reason(verify(&token, &hs_policy(), &[hmac_verify()], NOW)),
            "header has \"crit\": no critical extensions are supported"
        );
    }

    #[test]
    fn missing_keys_are_rejections() {
        let token = hs_token(&claims());
        assert_eq!(
            reason(verify(&token, &hs_policy(), &[], NOW)),
            "no HMAC secret to verify with"
        );
        let rs = mint(&current_signing(None), Alg::RS256, &claims()).unwrap();
        assert_eq!(
            reason(verify(
                &rs,
                &VerifyPolicy::new(Alg::RS256),
                &[hmac_verify()],
                NOW
            )),
            "no RSA public key to verify with"
        );
    }

    #[test]
    fn malformed_tokens_are_rejections_with_what_decoded() {
        let rejection = verify("a.b", &hs_policy(), &[hmac_verify()], NOW).unwrap_err();
        assert!(rejection.reason.contains("found 2"));
        assert_eq!((rejection.header, rejection.claims), (None, None));

        let header = URL_SAFE_NO_PAD.encode(r#"{"alg":"HS256"}"#);
        let rejection = verify(
            &format!("{header}.!!.x"),
            &hs_policy(),
            &[hmac_verify()],
            NOW,
        )
        .unwrap_err();
        assert!(
            rejection.reason.starts_with("payload is not base64url"),
            "{}",
            rejection.reason
        );
        assert_eq!(rejection.header, Some(json!({"alg": "HS256"})));
        assert_eq!(rejection.claims, None);

        let error: Error = rejection.into();
        assert_eq!(error.exit_code(), 1);
    }

    #[test]
    fn checks_run_in_order_signature_before_claims() {
        // Expired AND badly signed: the signature is what is reported.
        let mut c = claims();
        c.insert("exp".into(), json!(NOW - 100));
        let token = mint(&SigningKey::hmac_bytes(b"other".to_vec()), Alg::HS256, &c).unwrap();
        assert_eq!(
            reason(verify(&token, &hs_policy(), &[hmac_verify()], NOW)),
            "signature does not match"
        );
    }

    #[test]
    fn rejection_serializes_for_json_output() {
        let rejection = verify("x.y.z", &hs_policy(), &[], NOW).unwrap_err();
        let value = serde_json::to_value(&rejection).unwrap();
        assert_eq!(value["header"], Value::Null);
        assert!(value["reason"].is_string());
        let verified = verify(&hs_token(&claims()), &hs_policy(), &[hmac_verify()], NOW).unwrap();
        let value = serde_json::to_value(&verified).unwrap();
        assert_eq!(value["claims"]["sub"], json!("alice"));
        assert_eq!(value["kid_used"], Value::Null);
    }
}
