//! Open WebUI's database (SQLite or PostgreSQL), used as it is: what
//! 0.12.4 makes and reads (see `tests/fixtures/open-webui-0.12.4/README.md`,
//! read off the real server and `open_webui/models/`).
//!
//! Invariants: the schema and alembic revision are never altered; a
//! revision authctl does not know is read with a warning and written only
//! with `--allow-unknown-release`, after checking the columns written.
//! Rows are written as the server writes them: a `user` row and its `auth`
//! row together, ids `uuid4()` hyphenated, emails lower-cased, times whole
//! epoch seconds (a NULL or non-integer time breaks Open WebUI's user
//! list), roles exactly `admin`, `user`, `pending`, bcrypt in
//! `auth.password`, a fresh `auth.session_stamp` whenever a password
//! changes. A user is a superuser when its role is `admin`, and active
//! when its role is `user` or `admin` and its `auth` row is active. The
//! audit trail goes to a JSON-lines file in the config dir.

use super::db::{number, truthy, Engine, Row, Tx};
use super::secrets::Form;
use crate::error::{Error, Result};
use crate::store::audit_file::Pending;
use crate::store::{
    single_api_key, Access, Actor, ApiKey, ApiKeyStorage, ApiKeys, EncryptedValues, Layout,
    NewApiKey, NewUser, Reencrypted, RefreshToken, RefreshTokens, Revoke, User, UserChange,
    UserRows, UsersTx,
};
use serde_json::Value;
use std::path::PathBuf;

/// The alembic heads of the releases authctl serves.
pub(super) const HEADS: &[(&str, &str)] = &[("0.12.4", "0bd252b206fb")];

/// The columns authctl writes, checked against a release it does not know
/// before anything is written there.
const WRITTEN: &[(&str, &[&str])] = &[
    (
        "user",
        &[
            "id",
            "name",
            "email",
            "role",
            "profile_image_url",
            "last_active_at",
            "updated_at",
            "created_at",
        ],
    ),
    (
        "auth",
        &["id", "email", "password", "active", "session_stamp"],
    ),
    (
        "api_key",
        &["id", "user_id", "key", "created_at", "updated_at"],
    ),
];

const USER_QUERY: &str =
    "SELECT u.id::text, u.email::text, u.role::text, a.password::text, a.active::text,
        u.created_at::text, u.updated_at::text, u.last_active_at::text, (a.id IS NOT NULL)::text
    FROM \"user\" u LEFT JOIN auth a ON a.id = u.id";

/// Open WebUI's order of users (`get_first_user`): by creation, admins
/// first on ties, then id. The first is the primary admin.
const USER_ORDER: &str =
    " ORDER BY u.created_at, CASE WHEN u.role = 'admin' THEN 0 ELSE 1 END, u.id";

const API_KEY_QUERY: &str =
    "SELECT k.id::text, k.user_id::text, u.email::text, k.created_at::text, k.last_used_at::text
    FROM api_key k LEFT JOIN \"user\" u ON u.id = k.user_id";

fn col(r: &Row, i: usize) -> Option<String> {
    r.get(i).cloned().flatten()
}

/// An Open WebUI time (epoch seconds; milliseconds or nanoseconds where a
/// tool wrote them so) as RFC 3339; empty where there is none.
pub(super) fn time_text(value: &Option<String>) -> String {
    match number(value) {
        Some(n) if n > 100_000_000_000_000 => crate::clock::unix_to_rfc3339(n / 1_000_000_000),
        Some(n) if n > 100_000_000_000 => crate::clock::unix_to_rfc3339(n / 1000),
        Some(n) => crate::clock::unix_to_rfc3339(n),
        None => String::new(),
    }
}

fn row_to_user(r: &Row) -> User {
    let role = col(r, 2).unwrap_or_default();
    User {
        id: col(r, 0).unwrap_or_default(),
        username: col(r, 1).unwrap_or_default(),
        password_hash: col(r, 3).unwrap_or_default(),
        is_active: truthy(&col(r, 8)) && truthy(&col(r, 4)) && (role == "user" || role == "admin"),
        is_superuser: role == "admin",
        created_at: time_text(&col(r, 5)),
        updated_at: time_text(&col(r, 6)),
        last_login_at: col(r, 7).map(|t| time_text(&Some(t))),
    }
}

/// A key as listed: Open WebUI's keys have no name of their own, one per
/// user, so each is named by its user's email (what `apply` and
/// `export` match it by).
fn row_to_api_key(r: &Row) -> ApiKey {
    ApiKey {
        id: col(r, 0).unwrap_or_default(),
        name: col(r, 2),
        user_id: col(r, 1).unwrap_or_default(),
        username: col(r, 2),
        created_at: Some(time_text(&col(r, 3))),
        last_used_at: col(r, 4).map(|t| time_text(&Some(t))),
        active: true,
        workspace: None,
        permissions: None,
    }
}

/// The values kept under a key of their own instead of the secret key,
/// by the variables that say so (`env.py`, `utils/mfa.py`).
#[derive(Clone, Copy, Default)]
pub(super) struct OwnKeys {
    pub(super) oauth_sessions: bool,
    pub(super) oauth_client_info: bool,
    pub(super) mfa: bool,
}

/// A user's `auth` row, as a token check reads it.
pub(super) struct Session {
    pub(super) active: bool,
    pub(super) stamp: Option<String>,
    /// An MFA secret is enrolled and no reset is pending.
    pub(super) mfa_enrolled: bool,
}

