//! What only a PostgreSQL server has: TLS modes, passwords and where they
//! come from, server errors, and the last-superuser guard under concurrent
//! writers on separate connections. These need a server: scripts/e2e.sh
//! starts one (or uses PG_TEST_URL) and runs them with --include-ignored;
//! the rest of this suite runs on PostgreSQL there too.

use crate::common::*;
use std::process::Stdio;
use std::time::Duration;

fn env() -> TestEnv {
    TestEnv::postgres()
}

fn db(env: &TestEnv) -> &PgDb {
    env.pg().expect("on PostgreSQL")
}

/// `postgresql://postgres@127.0.0.1:PORT/NAME` without the query.
fn base(env: &TestEnv) -> String {
    db(env).url.split('?').next().unwrap().to_string()
}

fn port(env: &TestEnv) -> String {
    base(env)
        .rsplit_once(':')
        .unwrap()
        .1
        .split('/')
        .next()
        .unwrap()
        .to_string()
}

#[allow(clippy::disallowed_methods)]
fn test_var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is set by scripts/pg-cluster.sh"))
}

#[test]
#[ignore = "needs PostgreSQL: scripts/e2e.sh"]
fn tls_modes_mean_what_libpq_means() {
    let env = env();
    env.admin();
    let ca = test_var("PG_TEST_CA");
    let other = test_var("PG_TEST_OTHER_CA");
    let lookup = |query: &str| {
        env.cmd(&[
            "--db",
            &format!("{}?{query}", base(&env)),
            "doctor",
            "--json",
        ])
        .output()
        .unwrap()
    };
    for query in [
        "sslmode=require".to_string(),
        format!("sslmode=verify-ca&sslrootcert={ca}"),
        format!("sslmode=verify-full&sslrootcert={ca}"),
    ] {
        let out = lookup(&query);
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        let tls = report["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "db.tls")
            .unwrap_or_else(|| panic!("{query}: no db.tls in {report}"));
        assert_eq!(tls["status"], "pass", "{query}: {tls}");
        assert!(
            tls["message"].as_str().unwrap().contains("TLSv1"),
            "{query}: {tls}"
        );
    }
    // verify-full by host name (the certificate names localhost).
    let by_name = format!(
        "postgresql://postgres@localhost:{}/{}?sslmode=verify-full&sslrootcert={ca}",
        port(&env),
        db(&env).name
    );
    env.cmd(&["--db", &by_name, "user", "list"])
        .assert()
        .success();
    // verify-ca checks the chain only; verify-full also the name, and
    // 127.0.0.2 is not one the certificate holds.
    let unnamed = |mode: &str| {
        format!(
            "postgresql://postgres@127.0.0.2:{}/{}?sslmode={mode}&sslrootcert={ca}",
            port(&env),
            db(&env).name
        )
    };
    env.cmd(&["--db", &unnamed("verify-ca"), "user", "list"])
        .assert()
        .success();
    let a = env
        .cmd(&["--db", &unnamed("verify-full"), "user", "list"])
        .assert()
        .code(5);
    assert_one_line_error(&a, "TLS failed");
    // A root that did not sign the server's certificate is refused.
    for mode in ["verify-full", "verify-ca", "require"] {
        let a = env
            .cmd(&[
                "--db",
                &format!("{}?sslmode={mode}&sslrootcert={other}", base(&env)),
                "user",
                "list",
            ])
            .assert()
            .code(5);
        assert_one_line_error(&a, "TLS failed");
        assert_one_line_error(&a, &format!("127.0.0.1:{}", port(&env)));
    }
    // The same from libpq's variables.
    env.cmd(&["--db", &base(&env), "user", "list"])
        .env("PGSSLMODE", "verify-full")
        .env("PGSSLROOTCERT", &other)
        .assert()
        .code(5);
    env.cmd(&["--db", &base(&env), "user", "list"])
        .env("PGSSLMODE", "verify-full")
        .env("PGSSLROOTCERT", &ca)
        .assert()
        .success();
    // verify-full without a root CA is a usage error before connecting.
    let a = env
        .cmd(&[
            "--db",
            &format!("{}?sslmode=verify-full", base(&env)),
            "user",
            "list",
        ])
        .assert()
        .code(2);
    assert_one_line_error(&a, "sslrootcert");
}

#[test]
#[ignore = "needs PostgreSQL: scripts/e2e.sh"]
fn passwords_come_from_libpqs_places_and_are_never_shown() {
    let env = env();
    env.admin();
    let password = db(&env).password.clone();
    // In the URL of the variable: works, and is never printed.
    let inline = base(&env).replacen("postgres@", &format!("postgres:{password}@"), 1);
    let out = env
        .cmd(&["--json", "doctor"])
        .env("AUTHCTL_DATABASE_URL", &inline)
        .env_remove("PGPASSWORD")
        .output()
        .unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(all.contains("\"db.reachable\""), "{all}");
    assert!(!all.contains(&password), "the password was shown: {all}");
    // A wrong one: exit 5, one line naming the server, not the password.
    let wrong = base(&env).replacen("postgres@", "postgres:Wr0ng-Secret@", 1);
    let a = env
        .cmd(&["user", "list"])
        .env("AUTHCTL_DATABASE_URL", &wrong)
        .env_remove("PGPASSWORD")
        .assert()
        .code(5);
    assert_one_line_error(&a, "password authentication failed");
    assert_one_line_error(
        &a,
        &format!("127.0.0.1:{}, database \"{}\"", port(&env), db(&env).name),
    );
    assert!(!stderr(&a).contains("Wr0ng-Secret"), "{}", stderr(&a));
    // On the command line a password is refused before anything is done:
    // every user here could read it in the process list.
    let before = env.snapshot();
    let a = env.cmd(&["--db", &inline, "user", "list"]).assert().code(2);
    assert_one_line_error(&a, "PGPASSWORD");
    assert!(!stderr(&a).contains(&password), "{}", stderr(&a));
    assert_eq!(env.snapshot(), before);
    // None at all.
    let a = env
        .cmd(&["--db", &base(&env), "user", "list"])
        .env_remove("PGPASSWORD")
        .assert()
        .code(5);
    assert_one_line_error(&a, "password");
    // ~/.pgpass, 0600: used. Readable by others: ignored, with a warning.
    let home = env.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let pgpass = home.join(".pgpass");
    std::fs::write(
        &pgpass,
        format!("# test\n127.0.0.1:{}:*:postgres:{password}\n", port(&env)),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o600)).unwrap();
    env.cmd(&["--db", &base(&env), "user", "list"])
        .env_remove("PGPASSWORD")
        .assert()
        .success();
    std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o644)).unwrap();
    let a = env
        .cmd(&["--db", &base(&env), "user", "list"])
        .env_remove("PGPASSWORD")
        .assert()
        .code(5);
    assert!(stderr(&a).contains("chmod 0600"), "{}", stderr(&a));
    // PGPASSFILE names another file.
    let elsewhere = env.path().join("passfile");
    std::fs::write(&elsewhere, format!("*:*:*:*:{password}\n")).unwrap();
    std::fs::set_permissions(&elsewhere, std::fs::Permissions::from_mode(0o600)).unwrap();
    env.cmd(&["--db", &base(&env), "user", "list"])
        .env_remove("PGPASSWORD")
        .env("PGPASSFILE", &elsewhere)
        .assert()
        .success();
    // SQLAlchemy's forms, as Langflow writes them.
    for scheme in ["postgresql+psycopg", "postgresql+psycopg2", "postgres"] {
        let url = base(&env).replacen("postgresql", scheme, 1);
        env.cmd(&["--db", &url, "user", "list"]).assert().success();
    }
}

