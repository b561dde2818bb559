//! One way to speak SQL to Open WebUI's database on either engine.
//! Open WebUI's tables are the same on SQLite and PostgreSQL (ids and
//! emails as text, epoch-second `BIGINT` times, a `BOOLEAN`, `JSON`
//! columns), so each statement is written once, in PostgreSQL's dialect
//! with every parameter text and cast where the column wants another type
//! (`$1::bigint`), and every result column read as text. For SQLite the
//! casts are dropped and `$n` becomes `?n`: SQLite's column affinity turns
//! the text into the column's type, and booleans are written `1`/`0`,
//! which both engines read as booleans.

use crate::database_url::PgUrl;
use crate::error::{Error, Result};
use crate::store::postgres::{Pg, PgTx};
use crate::store::sqlite;
use rusqlite::{Connection, TransactionBehavior};
use std::cell::RefCell;
use std::path::PathBuf;

/// What makes Open WebUI's database when it is missing ([`crate::apps::App::missing_database_fix`]).
pub(crate) const MISSING_DATABASE_FIX: &str =
    "start Open WebUI once to create it, or point DATA_DIR, DATABASE_URL or --db at it";

/// A result row: each column as text, `None` for NULL.
pub(super) type Row = Vec<Option<String>>;

/// An open database.
pub(super) enum Engine {
    Sqlite { conn: Connection, path: PathBuf },
    Pg(Box<RefCell<Pg>>),
}

/// `sql`, written for PostgreSQL, as SQLite takes it.
pub(super) fn for_sqlite(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ':' if chars.peek() == Some(&':') => {
                chars.next();
                while chars
                    .peek()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_')
                {
                    chars.next();
                }
            }
            '$' => out.push('?'),
            c => out.push(c),
        }
    }
    out
}

fn sqlite_rows(conn: &Connection, sql: &str, params: &[&str], doing: &str) -> Result<Vec<Row>> {
    let run = || -> rusqlite::Result<Vec<Row>> {
        let mut stmt = conn.prepare(&for_sqlite(sql))?;
        let n = stmt.column_count();
        let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let mut values = Vec::with_capacity(n);
            for i in 0..n {
                use rusqlite::types::ValueRef;
                values.push(match row.get_ref(i)? {
                    ValueRef::Null => None,
                    ValueRef::Integer(v) => Some(v.to_string()),
                    ValueRef::Real(v) => Some(v.to_string()),
                    ValueRef::Text(t) | ValueRef::Blob(t) => {
                        Some(String::from_utf8_lossy(t).into_owned())
                    }
                });
            }
            out.push(values);
        }
        Ok(out)
    };
    run().map_err(|e| Error::db(format!("cannot {doing}"), e))
}

/// Each column as text: statements cast to text, and the few that
/// return a number or a boolean (`SELECT 1`, `RETURNING 1`) are read as
/// such; any other type is an error, never a panic.
fn pg_rows(rows: Vec<postgres::Row>, doing: &str) -> Result<Vec<Row>> {
    let cell = |r: &postgres::Row, i: usize| -> Option<Option<String>> {
        if let Ok(v) = r.try_get::<_, Option<String>>(i) {
            return Some(v);
        }
        if let Ok(v) = r.try_get::<_, Option<i32>>(i) {
            return Some(v.map(|n| n.to_string()));
        }
        if let Ok(v) = r.try_get::<_, Option<i64>>(i) {
            return Some(v.map(|n| n.to_string()));
        }
        r.try_get::<_, Option<bool>>(i)
            .ok()
            .map(|v| v.map(|b| b.to_string()))
    };
    rows.iter()
        .map(|r| {
            (0..r.len())
                .map(|i| {
                    cell(r, i).ok_or_else(|| {
                        Error::Failure(format!(
                            "cannot {doing}: column {} is of a type authctl does not read",
                            r.columns()[i].name()
                        ))
                    })
                })
                .collect()
        })
        .collect()
}

impl Engine {
    /// Open the SQLite file `path` Open WebUI made (`None`: there is none
    /// to read), with its table list.
    pub(super) fn sqlite(
        path: &std::path::Path,
        access: crate::store::Access,
    ) -> Result<Option<(Engine, Vec<String>)>> {
        // Foreign keys off, as Open WebUI leaves them on SQLite.
        let Some((conn, schema)) =
            sqlite::open_existing(path, access, "Open WebUI", MISSING_DATABASE_FIX, false)?
        else {
            return Ok(None);
        };
        Ok(Some((
            Engine::Sqlite {
                conn,
                path: path.to_path_buf(),
            },
            schema.tables,
        )))
    }

