//! A Langflow 1.13 database, used as it is.
//!
//! Invariants: Langflow's schema and alembic revision are never altered,
//! and no table of authctl's is created in it; a revision this module does
//! not know is refused. Rows are written the way Langflow writes them: ids
//! as 32 lowercase hex digits, naive-UTC datetimes with microseconds,
//! booleans as 0/1, bcrypt `$2b$` passwords. Foreign keys stay off, as
//! Langflow leaves them, so dependent rows are handled explicitly. The audit
//! trail goes to a JSON-lines file in the config dir.

use super::{
    api_key_not_found, single_api_key, sqlite, Access, ApiKey, ApiKeyStorage, ApiKeys, AuditPolicy,
    AuditRecord, EncryptedValues, Layout, NewApiKey, NewUser, Reencrypted, RefreshTokens, User,
    UserChange, UserRows, UsersTx,
};
use crate::error::{Error, Result};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The audit trail of changes made in this profile, one JSON object a line.
pub const AUDIT_FILE: &str = "authctl-audit.jsonl";

/// Alembic revisions whose schema this module knows, with their release.
pub const KNOWN_REVISIONS: &[(&str, &str)] = &[("e5a7c9b1d3f2", "Langflow 1.13")];

/// What Langflow stores in `user.optins` for a new user (`UserOptin()`).
const DEFAULT_OPTINS: &str =
    r#"{"github_starred": false, "dialog_dismissed": false, "discord_clicked": false}"#;

/// Rows of these tables belong to the user and go with it, as in
/// Langflow's own account erasure.
const OWNED_TABLES: &[&str] = &["apikey", "variable", "mcp_server", "folder"];

/// User columns without a foreign key that Langflow's erasure also covers.
const UNLINKED_USER_COLUMNS: &[(&str, &str)] = &[
    ("audit_events", "user_id"),
    ("data_subject_request", "subject_user_id"),
    ("ingestion_run", "user_id"),
    ("job", "user_id"),
    ("memory_base", "user_id"),
    ("message", "user_id"),
    ("policy_bundle_revision", "created_by"),
    ("project_replacement_operation", "project_user_id"),
    ("transaction", "user_id"),
    ("trigger_cleanup", "user_id"),
];

/// How a column holds values encrypted with the secret key.
#[derive(Clone, Copy)]
enum Held {
    /// The whole value is a Fernet token (or legacy plaintext).
    Text,
    /// A JSON document whose Fernet-token strings are encrypted values.
    Json,
    /// A Fernet token, or a JSON envelope holding them.
    TextOrJson,
}

/// Every column Langflow 1.13 encrypts with the secret key (Fernet).
const ENCRYPTED_COLUMNS: &[(&str, &str, Held, &str)] = &[
    ("variable", "value", Held::Text, "type = 'Credential'"),
    ("apikey", "api_key", Held::Text, "1"),
    ("user", "store_api_key", Held::Text, "1"),
    ("deployment_provider_account", "api_key", Held::Text, "1"),
    (
        "connection_secret",
        "encrypted_payload",
        Held::TextOrJson,
        "1",
    ),
    ("connection_oauth", "encrypted_verifier", Held::Text, "1"),
    ("trigger", "signing_secret_encrypted", Held::Text, "1"),
    ("trigger_cleanup", "encrypted_credential", Held::Text, "1"),
    ("folder", "auth_settings", Held::Json, "1"),
    ("mcp_server", "config", Held::Json, "1"),
    ("job", "job_metadata", Held::Json, "1"),
];

/// A Fernet token starts with its version byte 0x80, base64url "gAAAAA".
fn is_fernet(s: &str) -> bool {
    s.starts_with("gAAAAA")
}

/// The store over one Langflow database.
pub struct LangflowStore {
    conn: Connection,
    actor: super::Actor,
    path: PathBuf,
    audit_path: PathBuf,
}

/// A UUID as Langflow stores it: 32 lowercase hex digits.
pub fn hex_id(id: &str) -> String {
    uuid::Uuid::parse_str(id.trim())
        .map(|u| u.simple().to_string())
        .unwrap_or_else(|_| id.trim().to_ascii_lowercase())
}

/// A stored id as tokens carry it (`sub`): hyphenated.
pub fn hyphenated(id: &str) -> String {
    uuid::Uuid::parse_str(id)
        .map(|u| u.hyphenated().to_string())
        .unwrap_or_else(|_| id.to_string())
}

