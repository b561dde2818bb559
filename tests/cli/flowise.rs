//! `--profile flowise` on copies of a real Flowise 3.1.4 home, checked
//! with independent readers (rusqlite, Python's bcrypt) and against the
//! rows the real server wrote. The live-server tests are in
//! tests/e2e/flowise.rs (scripts/e2e.sh).

use crate::common::*;
use serde_json::Value;

const ADMIN: &str = "b4146358-b428-4ccb-940f-af90f339fbd6";
const BOB: &str = "69e42871-6219-4a78-8be2-e7111db895bd";
const PW: &str = "Sunny-Meadow-42!";

/// `authctl --profile flowise --json ARGS`, which must succeed.
fn json(env: &TestEnv, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let out = env.fw(&all).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn users(env: &TestEnv) -> Vec<Value> {
    json(env, &["user", "list"]).as_array().unwrap().clone()
}

fn sessions_of(env: &TestEnv, id: &str) -> usize {
    env.fw_sql(&format!(
        "select count(*) from login_sessions where json_extract(sess, '$.passport.user.id') = '{id}'"
    ))
    .parse()
    .unwrap()
}

/// The rows of the five tables Flowise's registration writes, with ids
/// numbered in order of appearance, times and hashes masked, and the
/// user's display name left out, so two registrations compare equal.
fn registration_rows(db: &std::path::Path) -> String {
    use rusqlite::types::ValueRef;
    use serde_json::{json, Map, Value};
    let is_uuid4 = |s: &str| {
        let b = s.as_bytes();
        let hex =
            |r: std::ops::Range<usize>| b[r].iter().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f'));
        b.len() == 36
            && [8, 13, 18, 23].iter().all(|&i| b[i] == b'-')
            && hex(0..8)
            && hex(9..13)
            && b[14] == b'4'
            && hex(15..18)
            && matches!(b[19], b'8' | b'9' | b'a' | b'b')
            && hex(20..23)
            && hex(24..36)
    };
    let is_time = |s: &str| {
        let b = s.as_bytes();
        b.len() == 19
            && b.iter().enumerate().all(|(i, c)| match i {
                4 | 7 => *c == b'-',
                10 => *c == b' ',
                13 | 16 => *c == b':',
                _ => c.is_ascii_digit(),
            })
    };
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut ids: Vec<String> = Vec::new();
    let mut out = Map::new();
    for t in [
        "user",
        "organization",
        "organization_user",
        "workspace",
        "workspace_user",
    ] {
        let mut stmt = conn.prepare(&format!("select * from \"{t}\"")).unwrap();
        let cols: Vec<String> = stmt.column_names().map(str::to_string).collect();
        let mut rows = stmt.query([]).unwrap();
        let mut list = Vec::new();
        while let Some(row) = rows.next().unwrap() {
            let mut obj = Map::new();
            for (i, col) in cols.iter().enumerate() {
                if t == "user" && col == "name" {
                    continue;
                }
                let v = match row.get_ref(i).unwrap() {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(n) => json!(n),
                    ValueRef::Real(f) => json!(f),
                    ValueRef::Blob(b) => json!(String::from_utf8_lossy(b)),
                    ValueRef::Text(s) => {
                        let s = String::from_utf8_lossy(s).into_owned();
                        if is_uuid4(&s) {
                            let n = ids.iter().position(|x| *x == s).unwrap_or_else(|| {
                                ids.push(s.clone());
                                ids.len() - 1
                            });
                            json!(format!("ID{n}"))
                        } else if is_time(&s) {
                            json!("TIME")
                        } else if s.starts_with("$2") {
                            json!("BCRYPT")
                        } else {
                            json!(s)
                        }
                    }
                };
                obj.insert(col.clone(), v);
            }
            list.push(Value::Object(obj));
        }
        out.insert(t.to_string(), Value::Array(list));
    }
    Value::Object(out).to_string()
}

#[test]
fn the_first_admin_is_the_registration_flowise_writes() {
    let env = TestEnv::flowise("fresh");
    let schema = "select sql from sqlite_master order by name";
    let schema_before = env.fw_sql(schema);
    // A credential saved before there was any workspace, as Flowise 2 left them.
    env.fw_sql("insert into credential (id, name, credentialName, encryptedData, workspaceId) values ('c1', 'old', 'openAIApi', 'U2FsdGVkX1', NULL)");
    assert!(users(&env).is_empty());

    env.fw(&[
        "superuser",
        "--username",
        "admin@example.com",
        "--password-env",
        "PW",
    ])
    .env("PW", PW)
    .assert()
    .success();

    let ours = registration_rows(&env.config_dir().join("database.sqlite"));
    let theirs = registration_rows(&flowise_fixture().join("after-register.sqlite"));
    assert_eq!(
        ours, theirs,
        "authctl's rows differ from Flowise's registration"
    );
    let row = env.fw_sql("select name, email, credential, status from user");
    let f: Vec<_> = row.split('|').collect();
    assert_eq!(
        (f[0], f[1], f[3]),
        ("admin@example.com", "admin@example.com", "active")
    );
    assert!(
        f[2].starts_with("$2b$10$"),
        "PASSWORD_SALT_HASH_ROUNDS defaults to 10: {row}"
    );
    assert!(bcrypt_ok(PW, f[2]));
    // The rows that had no workspace moved into the new one.
    assert_eq!(
        env.fw_sql("select c.workspaceId = w.id from credential c, workspace w"),
        "1"
    );
    assert_eq!(
        env.fw_sql(schema),
        schema_before,
        "the schema is Flowise's, untouched"
    );
    let admin = &users(&env)[0];
    assert_eq!(
        (
            admin["is_active"].as_bool(),
            admin["is_superuser"].as_bool()
        ),
        (Some(true), Some(true))
    );

    // Flowise has one organization: a second first admin is refused whole.
    let before = env.snapshot();
    let a = env
        .fw(&[
            "superuser",
            "--username",
            "eve@example.com",
            "--password-env",
            "PW",
        ])
        .env("PW", PW)
        .assert()
        .code(4);
    assert_one_line_error(
        &a,
        "Flowise already has its organization, set up by \"admin@example.com\"",
    );
    assert_eq!(env.snapshot(), before);
    // --if-not-exists for the admin that is there changes nothing either.
    env.fw(&[
        "superuser",
        "--username",
        "ADMIN@example.com",
        "--if-not-exists",
        "--password-env",
        "PW",
    ])
    .env("PW", PW)
    .assert()
    .success();
    assert_eq!(env.snapshot(), before);
}

#[test]
fn added_users_get_the_memberships_flowise_login_needs() {
    let env = TestEnv::flowise("home");
    env.fw(&["user", "add", "carol@example.com", "--password-env", "PW"])
        .env("PW", PW)
        .assert()
        .success();
    let row = env.fw_sql(
        "select u.id, u.name, u.status, u.credential, u.tempToken, u.createdBy = u.id,
                ou.organizationId, ou.status, ro.name, ou.createdBy,
                wu.workspaceId, wu.status, rw.name, wu.lastLogin, wu.createdBy
         from user u
         join organization_user ou on ou.userId = u.id join role ro on ro.id = ou.roleId
         join workspace_user wu on wu.userId = u.id join role rw on rw.id = wu.roleId
         where u.email = 'carol@example.com'",
    );
    let f: Vec<_> = row.split('|').collect();
    assert_eq!(f.len(), 15, "{row}");
    assert_eq!(
        f[1], "carol@example.com",
        "the name defaults to the email, as in Flowise"
    );
    assert_eq!(
        f[2], "unverified",
        "new users start inactive (AUTHCTL_NEW_USER_IS_ACTIVE)"
    );
    assert!(bcrypt_ok(PW, f[3]));
    assert_eq!((f[4], f[5]), ("None", "1"));
    assert_eq!(
        (f[6], f[7], f[8], f[9]),
        (
            "6aa4d475-586c-4123-beed-c4b16c760ff5",
            "active",
            "member",
            ADMIN
        )
    );
    assert_eq!(
        (f[10], f[11], f[12], f[13], f[14]),
        (
            "aecd6e7e-5a9b-41e0-b693-e995a6090936",
            "active",
            "personal workspace",
            "None",
            ADMIN
        )
    );
    let carol = users(&env)
        .into_iter()
        .find(|u| u["username"] == "carol@example.com")
        .unwrap();
    assert_eq!(carol["is_active"], false);
    assert_eq!(carol["id"], f[0]);

    // --active, and an administrator: the owner role in both places.
    env.fw(&[
        "user",
        "add",
        "dan@example.com",
        "--active",
        "--superuser",
        "--password-env",
        "PW",
    ])
    .env("PW", PW)
    .assert()
    .success();
    assert_eq!(
        env.fw_sql("select u.status, ro.name, rw.name from user u join organization_user ou on ou.userId = u.id join role ro on ro.id = ou.roleId join workspace_user wu on wu.userId = u.id join role rw on rw.id = wu.roleId where u.email = 'dan@example.com'"),
        "active|owner|owner"
    );

    // Refusals change nothing: a name that is not an email, a taken email
    // in another case (Flowise's login matches emails case-insensitively),
    // a password Flowise's own policy refuses.
    let before = env.snapshot();
    for (args, pw, code, needle) in [
        (
            vec!["user", "add", "carol"],
            PW,
            2,
            "is not an email address Flowise accepts",
        ),
        (
            vec!["user", "add", "BOB@Example.com"],
            PW,
            4,
            "user \"bob@example.com\" already exists",
        ),
        (
            vec!["user", "add", "erin@example.com"],
            "sunny-meadow-42!",
            2,
            "has no upper-case letter",
        ),
        (
            vec!["user", "add", "erin@example.com"],
            "Sunny-Meadow-Fortytwo",
            2,
            "has no digit",
        ),
    ] {
        let mut full = args.clone();
        full.extend(["--password-env", "PW"]);
        let a = env.fw(&full).env("PW", pw).assert().code(code);
        assert_one_line_error(&a, needle);
    }
    assert_eq!(env.snapshot(), before);

    // Before the first admin there is no organization to join.
    let fresh = TestEnv::flowise("fresh");
    let before = fresh.snapshot();
    let a = fresh
        .fw(&["user", "add", "carol@example.com", "--password-env", "PW"])
        .env("PW", PW)
        .assert()
        .code(4);
    assert_one_line_error(&a, "Flowise has no organization yet");
    assert_eq!(fresh.snapshot(), before);
}

#[test]
fn status_role_and_password_changes_end_the_users_sessions() {
    let env = TestEnv::flowise("home");
    assert_eq!((sessions_of(&env, BOB), sessions_of(&env, ADMIN)), (9, 1));

    env.fw(&["user", "deactivate", "Bob@Example.com"])
        .assert()
        .success();
    assert_eq!(
        env.fw_sql(&format!("select status from user where id = '{BOB}'")),
        "unverified"
    );
    assert_eq!((sessions_of(&env, BOB), sessions_of(&env, ADMIN)), (0, 1));
    let bob = users(&env).into_iter().find(|u| u["id"] == BOB).unwrap();
    assert_eq!(bob["is_active"], false);
    env.fw(&["user", "activate", "bob@example.com"])
        .assert()
        .success();
    assert_eq!(
        env.fw_sql(&format!("select status from user where id = '{BOB}'")),
        "active"
    );

    let roles = || {
        env.fw_sql(&format!(
            "select ro.name, rw.name from organization_user ou join role ro on ro.id = ou.roleId, workspace_user wu join role rw on rw.id = wu.roleId where ou.userId = '{BOB}' and wu.userId = '{BOB}'"
        ))
    };
    env.fw(&["user", "promote", "bob@example.com"])
        .assert()
        .success();
    assert_eq!(roles(), "owner|owner");
    env.fw(&["user", "demote", "bob@example.com"])
        .assert()
        .success();
    assert_eq!(roles(), "member|personal workspace");
    let a = env
        .fw(&["user", "demote", "admin@example.com"])
        .assert()
        .code(4);
    assert_one_line_error(&a, "last active superuser");

    // A password set offline ends the sessions that Flowise would
    // otherwise keep valid, and clears a pending reset token.
    env.fw_sql(&format!(
        "insert into login_sessions (sid, expired, sess) values ('s1', 9e15, json_object('passport', json_object('user', json_object('id', '{BOB}'))))"
    ));
    env.fw_sql(&format!(
        "update user set tempToken = 'reset-me' where id = '{BOB}'"
    ));
    env.fw(&["user", "passwd", "bob@example.com", "--password-env", "PW"])
        .env("PW", PW)
        .assert()
        .success();
    let row = env.fw_sql(&format!(
        "select credential, tempToken, tokenExpiry from user where id = '{BOB}'"
    ));
    let f: Vec<_> = row.split('|').collect();
    assert!(bcrypt_ok(PW, f[0]));
    assert!(!bcrypt_ok("B0b!CliPassw0rd", f[0]));
    assert_eq!((f[1], f[2]), ("None", "None"));
    assert_eq!(sessions_of(&env, BOB), 0);

    // `superuser --reset-password` is Flowise's reset: password and status,
    // never the role.
    env.fw_sql(&format!(
        "update user set status = 'unverified' where id = '{BOB}'"
    ));
    env.fw(&[
        "superuser",
        "--username",
        "bob@example.com",
        "--reset-password",
        "--password-env",
        "PW",
    ])
    .env("PW", "Other-Meadow-43!")
    .assert()
    .success();
    let bob = users(&env).into_iter().find(|u| u["id"] == BOB).unwrap();
    assert_eq!(
        (bob["is_active"].as_bool(), bob["is_superuser"].as_bool()),
        (Some(true), Some(false))
    );
    assert!(bcrypt_ok(
        "Other-Meadow-43!",
        &env.fw_sql(&format!("select credential from user where id = '{BOB}'"))
    ));
    // Every change is in the audit trail beside the key files.
    let audit = std::fs::read_to_string(env.config_dir().join("authctl-audit.jsonl")).unwrap();
    for action in [
        "user.deactivate",
        "user.activate",
        "user.promote",
        "user.demote",
        "user.password",
        "flowise.sessions_ended",
    ] {
        assert!(
            audit.contains(&format!("\"action\":\"{action}\"")),
            "{action}: {audit}"
        );
    }
}

#[test]
fn delete_removes_the_user_and_its_memberships_and_keeps_owners() {
    let env = TestEnv::flowise("home");
    env.fw(&["user", "delete", "bob@example.com", "--yes"])
        .assert()
        .success();
    for table in [
        "user where id",
        "organization_user where userId",
        "workspace_user where userId",
    ] {
        assert_eq!(
            env.fw_sql(&format!("select count(*) from {table} = '{BOB}'")),
            "0",
            "{table}"
        );
    }
    assert_eq!(sessions_of(&env, BOB), 0);
    assert_eq!(sessions_of(&env, ADMIN), 1);
    assert_eq!(env.fw_sql("pragma foreign_key_check"), "");

    let before = env.snapshot();
    let a = env
        .fw(&["user", "delete", "admin@example.com", "--yes"])
        .assert()
        .code(4);
    assert_one_line_error(&a, "last active superuser");
    let a = env
        .fw(&["user", "delete", "admin@example.com", "--yes", "--force"])
        .assert()
        .code(4);
    assert_one_line_error(
        &a,
        "an owner of the Flowise organization, which Flowise never deletes",
    );
    // A user other rows name (here: it set up the organization) stays.
    env.fw(&[
        "user",
        "add",
        "carol@example.com",
        "--active",
        "--password-env",
        "PW",
    ])
    .env("PW", PW)
    .assert()
    .success();
    env.fw(&["user", "demote", "admin@example.com", "--force"])
        .assert()
        .success();
    let during = env.snapshot();
    let a = env
        .fw(&["user", "delete", "admin@example.com", "--yes", "--force"])
        .assert()
        .code(4);
    assert_one_line_error(&a, "is still named by other rows: ");
    assert_ne!(during, before);
    assert_eq!(env.snapshot(), during);
}

#[test]
fn other_layouts_and_unknown_schemas_are_refused_untouched() {
    let env = TestEnv::flowise("home");
    let before = env.snapshot();
    let db = env.config_dir().join("database.sqlite");
    let db = db.to_str().unwrap();
    for profile in ["native", "langflow"] {
        let a = env
            .cmd(&["--profile", profile, "--db", db, "user", "list"])
            .assert()
            .code(2);
        assert_one_line_error(&a, "is a Flowise database");
        assert!(stderr(&a).contains("use --profile flowise"));
    }
    // A Langflow database under the flowise profile.
    let lf = langflow_fixture().join("langflow.db");
    let a = env
        .fw(&["--db", lf.to_str().unwrap(), "user", "list"])
        .assert()
        .code(2);
    assert_one_line_error(&a, "use --profile langflow");
    // A migration after 3.1.4's: a newer release, read with a warning,
    // never written.
    env.fw_sql("insert into migrations (timestamp, name) values (1800000000000, 'AddSomething1800000000000')");
    let changed = env.snapshot();
    let a = env.fw(&["user", "list"]).assert().success();
    assert!(
        stderr(&a).contains("ends at migration AddSomething1800000000000, which this authctl does not know: a release newer than Flowise 3.1.3–3.1.4"),
        "{}",
        stderr(&a)
    );
    let a = env
        .fw(&["user", "add", "x@example.com", "--password-env", "PW"])
        .env("PW", PW)
        .assert()
        .code(6);
    assert_one_line_error(&a, "changes nothing in it: upgrade authctl");
    assert_eq!(env.snapshot(), changed);
    // --allow-unknown-release writes once the columns it writes are found.
    let db = env.config_dir().join("database.sqlite");
    add_required_column(&db, "workspace_user", "seat");
    let a = env
        .fw(&[
            "--allow-unknown-release",
            "user",
            "add",
            "x@example.com",
            "--password-env",
            "PW",
        ])
        .env("PW", PW)
        .assert()
        .code(6);
    assert_one_line_error(
        &a,
        "workspace_user.seat is required and authctl does not write it",
    );
    assert_eq!(
        env.fw_sql("select count(*) from user where email = 'x@example.com'"),
        "0"
    );
    env.fw_sql("alter table workspace_user drop column seat");
    env.fw(&[
        "--allow-unknown-release",
        "user",
        "add",
        "x@example.com",
        "--password-env",
        "PW",
    ])
    .env("PW", PW)
    .assert()
    .success();
    // Without 3.1.4's own migrations it is no release authctl can place:
    // refused before anything is read.
    env.fw_sql("delete from migrations where name like 'AddWebhookSecretToChatFlow%'");
    let changed = env.snapshot();
    let a = env.fw(&["user", "list"]).assert().code(6);
    assert_one_line_error(&a, "ends at migration AddSomething1800000000000");
    assert_one_line_error(&a, "refusing to guess at its schema");
    assert_eq!(env.snapshot(), changed);
    assert_ne!(changed, before);
}

/// A copy of the database Flowise 3.0.1's real server made, as a Flowise
/// home with no key files (3.0.x keeps none for its auth secrets).
fn flowise_3_0_1() -> TestEnv {
    let env = TestEnv::sqlite();
    std::fs::create_dir_all(env.config_dir()).unwrap();
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/flowise-3.0.1/database.sqlite"),
        env.config_dir().join("database.sqlite"),
    )
    .unwrap();
    env
}

