//! `--profile open-webui` on copies of databases a real Open WebUI 0.12.4
//! made (tests/fixtures/open-webui-0.12.4), checked with other
//! implementations: Python's bcrypt, PyJWT and `cryptography` with Open
//! WebUI's own key derivations.

use crate::common::*;
use serde_json::Value;

const ADMIN: &str = "admin@example.com";
const ADMIN_ID: &str = "2ef50714-6334-4bf4-9a25-9a8f7a39b08c";
const BOB: &str = "bob@example.com";

fn json(a: &assert_cmd::assert::Assert) -> Value {
    serde_json::from_slice(&a.get_output().stdout).expect("JSON")
}

#[test]
fn the_first_admin_is_written_as_a_first_signup_writes_it() {
    let env = TestEnv::open_webui("fresh");
    env.ow(&[
        "superuser",
        "--username",
        "Root@Example.com",
        "--password-env",
        "PW",
    ])
    .env("PW", PASSWORD)
    // Open WebUI's own cost, authctl's default.
    .env_remove("AUTHCTL_BCRYPT_COST")
    .assert()
    .success();
    let row = env.ow_sql(
        "SELECT u.id, u.email, u.role, u.profile_image_url, typeof(u.created_at), u.created_at = u.updated_at, a.email, a.active, length(a.session_stamp), a.password FROM user u JOIN auth a ON a.id = u.id",
    );
    let f: Vec<&str> = row.split('|').collect();
    assert_eq!(f.len(), 10, "{row}");
    assert_eq!(f[0].len(), 36, "a hyphenated uuid4: {row}");
    assert_eq!(
        &f[1..9],
        [
            "root@example.com",
            "admin",
            "/user.png",
            "integer",
            "1",
            "root@example.com",
            "1",
            "36"
        ]
    );
    assert!(f[9].starts_with("$2b$12$"), "bcrypt cost 12: {row}");
    assert!(bcrypt_ok(PASSWORD, f[9]));
    // Signup closes as the server closes it after its first admin.
    assert_eq!(
        env.ow_sql("SELECT value FROM config WHERE key = 'ui.enable_signup'"),
        "false"
    );
    let a = env
        .ow(&["--json", "user", "show", "ROOT@example.com"])
        .assert()
        .success();
    let shown = json(&a);
    assert_eq!(
        (shown["is_active"].clone(), shown["is_superuser"].clone()),
        (Value::Bool(true), Value::Bool(true))
    );
}

#[test]
fn a_reset_password_logs_in_and_ends_every_old_session() {
    let env = TestEnv::open_webui("home");
    let key = env.ow_key();
    let old_stamp = env.ow_sql(&format!(
        "SELECT session_stamp FROM auth WHERE id = '{ADMIN_ID}'"
    ));
    // A token as the server issues it, made by PyJWT with the key file.
    let old = pyjwt_encode(
        &serde_json::json!({"id": ADMIN_ID, "session_stamp": old_stamp, "typ": "session"}),
        &key,
        "HS256",
        &serde_json::json!({}),
    );
    env.ow(&["token", "verify", &old]).assert().success();
    env.ow(&[
        "superuser",
        "--username",
        ADMIN,
        "--reset-password",
        "--password-env",
        "PW",
    ])
    .env("PW", "N3w-Admin-Pass!")
    .assert()
    .success();
    let hash = env.ow_sql(&format!(
        "SELECT password FROM auth WHERE id = '{ADMIN_ID}'"
    ));
    assert!(bcrypt_ok("N3w-Admin-Pass!", &hash));
    assert!(!bcrypt_ok("OwuiAdm1n!Pass", &hash));
    let stamp = env.ow_sql(&format!(
        "SELECT session_stamp FROM auth WHERE id = '{ADMIN_ID}'"
    ));
    assert_ne!(stamp, old_stamp);
    let a = env.ow(&["token", "verify", &old]).assert().code(1);
    assert!(stderr(&a).contains("session_stamp"), "{}", stderr(&a));
    // Offline, only the signature and expiry are checked: it says so.
    let a = env
        .ow(&["token", "verify", "--offline", &old])
        .assert()
        .success();
    assert!(
        stderr(&a).contains("session_stamp to be the user's current one"),
        "{}",
        stderr(&a)
    );
}

