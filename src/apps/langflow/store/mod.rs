//! A Langflow database of a release authctl serves (`releases`), used as
//! it is.
//!
//! Invariants: Langflow's schema and alembic revision are never altered,
//! and no table of authctl's is created in it; a release not served is
//! refused, and a newer one (a head authctl does not know, with 1.13's
//! schema) is only read. Rows are written the way Langflow writes them: ids
//! as 32 lowercase hex digits, naive-UTC datetimes with microseconds,
//! booleans as 0/1, bcrypt `$2b$` passwords. Foreign keys stay off, as
//! Langflow leaves them, so dependent rows are handled explicitly. The audit
//! trail goes to a JSON-lines file in the config dir.
//!
//! Here: opening and the revision check, reads, API keys. `codec`: row
//! formats. `users`: write transactions on users and what a deleted user
//! takes with it. `encrypted`: the columns under the secret key and their
//! re-encryption.

use crate::store::audit_file::Pending;
use crate::store::{
    api_key_not_found, single_api_key, sqlite, Access, ApiKey, ApiKeyStorage, ApiKeys, AuditRecord,
    Layout, NewApiKey, RefreshTokens, User, UserRows, UsersTx,
};
mod codec;
mod encrypted;
pub(crate) mod pg;
mod users;

use crate::store::audit_file::append_audit;
pub use crate::store::audit_file::AUDIT_FILE;
pub use codec::{hex_id, naive_now};
use codec::{row_to_api_key, row_to_user, API_KEY_QUERY, USER_QUERY};
use users::LangflowUsersTx;

use crate::error::{Error, Result};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde_json::Value;
use std::path::{Path, PathBuf};

use super::releases::{self, Facts, Release};

/// What makes Langflow's database when it is missing ([`crate::apps::App::missing_database_fix`]).
pub(crate) const MISSING_DATABASE_FIX: &str =
    "start Langflow once to create it, or point --db / LANGFLOW_DATABASE_URL at it";

/// The store over one Langflow database.
pub struct LangflowStore {
    conn: Connection,
    actor: crate::store::Actor,
    path: PathBuf,
    audit_path: PathBuf,
    /// The release the database is (its alembic head).
    release: Known,
}

impl LangflowStore {
    /// Open an existing Langflow database. authctl never creates one: a
    /// missing file is `None` for reads and NotFound for writes.
    pub fn open(
        path: &Path,
        access: Access,
        actor: crate::store::Actor,
        audit_path: PathBuf,
        allow_unknown: bool,
    ) -> Result<Option<Self>> {
        let Some((conn, schema)) =
            sqlite::open_existing(path, access, "Langflow", MISSING_DATABASE_FIX, false)?
        else {
            return Ok(None);
        };
        let release = Self::check_revision(&conn, path, &schema, access, allow_unknown)?;
        Ok(Some(LangflowStore {
            conn,
            actor,
            path: path.to_path_buf(),
            audit_path,
            release,
        }))
    }

    fn check_revision(
        conn: &Connection,
        path: &Path,
        schema: &sqlite::Schema,
        access: Access,
        allow_unknown: bool,
    ) -> Result<Known> {
        let shown = format!("\"{}\"", path.display());
        crate::apps::refuse_foreign("langflow", &schema.tables, schema.user_version, &shown)?;
        if !schema.has_table("alembic_version") {
            return Err(not_langflow(&shown));
        }
        let revisions: Vec<String> = conn
            .prepare("SELECT version_num FROM alembic_version")
            .and_then(|mut stmt| stmt.query_map([], |r| r.get(0))?.collect())
            .map_err(|e| sqlite::describe(e, path))?;
        // Only a head it does not know needs the schema looked at.
        let mut newest_schema =
            || Ok(schema.has_table("user") && sqlite::has_column(conn, "user", "retired_at")?);
        check_revisions(
            &revisions,
            &shown,
            access,
            allow_unknown,
            &mut newest_schema,
        )
    }

