//! `secret …` and `token …` in the librechat profile: LibreChat's secrets,
//! its ciphers under `CREDS_KEY`/`CREDS_IV`, and its tokens
//! (`crate::apps::librechat`). What needs MongoDB (rotation, revocation, the
//! users themselves) is refused with that reason.

use super::token_flowise::{invalid, signed_by, Verdict};
use super::Ctx;
use crate::apps::librechat::crypto::{self, Plain, Refusal, Version};
use crate::apps::librechat::expr::{self, Reading};
use crate::apps::librechat::{self as lc, DotenvSecret};
use crate::cli::{CipherArg, MintArgs, SecretCommand, TokenCommand, TokenTypeArg, VerifyArgs};
use crate::error::{Error, Result};
use crate::output::{Human, Outcome, Report};
use crate::profile::Setting;
use crate::token::{self, Alg, TokenType, VerifyKey, VerifyPolicy};
use secrecy::{ExposeSecret, SecretString};
use serde_json::{Map, Value};

fn var<'a>(ctx: &'a Ctx, name: &str) -> Option<&'a str> {
    ctx.settings.lookup(name)
}

/// Where LibreChat's variables were read, for messages.
fn where_read(ctx: &Ctx) -> String {
    match &ctx.settings.env_file {
        Some(p) => format!("the environment or \"{}\"", p.display()),
        None => format!(
            "the environment (no .env in \"{}\"; --env-file names one)",
            ctx.settings.config_dir.display()
        ),
    }
}

fn required(ctx: &Ctx, secret: DotenvSecret) -> Result<SecretString> {
    match var(ctx, secret.var()) {
        Some(v) if !v.is_empty() => Ok(SecretString::from(v.to_string())),
        _ => Err(Error::usage(format!(
            "{} is not set in {}; `authctl --profile librechat init --out .env` adds it",
            secret.var(),
            where_read(ctx)
        ))),
    }
}

fn refused(what: &str) -> Error {
    Error::usage(format!("{what} needs MongoDB: {}", lc::MONGODB))
}

pub fn secret(cmd: SecretCommand, ctx: &Ctx) -> Result<Outcome> {
    match cmd {
        SecretCommand::Generate(args) => {
            if args.write {
                return Err(Error::usage(
                    "LibreChat reads its secrets from .env, not from key files; `authctl --profile librechat init --out .env` adds the ones missing",
                ));
            }
            let bytes = args.bytes.unwrap_or(crate::secrets::DEFAULT_BYTES);
            let encoding = match args.encoding {
                None | Some(crate::cli::EncodingArg::Hex) => crate::secrets::Encoding::Hex,
                Some(crate::cli::EncodingArg::Urlsafe) => crate::secrets::Encoding::UrlSafe,
                Some(crate::cli::EncodingArg::Base64) => crate::secrets::Encoding::Base64,
            };
            let secret = crate::secrets::generate(bytes, encoding)?;
            super::secret::printed(&secret, args.env.as_deref())
        }
        SecretCommand::Check(args) => {
            let named = args.env.as_deref().and_then(DotenvSecret::from_var);
            match (args.stdin || args.file.is_some(), named) {
                (true, _) => super::secret::judge(&super::secret::secret_to_check(&args, ctx)?),
                (false, Some(secret)) => check_all(ctx, &[secret]),
                (false, None) if args.env.is_some() => {
                    super::secret::judge(&super::secret::secret_to_check(&args, ctx)?)
                }
                (false, None) => check_all(ctx, &DotenvSecret::ALL),
            }
        }
        SecretCommand::Encrypt(args) => encrypt(args.cipher, ctx),
        SecretCommand::Decrypt(args) => decrypt(args.cipher, ctx),
        SecretCommand::Rotate(_) => Err(refused(
            "Re-encrypting LibreChat's stored credentials under a new CREDS_KEY",
        )),
        SecretCommand::Identify(_) => Err(refused(
            "Finding which key LibreChat's stored credentials are under",
        )),
    }
}

/// One secret's verdict.
#[derive(serde::Serialize)]
struct Judged {
    variable: &'static str,
    set: bool,
    problems: Vec<String>,
}

