//! The store: one boundary between commands and a database.
//!
//! A store is an app's layout of tables (`apps/<app>/store/`) over an
//! engine (`sqlite`, `postgres`, `mongo`), opened by the app
//! (`App::open_layout`).
//! Commands see `Store` and the model (`model`: `User`, `ApiKey`, …) only;
//! login names are `names`'. The
//! rules that hold whatever the layout (a name is taken once, the last
//! active superuser stays, every change is audited with its commit) are in
//! `rules`, written once over the `UsersTx` row operations a layout
//! supplies. What a layout can do is said by type: `Layout` names the
//! capabilities (users, API keys, encrypted values) every layout has, and
//! refresh-token records are an `Option` a layout without them answers
//! `None` to.

use crate::error::{Error, Result};
use crate::settings::Settings;

pub(crate) mod audit_file;
pub(crate) mod json_text;
mod model;
pub(crate) mod mongo;
mod names;
pub(crate) mod postgres;
pub(crate) mod rules;
pub(crate) mod sqlite;

pub use model::*;
pub use names::*;

/// Reading users, and the one way to change them: a write transaction
/// whose rules (`rules`) are the same for every layout.
pub trait UserRows {
    /// One user by name, up to case and normalisation (`pick_user`): an
    /// app's own login may match names exactly, and its unique index may
    /// fold ASCII only, so names that differ beyond that can coexist and
    /// are refused as ambiguous rather than guessed.
    fn get_user(&self, username: &str) -> Result<Option<User>> {
        pick_user(&self.list_users()?, username)
    }
    /// One user by id (as it appears in a token's `sub`), if present.
    fn get_user_by_id(&self, id: &str) -> Result<Option<User>>;
    /// All users, ordered by creation time.
    fn list_users(&self) -> Result<Vec<User>>;
    /// Begin one write transaction on users (on SQLite, IMMEDIATE: it holds
    /// the write lock from its first read, so what it reads stays true).
    fn begin_users(&mut self) -> Result<Box<dyn UsersTx + '_>>;
    /// Why `authctl superuser` may not create a new superuser here, if it
    /// may not (Flowise: its one organization is set up already).
    fn superuser_conflict(&self) -> Result<Option<String>> {
        Ok(None)
    }
}

/// The row operations of one write transaction. A layout supplies its SQL
/// and codecs here and decides nothing: existence, the last-superuser guard
/// and what is audited are `rules`'.
pub trait UsersTx {
    /// Every user, as this transaction sees them.
    fn users(&mut self) -> Result<Vec<User>>;
    /// Insert `new` (validated and normalised); the user as stored.
    fn insert(&mut self, new: &NewUser) -> Result<User>;
    /// Insert many users at once (each validated and normalised); the
    /// users as stored, in order. A layout on a server does it in one
    /// statement; the first user the database refuses fails it all.
    fn insert_many(&mut self, new: &[NewUser]) -> Result<Vec<User>> {
        new.iter().map(|n| self.insert(n)).collect()
    }
    /// Apply `change` to `user`; the user as stored after it.
    fn update(&mut self, user: &User, change: &UserChange) -> Result<User>;
    /// Delete `user` and the rows the layout deletes with it. Returns what
    /// else was removed (for the audit detail), or `Conflict` naming what
    /// stops the delete.
    fn remove(&mut self, user: &User) -> Result<serde_json::Value>;
    /// Every API key (never a key itself), as this transaction sees them.
    fn api_keys(&mut self) -> Result<Vec<ApiKey>>;
    /// The keys that act for `user` (Flowise: the keys of its workspaces).
    fn api_keys_of(&mut self, user: &User) -> Result<Vec<ApiKey>> {
        let mut keys = self.api_keys()?;
        keys.retain(|k| k.user_id == user.id);
        Ok(keys)
    }
    /// Store a new API key for `new.user`, in this transaction.
    fn insert_api_key(&mut self, new: &NewApiKey) -> Result<ApiKey>;
    /// Delete an API key's row.
    fn remove_api_key(&mut self, key: &ApiKey) -> Result<()>;
    /// Whether the stored `key` is the key `new` would store.
    fn api_key_is(&mut self, key: &ApiKey, new: &NewApiKey) -> Result<bool>;
    /// Record one audit entry for this change. It lands with the commit:
    /// in the same transaction where the schema has an audit table
    /// (native), else appended and fsynced right after it (Langflow, whose
    /// schema has no place for it). The file's path is checked before the
    /// change begins; a failure to append is reported (exit 5, "the change
    /// was made but its audit record could not be written"), never dropped.
    fn audit(&mut self, action: &str, target: &str, detail: serde_json::Value) -> Result<()>;
    /// Commit the change and its audit records.
    fn commit(self: Box<Self>) -> Result<()>;
}

