//! `doctor` for Flowise: the production checklist of its authentication
//! guide (<https://www.mintlify.com/FlowiseAI/Flowise/deployment/authentication>:
//! strong secrets, APP_URL and secure cookies, SMTP for password reset, token lifetimes,
//! CORS) and what its issue trackers report most (key files others can
//! read; credentials that "could not be decrypted" after a redeploy lost
//! `encryption.key`), as checks. Secrets are resolved exactly as Flowise
//! resolves them (`flowise::secrets`).

use crate::apps::flowise::releases::SecretSource;
use crate::apps::flowise::secrets::{self as flowise_secrets, FlowiseSecret, Resolved, Source};
use crate::doctor::{fail, owner_only, pass, warn, Check};
use crate::settings::Settings;
use secrecy::ExposeSecret;

/// Every Flowise check, the database ones included.
pub fn run(s: &Settings) -> Vec<Check> {
    let mut checks = vec![storage(s), secretkey_path(s)];
    // The database's release says where the auth secrets come from; a
    // database that cannot be read is reported by its own check.
    let from = super::secret_source(s).unwrap_or(SecretSource::KeyFiles);
    for secret in FlowiseSecret::ALL.into_iter().filter(|x| x.is_secret()) {
        checks.push(secret_check(s, secret, from));
    }
    checks.push(key_file_modes(s));
    checks.push(crate::doctor::config_dir_mode(s));
    checks.push(crate::doctor::backup_modes(s));
    checks.push(rotation_pending(s));
    checks.push(cookies(s));
    checks.push(smtp(s));
    checks.push(cors(s));
    checks.push(unauthorized_certs(s));
    checks.push(crate::doctor::access_ttl(s));
    checks.push(crate::doctor::refresh_ttl(s));
    checks.push(crate::doctor::new_user_is_active(s));
    checks.push(sessions(s));
    checks.extend(crate::doctor::database(s));
    checks.push(credentials(s));
    checks.push(crate::doctor::key_shadowed(s));
    checks
}

fn var<'a>(s: &'a Settings, name: &str) -> Option<&'a str> {
    s.lookup(name)
}

fn lookup(s: &Settings) -> impl Fn(&str) -> Option<String> + '_ {
    |name| s.lookup(name).map(str::to_string)
}

fn storage(s: &Settings) -> Check {
    const ID: &str = "flowise.secret_storage";
    if var(s, "SECRETKEY_STORAGE_TYPE") == Some("aws") {
        warn(
            ID,
            "SECRETKEY_STORAGE_TYPE=aws: the secrets no variable gives are in AWS Secrets Manager, which authctl cannot read, so they are not checked here",
            "check them in AWS, or give them to this command in their variables",
        )
    } else {
        pass(
            ID,
            format!(
                "secrets are in variables and in \"{}\"",
                s.config_dir.display()
            ),
        )
    }
}

fn secretkey_path(s: &Settings) -> Check {
    const ID: &str = "flowise.secretkey_path";
    if var(s, "SECRETKEY_PATH").is_some() {
        pass(ID, "SECRETKEY_PATH names the key directory")
    } else {
        warn(
            ID,
            "SECRETKEY_PATH is unset: Flowise then takes the first encryption.key it finds inside its own installation before ~/.flowise, so which key it uses depends on how it was installed",
            "set SECRETKEY_PATH (to ~/.flowise to keep today's files) for Flowise and authctl alike",
        )
    }
}

fn id_of(secret: FlowiseSecret) -> &'static str {
    match secret {
        FlowiseSecret::Encryption => "flowise.encryption_key",
        FlowiseSecret::JwtAuth => "flowise.jwt_auth_secret",
        FlowiseSecret::JwtRefresh => "flowise.jwt_refresh_secret",
        FlowiseSecret::TokenHash => "flowise.token_hash_secret",
        FlowiseSecret::ExpressSession => "flowise.session_secret",
        FlowiseSecret::JwtIssuer => "flowise.jwt_issuer",
        FlowiseSecret::JwtAudience => "flowise.jwt_audience",
    }
}