/// The store over one Open WebUI database.
pub(crate) struct OpenWebUiStore {
    pub(super) db: Engine,
    actor: Actor,
    audit_path: PathBuf,
    pub(super) tables: Vec<String>,
    /// The release, as `doctor` names it.
    release: String,
    /// An alembic head authctl does not know, and whether writing it was
    /// allowed.
    unknown: Option<(String, bool)>,
    own_keys: OwnKeys,
}

/// Whether a database with `tables` is Open WebUI's.
pub(super) fn is_open_webui(tables: &[String]) -> bool {
    let has = |name: &str| tables.iter().any(|t| t == name);
    has("auth") && has("api_key") && has("user") && has("config")
}

impl OpenWebUiStore {
    /// Open the database the settings point at: `None` when there is
    /// nothing to read yet.
    pub(super) fn open(
        s: &crate::settings::Settings,
        access: Access,
        own_keys: OwnKeys,
    ) -> Result<Option<Self>> {
        let (db, tables) = match &s.database {
            crate::database_url::DatabaseUrl::Sqlite(path) => match Engine::sqlite(path, access)? {
                Some(opened) => opened,
                None => return Ok(None),
            },
            crate::database_url::DatabaseUrl::Postgres(url) => Engine::pg(url)?,
        };
        let shown = db.shown();
        crate::apps::refuse_foreign("open-webui", &tables, 0, &shown)?;
        if !is_open_webui(&tables) {
            return Err(Error::usage(format!(
                "{shown} is not an Open WebUI database (it has no user, auth, api_key and config tables); authctl knows {}; check --db, DATA_DIR or DATABASE_URL",
                crate::store::KNOWN_LAYOUTS
            )));
        }
        let heads: Vec<String> = if tables.iter().any(|t| t == "alembic_version") {
            db.read(
                "SELECT version_num::text FROM alembic_version",
                &[],
                "read the alembic revision of the database",
            )?
            .into_iter()
            .filter_map(|r| col(&r, 0))
            .collect()
        } else {
            Vec::new()
        };
        let mut store = OpenWebUiStore {
            db,
            actor: Actor::os_user(),
            audit_path: s.config_dir.join(crate::store::audit_file::AUDIT_FILE),
            tables,
            release: String::new(),
            unknown: None,
            own_keys,
        };
        match heads.as_slice() {
            [head] => match HEADS.iter().find(|(_, h)| h == head) {
                Some((version, _)) => {
                    store.release = format!("Open WebUI {version}, alembic {head}");
                }
                None => {
                    let newest = HEADS[0];
                    if access == Access::Write && !s.allow_unknown_release {
                        return Err(unknown_release(&shown, head));
                    }
                    crate::output::defer_warning(format!(
                        "Open WebUI database {shown} is at alembic revision {head}, which this authctl does not know (it serves Open WebUI {}, alembic {}); it is read as that release's{}",
                        newest.0,
                        newest.1,
                        if s.allow_unknown_release {
                            ", and with --allow-unknown-release written as that release's once every column written is checked"
                        } else {
                            "; upgrade authctl before changing anything in it"
                        }
                    ));
                    store.release = format!(
                        "an Open WebUI release authctl does not know (alembic {head}), read as {}'s",
                        newest.0
                    );
                    store.unknown = Some((head.clone(), s.allow_unknown_release));
                }
            },
            _ => {
                return Err(Error::Release(format!(
                    "Open WebUI database {shown} is at alembic revision {}, which this authctl cannot place (it serves Open WebUI {}); refusing to guess at its schema",
                    if heads.is_empty() { "(none)".to_string() } else { heads.join(", ") },
                    HEADS[0].0
                )))
            }
        }
        Ok(Some(store))
    }

    /// A write transaction, once an unknown release is checked.
    fn write_tx(&mut self, lock: &str) -> Result<(Tx<'_>, Pending)> {
        if let Some((head, allowed)) = &self.unknown {
            if !allowed {
                return Err(unknown_release(&self.db.shown(), head));
            }
        }
        crate::store::audit_file::prepare(&self.audit_path)?;
        let shown = self.db.shown();
        let check = self.unknown.is_some();
        let pending = Pending::new(self.actor.name(), self.audit_path.clone());
        let mut tx = self.db.begin(lock)?;
        if check {
            let mut problems = Vec::new();
            for (table, columns) in WRITTEN {
                problems.extend(unwritable(&mut tx, table, columns)?);
            }
            if !problems.is_empty() {
                return Err(crate::store::unfit_release("Open WebUI", &shown, &problems));
            }
        }
        Ok((tx, pending))
    }

    /// A user's session: whether its `auth` row is active, and its
    /// session stamp; `None` without an `auth` row.
    pub(super) fn session_of(&self, user_id: &str) -> Result<Option<Session>> {
        Ok(self
            .db
            .read(
                "SELECT active::text, session_stamp::text, mfa::text FROM auth WHERE id = $1",
                &[user_id],
                "read the user's session stamp",
            )?
            .first()
            .map(|r| Session {
                active: truthy(&col(r, 0)),
                stamp: col(r, 1),
                mfa_enrolled: col(r, 2)
                    .and_then(|t| serde_json::from_str::<Value>(&t).ok())
                    .is_some_and(|m| {
                        m.get("secret")
                            .is_some_and(|s| s.as_str().is_some_and(|s| !s.is_empty()))
                            && m.get("reset_required") != Some(&Value::Bool(true))
                    }),
            }))
    }

    /// A `config` value (its JSON), `None` when the key is not there.
    pub(super) fn config(&self, key: &str) -> Result<Option<Value>> {
        Ok(self
            .db
            .read(
                "SELECT value::text FROM config WHERE \"key\" = $1",
                &[key],
                "read Open WebUI's config",
            )?
            .first()
            .and_then(|r| col(r, 0))
            .map(|text| serde_json::from_str(&text).unwrap_or(Value::String(text))))
    }

