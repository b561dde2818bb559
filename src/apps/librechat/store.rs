//! LibreChat's users in MongoDB, written as LibreChat writes them
//! (`@librechat/data-schemas` 0.0.71's user schema, LibreChat's
//! `registerUser`, `config/delete-user.js`), checked with LibreChat's own
//! published code (tests/e2e/librechat_users.rs).
//!
//! The login name is the email (lower-cased, as the schema stores it);
//! active is `emailVerified` (LibreChat refuses an unverified login), and
//! activation also removes the TTL `expiresAt` an unverified registration
//! carries; superuser is `role: "ADMIN"`. A password change or a
//! deactivation deletes the user's `sessions`, which LibreChat's own reset
//! leaves valid.
//!
//! A write transaction here reads first, holds its changes, and writes
//! them at its commit (`Mongo::write_all`): in one MongoDB transaction
//! where the server runs them (a replica set or mongos), else in a safe
//! order, a user's own documents before the user, sessions after the
//! password that ends them. The audit trail goes to `authctl-audit.jsonl`
//! in LibreChat's folder.

use crate::error::{Error, Result};
use crate::store::audit_file::Pending;
use crate::store::mongo::{Mongo, Write, WriteKind};
use crate::store::{
    Actor, ApiKey, ApiKeyStorage, ApiKeys, Invited, Invites, Layout, NewApiKey, NewUser,
    RefreshTokens, User, UserChange, UserRows, UsersTx,
};
use mongodb::bson::{doc, oid::ObjectId, Bson, DateTime, Document};
use serde_json::Value;
use std::path::PathBuf;

/// The documents of a user that `config/delete-user.js` deletes with it
/// (collection, field naming the user); transactions are kept, as that
/// script keeps them unless asked.
pub const OWNED: &[(&str, &str)] = &[
    ("actions", "user"),
    ("agents", "author"),
    ("assistants", "user"),
    ("balances", "user"),
    ("conversationtags", "user"),
    ("conversations", "user"),
    ("messages", "user"),
    ("files", "user"),
    ("keys", "userId"),
    ("memoryentries", "userId"),
    ("pluginauths", "userId"),
    ("prompts", "author"),
    ("promptgroups", "author"),
    ("presets", "user"),
    ("sessions", "user"),
    ("sharedlinks", "user"),
    ("toolcalls", "user"),
    ("tokens", "userId"),
    ("aclentries", "principalId"),
];

/// The store over LibreChat's database.
pub struct LibreChatStore {
    pub(super) mongo: Mongo,
    pub(super) actor: Actor,
    pub(super) audit_path: PathBuf,
}

impl LibreChatStore {
    /// Connect to the database `uri` (from `var`) names.
    pub fn open(uri: &str, var: &str, actor: Actor, audit_path: PathBuf) -> Result<Self> {
        Ok(LibreChatStore {
            mongo: Mongo::connect(uri, var)?,
            actor,
            audit_path,
        })
    }

    fn users(&self) -> mongodb::sync::Collection<Document> {
        self.mongo.collection("users")
    }

    fn read_users(&self, filter: Document) -> Result<Vec<User>> {
        let found = self
            .users()
            .find(filter)
            .sort(doc! { "createdAt": 1, "_id": 1 })
            .run();
        self.mongo
            .documents(found, "read the users of")?
            .iter()
            .map(to_user)
            .collect()
    }
}

impl LibreChatStore {
    /// Every user, and how many unverified ones carry the TTL `expiresAt`
    /// that deletes them (doctor).
    pub fn users_and_expiring(&self) -> Result<(Vec<User>, u64)> {
        let users = self.list_users()?;
        let expiring = self
            .users()
            .count_documents(
                doc! { "emailVerified": { "$ne": true }, "expiresAt": { "$exists": true } },
            )
            .run()
            .map_err(|e| self.mongo.error(&e, "read the users of"))?;
        Ok((users, expiring))
    }
}