/// Flowise 3.0.1: users, resets and API keys as that release keeps them
/// (no permissions), named by doctor; the schema as the server left it.
#[test]
fn flowise_3_0_1_takes_every_user_and_key_job() {
    let env = flowise_3_0_1();
    let schema = "select type, name, sql from sqlite_master order by name";
    let before = env.fw_sql(schema);
    env.fw(&[
        "superuser",
        "--reset-password",
        "--username",
        "admin@example.com",
        "--password-env",
        "PW",
    ])
    .env("PW", PW)
    .assert()
    .success();
    let hash = env.fw_sql("select credential from user where email = 'admin@example.com'");
    assert!(bcrypt_ok(PW, &hash));
    env.fw(&["user", "add", "carol@example.com", "--password-env", "PW"])
        .env("PW", PW)
        .assert()
        .success();
    assert_eq!(users(&env).len(), 2);
    // A key without permissions: the column does not exist before 3.0.13.
    let a = env
        .fw(&[
            "apikey",
            "create",
            "--user",
            "carol@example.com",
            "--name",
            "ci",
            "--permission",
            "chatflows:view",
        ])
        .assert()
        .code(2);
    assert_one_line_error(
        &a,
        "permission chatflows:view: this Flowise release keeps no permissions on API keys",
    );
    let created = json(
        &env,
        &[
            "apikey",
            "create",
            "--user",
            "carol@example.com",
            "--name",
            "ci",
        ],
    );
    assert!(
        created["api_key"]
            .get("permissions")
            .is_none_or(Value::is_null),
        "{created}"
    );
    let key = created["key"].as_str().unwrap();
    assert_eq!(
        env.fw_sql("select apiKey from apikey where keyName = 'ci'"),
        key
    );
    let listed = json(&env, &["apikey", "list"]);
    assert_eq!(listed.as_array().unwrap().len(), 2, "{listed}");
    env.fw(&["apikey", "revoke", "ci"]).assert().success();
    // doctor names the release.
    let out = env.fw(&["--json", "doctor"]).output().unwrap();
    let readable = doctor_check(&out.stdout, "db.readable");
    assert!(
        readable["message"]
            .as_str()
            .unwrap()
            .contains("Flowise 3.0.1–3.0.5"),
        "{readable}"
    );
    assert_eq!(env.fw_sql(schema), before);
}

