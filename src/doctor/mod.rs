//! `doctor`: a deployment's checklist as checks (Langflow's security best
//! practices, Flowise's production checklist and the like). The checks
//! every app shares, and those of the apps whose secret key signs and
//! keys stored values (authctl's own, Langflow), live here; an app's own
//! are in its folder (`apps/<app>/doctor.rs`), and `App::doctor` picks.
//!
//! Each check is a small function over `Settings` that returns one
//! `Check`; a check never fails because another one's subject is missing
//! (that is the other check's finding). Nothing here writes anything.

use crate::error::Result;
use crate::fsutil::mode_of;
use crate::keys::{KeyDir, KeyStatus};
use crate::password;
use crate::profile::Setting;
use crate::secrets;
use crate::settings::Settings;
use crate::signing;
use crate::store::{self, Access};
use crate::token::Alg;
use rsa::traits::PublicKeyParts;
use secrecy::ExposeSecret;
use serde::Serialize;

/// How a check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Warn,
    Fail,
}

/// One line of the report.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub id: &'static str,
    pub status: Status,
    pub message: String,
    pub fix: Option<String>,
}

pub(crate) fn pass(id: &'static str, message: impl Into<String>) -> Check {
    Check {
        id,
        status: Status::Pass,
        message: message.into(),
        fix: None,
    }
}

pub(crate) fn warn(id: &'static str, message: impl Into<String>, fix: impl Into<String>) -> Check {
    Check {
        id,
        status: Status::Warn,
        message: message.into(),
        fix: Some(fix.into()),
    }
}

pub(crate) fn fail(id: &'static str, message: impl Into<String>, fix: impl Into<String>) -> Check {
    Check {
        id,
        status: Status::Fail,
        message: message.into(),
        fix: Some(fix.into()),
    }
}

/// Access tokens longer than this are warned (the seeds: 15 min to 1 h).
pub const MAX_ACCESS_TTL: u64 = 3600;
/// Refresh tokens longer than this are warned (the seeds: 7 to 30 days).
pub const MAX_REFRESH_TTL: u64 = 30 * 86_400;

/// Run every check of the profile's app.
pub fn run(s: &Settings) -> Vec<Check> {
    s.profile.app().doctor(s)
}

/// The checks of an app whose secret key signs tokens and keys its stored
/// values (authctl's own, Langflow).
pub(crate) fn secret_key_app(s: &Settings) -> Vec<Check> {
    let alg = signing::algorithm(s, None);
    let mut checks = vec![
        algorithm(s, &alg),
        secret_present(s, &alg),
        secret_strength(s),
        secret_file_mode(s),
        rotation_pending(s),
        config_dir_mode(s),
        backup_modes(s),
        key_links(s),
        private_key_mode(s),
        rsa_keys(s),
        key_variables(s),
        keys_match_algorithm(s, &alg),
        retired_keys(s),
        access_ttl(s),
        refresh_ttl(s),
        new_user_is_active(s),
        key_shadowed(s),
    ];
    if s.auto_login.is_some() {
        checks.push(auto_login(s));
    }
    if s.profile.spec().superuser_from_env {
        checks.push(superuser_password_in_env_file(s));
    }
    checks.extend(database(s));
    checks
}

fn algorithm(s: &Settings, alg: &Result<Alg>) -> Check {
    match alg {
        Ok(a) => pass(
            "config.algorithm",
            format!("{} is {a}", s.var_name(Setting::Algorithm)),
        ),
        Err(e) => fail(
            "config.algorithm",
            e.to_string(),
            format!(
                "set {} to HS256, RS256 or RS512",
                s.var_name(Setting::Algorithm)
            ),
        ),
    }
}

/// The secret key is needed for HS256, and in Langflow always (Fernet).
fn secret_present(s: &Settings, alg: &Result<Alg>) -> Check {
    const ID: &str = "secret.present";
    let needed = s.profile.spec().secret_key_always || matches!(alg, Ok(Alg::HS256));
    match signing::secret_key(s) {
        Ok(Some(_)) => pass(ID, "a secret key is configured"),
        Ok(None) if needed => fail(
            ID,
            "no secret key is configured",
            "run `authctl keygen --alg HS256` or `authctl secret generate --write`",
        ),
        Ok(None) => pass(ID, "no secret key, and the algorithm does not need one"),
        Err(e) => fail(ID, e.to_string(), "fix or replace the secret_key file"),
    }
}

