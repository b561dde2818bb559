//! What the store holds and hands out: users, API keys, refresh-token
//! records and audit records, as every layout presents them.

use super::normalize_username;
use crate::error::Result;
use serde::Serialize;

/// A user as every store presents it. Times are RFC 3339 UTC.
#[derive(Clone, Serialize, PartialEq, Eq)]
pub struct User {
    pub id: String,
    pub username: String,
    #[serde(skip)]
    pub password_hash: String,
    pub is_active: bool,
    pub is_superuser: bool,
    pub created_at: String,
    pub updated_at: String,
    pub last_login_at: Option<String>,
}

impl std::fmt::Debug for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User")
            .field("id", &self.id)
            .field("username", &self.username)
            .field("password_hash", &"<redacted>")
            .field("is_active", &self.is_active)
            .field("is_superuser", &self.is_superuser)
            .finish_non_exhaustive()
    }
}

/// A user to create.
pub struct NewUser {
    pub username: String,
    pub password_hash: String,
    pub is_active: bool,
    pub is_superuser: bool,
}

impl NewUser {
    /// This user with its name validated and in the stored form (NFC).
    pub fn normalized(&self) -> Result<NewUser> {
        Ok(NewUser {
            username: normalize_username(&self.username)?,
            password_hash: self.password_hash.clone(),
            is_active: self.is_active,
            is_superuser: self.is_superuser,
        })
    }
}

/// A change to apply to existing users; `None` leaves a field alone.
#[derive(Default)]
pub struct UserChange {
    pub password_hash: Option<String>,
    pub is_active: Option<bool>,
    pub is_superuser: Option<bool>,
    /// Allow the change to leave no active superuser.
    pub force: bool,
}

impl UserChange {
    /// The audit detail: which fields changed (never the hash).
    pub fn detail(&self) -> serde_json::Value {
        let mut m = serde_json::Map::new();
        if self.password_hash.is_some() {
            m.insert("password".into(), "changed".into());
        }
        if let Some(v) = self.is_active {
            m.insert("is_active".into(), v.into());
        }
        if let Some(v) = self.is_superuser {
            m.insert("is_superuser".into(), v.into());
        }
        if self.force {
            m.insert("force".into(), true.into());
        }
        serde_json::Value::Object(m)
    }

    /// The audit action name for this change.
    pub fn action(&self) -> &'static str {
        match (
            self.password_hash.is_some(),
            self.is_active,
            self.is_superuser,
        ) {
            (true, _, _) => "user.password",
            (false, Some(true), None) => "user.activate",
            (false, Some(false), None) => "user.deactivate",
            (false, None, Some(true)) => "user.promote",
            (false, None, Some(false)) => "user.demote",
            _ => "user.update",
        }
    }
}

/// How a layout keeps API keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiKeyStorage {
    /// Only the SHA-256 of the key (native).
    HashOnly,
    /// The Fernet-encrypted key and its SHA-256 (Langflow 1.9 on).
    EncryptedAndHash,
    /// The Fernet-encrypted key alone (Langflow 1.8).
    Encrypted,
    /// The key itself (Langflow up to 1.7).
    Plain,
    /// The key itself and its scrypt hash, per workspace, with permissions
    /// (Flowise).
    PlainAndScrypt,
}

/// A new API key to store.
pub struct NewApiKey {
    pub user: User,
    pub name: Option<String>,
    /// The key, for a layout that stores it as it is (Flowise).
    pub key: secrecy::SecretString,
    pub sha256_hex: String,
    pub encrypted: Option<String>,
    /// The permissions asked for (Flowise); empty: the layout's default.
    pub permissions: Vec<String>,
}

impl NewApiKey {
    /// The key as listed once stored under `id`, made at `created_at`,
    /// acting for its user.
    pub fn listed(&self, id: String, created_at: Option<String>) -> ApiKey {
        ApiKey {
            id,
            name: self.name.clone(),
            user_id: self.user.id.clone(),
            username: Some(self.user.username.clone()),
            created_at,
            last_used_at: None,
            active: true,
            workspace: None,
            permissions: None,
        }
    }
}

/// An API key as listed: never the key.
#[derive(Debug, Clone, Serialize)]
pub struct ApiKey {
    pub id: String,
    pub name: Option<String>,
    /// Empty where keys belong to workspaces (Flowise).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub user_id: String,
    pub username: Option<String>,
    pub created_at: Option<String>,
    pub last_used_at: Option<String>,
    pub active: bool,
    /// The workspace the key belongs to, where keys belong to workspaces
    /// rather than users (Flowise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workspace: Option<String>,
    /// What the key may do, where the app keeps that (Flowise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Vec<String>>,
}

impl ApiKey {
    /// What the audit trail records of a key (never the key): its id and
    /// name, and where keys belong to workspaces, which and with what
    /// permissions.
    pub fn audit_detail(&self) -> serde_json::Value {
        let mut detail = serde_json::json!({ "id": self.id, "name": self.name });
        if let Some(ws) = &self.workspace {
            detail["workspace"] = ws.as_str().into();
            detail["permissions"] = serde_json::json!(self.permissions);
        }
        detail
    }
}

/// A refresh token as the store keeps it: never the token itself.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RefreshToken {
    pub jti: String,
    pub user_id: String,
    pub issued_at: String,
    pub expires_at: String,
    pub revoked_at: Option<String>,
}

/// Which refresh tokens to revoke.
#[derive(Debug)]
pub enum Revoke {
    /// By jti.
    Jti(String),
    /// By the SHA-256 hex of the token.
    TokenSha256(String),
    /// Every token of a user id.
    User { user_id: String, username: String },
}

/// One audit record.
#[derive(Debug, Clone, Serialize)]
pub struct AuditRecord {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub target: String,
    pub detail: serde_json::Value,
}

/// Who makes the changes the audit trail records: the OS user, looked up
/// only when a change is written (reads never pay for the lookup).
pub struct Actor {
    name: std::cell::OnceCell<String>,
    lookup: fn() -> String,
}

impl Actor {
    /// The OS user running authctl.
    pub fn os_user() -> Self {
        Actor {
            name: std::cell::OnceCell::new(),
            lookup: crate::database_url::os_user,
        }
    }

    /// The actor's name.
    pub fn name(&self) -> String {
        self.name.get_or_init(self.lookup).clone()
    }
}

impl From<&str> for Actor {
    fn from(name: &str) -> Self {
        let cell = std::cell::OnceCell::new();
        let _ = cell.set(name.to_string());
        Actor {
            name: cell,
            lookup: String::new,
        }
    }
}
