//! `authctl secret …`: generate, check, encrypt, decrypt.

use super::Ctx;
use crate::cli::{
    EncodingArg, SecretCommand, SecretGenerateArgs, SecretRotateArgs, SecretSourceArgs,
};
use crate::error::{Error, Result};
use crate::output::Outcome;
use crate::profile::Setting;
use crate::secrets::{self, Encoding};
use crate::signing;
use secrecy::{ExposeSecret, SecretString};
use serde_json::json;

pub fn run(cmd: SecretCommand, ctx: &Ctx) -> Result<Outcome> {
    match cmd {
        SecretCommand::Generate(args) => generate(&args, ctx),
        SecretCommand::Check(args) => check(&args, ctx),
        SecretCommand::Encrypt => encrypt(ctx),
        SecretCommand::Decrypt => decrypt(ctx),
        SecretCommand::Rotate(args) => rotate(&args, ctx),
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
        let buf =
            crate::fsutil::read_capped(std::io::stdin().lock(), 64 * 1024, "the secret on stdin")?;
        let text = std::str::from_utf8(&buf)
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

/// Encrypt/decrypt input: anything up to 64 MiB, refused (not cut) beyond.
fn read_stdin(what: &str) -> Result<zeroize::Zeroizing<Vec<u8>>> {
    crate::fsutil::read_capped(
        std::io::stdin().lock(),
        64 * 1024 * 1024,
        &format!("{what} on stdin"),
    )
}

fn encrypt(ctx: &Ctx) -> Result<Outcome> {
    let key = signing::require_secret_key(&ctx.settings)?;
    let plain = read_stdin("the plaintext")?;
    let fernet = secrets::fernet_for(key.expose_secret())?;
    let token = secrets::encrypt(&fernet, &plain);
    Ok(Outcome::new().json(json!({ "token": token })).stdout(token))
}

fn decrypt(ctx: &Ctx) -> Result<Outcome> {
    let key = signing::require_secret_key(&ctx.settings)?;
    let input = read_stdin("the token")?;
    let token = std::str::from_utf8(&input)
        .map_err(|_| Error::usage("the Fernet token on stdin is not UTF-8 text"))?;
    let plain = zeroize::Zeroizing::new(secrets::decrypt_with_secret(
        key.expose_secret(),
        token.trim(),
    )?);
    Ok(Outcome::new()
        .json(json!({ "plaintext": String::from_utf8_lossy(&plain) }))
        .raw(plain.to_vec()))
}

use crate::secrets::lock::PENDING_FILE;

fn rotate(args: &SecretRotateArgs, ctx: &Ctx) -> Result<Outcome> {
    let s = &ctx.settings;
    let dir = &s.config_dir;
    let pending = dir.join(PENDING_FILE);
    if s.secret_key.is_some() {
        return Err(Error::Conflict(format!(
            "{} is set, and the server would keep using it after the rotation; unset it so the secret_key file is used, then rotate",
            s.var_name(Setting::SecretKey)
        )));
    }
    // Held until the new key is in place: no other rotation runs, no
    // process encrypts under the old key meanwhile, and a pending key
    // found now was left by a process that is gone.
    let _lock = secrets::lock::exclusive(dir, secrets::lock::LOCK_WAIT)?;
    let old = signing::require_secret_key(s)?;
    if crate::fsutil::exists(&pending)? {
        return resolve_interrupted(&old, ctx, args.dry_run);
    }
    let new = if args.new_key_stdin {
        let buf = crate::fsutil::read_capped(
            std::io::stdin().lock(),
            4096,
            "the new secret key on stdin",
        )?;
        let text = std::str::from_utf8(&buf)
            .map_err(|_| Error::usage("the new secret key on stdin is not UTF-8 text"))?;
        SecretString::from(text.trim().to_string())
    } else {
        secrets::generate(secrets::DEFAULT_BYTES, Encoding::UrlSafe)?
    };
    let reasons = secrets::check(new.expose_secret());
    if !reasons.is_empty() {
        return Err(Error::usage(format!(
            "the new secret key is weak: {}",
            reasons.join("; ")
        )));
    }
    if new.expose_secret() == old.expose_secret() {
        return Err(Error::usage(
            "the new secret key is the current one; give a different key",
        ));
    }
    let new_fernet = secrets::fernet_for(new.expose_secret())?;
    if !args.dry_run && !args.yes {
        if !ctx.ui.can_prompt() || args.new_key_stdin {
            return Err(Error::usage(
                "secret rotate changes every encrypted value and the secret_key file; pass --yes (or --dry-run first)",
            ));
        }
        if !ctx
            .ui
            .confirm("Re-encrypt every secret value and replace the secret key?")?
        {
            return Err(Error::Negative("not rotated: nothing was changed".into()));
        }
    }

    let mut rekey = |value: &str, row: &str| -> Result<String> {
        let plain = zeroize::Zeroizing::new(
            secrets::decrypt_with_secret(old.expose_secret(), value).map_err(|_| {
                Error::Negative(format!(
                    "{row} does not decrypt under the current secret key; nothing was changed"
                ))
            })?,
        );
        Ok(secrets::encrypt(&new_fernet, &plain))
    };
    // One handle for the whole rotation; no database means nothing encrypted.
    let mut db = crate::store::open(s, crate::store::Access::Read)?;
    let report = match (&mut db, args.dry_run) {
        (None, _) => Vec::new(),
        (Some(db), true) => db.encrypted_values().reencrypt(&mut rekey, true)?,
        (Some(db), false) => {
            // The new key is on disk before the database changes, so no
            // crash can leave values encrypted under a key nobody has.
            crate::fsutil::write_atomic(
                &pending,
                new.expose_secret().as_bytes(),
                crate::fsutil::SECRET_MODE,
                crate::fsutil::Overwrite::Refuse,
            )?;
            match db.encrypted_values().reencrypt(&mut rekey, false) {
                Ok(r) => r,
                Err(e) => {
                    let _ = std::fs::remove_file(&pending);
                    return Err(e);
                }
            }
        }
    };
    let total: usize = report.iter().map(|r| r.values).sum();
    let table = crate::output::table(
        &["TABLE", "COLUMN", "VALUES"],
        report
            .iter()
            .filter(|r| r.values > 0)
            .map(|r| vec![r.table.clone(), r.column.clone(), r.values.to_string()])
            .collect(),
    );
    if args.dry_run {
        return Ok(Outcome::new()
            .json(json!({ "dry_run": true, "values": total, "columns": report }))
            .stdout(if total > 0 { table } else { String::new() })
            .note(format!(
                "dry run: {total} value(s) would be re-encrypted; every one decrypts under the current key; nothing was changed"
            )));
    }
    let written = secrets::write_secret_file(dir, &new, true)?;
    let _ = std::fs::remove_file(&pending);
    crate::fsutil::sync_dir(dir)?;
    let mut note = format!(
        "re-encrypted {total} value(s); the secret key is now {} ({})",
        written.path.display(),
        written.fingerprint
    );
    if let Some(b) = &written.backup {
        note.push_str(&format!("; the old key is kept as \"{}\"", b.display()));
    }
    note.push_str("; restart the server: HS256 tokens signed with the old key no longer verify");
    Ok(Outcome::new()
        .json(json!({
            "dry_run": false,
            "values": total,
            "columns": report,
            "secret_key": written.path,
            "fingerprint": written.fingerprint,
            "backup": written.backup,
        }))
        .stdout(if total > 0 { table } else { String::new() })
        .note(note))
}

/// How many encrypted values decrypt under the current key, under the
/// pending key, and under neither.
#[derive(Debug, Default)]
struct Census {
    old: usize,
    new: usize,
    neither: usize,
}

fn census(old: &SecretString, new: &SecretString, ctx: &Ctx) -> Result<Census> {
    let mut census = Census::default();
    let Some(mut db) = crate::store::open(&ctx.settings, crate::store::Access::Read)? else {
        return Ok(census);
    };
    let mut count = |value: &str, _row: &str| -> Result<String> {
        if secrets::decrypt_with_secret(old.expose_secret(), value).is_ok() {
            census.old += 1;
        } else if secrets::decrypt_with_secret(new.expose_secret(), value).is_ok() {
            census.new += 1;
        } else {
            census.neither += 1;
        }
        Ok(value.to_string())
    };
    db.encrypted_values().reencrypt(&mut count, true)?;
    Ok(census)
}

/// A rotation was interrupted: the pending key is on disk and, as we hold
/// the rotation lock, its process is gone. The pending key is discarded
/// only when no value uses it. When some do, the rotation is finished:
/// any value still under the current key (written by an older authctl
/// that did not wait for the rotation) is re-encrypted to the pending key
/// in one transaction, then the pending key is installed. A value under
/// neither key stops it with both keys left where they are.
fn resolve_interrupted(old: &SecretString, ctx: &Ctx, dry_run: bool) -> Result<Outcome> {
    let dir = &ctx.settings.config_dir;
    let pending = dir.join(PENDING_FILE);
    let new = crate::fsutil::read_text(&pending, "pending secret key")
        .map(|t| SecretString::from(t.trim().to_string()))?;
    let census = census(old, &new, ctx)?;
    if census.new == 0 && census.neither == 0 {
        if !dry_run {
            std::fs::remove_file(&pending)
                .map_err(|e| Error::io(format!("cannot remove \"{}\"", pending.display()), e))?;
            crate::fsutil::sync_dir(dir)?;
        }
        return Ok(Outcome::new()
            .json(json!({ "interrupted": "discarded", "dry_run": dry_run }))
            .note(format!(
                "{}an interrupted rotation that had not changed the database; the secret key is unchanged; run `authctl secret rotate` again to rotate",
                if dry_run { "would discard " } else { "discarded " }
            )));
    }
    if census.neither > 0 {
        return Err(Error::Conflict(format!(
            "an interrupted rotation left \"{}\", and {} database value(s) decrypt under neither it nor the current key; both keys are kept: restore the database and key from a backup",
            pending.display(),
            census.neither
        )));
    }
    if dry_run {
        return Ok(Outcome::new()
            .json(json!({ "interrupted": "finish", "dry_run": true, "values_to_move": census.old }))
            .note(format!(
                "would finish an interrupted rotation: {} value(s) are under the pending key, {} would be moved to it",
                census.new, census.old
            )));
    }
    if census.old > 0 {
        let new_fernet = secrets::fernet_for(new.expose_secret())?;
        let mut to_new = |value: &str, row: &str| -> Result<String> {
            if secrets::decrypt_with_secret(new.expose_secret(), value).is_ok() {
                return Ok(value.to_string());
            }
            let plain = zeroize::Zeroizing::new(
                secrets::decrypt_with_secret(old.expose_secret(), value).map_err(|_| {
                    Error::Negative(format!(
                        "{row} decrypts under neither key; nothing was changed"
                    ))
                })?,
            );
            Ok(secrets::encrypt(&new_fernet, &plain))
        };
        if let Some(mut db) = crate::store::open(&ctx.settings, crate::store::Access::Read)? {
            db.encrypted_values().reencrypt(&mut to_new, false)?;
        }
    }
    let written = secrets::write_secret_file(dir, &new, true)?;
    let _ = std::fs::remove_file(&pending);
    crate::fsutil::sync_dir(dir)?;
    Ok(Outcome::new()
        .json(json!({ "interrupted": "finished", "dry_run": false, "fingerprint": written.fingerprint, "backup": written.backup }))
        .note(format!(
            "finished an interrupted rotation: the secret key is now {} ({}); restart the server",
            written.path.display(),
            written.fingerprint
        )))
}
