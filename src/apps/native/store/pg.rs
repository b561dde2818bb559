//! authctl's own layout on PostgreSQL: the tables of `schema_pg`, with the
//! guarantees of the SQLite layout.
//!
//! Invariants: migrations run in one transaction under an advisory lock
//! and re-read the version inside it, so concurrent first runs migrate
//! once; a newer schema is refused and never modified; a write on users
//! holds `LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE` from its first
//! read (what SQLite's IMMEDIATE gives: writers queue, readers go on), so
//! the last-superuser guard in `rules` sees what it decides on, also under
//! READ COMMITTED with concurrent writers; every change writes its audit
//! row in the same transaction; `secret rotate`'s transaction holds an
//! advisory lock.

use super::schema_pg::{MIGRATIONS, NATIVE_TABLES, VERSION_TABLE};
use super::{Plan, SCHEMA_VERSION};
use crate::clock::now_rfc3339;
use crate::database_url::PgUrl;
use crate::error::{Error, Result};
use crate::store::postgres::{ts, Pg, PgTx, ROTATE_LOCK};
use crate::store::{
    api_key_not_found, single_api_key, Access, Actor, ApiKey, ApiKeyStorage, ApiKeys,
    EncryptedValues, Layout, NewApiKey, NewUser, Reencrypted, RefreshToken, RefreshTokens, Revoke,
    User, UserChange, UserRows, UsersTx,
};
use postgres::types::{ToSql, Type};
use postgres::Row;
use std::cell::RefCell;

/// Advisory-lock keys (`pg_advisory_xact_lock`): migrating, rotating.
const MIGRATE_LOCK: i64 = 0x6175_7468_6374_6c01;

/// The native store on a PostgreSQL database.
pub struct NativePgStore {
    // Reads take `&self` in the store's traits; a connection is used by
    // one statement at a time, so a RefCell is all the sharing there is.
    pg: RefCell<Pg>,
    actor: Actor,
}

fn user_columns(prefix: &str) -> String {
    format!(
        "{prefix}id::text, {prefix}username, {prefix}password_hash, {prefix}is_active, {prefix}is_superuser, {}, {}, {}",
        ts(&format!("{prefix}created_at")),
        ts(&format!("{prefix}updated_at")),
        ts(&format!("{prefix}last_login_at"))
    )
}

fn row_to_user(r: &Row) -> User {
    User {
        id: r.get(0),
        username: r.get(1),
        password_hash: r.get(2),
        is_active: r.get(3),
        is_superuser: r.get(4),
        created_at: r.get(5),
        updated_at: r.get(6),
        last_login_at: r.get(7),
    }
}

impl NativePgStore {
    /// Connect, check the layout, and for `Write` create and migrate.
    pub fn open(url: &PgUrl, access: Access, actor: Actor) -> Result<Option<Self>> {
        let mut pg = Pg::connect(url)?;
        let (tables, version) = pg.schema(
            VERSION_TABLE,
            &format!("SELECT coalesce(max(version), 0) AS v FROM {VERSION_TABLE}"),
        )?;
        let version = match version {
            None => 0,
            Some(v) => v.parse::<i64>().map_err(|_| {
                Error::Failure(format!(
                    "{} has an authctl schema version \"{v}\" that is not a number; restore the database from a backup",
                    url.target()
                ))
            })?,
        };
        let empty = super::check_tables(&tables, NATIVE_TABLES, version, &url.target())?;
        let store = NativePgStore {
            pg: RefCell::new(pg),
            actor,
        };
        match super::plan(version, access, empty, &url.target())? {
            Plan::Nothing => Ok(None),
            Plan::Use => Ok(Some(store)),
            Plan::Migrate => {
                store.migrate()?;
                Ok(Some(store))
            }
        }
    }

    fn migrate(&self) -> Result<()> {
        let mut pg = self.pg.borrow_mut();
        let mut tx = pg.begin(&format!(
            "SELECT pg_advisory_xact_lock({MIGRATE_LOCK});
             CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (
                 version integer PRIMARY KEY,
                 applied_at timestamptz NOT NULL DEFAULT now()
             );"
        ))?;
        let rows = tx.rows(
            &format!("SELECT coalesce(max(version), 0)::bigint FROM {VERSION_TABLE}"),
            &[],
            "read the schema version of",
        )?;
        let version: i64 = rows.first().map_or(0, |r| r.get(0));
        if version > SCHEMA_VERSION {
            return Err(Error::Failure(format!(
                "the database has authctl schema version {version}, newer than this authctl knows ({SCHEMA_VERSION}); upgrade authctl"
            )));
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.batch(
                &format!(
                    "{sql}\nINSERT INTO {VERSION_TABLE} (version) VALUES ({});",
                    i + 1
                ),
                "migrate",
            )?;
        }
        tx.commit()
    }

