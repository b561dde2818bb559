//! The SQLite engine: opening files safely, and what is engine-specific
//! about reading a schema (introspection, the schema version, the
//! integrity check), shared by every layout.
//!
//! Invariants: a file that is not SQLite is refused before SQLite touches
//! it; a database authctl creates is 0600 from the first byte; every
//! connection has a busy timeout, and foreign keys as its layout expects
//! (on natively; off for an app that never enables them).

use crate::error::{Error, Result};
use crate::fsutil;
use rusqlite::{Connection, OpenFlags};
use std::io::Read;
use std::path::Path;
use std::time::Duration;

/// How long a writer waits for another writer before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Open `path`. Returns `None` when it does not exist and `create` is false.
///
/// The database file itself must not be a symbolic link (SQLite is told
/// `SQLITE_OPEN_NOFOLLOW`, so a link swapped in later is refused too);
/// symlinks in the directories above it are resolved first, as the
/// operator chose them.
pub fn open(path: &Path, create: bool, foreign_keys: bool) -> Result<Option<(Connection, Schema)>> {
    match fsutil::probe(path)? {
        None => {
            if !create {
                return Ok(None);
            }
            fsutil::create_private_file(path)?;
        }
        Some(m) if m.is_dir() => {
            return Err(Error::usage(format!(
                "database path \"{}\" is a directory; pass a file path with --db",
                path.display()
            )));
        }
        Some(m) if m.file_type().is_symlink() => {
            return Err(Error::Failure(format!(
                "database path \"{}\" is a symbolic link; authctl opens only the file itself: pass its real path with --db",
                path.display()
            )));
        }
        Some(m) if !m.is_file() => {
            return Err(Error::Failure(format!(
                "database path \"{}\" is not a regular file; pass the database file with --db",
                path.display()
            )));
        }
        Some(_) => {}
    }
    let path = &resolved(path)?;
    check_header(path)?;
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_NOFOLLOW,
    )
    .map_err(|e| Error::db(format!("cannot open database \"{}\"", path.display()), e))?;
    // What every layout checks first (the schema version and the table
    // list), read in one read transaction: one snapshot, whatever another
    // process migrates meanwhile. Plain statements: a table-valued pragma
    // or a JSON aggregate would cost more to prepare than the reads.
    let (user_version, tables) = conn
        .busy_timeout(BUSY_TIMEOUT)
        .and_then(|()| conn.pragma_update(None, "foreign_keys", foreign_keys))
        .and_then(|()| read_schema(&conn))
        .map_err(|e| describe(e, path))?;
    let schema = Schema {
        user_version,
        tables,
    };
    if create && conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
        return Err(read_only(path));
    }
    Ok(Some((conn, schema)))
}

/// `PRAGMA user_version` and every table but SQLite's own, sorted.
fn read_schema(conn: &Connection) -> rusqlite::Result<(i64, Vec<String>)> {
    conn.execute_batch("BEGIN")?;
    let version = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let tables = conn
        .prepare(
            "SELECT name FROM sqlite_master
             WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    conn.execute_batch("COMMIT")?;
    Ok((version, tables))
}

/// Open the database an app made, which authctl never creates: a missing
/// file is `None` for reads and NotFound (naming `fix`) for writes.
pub fn open_existing(
    path: &Path,
    access: super::Access,
    app: &str,
    fix: &str,
    foreign_keys: bool,
) -> Result<Option<(Connection, Schema)>> {
    if !fsutil::exists(path)? {
        return match access {
            super::Access::Read => Ok(None),
            super::Access::Write => Err(Error::NotFound(format!(
                "{app} database \"{}\" does not exist; {fix}",
                path.display()
            ))),
        };
    }
    open(path, false, foreign_keys)
}

/// What `open` read while checking the file.
#[derive(Debug, Clone, Default)]
pub struct Schema {
    /// `PRAGMA user_version`.
    pub user_version: i64,
    /// Every table but SQLite's own, sorted.
    pub tables: Vec<String>,
}

impl Schema {
    /// Whether the database has `table`.
    pub fn has_table(&self, table: &str) -> bool {
        self.tables.iter().any(|t| t == table)
    }
}

/// `path` with the directories above it resolved (their symlinks are the
/// operator's), the file name kept as it is.
fn resolved(path: &Path) -> Result<std::path::PathBuf> {
    let name = path.file_name().ok_or_else(|| {
        Error::usage(format!(
            "database path \"{}\" names no file; pass a file path with --db",
            path.display()
        ))
    })?;
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let dir = std::fs::canonicalize(parent).map_err(|e| {
        Error::io(
            format!(
                "cannot resolve the directory of database \"{}\"",
                path.display()
            ),
            e,
        )
    })?;
    Ok(dir.join(name))
}

fn read_only(path: &Path) -> Error {
    Error::Failure(format!(
        "database \"{}\" is read-only; check the permissions of the file and its directory",
        path.display()
    ))
}

/// Turn a SQLite error into a message that names the database.
pub fn describe(e: rusqlite::Error, path: &Path) -> Error {
    if let rusqlite::Error::SqliteFailure(f, _) = &e {
        if f.extended_code == rusqlite::ffi::SQLITE_READONLY_ROLLBACK {
            return Error::Failure(format!(
                "database \"{}\" has the journal of an interrupted write beside it, which only a process that may write the database and its directory can roll back; run authctl (or the app) once as that user",
                path.display()
            ));
        }
    }
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ReadOnly) => read_only(path),
        Some(rusqlite::ErrorCode::NotADatabase) => Error::Failure(format!(
            "\"{}\" is not a SQLite database; check --db or the database URL",
            path.display()
        )),
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => Error::Failure(format!(
            "database \"{}\" is corrupt; restore it from a backup",
            path.display()
        )),
        _ => Error::db(format!("cannot use database \"{}\"", path.display()), e),
    }
}