/// Flowise up to 3.0.13 signs with its variables, else with built-ins
/// anyone can read in its source: authctl mints and verifies what such a
/// server accepts, doctor fails the built-ins by variable, and keygen
/// refuses to write key files the release never reads.
#[test]
fn flowise_3_0_1_secrets_are_its_variables_or_its_public_built_ins() {
    let env = flowise_3_0_1();
    // No variables: the built-ins, as PyJWT reads them.
    let m = json(&env, &["token", "mint", "--user", "admin@example.com"]);
    let claims = python_eval(
        "import jwt,sys,json; print(json.dumps(jwt.decode(sys.argv[1], 'auth_token', algorithms=['HS256'], audience='AUDIENCE', issuer='ISSUER')))",
        &[m["token"].as_str().unwrap()],
    );
    let claims: Value = serde_json::from_str(&claims).unwrap();
    assert_eq!(claims["username"], "Admin");
    env.fw(&["token", "verify", m["token"].as_str().unwrap()])
        .assert()
        .success();
    let (code, checks) = doctor(&env, &[]);
    assert_eq!(code, 1);
    for (id, var) in [
        ("flowise.jwt_auth_secret", "JWT_AUTH_TOKEN_SECRET"),
        ("flowise.jwt_refresh_secret", "JWT_REFRESH_TOKEN_SECRET"),
        ("flowise.token_hash_secret", "TOKEN_HASH_SECRET"),
        ("flowise.session_secret", "EXPRESS_SESSION_SECRET"),
    ] {
        assert!(
            checks[id].starts_with("fail ") && checks[id].contains("public built-in"),
            "{id}: {}",
            checks[id]
        );
        let out = env.fw(&["--json", "doctor"]).output().unwrap();
        assert!(doctor_check(&out.stdout, id)["fix"]
            .as_str()
            .unwrap()
            .contains(var));
    }
    // With its variables set, it signs with them.
    let strong = "vR8mQ2xT5nK9pL3wZ7cF1hJ6bN4dS0gA";
    let vars = [
        ("JWT_AUTH_TOKEN_SECRET", strong),
        (
            "JWT_REFRESH_TOKEN_SECRET",
            "r8mQ2xT5nK9pL3wZ7cF1hJ6bN4dS0gAv",
        ),
        ("TOKEN_HASH_SECRET", "h8mQ2xT5nK9pL3wZ7cF1hJ6bN4dS0gAv"),
        ("EXPRESS_SESSION_SECRET", "s8mQ2xT5nK9pL3wZ7cF1hJ6bN4dS0gAv"),
    ];
    let out = env
        .fw(&["--json", "token", "mint", "--user", "admin@example.com"])
        .envs(vars)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let m: Value = serde_json::from_slice(&out.stdout).unwrap();
    pyjwt_decode(m["token"].as_str().unwrap(), strong, "HS256");
    let (_, checks) = doctor(&env, &vars);
    for id in ["flowise.jwt_auth_secret", "flowise.session_secret"] {
        assert!(checks[id].starts_with("pass "), "{id}: {}", checks[id]);
    }
    // keygen would write files 3.0.1 never reads.
    let before = env.snapshot();
    let a = env.fw(&["keygen"]).assert().code(6);
    assert_one_line_error(&a, "reads no key files for its auth secrets");
    assert_eq!(env.snapshot(), before);
    // init writes the one file it reads, and names the variables to set.
    let a = env.fw(&["init", "--format", "files"]).assert().success();
    assert!(
        stderr(&a).contains("reads JWT_AUTH_TOKEN_SECRET, JWT_REFRESH_TOKEN_SECRET, TOKEN_HASH_SECRET, EXPRESS_SESSION_SECRET, JWT_ISSUER, JWT_AUDIENCE only from its environment"),
        "{}",
        stderr(&a)
    );
    let files: Vec<String> = std::fs::read_dir(env.config_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".key"))
        .collect();
    assert_eq!(files, ["encryption.key"]);
}

