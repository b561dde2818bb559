//! Claim sets for minted tokens, and `--claim KEY=VALUE` parsing.
//!
//! authctl alone sets the reserved claims (`sub`, `type`, `exp`, `iat`, `jti`): an
//! extra claim can never override them, and a claim given twice is refused rather
//! than silently replaced.

use serde_json::{Map, Value};

use super::TokenType;
use crate::error::{Error, Result};

/// Claims authctl sets itself and `--claim` may not touch.
pub const RESERVED_CLAIMS: [&str; 5] = ["sub", "exp", "iat", "jti", "type"];

/// Optional additions to [`standard_claims`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExtraClaims {
    /// `iss`, when given.
    pub issuer: Option<String>,
    /// `aud`, when given.
    pub audience: Option<String>,
    /// `--claim KEY=VALUE` pairs, in the order given (see [`parse_claim_arg`]).
    pub claims: Vec<(String, Value)>,
}

/// The claims of an authctl token: `sub`, `type`, `exp` (= `now + ttl`), `iat`,
/// a random UUID v4 `jti`, `iss`/`aud` when given, then the extra claims.
pub fn standard_claims(
    sub: &str,
    token_type: TokenType,
    now: i64,
    ttl: u64,
    extra: &ExtraClaims,
) -> Result<Map<String, Value>> {
    let mut claims = subject_claims(sub, token_type, now, ttl)?;
    claims.insert("iat".into(), Value::from(now));
    claims.insert(
        "jti".into(),
        Value::from(uuid::Uuid::new_v4().hyphenated().to_string()),
    );
    for (name, value) in [("iss", &extra.issuer), ("aud", &extra.audience)] {
        if let Some(value) = value {
            claims.insert(name.into(), Value::from(value.as_str()));
        }
    }
    for (key, value) in &extra.claims {
        check_claim_key(key)?;
        if claims.contains_key(key) {
            let flag = match key.as_str() {
                "iss" => " (by --issuer and --claim)",
                "aud" => " (by --audience and --claim)",
                _ => "",
            };
            return Err(Error::usage(format!(
                "claim {} is given twice{flag}",
                super::quoted(key)
            )));
        }
        claims.insert(key.clone(), value.clone());
    }
    Ok(claims)
}

/// Exactly `sub`, `type` and `exp`: what a Langflow server puts in its own
/// tokens and expects; authctl's own add to them.
pub fn subject_claims(
    sub: &str,
    token_type: TokenType,
    now: i64,
    ttl: u64,
) -> Result<Map<String, Value>> {
    if sub.is_empty() {
        return Err(Error::usage("the token subject (sub) is empty"));
    }
    if ttl == 0 {
        return Err(Error::usage(
            "--ttl is zero; a token needs a positive lifetime (e.g. 15m)",
        ));
    }
    let exp = i64::try_from(ttl)
        .ok()
        .and_then(|ttl| now.checked_add(ttl))
        .ok_or_else(|| {
            Error::usage("--ttl is too long: the expiry does not fit a timestamp; use e.g. 7d")
        })?;
    let mut claims = Map::new();
    claims.insert("sub".into(), Value::from(sub));
    claims.insert("type".into(), Value::from(token_type.as_str()));
    claims.insert("exp".into(), Value::from(exp));
    Ok(claims)
}

/// Parse `--claim KEY=VALUE`. VALUE is taken as JSON when it is valid JSON
/// (`42`, `true`, `null`, `"text"`, `[1,2]`, `{"a":1}`), otherwise as a string.
/// An empty KEY, a missing `=` and the reserved claims are usage errors.
pub fn parse_claim_arg(s: &str) -> Result<(String, Value)> {
    let Some((key, raw)) = s.split_once('=') else {
        return Err(Error::usage(format!(
            "--claim {} is not KEY=VALUE (e.g. --claim role=admin)",
            super::quoted(s)
        )));
    };
    if key.is_empty() {
        return Err(Error::usage(format!(
            "--claim {} has an empty key (e.g. --claim role=admin)",
            super::quoted(s)
        )));
    }
    check_claim_key(key)?;
    let value = serde_json::from_str::<Value>(raw).unwrap_or_else(|_| Value::from(raw));
    Ok((key.to_string(), value))
}