/// Refresh-token records, in layouts that keep them.
pub trait RefreshTokens {
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
    /// What `token revoke` says it did with `rows`.
    fn revoked_note(&self, rows: &[RefreshToken]) -> String {
        format!("revoked {} refresh token(s)", rows.len())
    }
}

/// API keys: every layout keeps them, each its own way.
pub trait ApiKeys {
    /// How this layout stores API keys.
    fn api_key_storage(&self) -> ApiKeyStorage;
    /// Every API key (never the key itself).
    fn list_api_keys(&self) -> Result<Vec<ApiKey>>;
    /// The keys that act for `user` (Flowise: the keys of its workspaces).
    fn api_keys_of(&self, user: &User) -> Result<Vec<ApiKey>> {
        let mut keys = self.list_api_keys()?;
        keys.retain(|k| k.user_id == user.id);
        Ok(keys)
    }
    /// Revoke a key by id or unique name.
    fn revoke_api_key(&mut self, id_or_name: &str) -> Result<ApiKey>;
}

// What a rotation needs of a store is the rotation's to say.
pub use crate::secrets::rotate::{EncryptedValues, Reencrypted};

/// A database layout: the capabilities it has, by type.
pub trait Layout: UserRows + ApiKeys + EncryptedValues {
    /// The app whose tables these are, for messages ("Langflow").
    fn app(&self) -> &'static str;
    /// The app's release the database is, where the layout tells
    /// ("Langflow 1.12.3–1.12.8, alembic 386662af02e9").
    fn release(&self) -> Option<String> {
        None
    }
    /// Whether the database is a release authctl only reads (newer than
    /// any it knows).
    fn read_only_release(&self) -> bool {
        false
    }
    /// How this database's release encrypts stored values, where that is
    /// not the app's newest way (Langflow before 1.10.1 with a short key).
    fn scheme(&self) -> Option<&'static dyn crate::secrets::rotate::Scheme> {
        None
    }
    /// Refresh-token records, if the layout keeps them.
    fn refresh_tokens(&self) -> Option<&dyn RefreshTokens>;
    /// The same, to write.
    fn refresh_tokens_mut(&mut self) -> Option<&mut dyn RefreshTokens>;
    /// The engine's integrity findings; empty when the database is sound.
    fn integrity_check(&self) -> Result<Vec<String>>;
    /// Server-side login sessions, in layouts whose app keeps them in its
    /// database (Flowise).
    fn sessions_mut(&mut self) -> Option<&mut dyn Sessions> {
        None
    }
    /// Invitations to register, in layouts whose app takes them without a
    /// mail server (LibreChat).
    fn invites_mut(&mut self) -> Option<&mut dyn Invites> {
        None
    }
    /// Bans that the app's server enforces at each request, in layouts
    /// whose app keeps them in its database (LibreChat).
    fn bans_mut(&mut self) -> Option<&mut dyn Bans> {
        None
    }
}

/// Bans an app's server checks on every request.
pub trait Bans {
    /// Ban `user` for `seconds` from now and end its sessions.
    fn ban(&mut self, user: &User, seconds: u64, settings: &Settings) -> Result<Banned>;
    /// Lift every ban on `user`; what was removed.
    fn unban(&mut self, user: &User) -> Result<Unbanned>;
}

/// A ban written.
#[derive(serde::Serialize)]
pub struct Banned {
    pub user: String,
    pub id: String,
    pub until: String,
    /// Whether the server's settings have it enforce bans at all.
    pub enforced: bool,
    /// The user's sessions that were ended.
    pub sessions_ended: u64,
}

/// A ban lifted.
#[derive(serde::Serialize)]
pub struct Unbanned {
    pub user: String,
    pub id: String,
    /// Whether there was a ban on the user to lift.
    pub was_banned: bool,
    /// The addresses banned with the user, now free.
    pub addresses: Vec<String>,
    /// The keys of the records removed.
    pub removed: Vec<String>,
}

/// Invitations to register.
pub trait Invites {
    /// Invite `email`; the link to send, once.
    fn invite(&mut self, email: &str, settings: &Settings) -> Result<Invited>;
}

/// An invitation, with the link that holds its token.
#[derive(serde::Serialize)]
pub struct Invited {
    pub email: String,
    /// The registration link; it is the invitation, shown once.
    pub link: String,
    pub expires_at: String,
}

impl crate::output::Report for Invited {
    fn human(&self) -> crate::output::Human {
        crate::output::Human::Text(self.link.clone())
    }
}

/// Login sessions an app's server keeps in its database.
pub trait Sessions {
    /// Store a new session for `user`, holding what the app's login puts
    /// in one, under `sid`, valid until `expires_ms` (Unix milliseconds).
    fn open_session(&mut self, user: &User, sid: &str, expires_ms: i64) -> Result<SessionUser>;
}

