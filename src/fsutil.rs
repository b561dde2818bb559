//! Filesystem helpers for files that hold secrets.
//!
//! Invariants: a secret or private-key file is created 0600 inside a 0700
//! directory, written to a temp file in the same directory, fsynced and
//! renamed into place, so a reader sees either the old file or the new one,
//! never a partial one. An existing file is replaced only when the caller
//! says so, and then the old one is kept as a timestamped backup beside it.
//!
//! No write follows a symbolic link or lands on anything but a regular
//! file: new files are opened `O_CREAT|O_EXCL|O_NOFOLLOW`, appends
//! `O_NOFOLLOW`, and a symlink, FIFO, device or directory where a file is
//! to be written or replaced is refused (exit 5) before anything is
//! written. Renames replace the directory entry and never write through
//! it, so a link swapped in after the check is replaced, not followed.
//! Reads follow symlinks (Kubernetes mounts Secret volumes as links), but
//! only to a regular file, opened `O_NONBLOCK` so a FIFO cannot stall them,
//! and never more than the caller's size limit.

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

/// Flags for every open: never block on a FIFO (or a device) at the path.
fn nonblock() -> i32 {
    rustix::fs::OFlags::NONBLOCK.bits() as i32
}

/// Flags for every open that writes: also never follow a final symlink.
fn nofollow() -> i32 {
    (rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK).bits() as i32
}

/// Whether an error says nothing is at the path (`ENOENT`, or `ENOTDIR`:
/// a parent is a plain file).
fn absent(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::NotFound
        || e.raw_os_error() == Some(rustix::io::Errno::NOTDIR.raw_os_error())
}

/// Whether an OS error is `ELOOP`: `O_NOFOLLOW` met a symbolic link.
fn is_symlink_error(e: &std::io::Error) -> bool {
    e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error())
}

/// What kind of non-regular file `meta` describes, for messages.
fn kind_of(meta: &fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_symlink() {
        "a symbolic link"
    } else if t.is_dir() {
        "a directory"
    } else if t.is_fifo() {
        "a FIFO"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_block_device() || t.is_char_device() {
        "a device"
    } else {
        "not a regular file"
    }
}

/// The refusal for a write where a non-regular file stands.
fn refuse_write(path: &Path, kind: &str) -> Error {
    Error::Failure(format!(
        "refusing to write \"{}\": it is {kind}, not a regular file; remove it (authctl never writes through links) and run again",
        path.display()
    ))
}

/// What is at `path` without following a final symlink: `None` when
/// nothing is. A permission failure is an error naming the path (exit 5),
/// never "absent".
pub fn probe(path: &Path) -> Result<Option<fs::Metadata>> {
    match fs::symlink_metadata(path) {
        Ok(m) => Ok(Some(m)),
        Err(e) if absent(&e) => Ok(None),
        Err(e) => Err(Error::io(
            format!(
                "cannot look at \"{}\"; check the permissions of its directory",
                path.display()
            ),
            e,
        )),
    }
}

/// Whether a file is at `path` (following links, as a read would). A
/// permission failure is an error naming the path, never `false`.
pub fn exists(path: &Path) -> Result<bool> {
    match fs::metadata(path) {
        Ok(_) => Ok(true),
        // Nothing there, or a dangling symlink: absent.
        Err(e) if absent(&e) => Ok(false),
        Err(e) => Err(Error::io(
            format!(
                "cannot look at \"{}\"; check the permissions of its directory",
                path.display()
            ),
            e,
        )),
    }
}

/// Whether `path` holds a regular file that a write may replace: `false`
/// when nothing is there, an error (exit 5) for a symlink or any other
/// non-regular file.
pub fn replaceable(path: &Path) -> Result<bool> {
    match probe(path)? {
        None => Ok(false),
        Some(m) if m.file_type().is_file() => Ok(true),
        Some(m) => Err(refuse_write(path, kind_of(&m))),
    }
}

/// Open an existing file to read it: symlinks are followed, but only to a
/// regular file, and the open never blocks. `None` when nothing is there.
pub fn open_regular(path: &Path, what: &str) -> Result<Option<File>> {
    let file = match OpenOptions::new()
        .read(true)
        .custom_flags(nonblock())
        .open(path)
    {
        Ok(f) => f,
        // Nothing there, or a dangling link. (A directory we may not
        // enter is EACCES, an error below, never "absent".)
        Err(e) if absent(&e) => return Ok(None),
        Err(e) => {
            return Err(Error::io(
                format!("cannot read {what} \"{}\"", path.display()),
                e,
            ))
        }
    };
    let meta = file
        .metadata()
        .map_err(|e| Error::io(format!("cannot read {what} \"{}\"", path.display()), e))?;
    if !meta.is_file() {
        return Err(Error::Failure(format!(
            "{what} \"{}\" is {}, not a regular file; point authctl at the file itself",
            path.display(),
            kind_of(&meta)
        )));
    }
    Ok(Some(file))
}

/// The bytes of the regular file at `path` (see `open_regular`), refusing
/// more than `limit`; `None` when nothing is there. Zeroed on drop.
pub fn read_regular(
    path: &Path,
    what: &str,
    limit: usize,
) -> Result<Option<zeroize::Zeroizing<Vec<u8>>>> {
    let Some(file) = open_regular(path, what)? else {
        return Ok(None);
    };
    read_capped(file, limit, &format!("{what} \"{}\"", path.display())).map(Some)
}

/// The largest key, secret or manifest file authctl reads (a 4096-bit PEM
/// is about 3.3 KB).
pub const KEY_FILE_LIMIT: usize = 256 * 1024;

/// Open `path` to append to it, creating it with `mode` if missing, never
/// through a symlink and never onto anything but a regular file.
pub fn open_append(path: &Path, mode: u32) -> Result<File> {
    // Created here (O_EXCL) or already there: only a file this call made
    // takes its directory's owner.
    let open = |create_new: bool| {
        OpenOptions::new()
            .create_new(create_new)
            .append(true)
            .mode(mode)
            .custom_flags(nofollow())
            .open(path)
    };
    let (opened, created) = match open(true) {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => (open(false), false),
        other => (other, true),
    };
    let file = opened.map_err(|e| {
        if is_symlink_error(&e) {
            refuse_write(path, "a symbolic link")
        } else {
            Error::io(format!("cannot open \"{}\" to append", path.display()), e)
        }
    })?;
    let meta = file
        .metadata()
        .map_err(|e| Error::io(format!("cannot open \"{}\"", path.display()), e))?;
    if !meta.is_file() {
        return Err(refuse_write(path, kind_of(&meta)));
    }
    if created {
        set_owner(&file, owner_for(None, parent_of(path)));
    }
    Ok(file)
}

/// The directory `path` is in ("." for a bare name).
fn parent_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."))
}