    fn write_tx<'a>(pg: &'a mut Pg, lock: &str) -> Result<PgTx<'a>> {
        pg.begin(lock)
    }
}

fn audit(
    tx: &mut PgTx<'_>,
    actor: &str,
    action: &str,
    target: &str,
    detail: &serde_json::Value,
) -> Result<()> {
    let now = now_rfc3339();
    let detail = detail.to_string();
    tx.rows(
        "INSERT INTO audit_log (at, actor, action, target, detail)
         VALUES ($1::timestamptz, $2, $3, $4, $5::jsonb)",
        &[&now, actor, action, target, &detail],
        "write the audit record to",
    )
    .map(|_| ())
}

/// A uuid as the text the database compares, or `None` for text that
/// cannot be one (so it matches nothing instead of failing the query).
fn as_uuid(id: &str) -> Option<String> {
    uuid::Uuid::parse_str(id)
        .ok()
        .map(|u| u.hyphenated().to_string())
}

impl UserRows for NativePgStore {
    fn get_user_by_id(&self, id: &str) -> Result<Option<User>> {
        let Some(id) = as_uuid(id) else {
            return Ok(None);
        };
        let rows = self.pg.borrow_mut().rows(
            &format!("SELECT {} FROM users WHERE id = $1::uuid", user_columns("")),
            &[&id],
            "read users from",
        )?;
        Ok(rows.first().map(row_to_user))
    }

    fn list_users(&self) -> Result<Vec<User>> {
        let rows = self.pg.borrow_mut().rows(
            &format!(
                "SELECT {} FROM users ORDER BY created_at, username",
                user_columns("")
            ),
            &[],
            "list users in",
        )?;
        Ok(rows.iter().map(row_to_user).collect())
    }

    fn begin_users(&mut self) -> Result<Box<dyn UsersTx + '_>> {
        let actor = self.actor.name();
        let pg = self.pg.get_mut();
        let tx = Self::write_tx(pg, "LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE;")?;
        Ok(Box::new(PgUsersTx {
            tx,
            actor,
            pending: Vec::new(),
        }))
    }
}

/// Insert one user in `tx`.
fn insert_user(tx: &mut PgTx<'_>, new: &NewUser) -> Result<User> {
    let now = now_rfc3339();
    let id = uuid::Uuid::new_v4().hyphenated().to_string();
    let params: [(&(dyn ToSql + Sync), Type); 6] = [
        (&id, Type::TEXT),
        (&new.username, Type::TEXT),
        (&new.password_hash, Type::TEXT),
        (&new.is_active, Type::BOOL),
        (&new.is_superuser, Type::BOOL),
        (&now, Type::TEXT),
    ];
    let rows = tx.rows_typed(
        &format!(
            "INSERT INTO users (id, username, password_hash, is_active, is_superuser, created_at, updated_at)
             VALUES ($1::uuid, $2, $3, $4, $5, $6::timestamptz, $6::timestamptz)
             RETURNING {}",
            user_columns("")
        ),
        &params,
        &format!("create user \"{}\" in", new.username),
    )?;
    rows.first()
        .map(row_to_user)
        .ok_or_else(|| Error::Failure("the server returned no row for the new user".into()))
}

/// One write transaction on `users`; its audit rows go in the same one.
struct PgUsersTx<'a> {
    tx: PgTx<'a>,
    actor: String,
    /// Audit rows (at, action, target, detail), written in one statement
    /// just before the commit, in the same transaction.
    pending: Vec<[String; 4]>,
}

