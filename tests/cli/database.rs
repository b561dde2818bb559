//! Databases that are not the profile's, or older than it: refused with
//! nothing in them changed, and never migrated by a command that reads.

use crate::common::*;

#[test]
fn a_foreign_database_is_refused_before_anything_in_it_changes() {
    // A table of another app's, and one that merely shares a name with
    // authctl's own (`users`, with no authctl schema version).
    for table in ["flows", "users"] {
        refused_untouched(table);
    }
}

fn refused_untouched(table: &str) {
    let env = TestEnv::sqlite();
    std::fs::create_dir_all(env.config_dir()).unwrap();
    sqlite_rows(
        &env.db(),
        &format!("create table {table} (id integer primary key, body text)"),
    );
    sqlite_rows(
        &env.db(),
        &format!("insert into {table} (body) values ('x')"),
    );
    let before = env.snapshot();
    for args in [
        vec!["user", "list"],
        vec!["user", "add", "alice", "--password-env", "PW"],
        vec!["doctor"],
    ] {
        let out = env
            .cmd(&args)
            .env("PW", "Quiet-Harbor-2027")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        if args[0] != "doctor" {
            assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
            assert!(err.contains("another application"), "{err}");
            assert!(err.contains("langflow"), "{err}");
        }
        assert_eq!(env.snapshot(), before, "{args:?} changed the file");
        assert!(
            !env.config_dir().join("authctl.db-wal").exists(),
            "{args:?}"
        );
    }
    assert_eq!(
        env.sql("pragma journal_mode").trim(),
        "delete",
        "the journal mode was changed"
    );
}

#[test]
fn a_read_never_migrates_an_older_schema() {
    let env = TestEnv::sqlite();
    std::fs::create_dir_all(env.config_dir()).unwrap();
    // Schema version 1 (users and audit_log) with one user, as an older
    // authctl left it.
    let hash = python_eval(
        "import bcrypt,sys\nprint(bcrypt.hashpw(sys.argv[1].encode(), bcrypt.gensalt(10)).decode())",
        &[PASSWORD],
    )
    .trim()
    .to_string();
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    conn.execute_batch(
        "CREATE TABLE users (id TEXT PRIMARY KEY NOT NULL, username TEXT NOT NULL COLLATE NOCASE UNIQUE, password_hash TEXT NOT NULL, is_active INTEGER NOT NULL DEFAULT 0, is_superuser INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, last_login_at TEXT);
         CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '{}');
         PRAGMA user_version = 1;",
    )
    .unwrap();
    conn.execute(
        "insert into users values ('u1','old',?1,1,1,'2020-01-01T00:00:00Z','2020-01-01T00:00:00Z',NULL)",
        [&hash],
    )
    .unwrap();
    drop(conn);
    let before = env.snapshot();
    let out = env.cmd(&["--json", "user", "list"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"old\""));
    env.cmd(&["doctor"]).output().unwrap();
    assert_eq!(env.snapshot(), before, "a read changed the database");
    assert_eq!(env.sql("pragma user_version").trim(), "1");
    // A write upgrades it.
    env.user("new");
    assert_eq!(env.sql("pragma user_version").trim(), "3");
}

/// A database authctl made in WAL (as earlier releases did), or one an
/// operator switched to WAL, is read and written as it is: its journal
/// mode is the operator's, and nothing of it is left beside the file.
#[test]
fn a_database_in_wal_is_used_as_it_is() {
    let env = TestEnv::sqlite();
    env.cmd(&["superuser", "--username", "admin", "--password-env", "PW"])
        .env("PW", "Quiet-Harbor-2027")
        .assert()
        .success();
    assert_eq!(
        sqlite_rows(&env.db(), "pragma journal_mode").trim(),
        "delete"
    );
    assert_eq!(
        sqlite_rows(&env.db(), "pragma journal_mode = wal").trim(),
        "wal"
    );
    env.cmd(&["user", "add", "bob", "--password-env", "PW", "--active"])
        .env("PW", "Quiet-Harbor-2027")
        .assert()
        .success();
    let out = env.cmd(&["--json", "user", "list"]).assert().success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert_eq!(sqlite_rows(&env.db(), "pragma journal_mode").trim(), "wal");
    for sidecar in ["authctl.db-wal", "authctl.db-shm", "authctl.db-journal"] {
        assert!(!env.config_dir().join(sidecar).exists(), "{sidecar} left");
    }
}
