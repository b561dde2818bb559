//! A Langflow 1.13 database on PostgreSQL, used as it is.
//!
//! The same rules as on SQLite (`super`): the schema and revision are never
//! altered, an unknown revision is refused, rows are written the way
//! Langflow writes them, the audit trail goes to the JSON-lines file. What
//! differs is read off the real server's schema
//! (tests/fixtures/langflow-1.13-postgres/schema.sql): `uuid` ids (shown
//! hyphenated, as tokens carry them), real booleans, `timestamp with time
//! zone`, `json`/`jsonb` columns, and foreign keys PostgreSQL enforces. A
//! write on users holds `LOCK TABLE "user" IN SHARE ROW EXCLUSIVE MODE`;
//! a rotation locks every table it rewrites and holds the rotation lock.

use super::encrypted::{rekey_value, Held, ENCRYPTED_COLUMNS};
use super::users::{OWNED_TABLES, UNLINKED_USER_COLUMNS};
use super::{check_revisions, codec, not_langflow, Facts};
use crate::clock::now_rfc3339;
use crate::database_url::PgUrl;
use crate::error::{Error, Result};
use crate::store::audit_file::Pending;
use crate::store::audit_file::{append_audit, audit_record};
use crate::store::postgres::{quote, ts, Pg, PgTx, ROTATE_LOCK};
use crate::store::{
    api_key_not_found, single_api_key, Access, Actor, ApiKey, ApiKeyStorage, ApiKeys, AuditRecord,
    EncryptedValues, Layout, NewApiKey, NewUser, Reencrypted, RefreshTokens, User, UserChange,
    UserRows, UsersTx,
};
use postgres::types::{ToSql, Type};
use postgres::Row;
use serde_json::Value;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The store over one Langflow database on PostgreSQL.
pub struct LangflowPgStore {
    pg: RefCell<Pg>,
    actor: Actor,
    audit_path: PathBuf,
    /// The release the database is (its alembic head).
    release: super::Known,
}

fn user_columns() -> String {
    format!(
        "id::text, username, password, is_active, is_superuser, {}, {}, {}",
        ts("create_at"),
        ts("updated_at"),
        ts("last_login_at")
    )
}

fn user_query() -> String {
    format!("SELECT {} FROM \"user\"", user_columns())
}

fn row_to_user(r: &Row) -> User {
    User {
        id: r.get(0),
        username: r.get(1),
        password_hash: r.get(2),
        is_active: r.get(3),
        is_superuser: r.get(4),
        created_at: r.get::<_, Option<String>>(5).unwrap_or_default(),
        updated_at: r.get::<_, Option<String>>(6).unwrap_or_default(),
        last_login_at: r.get(7),
    }
}

