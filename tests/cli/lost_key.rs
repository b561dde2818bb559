//! Key rescue after a redeploy that lost the key: `secret identify` finds
//! the key the stored values are under among candidates, and `secret
//! rotate --from-key` moves them to the current key. On copies of the real
//! Langflow and Flowise fixtures, checked with Python's own Fernet and an
//! independent CryptoJS reader.

use crate::common::*;
use serde_json::Value;

const DECOY: &str = "Zq1Xv8LmN3bR7tY2wK9pC4sD6fG0hJ5aUe-ITo_yWrQ";

fn identify(cmd: &mut assert_cmd::Command) -> (i32, Value) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap(),
        serde_json::from_slice(&out.stdout).unwrap_or(Value::Null),
    )
}

fn decrypts(report: &Value, candidate_starts: &str) -> (u64, u64) {
    let c = report["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["candidate"]
                .as_str()
                .unwrap()
                .starts_with(candidate_starts)
        })
        .unwrap_or_else(|| panic!("{candidate_starts} in {report}"));
    (
        c["decrypts"].as_u64().unwrap(),
        c["total"].as_u64().unwrap(),
    )
}

#[test]
fn langflow_values_under_a_lost_key_are_found_and_moved_to_the_new_one() {
    let env = TestEnv::langflow();
    let old = env.lf_secret();
    // A redeploy wrote a new secret key; the old one survives in an old .env.
    let new = "n3wK3yAfterRedeploy-0123456789abcdefghijklm";
    std::fs::write(env.config_dir().join("secret_key"), new).unwrap();
    std::fs::write(
        env.path().join("old.env"),
        format!("# before the move\nLANGFLOW_SECRET_KEY={old}\n"),
    )
    .unwrap();
    std::fs::write(env.path().join("decoy.key"), format!("{DECOY}\n")).unwrap();
    let token = env.lf_sql("select api_key from apikey where api_key is not null limit 1");
    let token = token.trim();

    let a = env
        .lf(&["secret", "identify", "no-such.key"])
        .current_dir(env.path())
        .assert()
        .code(2);
    assert_one_line_error(&a, "candidate \"no-such.key\" does not exist");
    let (code, report) = identify(
        env.lf(&["--json", "secret", "identify", "decoy.key", "old.env"])
            .current_dir(env.path()),
    );
    assert_eq!(code, 0, "{report}");
    let total = report["total"].as_u64().unwrap();
    assert!(total >= 11, "{report}");
    assert_eq!(decrypts(&report, "the current key"), (0, total));
    assert_eq!(decrypts(&report, "decoy.key"), (0, total));
    assert_eq!(
        decrypts(&report, "old.env (LANGFLOW_SECRET_KEY)"),
        (total, total)
    );
    assert!(report["all_under"].as_str().unwrap().starts_with("old.env"));

    // The recovery: refused with the wrong key, nothing changed; then done.
    let before = env.snapshot();
    let a = env
        .lf(&["secret", "rotate", "--from-key", "decoy.key", "--yes"])
        .current_dir(env.path())
        .assert()
        .code(1);
    assert_one_line_error(
        &a,
        "decrypts under neither the given key nor the current secret key",
    );
    assert_eq!(env.snapshot(), before);
    std::fs::write(env.path().join("old.key"), &old).unwrap();
    // A key given in the variable (as a container has it) is the current
    // key a recovery moves values to; the key file stays out of it.
    let a = env
        .lf(&["secret", "rotate", "--from-key", "old.key", "--dry-run"])
        .env("LANGFLOW_SECRET_KEY", new)
        .current_dir(env.path())
        .assert()
        .success();
    assert!(
        stderr(&a).contains(&format!("dry run: {total} value(s) would move")),
        "{}",
        stderr(&a)
    );
    let a = env
        .lf(&["secret", "rotate", "--from-key", "missing.key", "--yes"])
        .current_dir(env.path())
        .assert()
        .code(2);
    assert_one_line_error(&a, "--from-key \"missing.key\" does not exist");
    // The .env identify named holds the key: it is read as identify reads it.
    let a = env
        .lf(&["secret", "rotate", "--from-key", "old.env", "--yes"])
        .current_dir(env.path())
        .assert()
        .success();
    assert!(
        stderr(&a).contains(&format!("moved {total} value(s)")),
        "{}",
        stderr(&a)
    );
    assert_eq!(
        std::fs::read_to_string(env.config_dir().join("secret_key")).unwrap(),
        new,
        "the key file stays"
    );
    let moved = env.lf_sql("select api_key from apikey where api_key is not null limit 1");
    assert_ne!(moved.trim(), token);
    assert!(py_fernet_decrypt(new, moved.trim()).starts_with("sk-"));
    let (code, report) = identify(
        env.lf(&["--json", "secret", "identify"])
            .current_dir(env.path()),
    );
    assert_eq!(
        (code, decrypts(&report, "the current key")),
        (0, (total, total))
    );
    let a = env
        .lf(&["secret", "rotate", "--from-key", "old.key", "--yes"])
        .current_dir(env.path())
        .assert()
        .success();
    assert!(stderr(&a).contains(&format!("moved 0 value(s) from the given key to the current secret key; {total} were under it already")), "{}", stderr(&a));
    std::fs::write(env.path().join("same.key"), new).unwrap();
    let a = env
        .lf(&["secret", "rotate", "--from-key", "same.key", "--yes"])
        .current_dir(env.path())
        .assert()
        .code(2);
    assert_one_line_error(&a, "--from-key \"same.key\" holds the current key");
}

