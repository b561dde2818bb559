//! authctl's own SQLite layout: `users`, `audit_log`, numbered migrations.
//!
//! Invariants: the schema version is `PRAGMA user_version`; each migration
//! runs in its own IMMEDIATE transaction and re-checks the version inside
//! it, so concurrent first runs migrate once; a database newer than this
//! binary is refused and never modified; every change writes its audit row
//! in the same transaction. A database authctl creates keeps SQLite's
//! rollback journal (not WAL): a read makes no files beside it, so it works
//! from a directory the reader may not write (a read-only mount) and on a
//! network file system; a database already in WAL is used as it is.

use crate::store::{api_key_not_found, ApiKey, ApiKeyStorage, NewApiKey, Reencrypted};
use crate::store::{
    sqlite, Access, ApiKeys, EncryptedValues, Layout, NewUser, RefreshToken, RefreshTokens, Revoke,
    User, UserChange, UserRows, UsersTx,
};
pub(crate) mod pg;
mod schema_pg;
mod schema_sqlite;

use schema_sqlite::{MIGRATIONS, NATIVE_TABLES};

use crate::clock::now_rfc3339;
use crate::error::{Error, Result};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};

/// The schema version this binary writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The native store on one SQLite file.
pub struct NativeStore {
    conn: Connection,
    actor: crate::store::Actor,
    path: PathBuf,
}

const USER_COLUMNS: &str =
    "id, username, password_hash, is_active, is_superuser, created_at, updated_at, last_login_at";

fn row_to_user(r: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    Ok(User {
        id: r.get(0)?,
        username: r.get(1)?,
        password_hash: r.get(2)?,
        is_active: r.get(3)?,
        is_superuser: r.get(4)?,
        created_at: r.get(5)?,
        updated_at: r.get(6)?,
        last_login_at: r.get(7)?,
    })
}

impl NativeStore {
    /// Open (and for `Write`, create and migrate) the database at `path`.
    pub fn open(path: &Path, access: Access, actor: crate::store::Actor) -> Result<Option<Self>> {
        let Some((conn, schema)) = sqlite::open(path, access == Access::Write, true)? else {
            return Ok(None);
        };
        let store = NativeStore {
            conn,
            actor,
            path: path.to_path_buf(),
        };
        // Everything up to here only read: a foreign database is refused
        // before anything in it (its schema) changes.
        let empty = check_tables(
            &schema.tables,
            NATIVE_TABLES,
            schema.user_version,
            &format!("\"{}\"", path.display()),
        )?;
        match plan(
            schema.user_version,
            access,
            empty,
            &format!("database \"{}\"", path.display()),
        )? {
            Plan::Nothing => Ok(None),
            Plan::Use => Ok(Some(store)),
            Plan::Migrate => {
                store.migrate()?;
                Ok(Some(store))
            }
        }
    }

    fn migrate(&self) -> Result<()> {
        loop {
            let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)
                .map_err(|e| sqlite::describe(e, &self.path))?;
            let version = sqlite::user_version(&tx)?;
            if version >= SCHEMA_VERSION {
                return Ok(());
            }
            let next = version + 1;
            let sql = MIGRATIONS[version as usize];
            tx.execute_batch(sql)
                .and_then(|()| tx.pragma_update(None, "user_version", next))
                .and_then(|()| tx.commit())
                .map_err(|e| sqlite::describe(e, &self.path))?;
        }
    }

    fn write_tx(&mut self) -> Result<Transaction<'_>> {
        self.conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| sqlite::describe(e, &self.path))
    }

    fn audit(
        tx: &Transaction<'_>,
        actor: &str,
        action: &str,
        target: &str,
        detail: serde_json::Value,
    ) -> Result<()> {
        tx.execute(
            "INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![now_rfc3339(), actor, action, target, detail.to_string()],
        )
        .map(|_| ())
        .map_err(|e| Error::db("cannot write the audit record", e))
    }

    fn commit(tx: Transaction<'_>) -> Result<()> {
        tx.commit()
            .map_err(|e| Error::db("cannot commit the change", e))
    }
}

/// What opening a native database at schema `version` comes to, the same
/// on every engine (`shown` names the database in messages).
pub(super) enum Plan {
    /// Nothing to read yet: no schema, or one another process is creating.
    Nothing,
    /// Use it as it is (a read never migrates: an older schema is read as
    /// it is, and the next command that writes upgrades it).
    Use,
    /// Bring it to `SCHEMA_VERSION` first.
    Migrate,
}