    /// Rows of a read.
    pub(super) fn read(&self, sql: &str, params: &[&str], doing: &str) -> Result<Vec<Row>> {
        self.db.read(sql, params, doing)
    }
}

/// What keeps authctl from writing `columns` of `table` in an unknown
/// release.
fn unwritable(tx: &mut Tx<'_>, table: &str, columns: &[&str]) -> Result<Vec<String>> {
    match tx {
        Tx::Sqlite(conn) => crate::store::sqlite::unwritable(conn, table, columns),
        Tx::Pg(pg) => pg.unwritable(table, columns),
    }
}

fn unknown_release(shown: &str, head: &str) -> Error {
    Error::Release(format!(
        "Open WebUI database {shown} is at alembic revision {head}, which this authctl does not know (it serves Open WebUI {}, alembic {}); it reads such a database but changes nothing in it: upgrade authctl, or pass --allow-unknown-release to write after checking every column it writes",
        HEADS[0].0, HEADS[0].1
    ))
}

impl UserRows for OpenWebUiStore {
    fn get_user_by_id(&self, id: &str) -> Result<Option<User>> {
        Ok(self
            .db
            .read(
                &format!("{USER_QUERY} WHERE u.id = $1"),
                &[id],
                "read users",
            )?
            .first()
            .map(row_to_user))
    }

    fn list_users(&self) -> Result<Vec<User>> {
        Ok(self
            .db
            .read(&format!("{USER_QUERY}{USER_ORDER}"), &[], "list users")?
            .iter()
            .map(row_to_user)
            .collect())
    }

    fn begin_users(&mut self) -> Result<Box<dyn UsersTx + '_>> {
        let tables = self.tables.clone();
        let (tx, audit) =
            self.write_tx("LOCK TABLE \"user\", auth, api_key IN SHARE ROW EXCLUSIVE MODE")?;
        Ok(Box::new(OpenWebUiUsersTx { tx, audit, tables }))
    }
}

/// One write transaction on Open WebUI's users and their keys.
struct OpenWebUiUsersTx<'a> {
    tx: Tx<'a>,
    audit: Pending,
    tables: Vec<String>,
}

impl OpenWebUiUsersTx<'_> {
    fn read(&mut self, id: &str, name: &str) -> Result<User> {
        self.tx
            .rows(
                &format!("{USER_QUERY} WHERE u.id = $1"),
                &[id],
                "read users",
            )?
            .first()
            .map(row_to_user)
            .ok_or_else(|| {
                Error::Failure(format!("user \"{name}\" was not found after writing it"))
            })
    }

    /// The id of Open WebUI's primary admin (`get_first_user`).
    fn primary_admin(&mut self) -> Result<Option<String>> {
        Ok(self
            .tx
            .rows(
                &format!("SELECT u.id::text FROM \"user\" u{USER_ORDER} LIMIT 1"),
                &[],
                "read the primary admin",
            )?
            .first()
            .and_then(|r| col(r, 0)))
    }

    fn has(&self, table: &str) -> bool {
        self.tables.iter().any(|t| t == table)
    }

    /// Delete `sql`'s rows, counting them into `removed` under `what`.
    fn delete_counted(
        &mut self,
        removed: &mut serde_json::Map<String, Value>,
        what: &str,
        sql: &str,
        id: &str,
    ) -> Result<()> {
        let n = self
            .tx
            .rows(
                &format!("{sql} RETURNING 1"),
                &[id],
                &format!("delete the user's {what}"),
            )?
            .len();
        if n > 0 {
            removed.insert(what.to_string(), n.into());
        }
        Ok(())
    }
}

/// A new uuid4, hyphenated, as Open WebUI makes ids and stamps.
pub(super) fn uuid4() -> String {
    uuid::Uuid::new_v4().hyphenated().to_string()
}

impl OpenWebUiUsersTx<'_> {
    /// Why Open WebUI would refuse `user`'s API key (`utils/auth.py`): the
    /// keys are off for the deployment, or a non-admin lacks the
    /// `features.api_keys` permission (from `user.permissions` or one of
    /// its groups).
    fn api_key_refusals(&mut self, user: &User) -> Result<Vec<String>> {
        let config = |tx: &mut Tx<'_>, key: &str| -> Result<Option<Value>> {
            Ok(tx
                .rows(
                    "SELECT value::text FROM config WHERE \"key\" = $1",
                    &[key],
                    "read Open WebUI's config",
                )?
                .first()
                .and_then(|r| col(r, 0))
                .and_then(|t| serde_json::from_str(&t).ok()))
        };
        let mut refusals = Vec::new();
        if config(&mut self.tx, "auth.enable_api_keys")?.and_then(|v| v.as_bool()) != Some(true) {
            refusals.push(
                "Open WebUI refuses every API key while API keys are off (auth.enable_api_keys); an admin turns them on in Admin Settings → General → Enable API Keys".to_string(),
            );
        }
        if !user.is_superuser {
            let granted =
                |v: &Value| v.pointer("/features/api_keys").and_then(Value::as_bool) == Some(true);
            let mut allowed =
                config(&mut self.tx, "user.permissions")?.is_some_and(|p| granted(&p));
            if !allowed && self.has("group_member") && self.has("group") {
                let groups = self.tx.rows(
                    "SELECT g.permissions::text FROM \"group\" g JOIN group_member m ON m.group_id = g.id WHERE m.user_id = $1",
                    &[&user.id],
                    "read the user's groups",
                )?;
                allowed = groups
                    .iter()
                    .filter_map(|r| col(r, 0))
                    .any(|t| serde_json::from_str::<Value>(&t).is_ok_and(|p| granted(&p)));
            }
            if !allowed {
                refusals.push(format!(
                    "Open WebUI refuses \"{}\"'s API key: the user is not an admin and lacks the API keys permission; grant it in Admin Settings → Users → Default permissions (Features → API Keys) or to one of its groups",
                    user.username
                ));
            }
        }
        Ok(refusals)
    }
}