#[test]
fn flowise_credentials_split_between_two_keys_are_found_and_joined() {
    let env = TestEnv::sqlite();
    let dir = env.config_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let fixture = flowise_fixture().join("before-rotation");
    std::fs::copy(fixture.join("database.sqlite"), dir.join("database.sqlite")).unwrap();
    let old = std::fs::read_to_string(fixture.join("encryption.key")).unwrap();
    let fw = |args: &[&str]| env.fw(args);
    // The redeploy generated a new encryption.key, and a credential was
    // saved under it since.
    std::fs::write(
        dir.join("encryption.key"),
        "b3dW8pMmHk0iJ2nR5tYvX9qL7cF4sA1e",
    )
    .unwrap();
    let a = fw(&["secret", "encrypt"])
        .write_stdin(r#"{"openAIApiKey":"sk-saved-later"}"#)
        .assert()
        .success();
    let later = stdout(&a).trim().to_string();
    env.fw_sql(&format!(
        "insert into credential (id, name, credentialName, encryptedData) values ('c9', 'later', 'openAIApi', '{later}')"
    ));
    std::fs::write(
        env.path().join("decoy.key"),
        "another-key-of-24-bytes-base64==",
    )
    .unwrap();
    std::fs::write(
        env.path().join("old.env"),
        format!("FLOWISE_SECRETKEY_OVERWRITE={old}\n"),
    )
    .unwrap();
    let (code, report) = identify(
        fw(&["--json", "secret", "identify", "decoy.key", "old.env"]).current_dir(env.path()),
    );
    assert_eq!(code, 0, "{report}");
    assert_eq!(decrypts(&report, "the current key"), (1, 3));
    assert_eq!(
        decrypts(&report, "old.env (FLOWISE_SECRETKEY_OVERWRITE)"),
        (2, 3)
    );
    assert_eq!(decrypts(&report, "decoy.key"), (0, 3));
    assert_eq!(
        report["candidates"][0]["columns"]["credential.encryptedData"],
        serde_json::json!([1, 3])
    );
    // Without the old key, nothing covers the rest: exit 1.
    let (code, _) =
        identify(fw(&["--json", "secret", "identify", "decoy.key"]).current_dir(env.path()));
    assert_eq!(code, 1);
    std::fs::write(env.path().join("old.key"), &old).unwrap();
    let a = fw(&["secret", "rotate", "--from-key", "old.key", "--yes"])
        .current_dir(env.path())
        .assert()
        .success();
    assert!(stderr(&a).contains("moved 2 value(s) from the given key to the current encryption key; 1 were under it already"), "{}", stderr(&a));
    let (_, report) = identify(fw(&["--json", "secret", "identify"]).current_dir(env.path()));
    assert_eq!(decrypts(&report, "the current key"), (3, 3));
}

/// `authctl ARGS` run as uid 4242, which may read the config dir and
/// its key files but write nothing there: the database is root's 0644 in
/// a root-owned directory. (`vars`: the profile's variables.)
fn as_reader(
    env: &TestEnv,
    vars: &[(&str, &std::path::Path)],
    args: &[&str],
) -> std::process::Output {
    std::process::Command::new("setpriv")
        .args(["--reuid=4242", "--regid=4242", "--clear-groups", BIN])
        .args(args)
        .env_clear()
        .envs(env.vars())
        .env_remove("AUTHCTL_CONFIG_DIR")
        .envs(vars.iter().map(|(k, v)| (k, v)))
        .current_dir(env.path())
        .output()
        .unwrap()
}

/// Make `dir` readable (not writable) by uid 4242, its `keys` owned by
/// 4242 (0600, as the app's own user has them).
fn read_only_for_4242(env: &TestEnv, dir: &std::path::Path, keys: &[&str]) {
    use std::os::unix::fs::PermissionsExt;
    let open = std::fs::Permissions::from_mode(0o755);
    for p in [env.path(), dir] {
        std::fs::set_permissions(p, open.clone()).unwrap();
    }
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    for k in keys {
        let p = dir.join(k);
        std::os::unix::fs::chown(&p, Some(4242), Some(4242)).unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    for k in ["old.key", "old.env"] {
        let p = env.path().join(k);
        if p.exists() {
            std::os::unix::fs::chown(&p, Some(4242), Some(4242)).unwrap();
        }
    }
}

#[test]
fn commands_that_only_read_work_on_a_database_they_cannot_write() {
    // The backup or old volume key rescue is pointed at: identify, every
    // dry run and doctor read it without a write transaction.
    if !is_root() {
        return; // only root can hand the files to another uid; CI runs as root
    }
    // Langflow: every value under the old key, the file holds a new one.
    let env = TestEnv::langflow();
    let dir = env.config_dir();
    let old = env.lf_secret();
    std::fs::write(
        dir.join("secret_key"),
        "n3wK3yAfterRedeploy-0123456789abcdefghijklm",
    )
    .unwrap();
    std::fs::write(env.path().join("old.key"), &old).unwrap();
    read_only_for_4242(&env, &dir, &["secret_key"]);
    let before = env.snapshot();
    let lf = [("LANGFLOW_CONFIG_DIR", dir.as_path())];
    for args in [
        &["--profile", "langflow", "secret", "identify", "old.key"][..],
        &[
            "--profile",
            "langflow",
            "secret",
            "rotate",
            "--from-key",
            "old.key",
            "--dry-run",
        ],
    ] {
        let out = as_reader(&env, &lf, args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
    }
    // Values under a key that is not the current one: the dry run says so
    // (exit 1), having read them all.
    let out = as_reader(
        &env,
        &lf,
        &["--profile", "langflow", "secret", "rotate", "--dry-run"],
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("does not decrypt"),
        "{out:?}"
    );
    assert_eq!(env.snapshot(), before);

    // Flowise: the credentials under the current key.
    let env = TestEnv::sqlite();
    let dir = env.config_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let fixture = flowise_fixture().join("before-rotation");
    for f in ["database.sqlite", "encryption.key"] {
        std::fs::copy(fixture.join(f), dir.join(f)).unwrap();
    }
    std::fs::copy(fixture.join("encryption.key"), env.path().join("old.key")).unwrap();
    read_only_for_4242(&env, &dir, &["encryption.key"]);
    let before = env.snapshot();
    let fw = [
        ("SECRETKEY_PATH", dir.as_path()),
        ("DATABASE_PATH", dir.as_path()),
    ];
    for args in [
        &["--profile", "flowise", "secret", "identify", "old.key"][..],
        &["--profile", "flowise", "secret", "rotate", "--dry-run"],
    ] {
        let out = as_reader(&env, &fw, args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
    }
    let out = as_reader(&env, &fw, &["--profile", "flowise", "--json", "doctor"]);
    let check = doctor_check(&out.stdout, "flowise.credentials_decrypt");
    assert_eq!(check["status"], "pass", "{check}");
    assert_eq!(env.snapshot(), before);
}

#[test]
fn values_split_across_three_keys_are_joined_with_several_from_keys() {
    // Two redeploys: the fixture's credentials under the first key, one
    // saved under the second, one under the current third.
    let env = TestEnv::sqlite();
    let dir = env.config_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let fixture = flowise_fixture().join("before-rotation");
    std::fs::copy(fixture.join("database.sqlite"), dir.join("database.sqlite")).unwrap();
    let first = std::fs::read_to_string(fixture.join("encryption.key")).unwrap();
    let second = "sEc0ndKeyOfTheMiddleDeploy24b==";
    let third = "b3dW8pMmHk0iJ2nR5tYvX9qL7cF4sA1e";
    std::fs::write(dir.join("encryption.key"), third).unwrap();
    for (id, key) in [("c8", second), ("c9", third)] {
        let a = env
            .fw(&["secret", "encrypt"])
            .env("FLOWISE_SECRETKEY_OVERWRITE", key)
            .write_stdin(format!(r#"{{"openAIApiKey":"sk-{id}"}}"#))
            .assert()
            .success();
        env.fw_sql(&format!(
            "insert into credential (id, name, credentialName, encryptedData) values ('{id}', '{id}', 'openAIApi', '{}')",
            stdout(&a).trim()
        ));
    }
    std::fs::write(env.path().join("first.key"), &first).unwrap();
    std::fs::write(
        env.path().join("second.env"),
        format!("FLOWISE_SECRETKEY_OVERWRITE={second}\n"),
    )
    .unwrap();
    let total: usize = env
        .fw_sql("select count(*) from credential")
        .parse()
        .unwrap();
    assert!(total >= 3);
    // Either old key alone leaves the other's values: refused, unchanged.
    let before = env.snapshot();
    for one in ["first.key", "second.env"] {
        let a = env
            .fw(&["secret", "rotate", "--from-key", one, "--yes"])
            .current_dir(env.path())
            .assert()
            .code(1);
        assert_one_line_error(
            &a,
            "decrypts under neither the given key nor the current encryption key",
        );
        assert_eq!(env.snapshot(), before);
    }
    // Both: every value moves in one transaction.
    let a = env
        .fw(&[
            "--json",
            "secret",
            "rotate",
            "--from-key",
            "first.key",
            "--from-key",
            "second.env",
            "--yes",
        ])
        .current_dir(env.path())
        .assert()
        .success();
    let done: Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(done["moved"], total - 1, "{done}");
    assert_eq!(done["moved_by_key"], serde_json::json!([total - 2, 1]));
    assert_eq!(done["kept"], 1);
    assert!(
        stderr(&a).contains("from the 2 given keys"),
        "{}",
        stderr(&a)
    );
    let (code, report) = identify(
        env.fw(&["--json", "secret", "identify"])
            .current_dir(env.path()),
    );
    assert_eq!(code, 0, "{report}");
    assert_eq!(
        decrypts(&report, "the current key"),
        (total as u64, total as u64)
    );
}
