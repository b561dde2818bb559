//! A PostgreSQL connection URL, read as libpq reads one.
//!
//! Forms: `postgres://`, `postgresql://`, and SQLAlchemy's
//! `postgresql+psycopg://` / `postgresql+psycopg2://`, with
//! `user:password@host:port/dbname?param=value`, every part
//! percent-decoded, an IPv6 host in brackets, and a Unix-socket directory
//! as the host (`?host=/var/run/postgresql` or `%2Fvar%2Frun%2Fpostgresql`).
//! What the URL leaves out comes from libpq's variables (`PGHOST`,
//! `PGPORT`, `PGUSER`, `PGDATABASE`, `PGPASSWORD`, `PGSSLMODE`,
//! `PGSSLROOTCERT`) and the password file (`PGPASSFILE`, else
//! `~/.pgpass`), then libpq's defaults.
//!
//! Invariants: the password is a `SecretString`, never in `Display` (which
//! writes `****` in its place) or `Debug`; an unknown query parameter is
//! refused by name rather than ignored, as libpq refuses it.

use crate::error::{Error, Result};
use secrecy::{ExposeSecret, SecretString};
use std::path::PathBuf;
use std::time::Duration;

/// The URL schemes accepted, as the apps write them.
pub const SCHEMES: &[&str] = &[
    "postgresql",
    "postgres",
    "postgresql+psycopg",
    "postgresql+psycopg2",
];

/// Where libpq looks for a socket when no host is given (Debian's build).
pub const DEFAULT_SOCKET_DIR: &str = "/var/run/postgresql";

/// How long to wait for the server to answer, unless `connect_timeout` says.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// `connect_timeout=0`: wait for ever (a year stands for it).
pub const NO_TIMEOUT: Duration = Duration::from_secs(365 * 24 * 3600);

/// libpq's `sslmode`, meaning what libpq means by each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SslMode {
    /// No TLS.
    Disable,
    /// Plain TCP first refused; TLS when the server offers it, unverified.
    Allow,
    /// TLS when the server offers it, unverified; else plain (libpq's default).
    Prefer,
    /// TLS or fail; the certificate is verified against a root CA only
    /// when one is given (libpq: then it behaves as `verify-ca`).
    Require,
    /// TLS, certificate chain verified against `sslrootcert`.
    VerifyCa,
    /// TLS, chain verified and the host name matched.
    VerifyFull,
}

impl SslMode {
    fn parse(v: &str, from: &str) -> Result<Self> {
        Ok(match v {
            "disable" => SslMode::Disable,
            "allow" => SslMode::Allow,
            "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            _ => {
                return Err(Error::usage(format!(
                "{from} \"{v}\" is not an sslmode; use disable, allow, prefer, require, verify-ca or verify-full"
            )))
            }
        })
    }

    /// The name libpq uses.
    pub fn name(self) -> &'static str {
        match self {
            SslMode::Disable => "disable",
            SslMode::Allow => "allow",
            SslMode::Prefer => "prefer",
            SslMode::Require => "require",
            SslMode::VerifyCa => "verify-ca",
            SslMode::VerifyFull => "verify-full",
        }
    }
}

/// Where the server is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PgHost {
    /// A host name or IP address (TCP).
    Tcp(String),
    /// A directory holding the server's Unix socket.
    Socket(PathBuf),
}

impl PgHost {
    /// Whether the server is on this machine (a socket, `localhost` or a
    /// loopback address), where TLS protects nothing.
    pub fn is_local(&self) -> bool {
        match self {
            PgHost::Socket(_) => true,
            PgHost::Tcp(h) => {
                h.eq_ignore_ascii_case("localhost")
                    || h.parse::<std::net::IpAddr>()
                        .is_ok_and(|ip| ip.is_loopback())
            }
        }
    }
}