/// A bson date as RFC 3339 UTC with microseconds, as the other layouts
/// show times.
pub(super) fn rfc3339(d: Option<&Bson>) -> String {
    match d {
        Some(Bson::DateTime(t)) => chrono::DateTime::from_timestamp_millis(t.timestamp_millis())
            .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// A user document as authctl's model; one without an ObjectId `_id` or an
/// email is not LibreChat's.
fn to_user(d: &Document) -> Result<User> {
    let id = d.get_object_id("_id").map_err(|_| {
        Error::Failure(
            "a document in users has no ObjectId _id; LibreChat could not use it either".into(),
        )
    })?;
    let email = d.get_str("email").map_err(|_| {
        Error::Failure(format!(
            "user {} has no email; LibreChat requires one",
            id.to_hex()
        ))
    })?;
    Ok(User {
        id: id.to_hex(),
        username: email.to_string(),
        password_hash: d.get_str("password").unwrap_or_default().to_string(),
        is_active: d.get_bool("emailVerified").unwrap_or(false),
        is_superuser: d.get_str("role").is_ok_and(|r| r == "ADMIN"),
        created_at: rfc3339(d.get("createdAt")),
        updated_at: rfc3339(d.get("updatedAt")),
        last_login_at: None,
    })
}

/// The `_id` of a user id as authctl shows it (24 hex digits).
pub(super) fn object_id(id: &str) -> Option<ObjectId> {
    ObjectId::parse_str(id.trim()).ok()
}

/// The `_id` of a user read from the database (`to_user` made its id from
/// one).
pub(super) fn user_object_id(user: &User) -> Result<ObjectId> {
    object_id(&user.id)
        .ok_or_else(|| Error::Failure(format!("user id {} is not an ObjectId", user.id)))
}

/// One write of a transaction's commit.
fn write(collection: &'static str, kind: WriteKind, doing: &str) -> Write {
    Write {
        collection,
        kind,
        doing: doing.to_string(),
        must_match: None,
    }
}

/// A filter matching a user reference stored either way LibreChat's models
/// store it (an ObjectId, or its hex string), as mongoose casts `uid`.
pub(super) fn names_user(field: &str, id: ObjectId) -> Document {
    doc! { field: { "$in": [id, id.to_hex()] } }
}

impl UserRows for LibreChatStore {
    fn get_user_by_id(&self, id: &str) -> Result<Option<User>> {
        let Some(id) = object_id(id) else {
            return Ok(None);
        };
        Ok(self.read_users(doc! { "_id": id })?.into_iter().next())
    }

    fn list_users(&self) -> Result<Vec<User>> {
        self.read_users(doc! {})
    }

    fn begin_users(&mut self) -> Result<Box<dyn UsersTx + '_>> {
        crate::store::audit_file::prepare(&self.audit_path)?;
        let users = self.list_users()?;
        Ok(Box::new(MongoUsersTx {
            audit: Pending::new(self.actor.name(), self.audit_path.clone()),
            store: self,
            users,
            writes: Vec::new(),
        }))
    }
}

/// One write "transaction": the users as read at its start, with the
/// changes held applied to them; the writes held, made at the commit.
struct MongoUsersTx<'a> {
    store: &'a LibreChatStore,
    users: Vec<User>,
    writes: Vec<Write>,
    audit: Pending,
}

pub(super) fn now() -> (DateTime, String) {
    let t = crate::clock::now();
    (
        DateTime::from_millis(t.timestamp_millis()),
        t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
    )
}