impl UsersTx for OpenWebUiUsersTx<'_> {
    fn users(&mut self) -> Result<Vec<User>> {
        Ok(self
            .tx
            .rows(&format!("{USER_QUERY}{USER_ORDER}"), &[], "read users")?
            .iter()
            .map(row_to_user)
            .collect())
    }

    /// As a signup writes them (`Auths.insert_new_auth`); the first admin
    /// closes signup, as the first signup does.
    fn insert(&mut self, new: &NewUser) -> Result<User> {
        let email = new.username.to_lowercase();
        let id = uuid4();
        let now_secs = crate::clock::unix_now();
        let now = now_secs.to_string();
        // How many users there are, and the earliest time in seconds (a
        // tool's milliseconds or nanoseconds left out).
        let counted = self.tx.rows(
            "SELECT count(*)::text, min(CASE WHEN created_at < 100000000000 THEN created_at END)::text FROM \"user\"",
            &[],
            "count users",
        )?;
        let first = counted.first().and_then(|r| number(&col(r, 0))) == Some(0);
        // Open WebUI's primary admin is the earliest user, admins first on
        // ties, then by id: a user made in the same second as the first
        // could take its place once promoted. One second later keeps the
        // order the users were made in, as signups made one by one do.
        let created = match counted.first().and_then(|r| number(&col(r, 1))) {
            Some(earliest) if earliest >= now_secs => (earliest + 1).to_string(),
            _ => now.clone(),
        };
        let role = match (new.is_superuser, new.is_active) {
            (true, _) => "admin",
            (false, true) => "user",
            (false, false) => "pending",
        };
        let name = email.split('@').next().unwrap_or(&email).to_string();
        let doing = format!("create user \"{email}\"");
        self.tx.exec(
            "INSERT INTO \"user\" (id, name, email, role, profile_image_url, last_active_at, updated_at, created_at, oauth, info, settings, scim)
             VALUES ($1, $2, $3, $4, '/user.png', $5::bigint, $5::bigint, $6::bigint, 'null'::json, 'null'::json, 'null'::json, 'null'::json)",
            &[&id, &name, &email, role, &now, &created],
            &doing,
        )?;
        self.tx.exec(
            "INSERT INTO auth (id, email, password, active, session_stamp) VALUES ($1, $2, $3, $4::boolean, $5)",
            &[&id, &email, &new.password_hash, "1", &uuid4()],
            &doing,
        )?;
        if first && role == "admin" && self.has("config") {
            set_config(&mut self.tx, "ui.enable_signup", "false", &now)?;
        }
        self.read(&id, &email)
    }

    fn update(&mut self, user: &User, change: &UserChange) -> Result<User> {
        let id = user.id.as_str();
        let now = crate::clock::unix_now().to_string();
        let doing = format!("update user \"{}\"", user.username);
        let has_auth = !self
            .tx
            .rows("SELECT 1 FROM auth WHERE id = $1", &[id], &doing)?
            .is_empty();
        if !has_auth {
            // A user without an auth row cannot log in at all: give it one.
            self.tx.exec(
                "INSERT INTO auth (id, email, password, active, session_stamp) VALUES ($1, $2, '', $3::boolean, $4)",
                &[id, &user.username.to_lowercase(), "1", &uuid4()],
                &doing,
            )?;
        }
        if let Some(hash) = &change.password_hash {
            // A new stamp, as Open WebUI's own password change: every
            // token issued before stops working.
            self.tx.exec(
                "UPDATE auth SET password = $2, session_stamp = $3 WHERE id = $1",
                &[id, hash, &uuid4()],
                &doing,
            )?;
        }
        match change.is_active {
            Some(true) => {
                self.tx.exec(
                    "UPDATE auth SET active = $2::boolean WHERE id = $1",
                    &[id, "1"],
                    &doing,
                )?;
                self.tx.exec(
                    "UPDATE \"user\" SET role = 'user' WHERE id = $1 AND role = 'pending'",
                    &[id],
                    &doing,
                )?;
            }
            Some(false) => {
                // A new stamp too: activating the user again must not
                // bring back the tokens it had.
                self.tx.exec(
                    "UPDATE auth SET active = $2::boolean, session_stamp = $3 WHERE id = $1",
                    &[id, "0", &uuid4()],
                    &doing,
                )?;
                // An inactive user's API key keeps working in Open WebUI.
                self.tx
                    .exec("DELETE FROM api_key WHERE user_id = $1", &[id], &doing)?;
            }
            None => {}
        }
        match change.is_superuser {
            Some(true) => self.tx.exec(
                "UPDATE \"user\" SET role = 'admin' WHERE id = $1",
                &[id],
                &doing,
            )?,
            Some(false) => {
                if self.primary_admin()?.as_deref() == Some(id) {
                    return Err(Error::Conflict(format!(
                        "user \"{}\" is Open WebUI's primary admin (its earliest user), whose role Open WebUI lets no one change; promote another admin instead",
                        user.username
                    )));
                }
                self.tx.exec(
                    "UPDATE \"user\" SET role = 'user' WHERE id = $1 AND role = 'admin'",
                    &[id],
                    &doing,
                )?
            }
            None => {}
        }
        // Every write leaves the times Open WebUI's user list needs.
        // Times in milliseconds or nanoseconds (a tool's) become seconds.
        let seconds = |column: &str| {
            format!(
                "CASE WHEN {column} IS NULL THEN $2::bigint
                      WHEN {column} > 100000000000000 THEN {column} / 1000000000
                      WHEN {column} > 100000000000 THEN {column} / 1000
                      ELSE {column} END"
            )
        };
        self.tx.exec(
            &format!(
                "UPDATE \"user\" SET updated_at = $2::bigint, created_at = {}, last_active_at = {} WHERE id = $1",
                seconds("created_at"),
                seconds("last_active_at")
            ),
            &[id, &now],
            &doing,
        )?;
        self.read(id, &user.username)
    }

    /// What Open WebUI's own delete removes (`Auths.delete_auth_by_id`:
    /// group memberships, shared chats, chats and their messages, the user,
    /// its auth row), and its API keys and OAuth sessions, which
    /// PostgreSQL deletes with it and SQLite would leave behind. The
    /// primary admin is refused, as the server refuses it.
    fn remove(&mut self, user: &User) -> Result<Value> {
        let id = user.id.as_str();
        if self.primary_admin()?.as_deref() == Some(id) {
            return Err(Error::Conflict(format!(
                "user \"{}\" is Open WebUI's primary admin (its earliest user), which Open WebUI never deletes; deactivate it instead (`authctl user deactivate {}`)",
                user.username, user.username
            )));
        }
        let mut removed = serde_json::Map::new();
        let now = crate::clock::unix_now().to_string();
        if self.has("group_member") && self.has("group") {
            self.tx.exec(
                "UPDATE \"group\" SET updated_at = $2::bigint WHERE id IN (SELECT group_id FROM group_member WHERE user_id = $1)",
                &[id, &now],
                "update the user's groups",
            )?;
            self.delete_counted(
                &mut removed,
                "group_member",
                "DELETE FROM group_member WHERE user_id = $1",
                id,
            )?;
        }
        if self.has("shared_chat") {
            self.delete_counted(
                &mut removed,
                "shared_chat",
                "DELETE FROM shared_chat WHERE user_id = $1",
                id,
            )?;
        }
        if self.has("chat") {
            if self.has("automation_run") {
                self.tx.exec(
                    "UPDATE automation_run SET chat_id = NULL WHERE chat_id IN (SELECT id FROM chat WHERE user_id = $1)",
                    &[id],
                    "update the user's automation runs",
                )?;
            }
            if self.has("chat_message") {
                self.delete_counted(
                    &mut removed,
                    "chat_message",
                    "DELETE FROM chat_message WHERE chat_id IN (SELECT id FROM chat WHERE user_id = $1)",
                    id,
                )?;
            }
            self.delete_counted(
                &mut removed,
                "chat",
                "DELETE FROM chat WHERE user_id = $1",
                id,
            )?;
        }
        self.delete_counted(
            &mut removed,
            "api_key",
            "DELETE FROM api_key WHERE user_id = $1",
            id,
        )?;
        if self.has("oauth_session") {
            self.delete_counted(
                &mut removed,
                "oauth_session",
                "DELETE FROM oauth_session WHERE user_id = $1",
                id,
            )?;
        }
        let doing = format!("delete user \"{}\"", user.username);
        self.tx
            .exec("DELETE FROM \"user\" WHERE id = $1", &[id], &doing)?;
        self.tx
            .exec("DELETE FROM auth WHERE id = $1", &[id], &doing)?;
        Ok(Value::Object(removed))
    }

    fn api_keys(&mut self) -> Result<Vec<ApiKey>> {
        Ok(self
            .tx
            .rows(
                &format!("{API_KEY_QUERY} ORDER BY k.created_at, k.id"),
                &[],
                "read API keys",
            )?
            .iter()
            .map(row_to_api_key)
            .collect())
    }

    /// One key per user, `key_<user id>`, the key itself stored (as
    /// `update_user_api_key_by_id`): a new key replaces the user's old one.
    fn insert_api_key(&mut self, new: &NewApiKey) -> Result<ApiKey> {
        use secrecy::ExposeSecret;
        if new
            .name
            .as_deref()
            .is_some_and(|n| !n.eq_ignore_ascii_case(&new.user.username))
        {
            return Err(Error::usage(format!(
                "Open WebUI's API keys are named by their user (one key each): drop --name, or name it \"{}\"",
                new.user.username
            )));
        }
        if !new.user.is_active {
            // Open WebUI checks neither auth.active nor the role when a
            // key is used: a key would let a deactivated user back in.
            return Err(Error::Conflict(format!(
                "user \"{}\" is inactive, and Open WebUI would still accept an API key of its; activate it first (`authctl user activate {}`)",
                new.user.username, new.user.username
            )));
        }
        let id = new.user.id.as_str();
        let replaced = self
            .tx
            .rows(
                "DELETE FROM api_key WHERE user_id = $1 RETURNING id::text",
                &[id],
                "replace the user's API key",
            )?
            .len();
        let now = crate::clock::unix_now().to_string();
        let key_id = format!("key_{id}");
        self.tx.exec(
            "INSERT INTO api_key (id, user_id, \"key\", created_at, updated_at) VALUES ($1, $2, $3, $4::bigint, $4::bigint)",
            &[&key_id, id, new.key.expose_secret(), &now],
            "store the API key",
        )?;
        for why in self.api_key_refusals(&new.user)? {
            crate::output::defer_warning(why);
        }
        if replaced > 0 {
            crate::output::defer_warning(format!(
                "\"{}\"'s previous API key was replaced: Open WebUI keeps one key per user",
                new.user.username
            ));
        }
        let mut key = new.listed(key_id, Some(time_text(&Some(now))));
        key.name = Some(new.user.username.clone());
        Ok(key)
    }

    fn remove_api_key(&mut self, key: &ApiKey) -> Result<()> {
        self.tx.exec(
            "DELETE FROM api_key WHERE id = $1",
            &[&key.id],
            "delete the API key",
        )
    }

    fn api_key_is(&mut self, key: &ApiKey, new: &NewApiKey) -> Result<bool> {
        let stored = self
            .tx
            .rows(
                "SELECT \"key\"::text FROM api_key WHERE id = $1",
                &[&key.id],
                "read API keys",
            )?
            .first()
            .and_then(|r| col(r, 0));
        Ok(stored.is_some_and(|k| {
            crate::apps::api_keys::sha256_hex(&secrecy::SecretString::from(k)) == new.sha256_hex
        }))
    }

    fn audit(&mut self, action: &str, target: &str, detail: Value) -> Result<()> {
        self.audit.push(action, target, detail);
        Ok(())
    }

    fn commit(self: Box<Self>) -> Result<()> {
        let this = *self;
        this.tx.commit(this.audit)
    }
}