/// A parsed PostgreSQL URL with libpq's fallbacks applied.
#[derive(Clone)]
pub struct PgUrl {
    pub host: PgHost,
    pub port: u16,
    pub user: String,
    pub password: Option<SecretString>,
    pub dbname: String,
    pub sslmode: SslMode,
    /// The root CA file for verification, if one was named or
    /// `~/.postgresql/root.crt` exists.
    pub sslrootcert: Option<PathBuf>,
    pub connect_timeout: Duration,
    pub application_name: Option<String>,
    pub options: Option<String>,
    /// libpq's `channel_binding`: disable, prefer or require.
    pub channel_binding: Option<String>,
    /// libpq's `target_session_attrs`: any or read-write.
    pub target_session_attrs: Option<String>,
    /// Where the password came from, for messages ("PGPASSWORD").
    pub password_source: Option<&'static str>,
    /// Warnings found while reading (a password file others can read).
    pub warnings: Vec<String>,
}

impl PartialEq for PgUrl {
    fn eq(&self, other: &Self) -> bool {
        self.to_string() == other.to_string()
            && self.password.as_ref().map(ExposeSecret::expose_secret)
                == other.password.as_ref().map(ExposeSecret::expose_secret)
    }
}

impl Eq for PgUrl {}

impl std::fmt::Debug for PgUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The redacted URL: never the password.
        write!(f, "PgUrl({self})")
    }
}

impl std::fmt::Display for PgUrl {
    /// The URL as it may be shown: the password replaced by `****`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let user = encode(&self.user);
        let auth = if self.password.is_some() {
            format!("{user}:****@")
        } else {
            format!("{user}@")
        };
        let db = encode(&self.dbname);
        match &self.host {
            PgHost::Tcp(h) if h.contains(':') => {
                write!(f, "postgresql://{auth}[{h}]:{}/{db}", self.port)?
            }
            PgHost::Tcp(h) => write!(f, "postgresql://{auth}{h}:{}/{db}", self.port)?,
            PgHost::Socket(dir) => write!(
                f,
                "postgresql://{auth}/{db}?host={}&port={}",
                encode(&dir.display().to_string()),
                self.port
            )?,
        }
        if !matches!(self.host, PgHost::Socket(_)) {
            write!(f, "?sslmode={}", self.sslmode.name())?;
        }
        Ok(())
    }
}

impl PgUrl {
    /// Where the server is, for messages: `host:port, database "db"`.
    pub fn target(&self) -> String {
        let at = match &self.host {
            PgHost::Tcp(h) if h.contains(':') => format!("[{h}]:{}", self.port),
            PgHost::Tcp(h) => format!("{h}:{}", self.port),
            PgHost::Socket(dir) => format!("{}/.s.PGSQL.{}", dir.display(), self.port),
        };
        format!("PostgreSQL at {at}, database \"{}\"", self.dbname)
    }
}

/// Whether `url` names PostgreSQL (by its scheme).
pub fn is_postgres(url: &str) -> bool {
    url.split_once("://")
        .is_some_and(|(scheme, _)| SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()))
}

/// The environment a URL's fallbacks come from.
pub trait PgEnv {
    /// A variable's value, if set (and not empty, as libpq treats empty).
    fn var(&self, name: &str) -> Option<String>;
    /// The contents of a file, if it exists, and whether group or others
    /// can read it.
    fn read_private(&self, path: &std::path::Path) -> Option<(String, bool)>;
}

