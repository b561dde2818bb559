//! `authctl superuser`: every password source, prompts on a real
//! pseudo-terminal, duplicate handling, and refusals that change nothing.

use crate::common::*;
use std::time::{Duration, Instant};

fn assert_admin_created(env: &TestEnv) {
    let u = env.show("admin");
    assert_eq!(u["is_active"], true);
    assert_eq!(u["is_superuser"], true);
    assert_eq!(u["id"].as_str().unwrap().len(), 36);
}

#[test]
fn from_password_stdin() {
    let env = TestEnv::new();
    let a = env
        .cmd(&[
            "--json",
            "superuser",
            "--username",
            "admin",
            "--password-stdin",
        ])
        .write_stdin(format!("{PASSWORD}\n"))
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
    assert_eq!(v["username"], "admin");
    assert_eq!(v["changed"], true);
    assert!(v.get("password_hash").is_none());
    assert!(stderr(&a).contains("created superuser \"admin\""));
    assert_admin_created(&env);
}

#[test]
fn from_password_file() {
    let env = TestEnv::new();
    let file = env.path().join("pw");
    std::fs::write(&file, format!("{PASSWORD}\n")).unwrap();
    env.cmd(&[
        "superuser",
        "--username",
        "admin",
        "--password-file",
        file.to_str().unwrap(),
    ])
    .assert()
    .success();
    assert_admin_created(&env);
    let hash = env.sql("select password_hash from users where username='admin'");
    let ok = python_eval(
        "import bcrypt,sys; print(bcrypt.checkpw(sys.argv[1].encode(), sys.argv[2].strip().encode()))",
        &[PASSWORD, &hash],
    );
    assert_eq!(
        ok.trim(),
        "True",
        "the trailing newline must not be part of the password"
    );
}

#[test]
fn from_password_env() {
    let env = TestEnv::new();
    env.cmd(&[
        "superuser",
        "--username",
        "admin",
        "--password-env",
        "MY_PW",
    ])
    .env("MY_PW", PASSWORD)
    .assert()
    .success();
    assert_admin_created(&env);
    // A named variable that is not set: usage error, nothing written.
    let env2 = TestEnv::new();
    let a = env2
        .cmd(&["superuser", "--username", "admin", "--password-env", "NOPE"])
        .assert()
        .code(2);
    assert_one_line_error(&a, "NOPE");
    assert!(!env2.has_store());
}

#[test]
fn from_env_file_variables() {
    let env = TestEnv::new();
    let file = env.path().join(".env");
    std::fs::write(
        &file,
        format!("AUTHCTL_SUPERUSER=admin\nAUTHCTL_SUPERUSER_PASSWORD='{PASSWORD}'\n"),
    )
    .unwrap();
    env.cmd(&["--env-file", file.to_str().unwrap(), "superuser"])
        .assert()
        .success();
    assert_admin_created(&env);
    let hash = env.sql("select password_hash from users where username='admin'");
    assert!(hash.starts_with("$2b$10$"), "{hash}");
}

#[test]
fn hash_verifies_with_python_bcrypt_at_default_cost() {
    let env = TestEnv::new();
    env.cmd(&["superuser", "--username", "admin", "--password-stdin"])
        .env_remove("AUTHCTL_BCRYPT_COST")
        .write_stdin(PASSWORD)
        .assert()
        .success();
    let hash = env.sql("select password_hash from users");
    let hash = hash.trim();
    assert!(hash.starts_with("$2b$12$"), "{hash}");
    let out = python_eval(
        "import bcrypt,sys; print(bcrypt.checkpw(sys.argv[1].encode(), sys.argv[2].encode()), bcrypt.checkpw(b'wrong', sys.argv[2].encode()))",
        &[PASSWORD, hash],
    );
    assert_eq!(out.trim(), "True False");
}

#[test]
fn no_tty_no_source_exits_2_at_once_and_writes_nothing() {
    let env = TestEnv::new();
    let start = Instant::now();
    let a = env
        .cmd(&["superuser", "--username", "admin"])
        .timeout(Duration::from_secs(10))
        .assert()
        .code(2);
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "took {:?}",
        start.elapsed()
    );
    assert_one_line_error(&a, "--password-stdin");
    assert!(!env.has_store());
    // No username either: exit 2 naming the variable.
    let a = env.cmd(&["superuser"]).assert().code(2);
    assert_one_line_error(&a, "AUTHCTL_SUPERUSER");
}