/// Now as Langflow writes it: naive UTC with microseconds.
pub fn naive_now() -> String {
    crate::clock::now()
        .format("%Y-%m-%d %H:%M:%S%.6f")
        .to_string()
}

/// A Langflow datetime as RFC 3339 UTC (unchanged if it does not parse).
pub fn to_rfc3339(naive: &str) -> String {
    chrono::NaiveDateTime::parse_from_str(naive, "%Y-%m-%d %H:%M:%S%.f")
        .map(|t| {
            t.and_utc()
                .to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
        })
        .unwrap_or_else(|_| naive.to_string())
}

const USER_QUERY: &str = "SELECT id, username, password, is_active, is_superuser, create_at, updated_at, last_login_at FROM \"user\"";

fn row_to_user(r: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    let id: String = r.get(0)?;
    let created: Option<String> = r.get(5)?;
    let updated: Option<String> = r.get(6)?;
    let last: Option<String> = r.get(7)?;
    Ok(User {
        id: hyphenated(&id),
        username: r.get(1)?,
        password_hash: r.get(2)?,
        is_active: r.get(3)?,
        is_superuser: r.get(4)?,
        created_at: created.as_deref().map(to_rfc3339).unwrap_or_default(),
        updated_at: updated.as_deref().map(to_rfc3339).unwrap_or_default(),
        last_login_at: last.as_deref().map(to_rfc3339),
    })
}

const API_KEY_QUERY: &str = "SELECT a.id, a.name, a.user_id, u.username, a.created_at, a.last_used_at, a.is_active FROM apikey a LEFT JOIN \"user\" u ON u.id = a.user_id";

fn row_to_api_key(r: &rusqlite::Row<'_>) -> rusqlite::Result<ApiKey> {
    let user_id: String = r.get(2)?;
    let created: Option<String> = r.get(4)?;
    let last: Option<String> = r.get(5)?;
    Ok(ApiKey {
        id: r.get(0)?,
        name: r.get(1)?,
        user_id: hyphenated(&user_id),
        username: r.get(3)?,
        created_at: created.as_deref().map(to_rfc3339),
        last_used_at: last.as_deref().map(to_rfc3339),
        active: r.get(6)?,
    })
}

impl LangflowStore {
    /// Open an existing Langflow database. authctl never creates one: a
    /// missing file is `None` for reads and NotFound for writes.
    pub fn open(
        path: &Path,
        access: Access,
        actor: super::Actor,
        audit_path: PathBuf,
    ) -> Result<Option<Self>> {
        if !crate::fsutil::exists(path)? {
            return match access {
                Access::Read => Ok(None),
                Access::Write => Err(Error::NotFound(format!(
                    "Langflow database \"{}\" does not exist; start Langflow once to create it, or point --db / LANGFLOW_DATABASE_URL at it",
                    path.display()
                ))),
            };
        }
        let Some(conn) = sqlite::open(path, false, false)? else {
            return Ok(None);
        };
        let store = LangflowStore {
            conn,
            actor,
            path: path.to_path_buf(),
            audit_path,
        };
        store.check_revision()?;
        Ok(Some(store))
    }