/// Refuse a file that is neither empty nor a SQLite database.
fn check_header(path: &Path) -> Result<()> {
    let mut head = Vec::with_capacity(16);
    let file = fsutil::open_regular(path, "database")?.ok_or_else(|| {
        Error::Failure(format!(
            "database \"{}\" disappeared while opening it",
            path.display()
        ))
    })?;
    file.take(16)
        .read_to_end(&mut head)
        .map_err(|e| Error::io(format!("cannot read database \"{}\"", path.display()), e))?;
    if head.is_empty() || head.as_slice() == SQLITE_MAGIC {
        Ok(())
    } else {
        Err(Error::Failure(format!(
            "\"{}\" is not a SQLite database; check --db or the database URL",
            path.display()
        )))
    }
}

/// A transaction that only reads (deferred: it takes no write lock, and
/// works on a file this process may not write), for commands that must
/// never write: dry runs, key identification, doctor.
pub fn read_tx<'c>(conn: &'c mut Connection, path: &Path) -> Result<rusqlite::Transaction<'c>> {
    conn.transaction_with_behavior(rusqlite::TransactionBehavior::Deferred)
        .map_err(|e| describe(e, path))
}

/// Whether a table exists.
pub fn has_table(conn: &Connection, name: &str) -> Result<bool> {
    conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
        [name],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n > 0)
    .map_err(|e| Error::db("cannot read the database schema", e))
}

/// Whether `table` has a column `column`.
pub fn has_column(conn: &Connection, table: &str, column: &str) -> Result<bool> {
    conn.query_row(
        "SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2",
        [table, column],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n > 0)
    .map_err(|e| Error::db("cannot read the schema", e))
}

/// What keeps authctl from writing `columns` of `table` as it does, in a
/// release whose schema it does not know: each column it writes that the
/// table lacks, and each the table requires (NOT NULL, no default) that it
/// does not write.
pub fn unwritable(conn: &Connection, table: &str, columns: &[&str]) -> Result<Vec<String>> {
    let present: Vec<(String, bool)> = rows(
        conn,
        "SELECT name, \"notnull\" AND dflt_value IS NULL AND NOT (pk AND upper(type) = 'INTEGER') FROM pragma_table_info(?1)",
        [table],
        |r| Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?)),
        "read the schema",
    )?;
    Ok(super::written_columns_problems(table, columns, &present))
}

/// Every foreign key that refers to `target`: (table, column, on_delete).
pub fn references_to(conn: &Connection, target: &str) -> Result<Vec<(String, String, String)>> {
    rows(
        conn,
        "SELECT m.name, p.\"from\", p.on_delete FROM sqlite_master m
         JOIN pragma_foreign_key_list(m.name) p
         WHERE m.type = 'table' AND p.\"table\" = ?1",
        [target],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        "read the schema",
    )
}

/// An identifier quoted for SQL.
pub fn quote(ident: &str) -> String {
    format!("\"{}\"", ident.replace('"', "\"\""))
}

/// `PRAGMA user_version`.
pub fn user_version(conn: &Connection) -> Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| Error::db("cannot read the database schema version", e))
}

/// Every row of `sql`, mapped by `map`; a failure says it could not `what`.
pub fn rows<T, P: rusqlite::Params>(
    conn: &Connection,
    sql: &str,
    params: P,
    map: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    what: &str,
) -> Result<Vec<T>> {
    conn.prepare(sql)
        .and_then(|mut stmt| stmt.query_map(params, map)?.collect())
        .map_err(|e| Error::db(format!("cannot {what}"), e))
}

/// `PRAGMA integrity_check` findings; empty when it answers "ok".
pub fn integrity_check(conn: &Connection) -> Result<Vec<String>> {
    let rows = rows(
        conn,
        "PRAGMA integrity_check",
        [],
        |r| r.get::<_, String>(0),
        "check the database",
    )?;
    Ok(rows.into_iter().filter(|r| r != "ok").collect())
}

/// Whether `sql` returns a row; a failure says it could not `what`.
pub fn exists<P: rusqlite::Params>(
    conn: &Connection,
    sql: &str,
    params: P,
    what: &str,
) -> Result<bool> {
    use rusqlite::OptionalExtension;
    conn.query_row(sql, params, |_| Ok(()))
        .optional()
        .map(|r| r.is_some())
        .map_err(|e| Error::db(format!("cannot {what}"), e))
}
