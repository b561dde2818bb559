//! The real-server tier: authctl's output checked by the apps themselves.
//!
//! Run it with `scripts/e2e.sh` (or `AUTHCTL_E2E=1 cargo test --test e2e --
//! --ignored`). Every test here is ignored by a plain `cargo test`, which is
//! the fast hermetic tier. Once asked for, a test never skips: a server that
//! cannot be installed or started is a failure, with its log.
//!
//! Installs are cached outside the clone, in `$AUTHCTL_E2E_CACHE` or else
//! `${XDG_CACHE_HOME:-~/.cache}/authctl-e2e/<app>-<version>`, so a second run
//! starts in seconds.

// A test harness, not authctl: it reads its own environment and prints.
#![allow(clippy::disallowed_methods, clippy::disallowed_macros)]

mod flowise;
mod langflow;
mod librechat;
mod librechat_creds;
mod librechat_users;
mod open_webui;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

pub const BIN: &str = env!("CARGO_BIN_EXE_authctl");

pub fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Refuses to run outside the tier's command, so an `--include-ignored` run
/// does not spend minutes installing servers by accident.
pub fn require_tier() {
    assert_eq!(
        std::env::var("AUTHCTL_E2E").as_deref(),
        Ok("1"),
        "real-server test: run scripts/e2e.sh (or set AUTHCTL_E2E=1)"
    );
}

/// Where `<app>-<version>` is installed, outside the clone.
pub fn cache_dir(name: &str) -> PathBuf {
    let base = match std::env::var_os("AUTHCTL_E2E_CACHE") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => match std::env::var_os("XDG_CACHE_HOME") {
            Some(dir) if !dir.is_empty() => PathBuf::from(dir).join("authctl-e2e"),
            _ => PathBuf::from(std::env::var_os("HOME").expect("HOME is set"))
                .join(".cache")
                .join("authctl-e2e"),
        },
    };
    std::fs::create_dir_all(&base).expect("create the e2e cache dir");
    base.join(name)
}

/// One server at a time: each takes both cores while it starts.
pub fn serial() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

pub fn run(cmd: &mut Command) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// An HTTP response: status, the header block, the (de-chunked) body.
pub struct Response {
    pub status: u16,
    pub head: String,
    pub body: String,
}

impl Response {
    /// The `name=value` of every `Set-Cookie` header.
    pub fn cookies(&self) -> Vec<String> {
        self.head
            .lines()
            .filter_map(|l| {
                let (k, v) = l.split_once(':')?;
                k.eq_ignore_ascii_case("set-cookie")
                    .then(|| v.trim().split(';').next().unwrap_or("").to_string())
            })
            .collect()
    }
}

/// One HTTP/1.1 request to 127.0.0.1:`port`, with a body of the given
/// content type; status 0 when nothing answers.
pub fn http(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    content: Option<(&str, String)>,
) -> Response {
    use std::io::{Read, Write};
    use std::time::Duration;
    let none = || Response {
        status: 0,
        head: String::new(),
        body: String::new(),
    };
    let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) else {
        return none();
    };
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut req =
        format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    let body = match content {
        Some((kind, text)) => {
            req.push_str(&format!("Content-Type: {kind}\r\n"));
            text
        }
        None => String::new(),
    };
    req.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    if stream.write_all(req.as_bytes()).is_err() {
        return none();
    }
    let mut resp = Vec::new();
    let _ = stream.read_to_end(&mut resp);
    let text = String::from_utf8_lossy(&resp).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let body = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        dechunk(body)
    } else {
        body.to_string()
    };
    Response {
        status,
        head: head.to_string(),
        body,
    }
}

fn dechunk(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    while let Some((size, after)) = rest.split_once("\r\n") {
        let Ok(n) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        if n == 0 || after.len() < n {
            break;
        }
        out.push_str(&after[..n]);
        rest = after[n..].trim_start_matches("\r\n");
    }
    out
}

/// A new database named `<prefix>_<pid>_<n>` on the tier's PostgreSQL
/// server (scripts/e2e.sh starts one and sets `PG_TEST_URL`, a superuser
/// URL with its password): the admin URL and the database's name.
pub fn new_pg_database(prefix: &str) -> (String, String) {
    let admin = std::env::var("PG_TEST_URL")
        .expect("PG_TEST_URL: scripts/e2e.sh starts a PostgreSQL server and sets it");
    static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let name = format!(
        "{prefix}_{}_{}",
        std::process::id(),
        N.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
    );
    run(Command::new("psql")
        .args(["-X", "-q", &admin, "-c"])
        .arg(format!("CREATE DATABASE {name}")));
    (admin, name)
}

/// A free port on 127.0.0.1.
pub fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

/// The last 40 lines of a server's log, for a failure message.
pub fn log_tail(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(40)..].join("\n")
}

/// `cmd` with its stdout and stderr going to `log`.
pub fn logging_to<'a>(cmd: &'a mut Command, log: &Path) -> &'a mut Command {
    cmd.stdout(std::fs::File::create(log).unwrap())
        .stderr(std::process::Stdio::from(
            std::fs::File::options().append(true).open(log).unwrap(),
        ))
}
