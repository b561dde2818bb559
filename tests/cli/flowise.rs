//! `--profile flowise` on copies of a real Flowise 3.1.4 home, checked
//! with independent readers (Python sqlite3 and bcrypt) and against the
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

fn bcrypt_ok(password: &str, hash: &str) -> bool {
    python_eval(
        "import bcrypt,sys; print(bcrypt.checkpw(sys.argv[1].encode(), sys.argv[2].encode()))",
        &[password, hash],
    )
    .trim()
        == "True"
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
    python_eval(
        r#"
import sqlite3, sys, re, json
c = sqlite3.connect(sys.argv[1])
ids, out = {}, {}
def norm(table, col, v):
    if isinstance(v, str) and re.fullmatch(r'[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}', v):
        return 'ID%d' % ids.setdefault(v, len(ids))
    if isinstance(v, str) and re.fullmatch(r'\d{4}-\d\d-\d\d \d\d:\d\d:\d\d', v):
        return 'TIME'
    if isinstance(v, str) and v.startswith('$2'):
        return 'BCRYPT'
    return v
for t in ['user', 'organization', 'organization_user', 'workspace', 'workspace_user']:
    cur = c.execute('select * from "%s"' % t)
    cols = [d[0] for d in cur.description]
    out[t] = [{k: norm(t, k, v) for k, v in zip(cols, r) if not (t == 'user' and k == 'name')} for r in cur]
print(json.dumps(out, sort_keys=True))
"#,
        &[&db.display().to_string()],
    )
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
    // A migration this authctl has not seen: refused before anything is read.
    env.fw_sql("insert into migrations (timestamp, name) values (1800000000000, 'AddSomething1800000000000')");
    let changed = env.snapshot();
    let a = env.fw(&["user", "list"]).assert().code(5);
    assert_one_line_error(&a, "ends at migration AddSomething1800000000000");
    let a = env
        .fw(&["user", "add", "x@example.com", "--password-env", "PW"])
        .env("PW", PW)
        .assert()
        .code(5);
    assert_one_line_error(&a, "refusing to guess at its schema");
    assert_eq!(env.snapshot(), changed);
    assert_ne!(changed, before);
}

#[test]
fn jobs_the_profile_does_not_do_are_refused_by_name() {
    let env = TestEnv::flowise("home");
    let before = env.snapshot();
    for args in [
        vec!["token", "decode", "x.y.z"],
        vec!["keygen"],
        vec!["doctor"],
    ] {
        let a = env.fw(&args).assert().code(2);
        assert_one_line_error(
            &a,
            &format!("`authctl {}` does not work in the flowise profile", args[0]),
        );
    }
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
        ("DATABASE_TYPE", "postgres", "DATABASE_TYPE=postgres"),
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
