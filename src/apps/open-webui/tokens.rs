//! Open WebUI's session tokens (`utils/auth.py`: `create_token`,
//! `decode_token`, `get_current_user`): HS256 over the secret key's UTF-8
//! bytes, carrying the user's `id` and its `auth.session_stamp`, which
//! must still be the user's for the server to accept the token (a new
//! stamp ends every session). Tokens live `auth.jwt_expiry` (`4w` unless
//! the admin settings say otherwise; `-1` or `0`: no expiry).

use super::store::{uuid4, OpenWebUiStore};
use crate::apps::tokens::{
    ensure_active, hmac_key, Accepted, Checked, MintRequest, Minted, Subject, VerifyRequest,
};
use crate::error::{Error, Result};
use crate::settings::Settings;
use crate::store::{Access, UserRows};
use crate::token::{self, Alg, TokenType};
use serde_json::{Map, Value};

/// What `token mint` made.
#[derive(serde::Serialize)]
struct Session {
    token: String,
    claims: Map<String, Value>,
    user_id: String,
}

/// `auth.jwt_expiry` as Open WebUI's `parse_duration` reads it: `None`
/// for no expiry (`-1`, `0`), else seconds; a text it cannot read is an
/// error naming it.
pub(super) fn parse_expiry(text: &str) -> Result<Option<u64>> {
    if text == "-1" || text == "0" {
        return Ok(None);
    }
    let mut total = 0f64;
    let mut found = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        if bytes[i] == b'-' {
            i += 1;
        }
        let digits = i;
        while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
            i += 1;
        }
        if i == digits {
            i = start + 1;
            continue;
        }
        let Ok(n) = text[start..i].parse::<f64>() else {
            continue;
        };
        let unit = if text[i..].starts_with("ms") {
            i += 2;
            0.001
        } else {
            let u = match bytes.get(i) {
                Some(b's') => 1.0,
                Some(b'm') => 60.0,
                Some(b'h') => 3600.0,
                Some(b'd') => 86400.0,
                Some(b'w') => 604800.0,
                _ => continue,
            };
            i += 1;
            u
        };
        total += n * unit;
        found = true;
    }
    if !found {
        return Err(Error::usage(format!(
            "Open WebUI's auth.jwt_expiry is {text:?}, which Open WebUI cannot read either; set it to a duration like 4w in Admin Settings → General, or pass --ttl"
        )));
    }
    // A zero length is no expiry to Open WebUI (`if expires_delta:`).
    Ok((total > 0.0).then_some(total as u64))
}

/// Whether Open WebUI requires MFA of a login by `method`
/// (`utils/mfa.py` `is_mfa_required`: `auth.mfa.enable`, with bypasses
/// for OAuth and trusted-header logins).
fn mfa_required(db: &OpenWebUiStore, method: &str) -> Result<bool> {
    let on = |key: &str| -> Result<bool> {
        Ok(db.config(key)?.and_then(|v| v.as_bool()).unwrap_or(false))
    };
    if !on("auth.mfa.enable")? {
        return Ok(false);
    }
    Ok(match method {
        "oauth" => !on("auth.mfa.allow_oauth_bypass")?,
        "trusted_header" => !on("auth.mfa.allow_trusted_header_bypass")?,
        _ => true,
    })
}

/// `token mint`: a session token as Open WebUI's password login issues it.
pub(super) fn mint(s: &Settings, req: &MintRequest) -> Result<Minted> {
    if req.kind != TokenType::Access || req.alg.is_some_and(|a| a != Alg::HS256) {
        return Err(Error::usage(
            "Open WebUI has one kind of token, an HS256 session token; drop --type and --alg",
        ));
    }
    if req.issuer.is_some() || req.audience.is_some() {
        return Err(Error::usage(
            "Open WebUI's tokens carry no issuer or audience; drop --iss and --aud",
        ));
    }
    let extra: Vec<(String, Value)> = req
        .claims
        .iter()
        .map(|c| token::parse_claim_arg(c))
        .collect::<Result<_>>()?;
    let (key, _) = super::secrets::require(s)?;
    // One connection for the user, its session and the settings.
    let db = OpenWebUiStore::open(s, Access::Read, super::own_keys(s))?
        .ok_or_else(|| crate::store::no_database_for_user(s, req.user))?;
    let user = db
        .get_user(req.user)?
        .ok_or_else(|| crate::store::user_not_found(req.user))?;
    ensure_active(&user, "Open WebUI would refuse its token")?;
    let stamp = match db.session_of(&user.id)? {
        Some(session) if session.active => session.stamp,
        _ => {
            return Err(Error::Conflict(format!(
                "user \"{}\" cannot log in to Open WebUI (its auth row is missing or inactive); `authctl user activate {}`",
                user.username, user.username
            )))
        }
    };
    if mfa_required(&db, "password")? {
        return Err(Error::Conflict(
            "Open WebUI requires MFA for password logins (auth.mfa.enable), so it refuses a session token that did not pass it; log in through Open WebUI".into(),
        ));
    }
    let ttl = match req.ttl {
        Some(t) => Some(token::parse_ttl(t)?),
        None => match db.config("auth.jwt_expiry")? {
            Some(Value::String(text)) => parse_expiry(&text)?,
            _ => parse_expiry("4w")?,
        },
    };
    let issued = crate::clock::unix_now();
    let mut claims = Map::new();
    claims.insert("id".into(), user.id.clone().into());
    claims.insert("typ".into(), "session".into());
    claims.insert("auth_method".into(), "password".into());
    claims.insert("auth_time".into(), issued.into());
    if let Some(stamp) = &stamp {
        claims.insert("session_stamp".into(), stamp.clone().into());
    }
    claims.insert("mfa_verified".into(), false.into());
    if let Some(ttl) = ttl {
        claims.insert(
            "exp".into(),
            issued
                .saturating_add(i64::try_from(ttl).unwrap_or(i64::MAX))
                .into(),
        );
    }
    claims.insert("jti".into(), uuid4().into());
    claims.insert("iat".into(), issued.into());
    for (k, v) in extra {
        claims.insert(k, v);
    }
    let jwt = token::mint(&hmac_key(&key), Alg::HS256, &claims)?;
    let note = format!(
        "Open WebUI session token for \"{}\"{}; send it as `Authorization: Bearer` or the `token` cookie",
        user.username,
        match ttl {
            Some(t) => format!(", valid {}", token::humanize_duration(t)),
            None => ", without expiry".into(),
        }
    );
    let line = jwt.clone();
    Ok(Minted::new(
        Session {
            token: jwt,
            claims,
            user_id: user.id,
        },
        line,
        note,
    ))
}

