//! The audit trail of a layout whose schema has no place for one: a
//! JSON-lines file in the config dir, appended and fsynced right after the
//! commit of the change each record describes.
//!
//! Invariant: what a command committed always reaches the user. The file
//! is checked for appending before the change begins ([`prepare`]); if the
//! append still fails after the commit (a full disk), the failure is kept
//! aside ([`take_deferred`]) instead of returned, so the command goes on to
//! print or write what it made (a new API key, generated passwords), and
//! `run` reports the failure after that, with its exit code.

use super::AuditRecord;
use crate::error::{Error, Result};
use serde_json::Value;
use std::io::Write;
use std::path::Path;

/// The file, in the config dir.
pub const AUDIT_FILE: &str = "authctl-audit.jsonl";

/// One audit record, stamped now.
pub fn audit_record(actor: String, action: &str, target: &str, detail: Value) -> AuditRecord {
    AuditRecord {
        at: crate::clock::now_rfc3339(),
        actor,
        action: action.to_string(),
        target: target.to_string(),
        detail,
    }
}

/// Audit failures after a commit, reported once the command's output is
/// out.
static DEFERRED: std::sync::Mutex<Vec<Error>> = std::sync::Mutex::new(Vec::new());

/// The audit failures that happened after a commit, oldest first.
pub fn take_deferred() -> Vec<Error> {
    let mut deferred = DEFERRED.lock().unwrap_or_else(|p| p.into_inner());
    std::mem::take(&mut *deferred)
}

/// Append `records` to the audit trail and fsync it; called only after
/// the change they record was committed. A failure is kept for
/// [`take_deferred`], never returned: the caller must still hand over what
/// it committed.
pub fn append_audit(path: &Path, records: &[AuditRecord]) {
    if let Err(e) = try_append(path, records) {
        DEFERRED.lock().unwrap_or_else(|p| p.into_inner()).push(e);
    }
}

fn try_append(path: &Path, records: &[AuditRecord]) -> Result<()> {
    if records.is_empty() {
        return Ok(());
    }
    let mut text = String::new();
    for record in records {
        text.push_str(&serde_json::to_string(record).unwrap_or_default());
        text.push('\n');
    }
    let mut file = crate::fsutil::open_append(path, crate::fsutil::SECRET_MODE).map_err(|e| {
        Error::Failure(format!(
            "the change was made but its audit record could not be written: {e}"
        ))
    })?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_data())
        .map_err(|e| {
            Error::io(
                format!(
                    "the change was made but its audit record could not be written to \"{}\"",
                    path.display()
                ),
                e,
            )
        })
}

/// Make the audit trail's place ready before a change begins: its
/// directory (the config dir, which need not hold the database, and may not
/// exist on the machine a one-off Job runs on) is made, and a symlink or
/// other non-regular file there stops the change. The append after the
/// commit never follows one planted meanwhile (O_NOFOLLOW).
pub fn prepare(path: &Path) -> Result<()> {
    if let Some(dir) = path.parent() {
        crate::fsutil::ensure_dir(dir)?;
    }
    crate::fsutil::replaceable(path)?;
    crate::fsutil::appendable(path).map_err(|e| {
        Error::io(
            format!(
                "the audit trail \"{}\" cannot be appended to, so nothing was changed; give this user write access to it (or run as its owner)",
                path.display()
            ),
            e,
        )
    })
}

/// Commit a PostgreSQL transaction, then append its audit records.
pub fn commit_pg(
    tx: crate::store::postgres::PgTx<'_>,
    path: &Path,
    records: &[AuditRecord],
) -> Result<()> {
    tx.commit()?;
    append_audit(path, records);
    Ok(())
}

/// The audit records of one write transaction, held until it commits and
/// appended to the audit file right after: what the file-audited layouts
/// (Langflow's, Flowise's) share on both engines.
pub struct Pending {
    actor: String,
    path: std::path::PathBuf,
    records: Vec<AuditRecord>,
}

impl Pending {
    /// Records by `actor`, for the audit file at `path`.
    pub fn new(actor: String, path: std::path::PathBuf) -> Self {
        Pending {
            actor,
            path,
            records: Vec::new(),
        }
    }

    /// Hold one record.
    pub fn push(&mut self, action: &str, target: &str, detail: serde_json::Value) {
        self.records
            .push(audit_record(self.actor.clone(), action, target, detail));
    }

    /// Commit `tx` (PostgreSQL), then append the records.
    pub fn commit_pg(self, tx: crate::store::postgres::PgTx<'_>) -> Result<()> {
        commit_pg(tx, &self.path, &self.records)
    }

    /// Run `commit` (an engine without transactions writes here), then
    /// append the records.
    pub fn commit_with(self, commit: impl FnOnce() -> Result<()>) -> Result<()> {
        commit()?;
        append_audit(&self.path, &self.records);
        Ok(())
    }

    /// Commit `tx` (SQLite), then append the records.
    pub fn commit_sqlite(self, tx: rusqlite::Transaction<'_>) -> Result<()> {
        commit_sqlite(tx, &self.path, &self.records)
    }
}

/// Commit a SQLite transaction, then append its audit records.
pub fn commit_sqlite(
    tx: rusqlite::Transaction<'_>,
    path: &Path,
    records: &[AuditRecord],
) -> Result<()> {
    tx.commit()
        .map_err(|e| Error::db("cannot commit the change", e))?;
    append_audit(path, records);
    Ok(())
}
