//! Open WebUI 0.12.4's own server (slim install, `open-webui serve`) on
//! SQLite and PostgreSQL, given what authctl wrote offline: users log in,
//! a reset password works and the old one and old tokens do not, minted
//! tokens and API keys are accepted, a deactivated user's key is refused,
//! and after `secret rotate` the server (and Open WebUI's own ciphers, run
//! from its package) read every value under the new key.

use crate::{http, manifest, run, Response, BIN};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const ADMIN: &str = "admin@example.com";
const ADMIN_PW: &str = "OwuiAdm1n!Pass";
const BOB: &str = "bob@example.com";
const BOB_PW: &str = "B0b!OwuiPass";
const NEW_PW: &str = "N3w-Admin-Pass!";
const CAROL: &str = "carol@example.com";
const CAROL_PW: &str = "Car0l-Offline-Pass!";

/// Open WebUI 0.12.4, installed once into the tier's cache.
fn install() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = crate::cache_dir("open-webui-0.12.4");
        run(Command::new("bash")
            .arg(manifest().join("scripts/open-webui-install.sh"))
            .arg(&dir)
            .arg("0.12.4"));
        dir
    })
}

fn fixture() -> PathBuf {
    manifest().join("tests/fixtures/open-webui-0.12.4")
}

/// The folder Open WebUI is started in (`.webui_secret_key`, `data/`),
/// and its database.
struct Deployment {
    root: tempfile::TempDir,
    /// `DATABASE_URL` (with its password) on PostgreSQL; SQLite otherwise.
    database_url: Option<String>,
}

impl Deployment {
    /// A copy of a server-made home: `home` or `home-offline`.
    fn sqlite(which: &str) -> Self {
        let root = tempfile::tempdir().unwrap();
        let home = root.path().join("home");
        std::fs::create_dir_all(home.join("data")).unwrap();
        std::fs::create_dir_all(root.path().join("os-home")).unwrap();
        std::fs::copy(
            fixture().join(which).join(".webui_secret_key"),
            home.join(".webui_secret_key"),
        )
        .unwrap();
        std::fs::copy(
            fixture().join(which).join("data/webui.db"),
            home.join("data/webui.db"),
        )
        .unwrap();
        let d = Deployment {
            root,
            database_url: None,
        };
        d.private();
        d
    }

    /// The database the server made on PostgreSQL (the fixture's dump:
    /// admin, pending bob, the admin's key) in a new database on the test
    /// server, with the key that run used.
    fn postgres() -> Self {
        let (admin, name) = crate::new_pg_database("owui");
        let (base, _) = admin.rsplit_once('/').unwrap();
        let url = format!("{base}/{name}");
        for dump in ["schema.sql", "data.sql"] {
            run(Command::new("psql")
                .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", &url, "-f"])
                .arg(fixture().join("postgres").join(dump)));
        }
        let root = tempfile::tempdir().unwrap();
        let home = root.path().join("home");
        std::fs::create_dir_all(home.join("data")).unwrap();
        std::fs::create_dir_all(root.path().join("os-home")).unwrap();
        std::fs::copy(
            fixture().join("postgres/.webui_secret_key"),
            home.join(".webui_secret_key"),
        )
        .unwrap();
        let d = Deployment {
            root,
            database_url: Some(url),
        };
        d.private();
        d
    }

    fn private(&self) {
        use std::os::unix::fs::PermissionsExt;
        for f in [".webui_secret_key", "data/webui.db"] {
            let p = self.home().join(f);
            if p.exists() {
                std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
            }
        }
    }

    fn home(&self) -> PathBuf {
        self.root.path().join("home")
    }

    fn key(&self) -> String {
        std::fs::read_to_string(self.home().join(".webui_secret_key")).unwrap()
    }

    /// Where the database is, as the server and authctl both read it.
    fn db_env(&self) -> Vec<(&'static str, String)> {
        match &self.database_url {
            Some(url) => vec![("DATABASE_URL", url.clone())],
            None => vec![("DATA_DIR", self.home().join("data").display().to_string())],
        }
    }

    /// `authctl --profile open-webui ARGS` in the folder, the password (if
    /// any) in `PW`.
    fn authctl(&self, args: &[&str], password: Option<&str>) -> (i32, String, String) {
        let out = Command::new(BIN)
            .env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("HOME", self.root.path().join("os-home"))
            .envs(self.db_env())
            .envs(password.map(|p| ("PW", p)))
            .current_dir(self.home())
            .args(["--profile", "open-webui"])
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).trim().to_string(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn ok(&self, args: &[&str], password: Option<&str>) -> String {
        let (code, out, err) = self.authctl(args, password);
        assert_eq!(code, 0, "authctl {args:?}: {err}");
        out
    }

    fn ok_json(&self, args: &[&str], password: Option<&str>) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        serde_json::from_str(&self.ok(&all, password)).unwrap()
    }

