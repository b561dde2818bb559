//! `authctl secret …`: generate, check, encrypt, decrypt, rotate (whose
//! protocol is `secrets::rotate`'s; this holds the lock and renders).

use super::Ctx;
use crate::apps::EnvSecrets;
use crate::cli::{
    CipherArg, EncodingArg, SecretCommand, SecretGenerateArgs, SecretIdentifyArgs,
    SecretRotateArgs, SecretSourceArgs,
};
use crate::error::{Error, Result};
use crate::output::{Human, Outcome, Report};
use crate::secrets::rescue::{self, Candidate};
use crate::secrets::rotate::{self, Interrupted};
use crate::secrets::{self, Encoding};
use secrecy::{ExposeSecret, SecretString};

pub fn run(cmd: SecretCommand, ctx: &Ctx) -> Result<Outcome> {
    let s = &ctx.settings;
    let app = s.profile.app();
    // An app that keeps its secrets in its .env, with ciphers of its own.
    if let Some(env) = app.env_secrets() {
        match &cmd {
            SecretCommand::Generate(args) => return generate_for_env(args, env),
            SecretCommand::Check(args) if !args.stdin && args.file.is_none() => {
                if let Some(out) = env.check(s, args.env.as_deref()) {
                    return Ok(out);
                }
            }
            SecretCommand::Encrypt(a) => return env.encrypt(s, a.cipher.map(cipher_name)),
            SecretCommand::Decrypt(a) => return env.decrypt(s, a.cipher.map(cipher_name)),
            _ => {}
        }
    }
    if let SecretCommand::Encrypt(a) | SecretCommand::Decrypt(a) = &cmd {
        no_cipher(a, ctx)?;
    }
    match cmd {
        SecretCommand::Generate(args) => generate(&args, ctx),
        SecretCommand::Check(args) => check(&args, ctx),
        SecretCommand::Encrypt(_) => encrypt(ctx),
        SecretCommand::Decrypt(_) => decrypt(ctx),
        SecretCommand::Rotate(args) => rotate(&args, ctx),
        SecretCommand::Identify(args) => identify(&args, ctx),
    }
}

fn cipher_name(c: CipherArg) -> &'static str {
    match c {
        CipherArg::V1 => "v1",
        CipherArg::V2 => "v2",
        CipherArg::V3 => "v3",
    }
}

/// `secret generate` where the secrets live in the app's `.env`: printed
/// only, in the app's encoding unless asked otherwise.
fn generate_for_env(args: &SecretGenerateArgs, env: &dyn EnvSecrets) -> Result<Outcome> {
    if args.write {
        return Err(Error::usage(env.no_key_file()));
    }
    let secret = secrets::generate(
        args.bytes.unwrap_or(secrets::DEFAULT_BYTES),
        args.encoding.map_or(env.default_encoding(), encoding),
    )?;
    printed(&secret, args.env.as_deref())
}

fn encoding(e: EncodingArg) -> Encoding {
    match e {
        EncodingArg::Urlsafe => Encoding::UrlSafe,
        EncodingArg::Hex => Encoding::Hex,
        EncodingArg::Base64 => Encoding::Base64,
    }
}

fn generate(args: &SecretGenerateArgs, ctx: &Ctx) -> Result<Outcome> {
    let key = stored_values_key(ctx)?;
    let default = key.default_encoding;
    let secret = match (args.bytes, args.encoding.map(encoding)) {
        // The app's own form of its key.
        (None, None) => (key.generate)()?,
        (None, Some(enc)) if enc == default => (key.generate)()?,
        (bytes, enc) => secrets::generate(
            bytes.unwrap_or(secrets::DEFAULT_BYTES),
            enc.unwrap_or(default),
        )?,
    };
    if args.write {
        let dir = &ctx.settings.config_dir;
        let report = (key.write)(dir, &secret, args.force)?;
        let mut note = format!(
            "wrote {} to \"{}\" ({})",
            key.words.written,
            report.path.display(),
            report.fingerprint
        );
        if let Some(b) = &report.backup {
            note.push_str(&format!("; the old one is kept as \"{}\"", b.display()));
            if let Some(replaced) = key.words.replaced {
                note.push_str("; ");
                note.push_str(replaced);
            }
        }
        return Ok(Outcome::new()
            .json(&report)
            .human(Human::Data(report.path.display().to_string()))
            .note(note));
    }
    printed(&secret, args.env.as_deref())
}

