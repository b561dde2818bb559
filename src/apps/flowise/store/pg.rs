//! A Flowise 3.1 database on PostgreSQL (`DATABASE_TYPE=postgres`), used as
//! it is: the same rows and rules as on SQLite (`super`, `super::users`),
//! in PostgreSQL's types as a real Flowise 3.1.4 server made them
//! (`tests/fixtures/flowise-3.1.4/postgres-auth-schema.sql`): `uuid` ids,
//! `timestamp without time zone` in UTC with microseconds, `apikey` without
//! `createdDate` and with `jsonb` permissions, and connect-pg-simple's
//! `login_sessions(sid, sess json, expire timestamp)`. Every camel-case
//! column is quoted. User writes lock `user` against other writers, so the
//! last-superuser guard holds under concurrency; a rotation holds the
//! advisory lock every rotation on a database holds.

use super::{
    key_permissions, place_release, refuse, refuse_permissions, restricted, Facts, Home, KeyHome,
    Known, ENCRYPTED_COLUMNS, MEMBER_ROLE, OWNER_ROLE, PERSONAL_WORKSPACE_ROLE, WORKSPACE_TABLES,
};
use crate::database_url::PgUrl;
use crate::error::{Error, Result};
use crate::store::audit_file::Pending;
use crate::store::audit_file::{append_audit, audit_record};
use crate::store::postgres::{quote, Pg, PgTx, ROTATE_LOCK};
use crate::store::{
    Access, Actor, ApiKey, ApiKeyStorage, ApiKeys, AuditRecord, EncryptedValues, Layout, NewApiKey,
    Reencrypted, RefreshTokens, SessionUser, Sessions, User, UserChange, UserRows, UsersTx,
};
use postgres::Row;
use serde_json::Value;
use std::cell::RefCell;
use std::path::PathBuf;

/// The store over one Flowise database on PostgreSQL.
pub struct FlowisePgStore {
    pg: RefCell<Pg>,
    actor: Actor,
    audit_path: PathBuf,
    /// The release the database is (its migrations).
    release: Known,
}

/// A naive-UTC timestamp column as RFC 3339.
fn ts(column: &str) -> String {
    format!("to_char({column}, 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")
}

/// Now as Flowise's columns hold it (naive UTC).
const NOW: &str = "(now() AT TIME ZONE 'UTC')";