#[test]
fn a_minted_token_carries_the_stamp_and_pyjwt_verifies_it_with_the_file_as_it_is() {
    let env = TestEnv::open_webui("home");
    // `open-webui serve` reads the file unstripped: a newline is key.
    let key = format!("{}\n", env.ow_key());
    std::fs::write(env.config_dir().join(".webui_secret_key"), &key).unwrap();
    let a = env
        .ow(&["--json", "token", "mint", "--user", ADMIN])
        .assert()
        .success();
    let minted = json(&a);
    let token = minted["token"].as_str().unwrap();
    let claims = pyjwt_decode(token, &key, "HS256");
    let stamp = env.ow_sql(&format!(
        "SELECT session_stamp FROM auth WHERE id = '{ADMIN_ID}'"
    ));
    assert_eq!(claims["id"], ADMIN_ID);
    assert_eq!(claims["session_stamp"], stamp.as_str());
    assert_eq!(claims["typ"], "session");
    // auth.jwt_expiry is "4w" in this database.
    assert_eq!(
        claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(),
        2_419_200
    );
    let stripped = python_eval(
        "import jwt,sys\ntry:\n    jwt.decode(sys.argv[1], sys.argv[2], algorithms=['HS256'])\n    print('accepted')\nexcept jwt.InvalidSignatureError:\n    print('refused')",
        &[token, key.trim_end()],
    );
    assert_eq!(stripped.trim(), "refused");
    // doctor names the newline, which the container's start.sh strips.
    let out = env.ow(&["--json", "doctor"]).output().unwrap();
    let check = doctor_check(&out.stdout, "secret.present");
    assert_eq!(check["status"], "fail", "{check}");
    assert!(
        check["message"].as_str().unwrap().contains("newline"),
        "{check}"
    );
}

#[test]
fn a_pending_user_is_activated_and_a_deactivated_one_loses_its_key() {
    let env = TestEnv::open_webui("home");
    assert_eq!(
        json(&env.ow(&["--json", "user", "show", BOB]).assert().success())["is_active"],
        false
    );
    env.ow(&["user", "activate", BOB]).assert().success();
    assert_eq!(
        env.ow_sql(&format!("SELECT role FROM user WHERE email = '{BOB}'")),
        "user"
    );
    let a = env
        .ow(&["--json", "apikey", "create", "--user", BOB])
        .assert()
        .success();
    let key = json(&a)["key"].as_str().unwrap().to_string();
    assert_eq!(key.len(), 35, "{key}");
    assert!(
        key.starts_with("sk-") && key[3..].chars().all(|c| c.is_ascii_hexdigit()),
        "{key}"
    );
    let warned = stderr(&a);
    assert!(warned.contains("API keys permission"), "{warned}");
    let bob = env.ow_sql(&format!("SELECT id FROM user WHERE email = '{BOB}'"));
    assert_eq!(
        env.ow_sql(&format!(
            "SELECT id, key FROM api_key WHERE user_id = '{bob}'"
        )),
        format!("key_{bob}|{key}")
    );
    // Open WebUI keeps one key per user: a new one replaces it.
    let a = env
        .ow(&["--json", "apikey", "create", "--user", BOB])
        .assert()
        .success();
    assert!(stderr(&a).contains("replaced"), "{}", stderr(&a));
    assert_eq!(
        env.ow_sql(&format!(
            "SELECT count(*) FROM api_key WHERE user_id = '{bob}'"
        )),
        "1"
    );
    env.ow(&["user", "deactivate", BOB]).assert().success();
    assert_eq!(
        env.ow_sql(&format!("SELECT active FROM auth WHERE id = '{bob}'")),
        "0"
    );
    assert_eq!(
        env.ow_sql(&format!(
            "SELECT count(*) FROM api_key WHERE user_id = '{bob}'"
        )),
        "0"
    );
    let a = env
        .ow(&["apikey", "create", "--user", BOB, "--name", "ci"])
        .assert()
        .code(2);
    assert_one_line_error(&a, "named by their user");
}

#[test]
fn the_primary_admin_is_never_deleted_and_others_go_with_their_rows() {
    let env = TestEnv::open_webui("offline");
    let before = env.snapshot();
    let a = env
        .ow(&["user", "delete", "root@example.com", "--yes", "--force"])
        .assert()
        .code(4);
    assert_one_line_error(&a, "primary admin");
    assert_eq!(env.snapshot(), before);
    let ursula = env.ow_sql("SELECT id FROM user WHERE email = 'ursula@example.com'");
    env.ow(&["apikey", "create", "--user", "ursula@example.com"])
        .assert()
        .success();
    env.ow_sql(&format!(
        "INSERT INTO oauth_session (id, user_id, provider, token, expires_at, created_at, updated_at) VALUES ('s1', '{ursula}', 'oidc', 'x', 1, 1, 1)"
    ));
    env.ow(&["user", "delete", "ursula@example.com", "--yes"])
        .assert()
        .success();
    for table in [
        "user WHERE id",
        "auth WHERE id",
        "api_key WHERE user_id",
        "oauth_session WHERE user_id",
    ] {
        assert_eq!(
            env.ow_sql(&format!("SELECT count(*) FROM {table} = '{ursula}'")),
            "0",
            "{table}"
        );
    }
}

