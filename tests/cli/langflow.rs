//! `--profile langflow` on a copy of a real Langflow 1.13 database, checked
//! with independent readers (rusqlite; Python's bcrypt, PyJWT, cryptography).
//! The live-server tests are in tests/e2e/langflow.rs (scripts/e2e.sh).

use crate::common::*;
use serde_json::Value;

fn tables(env: &TestEnv) -> String {
    env.lf_sql(
        "select name from sqlite_master where type in ('table','index','trigger') order by name",
    )
}

#[test]
fn users_are_written_the_way_langflow_writes_them() {
    let env = TestEnv::langflow();
    let schema_before = tables(&env);
    let out = env.lf(&["--json", "user", "list"]).output().unwrap();
    let users: Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<_> = users
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["admin", "bob", "carol"]);
    assert_eq!(users[0]["id"], "fd536f09-3aa5-48f7-923a-40fdaf1de404");
    assert_eq!(users[0]["created_at"], "2026-11-23T05:36:10.473958Z");

    env.lf(&["user", "add", "dave", "--password-env", "PW"])
        .env("PW", "Quiet-Harbor-2027")
        .assert()
        .success();
    let row = env.lf_sql("select id, password, is_active, is_superuser, create_at, updated_at, last_login_at, optins, profile_image from user where username='dave'");
    let f: Vec<_> = row.trim().split('|').collect();
    assert_eq!(f[0].len(), 32);
    assert!(f[0]
        .chars()
        .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    assert!(f[1].starts_with("$2b$10$"));
    assert_eq!(
        (f[2], f[3]),
        ("0", "0"),
        "NEW_USER_IS_ACTIVE defaults to false"
    );
    assert!(chrono_like(f[4]) && chrono_like(f[5]), "{row}");
    assert_eq!(f[6], "None");
    assert_eq!(
        f[7],
        r#"{"github_starred": false, "dialog_dismissed": false, "discord_clicked": false}"#
    );
    let ok = python_eval(
        "import bcrypt,sys; print(bcrypt.checkpw(b'Quiet-Harbor-2027', sys.argv[1].encode()))",
        &[f[1]],
    );
    assert_eq!(ok.trim(), "True");
    // LANGFLOW_NEW_USER_IS_ACTIVE is honoured; AUTHCTL_ names are not read for it.
    env.lf(&["user", "add", "erin", "--password-env", "PW"])
        .env("PW", "Quiet-Harbor-2027")
        .env("LANGFLOW_NEW_USER_IS_ACTIVE", "True")
        .assert()
        .success();
    assert_eq!(
        env.lf_sql("select is_active from user where username='erin'")
            .trim(),
        "1"
    );
    env.lf(&["user", "activate", "dave", "carol"])
        .assert()
        .success();
    env.lf(&["user", "promote", "dave"]).assert().success();
    assert_eq!(
        env.lf_sql("select is_active, is_superuser from user where username='dave'")
            .trim(),
        "1|1"
    );
    env.lf(&[
        "superuser",
        "--username",
        "admin",
        "--reset-password",
        "--password-env",
        "PW",
    ])
    .env("PW", "Brand-New-Root-Pass-1")
    .assert()
    .success();
    let hash = env.lf_sql("select password from user where username='admin'");
    let ok = python_eval("import bcrypt,sys; print(bcrypt.checkpw(b'Brand-New-Root-Pass-1', sys.argv[1].strip().encode()))", &[&hash]);
    assert_eq!(ok.trim(), "True");
    // The schema and the alembic revision are untouched; no authctl tables.
    assert_eq!(tables(&env), schema_before);
    assert_eq!(
        env.lf_sql("select version_num from alembic_version").trim(),
        "e5a7c9b1d3f2"
    );
    // The audit trail is a JSON-lines file beside the database.
    let audit = std::fs::read_to_string(env.config_dir().join("authctl-audit.jsonl")).unwrap();
    let actions: Vec<String> = audit
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["action"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        actions,
        [
            "user.create",
            "user.create",
            "user.activate",
            "user.activate",
            "user.promote",
            "user.password"
        ]
    );
}

fn chrono_like(s: &str) -> bool {
    // "2026-11-23 05:36:10.473958": naive UTC with microseconds.
    s.len() == 26 && s.as_bytes()[10] == b' ' && s.as_bytes()[19] == b'.'
}

