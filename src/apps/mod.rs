//! The apps authctl administers, one folder each behind [`App`]: each
//! folder holds what is that app's (its settings table first; its store,
//! secrets, tokens and checks move in as they are reshaped). The app is
//! chosen once, from the profile name (`Profile::app`); code outside this
//! folder asks the app, not which app it is.
//!
//! Adding an app is a folder here, its `mod` line, and its place in [`ALL`]
//! (whose length grows by one).

pub(crate) mod api_keys;
pub(crate) mod flowise;
pub(crate) mod langflow;
pub(crate) mod librechat;
pub(crate) mod native;
#[path = "open-webui/mod.rs"]
pub(crate) mod open_webui;
pub(crate) mod tokens;

/// LibreChat's duration expressions (`SESSION_EXPIRY=1000 * 60 * 15`), for
/// its fuzz target.
pub use librechat::expr as duration_expressions;

use crate::doctor::Check;
use crate::error::Result;
use crate::profile::{Setting, Spec};
use crate::secrets::init::Entry;
use crate::secrets::rotate::Scheme;
use crate::secrets::WriteReport;
use crate::settings::Settings;
use crate::store::{Access, ApiKeyStorage, Layout};
use secrecy::SecretString;
use std::path::Path;

/// A layout as the trait object `open_layout` returns.
fn boxed<L: Layout + 'static>(layout: Option<L>) -> Option<Box<dyn Layout>> {
    layout.map(|l| Box::new(l) as Box<dyn Layout>)
}

/// What an app is to authctl. The provided methods describe authctl's
/// own model, which Langflow shares: a secret key (`secret_key`, or its
/// variable) signs tokens and keys the stored values (Fernet); an app
/// that differs says so by overriding them.
pub trait App: Sync {
    /// Its settings table: variables, defaults, files, and what it can do.
    fn spec(&self) -> &'static Spec;

    /// The key the app encrypts stored values under, kept in a file in
    /// the config dir; `None` where it has no such file.
    fn stored_values_key(&self) -> Option<StoredValuesKey> {
        Some(secret_key_file((self.spec().var)(Setting::SecretKey)?.name))
    }

    /// The key `secret rotate` and `secret identify` work on: the key of
    /// stored values, or one the app keeps in its `.env` with no file
    /// (LibreChat's `CREDS_KEY` and `CREDS_IV`).
    fn rotation_key(&self) -> Option<StoredValuesKey> {
        self.stored_values_key()
    }

    /// That key as the app resolves it (its variable, else its file);
    /// `None` when there is none yet.
    fn current_key(&self, s: &Settings) -> Result<Option<SecretString>> {
        crate::signing::secret_key(s)
    }

    /// The same, or an error that says where it belongs.
    fn require_current_key(&self, s: &Settings) -> Result<SecretString> {
        crate::signing::require_secret_key(s)
    }

    /// Whether that key comes from its variable (which a rotation cannot
    /// replace: the app would keep using it).
    fn key_from_variable(&self, s: &Settings) -> Result<bool> {
        Ok(s.secret_key.is_some())
    }

    /// A duration variable `v` set to `value`, as seconds, where the app
    /// reads it in a form of its own (with a warning when the text is not
    /// what it looks like); `None` where it is a plain number of `v`'s unit.
    fn duration(&self, _v: crate::profile::Var, _value: &str) -> Option<(u64, Option<String>)> {
        None
    }

    /// `doctor`'s checks for a deployment of this app.
    fn doctor(&self, s: &Settings) -> Vec<Check> {
        crate::doctor::secret_key_app(s)
    }

    /// Where the app's database is when `--db` does not say: its
    /// database variable's URL (`url`), else its database file in the
    /// config dir.
    fn database(
        &self,
        vars: &crate::settings::Vars,
        url: Option<String>,
        config_dir: &Path,
    ) -> Result<crate::database_url::DatabaseUrl> {
        match url {
            Some(url) => crate::database_url::DatabaseUrl::parse(&url, vars),
            None => Ok(crate::database_url::DatabaseUrl::Sqlite(
                config_dir.join(self.spec().database_file),
            )),
        }
    }

    /// Open the app's tables on the database the settings point at:
    /// `None` when there is nothing to read yet (`Access::Read` on a
    /// database that does not exist); an error naming why where the app's
    /// database is out of reach.
    fn open_layout(&self, s: &Settings, access: Access) -> Result<Option<Box<dyn Layout>>>;