impl UsersTx for PgUsersTx<'_> {
    fn users(&mut self) -> Result<Vec<User>> {
        let rows = self.tx.rows(
            &format!("SELECT {} FROM users", user_columns("")),
            &[],
            "read users from",
        )?;
        Ok(rows.iter().map(row_to_user).collect())
    }

    fn insert(&mut self, new: &NewUser) -> Result<User> {
        insert_user(&mut self.tx, new)
    }

    fn insert_many(&mut self, new: &[NewUser]) -> Result<Vec<User>> {
        let sql = format!(
            "INSERT INTO users (id, username, password_hash, is_active, is_superuser, created_at, updated_at)
             SELECT i::uuid, u, h, a, s, $6::timestamptz, $6::timestamptz
             FROM unnest($1::text[], $2::text[], $3::text[], $4::bool[], $5::bool[]) AS t(i, u, h, a, s)
             RETURNING {}",
            user_columns("")
        );
        crate::store::postgres::insert_users(
            &mut self.tx,
            new,
            &sql,
            &[],
            row_to_user,
            &insert_user,
        )
    }

    fn update(&mut self, user: &User, change: &UserChange) -> Result<User> {
        let now = now_rfc3339();
        let params: [(&(dyn ToSql + Sync), Type); 5] = [
            (&user.id, Type::TEXT),
            (&change.password_hash, Type::TEXT),
            (&change.is_active, Type::BOOL),
            (&change.is_superuser, Type::BOOL),
            (&now, Type::TEXT),
        ];
        let rows = self.tx.rows_typed(
            &format!(
                "UPDATE users SET
                    password_hash = coalesce($2, password_hash),
                    is_active = coalesce($3, is_active),
                    is_superuser = coalesce($4, is_superuser),
                    updated_at = $5::timestamptz
                 WHERE id = $1::uuid
                 RETURNING {}",
                user_columns("")
            ),
            &params,
            &format!("update user \"{}\" in", user.username),
        )?;
        rows.first().map(row_to_user).ok_or_else(|| {
            Error::Failure(format!(
                "user \"{}\" disappeared during the change",
                user.username
            ))
        })
    }

    fn remove(&mut self, user: &User) -> Result<serde_json::Value> {
        // Refresh tokens and API keys go with the user (ON DELETE CASCADE).
        self.tx.rows(
            "DELETE FROM users WHERE id = $1::uuid",
            &[&user.id],
            &format!("delete user \"{}\" from", user.username),
        )?;
        Ok(serde_json::Value::Null)
    }

    fn api_keys(&mut self) -> Result<Vec<ApiKey>> {
        let rows = self.tx.rows(
            &format!("{} ORDER BY k.created_at, k.id", api_key_query()),
            &[],
            "read API keys from",
        )?;
        Ok(rows.iter().map(row_to_api_key).collect())
    }

    fn insert_api_key(&mut self, new: &NewApiKey) -> Result<ApiKey> {
        insert_api_key(&mut self.tx, new)
    }

    fn remove_api_key(&mut self, key: &ApiKey) -> Result<()> {
        self.tx
            .rows(
                "DELETE FROM api_keys WHERE id = $1::uuid",
                &[&key.id],
                "delete the API key from",
            )
            .map(|_| ())
    }

    fn api_key_is(&mut self, key: &ApiKey, new: &NewApiKey) -> Result<bool> {
        let rows = self.tx.rows(
            "SELECT 1 FROM api_keys WHERE id = $1::uuid AND key_sha256 = $2",
            &[&key.id, &new.sha256_hex],
            "read API keys from",
        )?;
        Ok(!rows.is_empty())
    }

    fn audit(&mut self, action: &str, target: &str, detail: serde_json::Value) -> Result<()> {
        self.pending.push([
            now_rfc3339(),
            action.to_string(),
            target.to_string(),
            detail.to_string(),
        ]);
        Ok(())
    }

    fn commit(self: Box<Self>) -> Result<()> {
        let PgUsersTx {
            mut tx,
            actor,
            pending,
        } = *self;
        if !pending.is_empty() {
            let column = |i: usize| pending.iter().map(|r| r[i].clone()).collect::<Vec<_>>();
            let (at, action, target, detail) = (column(0), column(1), column(2), column(3));
            let params: [(&(dyn ToSql + Sync), Type); 5] = [
                (&at, Type::TEXT_ARRAY),
                (&actor, Type::TEXT),
                (&action, Type::TEXT_ARRAY),
                (&target, Type::TEXT_ARRAY),
                (&detail, Type::TEXT_ARRAY),
            ];
            tx.rows_typed(
                "INSERT INTO audit_log (at, actor, action, target, detail)
                 SELECT a::timestamptz, $2, b, c, d::jsonb
                 FROM unnest($1::text[], $3::text[], $4::text[], $5::text[]) AS t(a, b, c, d)",
                &params,
                "write the audit records to",
            )?;
        }
        tx.commit()
    }
}