/// One secret: present, strong, and not an ignored weak default.
fn secret_check(s: &Settings, secret: FlowiseSecret, from: SecretSource) -> Check {
    let id = id_of(secret);
    let what = flowise_secrets::describe(secret);
    let file = s.config_dir.join(secret.file());
    // Flowise ignores its old defaults only from 3.1.0, with its key files.
    let ignored = from == SecretSource::KeyFiles
        && var(s, secret.var()).is_some_and(|v| Some(v) == secret.weak_default());
    let fix_weak = match (secret, from) {
        (FlowiseSecret::Encryption, _) => {
            "replace it with `authctl secret rotate`, which re-encrypts the credentials".to_string()
        }
        (_, SecretSource::BuiltIns) => format!(
            "set {} in Flowise's environment to a strong value (`authctl secret generate`); this release reads no key file for it",
            secret.var()
        ),
        _ => format!(
            "replace it: unset {} and run `authctl keygen --force`",
            secret.var()
        ),
    };
    match flowise_secrets::resolve(secret, &lookup(s), &s.config_dir, from) {
        Ok(Some(Resolved {
            source: Source::BuiltIn,
            value,
        })) => fail(
            id,
            format!(
                "Flowise (before 3.1.0) uses its public built-in {what} \"{}\", the same in every copy of its source, so anyone can {}",
                value.expose_secret(),
                match secret {
                    FlowiseSecret::TokenHash => "forge the meta claim its tokens carry",
                    FlowiseSecret::ExpressSession => "sign session cookies it accepts",
                    _ => "mint tokens it accepts",
                }
            ),
            fix_weak,
        ),
        Err(e) => warn(id, e.one_line(), "give the secret in its variable to check it"),
        Ok(None) => warn(
            id,
            format!(
                "no {what}: Flowise will generate \"{}\" at its next start, readable by everyone (0644)",
                file.display()
            ),
            "run `authctl keygen` first: it writes the missing key files 0600",
        ),
        Ok(Some(resolved)) => {
            let from = match &resolved.source {
                Source::Env(v) => v.clone(),
                Source::File(p) => format!("\"{}\"", p.display()),
                Source::BuiltIn => "Flowise's built-in".to_string(),
            };
            let reasons = crate::secrets::check(resolved.value.expose_secret());
            if !reasons.is_empty() {
                fail(
                    id,
                    format!("the {what} in {from} is weak: {}", reasons.join("; ")),
                    fix_weak,
                )
            } else if ignored {
                warn(
                    id,
                    format!(
                        "{} is set to Flowise's old default, which Flowise ignores (it uses {from})",
                        secret.var()
                    ),
                    format!("remove {} from the environment", secret.var()),
                )
            } else {
                pass(id, format!("the {what} in {from} is strong"))
            }
        }
    }
}

/// Flowise writes its key files 0644; they are secrets.
fn key_file_modes(s: &Settings) -> Check {
    const ID: &str = "flowise.key_file_modes";
    let open: Vec<String> = FlowiseSecret::ALL
        .into_iter()
        .filter(|x| x.is_secret())
        .map(|x| s.config_dir.join(x.file()))
        .filter(|p| owner_only(ID, p).status != crate::doctor::Status::Pass)
        .map(|p| {
            format!(
                "{} ({:04o})",
                p.file_name().unwrap_or_default().to_string_lossy(),
                crate::fsutil::mode_of(&p).unwrap_or(0)
            )
        })
        .collect();
    if open.is_empty() {
        pass(ID, "the key files are readable by their owner only")
    } else {
        fail(
            ID,
            format!(
                "key files others can read (Flowise writes them 0644): {}",
                open.join(", ")
            ),
            format!("chmod 600 \"{}\"/*.key", s.config_dir.display()),
        )
    }
}

fn rotation_pending(s: &Settings) -> Check {
    const ID: &str = "flowise.rotation";
    let pending = s.config_dir.join(flowise_secrets::PENDING_FILE);
    if pending.exists() {
        fail(
            ID,
            format!(
                "an encryption key rotation was interrupted (\"{}\" is still there)",
                pending.display()
            ),
            "run `authctl secret rotate` to finish or discard it",
        )
    } else {
        pass(ID, "no unfinished rotation")
    }
}