/// Who a new session is for, as the app's login resolved it.
#[derive(Debug, Clone)]
pub struct SessionUser {
    pub id: String,
    /// The display name the app's tokens carry.
    pub name: String,
    pub workspace_id: String,
    pub workspace: String,
}

/// An open store: a layout, and the rules every layout shares.
pub struct Store {
    layout: Box<dyn Layout>,
}

impl Store {
    /// The store over `layout`.
    pub fn new(layout: Box<dyn Layout>) -> Self {
        Store { layout }
    }

    /// One user by name (case-insensitive), if present.
    pub fn get_user(&self, username: &str) -> Result<Option<User>> {
        self.layout.get_user(username)
    }

    /// One user by id, if present.
    pub fn get_user_by_id(&self, id: &str) -> Result<Option<User>> {
        self.layout.get_user_by_id(id)
    }

    /// All users, ordered by creation time.
    pub fn list_users(&self) -> Result<Vec<User>> {
        self.layout.list_users()
    }

    /// Why `authctl superuser` may not create a new superuser, if so.
    pub fn superuser_conflict(&self) -> Result<Option<String>> {
        self.layout.superuser_conflict()
    }

    /// Begin one write transaction on users and API keys, for a change
    /// that keeps the rules itself (`provision`).
    pub fn begin_users(&mut self) -> Result<Box<dyn UsersTx + '_>> {
        self.layout.begin_users()
    }

    /// Create a user; `Conflict` when the name is taken (`rules`).
    pub fn create_user(&mut self, new: &NewUser) -> Result<User> {
        rules::create_user(self.layout.as_mut(), new)
    }

    /// Apply `change` to every named user in one transaction (`rules`).
    pub fn update_users(&mut self, usernames: &[String], change: &UserChange) -> Result<Vec<User>> {
        rules::update_users(self.layout.as_mut(), usernames, change)
    }

    /// Delete a user (`rules`).
    pub fn delete_user(&mut self, username: &str, force: bool) -> Result<User> {
        rules::delete_user(self.layout.as_mut(), username, force)
    }

    /// Store a new API key for `new.user` (its SHA-256, and `encrypted`,
    /// the Fernet token of the key, where the layout keeps one), with its
    /// audit record, in one transaction.
    pub fn create_api_key(&mut self, new: &NewApiKey) -> Result<ApiKey> {
        let mut tx = self.layout.begin_users()?;
        let key = tx.insert_api_key(new)?;
        tx.audit("apikey.create", &new.user.username, key.audit_detail())?;
        tx.commit()?;
        Ok(key)
    }

    /// Refresh-token records, or why there are none.
    pub fn refresh_tokens(&self) -> Result<&dyn RefreshTokens> {
        let app = self.layout.app();
        self.layout
            .refresh_tokens()
            .ok_or_else(|| no_refresh_records(app))
    }

    /// The same, to write.
    pub fn refresh_tokens_mut(&mut self) -> Result<&mut dyn RefreshTokens> {
        let app = self.layout.app();
        self.layout
            .refresh_tokens_mut()
            .ok_or_else(|| no_refresh_records(app))
    }

    /// Invitations, or why the layout takes none.
    pub fn invites_mut(&mut self) -> Result<&mut dyn Invites> {
        let app = self.layout.app();
        self.layout.invites_mut().ok_or_else(|| {
            Error::usage(format!(
                "{app} takes no invitations; add the user with `authctl user add`"
            ))
        })
    }

    /// Bans, or why the layout keeps none.
    pub fn bans_mut(&mut self) -> Result<&mut dyn Bans> {
        let app = self.layout.app();
        self.layout.bans_mut().ok_or_else(|| {
            Error::usage(format!(
                "{app} keeps no bans; `authctl user deactivate NAME` stops a user logging in"
            ))
        })
    }

    /// Login sessions, or why the layout has none.
    pub fn sessions_mut(&mut self) -> Result<&mut dyn Sessions> {
        let app = self.layout.app();
        self.layout.sessions_mut().ok_or_else(|| {
            Error::usage(format!(
                "{app} keeps no login sessions in its database; its tokens stand alone"
            ))
        })
    }

    /// Whether this layout keeps refresh-token records at all.
    pub fn tracks_refresh_tokens(&self) -> bool {
        self.layout.refresh_tokens().is_some()
    }

    /// The app whose tables these are, for messages.
    pub fn app(&self) -> &'static str {
        self.layout.app()
    }

    /// The app's release the database is, where the layout tells.
    pub fn release(&self) -> Option<String> {
        self.layout.release()
    }

    /// Whether the database is a release authctl only reads.
    pub fn read_only_release(&self) -> bool {
        self.layout.read_only_release()
    }

    /// How this database's release encrypts stored values, where that is
    /// not `app_scheme`, the app's newest way.
    pub fn scheme(
        &self,
        app_scheme: &'static dyn crate::secrets::rotate::Scheme,
    ) -> &'static dyn crate::secrets::rotate::Scheme {
        self.layout.scheme().unwrap_or(app_scheme)
    }

    /// API keys.
    pub fn api_keys(&mut self) -> &mut dyn ApiKeys {
        self.layout.as_mut()
    }

    /// API keys, to read.
    pub fn api_keys_ref(&self) -> &dyn ApiKeys {
        self.layout.as_ref()
    }

    /// Values encrypted with the secret key.
    pub fn encrypted_values(&mut self) -> &mut dyn EncryptedValues {
        self.layout.as_mut()
    }

    /// The engine's integrity findings.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        self.layout.integrity_check()
    }
}