#[test]
fn jobs_the_profile_does_not_do_are_refused_by_name() {
    let env = TestEnv::flowise("home");
    let before = env.snapshot();
    let a = env.fw(&["keys", "list"]).assert().code(2);
    assert_one_line_error(&a, "`authctl keys` does not work in the flowise profile");
    assert_eq!(env.snapshot(), before);
}

#[test]
fn settings_are_flowises_own() {
    let env = TestEnv::flowise("home");
    // DATABASE_PATH unset: ~/.flowise/database.sqlite, as Flowise.
    let home = env.path().join("home");
    std::fs::create_dir_all(home.join(".flowise")).unwrap();
    std::fs::copy(
        env.config_dir().join("database.sqlite"),
        home.join(".flowise/database.sqlite"),
    )
    .unwrap();
    let out = env
        .fw(&["--json", "user", "list"])
        .env_remove("DATABASE_PATH")
        .env_remove("SECRETKEY_PATH")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        serde_json::from_slice::<Value>(&out.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert!(home.join(".flowise/database.sqlite").exists());

    // PASSWORD_SALT_HASH_ROUNDS is the cost, from a Flowise .env as it is.
    std::fs::write(env.path().join(".env"), "PASSWORD_SALT_HASH_ROUNDS=11\n").unwrap();
    env.fw(&[
        "--env-file",
        ".env",
        "user",
        "add",
        "carol@example.com",
        "--password-env",
        "PW",
    ])
    .env("PW", PW)
    .assert()
    .success();
    assert!(env
        .fw_sql("select credential from user where email = 'carol@example.com'")
        .starts_with("$2b$11$"));

    for (var, value, needle) in [
        (
            "DATABASE_TYPE",
            "mysql",
            "DATABASE_TYPE=\"mysql\" is not a database authctl works on",
        ),
        (
            "PASSWORD_SALT_HASH_ROUNDS",
            "ten",
            "PASSWORD_SALT_HASH_ROUNDS=\"ten\" is invalid",
        ),
    ] {
        let a = env.fw(&["user", "list"]).env(var, value).assert().code(2);
        assert_one_line_error(&a, needle);
    }
    let a = env
        .fw(&["user", "list"])
        .env("DATABASE_TYPE", "postgres")
        .env("DATABASE_PORT", "x")
        .assert()
        .code(2);
    assert_one_line_error(&a, "DATABASE_PORT=\"x\" is not a port number");
}

#[test]
fn help_speaks_of_flowises_files_and_variables() {
    let env = TestEnv::flowise("home");
    let a = env.fw(&["--help"]).assert().success();
    let help = stdout(&a);
    assert!(help.contains("[env: SECRETKEY_PATH]"), "{help}");
    assert!(help.contains("$DATABASE_PATH/database.sqlite"), "{help}");
    assert!(help.contains("[default: ~/.flowise]"), "{help}");
    assert!(!help.contains("AUTHCTL_DATABASE_URL"), "{help}");
    assert!(!help.contains("private_key.pem"), "{help}");
}

#[test]
fn api_keys_are_made_and_revoked_as_flowise_makes_them() {
    let env = TestEnv::flowise("home");
    let made = json(
        &env,
        &[
            "apikey",
            "create",
            "--user",
            "bob@example.com",
            "--name",
            "ci-bot",
            "--permission",
            "chatflows:view",
            "--permission",
            "variables:view",
        ],
    );
    let key = made["key"].as_str().unwrap();
    let id = made["api_key"]["id"].as_str().unwrap();
    assert_eq!(key.len(), 43, "base64url of 32 bytes: {key}");
    let row = env.fw_sql(&format!(
        "select apiKey, apiSecret, keyName, workspaceId, permissions, createdDate from apikey where id = '{id}'"
    ));
    let f: Vec<_> = row.split('|').collect();
    assert_eq!(f[0], key, "Flowise keeps the key itself");
    assert_eq!(
        (f[2], f[3], f[4]),
        (
            "ci-bot",
            "aecd6e7e-5a9b-41e0-b693-e995a6090936",
            r#"["chatflows:view","variables:view"]"#
        )
    );
    // Node's scryptSync(key, salt, 64) with its defaults, by Python.
    let ok = python_eval(
        "import hashlib,sys\nh,s=sys.argv[2].split('.')\nprint(hashlib.scrypt(sys.argv[1].encode(), salt=s.encode(), n=16384, r=8, p=1, dklen=64).hex()==h)",
        &[key, f[1]],
    );
    assert_eq!(ok.trim(), "True");
    assert_eq!(f[5].len(), 19, "{row}");
    assert_eq!(made["api_key"]["workspace"], "Default Workspace");

    // The default is every permission the user has, less workspace:*.
    let all = json(
        &env,
        &[
            "apikey",
            "create",
            "--user",
            "admin@example.com",
            "--name",
            "all",
        ],
    );
    let perms = all["api_key"]["permissions"].as_array().unwrap();
    assert_eq!(perms.len(), 69);
    assert!(perms
        .iter()
        .all(|p| !p.as_str().unwrap().starts_with("workspace:")));

    let before = env.snapshot();
    for (args, code, needle) in [
        (
            vec!["--user", "bob@example.com"],
            2,
            "a Flowise API key needs a name",
        ),
        (
            vec![
                "--user",
                "bob@example.com",
                "--name",
                "x",
                "--permission",
                "workspace:export",
            ],
            2,
            "never gives an API key workspace or admin permissions",
        ),
        (
            vec![
                "--user",
                "bob@example.com",
                "--name",
                "x",
                "--permission",
                "users:manage",
            ],
            2,
            "exceeds what \"bob@example.com\" may do",
        ),
        (
            vec!["--user", "nobody@example.com", "--name", "x"],
            3,
            "does not exist",
        ),
    ] {
        let mut full = vec!["apikey", "create"];
        full.extend(args);
        let a = env.fw(&full).assert().code(code);
        assert_one_line_error(&a, needle);
    }
    assert_eq!(env.snapshot(), before);

    // Listing never shows a key; revoking deletes the row, as Flowise does.
    let a = env
        .fw(&["apikey", "list", "--user", "bob@example.com"])
        .assert()
        .success();
    let listed = stdout(&a);
    assert!(
        listed.contains("ci-bot") && listed.contains("workspace Default Workspace"),
        "{listed}"
    );
    assert!(!listed.contains(key));
    env.fw(&["apikey", "revoke", "ci-bot"]).assert().success();
    assert_eq!(
        env.fw_sql(&format!("select count(*) from apikey where id = '{id}'")),
        "0"
    );
    let a = env.fw(&["apikey", "revoke", "ci-bot"]).assert().code(3);
    assert_one_line_error(&a, "no API key has the id or name \"ci-bot\"");
    // --permission belongs to Flowise.
    let lf = TestEnv::langflow();
    let a = lf
        .lf(&[
            "apikey",
            "create",
            "--user",
            "admin",
            "--permission",
            "chatflows:view",
        ])
        .assert()
        .code(2);
    assert_one_line_error(&a, "--permission is for Flowise API keys");
}

/// CryptoJS `AES.decrypt(value, passphrase)` by Python `cryptography`:
/// OpenSSL's EVP_BytesToKey (MD5) and AES-256-CBC; "" when it fails.
fn cryptojs_decrypt(passphrase: &str, value: &str) -> String {
    python_eval(
        r#"
import base64, hashlib, sys
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives import padding
raw = base64.b64decode(sys.argv[2])
assert raw[:8] == b'Salted__'
salt, body = raw[8:16], raw[16:]
d, prev = b'', b''
while len(d) < 48:
    prev = hashlib.md5(prev + sys.argv[1].encode() + salt).digest()
    d += prev
dec = Cipher(algorithms.AES(d[:32]), modes.CBC(d[32:48])).decryptor()
try:
    u = padding.PKCS7(128).unpadder()
    print((u.update(dec.update(body) + dec.finalize()) + u.finalize()).decode())
except Exception:
    print('')
"#,
        &[passphrase, value],
    )
    .trim_end()
    .to_string()
}

fn before_rotation() -> TestEnv {
    let env = TestEnv::sqlite();
    let dir = env.config_dir();
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["database.sqlite", "encryption.key"] {
        std::fs::copy(
            flowise_fixture().join("before-rotation").join(name),
            dir.join(name),
        )
        .unwrap();
    }
    env
}

const OPENAI: &str = r#"{"openAIApiKey":"sk-dummy-0123456789abcdefDUMMY"}"#;

#[test]
fn rotation_re_encrypts_every_credential_and_replaces_the_key_file() {
    use std::os::unix::fs::PermissionsExt;
    let env = before_rotation();
    let old = std::fs::read_to_string(env.config_dir().join("encryption.key")).unwrap();
    let values = || env.fw_sql("select encryptedData from credential order by name desc");
    let first = || values().lines().next().unwrap().to_string();
    assert_eq!(
        cryptojs_decrypt(&old, &first()),
        OPENAI,
        "the server's value"
    );

    let before = env.snapshot();
    env.fw(&["secret", "rotate", "--dry-run"])
        .assert()
        .success();
    assert_eq!(env.snapshot(), before, "a dry run changes nothing");

    let a = env.fw(&["secret", "rotate", "--yes"]).assert().success();
    assert!(
        stderr(&a).contains("re-encrypted 2 value(s)"),
        "{}",
        stderr(&a)
    );
    let key_file = env.config_dir().join("encryption.key");
    let new = std::fs::read_to_string(&key_file).unwrap();
    assert_eq!(new.len(), 32, "base64 of 24 bytes, no newline: {new:?}");
    assert_ne!(new, old);
    assert_eq!(
        std::fs::metadata(&key_file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(cryptojs_decrypt(&new, &first()), OPENAI);
    assert_eq!(cryptojs_decrypt(&old, &first()), "");
    for v in values().lines() {
        assert!(!cryptojs_decrypt(&new, v).is_empty(), "{v}");
    }
    // The old key is kept, private, and nothing is pending.
    let backups: Vec<_> = std::fs::read_dir(env.config_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.to_string_lossy().contains("encryption.key.") && p.to_string_lossy().ends_with(".bak")
        })
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(std::fs::read_to_string(&backups[0]).unwrap(), old);
    assert_eq!(
        std::fs::metadata(&backups[0]).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(!env.config_dir().join("encryption.key.rotating").exists());
    let audit = std::fs::read_to_string(env.config_dir().join("authctl-audit.jsonl")).unwrap();
    assert!(audit.contains("\"action\":\"secret.rotate\""), "{audit}");
}

#[test]
fn rotation_refuses_whole_what_would_lose_a_credential() {
    let env = before_rotation();
    // A value under some other key: Flowise could not read it either.
    env.fw_sql("insert into credential (id, name, credentialName, encryptedData) values ('x1', 'stray', 'openAIApi', 'U2FsdGVkX1+1CfhKOo9Y7fd8UZoQf36YA6WKoBvba9ka4klAPQpHO7zs9LWnT+qr')");
    let before = env.snapshot();
    let a = env.fw(&["secret", "rotate", "--yes"]).assert().code(1);
    assert_one_line_error(&a, "credential.encryptedData of \"stray\" (id x1) does not decrypt under the current encryption key; nothing was changed");
    assert_eq!(env.snapshot(), before);

    let env = before_rotation();
    let before = env.snapshot();
    for (var, value, code, needle) in [
        (
            "FLOWISE_SECRETKEY_OVERWRITE",
            "k",
            4,
            "FLOWISE_SECRETKEY_OVERWRITE is set",
        ),
        ("SECRETKEY_STORAGE_TYPE", "aws", 2, "FlowiseEncryptionKey"),
    ] {
        let a = env
            .fw(&["secret", "rotate", "--yes"])
            .env(var, value)
            .assert()
            .code(code);
        assert_one_line_error(&a, needle);
    }
    // A rotation that died before it changed the database is discarded.
    std::fs::write(
        env.config_dir().join("encryption.key.rotating"),
        "b3dW8pMmHk0iJ2nR5tYvX9qL7cF4sA1e",
    )
    .unwrap();
    let a = env.fw(&["secret", "rotate", "--yes"]).assert().success();
    assert!(
        stderr(&a).contains("discarded an interrupted rotation"),
        "{}",
        stderr(&a)
    );
    assert!(!env.config_dir().join("encryption.key.rotating").exists());
    let mut now = env.snapshot();
    now.remove(&std::path::PathBuf::from("encryption.key.rotating"));
    assert_eq!(now, before);
}

#[test]
fn encrypt_decrypt_and_generate_speak_cryptojs() {
    let env = before_rotation();
    let key = std::fs::read_to_string(env.config_dir().join("encryption.key")).unwrap();
    let a = env
        .fw(&["secret", "encrypt"])
        .write_stdin(r#"{"apiKey":"sk-1"}"#)
        .assert()
        .success();
    let value = stdout(&a).trim().to_string();
    assert!(value.starts_with("U2FsdGVkX1"), "{value}");
    assert_eq!(cryptojs_decrypt(&key, &value), r#"{"apiKey":"sk-1"}"#);
    let stored = env.fw_sql("select encryptedData from credential where name = 'openai-dummy'");
    let a = env
        .fw(&["secret", "decrypt"])
        .write_stdin(stored)
        .assert()
        .success();
    assert_eq!(stdout(&a), OPENAI);
    let a = env
        .fw(&["secret", "decrypt"])
        .env("FLOWISE_SECRETKEY_OVERWRITE", "another key")
        .write_stdin(value)
        .assert()
        .code(1);
    assert_one_line_error(&a, "does not decrypt under Flowise's encryption key");

    let a = env.fw(&["secret", "generate"]).assert().success();
    let made = stdout(&a).trim().to_string();
    assert_eq!(made.len(), 32, "{made}");
    assert_eq!(
        python_eval(
            "import base64,sys; print(len(base64.b64decode(sys.argv[1])))",
            &[&made]
        )
        .trim(),
        "24"
    );
    let a = env.fw(&["secret", "generate", "--write"]).assert().code(4);
    assert_one_line_error(&a, "already exists; pass --force");
    env.fw(&["secret", "generate", "--write", "--force"])
        .assert()
        .success();
    assert_ne!(
        std::fs::read_to_string(env.config_dir().join("encryption.key")).unwrap(),
        key
    );
    env.fw(&["secret", "check"]).assert().success();
}

/// The tokens of the admin's first login to the fixture's server
/// (tests/fixtures/flowise-3.1.4/home, issued at 1796156340).
const SERVER_ACCESS: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6ImI0MTQ2MzU4LWI0MjgtNGNjYi05NDBmLWFmOTBmMzM5ZmJkNiIsInVzZXJuYW1lIjoiQWRtaW4iLCJtZXRhIjoiYTU3ZGFhZTJjZTIwY2FlZTI3ODJjNjkxZThkMzlmZWQ6OTllMWM5ZWZiNzY2ZDViMTVkMWU0YmY0NDRhNjE4ZmQ0YmY5NWJlYjM5MzNmYThkYzg1YWI0ZGY3ZDJiNjM1MDA3MTIxMzJmY2RlMmZiMDg1ZDU2MGQ3YmFmMzA5NDc3NGRiYjQ2ZGYzMzZmN2Y4ZmMwOWQxNmQzZmIyYjRkNTAyNmI5YTI1ZDk4NjNlNDBjZjNkZjMyZTAwMTQwYmFlOCIsImlhdCI6MTc5NjE1NjM0MCwibmJmIjoxNzk2MTU2MzQwLCJleHAiOjE3OTYxNTk5NDAsImF1ZCI6ImZsb3dpc2UiLCJpc3MiOiJmbG93aXNlIn0.WmgNhPinV2ugg-nzxO4dkmI0fj6yGKadqE045J9HlsA";
const SERVER_REFRESH: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6ImI0MTQ2MzU4LWI0MjgtNGNjYi05NDBmLWFmOTBmMzM5ZmJkNiIsInVzZXJuYW1lIjoiQWRtaW4iLCJtZXRhIjoiNjk0Y2QwNzRmNzY4N2E5ZTY2N2RhNGExNGQxMzUxMzQ6OWQ1YTJjNDcyZTFkYTNmMzJmM2I5MzU0NDE0NjU2YzIzYWE1ZTg1ZTU3NjdlNTU5Y2QyZDFmYTcwODhjMWEwNmRhOWQ1NDhjYzNmYTEzODZhM2VkMDFlMTZkZTRmYjhmZGM1YmM2OTliZTc5NGM3MzgxOTRmOTc2Zjc2MDUxMTE2NDFjN2M5ZTYyN2YyZWYyMTZmYTFiMTE4ZmJlMTNmOSIsImlhdCI6MTc5NjE1NjM0MCwibmJmIjoxNzk2MTU2MzQwLCJleHAiOjE4MDM5MzIzNDAsImF1ZCI6ImZsb3dpc2UiLCJpc3MiOiJmbG93aXNlIn0.7AsYjaC7WxZ9DLbhKKpPq_w4DGia2stEAhCm0RZVcJU";
const ISSUED: &str = "1796156400";

#[test]
fn tokens_of_the_server_verify_and_decode_with_their_meta() {
    let env = TestEnv::flowise("home");
    let verdict = |args: &[&str]| -> (i32, Value) {
        let mut all = vec!["--json", "token", "verify", "--at", ISSUED];
        all.extend_from_slice(args);
        let out = env.fw(&all).output().unwrap();
        (
            out.status.code().unwrap(),
            serde_json::from_slice(&out.stdout).unwrap(),
        )
    };
    let (code, v) = verdict(&[SERVER_ACCESS]);
    assert_eq!(
        (code, &v["valid"], &v["type"]),
        (0, &Value::Bool(true), &Value::from("access")),
        "{v}"
    );
    assert_eq!(v["meta"]["user_id"], ADMIN);
    assert_eq!(
        v["meta"]["workspace_id"],
        "aecd6e7e-5a9b-41e0-b693-e995a6090936"
    );
    let (code, v) = verdict(&["--type", "refresh", SERVER_REFRESH]);
    assert_eq!((code, &v["type"]), (0, &Value::from("refresh")), "{v}");
    for (args, env_var, needle) in [
        (
            vec!["--type", "refresh", SERVER_ACCESS],
            None,
            "it is an access token",
        ),
        (vec![SERVER_ACCESS], Some(("JWT_AUDIENCE", "other")), "aud"),
        (vec![SERVER_ACCESS], Some(("JWT_ISSUER", "other")), "iss"),
        (
            vec![SERVER_ACCESS],
            Some(("TOKEN_HASH_SECRET", "another-secret-entirely")),
            "meta claim does not decrypt",
        ),
        (
            vec![SERVER_ACCESS],
            Some(("JWT_AUTH_TOKEN_SECRET", "another-secret-entirely")),
            "signature",
        ),
    ] {
        let mut all = vec!["--json", "token", "verify", "--at", ISSUED];
        all.extend(args);
        let mut cmd = env.fw(&all);
        if let Some((k, v)) = env_var {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(out.status.code(), Some(1), "{v}");
        assert!(
            v["reason"].as_str().unwrap().contains(needle),
            "{needle}: {v}"
        );
    }
    // Expired by now.
    let a = env.fw(&["token", "verify", SERVER_ACCESS]).assert().code(1);
    assert!(stderr(&a).contains("expired"), "{}", stderr(&a));
    let d = json(&env, &["token", "decode", SERVER_ACCESS]);
    assert_eq!(d["meta"]["user_id"], ADMIN);
    assert_eq!(d["verified"], false);
}

#[test]
fn a_minted_session_is_the_one_flowise_login_would_open() {
    let env = TestEnv::flowise("home");
    let key = |name: &str| std::fs::read_to_string(env.config_dir().join(name)).unwrap();
    let m = json(&env, &["token", "mint", "--user", "bob@example.com"]);
    let cookie = m["cookie"].as_str().unwrap();
    let part = |name: &str| {
        cookie
            .split("; ")
            .find_map(|c| c.strip_prefix(&format!("{name}=")))
            .unwrap()
            .to_string()
    };
    assert_eq!(part("token"), m["token"].as_str().unwrap());
    // connect.sid: s:<sid>.<HMAC-SHA256 under the session secret>, as
    // cookie-signature makes it; checked by Python.
    let sid = python_eval(
        "import base64,hashlib,hmac,sys,urllib.parse\nv=urllib.parse.unquote(sys.argv[1])[2:]\nsid,sig=v.rsplit('.',1)\nok=base64.b64encode(hmac.new(sys.argv[2].encode(),sid.encode(),hashlib.sha256).digest()).decode().rstrip('=')==sig\nprint(sid if ok else 'BAD')",
        &[&part("connect.sid"), &key("express_session_secret.key")],
    );
    let sid = sid.trim();
    assert_eq!(sid.len(), 32, "{sid}");
    // The session row: the same LoggedInUser the server's own login of
    // bob stored (row KI4S0f…), expiring a day from now.
    let ours = env.fw_sql(&format!(
        "select sess, expired from login_sessions where sid = '{sid}'"
    ));
    let (sess, expired) = ours.rsplit_once('|').unwrap();
    let theirs = env
        .fw_sql("select sess from login_sessions where sid = 'KI4S0fX9oBRhJEmblg6oB9hfqIEvIwIO'");
    assert_eq!(
        serde_json::from_str::<Value>(sess).unwrap(),
        serde_json::from_str::<Value>(&theirs).unwrap()
    );
    let expired: f64 = expired.parse().unwrap();
    let in_a_day = (unix_now() as f64) * 1000.0 + 86_400_000.0;
    assert!((expired - in_a_day).abs() < 60_000.0, "{expired}");
    // The tokens: Flowise's claims, by PyJWT with the key files' secrets,
    // and meta decrypted by Python cryptography.
    for (name, secret_file) in [
        ("token", "jwt_auth_token_secret.key"),
        ("refreshToken", "jwt_refresh_token_secret.key"),
    ] {
        let claims = python_eval(
            "import jwt,sys,json; print(json.dumps(jwt.decode(sys.argv[1], sys.argv[2], algorithms=['HS256'], audience='flowise', issuer='flowise')))",
            &[&part(name), &key(secret_file)],
        );
        let claims: Value = serde_json::from_str(&claims).unwrap();
        let names: Vec<_> = claims.as_object().unwrap().keys().cloned().collect();
        assert_eq!(
            names,
            ["id", "username", "meta", "iat", "nbf", "exp", "aud", "iss"]
        );
        assert_eq!(
            (&claims["id"], &claims["username"]),
            (&Value::from(BOB), &Value::from("Bob"))
        );
        let meta = python_eval(
            "import hashlib,sys\nfrom cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes\nfrom cryptography.hazmat.primitives import padding\niv,ct=sys.argv[1].split(':')\nd=Cipher(algorithms.AES(hashlib.sha256(sys.argv[2].encode()).digest()), modes.CBC(bytes.fromhex(iv))).decryptor()\nu=padding.PKCS7(128).unpadder()\nprint((u.update(d.update(bytes.fromhex(ct))+d.finalize())+u.finalize()).decode())",
            &[claims["meta"].as_str().unwrap(), &key("token_hash_secret.key")],
        );
        assert_eq!(
            meta.trim(),
            format!("{BOB}:aecd6e7e-5a9b-41e0-b693-e995a6090936")
        );
    }
    // Its own tokens verify.
    env.fw(&["token", "verify", m["token"].as_str().unwrap()])
        .assert()
        .success();

    // Where Flowise keeps no sessions authctl can reach, or the user could
    // not log in, nothing is written.
    let before = env.snapshot();
    env.fw(&["user", "deactivate", "bob@example.com"])
        .assert()
        .success();
    let deactivated = env.snapshot();
    for (args, var, code, needle) in [
        (vec!["--user", "bob@example.com"], None, 4, "is inactive"),
        (
            vec!["--user", "admin@example.com"],
            Some(("EXPIRE_AUTH_TOKENS_ON_RESTART", "true")),
            2,
            "keeps its sessions in memory",
        ),
        (
            vec!["--user", "admin@example.com"],
            Some(("MODE", "queue")),
            2,
            "Redis",
        ),
        (
            vec!["--user", "admin@example.com", "--type", "refresh"],
            None,
            2,
            "drop --type",
        ),
        (
            vec!["--user", "admin@example.com"],
            Some(("SECRETKEY_STORAGE_TYPE", "aws")),
            2,
            "AWS Secrets Manager",
        ),
    ] {
        let mut all = vec!["token", "mint"];
        all.extend(args);
        let mut cmd = env.fw(&all);
        if let Some((k, v)) = var {
            cmd.env(k, v);
        }
        let a = cmd.assert().code(code);
        assert_one_line_error(&a, needle);
    }
    assert_eq!(env.snapshot(), deactivated);
    assert_ne!(deactivated, before);
    // Flowise keeps no refresh-token records.
    let a = env
        .fw(&["token", "list", "--user", "admin@example.com"])
        .assert()
        .code(2);
    assert_one_line_error(&a, "Flowise keeps no record of refresh tokens");
}

#[test]
fn keygen_writes_the_missing_key_files_as_flowise_does() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::flowise("fresh");
    let dir = env.config_dir();
    let out = json(&env, &["keygen"]);
    assert_eq!(out.as_array().unwrap().len(), 7);
    let b64_len = |text: &str| {
        python_eval(
            "import base64,sys; print(len(base64.b64decode(sys.argv[1], validate=True)))",
            &[text],
        )
        .trim()
        .parse::<usize>()
        .unwrap()
    };
    for (file, bytes) in [
        ("encryption.key", Some(24)),
        ("jwt_auth_token_secret.key", Some(32)),
        ("jwt_refresh_token_secret.key", Some(32)),
        ("token_hash_secret.key", Some(32)),
        ("express_session_secret.key", Some(32)),
        ("jwt_issuer.key", None),
        ("jwt_audience.key", None),
    ] {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        match bytes {
            Some(n) => assert_eq!(b64_len(&text), n, "{file}"),
            None => assert_eq!(text, "flowise", "{file}"),
        }
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600,
            "{file}"
        );
    }
    // Again: everything is kept.
    let before = env.snapshot();
    let out = json(&env, &["keygen"]);
    assert!(
        out.as_array()
            .unwrap()
            .iter()
            .all(|f| f["status"] == "kept"),
        "{out}"
    );
    assert_eq!(env.snapshot(), before);

    // --force replaces the four signing and session secrets, never the
    // encryption key or the names.
    let key = std::fs::read_to_string(dir.join("encryption.key")).unwrap();
    let auth = std::fs::read_to_string(dir.join("jwt_auth_token_secret.key")).unwrap();
    let out = json(&env, &["keygen", "--force"]);
    let replaced: Vec<_> = out
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] == "replaced")
        .map(|f| {
            f["file"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        replaced,
        [
            "jwt_auth_token_secret.key",
            "jwt_refresh_token_secret.key",
            "token_hash_secret.key",
            "express_session_secret.key"
        ]
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("encryption.key")).unwrap(),
        key
    );
    assert_ne!(
        std::fs::read_to_string(dir.join("jwt_auth_token_secret.key")).unwrap(),
        auth
    );

    // A secret a variable gives needs no file.
    let fresh = TestEnv::flowise("fresh");
    let out = fresh
        .fw(&["--json", "keygen"])
        .env(
            "JWT_AUTH_TOKEN_SECRET",
            "a-secret-set-in-the-environment-of-flowise",
        )
        .output()
        .unwrap();
    let out: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        out.as_array()
            .unwrap()
            .iter()
            .any(|f| f["variable"] == "JWT_AUTH_TOKEN_SECRET"),
        "{out}"
    );
    assert!(!fresh
        .config_dir()
        .join("jwt_auth_token_secret.key")
        .exists());
    let a = fresh.fw(&["keygen", "--alg", "RS256"]).assert().code(2);
    assert_one_line_error(&a, "Flowise signs its tokens with HS256 secrets only");
}

/// `doctor --json` in `env` with `vars`: (exit code, status by check id).
fn doctor(
    env: &TestEnv,
    vars: &[(&str, &str)],
) -> (i32, std::collections::BTreeMap<String, String>) {
    let mut cmd = env.fw(&["--json", "doctor"]);
    cmd.envs(vars.iter().copied());
    let out = cmd.output().unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let checks = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap().to_string(),
                format!(
                    "{} {}",
                    c["status"].as_str().unwrap(),
                    c["message"].as_str().unwrap()
                ),
            )
        })
        .collect();
    (out.status.code().unwrap(), checks)
}

