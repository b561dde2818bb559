//! The PostgreSQL engine: connecting (TLS as libpq's `sslmode` means it),
//! turning the server's errors into one line that names the server, and
//! what is engine-specific about a schema, shared by every layout.
//!
//! Invariants: no message, `Debug` or error carries the password (errors
//! name `PgUrl::target`, never the URL); a write transaction that is not
//! committed is rolled back, also when the command fails half-way or the
//! connection drops (the server rolls back what it never saw committed);
//! each statement is one round trip (`query_typed`, `batch_execute`: no
//! separate prepare).

use crate::database_url::{PgHost, PgUrl, SslMode};
use crate::error::{Error, Result};
use postgres::types::{ToSql, Type};
use postgres::{Client, Row};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, SignatureScheme};
use secrecy::ExposeSecret;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long a writer waits for another writer's lock before giving up.
pub const LOCK_TIMEOUT: Duration = Duration::from_secs(30);

/// The advisory-lock key (`pg_advisory_xact_lock`) every `secret rotate`
/// on a database holds, whatever its layout.
pub const ROTATE_LOCK: i64 = 0x6175_7468_6374_6c02;

/// One connection, and where it goes.
pub struct Pg {
    pub client: Client,
    pub url: PgUrl,
    /// How long connecting took (TCP, TLS, authentication).
    pub connect_time: Duration,
}

impl Pg {
    /// Connect to `url`.
    pub fn connect(url: &PgUrl) -> Result<Self> {
        let started = Instant::now();
        let mode = ssl_mode(url);
        let tls = match mode {
            postgres::config::SslMode::Disable if url.sslmode != SslMode::Allow => None,
            _ => Some(tls_config(url).map_err(|why| {
                Error::Failure(format!(
                    "cannot connect to {}: {why}; fix sslrootcert in the URL or PGSSLROOTCERT",
                    url.target()
                ))
            })?),
        };
        // connect_timeout bounds the whole of connecting (as in libpq), not
        // only the TCP connect the driver times: a server that accepts and
        // then says nothing must not hang the command.
        let (sent, received) = std::sync::mpsc::channel();
        let target = url.clone();
        std::thread::spawn(move || {
            let _ = sent.send(connect_all(&target, mode, tls));
        });
        let client = match received.recv_timeout(url.connect_timeout) {
            Ok(result) => result,
            Err(_) => {
                return Err(Error::Failure(format!(
                    "cannot connect to {}: no answer within {} s; check the host, port and firewall, or raise connect_timeout in the URL",
                    url.target(),
                    url.connect_timeout.as_secs()
                )))
            }
        }
        .map_err(|e| describe(&e, url, "connect to"))?;
        Ok(Pg {
            client,
            url: url.clone(),
            connect_time: started.elapsed(),
        })
    }

    /// Rows of `sql` with text parameters, in one round trip.
    pub fn rows(&mut self, sql: &str, params: &[&str], doing: &str) -> Result<Vec<Row>> {
        query(&mut self.client, sql, params).map_err(|e| describe(&e, &self.url, doing))
    }