/// The key variable beside the key file: the app takes the variable, so
/// stored values under the file's key (and not the variable's) no longer
/// decrypt. Both texts become keys as the app's scheme reads a key file.
pub(crate) fn key_shadowed(s: &Settings) -> Check {
    const ID: &str = "secret.shadowed";
    let Some(key) = s.profile.app().stored_values_key() else {
        return pass(ID, "the app keeps no key file");
    };
    let (scheme, var) = (key.scheme, key.var);
    let file = &s.config_dir.join(key.file);
    // The variable as the app reads it.
    let var_value = s
        .lookup(var)
        .filter(|v| !v.is_empty())
        .map(|v| scheme.pending_key(v));
    let Some(var_key) = var_value else {
        return pass(ID, format!("{var} is not set, so the key file is used"));
    };
    let file_key =
        match crate::fsutil::read_regular(file, "key file", crate::fsutil::KEY_FILE_LIMIT) {
            Ok(Some(bytes)) => match std::str::from_utf8(&bytes) {
                Ok(text) => scheme.pending_key(text),
                Err(_) => return pass(ID, format!("{var} is set; the key file is not text")),
            },
            Ok(None) => {
                return pass(
                    ID,
                    format!("{var} is set, and there is no key file beside it"),
                )
            }
            Err(e) => return warn(ID, e.one_line(), "make the key file readable to check it"),
        };
    if file_key.expose_secret() == var_key.expose_secret() {
        return pass(
            ID,
            format!("{var} holds the same key as \"{}\"", file.display()),
        );
    }
    let mut db = match store::open(s, Access::Read) {
        Ok(Some(db)) => db,
        Ok(None) => {
            return pass(
                ID,
                format!(
                    "{var} differs from \"{}\", but there is no database",
                    file.display()
                ),
            )
        }
        Err(e) => return warn(ID, e.one_line(), "fix the database first"),
    };
    let mut under_file = 0usize;
    let mut look = |value: &str, _row: &str| -> Result<String> {
        if scheme.decrypt(&var_key, value).is_none() && scheme.decrypt(&file_key, value).is_some() {
            under_file += 1;
        }
        Ok(value.to_string())
    };
    if let Err(e) = db.encrypted_values().reencrypt(&mut look, true) {
        return warn(ID, e.one_line(), "check the database");
    }
    if under_file == 0 {
        return pass(
            ID,
            format!(
                "{var} differs from \"{}\", and no stored value is under the file's key",
                file.display()
            ),
        );
    }
    fail(
        ID,
        format!(
            "{var} differs from the key in \"{}\", which {under_file} stored value(s) are under; the app uses the variable, so they do not decrypt",
            file.display()
        ),
        format!("remove {var} (or set it to the file's key); `authctl secret rotate --from-key` with the file then moves the values if the variable must stay"),
    )
}

fn secret_strength(s: &Settings) -> Check {
    const ID: &str = "secret.strength";
    match signing::secret_key(s) {
        Ok(Some(secret)) => {
            let reasons = secrets::check(secret.expose_secret());
            if reasons.is_empty() {
                pass(ID, "the secret key is strong")
            } else {
                fail(
                    ID,
                    format!("the secret key is weak: {}", reasons.join("; ")),
                    "rotate it with `authctl secret rotate`",
                )
            }
        }
        _ => pass(ID, "no secret key to judge"),
    }
}

fn secret_file_mode(s: &Settings) -> Check {
    owner_only(
        "secret.file_mode",
        &s.config_dir.join(secrets::SECRET_KEY_FILE),
    )
}

/// A secret file must be readable by its owner only (0600).
pub(crate) fn owner_only(id: &'static str, path: &std::path::Path) -> Check {
    match mode_of(path) {
        Some(mode) if mode & 0o077 != 0 => fail(
            id,
            format!(
                "\"{}\" has mode {mode:04o}; others can read it",
                path.display()
            ),
            format!("chmod 600 \"{}\"", path.display()),
        ),
        Some(_) => pass(id, format!("\"{}\" is 0600", path.display())),
        None => pass(id, format!("no \"{}\"", path.display())),
    }
}

fn rotation_pending(s: &Settings) -> Check {
    const ID: &str = "secret.rotation";
    let pending = s.config_dir.join(crate::secrets::lock::PENDING_FILE);
    let present = match crate::fsutil::exists(&pending) {
        Ok(present) => present,
        Err(e) => {
            return fail(
                ID,
                e.to_string(),
                "give the user running authctl access to the config directory",
            )
        }
    };
    if present {
        fail(
            ID,
            format!(
                "a secret rotation was interrupted (\"{}\" is still there)",
                pending.display()
            ),
            "run `authctl secret rotate` to finish or discard it",
        )
    } else {
        pass(ID, "no unfinished rotation")
    }
}

