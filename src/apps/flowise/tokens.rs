//! Flowise's tokens: HS256 under its JWT secrets with its `meta` claim,
//! and for `token mint` a whole login session (`session`), since Flowise
//! accepts a token only beside the session its login opened.

use super::meta::meta_of;
use super::releases::SecretSource;
use super::secrets::{self as flowise_secrets, FlowiseSecret};
use super::{crypto, session};
use crate::apps::tokens::{
    active_user, hmac_key, verify_hmac_pair, wider_hmac, with_article, Accepted, Checked,
    MintRequest, Minted, Subject, VerifyRequest,
};
use crate::error::{Error, Result};
use crate::settings::Settings;
use crate::token::{self, Alg, TokenType};
use secrecy::{ExposeSecret, SecretString};
use serde_json::Value;

/// `which`, from where the database's release takes it (`from`).
fn secret(s: &Settings, from: SecretSource, which: FlowiseSecret) -> Result<SecretString> {
    let lookup = |name: &str| s.lookup(name).map(str::to_string);
    Ok(flowise_secrets::require(which, &lookup, &s.config_dir, from)?.value)
}

/// `token mint`: a session Flowise accepts, as the cookies its login sets.
#[derive(serde::Serialize)]
struct Session {
    /// The `Cookie:` header to send (with `x-request-from: internal`).
    cookie: String,
    token: String,
    refresh_token: String,
    session_expires_at: String,
    user_id: String,
    workspace_id: String,
    workspace: String,
}

pub(super) fn mint(s: &Settings, req: &MintRequest) -> Result<Minted> {
    if s.lookup("EXPIRE_AUTH_TOKENS_ON_RESTART") == Some("true") {
        return Err(Error::usage(
            "EXPIRE_AUTH_TOKENS_ON_RESTART=true: Flowise keeps its sessions in memory then, where no offline tool can add one; log in through Flowise instead",
        ));
    }
    if s.lookup("MODE") == Some("queue") {
        return Err(Error::usage(
            "MODE=queue: Flowise keeps its sessions in Redis then, which authctl does not reach; log in through Flowise instead",
        ));
    }
    if req.kind != TokenType::Access || req.alg.is_some_and(|a| a != Alg::HS256) {
        return Err(Error::usage(
            "a Flowise session is an HS256 access token and its refresh token together; drop --type and --alg",
        ));
    }
    if !req.claims.is_empty() {
        return Err(Error::usage(
            "Flowise's tokens carry exactly its own claims; drop --claim",
        ));
    }
    // Every secret first: a missing one refuses before anything is written.
    let from = super::secret_source(s)?;
    let access = secret(s, from, FlowiseSecret::JwtAuth)?;
    let refresh = secret(s, from, FlowiseSecret::JwtRefresh)?;
    let hash = secret(s, from, FlowiseSecret::TokenHash)?;
    let session_secret = secret(s, from, FlowiseSecret::ExpressSession)?;
    let issuer = match req.issuer {
        Some(iss) => iss.to_string(),
        None => secret(s, from, FlowiseSecret::JwtIssuer)?
            .expose_secret()
            .to_string(),
    };
    let audience = match req.audience {
        Some(aud) => aud.to_string(),
        None => secret(s, from, FlowiseSecret::JwtAudience)?
            .expose_secret()
            .to_string(),
    };
    let ttl = match req.ttl {
        Some(t) => token::parse_ttl(t)?,
        None => s.access_ttl,
    };
    let (db, user) = active_user(s, req.user, "Flowise would refuse its login")?;
    drop(db);
    let sid = session::new_sid()?;
    let now = crate::clock::now();
    let expires_ms = now.timestamp_millis().saturating_add(session::SESSION_MS);
    let issued = now.timestamp();
    let jwt = |secret: &SecretString, ttl: u64, id: &str, workspace: &str, name: &str| {
        let meta = crypto::encrypt_meta(hash.expose_secret(), &format!("{id}:{workspace}"))?;
        let claims = session::claims(id, name, meta, issued, ttl, &audience, &issuer);
        token::mint(&hmac_key(secret), Alg::HS256, &claims)
    };
    // Both tokens once before the session row is written: whatever the
    // keys lack fails here, with nothing committed.
    jwt(&access, ttl, &user.id, "", &user.username)?;
    jwt(&refresh, s.refresh_ttl, &user.id, "", &user.username)?;
    let mut db = crate::store::open_write(s)?;
    let who = db.sessions_mut()?.open_session(&user, &sid, expires_ms)?;
    let token = jwt(&access, ttl, &who.id, &who.workspace_id, &who.name)?;
    let refresh_token = jwt(
        &refresh,
        s.refresh_ttl,
        &who.id,
        &who.workspace_id,
        &who.name,
    )?;
    let cookie = format!(
        "token={token}; refreshToken={refresh_token}; connect.sid={}",
        session::cookie_value(session_secret.expose_secret(), &sid)
    );
    let session_expires_at = crate::clock::unix_to_rfc3339(expires_ms / 1000);
    let note = format!(
        "opened a Flowise session for \"{}\" in workspace \"{}\", until {session_expires_at}; send the Cookie header with `x-request-from: internal`",
        user.username, who.workspace
    );
    let line = format!("Cookie: {cookie}");
    Ok(Minted::new(
        Session {
            cookie,
            token,
            refresh_token,
            session_expires_at,
            user_id: who.id,
            workspace_id: who.workspace_id,
            workspace: who.workspace,
        },
        line,
        note,
    ))
}

