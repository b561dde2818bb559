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

use super::expr::{self, Reading};
use super::{required, DotenvSecret};
use crate::apps::tokens::{
    hmac_key, verify_hmac_pair, wider_hmac, Accepted, Checked, MintRequest, Minted, Subject,
    VerifyRequest,
};
use crate::error::{Error, Result};
use crate::profile::Setting;
use crate::settings::Settings;
use crate::token::{self, Alg, TokenType};
use secrecy::SecretString;
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

/// A lifetime from `--ttl`, else what LibreChat makes of `setting`'s
/// variable (in milliseconds): settings resolved it, with LibreChat's
/// default where the variable is unset or LibreChat ignores it; a number
/// LibreChat cannot use, or a form authctl does not evaluate, is refused.
fn lifetime(s: &Settings, arg: Option<&str>, setting: Setting) -> Result<u64> {
    if let Some(t) = arg {
        return token::parse_ttl(t);
    }
    let resolved = match setting {
        Setting::RefreshTokenTtl => s.refresh_ttl,
        _ => s.access_ttl,
    };
    let name = s.var_name(setting);
    let Some(text) = s.lookup(name) else {
        return Ok(resolved);
    };
    let shown = expr::shown(text);
    match expr::read(text) {
        Reading::Number(ms) => expr::seconds(ms).map_err(|why| {
            Error::usage(format!(
                "{name}=\"{shown}\": {why}; fix it, or pass --ttl"
            ))
        }),
        // LibreChat uses its default then (settings warns).
        Reading::Fallback(_) => Ok(resolved),
        Reading::Unknown(why) => Err(Error::usage(format!(
            "{name}=\"{shown}\": authctl does not evaluate {why}; write plain milliseconds (1000 * 60 * 15), or pass --ttl"
        ))),
    }
}

/// `token mint`: the token, and for a refresh token the session it needs.
#[derive(serde::Serialize)]
struct Made {
    token: String,
    #[serde(rename = "type")]
    token_type: &'static str,
    user_id: String,
    expires_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    session_id: Option<String>,
    /// What the session's `refreshTokenHash` must hold (SHA-256 hex).
    #[serde(skip_serializing_if = "Option::is_none")]
    refresh_token_hash: Option<String>,
    /// Whether that session was stored (where `MONGO_URI` names the
    /// database).
    #[serde(skip_serializing_if = "Option::is_none")]
    session_stored: Option<bool>,
}

pub(super) fn mint(s: &Settings, req: &MintRequest) -> Result<Minted> {
    if !is_object_id(req.user) {
        return Err(Error::usage(format!(
            "--user \"{}\" is not a MongoDB id: LibreChat's tokens name a user by the 24 hex digits of its _id in the users collection",
            crate::output::shown(req.user)
        )));
    }
    if req.alg.is_some_and(|a| a != Alg::HS256) {
        return Err(Error::usage(
            "LibreChat signs its tokens with HS256 only; drop --alg",
        ));
    }
    if req.issuer.is_some() || req.audience.is_some() {
        return Err(Error::usage(
            "LibreChat's tokens carry no issuer or audience; drop --iss and --aud",
        ));
    }
    let mut fields = Map::new();
    for c in req.claims {
        let (k, v) = token::parse_claim_arg(c)?;
        fields.insert(k, v);
    }
    let iat = crate::clock::unix_now();
    let refresh = req.kind == TokenType::Refresh;
    let (secret, claims, session_id) = if refresh {
        let session_id = match fields.remove("sessionId") {
            Some(Value::String(id)) if is_object_id(&id) => id,
            Some(other) => {
                return Err(Error::usage(format!(
                    "--claim sessionId={other} is not a MongoDB id (24 hex digits)"
                )))
            }
            None => object_id(iat)?,
        };
        if let Some(k) = fields.keys().next() {
            return Err(Error::usage(format!(
                "LibreChat's refresh tokens carry id and sessionId only; --claim {k}=… is not one of them (drop it)"
            )));
        }
        let ttl = lifetime(s, req.ttl, Setting::RefreshTokenTtl)?;
        let claims = refresh_claims(req.user, &session_id, iat, ttl);
        (
            required(s, DotenvSecret::JwtRefreshSecret)?,
            claims,
            Some(session_id),
        )
    } else {
        let ttl = lifetime(s, req.ttl, Setting::AccessTokenTtl)?;
        let claims = access_claims(req.user, &fields, iat, ttl)?;
        (required(s, DotenvSecret::JwtSecret)?, claims, None)
    };
    let jwt = token::mint(&hmac_key(&secret), Alg::HS256, &claims)?;
    let exp = claims.get("exp").and_then(Value::as_i64).unwrap_or(iat);
    let hash = refresh.then(|| token::token_sha256_hex(&jwt));
    // A refresh token works only with its session: stored where the
    // database is named.
    let database = s
        .lookup(super::MONGO_URI)
        .is_some_and(|u| !u.trim().is_empty());
    let stored = match (&session_id, &hash) {
        (Some(sid), Some(h)) if database => {
            let record = crate::store::RefreshToken {
                jti: sid.clone(),
                user_id: req.user.to_string(),
                issued_at: crate::clock::unix_to_rfc3339(iat),
                expires_at: crate::clock::unix_to_rfc3339(exp),
                revoked_at: None,
            };
            crate::store::open_write(s)?
                .refresh_tokens_mut()?
                .record_refresh_token(&record, h)?;
            Some(true)
        }
        (Some(_), Some(_)) => Some(false),
        _ => None,
    };
    let note = match (&session_id, &hash) {
        (Some(sid), Some(_)) if stored == Some(true) => format!(
            "stored session {sid} of user {}: LibreChat accepts this refresh token until it expires or the session is revoked (`authctl --profile librechat token revoke`)",
            req.user
        ),
        (Some(sid), Some(h)) => format!(
            "LibreChat accepts this refresh token only while user {}'s session {sid} with refreshTokenHash {h} is in MongoDB; with MONGO_URI set (LibreChat's .env), authctl stores that session",
            req.user
        ),
        _ => format!(
            "LibreChat accepts this access token while user {} exists in MongoDB; send it as `Authorization: Bearer …`",
            req.user
        ),
    };
    let line = jwt.clone();
    Ok(Minted::new(
        Made {
            token: jwt,
            token_type: if refresh { "refresh" } else { "access" },
            user_id: req.user.to_string(),
            expires_at: crate::clock::unix_to_rfc3339(exp),
            session_id,
            refresh_token_hash: hash,
            session_stored: stored,
        },
        line,
        note,
    ))
}

