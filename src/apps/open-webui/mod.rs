//! Open WebUI: its users, API keys and session tokens in its own database
//! (SQLite or PostgreSQL), and its secret key, as Open WebUI 0.12.4 makes
//! and checks them (read off a real server and its source: see
//! `tests/fixtures/open-webui-0.12.4/README.md`).
//!
//! `settings`: its variables. `secrets`: the key, where the server finds
//! it, and the ciphers under it. `db`: SQL on either engine. `store`: the
//! tables. `tokens`: session tokens. `doctor`: its checks.

mod db;
mod doctor;
mod secrets;
mod settings;
mod store;
mod tokens;

use super::{KeyFile, StoredValuesKey};
use crate::database_url::DatabaseUrl;
use crate::doctor::Check;
use crate::error::{Error, Result};
use crate::profile::Spec;
use crate::settings::Settings;
use crate::store::{Access, ApiKeyStorage, Layout};
use secrecy::SecretString;
use std::path::Path;

/// The app.
pub(crate) struct OpenWebUi;

/// The refusal of an encrypted (SQLCipher) database, named by `var`.
fn sqlcipher(var: &str) -> Error {
    Error::usage(format!(
        "{var} names a SQLCipher (encrypted SQLite) database, which authctl cannot open; authctl serves Open WebUI on plain SQLite or PostgreSQL"
    ))
}

/// Which values are under keys of their own, by the variables that say so.
fn own_keys(s: &Settings) -> store::OwnKeys {
    let set = |name: &str| s.lookup(name).is_some_and(|v| !v.is_empty());
    store::OwnKeys {
        oauth_sessions: set("OAUTH_SESSION_TOKEN_ENCRYPTION_KEY"),
        oauth_client_info: set("OAUTH_CLIENT_INFO_ENCRYPTION_KEY"),
        mfa: set("MFA_ENCRYPTION_KEY"),
    }
}

