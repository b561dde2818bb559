//! Flowise: what authctl knows of it, and its own formats, as Flowise 3.1.4 makes and checks them (read off
//! a real server and its installed source: see
//! `tests/fixtures/flowise-3.1.4/README.md`). Pure functions: no database,
//! no terminal.
//!
//! `apikey`: API keys and their scrypt hashes. `crypto`: the cipher of
//! stored credentials (CryptoJS) and of the JWTs' `meta` claim. `secrets`:
//! the seven secrets, where Flowise finds them, and the key files.
//! `session`: a login session's cookies and tokens.

pub(crate) mod apikey;
pub(crate) mod crypto;
mod database;
mod doctor;
pub(crate) mod meta;
pub(crate) mod releases;
pub(crate) mod secrets;
pub(crate) mod session;
mod settings;
pub(crate) mod store;
mod tokens;

use super::StoredValuesKey;
use crate::apps::flowise::secrets::{self as flowise_secrets, FlowiseSecret};
use crate::database_url::DatabaseUrl;
use crate::doctor::Check;
use crate::error::Result;
use crate::profile::Spec;
use crate::settings::Settings;
use crate::store::{Access, Actor, ApiKeyStorage, Layout};
use secrecy::SecretString;

/// The app.
pub(crate) struct Flowise;

/// Where this deployment's auth secrets come from, by its database's
/// release; the newest release's way where there is no database yet.
pub(crate) fn secret_source(s: &Settings) -> Result<releases::SecretSource> {
    let audit = s.config_dir.join(crate::store::audit_file::AUDIT_FILE);
    let facts = match &s.database {
        DatabaseUrl::Sqlite(path) => store::FlowiseStore::open(
            path,
            Access::Read,
            Actor::os_user(),
            audit,
            s.allow_unknown_release,
        )?
        .map(|db| db.release_facts()),
        DatabaseUrl::Postgres(url) => store::pg::FlowisePgStore::open(
            url,
            Access::Read,
            Actor::os_user(),
            audit,
            s.allow_unknown_release,
        )?
        .map(|db| db.release_facts()),
    };
    Ok(facts.map_or(releases::SecretSource::KeyFiles, |f| f.secrets))
}

fn key_files(s: &Settings, force: bool) -> Result<Vec<super::KeyFile>> {
    use flowise_secrets::Source;
    let dir = &s.config_dir;
    let lookup = |name: &str| s.lookup(name).map(str::to_string);
    if secret_source(s)? == releases::SecretSource::BuiltIns {
        return Err(crate::error::Error::Release(
            "this Flowise release (before 3.1.0) reads no key files for its auth secrets: they come from JWT_AUTH_TOKEN_SECRET, JWT_REFRESH_TOKEN_SECRET, TOKEN_HASH_SECRET and EXPRESS_SESSION_SECRET, else from public built-ins; set those in Flowise's environment (`authctl --profile flowise init --format env` makes a set)".into(),
        ));
    }
    let mut files = Vec::new();
    for secret in FlowiseSecret::ALL {
        let path = dir.join(secret.file());
        let current =
            flowise_secrets::resolve(secret, &lookup, dir, releases::SecretSource::KeyFiles)?;
        let replace = force
            && !matches!(
                secret,
                FlowiseSecret::Encryption | FlowiseSecret::JwtIssuer | FlowiseSecret::JwtAudience
            );
        let entry = match current.map(|r| r.source) {
            Some(Source::Env(_)) => super::KeyFile {
                file: path,
                status: "variable",
                variable: Some(secret.var()),
                backup: None,
            },
            Some(Source::File(_)) if !replace => super::KeyFile {
                file: path,
                status: "kept",
                variable: None,
                backup: None,
            },
            existing => {
                let report =
                    flowise_secrets::write_key_file(dir, secret, &secret.generate()?, replace)?;
                super::KeyFile {
                    file: report.path,
                    status: if existing.is_some() {
                        "replaced"
                    } else {
                        "written"
                    },
                    variable: None,
                    backup: report.backup,
                }
            }
        };
        files.push(entry);
    }
    Ok(files)
}

