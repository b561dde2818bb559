//! Hardening: a table of bad inputs across every command (exit code, one
//! line, nothing changed), SIGKILL at random moments, and 32 concurrent
//! writers.

use crate::common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command as Std, Stdio};
use std::time::Duration;

struct Case {
    args: Vec<String>,
    env: Vec<(String, String)>,
    stdin: Vec<u8>,
    code: i32,
    needle: &'static str,
}

fn case(args: &[&str], code: i32, needle: &'static str) -> Case {
    Case {
        args: args.iter().map(|s| s.to_string()).collect(),
        env: Vec::new(),
        stdin: Vec::new(),
        code,
        needle,
    }
}

impl Case {
    fn env(mut self, k: &str, v: &str) -> Self {
        self.env.push((k.into(), v.into()));
        self
    }
    fn stdin(mut self, s: impl Into<Vec<u8>>) -> Self {
        self.stdin = s.into();
        self
    }
}

fn tree(paths: &[PathBuf]) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut all = BTreeMap::new();
    for p in paths {
        if p.is_dir() {
            all.extend(snapshot_dir(p));
        } else if let Ok(b) = std::fs::read(p) {
            all.insert(p.clone(), b);
        }
    }
    all
}

fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

#[test]
fn bad_input_table() {
    let env = TestEnv::sqlite();
    env.admin();
    env.user("bob");
    env.cmd(&["user", "add", "carol", "--password-stdin"])
        .write_stdin("Waits-For-Approval-2026\n")
        .assert()
        .success();
    env.place_secret(SECRET);
    let p = env.path();
    let s = |x: &Path| x.to_str().unwrap().to_string();
    std::fs::write(p.join("garbage.db"), "just text, not SQLite\n").unwrap();
    std::fs::create_dir_all(p.join("a-directory")).unwrap();
    std::fs::write(p.join("notutf8"), [0xff, 0xfe, 0x41, 0x0a]).unwrap();
    std::fs::write(p.join("bad.env"), "GOOD=1\nthis line is not valid\n").unwrap();
    std::fs::write(p.join("empty.pem"), "").unwrap();
    std::fs::write(p.join("plain"), "x").unwrap();
    let (garbage, dir, notutf8, badenv, empty) = (
        s(&p.join("garbage.db")),
        s(&p.join("a-directory")),
        s(&p.join("notutf8")),
        s(&p.join("bad.env")),
        s(&p.join("empty.pem")),
    );
    let key = |n: &str| s(&fixture_key(n));
    let none = format!(
        "{}.{}.",
        b64(br#"{"alg":"none"}"#),
        b64(br#"{"sub":"x","exp":9999999999}"#)
    );
    let not_json = format!("{}.e30.sig", b64(b"not json"));
    let big = "a".repeat(100 * 1024);
    let uncreatable = s(&p.join("plain").join("cfg"));
    let cases = vec![
        // Tokens: malformed, oversize, bad UTF-8, unknown options.
        case(&["token", "decode", ""], 2, "empty"),
        case(&["token", "decode", "abc"], 2, "segments"),
        case(&["token", "decode", "a.b.c.d"], 2, "segments"),
        case(&["token", "decode", "a.b.c.d.e"], 2, "JWE"),
        case(&["token", "decode", "!!!.e30.x"], 2, "base64"),
        case(&["token", "decode", &not_json], 2, "JSON"),
        case(&["token", "decode", "-"], 2, "UTF-8").stdin(vec![0xff, 0xfe, b'.', b'a']),
        case(&["token", "decode", "-"], 2, "limit").stdin(big.clone()),
        case(&["token", "verify", "abc"], 1, "segments"),
        case(&["token", "verify", &none], 1, "not allowed"),
        case(&["token", "verify", &not_json], 1, "JSON"),
        case(
            &["token", "verify", "--at", "yesterday", "a.b.c"],
            2,
            "--at",
        ),
        case(&["token", "verify", "--type", "bogus", "a.b.c"], 2, "bogus"),
        case(&["token", "verify", "--leeway", "-5", "a.b.c"], 2, "-5"),
        case(
            &["token", "mint", "--user", "admin", "--ttl", "0"],
            2,
            "--ttl",
        ),
        case(
            &["token", "mint", "--user", "admin", "--ttl", "-1"],
            2,
            "--ttl",
        ),
        case(
            &["token", "mint", "--user", "admin", "--ttl", "soon"],
            2,
            "--ttl",
        ),
        case(&["token", "mint", "--user", "nobody"], 3, "does not exist"),
        case(&["token", "mint", "--user", "carol"], 4, "inactive"),
        case(
            &["token", "mint", "--user", "admin", "--alg", "RS999"],
            2,
            "RS999",
        ),
        case(
            &["token", "mint", "--user", "admin", "--claim", "noequals"],
            2,
            "KEY=VALUE",
        ),
        case(
            &["token", "mint", "--user", "admin", "--claim", "exp=5"],
            2,
            "exp",
        ),
        case(
            &["token", "mint", "--user", "admin", "--alg", "RS256"],
            3,
            "authctl keygen --alg RS256",
        ),
        case(&["token", "mint", "--user", "admin"], 2, "HS999").env("AUTHCTL_ALGORITHM", "HS999"),
        case(
            &["token", "revoke", "--jti", "nope"],
            3,
            "no recorded refresh token",
        ),
        case(&["token", "revoke", "--user", "admin"], 2, "--all"),
        case(&["token", "list", "--user", "nobody"], 3, "does not exist"),
        // Keys: wrong types, sizes, encrypted, truncated, binary, missing.
        case(
            &[
                "keygen",
                "--alg",
                "RS256",
                "--from-private",
                &key("rsa1024.pem"),
            ],
            2,
            "2048",
        ),
        case(
            &[
                "keygen",
                "--alg",
                "RS256",
                "--from-private",
                &key("ec-p256.pem"),
            ],
            2,
            "RSA",
        ),
        case(
            &[
                "keygen",
                "--alg",
                "RS256",
                "--from-private",
                &key("ed25519.pem"),
            ],
            2,
            "RSA",
        ),
        case(
            &[
                "keygen",
                "--alg",
                "RS256",
                "--from-private",
                &key("rsa2048-encrypted-pkcs8.pem"),
            ],
            2,
            "encrypted",
        ),
        case(
            &[
                "keygen",
                "--alg",
                "RS256",
                "--from-private",
                &key("rsa2048-truncated.pem"),
            ],
            2,
            "--from-private",
        ),
        case(
            &[
                "keygen",
                "--alg",
                "RS256",
                "--from-private",
                &key("binary.bin"),
            ],
            2,
            "--from-private",
        ),
        case(
            &["keygen", "--alg", "RS256", "--from-private", &empty],
            2,
            "--from-private",
        ),
        case(
            &[
                "keygen",
                "--alg",
                "RS256",
                "--from-private",
                &key("rsa2048-pkcs8.pub.pem"),
            ],
            2,
            "public",
        ),
        case(
            &[
                "keygen",
                "--alg",
                "RS256",
                "--from-private",
                "/no/such/key.pem",
            ],
            5,
            "/no/such/key.pem",
        ),
        case(&["keygen", "--alg", "RS256", "--bits", "1024"], 2, "1024"),
        case(&["keygen", "--alg", "HS512"], 2, "HS512"),
        case(&["keygen", "--alg", "RS256"], 2, "AUTHCTL_PRIVATE_KEY")
            .env("AUTHCTL_PRIVATE_KEY", "not a key"),
        case(
            &["keygen", "--alg", "HS256", "--from-private", "x.pem"],
            2,
            "RS256",
        ),
        case(&["keys", "retire", "no-such-kid"], 3, "no-such-kid"),
        case(&["keys", "export", "--format", "xml"], 2, "xml"),
        // Secrets.
        case(&["secret", "generate", "--bytes", "16"], 2, "32"),
        case(&["secret", "generate", "--bytes", "999999"], 2, "--bytes"),
        case(&["secret", "generate", "--env", "BAD NAME"], 2, "BAD NAME"),
        case(&["secret", "generate", "--force"], 2, "--write"),
        case(
            &["secret", "check", "--file", "/no/such/secret"],
            5,
            "/no/such/secret",
        ),
        case(&["secret", "check", "--env", "UNSET_VAR"], 2, "UNSET_VAR"),
        case(&["secret", "check", "--file", &notutf8], 2, "UTF-8"),
        case(&["secret", "check", "--stdin"], 2, "limit").stdin(big.clone()),
        case(
            &["keygen", "--alg", "RS256", "--from-private", "-"],
            2,
            "limit",
        )
        .stdin("A".repeat(2 << 20)),
        case(&["secret", "decrypt"], 1, "does not decrypt").stdin("gAAAAABgarbage"),
        case(&["secret", "decrypt"], 2, "UTF-8").stdin(vec![0xff, 0xfe]),
        case(&["secret", "encrypt"], 2, "Fernet").env("AUTHCTL_SECRET_KEY", &"x".repeat(40)),
        case(&["secret", "rotate"], 2, "--yes"),
        case(&["secret", "rotate", "--new-key-stdin", "--yes"], 2, "weak").stdin("changeme\n"),
        // Users and passwords.
        case(&["user", "add", "", "--password-env", "PW"], 2, "empty")
            .env("PW", "Quiet-Harbor-2027"),
        case(
            &["user", "add", " dave", "--password-env", "PW"],
            2,
            "whitespace",
        )
        .env("PW", "Quiet-Harbor-2027"),
        case(
            &["user", "add", "BOB", "--password-env", "PW"],
            4,
            "already exists",
        )
        .env("PW", "Quiet-Harbor-2027"),
        case(
            &["user", "add", "dave", "--password-file", "/no/such/pw"],
            5,
            "/no/such/pw",
        ),
        case(
            &["user", "add", "dave", "--password-file", &notutf8],
            2,
            "UTF-8",
        ),
        case(
            &["user", "add", "dave", "--password-stdin"],
            2,
            "more than one line",
        )
        .stdin("Quiet-Harbor-2027\nsecond\n"),
        case(&["user", "add", "dave", "--password-stdin"], 2, "bytes").stdin(big.clone()),
        case(&["user", "add", "dave", "--password-stdin"], 2, "UTF-8")
            .stdin(vec![0xff, 0xfe, 0x0a]),
        case(
            &[
                "user",
                "add",
                "dave",
                "--password-stdin",
                "--password-env",
                "PW",
            ],
            2,
            "cannot be used with",
        ),
        case(&["user", "show", "nobody"], 3, "does not exist"),
        case(&["user", "activate", "bob", "nobody"], 3, "\"nobody\""),
        case(
            &["user", "delete", "admin", "--yes"],
            4,
            "last active superuser",
        ),
        case(&["user", "delete", "bob"], 2, "--yes"),
        case(&["user", "passwd", "bob", "--password-stdin"], 2, "common").stdin("password123\n"),
        case(
            &[
                "superuser",
                "--username",
                "admin",
                "--if-not-exists",
                "--reset-password",
            ],
            2,
            "cannot be used with",
        ),
        case(&["apikey", "revoke", "nope"], 3, "nope"),
        case(
            &["apikey", "create", "--user", "nobody"],
            3,
            "does not exist",
        ),
        // Settings, databases, directories.
        case(
            &["--db", &garbage, "user", "list"],
            5,
            "not a SQLite database",
        ),
        case(&["--db", &dir, "user", "list"], 2, "directory"),
        case(
            &["--db", "mysql://h/db", "user", "list"],
            2,
            "not supported",
        ),
        case(
            &[
                "--db",
                "postgresql://u:pw@h/db?sslmode=strict",
                "user",
                "list",
            ],
            2,
            "sslmode",
        ),
        case(
            &["--db", "postgresql://u:s3cret@h/db", "user", "list"],
            2,
            "process list",
        ),
        case(
            &["--env-file", "/no/such/.env", "user", "list"],
            2,
            "--env-file",
        ),
        case(&["--env-file", &badenv, "user", "list"], 2, "line 2"),
        case(&["--env-file", &notutf8, "user", "list"], 2, "UTF-8"),
        case(&["user", "list"], 2, "AUTHCTL_BCRYPT_COST").env("AUTHCTL_BCRYPT_COST", "99"),
        case(&["user", "list"], 2, "AUTHCTL_PROFILE").env("AUTHCTL_PROFILE", "django"),
        case(
            &[
                "--config-dir",
                &uncreatable,
                "secret",
                "generate",
                "--write",
            ],
            5,
            "cannot create",
        ),
        case(
            &[
                "--profile",
                "langflow",
                "--db",
                &s(&env.db()),
                "user",
                "list",
            ],
            2,
            "--profile native",
        ),
        case(&["doctor", "--bogus"], 2, "--bogus"),
        case(&["completions", "tcsh"], 2, "tcsh"),
    ];
    assert!(cases.len() >= 60, "{} cases", cases.len());
    let watched = [
        env.config_dir(),
        p.join("garbage.db"),
        p.join("notutf8"),
        p.join("plain"),
    ];
    let before = tree(&watched);
    let db_before = env.sql("select * from users order by id");
    for c in &cases {
        let out = Std::new(BIN)
            .env_clear()
            .envs(env.vars())
            .envs(c.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .args(&c.args)
            .current_dir(p)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .and_then(|mut child| {
                use std::io::Write;
                let mut stdin = child.stdin.take().unwrap();
                let _ = stdin.write_all(&c.stdin);
                drop(stdin);
                child.wait_with_output()
            })
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        let lines: Vec<_> = err
            .lines()
            .filter(|l| !l.starts_with("authctl: warning"))
            .collect();
        assert_eq!(out.status.code(), Some(c.code), "{:?}: {err}", c.args);
        assert_eq!(lines.len(), 1, "{:?}: not one line: {err:?}", c.args);
        assert!(
            lines[0].contains(c.needle),
            "{:?}: {:?} not in {err:?}",
            c.args,
            c.needle
        );
        assert!(!err.contains("panicked"), "{:?}: {err}", c.args);
        assert_eq!(tree(&watched), before, "{:?} changed a file", c.args);
    }
    assert_eq!(env.sql("select * from users order by id"), db_before);
}

fn spawn(env: &TestEnv, args: &[&str], extra: &[(&str, &str)]) -> std::process::Child {
    Std::new(BIN)
        .env_clear()
        .envs(env.vars())
        .envs(extra.iter().copied())
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn kill_at(mut child: std::process::Child, after: Duration) {
    std::thread::sleep(after);
    let _ = child.kill(); // SIGKILL
    let _ = child.wait();
}

fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|r| {
            r.flatten()
                .map(|e| e.file_name().to_string_lossy().to_string())
                .filter(|n| n.starts_with(".authctl-tmp"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn sigkill_at_random_moments_loses_nothing() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let env = TestEnv::new();
    env.admin();
    let dir = env.config_dir();

    // keygen --force: the pair is always complete; a rerun finishes any
    // interrupted rotation; tokens keep verifying with the kept keys.
    env.cmd(&["keygen", "--alg", "RS256"]).assert().success();
    for _ in 0..25 {
        let child = spawn(&env, &["keygen", "--alg", "RS256", "--force"], &[]);
        kill_at(child, Duration::from_millis(rng.next(400)));
        let out = env
            .cmd(&["--json", "keygen", "--alg", "RS256"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "after a kill: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let private = std::fs::read_to_string(dir.join("private_key.pem")).unwrap();
        assert!(
            private.starts_with("-----BEGIN PRIVATE KEY-----")
                && private.trim_end().ends_with("-----END PRIVATE KEY-----")
        );
        let token = env.mint(&["--user", "admin", "--alg", "RS256"]);
        env.cmd(&["token", "verify", &token])
            .env("AUTHCTL_ALGORITHM", "RS256")
            .assert()
            .success();
    }

    // secret generate --write --force: secret_key is always whole, and
    // every secret ever written is still there (current or a backup).
    env.cmd(&["secret", "generate", "--write", "--force"])
        .assert()
        .success();
    for _ in 0..25 {
        let old = std::fs::read_to_string(dir.join("secret_key")).unwrap();
        let child = spawn(&env, &["secret", "generate", "--write", "--force"], &[]);
        kill_at(child, Duration::from_millis(rng.next(60)));
        let now = std::fs::read_to_string(dir.join("secret_key")).unwrap();
        assert_eq!(now.len(), 43, "{now:?}");
        let kept: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with("secret_key"))
            .map(|e| std::fs::read_to_string(e.path()).unwrap())
            .collect();
        assert!(kept.contains(&old), "the previous secret was lost");
    }

    // user add: every user that exists has its audit row; the file is sound.
    for i in 0..25 {
        let name = format!("killed{i:02}");
        let child = spawn(
            &env,
            &["user", "add", &name, "--password-env", "PW"],
            &[("PW", "Quiet-Harbor-2027")],
        );
        kill_at(child, Duration::from_millis(rng.next(150)));
    }
    env.assert_sound();
    let users = env.sql("select username from users where username like 'killed%' order by 1");
    let audited = env.sql("select target from audit_log where action='user.create' and target like 'killed%' order by 1");
    assert_eq!(users, audited);

    // A normal write sweeps temp files the killed writers left.
    env.cmd(&["secret", "generate", "--write", "--force"])
        .assert()
        .success();
    assert_eq!(temp_files(&dir), Vec::<String>::new());
}

#[test]
fn sigkill_during_secret_rotate_keeps_every_value_recoverable() {
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let env = TestEnv::langflow();
    let dir = env.config_dir();
    let plain = |env: &TestEnv| -> Vec<String> {
        let secret = env.lf_secret();
        env.lf_sql("select name, value from variable where type='Credential' order by id")
            .lines()
            .map(|l| {
                let (name, v) = l.split_once('|').unwrap();
                format!("{name}={}", py_fernet_decrypt(&secret, v))
            })
            .collect()
    };
    let before = plain(&env);
    let lf_spawn = |args: &[&str]| {
        Std::new(BIN)
            .env_clear()
            .envs(env.vars())
            .env_remove("AUTHCTL_CONFIG_DIR")
            .env("LANGFLOW_CONFIG_DIR", &dir)
            .args(["--profile", "langflow"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    for _ in 0..15 {
        kill_at(
            lf_spawn(&["secret", "rotate", "--yes"]),
            Duration::from_millis(rng.next(120)),
        );
        // Finish or discard whatever was interrupted.
        if dir.join("secret_key.rotating").exists() {
            env.lf(&["secret", "rotate", "--yes"]).assert().success();
        }
        assert!(!dir.join("secret_key.rotating").exists());
        assert_eq!(plain(&env), before, "values changed or became unreadable");
    }
    assert_eq!(env.lf_sql("pragma integrity_check").trim(), "ok");
}

#[test]
fn thirty_two_concurrent_mixed_writers_lose_no_update() {
    let env = TestEnv::new();
    env.admin();
    env.place_secret(SECRET);
    for name in ["u1", "u2", "u3", "u4"] {
        env.user(name);
    }
    let mut children = Vec::new();
    for i in 0..32 {
        let args: Vec<String> = match i % 4 {
            0 => vec![
                "user".into(),
                "add".into(),
                format!("new{i:02}"),
                "--password-env".into(),
                "PW".into(),
            ],
            1 => vec![
                "apikey".into(),
                "create".into(),
                "--user".into(),
                format!("u{}", i % 4 + 1),
                "--name".into(),
                format!("k{i:02}"),
            ],
            2 => vec![
                "token".into(),
                "mint".into(),
                "--user".into(),
                "admin".into(),
                "--type".into(),
                "refresh".into(),
            ],
            _ => vec![
                "user".into(),
                if i % 8 == 3 { "deactivate" } else { "activate" }.into(),
                format!("u{}", i % 4 + 1),
            ],
        };
        children.push((
            args.clone(),
            Std::new(BIN)
                .env_clear()
                .envs(env.vars())
                .env("PW", "Quiet-Harbor-2027")
                .args(&args)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap(),
        ));
    }
    for (args, child) in children {
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {err}");
        assert!(!err.contains("locked"), "{args:?}: {err}");
    }
    assert_eq!(
        env.sql("select count(*) from users where username like 'new%'")
            .trim(),
        "8"
    );
    assert_eq!(env.sql("select count(*) from api_keys").trim(), "8");
    assert_eq!(env.sql("select count(*) from refresh_tokens").trim(), "8");
    // 5 setup creations + 32 writes, each with exactly one audit row.
    assert_eq!(env.sql("select count(*) from audit_log").trim(), "37");
    env.assert_sound();
}
