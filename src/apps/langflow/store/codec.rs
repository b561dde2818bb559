//! How Langflow writes its rows: ids, times, and the user and API-key
//! columns authctl reads.

use crate::store::{ApiKey, User};

/// What Langflow stores in `user.optins` for a new user (`UserOptin()`).
pub(super) const DEFAULT_OPTINS: &str =
    r#"{"github_starred": false, "dialog_dismissed": false, "discord_clicked": false}"#;

/// A UUID as Langflow stores it: 32 lowercase hex digits.
pub fn hex_id(id: &str) -> String {
    uuid::Uuid::parse_str(id.trim())
        .map(|u| u.simple().to_string())
        .unwrap_or_else(|_| id.trim().to_ascii_lowercase())
}

/// A stored id as tokens carry it (`sub`): hyphenated.
pub fn hyphenated(id: &str) -> String {
    uuid::Uuid::parse_str(id)
        .map(|u| u.hyphenated().to_string())
        .unwrap_or_else(|_| id.to_string())
}

/// Now as Langflow writes it: naive UTC with microseconds.
pub fn naive_now() -> String {
    crate::clock::now()
        .format("%Y-%m-%d %H:%M:%S%.6f")
        .to_string()
}

/// A Langflow datetime as RFC 3339 UTC (unchanged if it does not parse).
pub fn to_rfc3339(naive: &str) -> String {
    chrono::NaiveDateTime::parse_from_str(naive, "%Y-%m-%d %H:%M:%S%.f")
        .map(|t| {
            t.and_utc()
                .to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
        })
        .unwrap_or_else(|_| naive.to_string())
}

pub(super) const USER_QUERY: &str = "SELECT id, username, password, is_active, is_superuser, create_at, updated_at, last_login_at FROM \"user\"";

pub(super) fn row_to_user(r: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    let id: String = r.get(0)?;
    let created: Option<String> = r.get(5)?;
    let updated: Option<String> = r.get(6)?;
    let last: Option<String> = r.get(7)?;
    Ok(User {
        id: hyphenated(&id),
        username: r.get(1)?,
        password_hash: r.get(2)?,
        is_active: r.get(3)?,
        is_superuser: r.get(4)?,
        created_at: created.as_deref().map(to_rfc3339).unwrap_or_default(),
        updated_at: updated.as_deref().map(to_rfc3339).unwrap_or_default(),
        last_login_at: last.as_deref().map(to_rfc3339),
    })
}

pub(super) const API_KEY_QUERY: &str = "SELECT a.id, a.name, a.user_id, u.username, a.created_at, a.last_used_at, a.is_active FROM apikey a LEFT JOIN \"user\" u ON u.id = a.user_id";

pub(super) fn row_to_api_key(r: &rusqlite::Row<'_>) -> rusqlite::Result<ApiKey> {
    let user_id: String = r.get(2)?;
    let created: Option<String> = r.get(4)?;
    let last: Option<String> = r.get(5)?;
    Ok(ApiKey {
        id: r.get(0)?,
        name: r.get(1)?,
        user_id: hyphenated(&user_id),
        username: r.get(3)?,
        created_at: created.as_deref().map(to_rfc3339),
        last_used_at: last.as_deref().map(to_rfc3339),
        active: r.get(6)?,
        workspace: None,
        permissions: None,
    })
}
