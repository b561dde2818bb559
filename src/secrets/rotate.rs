//! Rotating the secret key that encrypts stored values, and finishing a
//! rotation that was cut off.
//!
//! The protocol, which the caller runs holding `lock::exclusive` on the
//! config dir (so no other rotation runs and nobody encrypts under the old
//! key meanwhile):
//! 1. the new key is written to `PENDING_FILE` (0600, never over a file or
//!    through a link) before the database changes, so no crash can leave
//!    values under a key nobody has;
//! 2. every value is re-encrypted in one transaction (all or none);
//! 3. the new key replaces `secret_key` (the old one kept as a backup), and
//!    the pending file goes.
//!
//! A pending file found at the start was left by a process that is gone.
//! Which key the values decrypt under says how far it got: none under the
//! pending key, and it is discarded; some, and the rotation is finished
//! (values still under the old key are moved first); a value under
//! neither stops everything with both keys kept.

use crate::error::{Error, Result};
use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;
use std::path::Path;
use zeroize::Zeroizing;

/// Values encrypted with the secret key.
pub trait EncryptedValues {
    /// Re-encrypt every value this layout keeps encrypted with the secret
    /// key, in one transaction. `rekey(value, row)` turns an old ciphertext
    /// into a new one or fails naming `row`; any failure changes nothing.
    /// With `dry_run`, values are checked but nothing is written.
    fn reencrypt(
        &mut self,
        rekey: &mut dyn FnMut(&str, &str) -> Result<String>,
        dry_run: bool,
    ) -> Result<Vec<Reencrypted>>;
}

/// How many values of one column were (or would be) re-encrypted.
#[derive(Debug, Clone, Serialize)]
pub struct Reencrypted {
    pub table: String,
    pub column: String,
    pub values: usize,
}

/// The key a rotation replaces: how values are encrypted under it, and
/// the file it is kept in.
pub trait Scheme {
    /// The key as messages name it ("secret key").
    fn key_name(&self) -> &'static str;
    /// The pending new key's file in the config dir.
    fn pending_file(&self) -> &'static str;
    /// The plaintext of `value` under `key`, or `None` when it does not
    /// decrypt under it.
    fn decrypt(&self, key: &SecretString, value: &str) -> Option<Zeroizing<Vec<u8>>>;
    /// `plain` encrypted under `key`.
    fn encrypt(&self, key: &SecretString, plain: &[u8]) -> Result<String>;
    /// `plain`, which was `stored`, encrypted under `key` in the form
    /// `stored` is in (an app with several ciphers keeps each value's).
    fn encrypt_like(&self, key: &SecretString, plain: &[u8], _stored: &str) -> Result<String> {
        self.encrypt(key, plain)
    }
    /// The key in the pending file's text.
    fn pending_key(&self, text: &str) -> SecretString;
    /// Put `key` in the key file, keeping the old one as a backup.
    fn install(&self, dir: &Path, key: &SecretString) -> Result<super::WriteReport>;
}

/// The secret key and Fernet (native, Langflow), its Fernet key derived
/// as the release in use derives it.
pub struct FernetKey(pub super::Derivation);

impl Scheme for FernetKey {
    fn key_name(&self) -> &'static str {
        "secret key"
    }

    fn pending_file(&self) -> &'static str {
        super::lock::PENDING_FILE
    }

    fn decrypt(&self, key: &SecretString, value: &str) -> Option<Zeroizing<Vec<u8>>> {
        super::decrypt_with_secret(key.expose_secret(), value)
            .ok()
            .map(Zeroizing::new)
    }

    fn encrypt(&self, key: &SecretString, plain: &[u8]) -> Result<String> {
        Ok(super::encrypt(
            &super::fernet_to_encrypt(key.expose_secret(), self.0)?,
            plain,
        ))
    }

    fn pending_key(&self, text: &str) -> SecretString {
        SecretString::from(text.trim().to_string())
    }

    fn install(&self, dir: &Path, key: &SecretString) -> Result<super::WriteReport> {
        super::write_secret_file(dir, key, true)
    }
}