fn check_claim_key(key: &str) -> Result<()> {
    if key.is_empty() {
        return Err(Error::usage("a claim has an empty name"));
    }
    if RESERVED_CLAIMS.contains(&key) {
        return Err(Error::usage(format!(
            "--claim cannot set {}: authctl sets sub, type, exp, iat and jti itself",
            super::quoted(key)
        )));
    }
    Ok(())
}

/// A JSON NumericDate as whole seconds: integers as they are (clamped to `i64`),
/// fractions rounded up (a token valid "until 100.5" is valid at 100, not at 101).
/// `None` when the value is not a finite number.
pub fn numeric_date(value: &Value) -> Option<i64> {
    if let Some(n) = value.as_i64() {
        return Some(n);
    }
    if value.as_u64().is_some() {
        return Some(i64::MAX);
    }
    // `as` saturates for finite floats outside the i64 range.
    value
        .as_f64()
        .filter(|f| f.is_finite())
        .map(|f| f.ceil() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const NOW: i64 = 1_700_000_000;

    #[test]
    fn standard_claims_have_the_reserved_set() {
        let claims = standard_claims(
            "alice",
            TokenType::Access,
            NOW,
            3600,
            &ExtraClaims::default(),
        )
        .unwrap();
        let mut keys: Vec<&str> = claims.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["exp", "iat", "jti", "sub", "type"]);
        assert_eq!(claims["sub"], json!("alice"));
        assert_eq!(claims["type"], json!("access"));
        assert_eq!(claims["exp"], json!(NOW + 3600));
        assert_eq!(claims["iat"], json!(NOW));
        let jti = uuid::Uuid::parse_str(claims["jti"].as_str().unwrap()).unwrap();
        assert_eq!(jti.get_version_num(), 4);

        let again = standard_claims(
            "alice",
            TokenType::Access,
            NOW,
            3600,
            &ExtraClaims::default(),
        )
        .unwrap();
        assert_ne!(claims["jti"], again["jti"], "jti must be fresh per token");
    }

    #[test]
    fn standard_claims_add_issuer_audience_and_extras() {
        let extra = ExtraClaims {
            issuer: Some("authctl".into()),
            audience: Some("langflow".into()),
            claims: vec![
                ("role".into(), json!("admin")),
                ("level".into(), json!(3)),
                ("nbf".into(), json!(NOW + 60)),
            ],
        };
        let claims = standard_claims("bob", TokenType::Refresh, NOW, 60, &extra).unwrap();
        assert_eq!(claims["iss"], json!("authctl"));
        assert_eq!(claims["aud"], json!("langflow"));
        assert_eq!(claims["role"], json!("admin"));
        assert_eq!(claims["level"], json!(3));
        assert_eq!(claims["nbf"], json!(NOW + 60));
        assert_eq!(claims["type"], json!("refresh"));
    }

    #[test]
    fn standard_claims_refuse_collisions_and_overflow() {
        let with = |claims: Vec<(&str, Value)>, issuer: Option<&str>| ExtraClaims {
            issuer: issuer.map(str::to_string),
            audience: None,
            claims: claims
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        };
        let cases = [
            (with(vec![("exp", json!(1))], None), "cannot set \"exp\""),
            (with(vec![("", json!(1))], None), "empty name"),
            (
                with(vec![("role", json!(1)), ("role", json!(2))], None),
                "claim \"role\" is given twice",
            ),
            (
                with(vec![("iss", json!("x"))], Some("y")),
                "\"iss\" is given twice (by --issuer and --claim)",
            ),
        ];
        for (extra, needle) in cases {
            let err = standard_claims("a", TokenType::Access, NOW, 60, &extra).unwrap_err();
            assert_eq!(err.exit_code(), 2);
            assert!(err.to_string().contains(needle), "{err}");
        }
        let ok = with(vec![("iss", json!("x"))], None);
        assert!(standard_claims("a", TokenType::Access, NOW, 60, &ok).is_ok());

        for (now, ttl) in [(i64::MAX - 10, 11), (0, u64::MAX), (0, 0)] {
            let err = standard_claims("a", TokenType::Access, now, ttl, &ExtraClaims::default())
                .unwrap_err();
            assert!(err.to_string().contains("--ttl"), "{err}");
        }
        assert!(subject_claims("", TokenType::Access, NOW, 60).is_err());
    }

    #[test]
    fn subject_claims_are_exactly_sub_type_exp() {
        let claims = subject_claims(
            "3fa85f64-5717-4562-b3fc-2c963f66afa6",
            TokenType::Access,
            NOW,
            3600,
        )
        .unwrap();
        assert_eq!(
            Value::Object(claims),
            json!({"sub": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "type": "access", "exp": NOW + 3600})
        );
    }

    #[test]
    fn parse_claim_arg_table() {
        let ok: &[(&str, &str, Value)] = &[
            ("role=admin", "role", json!("admin")),
            ("n=42", "n", json!(42)),
            ("n=-1.5", "n", json!(-1.5)),
            ("flag=true", "flag", json!(true)),
            ("flag=false", "flag", json!(false)),
            ("nothing=null", "nothing", json!(null)),
            ("quoted=\"42\"", "quoted", json!("42")),
            ("list=[1,\"a\"]", "list", json!([1, "a"])),
            ("obj={\"a\":{\"b\":1}}", "obj", json!({"a": {"b": 1}})),
            ("broken={\"a\":", "broken", json!("{\"a\":")),
            ("empty=", "empty", json!("")),
            ("eq=a=b", "eq", json!("a=b")),
            (
                "url=https://x.test/?q=1",
                "url",
                json!("https://x.test/?q=1"),
            ),
            ("True=True", "True", json!("True")),
            ("big=1e400", "big", json!("1e400")),
            ("SUB=x", "SUB", json!("x")),
            ("iss=me", "iss", json!("me")),
            ("nbf=1700000000", "nbf", json!(1_700_000_000)),
            ("spaced= 7 ", "spaced", json!(7)),
        ];
        for (arg, key, value) in ok {
            assert_eq!(
                parse_claim_arg(arg).unwrap(),
                (key.to_string(), value.clone()),
                "{arg}"
            );
        }
        let bad: &[(&str, &str)] = &[
            ("role", "is not KEY=VALUE"),
            ("", "is not KEY=VALUE"),
            ("=x", "has an empty key"),
            ("sub=bob", "cannot set \"sub\""),
            ("exp=1", "cannot set \"exp\""),
            ("iat=1", "cannot set \"iat\""),
            ("jti=x", "cannot set \"jti\""),
            ("type=refresh", "cannot set \"type\""),
        ];
        for (arg, needle) in bad {
            let err = parse_claim_arg(arg).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{arg}");
            assert!(err.to_string().contains(needle), "{arg}: {err}");
        }
    }

    #[test]
    fn deeply_nested_claim_values_fall_back_to_a_string() {
        let deep = format!("d={}", "[".repeat(100_000));
        let (_, value) = parse_claim_arg(&deep).unwrap();
        assert!(value.is_string());
    }

    #[test]
    fn numeric_dates() {
        let cases = [
            (json!(5), Some(5)),
            (json!(-5), Some(-5)),
            (json!(100.5), Some(101)),
            (json!(100.0), Some(100)),
            (json!(u64::MAX), Some(i64::MAX)),
            (json!(1e300), Some(i64::MAX)),
            (json!(-1e300), Some(i64::MIN)),
            (json!("5"), None),
            (json!(null), None),
            (json!([5]), None),
        ];
        for (value, want) in cases {
            assert_eq!(numeric_date(&value), want, "{value}");
        }
    }
}
