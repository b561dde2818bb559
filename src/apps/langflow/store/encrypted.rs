//! The values Langflow encrypts with its secret key, and their
//! re-encryption in one transaction.

use super::users::{has_column, quote};
use super::LangflowStore;
use crate::error::{Error, Result};
use crate::store::{json_text, sqlite, EncryptedValues, Reencrypted};
use rusqlite::{params, OptionalExtension};

/// How a column holds values encrypted with the secret key.
#[derive(Clone, Copy)]
pub(super) enum Held {
    /// The whole value is a Fernet token (or legacy plaintext).
    Text,
    /// A JSON document whose Fernet-token strings are encrypted values.
    Json,
    /// A Fernet token, or a JSON envelope holding them.
    TextOrJson,
}

/// Every column Langflow 1.13 encrypts with the secret key (Fernet).
pub(super) const ENCRYPTED_COLUMNS: &[(&str, &str, Held, &str)] = &[
    ("variable", "value", Held::Text, "type = 'Credential'"),
    ("apikey", "api_key", Held::Text, "1"),
    ("user", "store_api_key", Held::Text, "1"),
    ("deployment_provider_account", "api_key", Held::Text, "1"),
    (
        "connection_secret",
        "encrypted_payload",
        Held::TextOrJson,
        "1",
    ),
    ("connection_oauth", "encrypted_verifier", Held::Text, "1"),
    ("trigger", "signing_secret_encrypted", Held::Text, "1"),
    ("trigger_cleanup", "encrypted_credential", Held::Text, "1"),
    ("folder", "auth_settings", Held::Json, "1"),
    ("mcp_server", "config", Held::Json, "1"),
    ("job", "job_metadata", Held::Json, "1"),
];

/// A Fernet token starts with its version byte 0x80, base64url "gAAAAA".
pub(super) fn is_fernet(s: &str) -> bool {
    s.starts_with("gAAAAA")
}

/// The new form of one stored `value` of a column held as `held`, or
/// `None` when nothing in it is encrypted. Only the encrypted strings of a
/// JSON value are rewritten, in the text itself: numbers, key order and NaN
/// stay as Python wrote them. `label` names the value in errors.
pub(super) fn rekey_value(
    held: Held,
    value: &str,
    label: &str,
    rekey: &mut dyn FnMut(&str, &str) -> Result<String>,
) -> Result<Option<String>> {
    match held {
        Held::Text if is_fernet(value) => rekey(value, label).map(Some),
        Held::Text => Ok(None),
        Held::TextOrJson if is_fernet(value) => rekey(value, label).map(Some),
        Held::Json | Held::TextOrJson => {
            let mut each = |s: &str| -> Result<Option<String>> {
                if is_fernet(s) {
                    rekey(s, label).map(Some)
                } else {
                    Ok(None)
                }
            };
            match json_text::rewrite_strings(value, &mut each) {
                Ok(result) => result,
                Err(e) => Err(Error::Failure(format!(
                    "{label} is not JSON authctl can read ({e}), so the secrets in it cannot be re-encrypted; nothing was changed; repair or clear that value, then rotate"
                ))),
            }
        }
    }
}

impl EncryptedValues for LangflowStore {
    fn reencrypt(
        &mut self,
        rekey: &mut dyn FnMut(&str, &str) -> Result<String>,
        dry_run: bool,
    ) -> Result<Vec<Reencrypted>> {
        // A dry run (and key identification) only reads.
        let tx = if dry_run {
            sqlite::read_tx(&mut self.conn, &self.path)?
        } else {
            self.release.refuse_reencrypt()?;
            self.write_tx()?
        };
        let mut report = Vec::new();
        if sqlite::has_table(&tx, "sso_config")? {
            let sealed: Option<String> = tx
                .query_row(
                    "SELECT id FROM sso_config WHERE client_secret_encrypted IS NOT NULL LIMIT 1",
                    [],
                    |r| r.get(0),
                )
                .optional()
                .map_err(|e| Error::db("cannot read sso_config", e))?;
            if let Some(id) = sealed {
                return Err(Error::Conflict(format!(
                    "sso_config row {id} holds an SSO client secret sealed with a key derived from the secret key (AES-GCM), which authctl does not re-encrypt; remove the SSO configuration, rotate, then enter the client secret again"
                )));
            }
        }
        for (table, column, held, filter) in ENCRYPTED_COLUMNS {
            if !sqlite::has_table(&tx, table)? || !has_column(&tx, table, column)? {
                continue;
            }
            let id_col = if has_column(&tx, table, "id")? {
                "id"
            } else {
                "rowid"
            };
            let rows: Vec<(i64, String, String)> = sqlite::rows(
                &tx,
                &format!(
                    "SELECT rowid, CAST({id_col} AS TEXT), {c} FROM {t} WHERE {c} IS NOT NULL AND {filter}",
                    c = quote(column),
                    t = quote(table)
                ),
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                &format!("read {table}.{column}"),
            )?;
            let mut count = 0;
            for (rowid, id, value) in rows {
                let label = format!("{table}.{column} of row {id}");
                let new_value = rekey_value(*held, &value, &label, rekey)?;
                let Some(new_value) = new_value else { continue };
                count += 1;
                if !dry_run {
                    tx.execute(
                        &format!(
                            "UPDATE {} SET {} = ?1 WHERE rowid = ?2",
                            quote(table),
                            quote(column)
                        ),
                        params![new_value, rowid],
                    )
                    .map_err(|e| Error::db(format!("cannot update {label}"), e))?;
                }
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
        Self::commit(tx)?;
        let total: usize = report.iter().map(|r| r.values).sum();
        self.audit(
            "secret.rotate",
            "secret_key",
            serde_json::json!({ "values": total }),
        );
        Ok(report)
    }
}