fn no_refresh_records(app: &str) -> Error {
    Error::usage(format!(
        "{app} keeps no record of refresh tokens, so they cannot be listed or revoked one by one; \
         deactivate the user, or rotate the signing key to end every session"
    ))
}

/// The database layouts authctl knows, for refusals.
pub const KNOWN_LAYOUTS: &str =
    "these layouts, each on SQLite and PostgreSQL: native (authctl's own tables), langflow and flowise (the Langflow and Flowise releases `authctl releases` lists as served), and open-webui (Open WebUI 0.12.4)";

/// Whether a command only reads or also writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

/// Open the store the settings point at. For `Access::Read`, a database
/// that does not exist yet is `None` (nothing to read); for `Write` it is
/// created (0600) and migrated.
pub fn open(settings: &Settings, access: Access) -> Result<Option<Store>> {
    Ok(settings
        .profile
        .app()
        .open_layout(settings, access)?
        .map(Store::new))
}

/// What a read says where `open` found no database: where it looked, and
/// what makes one.
pub fn missing_database(settings: &Settings) -> String {
    format!(
        "database \"{}\" does not exist or has no tables yet; {}",
        settings.database,
        settings.profile.app().missing_database_fix()
    )
}

/// The user `name` cannot be found because there is no database to look
/// in (not found, exit 3), saying so.
pub fn no_database_for_user(settings: &Settings, name: &str) -> crate::error::Error {
    crate::error::Error::NotFound(format!(
        "user \"{name}\" does not exist: {}",
        missing_database(settings)
    ))
}

/// Open the store to read, with the user `name`: not found (exit 3) when
/// it is not there, or when there is no database to look in (saying so).
pub fn read_user(settings: &Settings, name: &str) -> Result<(Store, User)> {
    let db = open(settings, Access::Read)?.ok_or_else(|| no_database_for_user(settings, name))?;
    let user = db.get_user(name)?.ok_or_else(|| user_not_found(name))?;
    Ok((db, user))
}

/// The problems of writing `columns` of `table` whose schema has
/// `present` (name, required and not written by default): a column
/// missing, or a required one left out.
pub fn written_columns_problems(
    table: &str,
    columns: &[&str],
    present: &[(String, bool)],
) -> Vec<String> {
    if present.is_empty() {
        return vec![format!("table {table} is missing")];
    }
    let mut problems: Vec<String> = columns
        .iter()
        .filter(|c| !present.iter().any(|(name, _)| name == *c))
        .map(|c| format!("{table}.{c} is missing"))
        .collect();
    problems.extend(
        present
            .iter()
            .filter(|(name, required)| *required && !columns.contains(&name.as_str()))
            .map(|(name, _)| format!("{table}.{name} is required and authctl does not write it")),
    );
    problems
}

/// The refusal of a write to a database of a release authctl does not
/// know, let through by `--allow-unknown-release`, whose schema does not
/// take what authctl writes.
pub fn unfit_release(app: &str, shown: &str, problems: &[String]) -> Error {
    Error::Release(format!(
        "{app} database {shown} is a release this authctl does not know, and --allow-unknown-release found that what authctl writes does not fit it: {}; nothing was changed; upgrade authctl",
        problems.join(", ")
    ))
}

/// Open the store for writing (creating and migrating it if needed).
pub fn open_write(settings: &Settings) -> Result<Store> {
    open(settings, Access::Write)?.ok_or_else(|| {
        crate::error::Error::Failure(format!("cannot open database \"{}\"", settings.database))
    })
}

/// `users` (as a server returned them, in any order) in the order of
/// `ids`.
pub fn in_order(users: Vec<User>, ids: &[String]) -> Result<Vec<User>> {
    let mut by_id: std::collections::HashMap<String, User> =
        users.into_iter().map(|u| (u.id.clone(), u)).collect();
    ids.iter()
        .map(|id| {
            by_id
                .remove(id)
                .ok_or_else(|| Error::Failure(format!("the server returned no row for user {id}")))
        })
        .collect()
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
