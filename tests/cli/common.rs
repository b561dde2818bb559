//! A hermetic environment for running the real binary, and the Python
//! verifiers (bcrypt, PyJWT, cryptography) the tests compare against.

#![allow(dead_code)]

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub const BIN: &str = env!("CARGO_BIN_EXE_authctl");
pub const PASSWORD: &str = "Correct-Horse-42!";

/// The database engine a test environment's native store is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Engine {
    /// The config dir's `authctl.db`.
    Sqlite,
    /// A fresh database of its own on the server of `PG_TEST_URL`.
    Postgres(PgDb),
}

/// A database made for one test on the test server, dropped with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgDb {
    /// The URL authctl is given (no password: that is in PGPASSWORD).
    pub url: String,
    pub password: String,
    /// The server's admin URL (with password), for psql.
    pub admin: String,
    pub name: String,
}

/// The engine the suite runs on: `TEST_ENGINE=postgres` (with
/// `PG_TEST_URL`, an admin URL of a server to make databases on; see
/// scripts/e2e.sh, which starts one) runs every engine-neutral test on
/// PostgreSQL; otherwise SQLite.
#[allow(clippy::disallowed_methods)]
pub fn engine_is_postgres() -> bool {
    std::env::var("TEST_ENGINE").as_deref() == Ok("postgres")
}

#[allow(clippy::disallowed_methods)]
fn new_pg_database() -> PgDb {
    let admin = std::env::var("PG_TEST_URL").expect(
        "TEST_ENGINE=postgres needs PG_TEST_URL (scripts/e2e.sh starts a server and sets it)",
    );
    static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let name = format!(
        "t_{}_{}",
        std::process::id(),
        N.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
    );
    psql(&admin, &format!("CREATE DATABASE {name}"));
    // postgresql://USER:PASSWORD@HOST:PORT/DB?QUERY
    let (scheme_auth, rest) = admin
        .split_once('@')
        .expect("PG_TEST_URL has user:password@");
    let (scheme_user, password) = scheme_auth
        .rsplit_once(':')
        .expect("PG_TEST_URL has a password");
    let (hostport, query) = rest.split_once('/').expect("PG_TEST_URL has /dbname");
    let query = query
        .split_once('?')
        .map(|(_, q)| format!("?{q}"))
        .unwrap_or_default();
    let url = format!("{scheme_user}@{hostport}/{name}{query}");
    let admin_db = format!("{scheme_user}:{password}@{hostport}/{name}{query}");
    PgDb {
        url,
        password: password.to_string(),
        admin: admin_db,
        name,
    }
}