    fn write_tx(&mut self) -> Result<Transaction<'_>> {
        self.release.refuse_write()?;
        if self.release.unknown_allowed() {
            let mut problems = Vec::new();
            for (table, columns) in WRITTEN {
                problems.extend(sqlite::unwritable(&self.conn, table, columns)?);
            }
            self.release.fits(&problems)?;
        }
        crate::store::audit_file::prepare(&self.audit_path)?;
        self.conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| sqlite::describe(e, &self.path))
    }

    fn commit(tx: Transaction<'_>) -> Result<()> {
        tx.commit()
            .map_err(|e| Error::db("cannot commit the change", e))
    }

    /// Append one audit record after a committed change.
    fn audit(&self, action: &str, target: &str, detail: Value) {
        append_audit(&self.audit_path, &[self.record(action, target, detail)]);
    }

    fn record(&self, action: &str, target: &str, detail: Value) -> AuditRecord {
        crate::store::audit_file::audit_record(self.actor.name(), action, target, detail)
    }
}

/// The refusal of a database without `alembic_version` that no other app
/// owns. `shown` names the database.
pub(super) fn not_langflow(shown: &str) -> Error {
    Error::usage(format!(
        "{shown} is not a Langflow database (it has no alembic_version table); authctl knows {}; check --db or LANGFLOW_DATABASE_URL",
        crate::store::KNOWN_LAYOUTS
    ))
}

/// The release a database is: one authctl serves, or (`unknown_head`) a
/// newer one it reads as the newest it knows.
#[derive(Clone)]
pub(super) struct Known {
    release: &'static Release,
    unknown_head: Option<String>,
    /// `--allow-unknown-release`: an unknown head may be written after
    /// the columns written are checked.
    allowed: bool,
    /// The database, as messages name it.
    shown: String,
}

/// The columns authctl writes in a Langflow database (as the newest
/// release it knows has them), checked against a release it does not know
/// before anything is written there.
pub(super) const WRITTEN: &[(&str, &[&str])] = &[
    (
        "user",
        &[
            "id",
            "username",
            "password",
            "profile_image",
            "is_active",
            "is_superuser",
            "create_at",
            "updated_at",
            "last_login_at",
            "store_api_key",
            "optins",
        ],
    ),
    (
        "apikey",
        &[
            "name",
            "last_used_at",
            "total_uses",
            "is_active",
            "expires_at",
            "id",
            "created_at",
            "api_key",
            "api_key_hash",
            "user_id",
        ],
    ),
];

impl Known {
    /// Refuse to change a database of a release authctl does not know
    /// (opened to read, as a command that writes after reading does).
    pub(super) fn refuse_write(&self) -> Result<()> {
        match &self.unknown_head {
            Some(head) if !self.allowed => Err(unknown_release(&self.shown, head)),
            _ => Ok(()),
        }
    }

    /// Refuse to re-encrypt a database of a release authctl does not know,
    /// `--allow-unknown-release` or not: a newer release may keep values
    /// under the key in columns authctl does not know, which would be left
    /// under a key that is gone.
    pub(super) fn refuse_reencrypt(&self) -> Result<()> {
        match &self.unknown_head {
            Some(head) if self.allowed => Err(Error::Release(format!(
                "Langflow database {} is at alembic revision {head}, which this authctl does not know; --allow-unknown-release does not cover re-encryption, since a newer release may keep encrypted values in columns authctl does not know; nothing was changed; upgrade authctl",
                self.shown
            ))),
            _ => self.refuse_write(),
        }
    }

    /// Whether this is an unknown release `--allow-unknown-release` lets
    /// authctl write, once what it writes is checked.
    pub(super) fn unknown_allowed(&self) -> bool {
        self.unknown_head.is_some() && self.allowed
    }

    /// Refuse a write the checked schema does not take (`problems`).
    pub(super) fn fits(&self, problems: &[String]) -> Result<()> {
        match problems.is_empty() {
            true => Ok(()),
            false => Err(crate::store::unfit_release(
                "Langflow",
                &self.shown,
                problems,
            )),
        }
    }

    /// What the release does differently (an unknown newer head is read
    /// as the newest known).
    pub(super) fn facts(&self) -> Facts {
        self.release.facts
    }

