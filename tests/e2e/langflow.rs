//! Against a real Langflow 1.13 server, and the servers of the earlier
//! releases authctl serves (1.10.3, 1.11.6, 1.12.8) on databases they made.
//!
//! `langflow-base==1.13.0` is installed once into the tier's cache
//! (`~/.cache/authctl-e2e/langflow-1.13.0`, about 40 s the first time; the
//! earlier releases beside it the same way); each
//! test starts the server on a temp copy of the fixture, bound to 127.0.0.1 on
//! a free port, and stops it by pid. Servers run one at a time: startup takes
//! ~30 s of both cores.

use crate::{manifest, require_tier, run, serial, BIN};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const ADMIN_PASSWORD: &str = "Correct-Horse-42!";
const CI_KEY: &str = "sk-5skxTQijT73dyho9aUcQbuq2hSZZVZ6pDhUs7Xo9Eoc";

/// A Langflow release the tier runs: its version and how it installs.
pub(crate) struct Release {
    pub version: &'static str,
    /// The backend package: `langflow-base` 0.x.y is Langflow 1.x.y up to
    /// 1.11, 1.x.y from 1.12.
    pub package: &'static str,
    /// What it needs beside it to start (up to 1.11: openai).
    pub extra: &'static [&'static str],
    /// The command that starts it (`langflow-base` before 1.12).
    pub command: &'static str,
}

/// The release most tests run.
pub(crate) const LATEST: Release = Release {
    version: "1.13.0",
    package: "langflow-base==1.13.0",
    extra: &[],
    command: "langflow",
};

/// A virtualenv with `release` installed, made once into the tier's cache.
fn venv_of(release: &Release) -> PathBuf {
    let venv = crate::cache_dir(&format!("langflow-{}", release.version));
    let stamp = venv.join(format!(".installed-{}", release.package.replace("==", "-")));
    if !stamp.exists() {
        let py = venv.join("bin").join("python");
        if !py.exists() {
            run(Command::new("python3").args(["-m", "venv"]).arg(&venv));
        }
        run(Command::new(&py).args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "uv",
        ]));
        run(Command::new(venv.join("bin").join("uv"))
            .args(["pip", "install", "--quiet", "--python"])
            .arg(&py)
            .arg(release.package)
            .args(release.extra));
        std::fs::write(&stamp, "").unwrap();
    }
    venv
}

/// The virtualenv with Langflow 1.13.0 (and the PostgreSQL driver), made once.
fn venv() -> &'static Path {
    static VENV: OnceLock<PathBuf> = OnceLock::new();
    VENV.get_or_init(|| {
        let venv = venv_of(&LATEST);
        // Langflow ships no PostgreSQL driver; its docs name psycopg.
        let pg_stamp = venv.join(".installed-psycopg-3.3.9");
        if !pg_stamp.exists() {
            run(Command::new(venv.join("bin").join("uv"))
                .args(["pip", "install", "--quiet", "--python"])
                .arg(venv.join("bin").join("python"))
                .arg("psycopg[binary]==3.3.9"));
            std::fs::write(&pg_stamp, "").unwrap();
        }
        venv
    })
}

/// A temp copy of the fixture config dir, or a fresh config dir whose
/// database is on the PostgreSQL server of `PG_TEST_URL`.
struct Deployment {
    root: tempfile::TempDir,
    /// `LANGFLOW_DATABASE_URL`, for the server and authctl alike.
    database_url: Option<String>,
    /// The release's virtualenv and start command, where not the latest's.
    venv: Option<(PathBuf, &'static str)>,
}

impl Deployment {
    /// A new database on the test server (scripts/e2e.sh starts one), and
    /// an empty config dir: Langflow makes its schema and secret key.
    fn postgres() -> Self {
        let (admin, name) = crate::new_pg_database("langflow");
        // postgresql://postgres:PW@HOST:PORT/postgres?sslmode=disable
        let (server, _) = admin.rsplit_once('/').unwrap();
        let url = format!(
            "{}/{name}",
            server.replacen("postgresql://", "postgresql+psycopg://", 1)
        );
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join("langflow")).unwrap();
        std::fs::create_dir_all(root.path().join("home")).unwrap();
        Deployment {
            root,
            database_url: Some(url),
            venv: None,
        }
    }