/// The key directory: writable by others fails whatever it holds (anyone
/// could replace `secret_key` or the database); readable by others is
/// warned when a private key is in it.
pub(crate) fn config_dir_mode(s: &Settings) -> Check {
    const ID: &str = "keys.dir_mode";
    let has_private = s.config_dir.join(crate::keys::PRIVATE_KEY_FILE).exists();
    match mode_of(&s.config_dir) {
        Some(mode) if mode & 0o022 != 0 => fail(
            ID,
            format!(
                "the key directory \"{}\" has mode {mode:04o}: others can replace the secret key, the keys and the database in it",
                s.config_dir.display()
            ),
            format!("chmod 700 \"{}\"", s.config_dir.display()),
        ),
        Some(mode) if has_private && mode & 0o077 != 0 => warn(
            ID,
            format!(
                "the key directory \"{}\" has mode {mode:04o}",
                s.config_dir.display()
            ),
            format!("chmod 700 \"{}\"", s.config_dir.display()),
        ),
        Some(_) => pass(ID, "the key directory is private"),
        None => pass(ID, "no key directory yet"),
    }
}

/// Backups of the secret key and private key are secrets too.
pub(crate) fn backup_modes(s: &Settings) -> Check {
    const ID: &str = "keys.backup_mode";
    let Ok(entries) = std::fs::read_dir(&s.config_dir) else {
        return pass(ID, "no key directory to look in");
    };
    let mut open: Vec<String> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            let secret = s
                .profile
                .spec()
                .secret_files
                .iter()
                .any(|f| name.starts_with(f))
                && name.ends_with(".bak");
            let mode = e.metadata().ok()?.permissions();
            let mode = std::os::unix::fs::PermissionsExt::mode(&mode) & 0o777;
            (secret && mode & 0o077 != 0).then(|| format!("{name} ({mode:04o})"))
        })
        .collect();
    open.sort();
    if open.is_empty() {
        pass(ID, "key backups are owner-only")
    } else {
        fail(
            ID,
            format!("secret backups readable by others: {}", open.join(", ")),
            format!(
                "chmod 600 the backups in \"{}\", or remove them",
                s.config_dir.display()
            ),
        )
    }
}

/// Key files that are symbolic links: authctl reads through them (as
/// Kubernetes mounts Secrets) but never writes through them.
fn key_links(s: &Settings) -> Check {
    const ID: &str = "keys.links";
    let links: Vec<String> = [
        secrets::SECRET_KEY_FILE,
        crate::keys::PRIVATE_KEY_FILE,
        crate::keys::PUBLIC_KEY_FILE,
    ]
    .iter()
    .filter_map(|name| {
        let path = s.config_dir.join(name);
        let meta = std::fs::symlink_metadata(&path).ok()?;
        meta.file_type().is_symlink().then(|| {
            let target = std::fs::read_link(&path)
                .map(|t| t.display().to_string())
                .unwrap_or_default();
            format!("{name} -> {target}")
        })
    })
    .collect();
    if links.is_empty() {
        pass(ID, "no key file is a symbolic link")
    } else {
        warn(
            ID,
            format!(
                "key files are symbolic links (read through, never written through): {}",
                links.join(", ")
            ),
            "make sure only the key's owner can change the link and its target; keygen and rotation refuse to replace a link",
        )
    }
}

/// Keys given in variables: a private key that is not a valid RSA key, or
/// a public key that is not its public half.
fn key_variables(s: &Settings) -> Check {
    const ID: &str = "keys.variables";
    if s.private_key.is_none() && s.public_key.is_none() {
        return pass(ID, "no key is given in a variable");
    }
    if let Some(pem) = &s.private_key {
        if let Err(e) = crate::keys::parse_private_pem(pem.expose_secret()) {
            return fail(
                ID,
                format!("{}: {e}", s.var_name(Setting::PrivateKey)),
                format!(
                    "set {} to a valid RSA private key",
                    s.var_name(Setting::PrivateKey)
                ),
            );
        }
    }
    match signing::public_override(s) {
        Ok(_) => pass(ID, "the keys given in variables are valid and match"),
        Err(e) => fail(
            ID,
            e.to_string(),
            format!(
                "unset {} or set it to the private key's public key",
                s.var_name(Setting::PublicKey)
            ),
        ),
    }
}

fn private_key_mode(s: &Settings) -> Check {
    owner_only(
        "keys.private_mode",
        &s.config_dir.join(crate::keys::PRIVATE_KEY_FILE),
    )
}