    /// How the release encrypts stored values, where it is not the newest
    /// way.
    pub(super) fn scheme(&self) -> Option<&'static dyn crate::secrets::rotate::Scheme> {
        use crate::secrets::rotate::FernetKey;
        use crate::secrets::Derivation;
        static SEEDED: FernetKey = FernetKey(Derivation::RandomSeed);
        static UNSETTLED: FernetKey = FernetKey(releases::UNSETTLED);
        match self.release.facts.derivation {
            Derivation::Sha256 => None,
            Derivation::RandomSeed => Some(&SEEDED),
            Derivation::Unsettled(_) => Some(&UNSETTLED),
        }
    }

    /// How `doctor` names it.
    pub(super) fn describe(&self) -> String {
        match &self.unknown_head {
            None => format!(
                "Langflow {}, alembic {}",
                self.release.versions, self.release.head
            ),
            Some(head) => format!(
                "a Langflow release newer than {} (alembic {head}, which this authctl does not know), read as {}'s",
                self.release.versions, self.release.versions
            ),
        }
    }
}

/// The refusal to change a database at alembic revision `head`, which
/// this authctl does not know.
fn unknown_release(shown: &str, head: &str) -> Error {
    Error::Release(format!(
        "Langflow database {shown} is at alembic revision {head}, which this authctl does not know (it serves {}, the newest {}); it reads such a database but changes nothing in it: upgrade authctl, or pass --allow-unknown-release to write after checking every column it writes",
        releases::served_span(),
        releases::RELEASES[0].versions
    ))
}

/// The refusal of an alembic state authctl cannot place: no head, several,
/// or one it does not know on a schema older than the newest it knows.
fn unplaced(shown: &str, revisions: &[String]) -> Error {
    Error::Release(format!(
        "Langflow database {shown} is at alembic revision {}, which this authctl does not know (it serves {}); refusing to guess at its schema",
        if revisions.is_empty() {
            "(none)".to_string()
        } else {
            revisions.join(", ")
        },
        releases::served_span()
    ))
}

/// The release a database's alembic state is, refused unless it is one
/// authctl serves. A head authctl does not know on a database with the
/// newest known release's schema (`newest_schema`, asked only then: its
/// `user.retired_at`)
/// is a newer release's: read as the newest known, with a warning; never
/// written. Any other head it does not know (a release before 1.1, a
/// development build) is refused.
fn check_revisions(
    revisions: &[String],
    shown: &str,
    access: Access,
    allow_unknown: bool,
    newest_schema: &mut dyn FnMut() -> Result<bool>,
) -> Result<Known> {
    let release = match revisions {
        [r] => releases::by_head(r),
        _ => None,
    };
    let newest = &releases::RELEASES[0];
    if let ([head], None) = (revisions, release) {
        if !newest_schema()? {
            return Err(unplaced(shown, revisions));
        }
        if access == Access::Write && !allow_unknown {
            return Err(unknown_release(shown, head));
        }
        crate::output::defer_warning(match allow_unknown {
            false => format!(
                "Langflow database {shown} is at alembic revision {head}, which this authctl does not know: a release newer than Langflow {}, read as that one's; upgrade authctl before changing anything in it",
                newest.versions
            ),
            true => format!(
                "Langflow database {shown} is at alembic revision {head}, which this authctl does not know: a release newer than Langflow {}, read as that one's, and with --allow-unknown-release written as that one's once every column written is checked",
                newest.versions
            ),
        });
        return Ok(Known {
            release: newest,
            unknown_head: Some(head.clone()),
            allowed: allow_unknown,
            shown: shown.to_string(),
        });
    }
    match release {
        Some(release) => Ok(Known {
            release,
            unknown_head: None,
            allowed: allow_unknown,
            shown: shown.to_string(),
        }),
        None => Err(unplaced(shown, revisions)),
    }
}

impl UserRows for LangflowStore {
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
        let facts = self.release.facts();
        let tx = self.write_tx()?;
        Ok(Box::new(LangflowUsersTx {
            tx,
            audit: Pending::new(actor, audit_path),
            facts,
        }))
    }
}

impl Layout for LangflowStore {
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
        sqlite::integrity_check(&self.conn)
    }
}

impl ApiKeys for LangflowStore {
    fn api_key_storage(&self) -> ApiKeyStorage {
        self.release.facts().api_keys
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
        );
        Ok(ApiKey {
            active: false,
            ..key
        })
    }
}