fn api_key_query() -> String {
    format!(
        "SELECT a.id::text, a.name, a.user_id::text, u.username, {}, {}, a.is_active
         FROM apikey a LEFT JOIN \"user\" u ON u.id = a.user_id",
        ts("a.created_at"),
        ts("a.last_used_at")
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

/// A uuid as PostgreSQL prints it, or `None` for text that cannot be one.
fn as_uuid(id: &str) -> Option<String> {
    uuid::Uuid::parse_str(id.trim())
        .ok()
        .map(|u| u.hyphenated().to_string())
}

/// Every column of every table of the current schema: table → column → type.
type Columns = BTreeMap<String, BTreeMap<String, String>>;

fn columns(tx: &mut PgTx<'_>) -> Result<Columns> {
    let rows = tx.rows(
        "SELECT c.relname::text, a.attname::text, format_type(a.atttypid, a.atttypmod)
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
         WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND c.relkind IN ('r', 'p')
           AND a.attnum > 0 AND NOT a.attisdropped",
        &[],
        "read the columns of",
    )?;
    let mut out = Columns::new();
    for r in rows {
        out.entry(r.get(0)).or_default().insert(r.get(1), r.get(2));
    }
    Ok(out)
}

impl LangflowPgStore {
    /// Connect and check that this is a Langflow database authctl knows.
    /// authctl never creates one.
    pub fn open(
        url: &PgUrl,
        access: Access,
        actor: Actor,
        audit_path: PathBuf,
        allow_unknown: bool,
    ) -> Result<Option<Self>> {
        let mut pg = Pg::connect(url)?;
        let (tables, revisions) = pg.schema(
            "alembic_version",
            "SELECT string_agg(version_num, ',' ORDER BY version_num) AS v FROM alembic_version",
        )?;
        let shown = url.target();
        crate::apps::refuse_foreign("langflow", &tables, 0, &shown)?;
        if !tables.iter().any(|t| t == "alembic_version") {
            return Err(not_langflow(&shown));
        }
        let revisions: Vec<String> = revisions
            .unwrap_or_default()
            .split(',')
            .filter(|r| !r.is_empty())
            .map(str::to_string)
            .collect();
        let mut newest_schema = || {
            Ok(!pg
                .rows(
                    "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'user' AND column_name = 'retired_at'",
                    &[],
                    "read the schema of",
                )?
                .is_empty())
        };
        let release = check_revisions(
            &revisions,
            &shown,
            access,
            allow_unknown,
            &mut newest_schema,
        )?;
        Ok(Some(LangflowPgStore {
            pg: RefCell::new(pg),
            actor,
            audit_path,
            release,
        }))
    }

    /// A write transaction, refused first where the database is a release
    /// authctl only reads (`release`).
    fn write_tx<'a>(
        pg: &'a mut Pg,
        release: &super::Known,
        audit_path: &std::path::Path,
        lock: &str,
    ) -> Result<PgTx<'a>> {
        release.refuse_write()?;
        crate::store::audit_file::prepare(audit_path)?;
        let mut tx = pg.begin(lock)?;
        if release.unknown_allowed() {
            let mut problems = Vec::new();
            for (table, columns) in super::WRITTEN {
                problems.extend(tx.unwritable(table, columns)?);
            }
            release.fits(&problems)?;
        }
        Ok(tx)
    }

    fn record(&self, action: &str, target: &str, detail: Value) -> AuditRecord {
        audit_record(self.actor.name(), action, target, detail)
    }
}

impl UserRows for LangflowPgStore {
    fn get_user_by_id(&self, id: &str) -> Result<Option<User>> {
        let Some(id) = as_uuid(id) else {
            return Ok(None);
        };
        let rows = self.pg.borrow_mut().rows(
            &format!("{} WHERE id = $1::uuid", user_query()),
            &[&id],
            "read users from",
        )?;
        Ok(rows.first().map(row_to_user))
    }

    fn list_users(&self) -> Result<Vec<User>> {
        let rows = self.pg.borrow_mut().rows(
            &format!("{} ORDER BY create_at, username", user_query()),
            &[],
            "list users in",
        )?;
        Ok(rows.iter().map(row_to_user).collect())
    }

    fn begin_users(&mut self) -> Result<Box<dyn UsersTx + '_>> {
        let actor = self.actor.name();
        let audit_path = self.audit_path.clone();
        let tx = Self::write_tx(
            self.pg.get_mut(),
            &self.release,
            &audit_path,
            "LOCK TABLE \"user\" IN SHARE ROW EXCLUSIVE MODE;",
        )?;
        let facts = self.release.facts();
        Ok(Box::new(PgLangflowUsersTx {
            tx,
            audit: Pending::new(actor, audit_path),
            facts,
        }))
    }
}

/// The `optins` column and its value's placeholder, for a release that
/// has it (1.4 on).
fn optins_sql(facts: Facts, hole: &str) -> (&'static str, String) {
    match facts.optins {
        true => (", optins", format!(", {hole}::json")),
        false => ("", String::new()),
    }
}