    /// The environment `open-webui serve` runs with here (the fixture's
    /// start.sh): slim, offline, the folder as its working directory.
    fn server_env(&self) -> Vec<(&'static str, String)> {
        let mut env: Vec<(&str, String)> = [
            ("USE_SLIM_DOCKER", "true"),
            ("OFFLINE_MODE", "true"),
            ("HF_HUB_OFFLINE", "1"),
            ("ENABLE_OLLAMA_API", "false"),
            ("ENABLE_OPENAI_API", "false"),
            ("ENABLE_VERSION_UPDATE_CHECK", "false"),
            ("ANONYMIZED_TELEMETRY", "false"),
            ("DO_NOT_TRACK", "true"),
            ("SCARF_NO_ANALYTICS", "true"),
        ]
        .iter()
        .map(|(k, v)| (*k, v.to_string()))
        .collect();
        env.push((
            "PATH",
            format!("{}:/usr/bin:/bin", install().join("venv/bin").display()),
        ));
        env.push((
            "HOME",
            self.root.path().join("os-home").display().to_string(),
        ));
        if self.database_url.is_some() {
            env.push(("DATA_DIR", self.home().join("data").display().to_string()));
        }
        env.extend(self.db_env());
        env
    }

    fn start(&self) -> Server {
        use std::os::unix::process::CommandExt;
        let port = crate::free_port();
        let log = self.root.path().join(format!("server-{port}.log"));
        let mut cmd = Command::new(install().join("venv/bin/open-webui"));
        cmd.args(["serve", "--host", "127.0.0.1", "--port", &port.to_string()])
            .current_dir(self.home())
            .env_clear()
            .envs(self.server_env())
            .stdin(Stdio::null())
            .process_group(0);
        let child = crate::logging_to(&mut cmd, &log).spawn().unwrap();
        let mut server = Server { child, port, log };
        server.wait_ready();
        server
    }

    /// Open WebUI's own ciphers under `key` (`ciphers.py`): one result per
    /// job `[op, kind, text]`, `None` where a value does not decrypt.
    fn ciphers(&self, key: &str, jobs: Value) -> Vec<Option<String>> {
        let mut child = Command::new(install().join("venv/bin/python"))
            .arg(manifest().join("tests/e2e/open_webui/ciphers.py"))
            .current_dir(self.root.path())
            .env_clear()
            .envs(self.server_env())
            .env("DATA_DIR", self.root.path().join("cipher-data"))
            .env("WEBUI_SECRET_KEY", key)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(jobs.to_string().as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "ciphers.py: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let last = stdout.lines().last().unwrap_or_default();
        serde_json::from_str(last).unwrap_or_else(|e| panic!("ciphers.py said {stdout:?}: {e}"))
    }

    /// Rows of `sql` on the deployment's database, `|`-separated.
    fn sql(&self, sql: &str) -> String {
        let out = match &self.database_url {
            Some(url) => Command::new("psql")
                .args(["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", url, "-c", sql])
                .output()
                .unwrap(),
            None => Command::new("python3")
                .args([
                    "-c",
                    "import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nrows=c.execute(sys.argv[2]).fetchall()\nc.commit()\nprint('\\n'.join('|'.join('' if v is None else str(v) for v in r) for r in rows))",
                ])
                .arg(self.home().join("data/webui.db"))
                .arg(sql)
                .output()
                .unwrap(),
        };
        assert!(
            out.status.success(),
            "{sql}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }
}

struct Server {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        // uvicorn's process group: the server and anything it started.
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .status();
        let _ = self.child.wait();
    }
}

impl Server {
    fn wait_ready(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(240);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "open-webui exited with {status}: {}",
                    crate::log_tail(&self.log)
                );
            }
            if self.call("GET", "/ready", None, None).status == 200 {
                return;
            }
            std::thread::sleep(Duration::from_millis(500));
        }
        panic!("open-webui did not start: {}", crate::log_tail(&self.log));
    }

    fn call(
        &self,
        method: &str,
        path: &str,
        bearer: Option<&str>,
        body: Option<Value>,
    ) -> Response {
        let auth = bearer.map(|b| format!("Bearer {b}"));
        let headers: Vec<(&str, &str)> =
            auth.iter().map(|a| ("Authorization", a.as_str())).collect();
        http(
            self.port,
            method,
            path,
            &headers,
            body.map(|v| ("application/json", v.to_string())),
        )
    }

    /// `POST /api/v1/auths/signin`: its status, and the token on success.
    fn signin(&self, email: &str, password: &str) -> (u16, Option<String>) {
        let r = self.call(
            "POST",
            "/api/v1/auths/signin",
            None,
            Some(json!({"email": email, "password": password})),
        );
        let token = serde_json::from_str::<Value>(&r.body)
            .ok()
            .and_then(|v| v["token"].as_str().map(str::to_string));
        (r.status, token)
    }

    /// `GET /api/v1/auths/` (the session's user) with `token`.
    fn me(&self, token: &str) -> (u16, Value) {
        let r = self.call("GET", "/api/v1/auths/", Some(token), None);
        (
            r.status,
            serde_json::from_str(&r.body).unwrap_or(Value::Null),
        )
    }
}