impl UsersTx for MongoUsersTx<'_> {
    fn users(&mut self) -> Result<Vec<User>> {
        Ok(self.users.clone())
    }

    /// The document LibreChat's registration writes (its defaults
    /// included), with the name and username taken from the email.
    fn insert(&mut self, new: &NewUser) -> Result<User> {
        let id = ObjectId::new();
        let (at, shown) = now();
        let email = new.username.to_lowercase();
        let local = email.split('@').next().unwrap_or(&email).to_string();
        let document = doc! {
            "_id": id,
            "name": &local,
            "username": &local,
            "email": &email,
            "emailVerified": new.is_active,
            "password": &new.password_hash,
            "avatar": Bson::Null,
            "provider": "local",
            "role": if new.is_superuser { "ADMIN" } else { "USER" },
            "plugins": [],
            "twoFactorEnabled": false,
            "termsAccepted": false,
            "termsAcceptedAt": Bson::Null,
            "personalization": { "memories": true, "statefulCodeEnvironment": "user", "_id": ObjectId::new() },
            "backupCodes": [],
            "refreshToken": [],
            "favorites": [],
            "skillStates": {},
            "pinnedOrder": [],
            "createdAt": at,
            "updatedAt": at,
            "__v": 0,
        };
        self.writes.push(write(
            "users",
            WriteKind::Insert(document),
            "add the user to",
        ));
        let user = User {
            id: id.to_hex(),
            username: email,
            password_hash: new.password_hash.clone(),
            is_active: new.is_active,
            is_superuser: new.is_superuser,
            created_at: shown.clone(),
            updated_at: shown,
            last_login_at: None,
        };
        self.users.push(user.clone());
        Ok(user)
    }

    fn update(&mut self, user: &User, change: &UserChange) -> Result<User> {
        let id = user_object_id(user)?;
        let (at, shown) = now();
        let mut set = doc! { "updatedAt": at };
        let mut unset = Document::new();
        if let Some(hash) = &change.password_hash {
            set.insert("password", hash);
        }
        if let Some(active) = change.is_active {
            set.insert("emailVerified", active);
            if active {
                // A verified user is not deleted by the TTL index.
                unset.insert("expiresAt", "");
            }
        }
        if let Some(admin) = change.is_superuser {
            set.insert("role", if admin { "ADMIN" } else { "USER" });
        }
        let mut update = doc! { "$set": set };
        if !unset.is_empty() {
            update.insert("$unset", unset);
        }
        self.writes.push(write(
            "users",
            WriteKind::UpdateOne(doc! { "_id": id }, update),
            "update the user in",
        ));
        // After the password that ends them.
        if change.password_hash.is_some() || change.is_active == Some(false) {
            self.writes.push(write(
                "sessions",
                WriteKind::DeleteMany(names_user("user", id)),
                "end the user's sessions in",
            ));
        }
        let updated = User {
            password_hash: change
                .password_hash
                .clone()
                .unwrap_or_else(|| user.password_hash.clone()),
            is_active: change.is_active.unwrap_or(user.is_active),
            is_superuser: change.is_superuser.unwrap_or(user.is_superuser),
            updated_at: shown,
            ..user.clone()
        };
        if let Some(u) = self.users.iter_mut().find(|u| u.id == user.id) {
            *u = updated.clone();
        }
        Ok(updated)
    }

    /// What `config/delete-user.js` removes, counted now and deleted at the
    /// commit, the user last.
    fn remove(&mut self, user: &User) -> Result<Value> {
        let id = user_object_id(user)?;
        let mut removed = serde_json::Map::new();
        for (collection, field) in OWNED {
            let n = self
                .store
                .mongo
                .collection(collection)
                .count_documents(names_user(field, id))
                .run()
                .map_err(|e| {
                    self.store
                        .mongo
                        .error(&e, &format!("count {collection} in"))
                })?;
            if n > 0 {
                removed.insert(format!("{collection}.{field}"), n.into());
            }
        }
        // The user's documents first, the user last.
        for (collection, field) in OWNED {
            self.writes.push(write(
                collection,
                WriteKind::DeleteMany(names_user(field, id)),
                &format!("delete the user's {collection} in"),
            ));
        }
        self.writes.push(write(
            "groups",
            WriteKind::UpdateMany(
                doc! { "memberIds": id },
                doc! { "$pull": { "memberIds": id } },
            ),
            "take the user out of its groups in",
        ));
        self.writes.push(write(
            "users",
            WriteKind::DeleteMany(doc! { "_id": id }),
            "delete the user from",
        ));
        self.users.retain(|u| u.id != user.id);
        Ok(Value::Object(removed))
    }

    fn api_keys(&mut self) -> Result<Vec<ApiKey>> {
        Ok(Vec::new())
    }

    fn insert_api_key(&mut self, _new: &NewApiKey) -> Result<ApiKey> {
        Err(no_api_keys())
    }

    fn remove_api_key(&mut self, _key: &ApiKey) -> Result<()> {
        Err(no_api_keys())
    }

    fn api_key_is(&mut self, _key: &ApiKey, _new: &NewApiKey) -> Result<bool> {
        Ok(false)
    }

    fn audit(&mut self, action: &str, target: &str, detail: Value) -> Result<()> {
        self.audit.push(action, target, detail);
        Ok(())
    }

    fn commit(self: Box<Self>) -> Result<()> {
        let this = *self;
        this.store.mongo.write_all(&this.writes)?;
        this.audit.commit_with(|| Ok(()))
    }
}

