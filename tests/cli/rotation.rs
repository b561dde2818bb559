//! `secret rotate` under fire: JSON values rewritten only where they hold
//! encrypted strings, concurrent rotations beside writers and kills, the
//! key lock, and interrupted rotations finished or kept, never a key lost.

use crate::common::*;
use std::process::{Command as Std, Stdio};
use std::time::Duration;

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
