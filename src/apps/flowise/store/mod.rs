//! A Flowise 3.1 database (SQLite), used as it is.
//!
//! Invariants: Flowise's schema and its `migrations` table are never
//! altered, and no table of authctl's is created in it; a database whose
//! last migration this module does not know is refused. Rows are written
//! the way Flowise 3.1.4 writes them (read off a real server: see
//! `tests/fixtures/flowise-3.1.4/README.md`): UUID v4 ids, UTC
//! `YYYY-MM-DD HH:MM:SS` times, bcrypt passwords in `user.credential`.
//! Foreign keys are on, as TypeORM turns them on. A user is named by its
//! email; it is a superuser when its organization role is `owner` (what
//! Flowise's login turns into `isOrganizationAdmin`), and active unless its
//! status is `unverified` (the one status Flowise's login refuses) or it
//! has no password. The audit trail goes to a JSON-lines file in the key
//! directory (`SECRETKEY_PATH`).
//!
//! Here: opening and the migration check, reads. `users`: write
//! transactions on users and their memberships.

use crate::store::audit_file::Pending;
use crate::store::{
    sqlite, Access, ApiKey, ApiKeyStorage, ApiKeys, EncryptedValues, Layout, NewApiKey,
    Reencrypted, RefreshTokens, SessionUser, Sessions, User, UserRows, UsersTx,
};
pub(crate) mod pg;
mod users;

use super::releases::{self, Facts, Placed, Release};
use crate::error::{Error, Result};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use std::path::{Path, PathBuf};
use users::FlowiseUsersTx;

/// What makes Flowise's database when it is missing ([`crate::apps::App::missing_database_fix`]).
pub(crate) const MISSING_DATABASE_FIX: &str =
    "start Flowise once to create it, or point DATABASE_PATH (the folder of database.sqlite) or --db at it";

/// The roles Flowise's migrations seed (`organizationId IS NULL`).
pub const OWNER_ROLE: &str = "owner";
pub const MEMBER_ROLE: &str = "member";
pub const PERSONAL_WORKSPACE_ROLE: &str = "personal workspace";

/// The tables whose rows belong to a workspace; the first admin's
/// registration moves the rows with no workspace into its new one
/// (`setNullWorkspaceId`).
pub const WORKSPACE_TABLES: &[&str] = &[
    "apikey",
    "assistant",
    "chat_flow",
    "credential",
    "custom_template",
    "dataset",
    "document_store",
    "evaluation",
    "evaluator",
    "execution",
    "tool",
    "variable",
];

/// A user's columns as authctl reads them. `is_superuser`: the `owner`
/// organization role (Flowise 3.1.4's login: `isOrganizationAdmin:
/// organizationUser.roleId === ownerRole.id`); `is_active`: a password and any status but
/// `unverified`; the last login is the latest of its workspaces'.
pub(super) const USER_QUERY: &str = "SELECT u.id, u.email, coalesce(u.credential, ''),
        u.status <> 'unverified' AND coalesce(u.credential, '') <> '',
        EXISTS (SELECT 1 FROM organization_user ou JOIN role r ON r.id = ou.roleId
                WHERE ou.userId = u.id AND r.name = 'owner' AND r.organizationId IS NULL),
        u.createdDate, u.updatedDate,
        (SELECT max(wu.lastLogin) FROM workspace_user wu WHERE wu.userId = u.id)
    FROM \"user\" u";

pub(super) fn row_to_user(r: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    let created: Option<String> = r.get(5)?;
    let updated: Option<String> = r.get(6)?;
    let last: Option<String> = r.get(7)?;
    Ok(User {
        id: r.get(0)?,
        username: r.get(1)?,
        password_hash: r.get(2)?,
        is_active: r.get(3)?,
        is_superuser: r.get(4)?,
        created_at: created.as_deref().map(to_rfc3339).unwrap_or_default(),
        updated_at: updated.as_deref().map(to_rfc3339).unwrap_or_default(),
        last_login_at: last.as_deref().map(to_rfc3339),
    })
}

/// Now as Flowise's SQLite columns hold it: UTC, whole seconds.
pub fn sqlite_now() -> String {
    crate::clock::now().format("%Y-%m-%d %H:%M:%S").to_string()
}

/// A Flowise time (`2026-12-01 20:18:53`, with milliseconds, or ISO 8601
/// as `toISOString()` writes it) as RFC 3339 UTC; unchanged if it is none
/// of those.
pub fn to_rfc3339(stored: &str) -> String {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(stored) {
        return crate::clock::rfc3339_micros(t.with_timezone(&chrono::Utc));
    }
    chrono::NaiveDateTime::parse_from_str(stored, "%Y-%m-%d %H:%M:%S%.f")
        .map(|t| crate::clock::rfc3339_micros(t.and_utc()))
        .unwrap_or_else(|_| stored.to_string())
}