/// Insert one user in `tx`, as the release `facts` describe writes it.
fn insert_user(tx: &mut PgTx<'_>, facts: Facts, new: &NewUser) -> Result<User> {
    let id = uuid::Uuid::new_v4().hyphenated().to_string();
    let now = now_rfc3339();
    let optins = codec::DEFAULT_OPTINS.to_string();
    let (optins_column, optins_value) = optins_sql(facts, "$7");
    let mut params: Vec<(&(dyn ToSql + Sync), Type)> = vec![
        (&id, Type::TEXT),
        (&new.username, Type::TEXT),
        (&new.password_hash, Type::TEXT),
        (&new.is_active, Type::BOOL),
        (&new.is_superuser, Type::BOOL),
        (&now, Type::TEXT),
    ];
    if facts.optins {
        params.push((&optins, Type::TEXT));
    }
    let rows = tx.rows_typed(
        &format!(
            "INSERT INTO \"user\" (id, username, password, profile_image, is_active, is_superuser,
                                   create_at, updated_at, last_login_at, store_api_key{optins_column})
             VALUES ($1::uuid, $2, $3, NULL, $4, $5, $6::timestamptz, $6::timestamptz, NULL, NULL{optins_value})
             RETURNING {}",
            user_columns()
        ),
        &params,
        &format!("create user \"{}\" in", new.username),
    )?;
    PgLangflowUsersTx::one_user(&rows, &new.username)
}

/// One write transaction on Langflow's `user` table; its audit records are
/// appended right after the commit.
struct PgLangflowUsersTx<'a> {
    tx: PgTx<'a>,
    audit: Pending,
    /// What the database's release does differently.
    facts: Facts,
}

impl PgLangflowUsersTx<'_> {
    fn one_user(rows: &[Row], name: &str) -> Result<User> {
        rows.first().map(row_to_user).ok_or_else(|| {
            Error::Failure(format!("user \"{name}\" was not found after writing it"))
        })
    }

    /// Every (table, column, on_delete) that refers to a user id: the
    /// foreign keys to `user`, and the columns Langflow's erasure covers
    /// without one.
    fn user_references(&mut self, cols: &Columns) -> Result<Vec<(String, String, String)>> {
        let rows = self.tx.rows(
            "SELECT c.conrelid::regclass::text, a.attname::text,
                    CASE c.confdeltype WHEN 'n' THEN 'SET NULL' WHEN 'c' THEN 'CASCADE' ELSE 'NO ACTION' END
             FROM pg_constraint c
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
             WHERE c.contype = 'f' AND c.confrelid = to_regclass('\"user\"')",
            &[],
            "read the foreign keys of",
        )?;
        let mut refs: Vec<(String, String, String)> = rows
            .iter()
            .map(|r| {
                let table: String = r.get(0);
                (table.trim_matches('"').to_string(), r.get(1), r.get(2))
            })
            .collect();
        for (table, column) in UNLINKED_USER_COLUMNS {
            if cols.get(*table).is_some_and(|c| c.contains_key(*column)) {
                refs.push((table.to_string(), column.to_string(), "NO ACTION".into()));
            }
        }
        refs.sort();
        refs.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
        Ok(refs)
    }
}

