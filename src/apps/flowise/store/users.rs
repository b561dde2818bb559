//! Write transactions on Flowise's users and their memberships. The rules
//! (existence, the last superuser, the audit) are `store::rules`'; this
//! supplies the rows, as Flowise 3.1.4 writes them.
//!
//! - The first admin is Flowise's organization-setup registration
//!   (`account.service` register): user, organization, owner membership,
//!   default workspace, and the rows with no workspace moved into it.
//! - Any other user gets what Flowise's login needs (it has no API for a
//!   second user): the user row, an `organization_user` row (role `member`,
//!   `owner` for a superuser) and a `workspace_user` row in the
//!   organization's first workspace (role `personal workspace`, whose
//!   permissions are the full list, or `owner`).
//! - Every change to a user's password, status or role ends its live
//!   sessions (`login_sessions`, as Flowise's own password reset does):
//!   a session carries the rights it was opened with.

use super::{
    api_key_query, refuse, row_to_api_key, row_to_user, sqlite_now, Home, MEMBER_ROLE, OWNER_ROLE,
    PERSONAL_WORKSPACE_ROLE, USER_QUERY, WORKSPACE_TABLES,
};
use crate::error::{Error, Result};
use crate::store::audit_file::Pending;
use crate::store::{sqlite, ApiKey, NewApiKey, NewUser, User, UserChange, UsersTx};
use rusqlite::{params, OptionalExtension, Transaction};
use serde_json::Value;

/// One write transaction on Flowise's users. Its audit records are held
/// until the commit and appended right after it.
pub(super) struct FlowiseUsersTx<'a> {
    pub(super) tx: Transaction<'a>,
    pub(super) audit: Pending,
    /// What the database's release does differently.
    pub(super) facts: super::Facts,
}

fn db(what: &str) -> impl Fn(rusqlite::Error) -> Error + '_ {
    move |e| Error::db(format!("cannot {what}"), e)
}

