//! The key directory: the current pair under the names Langflow reads, the
//! retired public keys that may still verify tokens, and a manifest.
//!
//! Layout (in the config directory):
//! - `private_key.pem` — current private key, PKCS#8, 0600.
//! - `public_key.pem`  — current public key, SPKI, 0644.
//! - `retired/<kid>.pem` — retired public keys, SPKI, 0644. A server that
//!   reads the two names above never sees them.
//! - `keys.json` — manifest: kid, alg, bits, created_at, retired_at, status.
//! - `private_key.pem.<stamp>.bak` — the private key a rotation replaced.
//!
//! Invariants: the key files are the truth and the manifest only adds
//! metadata, so a hand-placed key (one Langflow made) works without an entry
//! and a missing manifest is rebuilt; a corrupt manifest is reported, never
//! overwritten. Every file is written atomically; an existing key is
//! replaced only with `force`, after its public key is safe in `retired/`.
//! A reuse writes nothing, so read-only mounted keys work.
//!
//! Here: keygen (reuse, derive, import, rotate), listing, JWKS and retiring.
//! `manifest`: `keys.json`. `found`: the keys on disk. `files`: reading
//! and writing them.

mod files;
mod found;
mod manifest;

pub use manifest::{KeyInfo, KeyStatus, MANIFEST_FILE};

use super::generate::{check_bits, generate};
use super::jwk::{jwk_value, thumbprint};
use super::pem::{private_pkcs8_pem, public_spki_pem};
use super::{Alg, Check};
use crate::clock;
use crate::error::{Error, Result};
use crate::fsutil::{self, Overwrite};
use files::{mtime_rfc3339, replace_file};
use rsa::traits::PublicKeyParts;
use rsa::{RsaPrivateKey, RsaPublicKey};
use std::path::{Path, PathBuf};

/// The current private key, as Langflow names it.
pub const PRIVATE_KEY_FILE: &str = "private_key.pem";
/// The current public key, as Langflow names it.
pub const PUBLIC_KEY_FILE: &str = "public_key.pem";
/// The directory of retired public keys, `<kid>.pem` each.
pub const RETIRED_DIR: &str = "retired";

/// A public key that may verify tokens.
#[derive(Debug, Clone, serde::Serialize)]
pub struct VerificationKey {
    /// RFC 7638 thumbprint.
    pub kid: String,
    /// The recorded algorithm, if any.
    pub alg: Option<Alg>,
    /// Current or retired.
    pub status: KeyStatus,
    /// The parsed key.
    #[serde(skip)]
    pub key: RsaPublicKey,
}

/// How `KeyDir::ensure_rsa` may change the directory.
#[derive(Default)]
pub struct EnsureOptions {
    /// Replace an existing different key (retiring its public key).
    pub force: bool,
    /// Store this key instead of generating one.
    pub import: Option<RsaPrivateKey>,
    /// A public key given separately (an environment variable); it must
    /// match the private key.
    pub public_override: Option<RsaPublicKey>,
    /// The size was asked for (`--bits`): a kept key of another size is a
    /// conflict, not a silent reuse.
    pub exact_bits: bool,
}

impl std::fmt::Debug for EnsureOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EnsureOptions")
            .field("force", &self.force)
            .field("import", &self.import.as_ref().map(|_| "[REDACTED]"))
            .field(
                "public_override",
                &self.public_override.as_ref().map(thumbprint),
            )
            .field("exact_bits", &self.exact_bits)
            .finish()
    }
}

/// What `ensure_rsa` found and did, safe to print.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct KeygenReport {
    /// The algorithm the key is recorded for.
    pub alg: Alg,
    /// Modulus size of the current key.
    pub bits: usize,
    /// Thumbprint of the current key.
    pub kid: String,
    /// Path of `private_key.pem`.
    pub private_key: PathBuf,
    /// Path of `public_key.pem`.
    pub public_key: PathBuf,
    /// A new private key was written (generated or imported).
    pub created: bool,
    /// The private key was imported rather than generated or reused.
    pub imported: bool,
    /// `public_key.pem` was written from the private key.
    pub derived_public: bool,
    /// The kid of the key this call retired.
    pub retired: Option<String>,
    /// Where the replaced private key was kept.
    pub backup: Option<PathBuf>,
    /// Things worth fixing that did not stop the command (file modes).
    pub warnings: Vec<String>,
}