/// Run SQL with psql on `url`; rows as `a|b` lines. Panics on failure.
pub fn psql(url: &str, sql: &str) -> String {
    let out = std::process::Command::new("psql")
        .args([
            "-X",
            "-q",
            "-A",
            "-t",
            "-F",
            "|",
            "-v",
            "ON_ERROR_STOP=1",
            url,
            "-c",
            sql,
        ])
        .env_remove("PGPASSWORD")
        .output()
        .expect("run psql");
    assert!(
        out.status.success(),
        "psql {sql:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim_end().to_string()
}

/// Run the SQL file `path` with psql on `url`. Panics on failure.
pub fn psql_file(url: &str, path: &Path) {
    let out = std::process::Command::new("psql")
        .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", url, "-f"])
        .arg(path)
        .output()
        .expect("run psql");
    assert!(
        out.status.success(),
        "psql -f {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A temp HOME with its own config dir; nothing from the outer environment leaks in.
pub struct TestEnv {
    pub root: tempfile::TempDir,
    pub engine: Engine,
}

impl Drop for TestEnv {
    fn drop(&mut self) {
        if let Engine::Postgres(db) = &self.engine {
            let admin = db.admin.replace(&format!("/{}", db.name), "/postgres");
            let _ = std::process::Command::new("psql")
                .args(["-X", "-q", &admin, "-c"])
                .arg(format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", db.name))
                .output();
        }
    }
}

impl TestEnv {
    /// An environment on the suite's engine (`engine_is_postgres`).
    pub fn new() -> Self {
        if engine_is_postgres() {
            Self::postgres()
        } else {
            Self::sqlite()
        }
    }

    /// An environment on SQLite, for tests of what only a file has (its
    /// mode, links, a copy of its bytes).
    pub fn sqlite() -> Self {
        TestEnv {
            root: tempfile::tempdir().expect("tempdir"),
            engine: Engine::Sqlite,
        }
    }

    /// An environment on a fresh PostgreSQL database.
    pub fn postgres() -> Self {
        TestEnv {
            root: tempfile::tempdir().expect("tempdir"),
            engine: Engine::Postgres(new_pg_database()),
        }
    }

    /// The PostgreSQL database, if on that engine.
    pub fn pg(&self) -> Option<&PgDb> {
        match &self.engine {
            Engine::Postgres(db) => Some(db),
            Engine::Sqlite => None,
        }
    }

    pub fn path(&self) -> &Path {
        self.root.path()
    }

    pub fn config_dir(&self) -> PathBuf {
        self.path().join("cfg")
    }

    /// The SQLite file (a test that reads it as a file runs on SQLite).
    pub fn db(&self) -> PathBuf {
        assert!(
            self.engine == Engine::Sqlite,
            "db() is the SQLite file; this test needs TestEnv::sqlite()"
        );
        self.config_dir().join("authctl.db")
    }

    /// The environment every authctl process in this test gets.
    pub fn vars(&self) -> Vec<(String, String)> {
        let home = self.path().join("home");
        vec![
            ("PATH".into(), "/usr/bin:/bin".into()),
            ("HOME".into(), home.display().to_string()),
            (
                "XDG_CONFIG_HOME".into(),
                home.join(".config").display().to_string(),
            ),
            (
                "XDG_CACHE_HOME".into(),
                home.join(".cache").display().to_string(),
            ),
            (
                "AUTHCTL_CONFIG_DIR".into(),
                self.config_dir().display().to_string(),
            ),
            // Cost 10 keeps tests fast; cost handling has its own tests.
            ("AUTHCTL_BCRYPT_COST".into(), "10".into()),
            ("NO_COLOR".into(), "1".into()),
        ]
        .into_iter()
        .chain(self.pg().into_iter().flat_map(|db| {
            [
                ("AUTHCTL_DATABASE_URL".to_string(), db.url.clone()),
                ("PGPASSWORD".to_string(), db.password.clone()),
            ]
        }))
        .collect()
    }

    /// `authctl ARGS` in this environment.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(BIN);
        c.env_clear()
            .envs(self.vars())
            .args(args)
            .current_dir(self.path());
        c
    }

    /// Create the superuser `admin` non-interactively.
    pub fn admin(&self) {
        self.cmd(&["superuser", "--username", "admin", "--password-stdin"])
            .write_stdin(format!("{PASSWORD}\n"))
            .assert()
            .success();
    }

    /// Add an active user with a good password.
    pub fn user(&self, name: &str) {
        self.cmd(&["user", "add", name, "--active", "--password-stdin"])
            .write_stdin("Another-Pass-77\n")
            .assert()
            .success();
    }

    /// `user show NAME --json` parsed.
    pub fn show(&self, name: &str) -> serde_json::Value {
        let out = self
            .cmd(&["--json", "user", "show", name])
            .assert()
            .success();
        serde_json::from_slice(&out.get_output().stdout).expect("json")
    }

    /// Every file under the config dir with its bytes (SQLite's transient
    /// -wal/-shm files excluded).
    /// On PostgreSQL, every row of every table is in it too.
    pub fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut out = snapshot_dir(&self.config_dir());
        if let Some(db) = self.pg() {
            let tables = psql(
                &db.admin,
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
            );
            for t in tables.lines().filter(|t| !t.is_empty()) {
                let rows = psql(
                    &db.admin,
                    &format!("SELECT coalesce(json_agg(t ORDER BY t::text), '[]') FROM \"{t}\" t"),
                );
                out.insert(PathBuf::from(format!("postgres:{t}")), rows.into_bytes());
            }
        }
        out
    }

    /// `--db` for this environment's store: the SQLite file or the URL.
    pub fn db_arg(&self) -> String {
        match self.pg() {
            Some(db) => db.url.clone(),
            None => self.db().display().to_string(),
        }
    }

    /// Whether the store has been created (a file, or tables on the server).
    pub fn has_store(&self) -> bool {
        match self.pg() {
            Some(_) => !self
                .sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                .is_empty(),
            None => self.db().exists(),
        }
    }

    /// Assert the engine finds the database sound: SQLite's integrity
    /// check; on PostgreSQL, every table readable and no index invalid.
    pub fn assert_sound(&self) {
        match self.pg() {
            Some(_) => {
                self.sql("SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM audit_log)");
                assert_eq!(
                    self.sql("SELECT count(*) FROM pg_index WHERE NOT indisvalid"),
                    "0"
                );
            }
            None => assert_eq!(self.sql("pragma integrity_check").trim(), "ok"),
        }
    }

    /// Set the native schema version as a newer authctl would leave it.
    pub fn set_schema_version(&self, version: i64) {
        match self.pg() {
            Some(_) => {
                self.sql(&format!(
                    "INSERT INTO authctl_migrations (version) VALUES ({version})"
                ));
            }
            None => {
                self.sql(&format!("pragma user_version = {version}"));
            }
        }
    }

    /// Rows of a SQL query, through a connection of the test's own (psql
    /// on PostgreSQL, rusqlite on SQLite), as `a|b` lines.
    pub fn sql(&self, query: &str) -> String {
        if let Some(db) = self.pg() {
            return psql(&db.admin, query);
        }
        sqlite_rows(&self.db(), query)
    }
}

/// A copy of the binary at `to` (0755) that can be executed at once. While
/// the copy is written, a process another test forks holds the write end
/// until it execs, and running the copy then fails with ETXTBSY ("Text
/// file busy"); this waits until the copy runs.
pub fn copy_bin(to: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::copy(BIN, to).unwrap();
    std::fs::set_permissions(to, std::fs::Permissions::from_mode(0o755)).unwrap();
    for _ in 0..200 {
        match std::process::Command::new(to)
            .arg("--version")
            .stdout(std::process::Stdio::null())
            .status()
        {
            Err(e) if e.raw_os_error() == Some(26) => {
                std::thread::sleep(std::time::Duration::from_millis(10))
            }
            Err(e) => panic!("cannot run the copy of the binary: {e}"),
            Ok(_) => return,
        }
    }
    panic!("the copy of the binary stayed busy");
}

pub fn snapshot_dir(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if name.ends_with("-wal") || name.ends_with("-shm") {
            continue;
        }
        if p.is_dir() {
            out.extend(snapshot_dir(&p));
        } else {
            out.insert(p.clone(), std::fs::read(&p).unwrap_or_default());
        }
    }
    out
}

/// stderr of an assert as a string.
pub fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).into_owned()
}

