//! `authctl secret …`: generate, check, encrypt, decrypt.

use super::Ctx;
use crate::cli::{EncodingArg, SecretCommand, SecretGenerateArgs, SecretSourceArgs};
use crate::error::{Error, Result};
use crate::output::Outcome;
use crate::secrets::{self, Encoding};
use crate::signing;
use secrecy::{ExposeSecret, SecretString};
use serde_json::json;
use std::io::Read;

pub fn run(cmd: SecretCommand, ctx: &Ctx) -> Result<Outcome> {
    match cmd {
        SecretCommand::Generate(args) => generate(&args, ctx),
        SecretCommand::Check(args) => check(&args, ctx),
        SecretCommand::Encrypt => encrypt(ctx),
        SecretCommand::Decrypt => decrypt(ctx),
    }
}

fn encoding(e: EncodingArg) -> Encoding {
    match e {
        EncodingArg::Urlsafe => Encoding::UrlSafe,
        EncodingArg::Hex => Encoding::Hex,
        EncodingArg::Base64 => Encoding::Base64,
    }
}

fn generate(args: &SecretGenerateArgs, ctx: &Ctx) -> Result<Outcome> {
    let secret = secrets::generate(args.bytes, encoding(args.encoding))?;
    if args.write {
        let report = secrets::write_secret_file(&ctx.settings.config_dir, &secret, args.force)?;
        let mut note = format!(
            "wrote the secret key to \"{}\" ({})",
            report.path.display(),
            report.fingerprint
        );
        if let Some(b) = &report.backup {
            note.push_str(&format!("; the old one is kept as \"{}\"", b.display()));
        }
        return Ok(Outcome::new()
            .json(&report)
            .stdout(report.path.display().to_string())
            .note(note));
    }
    let value = secret.expose_secret();
    let line = match &args.env {
        Some(name) => {
            crate::settings::validate_var_name(name)?;
            format!("{name}={value}")
        }
        None => value.to_string(),
    };
    Ok(Outcome::new()
        .json(json!({ "secret": value, "fingerprint": secrets::fingerprint(value) }))
        .stdout(line))
}

/// The secret to judge: an explicit source, else the configured secret key.
fn secret_to_check(args: &SecretSourceArgs, ctx: &Ctx) -> Result<SecretString> {
    let s = &ctx.settings;
    if args.stdin {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .take(64 * 1024)
            .read_to_end(&mut buf)
            .map_err(|e| Error::io("cannot read the secret from stdin", e))?;
        let text = String::from_utf8(buf)
            .map_err(|_| Error::usage("the secret on stdin is not UTF-8 text"))?;
        return Ok(SecretString::from(
            text.trim_end_matches(['\n', '\r']).to_string(),
        ));
    }
    if let Some(path) = &args.file {
        let text = crate::fsutil::read_text(path, "secret file")?;
        return Ok(SecretString::from(text.trim().to_string()));
    }
    if let Some(name) = &args.env {
        return s
            .lookup(name)
            .map(|v| SecretString::from(v.to_string()))
            .ok_or_else(|| {
                Error::usage(format!(
                    "--env {name}: the variable {name} is not set or is empty"
                ))
            });
    }
    signing::require_secret_key(s)
}

fn check(args: &SecretSourceArgs, ctx: &Ctx) -> Result<Outcome> {
    let secret = secret_to_check(args, ctx)?;
    let reasons = secrets::check(secret.expose_secret());
    let strong = reasons.is_empty();
    let note = if strong {
        "the secret is strong".to_string()
    } else {
        reasons
            .iter()
            .map(|r| format!("weak: {r}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    Ok(Outcome::new()
        .json(json!({ "strong": strong, "reasons": reasons }))
        .note(note)
        .code(if strong {
            0
        } else {
            crate::error::exit::NEGATIVE
        }))
}

fn read_stdin(what: &str) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    std::io::stdin()
        .lock()
        .take(64 * 1024 * 1024)
        .read_to_end(&mut buf)
        .map_err(|e| Error::io(format!("cannot read {what} from stdin"), e))?;
    Ok(buf)
}

fn encrypt(ctx: &Ctx) -> Result<Outcome> {
    let key = signing::require_secret_key(&ctx.settings)?;
    let plain = zeroize::Zeroizing::new(read_stdin("the plaintext")?);
    let fernet = secrets::fernet_for(key.expose_secret())?;
    let token = secrets::encrypt(&fernet, &plain);
    Ok(Outcome::new().json(json!({ "token": token })).stdout(token))
}

fn decrypt(ctx: &Ctx) -> Result<Outcome> {
    let key = signing::require_secret_key(&ctx.settings)?;
    let token = String::from_utf8(read_stdin("the token")?)
        .map_err(|_| Error::usage("the Fernet token on stdin is not UTF-8 text"))?;
    let plain = zeroize::Zeroizing::new(secrets::decrypt_with_secret(
        key.expose_secret(),
        token.trim(),
    )?);
    Ok(Outcome::new()
        .json(json!({ "plaintext": String::from_utf8_lossy(&plain) }))
        .raw(plain.to_vec()))
}
