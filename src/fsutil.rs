//! Filesystem helpers for files that hold secrets.
//!
//! Invariants: a secret or private-key file is created 0600 inside a 0700
//! directory, written to a temp file in the same directory, fsynced and
//! renamed into place, so a reader sees either the old file or the new one,
//! never a partial one. An existing file is replaced only when the caller
//! says so, and then the old one is kept as a timestamped backup beside it.

use crate::error::{Error, Result};
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Mode for files that hold secrets or private keys.
pub const SECRET_MODE: u32 = 0o600;
/// Mode for files that may be read by anyone (public keys).
pub const PUBLIC_MODE: u32 = 0o644;
/// Mode for the key directory.
pub const DIR_MODE: u32 = 0o700;
/// Prefix of the temp files this module writes; a server never reads them.
pub const TEMP_PREFIX: &str = ".authctl-tmp-";

/// Create `dir` (and parents) if missing; a directory we create is 0700.
pub fn ensure_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    fs::DirBuilder::new()
        .recursive(true)
        .mode(DIR_MODE)
        .create(dir)
        .map_err(|e| {
            Error::io(
                format!(
                    "cannot create config directory \"{}\"; choose another with --config-dir",
                    dir.display()
                ),
                e,
            )
        })?;
    // `mode` is filtered through the umask; make sure it is exactly 0700.
    fs::set_permissions(dir, fs::Permissions::from_mode(DIR_MODE))
        .map_err(|e| Error::io(format!("cannot set mode 0700 on \"{}\"", dir.display()), e))
}

/// What to do when the destination already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    /// Refuse with a conflict error (exit 4) naming `--force`.
    Refuse,
    /// Replace it, keeping the old file as `<name>.<UTC timestamp>.bak`.
    Backup,
}

/// Atomically write `contents` to `path` with `mode`.
///
/// Returns the backup path when an existing file was replaced.
pub fn write_atomic(
    path: &Path,
    contents: &[u8],
    mode: u32,
    overwrite: Overwrite,
) -> Result<Option<PathBuf>> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    ensure_dir(dir)?;
    let exists = path.exists();
    if exists && overwrite == Overwrite::Refuse {
        return Err(Error::Conflict(format!(
            "\"{}\" already exists; pass --force to replace it (the old file is kept as a backup)",
            path.display()
        )));
    }
    sweep_stale_temps(dir);
    let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
    let mut tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .permissions(fs::Permissions::from_mode(mode))
        .tempfile_in(dir)
        .map_err(|e| {
            Error::io(
                format!("cannot create a temp file in \"{}\"", dir.display()),
                e,
            )
        })?;
    // The umask may have narrowed the mode; set it exactly.
    fs::set_permissions(tmp.path(), fs::Permissions::from_mode(mode)).map_err(|e| {
        Error::io(
            format!("cannot set mode on \"{}\"", tmp.path().display()),
            e,
        )
    })?;
    tmp.write_all(contents)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| Error::io(format!("cannot write \"{}\"", path.display()), e))?;
    let backup = if exists {
        let backup = backup_path(path);
        // A hard link keeps the old file under the backup name while the
        // rename below replaces the original atomically: at every moment
        // both the key file and its backup are complete.
        fs::hard_link(path, &backup)
            .or_else(|_| fs::copy(path, &backup).map(|_| ()))
            .map_err(|e| {
                Error::io(
                    format!(
                        "cannot back up \"{}\" to \"{}\"",
                        path.display(),
                        backup.display()
                    ),
                    e,
                )
            })?;
        Some(backup)
    } else {
        None
    };
    tmp.persist(path)
        .map_err(|e| Error::io(format!("cannot replace \"{}\"", path.display()), e.error))?;
    sync_dir(dir)?;
    Ok(backup)
}

