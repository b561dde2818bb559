//! `authctl token mint|decode|verify` in the flowise profile: Flowise's
//! HS256 tokens with its `meta` claim, and for `mint` a whole login
//! session (`flowise::session`), since Flowise accepts a token only beside
//! the session its login opened.

use super::Ctx;
use crate::apps::flowise::secrets::{self as fw, Secret};
use crate::apps::flowise::{crypto, session};
use crate::cli::{MintArgs, TokenTypeArg, VerifyArgs};
use crate::error::{Error, Result};
use crate::output::{Human, Outcome, Report};
use crate::store::{self, Access};
use crate::token::{self, Alg, TokenType, VerifyKey, VerifyPolicy};
use secrecy::{ExposeSecret, SecretString};
use serde_json::Value;

fn secret(ctx: &Ctx, which: Secret) -> Result<SecretString> {
    let lookup = |name: &str| ctx.settings.lookup(name).map(str::to_string);
    Ok(fw::require(which, &lookup, &ctx.settings.config_dir)?.value)
}

use crate::apps::flowise::meta::{meta_of, Meta};

/// `token mint`: a session Flowise accepts, as the cookies its login sets.
#[derive(serde::Serialize)]
struct Minted {
    /// The `Cookie:` header to send (with `x-request-from: internal`).
    cookie: String,
    token: String,
    refresh_token: String,
    session_expires_at: String,
    user_id: String,
    workspace_id: String,
    workspace: String,
}

impl Report for Minted {
    fn human(&self) -> Human {
        Human::Data(format!("Cookie: {}", self.cookie))
    }
}

pub fn mint(args: &MintArgs, ctx: &Ctx) -> Result<Outcome> {
    let s = &ctx.settings;
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
    if args.token_type != TokenTypeArg::Access || args.alg.is_some_and(|a| a != Alg::HS256) {
        return Err(Error::usage(
            "a Flowise session is an HS256 access token and its refresh token together; drop --type and --alg",
        ));
    }
    if !args.claims.is_empty() {
        return Err(Error::usage(
            "Flowise's tokens carry exactly its own claims; drop --claim",
        ));
    }
    // Every secret first: a missing one refuses before anything is written.
    let access = secret(ctx, Secret::JwtAuth)?;
    let refresh = secret(ctx, Secret::JwtRefresh)?;
    let hash = secret(ctx, Secret::TokenHash)?;
    let session_secret = secret(ctx, Secret::ExpressSession)?;
    let issuer = match &args.iss {
        Some(iss) => iss.clone(),
        None => secret(ctx, Secret::JwtIssuer)?.expose_secret().to_string(),
    };
    let audience = match &args.aud {
        Some(aud) => aud.clone(),
        None => secret(ctx, Secret::JwtAudience)?
            .expose_secret()
            .to_string(),
    };
    let ttl = match &args.ttl {
        Some(t) => token::parse_ttl(t)?,
        None => s.access_ttl,
    };
    let db = store::open(s, Access::Read)?.ok_or_else(|| store::user_not_found(&args.user))?;
    let user = db
        .get_user(&args.user)?
        .ok_or_else(|| store::user_not_found(&args.user))?;
    if !user.is_active {
        return Err(Error::Conflict(format!(
            "user \"{}\" is inactive and Flowise would refuse its login; activate it with `authctl user activate {}`",
            user.username, user.username
        )));
    }
    drop(db);
    let sid = session::new_sid()?;
    let now = crate::clock::now();
    let expires_ms = now.timestamp_millis().saturating_add(session::SESSION_MS);
    let issued = now.timestamp();
    let jwt = |secret: &SecretString, ttl: u64, id: &str, workspace: &str, name: &str| {
        let meta = crypto::encrypt_meta(hash.expose_secret(), &format!("{id}:{workspace}"))?;
        let claims = session::claims(id, name, meta, issued, ttl, &audience, &issuer);
        let key = token::SigningKey::hmac_bytes(secret.expose_secret().as_bytes().to_vec());
        token::mint(&key, Alg::HS256, &claims)
    };
    // Both tokens once before the session row is written: whatever the
    // keys lack fails here, with nothing committed.
    jwt(&access, ttl, &user.id, "", &user.username)?;
    jwt(&refresh, s.refresh_ttl, &user.id, "", &user.username)?;
    let mut db = super::open_write(s)?;
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
    Ok(Outcome::report(&Minted {
        cookie,
        token,
        refresh_token,
        session_expires_at,
        user_id: who.id,
        workspace_id: who.workspace_id,
        workspace: who.workspace,
    })
    .note(note))
}

/// `token verify` of an app's HS256 pair of secrets (Flowise, LibreChat):
/// the verdict, which secret signed it, and (Flowise) what its meta says.
#[derive(serde::Serialize)]
pub(super) struct Verdict {
    pub valid: bool,
    pub reason: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub token_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub header: Option<Value>,
    pub claims: Option<Value>,
}

impl Report for Verdict {
    fn human(&self) -> Human {
        match (&self.claims, self.valid) {
            (Some(claims), true) => {
                Human::Text(serde_json::to_string_pretty(claims).unwrap_or_default())
            }
            _ => Human::Nothing,
        }
    }
}

pub(super) fn invalid(reason: String, header: Option<Value>, claims: Option<Value>) -> Outcome {
    let note = format!("authctl: invalid token: {reason}");
    Outcome::report(&Verdict {
        valid: false,
        reason: Some(reason),
        token_type: None,
        meta: None,
        header,
        claims,
    })
    .note(note)
    .code(crate::error::exit::NEGATIVE)
}