/// Refuse a schema newer than this binary (never modified), else the plan.
pub(super) fn plan(version: i64, access: Access, empty: bool, shown: &str) -> Result<Plan> {
    if version > SCHEMA_VERSION {
        return Err(Error::Failure(format!(
            "{shown} has schema version {version}, newer than this authctl knows ({SCHEMA_VERSION}); upgrade authctl"
        )));
    }
    Ok(match (version < SCHEMA_VERSION, access) {
        (false, _) => Plan::Use,
        (true, Access::Write) => Plan::Migrate,
        (true, Access::Read) if version == 0 || empty => Plan::Nothing,
        (true, Access::Read) => Plan::Use,
    })
}

// One schema, two dialects: both engines must bring the same migrations.
const _: () = assert!(schema_pg::MIGRATIONS.len() == schema_sqlite::MIGRATIONS.len());

/// Refuse a database that belongs to another app, from its whole schema
/// as read before anything is changed: its table list and its authctl
/// schema `version` (`shown` names the database in messages). Tables
/// without a version were not made by authctl, whose migrations set the
/// version in the transaction that creates them. Returns whether it has no
/// tables at all.
pub(super) fn check_tables(
    tables: &[String],
    known: &[&str],
    version: i64,
    shown: &str,
) -> Result<bool> {
    crate::apps::refuse_foreign("native", tables, version, shown)?;
    let foreign: Vec<&str> = tables
        .iter()
        .map(String::as_str)
        .filter(|t| !known.contains(t))
        .collect();
    if !foreign.is_empty() {
        return Err(Error::usage(format!(
            "{shown} belongs to another application (it has tables {}); authctl knows {}; point --db at the right database or pick the --profile",
            foreign.join(", "),
            crate::store::KNOWN_LAYOUTS
        )));
    }
    if version == 0 && !tables.is_empty() {
        return Err(Error::usage(format!(
            "{shown} belongs to another application (it has tables {} but no authctl schema version); authctl knows {}; point --db at the right database or pick the --profile",
            tables.join(", "),
            crate::store::KNOWN_LAYOUTS
        )));
    }
    Ok(tables.is_empty())
}

impl UserRows for NativeStore {
    fn get_user_by_id(&self, id: &str) -> Result<Option<User>> {
        self.conn
            .query_row(
                &format!("SELECT {USER_COLUMNS} FROM users WHERE id = ?1"),
                [id.to_ascii_lowercase()],
                row_to_user,
            )
            .optional()
            .map_err(|e| Error::db("cannot read users", e))
    }

    fn list_users(&self) -> Result<Vec<User>> {
        let rows = sqlite::rows(
            &self.conn,
            &format!("SELECT {USER_COLUMNS} FROM users ORDER BY created_at, username"),
            [],
            row_to_user,
            "list users",
        )?;
        Ok(rows)
    }

    fn begin_users(&mut self) -> Result<Box<dyn UsersTx + '_>> {
        let actor = self.actor.name();
        let tx = self.write_tx()?;
        Ok(Box::new(NativeUsersTx { tx, actor }))
    }
}

/// One write transaction on `users`; its audit rows go in the same one.
struct NativeUsersTx<'a> {
    tx: Transaction<'a>,
    actor: String,
}