fn chmod_600(dir: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).unwrap();
}

const PRODUCTION: &[(&str, &str)] = &[
    ("APP_URL", "https://flowise.example.com"),
    ("SMTP_HOST", "smtp.example.com"),
    ("SMTP_PORT", "587"),
    ("SMTP_USER", "apikey"),
    ("SMTP_PASSWORD", "a-mail-password"),
    ("JWT_REFRESH_TOKEN_EXPIRY_IN_MINUTES", "43200"),
];

#[test]
fn doctor_turns_flowises_production_checklist_into_checks() {
    let env = TestEnv::flowise("home");
    // As Flowise leaves them: key files and database readable by all.
    let (code, checks) = doctor(&env, PRODUCTION);
    assert_eq!(code, 1);
    assert!(
        checks["flowise.key_file_modes"].starts_with("fail"),
        "{checks:?}"
    );
    assert!(checks["flowise.key_file_modes"].contains("jwt_auth_token_secret.key (0644)"));
    chmod_600(&env.config_dir());
    let (code, checks) = doctor(&env, PRODUCTION);
    let not_passing: Vec<_> = checks
        .iter()
        .filter(|(_, v)| !v.starts_with("pass"))
        .collect();
    assert_eq!((code, not_passing.len()), (0, 0), "{not_passing:?}");
    assert!(checks["flowise.credentials_decrypt"].contains("all 2 encrypted value(s) decrypt"));

    for (vars, id, want) in [
        (
            vec![("TOKEN_HASH_SECRET", "popcorn")],
            "flowise.token_hash_secret",
            "warn TOKEN_HASH_SECRET is set to Flowise's old default, which Flowise ignores",
        ),
        (
            vec![("JWT_AUTH_TOKEN_SECRET", "<32-byte-hex-string>")],
            "flowise.jwt_auth_secret",
            "fail the access-token secret in JWT_AUTH_TOKEN_SECRET is weak",
        ),
        (
            vec![("SECURE_COOKIES", "false")],
            "flowise.secure_cookies",
            "fail APP_URL is https, but SECURE_COOKIES=false",
        ),
        (
            vec![("APP_URL", "http://flowise.example.com")],
            "flowise.secure_cookies",
            "warn session cookies are not Secure",
        ),
        (
            vec![("NODE_ENV", "production"), ("APP_URL", "http://x")],
            "flowise.secure_cookies",
            "pass",
        ),
        (
            vec![("SMTP_PORT", "smtp")],
            "flowise.smtp",
            "warn SMTP is not configured",
        ),
        (
            vec![("CORS_ORIGINS", "*")],
            "flowise.cors",
            "warn CORS_ORIGINS=*",
        ),
        (
            vec![("CORS_ORIGINS", "*"), ("CORS_ALLOW_CREDENTIALS", "true")],
            "flowise.cors",
            "fail",
        ),
        (
            vec![("JWT_TOKEN_EXPIRY_IN_MINUTES", "1440")],
            "tokens.access_ttl",
            "warn",
        ),
        (
            vec![("SECRETKEY_STORAGE_TYPE", "aws")],
            "flowise.secret_storage",
            "warn SECRETKEY_STORAGE_TYPE=aws",
        ),
        (
            vec![("ALLOW_UNAUTHORIZED_CERTS", "true")],
            "flowise.unauthorized_certs",
            "warn",
        ),
    ] {
        let mut all: Vec<(&str, &str)> = PRODUCTION.to_vec();
        all.retain(|(k, _)| !vars.iter().any(|(v, _)| v == k));
        all.extend(vars.iter().copied());
        let (_, checks) = doctor(&env, &all);
        assert!(checks[id].starts_with(want), "{vars:?}: {}", checks[id]);
    }
    // A weak value in a key file is found too.
    std::fs::write(
        env.config_dir().join("express_session_secret.key"),
        "flowise",
    )
    .unwrap();
    let (code, checks) = doctor(&env, PRODUCTION);
    assert_eq!(code, 1);
    assert!(
        checks["flowise.session_secret"].starts_with("fail the session secret in"),
        "{checks:?}"
    );
    // A missing one is one Flowise would write readable by all.
    std::fs::remove_file(env.config_dir().join("express_session_secret.key")).unwrap();
    let (_, checks) = doctor(&env, PRODUCTION);
    assert!(
        checks["flowise.session_secret"].contains("Flowise will generate"),
        "{checks:?}"
    );
}

