//! `authctl secret …`: generate, check, encrypt, decrypt, rotate (whose
//! protocol is `secrets::rotate`'s; this holds the lock and renders).

use super::Ctx;
use crate::cli::{
    EncodingArg, SecretCommand, SecretGenerateArgs, SecretRotateArgs, SecretSourceArgs,
};
use crate::error::{Error, Result};
use crate::flowise::secrets::{self as fw, Secret};
use crate::output::{Human, Outcome, Report};
use crate::profile::{Setting, StoredKey};
use crate::secrets::rotate::{self, Interrupted};
use crate::secrets::{self, Encoding};
use crate::signing;
use secrecy::{ExposeSecret, SecretString};

pub fn run(cmd: SecretCommand, ctx: &Ctx) -> Result<Outcome> {
    if ctx.settings.profile.spec().stored_key == StoredKey::FlowiseEncryptionKey {
        return flowise(cmd, ctx);
    }
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
    let flowise = ctx.settings.profile.spec().stored_key == StoredKey::FlowiseEncryptionKey;
    let secret = match (flowise, args.bytes, args.encoding) {
        // Flowise's own generateEncryptKey: 24 bytes, base64.
        (true, None, None | Some(EncodingArg::Base64)) => Secret::Encryption.generate()?,
        (_, bytes, enc) => secrets::generate(
            bytes.unwrap_or(secrets::DEFAULT_BYTES),
            encoding(enc.unwrap_or(if flowise {
                EncodingArg::Base64
            } else {
                EncodingArg::Urlsafe
            })),
        )?,
    };
    if args.write {
        let dir = &ctx.settings.config_dir;
        let (report, what) = if flowise {
            let report = fw::write_key_file(dir, Secret::Encryption, &secret, args.force)?;
            (report, "Flowise's encryption key")
        } else {
            (
                secrets::write_secret_file(dir, &secret, args.force)?,
                "the secret key",
            )
        };
        let mut note = format!(
            "wrote {what} to \"{}\" ({})",
            report.path.display(),
            report.fingerprint
        );
        if let Some(b) = &report.backup {
            note.push_str(&format!("; the old one is kept as \"{}\"", b.display()));
        }
        if flowise && report.backup.is_some() {
            note.push_str("; values saved under the old key no longer decrypt (`secret rotate` replaces a key and re-encrypts them)");
        }
        return Ok(Outcome::new()
            .json(&report)
            .human(Human::Data(report.path.display().to_string()))
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
        .json(Generated {
            secret: value,
            fingerprint: secrets::fingerprint(value),
        })
        .human(Human::Data(line)))
}

/// `secret generate`: the secret (printed once) and its fingerprint.
#[derive(serde::Serialize)]
struct Generated<'a> {
    secret: &'a str,
    fingerprint: String,
}

/// `secret check`: the verdict and its reasons.
#[derive(serde::Serialize)]
struct Judged {
    strong: bool,
    reasons: Vec<String>,
}

/// `secret encrypt`: the Fernet token.
#[derive(serde::Serialize)]
struct Encrypted {
    token: String,
}

impl Report for Encrypted {
    fn human(&self) -> Human {
        Human::Data(self.token.clone())
    }
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
    judge(&secret_to_check(args, ctx)?)
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
    Ok(Outcome::report(&Encrypted { token }))
}