impl Layout for NativePgStore {
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
        self.pg.borrow_mut().invalid_indexes()
    }
}

const TOKEN_COLUMNS: &str = "jti, user_id::text";

fn token_columns() -> String {
    format!(
        "{TOKEN_COLUMNS}, {}, {}, {}",
        ts("issued_at"),
        ts("expires_at"),
        ts("revoked_at")
    )
}

fn row_to_token(r: &Row) -> RefreshToken {
    RefreshToken {
        jti: r.get(0),
        user_id: r.get(1),
        issued_at: r.get(2),
        expires_at: r.get(3),
        revoked_at: r.get(4),
    }
}

impl RefreshTokens for NativePgStore {
    fn record_refresh_token(&mut self, record: &RefreshToken, token_sha256: &str) -> Result<()> {
        let actor = self.actor.name();
        let pg = self.pg.get_mut();
        let mut tx = Self::write_tx(pg, "")?;
        tx.rows(
            "INSERT INTO refresh_tokens (jti, user_id, token_sha256, issued_at, expires_at)
             VALUES ($1, $2::uuid, $3, $4::timestamptz, $5::timestamptz)",
            &[
                &record.jti,
                &record.user_id,
                token_sha256,
                &record.issued_at,
                &record.expires_at,
            ],
            "record the refresh token in",
        )?;
        let detail = serde_json::json!({ "jti": record.jti, "expires_at": record.expires_at });
        audit(
            &mut tx,
            &actor,
            "token.refresh.mint",
            &record.user_id,
            &detail,
        )?;
        tx.commit()
    }

    fn find_refresh_token(&self, jti: &str) -> Result<Option<RefreshToken>> {
        let rows = self.pg.borrow_mut().rows(
            &format!(
                "SELECT {} FROM refresh_tokens WHERE jti = $1",
                token_columns()
            ),
            &[jti],
            "read refresh tokens from",
        )?;
        Ok(rows.first().map(row_to_token))
    }

    fn list_refresh_tokens(&self, user_id: &str) -> Result<Vec<RefreshToken>> {
        let Some(id) = as_uuid(user_id) else {
            return Ok(Vec::new());
        };
        let rows = self.pg.borrow_mut().rows(
            &format!(
                "SELECT {} FROM refresh_tokens WHERE user_id = $1::uuid ORDER BY issued_at DESC, jti",
                token_columns()
            ),
            &[&id],
            "list refresh tokens in",
        )?;
        Ok(rows.iter().map(row_to_token).collect())
    }

    fn revoke_refresh_tokens(&mut self, which: &Revoke) -> Result<Vec<RefreshToken>> {
        let actor = self.actor.name();
        let pg = self.pg.get_mut();
        let mut tx = Self::write_tx(pg, "")?;
        let (filter, value, target) = match which {
            Revoke::Jti(jti) => ("jti = $1", jti.clone(), jti.clone()),
            Revoke::TokenSha256(h) => ("token_sha256 = $1", h.clone(), "token".to_string()),
            Revoke::User { user_id, username } => {
                ("user_id::text = $1", user_id.clone(), username.clone())
            }
        };
        let now = now_rfc3339();
        tx.rows(
            &format!(
                "UPDATE refresh_tokens SET revoked_at = $2::timestamptz WHERE {filter} AND revoked_at IS NULL"
            ),
            &[&value, &now],
            "revoke refresh tokens in",
        )?;
        let rows: Vec<RefreshToken> = tx
            .rows(
                &format!(
                    "SELECT {} FROM refresh_tokens WHERE {filter}",
                    token_columns()
                ),
                &[&value],
                "read refresh tokens from",
            )?
            .iter()
            .map(row_to_token)
            .collect();
        if rows.is_empty() && !matches!(which, Revoke::User { .. }) {
            return Err(Error::NotFound(
                "no recorded refresh token matches; see `authctl token list --user NAME`".into(),
            ));
        }
        let jtis: Vec<_> = rows.iter().map(|r| r.jti.clone()).collect();
        audit(
            &mut tx,
            &actor,
            "token.refresh.revoke",
            &target,
            &serde_json::json!({ "jti": jtis }),
        )?;
        tx.commit()?;
        Ok(rows)
    }
}