#[test]
fn doctor_finds_credentials_that_do_not_decrypt_and_the_backup_key_that_does() {
    let env = before_rotation();
    chmod_600(&env.config_dir());
    let (_, checks) = doctor(&env, PRODUCTION);
    assert!(
        checks["flowise.credentials_decrypt"].starts_with("pass"),
        "{checks:?}"
    );
    // A redeploy that lost encryption.key: Flowise made a new one.
    let old = std::fs::read_to_string(env.config_dir().join("encryption.key")).unwrap();
    std::fs::write(
        env.config_dir().join("encryption.key"),
        "b3dW8pMmHk0iJ2nR5tYvX9qL7cF4sA1e",
    )
    .unwrap();
    let (code, checks) = doctor(&env, PRODUCTION);
    assert_eq!(code, 1);
    let c = &checks["flowise.credentials_decrypt"];
    assert!(
        c.starts_with("fail 2 of 2 encrypted value(s) do not decrypt"),
        "{c}"
    );
    assert!(
        c.contains("credential.encryptedData of \"openai-dummy\""),
        "{c}"
    );
    // The old key, kept as a backup, is found to be the one.
    let backup = env.config_dir().join("encryption.key.20261201T000000Z.bak");
    std::fs::write(&backup, old).unwrap();
    chmod_600(&env.config_dir());
    let (_, checks) = doctor(&env, PRODUCTION);
    assert!(
        checks["flowise.credentials_decrypt"]
            .contains("decrypts under encryption.key.20261201T000000Z.bak"),
        "{checks:?}"
    );
    // Nothing was written by any of it.
    let before = env.snapshot();
    doctor(&env, PRODUCTION);
    assert_eq!(env.snapshot(), before);
}