    /// Begin a transaction; `lock` statements run in the same round trip.
    pub fn begin(&mut self, lock: &str) -> Result<PgTx<'_>> {
        // READ COMMITTED whatever the server's default: under REPEATABLE
        // READ the snapshot would be taken before the locks are granted,
        // and a row committed meanwhile would be missed.
        let sql = format!("BEGIN ISOLATION LEVEL READ COMMITTED; {lock}");
        if let Err(e) = self.client.batch_execute(&sql) {
            // The transaction may be open and aborted: end it.
            let _ = self.client.batch_execute("ROLLBACK");
            return Err(describe(&e, &self.url, "begin a transaction on"));
        }
        Ok(PgTx {
            client: &mut self.client,
            url: &self.url,
            open: true,
        })
    }

    /// Begin a transaction that only reads, on one snapshot: no lock, no
    /// row lock, and a read-only role is enough (dry runs, key
    /// identification, doctor).
    pub fn begin_read(&mut self) -> Result<PgTx<'_>> {
        if let Err(e) = self
            .client
            .batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        {
            let _ = self.client.batch_execute("ROLLBACK");
            return Err(describe(&e, &self.url, "begin a transaction on"));
        }
        Ok(PgTx {
            client: &mut self.client,
            url: &self.url,
            open: true,
        })
    }

    /// Tables of the current schema (`search_path`'s first), sorted, and
    /// the first column of `version_sql` when `version_table` exists there
    /// (`None` when it does not): one statement, one round trip. The
    /// catalog is read directly; information_schema's views cost a fresh
    /// backend milliseconds to plan.
    pub fn schema(
        &mut self,
        version_table: &str,
        version_sql: &str,
    ) -> Result<(Vec<String>, Option<String>)> {
        let sql =             "SELECT array(SELECT relname::text FROM pg_class
                          WHERE relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND relkind IN ('r', 'p')
                          ORDER BY 1),
                    CASE WHEN to_regclass($1) IS NOT NULL THEN
                        (xpath('/row/v/text()', query_to_xml($2, false, true, '')))[1]::text
                    END";
        let rows = self.rows(sql, &[version_table, version_sql], "read the schema of")?;
        let row = rows.first().ok_or_else(|| {
            Error::Failure(format!("{} returned no schema row", self.url.target()))
        })?;
        Ok((row.get(0), row.get(1)))
    }

    /// Indexes of the current schema left invalid (by a failed concurrent
    /// build): PostgreSQL checks its own pages, so this is what can be
    /// wrong at this level.
    pub fn invalid_indexes(&mut self) -> Result<Vec<String>> {
        let rows = self.rows(
            "SELECT i.indexrelid::regclass::text FROM pg_index i
             JOIN pg_class c ON c.oid = i.indrelid
             WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND NOT i.indisvalid",
            &[],
            "check the indexes of",
        )?;
        Ok(rows
            .iter()
            .map(|r| format!("index {} is invalid; REINDEX it", r.get::<_, String>(0)))
            .collect())
    }

    /// Whether the connection is encrypted, and with what.
    pub fn tls_in_use(&mut self) -> Result<Option<String>> {
        let rows = self.rows(
            "SELECT ssl, coalesce(version, '') FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
            &[],
            "read the connection state of",
        )?;
        Ok(rows
            .first()
            .filter(|r| r.get::<_, bool>(0))
            .map(|r| r.get::<_, String>(1)))
    }
}

/// A transaction: rolled back on drop unless committed.
pub struct PgTx<'a> {
    client: &'a mut Client,
    url: &'a PgUrl,
    open: bool,
}

