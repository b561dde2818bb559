//! LibreChat's users in MongoDB: authctl writes them into a throwaway
//! SecantusDB (a MongoDB-wire server, `scripts/mongo-server.sh`, started by
//! `scripts/e2e.sh`, which sets `MONGO_TEST_URI`), and LibreChat's own
//! published code reads them back (`tests/e2e/librechat/users.js`:
//! `@librechat/data-schemas` 0.0.71's `findUser`/`countUsers` under
//! mongoose, and bcryptjs 2.4.3 comparing passwords as LibreChat does).

use crate::{manifest, require_tier, BIN};
use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;

/// A database of its own on the tier's server: its URI.
pub(crate) fn database() -> String {
    database_on("MONGO_TEST_URI")
}

/// A database of its own on the server `var` names (`MONGO_TEST_URI`, a
/// replica set; `MONGO_STANDALONE_URI`, a standalone server).
pub(crate) fn database_on(var: &str) -> String {
    let base = std::env::var(var).unwrap_or_else(|_| {
        panic!("{var}: scripts/e2e.sh starts the MongoDB-wire servers and sets it")
    });
    static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let name = format!(
        "librechat_{}_{}",
        std::process::id(),
        N.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
    );
    // mongodb://HOST:PORT/?directConnection=true
    let (server, query) = base.split_once("/?").unwrap_or((base.as_str(), ""));
    format!("{}/{name}?{query}", server.trim_end_matches('/'))
}

/// LibreChat's folder, whose `.env` names the database.
pub(crate) fn folder(uri: &str) -> tempfile::TempDir {
    folder_with(uri, "")
}

/// The same, with `lines` after MONGO_URI in its `.env`.
fn folder_with(uri: &str, lines: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".env"), format!("MONGO_URI={uri}\n{lines}")).unwrap();
    dir
}

