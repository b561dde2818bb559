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
    client: Client,
    /// Whether the server runs transactions: a replica-set member or a
    /// mongos (a standalone server has none).
    pub transactions: bool,
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
        let mut mongo = Mongo {
            db: client.database(&db_name),
            client,
            transactions: false,
            shown,
            password,
        };
        mongo
            .db
            .run_command(mongodb::bson::doc! { "ping": 1 })
            .run()
            .map_err(|e| mongo.error(&e, "reach"))?;
        // `hello` (MongoDB 4.4.2 and later; `isMaster` before) says what
        // the server is; one that answers neither is written to without
        // transactions.
        let asked = |command| mongo.db.run_command(command).run();
        mongo.transactions = asked(mongodb::bson::doc! { "hello": 1 })
            .or_else(|_| asked(mongodb::bson::doc! { "isMaster": 1 }))
            .is_ok_and(|h| runs_transactions(&h));
        Ok(mongo)
    }

    /// A session to run a transaction in.
    pub fn session(
        &self,
    ) -> std::result::Result<mongodb::sync::ClientSession, mongodb::error::Error> {
        self.client.start_session().run()
    }

    /// The database as messages name it.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// A collection of documents.
    pub fn collection(&self, name: &str) -> Collection<Document> {
        self.db.collection(name)
    }

    /// Every document of a `find` (its `run()`'s answer), or the error
    /// met opening or reading its cursor while `doing` it.
    pub fn documents(
        &self,
        found: mongodb::error::Result<mongodb::sync::Cursor<Document>>,
        doing: &str,
    ) -> Result<Vec<Document>> {
        found
            .and_then(|cursor| cursor.collect::<mongodb::error::Result<Vec<_>>>())
            .map_err(|e| self.error(&e, doing))
    }

    /// A driver error while `doing` something to this database.
    pub fn error(&self, e: &mongodb::error::Error, doing: &str) -> Error {
        describe(e, &self.shown, self.password.as_deref(), doing)
    }
}

/// One write of a batch (`Mongo::write_all`).
pub struct Write {
    pub collection: &'static str,
    pub kind: WriteKind,
    /// What it does, for messages ("delete the user's sessions in").
    pub doing: String,
    /// For an update: why matching no document stops the batch (what it
    /// was to change changed meanwhile).
    pub must_match: Option<String>,
}

/// What a write does.
pub enum WriteKind {
    Insert(Document),
    UpdateOne(Document, Document),
    UpdateMany(Document, Document),
    DeleteMany(Document),
}

/// Why one write of a batch failed.
enum Failed {
    Driver(mongodb::error::Error),
    NoMatch(String),
}

impl Write {
    fn run(
        &self,
        mongo: &Mongo,
        session: Option<&mut mongodb::sync::ClientSession>,
    ) -> std::result::Result<(), Failed> {
        let c = mongo.collection(self.collection);
        macro_rules! go {
            ($action:expr) => {
                match session {
                    Some(s) => $action.session(s).run(),
                    None => $action.run(),
                }
                .map_err(Failed::Driver)
            };
        }
        let matched = match &self.kind {
            WriteKind::Insert(d) => go!(c.insert_one(d)).map(|_| 1)?,
            WriteKind::UpdateOne(f, u) => go!(c.update_one(f.clone(), u.clone()))?.matched_count,
            WriteKind::UpdateMany(f, u) => go!(c.update_many(f.clone(), u.clone()))?.matched_count,
            WriteKind::DeleteMany(f) => go!(c.delete_many(f.clone())).map(|_| 1)?,
        };
        match (&self.must_match, matched) {
            (Some(why), 0) => Err(Failed::NoMatch(why.clone())),
            _ => Ok(()),
        }
    }
}

impl Mongo {
    /// Run `writes` in order: in one transaction where the server runs
    /// them (all or none), else one by one, a failure then saying how many
    /// were made before it.
    pub fn write_all(&self, writes: &[Write]) -> Result<()> {
        let total = writes.len();
        let say = |w: &Write, failed: Failed| match failed {
            Failed::Driver(e) => self.error(&e, &w.doing).one_line(),
            Failed::NoMatch(why) => why,
        };
        if self.transactions && total > 1 {
            let begin = |e: mongodb::error::Error| self.error(&e, "start a transaction in");
            let mut session = self.session().map_err(begin)?;
            session.start_transaction().run().map_err(begin)?;
            for w in writes {
                if let Err(failed) = w.run(self, Some(&mut session)) {
                    let _ = session.abort_transaction().run();
                    return Err(Error::Failure(format!(
                        "{}; nothing was changed (the transaction was rolled back)",
                        say(w, failed)
                    )));
                }
            }
            return session
                .commit_transaction()
                .run()
                .map_err(|e| self.error(&e, "commit the changes to"));
        }
        for (done, w) in writes.iter().enumerate() {
            if let Err(failed) = w.run(self, None) {
                let why = say(w, failed);
                return Err(Error::Failure(match done {
                    0 => why,
                    _ => format!(
                        "{why}; {done} of {total} writes were made before it (without a replica set MongoDB has no transaction to undo them)"
                    ),
                }));
            }
        }
        Ok(())
    }
}

/// Whether a server whose `hello` answer is `hello` runs multi-document
/// transactions: a replica-set member (`setName`, wire version 7 = 4.0 or
/// later) or a mongos (`msg: "isdbgrid"`, wire version 8 = 4.2 or later),
/// with sessions.
fn runs_transactions(hello: &Document) -> bool {
    let wire = hello
        .get("maxWireVersion")
        .and_then(mongodb::bson::Bson::as_i32)
        .unwrap_or(0);
    let sessions = hello.contains_key("logicalSessionTimeoutMinutes");
    let replica = hello.get_str("setName").is_ok() && wire >= 7;
    let mongos = hello.get_str("msg") == Ok("isdbgrid") && wire >= 8;
    sessions && (replica || mongos)
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

    #[test]
    fn transactions_are_for_replica_sets_and_mongos_with_sessions() {
        use mongodb::bson::doc;
        let s = doc! { "logicalSessionTimeoutMinutes": 30 };
        let with = |mut d: Document| {
            d.extend(s.clone());
            d
        };
        assert!(runs_transactions(&with(
            doc! { "setName": "rs0", "maxWireVersion": 21 }
        )));
        assert!(runs_transactions(&with(
            doc! { "msg": "isdbgrid", "maxWireVersion": 21 }
        )));
        assert!(!runs_transactions(&with(doc! { "maxWireVersion": 21 })));
        assert!(!runs_transactions(&with(
            doc! { "setName": "rs0", "maxWireVersion": 6 }
        )));
        assert!(!runs_transactions(
            &doc! { "setName": "rs0", "maxWireVersion": 21 }
        ));
    }
}
