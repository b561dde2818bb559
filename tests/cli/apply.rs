//! `apply` and `export`: the plan, the one transaction, idempotence, the
//! guard, and round trips between engines and layouts with logins that
//! work (bcrypt's own Python library checks every password).

use crate::common::*;
use serde_json::Value;
use sha2::{Digest, Sha256};

const FILE: &str = "\
users:
  - name: admin
    superuser: true
    active: true
    password_env: ADMIN_PASSWORD
  - name: ci-bot
    active: true
    generate: true
api_keys:
  - name: ci
    owner: ci-bot
    key_env: CI_API_KEY
  - name: ops
    owner: admin
";
const ADMIN_PW: &str = "Plain-Ledger-Orbit-71";
const CI_KEY: &str = "sk-Kq2v9TzL0xW3nB7yD4fH8jM1pR6sU5aE0cG2iO9kQ3w";

fn with_secrets(mut c: assert_cmd::Command) -> assert_cmd::Command {
    c.env("ADMIN_PASSWORD", ADMIN_PW).env("CI_API_KEY", CI_KEY);
    c
}

fn write(env: &TestEnv, name: &str, text: &str) -> String {
    let p = env.path().join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

fn trimmed(s: String) -> String {
    s.trim_end().to_string()
}

fn json_of(a: &assert_cmd::assert::Assert) -> Value {
    serde_json::from_slice(&a.get_output().stdout).expect("json")
}

/// name → password hash, as `export --with-hashes --format json` says.
fn hashes(env: &TestEnv, profile: &[&str]) -> Vec<(String, String)> {
    let mut args = profile.to_vec();
    args.extend(["export", "--with-hashes", "--format", "json"]);
    let a = env.cmd(&args).assert().success();
    json_of(&a)["users"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["name"].as_str().unwrap().to_string(),
                u["password_hash"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn hash_of(list: &[(String, String)], name: &str) -> String {
    list.iter().find(|(n, _)| n == name).unwrap().1.clone()
}

#[test]
fn plan_then_apply_then_nothing_to_do() {
    let env = TestEnv::new();
    let f = write(&env, "accounts.yaml", FILE);
    // Drift check on a database that does not exist yet: exit 1, the
    // plan on stdout, nothing created.
    let a = with_secrets(env.cmd(&["apply", "--dry-run", &f]))
        .assert()
        .code(1);
    assert_eq!(
        stdout(&a),
        "+ user \"admin\" (active: true, superuser: true)\n\
         + user \"ci-bot\" (active: true, password: generated)\n\
         + api_key \"ci\" of \"ci-bot\"\n\
         + api_key \"ops\" of \"admin\"\n"
    );
    assert!(
        stderr(&a).contains("nothing written (--dry-run)"),
        "{}",
        stderr(&a)
    );
    assert!(!env.has_store());

    let a = with_secrets(env.cmd(&["--json", "apply", &f]))
        .assert()
        .success();
    let report = json_of(&a);
    assert_eq!(
        (report["applied"].clone(), report["create"].clone()),
        (Value::Bool(true), 4.into())
    );
    let generated = &report["generated"];
    let bot_pw = generated["users"][0]["password"]
        .as_str()
        .unwrap()
        .to_string();
    let ops_key = generated["api_keys"][0]["key"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(generated["users"][0]["name"], "ci-bot");
    assert_eq!(generated["api_keys"][0]["name"], "ops");
    assert!(ops_key.starts_with("sk-"), "{ops_key}");

    // Every declared password logs in, and each key is stored as the
    // SHA-256 of the key declared or generated.
    let h = hashes(&env, &[]);
    assert!(bcrypt_ok(ADMIN_PW, &hash_of(&h, "admin")));
    assert!(bcrypt_ok(&bot_pw, &hash_of(&h, "ci-bot")));
    let stored = trimmed(env.sql("SELECT name, key_sha256 FROM api_keys ORDER BY name"));
    let sha = |k: &str| hex::encode(Sha256::digest(k.as_bytes()));
    assert_eq!(stored, format!("ci|{}\nops|{}", sha(CI_KEY), sha(&ops_key)));
    // One audit row per row written.
    assert_eq!(
        trimmed(env.sql("SELECT action, target FROM audit_log ORDER BY id")),
        "user.create|admin\nuser.create|ci-bot\napikey.create|ci-bot\napikey.create|admin"
    );
    let show = env.show("admin");
    assert_eq!(
        (show["is_superuser"].clone(), show["is_active"].clone()),
        (Value::Bool(true), Value::Bool(true))
    );

    // The same file again: nothing changes, nothing is generated.
    let before = env.snapshot();
    let a = with_secrets(env.cmd(&["apply", &f])).assert().success();
    assert_eq!(stdout(&a), "");
    assert!(stderr(&a).contains("nothing to do"), "{}", stderr(&a));
    with_secrets(env.cmd(&["apply", "--dry-run", &f]))
        .assert()
        .code(0);
    assert_eq!(env.snapshot(), before);

    // An unset variable is named with its place in the file.
    let a = env
        .cmd(&["apply", &f])
        .env("CI_API_KEY", CI_KEY)
        .assert()
        .code(2);
    assert_one_line_error(
        &a,
        "accounts.yaml:5: users[0].password_env: variable ADMIN_PASSWORD is not set",
    );
}

#[test]
fn changes_are_planned_per_field_and_passwords_change_only_when_asked() {
    let env = TestEnv::new();
    env.admin();
    env.user("alice");
    let f = write(
        &env,
        "f.yaml",
        "users:\n  - name: admin\n  - name: ALICE\n    superuser: true\n    password_env: NEW_PW\n",
    );
    let a = env
        .cmd(&["apply", &f])
        .env("NEW_PW", ADMIN_PW)
        .assert()
        .success();
    assert_eq!(stdout(&a), "~ user \"alice\" (superuser: false -> true)\n");
    let h = hashes(&env, &[]);
    assert!(
        bcrypt_ok("Another-Pass-77", &hash_of(&h, "alice")),
        "password kept"
    );

    let a = env
        .cmd(&["apply", "--update-passwords", &f])
        .env("NEW_PW", ADMIN_PW)
        .assert()
        .success();
    assert_eq!(stdout(&a), "~ user \"alice\" (password)\n");
    let h = hashes(&env, &[]);
    assert!(bcrypt_ok(ADMIN_PW, &hash_of(&h, "alice")));
    // The same password again: checked against the hash, not rewritten.
    let before = env.snapshot();
    env.cmd(&["apply", "--update-passwords", &f])
        .env("NEW_PW", ADMIN_PW)
        .assert()
        .success();
    assert_eq!(env.snapshot(), before);
    // A weak password is refused where it is declared.
    let a = env
        .cmd(&["apply", "--update-passwords", &f])
        .env("NEW_PW", "password1")
        .assert()
        .code(2);
    assert_one_line_error(&a, "f.yaml:5: users[1]: password refused");
    assert_eq!(env.snapshot(), before);
}

#[test]
fn prune_deletes_what_is_not_declared_but_never_the_last_superuser() {
    let env = TestEnv::new();
    env.admin();
    env.user("alice");
    env.user("bob");
    env.cmd(&["apikey", "create", "--user", "bob", "--name", "old"])
        .assert()
        .success();
    env.cmd(&["apikey", "create", "--user", "alice", "--name", "stray"])
        .assert()
        .success();
    let before = env.snapshot();
    let f = write(&env, "f.yaml", "users:\n  - name: alice\n");
    let a = env.cmd(&["apply", "--prune", &f]).assert().code(4);
    assert_one_line_error(&a, "leaves no active superuser (it takes away \"admin\")");
    assert_eq!(env.snapshot(), before);

    let f = write(&env, "g.yaml", "users:\n  - name: admin\n  - name: alice\n");
    let a = env
        .cmd(&["apply", "--prune", "--dry-run", &f])
        .assert()
        .code(1);
    assert_eq!(
        stdout(&a),
        "- api_key \"stray\" of \"alice\"\n- user \"bob\"\n"
    );
    assert_eq!(env.snapshot(), before);
    env.cmd(&["apply", "--prune", &f]).assert().success();
    let users = trimmed(env.sql("SELECT username FROM users ORDER BY username"));
    assert_eq!(users, "admin\nalice");
    assert_eq!(trimmed(env.sql("SELECT count(*) FROM api_keys")), "0");
    let audit = trimmed(
        env.sql("SELECT action, target FROM audit_log WHERE action LIKE '%delete' ORDER BY id"),
    );
    assert_eq!(audit, "apikey.delete|alice\nuser.delete|bob");
}

/// 1,000 users with given hashes where the 500th cannot be written: the
/// database refuses it inside the transaction, and none of the 999 land.
#[test]
fn a_failure_halfway_leaves_the_database_as_it_was() {
    let env = TestEnv::new();
    env.admin();
    let hash = hash_of(&hashes(&env, &[]), "admin");
    let mut text = String::from("users:\n");
    for i in 0..1000 {
        text.push_str(&format!(
            "  - name: user{i:04}\n    password_hash: \"{hash}\"\n"
        ));
    }
    let f = write(&env, "many.yaml", &text);
    // A trigger stands for whatever the server refuses mid-way.
    match env.pg() {
        Some(_) => {
            trimmed(env.sql("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the server'; END $$"));
            trimmed(env.sql("CREATE TRIGGER refuse BEFORE INSERT ON users FOR EACH ROW WHEN (NEW.username = 'user0499') EXECUTE FUNCTION refuse()"));
        }
        None => {
            trimmed(env.sql("CREATE TRIGGER refuse BEFORE INSERT ON users WHEN NEW.username = 'user0499' BEGIN SELECT RAISE(ABORT, 'refused by the server'); END"));
        }
    }
    let before = trimmed(env.sql("SELECT count(*) FROM users"));
    let audit = trimmed(env.sql("SELECT count(*) FROM audit_log"));
    let a = env.cmd(&["apply", &f]).assert().code(5);
    assert_one_line_error(&a, "user0499");
    assert_eq!(trimmed(env.sql("SELECT count(*) FROM users")), before);
    assert_eq!(trimmed(env.sql("SELECT count(*) FROM audit_log")), audit);
    // A bad declaration at the same place is refused before anything runs.
    let bad = text.replacen(
        "user0499\n    password_hash: \"",
        "user0499\n    password_hash: \"$1$",
        1,
    );
    let f = write(&env, "bad.yaml", &bad);
    let a = env.cmd(&["apply", &f]).assert().code(2);
    assert_one_line_error(
        &a,
        "bad.yaml:1001: users[499].password_hash: not a bcrypt hash",
    );
    assert_eq!(trimmed(env.sql("SELECT count(*) FROM users")), before);
}

#[test]
fn file_errors_name_the_line_and_field() {
    let env = TestEnv::new();
    env.admin();
    let cases: &[(&str, &str, &str)] = &[
        ("a.yaml", "users:\n  - name: x\n    pasword_env: X\n", "a.yaml:3: users[0].pasword_env: unknown field (did you mean `password_env`?)"),
        ("b.yaml", "users:\n  - name: bob\n    generate: true\n  - name: BOB\n    generate: true\n", "b.yaml:4: users[1].name: \"BOB\" is declared already at users[0] (line 2)"),
        ("c.json", "{\"users\": [\n  {\"name\": \"x\",}\n]}\n", "c.json:2: not valid JSON"),
        ("d.yaml", "users:\n  - name: x\n    generate: true\n    password_env: X\n", "d.yaml:4: users[0]: give one password source, not password_env and generate"),
        ("e.yaml", "api_keys:\n  - name: k\n    owner: nobody\n", "e.yaml:2: api_keys[0]: owner: user \"nobody\" is neither declared in the file nor in the database"),
        ("f.yaml", "users:\n  - name: newcomer\n", "f.yaml:2: users[0]: user \"newcomer\" does not exist, so it needs a password"),
        ("g.yaml", "users: {name: x}\n", "g.yaml:1: users: expected a list, found a mapping"),
        ("h.yaml", "users:\n  - name: x\n    active: yes\n    generate: true\n", "h.yaml:3: users[0].active: expected true or false, found a string"),
        ("i.yaml", "version: 2\n", "i.yaml:1: version: this authctl reads version 1 files"),
        ("j.yaml", "a: &x 1\n", "j.yaml:1: anchors and aliases"),
        ("l.yaml", "users:\n  - name: x\n    \"pass\\nword_env\": X\n", "l.yaml:3: users[0].pass\\nword_env: unknown field (did you mean `password_env`?)"),
        ("k.yaml", "users:\n  - name: admin\n    password_hash: \"pbkdf2_sha256$1$x$y\"\n    update_password: true\n", "k.yaml:3: users[0].password_hash: not a bcrypt hash ($2a$, $2b$ or $2y$, 60 characters), the only scheme the target verifies; export it from an app that uses bcrypt, or give the password (user \"admin\")"),
    ];
    let before = env.snapshot();
    for (name, text, says) in cases {
        let f = write(&env, name, text);
        let a = env.cmd(&["apply", &f]).assert().code(2);
        assert_one_line_error(&a, says);
    }
    let a = env.cmd(&["apply", "missing.yaml"]).assert().code(3);
    assert_one_line_error(&a, "file \"missing.yaml\" does not exist");
    let a = env
        .cmd(&["apply", "--jobs", "0", "a.yaml"])
        .assert()
        .code(2);
    assert!(stderr(&a).contains("--jobs"), "{}", stderr(&a));
    let a = env.cmd(&["export", "--force"]).assert().code(2);
    assert!(stderr(&a).contains("--out"), "{}", stderr(&a));
    assert_eq!(env.snapshot(), before);
}

#[test]
fn generated_secrets_go_to_a_private_file_that_is_never_overwritten() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    let f = write(&env, "f.yaml", FILE);
    let out = env.path().join("secrets.json");
    let out_s = out.display().to_string();
    let a = with_secrets(env.cmd(&["apply", "--secrets-out", &out_s, &f]))
        .assert()
        .success();
    assert!(!stdout(&a).contains("password of"), "{}", stdout(&a));
    assert_eq!(
        std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let secrets: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let pw = secrets["users"][0]["password"].as_str().unwrap();
    assert!(bcrypt_ok(pw, &hash_of(&hashes(&env, &[]), "ci-bot")));
    // Once there, never overwritten, and nothing is applied.
    let text = std::fs::read(&out).unwrap();
    let f2 = write(
        &env,
        "g.yaml",
        "users:\n  - name: third\n    generate: true\n",
    );
    let before = env.snapshot();
    let a = env
        .cmd(&["apply", "--secrets-out", &out_s, &f2])
        .assert()
        .code(4);
    assert_one_line_error(&a, "never overwrites a file of secrets");
    assert_eq!(std::fs::read(&out).unwrap(), text);
    assert_eq!(env.snapshot(), before);
}

#[test]
fn export_then_apply_moves_accounts_with_working_passwords() {
    // Native SQLite → the suite's engine (PostgreSQL under TEST_ENGINE).
    let from = TestEnv::sqlite();
    let f = write(&from, "f.yaml", FILE);
    let a = with_secrets(from.cmd(&["--json", "apply", &f]))
        .assert()
        .success();
    let bot_pw = json_of(&a)["generated"]["users"][0]["password"]
        .as_str()
        .unwrap()
        .to_string();
    from.cmd(&["user", "deactivate", "ci-bot"])
        .assert()
        .success();
    let dump = stdout(&from.cmd(&["export", "--with-hashes"]).assert().success());
    assert!(
        !dump.contains(CI_KEY) && !dump.contains("key_sha256"),
        "{dump}"
    );

    let to = TestEnv::new();
    let a = to
        .cmd(&["apply", "-"])
        .write_stdin(dump.clone())
        .assert()
        .success();
    // Keys do not travel: the target makes new ones, shown once.
    assert!(
        stdout(&a).contains("api_key \"ci\" of \"ci-bot\": sk-"),
        "{}",
        stdout(&a)
    );
    let h = hashes(&to, &[]);
    assert!(bcrypt_ok(ADMIN_PW, &hash_of(&h, "admin")));
    assert!(bcrypt_ok(&bot_pw, &hash_of(&h, "ci-bot")));
    assert_eq!(to.show("ci-bot")["is_active"], false);
    // And the target now exports what the source did.
    let again = stdout(&to.cmd(&["export", "--with-hashes"]).assert().success());
    assert_eq!(again, dump);

    // Native → Langflow (both bcrypt): Langflow's own checker accepts them.
    let lf = TestEnv::langflow();
    let users_only = dump.split("api_keys:").next().unwrap().to_string();
    // The fixture has an admin of its own: its password is replaced only
    // when asked.
    lf.lf(&["apply", "-"])
        .write_stdin(users_only.clone())
        .assert()
        .success();
    let kept = trimmed(lf.lf_sql("SELECT password FROM user WHERE username = 'admin'"));
    assert!(!bcrypt_ok(ADMIN_PW, &kept));
    lf.lf(&["apply", "--update-passwords", "-"])
        .write_stdin(users_only)
        .assert()
        .success();
    let row = trimmed(
        lf.lf_sql("SELECT password, is_active, is_superuser FROM user WHERE username = 'ci-bot'"),
    );
    let (hash, flags) = row.split_once('|').unwrap();
    assert!(bcrypt_ok(&bot_pw, hash));
    assert_eq!(flags, "0|0");
    let admin = trimmed(lf.lf_sql("SELECT password FROM user WHERE username = 'admin'"));
    assert!(bcrypt_ok(ADMIN_PW, &admin));
}

#[test]
fn langflow_keys_are_stored_as_langflow_stores_them() {
    let env = TestEnv::langflow();
    let f = write(&env, "f.yaml", "users:\n  - name: svc\n    generate: true\napi_keys:\n  - name: ci\n    owner: svc\n    key_env: CI_API_KEY\n");
    env.lf(&["apply", &f])
        .env("CI_API_KEY", CI_KEY)
        .assert()
        .success();
    let row = trimmed(env.lf_sql("SELECT a.api_key, a.api_key_hash, a.is_active FROM apikey a JOIN user u ON u.id = a.user_id WHERE u.username = 'svc'"));
    let parts: Vec<&str> = row.split('|').collect();
    assert_eq!(py_fernet_decrypt(&env.lf_secret(), parts[0]), CI_KEY);
    assert_eq!(parts[1], hex::encode(Sha256::digest(CI_KEY.as_bytes())));
    assert_eq!(parts[2], "1");
    // A new key in the variable: the old row goes, the new one is there.
    let other = "sk-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    let a = env
        .lf(&["apply", &f])
        .env("CI_API_KEY", other)
        .assert()
        .success();
    assert_eq!(stdout(&a), "~ api_key \"ci\" of \"svc\" (key)\n");
    let hashes = trimmed(env.lf_sql("SELECT a.api_key_hash FROM apikey a JOIN user u ON u.id = a.user_id WHERE u.username = 'svc'"));
    assert_eq!(hashes, hex::encode(Sha256::digest(other.as_bytes())));
    // The audit trail is Langflow's JSON-lines file.
    let audit = std::fs::read_to_string(env.config_dir().join("authctl-audit.jsonl")).unwrap();
    assert!(audit.contains("\"apikey.replace\""), "{audit}");
}

#[test]
fn flowise_users_log_in_with_their_email_and_keys_land_in_the_workspace() {
    let env = TestEnv::flowise("home");
    let f = write(&env, "f.yaml", "users:\n  - name: ci@example.com\n    generate: true\napi_keys:\n  - name: deploy\n    owner: ci@example.com\n    key_env: CI_API_KEY\n");
    let a = env
        .fw(&["--json", "apply", &f])
        .env("CI_API_KEY", CI_KEY)
        .assert()
        .success();
    let pw = json_of(&a)["generated"]["users"][0]["password"]
        .as_str()
        .unwrap()
        .to_string();
    let hash = trimmed(env.fw_sql("SELECT credential FROM user WHERE email = 'ci@example.com'"));
    assert!(bcrypt_ok(&pw, &hash));
    let key = trimmed(env.fw_sql("SELECT apiKey FROM apikey WHERE keyName = 'deploy'"));
    assert_eq!(key, CI_KEY);
    env.fw(&["apply", &f])
        .env("CI_API_KEY", CI_KEY)
        .assert()
        .success();
    assert_eq!(
        trimmed(env.fw_sql("SELECT count(*) FROM apikey WHERE keyName = 'deploy'")),
        "1"
    );
    let bad = write(
        &env,
        "g.yaml",
        "users:\n  - name: not-an-email\n    generate: true\n",
    );
    let a = env.fw(&["apply", &bad]).assert().code(2);
    assert_one_line_error(&a, "g.yaml:2: users[0].name:");
}

/// The shipped JSON Schema accepts what authctl accepts and writes, and
/// refuses what it refuses (checked by Python's jsonschema).
#[test]
fn the_schema_agrees_with_the_reader() {
    let env = TestEnv::sqlite();
    let schema =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/authctl-apply.schema.json");
    let check = |doc: &str| -> bool {
        python_eval(
            "import json,sys,jsonschema\ns=json.load(open(sys.argv[1]))\njsonschema.Draft202012Validator.check_schema(s)\ntry:\n  jsonschema.validate(json.loads(sys.argv[2]), s, cls=jsonschema.Draft202012Validator); print('ok')\nexcept jsonschema.ValidationError: print('no')",
            &[&schema.display().to_string(), doc],
        )
        .trim()
            == "ok"
    };
    let f = write(&env, "f.yaml", FILE);
    with_secrets(env.cmd(&["apply", &f])).assert().success();
    let exported = stdout(
        &env.cmd(&["export", "--with-hashes", "--format", "json"])
            .assert()
            .success(),
    );
    assert!(check(&exported), "{exported}");
    let file_as_json = r#"{"users":[{"name":"admin","superuser":true,"active":true,"password_env":"ADMIN_PASSWORD"},{"name":"ci-bot","active":true,"generate":true}],"api_keys":[{"name":"ci","owner":"ci-bot","key_env":"CI_API_KEY"},{"name":"ops","owner":"admin"}]}"#;
    assert!(check(file_as_json));
    for bad in [
        r#"{"users":[{"name":"x","pasword_env":"X"}]}"#,
        r#"{"users":[{"name":"x","password_env":"X","generate":true}]}"#,
        r#"{"users":[{"active":true}]}"#,
        r#"{"api_keys":[{"name":"k"}]}"#,
        r#"{"version":2}"#,
    ] {
        assert!(!check(bad), "schema accepts {bad}");
        let f = write(&env, "bad.json", bad);
        env.cmd(&["apply", "--dry-run", &f]).assert().code(2);
    }
}

/// On a terminal, more than a screenful of passwords to hash shows a bar
/// on stderr; off a terminal (every other test here), nothing but notes.
#[test]
fn a_progress_bar_on_a_terminal() {
    let env = TestEnv::new();
    let mut text = String::from("users:\n");
    for i in 0..60 {
        text.push_str(&format!("  - name: bulk{i:02}\n    generate: true\n"));
    }
    let f = write(&env, "bulk.yaml", &text);
    let secrets = env.path().join("bulk-secrets.json").display().to_string();
    let mut cmd = std::process::Command::new(BIN);
    cmd.env_clear().envs(env.vars()).env("TERM", "xterm").args([
        "apply",
        "--secrets-out",
        &secrets,
        &f,
    ]);
    let mut p = rexpect::session::spawn_command(cmd, Some(60_000)).expect("spawn in a pty");
    p.exp_string("hashing passwords [").unwrap();
    let tail = p.exp_eof().unwrap();
    assert!(tail.contains("applied: 60 created"), "{tail:?}");
    match p.process().wait().unwrap() {
        rexpect::process::WaitStatus::Exited(_, code) => assert_eq!(code, 0),
        other => panic!("unexpected status {other:?}"),
    }
}

#[test]
fn export_writes_a_private_file_only_when_told_to_replace_one() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    env.admin();
    let out = env.path().join("accounts.yaml");
    let out_s = out.display().to_string();
    let a = env
        .cmd(&["export", "--with-hashes", "--out", &out_s])
        .assert()
        .success();
    assert_eq!(stdout(&a), "");
    assert_eq!(
        std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("password_hash: \"$2b$10$"), "{text}");
    env.user("alice");
    let a = env.cmd(&["export", "--out", &out_s]).assert().code(4);
    assert_one_line_error(&a, "already exists");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), text);
    env.cmd(&["export", "--out", &out_s, "--force"])
        .assert()
        .success();
    let now = std::fs::read_to_string(&out).unwrap();
    assert!(
        now.contains("\"alice\"") && !now.contains("password_hash"),
        "{now}"
    );
    // What it wrote applies back cleanly: nothing to do.
    let a = env.cmd(&["apply", &out_s]).assert().success();
    assert!(stderr(&a).contains("nothing to do"), "{}", stderr(&a));
}

#[test]
fn a_deeply_nested_file_is_refused_from_a_file_and_from_stdin() {
    // 60 KB of nested block sequences, and the flow form: a clear error on
    // the line where the nesting passes the cap, exit 2, nothing written.
    let env = TestEnv::new();
    env.admin();
    let before = env.snapshot();
    for (name, text) in [
        ("deep.yaml", "- ".repeat(30_000) + "x\n"),
        ("flow.yaml", "[".repeat(30_000) + &"]".repeat(30_000) + "\n"),
        ("deep.json", "[".repeat(30_000) + &"]".repeat(30_000) + "\n"),
    ] {
        let f = write(&env, name, &text);
        let a = env.cmd(&["apply", &f]).assert().code(2);
        assert_one_line_error(&a, "lists and mappings are nested more than 64 deep");
        let a = env
            .cmd(&["apply", "-"])
            .write_stdin(text.clone())
            .assert()
            .code(2);
        assert_one_line_error(&a, "nested more than 64 deep");
    }
    assert_eq!(env.snapshot(), before);
}