/// Parse `url` (one of `SCHEMES`), with fallbacks from `env`.
pub fn parse(url: &str, env: &dyn PgEnv) -> Result<PgUrl> {
    let (scheme, rest) = url.split_once("://").unwrap_or(("", url));
    if !SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()) {
        return Err(Error::usage(format!(
            "database URL scheme \"{scheme}\" is not PostgreSQL; use postgresql://USER@HOST:PORT/DBNAME"
        )));
    }
    // Never echo the URL itself in an error: it may hold a password.
    let bad = |what: String| Error::usage(format!("the PostgreSQL URL {what}"));
    if rest.contains('#') {
        return Err(bad("has a fragment (#); percent-encode # as %23".into()));
    }
    // The authority ends at the first / or ?; an @ after that means a user
    // name or password with one of them unencoded, and parsing on would
    // put pieces of the password where messages show them.
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    if rest[authority_end..].contains('@') {
        return Err(bad(
            "has an @ after its host: percent-encode / ? @ : in the user name, password and parameters (%2F %3F %40 %3A)".into(),
        ));
    }
    let (before_query, query) = match rest.split_once('?') {
        Some((a, q)) => (a, Some(q)),
        None => (rest, None),
    };
    let (authority, path) = match before_query.split_once('/') {
        Some((a, p)) => (a, Some(p)),
        None => (before_query, None),
    };
    let (userinfo, hostport) = match authority.rsplit_once('@') {
        Some((u, h)) => (Some(u), h),
        None => (None, authority),
    };

    let mut user = None;
    let mut password = None;
    if let Some(info) = userinfo {
        let (u, p) = match info.split_once(':') {
            Some((u, p)) => (u, Some(p)),
            None => (info, None),
        };
        if !u.is_empty() {
            user = Some(decode(u, "user name")?);
        }
        if let Some(p) = p {
            password = Some(decode(p, "password")?);
        }
    }

    let mut host = None;
    let mut port = None;
    if hostport.contains(',') {
        return Err(bad(
            "names several hosts; authctl connects to one: give the primary's".into(),
        ));
    }
    if let Some(v6) = hostport.strip_prefix('[') {
        let (h, after) = v6
            .split_once(']')
            .ok_or_else(|| bad("has an IPv6 host without its closing ]".into()))?;
        host = Some(h.to_string());
        if let Some(p) = after.strip_prefix(':') {
            port = Some(p.to_string());
        } else if !after.is_empty() {
            return Err(bad("has text after its IPv6 host; use [addr]:port".into()));
        }
    } else if !hostport.is_empty() {
        let (h, p) = match hostport.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (hostport, None),
        };
        if !h.is_empty() {
            host = Some(decode(h, "host")?);
        }
        port = p.map(str::to_string);
    }

    let mut dbname = match path {
        Some(p) if !p.is_empty() => Some(decode(p, "database name")?),
        _ => None,
    };

    let mut sslmode = None;
    let mut sslrootcert = None;
    let mut connect_timeout = None;
    let mut application_name = None;
    let mut options = None;
    let mut channel_binding = None;
    let mut target_session_attrs = None;
    for pair in query
        .unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (k, v) = pair
            .split_once('=')
            .ok_or_else(|| bad("has a query parameter without a value; write name=value".into()))?;
        let key = decode(k, "parameter name")?;
        let value = decode(v, &key)?;
        match key.as_str() {
            "host" => host = Some(value),
            "port" => port = Some(value),
            "user" => user = Some(value),
            "password" => password = Some(value),
            "dbname" => dbname = Some(value),
            "sslmode" => sslmode = Some(SslMode::parse(&value, "sslmode")?),
            "sslrootcert" => sslrootcert = Some(value),
            "connect_timeout" => connect_timeout = Some(value),
            "application_name" => application_name = Some(value),
            "options" => options = Some(value),
            "channel_binding" => match value.as_str() {
                "disable" | "prefer" | "require" => channel_binding = Some(value),
                _ => {
                    return Err(bad(
                        "has a channel_binding that is not disable, prefer or require".into(),
                    ))
                }
            },
            "target_session_attrs" => match value.as_str() {
                "any" | "read-write" => target_session_attrs = Some(value),
                _ => {
                    return Err(bad(
                        "has a target_session_attrs other than any or read-write, which authctl does not support".into(),
                    ))
                }
            },
            // Accepted as libpq reads them; authctl has nothing to set.
            "gssencmode" if value != "require" => {}
            "keepalives" | "keepalives_idle" | "keepalives_interval" | "keepalives_count"
            | "tcp_user_timeout" | "sslnegotiation" | "sslcompression" | "sslsni"
            | "ssl_min_protocol_version" | "ssl_max_protocol_version" => {}
            "client_encoding" if value.eq_ignore_ascii_case("utf8") || value.eq_ignore_ascii_case("utf-8") => {}
            "sslcert" | "sslkey" | "sslpassword" | "sslcrl" | "sslcrldir" => {
                return Err(bad(format!(
                    "asks for {key}: client certificates are not supported; authenticate with a password (URL, PGPASSWORD or ~/.pgpass)"
                )))
            }
            "gssencmode" | "client_encoding" | "load_balance_hosts" | "hostaddr" | "service"
            | "requirepeer" | "krbsrvname" | "gsslib" | "gssdelegation" | "require_auth" => {
                return Err(bad(format!(
                    "has parameter \"{key}\", which authctl does not support; name the primary with host and port"
                )))
            }
            other => {
                return Err(bad(format!(
                    "has unknown parameter \"{other}\"; known: host, port, user, password, dbname, sslmode, sslrootcert, connect_timeout, application_name, options, channel_binding, target_session_attrs"
                )))
            }
        }
    }

    let host = host
        .or_else(|| env.var("PGHOST"))
        .unwrap_or_else(|| DEFAULT_SOCKET_DIR.to_string());
    if host.contains(',') {
        return Err(bad(
            "names several hosts (in host= or PGHOST); authctl connects to one: give the primary's"
                .into(),
        ));
    }
    let host = if host.starts_with('/') {
        PgHost::Socket(PathBuf::from(host))
    } else {
        PgHost::Tcp(host)
    };
    let port_text = port.or_else(|| env.var("PGPORT"));
    let port = match port_text {
        None => 5432,
        Some(p) => p.parse::<u16>().ok().filter(|p| *p > 0).ok_or_else(|| {
            let _ = p;
            bad("has a port that is not a number from 1 to 65535".into())
        })?,
    };
    let user = user
        .or_else(|| env.var("PGUSER"))
        .unwrap_or_else(crate::database_url::os_user);
    let dbname = dbname
        .or_else(|| env.var("PGDATABASE"))
        .unwrap_or_else(|| user.clone());
    let sslmode = match sslmode {
        Some(m) => m,
        None => match env.var("PGSSLMODE") {
            Some(v) => SslMode::parse(&v, "PGSSLMODE")?,
            None => SslMode::Prefer,
        },
    };
    let home = env.var("HOME").map(PathBuf::from);
    let named_root = sslrootcert.or_else(|| env.var("PGSSLROOTCERT"));
    if named_root.as_deref() == Some("system") {
        return Err(bad(
            "asks for sslrootcert=system; name the CA file instead (sslrootcert=/path/to/ca.crt)"
                .into(),
        ));
    }
    let sslrootcert = named_root.map(PathBuf::from).or_else(|| {
        let default = home.as_ref()?.join(".postgresql").join("root.crt");
        default.is_file().then_some(default)
    });
    if matches!(sslmode, SslMode::VerifyCa | SslMode::VerifyFull) && sslrootcert.is_none() {
        return Err(Error::usage(format!(
            "sslmode={} needs the server's root CA: add sslrootcert=/path/to/ca.crt to the URL or set PGSSLROOTCERT",
            sslmode.name()
        )));
    }
    let application_name = application_name.or_else(|| env.var("PGAPPNAME"));
    let options = options.or_else(|| env.var("PGOPTIONS"));
    let connect_timeout = match connect_timeout.or_else(|| env.var("PGCONNECT_TIMEOUT")) {
        None => DEFAULT_CONNECT_TIMEOUT,
        Some(t) => t
            .trim()
            .parse::<u64>()
            .ok()
            // libpq: 0 (or less) waits for ever; under 2 s means 2 s.
            .map(|s| {
                if s == 0 {
                    NO_TIMEOUT
                } else {
                    Duration::from_secs(s.max(2))
                }
            })
            .ok_or_else(|| {
                bad(format!(
                    "has connect_timeout \"{t}\"; use a number of seconds (0: wait for ever)"
                ))
            })?,
    };

    let mut warnings = Vec::new();
    // libpq: an empty password is no password (the password file is read).
    let mut password = password.filter(|p| !p.is_empty());
    let mut password_source = password.as_ref().map(|_| "the URL");
    if password.is_none() {
        if let Some(p) = env.var("PGPASSWORD") {
            password = Some(p);
            password_source = Some("PGPASSWORD");
        }
    }
    if password.is_none() {
        let file = env
            .var("PGPASSFILE")
            .map(PathBuf::from)
            .or_else(|| home.as_ref().map(|h| h.join(".pgpass")));
        if let Some(file) = file {
            if let Some((text, open)) = env.read_private(&file) {
                if open {
                    warnings.push(format!(
                        "password file \"{}\" can be read by group or others, so it is ignored (as libpq does); chmod 0600 it",
                        file.display()
                    ));
                } else if let Some(p) = pgpass_lookup(&text, &host, port, &dbname, &user) {
                    password = Some(p);
                    password_source = Some("the password file");
                }
            }
        }
    }

    Ok(PgUrl {
        host,
        port,
        user,
        password: password.map(SecretString::from),
        dbname,
        sslmode,
        sslrootcert,
        connect_timeout,
        application_name,
        options,
        channel_binding,
        target_session_attrs,
        password_source,
        warnings,
    })
}