impl UsersTx for NativeUsersTx<'_> {
    fn users(&mut self) -> Result<Vec<User>> {
        sqlite::rows(
            &self.tx,
            &format!("SELECT {USER_COLUMNS} FROM users"),
            [],
            row_to_user,
            "read users",
        )
    }

    fn insert(&mut self, new: &NewUser) -> Result<User> {
        let now = now_rfc3339();
        let user = User {
            id: uuid::Uuid::new_v4().hyphenated().to_string(),
            username: new.username.clone(),
            password_hash: new.password_hash.clone(),
            is_active: new.is_active,
            is_superuser: new.is_superuser,
            created_at: now.clone(),
            updated_at: now,
            last_login_at: None,
        };
        self.tx
            .execute(
                &format!(
                    "INSERT INTO users ({USER_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                ),
                params![
                    user.id,
                    user.username,
                    user.password_hash,
                    user.is_active,
                    user.is_superuser,
                    user.created_at,
                    user.updated_at,
                    user.last_login_at
                ],
            )
            .map_err(|e| Error::db(format!("cannot create user \"{}\"", user.username), e))?;
        Ok(user)
    }

    fn update(&mut self, user: &User, change: &UserChange) -> Result<User> {
        let name = &user.username;
        self.tx
            .execute(
                "UPDATE users SET
                    password_hash = coalesce(?2, password_hash),
                    is_active = coalesce(?3, is_active),
                    is_superuser = coalesce(?4, is_superuser),
                    updated_at = ?5
                 WHERE id = ?1",
                params![
                    user.id,
                    change.password_hash,
                    change.is_active,
                    change.is_superuser,
                    now_rfc3339()
                ],
            )
            .map_err(|e| Error::db(format!("cannot update user \"{name}\""), e))?;
        self.tx
            .query_row(
                &format!("SELECT {USER_COLUMNS} FROM users WHERE id = ?1"),
                [&user.id],
                row_to_user,
            )
            .map_err(|e| Error::db(format!("cannot read user \"{name}\""), e))
    }

    fn remove(&mut self, user: &User) -> Result<serde_json::Value> {
        // Refresh tokens and API keys go with the user (ON DELETE CASCADE).
        self.tx
            .execute("DELETE FROM users WHERE id = ?1", [&user.id])
            .map_err(|e| Error::db(format!("cannot delete user \"{}\"", user.username), e))?;
        Ok(serde_json::Value::Null)
    }

    fn api_keys(&mut self) -> Result<Vec<ApiKey>> {
        sqlite::rows(
            &self.tx,
            &format!("{API_KEY_QUERY} ORDER BY k.created_at, k.id"),
            [],
            row_to_api_key,
            "read API keys",
        )
    }

    fn insert_api_key(&mut self, new: &NewApiKey) -> Result<ApiKey> {
        insert_api_key(&self.tx, new)
    }

    fn remove_api_key(&mut self, key: &ApiKey) -> Result<()> {
        self.tx
            .execute("DELETE FROM api_keys WHERE id = ?1", [&key.id])
            .map(|_| ())
            .map_err(|e| Error::db("cannot delete the API key", e))
    }

    fn api_key_is(&mut self, key: &ApiKey, new: &NewApiKey) -> Result<bool> {
        sqlite::exists(
            &self.tx,
            "SELECT 1 FROM api_keys WHERE id = ?1 AND key_sha256 = ?2",
            [&key.id, &new.sha256_hex],
            "read API keys",
        )
    }

    fn audit(&mut self, action: &str, target: &str, detail: serde_json::Value) -> Result<()> {
        NativeStore::audit(&self.tx, &self.actor, action, target, detail)
    }

    fn commit(self: Box<Self>) -> Result<()> {
        NativeStore::commit(self.tx)
    }
}

impl Layout for NativeStore {
    fn app(&self) -> &'static str {
        "authctl"
    }

    fn refresh_tokens(&self) -> Option<&dyn RefreshTokens> {
        Some(self)
    }

    fn refresh_tokens_mut(&mut self) -> Option<&mut dyn RefreshTokens> {
        Some(self)
    }

    fn integrity_check(&self) -> Result<Vec<String>> {
        sqlite::integrity_check(&self.conn)
    }
}

impl NativeStore {
    /// The audit log, oldest first.
    #[cfg(test)]
    fn audit_log(&self) -> Result<Vec<crate::store::AuditRecord>> {
        use crate::store::AuditRecord;
        let rows = sqlite::rows(
            &self.conn,
            "SELECT at, actor, action, target, detail FROM audit_log ORDER BY id",
            [],
            |r| {
                let detail: String = r.get(4)?;
                Ok(AuditRecord {
                    at: r.get(0)?,
                    actor: r.get(1)?,
                    action: r.get(2)?,
                    target: r.get(3)?,
                    detail: serde_json::from_str(&detail).unwrap_or(serde_json::Value::Null),
                })
            },
            "read the audit log",
        )?;
        Ok(rows)
    }
}

impl RefreshTokens for NativeStore {
    fn record_refresh_token(&mut self, record: &RefreshToken, token_sha256: &str) -> Result<()> {
        let actor = self.actor.name();
        let tx = self.write_tx()?;
        tx.execute(
            "INSERT INTO refresh_tokens (jti, user_id, token_sha256, issued_at, expires_at, revoked_at)
             VALUES (?1, ?2, ?3, ?4, ?5, NULL)",
            params![record.jti, record.user_id, token_sha256, record.issued_at, record.expires_at],
        )
        .map_err(|e| Error::db("cannot record the refresh token", e))?;
        let detail = serde_json::json!({ "jti": record.jti, "expires_at": record.expires_at });
        Self::audit(&tx, &actor, "token.refresh.mint", &record.user_id, detail)?;
        Self::commit(tx)
    }

    fn find_refresh_token(&self, jti: &str) -> Result<Option<RefreshToken>> {
        self.conn
            .query_row(
                &format!("SELECT {TOKEN_COLUMNS} FROM refresh_tokens WHERE jti = ?1"),
                [jti],
                row_to_token,
            )
            .optional()
            .map_err(|e| Error::db("cannot read refresh tokens", e))
    }

