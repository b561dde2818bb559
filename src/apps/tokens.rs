//! What `token mint` and `token verify` ask of an app. Each command is
//! written once (`commands/token.rs`): the app mints ([`App::mint_token`])
//! and checks a token's signature and claims ([`App::check_token`]); the
//! command looks the token's user up and renders one `Minted` or one
//! verdict. The functions here are authctl's own model (a secret key or
//! an RSA pair signs `sub`/`type` tokens), which the apps' defaults use,
//! and what apps that sign with HMAC secrets of their own share.
//!
//! [`App::mint_token`]: super::App::mint_token
//! [`App::check_token`]: super::App::check_token

use crate::error::{Error, Result};
use crate::output::{Human, Report};
use crate::settings::Settings;
use crate::store::{self, RefreshToken, Store, User};
use crate::token::{self, Alg, Rejection, TokenType};
use secrecy::{ExposeSecret, SecretString};
use serde_json::{Map, Value};

/// What `token mint` was asked for, as given.
pub struct MintRequest<'a> {
    /// The user: a login name, or the id where the app names users so.
    pub user: &'a str,
    pub kind: TokenType,
    /// `--alg`, when given.
    pub alg: Option<Alg>,
    /// `--ttl`, unparsed.
    pub ttl: Option<&'a str>,
    pub issuer: Option<&'a str>,
    pub audience: Option<&'a str>,
    /// `--claim NAME=VALUE`, unparsed.
    pub claims: &'a [String],
}

/// `token mint`'s result: what the app made, in the order reported; the
/// one line stdout shows; and a note, where the app has one.
pub struct Minted {
    fields: Map<String, Value>,
    line: String,
    note: String,
}

impl Minted {
    /// `report`'s fields (a struct, serialised in field order), `line`
    /// for stdout.
    pub fn new(report: impl serde::Serialize, line: String, note: String) -> Minted {
        let fields = match serde_json::to_value(report) {
            Ok(Value::Object(fields)) => fields,
            _ => Map::new(),
        };
        Minted { fields, line, note }
    }

    /// What to say on stderr beside the token.
    pub fn note(&self) -> &str {
        &self.note
    }
}

impl serde::Serialize for Minted {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.fields.serialize(s)
    }
}

impl Report for Minted {
    fn human(&self) -> Human {
        Human::Data(self.line.clone())
    }
}

/// How `token verify` checks.
pub struct VerifyRequest {
    /// Clock skew allowed on `exp` and `nbf`, in seconds.
    pub leeway: u64,
    /// `--type`, when given.
    pub expected: Option<TokenType>,
    /// The time to check at (Unix seconds).
    pub at: i64,
    /// `--offline`: no database is read (an app whose tokens name a
    /// server-side state checks it only when this is false).
    pub offline: bool,
}

/// A token the app's keys and rules accept, before its user is looked up.
pub struct Accepted {
    pub header: Value,
    pub claims: Value,
    /// What it is, where the app tells it by its key (reported as `type`).
    pub kind: Option<TokenType>,
    /// What the app decrypted of it (reported as `meta`).
    pub meta: Option<Value>,
    /// What it is, for the note: "RS256 token (kid k1)".
    pub what: String,
    /// The user it names.
    pub subject: Subject,
    /// Where it acts, for the note: " in workspace …".
    pub place: String,
    /// What the app's server needs beyond the token, for the note.
    pub needs: &'static str,
}

/// The user a token names.
pub struct Subject {
    /// The claim that holds the id.
    pub claim: &'static str,
    pub id: String,
    /// Whether authctl can look the user up (the app's users are in reach).
    pub lookup: bool,
    /// Whether the note says whom the token is for.
    pub named: bool,
}

/// `token verify`'s first verdict: accepted by the app's keys and rules,
/// or why not.
pub enum Checked {
    Valid(Box<Accepted>),
    Invalid(Rejection),
}

impl Checked {
    /// Refused for `reason`, with what could be read of the token.
    pub fn invalid(
        reason: String,
        header: Option<Value>,
        claims: Option<Value>,
    ) -> Result<Checked> {
        Ok(Checked::Invalid(Rejection {
            reason,
            header,
            claims,
        }))
    }
}

/// The user named `name` from the app's store, refused unless it is
/// active (`would`: what the app would do with its token, "the server
/// would refuse it").
pub fn active_user(s: &Settings, name: &str, would: &str) -> Result<(Store, User)> {
    let (db, user) = store::read_user(s, name)?;
    ensure_active(&user, would)?;
    Ok((db, user))
}

/// Refuse `user` unless it is active (`would`: as for [`active_user`]).
pub fn ensure_active(user: &User, would: &str) -> Result<()> {
    if user.is_active {
        return Ok(());
    }
    Err(Error::Conflict(format!(
        "user \"{}\" is inactive and {would}; activate it with `authctl user activate {}`",
        user.username, user.username
    )))
}