#[test]
#[ignore = "real Open WebUI server: scripts/e2e.sh"]
fn users_passwords_keys_and_tokens_made_offline_work_on_the_server() {
    crate::require_tier();
    let _serial = crate::serial();
    let d = Deployment::sqlite("home");
    // Offline, the server stopped.
    let old_token = d.ok(&["token", "mint", "--user", ADMIN], None);
    d.ok(
        &[
            "superuser",
            "--username",
            ADMIN,
            "--reset-password",
            "--password-env",
            "PW",
        ],
        Some(NEW_PW),
    );
    d.ok(
        &["user", "add", CAROL, "--active", "--password-env", "PW"],
        Some(CAROL_PW),
    );
    d.ok(&["user", "activate", BOB], None);
    d.ok(&["user", "promote", BOB], None);
    let bob_key = d.ok_json(&["apikey", "create", "--user", BOB], None)["key"]
        .as_str()
        .unwrap()
        .to_string();
    let admin_key = d.ok_json(&["apikey", "create", "--user", ADMIN], None)["key"]
        .as_str()
        .unwrap()
        .to_string();
    let carol_token = d.ok(&["token", "mint", "--user", CAROL], None);

    let server = d.start();
    assert_eq!(server.signin(ADMIN, NEW_PW).0, 200, "the reset password");
    assert_eq!(server.signin(ADMIN, ADMIN_PW).0, 400, "the old password");
    assert_eq!(
        server.me(&old_token).0,
        401,
        "a token from before the reset"
    );
    let (status, me) = server.me(&carol_token);
    assert_eq!((status, me["email"].as_str()), (200, Some(CAROL)), "{me}");
    let (status, _) = server.signin(CAROL, CAROL_PW);
    assert_eq!(status, 200, "a user added offline");
    let (status, bob) = server.signin(BOB, BOB_PW);
    assert_eq!(status, 200, "bob, approved offline");
    assert_eq!(server.me(&bob.unwrap()).1["role"], "admin");
    for key in [&admin_key, &bob_key] {
        let r = server.call("GET", "/api/v1/users/", Some(key), None);
        assert_eq!(r.status, 200, "an offline API key: {}", r.body);
    }
    let users: Value = serde_json::from_str(
        &server
            .call("GET", "/api/v1/users/", Some(&admin_key), None)
            .body,
    )
    .unwrap();
    assert_eq!(users["total"], 3, "{users}");
    drop(server);

    // Offline again: bob deactivated, carol's sessions ended.
    d.ok(&["user", "deactivate", BOB], None);
    d.ok(&["token", "revoke", "--user", CAROL, "--all"], None);
    let server = d.start();
    let r = server.call("GET", "/api/v1/users/", Some(&bob_key), None);
    assert_eq!(r.status, 401, "a deactivated user's key: {}", r.body);
    assert_ne!(
        server.signin(BOB, BOB_PW).0,
        200,
        "a deactivated user logs in"
    );
    assert_eq!(server.me(&carol_token).0, 401, "a revoked session");
    assert_eq!(
        server.signin(CAROL, CAROL_PW).0,
        200,
        "a new login after the revocation"
    );
    assert_eq!(
        server
            .call("GET", "/api/v1/users/", Some(&admin_key), None)
            .status,
        200
    );
    // The primary admin stays, as the server keeps it.
    let (code, _, err) = d.authctl(&["user", "delete", ADMIN, "--yes"], None);
    assert_eq!(code, 4, "{err}");
}