#[test]
fn a_rotation_re_encrypts_every_value_as_open_webui_reads_it() {
    let env = TestEnv::open_webui("offline");
    let old = env.ow_key();
    let root = env.ow_sql("SELECT id FROM user WHERE email = 'root@example.com'");
    // An MFA secret, a pending MFA challenge, an app's key and an
    // encrypted valve, each in its own derivation, made by Python.
    let mfa = py_owui_encrypt(&old, "mfa", "JBSWY3DPEHPK3PXP");
    let challenge = py_owui_encrypt(&old, "mfa", "CHALLENGESECRET");
    env.ow_sql(&format!(
        "UPDATE auth SET mfa = '{{\"revision\":\"r\",\"secret\":\"{mfa}\",\"login_challenge\":{{\"secret\":\"{challenge}\",\"type\":\"enroll\"}}}}' WHERE id = '{root}'"
    ));
    let app_key = py_owui_encrypt(&old, "app", "app-key-1");
    let connection = py_owui_encrypt(&old, "app", "connection-token-1");
    env.ow_sql(&format!(
        "INSERT INTO app (id, slug, user_id, name, data, api_key, created_at, updated_at) VALUES ('a1', 'a1', '{root}', 'n', '{{\"installation_id\": \"i1\", \"connection_token\": \"{connection}\"}}', '{app_key}', 1, 1)"
    ));
    // A user's own encrypted valves, and a tool server's OAuth client.
    let user_valves = py_owui_encrypt(&old, "plain", "{\"mine\": 1}");
    env.ow_sql(&format!(
        "UPDATE user SET settings = '{{\"ui\": {{}}, \"tools\": {{\"valves\": {{\"t1\": \"{user_valves}\", \"t2\": {{\"plain\": true}}}}}}}}' WHERE id = '{root}'"
    ));
    let client = py_owui_encrypt(&old, "plain", "{\"client_id\": \"c1\"}");
    env.ow_sql(&format!(
        "UPDATE config SET value = '[{{\"url\": \"http://127.0.0.1:9\", \"info\": {{\"oauth_client_info\": \"{client}\"}}}}]' WHERE key = 'tool_server.connections'"
    ));
    let valves = py_owui_encrypt(&old, "plain", "{\"token\": \"v\"}");
    env.ow_sql(&format!(
        "INSERT INTO tool (id, user_id, name, content, specs, meta, valves, updated_at, created_at) VALUES ('t1', '{root}', 't', '', '[]', '{{}}', '\"{valves}\"', 1, 1)"
    ));
    let session_before = py_owui_decrypt(
        &old,
        "plain",
        &env.ow_sql("SELECT token FROM oauth_session"),
    );
    let a = env
        .ow(&["--json", "secret", "rotate", "--yes"])
        .assert()
        .success();
    let report = json(&a);
    assert_eq!(report["values"], 8, "{report}");
    let new = env.ow_key();
    assert_ne!(new, old);
    assert!(!new.ends_with('\n') && new.len() != 44, "{new:?}");
    let mode = std::os::unix::fs::PermissionsExt::mode(
        &std::fs::metadata(env.config_dir().join(".webui_secret_key"))
            .unwrap()
            .permissions(),
    );
    assert_eq!(mode & 0o777, 0o600);
    assert_eq!(
        py_owui_decrypt(
            &new,
            "plain",
            &env.ow_sql("SELECT token FROM oauth_session")
        ),
        session_before
    );
    let mfa_doc: Value =
        serde_json::from_str(&env.ow_sql(&format!("SELECT mfa FROM auth WHERE id = '{root}'")))
            .unwrap();
    assert_eq!(
        py_owui_decrypt(&new, "mfa", mfa_doc["secret"].as_str().unwrap()),
        "JBSWY3DPEHPK3PXP"
    );
    assert_eq!(
        py_owui_decrypt(
            &new,
            "mfa",
            mfa_doc["login_challenge"]["secret"].as_str().unwrap()
        ),
        "CHALLENGESECRET"
    );
    assert_eq!(mfa_doc["revision"], "r");
    assert_eq!(
        py_owui_decrypt(&new, "app", &env.ow_sql("SELECT api_key FROM app")),
        "app-key-1"
    );
    let valve: Value = serde_json::from_str(&env.ow_sql("SELECT valves FROM tool")).unwrap();
    assert_eq!(
        py_owui_decrypt(&new, "plain", valve.as_str().unwrap()),
        "{\"token\": \"v\"}"
    );
    let data: Value = serde_json::from_str(&env.ow_sql("SELECT data FROM app")).unwrap();
    assert_eq!(
        py_owui_decrypt(&new, "app", data["connection_token"].as_str().unwrap()),
        "connection-token-1"
    );
    assert_eq!(data["installation_id"], "i1");
    let settings: Value = serde_json::from_str(
        &env.ow_sql(&format!("SELECT settings FROM user WHERE id = '{root}'")),
    )
    .unwrap();
    assert_eq!(
        py_owui_decrypt(
            &new,
            "plain",
            settings["tools"]["valves"]["t1"].as_str().unwrap()
        ),
        "{\"mine\": 1}"
    );
    assert_eq!(settings["tools"]["valves"]["t2"]["plain"], true);
    let conns: Value = serde_json::from_str(
        &env.ow_sql("SELECT value FROM config WHERE key = 'tool_server.connections'"),
    )
    .unwrap();
    assert_eq!(
        py_owui_decrypt(
            &new,
            "plain",
            conns[0]["info"]["oauth_client_info"].as_str().unwrap()
        ),
        "{\"client_id\": \"c1\"}"
    );
    // Tokens signed with the old key end; the new key signs.
    let token = stdout(
        &env.ow(&["token", "mint", "--user", "root@example.com"])
            .assert()
            .success(),
    );
    pyjwt_decode(token.trim(), &new, "HS256");
    // Every value decrypts under the new key, as doctor finds.
    let out = env.ow(&["--json", "doctor"]).output().unwrap();
    assert_eq!(
        doctor_check(&out.stdout, "openwebui.encrypted_values")["status"],
        "pass"
    );
}