impl PgTx<'_> {
    /// What keeps authctl from writing `columns` of `table` as it does, in
    /// a release whose schema it does not know (as `sqlite::unwritable`).
    pub fn unwritable(&mut self, table: &str, columns: &[&str]) -> Result<Vec<String>> {
        let rows = self.rows(
            "SELECT column_name::text, (is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO' AND is_generated = 'NEVER')::text
             FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1",
            &[table],
            "read the schema of",
        )?;
        let present: Vec<(String, bool)> = rows
            .iter()
            .map(|r| (r.get::<_, String>(0), r.get::<_, String>(1) == "true"))
            .collect();
        Ok(super::written_columns_problems(table, columns, &present))
    }

    /// Rows of `sql` with text parameters, in one round trip.
    pub fn rows(&mut self, sql: &str, params: &[&str], doing: &str) -> Result<Vec<Row>> {
        query(self.client, sql, params).map_err(|e| describe(&e, self.url, doing))
    }

    /// Rows of `sql` with typed parameters, in one round trip.
    pub fn rows_typed(
        &mut self,
        sql: &str,
        params: &[(&(dyn ToSql + Sync), Type)],
        doing: &str,
    ) -> Result<Vec<Row>> {
        self.client
            .query_typed(sql, params)
            .map_err(|e| describe(&e, self.url, doing))
    }

    /// `many` (one statement for every row), or where the server refuses
    /// it, `one` row by row from a savepoint, so that the error names the
    /// row it refused; the transaction goes on either way.
    pub fn all_or_each<T>(
        &mut self,
        many: impl FnOnce(&mut Self) -> Result<Vec<T>>,
        count: usize,
        mut one: impl FnMut(&mut Self, usize) -> Result<T>,
    ) -> Result<Vec<T>> {
        self.batch("SAVEPOINT authctl_many", "begin a batch in")?;
        match many(self) {
            Ok(rows) => {
                self.batch("RELEASE SAVEPOINT authctl_many", "end a batch in")?;
                Ok(rows)
            }
            Err(batch_error) => {
                self.batch("ROLLBACK TO SAVEPOINT authctl_many", "undo a batch in")?;
                for i in 0..count {
                    one(self, i)?;
                }
                // Each row alone went in: the batch failed for another
                // reason, which is the one to report.
                Err(batch_error)
            }
        }
    }

    /// Run statements without parameters.
    pub fn batch(&mut self, sql: &str, doing: &str) -> Result<()> {
        self.client
            .batch_execute(sql)
            .map_err(|e| describe(&e, self.url, doing))
    }

    /// Commit.
    pub fn commit(mut self) -> Result<()> {
        self.open = false;
        self.client.batch_execute("COMMIT").map_err(|e| {
            if e.as_db_error().is_some() {
                // The server refused the commit (a deferred check): rolled back.
                describe(&e, self.url, "commit the change to")
            } else {
                // The connection failed during COMMIT: the server may have
                // committed before it went.
                Error::Failure(format!(
                    "the connection to {} failed while committing, so whether the change was made is unknown; look before retrying: {}",
                    self.url.target(),
                    chain(&e)
                ))
            }
        })
    }
}

impl Drop for PgTx<'_> {
    fn drop(&mut self) {
        if self.open {
            // Best effort: if the connection is gone, the server has
            // already rolled the transaction back.
            let _ = self.client.batch_execute("ROLLBACK");
        }
    }
}

/// `sql` with every parameter sent as text, typed by the statement's casts.
fn query(
    client: &mut Client,
    sql: &str,
    params: &[&str],
) -> std::result::Result<Vec<Row>, postgres::Error> {
    let typed: Vec<(&(dyn ToSql + Sync), Type)> = params
        .iter()
        .map(|p| (p as &(dyn ToSql + Sync), Type::TEXT))
        .collect();
    client.query_typed(sql, &typed)
}