/// `token verify`: which secret signed it says what it is; its `meta`
/// must decrypt and name the user its `id` names.
pub(super) fn check(s: &Settings, raw: &str, req: &VerifyRequest) -> Result<Checked> {
    let from = super::secret_source(s)?;
    let access = secret(s, from, FlowiseSecret::JwtAuth)?;
    let refresh = secret(s, from, FlowiseSecret::JwtRefresh)?;
    let issuer = secret(s, from, FlowiseSecret::JwtIssuer)?
        .expose_secret()
        .to_string();
    let audience = secret(s, from, FlowiseSecret::JwtAudience)?
        .expose_secret()
        .to_string();
    let decoded = match token::decode_unverified(raw) {
        Ok(d) => d,
        Err(e) => return Checked::invalid(e.one_line(), None, None),
    };
    if let Some(why) = wider_hmac(&decoded, &[&access, &refresh], "Flowise") {
        return Checked::invalid(why, None, None);
    }
    let issued_for = (Some(issuer), Some(audience));
    let (kind, verified) =
        verify_hmac_pair(raw, &decoded, &access, Some(&refresh), issued_for, req);
    let verified = match verified {
        Ok(v) => v,
        Err(r) => return Ok(Checked::Invalid(r)),
    };
    let (header, claims) = (verified.header, verified.claims);
    if let Some(wanted) = req.expected {
        if wanted != kind {
            return Checked::invalid(
                format!(
                    "it is {} token (signed with the {} secret), not {} token",
                    with_article(kind),
                    kind.as_str(),
                    with_article(wanted)
                ),
                Some(header),
                Some(claims),
            );
        }
    }
    let id = claims
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let Some(meta) = meta_of(s, &claims) else {
        return Checked::invalid(
            "its meta claim does not decrypt under the token-hash secret, which Flowise refuses"
                .into(),
            Some(header),
            Some(claims),
        );
    };
    if meta.user_id() != id {
        return Checked::invalid(
            format!(
                "its meta names user {} but its id claim {id:?}, which Flowise refuses",
                meta.user_id()
            ),
            Some(header),
            Some(claims),
        );
    }
    Ok(Checked::Valid(Box::new(Accepted {
        header,
        claims,
        kind: Some(kind),
        what: format!("Flowise {} token", kind.as_str()),
        place: format!(" in workspace {}", meta.workspace_id()),
        meta: Some(serde_json::to_value(&meta).unwrap_or(Value::Null)),
        subject: Subject {
            claim: "id",
            id,
            lookup: true,
            named: true,
        },
        needs: "; the server also requires the session its login opened (connect.sid)",
    })))
}
