//! What an operator running authctl as root on a server must be able to
//! trust: no write through a planted link, no lost key under concurrent or
//! killed rotations, no value skipped or rewritten beyond its secrets,
//! permission failures reported as such, and inputs that cannot stall or
//! exhaust the process.

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

/// Encrypt `plain` under the env's Langflow secret key with authctl.
fn lf_encrypt(env: &TestEnv, plain: &str) -> String {
    let out = env
        .lf(&["secret", "encrypt"])
        .write_stdin(plain.to_string())
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

const FOLDER: &str = "7169db37ee094ae3ba4163ce47e29ae1";

#[test]
fn rotation_stops_on_json_it_cannot_read_and_changes_nothing() {
    let env = TestEnv::langflow();
    let token = lf_encrypt(&env, "folder-secret");
    for doc in [
        format!(r#"{{"api_key": "{token}", "x": nan}}"#),
        format!(r#"{{"api_key": "{token}",}}"#),
        format!(r#"{{"api_key": "{token}""#),
    ] {
        env.lf_sql(&format!(
            "update folder set auth_settings = '{}' where id = '{FOLDER}'",
            doc.replace('\'', "''")
        ));
        let before = env.snapshot();
        let a = env.lf(&["secret", "rotate", "--yes"]).assert().code(5);
        assert_one_line_error(&a, &format!("folder.auth_settings of row {FOLDER}"));
        assert_eq!(env.snapshot(), before, "{doc}");
        let a = env.lf(&["secret", "rotate", "--dry-run"]).assert().code(5);
        assert_one_line_error(&a, "nothing was changed");
    }
}

#[test]
fn rotation_rewrites_only_the_encrypted_strings_of_a_json_value() {
    let env = TestEnv::langflow();
    let token = lf_encrypt(&env, "folder-secret");
    // Key order, a number beyond f64, Python's NaN and Infinity, odd spacing.
    let doc = format!(
        r#"{{"z_last_first": 123456789012345678901234567890, "auth_type":"apikey",  "api_key": "{token}", "ratio": NaN, "max": Infinity, "nested": {{"k": ["{token}", 1.0e400]}}}}"#
    );
    env.lf_sql(&format!(
        "update folder set auth_settings = '{doc}' where id = '{FOLDER}'"
    ));
    env.lf(&["secret", "rotate", "--yes"]).assert().success();
    let after = env
        .lf_sql(&format!(
            "select auth_settings from folder where id = '{FOLDER}'"
        ))
        .trim()
        .to_string();
    let secret = env.lf_secret();
    let tokens: Vec<&str> = after
        .split('"')
        .filter(|s| s.starts_with("gAAAAA"))
        .collect();
    assert_eq!(tokens.len(), 2, "{after}");
    let mut expected = after.clone();
    for t in &tokens {
        assert_ne!(*t, token);
        assert_eq!(py_fernet_decrypt(&secret, t), "folder-secret");
        expected = expected.replacen(t, &token, 1);
    }
    assert_eq!(expected, doc, "bytes other than the tokens changed");
}

fn lf_spawn(env: &TestEnv, args: &[&str]) -> std::process::Child {
    Std::new(BIN)
        .env_clear()
        .envs(env.vars())
        .env_remove("AUTHCTL_CONFIG_DIR")
        .env("LANGFLOW_CONFIG_DIR", env.config_dir())
        .args(["--profile", "langflow"])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Every encrypted credential and API key, decrypted by Python under the
/// current secret_key; panics naming any value that does not decrypt.
fn every_value_decrypts(env: &TestEnv) -> usize {
    let secret = env.lf_secret();
    let values = env.lf_sql(
        "select value from variable where type='Credential' union all select api_key from apikey",
    );
    let script = "import sys\nfrom cryptography.fernet import Fernet\nk=sys.argv[1]\nk+='='*(-len(k)%4)\nf=Fernet(k.encode())\nn=0\nfor v in sys.argv[2:]:\n  f.decrypt(v.encode()); n+=1\nprint(n)";
    let mut args = vec![secret.as_str()];
    args.extend(values.lines().filter(|l| l.starts_with("gAAAAA")));
    python_eval(script, &args).trim().parse().unwrap()
}

#[test]
fn concurrent_rotations_beside_writers_and_kills_never_lose_a_key() {
    let env = TestEnv::langflow();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let base = every_value_decrypts(&env);
    let mut made = 0;
    for round in 0..6 {
        let mut rotations = Vec::new();
        let mut writers = Vec::new();
        for _ in 0..3 {
            rotations.push(lf_spawn(&env, &["secret", "rotate", "--yes"]));
        }
        for i in 0..6 {
            writers.push(lf_spawn(
                &env,
                &[
                    "apikey",
                    "create",
                    "--user",
                    "bob",
                    "--name",
                    &format!("r{round}k{i}"),
                ],
            ));
        }
        // Kill one rotation and one writer at a random moment.
        std::thread::sleep(Duration::from_millis(rng.next(150)));
        let _ = rotations[0].kill();
        let _ = writers[0].kill();
        for mut child in rotations {
            let status = child.wait().unwrap();
            let mut err = String::new();
            std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
            // Success, killed, or "another rotation holds the lock" (4).
            assert!(
                status.success() || status.code().is_none() || status.code() == Some(4),
                "{status:?}: {err}"
            );
        }
        for (i, mut child) in writers.into_iter().enumerate() {
            let status = child.wait().unwrap();
            let mut err = String::new();
            std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
            if status.success() {
                made += 1;
            } else {
                // Killed, or refused while a killed rotation is unfinished.
                assert!(
                    (i == 0 && status.code().is_none())
                        || (status.code() == Some(4) && err.contains("interrupted")),
                    "{status:?}: {err}"
                );
            }
        }
        // Whatever was interrupted is finished or discarded, never lost.
        if env.config_dir().join("secret_key.rotating").exists() {
            env.lf(&["secret", "rotate", "--yes"]).assert().success();
        }
        assert!(!env.config_dir().join("secret_key.rotating").exists());
        assert!(every_value_decrypts(&env) >= base + made);
    }
    env.lf(&["secret", "rotate", "--dry-run"])
        .assert()
        .success();
    let out = env.lf(&["doctor"]).output().unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(!report.contains("FAIL"), "{report}");
}

const INVALID_KEYS: &[(&str, &str)] = &[
    ("invalid-composite-prime.pem", "composite"),
    ("invalid-crt.pem", "CRT"),
    ("invalid-p-equals-q.pem", "p = q"),
    ("invalid-close-primes.pem", "close together"),
];

#[test]
fn invalid_rsa_keys_are_refused_everywhere_and_nothing_panics() {
    for (name, why) in INVALID_KEYS {
        let path = fixture_key(name);
        let pem = std::fs::read_to_string(&path).unwrap();
        // Import.
        let env = TestEnv::new();
        let a = env
            .cmd(&[
                "keygen",
                "--alg",
                "RS256",
                "--from-private",
                path.to_str().unwrap(),
            ])
            .assert()
            .code(2);
        assert_one_line_error(&a, "invalid RSA key");
        assert_one_line_error(&a, why);
        assert_eq!(env.snapshot(), Default::default(), "{name}");
        // From the environment: mint refuses (exit 2), never aborts.
        env.admin();
        let a = env
            .cmd(&["token", "mint", "--user", "admin"])
            .env("AUTHCTL_ALGORITHM", "RS256")
            .env("AUTHCTL_PRIVATE_KEY", &pem)
            .assert()
            .code(2);
        assert_one_line_error(&a, "AUTHCTL_PRIVATE_KEY");
        assert_one_line_error(&a, "invalid RSA key");
        // From the key file, placed by hand: mint refuses, doctor fails.
        std::fs::create_dir_all(env.config_dir()).unwrap();
        std::fs::write(env.config_dir().join("private_key.pem"), &pem).unwrap();
        std::fs::set_permissions(
            env.config_dir().join("private_key.pem"),
            std::fs::Permissions::from_mode(0o600),
        )
        .unwrap();
        let a = env
            .cmd(&["token", "mint", "--user", "admin"])
            .env("AUTHCTL_ALGORITHM", "RS256")
            .assert()
            .code(2);
        assert_one_line_error(&a, "invalid RSA key");
        let out = env
            .cmd(&["--json", "doctor"])
            .env("AUTHCTL_ALGORITHM", "RS256")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}");
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let rsa = report["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "keys.rsa")
            .unwrap();
        assert_eq!(rsa["status"], "fail", "{name}: {rsa}");
    }
}

#[test]
fn two_private_keys_in_one_pem_are_refused() {
    let env = TestEnv::new();
    let path = fixture_key("two-private-keys.pem");
    let a = env
        .cmd(&[
            "keygen",
            "--alg",
            "RS256",
            "--from-private",
            path.to_str().unwrap(),
        ])
        .assert()
        .code(2);
    assert_one_line_error(&a, "2 private keys");
    env.admin();
    let a = env
        .cmd(&["token", "mint", "--user", "admin"])
        .env("AUTHCTL_ALGORITHM", "RS256")
        .env(
            "AUTHCTL_PRIVATE_KEY",
            std::fs::read_to_string(&path).unwrap(),
        )
        .assert()
        .code(2);
    assert_one_line_error(&a, "2 private keys");
}

#[test]
fn a_public_key_variable_that_does_not_match_is_an_error_everywhere() {
    let env = TestEnv::new();
    env.admin();
    env.place_keys("a");
    let token = String::from_utf8(
        env.cmd(&["token", "mint", "--user", "admin"])
            .env("AUTHCTL_ALGORITHM", "RS256")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let other = std::fs::read_to_string(fixture_key("rsa2048-pkcs1.pub.pem")).unwrap();
    let a = env
        .cmd(&["token", "verify", token.trim()])
        .env("AUTHCTL_ALGORITHM", "RS256")
        .env("AUTHCTL_PUBLIC_KEY", &other)
        .assert()
        .code(2);
    assert_one_line_error(&a, "AUTHCTL_PUBLIC_KEY does not match");
    let out = env
        .cmd(&["--json", "doctor"])
        .env("AUTHCTL_ALGORITHM", "RS256")
        .env("AUTHCTL_PUBLIC_KEY", &other)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["id"] == "keys.variables" && c["status"] == "fail"));
    // The matching public key is fine.
    let own = std::fs::read_to_string(fixture_key("rsa2048-pkcs8.pub.pem")).unwrap();
    env.cmd(&["token", "verify", token.trim()])
        .env("AUTHCTL_ALGORITHM", "RS256")
        .env("AUTHCTL_PUBLIC_KEY", &own)
        .assert()
        .success();
}

#[test]
fn doctor_judges_the_key_directory_and_secret_backups() {
    let env = TestEnv::new();
    env.admin();
    env.place_secret(SECRET);
    let check = |id: &str| -> String {
        let out = env.cmd(&["--json", "doctor"]).output().unwrap();
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        report["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()["status"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(check("keys.dir_mode"), "pass");
    // Group- or world-writable, with no private key in it: fails.
    std::fs::set_permissions(env.config_dir(), std::fs::Permissions::from_mode(0o770)).unwrap();
    assert_eq!(check("keys.dir_mode"), "fail");
    let a = env.cmd(&["keygen", "--alg", "HS256"]).assert().success();
    assert!(
        String::from_utf8_lossy(&a.get_output().stderr).contains("0770"),
        "keygen does not warn about the directory"
    );
    std::fs::set_permissions(env.config_dir(), std::fs::Permissions::from_mode(0o700)).unwrap();
    // A world-readable backup of the secret key fails.
    env.cmd(&["secret", "generate", "--write", "--force"])
        .assert()
        .success();
    assert_eq!(check("keys.backup_mode"), "pass");
    let backup = std::fs::read_dir(env.config_dir())
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().ends_with(".bak"))
        .unwrap()
        .path();
    std::fs::set_permissions(&backup, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(check("keys.backup_mode"), "fail");
}

#[test]
fn stored_names_reach_the_terminal_escaped() {
    let env = TestEnv::langflow();
    // Langflow lets anyone pick a username on sign-up.
    env.lf_sql(
        "update user set username = 'bob' || char(27) || '[2J' || char(10) || 'root' || char(8238) where username = 'bob'",
    );
    let raw_bob = "bob\u{1b}[2J\nroot\u{202e}";
    for args in [
        vec!["user", "list"],
        vec!["apikey", "list"],
        vec!["user", "show", raw_bob],
        vec!["user", "activate", raw_bob, "nobody-here"],
    ] {
        let out = env.lf(&args).output().unwrap();
        for stream in [&out.stdout, &out.stderr] {
            let text = String::from_utf8_lossy(stream);
            assert!(!text.contains('\u{1b}'), "{args:?}: {text:?}");
            assert!(!text.contains('\u{202e}'), "{args:?}: {text:?}");
            assert!(!text.contains("\nroot"), "{args:?}: {text:?}");
        }
    }
    let out = env.lf(&["user", "list"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("bob\\u{1b}[2J\\nroot\\u{202e}"));
    // JSON stays exact.
    let out = env.lf(&["--json", "user", "list"]).output().unwrap();
    let users: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(users
        .as_array()
        .unwrap()
        .iter()
        .any(|u| u["username"] == raw_bob));
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

#[test]
fn a_foreign_database_is_refused_before_anything_in_it_changes() {
    // A table of another app's, and one that merely shares a name with
    // authctl's own (`users`, with no authctl schema version).
    for table in ["flows", "users"] {
        refused_untouched(table);
    }
}

fn refused_untouched(table: &str) {
    let env = TestEnv::sqlite();
    std::fs::create_dir_all(env.config_dir()).unwrap();
    python_eval(
        "import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nc.execute('create table %s (id integer primary key, body text)' % sys.argv[2])\nc.execute(\"insert into %s (body) values ('x')\" % sys.argv[2])\nc.commit()",
        &[&env.db().display().to_string(), table],
    );
    let before = env.snapshot();
    for args in [
        vec!["user", "list"],
        vec!["user", "add", "alice", "--password-env", "PW"],
        vec!["doctor"],
    ] {
        let out = env
            .cmd(&args)
            .env("PW", "Quiet-Harbor-2027")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        if args[0] != "doctor" {
            assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
            assert!(err.contains("another application"), "{err}");
            assert!(err.contains("langflow"), "{err}");
        }
        assert_eq!(env.snapshot(), before, "{args:?} changed the file");
        assert!(
            !env.config_dir().join("authctl.db-wal").exists(),
            "{args:?}"
        );
    }
    assert_eq!(
        env.sql("pragma journal_mode").trim(),
        "delete",
        "the journal mode was changed"
    );
}

#[test]
fn a_read_never_migrates_an_older_schema() {
    let env = TestEnv::sqlite();
    std::fs::create_dir_all(env.config_dir()).unwrap();
    // Schema version 1 (users and audit_log) with one user, as an older
    // authctl left it.
    let hash = python_eval(
        "import bcrypt,sys\nprint(bcrypt.hashpw(sys.argv[1].encode(), bcrypt.gensalt(10)).decode())",
        &[PASSWORD],
    )
    .trim()
    .to_string();
    python_eval(
        "import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nc.executescript('''CREATE TABLE users (id TEXT PRIMARY KEY NOT NULL, username TEXT NOT NULL COLLATE NOCASE UNIQUE, password_hash TEXT NOT NULL, is_active INTEGER NOT NULL DEFAULT 0, is_superuser INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, last_login_at TEXT); CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '{}'); PRAGMA user_version = 1;''')\nc.execute(\"insert into users values ('u1','old',?,1,1,'2020-01-01T00:00:00Z','2020-01-01T00:00:00Z',NULL)\", (sys.argv[2],))\nc.commit()",
        &[&env.db().display().to_string(), &hash],
    );
    let before = env.snapshot();
    let out = env.cmd(&["--json", "user", "list"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"old\""));
    env.cmd(&["doctor"]).output().unwrap();
    assert_eq!(env.snapshot(), before, "a read changed the database");
    assert_eq!(env.sql("pragma user_version").trim(), "1");
    // A write upgrades it.
    env.user("new");
    assert_eq!(env.sql("pragma user_version").trim(), "3");
}

#[test]
fn expire_settings_are_capped_like_ttl() {
    let env = TestEnv::new();
    for (var, value) in [
        ("AUTHCTL_ACCESS_TOKEN_EXPIRE_SECONDS", "3153600001"),
        ("AUTHCTL_REFRESH_TOKEN_EXPIRE_SECONDS", "99999999999999"),
    ] {
        let a = env
            .cmd(&["secret", "generate"])
            .env(var, value)
            .assert()
            .code(2);
        assert_one_line_error(&a, var);
        assert_one_line_error(&a, "100 years");
    }
}

#[test]
fn passwords_and_usernames_are_one_unicode_form() {
    let env = TestEnv::new();
    env.admin();
    // NUL and other control characters: refused, nothing written.
    for bad in ["Quiet\0Harbor-2027", "Quiet\u{7}Harbor-2027"] {
        let before = env.snapshot();
        let a = env
            .cmd(&["user", "add", "nul", "--password-stdin"])
            .write_stdin(format!("{bad}\n"))
            .assert()
            .code(2);
        assert_one_line_error(&a, "password refused");
        assert_eq!(env.snapshot(), before);
    }
    // Names with bidi overrides or zero-width characters are refused.
    for bad in ["ad\u{202e}min", "bo\u{200b}b"] {
        env.cmd(&["user", "add", bad, "--password-env", "PW"])
            .env("PW", "Quiet-Harbor-2027")
            .assert()
            .code(2);
    }
    // josé typed decomposed (macOS) and composed (Linux) is one user with
    // one password; ÉVE and éve are one name.
    let nfd = "jose\u{301}";
    let nfc = "jos\u{e9}";
    env.cmd(&["user", "add", nfd, "--active", "--password-env", "PW"])
        .env("PW", "Cafe\u{301}-Harbor-2027")
        .assert()
        .success();
    assert_eq!(
        env.sql("select username from users where username like 'jos%'")
            .trim(),
        nfc
    );
    env.cmd(&["user", "add", nfc, "--password-env", "PW"])
        .env("PW", "Quiet-Harbor-2027")
        .assert()
        .code(4);
    let hash = env.sql(&format!(
        "select password_hash from users where username = '{nfc}'"
    ));
    let ok = python_eval(
        "import bcrypt,sys\nprint(bcrypt.checkpw(sys.argv[1].encode(), sys.argv[2].encode()))",
        &["Caf\u{e9}-Harbor-2027", hash.trim()],
    );
    assert_eq!(ok.trim(), "True", "the NFC password does not verify");
    env.user("éve");
    env.cmd(&["user", "show", "ÉVE"]).assert().success();
    env.cmd(&["user", "add", "ÉVE", "--password-env", "PW"])
        .env("PW", "Quiet-Harbor-2027")
        .assert()
        .code(4);
}

#[test]
fn langflow_names_that_differ_only_by_case_are_ambiguous() {
    let env = TestEnv::langflow();
    // Langflow's own index folds ASCII only, so these can coexist.
    env.lf_sql("update user set username = 'Émile' where username = 'bob'");
    env.lf_sql("update user set username = 'émile' where username = 'carol'");
    let a = env.lf(&["user", "show", "ÉMILE"]).assert().code(4);
    assert_one_line_error(&a, "differ only by case");
    assert_one_line_error(&a, "Émile");
    assert_one_line_error(&a, "émile");
    // Existing names are still found as they are stored.
    env.lf(&["user", "show", "admin"]).assert().success();
    env.lf(&["user", "show", "ADMIN"]).assert().success();
}

#[test]
fn nothing_is_encrypted_while_a_killed_rotation_is_unfinished() {
    let env = TestEnv::langflow();
    std::fs::write(
        env.config_dir().join("secret_key.rotating"),
        "q0W8y1mZ2xN3cV4bA5sD6fG7hJ8kL9pO0iU1yT2rE3w",
    )
    .unwrap();
    let before = env.snapshot();
    let a = env
        .lf(&["apikey", "create", "--user", "bob", "--name", "during"])
        .assert()
        .code(4);
    assert_one_line_error(&a, "secret rotate");
    assert_eq!(env.snapshot(), before);
    // Finishing (here: discarding) the rotation lets it through.
    env.lf(&["secret", "rotate", "--yes"]).assert().success();
    env.lf(&["apikey", "create", "--user", "bob", "--name", "after"])
        .assert()
        .success();
}

#[test]
fn a_rotation_waits_for_the_process_holding_the_key_lock() {
    let env = TestEnv::langflow();
    // Another process holds the lock for a moment, as a rotation or an
    // encrypting writer would.
    let mut holder = Std::new("python3")
        .args([
            "-c",
            "import fcntl,os,sys,time\nfd=os.open(sys.argv[1],os.O_RDONLY)\nfcntl.flock(fd,fcntl.LOCK_EX)\nprint('held',flush=True)\ntime.sleep(1.5)",
            env.config_dir().to_str().unwrap(),
        ])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(holder.stdout.as_mut().unwrap()),
        &mut line,
    )
    .unwrap();
    assert_eq!(line.trim(), "held");
    env.lf(&["secret", "rotate", "--yes"]).assert().success();
    // The holder gives the lock up only by exiting: the rotation finished
    // after it, having waited instead of running beside it.
    assert!(
        holder.try_wait().unwrap().is_some(),
        "the rotation ran while another process held the lock"
    );
    assert!(every_value_decrypts(&env) > 0);
    env.lf(&["secret", "rotate", "--dry-run"])
        .assert()
        .success();
}

/// Encrypt `plain` under `secret` as Langflow does, with Python.
fn py_fernet_encrypt(secret: &str, plain: &str) -> String {
    python_eval(
        "import sys\nfrom cryptography.fernet import Fernet\nk=sys.argv[1]\nk+='='*(-len(k)%4)\nprint(Fernet(k.encode()).encrypt(sys.argv[2].encode()).decode())",
        &[secret, plain],
    )
    .trim()
    .to_string()
}

#[test]
fn an_interrupted_rotation_with_values_under_both_keys_is_finished_not_discarded() {
    let env = TestEnv::langflow();
    let pending_key = "q0W8y1mZ2xN3cV4bA5sD6fG7hJ8kL9pO0iU1yT2rE3w";
    std::fs::write(env.config_dir().join("secret_key.rotating"), pending_key).unwrap();
    // One value already under the pending key, the rest under secret_key.
    let moved = py_fernet_encrypt(pending_key, "moved-value");
    env.lf_sql(&format!(
        "update variable set value = '{moved}' where name = 'OPENAI_API_KEY' and type = 'Credential'"
    ));
    let before = every_value_decrypts_count(&env);
    env.lf(&["secret", "rotate", "--dry-run"])
        .assert()
        .success();
    assert!(env.config_dir().join("secret_key.rotating").exists());
    env.lf(&["secret", "rotate", "--yes"]).assert().success();
    assert!(!env.config_dir().join("secret_key.rotating").exists());
    assert_eq!(env.lf_secret(), pending_key);
    assert_eq!(every_value_decrypts(&env), before);
    let value = env.lf_sql("select value from variable where name = 'OPENAI_API_KEY'");
    assert_eq!(py_fernet_decrypt(pending_key, value.trim()), "moved-value");
}

#[test]
fn an_interrupted_rotation_with_a_value_under_neither_key_keeps_both() {
    let env = TestEnv::langflow();
    let pending_key = "q0W8y1mZ2xN3cV4bA5sD6fG7hJ8kL9pO0iU1yT2rE3w";
    std::fs::write(env.config_dir().join("secret_key.rotating"), pending_key).unwrap();
    let stray = py_fernet_encrypt("tJ3kF2Y7m9QvVnR1xWcZ0bHsLdEaFKmF6_QMwtcM8mH", "stray");
    env.lf_sql(&format!(
        "update variable set value = '{stray}' where name = 'OPENAI_API_KEY' and type = 'Credential'"
    ));
    let before = env.snapshot();
    let a = env.lf(&["secret", "rotate", "--yes"]).assert().code(4);
    assert_one_line_error(&a, "both keys are kept");
    assert_eq!(env.snapshot(), before);
}

/// How many encrypted values there are (all must decrypt under secret_key).
fn every_value_decrypts_count(env: &TestEnv) -> usize {
    env.lf_sql(
        "select value from variable where type='Credential' union all select api_key from apikey",
    )
    .lines()
    .filter(|l| l.starts_with("gAAAAA"))
    .count()
}