/// Flowise's `secureCookie`: NODE_ENV=production forces it; else
/// SECURE_COOKIES=false/true; else an https APP_URL.
fn cookies(s: &Settings) -> Check {
    const ID: &str = "flowise.secure_cookies";
    let app_url = var(s, "APP_URL").unwrap_or_default();
    let https = app_url.trim().to_ascii_lowercase().starts_with("https://");
    let secure = match (var(s, "NODE_ENV"), var(s, "SECURE_COOKIES")) {
        (Some("production"), _) => true,
        (_, Some("false")) => false,
        (_, Some("true")) => true,
        _ => https,
    };
    match (secure, https) {
        (true, _) => pass(ID, "session cookies are sent over HTTPS only (Secure)"),
        (false, true) => fail(
            ID,
            "APP_URL is https, but SECURE_COOKIES=false sends the session cookies without Secure",
            "remove SECURE_COOKIES=false (or set it to true)",
        ),
        (false, false) => warn(
            ID,
            "session cookies are not Secure and APP_URL is not https: anyone on the network path can take a session",
            "serve Flowise over HTTPS and set APP_URL=https://… (SECURE_COOKIES=true behind a TLS proxy)",
        ),
    }
}

/// SMTP counts as configured when host, user and password are set and the
/// port is a number (`enterprise/utils/sendEmail.js`).
fn smtp(s: &Settings) -> Check {
    const ID: &str = "flowise.smtp";
    let set = |n: &str| var(s, n).is_some_and(|v| !v.trim().is_empty());
    let port = var(s, "SMTP_PORT").is_some_and(|p| p.trim().parse::<u16>().is_ok());
    if set("SMTP_HOST") && set("SMTP_USER") && set("SMTP_PASSWORD") && port {
        pass(
            ID,
            "SMTP is configured: users can reset a forgotten password",
        )
    } else {
        warn(
            ID,
            "SMTP is not configured (SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD): Flowise's forgot-password answers \"Email (SMTP) is not configured\", so a locked-out user needs an administrator",
            "configure SMTP, or reset passwords with `authctl superuser --reset-password --username EMAIL`",
        )
    }
}

fn cors(s: &Settings) -> Check {
    const ID: &str = "flowise.cors";
    let origins = var(s, "CORS_ORIGINS").unwrap_or_default();
    let credentials = var(s, "CORS_ALLOW_CREDENTIALS") == Some("true");
    match (origins.trim(), credentials) {
        ("*", true) => fail(
            ID,
            "CORS_ORIGINS=* with CORS_ALLOW_CREDENTIALS=true lets any site make credentialed calls",
            "list the origins in CORS_ORIGINS (https://flowise.example.com,…)",
        ),
        ("*", false) => warn(
            ID,
            "CORS_ORIGINS=*: any web site may call the API from a browser",
            "list the origins in CORS_ORIGINS (https://flowise.example.com,…)",
        ),
        ("", _) => pass(
            ID,
            "CORS_ORIGINS is unset: no other origin may call the API",
        ),
        (list, _) => pass(ID, format!("CORS_ORIGINS lists {list}")),
    }
}

fn unauthorized_certs(s: &Settings) -> Check {
    const ID: &str = "flowise.unauthorized_certs";
    if var(s, "ALLOW_UNAUTHORIZED_CERTS") == Some("true") {
        warn(
            ID,
            "ALLOW_UNAUTHORIZED_CERTS=true: the mail server's certificate is not checked",
            "set ALLOW_UNAUTHORIZED_CERTS=false",
        )
    } else {
        pass(ID, "mail server certificates are checked")
    }
}