#[test]
fn a_value_under_another_key_stops_the_rotation_with_nothing_written() {
    let env = TestEnv::open_webui("offline");
    let stray = py_owui_encrypt("some other key", "plain", "{}");
    let root = env.ow_sql("SELECT id FROM user WHERE email = 'root@example.com'");
    env.ow_sql(&format!(
        "INSERT INTO oauth_session (id, user_id, provider, token, expires_at, created_at, updated_at) VALUES ('zz', '{root}', 'oidc', '{stray}', 1, 1, 1)"
    ));
    let before = env.snapshot();
    let a = env.ow(&["secret", "rotate", "--yes"]).assert().code(1);
    assert_one_line_error(&a, "oauth_session zz");
    assert_eq!(env.snapshot(), before);
    let out = env.ow(&["--json", "doctor"]).output().unwrap();
    let check = doctor_check(&out.stdout, "openwebui.encrypted_values");
    assert_eq!(check["status"], "fail", "{check}");
    assert!(
        check["message"]
            .as_str()
            .unwrap()
            .contains("oauth_session zz"),
        "{check}"
    );
}

#[test]
fn a_secret_key_variable_wins_and_a_rotation_refuses_to_replace_it() {
    let env = TestEnv::open_webui("home");
    let a = env
        .ow(&["--json", "token", "mint", "--user", ADMIN])
        .env("WEBUI_SECRET_KEY", "env-secret-for-tests-0123456789abc")
        .assert()
        .success();
    let token = json(&a)["token"].as_str().unwrap().to_string();
    pyjwt_decode(&token, "env-secret-for-tests-0123456789abc", "HS256");
    let before = env.snapshot();
    env.ow(&["secret", "rotate", "--yes"])
        .env("WEBUI_SECRET_KEY", "env-secret-for-tests-0123456789abc")
        .assert()
        .code(4);
    assert_eq!(env.snapshot(), before);
}

#[test]
fn keygen_and_init_write_the_key_file_as_open_webui_serve_does() {
    let env = TestEnv::sqlite();
    std::fs::create_dir_all(env.config_dir()).unwrap();
    let a = env.ow(&["--json", "keygen"]).assert().success();
    assert_eq!(json(&a)[0]["status"], "written", "{}", stdout(&a));
    let key = env.ow_key();
    assert_eq!(key.len(), 43, "{key:?}");
    // Again: kept; --force would strand the values under it.
    let a = env.ow(&["--json", "keygen"]).assert().success();
    assert_eq!(json(&a)[0]["status"], "kept");
    env.ow(&["keygen", "--force"]).assert().code(2);
    assert_eq!(env.ow_key(), key);
    // The variable would take the file's place: init leaves it out.
    let a = env.ow(&["init", "--format", "env"]).assert().success();
    assert!(
        stdout(&a).is_empty() && stderr(&a).contains("left out"),
        "{}",
        stderr(&a)
    );
    let other = TestEnv::sqlite();
    std::fs::create_dir_all(other.config_dir()).unwrap();
    let a = other.ow(&["init", "--format", "env"]).assert().success();
    assert!(
        stdout(&a).starts_with("WEBUI_SECRET_KEY="),
        "{}",
        stdout(&a)
    );
}