fn user_query() -> String {
    format!(
        "SELECT u.id::text, u.email, coalesce(u.credential, ''),
            u.status <> 'unverified' AND coalesce(u.credential, '') <> '',
            EXISTS (SELECT 1 FROM organization_user ou JOIN role r ON r.id = ou.\"roleId\"
                    WHERE ou.\"userId\" = u.id AND r.name = 'owner' AND r.\"organizationId\" IS NULL),
            {}, {},
            (SELECT {} FROM workspace_user wu WHERE wu.\"userId\" = u.id ORDER BY wu.\"lastLogin\" DESC NULLS LAST LIMIT 1)
         FROM \"user\" u",
        ts("u.\"createdDate\""),
        ts("u.\"updatedDate\""),
        ts("wu.\"lastLogin\""),
    )
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

fn as_uuid(id: &str) -> Option<String> {
    uuid::Uuid::parse_str(id.trim())
        .ok()
        .map(|u| u.hyphenated().to_string())
}

impl FlowisePgStore {
    /// Connect and check that this is a Flowise database authctl knows.
    pub fn open(
        url: &PgUrl,
        access: Access,
        actor: Actor,
        audit_path: PathBuf,
        allow_unknown: bool,
    ) -> Result<Option<Self>> {
        let mut pg = Pg::connect(url)?;
        let (tables, names) = pg.schema(
            "migrations",
            "SELECT string_agg(name, ',') AS v FROM migrations",
        )?;
        let shown = url.target();
        // An empty database is one Flowise has not started on yet: like a
        // missing SQLite file, nothing to read.
        if tables.is_empty() && access == Access::Read {
            return Ok(None);
        }
        if !super::is_flowise_schema(&tables) {
            crate::apps::refuse_foreign("flowise", &tables, 0, &shown)?;
            return Err(Error::usage(format!(
                "{shown} is not a Flowise database (it has no migrations, user and organization tables); authctl knows {}; check DATABASE_NAME or --db",
                crate::store::KNOWN_LAYOUTS
            )));
        }
        let names: Vec<String> = names
            .unwrap_or_default()
            .split(',')
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .collect();
        let release = place_release(&names, &shown, access, allow_unknown)?;
        Ok(Some(FlowisePgStore {
            pg: RefCell::new(pg),
            actor,
            audit_path,
            release,
        }))
    }

    fn write_tx<'a>(
        pg: &'a mut Pg,
        release: &Known,
        audit_path: &std::path::Path,
        lock: &str,
    ) -> Result<PgTx<'a>> {
        release.refuse_write()?;
        crate::store::audit_file::prepare(audit_path)?;
        let mut tx = pg.begin(lock)?;
        if release.unknown_allowed() {
            let mut problems = Vec::new();
            for (table, columns) in super::written(true) {
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

/// The write lock of user changes: one writer of users at a time.
const USERS_LOCK: &str = "LOCK TABLE \"user\" IN SHARE ROW EXCLUSIVE MODE;";

impl UserRows for FlowisePgStore {
    fn get_user_by_id(&self, id: &str) -> Result<Option<User>> {
        let Some(id) = as_uuid(id) else {
            return Ok(None);
        };
        let rows = self.pg.borrow_mut().rows(
            &format!("{} WHERE u.id = $1::uuid", user_query()),
            &[&id],
            "read users from",
        )?;
        Ok(rows.first().map(row_to_user))
    }

    fn list_users(&self) -> Result<Vec<User>> {
        let rows = self.pg.borrow_mut().rows(
            &format!("{} ORDER BY u.\"createdDate\", u.email", user_query()),
            &[],
            "list users in",
        )?;
        Ok(rows.iter().map(row_to_user).collect())
    }

    fn begin_users(&mut self) -> Result<Box<dyn UsersTx + '_>> {
        let actor = self.actor.name();
        let audit_path = self.audit_path.clone();
        let facts = self.release.facts();
        let tx = Self::write_tx(self.pg.get_mut(), &self.release, &audit_path, USERS_LOCK)?;
        Ok(Box::new(PgUsersTx {
            tx,
            audit: Pending::new(actor, audit_path),
            facts,
        }))
    }

    fn superuser_conflict(&self) -> Result<Option<String>> {
        let rows = self.pg.borrow_mut().rows(
            "SELECT coalesce(u.email, o.name) FROM organization o
             LEFT JOIN \"user\" u ON u.id = o.\"createdBy\"
             ORDER BY o.\"createdDate\" LIMIT 1",
            &[],
            "read table organization in",
        )?;
        Ok(rows.first().map(|r| {
            let owner: String = r.get(0);
            format!(
                "Flowise already has its organization, set up by \"{owner}\", and allows one; add another administrator with `authctl user add --superuser`, or reset a password with `authctl superuser --reset-password`"
            )
        }))
    }
}

struct PgUsersTx<'a> {
    tx: PgTx<'a>,
    audit: Pending,
    /// What the database's release does differently.
    facts: Facts,
}

impl PgUsersTx<'_> {
    fn one(&mut self, sql: &str, params: &[&str], doing: &str) -> Result<Option<Row>> {
        Ok(self.tx.rows(sql, params, doing)?.into_iter().next())
    }

    fn role(&mut self, name: &str) -> Result<String> {
        let row = self.one(
            "SELECT id::text FROM role WHERE name = $1 AND \"organizationId\" IS NULL",
            &[name],
            "read table role in",
        )?;
        row.map(|r| r.get(0)).ok_or_else(|| {
            Error::Failure(format!(
                "the Flowise database has no \"{name}\" role; it is not as Flowise's migrations leave it"
            ))
        })
    }

    fn home(&mut self) -> Result<Option<Home>> {
        let Some(org) = self.one(
            "SELECT id::text, \"createdBy\"::text FROM organization ORDER BY \"createdDate\", id LIMIT 1",
            &[],
            "read table organization in",
        )?
        else {
            return Ok(None);
        };
        let (organization, owner): (String, String) = (org.get(0), org.get(1));
        let workspace = self
            .one(
                "SELECT id::text FROM workspace WHERE \"organizationId\" = $1::uuid ORDER BY \"createdDate\", id LIMIT 1",
                &[&organization],
                "read table workspace in",
            )?
            .map(|r| r.get::<_, String>(0))
            .ok_or_else(|| {
                Error::Failure(
                    "the Flowise organization has no workspace; open Flowise once as its admin to make one".into(),
                )
            })?;
        Ok(Some(Home {
            organization,
            owner,
            workspace,
        }))
    }

    fn read(&mut self, id: &str, name: &str) -> Result<User> {
        self.one(
            &format!("{} WHERE u.id = $1::uuid", user_query()),
            &[id],
            &format!("read user \"{name}\" in"),
        )?
        .map(|r| row_to_user(&r))
        .ok_or_else(|| crate::store::user_not_found(name))
    }

    fn register(&mut self, new: &NewUserRef<'_>) -> Result<(String, Value)> {
        let owner = self.role(OWNER_ROLE)?;
        let id = uuid::Uuid::new_v4().to_string();
        let org = uuid::Uuid::new_v4().to_string();
        let ws = uuid::Uuid::new_v4().to_string();
        // On PostgreSQL Flowise leaves tokenExpiry NULL and lastLogin set.
        self.tx.rows(
            &format!(
                "INSERT INTO \"user\" (id, name, email, credential, \"tempToken\", \"tokenExpiry\", status,
                                       \"createdDate\", \"updatedDate\", \"createdBy\", \"updatedBy\")
                 VALUES ($1::uuid, $2, $2, $3, NULL, NULL, 'active', {NOW}, {NOW}, $1::uuid, $1::uuid)"
            ),
            &[&id, new.username, new.hash],
            "create the user in",
        )?;
        self.tx.rows(
            &format!(
                "INSERT INTO organization (id, name, \"customerId\", \"subscriptionId\", \"createdDate\", \"updatedDate\", \"createdBy\", \"updatedBy\")
                 VALUES ($1::uuid, 'Default Organization', NULL, NULL, {NOW}, {NOW}, $2::uuid, $2::uuid)"
            ),
            &[&org, &id],
            "create the organization in",
        )?;
        self.tx.rows(
            &format!(
                "INSERT INTO organization_user (\"organizationId\", \"userId\", \"roleId\", status, \"createdDate\", \"updatedDate\", \"createdBy\", \"updatedBy\")
                 VALUES ($1::uuid, $2::uuid, $3::uuid, 'active', {NOW}, {NOW}, $2::uuid, $2::uuid)"
            ),
            &[&org, &id, &owner],
            "add the user to the organization in",
        )?;
        self.tx.rows(
            &format!(
                "INSERT INTO workspace (id, name, description, \"createdDate\", \"updatedDate\", \"organizationId\", \"createdBy\", \"updatedBy\")
                 VALUES ($1::uuid, 'Default Workspace', NULL, {NOW}, {NOW}, $2::uuid, $3::uuid, $3::uuid)"
            ),
            &[&ws, &org, &id],
            "create the workspace in",
        )?;
        self.tx.rows(
            &format!(
                "INSERT INTO workspace_user (\"workspaceId\", \"userId\", \"roleId\", status, \"lastLogin\", \"createdDate\", \"updatedDate\", \"createdBy\", \"updatedBy\")
                 VALUES ($1::uuid, $2::uuid, $3::uuid, 'active', {NOW}, {NOW}, {NOW}, $2::uuid, $2::uuid)"
            ),
            &[&ws, &id, &owner],
            "add the user to the workspace in",
        )?;
        let tables: Vec<String> = self
            .tx
            .rows(
                "SELECT c.relname::text FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                 WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
                   AND c.relkind IN ('r', 'p') AND a.attname = 'workspaceId' AND NOT a.attisdropped",
                &[],
                "read the schema of",
            )?
            .iter()
            .map(|r| r.get(0))
            .collect();
        let mut moved = serde_json::Map::new();
        for table in WORKSPACE_TABLES
            .iter()
            .filter(|t| tables.iter().any(|x| x == *t))
        {
            let rows = self.tx.rows(
                &format!(
                    "WITH moved AS (UPDATE {} SET \"workspaceId\" = $1::uuid WHERE \"workspaceId\" IS NULL RETURNING 1)
                     SELECT count(*) FROM moved",
                    quote(table)
                ),
                &[&ws],
                &format!("move the rows of {table} in"),
            )?;
            let n: i64 = rows.first().map_or(0, |r| r.get(0));
            if n > 0 {
                moved.insert((*table).to_string(), n.into());
            }
        }
        Ok((
            id,
            serde_json::json!({ "organization": org, "workspace": ws, "moved_into_workspace": moved }),
        ))
    }

    fn ensure_memberships(&mut self, id: &str, home: &Home, owner: bool) -> Result<()> {
        let (org_role, ws_role) = if owner {
            let o = self.role(OWNER_ROLE)?;
            (o.clone(), o)
        } else {
            (self.role(MEMBER_ROLE)?, self.role(PERSONAL_WORKSPACE_ROLE)?)
        };
        self.tx.rows(
            &format!(
                "INSERT INTO organization_user (\"organizationId\", \"userId\", \"roleId\", status, \"createdDate\", \"updatedDate\", \"createdBy\", \"updatedBy\")
                 SELECT $1::uuid, $2::uuid, $3::uuid, 'active', {NOW}, {NOW}, $4::uuid, $4::uuid
                 WHERE NOT EXISTS (SELECT 1 FROM organization_user WHERE \"organizationId\" = $1::uuid AND \"userId\" = $2::uuid)"
            ),
            &[&home.organization, id, &org_role, &home.owner],
            "add the user to the organization in",
        )?;
        self.tx.rows(
            &format!(
                "INSERT INTO workspace_user (\"workspaceId\", \"userId\", \"roleId\", status, \"lastLogin\", \"createdDate\", \"updatedDate\", \"createdBy\", \"updatedBy\")
                 SELECT $1::uuid, $2::uuid, $3::uuid, 'active', NULL, {NOW}, {NOW}, $4::uuid, $4::uuid
                 WHERE NOT EXISTS (SELECT 1 FROM workspace_user wu JOIN workspace w ON w.id = wu.\"workspaceId\"
                                   WHERE wu.\"userId\" = $2::uuid AND w.\"organizationId\" = $5::uuid)"
            ),
            &[&home.workspace, id, &ws_role, &home.owner, &home.organization],
            "add the user to the workspace in",
        )?;
        Ok(())
    }

    fn set_admin(&mut self, id: &str, home: &Home, admin: bool) -> Result<()> {
        self.ensure_memberships(id, home, admin)?;
        let owner = self.role(OWNER_ROLE)?;
        let (org_role, ws_role, from) = if admin {
            (owner.clone(), owner, String::new())
        } else {
            (
                self.role(MEMBER_ROLE)?,
                self.role(PERSONAL_WORKSPACE_ROLE)?,
                owner,
            )
        };
        // Demotion moves only the owner roles, so a custom role stays.
        let only_from = if from.is_empty() {
            ""
        } else {
            " AND \"roleId\" = $4::uuid"
        };
        let mut org_args: Vec<&str> = vec![id, &home.organization, &org_role];
        let mut ws_args: Vec<&str> = vec![id, &home.organization, &ws_role];
        if !from.is_empty() {
            org_args.push(&from);
            ws_args.push(&from);
        }
        self.tx.rows(
            &format!(
                "UPDATE organization_user SET \"roleId\" = $3::uuid, \"updatedDate\" = {NOW}
                 WHERE \"userId\" = $1::uuid AND \"organizationId\" = $2::uuid{only_from}"
            ),
            &org_args,
            "update table organization_user in",
        )?;
        self.tx.rows(
            &format!(
                "UPDATE workspace_user SET \"roleId\" = $3::uuid, \"updatedDate\" = {NOW}
                 WHERE \"userId\" = $1::uuid{only_from}
                   AND \"workspaceId\" IN (SELECT id FROM workspace WHERE \"organizationId\" = $2::uuid)"
            ),
            &ws_args,
            "update table workspace_user in",
        )?;
        Ok(())
    }

    fn end_sessions(&mut self, id: &str) -> Result<usize> {
        let present = self.one(
            "SELECT to_regclass('login_sessions') IS NOT NULL",
            &[],
            "read the schema of",
        )?;
        if !present.is_some_and(|r| r.get::<_, bool>(0)) {
            return Ok(0);
        }
        let rows = self.tx.rows(
            "WITH gone AS (DELETE FROM login_sessions WHERE sess->'passport'->'user'->>'id' = $1 RETURNING 1)
             SELECT count(*) FROM gone",
            &[id],
            "end the user's sessions in",
        )?;
        Ok(rows.first().map_or(0, |r| r.get::<_, i64>(0) as usize))
    }
}

/// The parts of a new user the inserts need.
struct NewUserRef<'a> {
    username: &'a str,
    hash: &'a str,
}

impl UsersTx for PgUsersTx<'_> {
    fn api_keys(&mut self) -> Result<Vec<ApiKey>> {
        let rows = self.tx.rows(
            &format!(
                "{} ORDER BY a.\"updatedDate\", a.id",
                api_key_query(self.facts)
            ),
            &[],
            "read API keys in",
        )?;
        Ok(rows.iter().map(row_to_api_key).collect())
    }

    fn api_keys_of(&mut self, user: &User) -> Result<Vec<ApiKey>> {
        let rows = self
            .tx
            .rows(&keys_of_query(self.facts), &[&user.id], "read API keys in")?;
        Ok(rows.iter().map(row_to_api_key).collect())
    }

    fn insert_api_key(&mut self, new: &NewApiKey) -> Result<ApiKey> {
        insert_api_key(&mut self.tx, self.facts, new)
    }

    fn remove_api_key(&mut self, key: &ApiKey) -> Result<()> {
        // Flowise's own deletion: the row goes.
        self.tx
            .rows(
                "DELETE FROM apikey WHERE id::text = $1",
                &[&key.id],
                "delete the API key in",
            )
            .map(|_| ())
    }

    fn api_key_is(&mut self, key: &ApiKey, new: &NewApiKey) -> Result<bool> {
        use secrecy::ExposeSecret;
        let rows = self.tx.rows(
            "SELECT 1 FROM apikey WHERE id::text = $1 AND \"apiKey\" = $2",
            &[&key.id, new.key.expose_secret()],
            "read API keys in",
        )?;
        Ok(!rows.is_empty())
    }

    fn users(&mut self) -> Result<Vec<User>> {
        Ok(self
            .tx
            .rows(&user_query(), &[], "read users from")?
            .iter()
            .map(row_to_user)
            .collect())
    }

    fn insert(&mut self, new: &crate::store::NewUser) -> Result<User> {
        if !super::is_valid_email(&new.username) {
            return Err(crate::store::invalid_email("Flowise", &new.username));
        }
        let fields = NewUserRef {
            username: &new.username,
            hash: &new.password_hash,
        };
        let id = match self.home()? {
            Some(home) => {
                let id = uuid::Uuid::new_v4().to_string();
                let status = if new.is_active {
                    "active"
                } else {
                    "unverified"
                };
                self.tx.rows(
                    &format!(
                        "INSERT INTO \"user\" (id, name, email, credential, \"tempToken\", \"tokenExpiry\", status,
                                               \"createdDate\", \"updatedDate\", \"createdBy\", \"updatedBy\")
                         VALUES ($1::uuid, $2, $2, $3, NULL, NULL, $4, {NOW}, {NOW}, $1::uuid, $1::uuid)"
                    ),
                    &[&id, &new.username, &new.password_hash, status],
                    "create the user in",
                )?;
                self.ensure_memberships(&id, &home, new.is_superuser)?;
                id
            }
            None if new.is_superuser => {
                let (id, detail) = self.register(&fields)?;
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
        if let Some(hash) = &change.password_hash {
            self.tx.rows(
                &format!(
                    "UPDATE \"user\" SET credential = $2, \"tempToken\" = NULL, \"tokenExpiry\" = NULL,
                                         \"updatedDate\" = {NOW} WHERE id = $1::uuid"
                ),
                &[&user.id, hash],
                "set the password in",
            )?;
        }
        if let Some(active) = change.is_active {
            let status = if active { "active" } else { "unverified" };
            self.tx.rows(
                &format!(
                    "UPDATE \"user\" SET status = $2, \"updatedDate\" = {NOW} WHERE id = $1::uuid"
                ),
                &[&user.id, status],
                "set the user's status in",
            )?;
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

    fn remove(&mut self, user: &User) -> Result<Value> {
        if user.is_superuser {
            return Err(refuse::owner(&user.username));
        }
        let id = user.id.clone();
        let mut removed = serde_json::Map::new();
        let sessions = self.end_sessions(&id)?;
        if sessions > 0 {
            removed.insert("login_sessions".into(), sessions.into());
        }
        for table in ["workspace_user", "organization_user"] {
            let rows = self.tx.rows(
                &format!(
                    "WITH gone AS (DELETE FROM {table} WHERE \"userId\" = $1::uuid RETURNING 1) SELECT count(*) FROM gone"
                ),
                &[&id],
                &format!("update table {table} in"),
            )?;
            let n: i64 = rows.first().map_or(0, |r| r.get(0));
            if n > 0 {
                removed.insert(table.to_string(), n.into());
            }
        }
        let refs: Vec<(String, String)> = self
            .tx
            .rows(
                "SELECT r.relname::text, a.attname::text FROM pg_constraint c
                 JOIN pg_class r ON r.oid = c.conrelid
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
                 WHERE c.contype = 'f' AND c.confrelid = to_regclass('\"user\"')
                 ORDER BY 1, 2",
                &[],
                "read the schema of",
            )?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        let mut blockers = Vec::new();
        for (table, column) in refs {
            let self_row = if table == "user" {
                " AND id <> $1::uuid"
            } else {
                ""
            };
            let rows = self.tx.rows(
                &format!(
                    "SELECT count(*) FROM {} WHERE {} = $1::uuid{self_row}",
                    quote(&table),
                    quote(&column)
                ),
                &[&id],
                &format!("read table {table} in"),
            )?;
            let n: i64 = rows.first().map_or(0, |r| r.get(0));
            if n > 0 {
                blockers.push(format!("{table}.{column} ({n})"));
            }
        }
        if !blockers.is_empty() {
            return Err(refuse::still_named(&user.username, &blockers));
        }
        self.tx.rows(
            "DELETE FROM \"user\" WHERE id = $1::uuid",
            &[&id],
            &format!("delete user \"{}\" in", user.username),
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

impl FlowisePgStore {
    /// What the database's release does differently.
    pub(crate) fn release_facts(&self) -> Facts {
        self.release.facts()
    }
}

impl Layout for FlowisePgStore {
    fn release(&self) -> Option<String> {
        Some(self.release.describe())
    }

    fn read_only_release(&self) -> bool {
        self.release.read_only()
    }

    fn app(&self) -> &'static str {
        "Flowise"
    }

    fn refresh_tokens(&self) -> Option<&dyn RefreshTokens> {
        None
    }

    fn refresh_tokens_mut(&mut self) -> Option<&mut dyn RefreshTokens> {
        None
    }

    fn integrity_check(&self) -> Result<Vec<String>> {
        self.pg.borrow_mut().invalid_indexes()
    }

    fn sessions_mut(&mut self) -> Option<&mut dyn Sessions> {
        Some(self)
    }
}

/// The API keys, with their permissions where the release has the column.
fn api_key_query(facts: Facts) -> String {
    format!(
        "SELECT a.id::text, a.\"keyName\", a.\"workspaceId\"::text, w.name,
            to_char(a.\"updatedDate\", 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), {}::text
         FROM apikey a LEFT JOIN workspace w ON w.id = a.\"workspaceId\"",
        super::permissions_column(facts)
    )
}

fn row_to_api_key(r: &Row) -> ApiKey {
    let workspace_id: Option<String> = r.get(2);
    let workspace_name: Option<String> = r.get(3);
    let permissions: Option<String> = r.get(5);
    ApiKey {
        id: r.get(0),
        name: r.get(1),
        user_id: String::new(),
        username: None,
        // PostgreSQL's apikey has no createdDate: its last update.
        created_at: r.get(4),
        last_used_at: None,
        active: true,
        workspace: workspace_name.or(workspace_id).or(Some(String::new())),
        // NULL where the release keeps no permissions on keys.
        permissions: permissions.map(|p| serde_json::from_str(&p).unwrap_or_default()),
    }
}

impl FlowisePgStore {
    fn key_home(tx: &mut PgTx<'_>, user: &User) -> Result<KeyHome> {
        let rows = tx.rows(
            "SELECT wu.\"workspaceId\"::text, w.name, r.permissions FROM workspace_user wu
             JOIN workspace w ON w.id = wu.\"workspaceId\" JOIN role r ON r.id = wu.\"roleId\"
             WHERE wu.\"userId\" = $1::uuid
             ORDER BY wu.\"lastLogin\" DESC NULLS LAST, wu.\"createdDate\" LIMIT 1",
            &[&user.id],
            "read the user's workspaces in",
        )?;
        let row = rows.first().ok_or_else(|| {
            refuse::no_workspace(&user.username, "and Flowise keys belong to one")
        })?;
        let (workspace, workspace_name, role_permissions): (String, String, String) =
            (row.get(0), row.get(1), row.get(2));
        let full: String = tx
            .rows(
                "SELECT permissions FROM role WHERE name = $1 AND \"organizationId\" IS NULL",
                &[PERSONAL_WORKSPACE_ROLE],
                "read table role in",
            )?
            .first()
            .map(|r| r.get(0))
            .unwrap_or_default();
        let parse = |text: &str| serde_json::from_str::<Vec<String>>(text).unwrap_or_default();
        let admin = user.is_superuser;
        let allowed = if admin {
            parse(&full)
        } else {
            parse(&role_permissions)
        };
        Ok(KeyHome {
            workspace,
            workspace_name,
            allowed: allowed.into_iter().filter(|p| !restricted(p)).collect(),
            admin,
        })
    }
}

/// The keys of the workspaces `$1` (a user id) is in: what acts for it.
fn keys_of_query(facts: Facts) -> String {
    format!(
        "{} WHERE a.\"workspaceId\" IN (SELECT \"workspaceId\" FROM workspace_user WHERE \"userId\" = $1::uuid)
         ORDER BY a.\"updatedDate\", a.id",
        api_key_query(facts)
    )
}

/// Store `new` in `tx` as Flowise does, in the user's workspace; the key
/// and its audit detail.
fn insert_api_key(tx: &mut PgTx<'_>, facts: Facts, new: &NewApiKey) -> Result<ApiKey> {
    use secrecy::ExposeSecret;
    let secret = crate::apps::flowise::apikey::secret_hash(&new.key)?;
    let home = FlowisePgStore::key_home(tx, &new.user)?;
    let name = new.name.clone().unwrap_or_default();
    let id = uuid::Uuid::new_v4().to_string();
    if !facts.api_key_permissions {
        refuse_permissions(new)?;
        let rows = tx.rows(
            &format!(
                "INSERT INTO apikey (id, \"apiKey\", \"apiSecret\", \"keyName\", \"updatedDate\", \"workspaceId\")
                 VALUES ($1::uuid, $2, $3, $4, {NOW}, $5::uuid)
                 RETURNING to_char(\"updatedDate\", 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
            ),
            &[&id, new.key.expose_secret(), &secret, &name, &home.workspace],
            "store the API key in",
        )?;
        let created: Option<String> = rows.first().map(|r| r.get(0));
        return Ok(ApiKey {
            permissions: None,
            ..home.key(new, id, created, Vec::new())
        });
    }
    let permissions = key_permissions(&new.permissions, &home, &new.user.username)?;
    let json = serde_json::to_string(&permissions).unwrap_or_else(|_| "[]".into());
    let rows = tx.rows(
        &format!(
            "INSERT INTO apikey (id, \"apiKey\", \"apiSecret\", \"keyName\", \"updatedDate\", \"workspaceId\", permissions)
             VALUES ($1::uuid, $2, $3, $4, {NOW}, $5::uuid, $6::jsonb)
             RETURNING to_char(\"updatedDate\", 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
        ),
        &[&id, new.key.expose_secret(), &secret, &name, &home.workspace, &json],
        "store the API key in",
    )?;
    let created: Option<String> = rows.first().map(|r| r.get(0));
    Ok(home.key(new, id, created, permissions))
}

impl ApiKeys for FlowisePgStore {
    fn api_key_storage(&self) -> ApiKeyStorage {
        ApiKeyStorage::PlainAndScrypt
    }

    fn list_api_keys(&self) -> Result<Vec<ApiKey>> {
        let rows = self.pg.borrow_mut().rows(
            &format!(
                "{} ORDER BY a.\"updatedDate\", a.id",
                api_key_query(self.release.facts())
            ),
            &[],
            "list API keys in",
        )?;
        Ok(rows.iter().map(row_to_api_key).collect())
    }

    fn api_keys_of(&self, user: &User) -> Result<Vec<ApiKey>> {
        let query = keys_of_query(self.release.facts());
        let rows = self
            .pg
            .borrow_mut()
            .rows(&query, &[&user.id], "list API keys in")?;
        Ok(rows.iter().map(row_to_api_key).collect())
    }

    fn revoke_api_key(&mut self, id_or_name: &str) -> Result<ApiKey> {
        let actor = self.actor.name();
        let audit_path = self.audit_path.clone();
        let facts = self.release.facts();
        let mut tx = Self::write_tx(self.pg.get_mut(), &self.release, &audit_path, "")?;
        let id = as_uuid(id_or_name).unwrap_or_default();
        let matches: Vec<ApiKey> = tx
            .rows(
                &format!(
                    "{} WHERE a.id::text = $1 OR a.\"keyName\" = $2",
                    api_key_query(facts)
                ),
                &[&id, id_or_name],
                "read API keys in",
            )?
            .iter()
            .map(row_to_api_key)
            .collect();
        let key = crate::store::single_api_key(matches, id_or_name)?;
        tx.rows(
            "DELETE FROM apikey WHERE id = $1::uuid",
            &[&key.id],
            "revoke the API key in",
        )?;
        tx.commit()?;
        append_audit(
            &audit_path,
            &[audit_record(
                actor,
                "apikey.revoke",
                key.workspace.as_deref().unwrap_or(""),
                serde_json::json!({ "id": key.id, "name": key.name }),
            )],
        );
        Ok(ApiKey {
            active: false,
            ..key
        })
    }
}

impl EncryptedValues for FlowisePgStore {
    fn reencrypt(
        &mut self,
        rekey: &mut dyn FnMut(&str, &str) -> Result<String>,
        dry_run: bool,
    ) -> Result<Vec<Reencrypted>> {
        let record = self.record("secret.rotate", "encryption.key", Value::Null);
        let audit_path = self.audit_path.clone();
        let lock = format!("SELECT pg_advisory_xact_lock({ROTATE_LOCK});");
        // A dry run (and key identification, and doctor) only reads: one
        // snapshot, no lock, no row lock, a read-only role will do.
        let mut tx = if dry_run {
            self.pg.get_mut().begin_read()?
        } else {
            self.release.refuse_reencrypt()?;
            Self::write_tx(self.pg.get_mut(), &self.release, &audit_path, &lock)?
        };
        let row_lock = if dry_run { "" } else { "FOR UPDATE" };
        let mut report = Vec::new();
        for (table, column, label_col) in ENCRYPTED_COLUMNS {
            let present = tx.rows(
                "SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                 WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
                   AND c.relname = $1 AND a.attname = $2 AND NOT a.attisdropped",
                &[table, column],
                "read the schema of",
            )?;
            if present.first().map_or(0, |r| r.get::<_, i64>(0)) == 0 {
                continue;
            }
            let (c, t) = (quote(column), quote(table));
            let rows = tx.rows(
                &format!(
                    "SELECT id::text, coalesce({l}::text, ''), {c} FROM {t}
                     WHERE {c} IS NOT NULL AND {c} <> '' {row_lock}",
                    l = quote(label_col)
                ),
                &[],
                &format!("read {table}.{column} in"),
            )?;
            let mut count = 0;
            for r in rows {
                let (id, name, value): (String, String, String) = (r.get(0), r.get(1), r.get(2));
                let label = format!("{table}.{column} of \"{name}\" (id {id})");
                let new_value = rekey(&value, &label)?;
                count += 1;
                if dry_run {
                    continue;
                }
                tx.rows(
                    &format!("UPDATE {t} SET {c} = $1 WHERE id::text = $2"),
                    &[&new_value, &id],
                    &format!("update {label} in"),
                )?;
            }
            report.push(Reencrypted {
                table: table.to_string(),
                column: column.to_string(),
                values: count,
            });
        }
        if dry_run {
            return Ok(report); // rolled back on drop
        }
        tx.commit()?;
        let total: usize = report.iter().map(|r| r.values).sum();
        let record = AuditRecord {
            detail: serde_json::json!({ "values": total }),
            ..record
        };
        append_audit(&audit_path, &[record]);
        Ok(report)
    }
}

impl Sessions for FlowisePgStore {
    /// A row of connect-pg-simple's `login_sessions`: `sess` the same
    /// LoggedInUser as on SQLite, `expire` as connect-pg-simple writes it
    /// (`to_timestamp(seconds)` into a timestamp without time zone).
    fn open_session(&mut self, user: &User, sid: &str, expires_ms: i64) -> Result<SessionUser> {
        let actor = self.actor.name();
        let audit_path = self.audit_path.clone();
        let mut tx = Self::write_tx(self.pg.get_mut(), &self.release, &audit_path, "")?;
        let present = tx.rows(
            "SELECT to_regclass('login_sessions') IS NOT NULL",
            &[],
            "read the schema of",
        )?;
        if !present.first().is_some_and(|r| r.get::<_, bool>(0)) {
            return Err(Error::Conflict(
                "the Flowise database has no login_sessions table yet; start Flowise once with its database session store (EXPIRE_AUTH_TOKENS_ON_RESTART unset) to make it".into(),
            ));
        }
        let rows = tx.rows(
            "SELECT u.name, u.email, wu.\"workspaceId\"::text, w.name, wu.\"roleId\"::text, r.permissions,
                    w.\"organizationId\"::text, o.\"subscriptionId\", o.\"customerId\",
                    ou.\"roleId\" = (SELECT id FROM role WHERE name = 'owner' AND \"organizationId\" IS NULL)
             FROM \"user\" u
             JOIN workspace_user wu ON wu.\"userId\" = u.id
             JOIN workspace w ON w.id = wu.\"workspaceId\"
             JOIN role r ON r.id = wu.\"roleId\"
             JOIN organization o ON o.id = w.\"organizationId\"
             JOIN organization_user ou ON ou.\"organizationId\" = o.id AND ou.\"userId\" = u.id
             WHERE u.id = $1::uuid
             ORDER BY wu.\"lastLogin\" DESC NULLS LAST, wu.\"createdDate\" LIMIT 1",
            &[&user.id],
            "read the user's workspace in",
        )?;
        let Some(r) = rows.first() else {
            return Err(refuse::no_workspace(
                &user.username,
                "so Flowise would refuse its login",
            ));
        };
        let name: Option<String> = r.get(0);
        let email: String = r.get(1);
        let (ws, ws_name, role, permissions, org): (String, String, String, String, String) =
            (r.get(2), r.get(3), r.get(4), r.get(5), r.get(6));
        let (sub, customer, admin): (Option<String>, Option<String>, bool) =
            (r.get(7), r.get(8), r.get(9));
        let assigned: Vec<Value> = tx
            .rows(
                "SELECT w.id::text, w.name, r.name, w.\"organizationId\"::text FROM workspace_user wu
                 JOIN workspace w ON w.id = wu.\"workspaceId\" LEFT JOIN role r ON r.id = wu.\"roleId\"
                 WHERE wu.\"userId\" = $1::uuid ORDER BY wu.\"createdDate\", w.id",
                &[&user.id],
                "read the user's workspaces in",
            )?
            .iter()
            .map(|r| {
                serde_json::json!({
                    "id": r.get::<_, String>(0),
                    "name": r.get::<_, String>(1),
                    "role": r.get::<_, Option<String>>(2),
                    "organizationId": r.get::<_, String>(3),
                })
            })
            .collect();
        let permissions: Value = serde_json::from_str(&permissions).map_err(|_| {
            Error::Failure(format!(
                "the permissions of role {role} are not JSON; Flowise could not log this user in either"
            ))
        })?;
        let name = name.unwrap_or_else(|| email.clone());
        let sess = super::session_json(&super::LoggedIn {
            id: &user.id,
            email: &email,
            name: &name,
            role: &role,
            organization: &org,
            subscription: sub,
            customer,
            admin,
            workspace: &ws,
            workspace_name: &ws_name,
            assigned,
            permissions,
        });
        let expires = format!("{:.3}", expires_ms as f64 / 1000.0);
        tx.rows(
            "INSERT INTO login_sessions (sid, sess, expire) VALUES ($1, $2::json, to_timestamp($3::double precision))",
            &[sid, &sess.to_string(), &expires],
            "store the session in",
        )?;
        tx.commit()?;
        append_audit(
            &audit_path,
            &[audit_record(
                actor,
                "flowise.session_open",
                &user.username,
                serde_json::json!({ "workspace": ws, "expires_ms": expires_ms }),
            )],
        );
        Ok(SessionUser {
            id: user.id.clone(),
            name,
            workspace_id: ws,
            workspace: ws_name,
        })
    }
}