/// Set `config[key]` to the JSON `value` (text), as the admin settings do.
fn set_config(tx: &mut Tx<'_>, key: &str, value: &str, now: &str) -> Result<()> {
    tx.exec(
        "INSERT INTO config (\"key\", value, updated_at) VALUES ($1, $2::json, $3::bigint)
         ON CONFLICT (\"key\") DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at",
        &[key, value, now],
        "write Open WebUI's config",
    )
}

impl ApiKeys for OpenWebUiStore {
    fn api_key_storage(&self) -> ApiKeyStorage {
        ApiKeyStorage::Plain
    }

    fn list_api_keys(&self) -> Result<Vec<ApiKey>> {
        Ok(self
            .db
            .read(
                &format!("{API_KEY_QUERY} ORDER BY k.created_at, k.id"),
                &[],
                "list API keys",
            )?
            .iter()
            .map(row_to_api_key)
            .collect())
    }

    /// By the key's id (`key_<user id>`) or its user's email.
    fn revoke_api_key(&mut self, id_or_name: &str) -> Result<ApiKey> {
        let (mut tx, mut audit) =
            self.write_tx("LOCK TABLE api_key IN SHARE ROW EXCLUSIVE MODE")?;
        let matches: Vec<ApiKey> = tx
            .rows(
                &format!("{API_KEY_QUERY} WHERE k.id = $1 OR lower(u.email) = lower($1)"),
                &[id_or_name],
                "read API keys",
            )?
            .iter()
            .map(row_to_api_key)
            .collect();
        let key = single_api_key(matches, id_or_name)?;
        tx.exec(
            "DELETE FROM api_key WHERE id = $1",
            &[&key.id],
            "revoke the API key",
        )?;
        audit.push(
            "apikey.revoke",
            key.username.as_deref().unwrap_or(""),
            serde_json::json!({ "id": key.id }),
        );
        tx.commit(audit)?;
        Ok(ApiKey {
            active: false,
            ..key
        })
    }
}

impl Layout for OpenWebUiStore {
    fn app(&self) -> &'static str {
        "Open WebUI"
    }

    fn release(&self) -> Option<String> {
        Some(self.release.clone())
    }

    fn read_only_release(&self) -> bool {
        matches!(self.unknown, Some((_, false)))
    }

    fn refresh_tokens(&self) -> Option<&dyn RefreshTokens> {
        Some(self)
    }

    fn refresh_tokens_mut(&mut self) -> Option<&mut dyn RefreshTokens> {
        Some(self)
    }

    fn integrity_check(&self) -> Result<Vec<String>> {
        self.db.integrity_check()
    }
}

