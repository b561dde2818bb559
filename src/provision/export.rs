//! The users and API-key metadata of a database, in the provisioning
//! file's format, so that `export | apply` reproduces them elsewhere.
//!
//! Invariants: never a key; a password hash only when asked for; every
//! string is written double-quoted (JSON's escapes, which YAML reads the
//! same), so no name can turn into YAML syntax.

use super::doc::Format;
use crate::error::Result;
use crate::store::{ApiKey, Store, User};
use serde::Serialize;

/// One exported user.
#[derive(Serialize)]
pub struct ExportUser {
    pub name: String,
    pub active: bool,
    pub superuser: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password_hash: Option<String>,
}

/// One exported API key: its name and owner.
#[derive(Serialize)]
pub struct ExportKey {
    pub name: String,
    pub owner: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub permissions: Vec<String>,
}

/// What `export` writes.
#[derive(Serialize)]
pub struct Export {
    pub version: u64,
    pub users: Vec<ExportUser>,
    pub api_keys: Vec<ExportKey>,
    /// Keys that could not be written (no name, no owner), for a note.
    #[serde(skip)]
    pub skipped: Vec<String>,
}

impl std::fmt::Debug for Export {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Export")
            .field("users", &self.users.len())
            .field("api_keys", &self.api_keys.len())
            .finish_non_exhaustive()
    }
}

/// Read the accounts of `store` (`None`: no database yet, nothing).
pub fn export(store: Option<&Store>, with_hashes: bool) -> Result<Export> {
    let mut out = Export {
        version: super::file::VERSION,
        users: Vec::new(),
        api_keys: Vec::new(),
        skipped: Vec::new(),
    };
    let Some(store) = store else {
        return Ok(out);
    };
    let users = store.list_users()?;
    for u in &users {
        out.users.push(ExportUser {
            name: u.username.clone(),
            active: u.is_active,
            superuser: u.is_superuser,
            password_hash: (with_hashes && !u.password_hash.is_empty())
                .then(|| u.password_hash.clone()),
        });
    }
    let keys = store.api_keys_ref().list_api_keys()?;
    // Where keys belong to workspaces (Flowise), the owner is the first
    // user, superusers first, whose workspace holds the key.
    let mut by_workspace: Vec<(String, Vec<ApiKey>)> = Vec::new();
    if keys.iter().any(|k| k.user_id.is_empty()) {
        let mut ordered: Vec<&User> = users.iter().collect();
        ordered.sort_by_key(|u| !u.is_superuser);
        for u in ordered {
            by_workspace.push((u.username.clone(), store.api_keys_ref().api_keys_of(u)?));
        }
    }
    for k in keys.into_iter().filter(|k| k.active) {
        let owner = k.username.clone().or_else(|| {
            by_workspace
                .iter()
                .find(|(_, ks)| ks.iter().any(|x| x.id == k.id))
                .map(|(u, _)| u.clone())
        });
        match (k.name.clone().filter(|n| !n.is_empty()), owner) {
            (Some(name), Some(owner)) => out.api_keys.push(ExportKey {
                name,
                owner,
                permissions: k.permissions.clone().unwrap_or_default(),
            }),
            _ => out.skipped.push(k.id.clone()),
        }
    }
    Ok(out)
}

/// `export` as text in `format`.
pub fn render(export: &Export, format: Format) -> String {
    match format {
        Format::Json => serde_json::to_string_pretty(export).unwrap_or_default() + "\n",
        Format::Yaml => yaml(export),
    }
}

fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

fn yaml(e: &Export) -> String {
    let mut s = format!("version: {}\n", e.version);
    if e.users.is_empty() {
        s.push_str("users: []\n");
    } else {
        s.push_str("users:\n");
    }
    for u in &e.users {
        s.push_str(&format!(
            "  - name: {}\n    active: {}\n    superuser: {}\n",
            q(&u.name),
            u.active,
            u.superuser
        ));
        if let Some(h) = &u.password_hash {
            s.push_str(&format!("    password_hash: {}\n", q(h)));
        }
    }
    if e.api_keys.is_empty() {
        s.push_str("api_keys: []\n");
    } else {
        s.push_str("api_keys:\n");
    }
    for k in &e.api_keys {
        s.push_str(&format!(
            "  - name: {}\n    owner: {}\n",
            q(&k.name),
            q(&k.owner)
        ));
        if !k.permissions.is_empty() {
            let list: Vec<String> = k.permissions.iter().map(|p| q(p)).collect();
            s.push_str(&format!("    permissions: [{}]\n", list.join(", ")));
        }
    }
    s
}
