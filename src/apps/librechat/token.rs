//! LibreChat's tokens, as `@librechat/data-schemas` signs them
//! (`signPayload` = jsonwebtoken's `sign(payload, secret, { expiresIn })`,
//! HS256, which adds `iat` and `exp`):
//!
//! - access (`generateToken`): `{ id, username, provider, email }` under
//!   `JWT_SECRET`, for `SESSION_EXPIRY` milliseconds;
//! - refresh (`generateRefreshToken`): `{ id, sessionId }` under
//!   `JWT_REFRESH_SECRET`, until the session expires; the session holds
//!   the token's SHA-256 (`refreshTokenHash`).
//!
//! The server accepts an access token whose signature holds and whose `id`
//! is a user in MongoDB (`jwtStrategy.js`), and a refresh token only while
//! a session of that user holds its hash.

use crate::error::{Error, Result};
use serde_json::{Map, Value};

/// The claims `--claim` may set on an access token, beside `id`.
pub const ACCESS_FIELDS: [&str; 3] = ["username", "provider", "email"];

/// Whether `s` is a MongoDB ObjectId as LibreChat's ids are: 24 hex digits.
pub fn is_object_id(s: &str) -> bool {
    s.len() == 24 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A new ObjectId: 4 bytes of Unix seconds, 8 random bytes.
pub fn object_id(now: i64) -> Result<String> {
    let rest = crate::secrets::random_array::<8>()?;
    let secs = u32::try_from(now).unwrap_or(0);
    Ok(format!(
        "{}{}",
        hex::encode(secs.to_be_bytes()),
        hex::encode(rest)
    ))
}

/// An access token's claims: `id`, then the fields given (in LibreChat's
/// order, `provider` defaulting to `local`), `iat` and `exp`.
pub fn access_claims(
    id: &str,
    fields: &Map<String, Value>,
    iat: i64,
    ttl: u64,
) -> Result<Map<String, Value>> {
    if let Some(other) = fields.keys().find(|k| !ACCESS_FIELDS.contains(&k.as_str())) {
        return Err(Error::usage(format!(
            "LibreChat's access tokens carry id, username, provider and email; --claim {other}=… is not one of them (drop it)"
        )));
    }
    let mut claims = Map::new();
    claims.insert("id".into(), id.into());
    for name in ACCESS_FIELDS {
        match fields.get(name) {
            Some(v) => {
                claims.insert(name.into(), v.clone());
            }
            None if name == "provider" => {
                claims.insert(name.into(), "local".into());
            }
            None => {}
        }
    }
    claims.insert("iat".into(), iat.into());
    claims.insert("exp".into(), iat.saturating_add(ttl as i64).into());
    Ok(claims)
}

/// A refresh token's claims: `id`, `sessionId`, `iat`, `exp`.
pub fn refresh_claims(id: &str, session_id: &str, iat: i64, ttl: u64) -> Map<String, Value> {
    let mut claims = Map::new();
    claims.insert("id".into(), id.into());
    claims.insert("sessionId".into(), session_id.into());
    claims.insert("iat".into(), iat.into());
    claims.insert("exp".into(), iat.saturating_add(ttl as i64).into());
    claims
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_in_librechat_shape() {
        let mut fields = Map::new();
        fields.insert("email".into(), "a@b.c".into());
        let c = access_claims("65f0c0ffee0000000000abcd", &fields, 100, 900).unwrap();
        let keys: Vec<&str> = c.keys().map(String::as_str).collect();
        assert_eq!(keys, ["id", "provider", "email", "iat", "exp"]);
        assert_eq!(c["exp"], 1000);
        fields.insert("role".into(), "ADMIN".into());
        assert!(access_claims("x", &fields, 0, 1).is_err());
        let r = refresh_claims("a", "b", 5, 10);
        assert_eq!(r["sessionId"], "b");
        assert_eq!(r["exp"], 15);
    }

    #[test]
    fn object_ids() {
        let id = object_id(0x65f0_0000).unwrap();
        assert!(is_object_id(&id) && id.starts_with("65f00000"), "{id}");
        assert!(!is_object_id("65f0"));
        assert!(!is_object_id(&"g".repeat(24)));
    }
}