    fn check_revision(&self) -> Result<()> {
        if !sqlite::has_table(&self.conn, "alembic_version")? {
            if sqlite::has_table(&self.conn, "users")? || sqlite::user_version(&self.conn)? > 0 {
                return Err(Error::usage(format!(
                    "\"{}\" is an authctl database, not a Langflow one; use --profile native",
                    self.path.display()
                )));
            }
            return Err(Error::usage(format!(
                "\"{}\" is not a Langflow database (it has no alembic_version table); authctl knows {}; check --db or LANGFLOW_DATABASE_URL",
                self.path.display(),
                super::KNOWN_LAYOUTS
            )));
        }
        let revisions: Vec<String> = self
            .conn
            .prepare("SELECT version_num FROM alembic_version")
            .and_then(|mut stmt| stmt.query_map([], |r| r.get(0))?.collect())
            .map_err(|e| sqlite::describe(e, &self.path))?;
        let known = |r: &String| KNOWN_REVISIONS.iter().any(|(k, _)| k == r);
        match revisions.as_slice() {
            [r] if known(r) => Ok(()),
            _ => Err(Error::Failure(format!(
                "Langflow database \"{}\" is at alembic revision {}, which this authctl does not know (it knows {}); refusing to guess at its schema",
                self.path.display(),
                if revisions.is_empty() { "(none)".to_string() } else { revisions.join(", ") },
                KNOWN_REVISIONS
                    .iter()
                    .map(|(r, v)| format!("{r} = {v}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    fn write_tx(&mut self) -> Result<Transaction<'_>> {
        // A symlink or other non-regular file where the audit trail goes
        // stops the change before it begins; the append after the commit
        // never follows one planted meanwhile (O_NOFOLLOW).
        crate::fsutil::replaceable(&self.audit_path)?;
        self.conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| sqlite::describe(e, &self.path))
    }

    fn commit(tx: Transaction<'_>) -> Result<()> {
        tx.commit()
            .map_err(|e| Error::db("cannot commit the change", e))
    }

    /// Append one audit record after a committed change.
    fn audit(&self, action: &str, target: &str, detail: Value) -> Result<()> {
        append_audit(&self.audit_path, &[self.record(action, target, detail)])
    }

    fn record(&self, action: &str, target: &str, detail: Value) -> AuditRecord {
        AuditRecord {
            at: super::now_rfc3339(),
            actor: self.actor.name(),
            action: action.to_string(),
            target: target.to_string(),
            detail,
        }
    }

    /// A user by name, up to case and normalisation (`super::pick_user`):
    /// Langflow's login matches names exactly, and its unique index on
    /// `lower(username)` folds ASCII only, so names that differ beyond
    /// that can coexist and are refused as ambiguous rather than guessed.
    fn find(conn: &Connection, username: &str) -> Result<Option<User>> {
        let all = sqlite::rows(conn, USER_QUERY, [], row_to_user, "read users")?;
        super::pick_user(all, username)
    }

    /// Every (table, column, on_delete) that refers to a user id.
    fn user_references(conn: &Connection) -> Result<Vec<(String, String, String)>> {
        let mut refs: Vec<(String, String, String)> = sqlite::rows(
            conn,
            "SELECT m.name, p.\"from\", p.on_delete FROM sqlite_master m
             JOIN pragma_foreign_key_list(m.name) p
             WHERE m.type = 'table' AND p.\"table\" = 'user'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            "read the schema",
        )?;
        for (table, column) in UNLINKED_USER_COLUMNS {
            if sqlite::has_table(conn, table)? && has_column(conn, table, column)? {
                refs.push((table.to_string(), column.to_string(), "NO ACTION".into()));
            }
        }
        refs.sort();
        refs.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
        Ok(refs)
    }
}

fn has_column(conn: &Connection, table: &str, column: &str) -> Result<bool> {
    conn.query_row(
        "SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2",
        [table, column],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n > 0)
    .map_err(|e| Error::db("cannot read the schema", e))
}

fn quote(ident: &str) -> String {
    format!("\"{}\"", ident.replace('"', "\"\""))
}

impl UserRows for LangflowStore {
    fn get_user(&self, username: &str) -> Result<Option<User>> {
        Self::find(&self.conn, username)
    }

    fn get_user_by_id(&self, id: &str) -> Result<Option<User>> {
        self.conn
            .query_row(
                &format!("{USER_QUERY} WHERE id = ?1"),
                [hex_id(id)],
                row_to_user,
            )
            .optional()
            .map_err(|e| Error::db("cannot read users", e))
    }

    fn list_users(&self) -> Result<Vec<User>> {
        let rows = sqlite::rows(
            &self.conn,
            &format!("{USER_QUERY} ORDER BY create_at, username"),
            [],
            row_to_user,
            "list users",
        )?;
        Ok(rows)
    }

    fn begin_users(&mut self) -> Result<Box<dyn UsersTx + '_>> {
        let actor = self.actor.name();
        let audit_path = self.audit_path.clone();
        let tx = self.write_tx()?;
        Ok(Box::new(LangflowUsersTx {
            tx,
            actor,
            audit_path,
            pending: Vec::new(),
        }))
    }
}

/// One write transaction on Langflow's `user` table. Its audit records are
/// held until the commit and appended right after it (`AuditPolicy::AfterCommit`).
struct LangflowUsersTx<'a> {
    tx: Transaction<'a>,
    actor: String,
    audit_path: PathBuf,
    pending: Vec<AuditRecord>,
}

impl UsersTx for LangflowUsersTx<'_> {
    fn users(&mut self) -> Result<Vec<User>> {
        sqlite::rows(&self.tx, USER_QUERY, [], row_to_user, "read users")
    }

    fn insert(&mut self, new: &NewUser) -> Result<User> {
        let id = uuid::Uuid::new_v4().simple().to_string();
        let now = naive_now();
        self.tx
            .execute(
                "INSERT INTO \"user\" (id, username, password, profile_image, is_active, is_superuser,
                                       create_at, updated_at, last_login_at, store_api_key, optins)
                 VALUES (?1, ?2, ?3, NULL, ?4, ?5, ?6, ?6, NULL, NULL, ?7)",
                params![
                    id,
                    new.username,
                    new.password_hash,
                    new.is_active,
                    new.is_superuser,
                    now,
                    DEFAULT_OPTINS
                ],
            )
            .map_err(|e| Error::db(format!("cannot create user \"{}\"", new.username), e))?;
        self.read(&id, &new.username)
    }

    fn update(&mut self, user: &User, change: &UserChange) -> Result<User> {
        let id = hex_id(&user.id);
        self.tx
            .execute(
                "UPDATE \"user\" SET
                    password = coalesce(?2, password),
                    is_active = coalesce(?3, is_active),
                    is_superuser = coalesce(?4, is_superuser),
                    updated_at = ?5
                 WHERE id = ?1",
                params![
                    id,
                    change.password_hash,
                    change.is_active,
                    change.is_superuser,
                    naive_now()
                ],
            )
            .map_err(|e| Error::db(format!("cannot update user \"{}\"", user.username), e))?;
        self.read(&id, &user.username)
    }

    /// Langflow erases a user's own rows itself when it deletes one; what
    /// refers to the user is found from the schema, set to NULL where the
    /// foreign key says so, deleted where the user owns it, and anything
    /// else stops the delete.
    fn remove(&mut self, user: &User) -> Result<Value> {
        let id = hex_id(&user.id);
        let mut blockers = Vec::new();
        let mut removed = serde_json::Map::new();
        // Flows of anyone filed in this user's folders would lose their folder.
        if sqlite::has_table(&self.tx, "flow")? && has_column(&self.tx, "flow", "folder_id")? {
            let filed: i64 = self.tx
                .query_row(
                    "SELECT count(*) FROM flow WHERE folder_id IN (SELECT id FROM folder WHERE user_id = ?1)",
                    [&id],
                    |r| r.get(0),
                )
                .map_err(|e| Error::db("cannot read table flow", e))?;
            if filed > 0 {
                blockers.push(format!("flow.folder_id ({filed})"));
            }
        }
        for (table, column, on_delete) in LangflowStore::user_references(&self.tx)? {
            let count: i64 = self
                .tx
                .query_row(
                    &format!(
                        "SELECT count(*) FROM {} WHERE {} = ?1",
                        quote(&table),
                        quote(&column)
                    ),
                    [&id],
                    |r| r.get(0),
                )
                .map_err(|e| Error::db(format!("cannot read table {table}"), e))?;
            if count == 0 {
                continue;
            }
            let sql = if on_delete == "SET NULL" {
                format!(
                    "UPDATE {} SET {} = NULL WHERE {} = ?1",
                    quote(&table),
                    quote(&column),
                    quote(&column)
                )
            } else if OWNED_TABLES.contains(&table.as_str()) && column == "user_id" {
                format!(
                    "DELETE FROM {} WHERE {} = ?1",
                    quote(&table),
                    quote(&column)
                )
            } else {
                blockers.push(format!("{table}.{column} ({count})"));
                continue;
            };
            self.tx
                .execute(&sql, [&id])
                .map_err(|e| Error::db(format!("cannot update table {table}"), e))?;
            removed.insert(format!("{table}.{column}"), count.into());
        }
        if !blockers.is_empty() {
            return Err(Error::Conflict(format!(
                "user \"{}\" still owns rows that Langflow erases itself: {}; delete the user from Langflow's admin page (or remove those rows first)",
                user.username,
                blockers.join(", ")
            )));
        }
        self.tx
            .execute("DELETE FROM \"user\" WHERE id = ?1", [&id])
            .map_err(|e| Error::db(format!("cannot delete user \"{}\"", user.username), e))?;
        Ok(Value::Object(removed))
    }

    fn audit(&mut self, action: &str, target: &str, detail: Value) -> Result<()> {
        self.pending.push(AuditRecord {
            at: super::now_rfc3339(),
            actor: self.actor.clone(),
            action: action.to_string(),
            target: target.to_string(),
            detail,
        });
        Ok(())
    }

    fn commit(self: Box<Self>) -> Result<()> {
        let LangflowUsersTx {
            tx,
            audit_path,
            pending,
            ..
        } = *self;
        LangflowStore::commit(tx)?;
        append_audit(&audit_path, &pending)
    }
}

impl LangflowUsersTx<'_> {
    fn read(&self, hex: &str, name: &str) -> Result<User> {
        self.tx
            .query_row(&format!("{USER_QUERY} WHERE id = ?1"), [hex], row_to_user)
            .map_err(|e| Error::db(format!("cannot read user \"{name}\""), e))
    }
}

