//! The native schema in SQLite's dialect (`COLLATE NOCASE`, `json_valid`,
//! `AUTOINCREMENT`): numbered migrations, applied in order, each once. Another
//! engine brings the same tables in its own dialect.

/// Numbered migrations; index + 1 is the version each one produces.
pub(super) const MIGRATIONS: &[&str] = &[
    // 1: users and the audit log.
    "CREATE TABLE users (
        id TEXT PRIMARY KEY NOT NULL,
        username TEXT NOT NULL COLLATE NOCASE UNIQUE,
        password_hash TEXT NOT NULL,
        is_active INTEGER NOT NULL DEFAULT 0 CHECK (is_active IN (0, 1)),
        is_superuser INTEGER NOT NULL DEFAULT 0 CHECK (is_superuser IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_login_at TEXT
    );
    CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
    );",
    // 2: refresh tokens, kept by jti and hash, never the token.
    "CREATE TABLE refresh_tokens (
        jti TEXT PRIMARY KEY NOT NULL,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_sha256 TEXT NOT NULL UNIQUE,
        issued_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        revoked_at TEXT
    );
    CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);",
    // 3: API keys, kept by their SHA-256 only.
    "CREATE TABLE api_keys (
        id TEXT PRIMARY KEY NOT NULL,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name TEXT,
        key_sha256 TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        last_used_at TEXT,
        revoked_at TEXT
    );
    CREATE INDEX api_keys_user ON api_keys (user_id);",
];

/// Every table the migrations create.
pub(super) const NATIVE_TABLES: &[&str] = &["users", "audit_log", "refresh_tokens", "api_keys"];