#[test]
#[ignore = "needs PostgreSQL: scripts/e2e.sh"]
fn a_unix_socket_host_works() {
    let env = env();
    env.admin();
    let url = format!(
        "postgresql:///{}?host={}&port={}&user=postgres",
        db(&env).name,
        test_var("PG_TEST_SOCKET_DIR"),
        port(&env)
    );
    let out = env
        .cmd(&["--db", &url, "user", "list"])
        .env_remove("PGPASSWORD")
        .assert()
        .success();
    assert!(stdout(&out).contains("admin"));
}

#[test]
#[ignore = "needs PostgreSQL: scripts/e2e.sh"]
fn server_errors_are_one_line_exit_5_and_change_nothing() {
    let env = env();
    env.admin();
    // Unreachable.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let a = env
        .cmd(&[
            "--db",
            &format!("postgresql://postgres@127.0.0.1:{closed}/x"),
            "user",
            "list",
        ])
        .assert()
        .code(5);
    assert_one_line_error(&a, "connection refused");
    assert_one_line_error(&a, &format!("127.0.0.1:{closed}"));
    // A database that does not exist.
    let missing = base(&env).replace(&db(&env).name, "no_such_db");
    let a = env
        .cmd(&["--db", &missing, "user", "list"])
        .assert()
        .code(5);
    assert_one_line_error(&a, "database \"no_such_db\" does not exist");
    assert_one_line_error(&a, "createdb no_such_db");

    // Insufficient privileges: a role that may only read.
    // (Roles are the cluster's: one per test database.)
    let role = format!("reader_{}", db(&env).name);
    env.sql(&format!(
        "DROP ROLE IF EXISTS {role}; CREATE ROLE {role} LOGIN PASSWORD 'Reader-Pass-1'; GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}"
    ));
    let reader = base(&env).replacen("postgres@", &format!("{role}@"), 1);
    let before = env.snapshot();
    let out = env
        .cmd(&["--db", &reader, "user", "list"])
        .env("PGPASSWORD", "Reader-Pass-1")
        .assert()
        .success();
    assert!(stdout(&out).contains("admin"));
    let a = env
        .cmd(&[
            "--db",
            &reader,
            "user",
            "add",
            "bob",
            "--password-env",
            "PW",
        ])
        .env("PGPASSWORD", "Reader-Pass-1")
        .env("PW", "Another-Pass-77")
        .assert()
        .code(5);
    assert_one_line_error(&a, "permission denied");
    assert_one_line_error(&a, &format!("grant user \"{role}\""));
    assert_eq!(env.snapshot(), before);

    // A statement timeout while another session holds the users table.
    let mut holder = hold_users_lock(&env, 6);
    let url = format!("{}?options=-c%20statement_timeout%3D700", base(&env));
    let a = env
        .cmd(&["--db", &url, "user", "add", "bob", "--password-env", "PW"])
        .env("PW", "Another-Pass-77")
        .assert()
        .code(5);
    assert_one_line_error(&a, "statement timeout");
    assert_one_line_error(&a, "nothing was changed");
    let _ = holder.kill();
    let _ = holder.wait();
    assert_eq!(env.snapshot(), before);

    // The server ends the connection mid-command (a waiting write).
    let mut holder = hold_users_lock(&env, 8);
    let child = std::process::Command::new(BIN)
        .env_clear()
        .envs(env.vars())
        .env("PW", "Another-Pass-77")
        .args([
            "--db",
            &base(&env),
            "user",
            "add",
            "carol",
            "--password-env",
            "PW",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until authctl's session is waiting on the lock, then end it.
    let mut ended = false;
    for _ in 0..100 {
        std::thread::sleep(Duration::from_millis(50));
        let n = env.sql(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'authctl' AND wait_event_type = 'Lock'",
        );
        if n != "0" {
            ended = true;
            break;
        }
    }
    assert!(ended, "authctl never waited on the lock");
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(5), "{err}");
    assert_eq!(
        err.lines().filter(|l| l.contains("error")).count(),
        1,
        "{err}"
    );
    assert!(err.contains(&format!("127.0.0.1:{}", port(&env))), "{err}");
    let _ = holder.kill();
    let _ = holder.wait();
    assert_eq!(env.snapshot(), before);
}

/// A psql session holding `users` exclusively for `secs` seconds.
fn hold_users_lock(env: &TestEnv, secs: u32) -> std::process::Child {
    let mut child = std::process::Command::new("psql")
        .args(["-X", "-q", &db(env).admin, "-c"])
        .arg(format!(
            "BEGIN; LOCK TABLE users IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep({secs}); COMMIT;"
        ))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Until the lock is held.
    for _ in 0..100 {
        let held = env.sql(
            "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'users' AND l.mode = 'AccessExclusiveLock' AND l.granted",
        );
        if held != "0" {
            return child;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("psql never took the lock");
}

#[test]
#[ignore = "needs PostgreSQL: scripts/e2e.sh"]
fn concurrent_demotes_of_the_last_two_superusers_leave_one() {
    let env = env();
    env.admin();
    env.cmd(&[
        "user",
        "add",
        "second",
        "--superuser",
        "--active",
        "--password-env",
        "PW",
    ])
    .env("PW", "Another-Pass-77")
    .assert()
    .success();
    for round in 0..8 {
        let spawn = |name: &str| {
            std::process::Command::new(BIN)
                .env_clear()
                .envs(env.vars())
                .args(["user", "demote", name])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let a = spawn("admin");
        let b = spawn("second");
        let codes: Vec<i32> = [a, b]
            .into_iter()
            .map(|c| c.wait_with_output().unwrap().status.code().unwrap())
            .collect();
        let mut sorted = codes.clone();
        sorted.sort();
        assert_eq!(sorted, vec![0, 4], "round {round}: {codes:?}");
        let left = env.sql("SELECT count(*) FROM users WHERE is_active AND is_superuser");
        assert_eq!(left, "1", "round {round}");
        for name in ["admin", "second"] {
            env.cmd(&["user", "promote", name]).assert().success();
        }
    }
}

/// A Langflow 1.13 database on the test server, from the schema a real
/// server made (tests/fixtures/langflow-1.13-postgres), at its revision.
fn langflow_db(env: &TestEnv) -> String {
    let schema = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/langflow-1.13-postgres/schema.sql");
    let out = std::process::Command::new("psql")
        .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", &db(env).admin, "-f"])
        .arg(&schema)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    env.sql("INSERT INTO alembic_version (version_num) VALUES ('e5a7c9b1d3f2')");
    base(env)
}

/// `authctl --profile langflow ARGS` on the Langflow database at `url`,
/// with the test's config dir as Langflow's.
fn lf_cmd(env: &TestEnv, url: &str, args: &[&str]) -> assert_cmd::Command {
    let mut c = env.cmd(&["--profile", "langflow"]);
    c.args(args)
        .env_remove("AUTHCTL_DATABASE_URL")
        .env_remove("AUTHCTL_CONFIG_DIR")
        .env("LANGFLOW_CONFIG_DIR", env.config_dir())
        .env("LANGFLOW_DATABASE_URL", url);
    c
}

#[test]
#[ignore = "needs PostgreSQL: scripts/e2e.sh"]
fn sigkill_during_a_langflow_rotation_on_postgresql_keeps_every_value_recoverable() {
    let env = env();
    let url = langflow_db(&env);
    let lf = |args: &[&str]| lf_cmd(&env, &url, args);
    lf(&["keygen"]).assert().success();
    lf(&["superuser", "--username", "admin", "--password-env", "PW"])
        .env("PW", PASSWORD)
        .assert()
        .success();
    let admin = env.sql("SELECT id FROM \"user\" WHERE username = 'admin'");
    // Credential variables, as Langflow stores them: Fernet under the key.
    for i in 0..20 {
        let out = lf(&["secret", "encrypt"])
            .write_stdin(format!("sk-value-{i:02}"))
            .assert()
            .success();
        let token = stdout(&out).trim().to_string();
        env.sql(&format!(
            "INSERT INTO variable (name, value, type, id, user_id) VALUES ('V{i:02}', '{token}', 'Credential', gen_random_uuid(), '{admin}')"
        ));
    }
    let plain = |env: &TestEnv| -> Vec<String> {
        let secret = env.lf_secret();
        env.sql("SELECT name, value FROM variable ORDER BY name")
            .lines()
            .map(|l| {
                let (name, v) = l.split_once('|').unwrap();
                format!("{name}={}", py_fernet_decrypt(&secret, v))
            })
            .collect()
    };
    let before = plain(&env);
    assert_eq!(before.len(), 20);
    let dir = env.config_dir();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..12 {
        let mut child = std::process::Command::new(BIN);
        child
            .env_clear()
            .envs(env.vars())
            .env_remove("AUTHCTL_DATABASE_URL")
            .env_remove("AUTHCTL_CONFIG_DIR")
            .env("LANGFLOW_CONFIG_DIR", &dir)
            .env("LANGFLOW_DATABASE_URL", &url)
            .args(["--profile", "langflow", "secret", "rotate", "--yes"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let mut child = child.spawn().unwrap();
        std::thread::sleep(Duration::from_millis(rng.next(150)));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        // Finish or discard whatever was interrupted.
        if dir.join("secret_key.rotating").exists() {
            lf(&["secret", "rotate", "--yes"]).assert().success();
        }
        assert!(!dir.join("secret_key.rotating").exists());
        assert_eq!(plain(&env), before, "values changed or became unreadable");
    }
    // No session of a killed rotation is left holding a lock.
    assert_eq!(
        env.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"),
        "0"
    );
}

#[test]
#[ignore = "needs PostgreSQL: scripts/e2e.sh"]
fn langflow_tables_on_postgresql_are_written_as_langflow_writes_them() {
    let env = env();
    let url = langflow_db(&env);
    let lf = |args: &[&str]| lf_cmd(&env, &url, args);
    lf(&["superuser", "--username", "admin", "--password-env", "PW"])
        .env("PW", PASSWORD)
        .assert()
        .success();
    lf(&["user", "add", "bob", "--password-env", "PW"])
        .env("PW", "Another-Pass-77")
        .assert()
        .success();
    let row = env.sql(
        "SELECT is_active, is_superuser, optins::text, password LIKE '$2b$10$%', create_at = updated_at FROM \"user\" WHERE username = 'bob'",
    );
    assert_eq!(
        row,
        "f|f|{\"github_starred\": false, \"dialog_dismissed\": false, \"discord_clicked\": false}|t|t"
    );
    // Names match case-insensitively; the guard holds.
    lf(&["user", "activate", "BOB"]).assert().success();
    assert_eq!(
        env.sql("SELECT is_active FROM \"user\" WHERE username = 'bob'"),
        "t"
    );
    lf(&["user", "demote", "admin"]).assert().code(4);
    // The audit trail is the config dir's file, not a table.
    let audit = std::fs::read_to_string(env.config_dir().join("authctl-audit.jsonl")).unwrap();
    assert_eq!(audit.lines().count(), 3, "{audit}");
    // Deletion: what bob owns goes with him; a flow filed in his folder
    // stops it, named.
    let bob = env.sql("SELECT id FROM \"user\" WHERE username = 'bob'");
    env.sql(&format!(
        "INSERT INTO folder (name, id, user_id) VALUES ('Bob''s', gen_random_uuid(), '{bob}');
         INSERT INTO flow (name, id, user_id, folder_id) SELECT 'f', gen_random_uuid(), NULL, id FROM folder WHERE user_id = '{bob}'"
    ));
    let before = env.snapshot();
    let a = lf(&["user", "delete", "bob", "--yes"]).assert().code(4);
    assert_one_line_error(&a, "flow.folder_id (1)");
    assert_eq!(env.snapshot(), before);
    env.sql("DELETE FROM flow");
    // Another user's folder filed under bob's (PostgreSQL would refuse the
    // delete on its foreign key): a refusal naming it, exit 4.
    env.sql(&format!(
        "INSERT INTO folder (name, id, user_id, parent_id)
         SELECT 'Admin''s', gen_random_uuid(), (SELECT id FROM \"user\" WHERE username = 'admin'), id
         FROM folder WHERE user_id = '{bob}'"
    ));
    let a = lf(&["user", "delete", "bob", "--yes"]).assert().code(4);
    assert_one_line_error(&a, "folder.parent_id (1)");
    env.sql(&format!("DELETE FROM folder WHERE user_id <> '{bob}'"));
    lf(&["user", "delete", "bob", "--yes"]).assert().success();
    assert_eq!(env.sql("SELECT count(*) FROM folder"), "0");
    // A revision it does not know, and the wrong profile, are refused untouched.
    if !env.config_dir().join("secret_key").exists() {
        lf(&["secret", "generate", "--write"]).assert().success();
    }
    env.sql("UPDATE alembic_version SET version_num = 'ffffffffffff'");
    let before = env.snapshot();
    let a = lf(&["user", "list"]).assert().success();
    assert!(stderr(&a).contains("alembic revision ffffffffffff"));
    let a = lf(&["user", "activate", "bob"]).assert().code(6);
    assert_one_line_error(&a, "alembic revision ffffffffffff");
    // A rotation opens the database to read its values, then writes them:
    // refused at its write transaction.
    let a = lf(&["secret", "rotate", "--yes"]).assert().code(6);
    assert_one_line_error(&a, "changes nothing in it: upgrade authctl");
    // --allow-unknown-release checks the columns first, in the transaction.
    env.sql("ALTER TABLE apikey ADD COLUMN scope varchar NOT NULL DEFAULT 'x'");
    env.sql("ALTER TABLE apikey ALTER COLUMN scope DROP DEFAULT");
    let a = lf(&["--allow-unknown-release", "user", "activate", "bob"])
        .assert()
        .code(6);
    assert_one_line_error(&a, "apikey.scope is required and authctl does not write it");
    env.sql("ALTER TABLE apikey DROP COLUMN scope");
    env.sql("UPDATE alembic_version SET version_num = 'e5a7c9b1d3f2'");
    let a = env.cmd(&["--db", &url, "user", "list"]).assert().code(2);
    assert_one_line_error(&a, "--profile langflow");
    env.sql("UPDATE alembic_version SET version_num = 'ffffffffffff'");
    assert_eq!(env.snapshot(), before);
    // doctor reads it as a Langflow database on a server.
    env.sql("UPDATE alembic_version SET version_num = 'e5a7c9b1d3f2'");
    let out = lf(&["--json", "doctor"]).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "pass")
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    for id in [
        "db.reachable",
        "db.readable",
        "db.integrity",
        "users.superuser",
    ] {
        assert!(ids.contains(&id), "{id} not passed: {report}");
    }
}

/// Needs no server: a listener that accepts and never answers.
#[test]
fn a_server_that_never_answers_is_given_up_on_after_connect_timeout() {
    let env = TestEnv::sqlite();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let hold = std::thread::spawn(move || {
        // Accept, then say nothing until the client gives up.
        let conns: Vec<_> = listener.incoming().take(1).collect();
        std::thread::sleep(Duration::from_secs(4));
        drop(conns);
    });
    let a = env
        .cmd(&["user", "list"])
        .env(
            "AUTHCTL_DATABASE_URL",
            format!("postgresql://u@127.0.0.1:{port}/db?sslmode=disable&connect_timeout=2"),
        )
        .env("PGPASSWORD", "not-used-Zx81")
        .assert()
        .code(5);
    assert_one_line_error(&a, "no answer within 2 s");
    assert!(!stderr(&a).contains("Zx81"));
    let _ = hold.join();
}

/// A Flowise 3.1.4 database on the test server, as a real server's first
/// start leaves it (tests/fixtures/flowise-3.1.4-postgres).
fn flowise_db(env: &TestEnv) {
    let dump = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/flowise-3.1.4-postgres/fresh.sql");
    let out = std::process::Command::new("psql")
        .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", &db(env).admin, "-f"])
        .arg(&dump)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The environment of `authctl --profile flowise` on that database:
/// Flowise's own variables (the password in DATABASE_PASSWORD, as Flowise
/// takes it) in place of the suite's.
fn fw_pg_vars(env: &TestEnv) -> Vec<(String, String)> {
    let host_port = base(env)
        .split('@')
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_string();
    let (host, port) = host_port.rsplit_once(':').unwrap();
    let mut vars: Vec<(String, String)> = env
        .vars()
        .into_iter()
        .filter(|(k, _)| {
            !["AUTHCTL_DATABASE_URL", "AUTHCTL_CONFIG_DIR", "PGPASSWORD"].contains(&k.as_str())
        })
        .collect();
    for (k, v) in [
        ("SECRETKEY_PATH", env.config_dir().display().to_string()),
        ("DATABASE_TYPE", "postgres".into()),
        ("DATABASE_HOST", host.into()),
        ("DATABASE_PORT", port.into()),
        ("DATABASE_USER", "postgres".into()),
        ("DATABASE_PASSWORD", db(env).password.clone()),
        ("DATABASE_NAME", db(env).name.clone()),
    ] {
        vars.push((k.to_string(), v));
    }
    vars
}

/// `authctl --profile flowise ARGS` on that database.
fn fw_pg(env: &TestEnv, args: &[&str]) -> std::process::Command {
    let mut c = std::process::Command::new(BIN);
    c.env_clear()
        .envs(fw_pg_vars(env))
        .args(["--profile", "flowise"])
        .args(args)
        .current_dir(env.path());
    c
}

#[test]
#[ignore = "needs PostgreSQL: scripts/e2e.sh"]
fn flowise_tables_on_postgresql_are_written_as_flowise_writes_them() {
    let env = env();
    flowise_db(&env);
    let pw = "Sunny-Meadow-42!";
    let ok = |args: &[&str]| {
        let out = fw_pg(&env, args).env("PW", pw).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    ok(&[
        "superuser",
        "--username",
        "admin@example.com",
        "--password-env",
        "PW",
    ]);
    // The registration's rows, in PostgreSQL's types: tokenExpiry stays
    // NULL there, lastLogin is set, times are naive UTC with microseconds.
    let row = env.sql(
        "SELECT u.status, u.\"tokenExpiry\" IS NULL, u.\"createdBy\" = u.id, o.name, ro.name, w.name, rw.name,
                wu.\"lastLogin\" IS NOT NULL, abs(extract(epoch FROM (u.\"createdDate\" - (now() AT TIME ZONE 'UTC')))) < 60
         FROM \"user\" u JOIN organization o ON o.\"createdBy\" = u.id
         JOIN organization_user ou ON ou.\"userId\" = u.id JOIN role ro ON ro.id = ou.\"roleId\"
         JOIN workspace w ON w.\"organizationId\" = o.id
         JOIN workspace_user wu ON wu.\"userId\" = u.id JOIN role rw ON rw.id = wu.\"roleId\"",
    );
    assert_eq!(
        row,
        "active|t|t|Default Organization|owner|Default Workspace|owner|t|t"
    );
    ok(&["user", "add", "bob@example.com", "--password-env", "PW"]);
    assert_eq!(
        env.sql("SELECT u.status, ro.name, rw.name FROM \"user\" u JOIN organization_user ou ON ou.\"userId\" = u.id JOIN role ro ON ro.id = ou.\"roleId\" JOIN workspace_user wu ON wu.\"userId\" = u.id JOIN role rw ON rw.id = wu.\"roleId\" WHERE u.email = 'bob@example.com'"),
        "unverified|member|personal workspace"
    );
    let users: serde_json::Value = serde_json::from_str(&ok(&["--json", "user", "list"])).unwrap();
    assert_eq!(users.as_array().unwrap().len(), 2);
    assert!(users[0]["created_at"].as_str().unwrap().ends_with('Z'));
    // A second first admin, an unknown name, a taken email in another case.
    for (args, code) in [
        (
            vec![
                "superuser",
                "--username",
                "eve@example.com",
                "--password-env",
                "PW",
            ],
            4,
        ),
        (
            vec!["user", "add", "BOB@example.com", "--password-env", "PW"],
            4,
        ),
        (vec!["user", "activate", "nobody@example.com"], 3),
    ] {
        let a = fw_pg(&env, &args).env("PW", pw).output().unwrap();
        assert_eq!(
            a.status.code(),
            Some(code),
            "{args:?}: {}",
            String::from_utf8_lossy(&a.stderr)
        );
    }
    // API keys: jsonb permissions, no createdDate on PostgreSQL.
    let made: serde_json::Value = serde_json::from_str(&ok(&[
        "--json",
        "apikey",
        "create",
        "--user",
        "admin@example.com",
        "--name",
        "ci",
        "--permission",
        "chatflows:view",
    ]))
    .unwrap();
    let id = made["api_key"]["id"].as_str().unwrap();
    assert_eq!(
        env.sql(&format!(
            "SELECT \"apiKey\" = '{}', permissions::text FROM apikey WHERE id = '{id}'",
            made["key"].as_str().unwrap()
        )),
        "t|[\"chatflows:view\"]"
    );
    // A database of another layout is refused by name.
    let a = env.cmd(&["user", "list"]).output().unwrap();
    assert_eq!(a.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&a.stderr).contains("use --profile flowise"));
    // The guard holds under concurrent demotes of the last two owners.
    ok(&["user", "activate", "bob@example.com"]);
    ok(&["user", "promote", "bob@example.com"]);
    for round in 0..4 {
        let spawn = |name: &str| {
            fw_pg(&env, &["user", "demote", name])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let children = [spawn("admin@example.com"), spawn("bob@example.com")];
        let mut codes: Vec<i32> = children
            .into_iter()
            .map(|c| c.wait_with_output().unwrap().status.code().unwrap())
            .collect();
        codes.sort();
        assert_eq!(codes, vec![0, 4], "round {round}");
        let owners = env.sql(
            "SELECT count(*) FROM organization_user ou JOIN role r ON r.id = ou.\"roleId\" WHERE r.name = 'owner'",
        );
        assert_eq!(owners, "1", "round {round}");
        ok(&["user", "promote", "admin@example.com"]);
        ok(&["user", "promote", "bob@example.com"]);
    }
    // A migration after 3.1.4's: a newer release, read with a warning and
    // not written; --allow-unknown-release checks the columns first.
    env.sql("INSERT INTO migrations (timestamp, name) VALUES (1800000000000, 'AddSomething1800000000000')");
    let a = fw_pg(&env, &["user", "list"]).output().unwrap();
    assert_eq!(a.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&a.stderr).contains("a release newer than Flowise 3.1.3–3.1.4"));
    let a = fw_pg(&env, &["user", "activate", "bob@example.com"])
        .output()
        .unwrap();
    assert_eq!(a.status.code(), Some(6));
    env.sql("ALTER TABLE workspace_user ADD COLUMN seat varchar");
    env.sql("UPDATE workspace_user SET seat = 'x'");
    env.sql("ALTER TABLE workspace_user ALTER COLUMN seat SET NOT NULL");
    let a = fw_pg(
        &env,
        &[
            "--allow-unknown-release",
            "user",
            "activate",
            "bob@example.com",
        ],
    )
    .output()
    .unwrap();
    assert_eq!(a.status.code(), Some(6));
    assert!(
        String::from_utf8_lossy(&a.stderr)
            .contains("workspace_user.seat is required and authctl does not write it"),
        "{}",
        String::from_utf8_lossy(&a.stderr)
    );
    env.sql("ALTER TABLE workspace_user DROP COLUMN seat");
    let a = fw_pg(
        &env,
        &[
            "--allow-unknown-release",
            "user",
            "activate",
            "bob@example.com",
        ],
    )
    .output()
    .unwrap();
    assert_eq!(
        a.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&a.stderr)
    );
    // Without 3.1.4's own migrations: refused, nothing read.
    env.sql("DELETE FROM migrations WHERE name LIKE 'AddWebhookSecretToChatFlow%'");
    let a = fw_pg(&env, &["user", "list"]).output().unwrap();
    assert_eq!(a.status.code(), Some(6));
    assert!(
        String::from_utf8_lossy(&a.stderr).contains("ends at migration AddSomething1800000000000")
    );
}

/// Langflow on SQLite → Langflow on PostgreSQL: `export --with-hashes`
/// piped into `apply`, and each moved password still logs in; a key given
/// in the file is stored as Langflow stores it, on its uuid columns.
#[test]
#[ignore = "needs PostgreSQL: scripts/e2e.sh"]
fn export_from_langflow_on_sqlite_applies_to_langflow_on_postgresql() {
    let from = TestEnv::langflow();
    let pw = "Quiet-Harbor-2027";
    from.lf(&["user", "add", "moved", "--active", "--password-stdin"])
        .write_stdin(format!("{pw}\n"))
        .assert()
        .success();
    let dump = stdout(&from.lf(&["export", "--with-hashes"]).assert().success());
    let dump = format!(
        "{}api_keys:\n  - name: ci\n    owner: \"moved\"\n    key_env: CI_KEY\n",
        dump.split("api_keys:").next().unwrap()
    );

    let env = env();
    let url = langflow_db(&env);
    std::fs::create_dir_all(env.config_dir()).unwrap();
    std::fs::copy(
        from.config_dir().join("secret_key"),
        env.config_dir().join("secret_key"),
    )
    .unwrap();
    let key = "sk-Qm4xT8vN2bL6cW0zY5rJ9hD3kF7pS1aG6eU2iO8wE4t";
    let a = lf_cmd(&env, &url, &["apply", "-"])
        .env("CI_KEY", key)
        .write_stdin(dump.clone())
        .assert()
        .success();
    assert!(stdout(&a).contains("+ user \"moved\""), "{}", stdout(&a));
    let hash = env.sql("SELECT password FROM \"user\" WHERE username = 'moved'");
    assert!(bcrypt_ok(pw, &hash));
    let row = env.sql("SELECT a.api_key, a.api_key_hash FROM apikey a JOIN \"user\" u ON u.id = a.user_id WHERE u.username = 'moved'");
    let (encrypted, sha) = row.split_once('|').unwrap();
    assert_eq!(py_fernet_decrypt(&from.lf_secret(), encrypted), key);
    assert_eq!(
        sha,
        hex::encode(<sha2::Sha256 as sha2::Digest>::digest(key.as_bytes()))
    );
    // Applied again: nothing to do.
    let before = env.snapshot();
    lf_cmd(&env, &url, &["apply", "-"])
        .env("CI_KEY", key)
        .write_stdin(dump)
        .assert()
        .success();
    assert_eq!(env.snapshot(), before);
}

#[test]
#[ignore = "needs PostgreSQL: scripts/e2e.sh"]
fn apply_on_flowise_on_postgresql() {
    let env = env();
    flowise_db(&env);
    let file = env.path().join("f.yaml");
    std::fs::write(
        &file,
        "users:\n  - name: owner@example.com\n    superuser: true\n    generate: true\n  - name: ci@example.com\n    generate: true\napi_keys:\n  - name: deploy\n    owner: ci@example.com\n    key_env: CI_KEY\n",
    )
    .unwrap();
    let key = "Flowise-Key-0123456789abcdefghijklmnopqrstu";
    let out = fw_pg(&env, &["--json", "apply", &file.display().to_string()])
        .env("CI_KEY", key)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for u in report["generated"]["users"].as_array().unwrap() {
        let hash = env.sql(&format!(
            "SELECT credential FROM \"user\" WHERE email = '{}'",
            u["name"].as_str().unwrap()
        ));
        assert!(bcrypt_ok(u["password"].as_str().unwrap(), &hash), "{u}");
    }
    assert_eq!(
        env.sql("SELECT \"apiKey\" FROM apikey WHERE \"keyName\" = 'deploy'"),
        key
    );
    let again = fw_pg(&env, &["apply", &file.display().to_string()])
        .env("CI_KEY", key)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&again.stderr).contains("nothing to do"));
}

#[test]
#[ignore = "needs PostgreSQL: scripts/e2e.sh"]
fn commands_that_only_read_work_with_a_read_only_role() {
    // A role that may only SELECT: identify, the dry runs and doctor's
    // credentials check take no lock and write nothing.
    let env = env();
    flowise_db(&env);
    std::fs::create_dir_all(env.config_dir()).unwrap();
    let run = |user: &str, password: &str, args: &[&str], stdin: &str| {
        use std::io::Write;
        let mut child = fw_pg(&env, args)
            .env("DATABASE_USER", user)
            .env("DATABASE_PASSWORD", password)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let admin_pw = db(&env).password.clone();
    let out = run("postgres", &admin_pw, &["keygen"], "");
    assert!(out.status.success(), "{out:?}");
    let out = run(
        "postgres",
        &admin_pw,
        &["secret", "encrypt"],
        "{\"openAIApiKey\":\"sk-x\"}",
    );
    assert!(out.status.success(), "{out:?}");
    let value = String::from_utf8_lossy(&out.stdout).trim().to_string();
    env.sql(&format!(
        "INSERT INTO credential (name, \"credentialName\", \"encryptedData\") VALUES ('openai', 'openAIApi', '{value}')"
    ));
    let role = format!("ro_{}", db(&env).name);
    let ro_pw = "Read-Only-Role-77";
    env.sql(&format!(
        "CREATE ROLE {role} LOGIN PASSWORD '{ro_pw}'; GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}"
    ));
    let before = env.sql("SELECT \"encryptedData\", \"updatedDate\" FROM credential");
    // A key the values are not under (identify and the recovery's dry run
    // find them all under the current one).
    std::fs::write(
        env.path().join("old.key"),
        "another-key-of-24-bytes-base64==",
    )
    .unwrap();
    for args in [
        &["secret", "identify", "old.key"][..],
        &["secret", "rotate", "--dry-run"],
        &["secret", "rotate", "--from-key", "old.key", "--dry-run"],
    ] {
        let out = run(&role, ro_pw, args, "");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
    }
    let out = run(&role, ro_pw, &["--json", "doctor"], "");
    let check = doctor_check(&out.stdout, "flowise.credentials_decrypt");
    assert_eq!(check["status"], "pass", "{check}");
    assert_eq!(
        env.sql("SELECT \"encryptedData\", \"updatedDate\" FROM credential"),
        before
    );
    env.sql(&format!("DROP OWNED BY {role}; DROP ROLE {role}"));
}

/// Before 1.13, Langflow's timestamps on PostgreSQL are `timestamp`
/// columns holding UTC wall time. authctl reads and writes them as UTC
/// whatever the server's TimeZone says: a user it adds on a server set to
/// Tokyo time is created now in UTC, and shown so.
#[test]
#[ignore = "needs PostgreSQL: TEST_ENGINE=postgres"]
fn plain_timestamp_columns_hold_utc_whatever_the_server_time_zone() {
    let env = TestEnv::postgres();
    let url = langflow_db(&env);
    env.sql(
        "ALTER TABLE \"user\" ALTER COLUMN create_at TYPE timestamp, ALTER COLUMN updated_at TYPE timestamp",
    );
    env.sql(&format!(
        "ALTER DATABASE {} SET timezone = 'Asia/Tokyo'",
        db(&env).name
    ));
    lf_cmd(
        &env,
        &url,
        &["user", "add", "carol", "--password-env", "PW"],
    )
    .env("PW", PASSWORD)
    .assert()
    .success();
    // The stored wall time, read as UTC, is now (not nine hours ahead).
    let skew = env.sql(
        "SELECT abs(extract(epoch FROM (create_at - (now() AT TIME ZONE 'UTC'))))::int FROM \"user\" WHERE username = 'carol'",
    );
    assert!(skew.trim().parse::<i64>().unwrap() < 120, "{skew}");
    let a = lf_cmd(&env, &url, &["--json", "user", "show", "carol"])
        .assert()
        .success();
    let shown: serde_json::Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
    let created = shown["created_at"].as_str().unwrap();
    let at = chrono::DateTime::parse_from_rfc3339(created)
        .unwrap()
        .timestamp();
    assert!((at - unix_now()).abs() < 120, "{created}");
}
