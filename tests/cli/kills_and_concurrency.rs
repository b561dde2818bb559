//! SIGKILL at random moments (writes, rotations) and 32 concurrent
//! writers: nothing committed is lost, nothing half-written is left.

use crate::common::*;
use std::path::Path;
use std::process::{Command as Std, Stdio};
use std::time::Duration;

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