#[test]
fn doctor_names_open_signup_for_admins_and_rows_that_break_the_user_list() {
    let env = TestEnv::open_webui("experiments");
    env.ow_sql("UPDATE config SET value = '\"admin\"' WHERE key = 'ui.default_user_role'");
    env.ow_sql("UPDATE config SET value = 'true' WHERE key = 'ui.enable_signup'");
    env.ow_sql("UPDATE user SET created_at = NULL, last_active_at = NULL WHERE email = 'nullts@example.com'");
    let out = env
        .ow(&["--json", "doctor"])
        .env("WEBUI_AUTH", "False")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    for (id, status, needle) in [
        ("openwebui.signup", "fail", "take it over"),
        ("openwebui.timestamps", "fail", "nullts@example.com"),
        ("openwebui.users", "warn", "noauth@example.com"),
        ("openwebui.auth", "fail", "WEBUI_AUTH"),
    ] {
        let check = doctor_check(&out.stdout, id);
        assert_eq!(check["status"], status, "{check}");
        assert!(
            check["message"].as_str().unwrap().contains(needle),
            "{check}"
        );
    }
    // Any change to such a user writes its times whole.
    env.ow(&["user", "activate", "nullts@example.com"])
        .assert()
        .success();
    assert_eq!(
        env.ow_sql("SELECT typeof(created_at), typeof(last_active_at) FROM user WHERE email = 'nullts@example.com'"),
        "integer|integer"
    );
}

#[test]
fn a_release_authctl_does_not_know_is_read_and_not_written() {
    let env = TestEnv::open_webui("home");
    env.ow_sql("UPDATE alembic_version SET version_num = 'ffffffffffff'");
    let a = env.ow(&["user", "list"]).assert().success();
    assert!(stderr(&a).contains("ffffffffffff"), "{}", stderr(&a));
    let before = env.snapshot();
    let a = env.ow(&["user", "activate", BOB]).assert().code(6);
    assert_one_line_error(&a, "--allow-unknown-release");
    assert_eq!(env.snapshot(), before);
    env.ow(&["--allow-unknown-release", "user", "activate", BOB])
        .assert()
        .success();
}

#[test]
fn another_apps_database_is_refused_by_name() {
    let env = TestEnv::open_webui("home");
    let a = env
        .ow(&[
            "--db",
            &langflow_fixture().join("langflow.db").display().to_string(),
            "user",
            "list",
        ])
        .assert()
        .code(2);
    assert_one_line_error(&a, "--profile langflow");
    let a = env
        .cmd(&[
            "--profile",
            "langflow",
            "--db",
            &env.config_dir().join("data/webui.db").display().to_string(),
            "user",
            "list",
        ])
        .assert()
        .code(2);
    assert_one_line_error(&a, "--profile open-webui");
}

#[test]
fn a_token_revoked_by_user_is_a_new_stamp_and_one_token_alone_is_refused() {
    let env = TestEnv::open_webui("home");
    let token = stdout(
        &env.ow(&["token", "mint", "--user", ADMIN])
            .assert()
            .success(),
    );
    let token = token.trim();
    env.ow(&["token", "verify", token]).assert().success();
    let a = env.ow(&["token", "revoke", token]).assert().code(2);
    assert_one_line_error(&a, "--user");
    env.ow(&["token", "revoke", "--user", ADMIN, "--all"])
        .assert()
        .success();
    env.ow(&["token", "verify", token]).assert().code(1);
    let a = env.ow(&["token", "list", "--user", ADMIN]).assert().code(2);
    assert_one_line_error(&a, "session stamp");
}

/// The database a real server made on PostgreSQL (the fixture's dump), in
/// a new database on the test server, with the key that run used; and
/// `authctl --profile open-webui` pointed at it.
fn open_webui_pg() -> (TestEnv, PgDb) {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::postgres();
    let db = env.pg().unwrap().clone();
    for dump in ["schema.sql", "data.sql"] {
        psql_file(&db.admin, &open_webui_fixture().join("postgres").join(dump));
    }
    std::fs::create_dir_all(env.config_dir()).unwrap();
    let key = env.config_dir().join(".webui_secret_key");
    std::fs::copy(
        open_webui_fixture().join("postgres/.webui_secret_key"),
        &key,
    )
    .unwrap();
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
    (env, db)
}