/// `secret decrypt --json`: the plaintext as text (without `--json` the
/// bytes go to stdout exactly).
#[derive(serde::Serialize)]
struct Decrypted<'a> {
    plaintext: &'a str,
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
        .json(Decrypted {
            plaintext: &String::from_utf8_lossy(&plain),
        })
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
        return interrupted(&old, ctx, args.dry_run);
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
    // A key Fernet cannot use is refused before anything is asked or written.
    secrets::fernet_for(new.expose_secret())?;
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

    // One handle for the whole rotation; no database means nothing encrypted.
    let mut db = crate::store::open(s, crate::store::Access::Read)?;
    let values = db.as_mut().map(|db| db.encrypted_values());
    let report = rotate::rotate(dir, &rotate::FernetKey, &old, &new, values, args.dry_run)?;
    let table = rotation_table(&report);
    let total = report.values;
    let note = match &report.written {
        None => format!(
            "dry run: {total} value(s) would be re-encrypted; every one decrypts under the current key; nothing was changed"
        ),
        Some(written) => {
            let mut note = format!(
                "re-encrypted {total} value(s); the secret key is now {} ({})",
                written.path.display(),
                written.fingerprint
            );
            if let Some(b) = &written.backup {
                note.push_str(&format!("; the old key is kept as \"{}\"", b.display()));
            }
            note.push_str(
                "; restart the server: HS256 tokens signed with the old key no longer verify",
            );
            note
        }
    };
    Ok(Outcome::new().json(&report).human(table).note(note))
}

/// The columns a rotation re-encrypted, for humans.
fn rotation_table(report: &rotate::Rotated) -> Human {
    Human::Table {
        header: &["TABLE", "COLUMN", "VALUES"],
        rows: report
            .columns
            .iter()
            .filter(|r| r.values > 0)
            .map(|r| vec![r.table.clone(), r.column.clone(), r.values.to_string()])
            .collect(),
    }
}

/// Report what became of a rotation found interrupted.
fn interrupted(old: &SecretString, ctx: &Ctx, dry_run: bool) -> Result<Outcome> {
    let mut db = crate::store::open(&ctx.settings, crate::store::Access::Read)?;
    let values = db.as_mut().map(|db| db.encrypted_values());
    let outcome = rotate::resolve_interrupted(
        &ctx.settings.config_dir,
        &rotate::FernetKey,
        old,
        values,
        dry_run,
    )?;
    Ok(interrupted_outcome(outcome))
}

/// What became of an interrupted rotation, for humans and JSON.
fn interrupted_outcome(outcome: Interrupted) -> Outcome {
    let note = match &outcome {
        Interrupted::Discarded { dry_run } => format!(
            "{}an interrupted rotation that had not changed the database; the secret key is unchanged; run `authctl secret rotate` again to rotate",
            if *dry_run { "would discard " } else { "discarded " }
        ),
        Interrupted::Finish {
            under_pending,
            values_to_move,
            ..
        } => format!(
            "would finish an interrupted rotation: {under_pending} value(s) are under the pending key, {values_to_move} would be moved to it"
        ),
        Interrupted::Finished { written, .. } => format!(
            "finished an interrupted rotation: the secret key is now {} ({}); restart the server",
            written.path.display(),
            written.fingerprint
        ),
    };
    Outcome::new().json(&outcome).note(note)
}

// Flowise: its encryption key (`encryption.key` or
// FLOWISE_SECRETKEY_OVERWRITE) and CryptoJS values.

fn flowise(cmd: SecretCommand, ctx: &Ctx) -> Result<Outcome> {
    match cmd {
        SecretCommand::Generate(args) => generate(&args, ctx),
        SecretCommand::Check(args) => {
            if args.stdin || args.file.is_some() || args.env.is_some() {
                judge(&secret_to_check(&args, ctx)?)
            } else {
                judge(&fw_key(ctx)?.value)
            }
        }
        SecretCommand::Encrypt => {
            let key = fw_key(ctx)?;
            let plain = read_stdin("the plaintext")?;
            let token = crate::flowise::crypto::encrypt(key.value.expose_secret(), &plain)?;
            Ok(Outcome::report(&Encrypted { token }))
        }
        SecretCommand::Decrypt => {
            let key = fw_key(ctx)?;
            let input = read_stdin("the value")?;
            let value = std::str::from_utf8(&input)
                .map_err(|_| Error::usage("the value on stdin is not UTF-8 text"))?;
            let plain = crate::flowise::crypto::decrypt(key.value.expose_secret(), value)
                .ok_or_else(|| {
                    Error::Negative(
                        "the value does not decrypt under Flowise's encryption key (or is not a CryptoJS value)".into(),
                    )
                })?;
            Ok(Outcome::new()
                .json(Decrypted { plaintext: &plain })
                .raw(plain.as_bytes().to_vec()))
        }
        SecretCommand::Rotate(args) => fw_rotate(&args, ctx),
    }
}