fn sessions(s: &Settings) -> Check {
    const ID: &str = "flowise.sessions";
    match (var(s, "EXPIRE_AUTH_TOKENS_ON_RESTART"), var(s, "MODE")) {
        (Some("true"), _) => pass(
            ID,
            "EXPIRE_AUTH_TOKENS_ON_RESTART=true: sessions live in memory and end at each restart (authctl cannot mint them)",
        ),
        (_, Some("queue")) => pass(ID, "MODE=queue: sessions live in Redis (authctl cannot mint them)"),
        _ => pass(
            ID,
            "sessions live in the database (login_sessions) and survive restarts",
        ),
    }
}

/// Every value Flowise encrypts decrypts under the configured key; those
/// that do not are named, with the backup key in the key directory that
/// does decrypt them, if one does.
fn credentials(s: &Settings) -> Check {
    const ID: &str = "flowise.credentials_decrypt";
    let key = match flowise_secrets::resolve(
        FlowiseSecret::Encryption,
        &lookup(s),
        &s.config_dir,
        SecretSource::KeyFiles,
    ) {
        Ok(Some(k)) => k.value,
        Ok(None) => {
            return pass(
                ID,
                "no encryption key yet, so nothing is encrypted under one",
            )
        }
        Err(e) => {
            return warn(
                ID,
                e.one_line(),
                "give the key in FLOWISE_SECRETKEY_OVERWRITE to check",
            )
        }
    };
    let mut db = match crate::store::open(s, crate::store::Access::Read) {
        Ok(Some(db)) => db,
        Ok(None) => return pass(ID, "no database, so no credentials"),
        Err(e) => return fail(ID, e.one_line(), "fix the database first"),
    };
    let backups = backup_keys(s);
    let mut total = 0usize;
    let mut lost: Vec<String> = Vec::new();
    let mut rescued: Vec<String> = Vec::new();
    let mut look = |value: &str, row: &str| -> crate::error::Result<String> {
        total += 1;
        if crate::apps::flowise::crypto::decrypt(key.expose_secret(), value).is_none() {
            match backups
                .iter()
                .find(|(_, k)| crate::apps::flowise::crypto::decrypt(k, value).is_some())
            {
                Some((file, _)) => rescued.push(format!("{row} (decrypts under {file})")),
                None => lost.push(row.to_string()),
            }
        }
        Ok(value.to_string())
    };
    if let Err(e) = db.encrypted_values().reencrypt(&mut look, true) {
        return fail(ID, e.one_line(), "check the database");
    }
    let bad = lost.len() + rescued.len();
    if bad == 0 {
        return pass(
            ID,
            format!("all {total} encrypted value(s) decrypt under the configured encryption key"),
        );
    }
    let mut message = format!(
        "{bad} of {total} encrypted value(s) do not decrypt under the configured encryption key, and Flowise reports them as \"credentials could not be decrypted\": {}",
        rescued.iter().chain(lost.iter()).cloned().collect::<Vec<_>>().join(", ")
    );
    if message.len() > 2000 {
        let mut cut = 2000;
        while !message.is_char_boundary(cut) {
            cut -= 1;
        }
        message.truncate(cut);
        message.push('…');
    }
    let fix = if rescued.is_empty() {
        "restore the encryption.key (or FLOWISE_SECRETKEY_OVERWRITE) they were saved under, from a backup or an old .env, or enter those credentials again in Flowise".to_string()
    } else {
        "a backup key decrypts them: `authctl secret rotate --from-key BACKUP` moves them to the current key (`authctl secret identify` shows which key holds what); enter the rest again in Flowise".to_string()
    };
    fail(ID, message, fix)
}

/// The backups of `encryption.key` in the key directory, by file name.
fn backup_keys(s: &Settings) -> Vec<(String, String)> {
    let Ok(entries) = std::fs::read_dir(&s.config_dir) else {
        return Vec::new();
    };
    let mut keys: Vec<(String, String)> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            let is_backup = name.starts_with("encryption.key.") && name.ends_with(".bak");
            if !is_backup {
                return None;
            }
            let bytes =
                crate::fsutil::read_regular(&e.path(), "backup key", crate::fsutil::KEY_FILE_LIMIT)
                    .ok()??;
            Some((name, String::from_utf8(bytes.to_vec()).ok()?))
        })
        .collect();
    keys.sort();
    keys
}