/// Size, and that public_key.pem matches private_key.pem.
fn rsa_keys(s: &Settings) -> Check {
    const ID: &str = "keys.rsa";
    let dir = KeyDir::new(&s.config_dir);
    let private_path = dir.private_key_path();
    if !private_path.exists() {
        return pass(ID, "no RSA key pair");
    }
    let private = match crate::fsutil::read_text(&private_path, "private key")
        .and_then(|t| crate::keys::parse_private_pem(&t))
    {
        Ok(k) => k,
        Err(e) => {
            return fail(
                ID,
                e.to_string(),
                "replace it with `authctl keygen --alg RS256 --force`",
            )
        }
    };
    let public_path = dir.public_key_path();
    if !public_path.exists() {
        return warn(
            ID,
            "public_key.pem is missing",
            "derive it with `authctl keygen --alg RS256`",
        );
    }
    match crate::fsutil::read_text(&public_path, "public key")
        .and_then(|t| crate::keys::parse_public_pem(&t))
    {
        Ok(public) if public == private.to_public_key() => pass(
            ID,
            format!("RSA-{} key pair, public key matches", private.size() * 8),
        ),
        Ok(_) => fail(
            ID,
            "public_key.pem does not match private_key.pem",
            "remove public_key.pem and run `authctl keygen --alg RS256` to derive it",
        ),
        Err(e) => fail(
            ID,
            e.to_string(),
            "remove public_key.pem and run `authctl keygen --alg RS256` to derive it",
        ),
    }
}

fn keys_match_algorithm(s: &Settings, alg: &Result<Alg>) -> Check {
    const ID: &str = "keys.algorithm";
    let Ok(alg) = alg else {
        return pass(ID, "no valid algorithm to compare");
    };
    let has_private =
        s.private_key.is_some() || s.config_dir.join(crate::keys::PRIVATE_KEY_FILE).exists();
    if alg.is_rsa() && !has_private {
        return fail(
            ID,
            format!("{alg} is configured but there is no RSA private key"),
            format!("run `authctl keygen --alg {alg}`"),
        );
    }
    pass(ID, format!("keys for {alg} are present"))
}

fn retired_keys(s: &Settings) -> Check {
    const ID: &str = "keys.retired";
    let Ok(list) = KeyDir::new(&s.config_dir).list() else {
        return pass(ID, "no key manifest to read");
    };
    let now = crate::clock::now();
    let stale: Vec<String> = list
        .iter()
        .filter(|k| k.status == KeyStatus::Retired)
        .filter(|k| {
            k.retired_at
                .as_deref()
                .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
                .is_some_and(|t| {
                    (now - t.with_timezone(&chrono::Utc)).num_seconds() > s.refresh_ttl as i64
                })
        })
        .map(|k| k.kid.clone())
        .collect();
    if stale.is_empty() {
        pass(ID, "no retired key has outlived the refresh-token lifetime")
    } else {
        warn(
            ID,
            format!(
                "retired keys older than the refresh-token lifetime still verify: {}",
                stale.join(", ")
            ),
            format!("authctl keys retire {}", stale[0]),
        )
    }
}

/// `secs` in the unit of the variable that holds `setting`.
fn in_var_unit(s: &Settings, setting: Setting, secs: u64) -> u64 {
    let per = s
        .profile
        .var(setting)
        .and_then(|v| v.unit.seconds())
        .unwrap_or(1);
    secs / per
}

pub(crate) fn access_ttl(s: &Settings) -> Check {
    const ID: &str = "tokens.access_ttl";
    if s.access_ttl > MAX_ACCESS_TTL {
        warn(
            ID,
            format!("access tokens live {} s, over an hour", s.access_ttl),
            format!(
                "set {} to {} or less",
                s.var_name(Setting::AccessTokenTtl),
                in_var_unit(s, Setting::AccessTokenTtl, MAX_ACCESS_TTL)
            ),
        )
    } else {
        pass(ID, format!("access tokens live {} s", s.access_ttl))
    }
}

pub(crate) fn refresh_ttl(s: &Settings) -> Check {
    const ID: &str = "tokens.refresh_ttl";
    if s.refresh_ttl > MAX_REFRESH_TTL {
        warn(
            ID,
            format!("refresh tokens live {} s, over 30 days", s.refresh_ttl),
            format!(
                "set {} to {} or less",
                s.var_name(Setting::RefreshTokenTtl),
                in_var_unit(s, Setting::RefreshTokenTtl, MAX_REFRESH_TTL)
            ),
        )
    } else {
        pass(ID, format!("refresh tokens live {} s", s.refresh_ttl))
    }
}