    fn list_refresh_tokens(&self, user_id: &str) -> Result<Vec<RefreshToken>> {
        let rows = sqlite::rows(&self.conn, &format!(
                "SELECT {TOKEN_COLUMNS} FROM refresh_tokens WHERE user_id = ?1 ORDER BY issued_at DESC, jti"
            ), [user_id], row_to_token, "list refresh tokens")?;
        Ok(rows)
    }

    fn revoke_refresh_tokens(&mut self, which: &Revoke) -> Result<Vec<RefreshToken>> {
        let actor = self.actor.name();
        let tx = self.write_tx()?;
        let (filter, value, target) = match which {
            Revoke::Jti(jti) => ("jti = ?1", jti.as_str(), jti.clone()),
            Revoke::TokenSha256(h) => ("token_sha256 = ?1", h.as_str(), "token".to_string()),
            Revoke::User { user_id, username } => {
                ("user_id = ?1", user_id.as_str(), username.clone())
            }
        };
        tx.execute(
            &format!(
                "UPDATE refresh_tokens SET revoked_at = ?2 WHERE {filter} AND revoked_at IS NULL"
            ),
            params![value, now_rfc3339()],
        )
        .map_err(|e| Error::db("cannot revoke refresh tokens", e))?;
        let rows = {
            let rows = sqlite::rows(
                &tx,
                &format!("SELECT {TOKEN_COLUMNS} FROM refresh_tokens WHERE {filter}"),
                [value],
                row_to_token,
                "read refresh tokens",
            )?;
            rows
        };
        if rows.is_empty() && !matches!(which, Revoke::User { .. }) {
            return Err(Error::NotFound(
                "no recorded refresh token matches; see `authctl token list --user NAME`".into(),
            ));
        }
        let jtis: Vec<_> = rows.iter().map(|r| r.jti.clone()).collect();
        Self::audit(
            &tx,
            &actor,
            "token.refresh.revoke",
            &target,
            serde_json::json!({ "jti": jtis }),
        )?;
        Self::commit(tx)?;
        Ok(rows)
    }
}

impl ApiKeys for NativeStore {
    fn api_key_storage(&self) -> ApiKeyStorage {
        ApiKeyStorage::HashOnly
    }

    fn list_api_keys(&self) -> Result<Vec<ApiKey>> {
        let rows = sqlite::rows(
            &self.conn,
            &format!("{API_KEY_QUERY} ORDER BY k.created_at, k.id"),
            [],
            row_to_api_key,
            "list API keys",
        )?;
        Ok(rows)
    }

    fn revoke_api_key(&mut self, id_or_name: &str) -> Result<ApiKey> {
        let actor = self.actor.name();
        let tx = self.write_tx()?;
        let matches = {
            let rows = sqlite::rows(
                &tx,
                &format!("{API_KEY_QUERY} WHERE k.id = ?1 OR k.name = ?1"),
                [id_or_name],
                row_to_api_key,
                "read API keys",
            )?;
            rows
        };
        if matches.is_empty() {
            return Err(api_key_not_found(id_or_name));
        }
        let key = crate::store::single_api_key(matches, id_or_name)?;
        tx.execute(
            "UPDATE api_keys SET revoked_at = coalesce(revoked_at, ?2) WHERE id = ?1",
            params![key.id, now_rfc3339()],
        )
        .map_err(|e| Error::db("cannot revoke the API key", e))?;
        let detail = serde_json::json!({ "id": key.id, "name": key.name });
        let target = key.username.clone().unwrap_or_default();
        Self::audit(&tx, &actor, "apikey.revoke", &target, detail)?;
        Self::commit(tx)?;
        Ok(ApiKey {
            active: false,
            ..key
        })
    }
}

impl EncryptedValues for NativeStore {
    fn reencrypt(
        &mut self,
        _rekey: &mut dyn FnMut(&str, &str) -> Result<String>,
        dry_run: bool,
    ) -> Result<Vec<Reencrypted>> {
        // The native layout keeps hashes, never values encrypted with the
        // secret key; only the audit record of the rotation is written.
        if !dry_run {
            let actor = self.actor.name();
            let tx = self.write_tx()?;
            let detail = serde_json::json!({ "values": 0 });
            Self::audit(&tx, &actor, "secret.rotate", "secret_key", detail)?;
            Self::commit(tx)?;
        }
        Ok(Vec::new())
    }
}