fn check_all(ctx: &Ctx, which: &[DotenvSecret]) -> Result<Outcome> {
    let mut verdicts = Vec::new();
    for &secret in which {
        let value = var(ctx, secret.var());
        let problems = match value {
            None if !secret.required() => Vec::new(),
            None => vec![format!(
                "{} is not set in {}; `authctl --profile librechat init --out .env` adds it",
                secret.var(),
                where_read(ctx)
            )],
            Some(v) => secret.problems(v),
        };
        verdicts.push(Judged {
            variable: secret.var(),
            set: value.is_some(),
            problems,
        });
    }
    let mut lines = Vec::new();
    for v in &verdicts {
        if v.problems.is_empty() {
            lines.push(format!(
                "{}: {}",
                v.variable,
                if v.set {
                    "ok"
                } else {
                    "not set (only Meilisearch search needs it)"
                }
            ));
        }
        lines.extend(v.problems.iter().map(|p| format!("weak: {p}")));
    }
    let cross = if which.len() > 1 {
        lc::cross_problems(&|n| var(ctx, n).map(str::to_string))
    } else {
        Vec::new()
    };
    lines.extend(cross.iter().map(|p| format!("weak: {p}")));
    let strong = verdicts.iter().all(|v| v.problems.is_empty()) && cross.is_empty();
    Ok(Outcome::new()
        .json(serde_json::json!({ "strong": strong, "secrets": verdicts, "problems": cross }))
        .note(lines.join("\n"))
        .code(if strong {
            0
        } else {
            crate::error::exit::NEGATIVE
        }))
}

fn version(c: CipherArg) -> Version {
    match c {
        CipherArg::V1 => Version::V1,
        CipherArg::V2 => Version::V2,
        CipherArg::V3 => Version::V3,
    }
}

/// Key bytes, zeroed when dropped.
type Bytes = zeroize::Zeroizing<Vec<u8>>;

/// `CREDS_KEY` and `CREDS_IV` as Node reads them (`CREDS_IV` may be unset
/// when the cipher does not use it).
fn keys(ctx: &Ctx, v: Version) -> Result<(Bytes, Bytes)> {
    let key = required(ctx, DotenvSecret::CredsKey)?;
    let iv = match v {
        Version::V1 => crypto::node_hex(required(ctx, DotenvSecret::CredsIv)?.expose_secret()),
        _ => crypto::node_hex(var(ctx, "CREDS_IV").unwrap_or_default()),
    };
    Ok((crypto::node_hex(key.expose_secret()), iv))
}

/// A cipher's refusal as authctl's error, with LibreChat's own message.
fn refusal(r: &Refusal) -> Error {
    let theirs = r.librechat_message();
    match r {
        Refusal::KeyLength { got, version } => Error::usage(format!(
            "CREDS_KEY is {got} bytes as LibreChat reads it, and its {} needs {} (LibreChat fails the same way: \"{theirs}\"); `authctl --profile librechat secret check` says what is wrong with it",
            version.function(),
            if *version == Version::V3 { "32 bytes (64 hex digits)" } else { "16, 24 or 32 bytes" }
        )),
        Refusal::IvLength { got, own: false, .. } => Error::usage(format!(
            "CREDS_IV is {got} bytes as LibreChat reads it, and its v1 cipher needs 16 (32 hex digits) (LibreChat: \"{theirs}\"); `authctl --profile librechat secret check` says what is wrong with it"
        )),
        Refusal::IvLength { got, own: true, version } => Error::Negative(format!(
            "the value's IV is {got} bytes, not 16: it is not a LibreChat {} value (LibreChat: \"{theirs}\")",
            version.function()
        )),
        Refusal::Undecryptable(v) => Error::Negative(format!(
            "the value does not decrypt under CREDS_KEY{}: another key encrypted it, or it is not a LibreChat {} value (LibreChat: \"{theirs}\")",
            if *v == Version::V1 { " and CREDS_IV" } else { "" },
            v.function()
        )),
        Refusal::NotThisVersion(_) => Error::Negative(format!(
            "the value does not start with \"v3:\", so it is not a v3 value (LibreChat: \"{theirs}\"); drop --cipher to tell its cipher by its form"
        )),
    }
}

#[derive(serde::Serialize)]
struct Encrypted {
    value: String,
    cipher: Version,
}

impl Report for Encrypted {
    fn human(&self) -> Human {
        Human::Data(self.value.clone())
    }
}

fn encrypt(cipher: Option<CipherArg>, ctx: &Ctx) -> Result<Outcome> {
    let Some(cipher) = cipher else {
        return Err(Error::usage(
            "choose LibreChat's cipher: --cipher v1 (users' endpoint keys, plugin credentials), v2 (actions, MCP and OAuth tokens) or v3 (two-factor secrets)",
        ));
    };
    let v = version(cipher);
    let (key, iv) = keys(ctx, v)?;
    let plain = super::secret::read_stdin("the plaintext")?;
    let text = std::str::from_utf8(&plain).map_err(|_| {
        Error::usage("the plaintext on stdin is not UTF-8 text, which is all LibreChat encrypts")
    })?;
    let value = crypto::encrypt(v, &key, &iv, text)?.map_err(|r| refusal(&r))?;
    Ok(Outcome::report(&Encrypted { value, cipher: v }))
}