/// Open WebUI keeps no record of the tokens it issues: a token is good
/// while its `session_stamp` claim is its user's. Revoking is a new stamp.
impl RefreshTokens for OpenWebUiStore {
    fn record_refresh_token(&mut self, _record: &RefreshToken, _sha256: &str) -> Result<()> {
        Err(no_token_records())
    }

    fn find_refresh_token(&self, _jti: &str) -> Result<Option<RefreshToken>> {
        Ok(None)
    }

    fn list_refresh_tokens(&self, _user_id: &str) -> Result<Vec<RefreshToken>> {
        Err(no_token_records())
    }

    fn revoked_note(&self, _rows: &[RefreshToken]) -> String {
        "ended every session of the user (a new session stamp): tokens issued before no longer verify".into()
    }

    fn revoke_refresh_tokens(&mut self, which: &Revoke) -> Result<Vec<RefreshToken>> {
        let Revoke::User { user_id, username } = which else {
            return Err(Error::usage(
                "Open WebUI cannot end one token alone (without Redis it keeps no list of revoked tokens); `authctl token revoke --user EMAIL` ends every session of the user",
            ));
        };
        let (mut tx, mut audit) = self.write_tx("LOCK TABLE auth IN SHARE ROW EXCLUSIVE MODE")?;
        let stamped = tx.rows(
            "UPDATE auth SET session_stamp = $2 WHERE id = $1 RETURNING id::text",
            &[user_id, &uuid4()],
            "give the user a new session stamp",
        )?;
        if stamped.is_empty() {
            return Err(Error::Conflict(format!(
                "user \"{username}\" has no auth row, so it has no session to end (and cannot log in); set a password with `authctl user passwd {username}`"
            )));
        }
        audit.push(
            "token.revoke",
            username,
            serde_json::json!({ "session_stamp": "new" }),
        );
        tx.commit(audit)?;
        Ok(vec![RefreshToken {
            jti: "session_stamp".into(),
            user_id: user_id.clone(),
            issued_at: String::new(),
            expires_at: String::new(),
            revoked_at: Some(crate::clock::now_rfc3339()),
        }])
    }
}