/// What a rotation did (or, with `dry_run`, would do).
#[derive(Debug, Serialize)]
pub struct Rotated {
    pub dry_run: bool,
    /// How many values were (would be) re-encrypted.
    pub values: usize,
    /// Per column.
    pub columns: Vec<Reencrypted>,
    /// The new `secret_key` file; `None` for a dry run.
    #[serde(flatten)]
    pub written: Option<Installed>,
}

/// The installed key, safe to print.
#[derive(Debug, Serialize)]
pub struct Installed {
    #[serde(rename = "secret_key")]
    pub path: std::path::PathBuf,
    pub fingerprint: String,
    pub backup: Option<std::path::PathBuf>,
}

impl From<super::WriteReport> for Installed {
    fn from(w: super::WriteReport) -> Self {
        Installed {
            path: w.path,
            fingerprint: w.fingerprint,
            backup: w.backup,
        }
    }
}

/// Replace `old` with `new` in `dir`, re-encrypting `values` (none when
/// there is no database yet). The caller holds the exclusive lock.
pub fn rotate(
    dir: &Path,
    scheme: &dyn Scheme,
    old: &SecretString,
    new: &SecretString,
    values: Option<&mut dyn EncryptedValues>,
    dry_run: bool,
) -> Result<Rotated> {
    let pending = dir.join(scheme.pending_file());
    // A key the cipher cannot use is refused before anything is written.
    scheme.encrypt(new, b"")?;
    let mut rekey = |value: &str, row: &str| -> Result<String> {
        let plain = scheme.decrypt(old, value).ok_or_else(|| {
            Error::Negative(format!(
                "{row} does not decrypt under the current {}; nothing was changed",
                scheme.key_name()
            ))
        })?;
        scheme.encrypt_like(new, &plain, value)
    };
    let columns = match (values, dry_run) {
        (None, _) => Vec::new(),
        (Some(values), true) => values.reencrypt(&mut rekey, true)?,
        (Some(values), false) => {
            crate::fsutil::write_atomic(
                &pending,
                new.expose_secret().as_bytes(),
                crate::fsutil::SECRET_MODE,
                crate::fsutil::Overwrite::Refuse,
            )?;
            match values.reencrypt(&mut rekey, false) {
                Ok(r) => r,
                Err(e) => {
                    // A failure after the commit (a layout that appends its
                    // audit record then) leaves values under the new key:
                    // its only copy is the pending file, which must stay for
                    // the next rotate to finish. It goes when no value uses
                    // it: a census that reads every value and finds none
                    // under it may drop it, and so may one that fails just
                    // as the re-encryption did (a value it cannot read,
                    // before any write). One that fails otherwise (the
                    // connection lost during COMMIT, say) keeps it, and
                    // the next rotate settles it.
                    let unused = match census(scheme, old, new, values) {
                        Ok(c) => c.new == 0,
                        Err(again) => again.one_line() == e.one_line(),
                    };
                    if unused {
                        let _ = std::fs::remove_file(&pending);
                        return Err(e);
                    }
                    return Err(Error::Failure(format!(
                        "{}; the database may already use the new key, which is kept in \"{}\": run `authctl secret rotate` again to finish",
                        e.one_line(),
                        pending.display()
                    )));
                }
            }
        }
    };
    let values = columns.iter().map(|r| r.values).sum();
    let written = if dry_run {
        None
    } else {
        Some(install(dir, scheme, new)?)
    };
    Ok(Rotated {
        dry_run,
        values,
        columns,
        written,
    })
}

/// The new key in place of the old, and the pending file gone.
fn install(dir: &Path, scheme: &dyn Scheme, new: &SecretString) -> Result<Installed> {
    let written = scheme.install(dir, new)?;
    let _ = std::fs::remove_file(dir.join(scheme.pending_file()));
    crate::fsutil::sync_dir(dir)?;
    Ok(written.into())
}

/// What became of an interrupted rotation.
#[derive(Debug, Serialize)]
#[serde(tag = "interrupted", rename_all = "lowercase")]
pub enum Interrupted {
    /// No value was under the pending key: it was (would be) discarded.
    Discarded { dry_run: bool },
    /// A dry run: the rotation would be finished.
    Finish {
        dry_run: bool,
        under_pending: usize,
        values_to_move: usize,
    },
    /// The rotation was finished and the pending key installed.
    Finished {
        dry_run: bool,
        #[serde(flatten)]
        written: Installed,
    },
}

