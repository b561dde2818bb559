//! MongoDB, through the official driver's sync API: the database a
//! `MONGO_URI` names, reached with bounded connect and server-selection
//! timeouts (unless the URI sets its own), TLS and `mongodb+srv://` as the
//! driver supports them. The URI's user and password are never shown: the
//! database is named by host and database only, and no driver message is
//! shown without the password taken out.

use crate::error::{Error, Result};
use mongodb::bson::Document;
use mongodb::options::ClientOptions;
use mongodb::sync::{Client, Collection, Database};
use std::time::Duration;

/// How long to wait for a server when the URI does not say.
pub const TIMEOUT: Duration = Duration::from_secs(5);

/// One connected database.
pub struct Mongo {
    pub db: Database,
    /// The database as messages name it.
    shown: String,
    /// The URI's password, to take out of driver messages.
    password: Option<String>,
}

/// `uri` as messages show it: "MongoDB at HOSTS, database \"NAME\"".
pub fn shown(uri: &str) -> String {
    let rest = uri.split_once("://").map_or(uri, |(_, r)| r);
    let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
    let (hosts, path) = rest.split_once('/').unwrap_or((rest, ""));
    let db = path.split('?').next().unwrap_or("");
    match db.is_empty() {
        true => format!("MongoDB at {hosts}"),
        false => format!("MongoDB at {hosts}, database \"{db}\""),
    }
}

impl Mongo {
    /// Connect to the database `uri` names (the driver's default, `test`,
    /// when it names none, as mongoose does) and check that it answers.
    /// `name` is the variable the URI came from, for messages.
    pub fn connect(uri: &str, name: &str) -> Result<Mongo> {
        let shown = shown(uri);
        let mut options = ClientOptions::parse(uri).run().map_err(|e| {
            Error::usage(format!(
                "{name} is not a MongoDB URI the driver reads ({}); it looks like mongodb://HOST:PORT/DATABASE",
                scrub(&e.to_string(), None)
            ))
        })?;
        let password = options.credential.as_ref().and_then(|c| c.password.clone());
        options.connect_timeout.get_or_insert(TIMEOUT);
        options.server_selection_timeout.get_or_insert(TIMEOUT);
        options
            .app_name
            .get_or_insert_with(|| "authctl".to_string());
        let db_name = options
            .default_database
            .clone()
            .unwrap_or_else(|| "test".to_string());
        let client =
            Client::with_options(options).map_err(|e| describe(&e, &shown, None, "reach"))?;
        let mongo = Mongo {
            db: client.database(&db_name),
            shown,
            password,
        };
        mongo
            .db
            .run_command(mongodb::bson::doc! { "ping": 1 })
            .run()
            .map_err(|e| mongo.error(&e, "reach"))?;
        Ok(mongo)
    }

    /// The database as messages name it.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// A collection of documents.
    pub fn collection(&self, name: &str) -> Collection<Document> {
        self.db.collection(name)
    }

    /// A driver error while `doing` something to this database.
    pub fn error(&self, e: &mongodb::error::Error, doing: &str) -> Error {
        describe(e, &self.shown, self.password.as_deref(), doing)
    }
}

/// `text` without `password` (and one line).
fn scrub(text: &str, password: Option<&str>) -> String {
    let text = match password.filter(|p| !p.is_empty()) {
        Some(p) => text.replace(p, "***"),
        None => text.to_string(),
    };
    text.replace(['\n', '\r'], " ")
}

/// A driver error as one line naming the database, the cause and the fix;
/// exit 5.
fn describe(e: &mongodb::error::Error, shown: &str, password: Option<&str>, doing: &str) -> Error {
    use mongodb::error::ErrorKind;
    let detail = scrub(&e.to_string(), password);
    let lower = detail.to_ascii_lowercase();
    let fix = match &*e.kind {
        ErrorKind::Authentication { .. } => {
            "check the user and password in MONGO_URI (and authSource)"
        }
        ErrorKind::ServerSelection { .. } if lower.contains("refused") => {
            "check that the server is running and the host and port in MONGO_URI are right"
        }
        ErrorKind::ServerSelection { .. } => {
            "no server answered in time: check the host, port and firewall, or raise serverSelectionTimeoutMS in MONGO_URI"
        }
        ErrorKind::DnsResolve { .. } => "check the host name in MONGO_URI",
        _ => "check the server's log, and MONGO_URI",
    };
    Error::Failure(format!("cannot {doing} {shown}: {detail}; {fix}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_uri_is_shown_without_its_password() {
        assert_eq!(
            shown("mongodb://app:s3cret@db1:27017,db2/LibreChat?authSource=admin"),
            "MongoDB at db1:27017,db2, database \"LibreChat\""
        );
        assert_eq!(
            shown("mongodb+srv://u:p@cluster0.example.net/"),
            "MongoDB at cluster0.example.net"
        );
        assert_eq!(scrub("bad s3cret\nhere", Some("s3cret")), "bad *** here");
    }
}