/// A generated secret as `secret generate` prints it: alone, or as a
/// `NAME=value` line with `--env NAME`.
pub(super) fn printed(secret: &SecretString, env: Option<&str>) -> Result<Outcome> {
    let value = secret.expose_secret();
    let line = match env {
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
pub(super) fn secret_to_check(args: &SecretSourceArgs, ctx: &Ctx) -> Result<SecretString> {
    let s = &ctx.settings;
    if args.stdin {
        let buf = crate::input::stdin(crate::input::SECRET, "the secret on stdin")?;
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
    s.profile.app().require_current_key(s)
}

fn check(args: &SecretSourceArgs, ctx: &Ctx) -> Result<Outcome> {
    judge(&secret_to_check(args, ctx)?)
}

/// Encrypt/decrypt input.
fn read_stdin(what: &str) -> Result<zeroize::Zeroizing<Vec<u8>>> {
    crate::input::stdin(crate::input::VALUE, &format!("{what} on stdin"))
}

fn encrypt(ctx: &Ctx) -> Result<Outcome> {
    let s = &ctx.settings;
    let scheme = stored_values_key(ctx)?.scheme;
    let key = s.profile.app().require_current_key(s)?;
    // A short key is encrypted under as the database's release derives it
    // (Langflow before 1.10.1); a long one is the key in every release, so
    // the database is not needed for it.
    let short = s.profile.app().encrypts_by_release()
        && key.expose_secret().chars().count() < secrets::MINIMUM_SECRET_KEY_LENGTH;
    let scheme = match short {
        true => match crate::store::open(s, crate::store::Access::Read)? {
            Some(db) => db.scheme(scheme),
            None => scheme,
        },
        false => scheme,
    };
    let plain = read_stdin("the plaintext")?;
    let token = scheme.encrypt(&key, &plain)?;
    Ok(Outcome::report(&Encrypted { token }))
}

/// `secret decrypt --json`: the plaintext as text (without `--json` the
/// bytes go to stdout exactly).
#[derive(serde::Serialize)]
struct Decrypted<'a> {
    plaintext: &'a str,
}

fn decrypt(ctx: &Ctx) -> Result<Outcome> {
    let s = &ctx.settings;
    let stored = stored_values_key(ctx)?;
    let key = s.profile.app().require_current_key(s)?;
    let input = read_stdin(stored.words.value)?;
    let text =
        std::str::from_utf8(&input).map_err(|_| Error::usage(stored.words.value_not_text))?;
    let plain = (stored.decrypt)(&key, text)?;
    Ok(Outcome::new()
        .json(Decrypted {
            plaintext: &String::from_utf8_lossy(&plain),
        })
        .raw(plain.to_vec()))
}

fn rotate(args: &SecretRotateArgs, ctx: &Ctx) -> Result<Outcome> {
    let s = &ctx.settings;
    let app = s.profile.app();
    let key = rotation_key(ctx)?;
    let (scheme, words, name) = (key.scheme, key.words, key.scheme.key_name());
    let dir = &s.config_dir;
    // A recovery leaves the key where it is, in the file or the variable:
    // it only moves values to it. A rotation replaces the file, which the
    // app would not read while its variable is set.
    if args.from_key.is_empty() && app.key_from_variable(s)? {
        return Err(Error::Conflict(format!(
            "{} is set, and {} would keep using it after the rotation; unset it so {} is used, then rotate",
            key.var, words.server, words.file
        )));
    }
    // Held until the new key is in place: no other rotation runs, no
    // process encrypts under the old key meanwhile, and a pending key
    // found now was left by a process that is gone.
    let _lock = secrets::lock::exclusive(dir, secrets::lock::LOCK_WAIT)?;
    // Read under the lock: what another rotation left is what counts.
    let old = app.require_current_key(s)?;
    // One handle for the whole rotation; no database means nothing
    // encrypted. Its release says how values are encrypted for it.
    let mut db = crate::store::open(s, crate::store::Access::Read)?;
    let scheme = db.as_ref().map_or(scheme, |db| db.scheme(scheme));
    if !args.from_key.is_empty() {
        return recover(scheme, &args.from_key, &old, db, args, ctx);
    }
    if crate::fsutil::exists(&dir.join(key.pending_file))? {
        let values = db.as_mut().map(|db| db.encrypted_values());
        let outcome = rotate::resolve_interrupted(dir, scheme, &old, values, args.dry_run)?;
        return Ok(interrupted_outcome(outcome));
    }
    let new = if args.new_key_stdin {
        let what = format!("the new {name} on stdin");
        let buf = crate::input::stdin(crate::input::NEW_KEY, &what)?;
        let text = std::str::from_utf8(&buf)
            .map_err(|_| Error::usage(format!("{what} is not UTF-8 text")))?;
        (key.from_stdin)(text)
    } else {
        (key.generate)()?
    };
    // A key the cipher cannot use is refused for its form first, before
    // anything is asked or written.
    scheme.encrypt(&new, b"")?;
    // A key given is judged; one drawn here from the OS generator, in the
    // app's own form, is random by construction (the estimate is rough).
    let reasons = if args.new_key_stdin {
        secrets::check(new.expose_secret())
    } else {
        Vec::new()
    };
    if !reasons.is_empty() {
        return Err(Error::usage(format!(
            "the new {name} is weak: {}",
            reasons.join("; ")
        )));
    }
    if new.expose_secret() == old.expose_secret() {
        return Err(Error::usage(format!(
            "the new {name} is the current one; give a different key"
        )));
    }
    if !args.dry_run && !args.yes {
        if !ctx.ui.can_prompt() || args.new_key_stdin {
            return Err(Error::usage(format!(
                "secret rotate {}; pass --yes (or --dry-run first)",
                words.what
            )));
        }
        if !ctx.ui.confirm(words.confirm)? {
            return Err(Error::Negative("not rotated: nothing was changed".into()));
        }
    }

    let values = db.as_mut().map(|db| db.encrypted_values());
    let report = rotate::rotate(dir, scheme, &old, &new, values, args.dry_run)?;
    let total = report.values;
    let note = match &report.written {
        None => format!(
            "dry run: {total} value(s) would be re-encrypted; every one decrypts under the current {}; nothing was changed",
            words.current
        ),
        Some(written) => {
            let mut note = format!(
                "re-encrypted {total} value(s); the {name} is now {} ({})",
                written.path.display(),
                written.fingerprint
            );
            if let Some(b) = &written.backup {
                note.push_str(&format!("; the old key is kept as \"{}\"", b.display()));
            }
            note.push_str("; ");
            note.push_str(words.after);
            note
        }
    };
    Ok(Outcome::new()
        .json(&report)
        .human(rotation_table(&report))
        .note(note))
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

/// `--cipher` is LibreChat's; elsewhere it would be silently ignored.
fn no_cipher(args: &crate::cli::CipherArgs, ctx: &Ctx) -> Result<()> {
    match args.cipher {
        Some(_) => Err(Error::usage(format!(
            "--cipher chooses one of LibreChat's ciphers; {} has one, so drop it (or use --profile librechat)",
            ctx.settings.profile.spec().app
        ))),
        None => Ok(()),
    }
}

pub(super) fn judge(secret: &SecretString) -> Result<Outcome> {
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

/// `secret identify`: each candidate and what it decrypts.
#[derive(serde::Serialize)]
struct IdentifyReport {
    total: usize,
    /// The candidate every value decrypts under, if one does.
    all_under: Option<String>,
    candidates: Vec<rotate::Identified>,
}

impl Report for IdentifyReport {
    fn human(&self) -> Human {
        Human::Table {
            header: &["CANDIDATE", "FINGERPRINT", "DECRYPTS"],
            rows: self
                .candidates
                .iter()
                .map(|c| {
                    vec![
                        c.candidate.clone(),
                        c.fingerprint.clone(),
                        format!("{} of {}", c.decrypts, c.total),
                    ]
                })
                .collect(),
        }
    }
}

/// The key of stored values in this profile's app.
fn stored_values_key(ctx: &Ctx) -> Result<crate::apps::StoredValuesKey> {
    ctx.settings
        .profile
        .app()
        .stored_values_key()
        .ok_or_else(|| {
            Error::usage(format!(
                "{} keeps no key file for its stored values",
                ctx.settings.profile.spec().app
            ))
        })
}

/// The key `secret rotate` and `secret identify` work on.
fn rotation_key(ctx: &Ctx) -> Result<crate::apps::StoredValuesKey> {
    ctx.settings.profile.app().rotation_key().ok_or_else(|| {
        Error::usage(format!(
            "{} keeps no key for its stored values",
            ctx.settings.profile.spec().app
        ))
    })
}

fn identify(args: &SecretIdentifyArgs, ctx: &Ctx) -> Result<Outcome> {
    let s = &ctx.settings;
    let key = rotation_key(ctx)?;
    let (scheme, key_file, pending, vars) =
        (key.scheme, key.file, key.pending_file, key.env_vars());
    let given: Vec<Candidate> = args
        .candidates
        .iter()
        .map(|c| match c.as_str() {
            "-" => Candidate::Stdin,
            path => Candidate::File(std::path::Path::new(path)),
        })
        .collect();
    let stdin = || {
        let buf = crate::input::stdin(crate::input::CANDIDATES, "the candidate keys on stdin")?;
        std::str::from_utf8(&buf)
            .map(|text| zeroize::Zeroizing::new(text.to_string()))
            .map_err(|_| Error::usage("the candidate keys on stdin are not UTF-8 text"))
    };
    let current = s.profile.app().current_key(s)?;
    let kept = (s.config_dir.as_path(), key_file, pending);
    let candidates = rescue::candidates(current, kept, &vars, &given, &stdin)?;
    let mut db = crate::store::open(s, crate::store::Access::Read)?;
    let values = db.as_mut().map(|db| db.encrypted_values());
    let found = rotate::identify(scheme, &candidates, values)?;
    let rescue::Finding {
        total,
        current_count,
        all_under,
        rest_under,
    } = rescue::finding(&found);
    let (note, recoverable) = match (&all_under, &rest_under) {
        _ if total == 0 => ("no encrypted values are stored, so any key will do".to_string(), true),
        (Some(c), _) if c == rescue::CURRENT => (format!("all {total} stored value(s) decrypt under the current key"), true),
        (Some(c), _) => (format!(
            "all {total} stored value(s) are under {c}; `authctl secret rotate --from-key FILE` with that key moves them to the current key"
        ), true),
        (None, Some(c)) => (format!(
            "{current_count} of {total} stored value(s) decrypt under the current key and the other {} under {c}; `authctl secret rotate --from-key FILE` with that key moves them to the current key",
            total - current_count
        ), true),
        (None, None) => (format!(
            "no candidate, alone or beside the current key, decrypts all {total} stored value(s); try more candidates (old .env files, backups)"
        ), false),
    };
    let code = if recoverable {
        0
    } else {
        crate::error::exit::NEGATIVE
    };
    Ok(Outcome::report(&IdentifyReport {
        total,
        all_under,
        candidates: found,
    })
    .note(note)
    .code(code))
}

/// `secret rotate --from-key FILE`, holding the rotation lock.
fn recover(
    scheme: &dyn rotate::Scheme,
    files: &[std::path::PathBuf],
    current: &SecretString,
    mut db: Option<crate::store::Store>,
    args: &SecretRotateArgs,
    ctx: &Ctx,
) -> Result<Outcome> {
    let from = rescue::old_keys(files, &rotation_key(ctx)?.env_vars(), current)?;
    if !args.dry_run && !args.yes {
        if !ctx.ui.can_prompt() {
            return Err(Error::usage(
                "secret rotate --from-key re-encrypts the stored values; pass --yes (or --dry-run first)",
            ));
        }
        if !ctx
            .ui
            .confirm("Re-encrypt the values under the given key to the current key?")?
        {
            return Err(Error::Negative("not rotated: nothing was changed".into()));
        }
    }
    let values = db.as_mut().map(|db| db.encrypted_values());
    let done = rotate::recover(scheme, &from, current, values, args.dry_run)?;
    let given = if from.len() > 1 {
        format!(
            "the {} given keys ({})",
            from.len(),
            done.moved_by_key
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(" + ")
        )
    } else {
        "the given key".to_string()
    };
    let note = if done.dry_run {
        format!(
            "dry run: {} value(s) would move from {given} to the current {}, {} are under it already; nothing was changed",
            done.moved,
            scheme.key_name(),
            done.kept
        )
    } else {
        format!(
            "moved {} value(s) from {given} to the current {}; {} were under it already; the key file is unchanged",
            done.moved,
            scheme.key_name(),
            done.kept
        )
    };
    Ok(Outcome::new().json(&done).note(note))
}