#[test]
fn unknown_revision_and_wrong_profile_are_refused_untouched() {
    // A head authctl does not know is a newer release: what only reads
    // works, with a warning naming the newest release it knows; what
    // writes is refused (exit 6), naming the head, and changes nothing.
    let env = TestEnv::langflow();
    env.lf_sql("update alembic_version set version_num = 'ffffffffffff'");
    let before = env.snapshot();
    for args in [
        vec!["user", "list"],
        vec!["user", "show", "admin"],
        vec!["export", "--format", "json"],
    ] {
        let a = env.lf(&args).assert().success();
        let err = stderr(&a);
        assert!(
            err.contains("warning: Langflow database")
                && err.contains("alembic revision ffffffffffff")
                && err.contains("newer than Langflow 1.13.0")
                && err.matches("warning: Langflow database").count() == 1,
            "{args:?}: {err}"
        );
    }
    let out = env.lf(&["--json", "doctor"]).output().unwrap();
    let readable = doctor_check(&out.stdout, "db.readable");
    assert_eq!(readable["status"], "warn", "{readable}");
    assert!(
        readable["message"]
            .as_str()
            .unwrap()
            .contains("newer than 1.13.0 (alembic ffffffffffff"),
        "{readable}"
    );
    for args in [
        vec!["user", "activate", "carol"],
        vec!["user", "add", "dora", "--password-env", "PW"],
        // Opened to read the values, then written: refused all the same.
        vec!["secret", "rotate", "--yes"],
    ] {
        let a = env.lf(&args).env("PW", PASSWORD).assert().code(6);
        assert_one_line_error(&a, "alembic revision ffffffffffff");
        assert_one_line_error(&a, "changes nothing in it: upgrade authctl");
    }
    assert_eq!(env.snapshot(), before);

    // --allow-unknown-release: written once every column written is found
    // in the database; a column it lacks, or one it requires that authctl
    // does not write, stops the write, named, with nothing changed.
    env.lf(&[
        "--allow-unknown-release",
        "user",
        "add",
        "dora",
        "--password-env",
        "PW",
    ])
    .env("PW", PASSWORD)
    .assert()
    .success();
    assert_eq!(
        env.lf_sql("select count(*) from user where username = 'dora'")
            .trim(),
        "1"
    );
    // Not a rotation: a newer release may keep encrypted values where
    // authctl does not look.
    let before = env.snapshot();
    let a = env
        .lf(&["--allow-unknown-release", "secret", "rotate", "--yes"])
        .assert()
        .code(6);
    assert_one_line_error(&a, "does not cover re-encryption");
    assert_eq!(env.snapshot(), before);
    env.lf_sql("alter table user add column team varchar not null default 'x'");
    add_required_column(&env.config_dir().join("langflow.db"), "apikey", "scope");
    env.lf_sql("alter table user drop column optins");
    let before = env.snapshot();
    let a = env
        .lf(&[
            "--allow-unknown-release",
            "user",
            "add",
            "eve",
            "--password-env",
            "PW",
        ])
        .env("PW", PASSWORD)
        .assert()
        .code(6);
    assert_one_line_error(&a, "user.optins is missing");
    assert_one_line_error(&a, "apikey.scope is required and authctl does not write it");
    assert!(!stderr(&a).contains("user.team"), "{}", stderr(&a));
    assert_eq!(env.snapshot(), before);

    // Native profile on a Langflow database, and the reverse.
    let env = TestEnv::langflow();
    let before = env.snapshot();
    let a = env
        .cmd(&[
            "--db",
            env.config_dir().join("langflow.db").to_str().unwrap(),
            "user",
            "list",
        ])
        .assert()
        .code(2);
    assert_one_line_error(&a, "--profile langflow");
    assert_eq!(env.snapshot(), before);
    let native = TestEnv::sqlite();
    native.admin();
    let a = native
        .lf(&["--db", native.db().to_str().unwrap(), "user", "list"])
        .assert()
        .code(2);
    assert_one_line_error(&a, "--profile native");
    // authctl never creates a Langflow database.
    let empty = TestEnv::new();
    let a = empty
        .lf(&["user", "add", "x", "--password-env", "PW"])
        .env("PW", "Quiet-Harbor-2027")
        .assert()
        .code(3);
    assert_one_line_error(&a, "does not exist");
    assert!(!empty.config_dir().join("langflow.db").exists());
}