impl FlowiseUsersTx<'_> {
    fn role(&self, name: &str) -> Result<String> {
        self.tx
            .query_row(
                "SELECT id FROM role WHERE name = ?1 AND organizationId IS NULL",
                [name],
                |r| r.get(0),
            )
            .optional()
            .map_err(db("read table role"))?
            .ok_or_else(|| {
                Error::Failure(format!(
                    "the Flowise database has no \"{name}\" role; it is not as Flowise's migrations leave it"
                ))
            })
    }

    fn home(&self) -> Result<Option<Home>> {
        let org: Option<(String, String)> = self
            .tx
            .query_row(
                "SELECT id, createdBy FROM organization ORDER BY createdDate, id LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(db("read table organization"))?;
        let Some((organization, owner)) = org else {
            return Ok(None);
        };
        let workspace: Option<String> = self
            .tx
            .query_row(
                "SELECT id FROM workspace WHERE organizationId = ?1 ORDER BY createdDate, id LIMIT 1",
                [&organization],
                |r| r.get(0),
            )
            .optional()
            .map_err(db("read table workspace"))?;
        let workspace = workspace.ok_or_else(|| {
            Error::Failure(
                "the Flowise organization has no workspace; open Flowise once as its admin to make one"
                    .into(),
            )
        })?;
        Ok(Some(Home {
            organization,
            owner,
            workspace,
        }))
    }

    fn read(&self, id: &str, name: &str) -> Result<User> {
        self.tx
            .query_row(&format!("{USER_QUERY} WHERE u.id = ?1"), [id], row_to_user)
            .map_err(|e| Error::db(format!("cannot read user \"{name}\""), e))
    }

    /// Flowise's organization-setup registration, for the first admin.
    fn register(&mut self, new: &NewUser) -> Result<(String, Value)> {
        let owner = self.role(OWNER_ROLE)?;
        let id = uuid::Uuid::new_v4().to_string();
        let org = uuid::Uuid::new_v4().to_string();
        let ws = uuid::Uuid::new_v4().to_string();
        let now = sqlite_now();
        let tx = &self.tx;
        // On SQLite, tokenExpiry and lastLogin are TypeORM create-date
        // columns: the server writes the creation time into both.
        tx.execute(
            "INSERT INTO \"user\" (id, name, email, credential, tempToken, tokenExpiry, status,
                                   createdDate, updatedDate, createdBy, updatedBy)
             VALUES (?1, ?2, ?2, ?3, NULL, ?4, 'active', ?4, ?4, ?1, ?1)",
            params![id, new.username, new.password_hash, now],
        )
        .map_err(db("create the user"))?;
        tx.execute(
            "INSERT INTO organization (id, name, customerId, subscriptionId, createdDate, updatedDate, createdBy, updatedBy)
             VALUES (?1, 'Default Organization', NULL, NULL, ?2, ?2, ?3, ?3)",
            params![org, now, id],
        )
        .map_err(db("create the organization"))?;
        tx.execute(
            "INSERT INTO organization_user (organizationId, userId, roleId, status, createdDate, updatedDate, createdBy, updatedBy)
             VALUES (?1, ?2, ?3, 'active', ?4, ?4, ?2, ?2)",
            params![org, id, owner, now],
        )
        .map_err(db("add the user to the organization"))?;
        tx.execute(
            "INSERT INTO workspace (id, name, description, createdDate, updatedDate, organizationId, createdBy, updatedBy)
             VALUES (?1, 'Default Workspace', NULL, ?2, ?2, ?3, ?4, ?4)",
            params![ws, now, org, id],
        )
        .map_err(db("create the workspace"))?;
        tx.execute(
            "INSERT INTO workspace_user (workspaceId, userId, roleId, status, lastLogin, createdDate, updatedDate, createdBy, updatedBy)
             VALUES (?1, ?2, ?3, 'active', ?4, ?4, ?4, ?2, ?2)",
            params![ws, id, owner, now],
        )
        .map_err(db("add the user to the workspace"))?;
        let mut moved = serde_json::Map::new();
        for table in WORKSPACE_TABLES {
            if !sqlite::has_table(tx, table)? || !sqlite::has_column(tx, table, "workspaceId")? {
                continue;
            }
            let n = tx
                .execute(
                    &format!(
                        "UPDATE {} SET workspaceId = ?1 WHERE workspaceId IS NULL",
                        sqlite::quote(table)
                    ),
                    [&ws],
                )
                .map_err(|e| Error::db(format!("cannot move rows of {table}"), e))?;
            if n > 0 {
                moved.insert((*table).to_string(), n.into());
            }
        }
        let detail = serde_json::json!({
            "organization": org, "workspace": ws, "moved_into_workspace": moved
        });
        Ok((id, detail))
    }

    /// A user joining the organization set up already.
    fn join(&mut self, new: &NewUser, home: &Home) -> Result<String> {
        let id = uuid::Uuid::new_v4().to_string();
        let now = sqlite_now();
        let status = if new.is_active {
            "active"
        } else {
            "unverified"
        };
        self.tx
            .execute(
                "INSERT INTO \"user\" (id, name, email, credential, tempToken, tokenExpiry, status,
                                       createdDate, updatedDate, createdBy, updatedBy)
                 VALUES (?1, ?2, ?2, ?3, NULL, ?4, ?5, ?4, ?4, ?1, ?1)",
                params![id, new.username, new.password_hash, now, status],
            )
            .map_err(db("create the user"))?;
        self.ensure_memberships(&id, home, new.is_superuser)?;
        Ok(id)
    }

    /// The `organization_user` and `workspace_user` rows Flowise's login
    /// needs, made where missing; existing ones are left as they are.
    fn ensure_memberships(&mut self, id: &str, home: &Home, owner: bool) -> Result<()> {
        let (org_role, ws_role) = if owner {
            let owner = self.role(OWNER_ROLE)?;
            (owner.clone(), owner)
        } else {
            (self.role(MEMBER_ROLE)?, self.role(PERSONAL_WORKSPACE_ROLE)?)
        };
        let now = sqlite_now();
        self.tx
            .execute(
                "INSERT INTO organization_user (organizationId, userId, roleId, status, createdDate, updatedDate, createdBy, updatedBy)
                 SELECT ?1, ?2, ?3, 'active', ?4, ?4, ?5, ?5
                 WHERE NOT EXISTS (SELECT 1 FROM organization_user WHERE organizationId = ?1 AND userId = ?2)",
                params![home.organization, id, org_role, now, home.owner],
            )
            .map_err(db("add the user to the organization"))?;
        let in_any: bool = self
            .tx
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM workspace_user wu JOIN workspace w ON w.id = wu.workspaceId
                                WHERE wu.userId = ?1 AND w.organizationId = ?2)",
                params![id, home.organization],
                |r| r.get(0),
            )
            .map_err(db("read table workspace_user"))?;
        if !in_any {
            self.tx
                .execute(
                    "INSERT INTO workspace_user (workspaceId, userId, roleId, status, lastLogin, createdDate, updatedDate, createdBy, updatedBy)
                     VALUES (?1, ?2, ?3, 'active', NULL, ?4, ?4, ?5, ?5)",
                    params![home.workspace, id, ws_role, now, home.owner],
                )
                .map_err(db("add the user to the workspace"))?;
        }
        Ok(())
    }

    /// Set the user's organization and workspace roles: `owner` for an
    /// administrator; `member` and `personal workspace` (from `owner`
    /// only, so a custom role stays) otherwise.
    fn set_admin(&mut self, id: &str, home: &Home, admin: bool) -> Result<()> {
        self.ensure_memberships(id, home, admin)?;
        let owner = self.role(OWNER_ROLE)?;
        let (org_role, ws_role, from) = if admin {
            (owner.clone(), owner, None)
        } else {
            let from = Some(owner);
            (
                self.role(MEMBER_ROLE)?,
                self.role(PERSONAL_WORKSPACE_ROLE)?,
                from,
            )
        };
        let now = sqlite_now();
        let args = params![id, home.organization, org_role, ws_role, now, from];
        self.tx
            .execute(
                "UPDATE organization_user SET roleId = ?3, updatedDate = ?5
                 WHERE userId = ?1 AND organizationId = ?2 AND (?6 IS NULL OR roleId = ?6)",
                args,
            )
            .map_err(db("update table organization_user"))?;
        self.tx
            .execute(
                "UPDATE workspace_user SET roleId = ?4, updatedDate = ?5
                 WHERE userId = ?1 AND (?6 IS NULL OR roleId = ?6)
                   AND workspaceId IN (SELECT id FROM workspace WHERE organizationId = ?2)",
                args,
            )
            .map_err(db("update table workspace_user"))?;
        Ok(())
    }

    /// End the user's live sessions, with the query Flowise's own
    /// `destroyAllSessionsForUser` runs; the table exists once the server
    /// has started with its database session store.
    fn end_sessions(&mut self, id: &str) -> Result<usize> {
        if !sqlite::has_table(&self.tx, "login_sessions")? {
            return Ok(0);
        }
        self.tx
            .execute(
                "DELETE FROM login_sessions
                 WHERE json_valid(sess) AND json_extract(sess, '$.passport.user.id') = ?1",
                [id],
            )
            .map_err(db("end the user's sessions"))
    }
}