fn no_token_records() -> Error {
    Error::usage(
        "Open WebUI keeps no record of the tokens it issues: a user's tokens are good until its session stamp changes; `authctl token revoke --user EMAIL` ends them all",
    )
}

/// One stored value under the secret key: where it is, and its text.
struct Held {
    /// The value, tagged with its form.
    value: String,
    /// Which row, for messages.
    row: String,
}

impl EncryptedValues for OpenWebUiStore {
    /// Every value Open WebUI keeps under the secret key (and not under a
    /// key of its own): `oauth_session.token`; the OAuth client info of
    /// tool servers in `config`; encrypted valves of tools, functions and
    /// users; MFA secrets in `auth.mfa`; app API keys and connection
    /// tokens. One transaction.
    fn reencrypt(
        &mut self,
        rekey: &mut dyn FnMut(&str, &str) -> Result<String>,
        dry_run: bool,
    ) -> Result<Vec<Reencrypted>> {
        let own = self.own_keys;
        let tables = self.tables.clone();
        let has = |t: &str| tables.iter().any(|x| x == t);
        if let Some((head, _)) = &self.unknown {
            return Err(Error::Release(format!(
                "Open WebUI database {} is at alembic revision {head}, which this authctl does not know; a newer release may keep values under the secret key where authctl does not look, so it re-encrypts nothing there (--allow-unknown-release does not cover it); upgrade authctl",
                self.db.shown()
            )));
        }
        let lock = format!(
            "SELECT pg_advisory_xact_lock({}); LOCK TABLE {} IN SHARE ROW EXCLUSIVE MODE",
            crate::store::postgres::ROTATE_LOCK,
            [
                "oauth_session",
                "config",
                "auth",
                "tool",
                "function",
                "user",
                "app"
            ]
            .iter()
            .filter(|t| has(t))
            .map(|t| format!("\"{t}\""))
            .collect::<Vec<_>>()
            .join(", ")
        );
        // A dry run (doctor, identify) reads only: no audit trail needed.
        let pending = Pending::new(self.actor.name(), self.audit_path.clone());
        let mut tx = if dry_run {
            self.db.begin_read()?
        } else {
            crate::store::audit_file::prepare(&self.audit_path)?;
            self.db.begin(&lock)?
        };
        let mut report = Vec::new();
        let mut count = |table: &str, column: &str, n: usize| {
            report.push(Reencrypted {
                table: table.into(),
                column: column.into(),
                values: n,
            })
        };
        if has("oauth_session") && !own.oauth_sessions {
            let rows = tx.rows(
                "SELECT id::text, token::text FROM oauth_session ORDER BY id",
                &[],
                "read OAuth sessions",
            )?;
            let mut n = 0;
            for r in rows {
                let (Some(id), Some(token)) = (col(&r, 0), col(&r, 1)) else {
                    continue;
                };
                let new = rekey(&token, &format!("oauth_session {id}"))?;
                if !dry_run {
                    tx.exec(
                        "UPDATE oauth_session SET token = $2 WHERE id = $1",
                        &[&id, &new],
                        "re-encrypt an OAuth session",
                    )?;
                }
                n += 1;
            }
            count("oauth_session", "token", n);
        }
        if !own.oauth_client_info {
            let n = rekey_json_rows(
                &mut tx,
                "SELECT \"key\"::text, value::text FROM config WHERE \"key\" = 'tool_server.connections'",
                "UPDATE config SET value = $2::json WHERE \"key\" = $1",
                &mut |v, row, f| each_connection_info(v, row, f),
                rekey,
                dry_run,
                "config",
            )?;
            count(
                "config",
                "tool_server.connections.info.oauth_client_info",
                n,
            );
        }
        for table in ["tool", "function"] {
            if has(table) {
                let n = rekey_json_rows(
                    &mut tx,
                    &format!(
                        "SELECT id::text, valves::text FROM \"{table}\" WHERE valves IS NOT NULL"
                    ),
                    &format!("UPDATE \"{table}\" SET valves = $2::json WHERE id = $1"),
                    &mut |v, row, f| {
                        if let Value::String(s) = v {
                            let held = Held {
                                value: s.clone(),
                                row: row.to_string(),
                            };
                            *s = f(held)?;
                            return Ok(1);
                        }
                        Ok(0)
                    },
                    rekey,
                    dry_run,
                    table,
                )?;
                count(table, "valves", n);
            }
        }
        let n = rekey_json_rows(
            &mut tx,
            "SELECT id::text, settings::text FROM \"user\" WHERE settings IS NOT NULL",
            "UPDATE \"user\" SET settings = $2::json WHERE id = $1",
            &mut |v, row, f| each_user_valves(v, row, f),
            rekey,
            dry_run,
            "user",
        )?;
        count("user", "settings.*.valves", n);
        if !own.mfa {
            let n = rekey_json_rows(
                &mut tx,
                "SELECT id::text, mfa::text FROM auth WHERE mfa IS NOT NULL",
                "UPDATE auth SET mfa = $2::json WHERE id = $1",
                &mut |v, row, f| each_mfa_secret(v, row, f),
                rekey,
                dry_run,
                "auth",
            )?;
            count("auth", "mfa.secret", n);
        }
        if has("app") {
            let rows = tx.rows(
                "SELECT id::text, api_key::text FROM app WHERE api_key IS NOT NULL ORDER BY id",
                &[],
                "read apps",
            )?;
            let mut n = 0;
            for r in rows {
                let (Some(id), Some(key)) = (col(&r, 0), col(&r, 1)) else {
                    continue;
                };
                let new = rekey(&Form::App.tagged(&key), &format!("app {id} (its API key)"))?;
                let (_, token) = Form::untag(&new);
                if !dry_run {
                    tx.exec(
                        "UPDATE app SET api_key = $2 WHERE id = $1",
                        &[&id, token],
                        "re-encrypt an app's API key",
                    )?;
                }
                n += 1;
            }
            count("app", "api_key", n);
            // The connection token of an installed app (`socket/apps.py`),
            // under the same cipher.
            let n = rekey_json_rows(
                &mut tx,
                "SELECT id::text, data::text FROM app WHERE data IS NOT NULL",
                "UPDATE app SET data = $2::json WHERE id = $1",
                &mut |v, row, f| {
                    if let Some(Value::String(s)) = v.pointer_mut("/connection_token") {
                        let new = f(Held {
                            value: Form::App.tagged(s),
                            row: format!("{row} (its connection token)"),
                        })?;
                        *s = Form::untag(&new).1.to_string();
                        return Ok(1);
                    }
                    Ok(0)
                },
                rekey,
                dry_run,
                "app",
            )?;
            count("app", "data.connection_token", n);
        }
        if dry_run {
            return Ok(report);
        }
        let mut audit = pending;
        audit.push(
            "secret.rotate",
            "",
            serde_json::json!({ "values": report.iter().map(|r| r.values).sum::<usize>() }),
        );
        tx.commit(audit)?;
        Ok(report)
    }
}