/// Whether `email` is an address Flowise accepts
/// (`^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$`, at most 255
/// characters: `enterprise/utils/validation.util.js`).
pub fn is_valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c));
    // The domain part is greedy: `[a-zA-Z0-9.-]+` then a dot and two or
    // more letters, so the last dot must be followed by letters only.
    let domain_ok = domain
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && domain.rsplit_once('.').is_some_and(|(head, tld)| {
            !head.is_empty() && tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic())
        });
    local_ok && domain_ok && email.chars().count() <= 255
}

/// The organization and the workspace new members join.
pub(super) struct Home {
    pub(super) organization: String,
    /// Who set the organization up: the `createdBy` of the rows authctl
    /// adds for others, as an admin's invitation records it.
    pub(super) owner: String,
    pub(super) workspace: String,
}

/// The refusals both engines give, in one wording.
pub(super) mod refuse {
    use crate::error::Error;

    pub fn nowhere_to_log_in(name: &str) -> Error {
        Error::Conflict(format!(
            "Flowise has no organization yet, so \"{name}\" would have nowhere to log in; create its first admin with `authctl --profile flowise superuser`"
        ))
    }

    pub fn no_organization() -> Error {
        Error::Conflict(
            "Flowise has no organization yet; create its first admin with `authctl --profile flowise superuser`".into(),
        )
    }

    pub fn no_password(name: &str) -> Error {
        Error::Conflict(format!(
            "user \"{name}\" has no password, so it could not log in; set one with `authctl user passwd`"
        ))
    }

    pub fn owner(name: &str) -> Error {
        Error::Conflict(format!(
            "user \"{name}\" is an owner of the Flowise organization, which Flowise never deletes; `authctl user demote` it first"
        ))
    }

    pub fn still_named(name: &str, blockers: &[String]) -> Error {
        Error::Conflict(format!(
            "user \"{name}\" is still named by other rows: {}; deactivate it instead (`authctl user deactivate`)",
            blockers.join(", ")
        ))
    }

    pub fn no_workspace(name: &str, why: &str) -> Error {
        Error::Conflict(format!(
            "user \"{name}\" belongs to no workspace, {why}; `authctl user activate {name}` gives it one"
        ))
    }
}

/// The store over one Flowise database.
pub struct FlowiseStore {
    conn: Connection,
    actor: crate::store::Actor,
    path: PathBuf,
    audit_path: PathBuf,
    /// The release the database is (its migrations).
    release: Known,
}

impl FlowiseStore {
    /// Open an existing Flowise database. authctl never creates one: a
    /// missing file is `None` for reads and NotFound for writes.
    pub fn open(
        path: &Path,
        access: Access,
        actor: crate::store::Actor,
        audit_path: PathBuf,
        allow_unknown: bool,
    ) -> Result<Option<Self>> {
        // Foreign keys on, as TypeORM turns them on.
        let Some((conn, schema)) =
            sqlite::open_existing(path, access, "Flowise", MISSING_DATABASE_FIX, true)?
        else {
            return Ok(None);
        };
        let shown = format!("\"{}\"", path.display());
        let flowise = schema.has_table("migrations")
            && ["user", "organization", "workspace_user", "role"]
                .iter()
                .all(|t| schema.has_table(t));
        if !flowise {
            return Err(not_flowise(&schema, &shown));
        }
        let names: Vec<String> = sqlite::rows(
            &conn,
            "SELECT name FROM migrations",
            [],
            |r| r.get(0),
            "read the migrations",
        )?;
        let release = place_release(&names, &shown, access, allow_unknown)?;
        Ok(Some(FlowiseStore {
            conn,
            actor,
            path: path.to_path_buf(),
            audit_path,
            release,
        }))
    }

    fn begin(&mut self) -> Result<rusqlite::Transaction<'_>> {
        self.release.refuse_write()?;
        if self.release.unknown_allowed() {
            let mut problems = Vec::new();
            for (table, columns) in written(false) {
                problems.extend(sqlite::unwritable(&self.conn, table, columns)?);
            }
            self.release.fits(&problems)?;
        }
        crate::store::audit_file::prepare(&self.audit_path)?;
        self.conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| sqlite::describe(e, &self.path))
    }
}

/// Whether `tables` are Flowise's (a TypeORM `migrations` table beside its
/// organizations and workspaces).
pub(crate) fn is_flowise_schema(tables: &[String]) -> bool {
    ["migrations", "organization", "workspace_user"]
        .iter()
        .all(|t| tables.iter().any(|x| x == t))
}