fn with_article(kind: TokenType) -> &'static str {
    match kind {
        TokenType::Access => "an access",
        TokenType::Refresh => "a refresh",
    }
}

/// Whether `secret` made `decoded`'s HS256 signature.
pub(super) fn signed_by(decoded: &token::Decoded, secret: &SecretString) -> bool {
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret.expose_secret().as_bytes());
    ring::hmac::verify(&key, decoded.signing_input().as_bytes(), &decoded.signature).is_ok()
}

/// A token signed HS384 or HS512 with one of the app's HMAC `secrets`:
/// why `token verify` refuses it though the app's server would take it
/// (Node's jsonwebtoken, given a secret and no algorithm list, accepts
/// the three HS algorithms). The app itself signs HS256 only, so such a
/// token was made outside it, by something holding the secret.
pub(super) fn wider_hmac(
    decoded: &token::Decoded,
    secrets: &[&SecretString],
    app: &str,
) -> Option<String> {
    let alg = match decoded.alg.as_str() {
        "HS384" => ring::hmac::HMAC_SHA384,
        "HS512" => ring::hmac::HMAC_SHA512,
        _ => return None,
    };
    let signed = secrets.iter().any(|secret| {
        let key = ring::hmac::Key::new(alg, secret.expose_secret().as_bytes());
        ring::hmac::verify(&key, decoded.signing_input().as_bytes(), &decoded.signature).is_ok()
    });
    signed.then(|| {
        format!(
            "signed {} with {app}'s own secret: {app}'s server would accept it, but {app} signs HS256 only, so something outside {app} holds the secret; treat it as leaked and replace it",
            decoded.alg
        )
    })
}

pub fn verify(raw: &str, args: &VerifyArgs, at: i64, ctx: &Ctx) -> Result<Outcome> {
    let access = secret(ctx, Secret::JwtAuth)?;
    let refresh = secret(ctx, Secret::JwtRefresh)?;
    let issuer = secret(ctx, Secret::JwtIssuer)?.expose_secret().to_string();
    let audience = secret(ctx, Secret::JwtAudience)?
        .expose_secret()
        .to_string();
    let decoded = match token::decode_unverified(raw) {
        Ok(d) => d,
        Err(e) => return Ok(invalid(e.one_line(), None, None)),
    };
    if let Some(why) = wider_hmac(&decoded, &[&access, &refresh], "Flowise") {
        return Ok(invalid(why, None, None));
    }
    // Which secret signed it says what it is: Flowise signs access and
    // refresh tokens alike, with different secrets.
    let (kind, key) =
        if decoded.alg == "HS256" && signed_by(&decoded, &refresh) && !signed_by(&decoded, &access)
        {
            (TokenType::Refresh, refresh)
        } else {
            (TokenType::Access, access)
        };
    let policy = VerifyPolicy {
        alg: Alg::HS256,
        leeway: args.leeway,
        expected_type: None,
        issuer: Some(issuer),
        audience: Some(audience),
        // Flowise's jsonwebtoken accepts a token without exp.
        require_exp: false,
    };
    let keys = [VerifyKey::hmac_bytes(
        key.expose_secret().as_bytes().to_vec(),
    )];
    let verified = match token::verify(raw, &policy, &keys, at) {
        Ok(v) => v,
        Err(r) => return Ok(invalid(r.reason, r.header, r.claims)),
    };
    let (header, claims) = (verified.header, verified.claims);
    if let Some(wanted) = args.token_type {
        let wanted = super::token::token_type(wanted);
        if wanted != kind {
            return Ok(invalid(
                format!(
                    "it is {} token (signed with the {} secret), not {} token",
                    with_article(kind),
                    kind.as_str(),
                    with_article(wanted)
                ),
                Some(header),
                Some(claims),
            ));
        }
    }
    let id = claims
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let Some(meta) = meta_of(&ctx.settings, &claims) else {
        return Ok(invalid(
            "its meta claim does not decrypt under the token-hash secret, which Flowise refuses"
                .into(),
            Some(header),
            Some(claims),
        ));
    };
    if meta.user_id() != id {
        return Ok(invalid(
            format!(
                "its meta names user {} but its id claim {id:?}, which Flowise refuses",
                meta.user_id()
            ),
            Some(header),
            Some(claims),
        ));
    }
    let mut who = format!("user {id}");
    if !args.offline {
        let db = store::open(&ctx.settings, Access::Read)?;
        let user = match &db {
            Some(db) => db.get_user_by_id(&id)?,
            None => None,
        };
        let Some(user) = user else {
            return Ok(invalid(
                format!("user {id:?} (id) does not exist"),
                Some(header),
                Some(claims),
            ));
        };
        if !user.is_active {
            return Ok(invalid(
                format!("user \"{}\" is inactive", user.username),
                Some(header),
                Some(claims),
            ));
        }
        who = format!("\"{}\"", user.username);
    }
    let mut note = format!(
        "valid Flowise {} token for {who} in workspace {}",
        kind.as_str(),
        meta.workspace_id()
    );
    if let Some(exp) = claims.get("exp").and_then(token::numeric_date) {
        note.push_str(&format!("; {}", token::humanize_relative(exp, at)));
    }
    note.push_str("; the server also requires the session its login opened (connect.sid)");
    Ok(Outcome::report(&Verdict {
        valid: true,
        reason: None,
        token_type: Some(kind.as_str()),
        meta: Some(meta),
        header: Some(header),
        claims: Some(claims),
    })
    .note(note))
}