/// The key directory (the config directory).
#[derive(Debug, Clone)]
pub struct KeyDir {
    dir: PathBuf,
}

impl KeyDir {
    /// A key directory at `dir`; nothing is read or created yet.
    pub fn new(dir: &Path) -> Self {
        KeyDir {
            dir: dir.to_path_buf(),
        }
    }

    /// The directory.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// `<dir>/private_key.pem`.
    pub fn private_key_path(&self) -> PathBuf {
        self.dir.join(PRIVATE_KEY_FILE)
    }

    /// `<dir>/public_key.pem`.
    pub fn public_key_path(&self) -> PathBuf {
        self.dir.join(PUBLIC_KEY_FILE)
    }

    /// `<dir>/retired`.
    pub fn retired_dir(&self) -> PathBuf {
        self.dir.join(RETIRED_DIR)
    }

    /// `<dir>/keys.json`.
    pub fn manifest_path(&self) -> PathBuf {
        self.dir.join(MANIFEST_FILE)
    }

    /// Make sure a usable RSA pair exists, as `authctl keygen` promises:
    /// - both files present and matching: reuse them (`created: false`);
    /// - private present, public missing: derive and write the public key;
    /// - present but not matching: `Error::Conflict`;
    /// - `force`: rotate — retire the old public key (it keeps verifying),
    ///   write a new pair, keep the old private key as a backup;
    /// - `import`: store that key as PKCS#8 (a different existing key needs
    ///   `force`; the same key is a reuse);
    /// - `public_override` must match the private key, or `Error::Conflict`.
    pub fn ensure_rsa(&self, alg: Alg, bits: usize, opts: EnsureOptions) -> Result<KeygenReport> {
        if !alg.is_rsa() {
            return Err(Error::usage(format!(
                "{alg} does not sign with an RSA key; use RS256 or RS512"
            )));
        }
        check_bits(bits)?;
        let EnsureOptions {
            force,
            import,
            public_override,
            exact_bits,
        } = opts;
        let private_path = self.private_key_path();
        let public_path = self.public_key_path();
        // Reads follow links (a Kubernetes Secret volume is all links);
        // each file this will write is checked before the first write, so
        // a link there stops the change whole, and a command with nothing
        // to write never fails on one.
        let writable = |paths: &[&Path]| -> Result<()> {
            for path in paths {
                fsutil::replaceable(path)?;
            }
            Ok(())
        };
        if force {
            // --force means to write: refuse a link before any key work.
            writable(&[&private_path, &public_path, &self.manifest_path()])?;
        }
        let mut manifest = self.load_manifest()?;

        let existing = match self.load_private() {
            Ok(key) => key,
            Err(Error::Usage(_)) if force => None,
            Err(Error::Usage(message)) => return Err(Error::Usage(with_force_hint(message))),
            Err(e) => return Err(e),
        };
        let existing_public = match self.load_public() {
            Ok(key) => key,
            Err(Error::Usage(_)) if force => None,
            Err(Error::Usage(message)) => return Err(Error::Usage(with_force_hint(message))),
            Err(e) => return Err(e),
        };
        let old_public = existing
            .as_ref()
            .map(RsaPrivateKey::to_public_key)
            .or_else(|| existing_public.clone());

        let (target, is_new, imported) = match (import, existing) {
            (Some(new), Some(current)) if new.to_public_key() == current.to_public_key() => {
                (current, false, false)
            }
            (Some(_), Some(_)) if !force => {
                return Err(Error::Conflict(format!(
                    "a different private key already exists at \"{}\"; pass --force to replace it (the old key is retired and its file kept as a backup)",
                    private_path.display()
                )))
            }
            (Some(new), _) => (new, true, true),
            (None, Some(current)) if !force => {
                let have = current.size() * 8;
                if exact_bits && have != bits {
                    return Err(Error::Conflict(format!(
                        "the current key in \"{}\" is {have} bits, not {bits}; pass --force to rotate to a new {bits}-bit key (the old one keeps verifying until `authctl keys retire`)",
                        private_path.display()
                    )));
                }
                (current, false, false)
            }
            (None, _) => {
                if public_override.is_some() {
                    return Err(Error::Conflict(
                        "a public key was given but there is no private key to match it; give the private key too, or leave the public key out so it is derived"
                            .to_string(),
                    ));
                }
                if existing_public.is_some() && !force {
                    return Err(self.orphan_public());
                }
                (generate(bits)?, true, false)
            }
        };
        let target_public = target.to_public_key();
        if let Some(given) = &public_override {
            if *given != target_public {
                return Err(Error::Conflict(
                    "the public key given does not match the private key; give the matching public key, or leave it out so it is derived"
                        .to_string(),
                ));
            }
        }
        let kid = thumbprint(&target_public);
        let report = |created, derived_public, retired, backup, warnings| KeygenReport {
            alg,
            bits: target_public.n().bits(),
            kid: kid.clone(),
            private_key: private_path.clone(),
            public_key: public_path.clone(),
            created,
            imported,
            derived_public,
            retired,
            backup,
            warnings,
        };

        if !is_new {
            let warnings = self.mode_warnings();
            match &existing_public {
                Some(public) if *public == target_public => {
                    return Ok(report(false, false, None, None, warnings))
                }
                // public_key.pem is a key this directory retired: a rotation
                // was interrupted between writing the new private key and
                // its public key. Finish it by deriving the public key.
                Some(public)
                    if !force
                        && !self
                            .retired_dir()
                            .join(format!("{}.pem", thumbprint(public)))
                            .is_file() =>
                {
                    return Err(self.mismatch())
                }
                _ => {}
            }
            // Missing, or (with force) wrong or unreadable: derive it.
            writable(&[&public_path, &self.manifest_path()])?;
            replace_file(
                &public_path,
                public_spki_pem(&target_public)?.as_bytes(),
                fsutil::PUBLIC_MODE,
            )?;
            if manifest.get(&kid).is_none() {
                manifest.upsert(KeyInfo {
                    kid: kid.clone(),
                    alg: Some(alg),
                    bits: target_public.n().bits(),
                    created_at: mtime_rfc3339(&private_path),
                    retired_at: None,
                    status: KeyStatus::Current,
                });
                self.save_manifest(&manifest)?;
            }
            return Ok(report(false, true, None, None, warnings));
        }

        if !force {
            if let Some(public) = &existing_public {
                if *public != target_public {
                    return Err(self.orphan_public());
                }
            }
        }

        writable(&[&private_path, &public_path, &self.manifest_path()])?;
        // 1. Keep the old public key verifying before anything replaces it.
        let now = clock::rfc3339_secs(clock::now());
        let mut retired = None;
        if let Some(old) = old_public.filter(|old| *old != target_public) {
            let old_kid = thumbprint(&old);
            let file = self.retired_dir().join(format!("{old_kid}.pem"));
            if !fsutil::exists(&file)? {
                fsutil::write_atomic(
                    &file,
                    public_spki_pem(&old)?.as_bytes(),
                    fsutil::PUBLIC_MODE,
                    Overwrite::Refuse,
                )?;
            }
            let mut info = manifest.get(&old_kid).cloned().unwrap_or_else(|| KeyInfo {
                kid: old_kid.clone(),
                alg: None,
                bits: old.n().bits(),
                created_at: mtime_rfc3339(if private_path.is_file() {
                    &private_path
                } else {
                    &public_path
                }),
                retired_at: None,
                status: KeyStatus::Retired,
            });
            info.status = KeyStatus::Retired;
            info.retired_at = Some(now.clone());
            manifest.upsert(info);
            retired = Some(old_kid);
        }

        // 2. The new pair: private first (the old one kept as a backup).
        let private_pem = private_pkcs8_pem(&target)?;
        let backup = fsutil::write_atomic(
            &private_path,
            private_pem.as_bytes(),
            fsutil::SECRET_MODE,
            Overwrite::Backup,
        )?;
        replace_file(
            &public_path,
            public_spki_pem(&target_public)?.as_bytes(),
            fsutil::PUBLIC_MODE,
        )?;

        // 3. A key that comes back is current, not retired; any other entry
        //    still marked current was replaced by hand and is retired if its
        //    public key is kept, forgotten otherwise.
        let returning = self.retired_dir().join(format!("{kid}.pem"));
        if fsutil::exists(&returning)? {
            std::fs::remove_file(&returning)
                .map_err(|e| Error::io(format!("cannot remove \"{}\"", returning.display()), e))?;
        }
        let retired_dir = self.retired_dir();
        manifest.keys.retain(|k| {
            k.status != KeyStatus::Current
                || k.kid == kid
                || retired_dir.join(format!("{}.pem", k.kid)).is_file()
        });
        for entry in &mut manifest.keys {
            if entry.status == KeyStatus::Current && entry.kid != kid {
                entry.status = KeyStatus::Retired;
                entry.retired_at = Some(now.clone());
            }
        }
        manifest.upsert(KeyInfo {
            kid: kid.clone(),
            alg: Some(alg),
            bits: target_public.n().bits(),
            created_at: now,
            retired_at: None,
            status: KeyStatus::Current,
        });
        self.save_manifest(&manifest)?;
        Ok(report(true, true, retired, backup, self.mode_warnings()))
    }

