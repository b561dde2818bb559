//! The user store: one boundary between commands and a database layout.
//!
//! Commands see `UserStore` and `User` only. Each mutating method is one
//! transaction that also writes its audit record, so a change and its audit
//! trail land together or not at all. The native SQLite layout lives in
//! `native`; other layouts (an app's own tables) sit beside it.

use crate::error::{Error, Result};
use crate::profile::Layout;
use crate::settings::{DatabaseUrl, Settings};
use serde::Serialize;

pub mod json_text;
pub mod langflow;
pub mod native;
mod sqlite;

/// A user as every store presents it. Times are RFC 3339 UTC.
#[derive(Clone, Serialize, PartialEq, Eq)]
pub struct User {
    pub id: String,
    pub username: String,
    #[serde(skip)]
    pub password_hash: String,
    pub is_active: bool,
    pub is_superuser: bool,
    pub created_at: String,
    pub updated_at: String,
    pub last_login_at: Option<String>,
}

impl std::fmt::Debug for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User")
            .field("id", &self.id)
            .field("username", &self.username)
            .field("password_hash", &"<redacted>")
            .field("is_active", &self.is_active)
            .field("is_superuser", &self.is_superuser)
            .finish_non_exhaustive()
    }
}

/// A user to create.
pub struct NewUser {
    pub username: String,
    pub password_hash: String,
    pub is_active: bool,
    pub is_superuser: bool,
}

impl NewUser {
    /// This user with its name validated and in the stored form (NFC).
    pub fn normalized(&self) -> Result<NewUser> {
        Ok(NewUser {
            username: normalize_username(&self.username)?,
            password_hash: self.password_hash.clone(),
            is_active: self.is_active,
            is_superuser: self.is_superuser,
        })
    }
}

/// A change to apply to existing users; `None` leaves a field alone.
#[derive(Default)]
pub struct UserChange {
    pub password_hash: Option<String>,
    pub is_active: Option<bool>,
    pub is_superuser: Option<bool>,
    /// Allow the change to leave no active superuser.
    pub force: bool,
}

impl UserChange {
    /// The audit detail: which fields changed (never the hash).
    pub fn detail(&self) -> serde_json::Value {
        let mut m = serde_json::Map::new();
        if self.password_hash.is_some() {
            m.insert("password".into(), "changed".into());
        }
        if let Some(v) = self.is_active {
            m.insert("is_active".into(), v.into());
        }
        if let Some(v) = self.is_superuser {
            m.insert("is_superuser".into(), v.into());
        }
        if self.force {
            m.insert("force".into(), true.into());
        }
        serde_json::Value::Object(m)
    }

    /// The audit action name for this change.
    pub fn action(&self) -> &'static str {
        match (
            self.password_hash.is_some(),
            self.is_active,
            self.is_superuser,
        ) {
            (true, _, _) => "user.password",
            (false, Some(true), None) => "user.activate",
            (false, Some(false), None) => "user.deactivate",
            (false, None, Some(true)) => "user.promote",
            (false, None, Some(false)) => "user.demote",
            _ => "user.update",
        }
    }
}

/// What every database layout offers the commands.
pub trait UserStore {
    /// One user by name (case-insensitive), if present.
    fn get_user(&self, username: &str) -> Result<Option<User>>;
    /// One user by id (as it appears in a token's `sub`), if present.
    fn get_user_by_id(&self, id: &str) -> Result<Option<User>>;
    /// All users, ordered by creation time.
    fn list_users(&self) -> Result<Vec<User>>;
    /// Create a user; `Conflict` when the name is taken.
    fn create_user(&mut self, new: &NewUser) -> Result<User>;
    /// Apply `change` to every named user in one transaction: all or none.
    /// `NotFound` for an unknown name; `Conflict` when the change would
    /// leave no active superuser and `change.force` is false.
    fn update_users(&mut self, usernames: &[String], change: &UserChange) -> Result<Vec<User>>;
    /// Delete a user; same guard as `update_users`.
    fn delete_user(&mut self, username: &str, force: bool) -> Result<User>;
    /// Audit records, oldest first (for tests and `doctor`).
    fn audit_log(&self) -> Result<Vec<AuditRecord>>;
    /// `PRAGMA integrity_check` findings; empty when the database is sound.
    fn integrity_check(&self) -> Result<Vec<String>>;