#[test]
fn tokens_carry_exactly_langflows_claims() {
    let env = TestEnv::langflow();
    let secret = env.lf_secret();
    let token = stdout(
        &env.lf(&["token", "mint", "--user", "admin"])
            .assert()
            .success(),
    )
    .trim()
    .to_string();
    let claims = pyjwt_decode(&token, &secret, "HS256");
    let mut keys: Vec<_> = claims.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    assert_eq!(keys, ["exp", "sub", "type"]);
    assert_eq!(claims["sub"], "fd536f09-3aa5-48f7-923a-40fdaf1de404");
    assert_eq!(claims["type"], "access");
    let a = env
        .lf(&["token", "mint", "--user", "admin", "--aud", "x"])
        .assert()
        .code(2);
    assert_one_line_error(&a, "audience");
    // A token as Langflow makes it (PyJWT over the secret) verifies online.
    let theirs = pyjwt_encode(
        &serde_json::json!({"sub": "fd536f09-3aa5-48f7-923a-40fdaf1de404", "type": "access", "exp": unix_now() + 600}),
        &secret,
        "HS256",
        &serde_json::json!({}),
    );
    env.lf(&["token", "verify", &theirs]).assert().success();
    // Refresh tokens are not recorded: Langflow has nowhere to keep them.
    env.lf(&["token", "mint", "--user", "admin", "--type", "refresh"])
        .assert()
        .success();
    let a = env
        .lf(&["token", "list", "--user", "admin"])
        .assert()
        .code(2);
    assert_one_line_error(&a, "refresh");
    // An inactive user gets no token.
    env.lf(&["token", "mint", "--user", "carol"])
        .assert()
        .code(4);
}

#[test]
fn api_keys_are_stored_as_langflow_stores_them() {
    let env = TestEnv::langflow();
    let a = env
        .lf(&["apikey", "create", "--user", "bob", "--name", "ci"])
        .assert()
        .success();
    let key = stdout(&a).trim().to_string();
    assert!(key.starts_with("sk-") && key.len() == 46, "{key}");
    let row = env.lf_sql("select api_key, api_key_hash, is_active, total_uses, user_id, id from apikey where name='ci'");
    let f: Vec<_> = row.trim().split('|').collect();
    assert_eq!(py_fernet_decrypt(&env.lf_secret(), f[0]), key);
    let sha = python_eval(
        "import hashlib,sys; print(hashlib.sha256(sys.argv[1].encode()).hexdigest())",
        &[&key],
    );
    assert_eq!(f[1], sha.trim());
    assert_eq!(
        (f[2], f[3], f[4]),
        ("1", "0", "47db836994894d438e863407904a4d6e")
    );
    let list = stdout(
        &env.lf(&["apikey", "list", "--user", "bob"])
            .assert()
            .success(),
    );
    assert!(list.contains("ci") && !list.contains(&key), "{list}");
    env.lf(&["apikey", "revoke", "ci"]).assert().success();
    assert_eq!(
        env.lf_sql("select count(*) from apikey where name='ci'")
            .trim(),
        "0"
    );
    env.lf(&["apikey", "revoke", "ci"]).assert().code(3);
    env.lf(&["apikey", "create", "--user", "nobody"])
        .assert()
        .code(3);
}