/// Whether `hash` is an argon2id hash at argon2-cffi's defaults
/// (`m=65536,t=3,p=4`, what Open WebUI writes) or above.
fn argon2_strong(hash: &str) -> bool {
    let mut parts = hash.split('$').skip(1);
    let (Some("argon2id"), Some(_version), Some(params)) =
        (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let get = |name: &str| {
        params
            .split(',')
            .find_map(|p| p.strip_prefix(name)?.strip_prefix('='))
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    get("m") >= 65536 && get("t") >= 3 && get("p") >= 1
}

/// Whether `email` is an address Open WebUI's sign-up takes: one `@`
/// between a local part and a domain, no spaces.
fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.is_empty()
        && !domain.contains('@')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        && email.chars().count() <= 255
}

/// `keygen`: the key file, as `open-webui serve` writes it at its first
/// start, unless a variable gives the key or the file is there.
fn key_file(s: &Settings, force: bool) -> Result<Vec<KeyFile>> {
    let path = s.config_dir.join(secrets::KEY_FILE);
    if force {
        return Err(Error::usage(
            "Open WebUI's secret key also encrypts its stored values (OAuth sessions, MFA secrets, ...); replace it with `authctl --profile open-webui secret rotate`, which re-encrypts them",
        ));
    }
    if let Some(var) = [secrets::VAR]
        .into_iter()
        .find(|v| s.lookup(v).is_some_and(|x| !x.is_empty()))
    {
        return Ok(vec![KeyFile {
            file: path,
            status: "variable",
            variable: Some(var),
            backup: None,
        }]);
    }
    if secrets::read_key_file(&s.config_dir)?.is_some() {
        return Ok(vec![KeyFile {
            file: path,
            status: "kept",
            variable: None,
            backup: None,
        }]);
    }
    let report = secrets::write_key_file(&s.config_dir, &secrets::generate()?, false)?;
    Ok(vec![KeyFile {
        file: report.path,
        status: "written",
        variable: None,
        backup: None,
    }])
}

impl super::App for OpenWebUi {
    fn spec(&self) -> &'static Spec {
        &settings::OPEN_WEBUI
    }

    fn stored_values_key(&self) -> Option<StoredValuesKey> {
        static WORDS: super::RotationWords = super::RotationWords {
            server: "Open WebUI",
            file: ".webui_secret_key",
            what: "re-encrypts every value Open WebUI keeps under its secret key and replaces .webui_secret_key",
            confirm: "Re-encrypt every value under the secret key and replace .webui_secret_key?",
            current: "secret key",
            after: "start Open WebUI again (stopped while the key changes): every session ends and users log in again",
            written: "Open WebUI's secret key",
            replaced: Some("sessions end, and values saved under the old key no longer decrypt (`secret rotate` replaces the key and re-encrypts them)"),
            value: "the value",
            value_not_text: "the value on stdin is not UTF-8 text",
        };
        Some(StoredValuesKey {
            var: secrets::VAR,
            companion: None,
            file: secrets::KEY_FILE,
            pending_file: secrets::PENDING_FILE,
            scheme: &secrets::SecretKeyScheme,
            generate: secrets::generate,
            // The file is read as it is; only the line ending a shell adds
            // to a key on stdin is not part of it.
            from_stdin: |text| SecretString::from(text.trim_end_matches(['\n', '\r']).to_string()),
            default_encoding: crate::secrets::Encoding::UrlSafe,
            write: secrets::write_key_file,
            decrypt: |key, value| {
                use secrecy::ExposeSecret;
                secrets::decrypt(key.expose_secret(), value.trim()).ok_or_else(|| {
                    Error::Negative(
                        "the value does not decrypt under Open WebUI's secret key (or is not a Fernet token)".into(),
                    )
                })
            },
            words: &WORDS,
        })
    }

    fn current_key(&self, s: &Settings) -> Result<Option<SecretString>> {
        Ok(secrets::resolve(s)?.map(|(key, _)| key))
    }

    fn require_current_key(&self, s: &Settings) -> Result<SecretString> {
        secrets::require(s).map(|(key, _)| key)
    }

    /// The deprecated variable counts even beside the file: `open-webui
    /// serve` takes the file, the container's start.sh the variable, so a
    /// rotation of the file could leave the server on the old key.
    fn key_from_variable(&self, s: &Settings) -> Result<bool> {
        Ok(
            matches!(secrets::resolve(s)?, Some((_, secrets::Source::Var(_))))
                || s.lookup(secrets::OLD_VAR).is_some_and(|v| !v.is_empty()),
        )
    }

    fn doctor(&self, s: &Settings) -> Vec<Check> {
        doctor::run(s)
    }

    /// Open WebUI's `DATABASE_TYPE`, `_HOST`, `_PORT`, `_NAME` with
    /// `_USER`, `_PASSWORD` or both, when all are set; else `DATABASE_URL`;
    /// else `$DATA_DIR/webui.db`, else `data/webui.db` in the config dir
    /// (the container's `/app/backend/data` beside `/app/backend`).
    fn database(
        &self,
        vars: &crate::settings::Vars,
        url: Option<String>,
        config_dir: &Path,
    ) -> Result<DatabaseUrl> {
        let get = |name: &str| vars.get(name).filter(|v| !v.is_empty()).map(str::to_string);
        if let Some(schema) = get("DATABASE_SCHEMA") {
            return Err(Error::usage(format!(
                "DATABASE_SCHEMA=\"{schema}\": authctl reads Open WebUI's tables in the connection's default schema only; unset it for authctl and put that schema first in the role's search_path (ALTER ROLE … SET search_path)"
            )));
        }
        // env.py: the parts win over DATABASE_URL when the type, the
        // credentials (user, `:password`, or both), host, port and name
        // are all set; `DATABASE_TYPE=sqlite+sqlcipher` alone means the
        // encrypted `webui.db` in DATA_DIR.
        let kind = get("DATABASE_TYPE");
        let cred = format!(
            "{}{}",
            get("DATABASE_USER").unwrap_or_default(),
            get("DATABASE_PASSWORD")
                .map(|p| format!(":{p}"))
                .unwrap_or_default()
        );
        let place = ["DATABASE_HOST", "DATABASE_PORT", "DATABASE_NAME"].map(get);
        let composed = match (&kind, cred.is_empty(), place) {
            (Some(kind), false, [Some(host), Some(port), Some(name)]) => {
                Some(format!("{kind}://{cred}@{host}:{port}/{name}"))
            }
            _ => None,
        };
        if kind.as_deref() == Some("sqlite+sqlcipher") && (composed.is_some() || url.is_none()) {
            return Err(sqlcipher("DATABASE_TYPE"));
        }
        let url = composed.or(url);
        match url {
            Some(url) => {
                let trimmed = url.trim();
                let (scheme, rest) = trimmed.split_once("://").unwrap_or(("", trimmed));
                if scheme.starts_with("sqlite+sqlcipher") {
                    return Err(sqlcipher("DATABASE_URL"));
                }
                // SQLAlchemy's driver suffix (`postgresql+psycopg2://`).
                let scheme = scheme.split('+').next().unwrap_or(scheme);
                DatabaseUrl::parse(&format!("{scheme}://{rest}"), vars)
            }
            None => {
                let dir = match get("DATA_DIR") {
                    Some(dir) => std::path::PathBuf::from(dir),
                    None => config_dir.join("data"),
                };
                Ok(DatabaseUrl::Sqlite(dir.join("webui.db")))
            }
        }
    }

    fn open_layout(&self, s: &Settings, access: Access) -> Result<Option<Box<dyn Layout>>> {
        Ok(super::boxed(store::OpenWebUiStore::open(
            s,
            access,
            own_keys(s),
        )?))
    }

    fn missing_database_fix(&self) -> &'static str {
        db::MISSING_DATABASE_FIX
    }

    /// Its `auth`, `api_key` and `config` tables beside `user`.
    fn owns_database(&self, tables: &[String], _version: i64) -> bool {
        store::is_open_webui(tables)
    }

    fn api_key_storage(&self) -> ApiKeyStorage {
        ApiKeyStorage::Plain
    }

    fn password_problem(&self, password: &str) -> Option<String> {
        // bcrypt refuses longer passwords, and so does Open WebUI.
        (password.len() > 72).then(|| {
            format!(
                "Open WebUI accepts passwords of at most 72 bytes, and this one has {}",
                password.len()
            )
        })
    }

    /// `verify_password` checks any `$argon2…` hash with argon2-cffi
    /// (what `PASSWORD_HASH_ALGORITHM=argon2` writes), whatever the
    /// setting: one at argon2-cffi's defaults or stronger is strong.
    fn strong_other_hash(&self, hash: &str) -> bool {
        argon2_strong(hash)
    }

    fn check_login_name(&self, name: &str) -> Result<()> {
        if is_email(name) {
            Ok(())
        } else {
            Err(crate::store::invalid_email("Open WebUI", name))
        }
    }

    fn init_secrets(&self, _s: &Settings) -> Result<Vec<crate::secrets::init::Entry>> {
        Ok(vec![crate::secrets::init::Entry {
            var: secrets::VAR.to_string(),
            value: secrets::generate()?,
            file: Some(secrets::KEY_FILE),
            secret: true,
            guards_stored: true,
        }])
    }

    fn write_key_file(
        &self,
        dir: &Path,
        _file: &str,
        value: &SecretString,
        force: bool,
    ) -> Result<crate::secrets::WriteReport> {
        secrets::write_key_file(dir, value, force)
    }

    fn init_keeps_key_file(&self) -> bool {
        true
    }

    fn guarded_problems(&self, _var: &str, value: &str) -> Vec<String> {
        crate::secrets::check(value)
    }

    fn mint_token(
        &self,
        s: &Settings,
        req: &super::tokens::MintRequest,
    ) -> Result<super::tokens::Minted> {
        tokens::mint(s, req)
    }

    fn check_token(
        &self,
        s: &Settings,
        raw: &str,
        req: &super::tokens::VerifyRequest,
    ) -> Result<super::tokens::Checked> {
        tokens::check(s, raw, req)
    }

    fn releases(&self) -> Vec<super::ReleaseLine> {
        store::HEADS
            .iter()
            .map(|(version, head)| super::ReleaseLine {
                versions: version,
                schema: head.to_string(),
                facts: String::new(),
            })
            .collect()
    }

    fn signs_with_key_files(&self) -> bool {
        true
    }

    fn ensure_signing_key_files(&self, s: &Settings, force: bool) -> Option<Result<Vec<KeyFile>>> {
        Some(key_file(s, force))
    }

    /// `sk-` and a uuid4's 32 hex digits (`utils/auth.py` `create_api_key`).
    fn new_api_key(&self) -> Result<SecretString> {
        Ok(SecretString::from(format!(
            "sk-{}",
            uuid::Uuid::new_v4().simple()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::is_email;

    #[test]
    fn argon2id_at_open_webuis_defaults_is_strong() {
        use super::argon2_strong;
        assert!(argon2_strong(
            "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG"
        ));
        assert!(!argon2_strong(
            "$argon2id$v=19$m=4096,t=1,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub"
        ));
        assert!(!argon2_strong(
            "$argon2i$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$Rdes"
        ));
        assert!(!argon2_strong("$2b$04$abc"));
        assert!(!argon2_strong(""));
    }

    #[test]
    fn emails_as_sign_up_takes_them() {
        assert!(is_email("admin@example.com"));
        assert!(is_email("admin@localhost"));
        for bad in ["admin", "@example.com", "a@", "a b@example.com", "a@b@c"] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