    /// What makes this app's database when it does not exist yet (or has
    /// no tables): authctl's own is made by its first write; an app's by
    /// the app's first start, or it is elsewhere.
    fn missing_database_fix(&self) -> &'static str {
        "create the first user with `authctl superuser`"
    }

    /// Whether a database with these `tables` (and authctl schema
    /// `version`, 0 where there is none) is this app's: its sniffer, from
    /// which every app's refusal of a database that is not its own is
    /// built ([`refuse_foreign`]).
    fn owns_database(&self, _tables: &[String], _version: i64) -> bool {
        false
    }

    /// How the app stores API keys.
    fn api_key_storage(&self) -> ApiKeyStorage;

    /// What the app's own password rule says against `password`, if
    /// anything (beyond authctl's policy, which holds for every app).
    fn password_problem(&self, _password: &str) -> Option<String> {
        None
    }

    /// Whether `hash`, which is not bcrypt, is a strong password hash the
    /// app's login verifies (Open WebUI's argon2id); `doctor` names every
    /// other non-bcrypt hash among the weak.
    fn strong_other_hash(&self, _hash: &str) -> bool {
        false
    }

    /// Refuse a login name the app would not accept (authctl's own
    /// rules for names hold for every app; see `store::validate_login_name`).
    fn check_login_name(&self, _name: &str) -> Result<()> {
        Ok(())
    }

    /// `init`'s set: every secret the app needs, freshly generated, in
    /// its names and forms (an RSA pair is added by `init --rs256` where
    /// the app has a private-key variable).
    fn init_secrets(&self, s: &Settings) -> Result<Vec<Entry>> {
        secret_key_set(s.var_name(Setting::SecretKey))
    }

    /// Write one of `init_secrets`' key files (`file`) into `dir`.
    fn write_key_file(
        &self,
        dir: &Path,
        _file: &str,
        value: &SecretString,
        force: bool,
    ) -> Result<WriteReport> {
        crate::secrets::write_secret_file(dir, value, force)
    }

    /// `init --format files` may write the key files into another
    /// directory (`--out`), for a key directory set up ahead of the app.
    fn init_files_anywhere(&self) -> bool {
        false
    }

    /// `init --format files --force` keeps the key file of stored values
    /// (only a rotation, which re-encrypts them, may replace it).
    fn init_keeps_key_file(&self) -> bool {
        false
    }

    /// What is wrong with `value` of `var`, one of the app's secrets that
    /// guard stored values (`Entry::guards_stored`).
    fn guarded_problems(&self, _var: &str, _value: &str) -> Vec<String> {
        Vec::new()
    }

    /// The claims of a token for `user_id` that the app's server accepts:
    /// `sub`, `iat`, `exp`, `jti`, `type`, and `iss`/`aud` when configured,
    /// plus what `extra` asks for.
    fn mint_claims(
        &self,
        user_id: &str,
        kind: crate::token::TokenType,
        issued: i64,
        ttl: u64,
        extra: &crate::token::ExtraClaims,
    ) -> Result<serde_json::Map<String, serde_json::Value>> {
        crate::token::standard_claims(user_id, kind, issued, ttl, extra)
    }

    /// `token mint`: a token of the app's for the user asked for, as its
    /// server accepts it (with whatever else that needs, such as a login
    /// session).
    fn mint_token(&self, s: &Settings, req: &tokens::MintRequest) -> Result<tokens::Minted> {
        tokens::mint_standard(s, req)
    }

    /// `token verify`'s check of `raw` against the app's keys and rules,
    /// before its user is looked up.
    fn check_token(
        &self,
        s: &Settings,
        raw: &str,
        req: &tokens::VerifyRequest,
    ) -> Result<tokens::Checked> {
        tokens::check_standard(s, raw, req)
    }

    /// Where the app keeps its secrets in its `.env`, with ciphers of its
    /// own, instead of a key file (`stored_values_key` is `None` then):
    /// what `secret` does with them.
    fn env_secrets(&self) -> Option<&'static dyn EnvSecrets> {
        None
    }

    /// The app's releases authctl knows, newest first, and which it serves
    /// (empty for authctl's own schema, which has no releases of an app).
    fn releases(&self) -> Vec<ReleaseLine> {
        Vec::new()
    }

    /// Whether the app keeps bans its server enforces (`user ban`), in its
    /// database (`Layout::bans_mut` writes them).
    fn keeps_bans(&self) -> bool {
        false
    }

    /// Whether the app takes invitations to register without a mail
    /// server (`user invite`; `Layout::invites_mut` writes them).
    fn takes_invitations(&self) -> bool {
        false
    }

    /// Whether the app signs its tokens with secrets in key files of its
    /// own (then `keygen` makes those, not `secret_key` or an RSA pair).
    fn signs_with_key_files(&self) -> bool {
        false
    }

    /// Whether how its stored values are encrypted under a short key
    /// depends on the database's release (`Layout::scheme`), so `secret
    /// encrypt` must look at the database.
    fn encrypts_by_release(&self) -> bool {
        false
    }

    /// Write whichever of those key files are missing, as the app writes
    /// them at its first start; with `force`, replace those it may. `None`
    /// where the app has no such files.
    fn ensure_signing_key_files(
        &self,
        _s: &Settings,
        _force: bool,
    ) -> Option<Result<Vec<KeyFile>>> {
        None
    }

    /// What `token decode` adds to a token of this app's (Flowise: its
    /// `meta` claim, decrypted).
    fn decoded_extra(
        &self,
        _s: &Settings,
        _claims: &serde_json::Value,
    ) -> Option<serde_json::Value> {
        None
    }

    /// Whether the app's API keys carry permissions of their own
    /// (`apikey create --permission`); elsewhere a key acts with all its
    /// user's rights.
    fn api_key_permissions(&self) -> bool {
        false
    }

    /// Whether the app's API keys need a name.
    fn api_key_needs_name(&self) -> bool {
        false
    }

    /// A new API key in the app's own form.
    fn new_api_key(&self) -> Result<SecretString> {
        // As Langflow makes them: "sk-" and 32 random bytes, URL-safe base64.
        let random = crate::secrets::generate(32, crate::secrets::Encoding::UrlSafe)?;
        use secrecy::ExposeSecret;
        Ok(SecretString::from(format!("sk-{}", random.expose_secret())))
    }
}

