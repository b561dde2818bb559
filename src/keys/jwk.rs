//! RFC 7638 JWK thumbprints and public JWKs for RSA keys.
//!
//! Invariants: the thumbprint hashes exactly `{"e":…,"kty":"RSA","n":…}`
//! (members in lexicographic order, no whitespace, unsigned big-endian
//! integers without leading zero bytes, base64url unpadded); a JWK made
//! here carries public members only.

use base64::Engine as _;
use rsa::traits::PublicKeyParts;
use rsa::{BigUint, RsaPublicKey};
use sha2::{Digest, Sha256};

fn b64url_uint(value: &BigUint) -> String {
    // `to_bytes_be` has no leading zero bytes (and gives [0] for zero).
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(value.to_bytes_be())
}

/// The RFC 7638 SHA-256 thumbprint of the key, base64url unpadded; used as `kid`.
pub fn thumbprint(key: &RsaPublicKey) -> String {
    // Base64url never needs JSON escaping, so the members are written as is.
    let canonical = format!(
        r#"{{"e":"{}","kty":"RSA","n":"{}"}}"#,
        b64url_uint(key.e()),
        b64url_uint(key.n())
    );
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(canonical.as_bytes()))
}

/// The public JWK, with `alg` left out when it is not known.
pub(crate) fn jwk_value(key: &RsaPublicKey, alg: Option<&str>) -> serde_json::Value {
    let mut jwk = serde_json::Map::new();
    jwk.insert("kty".into(), "RSA".into());
    jwk.insert("use".into(), "sig".into());
    if let Some(alg) = alg {
        jwk.insert("alg".into(), alg.into());
    }
    jwk.insert("kid".into(), thumbprint(key).into());
    jwk.insert("n".into(), b64url_uint(key.n()).into());
    jwk.insert("e".into(), b64url_uint(key.e()).into());
    serde_json::Value::Object(jwk)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::testkeys;

    fn from_b64url(s: &str) -> BigUint {
        BigUint::from_bytes_be(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(s)
                .unwrap(),
        )
    }

    #[test]
    fn rfc7638_section_3_1_example() {
        let n = from_b64url(concat!(
            "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECP",
            "ebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2Qvzq",
            "Y368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0f",
            "M4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"
        ));
        let e = from_b64url("AQAB");
        let key = RsaPublicKey::new(n, e).unwrap();
        assert_eq!(
            thumbprint(&key),
            "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
        );
    }

    #[test]
    fn fixture_thumbprints_match_python() {
        // python3 -c "import json,hashlib,base64; from cryptography.hazmat.primitives.serialization import load_pem_public_key as l
        // k=l(open('rsa2048-pkcs8.pub.pem','rb').read()).public_numbers(); b=lambda i: base64.urlsafe_b64encode(i.to_bytes((i.bit_length()+7)//8,'big')).rstrip(b'=').decode()
        // print(base64.urlsafe_b64encode(hashlib.sha256(json.dumps({'e':b(k.e),'kty':'RSA','n':b(k.n)},separators=(',',':'),sort_keys=True).encode()).digest()).rstrip(b'=').decode())"
        let key = crate::keys::parse_public_pem(testkeys::PKCS8_PUB).unwrap();
        assert_eq!(thumbprint(&key), EXPECTED_PKCS8_THUMBPRINT);
        let key = crate::keys::parse_public_pem(testkeys::PKCS1_PUB).unwrap();
        assert_eq!(thumbprint(&key), EXPECTED_PKCS1_THUMBPRINT);
    }

    const EXPECTED_PKCS8_THUMBPRINT: &str = "xH7a1CsTroKPv8DCVIenkbsPvn47aoaKP9Jq9tXsUGU";
    const EXPECTED_PKCS1_THUMBPRINT: &str = "U3fadn0XgJh6I6bb7cT-n7H5t3yUaESeCkE1WSL3wSQ";

    #[test]
    fn jwk_has_public_members_only() {
        let key = testkeys::pkcs8().to_public_key();
        let jwk = jwk_value(&key, Some("RS256"));
        let object = jwk.as_object().unwrap();
        let mut names: Vec<&str> = object.keys().map(String::as_str).collect();
        names.sort_unstable();
        assert_eq!(names, ["alg", "e", "kid", "kty", "n", "use"]);
        assert_eq!(jwk["kty"], "RSA");
        assert_eq!(jwk["use"], "sig");
        assert_eq!(jwk["alg"], "RS256");
        assert_eq!(jwk["e"], "AQAB");
        assert_eq!(jwk["kid"], thumbprint(&key).as_str());
        assert_eq!(from_b64url(jwk["n"].as_str().unwrap()), *key.n());
        // No leading zero byte even when the top bit of n is set.
        let n = jwk["n"].as_str().unwrap();
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(n)
            .unwrap();
        assert_eq!(bytes.len(), 256);
        assert_ne!(bytes[0], 0);
        assert!(jwk_value(&key, None).get("alg").is_none());
    }
}