    /// The current signing pair, if a private key exists. A `public_key.pem`
    /// that does not match it is a conflict.
    pub fn current(&self) -> Result<Option<(RsaPrivateKey, RsaPublicKey)>> {
        self.current_checked(Check::Full)
    }

    /// `current`, validating the private key to `check`.
    pub fn current_checked(&self, check: Check) -> Result<Option<(RsaPrivateKey, RsaPublicKey)>> {
        let Some(private) = self.load_private_checked(check)? else {
            return Ok(None);
        };
        let public = private.to_public_key();
        if let Some(on_disk) = self.load_public()? {
            if on_disk != public {
                return Err(self.mismatch());
            }
        }
        Ok(Some((private, public)))
    }

    /// Every public key that may verify a token: the current one (also when
    /// only `public_key.pem` is present), then the retired ones, newest first.
    pub fn verification_keys(&self) -> Result<Vec<VerificationKey>> {
        Ok(self
            .found_keys(true)?
            .into_iter()
            .map(|f| VerificationKey {
                kid: f.info.kid,
                alg: f.info.alg,
                status: f.info.status,
                key: f.public,
            })
            .collect())
    }

    /// What is known about every key that may verify a token.
    pub fn list(&self) -> Result<Vec<KeyInfo>> {
        Ok(self.found()?.into_iter().map(|f| f.info).collect())
    }

