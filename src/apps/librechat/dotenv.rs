//! `secret check|generate|encrypt|decrypt` for LibreChat, whose secrets
//! live in its `.env` (no key file) and whose stored credentials are
//! under `CREDS_KEY`/`CREDS_IV` in three ciphers of its own (`crypto`).

use super::crypto::{self, Plain, Refusal, Version};
use super::{cross_problems, required, where_read, DotenvSecret};
use crate::apps::EnvSecrets;
use crate::error::{Error, Result};
use crate::output::{Human, Outcome, Report};
use crate::secrets::Encoding;
use crate::settings::Settings;
use secrecy::ExposeSecret;

/// LibreChat's `.env` secrets.
pub(super) struct Dotenv;

impl EnvSecrets for Dotenv {
    fn no_key_file(&self) -> &'static str {
        "LibreChat reads its secrets from .env, not from key files; `authctl --profile librechat init --out .env` adds the ones missing"
    }

    fn default_encoding(&self) -> Encoding {
        Encoding::Hex
    }

    fn check(&self, s: &Settings, var: Option<&str>) -> Option<Outcome> {
        match var {
            None => Some(check_all(s, &DotenvSecret::ALL)),
            Some(var) => DotenvSecret::from_var(var).map(|one| check_all(s, &[one])),
        }
    }

    fn encrypt(&self, s: &Settings, cipher: Option<&str>) -> Result<Outcome> {
        encrypt(s, cipher)
    }

    fn decrypt(&self, s: &Settings, cipher: Option<&str>) -> Result<Outcome> {
        decrypt(s, cipher)
    }
}

/// One secret's verdict.
#[derive(serde::Serialize)]
struct Judged {
    variable: &'static str,
    set: bool,
    problems: Vec<String>,
}

fn check_all(s: &Settings, which: &[DotenvSecret]) -> Outcome {
    let mut verdicts = Vec::new();
    for &secret in which {
        let value = s.lookup(secret.var());
        let problems = match value {
            None if !secret.required() => Vec::new(),
            None => vec![format!(
                "{} is not set in {}; `authctl --profile librechat init --out .env` adds it",
                secret.var(),
                where_read(s)
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
        cross_problems(&|n| s.lookup(n).map(str::to_string))
    } else {
        Vec::new()
    };
    lines.extend(cross.iter().map(|p| format!("weak: {p}")));
    let strong = verdicts.iter().all(|v| v.problems.is_empty()) && cross.is_empty();
    Outcome::new()
        .json(serde_json::json!({ "strong": strong, "secrets": verdicts, "problems": cross }))
        .note(lines.join("\n"))
        .code(if strong {
            0
        } else {
            crate::error::exit::NEGATIVE
        })
}

/// The cipher `--cipher` names.
fn named(cipher: &str) -> Result<Version> {
    Version::named(cipher).ok_or_else(|| {
        Error::usage(format!(
            "--cipher {cipher}: LibreChat's ciphers are v1, v2 and v3"
        ))
    })
}

/// Key bytes, zeroed when dropped.
type Bytes = zeroize::Zeroizing<Vec<u8>>;

/// `CREDS_KEY` and `CREDS_IV` as Node reads them (`CREDS_IV` may be unset
/// when the cipher does not use it).
fn keys(s: &Settings, v: Version) -> Result<(Bytes, Bytes)> {
    let key = required(s, DotenvSecret::CredsKey)?;
    let iv = match v {
        Version::V1 => crypto::node_hex(required(s, DotenvSecret::CredsIv)?.expose_secret()),
        _ => crypto::node_hex(s.lookup("CREDS_IV").unwrap_or_default()),
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

fn encrypt(s: &Settings, cipher: Option<&str>) -> Result<Outcome> {
    let Some(cipher) = cipher else {
        return Err(Error::usage(
            "choose LibreChat's cipher: --cipher v1 (users' endpoint keys, plugin credentials), v2 (actions, MCP and OAuth tokens) or v3 (two-factor secrets)",
        ));
    };
    let v = named(cipher)?;
    let (key, iv) = keys(s, v)?;
    let plain = crate::input::stdin(crate::input::VALUE, "the plaintext on stdin")?;
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

fn decrypt(s: &Settings, cipher: Option<&str>) -> Result<Outcome> {
    let input = crate::input::stdin(crate::input::VALUE, "the value on stdin")?;
    let value = std::str::from_utf8(&input)
        .map_err(|_| Error::usage("the value on stdin is not UTF-8 text"))?
        .trim();
    if value.is_empty() {
        return Err(Error::usage(
            "no value on stdin; pipe in a value LibreChat stored",
        ));
    }
    let v = match cipher {
        Some(c) => named(c)?,
        None => Version::of(value),
    };
    let (key, iv) = keys(s, v)?;
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