impl UsersTx for PgLangflowUsersTx<'_> {
    fn api_keys(&mut self) -> Result<Vec<ApiKey>> {
        let rows = self.tx.rows(
            &format!("{} ORDER BY a.created_at, a.id", api_key_query()),
            &[],
            "read API keys from",
        )?;
        Ok(rows.iter().map(row_to_api_key).collect())
    }

    fn insert_api_key(&mut self, new: &NewApiKey) -> Result<ApiKey> {
        insert_api_key(&mut self.tx, self.facts, new)
    }

    fn remove_api_key(&mut self, key: &ApiKey) -> Result<()> {
        // Langflow's own revocation deletes the row.
        self.tx
            .rows(
                "DELETE FROM apikey WHERE id::text = $1",
                &[&as_uuid(&key.id).unwrap_or_default()],
                "delete the API key from",
            )
            .map(|_| ())
    }

    fn api_key_is(&mut self, key: &ApiKey, new: &NewApiKey) -> Result<bool> {
        let id = as_uuid(&key.id).unwrap_or_default();
        match super::same_key_query(self.facts, key, new)? {
            super::SameKey::Column(column, value) => {
                let rows = self.tx.rows(
                    &format!("SELECT 1 FROM apikey WHERE id::text = $1 AND {column} = $2"),
                    &[&id, &value],
                    "read API keys from",
                )?;
                Ok(!rows.is_empty())
            }
            super::SameKey::HashOfStored => {
                let rows = self.tx.rows(
                    "SELECT api_key FROM apikey WHERE id::text = $1",
                    &[&id],
                    "read API keys from",
                )?;
                Ok(super::plain_key_is(
                    rows.first().map(|r| r.get(0)),
                    &new.sha256_hex,
                ))
            }
        }
    }

    fn users(&mut self) -> Result<Vec<User>> {
        let rows = self.tx.rows(&user_query(), &[], "read users from")?;
        Ok(rows.iter().map(row_to_user).collect())
    }

    fn insert(&mut self, new: &NewUser) -> Result<User> {
        insert_user(&mut self.tx, self.facts, new)
    }

    fn insert_many(&mut self, new: &[NewUser]) -> Result<Vec<User>> {
        let optins = codec::DEFAULT_OPTINS.to_string();
        let facts = self.facts;
        let (optins_column, optins_value) = optins_sql(facts, "$7");
        let sql = format!(
            "INSERT INTO \"user\" (id, username, password, profile_image, is_active, is_superuser,
                                   create_at, updated_at, last_login_at, store_api_key{optins_column})
             SELECT i::uuid, u, h, NULL, a, s, $6::timestamptz, $6::timestamptz, NULL, NULL{optins_value}
             FROM unnest($1::text[], $2::text[], $3::text[], $4::bool[], $5::bool[]) AS t(i, u, h, a, s)
             RETURNING {}",
            user_columns()
        );
        let extra: &[(&(dyn ToSql + Sync), Type)] = match facts.optins {
            true => &[(&optins, Type::TEXT)],
            false => &[],
        };
        crate::store::postgres::insert_users(
            &mut self.tx,
            new,
            &sql,
            extra,
            row_to_user,
            &|tx, new| insert_user(tx, facts, new),
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
                "UPDATE \"user\" SET
                    password = coalesce($2, password),
                    is_active = coalesce($3, is_active),
                    is_superuser = coalesce($4, is_superuser),
                    updated_at = $5::timestamptz
                 WHERE id = $1::uuid
                 RETURNING {}",
                user_columns()
            ),
            &params,
            &format!("update user \"{}\" in", user.username),
        )?;
        Self::one_user(&rows, &user.username)
    }

    /// As on SQLite: rows the user owns go with it, SET NULL references are
    /// cleared, and anything else stops the delete, named.
    fn remove(&mut self, user: &User) -> Result<Value> {
        let id = user.id.clone();
        let cols = columns(&mut self.tx)?;
        let mut blockers = Vec::new();
        let mut removed = serde_json::Map::new();
        // Rows that point at what goes with the user (their folders, keys,
        // ...) would be deleted by a cascade or stop the delete with a
        // foreign-key error: each such row that does not itself go with the
        // user (a flow filed in the user's folder, another user's subfolder,
        // a deployment of the folder) stops the delete, named.
        let owned: Vec<&str> = OWNED_TABLES
            .iter()
            .copied()
            .filter(|t| cols.get(*t).is_some_and(|c| c.contains_key("user_id")))
            .collect();
        let links = self.tx.rows(
            "SELECT c.conrelid::regclass::text, a.attname::text, c.confrelid::regclass::text, f.attname::text
             FROM pg_constraint c
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
             JOIN pg_attribute f ON f.attrelid = c.confrelid AND f.attnum = c.confkey[1]
             WHERE c.contype = 'f' AND c.confrelid::regclass::text = ANY ($1::text::text[])",
            &[&format!("{{{}}}", owned.join(","))],
            "read the foreign keys of",
        )?;
        for link in &links {
            let (from, column, to, key): (String, String, String, String) =
                (link.get(0), link.get(1), link.get(2), link.get(3));
            let (from, to) = (from.trim_matches('"'), to.trim_matches('"'));
            // Rows of an owned table that are the user's own go too.
            let also_going = if owned.contains(&from) {
                " AND r.user_id::text IS DISTINCT FROM $1"
            } else {
                ""
            };
            let rows = self.tx.rows(
                &format!(
                    "SELECT count(*) FROM {} r WHERE r.{} IN (SELECT o.{} FROM {} o WHERE o.user_id::text = $1){also_going}",
                    quote(from),
                    quote(&column),
                    quote(&key),
                    quote(to)
                ),
                &[&id],
                &format!("read table {from} of"),
            )?;
            let count: i64 = rows.first().map_or(0, |r| r.get(0));
            if count > 0 {
                blockers.push(format!("{from}.{column} ({count})"));
            }
        }
        // Everything is counted before anything is written: PostgreSQL
        // checks each statement's foreign keys at once, so a refusal must
        // come before the first change, not from a failed statement.
        let mut plan = Vec::new();
        for (table, column, on_delete) in self.user_references(&cols)? {
            let rows = self.tx.rows(
                &format!(
                    "SELECT count(*) FROM {} WHERE {}::text = $1",
                    quote(&table),
                    quote(&column)
                ),
                &[&id],
                &format!("read table {table} of"),
            )?;
            let count: i64 = rows.first().map_or(0, |r| r.get(0));
            if count == 0 {
                continue;
            }
            let sql = if on_delete == "SET NULL" {
                format!(
                    "UPDATE {} SET {} = NULL WHERE {}::text = $1",
                    quote(&table),
                    quote(&column),
                    quote(&column)
                )
            } else if OWNED_TABLES.contains(&table.as_str()) && column == "user_id" {
                format!(
                    "DELETE FROM {} WHERE {}::text = $1",
                    quote(&table),
                    quote(&column)
                )
            } else {
                blockers.push(format!("{table}.{column} ({count})"));
                continue;
            };
            plan.push((sql, table, column, count));
        }
        if !blockers.is_empty() {
            return Err(Error::Conflict(format!(
                "user \"{}\" still owns rows that Langflow erases itself: {}; delete the user from Langflow's admin page (or remove those rows first)",
                user.username,
                blockers.join(", ")
            )));
        }
        for (sql, table, column, count) in plan {
            self.tx
                .rows(&sql, &[&id], &format!("update table {table} of"))?;
            removed.insert(format!("{table}.{column}"), count.into());
        }
        self.tx.rows(
            "DELETE FROM \"user\" WHERE id = $1::uuid",
            &[&id],
            &format!("delete user \"{}\" from", user.username),
        )?;
        Ok(Value::Object(removed))
    }

    fn audit(&mut self, action: &str, target: &str, detail: Value) -> Result<()> {
        self.audit.push(action, target, detail);
        Ok(())
    }

    fn commit(self: Box<Self>) -> Result<()> {
        let this = *self;
        this.audit.commit_pg(this.tx)
    }
}