#[test]
fn an_empty_signing_key_file_is_refused_before_a_session_is_written() {
    // Flowise signs with the file as it is, and jsonwebtoken and
    // express-session refuse an empty secret: no session row may be
    // committed for a token that cannot be made.
    for file in [
        "jwt_auth_token_secret.key",
        "jwt_refresh_token_secret.key",
        "express_session_secret.key",
    ] {
        let env = TestEnv::flowise("home");
        let path = env.config_dir().join(file);
        std::fs::write(&path, "").unwrap();
        let before = env.snapshot();
        let a = env
            .fw(&["token", "mint", "--user", "admin@example.com"])
            .assert()
            .code(2);
        assert_one_line_error(
            &a,
            &format!("Flowise key file \"{}\" is empty", path.display()),
        );
        assert_eq!(env.snapshot(), before, "{file}");
        // keygen --force replaces it, and the mint then works.
        env.fw(&["keygen", "--force"]).assert().success();
        env.fw(&["token", "mint", "--user", "admin@example.com"])
            .assert()
            .success();
    }
}

#[test]
fn hs384_and_hs512_tokens_under_flowises_secret_are_named_as_made_outside_it() {
    // Flowise's jsonwebtoken would accept them; Flowise only signs HS256,
    // so the verdict says the secret is in other hands.
    let env = TestEnv::flowise("home");
    let secret =
        std::fs::read_to_string(env.config_dir().join("jwt_auth_token_secret.key")).unwrap();
    for alg in ["HS384", "HS512"] {
        let token = python_eval(
            "import jwt,sys,time\nprint(jwt.encode({'id':'x','username':'admin','iss':'flowise','aud':'flowise','exp':int(time.time())+600},sys.argv[1],algorithm=sys.argv[2]))",
            &[&secret, alg],
        );
        let a = env.fw(&["token", "verify", token.trim()]).assert().code(1);
        let err = stderr(&a);
        assert!(
            err.contains(&format!("signed {alg} with Flowise's own secret"))
                && err.contains("treat it as leaked"),
            "{err}"
        );
        // Under another secret it is just a bad signature.
        let token = python_eval(
            "import jwt,sys\nprint(jwt.encode({'id':'x'},'some-other-secret-0123456789abcdef',algorithm=sys.argv[1]))",
            &[alg],
        );
        let a = env.fw(&["token", "verify", token.trim()]).assert().code(1);
        assert!(!stderr(&a).contains("own secret"), "{}", stderr(&a));
    }
}
