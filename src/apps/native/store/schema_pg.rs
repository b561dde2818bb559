//! The native schema in PostgreSQL's dialect: the same tables as
//! `schema_sqlite`, with PostgreSQL's types (`uuid`, `boolean`,
//! `timestamptz`, `jsonb`) and a unique index on `lower(username)` for
//! SQLite's `COLLATE NOCASE`. The version is the highest row of
//! `authctl_migrations` (SQLite's `PRAGMA user_version` has no peer here).

/// Numbered migrations; index + 1 is the version each one produces. They
/// must stay in step with `schema_sqlite::MIGRATIONS`.
pub(super) const MIGRATIONS: &[&str] = &[
    // 1: users and the audit log.
    "CREATE TABLE users (
        id uuid PRIMARY KEY,
        username text NOT NULL,
        password_hash text NOT NULL,
        is_active boolean NOT NULL DEFAULT false,
        is_superuser boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        last_login_at timestamptz
    );
    CREATE UNIQUE INDEX users_username_nocase ON users (lower(username));
    CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        target text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}'
    );",
    // 2: refresh tokens, kept by jti and hash, never the token.
    "CREATE TABLE refresh_tokens (
        jti text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_sha256 text NOT NULL UNIQUE,
        issued_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
    );
    CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);",
    // 3: API keys, kept by their SHA-256 only.
    "CREATE TABLE api_keys (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name text,
        key_sha256 text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        last_used_at timestamptz,
        revoked_at timestamptz
    );
    CREATE INDEX api_keys_user ON api_keys (user_id);",
];

/// The table that records which migrations ran.
pub(super) const VERSION_TABLE: &str = "authctl_migrations";

/// Every table the migrations create, and the version table.
pub(super) const NATIVE_TABLES: &[&str] = &[
    "users",
    "audit_log",
    "refresh_tokens",
    "api_keys",
    VERSION_TABLE,
];