/// `authctl --profile librechat ARGS` in `dir`, `PW` in the environment.
pub(crate) fn authctl(dir: &Path, args: &[&str], pw: Option<&str>) -> (i32, String, String) {
    let out = Command::new(BIN)
        .args(["--profile", "librechat"])
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("HOME", dir)
        .envs(pw.map(|p| ("PW", p)))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).trim().to_string(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

pub(crate) fn ok(dir: &Path, args: &[&str], pw: Option<&str>) -> String {
    let (code, out, err) = authctl(dir, args, pw);
    assert_eq!(code, 0, "authctl {args:?}: {err}");
    out
}

/// LibreChat's code over `ops` on the database at `uri`; each op's value.
pub(crate) fn librechat(uri: &str, ops: Value) -> Vec<Value> {
    use std::io::Write;
    let cwd = tempfile::tempdir().unwrap();
    let result = cwd.path().join("result.json");
    let mut child = Command::new("node")
        .arg(manifest().join("tests/e2e/librechat/users.js"))
        .current_dir(cwd.path())
        .env("RESULT_FILE", &result)
        .env("NODE_PATH", crate::librechat::install())
        .env("CREDS_KEY", "0".repeat(64))
        .env("CREDS_IV", "0".repeat(32))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("node");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(json!({ "uri": uri, "ops": ops }).to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "node: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let results: Vec<Value> = serde_json::from_slice(&std::fs::read(&result).unwrap()).unwrap();
    results
        .into_iter()
        .map(|r| {
            assert_eq!(r["ok"], true, "{r}");
            r["value"].clone()
        })
        .collect()
}

/// The first ADMIN, admin@example.com, password Quiet-Harbor-2027.
fn first_admin(d: &Path) {
    ok(
        d,
        &[
            "superuser",
            "--username",
            "admin@example.com",
            "--password-env",
            "PW",
        ],
        Some("Quiet-Harbor-2027"),
    );
}

fn login(uri: &str, email: &str, password: &str) -> Value {
    librechat(
        uri,
        json!([{ "op": "login", "email": email, "password": password }]),
    )
    .remove(0)
}

/// carol@example.com, verified, password C4rol-Harbor-Lights: her id.
fn add_carol(d: &Path, uri: &str) -> String {
    ok(
        d,
        &[
            "user",
            "add",
            "carol@example.com",
            "--active",
            "--password-env",
            "PW",
        ],
        Some("C4rol-Harbor-Lights"),
    );
    login(uri, "carol@example.com", "C4rol-Harbor-Lights")["id"]
        .as_str()
        .unwrap()
        .to_string()
}

pub(crate) fn oid(id: &str) -> Value {
    json!({ "$oid": id })
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn users_written_by_authctl_are_found_and_log_in_as_librechat_checks() {
    require_tier();
    let uri = database();
    let dir = folder(&uri);
    let d = dir.path();
    // The first admin: LibreChat finds it, its password compares, it is
    // verified and ADMIN, and LibreChat's first-user rule (the first
    // registration is the admin) now sees a user.
    ok(
        d,
        &[
            "superuser",
            "--username",
            "Admin@Example.com",
            "--password-env",
            "PW",
        ],
        Some("Quiet-Harbor-2027"),
    );
    let admin = login(&uri, "admin@example.com", "Quiet-Harbor-2027");
    assert_eq!(admin["found"], true, "{admin}");
    assert_eq!(admin["password_ok"], true);
    assert_eq!(admin["verified"], true);
    assert_eq!(admin["role"], "ADMIN");
    assert_eq!(admin["provider"], "local");
    assert_eq!(librechat(&uri, json!([{ "op": "countUsers" }]))[0], 1);
    // A second one is refused; a forgotten password is reset.
    let (code, _, err) = authctl(
        d,
        &[
            "superuser",
            "--username",
            "admin@example.com",
            "--password-env",
            "PW",
        ],
        Some("Another-Pass-77x"),
    );
    assert_ne!(code, 0, "{err}");
    ok(
        d,
        &[
            "superuser",
            "--username",
            "admin@example.com",
            "--reset-password",
            "--password-env",
            "PW",
        ],
        Some("Brand-New-Root-Pass-1"),
    );
    assert_eq!(
        login(&uri, "admin@example.com", "Quiet-Harbor-2027")["password_ok"],
        false
    );
    assert_eq!(
        login(&uri, "admin@example.com", "Brand-New-Root-Pass-1")["password_ok"],
        true
    );

    // A user added inactive: found, its password compares, but unverified,
    // which LibreChat's login refuses. As after a self-registration, it
    // waits for the TTL; activation verifies it and takes the TTL away.
    ok(
        d,
        &["user", "add", "bob@example.com", "--password-env", "PW"],
        Some("B0b-Harbor-Lights"),
    );
    let bob = login(&uri, "bob@example.com", "B0b-Harbor-Lights");
    assert_eq!(
        (
            bob["password_ok"].clone(),
            bob["verified"].clone(),
            bob["role"].clone()
        ),
        (json!(true), json!(false), json!("USER"))
    );
    let id = bob["id"].as_str().unwrap().to_string();
    librechat(
        &uri,
        json!([{ "op": "update", "collection": "users", "filter": { "_id": oid(&id) },
                 "update": { "$set": { "expiresAt": { "$date": "2030-01-01T00:00:00Z" } } } }]),
    );
    ok(d, &["user", "activate", "bob@example.com"], None);
    let bob = login(&uri, "bob@example.com", "B0b-Harbor-Lights");
    assert_eq!(bob["verified"], true);
    assert_eq!(bob["expires_at"], Value::Null, "{bob}");

    // A password change ends bob's sessions (LibreChat's own reset does
    // not): the old password no longer compares, the new one does.
    let session = |uri: &str| {
        librechat(
            uri,
            json!([{ "op": "insert", "collection": "sessions", "doc": {
                "user": oid(&id), "refreshTokenHash": "x",
                "expiration": { "$date": "2030-01-01T00:00:00Z" } } }]),
        );
    };
    let sessions = |uri: &str| {
        librechat(
            uri,
            json!([{ "op": "count", "collection": "sessions", "filter": { "user": oid(&id) } }]),
        )[0]
        .clone()
    };
    session(&uri);
    assert_eq!(sessions(&uri), 1);
    ok(
        d,
        &["user", "passwd", "bob@example.com", "--password-env", "PW"],
        Some("N3w-Harbor-Lights"),
    );
    assert_eq!(sessions(&uri), 0);
    assert_eq!(
        login(&uri, "bob@example.com", "B0b-Harbor-Lights")["password_ok"],
        false
    );
    assert_eq!(
        login(&uri, "bob@example.com", "N3w-Harbor-Lights")["password_ok"],
        true
    );
    // Promotion and demotion are the role; deactivation unverifies and ends
    // the sessions too.
    ok(d, &["user", "promote", "bob@example.com"], None);
    assert_eq!(
        login(&uri, "bob@example.com", "N3w-Harbor-Lights")["role"],
        "ADMIN"
    );
    ok(d, &["user", "demote", "bob@example.com"], None);
    assert_eq!(
        login(&uri, "bob@example.com", "N3w-Harbor-Lights")["role"],
        "USER"
    );
    session(&uri);
    ok(d, &["user", "deactivate", "bob@example.com"], None);
    assert_eq!(sessions(&uri), 0);
    assert_eq!(
        login(&uri, "bob@example.com", "N3w-Harbor-Lights")["verified"],
        false
    );
    // The last admin stays.
    let (code, _, err) = authctl(d, &["user", "demote", "admin@example.com"], None);
    assert_eq!(code, 4, "{err}");
    // The list, as authctl shows it.
    let list: Value = serde_json::from_str(&ok(d, &["--json", "user", "list"], None)).unwrap();
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["admin@example.com", "bob@example.com"]);
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn delete_removes_what_librechats_delete_user_removes() {
    require_tier();
    let uri = database();
    let dir = folder(&uri);
    let d = dir.path();
    first_admin(d);
    let carol = add_carol(d, &uri);
    let admin = login(&uri, "admin@example.com", "Quiet-Harbor-2027")["id"]
        .as_str()
        .unwrap()
        .to_string();
    // Her documents, each referring to her as LibreChat's models do (a
    // string id or an ObjectId), and one of the admin's.
    let mut ops = Vec::new();
    for (collection, field, by_string) in [
        ("conversations", "user", true),
        ("messages", "user", true),
        ("presets", "user", true),
        ("files", "user", false),
        ("keys", "userId", false),
        ("pluginauths", "userId", true),
        ("sessions", "user", false),
        ("tokens", "userId", false),
        ("agents", "author", false),
        ("aclentries", "principalId", false),
    ] {
        let reference = if by_string { json!(carol) } else { oid(&carol) };
        ops.push(json!({ "op": "insert", "collection": collection, "doc": { field: reference } }));
    }
    ops.push(json!({ "op": "insert", "collection": "conversations", "doc": { "user": admin } }));
    ops.push(json!({ "op": "insert", "collection": "groups", "doc": { "name": "team", "memberIds": [oid(&carol), oid(&admin)] } }));
    librechat(&uri, json!(ops));
    ok(d, &["user", "delete", "carol@example.com", "--yes"], None);
    // The audit trail says what went with her.
    let audit = std::fs::read_to_string(d.join("authctl-audit.jsonl")).unwrap();
    let last: Value = serde_json::from_str(audit.lines().last().unwrap()).unwrap();
    assert_eq!(last["action"], "user.delete", "{last}");
    assert_eq!(last["detail"]["rows"]["conversations.user"], 1, "{last}");
    let left = librechat(
        &uri,
        json!([
            { "op": "login", "email": "carol@example.com", "password": "x" },
            { "op": "count", "collection": "conversations", "filter": {} },
            { "op": "count", "collection": "messages", "filter": {} },
            { "op": "count", "collection": "files", "filter": {} },
            { "op": "count", "collection": "keys", "filter": {} },
            { "op": "count", "collection": "sessions", "filter": {} },
            { "op": "count", "collection": "tokens", "filter": {} },
            { "op": "count", "collection": "agents", "filter": {} },
            { "op": "count", "collection": "aclentries", "filter": {} },
            { "op": "find", "collection": "groups", "filter": { "name": "team" } },
        ]),
    );
    assert_eq!(left[0]["found"], false);
    // The admin's conversation stays; all of hers are gone.
    assert_eq!(left[1], 1);
    assert!(left[2..9].iter().all(|n| *n == 0), "{left:?}");
    assert_eq!(left[9]["memberIds"], json!([oid(&admin)]), "{}", left[9]);
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn an_invite_is_the_token_librechats_registration_looks_up() {
    require_tier();
    let uri = database();
    let dir = folder_with(&uri, "DOMAIN_CLIENT=https://chat.example.com/\n");
    let d = dir.path();
    let out = ok(d, &["--json", "user", "invite", "Dana@Example.com"], None);
    let invited: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(invited["email"], "dana@example.com");
    let link = invited["link"].as_str().unwrap();
    let token = link
        .strip_prefix("https://chat.example.com/register?token=")
        .unwrap_or_else(|| panic!("{link}"));
    assert_eq!(token.len(), 64, "{link}");
    let found = librechat(
        &uri,
        json!([
            { "op": "invite", "email": "dana@example.com", "token": token },
            { "op": "invite", "email": "dana@example.com", "token": "0".repeat(64) },
        ]),
    );
    assert_eq!(found[0]["found"], true, "{found:?}");
    let ttl = found[0]["expires_in_s"].as_i64().unwrap();
    assert!((604_700..=604_800).contains(&ttl), "{ttl}");
    assert_eq!(found[1]["found"], false);
    // An existing user is not invited; nor is what is not an email.
    ok(
        d,
        &["user", "add", "erin@example.com", "--password-env", "PW"],
        Some("Erin-Harbor-Lights"),
    );
    let (code, _, err) = authctl(d, &["user", "invite", "erin@example.com"], None);
    assert_eq!(code, 4, "{err}");
    let (code, _, err) = authctl(d, &["user", "invite", "not-an-email"], None);
    assert_eq!(code, 2, "{err}");
}

/// `apply` and `export` on LibreChat's users: declared users log in as
/// LibreChat checks, and the export is what apply reads back.
#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn apply_and_export_work_on_librechats_users() {
    require_tier();
    let uri = database();
    let dir = folder(&uri);
    let d = dir.path();
    std::fs::write(
        d.join("users.yaml"),
        "users:\n  - name: Gus@Example.com\n    superuser: true\n    active: true\n    password_env: PW\n  - name: hal@example.com\n    active: false\n    password_env: PW\n",
    )
    .unwrap();
    ok(d, &["apply", "users.yaml"], Some("Gus-Harbor-Lights"));
    let gus = login(&uri, "gus@example.com", "Gus-Harbor-Lights");
    assert_eq!(
        (
            gus["password_ok"].clone(),
            gus["role"].clone(),
            gus["verified"].clone()
        ),
        (json!(true), json!("ADMIN"), json!(true))
    );
    let hal = login(&uri, "hal@example.com", "Gus-Harbor-Lights");
    assert_eq!(hal["verified"], false);
    // Applied again: nothing to do.
    let (code, _, err) = authctl(d, &["apply", "users.yaml"], Some("Gus-Harbor-Lights"));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("nothing to do"), "{err}");
    let exported = ok(d, &["export", "--format", "json"], None);
    assert!(
        exported.contains("gus@example.com") && exported.contains("hal@example.com"),
        "{exported}"
    );
}

/// `doctor`'s checks on the users: who registers first becomes ADMIN on
/// an empty database; unverified users and the TTL; weak hashes.
#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn doctor_checks_the_users_as_librechat_keeps_them() {
    require_tier();
    let uri = database();
    let dir = folder(&uri);
    let d = dir.path();
    let check = |id: &str| -> (String, String) {
        let (_, out, err) = authctl(d, &["--json", "doctor"], None);
        let report: Value =
            serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
        let c = report["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap_or_else(|| panic!("no {id}: {report}"))
            .clone();
        (
            c["status"].as_str().unwrap().to_string(),
            c["message"].as_str().unwrap().to_string(),
        )
    };
    let (status, says) = check("librechat.admin");
    assert_eq!(status, "warn");
    assert!(
        says.contains("whoever registers first becomes its ADMIN"),
        "{says}"
    );
    first_admin(d);
    assert_eq!(check("librechat.admin").0, "pass");
    assert_eq!(check("librechat.unverified").0, "pass");
    ok(
        d,
        &["user", "add", "fay@example.com", "--password-env", "PW"],
        Some("Fay-Harbor-Lights"),
    );
    let fay = login(&uri, "fay@example.com", "Fay-Harbor-Lights")["id"]
        .as_str()
        .unwrap()
        .to_string();
    librechat(
        &uri,
        json!([
            { "op": "update", "collection": "users", "filter": { "_id": oid(&fay) },
              "update": { "$set": { "expiresAt": { "$date": "2030-01-01T00:00:00Z" },
                                    "password": "$2a$04$abcdefghijklmnopqrstuuO8lO8dQKjzXvDRqWc0kYHn3g7bSbg2y" } } },
        ]),
    );
    let (status, says) = check("librechat.unverified");
    assert_eq!(status, "warn");
    assert!(
        says.contains("1 of them will be deleted by the TTL index"),
        "{says}"
    );
    let (status, says) = check("librechat.password_cost");
    assert_eq!(status, "warn");
    assert!(says.contains("\"fay@example.com\""), "{says}");
    // No verified admin left: a failure, and doctor exits 1.
    ok(
        d,
        &["user", "deactivate", "admin@example.com", "--force"],
        None,
    );
    assert_eq!(check("librechat.admin").0, "fail");
    let (code, _, _) = authctl(d, &["doctor"], None);
    assert_eq!(code, 1);
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn an_unreachable_server_is_exit_5_and_never_shows_the_password() {
    require_tier();
    // A port nothing listens on.
    let port = crate::free_port();
    let dir = folder(&format!(
        "mongodb://app:s3cret-pw@127.0.0.1:{port}/LibreChat?serverSelectionTimeoutMS=1500"
    ));
    let (code, out, err) = authctl(dir.path(), &["user", "list"], None);
    assert_eq!(code, 5, "{out}{err}");
    assert!(
        err.contains(&format!(
            "MongoDB at 127.0.0.1:{port}, database \"LibreChat\""
        )),
        "{err}"
    );
    assert!(
        !err.contains("s3cret-pw") && !out.contains("s3cret-pw"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    // Without MONGO_URI: where to put it.
    std::fs::write(dir.path().join(".env"), "").unwrap();
    let (code, _, err) = authctl(dir.path(), &["user", "list"], None);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("MONGO_URI is not set"), "{err}");
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn bans_are_what_librechats_check_ban_reads_and_unban_lifts_them_all() {
    require_tier();
    let uri = database();
    let dir = folder_with(&uri, "BAN_VIOLATIONS=true\n");
    let d = dir.path();
    first_admin(d);
    for (email, pw) in [
        ("bob@example.com", "B0b-Harbor-Lights"),
        ("carol@example.com", "C4rol-Harbor-Lights"),
    ] {
        ok(
            d,
            &["user", "add", email, "--active", "--password-env", "PW"],
            Some(pw),
        );
    }
    let id_of = |email: &str, pw: &str| login(&uri, email, pw)["id"].as_str().unwrap().to_string();
    let bob = id_of("bob@example.com", "B0b-Harbor-Lights");
    let carol = id_of("carol@example.com", "C4rol-Harbor-Lights");
    // LibreChat's checkBan (BAN_DURATION at its default, 2 h), for a user
    // calling from an address.
    let check = |user: &str, ip: &str| {
        librechat(
            &uri,
            json!([{ "op": "checkBan", "userId": user, "ip": ip,
                     "banViolations": "true", "banDuration": 7_200_000 }]),
        )
        .remove(0)["banned"]
            .clone()
    };
    let logs = || {
        librechat(
            &uri,
            json!([{ "op": "count", "collection": "logs", "filter": {} }]),
        )
        .remove(0)
    };
    librechat(
        &uri,
        json!([{ "op": "insert", "collection": "sessions", "doc": {
            "user": oid(&bob), "refreshTokenHash": "x",
            "expiration": { "$date": "2030-01-01T00:00:00Z" } } }]),
    );

    // Bad input changes nothing.
    for (args, code) in [
        (vec!["user", "ban", "bob@example.com", "--for", "0"], 2),
        (vec!["user", "ban", "bob@example.com", "--for", "soon"], 2),
        (vec!["user", "ban", "nobody@example.com", "--for", "1h"], 3),
        (vec!["user", "unban", "nobody@example.com"], 3),
    ] {
        let (got, _, err) = authctl(d, &args, None);
        assert_eq!(got, code, "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    assert_eq!(logs(), 0);

    // A ban of 3 h, past BAN_DURATION: LibreChat refuses bob, the record
    // ends (for Keyv, which drops it after `expires`) when the ban does,
    // and bob's sessions are over. checkBan finds the cache entry the ban
    // wrote, so it caches nothing endless: not bob, not his address.
    let out = ok(
        d,
        &["--json", "user", "ban", "bob@example.com", "--for", "3h"],
        None,
    );
    let banned: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(banned["enforced"], true, "{banned}");
    assert_eq!(banned["sessions_ended"], 1, "{banned}");
    let until = chrono::DateTime::parse_from_rfc3339(banned["until"].as_str().unwrap()).unwrap();
    let left = until.timestamp() - chrono::Utc::now().timestamp();
    assert!((10_700..=10_800).contains(&left), "{left}");
    let record = librechat(
        &uri,
        json!([{ "op": "keyv", "key": format!("BANS:{bob}") }]),
    )
    .remove(0);
    assert_eq!(record["expires"], until.timestamp_millis(), "{record}");
    assert_eq!(record["value"]["expiresAt"], until.timestamp_millis());
    assert_eq!(check(&bob, "10.0.0.9"), true);
    assert_eq!(check(&bob, "10.0.0.9"), true);
    assert_eq!(check(&carol, "10.0.0.9"), false);
    let cached = librechat(&uri, json!([{ "op": "keyv", "key": format!("ban:{bob}") }])).remove(0);
    assert_eq!(cached["expires"], until.timestamp_millis(), "{cached}");
    let status = |id: &str| {
        let (_, out, _) = authctl(d, &["--json", "doctor"], None);
        let report: Value = serde_json::from_str(&out).unwrap();
        report["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .map(|c| {
                (
                    c["status"].as_str().unwrap().to_string(),
                    c["message"].to_string(),
                )
            })
            .unwrap()
    };
    let (s, m) = status("librechat.bans");
    assert_eq!(s, "warn", "{m}");
    assert!(m.contains("bob@example.com"), "{m}");
    assert_eq!(status("librechat.ban_cache").0, "pass");

    // Unban lifts it, cache included.
    let out = ok(d, &["--json", "user", "unban", "bob@example.com"], None);
    let unbanned: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(unbanned["was_banned"], true, "{unbanned}");
    assert_eq!(check(&bob, "10.0.0.9"), false);
    assert_eq!(logs(), 0);
    assert_eq!(status("librechat.bans").0, "pass");

    // A ban ends by itself when its time is up, refused requests or not.
    ok(d, &["user", "ban", "bob@example.com", "--for", "2s"], None);
    assert_eq!(check(&bob, "10.0.0.9"), true);
    std::thread::sleep(std::time::Duration::from_millis(2500));
    assert_eq!(check(&bob, "10.0.0.9"), false);
    assert_eq!(check(&carol, "10.0.0.9"), false);

    // LibreChat's own ban, of bob and the address he called from: carol is
    // refused there, and checkBan caches that without an end. Unban finds
    // the address through the record that names bob, and clears the cache.
    librechat(
        &uri,
        json!([{ "op": "banViolation", "userId": bob, "ip": "10.0.0.11",
                 "duration": 600_000, "banDuration": 7_200_000 }]),
    );
    assert_eq!(check(&carol, "10.0.0.11"), true);
    let out = ok(d, &["--json", "user", "unban", "bob@example.com"], None);
    let unbanned: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(unbanned["addresses"], json!(["10.0.0.11"]), "{unbanned}");
    assert_eq!(check(&bob, "10.0.0.11"), false);
    assert_eq!(check(&carol, "10.0.0.11"), false);
    // Nothing left to lift is said, not an error.
    let out = ok(d, &["--json", "user", "unban", "bob@example.com"], None);
    let unbanned: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(unbanned["was_banned"], false, "{unbanned}");

    // A LibreChat ban that ended (its records dropped after BAN_DURATION,
    // here 1 s) leaves checkBan's endless cache blocking the address:
    // doctor names it, and an unban clears it.
    // One Node process for both, so the check comes while the 1 s ban
    // still stands, however long Node takes to start on a loaded machine.
    librechat(
        &uri,
        json!([{ "op": "banViolation", "userId": bob, "ip": "10.0.0.12",
                 "duration": 1_000, "banDuration": 1_000 },
               { "op": "checkBan", "userId": carol, "ip": "10.0.0.12",
                 "banViolations": "true", "banDuration": 1_000 }]),
    );
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert_eq!(check(&carol, "10.0.0.12"), true);
    let (s, m) = status("librechat.ban_cache");
    assert_eq!(s, "warn", "{m}");
    assert!(m.contains("10.0.0.12"), "{m}");
    ok(d, &["user", "unban", "bob@example.com"], None);
    assert_eq!(check(&carol, "10.0.0.12"), false);
    assert_eq!(status("librechat.ban_cache").0, "pass");

    // Without BAN_VIOLATIONS the ban is recorded, and said to be unenforced.
    std::fs::write(d.join(".env"), format!("MONGO_URI={uri}\n")).unwrap();
    let (code, out, err) = authctl(
        d,
        &["--json", "user", "ban", "carol@example.com", "--for", "1h"],
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("BAN_VIOLATIONS=true"), "{err}");
    let banned: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(banned["enforced"], false);
    let (_, out, _) = authctl(d, &["--json", "doctor"], None);
    assert!(out.contains("LibreChat enforces none"), "{out}");
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn refresh_tokens_are_librechat_sessions_listed_and_revoked() {
    require_tier();
    let uri = database();
    let secrets = format!(
        "JWT_SECRET={}\nJWT_REFRESH_SECRET={}\n",
        "a1".repeat(32),
        "b2".repeat(32)
    );
    let dir = folder_with(&uri, &secrets);
    let d = dir.path();
    first_admin(d);
    let admin = login(&uri, "admin@example.com", "Quiet-Harbor-2027")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let find = |token: &str| {
        librechat(
            &uri,
            json!([{ "op": "findSession", "userId": admin, "refreshToken": token }]),
        )
        .remove(0)
    };
    // A minted refresh token's session is stored: LibreChat's findSession,
    // as its refresh endpoint calls it, finds it by the token.
    let mint = |ttl: &str| -> Value {
        let out = ok(
            d,
            &[
                "--json", "token", "mint", "--user", &admin, "--type", "refresh", "--ttl", ttl,
            ],
            None,
        );
        serde_json::from_str(&out).unwrap()
    };
    let first = mint("1d");
    let second = mint("7d");
    assert_eq!(first["session_stored"], true, "{first}");
    let token = first["token"].as_str().unwrap();
    assert_eq!(find(token), first["session_id"]);
    // Listed newest expiry first, by session id.
    let out = ok(
        d,
        &["--json", "token", "list", "--user", "admin@example.com"],
        None,
    );
    let listed: Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&Value> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["jti"])
        .collect();
    assert_eq!(ids, [&second["session_id"], &first["session_id"]]);
    // A token minted for a session of the same user's takes its place
    // there; another user's session is not taken over (exit 4).
    let sid = first["session_id"].as_str().unwrap();
    let claim = format!("sessionId={sid}");
    let out = ok(
        d,
        &[
            "--json", "token", "mint", "--user", &admin, "--type", "refresh", "--claim", &claim,
        ],
        None,
    );
    let again: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(again["session_id"], first["session_id"]);
    assert_eq!(find(token), Value::Null);
    let token = again["token"].as_str().unwrap();
    assert_eq!(find(token), first["session_id"]);
    let carol = add_carol(d, &uri);
    let (code, out, err) = authctl(
        d,
        &[
            "token", "mint", "--user", &carol, "--type", "refresh", "--claim", &claim,
        ],
        None,
    );
    assert_eq!((code, out.as_str()), (4, ""), "{err}");
    assert_eq!(find(token), first["session_id"]);
    // Revoked by id: gone for LibreChat; then all of a user's.
    ok(d, &["token", "revoke", "--jti", sid], None);
    assert_eq!(find(token), Value::Null);
    let (code, _, err) = authctl(d, &["token", "revoke", "--jti", sid], None);
    assert_eq!(code, 3, "{err}");
    ok(
        d,
        &["token", "revoke", "--user", "admin@example.com", "--all"],
        None,
    );
    assert_eq!(find(second["token"].as_str().unwrap()), Value::Null);
    // No session for a user LibreChat does not have.
    let (code, _, err) = authctl(
        d,
        &[
            "token",
            "mint",
            "--user",
            "65f0a1b2c3d4e5f601234567",
            "--type",
            "refresh",
        ],
        None,
    );
    assert_eq!(code, 3, "{err}");
    let sessions = librechat(
        &uri,
        json!([{ "op": "count", "collection": "sessions", "filter": {} }]),
    );
    assert_eq!(sessions[0], 0);
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn a_failed_delete_is_undone_where_mongodb_runs_transactions() {
    require_tier();
    for (var, transactions) in [("MONGO_TEST_URI", true), ("MONGO_STANDALONE_URI", false)] {
        let uri = database_on(var);
        let dir = folder(&uri);
        let d = dir.path();
        first_admin(d);
        let carol = add_carol(d, &uri);
        // Her conversation, and a group whose memberIds is not a list:
        // taking her out of it fails, after her documents went.
        librechat(
            &uri,
            json!([
                { "op": "insert", "collection": "conversations", "doc": { "user": carol } },
                { "op": "insert", "collection": "groups", "doc": { "name": "odd", "memberIds": oid(&carol) } },
            ]),
        );
        let (code, _, err) = authctl(d, &["user", "delete", "carol@example.com", "--yes"], None);
        assert_eq!(code, 5, "{var}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        let left = librechat(
            &uri,
            json!([
                { "op": "login", "email": "carol@example.com", "password": "C4rol-Harbor-Lights" },
                { "op": "count", "collection": "conversations", "filter": {} },
            ]),
        );
        // She is there either way: the user goes last.
        assert_eq!(left[0]["found"], true, "{var}");
        if transactions {
            assert!(
                err.contains("nothing was changed (the transaction was rolled back)"),
                "{err}"
            );
            assert_eq!(left[1], 1, "{var}: her conversation is back");
        } else {
            assert!(err.contains("writes were made before it"), "{err}");
            assert_eq!(left[1], 0, "{var}");
        }
    }
}