/// Append `records` to the audit trail and fsync it; called only after
/// the change they record was committed, so a failure says so.
fn append_audit(path: &Path, records: &[AuditRecord]) -> Result<()> {
    if records.is_empty() {
        return Ok(());
    }
    let mut text = String::new();
    for record in records {
        text.push_str(&serde_json::to_string(record).unwrap_or_default());
        text.push('\n');
    }
    let mut file = crate::fsutil::open_append(path, crate::fsutil::SECRET_MODE).map_err(|e| {
        Error::Failure(format!(
            "the change was made but its audit record could not be written: {e}"
        ))
    })?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_data())
        .map_err(|e| {
            Error::io(
                format!(
                    "the change was made but its audit record could not be written to \"{}\"",
                    path.display()
                ),
                e,
            )
        })
}

impl Layout for LangflowStore {
    fn app(&self) -> &'static str {
        "Langflow"
    }

    fn audit_policy(&self) -> AuditPolicy {
        AuditPolicy::AfterCommit
    }

    fn refresh_tokens(&self) -> Option<&dyn RefreshTokens> {
        // Langflow keeps no record of the refresh tokens it issues.
        None
    }

    fn refresh_tokens_mut(&mut self) -> Option<&mut dyn RefreshTokens> {
        None
    }

    fn integrity_check(&self) -> Result<Vec<String>> {
        sqlite::integrity_check(&self.conn)
    }
}