/// The refusal of a database that is not Flowise's, naming the profile
/// that would open it.
fn not_flowise(schema: &sqlite::Schema, shown: &str) -> Error {
    if let Err(e) =
        crate::apps::refuse_foreign("flowise", &schema.tables, schema.user_version, shown)
    {
        return e;
    }
    Error::usage(format!(
        "{shown} is not a Flowise database (it has no migrations, user and organization tables); authctl knows {}; check --db or DATABASE_PATH",
        crate::store::KNOWN_LAYOUTS
    ))
}

/// The release a Flowise database is: one authctl knows, or (`newer`) a
/// newer one it reads as the newest it knows and never writes.
#[derive(Clone)]
pub(crate) struct Known {
    release: &'static Release,
    newer: Option<String>,
    /// `--allow-unknown-release`: a newer release may be written after the
    /// columns written are checked.
    allowed: bool,
    /// The database, as messages name it.
    shown: String,
}

/// The columns authctl writes in a Flowise database (as 3.1.4 has them),
/// checked against a newer release before anything is written there. On
/// PostgreSQL `apikey` has no `createdDate`. `login_sessions` is the
/// session store's own (made by its library, not by Flowise's migrations),
/// so it is not a release's to change.
pub(super) fn written(postgres: bool) -> [(&'static str, &'static [&'static str]); 6] {
    [
        (
            "user",
            &[
                "id",
                "name",
                "email",
                "credential",
                "tempToken",
                "tokenExpiry",
                "status",
                "createdDate",
                "updatedDate",
                "createdBy",
                "updatedBy",
            ],
        ),
        (
            "organization",
            &[
                "id",
                "name",
                "customerId",
                "subscriptionId",
                "createdDate",
                "updatedDate",
                "createdBy",
                "updatedBy",
            ],
        ),
        (
            "organization_user",
            &[
                "organizationId",
                "userId",
                "roleId",
                "status",
                "createdDate",
                "updatedDate",
                "createdBy",
                "updatedBy",
            ],
        ),
        (
            "workspace",
            &[
                "id",
                "name",
                "description",
                "createdDate",
                "updatedDate",
                "organizationId",
                "createdBy",
                "updatedBy",
            ],
        ),
        (
            "workspace_user",
            &[
                "workspaceId",
                "userId",
                "roleId",
                "status",
                "lastLogin",
                "createdDate",
                "updatedDate",
                "createdBy",
                "updatedBy",
            ],
        ),
        match postgres {
            false => (
                "apikey",
                &[
                    "id",
                    "apiKey",
                    "apiSecret",
                    "keyName",
                    "createdDate",
                    "updatedDate",
                    "workspaceId",
                    "permissions",
                ],
            ),
            true => (
                "apikey",
                &[
                    "id",
                    "apiKey",
                    "apiSecret",
                    "keyName",
                    "updatedDate",
                    "workspaceId",
                    "permissions",
                ],
            ),
        },
    ]
}

impl Known {
    /// Refuse to change a database of a release authctl does not know.
    pub(super) fn refuse_write(&self) -> Result<()> {
        match &self.newer {
            Some(last) if !self.allowed => Err(newer_release(&self.shown, last)),
            _ => Ok(()),
        }
    }

    /// Whether this is a newer release `--allow-unknown-release` lets
    /// authctl write, once what it writes is checked.
    pub(super) fn unknown_allowed(&self) -> bool {
        self.newer.is_some() && self.allowed
    }

    /// Refuse a write the checked schema does not take (`problems`).
    pub(super) fn fits(&self, problems: &[String]) -> Result<()> {
        match problems.is_empty() {
            true => Ok(()),
            false => Err(crate::store::unfit_release(
                "Flowise",
                &self.shown,
                problems,
            )),
        }
    }

    /// What the release does differently.
    pub(crate) fn facts(&self) -> Facts {
        self.release.facts
    }

    /// How `doctor` names it.
    pub(super) fn describe(&self) -> String {
        match &self.newer {
            None => format!("Flowise {}", self.release.versions),
            Some(last) => format!(
                "a Flowise release newer than {} (migration {last}, which this authctl does not know), read as {}'s",
                self.release.versions, self.release.versions
            ),
        }
    }

    /// Whether authctl only reads it.
    pub(super) fn read_only(&self) -> bool {
        self.newer.is_some() && !self.allowed
    }

    /// Refuse to re-encrypt a database of a release authctl does not know,
    /// `--allow-unknown-release` or not: a newer release may keep values
    /// under the key in columns authctl does not know.
    pub(super) fn refuse_reencrypt(&self) -> Result<()> {
        match &self.newer {
            Some(last) if self.allowed => Err(Error::Release(format!(
                "Flowise database {} ends at migration {last}, which this authctl does not know; --allow-unknown-release does not cover re-encryption, since a newer release may keep encrypted values in columns authctl does not know; nothing was changed; upgrade authctl",
                self.shown
            ))),
            _ => self.refuse_write(),
        }
    }
}

fn newer_release(shown: &str, last: &str) -> Error {
    Error::Release(format!(
        "Flowise database {shown} ends at migration {last}, which this authctl does not know (it serves {}, the newest {}); it reads such a database but changes nothing in it: upgrade authctl, or pass --allow-unknown-release to write after checking every column it writes",
        releases::served_span(),
        releases::RELEASES[0].versions
    ))
}

/// The release the names in `migrations` say a database is; a newer one
/// is read with a warning and refused for writing, anything else refused.
pub(super) fn place_release(
    names: &[String],
    shown: &str,
    access: Access,
    allow_unknown: bool,
) -> Result<Known> {
    match releases::place(names) {
        Placed::Known(release) => Ok(Known {
            release,
            newer: None,
            allowed: allow_unknown,
            shown: shown.to_string(),
        }),
        Placed::Newer(last) => {
            if access == Access::Write && !allow_unknown {
                return Err(newer_release(shown, &last));
            }
            let newest = releases::RELEASES[0].versions;
            crate::output::defer_warning(match allow_unknown {
                false => format!(
                    "Flowise database {shown} ends at migration {last}, which this authctl does not know: a release newer than Flowise {newest}, read as that one's; upgrade authctl before changing anything in it"
                ),
                true => format!(
                    "Flowise database {shown} ends at migration {last}, which this authctl does not know: a release newer than Flowise {newest}, read as that one's, and with --allow-unknown-release written as that one's once every column written is checked"
                ),
            });
            Ok(Known {
                release: &releases::RELEASES[0],
                newer: Some(last),
                allowed: allow_unknown,
                shown: shown.to_string(),
            })
        }
        Placed::Unplaced(last) => Err(Error::Release(format!(
            "Flowise database {shown} ends at migration {}, which this authctl does not know (it serves {}); refusing to guess at its schema",
            last.as_deref().unwrap_or("(none)"),
            releases::served_span()
        ))),
    }
}

impl UserRows for FlowiseStore {
    fn get_user_by_id(&self, id: &str) -> Result<Option<User>> {
        self.conn
            .query_row(
                &format!("{USER_QUERY} WHERE u.id = ?1"),
                [id.trim().to_ascii_lowercase()],
                row_to_user,
            )
            .optional()
            .map_err(|e| Error::db("cannot read users", e))
    }

    fn list_users(&self) -> Result<Vec<User>> {
        sqlite::rows(
            &self.conn,
            &format!("{USER_QUERY} ORDER BY u.createdDate, u.email"),
            [],
            row_to_user,
            "list users",
        )
    }

    fn begin_users(&mut self) -> Result<Box<dyn UsersTx + '_>> {
        let actor = self.actor.name();
        let audit_path = self.audit_path.clone();
        let facts = self.release.facts();
        let tx = self.begin()?;
        Ok(Box::new(FlowiseUsersTx {
            tx,
            audit: Pending::new(actor, audit_path),
            facts,
        }))
    }

    fn superuser_conflict(&self) -> Result<Option<String>> {
        let owner: Option<String> = self
            .conn
            .query_row(
                "SELECT coalesce(u.email, o.name) FROM organization o
                 LEFT JOIN \"user\" u ON u.id = o.createdBy
                 ORDER BY o.createdDate LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| Error::db("cannot read table organization", e))?;
        Ok(owner.map(|owner| {
            format!(
                "Flowise already has its organization, set up by \"{owner}\", and allows one; add another administrator with `authctl user add --superuser`, or reset a password with `authctl superuser --reset-password`"
            )
        }))
    }
}

impl FlowiseStore {
    /// What the database's release does differently.
    pub(crate) fn release_facts(&self) -> Facts {
        self.release.facts()
    }
}

impl Layout for FlowiseStore {
    fn app(&self) -> &'static str {
        "Flowise"
    }

    fn release(&self) -> Option<String> {
        Some(self.release.describe())
    }

    fn read_only_release(&self) -> bool {
        self.release.read_only()
    }

    fn refresh_tokens(&self) -> Option<&dyn RefreshTokens> {
        // Flowise keeps no record of the refresh tokens it issues.
        None
    }

    fn refresh_tokens_mut(&mut self) -> Option<&mut dyn RefreshTokens> {
        None
    }

    fn integrity_check(&self) -> Result<Vec<String>> {
        sqlite::integrity_check(&self.conn)
    }

    fn sessions_mut(&mut self) -> Option<&mut dyn Sessions> {
        Some(self)
    }
}