/// stdout of an assert as a string.
pub fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stdout).into_owned()
}

/// Assert the error is one line `authctl: error: …` containing `needle`.
pub fn assert_one_line_error(a: &assert_cmd::assert::Assert, needle: &str) {
    let err = stderr(a);
    let lines: Vec<_> = err
        .lines()
        .filter(|l| !l.starts_with("authctl: warning"))
        .collect();
    assert_eq!(lines.len(), 1, "expected one error line, got: {err:?}");
    assert!(lines[0].starts_with("authctl: error: "), "{err:?}");
    assert!(lines[0].contains(needle), "{needle:?} not in {err:?}");
}

/// The Python interpreter of a virtualenv with the verifiers installed,
/// made once under target/ on first use.
pub fn python() -> &'static Path {
    static PY: OnceLock<PathBuf> = OnceLock::new();
    PY.get_or_init(|| {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        let venv = manifest.join("target").join("pyenv");
        let py = venv.join("bin").join("python");
        let stamp = venv.join(".installed");
        let reqs = manifest.join("tests").join("python-requirements.txt");
        let wanted = std::fs::read_to_string(&reqs).expect("requirements");
        if std::fs::read_to_string(&stamp).ok().as_deref() != Some(wanted.as_str()) {
            let run = |cmd: &mut std::process::Command| {
                let out = cmd.output().expect("run python");
                assert!(
                    out.status.success(),
                    "{cmd:?} failed: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
            };
            if !py.exists() {
                run(std::process::Command::new("python3")
                    .args(["-m", "venv"])
                    .arg(&venv));
            }
            run(std::process::Command::new(&py)
                .args([
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--disable-pip-version-check",
                    "-r",
                ])
                .arg(&reqs));
            std::fs::write(&stamp, wanted).expect("stamp");
        }
        py
    })
}