    /// `{"keys":[…]}` with the public JWK of every key that may verify.
    pub fn jwks(&self) -> Result<serde_json::Value> {
        let keys: Vec<serde_json::Value> = self
            .found()?
            .iter()
            .map(|f| jwk_value(&f.public, f.info.alg.map(Alg::as_str)))
            .collect();
        Ok(serde_json::json!({ "keys": keys }))
    }

    /// Drop a retired key from verification: remove its file and entry.
    pub fn retire(&self, kid: &str) -> Result<KeyInfo> {
        let found = self.found()?;
        let mut manifest = self.load_manifest()?;
        let had_entry = manifest.get(kid).is_some();
        let mut info = match found.into_iter().find(|f| f.info.kid == kid) {
            Some(f) if f.info.status == KeyStatus::Current => {
                return Err(Error::Conflict(format!(
                    "key \"{kid}\" is the current signing key; rotate first with `authctl keygen --force`, then retire it"
                )))
            }
            Some(f) => {
                std::fs::remove_file(&f.file).map_err(|e| {
                    Error::io(format!("cannot remove \"{}\"", f.file.display()), e)
                })?;
                fsutil::sync_dir(&self.retired_dir())?;
                f.info
            }
            // An entry whose file is already gone: forget it.
            None => match manifest.get(kid) {
                Some(entry) => entry.clone(),
                None => {
                    return Err(Error::NotFound(format!(
                        "no retired key has kid \"{kid}\" in \"{}\"; list the keys to see their kids",
                        self.dir.display()
                    )))
                }
            },
        };
        if had_entry {
            manifest.keys.retain(|k| k.kid != kid);
            self.save_manifest(&manifest)?;
        }
        info.status = KeyStatus::Dropped;
        Ok(info)
    }

    fn mismatch(&self) -> Error {
        Error::Conflict(format!(
            "\"{}\" does not match \"{}\"; remove the public key file so it is derived again, or pass --force to make a new pair",
            self.public_key_path().display(),
            self.private_key_path().display()
        ))
    }

    fn orphan_public(&self) -> Error {
        Error::Conflict(format!(
            "\"{}\" exists without its private key \"{}\"; restore the private key, or pass --force to retire that public key and make a new pair",
            self.public_key_path().display(),
            self.private_key_path().display()
        ))
    }
}

fn with_force_hint(message: String) -> String {
    format!("{message}; or pass --force to replace it (a backup is kept)")
}

#[cfg(test)]
mod tests;