const TOKEN_COLUMNS: &str = "jti, user_id, issued_at, expires_at, revoked_at";

const API_KEY_QUERY: &str =
    "SELECT k.id, k.name, k.user_id, u.username, k.created_at, k.last_used_at, k.revoked_at IS NULL
     FROM api_keys k LEFT JOIN users u ON u.id = k.user_id";

/// Store `new` in `tx`: its SHA-256 only.
fn insert_api_key(tx: &Connection, new: &NewApiKey) -> Result<ApiKey> {
    let key = new.listed(
        uuid::Uuid::new_v4().hyphenated().to_string(),
        Some(now_rfc3339()),
    );
    tx.execute(
        "INSERT INTO api_keys (id, user_id, name, key_sha256, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![key.id, key.user_id, key.name, new.sha256_hex, key.created_at],
    )
    .map_err(|e| Error::db("cannot store the API key", e))?;
    Ok(key)
}

fn row_to_api_key(r: &rusqlite::Row<'_>) -> rusqlite::Result<ApiKey> {
    Ok(ApiKey {
        id: r.get(0)?,
        name: r.get(1)?,
        user_id: r.get(2)?,
        username: r.get(3)?,
        created_at: r.get(4)?,
        last_used_at: r.get(5)?,
        active: r.get(6)?,
        workspace: None,
        permissions: None,
    })
}

fn row_to_token(r: &rusqlite::Row<'_>) -> rusqlite::Result<RefreshToken> {
    Ok(RefreshToken {
        jti: r.get(0)?,
        user_id: r.get(1)?,
        issued_at: r.get(2)?,
        expires_at: r.get(3)?,
        revoked_at: r.get(4)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::rules;

    fn store() -> (tempfile::TempDir, NativeStore) {
        let dir = tempfile::tempdir().unwrap();
        let s = NativeStore::open(&dir.path().join("a.db"), Access::Write, "tester".into())
            .unwrap()
            .unwrap();
        (dir, s)
    }

    fn new(name: &str, admin: bool) -> NewUser {
        NewUser {
            username: name.into(),
            password_hash: "$2b$10$x".into(),
            is_active: admin,
            is_superuser: admin,
        }
    }

    #[test]
    fn creates_once_and_names_are_case_insensitive() {
        let (_d, mut s) = store();
        let u = rules::create_user(&mut s, &new("Alice", true)).unwrap();
        assert_eq!(u.id.len(), 36);
        assert_eq!(s.get_user("alice").unwrap().unwrap().id, u.id);
        let err = rules::create_user(&mut s, &new("ALICE", false)).unwrap_err();
        assert_eq!(err.exit_code(), 4);
        assert_eq!(s.list_users().unwrap().len(), 1);
        let log = s.audit_log().unwrap();
        assert_eq!(log.len(), 1);
        assert_eq!(
            (log[0].action.as_str(), log[0].actor.as_str()),
            ("user.create", "tester")
        );
    }

    #[test]
    fn last_superuser_guard_and_all_or_nothing() {
        let (_d, mut s) = store();
        rules::create_user(&mut s, &new("root", true)).unwrap();
        rules::create_user(&mut s, &new("bob", false)).unwrap();
        let off = UserChange {
            is_active: Some(false),
            ..Default::default()
        };
        assert_eq!(
            rules::update_users(&mut s, &["root".into()], &off)
                .unwrap_err()
                .exit_code(),
            4
        );
        assert_eq!(
            rules::delete_user(&mut s, "root", false)
                .unwrap_err()
                .exit_code(),
            4
        );
        // One unknown name: nothing changes for the others either.
        let on = UserChange {
            is_active: Some(true),
            ..Default::default()
        };
        let err = rules::update_users(&mut s, &["bob".into(), "nobody".into()], &on).unwrap_err();
        assert_eq!(err.exit_code(), 3);
        assert!(!s.get_user("bob").unwrap().unwrap().is_active);
        assert_eq!(s.audit_log().unwrap().len(), 2);
        let forced = UserChange {
            is_active: Some(false),
            force: true,
            ..Default::default()
        };
        rules::update_users(&mut s, &["root".into()], &forced).unwrap();
        assert!(!s.get_user("root").unwrap().unwrap().is_active);
    }

    #[test]
    fn newer_schema_is_refused_untouched() {
        let (dir, s) = store();
        s.conn
            .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        drop(s);
        let path = dir.path().join("a.db");
        let before = std::fs::read(&path).unwrap();
        let err = NativeStore::open(&path, Access::Write, "t".into())
            .err()
            .unwrap();
        assert!(err.to_string().contains("newer than this authctl"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }
}
