//! A hermetic environment for running the real binary, and the Python
//! verifiers (bcrypt, PyJWT, cryptography) the tests compare against.

#![allow(dead_code)]

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub const BIN: &str = env!("CARGO_BIN_EXE_authctl");
pub const PASSWORD: &str = "Correct-Horse-42!";

/// A temp HOME with its own config dir; nothing from the outer environment leaks in.
pub struct TestEnv {
    pub root: tempfile::TempDir,
}

impl TestEnv {
    pub fn new() -> Self {
        TestEnv {
            root: tempfile::tempdir().expect("tempdir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.root.path()
    }

    pub fn config_dir(&self) -> PathBuf {
        self.path().join("cfg")
    }

    pub fn db(&self) -> PathBuf {
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
    pub fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        snapshot_dir(&self.config_dir())
    }

    /// Rows of a SQL query, via Python's sqlite3 (an independent reader).
    pub fn sql(&self, query: &str) -> String {
        python_eval(
            "import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nfor r in c.execute(sys.argv[2]): print('|'.join(map(str,r)))\nc.commit()",
            &[&self.db().display().to_string(), query],
        )
    }
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
        use std::os::unix::fs::PermissionsExt;
        let env = TestEnv::new();
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
        python_eval(
            "import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nfor r in c.execute(sys.argv[2]): print('|'.join(map(str,r)))\nc.commit()",
            &[&self.config_dir().join("langflow.db").display().to_string(), query],
        )
    }

    /// The fixture copy's secret key.
    pub fn lf_secret(&self) -> String {
        std::fs::read_to_string(self.config_dir().join("secret_key"))
            .unwrap()
            .trim()
            .to_string()
    }
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
    use clap::CommandFactory;
    authctl::cli::Cli::command()
}
