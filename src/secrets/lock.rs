//! The lock that keeps the secret key from changing under a process using it.
//!
//! Invariants: `secret rotate` holds the lock exclusively from before it
//! reads the secret key until the new one is in place, and every process
//! that encrypts a value into the database with the secret key holds it
//! shared from before it reads the key until its change is committed. So a
//! value is never written under a key that a finished rotation replaced,
//! two rotations never run at once, and a pending key found while holding
//! the lock exclusively belongs to no live process. The lock is an OS file
//! lock (`flock`) on the config directory itself — the one file that is
//! never replaced, so no lock file is written — and the kernel drops it
//! when its holder dies, even by SIGKILL.

use crate::error::{Error, Result};
use crate::fsutil;
use rustix::fs::FlockOperation;
use std::path::Path;
use std::time::{Duration, Instant};

/// Name of the pending new key while a rotation is under way. If a crash
/// leaves it behind, the database may already hold values under this key.
pub const PENDING_FILE: &str = "secret_key.rotating";

/// How long to wait for the lock before giving up (exit 4).
pub const LOCK_WAIT: Duration = Duration::from_secs(30);

/// A held lock; released when dropped or when the process ends.
#[derive(Debug)]
pub struct KeyLock {
    _file: std::fs::File,
}

/// Hold the lock alone (for a rotation), waiting up to `wait`.
pub fn exclusive(config_dir: &Path, wait: Duration) -> Result<KeyLock> {
    acquire(config_dir, FlockOperation::NonBlockingLockExclusive, wait)
}

/// Hold the lock beside other users of the key (for a process that
/// encrypts with it), waiting up to `wait` for a rotation to finish. A
/// rotation that died part-way (its pending key is still there) may have
/// moved the database to the pending key already, so nothing may be
/// encrypted under `secret_key` until it is finished.
pub fn shared(config_dir: &Path, wait: Duration) -> Result<KeyLock> {
    let lock = acquire(config_dir, FlockOperation::NonBlockingLockShared, wait)?;
    let pending = config_dir.join(PENDING_FILE);
    if fsutil::exists(&pending)? {
        return Err(Error::Conflict(format!(
            "a secret key rotation was interrupted (\"{}\" is still there); run `authctl secret rotate` to finish it first",
            pending.display()
        )));
    }
    Ok(lock)
}

fn acquire(config_dir: &Path, op: FlockOperation, wait: Duration) -> Result<KeyLock> {
    fsutil::ensure_dir(config_dir)?;
    let file = std::fs::File::open(config_dir).map_err(|e| {
        Error::io(
            format!("cannot open \"{}\" to lock it", config_dir.display()),
            e,
        )
    })?;
    let deadline = Instant::now() + wait;
    loop {
        match rustix::fs::flock(&file, op) {
            Ok(()) => return Ok(KeyLock { _file: file }),
            Err(e) if e == rustix::io::Errno::WOULDBLOCK || e == rustix::io::Errno::INTR => {
                if Instant::now() >= deadline {
                    return Err(Error::Conflict(format!(
                        "another authctl process is rotating or using the secret key in \"{}\"; wait for it to finish and run again",
                        config_dir.display()
                    )));
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => {
                return Err(Error::io(
                    format!("cannot lock \"{}\"", config_dir.display()),
                    std::io::Error::from(e),
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exclusive_excludes_both_kinds_and_shared_shares() {
        let dir = tempfile::tempdir().unwrap();
        let a = shared(dir.path(), Duration::ZERO).unwrap();
        let b = shared(dir.path(), Duration::ZERO).unwrap();
        let err = exclusive(dir.path(), Duration::from_millis(50)).unwrap_err();
        assert_eq!(err.exit_code(), 4);
        drop((a, b));
        let x = exclusive(dir.path(), Duration::ZERO).unwrap();
        assert_eq!(
            shared(dir.path(), Duration::ZERO).unwrap_err().exit_code(),
            4
        );
        assert_eq!(
            exclusive(dir.path(), Duration::ZERO)
                .unwrap_err()
                .exit_code(),
            4
        );
        drop(x);
        // Locking writes nothing.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