pub(crate) fn new_user_is_active(s: &Settings) -> Check {
    const ID: &str = "users.new_user_is_active";
    if s.new_user_is_active {
        warn(
            ID,
            "new users are active at once, without approval",
            format!("set {}=false", s.var_name(Setting::NewUserIsActive)),
        )
    } else {
        pass(ID, "new users wait for activation")
    }
}

fn auto_login(s: &Settings) -> Check {
    const ID: &str = "langflow.auto_login";
    let var = s.var_name(Setting::AutoLogin);
    if s.auto_login.unwrap_or(true) {
        warn(ID, format!("{var} is on ({}'s default): anyone reaching the server is logged in as the superuser", s.profile.spec().app), format!("set {var}=False"))
    } else {
        pass(ID, format!("{var} is off"))
    }
}

fn superuser_password_in_env_file(s: &Settings) -> Check {
    const ID: &str = "langflow.superuser_password";
    let var = s.var_name(Setting::SuperuserPassword);
    if s.var_in_env_file(var) {
        warn(ID, format!("{var} is kept in plain text in the env file"), format!("remove {var} from the env file once the superuser exists (it is only read to create it)"))
    } else {
        pass(ID, format!("{var} is not in the env file"))
    }
}

/// Database checks: readable, intact, known schema, private, an active
/// superuser, and password hashes at the configured cost.
pub(crate) fn database(s: &Settings) -> Vec<Check> {
    let mut checks = match &s.database {
        crate::settings::DatabaseUrl::Sqlite(path) => {
            match sqlite_file(path, s.profile.app().missing_database_fix()) {
                Ok(checks) => checks,
                Err(checks) => return checks,
            }
        }
        crate::settings::DatabaseUrl::Postgres(url) => match server(url) {
            Ok(checks) => checks,
            Err(checks) => return checks,
        },
    };
    let shown = match &s.database {
        crate::settings::DatabaseUrl::Sqlite(path) => format!("\"{}\"", path.display()),
        crate::settings::DatabaseUrl::Postgres(url) => url.target(),
    };
    let db = match store::open(s, Access::Read) {
        Ok(Some(db)) => db,
        Ok(None) => {
            checks.push(fail(
                "db.readable",
                "the database has no schema yet",
                s.profile.app().missing_database_fix(),
            ));
            return checks;
        }
        Err(e) => {
            let fix = match e {
                crate::error::Error::Release(_) => {
                    "use an authctl that serves this release (`authctl releases`; README: Supported Langflow releases), or check --db"
                }
                _ => "check --db and the file's permissions",
            };
            checks.push(fail("db.readable", e.one_line(), fix));
            return checks;
        }
    };
    checks.push(match db.release() {
        Some(release) if db.read_only_release() => warn(
            "db.readable",
            format!("{shown} opens: {release}; authctl only reads it"),
            "upgrade authctl before changing anything in it (`authctl releases` lists the releases it serves)",
        ),
        Some(release) => pass("db.readable", format!("{shown} opens: {release}")),
        None => pass(
            "db.readable",
            format!("{shown} opens, and its schema version is known"),
        ),
    });
    match db.integrity_check() {
        Ok(problems) if problems.is_empty() => checks.push(pass(
            "db.integrity",
            match s.database {
                crate::settings::DatabaseUrl::Sqlite(_) => "PRAGMA integrity_check: ok",
                crate::settings::DatabaseUrl::Postgres(_) => "no invalid index",
            },
        )),
        Ok(problems) => checks.push(fail(
            "db.integrity",
            format!("integrity_check: {}", problems.join("; ")),
            "restore the database from a backup",
        )),
        Err(e) => checks.push(fail(
            "db.integrity",
            e.one_line(),
            "restore the database from a backup",
        )),
    }
    match db.list_users() {
        Ok(users) => {
            if users.iter().any(|u| u.is_active && u.is_superuser) {
                checks.push(pass("users.superuser", "there is an active superuser"));
            } else {
                checks.push(fail(
                    "users.superuser",
                    "no active superuser",
                    "run `authctl superuser`",
                ));
            }
            let weak: Vec<&str> = users
                .iter()
                .filter(|u| !s.profile.app().strong_other_hash(&u.password_hash))
                .filter(|u| password::hash_cost(&u.password_hash).is_none_or(|c| c < s.bcrypt_cost))
                .map(|u| u.username.as_str())
                .collect();
            if weak.is_empty() {
                checks.push(pass(
                    "users.bcrypt_cost",
                    format!("every password hash has cost {} or more", s.bcrypt_cost),
                ));
            } else {
                checks.push(warn(
                    "users.bcrypt_cost",
                    format!(
                        "password hashes below cost {}: {}",
                        s.bcrypt_cost,
                        weak.join(", ")
                    ),
                    format!("reset them with `authctl user passwd {}`", weak[0]),
                ));
            }
        }
        Err(e) => checks.push(fail("users.superuser", e.one_line(), "check the database")),
    }
    checks
}