/// `token verify`: which secret signed it says which token it is; the
/// user is the `id` claim, in MongoDB, out of reach.
pub(super) fn check(s: &Settings, raw: &str, req: &VerifyRequest) -> Result<Checked> {
    let access = required(s, DotenvSecret::JwtSecret)?;
    let refresh = match s.lookup("JWT_REFRESH_SECRET") {
        Some(v) if !v.is_empty() => Some(SecretString::from(v.to_string())),
        _ => None,
    };
    let decoded = match token::decode_unverified(raw) {
        Ok(d) => d,
        Err(e) => return Checked::invalid(e.one_line(), None, None),
    };
    let mut ours = vec![&access];
    ours.extend(refresh.as_ref());
    if let Some(why) = wider_hmac(&decoded, &ours, "LibreChat") {
        return Checked::invalid(why, None, None);
    }
    let (kind, verified) =
        verify_hmac_pair(raw, &decoded, &access, refresh.as_ref(), (None, None), req);
    let verified = match verified {
        Ok(v) => v,
        Err(r) => {
            let reason = if refresh.is_none() && r.reason.contains("signature") {
                format!(
                    "{} (JWT_REFRESH_SECRET is not set, so a refresh token cannot be told)",
                    r.reason
                )
            } else {
                r.reason
            };
            return Checked::invalid(reason, r.header, r.claims);
        }
    };
    let (header, claims) = (verified.header, verified.claims);
    if let Some(wanted) = req.expected {
        if wanted != kind {
            return Checked::invalid(
                format!(
                    "it is signed with {}, so it is a {} token, not a {} one",
                    if kind == TokenType::Refresh {
                        "JWT_REFRESH_SECRET"
                    } else {
                        "JWT_SECRET"
                    },
                    kind.as_str(),
                    wanted.as_str()
                ),
                Some(header),
                Some(claims),
            );
        }
    }
    let Some(id) = claims.get("id").and_then(Value::as_str).map(str::to_string) else {
        return Checked::invalid(
            "it has no id claim, so LibreChat finds no user for it and refuses it".into(),
            Some(header),
            Some(claims),
        );
    };
    Ok(Checked::Valid(Box::new(Accepted {
        header,
        claims,
        kind: Some(kind),
        meta: None,
        what: format!("LibreChat {} token", kind.as_str()),
        subject: Subject {
            claim: "id",
            id,
            lookup: false,
            named: true,
        },
        place: String::new(),
        needs: match kind {
            TokenType::Refresh => "; LibreChat also needs the user and a session holding this token's hash in MongoDB, which authctl does not check",
            TokenType::Access => "; LibreChat also needs the user in MongoDB, which authctl does not check",
        },
    })))
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