/// A value found inside a JSON document, re-encrypted by `f`.
type Rekey<'a> = dyn FnMut(Held) -> Result<String> + 'a;

/// Re-encrypt the values `each` finds in the JSON of each row of
/// `select` (key, JSON), writing the documents back with `update`; how
/// many values.
fn rekey_json_rows(
    tx: &mut Tx<'_>,
    select: &str,
    update: &str,
    each: &mut dyn FnMut(&mut Value, &str, &mut Rekey<'_>) -> Result<usize>,
    rekey: &mut dyn FnMut(&str, &str) -> Result<String>,
    dry_run: bool,
    table: &str,
) -> Result<usize> {
    let rows = tx.rows(select, &[], &format!("read table {table}"))?;
    let mut total = 0;
    for r in rows {
        let (Some(key), Some(text)) = (col(&r, 0), col(&r, 1)) else {
            continue;
        };
        let Ok(mut doc) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        let row = format!("{table} {key}");
        let n = each(&mut doc, &row, &mut |held: Held| {
            rekey(&held.value, &held.row)
        })?;
        if n > 0 && !dry_run {
            let text = serde_json::to_string(&doc).unwrap_or_default();
            tx.exec(
                update,
                &[&key, &text],
                &format!("re-encrypt values in table {table}"),
            )?;
        }
        total += n;
    }
    Ok(total)
}

/// `tool_server.connections[i].info.oauth_client_info`.
fn each_connection_info(doc: &mut Value, row: &str, f: &mut Rekey<'_>) -> Result<usize> {
    let mut n = 0;
    if let Value::Array(items) = doc {
        for (i, item) in items.iter_mut().enumerate() {
            if let Some(Value::String(s)) = item.pointer_mut("/info/oauth_client_info") {
                *s = f(Held {
                    value: s.clone(),
                    row: format!("{row} (connection {i})"),
                })?;
                n += 1;
            }
        }
    }
    Ok(n)
}

/// `settings.tools.valves.*` and `settings.functions.valves.*` where they
/// are encrypted (a string).
fn each_user_valves(doc: &mut Value, row: &str, f: &mut Rekey<'_>) -> Result<usize> {
    let mut n = 0;
    for kind in ["tools", "functions"] {
        if let Some(Value::Object(valves)) = doc.pointer_mut(&format!("/{kind}/valves")) {
            for (id, v) in valves.iter_mut() {
                if let Value::String(s) = v {
                    *s = f(Held {
                        value: s.clone(),
                        row: format!("{row} ({kind} valves {id})"),
                    })?;
                    n += 1;
                }
            }
        }
    }
    Ok(n)
}

/// `auth.mfa.secret` and the secrets of pending MFA challenges.
fn each_mfa_secret(doc: &mut Value, row: &str, f: &mut Rekey<'_>) -> Result<usize> {
    let mut n = 0;
    for path in [
        "/secret",
        "/login_challenge/secret",
        "/manage_challenge/secret",
    ] {
        if let Some(Value::String(s)) = doc.pointer_mut(path) {
            let new = f(Held {
                value: Form::Mfa.tagged(s),
                row: format!("{row} (MFA {path})"),
            })?;
            *s = Form::untag(&new).1.to_string();
            n += 1;
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_readme_lists_the_releases_served() {
        let rows = crate::apps::readme_table_rows("### Supported Open WebUI releases");
        let expected: Vec<String> = super::HEADS
            .iter()
            .map(|(version, head)| format!("| {version} | {head} |"))
            .collect();
        assert_eq!(rows, expected);
    }

    #[test]
    fn times_read_as_open_webui_writes_them_and_as_tools_miswrite_them() {
        let t = |v: &str| super::time_text(&Some(v.to_string()));
        assert_eq!(t("1796481256"), "2026-12-05T14:34:16Z");
        assert_eq!(t("1796481256000"), "2026-12-05T14:34:16Z");
        assert_eq!(t("1796481385590298114"), "2026-12-05T14:36:25Z");
        assert_eq!(super::time_text(&None), "");
    }
}
