//! RFC 7515 Appendix A.1 (HS256) and A.2 (RS256) vectors, held against `verify`
//! and against the signer (both schemes are deterministic, so the RFC's signatures
//! must come out byte for byte). The A.2 PEMs are built here from the RFC's JWK.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use rsa::pkcs8::{EncodePrivateKey, EncodePublicKey, LineEnding};
use rsa::{BigUint, RsaPrivateKey, RsaPublicKey};
use serde_json::{json, Value};

use super::{verify, Alg, SigningKey, VerifyKey, VerifyPolicy};

/// A.1: the `k` of the symmetric JWK (its decoded bytes are the HMAC key).
const A1_K: &str =
    "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";
const A1_TOKEN: &str = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

/// A.2: the RSA JWK.
const A2_N: &str = "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ";
const A2_E: &str = "AQAB";
const A2_D: &str = "Eq5xpGnNCivDflJsRQBXHx1hdR1k6Ulwe2JZD50LpXyWPEAeP88vLNO97IjlA7_GQ5sLKMgvfTeXZx9SE-7YwVol2NXOoAJe46sui395IW_GO-pWJ1O0BkTGoVEn2bKVRUCgu-GjBVaYLU6f3l9kJfFNS3E0QbVdxzubSu3Mkqzjkn439X0M_V51gfpRLI9JYanrC4D4qAdGcopV_0ZHHzQlBjudU2QvXt4ehNYTCBr6XCLQUShb1juUO1ZdiYoFaFQT5Tw8bGUl_x_jTj3ccPDVZFD9pIuhLhBOneufuBiB4cS98l2SR_RQyGWSeWjnczT0QU91p1DhOVRuOopznQ";
const A2_P: &str = "4BzEEOtIpmVdVEZNCqS7baC4crd0pqnRH_5IB3jw3bcxGn6QLvnEtfdUdiYrqBdss1l58BQ3KhooKeQTa9AB0Hw_Py5PJdTJNPY8cQn7ouZ2KKDcmnPGBY5t7yLc1QlQ5xHdwW1VhvKn-nXqhJTBgIPgtldC-KDV5z-y2XDwGUc";
const A2_Q: &str = "uQPEfgmVtjL0Uyyx88GZFF1fOunH3-7cepKmtH4pxhtCoHqpWmT8YAmZxaewHgHAjLYsp1ZSe7zFYHj7C6ul7TjeLQeZD_YwD66t62wDmpe_HlB-TnBA-njbglfIsRLtXlnDzQkv5dTltRJ11BKBBypeeF6689rjcJIDEz9RWdc";
const A2_TOKEN: &str = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw";

/// Both vectors expire at 1300819380 (2011-03-22T18:43:00Z).
const EXP: i64 = 1_300_819_380;
const BEFORE_EXP: i64 = EXP - 1;

fn b64(s: &str) -> Vec<u8> {
    URL_SAFE_NO_PAD.decode(s).unwrap()
}

fn big(s: &str) -> BigUint {
    BigUint::from_bytes_be(&b64(s))
}

fn a1_key() -> VerifyKey {
    VerifyKey::hmac_bytes(b64(A1_K))
}

fn a2_public_pem() -> String {
    RsaPublicKey::new(big(A2_N), big(A2_E))
        .unwrap()
        .to_public_key_pem(LineEnding::LF)
        .unwrap()
}

fn a2_private_pem() -> String {
    let key =
        RsaPrivateKey::from_components(big(A2_N), big(A2_E), big(A2_D), vec![big(A2_P), big(A2_Q)])
            .unwrap();
    key.to_pkcs8_pem(LineEnding::LF).unwrap().to_string()
}

fn a2_key() -> VerifyKey {
    VerifyKey::rsa_public_pem(&a2_public_pem(), Some("2010-12-29".into())).unwrap()
}

fn expected_claims() -> Value {
    json!({"iss": "joe", "exp": EXP, "http://example.com/is_root": true})
}

/// Change one byte of the decoded segment `part` (0 header, 1 payload, 2 signature)
/// and re-encode, so the token stays well-formed and only the signature can object.
fn with_byte_changed(token: &str, part: usize, index: usize, to: u8) -> String {
    let mut segments: Vec<String> = token.split('.').map(str::to_string).collect();
    let mut bytes = b64(&segments[part]);
    assert_ne!(bytes[index], to);
    bytes[index] = to;
    segments[part] = URL_SAFE_NO_PAD.encode(bytes);
    segments.join(".")
}

/// Change one base64url character of segment `part` (before its last character).
fn with_char_changed(token: &str, part: usize) -> String {
    let mut segments: Vec<String> = token.split('.').map(str::to_string).collect();
    let mut chars: Vec<char> = segments[part].chars().collect();
    let i = chars.len() / 2;
    chars[i] = if chars[i] == 'A' { 'B' } else { 'A' };
    segments[part] = chars.into_iter().collect();
    segments.join(".")
}

#[test]
fn a1_hs256_verifies_before_exp() {
    let verified = verify(
        A1_TOKEN,
        &VerifyPolicy::new(Alg::HS256),
        &[a1_key()],
        BEFORE_EXP,
    )
    .unwrap();
    assert_eq!(verified.header, json!({"typ": "JWT", "alg": "HS256"}));
    assert_eq!(verified.claims, expected_claims());
    assert_eq!(verified.kid_used, None);
}

