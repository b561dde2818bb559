//! Write transactions on Langflow's `user` table, and what goes with a
//! deleted user. The rules (existence, the last superuser, the audit) are
//! `store::rules`'; this supplies the rows, in Langflow's formats.

use super::codec::{
    hex_id, naive_now, row_to_api_key, row_to_user, API_KEY_QUERY, DEFAULT_OPTINS, USER_QUERY,
};
use super::Facts;
use super::LangflowStore;
use crate::error::{Error, Result};
use crate::store::audit_file::Pending;
use crate::store::{sqlite, ApiKey, NewApiKey, NewUser, User, UserChange, UsersTx};
use rusqlite::{params, Connection, Transaction};
use serde_json::Value;

/// Rows of these tables belong to the user and go with it, as in
/// Langflow's own account erasure.
pub(super) const OWNED_TABLES: &[&str] = &["apikey", "variable", "mcp_server", "folder"];

/// User columns without a foreign key that Langflow's erasure also covers.
pub(super) const UNLINKED_USER_COLUMNS: &[(&str, &str)] = &[
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

pub(super) use sqlite::{has_column, quote};

/// One write transaction on Langflow's `user` table. Its audit records are
/// held until the commit and appended right after it.
pub(super) struct LangflowUsersTx<'a> {
    pub(super) tx: Transaction<'a>,
    pub(super) audit: Pending,
    /// What the database's release does differently.
    pub(super) facts: Facts,
}

impl UsersTx for LangflowUsersTx<'_> {
    fn users(&mut self) -> Result<Vec<User>> {
        sqlite::rows(&self.tx, USER_QUERY, [], row_to_user, "read users")
    }

    fn insert(&mut self, new: &NewUser) -> Result<User> {
        let id = uuid::Uuid::new_v4().simple().to_string();
        let now = naive_now();
        // `optins` from 1.4 on, with what the server writes for a new user.
        let (optins_column, optins) = match self.facts.optins {
            true => (", optins", Some(DEFAULT_OPTINS)),
            false => ("", None),
        };
        let sql = format!(
            "INSERT INTO \"user\" (id, username, password, profile_image, is_active, is_superuser,
                                   create_at, updated_at, last_login_at, store_api_key{optins_column})
             VALUES (?1, ?2, ?3, NULL, ?4, ?5, ?6, ?6, NULL, NULL{})",
            if optins.is_some() { ", ?7" } else { "" }
        );
        let mut values: Vec<&dyn rusqlite::ToSql> = vec![
            &id,
            &new.username,
            &new.password_hash,
            &new.is_active,
            &new.is_superuser,
            &now,
        ];
        if let Some(optins) = &optins {
            values.push(optins);
        }
        let result = self.tx.execute(&sql, values.as_slice());
        result.map_err(|e| Error::db(format!("cannot create user \"{}\"", new.username), e))?;
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

    fn api_keys(&mut self) -> Result<Vec<ApiKey>> {
        sqlite::rows(
            &self.tx,
            &format!("{API_KEY_QUERY} ORDER BY a.created_at, a.id"),
            [],
            row_to_api_key,
            "read API keys",
        )
    }

    fn insert_api_key(&mut self, new: &NewApiKey) -> Result<ApiKey> {
        super::insert_api_key(&self.tx, self.facts, new)
    }

    fn remove_api_key(&mut self, key: &ApiKey) -> Result<()> {
        // Langflow's own revocation deletes the row.
        self.tx
            .execute("DELETE FROM apikey WHERE id = ?1", [hex_id(&key.id)])
            .map(|_| ())
            .map_err(|e| Error::db("cannot delete the API key", e))
    }

    fn api_key_is(&mut self, key: &ApiKey, new: &NewApiKey) -> Result<bool> {
        match super::same_key_query(self.facts, key, new)? {
            super::SameKey::Column(column, value) => sqlite::exists(
                &self.tx,
                &format!("SELECT 1 FROM apikey WHERE id = ?1 AND {column} = ?2"),
                [hex_id(&key.id), value],
                "read API keys",
            ),
            super::SameKey::HashOfStored => {
                let stored: Vec<String> = sqlite::rows(
                    &self.tx,
                    "SELECT api_key FROM apikey WHERE id = ?1",
                    [hex_id(&key.id)],
                    |r| r.get(0),
                    "read API keys",
                )?;
                Ok(super::plain_key_is(
                    stored.into_iter().next(),
                    &new.sha256_hex,
                ))
            }
        }
    }

    fn audit(&mut self, action: &str, target: &str, detail: Value) -> Result<()> {
        self.audit.push(action, target, detail);
        Ok(())
    }

    fn commit(self: Box<Self>) -> Result<()> {
        let this = *self;
        this.audit.commit_sqlite(this.tx)
    }
}

impl LangflowUsersTx<'_> {
    fn read(&self, hex: &str, name: &str) -> Result<User> {
        self.tx
            .query_row(&format!("{USER_QUERY} WHERE id = ?1"), [hex], row_to_user)
            .map_err(|e| Error::db(format!("cannot read user \"{name}\""), e))
    }
}

impl LangflowStore {
    /// Every (table, column, on_delete) that refers to a user id.
    pub(super) fn user_references(conn: &Connection) -> Result<Vec<(String, String, String)>> {
        let mut refs = sqlite::references_to(conn, "user")?;
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