    /// Record a minted refresh token by jti and the SHA-256 of the token.
    fn record_refresh_token(&mut self, record: &RefreshToken, token_sha256: &str) -> Result<()>;
    /// A refresh token record by jti.
    fn find_refresh_token(&self, jti: &str) -> Result<Option<RefreshToken>>;
    /// A user's refresh tokens, newest first.
    fn list_refresh_tokens(&self, user_id: &str) -> Result<Vec<RefreshToken>>;
    /// Revoke refresh tokens; returns the records that matched (already
    /// revoked ones keep their first revocation time). `NotFound` when a
    /// jti or token hash matches nothing.
    fn revoke_refresh_tokens(&mut self, which: &Revoke) -> Result<Vec<RefreshToken>>;
    /// Whether this layout keeps refresh-token records at all.
    fn tracks_refresh_tokens(&self) -> bool {
        true
    }

    /// How this layout stores API keys.
    fn api_key_storage(&self) -> ApiKeyStorage;
    /// Store a new API key for `user`: its SHA-256, and `encrypted` (the
    /// Fernet token of the key) where the layout keeps one.
    fn create_api_key(&mut self, new: &NewApiKey) -> Result<ApiKey>;
    /// Every API key (never the key itself).
    fn list_api_keys(&self) -> Result<Vec<ApiKey>>;
    /// Revoke a key by id or unique name.
    fn revoke_api_key(&mut self, id_or_name: &str) -> Result<ApiKey>;

    /// Re-encrypt every value this layout keeps encrypted with the secret
    /// key, in one transaction. `rekey(value, row)` turns an old ciphertext
    /// into a new one or fails naming `row`; any failure changes nothing.
    /// With `dry_run`, values are checked but nothing is written.
    fn reencrypt(
        &mut self,
        rekey: &mut dyn FnMut(&str, &str) -> Result<String>,
        dry_run: bool,
    ) -> Result<Vec<Reencrypted>>;
}

/// How a layout keeps API keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiKeyStorage {
    /// Only the SHA-256 of the key (native).
    HashOnly,
    /// The Fernet-encrypted key and its SHA-256 (Langflow).
    EncryptedAndHash,
}

/// A new API key to store.
pub struct NewApiKey {
    pub user: User,
    pub name: Option<String>,
    pub sha256_hex: String,
    pub encrypted: Option<String>,
}

/// An API key as listed: never the key.
#[derive(Debug, Clone, Serialize)]
pub struct ApiKey {
    pub id: String,
    pub name: Option<String>,
    pub user_id: String,
    pub username: Option<String>,
    pub created_at: Option<String>,
    pub last_used_at: Option<String>,
    pub active: bool,
}

/// How many values of one column were (or would be) re-encrypted.
#[derive(Debug, Clone, Serialize)]
pub struct Reencrypted {
    pub table: String,
    pub column: String,
    pub values: usize,
}

/// A refresh token as the store keeps it: never the token itself.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RefreshToken {
    pub jti: String,
    pub user_id: String,
    pub issued_at: String,
    pub expires_at: String,
    pub revoked_at: Option<String>,
}

/// Which refresh tokens to revoke.
#[derive(Debug)]
pub enum Revoke {
    /// By jti.
    Jti(String),
    /// By the SHA-256 hex of the token.
    TokenSha256(String),
    /// Every token of a user id.
    User { user_id: String, username: String },
}

/// One audit record.
#[derive(Debug, Clone, Serialize)]
pub struct AuditRecord {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub target: String,
    pub detail: serde_json::Value,
}

/// Who makes the changes the audit trail records: the OS user, looked up
/// only when a change is written (reads never pay for the lookup).
pub struct Actor {
    name: std::cell::OnceCell<String>,
    lookup: fn() -> String,
}

impl Actor {
    /// The OS user running authctl.
    pub fn os_user() -> Self {
        Actor {
            name: std::cell::OnceCell::new(),
            lookup: crate::settings::os_user,
        }
    }

    /// The actor's name.
    pub fn name(&self) -> String {
        self.name.get_or_init(self.lookup).clone()
    }
}

impl From<&str> for Actor {
    fn from(name: &str) -> Self {
        let cell = std::cell::OnceCell::new();
        let _ = cell.set(name.to_string());
        Actor {
            name: cell,
            lookup: String::new,
        }
    }
}

/// The database layouts authctl knows, for refusals.
pub const KNOWN_LAYOUTS: &str =
    "these layouts: native (authctl's own tables) and langflow (Langflow 1.13, alembic e5a7c9b1d3f2)";

/// Whether a command only reads or also writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