/// Insert `new` with one statement, `sql`: an `INSERT ... SELECT FROM
/// unnest($1::text[] ids, $2::text[] names, $3::text[] hashes, $4::bool[]
/// active, $5::bool[] superuser) ... RETURNING` whose `$6` is now and whose
/// further parameters are `extra`. Where the server refuses it, `one` row
/// by row names the refused user. The users in `new`'s order.
pub fn insert_users(
    tx: &mut PgTx<'_>,
    new: &[crate::store::NewUser],
    sql: &str,
    extra: &[(&(dyn ToSql + Sync), Type)],
    row: fn(&Row) -> crate::store::User,
    one: &dyn Fn(&mut PgTx<'_>, &crate::store::NewUser) -> Result<crate::store::User>,
) -> Result<Vec<crate::store::User>> {
    if new.len() < 2 {
        return new.iter().map(|n| one(tx, n)).collect();
    }
    let now = crate::clock::now_rfc3339();
    let ids: Vec<String> = new
        .iter()
        .map(|_| uuid::Uuid::new_v4().hyphenated().to_string())
        .collect();
    let names: Vec<&str> = new.iter().map(|n| n.username.as_str()).collect();
    let hashes: Vec<&str> = new.iter().map(|n| n.password_hash.as_str()).collect();
    let active: Vec<bool> = new.iter().map(|n| n.is_active).collect();
    let admin: Vec<bool> = new.iter().map(|n| n.is_superuser).collect();
    let rows = tx.all_or_each(
        |tx| {
            let mut params: Vec<(&(dyn ToSql + Sync), Type)> = vec![
                (&ids, Type::TEXT_ARRAY),
                (&names, Type::TEXT_ARRAY),
                (&hashes, Type::TEXT_ARRAY),
                (&active, Type::BOOL_ARRAY),
                (&admin, Type::BOOL_ARRAY),
                (&now, Type::TEXT),
            ];
            params.extend_from_slice(extra);
            let rows = tx.rows_typed(sql, &params, &format!("create {} users in", new.len()))?;
            Ok(rows.iter().map(row).collect())
        },
        new.len(),
        |tx, i| one(tx, &new[i]),
    )?;
    crate::store::in_order(rows, &ids)
}

/// An identifier quoted for SQL.
pub fn quote(ident: &str) -> String {
    format!("\"{}\"", ident.replace('"', "\"\""))
}

/// An RFC 3339 UTC text (microseconds, `Z`) for a `timestamptz` column.
pub fn ts(column: &str) -> String {
    format!("to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")
}

fn ssl_mode(url: &PgUrl) -> postgres::config::SslMode {
    use postgres::config::SslMode as M;
    // libpq never negotiates TLS over a Unix socket.
    if matches!(url.host, PgHost::Socket(_)) {
        return M::Disable;
    }
    match url.sslmode {
        SslMode::Disable => M::Disable,
        SslMode::Allow | SslMode::Prefer => M::Prefer,
        SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => M::Require,
    }
}

/// Connect as `sslmode` says, with libpq's fallbacks for allow and prefer.
fn connect_all(
    url: &PgUrl,
    mode: postgres::config::SslMode,
    tls: Option<rustls::ClientConfig>,
) -> std::result::Result<Client, postgres::Error> {
    match url.sslmode {
        // libpq's allow: plain first, TLS if the server insists on it.
        SslMode::Allow => match connect_with(url, postgres::config::SslMode::Disable, None) {
            Err(e)
                if e.code()
                    == Some(&postgres::error::SqlState::INVALID_AUTHORIZATION_SPECIFICATION) =>
            {
                connect_with(url, postgres::config::SslMode::Require, tls)
            }
            other => other,
        },
        // libpq's prefer: TLS, and plain when TLS cannot be had (the
        // server declines it, or the handshake fails).
        SslMode::Prefer if mode == postgres::config::SslMode::Prefer => {
            match connect_with(url, mode, tls) {
                Err(e) if chain(&e).contains("TLS handshake") => {
                    connect_with(url, postgres::config::SslMode::Disable, None)
                }
                other => other,
            }
        }
        _ => connect_with(url, mode, tls),
    }
}

fn connect_with(
    url: &PgUrl,
    mode: postgres::config::SslMode,
    tls: Option<rustls::ClientConfig>,
) -> std::result::Result<Client, postgres::Error> {
    let mut config = postgres::Config::new();
    match &url.host {
        PgHost::Tcp(h) => config.host(h),
        PgHost::Socket(dir) => config.host_path(dir),
    };
    config
        .port(url.port)
        .user(&url.user)
        .dbname(&url.dbname)
        .connect_timeout(url.connect_timeout)
        .application_name(url.application_name.as_deref().unwrap_or("authctl"))
        .ssl_mode(mode);
    if let Some(p) = &url.password {
        config.password(p.expose_secret());
    }
    // Every statement, reads too, gives up waiting for a lock (Langflow's
    // own migration, say) after LOCK_TIMEOUT; the URL's options come after
    // and may say otherwise.
    let lock = format!("-c lock_timeout={}s", LOCK_TIMEOUT.as_secs());
    // Times are read and written as UTC whatever the server's TimeZone:
    // a `timestamp` column (Langflow before 1.13) holds UTC wall time, and
    // converting to or from it goes through the session's zone. Last, so
    // the URL's options cannot shift them.
    let utc = "-c TimeZone=UTC";
    let options = match &url.options {
        Some(o) => format!("{lock} {o} {utc}"),
        None => format!("{lock} {utc}"),
    };
    config.options(&options);
    match url.channel_binding.as_deref() {
        Some("disable") => config.channel_binding(postgres::config::ChannelBinding::Disable),
        Some("require") => config.channel_binding(postgres::config::ChannelBinding::Require),
        _ => config.channel_binding(postgres::config::ChannelBinding::Prefer),
    };
    if url.target_session_attrs.as_deref() == Some("read-write") {
        config.target_session_attrs(postgres::config::TargetSessionAttrs::ReadWrite);
    }
    match tls {
        Some(tls) if mode != postgres::config::SslMode::Disable => {
            config.connect(tokio_postgres_rustls::MakeRustlsConnect::new(tls))
        }
        _ => config.connect(postgres::NoTls),
    }
}

/// The rustls client configuration `sslmode` asks for, or why the root CA
/// cannot be used.
fn tls_config(url: &PgUrl) -> std::result::Result<rustls::ClientConfig, String> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?;
    // libpq: with a root CA file, every mode that uses TLS checks the
    // chain (require then behaves as verify-ca); verify-full also the name.
    let verify = match url.sslmode {
        SslMode::VerifyFull => Some(true),
        SslMode::VerifyCa => Some(false),
        _ if url.sslrootcert.is_some() => Some(false),
        _ => None,
    };
    let verifier: Arc<dyn ServerCertVerifier> = match verify {
        None => Arc::new(Unverified(provider)),
        Some(check_name) => {
            let path = url.sslrootcert.as_ref().expect("checked when parsed");
            let mut roots = rustls::RootCertStore::empty();
            let certs = read_roots(path)?;
            for c in certs {
                roots.add(c).map_err(|e| e.to_string())?;
            }
            let inner = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider)
                .build()
                .map_err(|e| e.to_string())?;
            if check_name {
                inner
            } else {
                Arc::new(ChainOnly(inner))
            }
        }
    };
    Ok(builder
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth())
}