impl Layout for LangflowPgStore {
    fn app(&self) -> &'static str {
        "Langflow"
    }

    fn release(&self) -> Option<String> {
        Some(self.release.describe())
    }

    fn read_only_release(&self) -> bool {
        self.release.unknown_head.is_some() && !self.release.allowed
    }

    fn scheme(&self) -> Option<&'static dyn crate::secrets::rotate::Scheme> {
        self.release.scheme()
    }

    fn refresh_tokens(&self) -> Option<&dyn RefreshTokens> {
        // Langflow keeps no record of the refresh tokens it issues.
        None
    }

    fn refresh_tokens_mut(&mut self) -> Option<&mut dyn RefreshTokens> {
        None
    }

    fn integrity_check(&self) -> Result<Vec<String>> {
        self.pg.borrow_mut().invalid_indexes()
    }
}

/// Store `new` in `tx` as the release `facts` describe stores it.
fn insert_api_key(tx: &mut PgTx<'_>, facts: Facts, new: &NewApiKey) -> Result<ApiKey> {
    let id = uuid::Uuid::new_v4().hyphenated().to_string();
    let now = now_rfc3339();
    let values = super::api_key_values(facts, new)?;
    let mut columns =
        String::from("name, last_used_at, total_uses, is_active, id, created_at, user_id");
    let mut holes = String::from("$1, NULL, 0, true, $2::uuid, $3::timestamptz, $4::uuid");
    if facts.key_expiry {
        columns.push_str(", expires_at");
        holes.push_str(", NULL");
    }
    let mut params: Vec<(&(dyn ToSql + Sync), Type)> = vec![
        (&new.name, Type::TEXT),
        (&id, Type::TEXT),
        (&now, Type::TEXT),
        (&new.user.id, Type::TEXT),
    ];
    for (column, value) in &values {
        columns.push_str(", ");
        columns.push_str(column);
        params.push((value, Type::TEXT));
        holes.push_str(&format!(", ${}", params.len()));
    }
    tx.rows_typed(
        &format!("INSERT INTO apikey ({columns}) VALUES ({holes})"),
        &params,
        "store the API key in",
    )?;
    let rows = tx.rows(
        &format!("{} WHERE a.id = $1::uuid", api_key_query()),
        &[&id],
        "read the API key back from",
    )?;
    rows.first()
        .map(row_to_api_key)
        .ok_or_else(|| Error::Failure("the new API key was not found after writing it".into()))
}