/// Rows of one SQL statement on the SQLite file at `path`, each a line of
/// `|`-separated values as Python prints them (`None`, `1`, `1.5`, text),
/// read with rusqlite (another connection than authctl's, and no Python).
/// A statement that changes rows is committed and prints nothing.
pub fn sqlite_rows(path: &Path, query: &str) -> String {
    use rusqlite::types::ValueRef;
    let conn = rusqlite::Connection::open(path).expect("open the SQLite file");
    conn.busy_timeout(std::time::Duration::from_secs(10))
        .unwrap();
    let mut stmt = conn
        .prepare(query)
        .unwrap_or_else(|e| panic!("{query}: {e}"));
    let columns = stmt.column_count();
    let mut out = String::new();
    let mut rows = stmt.query([]).unwrap_or_else(|e| panic!("{query}: {e}"));
    while let Some(row) = rows.next().unwrap_or_else(|e| panic!("{query}: {e}")) {
        let values: Vec<String> = (0..columns)
            .map(|i| match row.get_ref(i).unwrap() {
                ValueRef::Null => "None".to_string(),
                ValueRef::Integer(n) => n.to_string(),
                ValueRef::Real(f) if f.fract() == 0.0 && f.abs() < 1e16 => format!("{f:.1}"),
                ValueRef::Real(f) => f.to_string(),
                ValueRef::Text(s) => String::from_utf8_lossy(s).into_owned(),
                ValueRef::Blob(b) => format!("b'{}'", String::from_utf8_lossy(b)),
            })
            .collect();
        out.push_str(&values.join("|"));
        out.push('\n');
    }
    out
}

/// Give `table` of the SQLite file at `path` a NOT NULL column without a
/// default, as a newer release's schema might (SQLite's ALTER TABLE cannot):
/// the table is made again from its own SQL with the column added.
pub fn add_required_column(path: &Path, table: &str, column: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let sql: String = conn
        .query_row(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?1",
            [table],
            |r| r.get(0),
        )
        .unwrap();
    // First, before the table's constraints.
    let at = sql.find('(').unwrap() + 1;
    let new_sql = format!(
        "{}\"{column}\" varchar NOT NULL, {}",
        &sql[..at],
        &sql[at..]
    );
    conn.execute_batch(&format!(
        "PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON;
         ALTER TABLE \"{table}\" RENAME TO \"{table}_before\";
         {new_sql};
         INSERT INTO \"{table}\" SELECT 'x', * FROM \"{table}_before\";
         DROP TABLE \"{table}_before\";"
    ))
    .unwrap();
}

/// Run a Python snippet with the verifiers; returns stdout, panics on failure.
pub fn python_eval(code: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(python())
        .arg("-c")
        .arg(code)
        .args(args)
        .output()
        .expect("python");
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A committed test key file under tests/fixtures/rsa/.
pub fn fixture_key(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/keys")
        .join(name)
}

/// A strong HS256 secret used by the token tests.
pub const SECRET: &str = "q3Vn0mZl8u1cD2xk9Yh7RtPz4WbA6sJeLgFoNiMvKQE";

impl TestEnv {
    /// Put fixture key pair `name` ("a" or "b") in the config dir as the current keys.
    pub fn place_keys(&self, name: &str) {
        let name = if name == "a" {
            "rsa2048-pkcs8"
        } else {
            "rsa2048-pkcs1"
        };
        use std::os::unix::fs::PermissionsExt;
        std::fs::create_dir_all(self.config_dir()).unwrap();
        let private = self.config_dir().join("private_key.pem");
        std::fs::copy(fixture_key(&format!("{name}.pem")), &private).unwrap();
        std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600)).unwrap();
        std::fs::copy(
            fixture_key(&format!("{name}.pub.pem")),
            self.config_dir().join("public_key.pem"),
        )
        .unwrap();
    }

    /// Write `secret` as the config dir's secret_key file.
    pub fn place_secret(&self, secret: &str) {
        use std::os::unix::fs::PermissionsExt;
        std::fs::create_dir_all(self.config_dir()).unwrap();
        let path = self.config_dir().join("secret_key");
        std::fs::write(&path, secret).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }

    /// Mint a token with extra args; returns it (stdout must be exactly token + newline).
    pub fn mint(&self, args: &[&str]) -> String {
        let mut all = vec!["token", "mint"];
        all.extend_from_slice(args);
        let a = self.cmd(&all).assert().success();
        let out = stdout(&a);
        assert!(
            out.ends_with('\n') && out.matches('\n').count() == 1,
            "{out:?}"
        );
        out.trim_end().to_string()
    }
}