fn read_roots(path: &std::path::Path) -> std::result::Result<Vec<CertificateDer<'static>>, String> {
    use rustls::pki_types::pem::PemObject;
    let text = crate::fsutil::read_regular(path, "sslrootcert", 4 * 1024 * 1024)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("sslrootcert \"{}\" does not exist", path.display()))?;
    let certs: Vec<_> = CertificateDer::pem_slice_iter(&text)
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| {
            format!(
                "sslrootcert \"{}\" is not PEM certificates: {e}",
                path.display()
            )
        })?;
    if certs.is_empty() {
        return Err(format!(
            "sslrootcert \"{}\" holds no certificate",
            path.display()
        ));
    }
    Ok(certs)
}

/// sslmode prefer/require without a root CA: encrypted, not verified (as
/// in libpq). Signatures are still checked, so the handshake is real.
#[derive(Debug)]
struct Unverified(Arc<rustls::crypto::CryptoProvider>);

impl ServerCertVerifier for Unverified {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// sslmode verify-ca: the chain must lead to the root CA; the name is not
/// checked (webpki checks the chain before the name, so a name mismatch
/// means the chain was good).
#[derive(Debug)]
struct ChainOnly(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

/// One line for a failure: what was being done, where (never the
/// password), why, and what to do.
pub fn describe(e: &postgres::Error, url: &PgUrl, doing: &str) -> Error {
    let target = url.target();
    let (why, fix): (String, String) = if let Some(db) = e.as_db_error() {
        let detail = db.detail().map(|d| format!(" ({d})")).unwrap_or_default();
        (
            format!("{}{detail}", db.message()),
            server_fix(db.code(), url),
        )
    } else if e.is_closed() {
        (
            "the server closed the connection".into(),
            "any change in progress was rolled back; check the server's log and retry".into(),
        )
    } else {
        let chain = chain(e);
        let lower = chain.to_ascii_lowercase();
        if lower.contains("lookup address") || lower.contains("name or service not known") {
            (
                "the host name does not resolve".into(),
                "check the host in the URL".into(),
            )
        } else if lower.contains("connection refused") {
            (
                "connection refused".into(),
                "check that the server is running and the host and port are right".into(),
            )
        } else if lower.contains("timed out") || lower.contains("timeout") {
            (
                format!("no answer within {} s", url.connect_timeout.as_secs()),
                "check the host, port and firewall, or raise connect_timeout in the URL".into(),
            )
        } else if lower.contains("password missing") {
            (
                "the server asks for a password and none was given".into(),
                "set PGPASSWORD or add the password to ~/.pgpass (never on the command line)"
                    .into(),
            )
        } else if lower.contains("server does not support tls") {
            (
                "the server does not offer TLS".into(),
                "turn ssl on in the server's postgresql.conf, or use sslmode=prefer".into(),
            )
        } else if lower.contains("certificate")
            || lower.contains("sslrootcert")
            || lower.contains("tls")
        {
            (
                format!("TLS failed: {chain}"),
                "check sslrootcert and that the server's certificate is for this host name".into(),
            )
        } else if lower.contains("no such file") && matches!(url.host, PgHost::Socket(_)) {
            (
                "no server socket there".into(),
                "check the socket directory (host=) and the port, and that the server is running"
                    .into(),
            )
        } else {
            (chain, "check the server and the URL".into())
        }
    };
    Error::Failure(format!("cannot {doing} {target}: {why}; {fix}"))
}

/// What to do about an error the server reported, by its SQLSTATE.
fn server_fix(code: &postgres::error::SqlState, url: &PgUrl) -> String {
    let code = code.code();
    match code {
        // invalid_password
        "28P01" => match url.password_source {
            Some(from) => format!("check the password (it came from {from})"),
            None => "give the password in PGPASSWORD or ~/.pgpass (or the URL)".into(),
        },
        // invalid_catalog_name
        "3D000" => format!(
            "create it (createdb {}) or fix the database name in the URL",
            url.dbname
        ),
        // invalid_authorization_specification
        "28000" => "the server's pg_hba.conf does not let this user in from here; ask its administrator, or try another sslmode".into(),
        // insufficient_privilege
        "42501" => format!(
            "grant user \"{}\" the rights it needs (authctl reads and writes the app's tables; on first use of its own layout it creates tables)",
            url.user
        ),
        // query_canceled: statement_timeout, or a cancel
        "57014" => "nothing was changed; retry, or raise statement_timeout for this user".into(),
        // lock_not_available: lock_timeout
        "55P03" => format!(
            "another session held a lock for over {} s; nothing was changed; retry when it is done",
            LOCK_TIMEOUT.as_secs()
        ),
        // serialization_failure, deadlock_detected
        "40001" | "40P01" => "nothing was changed; retry".into(),
        // admin_shutdown, crash_shutdown, cannot_connect_now
        _ if code.starts_with("57P") => {
            "the server is shutting down or restarting; the change was rolled back; retry when it is up".into()
        }
        // insufficient_resources
        _ if code.starts_with("53") => {
            "the server is out of a resource (connections, memory, disk); retry later".into()
        }
        _ => "nothing was changed; check the server's log".into(),
    }
}

fn chain(e: &postgres::Error) -> String {
    let mut out = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        let s = cause.to_string();
        if !out.contains(&s) {
            out.push_str(": ");
            out.push_str(&s);
        }
        source = cause.source();
    }
    out.replace(['\n', '\r'], " ")
}