    /// psql on this deployment's PostgreSQL database: rows as `a|b` lines.
    fn psql(&self, sql: &str) -> String {
        let url = self
            .database_url
            .as_ref()
            .expect("a PostgreSQL deployment")
            .replacen("postgresql+psycopg://", "postgresql://", 1);
        let out = Command::new("psql")
            .args(["-X", "-q", "-A", "-t", &url, "-c", sql])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "psql {sql}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    fn new() -> Self {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("langflow");
        std::fs::create_dir_all(&dir).unwrap();
        let fixture = manifest().join("tests/fixtures/langflow-1.13");
        for name in ["langflow.db", "secret_key"] {
            std::fs::copy(fixture.join(name), dir.join(name)).unwrap();
            std::fs::set_permissions(dir.join(name), std::fs::Permissions::from_mode(0o600))
                .unwrap();
        }
        std::fs::create_dir_all(root.path().join("home")).unwrap();
        Deployment {
            root,
            database_url: None,
            venv: None,
        }
    }

    /// A config dir holding a copy of the database `release`'s own server
    /// made (tests/fixtures/langflow-versions), to run on that release,
    /// with a fresh secret key (the server's was not kept) and without the
    /// values stored under the old one.
    fn made_by(release: &Release, short_key: Option<&str>) -> Self {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("langflow");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::create_dir_all(root.path().join("home")).unwrap();
        let db = dir.join("langflow.db");
        std::fs::copy(
            manifest().join(format!(
                "tests/fixtures/langflow-versions/langflow-{}.db",
                release.version
            )),
            &db,
        )
        .unwrap();
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o600)).unwrap();
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("DELETE FROM apikey; DELETE FROM variable;")
            .unwrap();
        drop(conn);
        let d = Deployment {
            root,
            database_url: None,
            venv: Some((venv_of(release), release.command)),
        };
        match short_key {
            None => {
                d.ok(&["secret", "generate", "--write"], &[]);
            }
            Some(key) => {
                let path = d.dir().join("secret_key");
                std::fs::write(&path, key).unwrap();
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
            }
        }
        d
    }

    fn dir(&self) -> PathBuf {
        self.root.path().join("langflow")
    }

    /// `authctl --profile langflow ARGS` with `env`; returns (code, stdout, stderr).
    fn authctl(
        &self,
        args: &[&str],
        env: &[(&str, &str)],
        stdin: Option<&str>,
    ) -> (i32, String, String) {
        use std::io::Write;
        let mut cmd = Command::new(BIN);
        cmd.env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("HOME", self.root.path().join("home"))
            .env("LANGFLOW_CONFIG_DIR", self.dir())
            .env("AUTHCTL_BCRYPT_COST", "10")
            .envs(
                self.database_url
                    .iter()
                    .map(|u| ("LANGFLOW_DATABASE_URL", u)),
            )
            .arg("--profile")
            .arg("langflow")
            .args(args)
            .envs(env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let mut input = child.stdin.take().unwrap();
        if let Some(s) = stdin {
            input.write_all(s.as_bytes()).unwrap();
        }
        drop(input);
        let out = child.wait_with_output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).trim().to_string(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// The fixture's credential variable decrypts, under the current key,
    /// to its value.
    fn assert_credential_decrypts(&self) {
        let token: String = rusqlite::Connection::open(self.dir().join("langflow.db"))
            .unwrap()
            .query_row(
                "select value from variable where name='OPENAI_API_KEY'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let (code, plain, err) = self.authctl(&["secret", "decrypt"], &[], Some(&token));
        assert_eq!(
            (code, plain.as_str()),
            (0, "sk-test-credential-value-123"),
            "{err}"
        );
    }

    fn ok(&self, args: &[&str], env: &[(&str, &str)]) -> String {
        let (code, out, err) = self.authctl(args, env, None);
        assert_eq!(code, 0, "authctl {args:?}: {err}");
        out
    }

    fn start(&self, extra_env: &[(&str, &str)]) -> Server {
        let port = crate::free_port();
        let log = self.root.path().join(format!("server-{port}.log"));
        let (venv, command) = self
            .venv
            .clone()
            .unwrap_or_else(|| (venv().to_path_buf(), LATEST.command));
        let mut cmd = Command::new(venv.join("bin").join(command));
        cmd.args([
            "run",
            "--host",
            "127.0.0.1",
            "--port",
            &port.to_string(),
            "--backend-only",
        ])
        .env_clear()
        .env(
            "PATH",
            format!("{}:/usr/bin:/bin", venv.join("bin").display()),
        )
        .env("HOME", self.root.path().join("home"))
        .env("LANGFLOW_CONFIG_DIR", self.dir())
        .env("LANGFLOW_SAVE_DB_IN_CONFIG_DIR", "true")
        .env("LANGFLOW_AUTO_LOGIN", "False")
        .env("LANGFLOW_SUPERUSER", "admin")
        .env("LANGFLOW_SUPERUSER_PASSWORD", ADMIN_PASSWORD)
        .env("LANGFLOW_RATE_LIMIT_ENABLED", "false")
        .envs(
            self.database_url
                .iter()
                .map(|u| ("LANGFLOW_DATABASE_URL", u)),
        )
        .env("DO_NOT_TRACK", "true")
        .envs(extra_env.iter().copied())
        .stdin(Stdio::null());
        // Its own process group: older releases leave worker processes
        // behind their launcher, which go with the group.
        std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        let child = crate::logging_to(&mut cmd, &log).spawn().unwrap();
        let mut server = Server { child, port, log };
        server.wait_healthy();
        server
    }
}

struct Server {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl Drop for Server {
    /// The whole process group: asked to stop, then killed, workers and
    /// all.
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let signal = |sig: &str| {
            let _ = Command::new("kill")
                .args([sig, "--", &group])
                .stderr(Stdio::null())
                .status();
        };
        signal("-TERM");
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        signal("-KILL");
        let _ = self.child.wait();
    }
}

impl Server {
    fn wait_healthy(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(240);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("langflow exited with {status}: {}", self.log_tail());
            }
            if self.request("GET", "/health", &[], None).0 == 200 {
                return;
            }
            std::thread::sleep(Duration::from_millis(500));
        }
        panic!("langflow did not become healthy: {}", self.log_tail());
    }

    fn log_tail(&self) -> String {
        crate::log_tail(&self.log)
    }

    /// One HTTP request over loopback; returns (status, body).
    fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        form: Option<&[(&str, &str)]>,
    ) -> (u16, String) {
        let body = form.map(|f| {
            let text = f
                .iter()
                .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
                .collect::<Vec<_>>()
                .join("&");
            ("application/x-www-form-urlencoded", text)
        });
        self.request_body(method, path, headers, body)
    }

    /// One HTTP request with a body of the given content type.
    fn request_body(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        content: Option<(&str, String)>,
    ) -> (u16, String) {
        let r = crate::http(self.port, method, path, headers, content);
        (r.status, r.body)
    }

    fn login(&self, user: &str, password: &str) -> (u16, String) {
        self.request(
            "POST",
            "/api/v1/login",
            &[],
            Some(&[("username", user), ("password", password)]),
        )
    }

    fn access_token(&self, user: &str, password: &str) -> String {
        let (status, body) = self.login(user, password);
        assert_eq!(status, 200, "login {user}: {body}");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        v["access_token"].as_str().unwrap().to_string()
    }

    fn whoami_bearer(&self, token: &str) -> (u16, String) {
        self.request(
            "GET",
            "/api/v1/users/whoami",
            &[("Authorization", &format!("Bearer {token}"))],
            None,
        )
    }

    fn whoami_key(&self, key: &str) -> (u16, String) {
        self.request("GET", "/api/v1/users/whoami", &[("x-api-key", key)], None)
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn username_of(body: &str) -> String {
    serde_json::from_str::<serde_json::Value>(body).unwrap()["username"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn users_tokens_and_api_keys_made_by_authctl_work_on_the_server() {
    require_tier();
    let _one = serial();
    let d = Deployment::new();
    let server = d.start(&[]);

    // A user added by authctl waits for approval until activated, then logs in.
    let (code, _, err) = d.authctl(
        &["user", "add", "dave", "--password-stdin"],
        &[],
        Some("Quiet-Harbor-2027\n"),
    );
    assert_eq!(code, 0, "{err}");
    let (status, body) = server.login("dave", "Quiet-Harbor-2027");
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("Waiting for approval"), "{body}");
    d.ok(&["user", "activate", "dave"], &[]);
    server.access_token("dave", "Quiet-Harbor-2027");

    // The forgotten-password fix: the server checks the new password.
    let (code, _, err) = d.authctl(
        &[
            "superuser",
            "--username",
            "admin",
            "--reset-password",
            "--password-stdin",
        ],
        &[],
        Some("Brand-New-Root-Pass-1\n"),
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(server.login("admin", ADMIN_PASSWORD).0, 401);
    let server_token = server.access_token("admin", "Brand-New-Root-Pass-1");

    // An HS256 token minted offline is accepted by whoami, and the server's
    // own token verifies with authctl.
    let token = d.ok(&["token", "mint", "--user", "dave"], &[]);
    let (status, body) = server.whoami_bearer(&token);
    assert_eq!(status, 200, "{body}");
    assert_eq!(username_of(&body), "dave");
    d.ok(&["token", "verify", &server_token, "--type", "access"], &[]);
    // Deactivated: the server refuses the token, and so does authctl.
    d.ok(&["user", "deactivate", "dave"], &[]);
    assert_eq!(server.whoami_bearer(&token).0, 401);
    assert_eq!(d.authctl(&["token", "verify", &token], &[], None).0, 1);

    // API keys: accepted in x-api-key, refused once revoked; the fixture's key still works.
    let key = d.ok(
        &["apikey", "create", "--user", "admin", "--name", "e2e"],
        &[],
    );
    let (status, body) = server.whoami_key(&key);
    assert_eq!(status, 200, "{body}");
    assert_eq!(username_of(&body), "admin");
    d.ok(&["apikey", "revoke", "e2e"], &[]);
    assert_eq!(server.whoami_key(&key).0, 403);
    assert_eq!(server.whoami_key(CI_KEY).0, 200);
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn rs256_keys_from_authctl_sign_tokens_both_ways() {
    require_tier();
    let _one = serial();
    let d = Deployment::new();
    let rs = [("LANGFLOW_ALGORITHM", "RS256")];
    d.ok(&["keygen"], &rs);
    let private_before = std::fs::read(d.dir().join("private_key.pem")).unwrap();
    let server = d.start(&rs);
    // Langflow used the keys as they were.
    assert_eq!(
        std::fs::read(d.dir().join("private_key.pem")).unwrap(),
        private_before
    );
    let server_token = server.access_token("admin", ADMIN_PASSWORD);
    let header = d.ok(&["--json", "token", "decode", &server_token], &[]);
    assert!(header.contains("\"RS256\""), "{header}");
    d.ok(&["token", "verify", &server_token], &rs);
    let ours = d.ok(&["token", "mint", "--user", "admin"], &rs);
    let (status, body) = server.whoami_bearer(&ours);
    assert_eq!(status, 200, "{body}");
    assert_eq!(username_of(&body), "admin");
    // An HS256 token is refused by both once the deployment is RS256.
    let hs = d.ok(&["token", "mint", "--user", "admin", "--alg", "HS256"], &[]);
    assert_eq!(server.whoami_bearer(&hs).0, 401);
    assert_eq!(d.authctl(&["token", "verify", &hs], &rs, None).0, 1);
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn after_secret_rotation_the_server_still_works() {
    require_tier();
    let _one = serial();
    let d = Deployment::new();
    let old_secret = std::fs::read_to_string(d.dir().join("secret_key")).unwrap();
    let (code, _, err) = d.authctl(&["secret", "rotate", "--yes"], &[], None);
    assert_eq!(code, 0, "{err}");
    let new_secret = std::fs::read_to_string(d.dir().join("secret_key")).unwrap();
    assert_ne!(old_secret.trim(), new_secret.trim());
    let server = d.start(&[]);
    // Starts, logs users in, accepts the old API key.
    server.access_token("admin", ADMIN_PASSWORD);
    server.access_token("bob", "Another-Pass-77");
    let (status, body) = server.whoami_key(CI_KEY);
    assert_eq!(status, 200, "{body}");
    // The server still decrypts the credential variable.
    let (status, body) =
        server.request("GET", "/api/v1/variables/", &[("x-api-key", CI_KEY)], None);
    assert_eq!(status, 200, "{body}");
    let vars: serde_json::Value = serde_json::from_str(&body).unwrap();
    let openai = vars
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == "OPENAI_API_KEY")
        .unwrap();
    assert_eq!(openai["has_value"], true, "{openai}");
    // And it decrypts to its old value under the new key.
    d.assert_credential_decrypts();
    // Tokens under the new key are accepted; under the old one, refused.
    let ours = d.ok(&["token", "mint", "--user", "admin"], &[]);
    assert_eq!(server.whoami_bearer(&ours).0, 200);
    let old = d.ok(
        &["token", "mint", "--user", "admin"],
        &[("LANGFLOW_SECRET_KEY", old_secret.trim())],
    );
    assert_eq!(server.whoami_bearer(&old).0, 401);
}

/// Key rescue, proven by the server's own decryption: with the stored
/// key's hash cleared (a key from before Langflow hashed them), Langflow
/// 1.13 accepts an `x-api-key` only by decrypting the stored key with its
/// current secret (`_check_key_from_db_with_context`, the legacy path).
#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn after_a_redeploy_lost_the_key_identify_and_rotate_from_key_restore_it() {
    require_tier();
    let _one = serial();
    let d = Deployment::new();
    let db = d.dir().join("langflow.db");
    let sql = |q: &str| {
        rusqlite::Connection::open(&db)
            .unwrap()
            .execute(q, [])
            .unwrap();
    };
    sql("update apikey set api_key_hash = null");
    // The redeploy: a fresh secret key; the old one only in an old .env
    // outside the config dir, beside decoys.
    let old = std::fs::read_to_string(d.dir().join("secret_key")).unwrap();
    let saved = d.root.path().join("saved");
    std::fs::create_dir_all(&saved).unwrap();
    let old_env = saved.join("old.env");
    std::fs::write(&old_env, format!("LANGFLOW_SECRET_KEY={}\n", old.trim())).unwrap();
    let decoy = saved.join("decoy.key");
    std::fs::write(&decoy, "Zq1Xv8LmN3bR7tY2wK9pC4sD6fG0hJ5aUe-ITo_yWrQ\n").unwrap();
    let other = saved.join("other.env");
    std::fs::write(
        &other,
        "LANGFLOW_SECRET_KEY=Hn4Tq8Wz2Lm6Pr0Vx3Bc7Kd1Fg5Js9AyEuIoOpQaRsT\n",
    )
    .unwrap();
    std::fs::write(
        d.dir().join("secret_key"),
        "r3deployedKey-9Xc2Vb7Nm4Lk8Jh3Gf6Ds1Aq5Wz0E",
    )
    .unwrap();
    {
        let server = d.start(&[]);
        let (status, body) = server.whoami_key(CI_KEY);
        assert_eq!(
            status, 403,
            "the new key cannot decrypt the stored API key: {body}"
        );
    }
    let (code, out, err) = d.authctl(
        &[
            "--json",
            "secret",
            "identify",
            decoy.to_str().unwrap(),
            other.to_str().unwrap(),
            old_env.to_str().unwrap(),
        ],
        &[],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(
        report["all_under"]
            .as_str()
            .unwrap_or_default()
            .starts_with(old_env.to_str().unwrap()),
        "{report}"
    );
    d.ok(
        &[
            "secret",
            "rotate",
            "--from-key",
            old_env.to_str().unwrap(),
            "--yes",
        ],
        &[],
    );
    let server = d.start(&[]);
    let (status, body) = server.whoami_key(CI_KEY);
    assert_eq!(
        status, 200,
        "rescued: the server decrypts the stored key again: {body}"
    );
    // The credential variable is under the current key too.
    d.assert_credential_decrypts();
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn a_server_started_on_inits_env_file_uses_its_secret_key() {
    require_tier();
    let _one = serial();
    let d = Deployment::new();
    // A new deployment: no secret key yet. (Beside an existing secret_key
    // file, init leaves LANGFLOW_SECRET_KEY out, since the variable would
    // take the place of the key the stored values are under:
    // tests/cli/init.rs.)
    std::fs::remove_file(d.dir().join("secret_key")).unwrap();
    let env_file = d.root.path().join("init.env");
    std::fs::write(
        &env_file,
        "# a deployment's .env\nLANGFLOW_AUTO_LOGIN=False\n",
    )
    .unwrap();
    d.ok(&["init", "--out", env_file.to_str().unwrap()], &[]);
    let text = std::fs::read_to_string(&env_file).unwrap();
    let key = text
        .lines()
        .find_map(|l| l.strip_prefix("LANGFLOW_SECRET_KEY="))
        .expect("init added LANGFLOW_SECRET_KEY")
        .to_string();
    let server = d.start(&[("LANGFLOW_SECRET_KEY", &key)]);
    // Its login's tokens verify under the key init wrote, and tokens
    // authctl signs with it are accepted.
    let theirs = server.access_token("admin", ADMIN_PASSWORD);
    let file = env_file.to_str().unwrap();
    d.ok(&["--env-file", file, "token", "verify", &theirs], &[]);
    let ours = d.ok(
        &["--env-file", file, "token", "mint", "--user", "admin"],
        &[],
    );
    assert_eq!(server.whoami_bearer(&ours).0, 200);
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn on_postgresql_every_job_is_accepted_by_the_server() {
    require_tier();
    let _one = serial();
    let d = Deployment::postgres();
    // Langflow makes its schema, its secret key and the superuser.
    let server = d.start(&[]);
    assert_eq!(
        d.psql("SELECT version_num FROM alembic_version"),
        "e5a7c9b1d3f2"
    );
    let admin_token = server.access_token("admin", ADMIN_PASSWORD);
    // A credential variable, stored encrypted under the secret key.
    let (status, body) = server.request_body(
        "POST",
        "/api/v1/variables/",
        &[("Authorization", &format!("Bearer {admin_token}"))],
        Some((
            "application/json",
            r#"{"name": "OPENAI_API_KEY", "value": "sk-pg-credential-42", "type": "Credential", "default_fields": []}"#.to_string(),
        )),
    );
    assert!(status == 200 || status == 201, "{status} {body}");

    // Users: added, then activated; both as Langflow sees them.
    let (code, _, err) = d.authctl(
        &["user", "add", "dave", "--password-stdin"],
        &[],
        Some("Quiet-Harbor-2027\n"),
    );
    assert_eq!(code, 0, "{err}");
    let (status, body) = server.login("dave", "Quiet-Harbor-2027");
    assert_eq!(status, 400, "{body}");
    d.ok(&["user", "activate", "dave"], &[]);
    server.access_token("dave", "Quiet-Harbor-2027");
    // The admin's password reset.
    let (code, _, err) = d.authctl(
        &[
            "superuser",
            "--username",
            "admin",
            "--reset-password",
            "--password-stdin",
        ],
        &[],
        Some("Brand-New-Root-Pass-1\n"),
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(server.login("admin", ADMIN_PASSWORD).0, 401);
    let server_token = server.access_token("admin", "Brand-New-Root-Pass-1");
    d.ok(&["token", "verify", &server_token, "--type", "access"], &[]);
    // An HS256 token minted offline.
    let token = d.ok(&["token", "mint", "--user", "dave"], &[]);
    let (status, body) = server.whoami_bearer(&token);
    assert_eq!(status, 200, "{body}");
    assert_eq!(username_of(&body), "dave");
    // An API key, accepted in x-api-key; a revoked one refused.
    let key = d.ok(
        &["apikey", "create", "--user", "admin", "--name", "ci"],
        &[],
    );
    assert_eq!(username_of(&server.whoami_key(&key).1), "admin");
    let gone = d.ok(
        &["apikey", "create", "--user", "dave", "--name", "gone"],
        &[],
    );
    assert_eq!(server.whoami_key(&gone).0, 200);
    d.ok(&["apikey", "revoke", "gone"], &[]);
    assert_eq!(server.whoami_key(&gone).0, 403);
    drop(server);

    // Rotate the secret key (offline), and move to RS256 keys from authctl.
    let (code, _, err) = d.authctl(&["secret", "rotate", "--yes"], &[], None);
    assert_eq!(code, 0, "{err}");
    let rs = [("LANGFLOW_ALGORITHM", "RS256")];
    d.ok(&["keygen"], &rs);
    let server = d.start(&rs);
    // The API key made before the rotation still works; the variable
    // decrypts to its old value under the new key.
    assert_eq!(username_of(&server.whoami_key(&key).1), "admin");
    let stored = d.psql("SELECT value FROM variable WHERE name = 'OPENAI_API_KEY'");
    let (code, plain, err) = d.authctl(&["secret", "decrypt"], &[], Some(&stored));
    assert_eq!(code, 0, "{err}");
    assert_eq!(plain, "sk-pg-credential-42");
    let (status, body) = server.request("GET", "/api/v1/variables/", &[("x-api-key", &key)], None);
    assert_eq!(status, 200, "{body}");
    // An RS256 token minted offline, and the server's own, both ways.
    let ours = d.ok(&["token", "mint", "--user", "admin"], &rs);
    let (status, body) = server.whoami_bearer(&ours);
    assert_eq!(status, 200, "{body}");
    assert_eq!(username_of(&body), "admin");
    let theirs = server.access_token("admin", "Brand-New-Root-Pass-1");
    d.ok(&["token", "verify", &theirs], &rs);
    // A deleted user takes her API key along (PostgreSQL enforces the
    // foreign key), and can no longer log in.
    let (code, _, err) = d.authctl(
        &["user", "add", "erin", "--active", "--password-stdin"],
        &[],
        Some("Velvet-Canyon-88\n"),
    );
    assert_eq!(code, 0, "{err}");
    let erins = d.ok(
        &["apikey", "create", "--user", "erin", "--name", "erin"],
        &[],
    );
    assert_eq!(username_of(&server.whoami_key(&erins).1), "erin");
    d.ok(&["user", "delete", "erin", "--yes"], &[]);
    assert_eq!(
        d.psql("SELECT count(*) FROM \"user\" WHERE username = 'erin'"),
        "0"
    );
    assert_eq!(
        d.psql("SELECT count(*) FROM apikey WHERE name = 'erin'"),
        "0"
    );
    assert_eq!(server.whoami_key(&erins).0, 403);
    assert_eq!(server.login("erin", "Velvet-Canyon-88").0, 401);
}

/// A key no fixture holds.
const APPLY_KEY: &str = "sk-Ap7lyK3yN0tInAnyF1xtureZq8wT5vR2mL6cX9bJ4hDs";

/// The file both apply tests declare (with users no fixture has): a known password, a generated one,
/// a key given in a variable and a generated key.
const ACCOUNTS: &str = "\
users:
  - name: admin
    superuser: true
    active: true
  - name: dana
    active: true
    password_env: DANA_PW
  - name: svc-bot
    generate: true
api_keys:
  - name: ci
    owner: dana
    key_env: APPLY_KEY
  - name: svc-bot-key
    owner: svc-bot
";

/// Apply `ACCOUNTS` to `d` and check every declared user logs in to
/// `server` and every declared key is accepted as its owner's.
fn apply_and_check(d: &Deployment, server: &Server) {
    let file = d.root.path().join("accounts.yaml");
    std::fs::write(&file, ACCOUNTS).unwrap();
    let file = file.display().to_string();
    let env = [("DANA_PW", "Quiet-Harbor-2027"), ("APPLY_KEY", APPLY_KEY)];
    let (code, out, err) = d.authctl(&["--json", "apply", &file], &env, None);
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["create"], 4, "{report}");
    let svc_pw = report["generated"]["users"][0]["password"]
        .as_str()
        .unwrap();
    let svc_key = report["generated"]["api_keys"][0]["key"].as_str().unwrap();
    for (user, pw) in [
        ("admin", ADMIN_PASSWORD),
        ("dana", "Quiet-Harbor-2027"),
        ("svc-bot", svc_pw),
    ] {
        let token = server.access_token(user, pw);
        assert_eq!(username_of(&server.whoami_bearer(&token).1), user);
    }
    assert_eq!(username_of(&server.whoami_key(APPLY_KEY).1), "dana");
    assert_eq!(username_of(&server.whoami_key(svc_key).1), "svc-bot");
    // Applied again while the server runs: nothing to do.
    let (code, out, err) = d.authctl(&["apply", &file], &env, None);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    assert!(err.contains("nothing to do"), "{err}");
    // A new key in the variable replaces the old one on the server too.
    let next = "sk-9rTfW2xKpL4mN7qB1cZ8vY3hD6jS0aG5eU2iO8wE4tQ";
    let (code, out, err) = d.authctl(
        &["apply", &file],
        &[("DANA_PW", "Quiet-Harbor-2027"), ("APPLY_KEY", next)],
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "~ api_key \"ci\" of \"dana\" (key)");
    assert_eq!(username_of(&server.whoami_key(next).1), "dana");
    assert_eq!(server.whoami_key(APPLY_KEY).0, 403);
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn a_file_applied_to_the_database_logs_in_on_the_server() {
    require_tier();
    let _one = serial();
    let d = Deployment::new();
    let server = d.start(&[]);
    apply_and_check(&d, &server);
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn on_postgresql_a_file_applied_to_the_database_logs_in_on_the_server() {
    require_tier();
    let _one = serial();
    let d = Deployment::postgres();
    let server = d.start(&[]);
    apply_and_check(&d, &server);
}

/// The earlier releases authctl serves, each on a database its own server
/// made: users, a reset, an offline token and API key (in the form that
/// release stores keys), and a rotation are accepted by that release's
/// real server. With `short_key`, the secret key is under 32 characters,
/// so the API key is under the Fernet key the release derives from it.
fn every_job_on_release(release: &Release, short_key: Option<&str>) {
    require_tier();
    let _one = serial();
    let d = Deployment::made_by(release, short_key);
    let (code, _, err) = d.authctl(
        &["user", "add", "dave", "--active", "--password-stdin"],
        &[],
        Some("Quiet-Harbor-2027\n"),
    );
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = d.authctl(
        &[
            "superuser",
            "--username",
            "admin",
            "--reset-password",
            "--password-stdin",
        ],
        &[],
        Some("Brand-New-Root-Pass-1\n"),
    );
    assert_eq!(code, 0, "{err}");
    let key = d.ok(
        &["apikey", "create", "--user", "dave", "--name", "e2e"],
        &[],
    );
    let token = d.ok(&["token", "mint", "--user", "dave"], &[]);
    {
        let server = d.start(&[]);
        server.access_token("dave", "Quiet-Harbor-2027");
        assert_eq!(server.login("admin", ADMIN_PASSWORD).0, 401);
        let admin = server.access_token("admin", "Brand-New-Root-Pass-1");
        let (status, body) = server.whoami_bearer(&token);
        assert_eq!(status, 200, "{} token: {body}", release.version);
        assert_eq!(username_of(&body), "dave");
        let (status, body) = server.whoami_key(&key);
        assert_eq!(status, 200, "{} API key: {body}", release.version);
        assert_eq!(username_of(&body), "dave");
        // A credential the server encrypts itself, under the Fernet key it
        // derives from the secret key.
        let (status, body) = server.request_body(
            "POST",
            "/api/v1/variables/",
            &[("Authorization", &format!("Bearer {admin}"))],
            Some((
                "application/json",
                r#"{"name": "E2E_SECRET", "value": "sk-e2e-credential-7", "type": "Credential", "default_fields": []}"#.to_string(),
            )),
        );
        assert!(
            status == 200 || status == 201,
            "{} variable: {status} {body}",
            release.version
        );
    }
    // A rotation while the server is stopped: every value the server and
    // authctl stored moves to the new key. The restarted server takes the
    // key, and the credential decrypts to what the server was given.
    d.ok(&["secret", "rotate", "--yes"], &[]);
    let stored: String = rusqlite::Connection::open(d.dir().join("langflow.db"))
        .unwrap()
        .query_row(
            "SELECT value FROM variable WHERE name = 'E2E_SECRET'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let (code, plain, err) = d.authctl(&["secret", "decrypt"], &[], Some(&stored));
    assert_eq!(
        code, 0,
        "{} credential after rotation: {err}",
        release.version
    );
    assert_eq!(plain, "sk-e2e-credential-7");
    let server = d.start(&[]);
    let (status, body) = server.whoami_key(&key);
    assert_eq!(status, 200, "{} after rotation: {body}", release.version);
    let token = d.ok(&["token", "mint", "--user", "dave"], &[]);
    assert_eq!(server.whoami_bearer(&token).0, 200);
    let (status, body) = server.request("GET", "/api/v1/variables/", &[("x-api-key", &key)], None);
    assert_eq!(
        status, 200,
        "{} variables after rotation: {body}",
        release.version
    );
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn langflow_1_12_8_accepts_every_job() {
    every_job_on_release(
        &Release {
            version: "1.12.8",
            package: "langflow-base==1.12.8",
            extra: &[],
            command: "langflow",
        },
        None,
    );
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn langflow_1_11_6_accepts_every_job() {
    every_job_on_release(
        &Release {
            version: "1.11.6",
            package: "langflow-base==0.11.6",
            extra: &["openai"],
            command: "langflow-base",
        },
        None,
    );
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn langflow_1_10_3_accepts_every_job() {
    // Its short secret key becomes the Fernet key by SHA-256.
    every_job_on_release(
        &Release {
            version: "1.10.3",
            package: "langflow-base==0.10.3",
            extra: &["openai"],
            command: "langflow-base",
        },
        Some(SHORT_KEY),
    );
}

/// A secret key under 32 characters, as some deployments have.
const SHORT_KEY: &str = "popcorn-and-peanuts";

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn langflow_1_8_4_accepts_every_job() {
    // API keys as Fernet tokens without a hash, under the Fernet key its
    // short secret key becomes by random.seed.
    every_job_on_release(
        &Release {
            version: "1.8.4",
            package: "langflow-base==0.8.4",
            extra: &["openai"],
            command: "langflow-base",
        },
        Some(SHORT_KEY),
    );
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn langflow_1_5_1_accepts_every_job() {
    // API keys in plain text.
    every_job_on_release(
        &Release {
            version: "1.5.1",
            package: "langflow-base==0.5.1",
            extra: &["openai"],
            command: "langflow-base",
        },
        None,
    );
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn langflow_1_3_4_accepts_every_job() {
    // No user.optins either.
    every_job_on_release(
        &Release {
            version: "1.3.4",
            package: "langflow-base==0.3.4",
            extra: &["openai"],
            command: "langflow-base",
        },
        None,
    );
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn langflow_1_1_4_accepts_every_job() {
    every_job_on_release(
        &Release {
            version: "1.1.4.post1",
            package: "langflow-base==0.1.4.post1",
            extra: &[],
            command: "langflow-base",
        },
        None,
    );
}
