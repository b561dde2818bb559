//! The `secret_key` file in the config directory, as Langflow keeps it.
//!
//! Invariants: the file is written 0600 through `fsutil::write_atomic`
//! without a trailing newline (Langflow reads it back verbatim); an existing
//! file is replaced only with `force`, and then kept as a backup; the secret
//! is shown to humans only as its `fingerprint`.

use crate::error::{Error, Result};
use crate::fsutil::{self, Overwrite};
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The file name Langflow uses for its secret key in the config directory.
pub const SECRET_KEY_FILE: &str = "secret_key";

/// What `write_secret_file` did, safe to print.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct WriteReport {
    /// The secret-key file.
    pub path: PathBuf,
    /// `fingerprint` of the secret now in the file.
    pub fingerprint: String,
    /// Whether the file's content changed (false when it already held this secret).
    pub written: bool,
    /// Where the previous file was kept, when one was replaced.
    pub backup: Option<PathBuf>,
}

/// The secret key stored in `dir`, without surrounding whitespace; `None`
/// when the file is missing or blank.
///
/// Note: Langflow itself does not trim the file, so a file ending in a
/// newline gives Langflow a different secret than this returns; files this
/// module writes have no trailing newline.
pub fn read_secret_file(dir: &Path) -> Result<Option<SecretString>> {
    let path = dir.join(SECRET_KEY_FILE);
    let Some(bytes) = fsutil::read_regular(&path, "secret key file", fsutil::KEY_FILE_LIMIT)?
    else {
        return Ok(None);
    };
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        Error::usage(format!(
            "secret key file \"{}\" is not UTF-8 text; replace it with `authctl secret generate`",
            path.display()
        ))
    })?;
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    Ok(Some(SecretString::from(trimmed.to_string())))
}

/// Store `secret` in `dir` (0600, atomic). An existing different secret is
/// replaced only with `force`, keeping it as `secret_key.<stamp>.bak`.
pub fn write_secret_file(dir: &Path, secret: &SecretString, force: bool) -> Result<WriteReport> {
    let value = secret.expose_secret();
    if value.trim().is_empty() {
        return Err(Error::usage(
            "refusing to store an empty secret key; generate one with `authctl secret generate`",
        ));
    }
    if value.trim() != value {
        return Err(Error::usage(
            "the secret key starts or ends with whitespace, which Langflow would keep as part of it; remove it",
        ));
    }
    let path = dir.join(SECRET_KEY_FILE);
    let report = |written, backup| WriteReport {
        path: path.clone(),
        fingerprint: fingerprint(value),
        written,
        backup,
    };
    // An unreadable existing file is left to `write_atomic`: refused, or
    // replaced with a backup under `force`.
    if let Ok(Some(existing)) = read_secret_file(dir) {
        if existing.expose_secret() == value {
            return Ok(report(false, None));
        }
    }
    let overwrite = if force {
        Overwrite::Backup
    } else {
        Overwrite::Refuse
    };
    let backup = fsutil::write_atomic(&path, value.as_bytes(), fsutil::SECRET_MODE, overwrite)?;
    Ok(report(true, backup))
}

/// A short, non-reversible name for a secret, safe to print and compare:
/// `sha256:` and the first 8 bytes of its SHA-256 in hex.
pub fn fingerprint(secret: &str) -> String {
    let digest = Sha256::digest(secret.as_bytes());
    format!("sha256:{}", hex::encode(&digest[..8]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn secret(s: &str) -> SecretString {
        SecretString::from(s.to_string())
    }

    const A: &str = "tJ3kF2Y7m9QvVnR1xWcZ0bHsLdEaFKmF6_QMwtcM8mH";
    const B: &str = "q0W8y1mZ2xN3cV4bA5sD6fG7hJ8kL9pO0iU1yT2rE3w";

    #[test]
    fn missing_or_blank_file_reads_as_none() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read_secret_file(dir.path()).unwrap().is_none());
        std::fs::write(dir.path().join(SECRET_KEY_FILE), " \n").unwrap();
        assert!(read_secret_file(dir.path()).unwrap().is_none());
        assert!(read_secret_file(&dir.path().join("absent"))
            .unwrap()
            .is_none());
    }

    #[test]
    fn reads_trimmed_and_refuses_binary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(SECRET_KEY_FILE);
        std::fs::write(&path, format!("{A}\n")).unwrap();
        let read = read_secret_file(dir.path()).unwrap().unwrap();
        assert_eq!(read.expose_secret(), A);
        std::fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
        let err = read_secret_file(dir.path()).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("secret_key"));
    }

    #[test]
    fn writes_0600_without_newline_and_refuses_to_replace() {
        let dir = tempfile::tempdir().unwrap();
        let report = write_secret_file(dir.path(), &secret(A), false).unwrap();
        assert!(report.written);
        assert_eq!(report.backup, None);
        assert_eq!(report.fingerprint, fingerprint(A));
        let path = dir.path().join(SECRET_KEY_FILE);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), A);
        assert_eq!(fsutil::mode_of(&path), Some(0o600));

        // Same secret again: nothing to do.
        let again = write_secret_file(dir.path(), &secret(A), false).unwrap();
        assert!(!again.written);

        let err = write_secret_file(dir.path(), &secret(B), false).unwrap_err();
        assert_eq!(err.exit_code(), 4);
        assert!(err.to_string().contains("--force"));
        assert!(!err.to_string().contains(B));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), A);
    }

    #[test]
    fn force_replaces_and_keeps_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        write_secret_file(dir.path(), &secret(A), false).unwrap();
        let report = write_secret_file(dir.path(), &secret(B), true).unwrap();
        let backup = report.backup.unwrap();
        assert_eq!(std::fs::read_to_string(&backup).unwrap(), A);
        assert_eq!(
            std::fs::metadata(&backup).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert_eq!(
            read_secret_file(dir.path())
                .unwrap()
                .unwrap()
                .expose_secret(),
            B
        );
    }

    #[test]
    fn refuses_empty_or_padded_secrets() {
        let dir = tempfile::tempdir().unwrap();
        for bad in ["", "  ", " x", "x\n"] {
            let err = write_secret_file(dir.path(), &secret(bad), true).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{bad:?}");
        }
        assert!(!dir.path().join(SECRET_KEY_FILE).exists());
    }

    #[test]
    fn fingerprint_is_short_stable_and_not_the_secret() {
        let fp = fingerprint(A);
        assert!(fp.starts_with("sha256:"));
        assert_eq!(fp.len(), "sha256:".len() + 16);
        assert_eq!(fp, fingerprint(A));
        assert_ne!(fp, fingerprint(B));
        assert!(!fp.contains(A));
        // python3 -c "import hashlib; print(hashlib.sha256(b'abc').hexdigest()[:16])"
        assert_eq!(fingerprint("abc"), "sha256:ba7816bf8f01cfea");
    }
}