#[test]
fn a1_hs256_is_expired_at_exp() {
    let rejection = verify(A1_TOKEN, &VerifyPolicy::new(Alg::HS256), &[a1_key()], EXP).unwrap_err();
    assert_eq!(rejection.reason, "token expired just now");
    assert_eq!(rejection.claims, Some(expected_claims()));
}

#[test]
fn a1_hs256_signature_is_reproduced() {
    let (input, signature) = A1_TOKEN.rsplit_once('.').unwrap();
    let key = SigningKey::hmac_bytes(b64(A1_K)).encoding_key().unwrap();
    super::ensure_crypto_provider();
    let ours =
        jsonwebtoken::crypto::sign(input.as_bytes(), &key, jsonwebtoken::Algorithm::HS256).unwrap();
    assert_eq!(ours, signature);
}

#[test]
fn a1_hs256_fails_with_one_byte_changed_anywhere() {
    let policy = VerifyPolicy::new(Alg::HS256);
    // header `{"typ":"JWT",…`: JWT -> KWT; payload `{"iss":"joe",…`: joe -> Joe.
    for tampered in [
        with_byte_changed(A1_TOKEN, 0, 8, b'K'),
        with_byte_changed(A1_TOKEN, 1, 8, b'J'),
        with_byte_changed(
            A1_TOKEN,
            2,
            0,
            b64(A1_TOKEN.rsplit('.').next().unwrap())[0] ^ 1,
        ),
    ] {
        let rejection = verify(&tampered, &policy, &[a1_key()], BEFORE_EXP).unwrap_err();
        assert_eq!(rejection.reason, "signature does not match", "{tampered}");
    }
    for part in 0..3 {
        let tampered = with_char_changed(A1_TOKEN, part);
        assert!(
            verify(&tampered, &policy, &[a1_key()], BEFORE_EXP).is_err(),
            "{tampered}"
        );
    }
}

#[test]
fn a2_rs256_verifies_before_exp() {
    let verified = verify(
        A2_TOKEN,
        &VerifyPolicy::new(Alg::RS256),
        &[a2_key()],
        BEFORE_EXP,
    )
    .unwrap();
    assert_eq!(verified.header, json!({"alg": "RS256"}));
    assert_eq!(verified.claims, expected_claims());
    // The token has no kid, so the only RSA key was tried and is reported.
    assert_eq!(verified.kid_used.as_deref(), Some("2010-12-29"));

    let rejection = verify(A2_TOKEN, &VerifyPolicy::new(Alg::RS256), &[a2_key()], EXP).unwrap_err();
    assert_eq!(rejection.reason, "token expired just now");
    let rejection = verify(
        A2_TOKEN,
        &VerifyPolicy::new(Alg::RS512),
        &[a2_key()],
        BEFORE_EXP,
    )
    .unwrap_err();
    assert_eq!(
        rejection.reason,
        "algorithm RS256 is not allowed (expected RS512)"
    );
}

#[test]
fn a2_rs256_signature_is_reproduced() {
    let (input, signature) = A2_TOKEN.rsplit_once('.').unwrap();
    let key = SigningKey::rsa_pem(a2_private_pem(), None)
        .encoding_key()
        .unwrap();
    super::ensure_crypto_provider();
    let ours =
        jsonwebtoken::crypto::sign(input.as_bytes(), &key, jsonwebtoken::Algorithm::RS256).unwrap();
    assert_eq!(ours, signature);
}

#[test]
fn a2_rs256_fails_with_one_byte_changed_anywhere() {
    let policy = VerifyPolicy::new(Alg::RS256);
    let keys = [a2_key()];
    // The header `{"alg":"RS256"}` has no byte that can change and still name RS256,
    // so a changed byte is caught before the signature: `"alg"` -> `"alG"`.
    let header_changed = with_byte_changed(A2_TOKEN, 0, 4, b'G');
    let rejection = verify(&header_changed, &policy, &keys, BEFORE_EXP).unwrap_err();
    assert_eq!(rejection.reason, "header has no \"alg\"");
    // An equivalent header spelled with different bytes is caught by the signature.
    let respelled = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(br#"{"alg":"RS256" }"#),
        A2_TOKEN.split_once('.').unwrap().1
    );
    let rejection = verify(&respelled, &policy, &keys, BEFORE_EXP).unwrap_err();
    assert_eq!(rejection.reason, "signature does not match");

    let signature = b64(A2_TOKEN.rsplit('.').next().unwrap());
    for tampered in [
        with_byte_changed(A2_TOKEN, 1, 8, b'J'),
        with_byte_changed(A2_TOKEN, 2, 0, signature[0] ^ 1),
        with_byte_changed(A2_TOKEN, 2, 255, signature[255] ^ 0x80),
    ] {
        let rejection = verify(&tampered, &policy, &keys, BEFORE_EXP).unwrap_err();
        assert_eq!(rejection.reason, "signature does not match", "{tampered}");
    }
    for part in 0..3 {
        let tampered = with_char_changed(A2_TOKEN, part);
        assert!(
            verify(&tampered, &policy, &keys, BEFORE_EXP).is_err(),
            "{tampered}"
        );
    }
}

#[test]
fn a2_key_built_from_the_jwk_matches_the_private_half() {
    let derived = SigningKey::rsa_pem(a2_private_pem(), None)
        .verify_key()
        .unwrap();
    match derived.material {
        super::KeyMaterial::RsaPublicDer(der) => {
            let expected = a2_key().material;
            assert!(matches!(expected, super::KeyMaterial::RsaPublicDer(d) if d == der));
        }
        other => panic!("{other:?}"),
    }
}
