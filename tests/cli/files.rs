//! The files authctl reads and writes, as root on a server: never through
//! a planted link, FIFOs and oversized files refused at once, a file the
//! caller may not read an error (exit 5) rather than absent, and no core
//! dump that could hold a secret.

use crate::common::*;
use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command as Std, Stdio};
use std::time::Duration;

/// A file outside the config dir that a planted link points at.
fn outside(env: &TestEnv, name: &str) -> PathBuf {
    let dir = env.path().join("outside");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn plant(link: &Path, target: &Path) {
    std::fs::create_dir_all(link.parent().unwrap()).unwrap();
    symlink(target, link).unwrap();
}

#[test]
fn a_planted_audit_link_is_refused_and_nothing_changes() {
    let env = TestEnv::langflow();
    let target = outside(&env, "ld.so.preload");
    plant(&env.config_dir().join("authctl-audit.jsonl"), &target);
    let before = env.snapshot();
    let users = env.lf_sql("select username from user order by username");
    let a = env
        .lf(&["user", "add", "evil", "--password-env", "PW"])
        .env("PW", "Quiet-Harbor-2027")
        .assert()
        .code(5);
    assert_one_line_error(&a, "symbolic link");
    assert!(!target.exists(), "wrote through the link");
    assert_eq!(env.snapshot(), before);
    assert_eq!(
        env.lf_sql("select username from user order by username"),
        users
    );
    // The same with an existing target: not appended to.
    std::fs::write(&target, "keep\n").unwrap();
    env.lf(&["user", "deactivate", "bob"]).assert().code(5);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep\n");
    // A FIFO there fails at once instead of blocking.
    std::fs::remove_file(env.config_dir().join("authctl-audit.jsonl")).unwrap();
    mkfifo(&env.config_dir().join("authctl-audit.jsonl"));
    env.lf(&["user", "deactivate", "bob"])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(5);
    assert_eq!(
        env.lf_sql("select is_active from user where username='bob'")
            .trim(),
        "1"
    );
}

fn mkfifo(path: &Path) {
    let status = Std::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

#[test]
fn no_key_file_is_written_through_a_link() {
    // Each case: the file a command writes, planted as a dangling link.
    let cases: &[(&str, &[&str])] = &[
        ("secret_key", &["secret", "generate", "--write"]),
        ("secret_key", &["secret", "generate", "--write", "--force"]),
        ("private_key.pem", &["keygen", "--alg", "RS256"]),
        ("public_key.pem", &["keygen", "--alg", "RS256"]),
        ("keys.json", &["keygen", "--alg", "RS256"]),
        ("authctl.db", &["user", "list"]),
        (
            "authctl.db",
            &["superuser", "--username", "admin", "--password-env", "PW"],
        ),
    ];
    for (name, args) in cases {
        let env = TestEnv::sqlite();
        let target = outside(&env, "target");
        plant(&env.config_dir().join(name), &target);
        let before = env.snapshot();
        let out = env
            .cmd(args)
            .env("PW", PASSWORD)
            .env("AUTHCTL_PRIVATE_KEY", "")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(5), "{name} {args:?}: {err}");
        assert!(err.contains(name), "{name} {args:?}: {err}");
        assert!(!target.exists(), "{name} {args:?}: wrote through the link");
        assert_eq!(env.snapshot(), before, "{name} {args:?}");
    }
}

#[test]
fn a_link_in_place_of_the_pending_rotation_key_stops_the_rotation() {
    let env = TestEnv::langflow();
    let target = outside(&env, "stolen-key");
    plant(&env.config_dir().join("secret_key.rotating"), &target);
    let before = env.snapshot();
    let a = env.lf(&["secret", "rotate", "--yes"]).assert().code(5);
    assert_one_line_error(&a, "secret_key.rotating");
    assert!(!target.exists());
    assert_eq!(env.snapshot(), before);
}

#[test]
fn a_fifo_as_a_key_or_secret_file_fails_at_once() {
    let env = TestEnv::new();
    let fifo = env.path().join("fifo");
    mkfifo(&fifo);
    let fifo_s = fifo.display().to_string();
    for args in [
        vec![
            "keygen",
            "--alg",
            "RS256",
            "--from-private",
            fifo_s.as_str(),
        ],
        vec!["secret", "check", "--file", fifo_s.as_str()],
        vec!["--env-file", fifo_s.as_str(), "secret", "generate"],
    ] {
        let a = env
            .cmd(&args)
            .timeout(Duration::from_secs(20))
            .assert()
            .code(5);
        assert_one_line_error(&a, "FIFO");
    }
    std::fs::create_dir_all(env.config_dir()).unwrap();
    mkfifo(&env.config_dir().join("secret_key"));
    let a = env
        .cmd(&["secret", "check"])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(5);
    assert_one_line_error(&a, "secret_key");
}

#[test]
fn oversized_env_files_and_key_files_are_refused() {
    let env = TestEnv::new();
    let big = env.path().join("big.env");
    std::fs::write(&big, "A=".to_string() + &"x".repeat(2 * 1024 * 1024)).unwrap();
    let a = env
        .cmd(&["--env-file", big.to_str().unwrap(), "secret", "generate"])
        .assert()
        .code(2);
    assert_one_line_error(&a, "limit");
    std::fs::create_dir_all(env.config_dir()).unwrap();
    std::fs::write(env.config_dir().join("secret_key"), "k".repeat(300 * 1024)).unwrap();
    let a = env.cmd(&["secret", "check"]).assert().code(2);
    assert_one_line_error(&a, "limit");
}

/// Run `args` as an unprivileged user (root ignores file modes).
fn as_nobody(env: &TestEnv, args: &[&str]) -> assert_cmd::Command {
    let bin = env.path().join("authctl-bin");
    if !bin.exists() {
        copy_bin(&bin);
    }
    std::fs::set_permissions(env.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut cmd = Std::new(&bin);
    cmd.env_clear().envs(env.vars()).args(args);
    if is_root() {
        std::os::unix::process::CommandExt::uid(&mut cmd, 65534);
    }
    assert_cmd::Command::from_std(cmd)
}

#[test]
fn a_database_or_key_the_caller_may_not_read_is_exit_5_not_absent() {
    let env = TestEnv::sqlite();
    env.admin();
    env.place_secret("tJ3kF2Y7m9QvVnR1xWcZ0bHsLdEaFKmF6_QMwtcM8mH");
    let token = String::from_utf8(
        env.cmd(&["token", "mint", "--user", "admin"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    // The config dir is root's and closed (0700): nothing in it can be
    // looked at, which must not read as "no users" or "no such user".
    for args in [
        vec!["user", "list"],
        vec!["token", "verify", token.trim()],
        vec!["secret", "check"],
        vec!["keys", "list"],
    ] {
        let a = as_nobody(&env, &args).assert().code(5);
        assert_one_line_error(&a, &env.config_dir().display().to_string());
    }
    // doctor reports it as a failed check, not as a missing database.
    let out = as_nobody(&env, &["doctor"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("cannot look at"), "{report}");
    assert!(!report.contains("does not exist"), "{report}");
    // A readable dir with an unreadable key file names that file.
    std::fs::set_permissions(env.config_dir(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let a = as_nobody(&env, &["secret", "check"]).assert().code(5);
    assert_one_line_error(&a, "secret_key");
    let a = as_nobody(&env, &["user", "list"]).assert().code(5);
    assert_one_line_error(&a, "authctl.db");
}

#[test]
fn the_process_makes_no_core_dump() {
    let env = TestEnv::new();
    env.place_secret(SECRET);
    // `secret encrypt` waits on stdin with the secret key loaded.
    let mut child = Std::new(BIN)
        .env_clear()
        .envs(env.vars())
        .args(["secret", "encrypt"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let limits = format!("/proc/{}/limits", child.id());
    let mut line = String::new();
    for _ in 0..200 {
        line = std::fs::read_to_string(&limits)
            .unwrap_or_default()
            .lines()
            .find(|l| l.starts_with("Max core file size"))
            .unwrap_or_default()
            .to_string();
        if line.split_whitespace().nth(5) == Some("0") {
            break;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    drop(child.stdin.take());
    let _ = child.wait();
    let fields: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(fields.get(4..6), Some(&["0", "0"][..]), "{line}");
}