/// Whether `path` can be appended to now: an existing file is opened for
/// appending (never created, never through a link), a missing one needs a
/// directory this process may write in.
pub fn appendable(path: &Path) -> std::io::Result<()> {
    match OpenOptions::new()
        .append(true)
        .custom_flags(nofollow())
        .open(path)
    {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => rustix::fs::access(
            parent_of(path),
            rustix::fs::Access::WRITE_OK | rustix::fs::Access::EXEC_OK,
        )
        .map_err(std::io::Error::from),
        Err(e) => Err(e),
    }
}

/// The owner a file written into `dir` should have, when it differs from
/// this process's: the file it replaces keeps its owner and group; a new
/// file written as root gets the directory's (a `sudo authctl` in an app's
/// directory must leave files the app, running as its own user, can still
/// read). `None`: leave the owner as created.
fn owner_for(replaced: Option<&fs::Metadata>, dir: &Path) -> Option<(u32, u32)> {
    use std::os::unix::fs::MetadataExt;
    let euid = rustix::process::geteuid().as_raw();
    let egid = rustix::process::getegid().as_raw();
    let (uid, gid) = match replaced {
        Some(m) => (m.uid(), m.gid()),
        None if euid == 0 => {
            let m = fs::metadata(dir).ok()?;
            (m.uid(), m.gid())
        }
        None => return None,
    };
    ((uid, gid) != (euid, egid)).then_some((uid, gid))
}

/// Give `file` the owner `owner_for` chose, through its handle (never a
/// path a link could be swapped into). Best effort: another user can only
/// keep a group it is in, and root cannot chown on some volumes (CIFS,
/// FUSE, an unmapped uid in a user namespace); a file left to its writer,
/// 0600, is the safe outcome, and failing after the file exists would
/// leave work half done.
fn set_owner(file: &File, owner: Option<(u32, u32)>) {
    if let Some((uid, gid)) = owner {
        let _ = std::os::unix::fs::fchown(file, Some(uid), Some(gid));
    }
}

/// Create `dir` (and parents) if missing; a directory we create is 0700.
/// Run as root, each directory it creates takes the owner of the nearest
/// directory that was already there (the app's, in an app's directory).
/// The mode and owner are set through a handle opened without following
/// links, so a directory swapped for a link meanwhile is refused, never
/// chmod-ed or chown-ed in its place.
pub fn ensure_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let cannot = |e: std::io::Error| {
        Error::io(
            format!(
                "cannot create config directory \"{}\"; choose another with --config-dir",
                dir.display()
            ),
            e,
        )
    };
    // The missing levels, outermost first, and the nearest existing one.
    let mut missing = Vec::new();
    let mut existing = dir;
    while !existing.as_os_str().is_empty() && fs::symlink_metadata(existing).is_err() {
        missing.push(existing);
        existing = match existing.parent() {
            Some(p) => p,
            None => break,
        };
    }
    let base = if existing.as_os_str().is_empty() {
        Path::new(".")
    } else {
        existing
    };
    let owner = owner_for(None, base);
    for level in missing.into_iter().rev() {
        match fs::DirBuilder::new().mode(DIR_MODE).create(level) {
            Ok(()) => {}
            // Made meanwhile by another process: use it as it is.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && level.is_dir() => continue,
            Err(e) => return Err(cannot(e)),
        }
        let handle = OpenOptions::new()
            .read(true)
            .custom_flags(
                (rustix::fs::OFlags::DIRECTORY | rustix::fs::OFlags::NOFOLLOW).bits() as i32,
            )
            .open(level)
            .map_err(cannot)?;
        // `mode` is filtered through the umask; make sure it is exactly 0700.
        handle
            .set_permissions(fs::Permissions::from_mode(DIR_MODE))
            .map_err(|e| {
                Error::io(
                    format!("cannot set mode 0700 on \"{}\"", level.display()),
                    e,
                )
            })?;
        set_owner(&handle, owner);
    }
    if !dir.is_dir() {
        return Err(cannot(std::io::Error::from(
            std::io::ErrorKind::NotADirectory,
        )));
    }
    Ok(())
}