#[test]
#[ignore = "needs PostgreSQL: scripts/e2e.sh"]
fn on_postgresql_the_server_made_database_takes_every_job() {
    let (env, db) = open_webui_pg();
    let ow = |args: &[&str]| {
        let mut c = env.ow(args);
        c.env("DATABASE_URL", &db.url);
        c
    };
    let sql = |q: &str| psql(&db.admin, q);
    let listed = stdout(&ow(&["user", "list"]).assert().success());
    assert!(listed.contains(ADMIN) && listed.contains(BOB), "{listed}");
    ow(&["user", "activate", BOB]).assert().success();
    ow(&["user", "promote", BOB]).assert().success();
    assert_eq!(
        sql(&format!("SELECT role FROM \"user\" WHERE email = '{BOB}'")),
        "admin"
    );
    let a = ow(&["--json", "apikey", "create", "--user", BOB])
        .assert()
        .success();
    let key = json(&a)["key"].as_str().unwrap().to_string();
    let bob = sql(&format!("SELECT id FROM \"user\" WHERE email = '{BOB}'"));
    assert_eq!(
        sql(&format!("SELECT key FROM api_key WHERE user_id = '{bob}'")),
        key
    );
    let token = stdout(&ow(&["token", "mint", "--user", ADMIN]).assert().success());
    let claims = pyjwt_decode(token.trim(), &env.ow_key(), "HS256");
    let admin = sql(&format!("SELECT id FROM \"user\" WHERE email = '{ADMIN}'"));
    assert_eq!(claims["id"], admin.as_str());
    ow(&[
        "superuser",
        "--username",
        ADMIN,
        "--reset-password",
        "--password-env",
        "PW",
    ])
    .env("PW", "N3w-Admin-Pass!")
    .assert()
    .success();
    assert!(bcrypt_ok(
        "N3w-Admin-Pass!",
        &sql(&format!("SELECT password FROM auth WHERE id = '{admin}'"))
    ));
    ow(&["token", "verify", token.trim()]).assert().code(1);
    // A session under the key, as Open WebUI encrypts it; then a rotation.
    let session = py_owui_encrypt(&env.ow_key(), "plain", "{\"access_token\": \"a\"}");
    sql(&format!(
        "INSERT INTO oauth_session (id, user_id, provider, token, expires_at, created_at, updated_at) VALUES ('s1', '{admin}', 'oidc', '{session}', 1, 1, 1)"
    ));
    let a = ow(&["--json", "secret", "rotate", "--yes"])
        .assert()
        .success();
    assert_eq!(json(&a)["values"], 1);
    assert_eq!(
        py_owui_decrypt(
            &env.ow_key(),
            "plain",
            &sql("SELECT token FROM oauth_session")
        ),
        "{\"access_token\": \"a\"}"
    );
    // bob goes with his key (PostgreSQL would cascade it; authctl deletes it).
    ow(&["user", "delete", BOB, "--yes"]).assert().success();
    assert_eq!(
        sql(&format!(
            "SELECT count(*) FROM api_key WHERE user_id = '{bob}'"
        )),
        "0"
    );
    assert_eq!(
        sql(&format!("SELECT count(*) FROM auth WHERE id = '{bob}'")),
        "0"
    );
    let out = ow(&["--json", "doctor"]).output().unwrap();
    assert_eq!(
        doctor_check(&out.stdout, "openwebui.encrypted_values")["status"],
        "pass"
    );
    // SQLite to PostgreSQL: export | apply moves users with their hashes.
    let sqlite = TestEnv::open_webui("offline");
    let exported = stdout(&sqlite.ow(&["export", "--with-hashes"]).assert().success());
    ow(&["apply", "-"]).write_stdin(exported).assert().success();
    let hash = sql("SELECT a.password FROM auth a JOIN \"user\" u ON u.id = a.id WHERE u.email = 'ursula@example.com'");
    assert!(bcrypt_ok("Urs0la!OwuiPass", &hash));
}

#[test]
fn deactivating_ends_sessions_for_good_and_times_are_made_whole() {
    let env = TestEnv::open_webui("experiments");
    let carol = "carol@example.com";
    let token = stdout(
        &env.ow(&["token", "mint", "--user", carol])
            .assert()
            .success(),
    );
    env.ow(&["user", "deactivate", carol]).assert().success();
    env.ow(&["user", "activate", carol]).assert().success();
    // The tokens from before the deactivation stay dead.
    env.ow(&["token", "verify", token.trim()]).assert().code(1);
    // Times a tool wrote in nanoseconds become seconds on any change.
    env.ow(&["user", "activate", "nsts@example.com"])
        .assert()
        .success();
    assert_eq!(
        env.ow_sql("SELECT created_at, last_active_at FROM user WHERE email = 'nsts@example.com'"),
        "1796481385|1796481385"
    );
    let out = env.ow(&["--json", "doctor"]).output().unwrap();
    assert_eq!(
        doctor_check(&out.stdout, "openwebui.timestamps")["status"],
        "pass"
    );
}

