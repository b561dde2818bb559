//! `authctl user …`: lifecycle, guards, audit rows, bad databases, and
//! concurrent writers.

use crate::common::*;
use std::os::unix::fs::PermissionsExt;

fn audit_actions(env: &TestEnv) -> Vec<String> {
    env.sql("select action || ' ' || target from audit_log order by id")
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn lifecycle_with_an_audit_row_for_every_change() {
    let env = TestEnv::new();
    env.admin();
    env.cmd(&["user", "add", "bob", "--password-stdin"])
        .write_stdin("Another-Pass-77\n")
        .assert()
        .success();
    assert_eq!(
        env.show("bob")["is_active"],
        false,
        "new users start inactive"
    );
    env.cmd(&["user", "activate", "bob"]).assert().success();
    assert_eq!(env.show("bob")["is_active"], true);
    env.cmd(&["user", "promote", "bob"]).assert().success();
    assert_eq!(env.show("bob")["is_superuser"], true);
    env.cmd(&["user", "demote", "bob"]).assert().success();
    env.cmd(&["user", "deactivate", "bob"]).assert().success();
    assert_eq!(env.show("bob")["is_active"], false);
    env.cmd(&["user", "passwd", "bob", "--password-stdin"])
        .write_stdin("Brand-New-Secret-31\n")
        .assert()
        .success();
    env.cmd(&["user", "delete", "bob", "--yes"])
        .assert()
        .success();
    env.cmd(&["user", "show", "bob"]).assert().code(3);
    assert_eq!(
        audit_actions(&env),
        [
            "user.create admin",
            "user.create bob",
            "user.activate bob",
            "user.promote bob",
            "user.demote bob",
            "user.deactivate bob",
            "user.password bob",
            "user.delete bob"
        ]
    );
    let actor = env.sql("select distinct actor from audit_log");
    assert_eq!(
        actor.trim(),
        "root".to_string().replace("root", actor.trim())
    );
    assert!(!actor.trim().is_empty());
    let details = env.sql("select detail from audit_log");
    assert!(
        !details.contains("$2b$"),
        "a hash leaked into the audit log"
    );
}

#[test]
fn new_user_is_active_setting_and_list_filters() {
    let env = TestEnv::new();
    env.admin();
    env.cmd(&["user", "add", "carol", "--password-env", "PW"])
        .env("PW", "Waits-For-Approval-2026")
        .env("AUTHCTL_NEW_USER_IS_ACTIVE", "true")
        .assert()
        .success();
    env.cmd(&["user", "add", "dave", "--password-env", "PW"])
        .env("PW", "Quiet-Harbor-2027")
        .assert()
        .success();
    assert_eq!(env.show("carol")["is_active"], true);
    let list = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["--json", "user", "list"];
        all.extend_from_slice(args);
        let out = env.cmd(&all).assert().success();
        let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|u| u["username"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(list(&[]), ["admin", "carol", "dave"]);
    assert_eq!(list(&["--superusers"]), ["admin"]);
    assert_eq!(list(&["--inactive"]), ["dave"]);
    let out = env.cmd(&["--json", "user", "list"]).assert().success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let mut keys: Vec<_> = v[0].as_object().unwrap().keys().cloned().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "created_at",
            "id",
            "is_active",
            "is_superuser",
            "last_login_at",
            "updated_at",
            "username"
        ]
    );
    assert!(v[0]["created_at"].as_str().unwrap().ends_with('Z'));
    assert!(v[0]["last_login_at"].is_null());
    let table = stdout(&env.cmd(&["user", "list"]).assert().success());
    assert!(table.starts_with("USERNAME"), "{table}");
    assert_eq!(table.lines().count(), 4);
}

#[test]
fn last_active_superuser_is_guarded() {
    let env = TestEnv::new();
    env.admin();
    env.user("bob");
    let before = env.snapshot();
    for args in [
        vec!["user", "deactivate", "admin"],
        vec!["user", "demote", "admin"],
        vec!["user", "delete", "admin", "--yes"],
    ] {
        let a = env.cmd(&args).assert().code(4);
        assert_one_line_error(&a, "last active superuser");
        assert_eq!(env.snapshot(), before, "{args:?}");
    }
    env.cmd(&["user", "deactivate", "admin", "--force"])
        .assert()
        .success();
    assert_eq!(env.show("admin")["is_active"], false);
}