/// Verify `token` with PyJWT; returns the claims as JSON.
pub fn pyjwt_decode(token: &str, key: &str, alg: &str) -> serde_json::Value {
    let out = python_eval(
        "import jwt,sys,json\nt,k,a=sys.argv[1:4]\nif a!='HS256': k=open(k).read()\nprint(json.dumps(jwt.decode(t,k,algorithms=[a],options={'verify_aud':False})))",
        &[token, key, alg],
    );
    serde_json::from_str(out.trim()).unwrap()
}

/// Mint with PyJWT.
pub fn pyjwt_encode(
    claims: &serde_json::Value,
    key: &str,
    alg: &str,
    headers: &serde_json::Value,
) -> String {
    python_eval(
        "import jwt,sys,json\nc,k,a,h=sys.argv[1:5]\nif a!='HS256': k=open(k).read()\nprint(jwt.encode(json.loads(c),k,algorithm=a,headers=json.loads(h)))",
        &[&claims.to_string(), key, alg, &headers.to_string()],
    )
    .trim()
    .to_string()
}

/// Now as Unix seconds.
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// The real Langflow 1.13 config dir (read-only; tests copy it).
pub fn langflow_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/langflow-1.13")
}

impl TestEnv {
    /// A temp copy of the Langflow fixture as this env's config dir, with
    /// the profile set to langflow.
    pub fn langflow() -> Self {
        Self::langflow_on(TestEnv::new())
    }

    /// The same, on SQLite whatever the suite's engine (for output that
    /// is pinned byte for byte).
    pub fn langflow_sqlite() -> Self {
        Self::langflow_on(TestEnv::sqlite())
    }

    fn langflow_on(env: TestEnv) -> Self {
        use std::os::unix::fs::PermissionsExt;
        std::fs::create_dir_all(env.config_dir()).unwrap();
        for name in ["langflow.db", "secret_key"] {
            let to = env.config_dir().join(name);
            std::fs::copy(langflow_fixture().join(name), &to).unwrap();
            std::fs::set_permissions(&to, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        env
    }

    /// `authctl --profile langflow ARGS` on the fixture copy.
    pub fn lf(&self, args: &[&str]) -> Command {
        let mut all = vec!["--profile", "langflow"];
        all.extend_from_slice(args);
        let mut c = self.cmd(&all);
        c.env_remove("AUTHCTL_CONFIG_DIR")
            .env("LANGFLOW_CONFIG_DIR", self.config_dir());
        c
    }

    /// Rows from the Langflow database copy.
    pub fn lf_sql(&self, query: &str) -> String {
        sqlite_rows(&self.config_dir().join("langflow.db"), query)
    }

    /// The fixture copy's secret key.
    pub fn lf_secret(&self) -> String {
        std::fs::read_to_string(self.config_dir().join("secret_key"))
            .unwrap()
            .trim()
            .to_string()
    }
}

/// Whether `password` matches the bcrypt `hash`, by Python's bcrypt (the
/// check Langflow and every bcrypt verifier make).
pub fn bcrypt_ok(password: &str, hash: &str) -> bool {
    python_eval(
        "import bcrypt,sys; print(bcrypt.checkpw(sys.argv[1].encode(), sys.argv[2].encode()))",
        &[password, hash],
    )
    .trim()
        == "True"
}

/// Encrypt `plain` with Python `cryptography` under a 43-character
/// secret, as Langflow does.
pub fn py_fernet_encrypt(secret: &str, plain: &str) -> String {
    python_eval(
        "import sys\nfrom cryptography.fernet import Fernet\nk=sys.argv[1]\nk+='='*(-len(k)%4)\nprint(Fernet(k.encode()).encrypt(sys.argv[2].encode()).decode())",
        &[secret, plain],
    )
    .trim()
    .to_string()
}

/// Decrypt a Fernet token with Python `cryptography`, Langflow's way of
/// turning a 43-character secret into a Fernet key.
pub fn py_fernet_decrypt(secret: &str, token: &str) -> String {
    python_eval(
        "import sys\nfrom cryptography.fernet import Fernet\nk=sys.argv[1]\nk+='='*(-len(k)%4)\nprint(Fernet(k.encode()).decrypt(sys.argv[2].encode()).decode())",
        &[secret, token],
    )
    .trim()
    .to_string()
}

/// Whether the tests run as root (which ignores file modes).
pub fn is_root() -> bool {
    std::fs::metadata("/proc/self")
        .map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0)
        .unwrap_or(false)
}

/// A small deterministic generator (xorshift) for kill timings.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below.max(1)
    }
}