#[test]
fn rotate_reencrypts_every_value_and_stops_on_one_that_does_not_decrypt() {
    let env = TestEnv::langflow();
    let old = env.lf_secret();
    let values = |env: &TestEnv| {
        env.lf_sql("select name, value from variable where type='Credential' order by id")
    };
    let plain_before: Vec<String> = values(&env)
        .lines()
        .map(|l| {
            let (name, v) = l.split_once('|').unwrap();
            format!("{name}={}", py_fernet_decrypt(&old, v))
        })
        .collect();
    let mcp_before = env.lf_sql("select config from mcp_server");

    // Dry run: reports, changes nothing.
    let before = env.snapshot();
    let out = env
        .lf(&["--json", "secret", "rotate", "--dry-run"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["values"], 12);
    assert_eq!(env.snapshot(), before);
    // Without --yes and without a terminal: refused.
    env.lf(&["secret", "rotate"]).assert().code(2);
    assert_eq!(env.snapshot(), before);

    // One value that does not decrypt: named, nothing changed.
    let bad = TestEnv::langflow();
    bad.lf_sql("update variable set value = 'gAAAAABnotavalidtoken' where name = 'REGION'");
    bad.lf_sql("update variable set type = 'Credential' where name = 'REGION'");
    let bad_before = bad.snapshot();
    let a = bad.lf(&["secret", "rotate", "--yes"]).assert().code(1);
    assert_one_line_error(&a, "ca8be90a08f94f9d921854a65a4a5c66");
    assert_eq!(bad.snapshot(), bad_before);

    let a = env.lf(&["secret", "rotate", "--yes"]).assert().success();
    assert!(
        stderr(&a).contains("re-encrypted 12 value(s)"),
        "{}",
        stderr(&a)
    );
    let new = env.lf_secret();
    assert_ne!(new, old);
    let backups: Vec<_> = std::fs::read_dir(env.config_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.to_string_lossy().contains("secret_key.") && p.to_string_lossy().ends_with(".bak")
        })
        .collect();
    assert_eq!(backups.len(), 1);
    assert_eq!(std::fs::read_to_string(&backups[0]).unwrap().trim(), old);
    let plain_after: Vec<String> = values(&env)
        .lines()
        .map(|l| {
            let (name, v) = l.split_once('|').unwrap();
            format!("{name}={}", py_fernet_decrypt(&new, v))
        })
        .collect();
    assert_eq!(plain_after, plain_before);
    assert!(plain_after.contains(&"OPENAI_API_KEY=sk-test-credential-value-123".to_string()));
    let ci = env.lf_sql("select api_key from apikey where name='ci-key'");
    assert_eq!(
        py_fernet_decrypt(&new, ci.trim()),
        "sk-5skxTQijT73dyho9aUcQbuq2hSZZVZ6pDhUs7Xo9Eoc"
    );
    // JSON columns keep their layout; only the encrypted string changes.
    let mcp_after = env.lf_sql("select config from mcp_server");
    assert_ne!(mcp_after, mcp_before);
    let shape = |s: &str| {
        s.split('"')
            .filter(|p| !p.starts_with("gAAAAA"))
            .collect::<Vec<_>>()
            .join("\"")
    };
    assert_eq!(shape(&mcp_after), shape(&mcp_before));
    assert!(!env.config_dir().join("secret_key.rotating").exists());
    // The secret from a variable cannot be rotated from here.
    let a = env
        .lf(&["secret", "rotate", "--yes"])
        .env("LANGFLOW_SECRET_KEY", &new)
        .assert()
        .code(4);
    assert_one_line_error(&a, "LANGFLOW_SECRET_KEY");
}

#[test]
fn delete_takes_owned_rows_along_or_refuses_and_lists_them() {
    let env = TestEnv::langflow();
    // bob owns a folder and four variables, nothing Langflow keeps apart.
    env.lf(&["user", "delete", "bob", "--yes"])
        .assert()
        .success();
    for table in ["variable", "folder", "apikey", "mcp_server"] {
        assert_eq!(
            env.lf_sql(&format!(
                "select count(*) from {table} where user_id='47db836994894d438e863407904a4d6e'"
            ))
            .trim(),
            "0",
            "{table}"
        );
    }
    assert_eq!(env.lf_sql("pragma foreign_key_check").trim(), "");
    // carol has a flow: refused, listed, nothing changed.
    env.lf_sql("insert into message (id, timestamp, sender, sender_name, session_id, text, user_id) select lower(hex(randomblob(16))), '2026-11-23 06:00:00.000000', 'User', 'carol', 's', 'hi', 'd158c959072a4ea996cb202fdd289c1b'");
    let before = env.snapshot();
    let a = env
        .lf(&["user", "delete", "carol", "--yes"])
        .assert()
        .code(4);
    assert_one_line_error(&a, "message.user_id (1)");
    assert_eq!(env.snapshot(), before);
}