/// `token verify`: the signature and expiry, the `typ` Open WebUI takes,
/// and (unless `--offline`) the user's session stamp and `auth` row.
pub(super) fn check(s: &Settings, raw: &str, req: &VerifyRequest) -> Result<Checked> {
    let (key, _) = super::secrets::require(s)?;
    if req.expected.is_some() {
        return Err(Error::usage(
            "Open WebUI has one kind of token, a session token; drop --type",
        ));
    }
    let policy = token::VerifyPolicy {
        alg: Alg::HS256,
        leeway: req.leeway,
        expected_type: None,
        issuer: None,
        audience: None,
        require_exp: false,
    };
    let keys = [token::VerifyKey::hmac_bytes({
        use secrecy::ExposeSecret;
        key.expose_secret().as_bytes().to_vec()
    })];
    let verified = match token::verify(raw, &policy, &keys, req.at) {
        Ok(v) => v,
        Err(r) => return Ok(Checked::Invalid(r)),
    };
    let (header, claims) = (verified.header, verified.claims);
    let Some(id) = claims.get("id").and_then(Value::as_str).map(str::to_string) else {
        return Checked::invalid(
            "it has no id claim, which Open WebUI requires".into(),
            Some(header),
            Some(claims),
        );
    };
    let typ = claims
        .get("typ")
        .and_then(Value::as_str)
        .unwrap_or("session")
        .to_string();
    if !matches!(typ.as_str(), "session" | "automation" | "subagent") {
        return Checked::invalid(
            format!(
                "its typ is {typ:?}; Open WebUI accepts session, automation and subagent tokens"
            ),
            Some(header),
            Some(claims),
        );
    }
    if !req.offline {
        if let Some(db) = OpenWebUiStore::open(s, Access::Read, super::own_keys(s))? {
            let claimed = claims.get("session_stamp").and_then(Value::as_str);
            let session = db.session_of(&id)?;
            let method = claims
                .get("auth_method")
                .and_then(Value::as_str)
                .unwrap_or("");
            let mfa = typ == "session" && mfa_required(&db, method)?;
            match session {
                None => {
                    return Checked::invalid(
                        format!("user {id:?} has no auth row, so Open WebUI refuses its tokens"),
                        Some(header),
                        Some(claims),
                    )
                }
                Some(session) if !session.active => {
                    return Checked::invalid(
                        format!("user {id:?}'s auth row is inactive, so Open WebUI refuses its tokens"),
                        Some(header),
                        Some(claims),
                    )
                }
                Some(session) if session.stamp.as_deref() != claimed => {
                    return Checked::invalid(
                        "its session_stamp is not the user's current one: the session was ended (a password change or reset, or `token revoke`)".into(),
                        Some(header),
                        Some(claims),
                    )
                }
                Some(session)
                    if mfa
                        && (claims.get("mfa_verified") != Some(&Value::Bool(true))
                            || !session.mfa_enrolled) =>
                {
                    return Checked::invalid(
                        "Open WebUI requires MFA for this login (auth.mfa.enable), and the token did not pass it (mfa_verified) or the user has no MFA enrolled".into(),
                        Some(header),
                        Some(claims),
                    )
                }
                Some(_) => {}
            }
        }
    }
    Ok(Checked::Valid(Box::new(Accepted {
        header,
        claims,
        kind: None,
        meta: None,
        what: format!("Open WebUI {typ} token"),
        subject: Subject {
            claim: "id",
            id,
            lookup: true,
            named: true,
        },
        place: String::new(),
        needs: if req.offline {
            "; the server also requires its session_stamp to be the user's current one"
        } else {
            ""
        },
    })))
}

#[cfg(test)]
mod tests {
    use super::parse_expiry;

    #[test]
    fn expiry_reads_as_open_webui_reads_it() {
        assert_eq!(parse_expiry("4w").unwrap(), Some(2_419_200));
        assert_eq!(parse_expiry("1h30m").unwrap(), Some(5400));
        assert_eq!(parse_expiry("1.5d").unwrap(), Some(129_600));
        assert_eq!(parse_expiry("0s").unwrap(), None);
        assert_eq!(parse_expiry("-1").unwrap(), None);
        assert_eq!(parse_expiry("0").unwrap(), None);
        assert!(parse_expiry("soon").is_err());
    }
}