/// The password a `.pgpass` file gives for this connection: the first line
/// whose four fields all match, as libpq reads the file: an unescaped `*`
/// alone matches anything, `\\:` and `\\\\` escape, the password ends at the
/// first unescaped `:`. A socket connection matches `localhost` when its
/// directory is the default one, else the directory's path.
pub fn pgpass_lookup(
    text: &str,
    host: &PgHost,
    port: u16,
    dbname: &str,
    user: &str,
) -> Option<String> {
    let host_name = match host {
        PgHost::Tcp(h) => h.clone(),
        PgHost::Socket(dir) if dir == std::path::Path::new(DEFAULT_SOCKET_DIR) => {
            "localhost".to_string()
        }
        PgHost::Socket(dir) => dir.display().to_string(),
    };
    let port = port.to_string();
    let wanted = [host_name.as_str(), port.as_str(), dbname, user];
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some((fields, password)) = split_pgpass(line) else {
            continue;
        };
        let matches = wanted
            .iter()
            .zip(&fields)
            .all(|(want, (field, any))| *any || field == want);
        if matches {
            return Some(password);
        }
    }
    None
}

/// A `.pgpass` line: four (field, is-the-wildcard) pairs and the password,
/// or `None` when it has fewer fields.
fn split_pgpass(line: &str) -> Option<(Vec<(String, bool)>, String)> {
    let mut fields = Vec::new();
    let mut current = String::new();
    let mut escaped_any = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    current.push(n);
                    escaped_any = true;
                }
            }
            ':' => {
                let any = current == "*" && !escaped_any;
                fields.push((std::mem::take(&mut current), any));
                escaped_any = false;
                if fields.len() == 5 {
                    break;
                }
            }
            c => current.push(c),
        }
    }
    if fields.len() < 5 {
        fields.push((current, false));
    }
    if fields.len() < 5 {
        return None;
    }
    let password = fields.pop().map(|(p, _)| p).unwrap_or_default();
    Some((fields, password))
}