impl super::App for Flowise {
    fn spec(&self) -> &'static Spec {
        &settings::FLOWISE
    }

    fn stored_values_key(&self) -> Option<StoredValuesKey> {
        static WORDS: super::RotationWords = super::RotationWords {
            server: "Flowise",
            file: "encryption.key",
            what: "re-encrypts every stored credential and replaces encryption.key",
            confirm: "Re-encrypt every stored credential and replace encryption.key?",
            current: "encryption key",
            after: "start Flowise again (it must not save credentials while the key changes)",
            written: "Flowise's encryption key",
            replaced: Some("values saved under the old key no longer decrypt (`secret rotate` replaces a key and re-encrypts them)"),
            value: "the value",
            value_not_text: "the value on stdin is not UTF-8 text",
        };
        Some(StoredValuesKey {
            var: FlowiseSecret::Encryption.var(),
            companion: None,
            file: FlowiseSecret::Encryption.file(),
            pending_file: flowise_secrets::PENDING_FILE,
            scheme: &flowise_secrets::EncryptionKey,
            generate: || FlowiseSecret::Encryption.generate(),
            // Flowise reads encryption.key as it is; only the line ending
            // a shell adds is not part of the key.
            from_stdin: |text| SecretString::from(text.trim_end_matches(['\n', '\r']).to_string()),
            default_encoding: crate::secrets::Encoding::Base64,
            write: |dir, key, force| {
                flowise_secrets::write_key_file(dir, FlowiseSecret::Encryption, key, force)
            },
            decrypt: |key, value| {
                use secrecy::ExposeSecret;
                crypto::decrypt(key.expose_secret(), value)
                    .map(|plain| zeroize::Zeroizing::new(plain.as_bytes().to_vec()))
                    .ok_or_else(|| {
                        crate::error::Error::Negative(
                            "the value does not decrypt under Flowise's encryption key (or is not a CryptoJS value)".into(),
                        )
                    })
            },
            words: &WORDS,
        })
    }

    fn current_key(&self, s: &Settings) -> Result<Option<SecretString>> {
        let lookup = |name: &str| s.lookup(name).map(str::to_string);
        Ok(flowise_secrets::resolve(
            FlowiseSecret::Encryption,
            &lookup,
            &s.config_dir,
            releases::SecretSource::KeyFiles,
        )?
        .map(|r| r.value))
    }

    fn require_current_key(&self, s: &Settings) -> Result<SecretString> {
        let lookup = |name: &str| s.lookup(name).map(str::to_string);
        Ok(flowise_secrets::require(
            FlowiseSecret::Encryption,
            &lookup,
            &s.config_dir,
            releases::SecretSource::KeyFiles,
        )?
        .value)
    }

    fn key_from_variable(&self, s: &Settings) -> Result<bool> {
        let lookup = |name: &str| s.lookup(name).map(str::to_string);
        Ok(matches!(
            flowise_secrets::resolve(
                FlowiseSecret::Encryption,
                &lookup,
                &s.config_dir,
                releases::SecretSource::KeyFiles
            )?
            .map(|r| r.source),
            Some(flowise_secrets::Source::Env(_))
        ))
    }

    fn doctor(&self, s: &Settings) -> Vec<Check> {
        doctor::run(s)
    }

    fn open_layout(&self, s: &Settings, access: Access) -> Result<Option<Box<dyn Layout>>> {
        let audit = s.config_dir.join(crate::store::audit_file::AUDIT_FILE);
        Ok(match &s.database {
            DatabaseUrl::Sqlite(path) => super::boxed(store::FlowiseStore::open(
                path,
                access,
                Actor::os_user(),
                audit,
                s.allow_unknown_release,
            )?),
            DatabaseUrl::Postgres(url) => super::boxed(store::pg::FlowisePgStore::open(
                url,
                access,
                Actor::os_user(),
                audit,
                s.allow_unknown_release,
            )?),
        })
    }

    fn missing_database_fix(&self) -> &'static str {
        store::MISSING_DATABASE_FIX
    }

    /// A TypeORM `migrations` table beside its organizations and
    /// workspaces.
    fn owns_database(&self, tables: &[String], _version: i64) -> bool {
        store::is_flowise_schema(tables)
    }

    fn api_key_storage(&self) -> ApiKeyStorage {
        ApiKeyStorage::PlainAndScrypt
    }

    // Flowise's isInvalidPassword (enterprise/utils/validation.util.js):
    // 8 to 128 characters (JavaScript counts UTF-16 units), one each of
    // a-z, A-Z, 0-9 and anything else.
    fn password_problem(&self, pw: &str) -> Option<String> {
        let units = pw.encode_utf16().count();
        let missing: Vec<&str> = [
            (
                pw.chars().any(|c| c.is_ascii_lowercase()),
                "lower-case letter",
            ),
            (
                pw.chars().any(|c| c.is_ascii_uppercase()),
                "upper-case letter",
            ),
            (pw.chars().any(|c| c.is_ascii_digit()), "digit"),
            (pw.chars().any(|c| !c.is_ascii_alphanumeric()), "symbol"),
        ]
        .into_iter()
        .filter(|(has, _)| !has)
        .map(|(_, what)| what)
        .collect();
        if !(8..=128).contains(&units) {
            Some(format!(
                "Flowise accepts passwords of 8 to 128 characters, and this one has {units}"
            ))
        } else if !missing.is_empty() {
            Some(format!(
                "Flowise requires at least one lower-case letter, upper-case letter, digit and symbol, and it has no {}",
                missing.join(", no ")
            ))
        } else {
            None
        }
    }

    fn check_login_name(&self, name: &str) -> Result<()> {
        if store::is_valid_email(name) {
            Ok(())
        } else {
            Err(crate::store::invalid_email("Flowise", name))
        }
    }

    /// Before 3.1.0 the auth secrets have no files: only variables. A
    /// database that cannot be read yet (init often runs before the
    /// server) is taken as the newest release's, as with none at all:
    /// the set of variables is the same either way, only `--format files`
    /// depends on it.
    fn init_secrets(&self, s: &Settings) -> Result<Vec<crate::secrets::init::Entry>> {
        let files = secret_source(s).unwrap_or(releases::SecretSource::KeyFiles)
            == releases::SecretSource::KeyFiles;
        FlowiseSecret::ALL
            .into_iter()
            .map(|x| {
                Ok(crate::secrets::init::Entry {
                    var: x.var().to_string(),
                    value: x.generate()?,
                    file: (files || x == FlowiseSecret::Encryption).then(|| x.file()),
                    secret: x.is_secret(),
                    guards_stored: false,
                })
            })
            .collect()
    }

    fn write_key_file(
        &self,
        dir: &std::path::Path,
        file: &str,
        value: &SecretString,
        force: bool,
    ) -> Result<crate::secrets::WriteReport> {
        let secret = FlowiseSecret::ALL
            .into_iter()
            .find(|x| x.file() == file)
            .unwrap_or(FlowiseSecret::Encryption);
        flowise_secrets::write_key_file(dir, secret, value, force)
    }

    /// Into `--out` (by default `SECRETKEY_PATH`).
    fn init_files_anywhere(&self) -> bool {
        true
    }

    fn init_keeps_key_file(&self) -> bool {
        true
    }

    /// `DATABASE_TYPE`, `DATABASE_PATH` and the rest of Flowise's own
    /// variables (it has no database URL).
    fn database(
        &self,
        vars: &crate::settings::Vars,
        _url: Option<String>,
        _config_dir: &std::path::Path,
    ) -> Result<DatabaseUrl> {
        database::flowise_database(vars, self.spec())
    }

    fn signs_with_key_files(&self) -> bool {
        true
    }

    /// Flowise's seven key files, as Flowise writes them at its first
    /// start (0600 here, no trailing newline). With `force`, the four
    /// signing and session secrets are replaced (every session and token
    /// then ends; the old files are kept as backups); the encryption key,
    /// issuer and audience are kept.
    fn ensure_signing_key_files(
        &self,
        s: &Settings,
        force: bool,
    ) -> Option<Result<Vec<super::KeyFile>>> {
        Some(key_files(s, force))
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

    fn decoded_extra(&self, s: &Settings, claims: &serde_json::Value) -> Option<serde_json::Value> {
        meta::decoded_meta(s, claims)
    }

    /// Every release from 3.0.1, by the migrations it ends at.
    fn releases(&self) -> Vec<super::ReleaseLine> {
        releases::RELEASES
            .iter()
            .map(|r| super::ReleaseLine {
                versions: r.versions,
                schema: match r.sqlite == r.postgres {
                    true => r.sqlite.to_string(),
                    false => format!("{} (PostgreSQL {})", r.sqlite, r.postgres),
                },
                facts: r.facts.describe(),
            })
            .collect()
    }

    fn api_key_permissions(&self) -> bool {
        true
    }

    fn api_key_needs_name(&self) -> bool {
        true
    }

    fn new_api_key(&self) -> Result<SecretString> {
        apikey::generate()
    }
}