fn api_key_query() -> String {
    format!(
        "SELECT k.id::text, k.name, k.user_id::text, u.username, {}, {}, k.revoked_at IS NULL
         FROM api_keys k LEFT JOIN users u ON u.id = k.user_id",
        ts("k.created_at"),
        ts("k.last_used_at")
    )
}

fn row_to_api_key(r: &Row) -> ApiKey {
    ApiKey {
        id: r.get(0),
        name: r.get(1),
        user_id: r.get(2),
        username: r.get(3),
        created_at: r.get(4),
        last_used_at: r.get(5),
        active: r.get(6),
        workspace: None,
        permissions: None,
    }
}

/// Store `new` in `tx`: its SHA-256 only.
fn insert_api_key(tx: &mut PgTx<'_>, new: &NewApiKey) -> Result<ApiKey> {
    let key = new.listed(
        uuid::Uuid::new_v4().hyphenated().to_string(),
        Some(now_rfc3339()),
    );
    let params: [(&(dyn ToSql + Sync), Type); 5] = [
        (&key.id, Type::TEXT),
        (&key.user_id, Type::TEXT),
        (&key.name, Type::TEXT),
        (&new.sha256_hex, Type::TEXT),
        (&key.created_at, Type::TEXT),
    ];
    tx.rows_typed(
        "INSERT INTO api_keys (id, user_id, name, key_sha256, created_at)
         VALUES ($1::uuid, $2::uuid, $3, $4, $5::timestamptz)",
        &params,
        "store the API key in",
    )?;
    Ok(key)
}

impl ApiKeys for NativePgStore {
    fn api_key_storage(&self) -> ApiKeyStorage {
        ApiKeyStorage::HashOnly
    }

    fn list_api_keys(&self) -> Result<Vec<ApiKey>> {
        let rows = self.pg.borrow_mut().rows(
            &format!("{} ORDER BY k.created_at, k.id", api_key_query()),
            &[],
            "list API keys in",
        )?;
        Ok(rows.iter().map(row_to_api_key).collect())
    }

    fn revoke_api_key(&mut self, id_or_name: &str) -> Result<ApiKey> {
        let actor = self.actor.name();
        let pg = self.pg.get_mut();
        let mut tx = Self::write_tx(pg, "")?;
        let matches: Vec<ApiKey> = tx
            .rows(
                &format!(
                    "{} WHERE k.id::text = $1 OR k.name = $1 FOR UPDATE OF k",
                    api_key_query()
                ),
                &[id_or_name],
                "read API keys from",
            )?
            .iter()
            .map(row_to_api_key)
            .collect();
        if matches.is_empty() {
            return Err(api_key_not_found(id_or_name));
        }
        let key = single_api_key(matches, id_or_name)?;
        let now = now_rfc3339();
        tx.rows(
            "UPDATE api_keys SET revoked_at = coalesce(revoked_at, $2::timestamptz) WHERE id = $1::uuid",
            &[&key.id, &now],
            "revoke the API key in",
        )?;
        let detail = serde_json::json!({ "id": key.id, "name": key.name });
        let target = key.username.clone().unwrap_or_default();
        audit(&mut tx, &actor, "apikey.revoke", &target, &detail)?;
        tx.commit()?;
        Ok(ApiKey {
            active: false,
            ..key
        })
    }
}

impl EncryptedValues for NativePgStore {
    fn reencrypt(
        &mut self,
        _rekey: &mut dyn FnMut(&str, &str) -> Result<String>,
        dry_run: bool,
    ) -> Result<Vec<Reencrypted>> {
        // The native layout keeps hashes, never values encrypted with the
        // secret key; only the audit record of the rotation is written,
        // under the rotation lock every authctl on this database shares.
        if !dry_run {
            let actor = self.actor.name();
            let pg = self.pg.get_mut();
            let mut tx =
                Self::write_tx(pg, &format!("SELECT pg_advisory_xact_lock({ROTATE_LOCK});"))?;
            let detail = serde_json::json!({ "values": 0 });
            audit(&mut tx, &actor, "secret.rotate", "secret_key", &detail)?;
            tx.commit()?;
        }
        Ok(Vec::new())
    }
}