#[test]
#[ignore = "real Open WebUI server: scripts/e2e.sh"]
fn a_rotation_leaves_the_server_and_its_ciphers_reading_every_value() {
    crate::require_tier();
    let _serial = crate::serial();
    let d = Deployment::sqlite("home-offline");
    let old = d.key();
    let root = d.sql("SELECT id FROM user WHERE email = 'root@example.com'");
    // Values of every kind, made by Open WebUI's own code under the key.
    let made = d.ciphers(
        &old,
        json!([
            ["encrypt", "mfa", "JBSWY3DPEHPK3PXP"],
            ["encrypt", "app", "app-secret-1"],
            ["encrypt", "valves", "{\"token\": \"valve-secret\"}"],
            [
                "encrypt",
                "client_info",
                "{\"client_id\": \"c1\", \"client_secret\": \"s1\"}"
            ],
            ["encrypt", "app", "connection-token-1"],
            ["encrypt", "valves", "{\"mine\": 1}"],
        ]),
    );
    let [Some(mfa), Some(app), Some(valves), Some(client), Some(connection), Some(user_valves)] =
        &made[..]
    else {
        panic!("{made:?}")
    };
    d.sql(&format!(
        "UPDATE auth SET mfa = '{}' WHERE id = '{root}'",
        json!({"revision": "r1", "secret": mfa, "last_step": -1, "recovery_hashes": []})
    ));
    d.sql(&format!(
        "INSERT INTO app (id, slug, name, user_id, is_active, data, api_key, created_at, updated_at) VALUES ('a1', 'a1', 'App', '{root}', 0, '{}', '{app}', 1, 1)",
        json!({"installation_id": "i1", "connection_token": connection})
    ));
    d.sql(&format!(
        "UPDATE user SET settings = '{}' WHERE id = '{root}'",
        json!({"tools": {"valves": {"t1": user_valves}}})
    ));
    d.sql(&format!(
        "INSERT INTO tool (id, user_id, name, content, specs, meta, valves, updated_at, created_at) VALUES ('t1', '{root}', 'T', '', '[]', '{{}}', '{}', 1, 1)",
        Value::String(valves.clone())
    ));
    d.sql(&format!(
        "UPDATE config SET value = '{}' WHERE key = 'tool_server.connections'",
        json!([{"url": "http://127.0.0.1:9", "path": "openapi.json", "auth_type": "oauth_2.1", "config": {"enable": false}, "info": {"id": "x", "name": "x", "oauth_client_info": client}}])
    ));
    let session = d.sql("SELECT token FROM oauth_session");
    let old_token = d.ok(&["token", "mint", "--user", "root@example.com"], None);

    let rotated = d.ok_json(&["secret", "rotate", "--yes"], None);
    assert_eq!(rotated["values"], 7, "{rotated}");
    let new = d.key();
    assert_ne!(new, old);
    let stored = |sql: &str| d.sql(sql);
    let mfa_doc: Value = serde_json::from_str(&stored(&format!(
        "SELECT mfa FROM auth WHERE id = '{root}'"
    )))
    .unwrap();
    let valves_doc: Value =
        serde_json::from_str(&stored("SELECT valves FROM tool WHERE id = 't1'")).unwrap();
    let conns: Value = serde_json::from_str(&stored(
        "SELECT value FROM config WHERE key = 'tool_server.connections'",
    ))
    .unwrap();
    let app_data: Value =
        serde_json::from_str(&stored("SELECT data FROM app WHERE id = 'a1'")).unwrap();
    let settings: Value = serde_json::from_str(&stored(&format!(
        "SELECT settings FROM user WHERE id = '{root}'"
    )))
    .unwrap();
    let jobs = json!([
        [
            "decrypt",
            "oauth_session",
            stored("SELECT token FROM oauth_session")
        ],
        ["decrypt", "mfa", mfa_doc["secret"]],
        [
            "decrypt",
            "app",
            stored("SELECT api_key FROM app WHERE id = 'a1'")
        ],
        ["decrypt", "valves", valves_doc],
        [
            "decrypt",
            "client_info",
            conns[0]["info"]["oauth_client_info"]
        ],
        ["decrypt", "app", app_data["connection_token"]],
        ["decrypt", "valves", settings["tools"]["valves"]["t1"]],
    ]);
    let under_new = d.ciphers(&new, jobs.clone());
    let under_old = d.ciphers(&old, jobs);
    let expected_session = d.ciphers(&old, json!([["decrypt", "oauth_session", session]]));
    assert_eq!(under_new[0], expected_session[0]);
    assert_eq!(under_new[1].as_deref(), Some("JBSWY3DPEHPK3PXP"));
    assert_eq!(under_new[2].as_deref(), Some("app-secret-1"));
    assert_eq!(
        under_new[3].as_deref(),
        Some("{\"token\": \"valve-secret\"}")
    );
    assert_eq!(
        under_new[4].as_deref(),
        Some("{\"client_id\": \"c1\", \"client_secret\": \"s1\"}")
    );
    assert_eq!(under_new[5].as_deref(), Some("connection-token-1"));
    assert_eq!(under_new[6].as_deref(), Some("{\"mine\": 1}"));
    assert!(under_old.iter().all(Option::is_none), "{under_old:?}");

    let server = d.start();
    let key = "sk-c8d9fb6bd41d4133954bf8e1c3a77aa1";
    let r = server.call(
        "GET",
        &format!("/api/v1/users/{root}/oauth/sessions"),
        Some(key),
        None,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(
        r.body.contains("dummy-access-OFFLINE"),
        "the server decrypts the session: {}",
        r.body
    );
    assert_eq!(
        d.sql("SELECT count(*) FROM oauth_session"),
        "1",
        "the server kept it"
    );
    assert_eq!(
        server.me(&old_token).0,
        401,
        "a token signed with the old key"
    );
    let token = d.ok(&["token", "mint", "--user", "root@example.com"], None);
    assert_eq!(server.me(&token).0, 200, "a token signed with the new key");
    assert_eq!(server.signin("root@example.com", "R00t!OwuiPass").0, 200);
}

#[test]
#[ignore = "real Open WebUI server: scripts/e2e.sh"]
fn on_postgresql_every_job_is_accepted_by_the_server() {
    crate::require_tier();
    let _serial = crate::serial();
    let d = Deployment::postgres();
    // Users moved from a SQLite deployment, hashes and all.
    let sqlite = Deployment::sqlite("home-offline");
    let (code, exported, err) = sqlite.authctl(&["export", "--with-hashes"], None);
    assert_eq!(code, 0, "{err}");
    let file = d.root.path().join("users.yaml");
    std::fs::write(&file, &exported).unwrap();
    d.ok(&["apply", &file.display().to_string()], None);
    let old_token = d.ok(&["token", "mint", "--user", ADMIN], None);
    d.ok(
        &[
            "superuser",
            "--username",
            ADMIN,
            "--reset-password",
            "--password-env",
            "PW",
        ],
        Some(NEW_PW),
    );
    d.ok(
        &["user", "add", CAROL, "--active", "--password-env", "PW"],
        Some(CAROL_PW),
    );
    let admin_key = d.ok_json(&["apikey", "create", "--user", ADMIN], None)["key"]
        .as_str()
        .unwrap()
        .to_string();
    // An OAuth session under the key, by Open WebUI's code, then a rotation.
    let admin_id = d.sql(&format!("SELECT id FROM \"user\" WHERE email = '{ADMIN}'"));
    let token = d.ciphers(
        &d.key(),
        json!([[
            "encrypt",
            "oauth_session",
            "{\"access_token\": \"pg-access\"}"
        ]]),
    );
    d.sql(&format!(
        "INSERT INTO oauth_session (id, user_id, provider, token, expires_at, created_at, updated_at) VALUES ('s1', '{admin_id}', 'oidc', '{}', 4102444800, 1, 1)",
        token[0].as_deref().unwrap()
    ));
    let rotated = d.ok_json(&["secret", "rotate", "--yes"], None);
    assert_eq!(rotated["values"], 1, "{rotated}");
    let carol_token = d.ok(&["token", "mint", "--user", CAROL], None);

    let server = d.start();
    assert_eq!(server.signin(ADMIN, NEW_PW).0, 200);
    assert_eq!(server.signin(ADMIN, ADMIN_PW).0, 400);
    assert_eq!(server.me(&old_token).0, 401);
    assert_eq!(server.me(&carol_token).0, 200);
    assert_eq!(server.signin(CAROL, CAROL_PW).0, 200);
    assert_eq!(
        server.signin("ursula@example.com", "Urs0la!OwuiPass").0,
        200,
        "a user applied from SQLite"
    );
    assert_eq!(
        server.signin("root@example.com", "R00t!OwuiPass").0,
        200,
        "an admin applied from SQLite"
    );
    assert_eq!(
        server
            .call("GET", "/api/v1/users/", Some(&admin_key), None)
            .status,
        200
    );
    let r = server.call(
        "GET",
        &format!("/api/v1/users/{admin_id}/oauth/sessions"),
        Some(&admin_key),
        None,
    );
    assert!(r.body.contains("pg-access"), "{}", r.body);
}