/// `secret check|generate|encrypt|decrypt` for an app whose secrets live
/// in its `.env` (`App::env_secrets`).
pub trait EnvSecrets: Sync {
    /// Why `secret generate --write` has no file to write.
    fn no_key_file(&self) -> &'static str;

    /// The encoding `secret generate` uses by default.
    fn default_encoding(&self) -> crate::secrets::Encoding;

    /// `secret check` of the app's secrets: all of them (`var` `None`), or
    /// the one `var` names; `None` where `var` is not one of them.
    fn check(&self, s: &Settings, var: Option<&str>) -> Option<crate::output::Outcome>;

    /// `secret encrypt` of stdin in the cipher named (`--cipher`).
    fn encrypt(&self, s: &Settings, cipher: Option<&str>) -> Result<crate::output::Outcome>;

    /// `secret decrypt` of the value on stdin.
    fn decrypt(&self, s: &Settings, cipher: Option<&str>) -> Result<crate::output::Outcome>;
}

/// One release of an app (or run of patch releases sharing one schema),
/// as `authctl releases` lists it.
#[derive(serde::Serialize)]
pub struct ReleaseLine {
    pub versions: &'static str,
    /// What its databases end at: an alembic head, a last migration.
    pub schema: String,
    /// What authctl does differently for it, in a few words (empty
    /// where an app has one release).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub facts: String,
}

/// "App 1.1.0–1.13.0": the span from the oldest of `oldest` (a version or
/// a run "a–b") to the newest of `newest`, for messages.
pub(crate) fn version_span(app: &str, oldest: &str, newest: &str) -> String {
    let first = oldest.split('–').next().unwrap_or(oldest);
    let last = newest.rsplit('–').next().unwrap_or(newest);
    format!("{app} {first}–{last}")
}

/// The rows of the README's table under `heading`, for the tests that
/// check a release table against it.
#[cfg(test)]
pub(crate) fn readme_table_rows(heading: &str) -> Vec<String> {
    let readme = include_str!("../../README.md");
    let start = readme.find(heading).expect("the README's table");
    readme[start..]
        .lines()
        .skip_while(|l| !l.starts_with("|---"))
        .skip(1)
        .take_while(|l| l.starts_with('|'))
        .map(str::to_string)
        .collect()
}

/// The key of an app's stored values, and where it lives.
pub struct StoredValuesKey {
    /// The variable that, when set, the app uses in the file's place.
    pub var: &'static str,
    /// A second variable the key is used with, where the key is a pair
    /// (LibreChat's `CREDS_IV` beside `CREDS_KEY`).
    pub companion: Option<&'static str>,
    /// The key file in the config dir.
    pub file: &'static str,
    /// The file a rotation keeps the new key in until it is installed.
    pub pending_file: &'static str,
    /// How values are encrypted under it, and how a new one is installed.
    pub scheme: &'static dyn Scheme,
    /// A new key as the app makes its own.
    pub generate: fn() -> Result<SecretString>,
    /// A new key given on stdin, as the app would read it from its file.
    pub from_stdin: fn(&str) -> SecretString,
    /// The encoding `secret generate` uses by default for this app.
    pub default_encoding: crate::secrets::Encoding,
    /// Write a key into the key file in `dir` (`force`: replace one,
    /// keeping a backup).
    pub write: fn(&Path, &SecretString, bool) -> Result<WriteReport>,
    /// A value stored under the key (the text `secret decrypt` reads),
    /// decrypted, or why not.
    pub decrypt: fn(&SecretString, &str) -> Result<zeroize::Zeroizing<Vec<u8>>>,
    /// How `secret rotate` speaks of it.
    pub words: &'static RotationWords,
}