/// The `apikey` columns a release has and the value each takes, for a new
/// key stored as that release stores it: the key itself up to 1.7, its
/// Fernet token from 1.8, with its SHA-256 from 1.9, `expires_at` from
/// 1.10. Shared by both engines.
pub(super) fn api_key_values(facts: Facts, new: &NewApiKey) -> Result<Vec<(&'static str, String)>> {
    use secrecy::ExposeSecret;
    let encrypted = || {
        new.encrypted
            .clone()
            .ok_or_else(|| Error::Failure("a Langflow API key needs its encrypted form".into()))
    };
    let mut values = vec![(
        "api_key",
        match facts.api_keys {
            ApiKeyStorage::Plain => new.key.expose_secret().to_string(),
            _ => encrypted()?,
        },
    )];
    if facts.api_keys == ApiKeyStorage::EncryptedAndHash {
        values.push(("api_key_hash", new.sha256_hex.clone()));
    }
    Ok(values)
}

/// Whether stored key `key` is the key `new` holds, as the release can
/// tell: by its hash, or the key itself where it is kept plain. Langflow
/// 1.8 keeps only the Fernet token, which says nothing without the secret
/// key.
pub(super) fn same_key_query(facts: Facts, key: &ApiKey, new: &NewApiKey) -> Result<SameKey> {
    match facts.api_keys {
        ApiKeyStorage::Plain => Ok(SameKey::HashOfStored),
        ApiKeyStorage::EncryptedAndHash => Ok(SameKey::Column(
            "api_key_hash",
            new.sha256_hex.clone(),
        )),
        _ => Err(Error::Release(format!(
            "this Langflow release keeps API keys encrypted without a hash, so authctl cannot tell whether the stored key \"{}\" is the declared one; revoke it (`authctl apikey revoke {}`) and apply again, or leave key_env and key_sha256 out",
            key.name.as_deref().unwrap_or(&key.id),
            key.id
        ))),
    }
}

/// How a release tells a stored key from another.
pub(super) enum SameKey {
    /// This column holds this value for the same key.
    Column(&'static str, String),
    /// The stored key is the key itself: its SHA-256 is compared.
    HashOfStored,
}

/// Whether `stored`, a key kept as it is, is the key whose SHA-256 is
/// `sha256_hex` (a declared key, or a declared hash).
pub(super) fn plain_key_is(stored: Option<String>, sha256_hex: &str) -> bool {
    stored.is_some_and(|k| {
        crate::apps::api_keys::sha256_hex(&secrecy::SecretString::from(k)) == sha256_hex
    })
}

/// Store `new` in `tx` as the release `facts` describe stores it.
pub(super) fn insert_api_key(tx: &Connection, facts: Facts, new: &NewApiKey) -> Result<ApiKey> {
    let id = uuid::Uuid::new_v4().simple().to_string();
    let values = api_key_values(facts, new)?;
    let mut columns =
        String::from("name, last_used_at, total_uses, is_active, id, created_at, user_id");
    let mut holes = String::from("?1, NULL, 0, 1, ?2, ?3, ?4");
    if facts.key_expiry {
        columns.push_str(", expires_at");
        holes.push_str(", NULL");
    }
    let mut params: Vec<Option<String>> = vec![
        new.name.clone(),
        Some(id.clone()),
        Some(naive_now()),
        Some(hex_id(&new.user.id)),
    ];
    for (column, value) in values {
        columns.push_str(", ");
        columns.push_str(column);
        params.push(Some(value));
        holes.push_str(&format!(", ?{}", params.len()));
    }
    tx.execute(
        &format!("INSERT INTO apikey ({columns}) VALUES ({holes})"),
        rusqlite::params_from_iter(params),
    )
    .map_err(|e| Error::db("cannot store the API key", e))?;
    tx.query_row(
        &format!("{API_KEY_QUERY} WHERE a.id = ?1"),
        [&id],
        row_to_api_key,
    )
    .map_err(|e| Error::db("cannot read the API key back", e))
}

#[cfg(test)]
mod tests {
    use super::codec::{hyphenated, to_rfc3339};
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