/// Every leaf subcommand path of the CLI definition (`user add`, `doctor`…).
pub fn leaves(cmd: &clap::Command, prefix: &str, out: &mut Vec<String>) {
    let subs: Vec<_> = cmd
        .get_subcommands()
        .filter(|s| s.get_name() != "help")
        .collect();
    if subs.is_empty() {
        out.push(prefix.trim().to_string());
    }
    for s in subs {
        leaves(s, &format!("{prefix} {}", s.get_name()), out);
    }
}

/// The CLI definition the binary parses with (native names).
pub fn cli_definition() -> clap::Command {
    authctl::internals::cli_definition()
}

/// The real Flowise 3.1.4 fixture (read-only; tests copy from it).
pub fn flowise_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/flowise-3.1.4")
}

impl TestEnv {
    /// A temp Flowise home as this env's config dir (`SECRETKEY_PATH` and
    /// `DATABASE_PATH` both): `"fresh"` (no admin yet) or `"home"` (the
    /// fixture home: admin, bob, sessions, the seven key files).
    pub fn flowise(which: &str) -> Self {
        let env = TestEnv::sqlite();
        let dir = env.config_dir();
        std::fs::create_dir_all(&dir).unwrap();
        match which {
            "fresh" => {
                std::fs::copy(
                    flowise_fixture().join("fresh.sqlite"),
                    dir.join("database.sqlite"),
                )
                .unwrap();
            }
            "home" => {
                for e in std::fs::read_dir(flowise_fixture().join("home")).unwrap() {
                    let p = e.unwrap().path();
                    std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
                }
            }
            other => panic!("no Flowise fixture {other}"),
        }
        env
    }

    /// `authctl --profile flowise ARGS` on the Flowise home copy.
    pub fn fw(&self, args: &[&str]) -> Command {
        let mut all = vec!["--profile", "flowise"];
        all.extend_from_slice(args);
        let mut c = self.cmd(&all);
        c.env_remove("AUTHCTL_CONFIG_DIR")
            .env("SECRETKEY_PATH", self.config_dir())
            .env("DATABASE_PATH", self.config_dir());
        c
    }

    /// Rows from the Flowise database copy, `|`-separated.
    pub fn fw_sql(&self, query: &str) -> String {
        sqlite_rows(&self.config_dir().join("database.sqlite"), query)
            .trim_end()
            .to_string()
    }
}

/// The check `id` of a `doctor --json` report on `stdout`.
pub fn doctor_check(stdout: &[u8], id: &str) -> serde_json::Value {
    let report: serde_json::Value = serde_json::from_slice(stdout).expect("doctor JSON");
    report["checks"]
        .as_array()
        .and_then(|checks| checks.iter().find(|c| c["id"] == id))
        .cloned()
        .unwrap_or_else(|| panic!("no check {id} in {report}"))
}

