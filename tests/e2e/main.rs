//! The real-server tier: authctl's output checked by the apps themselves.
//!
//! Run it with `scripts/e2e.sh` (or `AUTHCTL_E2E=1 cargo test --test e2e --
//! --ignored`). Every test here is ignored by a plain `cargo test`, which is
//! the fast hermetic tier. Once asked for, a test never skips: a server that
//! cannot be installed or started is a failure, with its log.
//!
//! Installs are cached outside the clone, in `$AUTHCTL_E2E_CACHE` or else
//! `${XDG_CACHE_HOME:-~/.cache}/authctl-e2e/<app>-<version>`, so a second run
//! starts in seconds.

// A test harness, not authctl: it reads its own environment and prints.
#![allow(clippy::disallowed_methods, clippy::disallowed_macros)]

mod langflow;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

pub const BIN: &str = env!("CARGO_BIN_EXE_authctl");

pub fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Refuses to run outside the tier's command, so an `--include-ignored` run
/// does not spend minutes installing servers by accident.
pub fn require_tier() {
    assert_eq!(
        std::env::var("AUTHCTL_E2E").as_deref(),
        Ok("1"),
        "real-server test: run scripts/e2e.sh (or set AUTHCTL_E2E=1)"
    );
}

/// Where `<app>-<version>` is installed, outside the clone.
pub fn cache_dir(name: &str) -> PathBuf {
    let base = match std::env::var_os("AUTHCTL_E2E_CACHE") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => match std::env::var_os("XDG_CACHE_HOME") {
            Some(dir) if !dir.is_empty() => PathBuf::from(dir).join("authctl-e2e"),
            _ => PathBuf::from(std::env::var_os("HOME").expect("HOME is set"))
                .join(".cache")
                .join("authctl-e2e"),
        },
    };
    std::fs::create_dir_all(&base).expect("create the e2e cache dir");
    base.join(name)
}

/// One server at a time: each takes both cores while it starts.
pub fn serial() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

pub fn run(cmd: &mut Command) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