#[test]
fn the_primary_admin_keeps_its_role() {
    // Users made in the same second as the first admin come after it, so
    // promoting one never makes it the primary admin.
    let fresh = TestEnv::open_webui("fresh");
    for (args, pw) in [
        (
            vec![
                "superuser",
                "--username",
                "first@example.com",
                "--password-env",
                "PW",
            ],
            PASSWORD,
        ),
        (
            vec![
                "user",
                "add",
                "second@example.com",
                "--active",
                "--password-env",
                "PW",
            ],
            PASSWORD,
        ),
    ] {
        fresh.ow(&args).env("PW", pw).assert().success();
    }
    let times = fresh.ow_sql("SELECT email, created_at FROM user ORDER BY created_at, email");
    let rows: Vec<(&str, i64)> = times
        .lines()
        .map(|l| {
            let (e, t) = l.split_once('|').unwrap();
            (e, t.parse().unwrap())
        })
        .collect();
    assert_eq!(rows[0].0, "first@example.com", "{times}");
    assert!(rows[1].1 > rows[0].1, "{times}");
    fresh
        .ow(&["user", "promote", "second@example.com"])
        .assert()
        .success();
    fresh
        .ow(&["user", "demote", "second@example.com"])
        .assert()
        .success();
    let env = TestEnv::open_webui("home");
    let before = env.snapshot();
    let a = env
        .ow(&["user", "demote", ADMIN, "--force"])
        .assert()
        .code(4);
    assert_one_line_error(&a, "primary admin");
    assert_eq!(env.snapshot(), before);
}

#[test]
fn with_mfa_required_no_token_is_minted_and_one_without_it_is_refused() {
    let env = TestEnv::open_webui("home");
    env.ow_sql("UPDATE config SET value = 'true' WHERE key = 'auth.mfa.enable'");
    assert_eq!(
        env.ow_sql("SELECT value FROM config WHERE key = 'auth.mfa.enable'"),
        "true"
    );
    let a = env.ow(&["token", "mint", "--user", ADMIN]).assert().code(4);
    assert_one_line_error(&a, "MFA");
    let stamp = env.ow_sql(&format!(
        "SELECT session_stamp FROM auth WHERE id = '{ADMIN_ID}'"
    ));
    let token = pyjwt_encode(
        &serde_json::json!({"id": ADMIN_ID, "session_stamp": stamp, "typ": "session", "auth_method": "password", "mfa_verified": false}),
        &env.ow_key(),
        "HS256",
        &serde_json::json!({}),
    );
    let a = env.ow(&["token", "verify", &token]).assert().code(1);
    assert!(stderr(&a).contains("MFA"), "{}", stderr(&a));
    // An automation token is not a login: MFA does not apply to it.
    let automation = pyjwt_encode(
        &serde_json::json!({"id": ADMIN_ID, "session_stamp": stamp, "typ": "automation"}),
        &env.ow_key(),
        "HS256",
        &serde_json::json!({}),
    );
    env.ow(&["token", "verify", &automation]).assert().success();
}

#[test]
fn the_key_and_auth_settings_are_read_as_open_webui_reads_them() {
    let env = TestEnv::open_webui("home");
    // Python's read_text() turns \r\n into \n.
    let key = env.ow_key();
    std::fs::write(
        env.config_dir().join(".webui_secret_key"),
        format!("{key}\r\n"),
    )
    .unwrap();
    let token = stdout(
        &env.ow(&["token", "mint", "--user", ADMIN])
            .assert()
            .success(),
    );
    pyjwt_decode(token.trim(), &format!("{key}\n"), "HS256");
    let a = env
        .ow(&["user", "list"])
        .env("WEBUI_SECRET_KEY", "")
        .assert()
        .success();
    drop(a);
    let a = env
        .ow(&["token", "mint", "--user", ADMIN])
        .env("WEBUI_SECRET_KEY", "")
        .assert()
        .code(2);
    assert_one_line_error(&a, "set but empty");
    // Anything but "true" turns Open WebUI's authentication off.
    for off in ["0", "no", "False", ""] {
        let out = env
            .ow(&["--json", "doctor"])
            .env("WEBUI_AUTH", off)
            .output()
            .unwrap();
        assert_eq!(
            doctor_check(&out.stdout, "openwebui.auth")["status"],
            "fail",
            "WEBUI_AUTH={off:?}"
        );
    }
    let out = env
        .ow(&["--json", "doctor"])
        .env("WEBUI_AUTH", "TRUE")
        .output()
        .unwrap();
    // An argon2id hash (PASSWORD_HASH_ALGORITHM=argon2) at argon2-cffi's
    // defaults is not a weak hash to Open WebUI; a bcrypt one at cost 4 is.
    env.ow_sql(&format!(
        "UPDATE auth SET password = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG' WHERE id = '{ADMIN_ID}'"
    ));
    let out2 = env.ow(&["--json", "doctor"]).output().unwrap();
    assert_eq!(
        doctor_check(&out2.stdout, "users.bcrypt_cost")["status"],
        "pass"
    );
    env.ow_sql(&format!(
        "UPDATE auth SET password = '$2b$04$aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' WHERE id = '{ADMIN_ID}'"
    ));
    let out2 = env.ow(&["--json", "doctor"]).output().unwrap();
    assert_eq!(
        doctor_check(&out2.stdout, "users.bcrypt_cost")["status"],
        "warn"
    );
    assert_eq!(
        doctor_check(&out.stdout, "openwebui.auth")["status"],
        "pass"
    );
}

