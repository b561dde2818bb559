//! `authctl token …`: mint, decode, verify, revoke, list.

use super::Ctx;
use crate::apps::tokens::{Checked, MintRequest, VerifyRequest};
use crate::cli::{MintArgs, RevokeArgs, TokenCommand, TokenTypeArg, VerifyArgs};
use crate::error::{Error, Result};
use crate::output::{Human, Outcome, Report};
use crate::store::{self, Access, Revoke, Store};
use crate::token::{self, TokenType};
use serde_json::Value;

pub fn run(cmd: TokenCommand, ctx: &Ctx) -> Result<Outcome> {
    match cmd {
        TokenCommand::Mint(args) => mint(&args, ctx),
        TokenCommand::Decode { token } => decode(&token, ctx),
        TokenCommand::Verify(args) => verify(&args, ctx),
        TokenCommand::Revoke(args) => revoke(&args, ctx),
        TokenCommand::List { user } => list(&user, ctx),
    }
}

pub(super) fn token_type(t: TokenTypeArg) -> TokenType {
    match t {
        TokenTypeArg::Access => TokenType::Access,
        TokenTypeArg::Refresh => TokenType::Refresh,
    }
}

fn now() -> i64 {
    crate::clock::unix_now()
}

/// `--at`: Unix seconds or an RFC 3339 time.
pub(super) fn parse_time(s: &str) -> Result<i64> {
    if let Ok(secs) = s.trim().parse::<i64>() {
        return Ok(secs);
    }
    chrono::DateTime::parse_from_rfc3339(s.trim())
        .map(|t| t.timestamp())
        .map_err(|_| {
            Error::usage(format!(
                "--at \"{s}\" is not a time; use Unix seconds or RFC 3339 (2026-01-31T12:00:00Z)"
            ))
        })
}

/// The token from the argument, or stdin for `-`.
pub(super) fn read_token(arg: &str, ctx: &Ctx) -> Result<String> {
    if arg != "-" {
        return Ok(arg.to_string());
    }
    if ctx.ui.can_prompt() {
        return Err(Error::usage(
            "no token given; pass it as an argument or pipe it in (`-` reads stdin)",
        ));
    }
    let buf = crate::input::stdin(crate::input::TOKEN, "the token on stdin")?;
    std::str::from_utf8(&buf)
        .map(str::to_string)
        .map_err(|_| Error::usage("the token on stdin is not UTF-8 text"))
}

fn read_store(ctx: &Ctx) -> Result<Option<Store>> {
    store::open(&ctx.settings, Access::Read)
}

fn mint(args: &MintArgs, ctx: &Ctx) -> Result<Outcome> {
    let s = &ctx.settings;
    let minted = s.profile.app().mint_token(
        s,
        &MintRequest {
            user: &args.user,
            kind: token_type(args.token_type),
            alg: args.alg,
            ttl: args.ttl.as_deref(),
            issuer: args.iss.as_deref(),
            audience: args.aud.as_deref(),
            claims: &args.claims,
        },
    )?;
    let note = minted.note().to_string();
    Ok(Outcome::report(&minted).note(note))
}

/// A token time as UTC and relative to now.
#[derive(serde::Serialize)]
struct Time {
    utc: String,
    relative: String,
}

/// `exp`, `iat` and `nbf`, where the token has them.
#[derive(serde::Serialize, Default)]
struct Times {
    #[serde(skip_serializing_if = "Option::is_none")]
    exp: Option<Time>,
    #[serde(skip_serializing_if = "Option::is_none")]
    iat: Option<Time>,
    #[serde(skip_serializing_if = "Option::is_none")]
    nbf: Option<Time>,
}

/// `token decode`: header and claims, explicitly not verified.
#[derive(serde::Serialize)]
struct DecodedReport {
    header: Value,
    claims: Value,
    times: Times,
    /// Flowise: what the `meta` claim says, decrypted.
    #[serde(skip_serializing_if = "Option::is_none")]
    meta: Option<Value>,
    verified: bool,
}

impl Report for DecodedReport {
    fn human(&self) -> Human {
        // Claims are whatever the token's maker put in them.
        Human::Text(
            format!(
                "NOT VERIFIED — decoded only; use `authctl token verify` to check the signature\n\nheader:\n{}\n\nclaims:\n{}\n\n{}{}",
                pretty(&self.header),
                pretty(&self.claims),
                self.meta
                    .as_ref()
                    .map(|m| format!("meta (decrypted):\n{}\n\n", pretty(m)))
                    .unwrap_or_default(),
                times_text(&self.times)
            )
            .trim_end()
            .to_string(),
        )
    }
}

/// `token verify`: the verdict, what the token is where the app tells it
/// by its key, what the app decrypted of it, and what it says.
#[derive(serde::Serialize)]
struct Verdict {
    valid: bool,
    reason: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    token_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    meta: Option<Value>,
    header: Option<Value>,
    claims: Option<Value>,
}

impl Report for Verdict {
    fn human(&self) -> Human {
        match (&self.claims, self.valid) {
            (Some(claims), true) => Human::Text(pretty(claims)),
            _ => Human::Nothing,
        }
    }
}