/// What Flowise's login strategy puts in a session for a user.
pub(super) struct LoggedIn<'a> {
    pub(super) id: &'a str,
    pub(super) email: &'a str,
    pub(super) name: &'a str,
    /// The workspace role.
    pub(super) role: &'a str,
    pub(super) organization: &'a str,
    pub(super) subscription: Option<String>,
    pub(super) customer: Option<String>,
    pub(super) admin: bool,
    pub(super) workspace: &'a str,
    pub(super) workspace_name: &'a str,
    pub(super) assigned: Vec<serde_json::Value>,
    pub(super) permissions: serde_json::Value,
}

/// The `sess` of a session: express-session's cookie and passport's user,
/// the LoggedInUser of Flowise 3.1.4's login.
pub(super) fn session_json(u: &LoggedIn<'_>) -> serde_json::Value {
    serde_json::json!({
        "cookie": {
            "originalMaxAge": null, "expires": null, "secure": false,
            "httpOnly": true, "path": "/", "sameSite": "lax"
        },
        "passport": { "user": {
            "id": u.id,
            "email": u.email,
            "name": u.name,
            "roleId": u.role,
            "activeOrganizationId": u.organization,
            "activeOrganizationSubscriptionId": u.subscription,
            "activeOrganizationCustomerId": u.customer,
            "activeOrganizationProductId": "",
            "isOrganizationAdmin": u.admin,
            "activeWorkspaceId": u.workspace,
            "activeWorkspace": u.workspace_name,
            "assignedWorkspaces": u.assigned,
            "permissions": u.permissions,
            "features": {},
        }},
    })
}