/// How many encrypted values decrypt under the current key, under the
/// pending key, and under neither.
#[derive(Debug, Default)]
struct Census {
    old: usize,
    new: usize,
    neither: usize,
}

fn census(
    scheme: &dyn Scheme,
    old: &SecretString,
    new: &SecretString,
    values: &mut dyn EncryptedValues,
) -> Result<Census> {
    let mut census = Census::default();
    let mut count = |value: &str, _row: &str| -> Result<String> {
        if scheme.decrypt(old, value).is_some() {
            census.old += 1;
        } else if scheme.decrypt(new, value).is_some() {
            census.new += 1;
        } else {
            census.neither += 1;
        }
        Ok(value.to_string())
    };
    values.reencrypt(&mut count, true)?;
    Ok(census)
}

/// Settle the rotation whose pending key is in `dir` (see the module
/// documentation). The caller holds the exclusive lock, so its process is
/// gone.
pub fn resolve_interrupted(
    dir: &Path,
    scheme: &dyn Scheme,
    old: &SecretString,
    mut values: Option<&mut dyn EncryptedValues>,
    dry_run: bool,
) -> Result<Interrupted> {
    let pending = dir.join(scheme.pending_file());
    let new = crate::fsutil::read_text(&pending, "pending key").map(|t| scheme.pending_key(&t))?;
    let census = match values.as_deref_mut() {
        Some(values) => census(scheme, old, &new, values)?,
        None => Census::default(),
    };
    if census.new == 0 && census.neither == 0 {
        if !dry_run {
            std::fs::remove_file(&pending)
                .map_err(|e| Error::io(format!("cannot remove \"{}\"", pending.display()), e))?;
            crate::fsutil::sync_dir(dir)?;
        }
        return Ok(Interrupted::Discarded { dry_run });
    }
    if census.neither > 0 {
        return Err(Error::Conflict(format!(
            "an interrupted rotation left \"{}\", and {} database value(s) decrypt under neither it nor the current key; both keys are kept: restore the database and key from a backup",
            pending.display(),
            census.neither
        )));
    }
    if dry_run {
        return Ok(Interrupted::Finish {
            dry_run,
            under_pending: census.new,
            values_to_move: census.old,
        });
    }
    if census.old > 0 {
        let mut to_new = |value: &str, row: &str| -> Result<String> {
            if scheme.decrypt(&new, value).is_some() {
                return Ok(value.to_string());
            }
            let plain = scheme.decrypt(old, value).ok_or_else(|| {
                Error::Negative(format!(
                    "{row} decrypts under neither key; nothing was changed"
                ))
            })?;
            scheme.encrypt_like(&new, &plain, value)
        };
        if let Some(values) = values {
            values.reencrypt(&mut to_new, false)?;
        }
    }
    Ok(Interrupted::Finished {
        dry_run,
        written: install(dir, scheme, &new)?,
    })
}

/// The table and column a row label of `EncryptedValues::reencrypt`
/// names (`credential.encryptedData of "x" (id 1)` → `credential.encryptedData`).
fn column_of(label: &str) -> String {
    label.split(" of ").next().unwrap_or(label).to_string()
}

/// What one candidate key decrypts.
#[derive(Debug, Serialize)]
pub struct Identified {
    /// Where the candidate came from (a file, a variable, stdin line N).
    pub candidate: String,
    pub fingerprint: String,
    /// Values that decrypt under it, of `total`.
    pub decrypts: usize,
    pub total: usize,
    /// Per `table.column`: values that decrypt under it, and all values.
    pub columns: std::collections::BTreeMap<String, (usize, usize)>,
}

