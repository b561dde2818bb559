//! Where Flowise's database is: its own variables, read as its server
//! reads them.

use crate::database_url::DatabaseUrl;
use crate::error::{Error, Result};
use crate::profile::ConfigDirDefault;
use crate::settings::Vars;
use std::path::{Path, PathBuf};

/// Flowise's database (`flowise/dist/DataSource.js`): `DATABASE_TYPE`
/// unset or `sqlite` is `<DATABASE_PATH or ~/.flowise>/database.sqlite`;
/// `postgres` is `DATABASE_HOST`, `DATABASE_PORT` (5432), `DATABASE_USER`,
/// `DATABASE_PASSWORD` and `DATABASE_NAME`, where node-postgres (like
/// libpq) falls back to `PGHOST`, `PGUSER`, ... for what is unset.
pub(crate) fn flowise_database(vars: &Vars, spec: &crate::profile::Spec) -> Result<DatabaseUrl> {
    match vars.get("DATABASE_TYPE") {
        None | Some("sqlite") => {}
        Some("postgres") => return flowise_postgres(vars),
        Some(other) => {
            return Err(Error::usage(format!(
                "DATABASE_TYPE=\"{other}\" is not a database authctl works on; Flowise's sqlite and postgres are"
            )))
        }
    }
    let dir = match vars.get("DATABASE_PATH") {
        Some(dir) => PathBuf::from(dir),
        None => crate::settings::default_config_dir(ConfigDirDefault::Home(".flowise"))?,
    };
    Ok(DatabaseUrl::Sqlite(dir.join(spec.database_file)))
}

/// libpq's variables, with Flowise's `DATABASE_PASSWORD` where libpq would
/// read `PGPASSWORD`.
struct FlowisePgEnv<'a>(&'a Vars);

impl crate::database_url::PgEnv for FlowisePgEnv<'_> {
    fn var(&self, name: &str) -> Option<String> {
        match name {
            "PGPASSWORD" => self.0.get("DATABASE_PASSWORD").or(self.0.get(name)),
            _ => self.0.get(name),
        }
        .map(str::to_string)
    }

    fn read_private(&self, path: &Path) -> Option<(String, bool)> {
        crate::database_url::PgEnv::read_private(self.0, path)
    }
}

fn flowise_postgres(vars: &Vars) -> Result<DatabaseUrl> {
    let enc = crate::database_url::pg::encode;
    let mut params: Vec<String> = Vec::new();
    // node-postgres connects to PGHOST, else localhost over TCP (not
    // libpq's socket directory).
    match vars.get("DATABASE_HOST").or(vars.get("PGHOST")) {
        Some(host) => params.push(format!("host={}", enc(host))),
        None => params.push("host=localhost".into()),
    }
    let port = vars.get("DATABASE_PORT").unwrap_or("5432");
    if port.parse::<u16>().is_err() {
        return Err(Error::usage(format!(
            "DATABASE_PORT=\"{port}\" is not a port number; use one from 1 to 65535"
        )));
    }
    params.push(format!("port={port}"));
    if let Some(user) = vars.get("DATABASE_USER") {
        params.push(format!("user={}", enc(user)));
    }
    if let Some(name) = vars.get("DATABASE_NAME") {
        params.push(format!("dbname={}", enc(name)));
    }
    // getDatabaseSSLFromEnv: DATABASE_SSL_KEY_BASE64 (a CA, checked only
    // with DATABASE_REJECT_UNAUTHORIZED=true), else DATABASE_SSL=true
    // (node's default: the chain and name checked against the system
    // CAs), else no TLS unless PGSSLMODE asks for it.
    let mut warnings = Vec::new();
    if vars.get("DATABASE_SSL_KEY_BASE64").is_some() {
        if vars.get("DATABASE_REJECT_UNAUTHORIZED") == Some("true") {
            if vars.get("PGSSLROOTCERT").is_none() {
                return Err(Error::usage(
                    "DATABASE_SSL_KEY_BASE64 with DATABASE_REJECT_UNAUTHORIZED=true: Flowise checks the server against that CA; write it to a file and set PGSSLROOTCERT to it so authctl checks the same",
                ));
            }
            params.push("sslmode=verify-full".into());
        } else {
            params.push("sslmode=require".into());
        }
    } else if vars.get("DATABASE_SSL") == Some("true") {
        if vars.get("PGSSLROOTCERT").is_some() {
            params.push("sslmode=verify-full".into());
        } else {
            params.push("sslmode=require".into());
            warnings.push(
                "DATABASE_SSL=true: Flowise checks the server's certificate against the system CAs; authctl encrypts the connection but checks the certificate only against PGSSLROOTCERT: set it to the CA file".to_string(),
            );
        }
    } else if vars.get("PGSSLMODE").is_none() {
        params.push("sslmode=disable".into());
    }
    let url = format!("postgresql:///?{}", params.join("&"));
    let mut parsed = crate::database_url::pg::parse(&url, &FlowisePgEnv(vars))?;
    if vars.get("DATABASE_PASSWORD").is_some() && parsed.password_source == Some("PGPASSWORD") {
        parsed.password_source = Some("DATABASE_PASSWORD");
    }
    parsed.warnings.extend(warnings);
    Ok(DatabaseUrl::Postgres(Box::new(parsed)))
}