impl ApiKeys for LangflowPgStore {
    fn api_key_storage(&self) -> ApiKeyStorage {
        self.release.facts().api_keys
    }

    fn list_api_keys(&self) -> Result<Vec<ApiKey>> {
        let rows = self.pg.borrow_mut().rows(
            &format!("{} ORDER BY a.created_at, a.id", api_key_query()),
            &[],
            "list API keys in",
        )?;
        Ok(rows.iter().map(row_to_api_key).collect())
    }

    fn revoke_api_key(&mut self, id_or_name: &str) -> Result<ApiKey> {
        let audit_path = self.audit_path.clone();
        let mut tx = Self::write_tx(self.pg.get_mut(), &self.release, &audit_path, "")?;
        let wanted_id = as_uuid(id_or_name).unwrap_or_default();
        let matches: Vec<ApiKey> = tx
            .rows(
                &format!(
                    "{} WHERE a.id::text = $1 OR a.name = $2 FOR UPDATE OF a",
                    api_key_query()
                ),
                &[&wanted_id, id_or_name],
                "read API keys from",
            )?
            .iter()
            .map(row_to_api_key)
            .collect();
        if matches.is_empty() {
            return Err(api_key_not_found(id_or_name));
        }
        let key = single_api_key(matches, id_or_name)?;
        // Langflow's own revocation deletes the row.
        tx.rows(
            "DELETE FROM apikey WHERE id = $1::uuid",
            &[&key.id],
            "revoke the API key in",
        )?;
        tx.commit()?;
        let record = self.record(
            "apikey.revoke",
            key.username.as_deref().unwrap_or(""),
            serde_json::json!({ "id": key.id, "name": key.name }),
        );
        append_audit(&self.audit_path, &[record]);
        Ok(ApiKey {
            active: false,
            ..key
        })
    }
}