impl Sessions for FlowiseStore {
    /// A row of `login_sessions` as connect-sqlite3 writes it, holding the
    /// `LoggedInUser` Flowise 3.1.4's login strategy builds
    /// (`enterprise/middleware/passport/index.js`): the workspace its login
    /// picks (latest `lastLogin`, else any), that workspace role's
    /// permissions, `isOrganizationAdmin` from the organization role.
    fn open_session(&mut self, user: &User, sid: &str, expires_ms: i64) -> Result<SessionUser> {
        let (actor, audit_path) = (self.actor.name(), self.audit_path.clone());
        let tx = self.begin()?;
        if !sqlite::has_table(&tx, "login_sessions")? {
            return Err(Error::Conflict(
                "the Flowise database has no login_sessions table yet; start Flowise once with its database session store (EXPIRE_AUTH_TOKENS_ON_RESTART unset) to make it".into(),
            ));
        }
        let row = tx
            .query_row(
                "SELECT u.name, u.email, wu.workspaceId, w.name, wu.roleId, r.permissions,
                        w.organizationId, o.subscriptionId, o.customerId,
                        ou.roleId = (SELECT id FROM role WHERE name = 'owner' AND organizationId IS NULL)
                 FROM \"user\" u
                 JOIN workspace_user wu ON wu.userId = u.id
                 JOIN workspace w ON w.id = wu.workspaceId
                 JOIN role r ON r.id = wu.roleId
                 JOIN organization o ON o.id = w.organizationId
                 JOIN organization_user ou ON ou.organizationId = o.id AND ou.userId = u.id
                 WHERE u.id = ?1
                 ORDER BY wu.lastLogin IS NULL, wu.lastLogin DESC, wu.createdDate LIMIT 1",
                [&user.id],
                |r| {
                    Ok((
                        r.get::<_, Option<String>>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, String>(6)?,
                        r.get::<_, Option<String>>(7)?,
                        r.get::<_, Option<String>>(8)?,
                        r.get::<_, bool>(9)?,
                    ))
                },
            )
            .optional()
            .map_err(|e| Error::db("cannot read the user's workspace", e))?;
        let Some((name, email, ws, ws_name, role, permissions, org, sub, customer, admin)) = row
        else {
            return Err(refuse::no_workspace(
                &user.username,
                "so Flowise would refuse its login",
            ));
        };
        let assigned: Vec<serde_json::Value> = sqlite::rows(
            &tx,
            "SELECT w.id, w.name, r.name, w.organizationId FROM workspace_user wu
             JOIN workspace w ON w.id = wu.workspaceId LEFT JOIN role r ON r.id = wu.roleId
             WHERE wu.userId = ?1 ORDER BY wu.createdDate, w.id",
            [&user.id],
            |r| {
                Ok(serde_json::json!({
                    "id": r.get::<_, String>(0)?,
                    "name": r.get::<_, String>(1)?,
                    "role": r.get::<_, Option<String>>(2)?,
                    "organizationId": r.get::<_, String>(3)?,
                }))
            },
            "read the user's workspaces",
        )?;
        let permissions: serde_json::Value = serde_json::from_str(&permissions).map_err(|_| {
            Error::Failure(format!(
                "the permissions of role {role} are not JSON; Flowise could not log this user in either"
            ))
        })?;
        let name = name.unwrap_or_else(|| email.clone());
        let sess = session_json(&LoggedIn {
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
        tx.execute(
            "INSERT INTO login_sessions (sid, expired, sess) VALUES (?1, ?2, ?3)",
            rusqlite::params![sid, expires_ms as f64, sess.to_string()],
        )
        .map_err(|e| Error::db("cannot store the session", e))?;
        let record = crate::store::audit_file::audit_record(
            actor,
            "flowise.session_open",
            &user.username,
            serde_json::json!({ "workspace": ws, "expires_ms": expires_ms }),
        );
        crate::store::audit_file::commit_sqlite(tx, &audit_path, &[record])?;
        Ok(SessionUser {
            id: user.id.clone(),
            name,
            workspace_id: ws,
            workspace: ws_name,
        })
    }
}

/// The API keys, with their permissions where the release has the column.
pub(super) fn api_key_query(facts: Facts) -> String {
    format!(
        "SELECT a.id, a.keyName, a.workspaceId, w.name, a.createdDate, {}
         FROM apikey a LEFT JOIN workspace w ON w.id = a.workspaceId",
        permissions_column(facts)
    )
}

/// `a.permissions`, or NULL for a release whose keys have none.
pub(super) fn permissions_column(facts: Facts) -> &'static str {
    match facts.api_key_permissions {
        true => "a.permissions",
        false => "NULL",
    }
}

pub(super) fn row_to_api_key(r: &rusqlite::Row<'_>) -> rusqlite::Result<ApiKey> {
    let created: Option<String> = r.get(4)?;
    let workspace_id: Option<String> = r.get(2)?;
    let workspace_name: Option<String> = r.get(3)?;
    let permissions: Option<String> = r.get(5)?;
    Ok(ApiKey {
        id: r.get(0)?,
        name: r.get(1)?,
        user_id: String::new(),
        username: None,
        created_at: created.as_deref().map(to_rfc3339),
        last_used_at: None,
        active: true,
        workspace: workspace_name.or(workspace_id).or(Some(String::new())),
        // NULL where the release keeps no permissions on keys.
        permissions: permissions.map(|p| serde_json::from_str(&p).unwrap_or_default()),
    })
}

/// The workspace a user's new API key goes to (the one its login picks:
/// the latest `lastLogin`, else any), with what the user may grant.
pub(super) struct KeyHome {
    workspace: String,
    workspace_name: String,
    /// Permissions the key may have: the user's workspace role's, or for
    /// an organization admin every permission Flowise's full role has.
    allowed: Vec<String>,
    admin: bool,
}

impl KeyHome {
    /// `new` as listed once stored in this workspace under `id`.
    pub(super) fn key(
        self,
        new: &NewApiKey,
        id: String,
        created_at: Option<String>,
        permissions: Vec<String>,
    ) -> ApiKey {
        ApiKey {
            // Flowise keys belong to the workspace, not to the user.
            user_id: String::new(),
            username: None,
            workspace: Some(self.workspace_name),
            permissions: Some(permissions),
            ..new.listed(id, created_at)
        }
    }
}

impl FlowiseStore {
    fn key_home(conn: &Connection, user: &User) -> Result<KeyHome> {
        let row: Option<(String, String, String)> = conn
            .query_row(
                "SELECT wu.workspaceId, w.name, r.permissions FROM workspace_user wu
                 JOIN workspace w ON w.id = wu.workspaceId JOIN role r ON r.id = wu.roleId
                 WHERE wu.userId = ?1
                 ORDER BY wu.lastLogin IS NULL, wu.lastLogin DESC, wu.createdDate LIMIT 1",
                [&user.id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(|e| Error::db("cannot read the user's workspaces", e))?;
        let (workspace, workspace_name, role_permissions) = row.ok_or_else(|| {
            refuse::no_workspace(&user.username, "and Flowise keys belong to one")
        })?;
        let full: String = conn
            .query_row(
                "SELECT permissions FROM role WHERE name = ?1 AND organizationId IS NULL",
                [PERSONAL_WORKSPACE_ROLE],
                |r| r.get(0),
            )
            .map_err(|e| Error::db("cannot read table role", e))?;
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

/// Permissions no Flowise API key may have (`validatePermissions`).
pub(super) fn restricted(permission: &str) -> bool {
    permission.starts_with("workspace:") || permission.starts_with("admin:")
}

/// The permissions a new key gets: `asked`, checked as Flowise checks
/// them, or every one the user may grant.
pub(super) fn key_permissions(asked: &[String], home: &KeyHome, user: &str) -> Result<Vec<String>> {
    if asked.is_empty() {
        return Ok(home.allowed.clone());
    }
    if let Some(p) = asked.iter().find(|p| restricted(p)) {
        return Err(Error::usage(format!(
            "--permission {p}: Flowise never gives an API key workspace or admin permissions"
        )));
    }
    if let Some(p) = asked.iter().find(|p| !home.allowed.contains(p)) {
        return Err(Error::usage(if home.admin {
            format!("--permission {p} is not a Flowise permission; see Flowise's API key dialog for the names (chatflows:view, credentials:view, ...)")
        } else {
            format!("--permission {p} exceeds what \"{user}\" may do in its workspace, which Flowise refuses")
        }));
    }
    let mut out: Vec<String> = Vec::new();
    for p in asked {
        if !out.contains(p) {
            out.push(p.clone());
        }
    }
    Ok(out)
}

impl ApiKeys for FlowiseStore {
    fn api_key_storage(&self) -> ApiKeyStorage {
        ApiKeyStorage::PlainAndScrypt
    }

    fn list_api_keys(&self) -> Result<Vec<ApiKey>> {
        sqlite::rows(
            &self.conn,
            &format!(
                "{} ORDER BY a.createdDate, a.id",
                api_key_query(self.release.facts())
            ),
            [],
            row_to_api_key,
            "list API keys",
        )
    }

    fn api_keys_of(&self, user: &User) -> Result<Vec<ApiKey>> {
        keys_of(&self.conn, self.release.facts(), user)
    }

    fn revoke_api_key(&mut self, id_or_name: &str) -> Result<ApiKey> {
        let (actor, audit_path) = (self.actor.name(), self.audit_path.clone());
        let facts = self.release.facts();
        let tx = self.begin()?;
        let matches = sqlite::rows(
            &tx,
            &format!("{} WHERE a.id = ?1 OR a.keyName = ?2", api_key_query(facts)),
            [
                id_or_name.trim().to_ascii_lowercase(),
                id_or_name.to_string(),
            ],
            row_to_api_key,
            "read API keys",
        )?;
        let key = crate::store::single_api_key(matches, id_or_name)?;
        // Flowise's own deletion: the row goes; a chatflow that required
        // this key keeps refusing requests until it is given another.
        tx.execute("DELETE FROM apikey WHERE id = ?1", [&key.id])
            .map_err(|e| Error::db("cannot revoke the API key", e))?;
        let record = crate::store::audit_file::audit_record(
            actor,
            "apikey.revoke",
            key.workspace.as_deref().unwrap_or(""),
            serde_json::json!({ "id": key.id, "name": key.name }),
        );
        crate::store::audit_file::commit_sqlite(tx, &audit_path, &[record])?;
        Ok(ApiKey {
            active: false,
            ..key
        })
    }
}

/// The keys of the workspaces `user` is in: what acts for it.
pub(super) fn keys_of(conn: &Connection, facts: Facts, user: &User) -> Result<Vec<ApiKey>> {
    sqlite::rows(
        conn,
        &format!(
            "{} WHERE a.workspaceId IN (SELECT workspaceId FROM workspace_user WHERE userId = ?1)
             ORDER BY a.createdDate, a.id",
            api_key_query(facts)
        ),
        [&user.id],
        row_to_api_key,
        "list API keys",
    )
}

/// Store `new` in `tx` as Flowise does, in the user's workspace; the key
/// and its audit detail. A release before 3.0.13 keeps no permissions.
pub(super) fn insert_api_key(tx: &Connection, facts: Facts, new: &NewApiKey) -> Result<ApiKey> {
    use secrecy::ExposeSecret;
    let secret = crate::apps::flowise::apikey::secret_hash(&new.key)?;
    let home = FlowiseStore::key_home(tx, &new.user)?;
    let name = new.name.clone().unwrap_or_default();
    let id = uuid::Uuid::new_v4().to_string();
    let now = sqlite_now();
    if !facts.api_key_permissions {
        refuse_permissions(new)?;
        tx.execute(
            "INSERT INTO apikey (id, apiKey, apiSecret, keyName, createdDate, updatedDate, workspaceId)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)",
            rusqlite::params![id, new.key.expose_secret(), secret, name, now, home.workspace],
        )
        .map_err(|e| Error::db("cannot store the API key", e))?;
        let key = home.key(new, id, Some(to_rfc3339(&now)), Vec::new());
        return Ok(ApiKey {
            permissions: None,
            ..key
        });
    }
    let permissions = key_permissions(&new.permissions, &home, &new.user.username)?;
    let json = serde_json::to_string(&permissions).unwrap_or_else(|_| "[]".into());
    tx.execute(
        "INSERT INTO apikey (id, apiKey, apiSecret, keyName, createdDate, updatedDate, workspaceId, permissions)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7)",
        rusqlite::params![id, new.key.expose_secret(), secret, name, now, home.workspace, json],
    )
    .map_err(|e| Error::db("cannot store the API key", e))?;
    Ok(home.key(new, id, Some(to_rfc3339(&now)), permissions))
}

/// Permissions asked of a release whose API keys have none.
pub(super) fn refuse_permissions(new: &NewApiKey) -> Result<()> {
    match new.permissions.first() {
        None => Ok(()),
        Some(p) => Err(Error::usage(format!(
            "permission {p}: this Flowise release keeps no permissions on API keys (they came with 3.0.13); leave the permissions out"
        ))),
    }
}

/// Every column Flowise 3.1.4 encrypts with `encryption.key` (whole
/// CryptoJS values), with what names a row in messages.
pub const ENCRYPTED_COLUMNS: &[(&str, &str, &str)] = &[
    ("credential", "encryptedData", "name"),
    ("custom_mcp_server", "authConfig", "name"),
    ("chat_flow", "webhookSecret", "name"),
    ("login_method", "config", "name"),
];

impl EncryptedValues for FlowiseStore {
    fn reencrypt(
        &mut self,
        rekey: &mut dyn FnMut(&str, &str) -> Result<String>,
        dry_run: bool,
    ) -> Result<Vec<Reencrypted>> {
        let (actor, audit_path) = (self.actor.name(), self.audit_path.clone());
        // A dry run (and key identification, and doctor) only reads.
        let tx = if dry_run {
            sqlite::read_tx(&mut self.conn, &self.path)?
        } else {
            self.release.refuse_reencrypt()?;
            self.begin()?
        };
        let mut report = Vec::new();
        for (table, column, label_col) in ENCRYPTED_COLUMNS {
            if !sqlite::has_table(&tx, table)? || !sqlite::has_column(&tx, table, column)? {
                continue;
            }
            let rows: Vec<(String, String, String)> = sqlite::rows(
                &tx,
                &format!(
                    "SELECT CAST(id AS TEXT), coalesce(CAST({l} AS TEXT), ''), {c} FROM {t}
                     WHERE {c} IS NOT NULL AND {c} <> ''",
                    c = sqlite::quote(column),
                    t = sqlite::quote(table),
                    l = sqlite::quote(label_col),
                ),
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                &format!("read {table}.{column}"),
            )?;
            let mut count = 0;
            for (id, name, value) in rows {
                let label = format!("{table}.{column} of \"{name}\" (id {id})");
                let new_value = rekey(&value, &label)?;
                count += 1;
                if dry_run {
                    continue;
                }
                tx.execute(
                    &format!(
                        "UPDATE {} SET {} = ?1 WHERE id = ?2",
                        sqlite::quote(table),
                        sqlite::quote(column)
                    ),
                    rusqlite::params![new_value, id],
                )
                .map_err(|e| Error::db(format!("cannot update {label}"), e))?;
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
        let total: usize = report.iter().map(|r| r.values).sum();
        let record = crate::store::audit_file::audit_record(
            actor,
            "secret.rotate",
            "encryption.key",
            serde_json::json!({ "values": total }),
        );
        crate::store::audit_file::commit_sqlite(tx, &audit_path, &[record])?;
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_checked_as_flowise_checks_them() {
        for ok in ["admin@example.com", "a.b+c%d_e-f@sub.example.co", "X@Y.ZZ"] {
            assert!(is_valid_email(ok), "{ok}");
        }
        for bad in [
            "admin",
            "@example.com",
            "a@example",
            "a@example.c",
            "a@example.c0m",
            "a b@example.com",
            "a@b@example.com",
            "josé@example.com",
            "a@.com",
        ] {
            assert!(!is_valid_email(bad), "{bad}");
        }
        assert!(!is_valid_email(&format!("{}@example.com", "a".repeat(250))));
    }

    #[test]
    fn times_read_as_rfc3339() {
        assert_eq!(
            to_rfc3339("2026-12-01 20:18:53"),
            "2026-12-01T20:18:53.000000Z"
        );
        assert_eq!(
            to_rfc3339("2026-12-01 20:19:40.123"),
            "2026-12-01T20:19:40.123000Z"
        );
        assert_eq!(
            to_rfc3339("2026-12-01T20:19:40.123Z"),
            "2026-12-01T20:19:40.123000Z"
        );
        assert_eq!(sqlite_now().len(), 19);
    }

    #[test]
    fn only_known_migrations_are_accepted() {
        let names = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let known = place_release(
            &names(&[releases::RELEASES[0].sqlite]),
            "db",
            Access::Write,
            false,
        );
        assert!(known.is_ok());
        for last in [&[][..], &["AddSomethingNew1800000000000"][..]] {
            let err = place_release(&names(last), "db", Access::Read, false)
                .err()
                .unwrap();
            assert_eq!(err.exit_code(), 6);
            assert!(err.to_string().contains("Flowise 3.0.1–3.1.4"), "{err}");
        }
        let newer = names(&[releases::RELEASES[0].sqlite, "AddSomethingNew1800000000000"]);
        assert!(place_release(&newer, "db", Access::Read, false)
            .unwrap()
            .read_only());
        let err = place_release(&newer, "db", Access::Write, false)
            .err()
            .unwrap();
        assert_eq!(err.exit_code(), 6);
    }
}