impl ApiKeys for LangflowStore {
    fn api_key_storage(&self) -> ApiKeyStorage {
        ApiKeyStorage::EncryptedAndHash
    }

    fn create_api_key(&mut self, new: &NewApiKey) -> Result<ApiKey> {
        let encrypted = new
            .encrypted
            .as_deref()
            .ok_or_else(|| Error::Failure("a Langflow API key needs its encrypted form".into()))?;
        let tx = self.write_tx()?;
        let id = uuid::Uuid::new_v4().simple().to_string();
        tx.execute(
            "INSERT INTO apikey (name, last_used_at, total_uses, is_active, expires_at, id, created_at, api_key, api_key_hash, user_id)
             VALUES (?1, NULL, 0, 1, NULL, ?2, ?3, ?4, ?5, ?6)",
            params![new.name, id, naive_now(), encrypted, new.sha256_hex, hex_id(&new.user.id)],
        )
        .map_err(|e| Error::db("cannot store the API key", e))?;
        let key = tx
            .query_row(
                &format!("{API_KEY_QUERY} WHERE a.id = ?1"),
                [&id],
                row_to_api_key,
            )
            .map_err(|e| Error::db("cannot read the API key back", e))?;
        Self::commit(tx)?;
        self.audit(
            "apikey.create",
            &new.user.username,
            serde_json::json!({ "id": key.id, "name": key.name }),
        )?;
        Ok(key)
    }

    fn list_api_keys(&self) -> Result<Vec<ApiKey>> {
        let rows = sqlite::rows(
            &self.conn,
            &format!("{API_KEY_QUERY} ORDER BY a.created_at, a.id"),
            [],
            row_to_api_key,
            "list API keys",
        )?;
        Ok(rows)
    }

    fn revoke_api_key(&mut self, id_or_name: &str) -> Result<ApiKey> {
        let tx = self.write_tx()?;
        let matches = {
            let rows = sqlite::rows(
                &tx,
                &format!("{API_KEY_QUERY} WHERE a.id = ?1 OR a.name = ?2"),
                [hex_id(id_or_name), id_or_name.to_string()],
                row_to_api_key,
                "read API keys",
            )?;
            rows
        };
        if matches.is_empty() {
            return Err(api_key_not_found(id_or_name));
        }
        let key = single_api_key(matches, id_or_name)?;
        // Langflow's own revocation deletes the row.
        tx.execute("DELETE FROM apikey WHERE id = ?1", [&key.id])
            .map_err(|e| Error::db("cannot revoke the API key", e))?;
        Self::commit(tx)?;
        self.audit(
            "apikey.revoke",
            key.username.as_deref().unwrap_or(""),
            serde_json::json!({ "id": key.id, "name": key.name }),
        )?;
        Ok(ApiKey {
            active: false,
            ..key
        })
    }
}

