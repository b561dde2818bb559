//! The key manifest (`keys.json`): metadata the key files do not carry.
//!
//! Invariants: the key files are the truth and the manifest only adds
//! metadata (alg, created and retired times); a missing manifest is rebuilt
//! from the files, a damaged or newer one is reported and never overwritten.

use super::files::{read_optional, replace_file};
use super::KeyDir;
use crate::alg::Alg;
use crate::error::{Error, Result};
use crate::fsutil;

/// The manifest of key metadata.
pub const MANIFEST_FILE: &str = "keys.json";
pub(super) const MANIFEST_VERSION: u32 = 1;

/// Where a key stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyStatus {
    /// Signs new tokens (or, with only a public key present, verifies them).
    Current,
    /// No longer signs; still verifies tokens it signed.
    Retired,
    /// Removed from verification by `KeyDir::retire` (only in its answer).
    Dropped,
}

/// What is known about one key; also the manifest's entry format.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KeyInfo {
    /// RFC 7638 thumbprint of the public key.
    pub kid: String,
    /// The algorithm it was made for; `None` for a key authctl did not record.
    pub alg: Option<Alg>,
    /// Modulus size.
    pub bits: usize,
    /// RFC 3339 UTC; the file's mtime for a key not in the manifest.
    pub created_at: String,
    /// RFC 3339 UTC, for a retired key.
    pub retired_at: Option<String>,
    /// Current, retired, or (in `retire`'s answer) dropped.
    pub status: KeyStatus,
}

#[derive(serde::Serialize, serde::Deserialize)]
pub(super) struct Manifest {
    pub(super) version: u32,
    pub(super) keys: Vec<KeyInfo>,
}

impl Default for Manifest {
    fn default() -> Self {
        Manifest {
            version: MANIFEST_VERSION,
            keys: Vec::new(),
        }
    }
}

impl Manifest {
    pub(super) fn get(&self, kid: &str) -> Option<&KeyInfo> {
        self.keys.iter().find(|k| k.kid == kid)
    }

    pub(super) fn upsert(&mut self, info: KeyInfo) {
        match self.keys.iter_mut().find(|k| k.kid == info.kid) {
            Some(entry) => *entry = info,
            None => self.keys.push(info),
        }
    }
}

impl KeyDir {
    pub(super) fn load_manifest(&self) -> Result<Manifest> {
        let path = self.manifest_path();
        let Some(bytes) = read_optional(&path)? else {
            return Ok(Manifest::default());
        };
        let manifest: Manifest = serde_json::from_slice(&bytes).map_err(|e| {
            Error::Failure(format!(
                "key manifest \"{}\" is damaged ({e}); fix it, or remove it and authctl rebuilds it from the key files",
                path.display()
            ))
        })?;
        if manifest.version > MANIFEST_VERSION {
            return Err(Error::Failure(format!(
                "key manifest \"{}\" has version {}, newer than this authctl understands ({MANIFEST_VERSION}); upgrade authctl",
                path.display(),
                manifest.version
            )));
        }
        Ok(manifest)
    }

    pub(super) fn save_manifest(&self, manifest: &Manifest) -> Result<()> {
        let mut json = serde_json::to_vec_pretty(manifest)
            .map_err(|e| Error::Failure(format!("cannot encode the key manifest: {e}")))?;
        json.push(b'\n');
        replace_file(&self.manifest_path(), &json, fsutil::PUBLIC_MODE)
    }
}