/// The variable lookup Flowise's secrets are resolved with.
fn lookup(ctx: &Ctx) -> impl Fn(&str) -> Option<String> + '_ {
    |name| ctx.settings.lookup(name).map(str::to_string)
}

fn fw_key(ctx: &Ctx) -> Result<fw::Resolved> {
    fw::require(Secret::Encryption, &lookup(ctx), &ctx.settings.config_dir)
}

fn judge(secret: &SecretString) -> Result<Outcome> {
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
        .json(Judged { strong, reasons })
        .note(note)
        .code(if strong {
            0
        } else {
            crate::error::exit::NEGATIVE
        }))
}

fn fw_rotate(args: &SecretRotateArgs, ctx: &Ctx) -> Result<Outcome> {
    let s = &ctx.settings;
    let dir = &s.config_dir;
    let key = fw_key(ctx)?;
    if let fw::Source::Env(var) = &key.source {
        return Err(Error::Conflict(format!(
            "{var} is set, and Flowise would keep using it after the rotation; unset it so encryption.key is used, then rotate"
        )));
    }
    let _lock = secrets::lock::exclusive(dir, secrets::lock::LOCK_WAIT)?;
    // Read again under the lock: what another rotation left is what counts.
    let old = fw_key(ctx)?.value;
    let scheme = fw::EncryptionKey;
    if crate::fsutil::exists(&dir.join(fw::PENDING_FILE))? {
        let mut db = crate::store::open(s, crate::store::Access::Read)?;
        let values = db.as_mut().map(|db| db.encrypted_values());
        let outcome = rotate::resolve_interrupted(dir, &scheme, &old, values, args.dry_run)?;
        return Ok(interrupted_outcome(outcome));
    }
    let new = if args.new_key_stdin {
        let buf = crate::fsutil::read_capped(
            std::io::stdin().lock(),
            4096,
            "the new encryption key on stdin",
        )?;
        let text = std::str::from_utf8(&buf)
            .map_err(|_| Error::usage("the new encryption key on stdin is not UTF-8 text"))?;
        SecretString::from(text.trim_end_matches(['\n', '\r']).to_string())
    } else {
        Secret::Encryption.generate()?
    };
    let reasons = secrets::check(new.expose_secret());
    if !reasons.is_empty() {
        return Err(Error::usage(format!(
            "the new encryption key is weak: {}",
            reasons.join("; ")
        )));
    }
    if new.expose_secret() == old.expose_secret() {
        return Err(Error::usage(
            "the new encryption key is the current one; give a different key",
        ));
    }
    if !args.dry_run && !args.yes {
        if !ctx.ui.can_prompt() || args.new_key_stdin {
            return Err(Error::usage(
                "secret rotate re-encrypts every stored credential and replaces encryption.key; pass --yes (or --dry-run first)",
            ));
        }
        if !ctx
            .ui
            .confirm("Re-encrypt every stored credential and replace encryption.key?")?
        {
            return Err(Error::Negative("not rotated: nothing was changed".into()));
        }
    }
    let mut db = crate::store::open(s, crate::store::Access::Read)?;
    let values = db.as_mut().map(|db| db.encrypted_values());
    let report = rotate::rotate(dir, &scheme, &old, &new, values, args.dry_run)?;
    let total = report.values;
    let note = match &report.written {
        None => format!(
            "dry run: {total} value(s) would be re-encrypted; every one decrypts under the current encryption key; nothing was changed"
        ),
        Some(written) => {
            let mut note = format!(
                "re-encrypted {total} value(s); the encryption key is now {} ({})",
                written.path.display(),
                written.fingerprint
            );
            if let Some(b) = &written.backup {
                note.push_str(&format!("; the old key is kept as \"{}\"", b.display()));
            }
            note.push_str("; start Flowise again (it must not save credentials while the key changes)");
            note
        }
    };
    Ok(Outcome::new()
        .json(&report)
        .human(rotation_table(&report))
        .note(note))
}