impl UsersTx for FlowiseUsersTx<'_> {
    fn users(&mut self) -> Result<Vec<User>> {
        sqlite::rows(&self.tx, USER_QUERY, [], row_to_user, "read users")
    }

    fn insert(&mut self, new: &NewUser) -> Result<User> {
        if !super::is_valid_email(&new.username) {
            return Err(crate::store::invalid_email("Flowise", &new.username));
        }
        let id = match self.home()? {
            Some(home) => self.join(new, &home)?,
            None if new.is_superuser => {
                let (id, detail) = self.register(new)?;
                self.audit("flowise.organization_setup", &new.username, detail)?;
                id
            }
            None => return Err(refuse::nowhere_to_log_in(&new.username)),
        };
        self.read(&id, &new.username)
    }

    fn update(&mut self, user: &User, change: &UserChange) -> Result<User> {
        let home = self.home()?;
        if change.is_active == Some(true)
            && change.password_hash.is_none()
            && user.password_hash.is_empty()
        {
            return Err(refuse::no_password(&user.username));
        }
        let now = sqlite_now();
        if let Some(hash) = &change.password_hash {
            // As Flowise's reset-password: the new hash, and no pending
            // reset token.
            self.tx
                .execute(
                    "UPDATE \"user\" SET credential = ?2, tempToken = NULL, tokenExpiry = NULL,
                                         updatedDate = ?3 WHERE id = ?1",
                    params![user.id, hash, now],
                )
                .map_err(db("set the password"))?;
        }
        if let Some(active) = change.is_active {
            let status = if active { "active" } else { "unverified" };
            self.tx
                .execute(
                    "UPDATE \"user\" SET status = ?2, updatedDate = ?3 WHERE id = ?1",
                    params![user.id, status, now],
                )
                .map_err(db("set the user's status"))?;
            if active {
                if let Some(home) = &home {
                    self.ensure_memberships(&user.id, home, user.is_superuser)?;
                }
            }
        }
        if let Some(admin) = change.is_superuser {
            let home = home.as_ref().ok_or_else(refuse::no_organization)?;
            self.set_admin(&user.id, home, admin)?;
        }
        let ended = self.end_sessions(&user.id)?;
        if ended > 0 {
            self.audit.push(
                "flowise.sessions_ended",
                &user.username,
                serde_json::json!({ "sessions": ended }),
            );
        }
        self.read(&user.id, &user.username)
    }

    /// The user's sessions and memberships go with it. Flowise itself never
    /// deletes an organization owner, nor does this; and a user whose id
    /// other rows still name (the workspaces, users or roles it created)
    /// stays, with those rows listed.
    fn remove(&mut self, user: &User) -> Result<Value> {
        if user.is_superuser {
            return Err(refuse::owner(&user.username));
        }
        let id = &user.id;
        let mut removed = serde_json::Map::new();
        let sessions = self.end_sessions(id)?;
        if sessions > 0 {
            removed.insert("login_sessions".into(), sessions.into());
        }
        for table in ["workspace_user", "organization_user"] {
            let n = self
                .tx
                .execute(&format!("DELETE FROM {table} WHERE userId = ?1"), [id])
                .map_err(|e| Error::db(format!("cannot update table {table}"), e))?;
            if n > 0 {
                removed.insert(table.to_string(), n.into());
            }
        }
        let mut blockers = Vec::new();
        for (table, column, _) in sqlite::references_to(&self.tx, "user")? {
            let self_row = if table == "user" { " AND id <> ?1" } else { "" };
            let count: i64 = self
                .tx
                .query_row(
                    &format!(
                        "SELECT count(*) FROM {} WHERE {} = ?1{self_row}",
                        sqlite::quote(&table),
                        sqlite::quote(&column)
                    ),
                    [id],
                    |r| r.get(0),
                )
                .map_err(|e| Error::db(format!("cannot read table {table}"), e))?;
            if count > 0 {
                blockers.push(format!("{table}.{column} ({count})"));
            }
        }
        if !blockers.is_empty() {
            return Err(refuse::still_named(&user.username, &blockers));
        }
        self.tx
            .execute("DELETE FROM \"user\" WHERE id = ?1", [id])
            .map_err(|e| Error::db(format!("cannot delete user \"{}\"", user.username), e))?;
        Ok(Value::Object(removed))
    }

    fn api_keys(&mut self) -> Result<Vec<ApiKey>> {
        sqlite::rows(
            &self.tx,
            &format!("{} ORDER BY a.createdDate, a.id", api_key_query(self.facts)),
            [],
            row_to_api_key,
            "read API keys",
        )
    }

    fn api_keys_of(&mut self, user: &User) -> Result<Vec<ApiKey>> {
        super::keys_of(&self.tx, self.facts, user)
    }

    fn insert_api_key(&mut self, new: &NewApiKey) -> Result<ApiKey> {
        super::insert_api_key(&self.tx, self.facts, new)
    }

    fn remove_api_key(&mut self, key: &ApiKey) -> Result<()> {
        // Flowise's own deletion: the row goes.
        self.tx
            .execute("DELETE FROM apikey WHERE id = ?1", [&key.id])
            .map(|_| ())
            .map_err(db("delete the API key"))
    }

    fn api_key_is(&mut self, key: &ApiKey, new: &NewApiKey) -> Result<bool> {
        use secrecy::ExposeSecret;
        sqlite::exists(
            &self.tx,
            "SELECT 1 FROM apikey WHERE id = ?1 AND apiKey = ?2",
            [key.id.as_str(), new.key.expose_secret()],
            "read API keys",
        )
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