impl EncryptedValues for LangflowStore {
    fn reencrypt(
        &mut self,
        rekey: &mut dyn FnMut(&str, &str) -> Result<String>,
        dry_run: bool,
    ) -> Result<Vec<Reencrypted>> {
        let tx = self.write_tx()?;
        let mut report = Vec::new();
        if sqlite::has_table(&tx, "sso_config")? {
            let sealed: Option<String> = tx
                .query_row(
                    "SELECT id FROM sso_config WHERE client_secret_encrypted IS NOT NULL LIMIT 1",
                    [],
                    |r| r.get(0),
                )
                .optional()
                .map_err(|e| Error::db("cannot read sso_config", e))?;
            if let Some(id) = sealed {
                return Err(Error::Conflict(format!(
                    "sso_config row {id} holds an SSO client secret sealed with a key derived from the secret key (AES-GCM), which authctl does not re-encrypt; remove the SSO configuration, rotate, then enter the client secret again"
                )));
            }
        }
        for (table, column, held, filter) in ENCRYPTED_COLUMNS {
            if !sqlite::has_table(&tx, table)? || !has_column(&tx, table, column)? {
                continue;
            }
            let id_col = if has_column(&tx, table, "id")? {
                "id"
            } else {
                "rowid"
            };
            let rows: Vec<(i64, String, String)> = sqlite::rows(
                &tx,
                &format!(
                    "SELECT rowid, CAST({id_col} AS TEXT), {c} FROM {t} WHERE {c} IS NOT NULL AND {filter}",
                    c = quote(column),
                    t = quote(table)
                ),
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                &format!("read {table}.{column}"),
            )?;
            let mut count = 0;
            for (rowid, id, value) in rows {
                let label = format!("{table}.{column} of row {id}");
                let new_value = match held {
                    Held::Text if is_fernet(&value) => Some(rekey(&value, &label)?),
                    Held::Text => None,
                    Held::TextOrJson if is_fernet(&value) => Some(rekey(&value, &label)?),
                    // Only the encrypted strings are rewritten, in the text
                    // itself: numbers, key order and NaN stay as Python wrote them.
                    Held::Json | Held::TextOrJson => {
                        let mut each = |s: &str| -> Result<Option<String>> {
                            if is_fernet(s) {
                                rekey(s, &label).map(Some)
                            } else {
                                Ok(None)
                            }
                        };
                        match super::json_text::rewrite_strings(&value, &mut each) {
                            Ok(result) => result?,
                            Err(e) => {
                                return Err(Error::Failure(format!(
                                    "{label} is not JSON authctl can read ({e}), so the secrets in it cannot be re-encrypted; nothing was changed; repair or clear that value, then rotate"
                                )))
                            }
                        }
                    }
                };
                if let Some(new_value) = new_value {
                    count += 1;
                    tx.execute(
                        &format!(
                            "UPDATE {} SET {} = ?1 WHERE rowid = ?2",
                            quote(table),
                            quote(column)
                        ),
                        params![new_value, rowid],
                    )
                    .map_err(|e| Error::db(format!("cannot update {label}"), e))?;
                }
            }
            report.push(Reencrypted {
                table: table.to_string(),
                column: column.to_string(),
                values: count,
            });
        }
        if dry_run {
            drop(tx); // rolls back
            return Ok(report);
        }
        Self::commit(tx)?;
        let total: usize = report.iter().map(|r| r.values).sum();
        self.audit(
            "secret.rotate",
            "secret_key",
            serde_json::json!({ "values": total }),
        )?;
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_times_convert_both_ways() {
        let hex = "fd536f093aa548f7923a40fdaf1de404";
        assert_eq!(hyphenated(hex), "fd536f09-3aa5-48f7-923a-40fdaf1de404");
        assert_eq!(hex_id("FD536F09-3AA5-48F7-923A-40FDAF1DE404"), hex);
        assert_eq!(
            to_rfc3339("2026-11-23 05:36:10.473958"),
            "2026-11-23T05:36:10.473958Z"
        );
        assert_eq!(
            to_rfc3339("2026-11-23 05:36:10"),
            "2026-11-23T05:36:10.000000Z"
        );
        let now = naive_now();
        assert_eq!(now.len(), 26, "{now}");
        assert!(chrono::NaiveDateTime::parse_from_str(&now, "%Y-%m-%d %H:%M:%S%.6f").is_ok());
    }
}