/// LibreChat's API keys (its agents' keys) are not authctl's to manage.
fn no_api_keys() -> Error {
    Error::usage(
        "authctl does not manage LibreChat's API keys (they belong to its agents, made in its UI); `authctl user` manages its users",
    )
}

/// How long LibreChat's invite is valid (`packages/api/src/auth/invite.ts`).
const INVITE_SECONDS: i64 = 604_800;

/// LibreChat's `DOMAIN_CLIENT` default (its `.env.example`).
const DOMAIN_CLIENT_DEFAULT: &str = "http://localhost:3080";

impl Invites for LibreChatStore {
    /// LibreChat's `createInvite`: a `tokens` document for a new random
    /// ObjectId, the email lower-cased, the SHA-256 hex of 32 random bytes
    /// (as hex) that the link carries, for 7 days.
    fn invite(&mut self, email: &str, settings: &crate::settings::Settings) -> Result<Invited> {
        use secrecy::ExposeSecret;
        let email = email.to_lowercase();
        let raw = crate::secrets::generate(32, crate::secrets::Encoding::Hex)?;
        let hash = crate::apps::api_keys::sha256_hex(&raw);
        let (at, _) = now();
        let expires = DateTime::from_millis(at.timestamp_millis() + INVITE_SECONDS * 1000);
        crate::store::audit_file::prepare(&self.audit_path)?;
        self.mongo
            .collection("tokens")
            .insert_one(doc! {
                "userId": ObjectId::new(),
                "email": &email,
                "token": &hash,
                "createdAt": at,
                "expiresAt": expires,
                "__v": 0,
            })
            .run()
            .map_err(|e| self.mongo.error(&e, "store the invitation in"))?;
        let expires_at = rfc3339(Some(&Bson::DateTime(expires)));
        crate::store::audit_file::append_audit(
            &self.audit_path,
            &[crate::store::audit_file::audit_record(
                self.actor.name(),
                "user.invite",
                &email,
                serde_json::json!({ "expires_at": expires_at }),
            )],
        );
        let domain = settings
            .lookup("DOMAIN_CLIENT")
            .filter(|d| !d.trim().is_empty())
            .unwrap_or(DOMAIN_CLIENT_DEFAULT);
        Ok(Invited {
            link: format!(
                "{}/register?token={}",
                domain.trim().trim_end_matches('/'),
                raw.expose_secret()
            ),
            email,
            expires_at,
        })
    }
}

impl Layout for LibreChatStore {
    fn app(&self) -> &'static str {
        "LibreChat"
    }

    fn invites_mut(&mut self) -> Option<&mut dyn Invites> {
        Some(self)
    }

    fn bans_mut(&mut self) -> Option<&mut dyn crate::store::Bans> {
        Some(self)
    }

    fn release(&self) -> Option<String> {
        Some(format!(
            "LibreChat users as @librechat/data-schemas 0.0.71 writes them, in {}",
            self.mongo.shown()
        ))
    }

    fn refresh_tokens(&self) -> Option<&dyn RefreshTokens> {
        Some(self)
    }

    fn refresh_tokens_mut(&mut self) -> Option<&mut dyn RefreshTokens> {
        Some(self)
    }

    fn integrity_check(&self) -> Result<Vec<String>> {
        Ok(Vec::new())
    }
}

impl ApiKeys for LibreChatStore {
    fn api_key_storage(&self) -> ApiKeyStorage {
        ApiKeyStorage::HashOnly
    }

    /// None that authctl manages (`apikey` is refused in this profile;
    /// `export` lists users only, and `apply` refuses a declared key).
    fn list_api_keys(&self) -> Result<Vec<ApiKey>> {
        Ok(Vec::new())
    }

    fn revoke_api_key(&mut self, _id_or_name: &str) -> Result<ApiKey> {
        Err(no_api_keys())
    }
}