/// Open the store the settings point at. For `Access::Read`, a database
/// that does not exist yet is `None` (nothing to read); for `Write` it is
/// created (0600) and migrated.
pub fn open(settings: &Settings, access: Access) -> Result<Option<Box<dyn UserStore>>> {
    // The engine, then the layout over it (SQLite is the one engine today).
    let DatabaseUrl::Sqlite(path) = &settings.database;
    let store: Option<Box<dyn UserStore>> = match settings.profile.spec().layout {
        Layout::Native => native::NativeStore::open(path, access, Actor::os_user())?
            .map(|s| Box::new(s) as Box<dyn UserStore>),
        Layout::Langflow => langflow::LangflowStore::open(
            path,
            access,
            Actor::os_user(),
            settings.config_dir.join(langflow::AUDIT_FILE),
        )?
        .map(|s| Box::new(s) as Box<dyn UserStore>),
    };
    Ok(store)
}

/// The error for an API key id or name that matches nothing.
pub fn api_key_not_found(id_or_name: &str) -> Error {
    Error::NotFound(format!(
        "no API key has the id or name \"{id_or_name}\"; see `authctl apikey list`"
    ))
}

/// Exactly one key among `matches`, or NotFound / Conflict (ambiguous name).
pub fn single_api_key(mut matches: Vec<ApiKey>, id_or_name: &str) -> Result<ApiKey> {
    match matches.len() {
        0 => Err(api_key_not_found(id_or_name)),
        1 => Ok(matches.remove(0)),
        _ => Err(Error::Conflict(format!(
            "{} API keys are named \"{id_or_name}\"; revoke one by id: {}",
            matches.len(),
            matches
                .iter()
                .map(|k| k.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// A username as stored: NFC, validated (see `validate_username`), so
/// `josé` typed on macOS (decomposed) and on Linux is one name.
pub fn normalize_username(name: &str) -> Result<String> {
    let nfc = crate::text::nfc(name);
    validate_username(&nfc)?;
    Ok(nfc)
}

/// The form in which two usernames are compared: NFC, lower-cased beyond
/// ASCII (`ÉVE` and `éve` are one name).
pub fn fold_username(name: &str) -> String {
    crate::text::nfc(&crate::text::nfc(name).to_lowercase())
}

/// The one user in `all` whose name is `wanted` up to case and
/// normalisation. Two stored names that differ only so (which an app's own
/// case-sensitive sign-up can leave) are refused as ambiguous, listing
/// both, rather than one picked.
pub fn pick_user(all: Vec<User>, wanted: &str) -> Result<Option<User>> {
    let key = fold_username(wanted);
    let mut matches: Vec<User> = all
        .into_iter()
        .filter(|u| fold_username(&u.username) == key)
        .collect();
    match matches.len() {
        0 => Ok(None),
        1 => Ok(matches.pop()),
        _ => Err(Error::Conflict(format!(
            "\"{}\" matches {} users that differ only by case or Unicode normalisation ({}); rename all but one in the app first",
            wanted,
            matches.len(),
            matches
                .iter()
                .map(|u| format!("\"{}\" id {}", u.username, u.id))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// Refuse names that would be confusing or unsafe to print.
pub fn validate_username(name: &str) -> Result<()> {
    if name.is_empty() {
        return Err(Error::usage("the username is empty; give a name"));
    }
    if name.trim() != name {
        return Err(Error::usage(format!(
            "username \"{name}\" has leading or trailing whitespace; remove it"
        )));
    }
    if name.chars().count() > 150 {
        return Err(Error::usage("the username is longer than 150 characters"));
    }
    if name.chars().any(char::is_control) {
        return Err(Error::usage("the username contains control characters"));
    }
    if name.chars().any(crate::text::is_unsafe_char) {
        return Err(Error::usage(
            "the username contains invisible formatting characters (such as bidirectional overrides or zero-width spaces); type it plainly",
        ));
    }
    Ok(())
}

pub use crate::clock::{now_rfc3339, unix_to_rfc3339};

/// The error for an unknown user.
pub fn user_not_found(name: &str) -> Error {
    Error::NotFound(format!(
        "user \"{name}\" does not exist; see `authctl user list`"
    ))
}

/// Refuse a change that took away the last active superuser: `before` and
/// `after` are the user around the change (still uncommitted), `remaining`
/// counts active superusers after it.
pub fn guard_last_superuser(
    before: &User,
    after: &User,
    force: bool,
    remaining: impl FnOnce() -> Result<i64>,
) -> Result<()> {
    let lost = before.is_active && before.is_superuser && !(after.is_active && after.is_superuser);
    if lost && !force && remaining()? == 0 {
        let what = if after.is_active {
            "demote"
        } else {
            "deactivate"
        };
        return Err(last_superuser(&before.username, what));
    }
    Ok(())
}

/// The error for a change that would leave no active superuser.
pub fn last_superuser(name: &str, what: &str) -> Error {
    Error::Conflict(format!(
        "refusing to {what} \"{name}\": it is the last active superuser; create another first or pass --force"
    ))
}