/// The database as Open WebUI's env.py finds it: `DATABASE_TYPE`, the
/// credentials (`DATABASE_USER`, `:DATABASE_PASSWORD`, or both), host, port
/// and name, all set, make the URL and win over `DATABASE_URL`; SQLCipher
/// (by URL, or by `DATABASE_TYPE` alone) and `DATABASE_SCHEMA` are refused
/// by name; the password is never shown, and nothing is changed.
#[test]
fn the_database_is_found_from_open_webuis_variables_and_what_it_cannot_open_is_refused() {
    let env = TestEnv::open_webui("home");
    let before = env.snapshot();
    let place = [
        ("DATABASE_TYPE", "postgresql"),
        ("DATABASE_HOST", "127.0.0.1"),
        ("DATABASE_PORT", "1"),
        ("DATABASE_NAME", "owui_db"),
        ("DATABASE_URL", "sqlite:///nowhere/webui.db"),
    ];
    for cred in [
        &[
            ("DATABASE_USER", "owui"),
            ("DATABASE_PASSWORD", "Pw-Secret-91"),
        ][..],
        &[("DATABASE_PASSWORD", "Pw-Secret-91")][..],
        &[("DATABASE_USER", "owui")][..],
    ] {
        let out = env
            .ow(&["user", "list"])
            .envs(place.iter().chain(cred).copied())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(5), "{cred:?}: {err}");
        assert!(
            err.contains("PostgreSQL at 127.0.0.1:1") && err.contains("owui_db"),
            "{cred:?}: {err}"
        );
        assert!(!err.contains("Pw-Secret-91"), "{err}");
    }
    // Without credentials the parts make no URL (env.py's all()), and
    // DATABASE_URL is used.
    let out = env
        .ow(&["user", "activate", BOB])
        .envs(place)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("\"nowhere/webui.db\" does not exist"), "{err}");
    // A token for a user of a database that is not there names it too.
    let a = env
        .ow(&["token", "mint", "--user", ADMIN])
        .envs(place)
        .assert()
        .code(3);
    assert_one_line_error(
        &a,
        "\"nowhere/webui.db\" does not exist or has no tables yet",
    );

    for (vars, named) in [
        (
            &[("DATABASE_URL", "sqlite+sqlcipher:///data/webui.db")][..],
            "DATABASE_URL names a SQLCipher",
        ),
        (
            &[("DATABASE_TYPE", "sqlite+sqlcipher")][..],
            "DATABASE_TYPE names a SQLCipher",
        ),
        // With every part set, the SQLCipher type is still the type's.
        (
            &[
                ("DATABASE_TYPE", "sqlite+sqlcipher"),
                ("DATABASE_USER", "owui"),
                ("DATABASE_PASSWORD", "Pw-Secret-91"),
                ("DATABASE_HOST", "127.0.0.1"),
                ("DATABASE_PORT", "1"),
                ("DATABASE_NAME", "owui_db"),
            ][..],
            "DATABASE_TYPE names a SQLCipher",
        ),
        // A SQLite type with a server's parts makes a URL with no file:
        // refused without its password.
        (
            &[
                ("DATABASE_TYPE", "sqlite"),
                ("DATABASE_USER", "owui"),
                ("DATABASE_PASSWORD", "Pw-Secret-91"),
                ("DATABASE_HOST", "127.0.0.1"),
                ("DATABASE_PORT", "1"),
                ("DATABASE_NAME", "owui_db"),
            ][..],
            "sqlite://****@127.0.0.1:1/owui_db\" has no file path",
        ),
        (
            &[("DATABASE_SCHEMA", "owui")][..],
            "DATABASE_SCHEMA=\"owui\"",
        ),
    ] {
        for args in [&["user", "list"][..], &["user", "activate", BOB][..]] {
            let out = env.ow(args).envs(vars.iter().copied()).output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{vars:?} {args:?}: {err}");
            assert!(err.contains(named), "{err}");
            assert!(!err.contains("Pw-Secret-91"), "{err}");
            assert_eq!(err.trim().lines().count(), 1, "{err}");
        }
    }
    assert_eq!(env.snapshot(), before);
}