    /// Connect to `url`, with the table list.
    pub(super) fn pg(url: &PgUrl) -> Result<(Engine, Vec<String>)> {
        let mut pg = Pg::connect(url)?;
        let (tables, _) = pg.schema("alembic_version", "SELECT 1 AS v")?;
        Ok((Engine::Pg(Box::new(RefCell::new(pg))), tables))
    }

    /// The database as messages name it.
    pub(super) fn shown(&self) -> String {
        match self {
            Engine::Sqlite { path, .. } => format!("\"{}\"", path.display()),
            Engine::Pg(pg) => pg.borrow().url.target(),
        }
    }

    /// Rows of `sql` outside a transaction.
    pub(super) fn read(&self, sql: &str, params: &[&str], doing: &str) -> Result<Vec<Row>> {
        match self {
            Engine::Sqlite { conn, .. } => sqlite_rows(conn, sql, params, doing),
            Engine::Pg(pg) => pg_rows(pg.borrow_mut().rows(sql, params, doing)?, doing),
        }
    }

    /// A write transaction: SQLite's write lock from the start; on
    /// PostgreSQL, `lock` (table locks) first.
    pub(super) fn begin(&mut self, lock: &str) -> Result<Tx<'_>> {
        match self {
            Engine::Sqlite { conn, path } => conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map(Tx::Sqlite)
                .map_err(|e| sqlite::describe(e, path)),
            Engine::Pg(pg) => Ok(Tx::Pg(pg.get_mut().begin(lock)?)),
        }
    }

    /// A transaction that only reads, on one snapshot.
    pub(super) fn begin_read(&mut self) -> Result<Tx<'_>> {
        match self {
            Engine::Sqlite { conn, path } => sqlite::read_tx(conn, path).map(Tx::Sqlite),
            Engine::Pg(pg) => Ok(Tx::Pg(pg.get_mut().begin_read()?)),
        }
    }

    /// The engine's integrity findings.
    pub(super) fn integrity_check(&self) -> Result<Vec<String>> {
        match self {
            Engine::Sqlite { conn, .. } => sqlite::integrity_check(conn),
            Engine::Pg(pg) => pg.borrow_mut().invalid_indexes(),
        }
    }
}

/// A transaction on either engine; rolled back unless committed.
pub(super) enum Tx<'a> {
    Sqlite(rusqlite::Transaction<'a>),
    Pg(PgTx<'a>),
}

impl Tx<'_> {
    /// Rows of `sql` in the transaction.
    pub(super) fn rows(&mut self, sql: &str, params: &[&str], doing: &str) -> Result<Vec<Row>> {
        match self {
            Tx::Sqlite(tx) => sqlite_rows(tx, sql, params, doing),
            Tx::Pg(tx) => pg_rows(tx.rows(sql, params, doing)?, doing),
        }
    }

    /// Run `sql` for its effect.
    pub(super) fn exec(&mut self, sql: &str, params: &[&str], doing: &str) -> Result<()> {
        match self {
            Tx::Sqlite(tx) => tx
                .execute(&for_sqlite(sql), rusqlite::params_from_iter(params.iter()))
                .map(|_| ())
                .map_err(|e| Error::db(format!("cannot {doing}"), e)),
            Tx::Pg(tx) => tx.rows(sql, params, doing).map(|_| ()),
        }
    }

    /// Commit, then append the audit records held in `audit`.
    pub(super) fn commit(self, audit: crate::store::audit_file::Pending) -> Result<()> {
        match self {
            Tx::Sqlite(tx) => audit.commit_sqlite(tx),
            Tx::Pg(tx) => audit.commit_pg(tx),
        }
    }
}

/// A boolean column's text (`true`/`1`) as a boolean.
pub(super) fn truthy(value: &Option<String>) -> bool {
    matches!(value.as_deref(), Some("1" | "true" | "t"))
}

/// A number column's text as a number.
pub(super) fn number(value: &Option<String>) -> Option<i64> {
    let text = value.as_deref()?.trim();
    text.parse::<i64>()
        .ok()
        .or_else(|| text.parse::<f64>().ok().map(|f| f as i64))
}

#[cfg(test)]
mod tests {
    #[test]
    fn statements_translate_for_sqlite() {
        assert_eq!(
            super::for_sqlite(
                "UPDATE auth SET active = $2::boolean WHERE id = $1 RETURNING id::text"
            ),
            "UPDATE auth SET active = ?2 WHERE id = ?1 RETURNING id"
        );
    }
}