/// What to do when the destination already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    /// Refuse with a conflict error (exit 4) naming `--force`.
    Refuse,
    /// Replace it, keeping the old file as `<name>.<UTC timestamp>.bak`.
    Backup,
    /// Replace it, keeping nothing (the caller kept every byte of it).
    Replace,
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
    let exists = replaceable(path)?;
    if exists && overwrite == Overwrite::Refuse {
        return Err(Error::Conflict(format!(
            "\"{}\" already exists; pass --force to replace it (the old file is kept as a backup)",
            path.display()
        )));
    }
    sweep_stale_temps(dir);
    // Owner and mode of the file replaced: kept, but for mode bits beyond
    // `mode` (a secret is never left more readable than authctl writes it).
    let replaced = if exists {
        fs::symlink_metadata(path).ok()
    } else {
        None
    };
    let owner = owner_for(replaced.as_ref(), dir);
    let mode = replaced
        .as_ref()
        .map_or(mode, |m| m.permissions().mode() & mode & 0o7777);
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
    set_owner(tmp.as_file(), owner);
    tmp.write_all(contents)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| Error::io(format!("cannot write \"{}\"", path.display()), e))?;
    let backup = if exists && overwrite == Overwrite::Backup {
        let backup = backup_path(path);
        // A hard link keeps the old file under the backup name while the
        // rename below replaces the original atomically: at every moment
        // both the key file and its backup are complete.
        fs::hard_link(path, &backup)
            .or_else(|_| copy_nofollow(path, &backup))
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
    // The backup of a secret is a secret: no more readable than the new
    // file, whatever mode the app had left the old one in (Flowise writes
    // its key files 0644). Only the backup has the old inode now.
    if let Some(b) = &backup {
        let narrowed = mode_of(b).map_or(mode, |old| old & mode & 0o777);
        fs::set_permissions(b, fs::Permissions::from_mode(narrowed))
            .map_err(|e| Error::io(format!("cannot set mode on \"{}\"", b.display()), e))?;
    }
    sync_dir(dir)?;
    Ok(backup)
}

/// Copy `from` to a new file `to` (0600) without following a symlink at
/// either end, for filesystems that refuse hard links.
fn copy_nofollow(from: &Path, to: &Path) -> std::io::Result<()> {
    let mut src = OpenOptions::new()
        .read(true)
        .custom_flags(nofollow())
        .open(from)?;
    let mut dst = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(SECRET_MODE)
        .custom_flags(nofollow())
        .open(to)?;
    std::io::copy(&mut src, &mut dst)?;
    dst.sync_all()
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
    let stamp = crate::clock::now().format("%Y%m%dT%H%M%S%.6fZ");
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
        .custom_flags(nofollow())
        .open(path)
    {
        Ok(file) => {
            set_owner(&file, owner_for(None, parent_of(path)));
            Ok(())
        }
        // Someone else created it first; it must be a regular file.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => replaceable(path).map(|_| ()),
        Err(e) => Err(Error::io(
            format!("cannot create \"{}\"", path.display()),
            e,
        )),
    }
}

/// Read a regular file (up to `KEY_FILE_LIMIT`) that must exist and be
/// UTF-8 text, with a message naming the file. Zeroed on drop.
pub fn read_text(path: &Path, what: &str) -> Result<zeroize::Zeroizing<String>> {
    let bytes = read_regular(path, what, KEY_FILE_LIMIT)?
        .ok_or_else(|| Error::Failure(format!("{what} \"{}\" does not exist", path.display())))?;
    std::str::from_utf8(&bytes)
        .map(|t| zeroize::Zeroizing::new(t.to_string()))
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

/// A warning when `dir` is writable by its group or others: anyone in
/// them could replace the secret key, the keys or the database in it.
pub fn writable_dir_warning(dir: &Path) -> Option<String> {
    let mode = mode_of(dir)?;
    (mode & 0o022 != 0).then(|| {
        format!(
            "the key directory \"{}\" has mode {mode:04o}, writable by others, who could replace the keys in it; run `chmod 700 \"{}\"`",
            dir.display(),
            dir.display()
        )
    })
}

/// The permission bits of `path` (following links), if it exists.
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
