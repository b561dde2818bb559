//! The audit trail of a layout whose schema has no place for one: a
//! JSON-lines file in the config dir, appended and fsynced right after the
//! commit of the change each record describes.

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

/// Append `records` to the audit trail and fsync it; called only after
/// the change they record was committed, so a failure says so.
pub fn append_audit(path: &Path, records: &[AuditRecord]) -> Result<()> {
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
    Ok(())
}

/// Commit a PostgreSQL transaction, then append its audit records.
pub fn commit_pg(
    tx: crate::store::postgres::PgTx<'_>,
    path: &Path,
    records: &[AuditRecord],
) -> Result<()> {
    tx.commit()?;
    append_audit(path, records)
}

/// Commit a SQLite transaction, then append its audit records.
pub fn commit_sqlite(
    tx: rusqlite::Transaction<'_>,
    path: &Path,
    records: &[AuditRecord],
) -> Result<()> {
    tx.commit()
        .map_err(|e| Error::db("cannot commit the change", e))?;
    append_audit(path, records)
}