#[test]
fn duplicate_if_not_exists_and_reset_password() {
    let env = TestEnv::new();
    env.admin();
    let before = env.snapshot();
    let a = env
        .cmd(&["superuser", "--username", "admin", "--password-stdin"])
        .write_stdin("Totally-New-Pass-99\n")
        .assert()
        .code(4);
    assert_one_line_error(&a, "already exists");
    assert_eq!(env.snapshot(), before);

    let a = env
        .cmd(&[
            "--json",
            "superuser",
            "--username",
            "ADMIN",
            "--if-not-exists",
        ])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
    assert_eq!(v["changed"], false);
    assert_eq!(env.snapshot(), before);

    // Forgotten password: reset also re-activates and re-promotes.
    env.cmd(&[
        "user",
        "add",
        "root2",
        "--superuser",
        "--active",
        "--password-stdin",
    ])
    .write_stdin("Another-Pass-77\n")
    .assert()
    .success();
    env.cmd(&["user", "deactivate", "admin"]).assert().success();
    env.cmd(&["user", "demote", "admin"]).assert().success();
    env.cmd(&[
        "superuser",
        "--username",
        "admin",
        "--reset-password",
        "--password-stdin",
    ])
    .write_stdin("Totally-New-Pass-99\n")
    .assert()
    .success();
    assert_admin_created(&env);
    let hash = env.sql("select password_hash from users where username='admin'");
    let out = python_eval(
        "import bcrypt,sys; print(bcrypt.checkpw(b'Totally-New-Pass-99', sys.argv[1].strip().encode()))",
        &[&hash],
    );
    assert_eq!(out.trim(), "True");
}

#[test]
fn bad_passwords_are_refused_and_change_nothing() {
    let env = TestEnv::new();
    env.admin();
    let before = env.snapshot();
    let long = "x".repeat(73);
    let cases: &[(&str, &str)] = &[
        ("\n", "empty"),
        ("   \n", "whitespace"),
        ("Ab1!xy\n", "minimum is 8"),
        ("password123\n", "common"),
        (&long, "73 bytes"),
        ("qwertyuiop\n", "common"),
        ("bobbobbob-Strong-19\n", "username"),
    ];
    for (input, why) in cases {
        let a = env
            .cmd(&["superuser", "--username", "bob", "--password-stdin"])
            .write_stdin(*input)
            .assert()
            .code(2);
        assert_one_line_error(&a, why);
        assert_eq!(env.snapshot(), before, "{input:?} changed the database");
    }
    let a = env
        .cmd(&["superuser", "--username", "bob", "--password-stdin"])
        .write_stdin("")
        .assert()
        .code(2);
    assert_one_line_error(&a, "stdin is empty");
    assert_eq!(env.snapshot(), before);
}

#[test]
fn interactive_prompts_through_a_pty() {
    let env = TestEnv::new();
    let mut cmd = std::process::Command::new(BIN);
    cmd.env_clear().envs(env.vars()).arg("superuser");
    let mut p = rexpect::session::spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    p.exp_string("Username").unwrap();
    p.send_line("admin").unwrap();
    p.exp_string("Password for admin").unwrap();
    p.send_line(PASSWORD).unwrap();
    p.exp_string("Confirm password").unwrap();
    p.send_line("Correct-Horse-43!").unwrap();
    p.exp_string("do not match").unwrap();
    p.exp_string("Password for admin").unwrap();
    p.send_line(PASSWORD).unwrap();
    p.exp_string("Confirm password").unwrap();
    p.send_line(PASSWORD).unwrap();
    let tail = p.exp_eof().unwrap();
    assert!(tail.contains("created superuser \"admin\""), "{tail:?}");
    assert!(
        !tail.contains(PASSWORD),
        "the password was echoed: {tail:?}"
    );
    match p.process().wait().unwrap() {
        rexpect::process::WaitStatus::Exited(_, code) => assert_eq!(code, 0),
        other => panic!("unexpected status {other:?}"),
    }
    assert_admin_created(&env);
}

#[test]
fn interactive_weak_password_is_explained_and_asked_again() {
    let env = TestEnv::new();
    let mut cmd = std::process::Command::new(BIN);
    cmd.env_clear()
        .envs(env.vars())
        .args(["user", "add", "bob"]);
    let mut p = rexpect::session::spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    p.exp_string("Password for bob").unwrap();
    p.send_line("password123").unwrap();
    p.exp_string("Confirm password").unwrap();
    p.send_line("password123").unwrap();
    p.exp_string("common passwords").unwrap();
    p.exp_string("Password for bob").unwrap();
    p.send_line("Another-Pass-77").unwrap();
    p.exp_string("Confirm password").unwrap();
    p.send_line("Another-Pass-77").unwrap();
    p.exp_string("created user \"bob\"").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(env.show("bob")["is_active"], false);
}
