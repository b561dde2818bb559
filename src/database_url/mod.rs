//! Where the store is: a database URL as the apps write it, parsed once.
//!
//! SQLite (a file path or `sqlite:///path`) and PostgreSQL (`pg`: a
//! libpq-style URL); every other scheme is refused with the reason. The
//! `Display` form is what messages show: for SQLite the file path, for
//! PostgreSQL the URL with its password replaced by `****`.

use crate::error::{Error, Result};
use std::path::PathBuf;

pub(crate) mod pg;

pub use pg::{PgEnv, PgHost, PgUrl, SslMode};

/// A parsed `--db` / `*_DATABASE_URL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// A SQLite file.
    Sqlite(PathBuf),
    /// A PostgreSQL database.
    Postgres(Box<PgUrl>),
}

impl DatabaseUrl {
    /// Parse `--db` / `*_DATABASE_URL`; PostgreSQL's fallbacks (`PGPASSWORD`,
    /// `~/.pgpass`, ...) come from `env`.
    pub fn parse(url: &str, env: &dyn PgEnv) -> Result<Self> {
        if pg::is_postgres(url.trim()) {
            return pg::parse(url.trim(), env).map(|u| DatabaseUrl::Postgres(Box::new(u)));
        }
        parse_sqlite(url).map(DatabaseUrl::Sqlite)
    }
}

impl std::fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DatabaseUrl::Sqlite(path) => write!(f, "{}", path.display()),
            DatabaseUrl::Postgres(url) => write!(f, "{url}"),
        }
    }
}

/// Turn `--db` / `*_DATABASE_URL` into a file path.
///
/// A plain path is used as it is. A URL follows SQLAlchemy's form, which
/// the apps use: `sqlite:///relative.db` and `sqlite:////abs/path.db`
/// (`sqlite:///` then the path); a query string is ignored.
fn parse_sqlite(url: &str) -> Result<PathBuf> {
    let url = url.trim();
    if url.is_empty() {
        return Err(Error::usage("the database path is empty; pass --db PATH"));
    }
    let Some(rest) = url.strip_prefix("sqlite:") else {
        if url.contains("://") {
            let scheme = url.split("://").next().unwrap_or_default();
            return Err(Error::usage(format!(
                "database URL scheme \"{scheme}\" is not supported; use sqlite:///path, a file path, or postgresql://USER@HOST:PORT/DBNAME"
            )));
        }
        return Ok(PathBuf::from(url));
    };
    let rest = rest.split('?').next().unwrap_or_default();
    let path = rest
        .strip_prefix("///")
        .filter(|p| !p.is_empty() && *p != ":memory:")
        .ok_or_else(|| {
            Error::usage(format!(
                "database URL \"{}\" has no file path; use sqlite:///relative.db or sqlite:////abs/path.db",
                without_credentials(url)
            ))
        })?;
    Ok(PathBuf::from(path))
}

/// `url` as it may be shown: credentials before an `@` in its authority
/// (a password among them) replaced by `****`.
fn without_credentials(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let authority = &rest[..rest.find('/').unwrap_or(rest.len())];
    match authority.rfind('@') {
        Some(at) => format!("{scheme}://****@{}", &rest[at + 1..]),
        None => url.to_string(),
    }
}

/// The OS user running authctl: PostgreSQL's default user, as libpq's,
/// and the audit actor.
pub fn os_user() -> String {
    whoami::username().unwrap_or_else(|_| "unknown".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_urls() {
        assert_eq!(parse_sqlite("/a/b.db").unwrap(), PathBuf::from("/a/b.db"));
        assert_eq!(
            parse_sqlite("sqlite:////a/b.db").unwrap(),
            PathBuf::from("/a/b.db")
        );
        assert_eq!(
            parse_sqlite("sqlite:///rel.db?mode=rw").unwrap(),
            PathBuf::from("rel.db")
        );
        for bad in ["", "sqlite://", "sqlite:///:memory:", "mysql://u@h/db"] {
            assert_eq!(parse_sqlite(bad).unwrap_err().exit_code(), 2, "{bad}");
        }
        // Open WebUI builds `sqlite://user:password@host:port/name` from
        // DATABASE_TYPE=sqlite and its parts: the refusal hides the password.
        let e = parse_sqlite("sqlite://owui:Pw-Secret-1@db:5432/x").unwrap_err();
        assert!(!e.to_string().contains("Pw-Secret-1"), "{e}");
        assert!(e.to_string().contains("sqlite://****@db:5432/x"), "{e}");
    }
}