impl EncryptedValues for LangflowPgStore {
    fn reencrypt(
        &mut self,
        rekey: &mut dyn FnMut(&str, &str) -> Result<String>,
        dry_run: bool,
    ) -> Result<Vec<Reencrypted>> {
        let audit_path = self.audit_path.clone();
        // A dry run (and key identification) only reads: one snapshot, no
        // lock, a read-only role will do.
        let mut tx = if dry_run {
            self.pg.get_mut().begin_read()?
        } else {
            self.release.refuse_reencrypt()?;
            Self::write_tx(
                self.pg.get_mut(),
                &self.release,
                &audit_path,
                &format!("SELECT pg_advisory_xact_lock({ROTATE_LOCK});"),
            )?
        };
        let cols = columns(&mut tx)?;
        let present: Vec<&(&str, &str, Held, &str)> = ENCRYPTED_COLUMNS
            .iter()
            .filter(|(t, c, _, _)| cols.get(*t).is_some_and(|cs| cs.contains_key(*c)))
            .collect();
        // No writer may add a value under the old key while this runs.
        let mut tables: Vec<String> = present.iter().map(|(t, ..)| quote(t)).collect();
        tables.dedup();
        if !tables.is_empty() && !dry_run {
            tx.batch(
                &format!(
                    "LOCK TABLE {} IN SHARE ROW EXCLUSIVE MODE",
                    tables.join(", ")
                ),
                "lock the encrypted tables of",
            )?;
        }
        if cols.contains_key("sso_config") {
            let rows = tx.rows(
                "SELECT id::text FROM sso_config WHERE client_secret_encrypted IS NOT NULL LIMIT 1",
                &[],
                "read sso_config of",
            )?;
            if let Some(r) = rows.first() {
                let id: String = r.get(0);
                return Err(Error::Conflict(format!(
                    "sso_config row {id} holds an SSO client secret sealed with a key derived from the secret key (AES-GCM), which authctl does not re-encrypt; remove the SSO configuration, rotate, then enter the client secret again"
                )));
            }
        }
        let mut report = Vec::new();
        for (table, column, held, filter) in present {
            let types = &cols[*table];
            let column_type = &types[*column];
            let id_col = ["id", "connection_id", "job_id"]
                .into_iter()
                .find(|c| types.contains_key(*c))
                .map(quote)
                .unwrap_or_else(|| "ctid".to_string());
            // SQLite's filters, in PostgreSQL's boolean form.
            let filter = if *filter == "1" { "true" } else { *filter };
            let rows: Vec<(String, String, String)> = tx
                .rows(
                    &format!(
                        "SELECT ctid::text, {id_col}::text, {c}::text FROM {t} WHERE {c} IS NOT NULL AND {filter}",
                        c = quote(column),
                        t = quote(table)
                    ),
                    &[],
                    &format!("read {table}.{column} of"),
                )?
                .iter()
                .map(|r| (r.get(0), r.get(1), r.get(2)))
                .collect();
            let mut count = 0;
            for (ctid, id, value) in rows {
                let label = format!("{table}.{column} of row {id}");
                let new_value = rekey_value(*held, &value, &label, rekey)?;
                let Some(new_value) = new_value else { continue };
                count += 1;
                if !dry_run {
                    // The tables are locked, so a row's ctid stays put
                    // until this statement moves it.
                    tx.rows(
                        &format!(
                            "UPDATE {} SET {} = $1::text::{column_type} WHERE ctid = $2::tid",
                            quote(table),
                            quote(column)
                        ),
                        &[&new_value, &ctid],
                        &format!("update {label} in"),
                    )?;
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
        tx.commit()?;
        let total: usize = report.iter().map(|r| r.values).sum();
        let record = self.record(
            "secret.rotate",
            "secret_key",
            serde_json::json!({ "values": total }),
        );
        append_audit(&self.audit_path, &[record]);
        Ok(report)
    }
}
