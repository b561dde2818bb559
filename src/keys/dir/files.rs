//! Reading and writing the key files: bounded reads of regular files only,
//! atomic replacement, and the warnings about their modes.

use super::KeyDir;
use crate::clock;
use crate::error::{Error, Result};
use crate::fsutil::{self, Overwrite};
use crate::keys::pem::{private_from_bytes, public_from_bytes};
use crate::keys::Check;
use rsa::{RsaPrivateKey, RsaPublicKey};
use std::path::Path;
use zeroize::Zeroizing;

impl KeyDir {
    pub(super) fn load_private(&self) -> Result<Option<RsaPrivateKey>> {
        self.load_private_checked(Check::Full)
    }

    pub(super) fn load_private_checked(&self, check: Check) -> Result<Option<RsaPrivateKey>> {
        let path = self.private_key_path();
        match read_optional(&path)? {
            None => Ok(None),
            Some(bytes) => private_from_bytes(
                &bytes,
                &format!("private key file \"{}\"", path.display()),
                check,
            )
            .map(Some),
        }
    }

    pub(super) fn load_public(&self) -> Result<Option<RsaPublicKey>> {
        let path = self.public_key_path();
        match read_optional(&path)? {
            None => Ok(None),
            Some(bytes) => {
                public_from_bytes(&bytes, &format!("public key file \"{}\"", path.display()))
                    .map(Some)
            }
        }
    }

    pub(super) fn mode_warnings(&self) -> Vec<String> {
        let path = self.private_key_path();
        let mut warnings: Vec<String> = fsutil::writable_dir_warning(&self.dir)
            .into_iter()
            .collect();
        if let Some(mode) = fsutil::mode_of(&path).filter(|m| m & 0o077 != 0) {
            warnings.push(format!(
                "private key file \"{}\" has mode {mode:04o}, readable by others; run `chmod 600 \"{}\"`",
                path.display(),
                path.display()
            ));
        }
        warnings
    }
}

/// The bytes of `path`, `None` if it does not exist.
pub(super) fn read_optional(path: &Path) -> Result<Option<Zeroizing<Vec<u8>>>> {
    fsutil::read_regular(path, "key file", fsutil::KEY_FILE_LIMIT)
}

/// Atomically write `path`, replacing any existing file without keeping a
/// backup (for files whose old content is kept elsewhere or is metadata).
pub(super) fn replace_file(path: &Path, contents: &[u8], mode: u32) -> Result<()> {
    if let Some(backup) = fsutil::write_atomic(path, contents, mode, Overwrite::Backup)? {
        std::fs::remove_file(&backup)
            .map_err(|e| Error::io(format!("cannot remove \"{}\"", backup.display()), e))?;
    }
    Ok(())
}

pub(super) fn mtime_rfc3339(path: &Path) -> String {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .map(|t| clock::rfc3339_secs(t.into()))
        .unwrap_or_else(|_| clock::rfc3339_secs(clock::now()))
}