#[derive(serde::Serialize)]
struct Decrypted<'a> {
    plaintext: &'a str,
    cipher: Version,
    encrypted: bool,
}

fn decrypt(cipher: Option<CipherArg>, ctx: &Ctx) -> Result<Outcome> {
    let input = super::secret::read_stdin("the value")?;
    let value = std::str::from_utf8(&input)
        .map_err(|_| Error::usage("the value on stdin is not UTF-8 text"))?
        .trim();
    if value.is_empty() {
        return Err(Error::usage(
            "no value on stdin; pipe in a value LibreChat stored",
        ));
    }
    let v = cipher.map_or_else(|| Version::of(value), version);
    let (key, iv) = keys(ctx, v)?;
    let (bytes, encrypted) = match crypto::decrypt(v, &key, &iv, value).map_err(|r| refusal(&r))? {
        Plain::Bytes(b) => (b, true),
        Plain::Unencrypted => (zeroize::Zeroizing::new(value.as_bytes().to_vec()), false),
    };
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let mut note = String::new();
    if !encrypted {
        note = "the value has no \":\", so LibreChat's decryptV2 returns it as it is (a value stored before encryption)".into();
    } else if std::str::from_utf8(&bytes).is_err() {
        note = format!(
            "the plaintext is not UTF-8 text: CREDS_KEY is probably not the key it was encrypted under ({} values carry no check, so a wrong key gives bytes, not an error)",
            v.function()
        );
    }
    let text = zeroize::Zeroizing::new(text);
    Ok(Outcome::new()
        .json(Decrypted {
            plaintext: &text,
            cipher: v,
            encrypted,
        })
        .raw(bytes.to_vec())
        .note(note))
}

pub fn token(cmd: TokenCommand, ctx: &Ctx) -> Result<Outcome> {
    match cmd {
        TokenCommand::Mint(args) => mint(&args, ctx),
        TokenCommand::Decode { token } => super::token::decode(&token, ctx),
        TokenCommand::Verify(args) => verify(&args, ctx),
        TokenCommand::Revoke(_) => Err(refused("Revoking a LibreChat refresh token (its session)")),
        TokenCommand::List { .. } => Err(refused("Listing a LibreChat user's sessions")),
    }
}