/// How many of the stored values decrypt under each of `candidates`
/// (label, key), from one read of them (nothing is written).
pub fn identify(
    scheme: &dyn Scheme,
    candidates: &[(String, SecretString)],
    values: Option<&mut dyn EncryptedValues>,
) -> Result<Vec<Identified>> {
    let mut stored: Vec<(String, String)> = Vec::new();
    if let Some(values) = values {
        let mut collect = |value: &str, row: &str| -> Result<String> {
            stored.push((column_of(row), value.to_string()));
            Ok(value.to_string())
        };
        values.reencrypt(&mut collect, true)?;
    }
    Ok(candidates
        .iter()
        .map(|(label, key)| {
            let mut columns = std::collections::BTreeMap::new();
            let mut decrypts = 0;
            for (column, value) in &stored {
                let entry = columns.entry(column.clone()).or_insert((0, 0));
                entry.1 += 1;
                if scheme.decrypt(key, value).is_some() {
                    entry.0 += 1;
                    decrypts += 1;
                }
            }
            Identified {
                candidate: label.clone(),
                fingerprint: super::fingerprint(key.expose_secret()),
                decrypts,
                total: stored.len(),
                columns,
            }
        })
        .collect())
}

/// What a recovery did (or would do).
#[derive(Debug, Serialize)]
pub struct Recovered {
    pub dry_run: bool,
    /// Values moved from the recovered keys to the current one.
    pub moved: usize,
    /// Of those, how many were under each recovered key, in the order given.
    pub moved_by_key: Vec<usize>,
    /// Values already under the current key, left as they are.
    pub kept: usize,
    pub columns: Vec<Reencrypted>,
}

