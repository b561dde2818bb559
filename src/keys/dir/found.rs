//! Finding the keys on disk: the current pair (or a lone public key) and
//! the retired public keys, each with its manifest entry or, for a key
//! placed by hand, metadata read off the file.

use super::files::{mtime_rfc3339, read_optional};
use super::manifest::{KeyInfo, KeyStatus};
use super::KeyDir;
use crate::error::{Error, Result};
use crate::keys::jwk::thumbprint;
use crate::keys::pem::public_from_bytes;
use rsa::traits::PublicKeyParts;
use rsa::RsaPublicKey;
use std::path::PathBuf;

/// A key found on disk with its metadata.
pub(super) struct Found {
    pub(super) info: KeyInfo,
    pub(super) public: RsaPublicKey,
    pub(super) file: PathBuf,
}

impl KeyDir {
    /// The current key (or lone public key) first, then retired keys.
    /// Keys on disk. With `public_only`, the current key is taken from
    /// `public_key.pem` when it exists, so verifying never reads the
    /// private key (a mismatched pair is `keygen`'s and `doctor`'s finding).
    pub(super) fn found(&self) -> Result<Vec<Found>> {
        self.found_keys(false)
    }

    pub(super) fn found_keys(&self, public_only: bool) -> Result<Vec<Found>> {
        let manifest = self.load_manifest()?;
        let mut found = Vec::new();
        let public_first = if public_only {
            self.load_public()?
        } else {
            None
        };
        let current = match public_first {
            Some(public) => Some((public, self.public_key_path())),
            None => match self.load_private()? {
                Some(private) => {
                    let public = private.to_public_key();
                    if let Some(on_disk) = self.load_public()? {
                        if on_disk != public {
                            return Err(self.mismatch());
                        }
                    }
                    Some((public, self.private_key_path()))
                }
                None => self
                    .load_public()?
                    .map(|public| (public, self.public_key_path())),
            },
        };
        let current_kid = current.as_ref().map(|(public, _)| thumbprint(public));
        if let (Some((public, file)), Some(kid)) = (current, current_kid.clone()) {
            let mut info = manifest.get(&kid).cloned().unwrap_or_else(|| KeyInfo {
                kid: kid.clone(),
                alg: None,
                bits: public.n().bits(),
                created_at: mtime_rfc3339(&file),
                retired_at: None,
                status: KeyStatus::Current,
            });
            info.status = KeyStatus::Current;
            info.retired_at = None;
            info.bits = public.n().bits();
            found.push(Found { info, public, file });
        }

        let mut retired = Vec::new();
        for file in self.retired_files()? {
            let bytes = read_optional(&file)?.unwrap_or_default();
            let public =
                public_from_bytes(&bytes, &format!("retired key file \"{}\"", file.display()))
                    .map_err(|e| {
                        Error::Failure(format!(
                            "{}; remove it or restore it from a backup",
                            e.one_line()
                        ))
                    })?;
            let kid = thumbprint(&public);
            if Some(&kid) == current_kid.as_ref()
                || retired.iter().any(|f: &Found| f.info.kid == kid)
            {
                continue;
            }
            let mut info = manifest.get(&kid).cloned().unwrap_or_else(|| KeyInfo {
                kid: kid.clone(),
                alg: None,
                bits: public.n().bits(),
                created_at: mtime_rfc3339(&file),
                retired_at: Some(mtime_rfc3339(&file)),
                status: KeyStatus::Retired,
            });
            info.status = KeyStatus::Retired;
            info.bits = public.n().bits();
            retired.push(Found { info, public, file });
        }
        // Newest retirement first; RFC 3339 UTC strings sort by time.
        retired.sort_by(|a, b| {
            b.info
                .retired_at
                .cmp(&a.info.retired_at)
                .then_with(|| a.info.kid.cmp(&b.info.kid))
        });
        found.extend(retired);
        Ok(found)
    }

    /// The `*.pem` files in `retired/`, sorted by name.
    pub(super) fn retired_files(&self) -> Result<Vec<PathBuf>> {
        let dir = self.retired_dir();
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => {
                return Err(Error::io(
                    format!("cannot list retired keys in \"{}\"", dir.display()),
                    e,
                ))
            }
        };
        let mut files = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| {
                Error::io(
                    format!("cannot list retired keys in \"{}\"", dir.display()),
                    e,
                )
            })?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') || !name.ends_with(".pem") {
                continue;
            }
            files.push(entry.path());
        }
        files.sort();
        Ok(files)
    }
}