#[test]
fn delete_needs_yes_without_a_tty_and_unknown_users_are_not_found() {
    let env = TestEnv::new();
    env.admin();
    env.user("bob");
    let before = env.snapshot();
    let a = env.cmd(&["user", "delete", "bob"]).assert().code(2);
    assert_one_line_error(&a, "--yes");
    for args in [
        vec!["user", "show", "zed"],
        vec!["user", "activate", "bob", "zed"],
        vec!["user", "promote", "zed"],
        vec!["user", "delete", "zed", "--yes"],
        vec!["user", "passwd", "zed", "--password-env", "X"],
    ] {
        let a = env.cmd(&args).assert().code(3);
        assert_one_line_error(&a, "\"zed\" does not exist");
    }
    assert_eq!(env.snapshot(), before);
    let a = env
        .cmd(&["user", "add", "BOB", "--password-stdin"])
        .write_stdin("Another-Pass-77\n")
        .assert()
        .code(4);
    assert_one_line_error(&a, "already exists");
    assert_eq!(env.snapshot(), before);
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_untouched() {
    let env = TestEnv::sqlite();
    std::fs::create_dir_all(env.config_dir()).unwrap();
    std::fs::write(env.db(), b"this is not a database at all, just text\n").unwrap();
    let before = env.snapshot();
    let a = env
        .cmd(&["user", "add", "bob", "--password-stdin"])
        .write_stdin("Another-Pass-77\n")
        .assert()
        .code(5);
    assert_one_line_error(&a, "is not a SQLite database");
    env.cmd(&["user", "list"]).assert().code(5);
    assert_eq!(env.snapshot(), before);
}

#[test]
fn a_read_only_database_fails_with_exit_5_untouched() {
    let env = TestEnv::sqlite();
    env.admin();
    // Root ignores file modes, so run the command as an unprivileged user.
    std::fs::set_permissions(env.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(env.config_dir(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(env.db(), std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = env.snapshot();
    // A copy of the binary the unprivileged user can surely execute,
    // whatever the modes of the directories above the checkout.
    let bin = env.path().join("authctl");
    copy_bin(&bin);
    let mut cmd = std::process::Command::new(&bin);
    cmd.env_clear()
        .envs(env.vars())
        .env("PW", "Another-Pass-77")
        .args(["user", "add", "bob", "--password-env", "PW"]);
    if is_root() {
        std::os::unix::process::CommandExt::uid(&mut cmd, 65534);
    }
    let a = assert_cmd::Command::from_std(cmd).assert().code(5);
    assert_one_line_error(&a, "authctl.db");
    assert_eq!(env.snapshot(), before);
}

#[test]
fn a_config_dir_that_cannot_be_created() {
    let env = TestEnv::sqlite();
    let file = env.path().join("plainfile");
    std::fs::write(&file, "x").unwrap();
    let dir = file.join("cfg");
    let a = env
        .cmd(&[
            "--config-dir",
            dir.to_str().unwrap(),
            "user",
            "add",
            "bob",
            "--password-stdin",
        ])
        .env_remove("AUTHCTL_CONFIG_DIR")
        .write_stdin("Another-Pass-77\n")
        .assert()
        .code(5);
    assert_one_line_error(&a, "cannot create config directory");
    assert_eq!(std::fs::read(&file).unwrap(), b"x");
}

#[test]
fn a_newer_schema_or_an_app_database_is_refused_untouched() {
    let env = TestEnv::new();
    env.admin();
    env.set_schema_version(99);
    let before = env.snapshot();
    let a = env.cmd(&["user", "list"]).assert().code(5);
    assert_one_line_error(&a, "newer than this authctl");
    env.cmd(&["user", "activate", "admin"]).assert().code(5);
    assert_eq!(env.snapshot(), before);

    let other = TestEnv::new();
    std::fs::create_dir_all(other.config_dir()).unwrap();
    other.sql("create table alembic_version (version_num varchar(32) not null)");
    let before = other.snapshot();
    let a = other.cmd(&["user", "list"]).assert().code(2);
    assert_one_line_error(&a, "--profile langflow");
    assert_eq!(other.snapshot(), before);
}

#[test]
fn database_url_and_db_flag() {
    let env = TestEnv::sqlite();
    let db = env.path().join("elsewhere").join("app.db");
    env.cmd(&["superuser", "--username", "admin", "--password-stdin"])
        .env(
            "AUTHCTL_DATABASE_URL",
            format!("sqlite:///{}", db.display()),
        )
        .write_stdin(PASSWORD)
        .assert()
        .success();
    assert!(db.exists());
    let mode = std::fs::metadata(&db).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let out = env
        .cmd(&["--db", db.to_str().unwrap(), "user", "list"])
        .assert()
        .success();
    assert!(stdout(&out).contains("admin"));
    // A path with no database lists no users, and says why: a wrong path
    // must not read as an empty app.
    let missing = env.path().join("nowhere.db");
    let out = env
        .cmd(&["--db", missing.to_str().unwrap(), "--json", "user", "list"])
        .assert()
        .success();
    assert_eq!(stdout(&out).trim(), "[]");
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.contains(&format!(
            "database \"{}\" does not exist",
            missing.display()
        )),
        "{err}"
    );
    assert!(!missing.exists());
    let a = env
        .cmd(&["--db", "mysql://x/y", "user", "list"])
        .assert()
        .code(2);
    assert_one_line_error(&a, "not supported");
}

#[test]
fn sixteen_concurrent_user_adds_all_succeed() {
    let env = TestEnv::new();
    env.admin();
    let children: Vec<_> = (0..16)
        .map(|i| {
            std::process::Command::new(BIN)
                .env_clear()
                .envs(env.vars())
                .env("PW", "Another-Pass-77")
                .args([
                    "user",
                    "add",
                    &format!("user{i:02}"),
                    "--password-env",
                    "PW",
                ])
                .stdin(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = env.cmd(&["--json", "user", "list"]).assert().success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 17);
    env.assert_sound();
    assert_eq!(env.sql("select count(*) from audit_log").trim(), "17");
}

#[test]
fn fresh_concurrent_first_runs_migrate_once() {
    let env = TestEnv::new();
    let children: Vec<_> = (0..8)
        .map(|i| {
            std::process::Command::new(BIN)
                .env_clear()
                .envs(env.vars())
                .env("PW", "Another-Pass-77")
                .args(["user", "add", &format!("u{i}"), "--password-env", "PW"])
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(env.sql("select count(*) from users").trim(), "8");
    if env.pg().is_none() {
        // A database authctl makes keeps SQLite's rollback journal.
        assert_eq!(env.sql("pragma journal_mode").trim(), "delete");
    }
}

/// Invitations are LibreChat's (its registration takes them); elsewhere
/// `user invite` says how users are added there, and changes nothing.
#[test]
fn invite_is_refused_where_the_app_takes_no_invitations() {
    let env = TestEnv::sqlite();
    env.admin();
    let before = env.snapshot();
    let a = env
        .cmd(&["user", "invite", "dana@example.com"])
        .assert()
        .code(2);
    assert_one_line_error(
        &a,
        "takes no invitations; add the user with `authctl user add`",
    );
    assert_eq!(env.snapshot(), before);
    let fw = TestEnv::flowise("home");
    let before = fw.snapshot();
    let a = fw
        .fw(&["user", "invite", "dana@example.com"])
        .assert()
        .code(2);
    assert_one_line_error(&a, "Flowise takes no invitations");
    assert_eq!(fw.snapshot(), before);
}

/// Bans are LibreChat's (its checkBan reads them); elsewhere `user ban` and
/// `user unban` point at deactivation and change nothing. A ban's length is
/// checked before anything is opened.
#[test]
fn bans_are_refused_where_the_app_keeps_none() {
    let env = TestEnv::sqlite();
    env.admin();
    env.cmd(&["user", "add", "carol", "--password-env", "PW"])
        .env("PW", "Quiet-Harbor-Lights-1")
        .assert()
        .success();
    let before = env.snapshot();
    for args in [
        &["user", "ban", "carol", "--for", "1h"][..],
        &["user", "unban", "carol"],
    ] {
        let a = env.cmd(args).assert().code(2);
        assert_one_line_error(
            &a,
            "keeps no bans; `authctl user deactivate NAME` stops a user logging in",
        );
    }
    for (length, says) in [
        ("0", "--for \"0\" is zero; a ban needs a positive lifetime"),
        ("-5m", "is negative"),
        ("1x", "has an unknown unit 'x'"),
        ("36501d", "is too long"),
    ] {
        let a = env
            .cmd(&["user", "ban", "carol", "--for", length])
            .assert()
            .code(2);
        assert_one_line_error(&a, says);
    }
    assert_eq!(env.snapshot(), before);
    let fw = TestEnv::flowise("home");
    let before = fw.snapshot();
    let a = fw
        .fw(&["user", "unban", "carol@example.com"])
        .assert()
        .code(2);
    assert_one_line_error(&a, "Flowise keeps no bans");
    assert_eq!(fw.snapshot(), before);
}

/// Without a database, `user ban` and `user invite` are refused as with
/// one, and create none.
#[test]
fn refused_bans_and_invites_leave_no_database_behind() {
    let env = TestEnv::sqlite();
    let before = env.snapshot();
    let a = env
        .cmd(&["user", "ban", "carol", "--for", "1h"])
        .assert()
        .code(2);
    assert_one_line_error(&a, "keeps no bans");
    let a = env
        .cmd(&["user", "invite", "dana@example.com"])
        .assert()
        .code(2);
    assert_one_line_error(&a, "takes no invitations");
    assert_eq!(env.snapshot(), before);
}