/// A lifetime from `--ttl`, else what LibreChat makes of `setting`'s
/// variable (in milliseconds): settings resolved it, with LibreChat's
/// default where the variable is unset or LibreChat ignores it; a number
/// LibreChat cannot use, or a form authctl does not evaluate, is refused.
fn lifetime(ctx: &Ctx, arg: Option<&str>, setting: Setting) -> Result<u64> {
    let s = &ctx.settings;
    if let Some(t) = arg {
        return token::parse_ttl(t);
    }
    let resolved = match setting {
        Setting::RefreshTokenTtl => s.refresh_ttl,
        _ => s.access_ttl,
    };
    let name = s.var_name(setting);
    let Some(text) = var(ctx, name) else {
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
struct Minted {
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
}

impl Report for Minted {
    fn human(&self) -> Human {
        Human::Data(self.token.clone())
    }
}

fn mint(args: &MintArgs, ctx: &Ctx) -> Result<Outcome> {
    if !lc::token::is_object_id(&args.user) {
        return Err(Error::usage(format!(
            "--user \"{}\" is not a MongoDB id: LibreChat's tokens name a user by the 24 hex digits of its _id in the users collection",
            crate::output::shown(&args.user)
        )));
    }
    if args.alg.is_some_and(|a| a != Alg::HS256) {
        return Err(Error::usage(
            "LibreChat signs its tokens with HS256 only; drop --alg",
        ));
    }
    if args.iss.is_some() || args.aud.is_some() {
        return Err(Error::usage(
            "LibreChat's tokens carry no issuer or audience; drop --iss and --aud",
        ));
    }
    let mut fields = Map::new();
    for c in &args.claims {
        let (k, v) = token::parse_claim_arg(c)?;
        fields.insert(k, v);
    }
    let iat = crate::clock::unix_now();
    let refresh = args.token_type == TokenTypeArg::Refresh;
    let (secret, claims, session_id) = if refresh {
        let session_id = match fields.remove("sessionId") {
            Some(Value::String(id)) if lc::token::is_object_id(&id) => id,
            Some(other) => {
                return Err(Error::usage(format!(
                    "--claim sessionId={other} is not a MongoDB id (24 hex digits)"
                )))
            }
            None => lc::token::object_id(iat)?,
        };
        if let Some(k) = fields.keys().next() {
            return Err(Error::usage(format!(
                "LibreChat's refresh tokens carry id and sessionId only; --claim {k}=… is not one of them (drop it)"
            )));
        }
        let ttl = lifetime(ctx, args.ttl.as_deref(), Setting::RefreshTokenTtl)?;
        let claims = lc::token::refresh_claims(&args.user, &session_id, iat, ttl);
        (
            required(ctx, DotenvSecret::JwtRefreshSecret)?,
            claims,
            Some(session_id),
        )
    } else {
        let ttl = lifetime(ctx, args.ttl.as_deref(), Setting::AccessTokenTtl)?;
        let claims = lc::token::access_claims(&args.user, &fields, iat, ttl)?;
        (required(ctx, DotenvSecret::JwtSecret)?, claims, None)
    };
    let key = token::SigningKey::hmac_bytes(secret.expose_secret().as_bytes().to_vec());
    let jwt = token::mint(&key, Alg::HS256, &claims)?;
    let exp = claims.get("exp").and_then(Value::as_i64).unwrap_or(iat);
    let hash = refresh.then(|| token::token_sha256_hex(&jwt));
    let note = match (&session_id, &hash) {
        (Some(sid), Some(h)) => format!(
            "LibreChat accepts this refresh token only while user {}'s session {sid} with refreshTokenHash {h} is in MongoDB, which authctl does not reach",
            args.user
        ),
        _ => format!(
            "LibreChat accepts this access token while user {} exists in MongoDB; send it as `Authorization: Bearer …`",
            args.user
        ),
    };
    Ok(Outcome::report(&Minted {
        token: jwt,
        token_type: if refresh { "refresh" } else { "access" },
        user_id: args.user.clone(),
        expires_at: crate::clock::unix_to_rfc3339(exp),
        session_id,
        refresh_token_hash: hash,
    })
    .note(note))
}

fn verify(args: &VerifyArgs, ctx: &Ctx) -> Result<Outcome> {
    let raw = super::token::read_token(&args.token, ctx)?;
    let at = match &args.at {
        Some(t) => super::token::parse_time(t)?,
        None => crate::clock::unix_now(),
    };
    let access = required(ctx, DotenvSecret::JwtSecret)?;
    let refresh = match var(ctx, "JWT_REFRESH_SECRET") {
        Some(v) if !v.is_empty() => Some(SecretString::from(v.to_string())),
        _ => None,
    };
    let decoded = match token::decode_unverified(&raw) {
        Ok(d) => d,
        Err(e) => return Ok(invalid(e.one_line(), None, None)),
    };
    let mut ours = vec![&access];
    ours.extend(refresh.as_ref());
    if let Some(why) = super::token_flowise::wider_hmac(&decoded, &ours, "LibreChat") {
        return Ok(invalid(why, None, None));
    }
    // Which secret signed it says which token it is.
    let (kind, key) = match &refresh {
        Some(r)
            if decoded.alg == "HS256"
                && signed_by(&decoded, r)
                && !signed_by(&decoded, &access) =>
        {
            (TokenType::Refresh, r.clone())
        }
        _ => (TokenType::Access, access),
    };
    let policy = VerifyPolicy {
        alg: Alg::HS256,
        leeway: args.leeway,
        expected_type: None,
        issuer: None,
        audience: None,
        // jsonwebtoken accepts a token without exp.
        require_exp: false,
    };
    let keys = [VerifyKey::hmac_bytes(
        key.expose_secret().as_bytes().to_vec(),
    )];
    let verified = match token::verify(&raw, &policy, &keys, at) {
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
            return Ok(invalid(reason, r.header, r.claims));
        }
    };
    let (header, claims) = (verified.header, verified.claims);
    if let Some(wanted) = args.token_type {
        let wanted = super::token::token_type(wanted);
        if wanted != kind {
            return Ok(invalid(
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
            ));
        }
    }
    let Some(id) = claims.get("id").and_then(Value::as_str).map(str::to_string) else {
        return Ok(invalid(
            "it has no id claim, so LibreChat finds no user for it and refuses it".into(),
            Some(header),
            Some(claims),
        ));
    };
    let mut note = format!("valid LibreChat {} token for user {id}", kind.as_str());
    if let Some(exp) = claims.get("exp").and_then(token::numeric_date) {
        note.push_str(&format!("; {}", token::humanize_relative(exp, at)));
    }
    note.push_str(match kind {
        TokenType::Refresh => "; LibreChat also needs the user and a session holding this token's hash in MongoDB, which authctl does not check",
        TokenType::Access => "; LibreChat also needs the user in MongoDB, which authctl does not check",
    });
    Ok(Outcome::report(&Verdict {
        valid: true,
        reason: None,
        token_type: Some(kind.as_str()),
        meta: None,
        header: Some(header),
        claims: Some(claims),
    })
    .note(note))
}