/// Percent-decode one part of the URL.
fn decode(s: &str, what: &str) -> Result<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| {
                    Error::usage(format!(
                        "the PostgreSQL URL's {what} has a bad percent escape; write % as %25"
                    ))
                })?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| {
        Error::usage(format!(
            "the PostgreSQL URL's {what} is not UTF-8 once decoded"
        ))
    })
}

/// Percent-encode everything but unreserved characters.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;
    use std::path::Path;

    #[derive(Default)]
    struct Env {
        vars: HashMap<&'static str, String>,
        files: HashMap<PathBuf, (String, bool)>,
    }

    impl PgEnv for Env {
        fn var(&self, name: &str) -> Option<String> {
            self.vars.get(name).cloned().filter(|v| !v.is_empty())
        }
        fn read_private(&self, path: &Path) -> Option<(String, bool)> {
            self.files.get(path).cloned()
        }
    }

    fn env() -> Env {
        let mut e = Env::default();
        e.vars.insert("HOME", "/home/op".into());
        e.vars.insert("PGUSER", "op".into());
        e
    }

    fn pw(u: &PgUrl) -> Option<&str> {
        u.password.as_ref().map(ExposeSecret::expose_secret)
    }

    #[test]
    fn every_scheme_and_part() {
        for scheme in SCHEMES {
            let u = parse(
                &format!(
                    "{scheme}://al%40ice:p%3Ass%2Fw@db.example:6543/lang%20flow?sslmode=require"
                ),
                &env(),
            )
            .unwrap();
            assert_eq!(u.user, "al@ice");
            assert_eq!(pw(&u), Some("p:ss/w"));
            assert_eq!(u.host, PgHost::Tcp("db.example".into()));
            assert_eq!(u.port, 6543);
            assert_eq!(u.dbname, "lang flow");
            assert_eq!(u.sslmode, SslMode::Require);
            assert_eq!(u.password_source, Some("the URL"));
        }
        let u = parse("postgresql://[::1]:5433/x", &env()).unwrap();
        assert_eq!((u.host.clone(), u.port), (PgHost::Tcp("::1".into()), 5433));
        assert!(u.host.is_local());
        assert_eq!(u.user, "op");
        assert_eq!(u.sslmode, SslMode::Prefer);
    }

    #[test]
    fn socket_hosts_and_defaults() {
        let u = parse("postgresql:///langflow?host=/var/run/postgresql", &env()).unwrap();
        assert_eq!(u.host, PgHost::Socket("/var/run/postgresql".into()));
        assert_eq!(u.dbname, "langflow");
        let u = parse("postgresql://%2Ftmp%2Fpg/db", &env()).unwrap();
        assert_eq!(u.host, PgHost::Socket("/tmp/pg".into()));
        let u = parse("postgresql://", &env()).unwrap();
        assert_eq!(u.host, PgHost::Socket(DEFAULT_SOCKET_DIR.into()));
        assert_eq!((u.user.as_str(), u.dbname.as_str()), ("op", "op"));
        let mut e = env();
        e.vars.insert("PGHOST", "pg.internal".into());
        e.vars.insert("PGPORT", "6000".into());
        e.vars.insert("PGDATABASE", "app".into());
        e.vars.insert("PGSSLMODE", "verify-full".into());
        e.vars.insert("PGSSLROOTCERT", "/etc/ca.pem".into());
        let u = parse("postgres://", &e).unwrap();
        assert_eq!(u.host, PgHost::Tcp("pg.internal".into()));
        assert_eq!((u.port, u.dbname.as_str()), (6000, "app"));
        assert_eq!(u.sslmode, SslMode::VerifyFull);
        assert_eq!(u.sslrootcert, Some(PathBuf::from("/etc/ca.pem")));
        // The URL wins over the variables.
        let u = parse("postgres://h:1/d?sslmode=disable", &e).unwrap();
        assert_eq!(
            (u.port, u.dbname.as_str(), u.sslmode),
            (1, "d", SslMode::Disable)
        );
    }

    #[test]
    fn timeouts_names_and_libpq_parameters() {
        let u = parse("postgresql://h/d?connect_timeout=0", &env()).unwrap();
        assert_eq!(u.connect_timeout, NO_TIMEOUT);
        let u = parse("postgresql://h/d?connect_timeout=1", &env()).unwrap();
        assert_eq!(u.connect_timeout, Duration::from_secs(2));
        let u = parse("postgresql://h/d", &env()).unwrap();
        assert_eq!(u.connect_timeout, DEFAULT_CONNECT_TIMEOUT);
        let mut e = env();
        e.vars.insert("PGCONNECT_TIMEOUT", "7".into());
        e.vars.insert("PGAPPNAME", "ci-job".into());
        e.vars
            .insert("PGOPTIONS", "-c statement_timeout=5000".into());
        let u = parse("postgresql://h/d", &e).unwrap();
        assert_eq!(u.connect_timeout, Duration::from_secs(7));
        assert_eq!(u.application_name.as_deref(), Some("ci-job"));
        assert_eq!(u.options.as_deref(), Some("-c statement_timeout=5000"));
        let u = parse(
            "postgresql://h/d?channel_binding=require&target_session_attrs=read-write&keepalives=1&sslnegotiation=postgres",
            &env(),
        )
        .unwrap();
        assert_eq!(u.channel_binding.as_deref(), Some("require"));
        assert_eq!(u.target_session_attrs.as_deref(), Some("read-write"));
        // A host list in PGHOST is refused like one in the URL.
        let mut e = env();
        e.vars.insert("PGHOST", "a,b".into());
        let err = parse("postgresql:///d", &e).unwrap_err();
        assert!(err.to_string().contains("several hosts"), "{err}");
        // An empty password is no password: the password file is read.
        let mut e = env();
        e.files
            .insert("/home/op/.pgpass".into(), ("*:*:*:*:filed".into(), false));
        let u = parse("postgresql://op:@h/d", &e).unwrap();
        assert_eq!(pw(&u), Some("filed"));
        assert_eq!(u.password_source, Some("the password file"));
    }

    #[test]
    fn password_fallbacks() {
        let mut e = env();
        e.files.insert(
            "/home/op/.pgpass".into(),
            (
                "# comment\nother:*:*:*:no\ndb:5432:app:op:fr\\:om\\\\file\n*:*:*:*:any\n".into(),
                false,
            ),
        );
        let u = parse("postgresql://db/app", &e).unwrap();
        assert_eq!(pw(&u), Some("fr:om\\file"));
        assert_eq!(u.password_source, Some("the password file"));
        let u = parse("postgresql://elsewhere/app", &e).unwrap();
        assert_eq!(pw(&u), Some("any"));
        e.vars.insert("PGPASSWORD", "from-env".into());
        let u = parse("postgresql://db/app", &e).unwrap();
        assert_eq!(pw(&u), Some("from-env"));
        let u = parse("postgresql://op:inline@db/app", &e).unwrap();
        assert_eq!(pw(&u), Some("inline"));
        // A file others can read is ignored, with a warning.
        let mut e = env();
        e.files
            .insert("/etc/pgpass".into(), ("*:*:*:*:leaked".into(), true));
        e.vars.insert("PGPASSFILE", "/etc/pgpass".into());
        let u = parse("postgresql://db/app", &e).unwrap();
        assert_eq!(pw(&u), None);
        assert!(u.warnings[0].contains("chmod 0600"), "{:?}", u.warnings);
        // A socket connection matches localhost in the default directory,
        // else its path; an escaped * is a literal; the password ends at
        // the first unescaped colon.
        let lines = "localhost:5432:*:op:sock\n/tmp/pg:5432:*:op:other\n";
        let sock = |dir: &str| pgpass_lookup(lines, &PgHost::Socket(dir.into()), 5432, "x", "op");
        assert_eq!(sock(DEFAULT_SOCKET_DIR).as_deref(), Some("sock"));
        assert_eq!(sock("/tmp/pg").as_deref(), Some("other"));
        assert_eq!(sock("/elsewhere"), None);
        let tcp = PgHost::Tcp("h".into());
        assert_eq!(
            pgpass_lookup("h:5432:\\*:op:lit\n", &tcp, 5432, "db", "op"),
            None
        );
        assert_eq!(
            pgpass_lookup("h:5432:*:op:a\\:b:ignored\n", &tcp, 5432, "db", "op").as_deref(),
            Some("a:b")
        );
    }

    #[test]
    fn shown_without_the_password() {
        let u = parse("postgresql+psycopg://admin:s3cr%23t@db:5432/lf", &env()).unwrap();
        let shown = u.to_string();
        assert_eq!(shown, "postgresql://admin:****@db:5432/lf?sslmode=prefer");
        assert!(!format!("{u:?}").contains("s3cr"));
        assert_eq!(u.target(), "PostgreSQL at db:5432, database \"lf\"");
    }

    #[test]
    fn bad_urls_name_the_part_never_the_password() {
        for (url, needle) in [
            ("mysql://u:pw@h/d", "not PostgreSQL"),
            ("postgresql://u:pw@h:99999/d", "port"),
            ("postgresql://u:pw@h/d?sslmode=strict", "sslmode"),
            ("postgresql://u:pw@h/d?foo=1", "unknown parameter \"foo\""),
            ("postgresql://u:pw@h/d?sslcert=/c", "client certificates"),
            ("postgresql://u:pw@a,b/d", "several hosts"),
            ("postgresql://u:p%zz@h/d", "percent escape"),
            ("postgresql://u:pw@h/d?sslmode=verify-full", "sslrootcert"),
            ("postgresql://u:pw@[::1/d", "closing ]"),
            ("postgresql://u:pw@h/d?connect_timeout=x", "connect_timeout"),
            ("postgresql://lf:sEcR?pw@db/lf", "percent-encode"),
            ("postgresql://lf:sEcR/pw@db/lf", "percent-encode"),
            ("postgresql://lf:4242/xyzzypw@db/lf", "percent-encode"),
            (
                "postgresql://u:pw@h/d?channel_binding=maybe",
                "channel_binding",
            ),
            ("postgresql://u:pw@h/d?gssencmode=require", "gssencmode"),
        ] {
            let err = parse(url, &env()).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{url}");
            assert!(err.to_string().contains(needle), "{url}: {err}");
            for secret in ["pw", "sEcR", "4242", "xyzzy"] {
                assert!(!err.to_string().contains(secret), "{url}: {err}");
            }
        }
    }
}