/// Move every value under any of `from` (recovered old keys, tried in
/// order) to `current`, in one transaction; values already under
/// `current` stay. A value under none of them stops everything with
/// nothing changed. The key file is not touched: `current` is the key in
/// use.
pub fn recover(
    scheme: &dyn Scheme,
    from: &[SecretString],
    current: &SecretString,
    values: Option<&mut dyn EncryptedValues>,
    dry_run: bool,
) -> Result<Recovered> {
    let (mut moved, mut kept) = (0, 0);
    let mut moved_by_key = vec![0; from.len()];
    let mut rekey = |value: &str, row: &str| -> Result<String> {
        if scheme.decrypt(current, value).is_some() {
            kept += 1;
            return Ok(value.to_string());
        }
        let (which, plain) = from
            .iter()
            .enumerate()
            .find_map(|(i, key)| scheme.decrypt(key, value).map(|p| (i, p)))
            .ok_or_else(|| {
                Error::Negative(format!(
                    "{row} decrypts under neither the given key{} nor the current {}; nothing was changed",
                    if from.len() > 1 { "s" } else { "" },
                    scheme.key_name()
                ))
            })?;
        moved += 1;
        moved_by_key[which] += 1;
        scheme.encrypt_like(current, &plain, value)
    };
    let columns = match values {
        Some(values) => values.reencrypt(&mut rekey, dry_run)?,
        None => Vec::new(),
    };
    Ok(Recovered {
        dry_run,
        moved,
        moved_by_key,
        kept,
        columns,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::lock::PENDING_FILE;

    /// Values in memory; `fail_after_commit` re-encrypts them and then
    /// fails, as a layout whose audit append fails after the commit does.
    struct Values {
        values: Vec<String>,
        fail_after_commit: bool,
        fail_before: bool,
    }

    impl EncryptedValues for Values {
        fn reencrypt(
            &mut self,
            rekey: &mut dyn FnMut(&str, &str) -> Result<String>,
            dry_run: bool,
        ) -> Result<Vec<Reencrypted>> {
            if self.fail_before && !dry_run {
                return Err(Error::Negative("a value does not decrypt".into()));
            }
            let new: Vec<String> = self
                .values
                .iter()
                .map(|v| rekey(v, "row"))
                .collect::<Result<_>>()?;
            if !dry_run {
                self.values = new;
                if self.fail_after_commit {
                    return Err(Error::Failure(
                        "the change was made but its audit record could not be written".into(),
                    ));
                }
            }
            Ok(vec![Reencrypted {
                table: "t".into(),
                column: "c".into(),
                values: self.values.len(),
            }])
        }
    }

    fn setup() -> (tempfile::TempDir, SecretString, SecretString, Vec<String>) {
        let dir = tempfile::tempdir().unwrap();
        let key = || super::super::generate(32, super::super::Encoding::UrlSafe).unwrap();
        let (old, new) = (key(), key());
        super::super::write_secret_file(dir.path(), &old, false).unwrap();
        let fernet = super::super::encryption::fernet_for(old.expose_secret()).unwrap();
        let values = vec![super::super::encrypt(&fernet, b"api key")];
        (dir, old, new, values)
    }

    #[test]
    fn a_failure_after_the_commit_keeps_the_new_key_and_the_next_run_finishes() {
        let (dir, old, new, values) = setup();
        let mut db = Values {
            values,
            fail_after_commit: true,
            fail_before: false,
        };
        let err = rotate(
            dir.path(),
            &FernetKey(crate::secrets::Derivation::Sha256),
            &old,
            &new,
            Some(&mut db),
            false,
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .contains("run `authctl secret rotate` again"),
            "{err}"
        );
        // The database uses the new key, and the only copy of it is kept.
        let pending = std::fs::read_to_string(dir.path().join(PENDING_FILE)).unwrap();
        assert_eq!(pending, new.expose_secret());
        assert!(super::super::decrypt_with_secret(new.expose_secret(), &db.values[0]).is_ok());
        // The next run finishes the rotation with it.
        db.fail_after_commit = false;
        let done = resolve_interrupted(
            dir.path(),
            &FernetKey(crate::secrets::Derivation::Sha256),
            &old,
            Some(&mut db),
            false,
        )
        .unwrap();
        assert!(matches!(done, Interrupted::Finished { .. }), "{done:?}");
        let installed = super::super::read_secret_file(dir.path()).unwrap().unwrap();
        assert_eq!(installed.expose_secret(), new.expose_secret());
        assert!(!dir.path().join(PENDING_FILE).exists());
    }

    #[test]
    fn identify_counts_per_candidate_and_recover_moves_only_what_it_must() {
        let (dir, old, new, mut values) = setup();
        // One value under the old key, one under the new (saved after a
        // redeploy made it), as a server leaves them.
        let fernet = super::super::encryption::fernet_for(new.expose_secret()).unwrap();
        values.push(super::super::encrypt(&fernet, b"saved later"));
        let mut db = Values {
            values,
            fail_after_commit: false,
            fail_before: false,
        };
        let decoy = super::super::generate(32, super::super::Encoding::UrlSafe).unwrap();
        let found = identify(
            &FernetKey(crate::secrets::Derivation::Sha256),
            &[
                ("old".into(), old.clone()),
                ("decoy".into(), decoy.clone()),
                ("new".into(), new.clone()),
            ],
            Some(&mut db),
        )
        .unwrap();
        let counts: Vec<_> = found
            .iter()
            .map(|f| (f.candidate.as_str(), f.decrypts, f.total))
            .collect();
        assert_eq!(counts, [("old", 1, 2), ("decoy", 0, 2), ("new", 1, 2)]);
        assert_eq!(found[0].columns["row"], (1, 2));
        // A key that is neither stops the recovery with nothing changed.
        let before = db.values.clone();
        let err = recover(
            &FernetKey(crate::secrets::Derivation::Sha256),
            std::slice::from_ref(&decoy),
            &new,
            Some(&mut db),
            false,
        )
        .unwrap_err();
        assert_eq!(err.exit_code(), 1, "{err}");
        assert_eq!(db.values, before);
        let done = recover(
            &FernetKey(crate::secrets::Derivation::Sha256),
            std::slice::from_ref(&old),
            &new,
            Some(&mut db),
            false,
        )
        .unwrap();
        assert_eq!((done.moved, done.kept), (1, 1));
        for v in &db.values {
            assert!(super::super::decrypt_with_secret(new.expose_secret(), v).is_ok());
        }
        drop(dir);
    }

    #[test]
    fn a_failure_before_the_commit_drops_the_pending_key() {
        let (dir, old, new, values) = setup();
        let mut db = Values {
            values: values.clone(),
            fail_after_commit: false,
            fail_before: true,
        };
        let err = rotate(
            dir.path(),
            &FernetKey(crate::secrets::Derivation::Sha256),
            &old,
            &new,
            Some(&mut db),
            false,
        )
        .unwrap_err();
        assert_eq!(err.exit_code(), 1, "{err}");
        assert!(!dir.path().join(PENDING_FILE).exists());
        assert_eq!(db.values, values);
        let kept = super::super::read_secret_file(dir.path()).unwrap().unwrap();
        assert_eq!(kept.expose_secret(), old.expose_secret());
    }
}