/// Remove temp files left in `dir` by writers that died (killed between
/// creating the temp file and renaming it). A temp file's name carries its
/// writer's pid; one whose process is gone is removed. Only where `/proc`
/// tells which processes live; best effort, errors ignored.
pub fn sweep_stale_temps(dir: &Path) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(TEMP_PREFIX)) else {
            continue;
        };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        if !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The backup name for `path`: `<name>.<YYYYmmddTHHMMSS.ffffffZ>.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.6fZ");
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{stamp}.bak"));
    path.with_file_name(name)
}

/// fsync a directory so a rename in it survives a crash.
pub fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| Error::io(format!("cannot sync directory \"{}\"", dir.display()), e))
}

/// Create `path` empty with `mode` if it does not exist (used for the
/// database file, so SQLite never creates it with the umask's mode).
pub fn create_private_file(path: &Path) -> Result<()> {
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        ensure_dir(dir)?;
    }
    match OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(SECRET_MODE)
        .open(path)
    {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(Error::io(
            format!("cannot create \"{}\"", path.display()),
            e,
        )),
    }
}

/// Read a file that must be UTF-8 text, with a message naming the file.
pub fn read_text(path: &Path, what: &str) -> Result<String> {
    let bytes = fs::read(path)
        .map_err(|e| Error::io(format!("cannot read {what} \"{}\"", path.display()), e))?;
    String::from_utf8(bytes)
        .map_err(|_| Error::usage(format!("{what} \"{}\" is not UTF-8 text", path.display())))
}

/// Read all of `reader` (stdin, a file), refusing more than `limit` bytes
/// rather than cutting the input short: nothing is silently lost. The
/// buffer is zeroed on drop, as it may hold a secret. `what` names the
/// input in messages ("the token on stdin").
pub fn read_capped(
    reader: impl std::io::Read,
    limit: usize,
    what: &str,
) -> Result<zeroize::Zeroizing<Vec<u8>>> {
    use std::io::Read;
    let mut buf = zeroize::Zeroizing::new(Vec::new());
    reader
        .take(limit as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|e| Error::io(format!("cannot read {what}"), e))?;
    if buf.len() > limit {
        return Err(Error::usage(format!(
            "{what} is over the {limit}-byte limit"
        )));
    }
    Ok(buf)
}

/// The permission bits of `path`, if it exists.
pub fn mode_of(path: &Path) -> Option<u32> {
    fs::metadata(path)
        .ok()
        .map(|m| m.permissions().mode() & 0o7777)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_with_mode_and_refuses_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let keys = dir.path().join("keys");
        let file = keys.join("secret_key");
        assert_eq!(
            write_atomic(&file, b"one", SECRET_MODE, Overwrite::Refuse).unwrap(),
            None
        );
        assert_eq!(fs::read(&file).unwrap(), b"one");
        assert_eq!(mode_of(&file), Some(0o600));
        assert_eq!(mode_of(&keys), Some(0o700));
        let err = write_atomic(&file, b"two", SECRET_MODE, Overwrite::Refuse).unwrap_err();
        assert_eq!(err.exit_code(), 4);
        assert_eq!(fs::read(&file).unwrap(), b"one");
    }

    #[test]
    fn read_capped_refuses_instead_of_truncating() {
        assert_eq!(
            read_capped(&b"abcd"[..], 4, "x").unwrap().as_slice(),
            b"abcd"
        );
        let err = read_capped(&b"abcde"[..], 4, "the input").unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert_eq!(err.to_string(), "the input is over the 4-byte limit");
    }

    #[test]
    fn temp_files_of_dead_writers_are_swept() {
        let dir = tempfile::tempdir().unwrap();
        // pid 0 never names a user process; u32::MAX never exists.
        let dead = dir.path().join(format!("{TEMP_PREFIX}{}-abc", u32::MAX));
        let alive = dir
            .path()
            .join(format!("{TEMP_PREFIX}{}-def", std::process::id()));
        fs::write(&dead, "x").unwrap();
        fs::write(&alive, "x").unwrap();
        write_atomic(&dir.path().join("f"), b"1", SECRET_MODE, Overwrite::Refuse).unwrap();
        assert!(!dead.exists());
        assert!(alive.exists());
    }

    #[test]
    fn overwrite_keeps_a_backup_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("private_key.pem");
        write_atomic(&file, b"old", SECRET_MODE, Overwrite::Refuse).unwrap();
        let backup = write_atomic(&file, b"new", SECRET_MODE, Overwrite::Backup)
            .unwrap()
            .unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"new");
        assert_eq!(fs::read(&backup).unwrap(), b"old");
        assert_eq!(mode_of(&backup), Some(0o600));
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert!(
            names.iter().all(|n| !n.starts_with(TEMP_PREFIX)),
            "{names:?}"
        );
    }
}