/// The checks of a SQLite file before it is opened: it exists and only its
/// owner can read it. `Err` holds the checks when there is nothing to open.
fn sqlite_file(
    path: &std::path::Path,
    missing_fix: &str,
) -> std::result::Result<Vec<Check>, Vec<Check>> {
    match crate::fsutil::exists(path) {
        Ok(true) => {}
        Ok(false) => {
            return Err(vec![fail(
                "db.readable",
                format!("database \"{}\" does not exist", path.display()),
                missing_fix,
            )])
        }
        Err(e) => {
            return Err(vec![fail(
                "db.readable",
                e.to_string(),
                "give the user running authctl access to the database and its directory",
            )])
        }
    }
    let mut checks = Vec::new();
    match mode_of(path) {
        Some(mode) if mode & 0o007 != 0 => checks.push(fail(
            "db.file_mode",
            format!(
                "\"{}\" has mode {mode:04o}; everyone can read the password hashes",
                path.display()
            ),
            format!("chmod 600 \"{}\"", path.display()),
        )),
        _ => checks.push(pass("db.file_mode", "the database is not world-readable")),
    }
    Ok(checks)
}

/// The checks of a PostgreSQL server: it answers (and how fast), and the
/// connection is encrypted when it leaves this machine. `Err` holds the
/// checks when it cannot be reached.
fn server(url: &crate::database_url::PgUrl) -> std::result::Result<Vec<Check>, Vec<Check>> {
    let mut pg = match store::postgres::Pg::connect(url) {
        Ok(pg) => pg,
        Err(e) => {
            return Err(vec![fail(
                "db.reachable",
                e.one_line(),
                "fix the URL, the password or the server, then run doctor again",
            )])
        }
    };
    let mut checks = vec![pass(
        "db.reachable",
        format!(
            "{} answers; connecting took {:.1} ms",
            url.target(),
            pg.connect_time.as_secs_f64() * 1000.0
        ),
    )];
    match pg.tls_in_use() {
        Ok(Some(version)) => checks.push(pass(
            "db.tls",
            format!("the connection is encrypted ({version}, sslmode={})", url.sslmode.name()),
        )),
        Ok(None) if url.host.is_local() => checks.push(pass(
            "db.tls",
            "the connection is not encrypted, and it stays on this machine",
        )),
        Ok(None) => checks.push(warn(
            "db.tls",
            "the connection to a server on another machine is not encrypted: passwords and hashes cross the network in clear",
            "turn ssl on in the server and use sslmode=verify-full with sslrootcert",
        )),
        Err(e) => checks.push(warn("db.tls", e.one_line(), "check the server")),
    }
    if let Some(url_mode) = matches!(
        url.sslmode,
        crate::database_url::SslMode::Prefer
            | crate::database_url::SslMode::Require
            | crate::database_url::SslMode::Allow
    )
    .then_some(url.sslmode)
    {
        // With a root CA, libpq (and authctl) check the chain in these modes too.
        if !url.host.is_local() && url.sslrootcert.is_none() {
            checks.push(warn(
                "db.tls_verify",
                format!("sslmode={} does not check the server's certificate: anyone on the path can pose as the server", url_mode.name()),
                "use sslmode=verify-full with sslrootcert=/path/to/ca.crt",
            ));
        }
    }
    Ok(checks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Flags;
    use crate::settings::Vars;
    use crate::store::{NewUser, Store, UserChange};
    use std::collections::BTreeMap;
    use std::os::unix::fs::PermissionsExt;
    use std::path::{Path, PathBuf};

    const STRONG: &str = "q3Vn0mZl8u1cD2xk9Yh7RtPz4WbA6sJeLgFoNiMvKQE";

    fn fixture(name: &str) -> String {
        std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/keys")
                .join(name),
        )
        .unwrap()
    }

    fn chmod(p: &Path, mode: u32) {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
    }

    /// A sound native RS256 deployment: private dir, keys, strong secret,
    /// a database with an active superuser hashed at the configured cost.
    struct Setup {
        _root: tempfile::TempDir,
        dir: PathBuf,
        vars: BTreeMap<String, String>,
    }

    impl Setup {
        fn sound() -> Self {
            let root = tempfile::tempdir().unwrap();
            let dir = root.path().join("cfg");
            crate::fsutil::ensure_dir(&dir).unwrap();
            std::fs::write(dir.join("secret_key"), STRONG).unwrap();
            chmod(&dir.join("secret_key"), 0o600);
            std::fs::write(dir.join("private_key.pem"), fixture("rsa2048-pkcs8.pem")).unwrap();
            chmod(&dir.join("private_key.pem"), 0o600);
            std::fs::write(dir.join("public_key.pem"), fixture("rsa2048-pkcs8.pub.pem")).unwrap();
            let mut db = Store::new(Box::new(
                crate::apps::native::store::NativeStore::open(
                    &dir.join("authctl.db"),
                    Access::Write,
                    "t".into(),
                )
                .unwrap()
                .unwrap(),
            ));
            let hash = password::hash(
                &secrecy::SecretString::from("Correct-Horse-42!".to_string()),
                10,
            )
            .unwrap();
            db.create_user(&NewUser {
                username: "admin".into(),
                password_hash: hash,
                is_active: true,
                is_superuser: true,
            })
            .unwrap();
            let vars = [
                ("AUTHCTL_CONFIG_DIR", dir.display().to_string()),
                ("AUTHCTL_ALGORITHM", "RS256".into()),
                ("AUTHCTL_BCRYPT_COST", "10".into()),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
            Setup {
                _root: root,
                dir,
                vars,
            }
        }

        fn set(&mut self, k: &str, v: &str) {
            self.vars.insert(k.into(), v.into());
        }

        fn checks(&self) -> Vec<Check> {
            let s = Settings::resolve(&Flags::default(), Vars::from_maps(self.vars.clone(), []))
                .unwrap();
            run(&s)
        }

        fn db(&self) -> Store {
            Store::new(Box::new(
                crate::apps::native::store::NativeStore::open(
                    &self.dir.join("authctl.db"),
                    Access::Write,
                    "t".into(),
                )
                .unwrap()
                .unwrap(),
            ))
        }
    }

    fn not_passing(checks: &[Check]) -> Vec<(&'static str, Status)> {
        checks
            .iter()
            .filter(|c| c.status != Status::Pass)
            .map(|c| (c.id, c.status))
            .collect()
    }

    #[test]
    fn a_sound_setup_passes_every_check() {
        let checks = Setup::sound().checks();
        assert_eq!(not_passing(&checks), [], "{checks:#?}");
        assert!(checks.len() >= 18);
    }

    #[test]
    fn each_bad_setup_trips_only_its_own_check() {
        type Break = fn(&mut Setup);
        let cases: Vec<(&str, Status, Break)> = vec![
            ("config.algorithm", Status::Fail, |s| {
                s.set("AUTHCTL_ALGORITHM", "HS384")
            }),
            ("secret.present", Status::Fail, |s| {
                s.set("AUTHCTL_ALGORITHM", "HS256");
                std::fs::remove_file(s.dir.join("secret_key")).unwrap();
            }),
            ("secret.strength", Status::Fail, |s| {
                std::fs::write(s.dir.join("secret_key"), "changeme").unwrap()
            }),
            ("secret.file_mode", Status::Fail, |s| {
                chmod(&s.dir.join("secret_key"), 0o644)
            }),
            ("secret.rotation", Status::Fail, |s| {
                std::fs::write(s.dir.join("secret_key.rotating"), STRONG).unwrap()
            }),
            ("keys.dir_mode", Status::Warn, |s| chmod(&s.dir, 0o755)),
            ("keys.private_mode", Status::Fail, |s| {
                chmod(&s.dir.join("private_key.pem"), 0o644)
            }),
            ("keys.rsa", Status::Fail, |s| {
                std::fs::write(
                    s.dir.join("public_key.pem"),
                    fixture("rsa2048-pkcs1.pub.pem"),
                )
                .unwrap()
            }),
            ("keys.algorithm", Status::Fail, |s| {
                std::fs::remove_file(s.dir.join("private_key.pem")).unwrap();
                std::fs::remove_file(s.dir.join("public_key.pem")).unwrap();
            }),
            ("keys.retired", Status::Warn, |s| {
                let kd = KeyDir::new(&s.dir);
                let other = crate::keys::parse_private_pem(&fixture("rsa2048-pkcs1.pem")).unwrap();
                kd.ensure_rsa(
                    crate::alg::Alg::RS256,
                    2048,
                    crate::keys::EnsureOptions {
                        force: true,
                        import: Some(other),
                        ..Default::default()
                    },
                )
                .unwrap();
                let manifest = s.dir.join("keys.json");
                let text = std::fs::read_to_string(&manifest).unwrap();
                let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
                for k in v["keys"].as_array_mut().unwrap() {
                    if k["status"] == "retired" {
                        k["retired_at"] = "2001-01-01T00:00:00Z".into();
                    }
                }
                std::fs::write(&manifest, v.to_string()).unwrap();
            }),
            ("tokens.access_ttl", Status::Warn, |s| {
                s.set("AUTHCTL_ACCESS_TOKEN_EXPIRE_SECONDS", "7200")
            }),
            ("tokens.refresh_ttl", Status::Warn, |s| {
                s.set("AUTHCTL_REFRESH_TOKEN_EXPIRE_SECONDS", "5184000")
            }),
            ("users.new_user_is_active", Status::Warn, |s| {
                s.set("AUTHCTL_NEW_USER_IS_ACTIVE", "true")
            }),
            ("db.file_mode", Status::Fail, |s| {
                chmod(&s.dir.join("authctl.db"), 0o644)
            }),
            ("db.readable", Status::Fail, |s| {
                std::fs::write(s.dir.join("authctl.db"), b"not a database, just some text").unwrap()
            }),
            ("users.superuser", Status::Fail, |s| {
                let change = UserChange {
                    is_active: Some(false),
                    force: true,
                    ..Default::default()
                };
                s.db().update_users(&["admin".into()], &change).unwrap();
            }),
            ("users.bcrypt_cost", Status::Warn, |s| {
                s.set("AUTHCTL_BCRYPT_COST", "11")
            }),
        ];
        for (id, status, break_it) in cases {
            let mut setup = Setup::sound();
            break_it(&mut setup);
            let checks = setup.checks();
            assert_eq!(not_passing(&checks), [(id, status)], "{id}: {checks:#?}");
            let c = checks.iter().find(|c| c.id == id).unwrap();
            assert!(
                c.fix.as_deref().is_some_and(|f| !f.is_empty()),
                "{id} has no fix"
            );
        }
    }

    #[test]
    fn a_corrupt_database_fails_the_integrity_check() {
        let setup = Setup::sound();
        {
            let mut db = setup.db();
            for i in 0..200 {
                let hash =
                    "$2b$10$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyzABCDE".to_string();
                db.create_user(&NewUser {
                    username: format!("user{i:03}"),
                    password_hash: hash,
                    is_active: false,
                    is_superuser: false,
                })
                .unwrap();
            }
        }
        // Break the b-tree page of the username index: SQLite still opens
        // the file, and integrity_check finds the damage.
        let path = setup.dir.join("authctl.db");
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        let (root, page_size): (i64, i64) = conn
            .query_row(
                "SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_master WHERE name = 'sqlite_autoindex_users_1'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        drop(conn);
        let mut bytes = std::fs::read(&path).unwrap();
        let start = ((root - 1) * page_size) as usize;
        for b in &mut bytes[start..start + 64] {
            *b = 0xFF;
        }
        std::fs::write(&path, bytes).unwrap();
        let checks = setup.checks();
        assert_eq!(
            not_passing(&checks),
            [("db.integrity", Status::Fail)],
            "{checks:#?}"
        );
    }

    #[test]
    fn auto_login_and_the_superuser_password_in_the_env_file_are_checked() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("lf");
        crate::fsutil::ensure_dir(&dir).unwrap();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/langflow-1.13");
        for name in ["langflow.db", "secret_key"] {
            std::fs::copy(fixture.join(name), dir.join(name)).unwrap();
            chmod(&dir.join(name), 0o600);
        }
        let env_file = root.path().join(".env");
        let check = |file: &str, extra: &[(&str, &str)]| {
            std::fs::write(&env_file, file).unwrap();
            let mut vars: Vec<(String, String)> = vec![
                ("AUTHCTL_PROFILE".into(), "langflow".into()),
                ("LANGFLOW_CONFIG_DIR".into(), dir.display().to_string()),
            ];
            vars.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
            let global = Flags {
                env_file: Some(env_file.clone()),
                ..Default::default()
            };
            let s = Settings::resolve(&global, Vars::from_maps(vars, [])).unwrap();
            not_passing(&run(&s))
        };
        assert_eq!(check("LANGFLOW_AUTO_LOGIN=False\n", &[]), []);
        assert_eq!(check("", &[]), [("langflow.auto_login", Status::Warn)]);
        assert_eq!(
            check(
                "LANGFLOW_AUTO_LOGIN=False\n",
                &[("LANGFLOW_AUTO_LOGIN", "true")]
            ),
            [("langflow.auto_login", Status::Warn)]
        );
        assert_eq!(
            check(
                "LANGFLOW_AUTO_LOGIN=False\nLANGFLOW_SUPERUSER_PASSWORD=Correct-Horse-42!\n",
                &[]
            ),
            [("langflow.superuser_password", Status::Warn)]
        );
    }
}