/// `exp`/`iat`/`nbf` as RFC 3339 UTC and relative to now.
fn times(claims: &Value, now: i64) -> Times {
    let time = |name: &str, relative: fn(i64, i64) -> String| {
        claims
            .get(name)
            .and_then(token::numeric_date)
            .map(|t| Time {
                utc: crate::clock::unix_to_rfc3339(t),
                relative: relative(t, now),
            })
    };
    Times {
        exp: time("exp", token::humanize_relative),
        iat: time("iat", token::humanize_issued),
        nbf: time("nbf", token::humanize_not_before),
    }
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

fn times_text(times: &Times) -> String {
    [
        ("exp", &times.exp),
        ("iat", &times.iat),
        ("nbf", &times.nbf),
    ]
    .into_iter()
    .filter_map(|(name, t)| {
        t.as_ref()
            .map(|t| format!("{name}: {} ({})", t.utc, t.relative))
    })
    .collect::<Vec<_>>()
    .join("\n")
}

pub(super) fn decode(arg: &str, ctx: &Ctx) -> Result<Outcome> {
    let decoded = token::decode_unverified(&read_token(arg, ctx)?)?;
    let times = times(&decoded.claims, now());
    let meta = ctx
        .settings
        .profile
        .app()
        .decoded_extra(&ctx.settings, &decoded.claims);
    Ok(Outcome::report(&DecodedReport {
        header: decoded.header,
        claims: decoded.claims,
        times,
        meta,
        verified: false,
    }))
}

fn invalid(reason: String, header: Option<Value>, claims: Option<Value>) -> Result<Outcome> {
    let note = format!("authctl: invalid token: {reason}");
    Ok(Outcome::report(&Verdict {
        valid: false,
        reason: Some(reason),
        token_type: None,
        meta: None,
        header,
        claims,
    })
    .note(note)
    .code(crate::error::exit::NEGATIVE))
}

fn verify(args: &VerifyArgs, ctx: &Ctx) -> Result<Outcome> {
    let s = &ctx.settings;
    let raw = read_token(&args.token, ctx)?;
    let at = match &args.at {
        Some(t) => parse_time(t)?,
        None => now(),
    };
    let request = VerifyRequest {
        leeway: args.leeway,
        expected: args.token_type.map(token_type),
        at,
        offline: args.offline,
    };
    let a = match s.profile.app().check_token(s, &raw, &request)? {
        Checked::Valid(a) => *a,
        Checked::Invalid(r) => return invalid(r.reason, r.header, r.claims),
    };
    let (header, claims, subject) = (a.header, a.claims, a.subject);
    let id = &subject.id;
    let mut who = subject.named.then(|| format!("user {id}"));
    if !args.offline && subject.lookup {
        let Some(db) = read_store(ctx)? else {
            return invalid(
                format!(
                    "user {id:?} ({}) cannot be looked up: {}",
                    subject.claim,
                    store::missing_database(s)
                ),
                Some(header),
                Some(claims),
            );
        };
        let Some(user) = db.get_user_by_id(id)? else {
            return invalid(
                format!("user {id:?} ({}) does not exist", subject.claim),
                Some(header),
                Some(claims),
            );
        };
        if !user.is_active {
            return invalid(
                format!("user \"{}\" is inactive", user.username),
                Some(header),
                Some(claims),
            );
        }
        if claims.get("type").and_then(Value::as_str) == Some("refresh") {
            let jti = claims
                .get("jti")
                .and_then(Value::as_str)
                .unwrap_or_default();
            // A store that keeps no records (Langflow's) has none to check.
            if let Ok(tokens) = db.refresh_tokens() {
                if let Some(rec) = tokens.find_refresh_token(jti)? {
                    if rec.revoked_at.is_some() {
                        return invalid(
                            "the refresh token was revoked".into(),
                            Some(header),
                            Some(claims),
                        );
                    }
                }
            }
        }
        if subject.named {
            who = Some(format!("\"{}\"", user.username));
        }
    }
    let mut note = format!("valid {}", a.what);
    if let Some(who) = who {
        note.push_str(&format!(" for {who}"));
    }
    note.push_str(&a.place);
    if let Some(exp) = claims.get("exp").and_then(token::numeric_date) {
        note.push_str(&format!("; {}", token::humanize_relative(exp, at)));
    }
    note.push_str(a.needs);
    Ok(Outcome::report(&Verdict {
        valid: true,
        reason: None,
        token_type: a.kind.map(TokenType::as_str),
        meta: a.meta,
        header: Some(header),
        claims: Some(claims),
    })
    .note(note))
}

fn revoke(args: &RevokeArgs, ctx: &Ctx) -> Result<Outcome> {
    let which = if let Some(jti) = &args.which.jti {
        Revoke::Jti(jti.clone())
    } else if let Some(name) = &args.which.user {
        let (_, user) = store::read_user(&ctx.settings, name)?;
        Revoke::User {
            user_id: user.id,
            username: user.username,
        }
    } else {
        let raw = read_token(args.which.token.as_deref().unwrap_or("-"), ctx)?;
        // Refuse garbage with the decoder's precise message before hashing it.
        token::decode_unverified(&raw)?;
        Revoke::TokenSha256(token::token_sha256_hex(&raw))
    };
    let mut db = crate::store::open_write(&ctx.settings)?;
    let tokens = db.refresh_tokens_mut()?;
    let rows = tokens.revoke_refresh_tokens(&which)?;
    let note = tokens.revoked_note(&rows);
    Ok(Outcome::new().json(&rows).note(note))
}

fn list(name: &str, ctx: &Ctx) -> Result<Outcome> {
    let (db, user) = store::read_user(&ctx.settings, name)?;
    let rows = db.refresh_tokens()?.list_refresh_tokens(&user.id)?;
    let table = Human::Table {
        header: &["JTI", "ISSUED", "EXPIRES", "REVOKED"],
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    r.jti.clone(),
                    r.issued_at.clone(),
                    r.expires_at.clone(),
                    r.revoked_at.clone().unwrap_or_else(|| "-".into()),
                ]
            })
            .collect(),
    };
    Ok(Outcome::new()
        .json(&rows)
        .human(table)
        .note(if rows.is_empty() {
            format!("no refresh tokens for \"{}\"", user.username)
        } else {
            String::new()
        }))
}