/// `token mint` in authctl's own model: the app's claims for the user,
/// signed with the configured algorithm's key; a refresh token recorded
/// where the store keeps them.
pub fn mint_standard(s: &Settings, req: &MintRequest) -> Result<Minted> {
    let alg = crate::signing::algorithm(s, req.alg)?;
    let ttl = match req.ttl {
        Some(t) => token::parse_ttl(t)?,
        None if req.kind == TokenType::Refresh => s.refresh_ttl,
        None => s.access_ttl,
    };
    let extra = token::ExtraClaims {
        issuer: req
            .issuer
            .map(str::to_string)
            .or_else(|| s.jwt_issuer.clone()),
        audience: req
            .audience
            .map(str::to_string)
            .or_else(|| s.jwt_audience.clone()),
        claims: req
            .claims
            .iter()
            .map(|c| token::parse_claim_arg(c))
            .collect::<Result<_>>()?,
    };
    let (db, user) = active_user(s, req.user, "the server would refuse it")?;
    let key = crate::signing::signing_key(s, alg)?;
    let issued = crate::clock::unix_now();
    let claims = s
        .profile
        .app()
        .mint_claims(&user.id, req.kind, issued, ttl, &extra)?;
    let jwt = token::mint(&key, alg, &claims)?;
    if req.kind == TokenType::Refresh && db.tracks_refresh_tokens() {
        let record = RefreshToken {
            jti: claims
                .get("jti")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            user_id: user.id.clone(),
            issued_at: crate::clock::unix_to_rfc3339(issued),
            expires_at: crate::clock::unix_to_rfc3339(issued.saturating_add(ttl as i64)),
            revoked_at: None,
        };
        store::open_write(s)?
            .refresh_tokens_mut()?
            .record_refresh_token(&record, &token::token_sha256_hex(&jwt))?;
    }
    #[derive(serde::Serialize)]
    struct Fields {
        token: String,
        claims: Map<String, Value>,
    }
    let line = jwt.clone();
    Ok(Minted::new(
        Fields { token: jwt, claims },
        line,
        String::new(),
    ))
}

/// `token verify` in authctl's own model: the configured algorithm's
/// keys, the `type` asked for, `iss`/`aud` when configured; the user is
/// the `sub` claim.
pub fn check_standard(s: &Settings, raw: &str, req: &VerifyRequest) -> Result<Checked> {
    let alg = crate::signing::algorithm(s, None)?;
    let keys = crate::signing::verify_keys(s, alg)?;
    let mut policy = token::VerifyPolicy::new(alg);
    policy.leeway = req.leeway;
    policy.expected_type = req.expected;
    policy.issuer = s.jwt_issuer.clone();
    policy.audience = s.jwt_audience.clone();
    let verified = match token::verify(raw, &policy, &keys, req.at) {
        Ok(v) => v,
        Err(r) => return Ok(Checked::Invalid(r)),
    };
    let mut what = format!("{alg} token");
    if let Some(kid) = &verified.kid_used {
        what.push_str(&format!(" (kid {kid})"));
    }
    let id = verified
        .claims
        .get("sub")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    Ok(Checked::Valid(Box::new(Accepted {
        header: verified.header,
        claims: verified.claims,
        kind: None,
        meta: None,
        what,
        subject: Subject {
            claim: "sub",
            id,
            lookup: true,
            named: false,
        },
        place: String::new(),
        needs: "",
    })))
}

/// An HMAC key of an app's secret.
pub fn hmac_key(secret: &SecretString) -> token::SigningKey {
    token::SigningKey::hmac_bytes(secret.expose_secret().as_bytes().to_vec())
}

/// Whether `secret` made `decoded`'s HS256 signature.
pub fn signed_by(decoded: &token::Decoded, secret: &SecretString) -> bool {
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret.expose_secret().as_bytes());
    ring::hmac::verify(&key, decoded.signing_input().as_bytes(), &decoded.signature).is_ok()
}

/// A token signed HS384 or HS512 with one of the app's HMAC `secrets`:
/// why `token verify` refuses it though the app's server would take it
/// (Node's jsonwebtoken, given a secret and no algorithm list, accepts
/// the three HS algorithms). The app itself signs HS256 only, so such a
/// token was made outside it, by something holding the secret.
pub fn wider_hmac(
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

/// `raw` (already decoded as `decoded`) checked against an app's pair of
/// HMAC secrets, as apps that sign access and refresh tokens alike with
/// different secrets (Flowise, LibreChat): which secret signed it says
/// what it is. Its `exp` is optional, as Node's jsonwebtoken has it.
pub fn verify_hmac_pair(
    raw: &str,
    decoded: &token::Decoded,
    access: &SecretString,
    refresh: Option<&SecretString>,
    issued_for: (Option<String>, Option<String>),
    req: &VerifyRequest,
) -> (TokenType, std::result::Result<token::Verified, Rejection>) {
    let (kind, key) = match refresh {
        Some(r)
            if decoded.alg == "HS256" && signed_by(decoded, r) && !signed_by(decoded, access) =>
        {
            (TokenType::Refresh, r)
        }
        _ => (TokenType::Access, access),
    };
    let (issuer, audience) = issued_for;
    let policy = token::VerifyPolicy {
        alg: Alg::HS256,
        leeway: req.leeway,
        expected_type: None,
        issuer,
        audience,
        require_exp: false,
    };
    let keys = [token::VerifyKey::hmac_bytes(
        key.expose_secret().as_bytes().to_vec(),
    )];
    (kind, token::verify(raw, &policy, &keys, req.at))
}

/// "an access" / "a refresh".
pub fn with_article(kind: TokenType) -> &'static str {
    match kind {
        TokenType::Access => "an access",
        TokenType::Refresh => "a refresh",
    }
}
