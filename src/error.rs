//! The one error type of authctl and its exit codes.
//!
//! Every failure a command can meet maps to exactly one variant, and every
//! variant to one documented exit code (see `exit_code`). Messages name the
//! object and, where there is one, the fix; they never contain a secret.

use std::fmt::Write as _;

/// Result alias used across the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Exit codes, one table used everywhere (README and `--help` print it).
pub(crate) mod exit {
    /// Success.
    pub const OK: u8 = 0;
    /// A negative answer: a token that does not verify, a weak secret.
    pub const NEGATIVE: u8 = 1;
    /// Usage or invalid input, including a refused password.
    pub const USAGE: u8 = 2;
    /// Something named was not found (user, key, token).
    pub const NOT_FOUND: u8 = 3;
    /// Conflict: already exists, last active superuser, inactive user.
    pub const CONFLICT: u8 = 4;
    /// I/O, database or permission failure.
    pub const IO: u8 = 5;
    /// The database is an app release this authctl does not serve.
    pub const RELEASE: u8 = 6;
    /// Interrupted at a prompt.
    pub const INTERRUPTED: u8 = 130;
}

/// Every way a command can fail.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A negative answer that is not a malfunction (exit 1).
    #[error("{0}")]
    Negative(String),
    /// Bad usage or invalid input (exit 2).
    #[error("{0}")]
    Usage(String),
    /// A named thing does not exist (exit 3).
    #[error("{0}")]
    NotFound(String),
    /// The request conflicts with the current state (exit 4).
    #[error("{0}")]
    Conflict(String),
    /// A filesystem or OS failure (exit 5).
    #[error("{context}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    /// A database failure (exit 5), from whichever engine.
    #[error("{context}")]
    Database {
        context: String,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// Any other failure that is not the user's input (exit 5).
    #[error("{0}")]
    Failure(String),
    /// The database is a release of its app this authctl does not serve
    /// (exit 6): older than it reaches, or newer than it knows.
    #[error("{0}")]
    Release(String),
    /// The user interrupted a prompt (exit 130).
    #[error("interrupted")]
    Interrupted,
}

impl Error {
    /// The documented exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Negative(_) => exit::NEGATIVE,
            Error::Usage(_) => exit::USAGE,
            Error::NotFound(_) => exit::NOT_FOUND,
            Error::Conflict(_) => exit::CONFLICT,
            Error::Io { .. } | Error::Database { .. } | Error::Failure(_) => exit::IO,
            Error::Release(_) => exit::RELEASE,
            Error::Interrupted => exit::INTERRUPTED,
        }
    }

    /// Shorthand for a usage error.
    pub fn usage(msg: impl Into<String>) -> Self {
        Error::Usage(msg.into())
    }

    /// Wrap an I/O error with what was being done.
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        if source.kind() == std::io::ErrorKind::Interrupted {
            return Error::Interrupted;
        }
        Error::Io {
            context: context.into(),
            source,
        }
    }

    /// Wrap a database engine's error with what was being done.
    pub fn db(
        context: impl Into<String>,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        Error::Database {
            context: context.into(),
            source: Box::new(source),
        }
    }

    /// The message with its cause chain on one line, as printed at the edge:
    /// `cannot read "x": caused by: Permission denied (os error 13)`.
    pub fn one_line(&self) -> String {
        let mut out = self.to_string();
        let mut source = std::error::Error::source(self);
        while let Some(cause) = source {
            let _ = write!(out, ": caused by: {cause}");
            source = cause.source();
        }
        out.replace(['\n', '\r'], " ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_the_table() {
        let io = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let cases = [
            (Error::Negative("x".into()), 1),
            (Error::usage("x"), 2),
            (Error::NotFound("x".into()), 3),
            (Error::Conflict("x".into()), 4),
            (Error::io("x", io), 5),
            (Error::Failure("x".into()), 5),
            (Error::Interrupted, 130),
        ];
        for (err, code) in cases {
            assert_eq!(err.exit_code(), code, "{err:?}");
            // The README's table documents every code.
            let readme = include_str!("../README.md");
            assert!(readme.contains(&format!("\n| {code} | ")), "{code}");
        }
    }

    #[test]
    fn one_line_joins_the_cause_chain() {
        let err = Error::io(
            "cannot read \"f\"",
            std::io::Error::new(std::io::ErrorKind::NotFound, "gone\nreally"),
        );
        assert_eq!(err.one_line(), "cannot read \"f\": caused by: gone really");
        let interrupted = std::io::Error::from(std::io::ErrorKind::Interrupted);
        assert_eq!(Error::io("prompt", interrupted).exit_code(), 130);
    }
}