/// The real Open WebUI 0.12.4 fixture (read-only; tests copy from it).
pub fn open_webui_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/open-webui-0.12.4")
}

impl TestEnv {
    /// A temp Open WebUI folder as this env's config dir, holding
    /// `.webui_secret_key` (0600) and `data/webui.db`: `"home"` (the
    /// server-made home: admin, pending bob, the admin's key),
    /// `"offline"` (home-offline: root, ursula, an OAuth session),
    /// `"fresh"` (no user yet, with home's key), `"signup"` (only the
    /// first admin) or `"experiments"` (odd rows on purpose).
    pub fn open_webui(which: &str) -> Self {
        use std::os::unix::fs::PermissionsExt;
        let env = TestEnv::sqlite();
        let dir = env.config_dir();
        std::fs::create_dir_all(dir.join("data")).unwrap();
        let fixture = open_webui_fixture();
        let (home, db) = match which {
            "home" => ("home", fixture.join("home/data/webui.db")),
            "offline" => ("home-offline", fixture.join("home-offline/data/webui.db")),
            "fresh" => ("home", fixture.join("snapshots/00-fresh.sqlite")),
            "signup" => (
                "home",
                fixture.join("snapshots/01-after-admin-signup.sqlite"),
            ),
            "experiments" => (
                "home",
                fixture.join("snapshots/02-after-offline-experiments.sqlite"),
            ),
            other => panic!("no Open WebUI fixture {other}"),
        };
        std::fs::copy(db, dir.join("data/webui.db")).unwrap();
        let key = dir.join(".webui_secret_key");
        std::fs::copy(fixture.join(home).join(".webui_secret_key"), &key).unwrap();
        for f in [&key, &dir.join("data/webui.db")] {
            std::fs::set_permissions(f, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        env
    }

    /// `authctl --profile open-webui ARGS` run in the Open WebUI folder.
    pub fn ow(&self, args: &[&str]) -> Command {
        let mut all = vec!["--profile", "open-webui"];
        all.extend_from_slice(args);
        let mut c = self.cmd(&all);
        c.env_remove("AUTHCTL_CONFIG_DIR")
            .current_dir(self.config_dir());
        c
    }

    /// Rows from the Open WebUI database copy, `|`-separated.
    pub fn ow_sql(&self, query: &str) -> String {
        sqlite_rows(&self.config_dir().join("data/webui.db"), query)
            .trim_end()
            .to_string()
    }

    /// The Open WebUI key file's text, exactly.
    pub fn ow_key(&self) -> String {
        std::fs::read_to_string(self.config_dir().join(".webui_secret_key")).unwrap()
    }
}

/// Open WebUI's Fernet under `secret` in Python (`cryptography`), as its
/// own code derives the key: `form` is `plain` (the key itself at 44
/// characters, else its SHA-256), `mfa` or `app` (HKDF-SHA256).
pub const PY_OWUI_FERNET: &str = "import base64,hashlib,sys
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
def fernet(secret, form):
    if form == 'plain':
        k = secret.encode() if len(secret) == 44 else base64.urlsafe_b64encode(hashlib.sha256(secret.encode()).digest())
    else:
        info = b'open-webui/mfa-encryption/v1' if form == 'mfa' else b'open-webui-app-keys-v1'
        k = base64.urlsafe_b64encode(HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(secret.encode()))
    return Fernet(k)
";

/// `plain` encrypted as Open WebUI encrypts it in `form` under `secret`.
pub fn py_owui_encrypt(secret: &str, form: &str, plain: &str) -> String {
    python_eval(
        &format!("{PY_OWUI_FERNET}print(fernet(sys.argv[1], sys.argv[2]).encrypt(sys.argv[3].encode()).decode())"),
        &[secret, form, plain],
    )
    .trim()
    .to_string()
}

/// `token` decrypted as Open WebUI decrypts it in `form` under `secret`.
pub fn py_owui_decrypt(secret: &str, form: &str, token: &str) -> String {
    python_eval(
        &format!("{PY_OWUI_FERNET}print(fernet(sys.argv[1], sys.argv[2]).decrypt(sys.argv[3].encode()).decode())"),
        &[secret, form, token],
    )
    .trim_end_matches('\n')
    .to_string()
}