impl StoredValuesKey {
    /// The variables of a `.env` that hold the key.
    pub fn env_vars(&self) -> Vec<&'static str> {
        std::iter::once(self.var).chain(self.companion).collect()
    }
}

/// One of an app's key files after `keygen`.
#[derive(serde::Serialize)]
pub struct KeyFile {
    pub file: std::path::PathBuf,
    /// `written`, `replaced`, `kept`, or `variable` (a variable gives the
    /// value, so the app never reads the file).
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variable: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup: Option<std::path::PathBuf>,
}

/// How `secret rotate` speaks of an app's key of stored values.
pub struct RotationWords {
    /// Who keeps using the variable: "the server".
    pub server: &'static str,
    /// The key file in "unset it so … is used".
    pub file: &'static str,
    /// What a rotation does, in its `--yes` refusal.
    pub what: &'static str,
    /// The confirmation prompt.
    pub confirm: &'static str,
    /// "every one decrypts under the current …" of a dry run.
    pub current: &'static str,
    /// What to do after a rotation.
    pub after: &'static str,
    /// The key as `secret generate --write` names it.
    pub written: &'static str,
    /// Said when `secret generate --write --force` replaced a key.
    pub replaced: Option<&'static str>,
    /// What `secret decrypt` reads from stdin.
    pub value: &'static str,
    /// Its refusal of input that is not text.
    pub value_not_text: &'static str,
}

/// `init`'s set of an app whose secret key signs and keys stored values:
/// the secret key, as Python's `secrets.token_urlsafe(32)` (Langflow makes
/// its own so), under `var`.
pub(crate) fn secret_key_set(var: &str) -> Result<Vec<Entry>> {
    Ok(vec![Entry {
        var: var.to_string(),
        value: crate::secrets::generate(32, crate::secrets::Encoding::UrlSafe)?,
        file: Some(crate::secrets::SECRET_KEY_FILE),
        secret: true,
        guards_stored: false,
    }])
}

/// The key of stored values of an app whose secret key (`secret_key`,
/// Fernet) keys them: authctl's own and Langflow, under `var`.
pub(crate) fn secret_key_file(var: &'static str) -> StoredValuesKey {
    static WORDS: RotationWords = RotationWords {
        server: "the server",
        file: "the secret_key file",
        what: "changes every encrypted value and the secret_key file",
        confirm: "Re-encrypt every secret value and replace the secret key?",
        current: "key",
        after: "restart the server: HS256 tokens signed with the old key no longer verify",
        written: "the secret key",
        replaced: None,
        value: "the token",
        value_not_text: "the Fernet token on stdin is not UTF-8 text",
    };
    StoredValuesKey {
        var,
        companion: None,
        file: crate::secrets::SECRET_KEY_FILE,
        pending_file: crate::secrets::lock::PENDING_FILE,
        scheme: &crate::secrets::rotate::FernetKey(crate::secrets::Derivation::Sha256),
        generate: || {
            crate::secrets::generate(
                crate::secrets::DEFAULT_BYTES,
                crate::secrets::Encoding::UrlSafe,
            )
        },
        from_stdin: |text| SecretString::from(text.trim().to_string()),
        default_encoding: crate::secrets::Encoding::UrlSafe,
        write: crate::secrets::write_secret_file,
        decrypt: |key, token| {
            use secrecy::ExposeSecret;
            crate::secrets::decrypt_with_secret(key.expose_secret(), token.trim())
                .map(zeroize::Zeroizing::new)
        },
        words: &WORDS,
    }
}

/// Refuse a database another app owns, naming the profile that opens it
/// (`this` is the profile in use, `shown` names the database).
pub(crate) fn refuse_foreign(
    this: &str,
    tables: &[String],
    version: i64,
    shown: &str,
) -> Result<()> {
    let with_article = |name: &str| {
        let vowel = name.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']);
        format!("{} {name}", if vowel { "an" } else { "a" })
    };
    let Some(me) = ALL.iter().find(|a| a.spec().name == this) else {
        return Ok(());
    };
    match ALL
        .iter()
        .find(|a| a.spec().name != this && a.owns_database(tables, version))
    {
        Some(owner) => Err(crate::error::Error::usage(format!(
            "{shown} is {} database, not {} one; use --profile {}",
            with_article(owner.spec().app),
            with_article(me.spec().app),
            owner.spec().name
        ))),
        None => Ok(()),
    }
}

/// Every app, in the order help lists them (`Profile::all`); the first is
/// authctl's own, the default.
pub(crate) static ALL: [&dyn App; 5] = [
    &native::Native,
    &langflow::Langflow,
    &flowise::Flowise,
    &librechat::LibreChat,
    &open_webui::OpenWebUi,
];
