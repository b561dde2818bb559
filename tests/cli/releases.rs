//! Every Langflow release authctl serves, on a database that release's
//! real server made (`tests/fixtures/langflow-versions/`): one suite, run
//! once per release (`served_release!`), and the refusal of a release it
//! does not serve, naming it.

use crate::common::*;
use serde_json::Value;
use std::path::Path;

fn versions_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/langflow-versions")
}

/// A config dir holding a copy of `version`'s database and a fresh secret
/// key (the servers' own keys were not kept).
fn deployment(version: &str) -> TestEnv {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::sqlite();
    std::fs::create_dir_all(env.config_dir()).unwrap();
    let db = env.config_dir().join("langflow.db");
    std::fs::copy(versions_dir().join(format!("langflow-{version}.db")), &db).unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o600)).unwrap();
    env.lf(&["secret", "generate", "--write"])
        .assert()
        .success();
    env
}

fn json(a: &assert_cmd::assert::Assert) -> Value {
    serde_json::from_slice(&a.get_output().stdout).expect("JSON")
}

/// Every job, on one release's database, checked by another
/// implementation where there is one; the schema and revision untouched.
fn every_job(version: &str, versions: &str, head: &str) {
    let env = deployment(version);
    let schema = "select type, name, sql from sqlite_master order by name";
    let schema_before = env.lf_sql(schema);
    let secret = env.lf_secret();

    // doctor names the release.
    let out = env.lf(&["--json", "doctor"]).output().unwrap();
    let readable = doctor_check(&out.stdout, "db.readable");
    assert_eq!(readable["status"], "pass", "{readable}");
    let says = readable["message"].as_str().unwrap();
    assert!(
        says.contains(&format!("Langflow {versions}, alembic {head}")),
        "{says}"
    );

    // The admin the server made: a reset password that bcrypt accepts.
    env.lf(&[
        "superuser",
        "--reset-password",
        "--username",
        "admin",
        "--password-env",
        "PW",
    ])
    .env("PW", "Brand-New-Root-Pass-1")
    .assert()
    .success();
    let hash = env.lf_sql("select password from user where username = 'admin'");
    assert!(bcrypt_ok("Brand-New-Root-Pass-1", hash.trim()));
    // A new user, listed beside it.
    env.lf(&["user", "add", "carol", "--active", "--password-env", "PW"])
        .env("PW", PASSWORD)
        .assert()
        .success();
    let hash = env.lf_sql("select password from user where username = 'carol'");
    assert!(bcrypt_ok(PASSWORD, hash.trim()));
    let users = json(&env.lf(&["--json", "user", "list"]).assert().success());
    let names: Vec<&str> = users
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "{users}");
    assert!(names.contains(&"admin") && names.contains(&"carol"));

    // An API key in the release's form: Fernet under the secret key and
    // the SHA-256 hash its server looks keys up by.
    let created = json(
        &env.lf(&[
            "--json", "apikey", "create", "--user", "carol", "--name", "ci",
        ])
        .assert()
        .success(),
    );
    let key = created["key"].as_str().unwrap();
    let id = created["api_key"]["id"].as_str().unwrap().replace('-', "");
    let row = env.lf_sql(&format!(
        "select api_key, api_key_hash from apikey where id = '{id}'"
    ));
    let (stored, stored_hash) = row.trim().split_once('|').unwrap();
    assert_eq!(py_fernet_decrypt(&secret, stored), key);
    let sha = python_eval(
        "import hashlib,sys; print(hashlib.sha256(sys.argv[1].encode()).hexdigest())",
        &[key],
    );
    assert_eq!(stored_hash, sha.trim());

    // A token PyJWT verifies with the secret key.
    let token = env
        .lf(&["token", "mint", "--user", "carol"])
        .assert()
        .success();
    let token = stdout(&token);
    let claims = pyjwt_decode(token.trim(), &secret, "HS256");
    assert_eq!(claims["type"], "access");
    env.lf(&["token", "verify", token.trim()])
        .assert()
        .success();

    // A rotation re-encrypts every stored value: the server's own values
    // are put under this key first (its key was not kept).
    for (table, column) in [("apikey", "api_key"), ("variable", "value")] {
        let ids = env.lf_sql(&format!(
            "select id from {table} where {column} like 'gAAAAA%'"
        ));
        for row_id in ids.lines().filter(|l| !l.is_empty()) {
            let value = py_fernet_encrypt(&secret, &format!("{table}-{row_id}"));
            env.lf_sql(&format!(
                "update {table} set {column} = '{value}' where id = '{row_id}'"
            ));
        }
    }
    let rotated = json(
        &env.lf(&["--json", "secret", "rotate", "--yes"])
            .assert()
            .success(),
    );
    assert!(rotated["values"].as_u64().unwrap() >= 2, "{rotated}");
    let new_secret = env.lf_secret();
    assert_ne!(new_secret, secret);
    let values = env.lf_sql(
        "select 'apikey-' || id, api_key from apikey union all select 'variable-' || id, value from variable where value like 'gAAAAA%'",
    );
    for line in values.lines().filter(|l| !l.is_empty()) {
        let (name, value) = line.split_once('|').unwrap();
        let plain = py_fernet_decrypt(&new_secret, value);
        assert!(plain == name || plain.starts_with("sk-"), "{name}: {plain}");
    }

    // export reads it all; the schema and the revision are as the server
    // left them.
    env.lf(&["export", "--format", "json"]).assert().success();
    assert_eq!(env.lf_sql(schema), schema_before);
    assert_eq!(
        env.lf_sql("select version_num from alembic_version").trim(),
        head
    );
}

/// One test per served release, from one suite.
macro_rules! served_release {
    ($($name:ident: $version:literal, $versions:literal, $head:literal;)*) => {
        mod every_job_on {
            $(
                #[test]
                fn $name() {
                    super::every_job($version, $versions, $head);
                }
            )*
        }
    };
}

served_release! {
    langflow_1_10_3: "1.10.3", "1.10.3", "d49cbced8696";
    langflow_1_11_6: "1.11.6", "1.11.0–1.11.6", "d19e7b3c5a42";
    langflow_1_12_8: "1.12.8", "1.12.3–1.12.8", "386662af02e9";
    langflow_1_13_0: "1.13.0", "1.13.0", "e5a7c9b1d3f2";
}

/// Each release not served yet, on a database its real server made, is
/// refused by the name the table gives its head (the table and the real
/// databases agree), and left untouched.
#[test]
fn a_release_not_served_yet_is_refused_by_name_and_left_untouched() {
    for (version, versions, head) in [
        ("1.8.4", "1.8.0–1.8.4", "59a272d6669a"),
        ("1.5.1", "1.5.0–1.5.1", "d9a6ea21edcd"),
        ("1.3.4", "1.3.3–1.3.4", "1b8b740a6fa3"),
        ("1.1.4.post1", "1.1.2–1.1.4.post1", "e3162c1804e6"),
    ] {
        let env = deployment(version);
        let before = env.snapshot();
        for args in [
            vec!["user", "list"],
            vec!["user", "add", "carol", "--password-env", "PW"],
        ] {
            let a = env.lf(&args).env("PW", PASSWORD).assert().code(6);
            assert_one_line_error(
                &a,
                &format!("Langflow {versions}'s (alembic revision {head})"),
            );
            assert_one_line_error(&a, "it serves Langflow 1.10.2–1.13.0");
        }
        assert_eq!(env.snapshot(), before, "{version}");
        let out = env.lf(&["--json", "doctor"]).output().unwrap();
        let readable = doctor_check(&out.stdout, "db.readable");
        assert_eq!(readable["status"], "fail");
        assert!(
            readable["message"]
                .as_str()
                .unwrap()
                .contains("does not serve yet"),
            "{readable}"
        );
        let fix = readable["fix"].as_str().unwrap();
        assert!(
            fix.contains("serves this release") && !fix.contains("permission"),
            "{readable}"
        );
    }
}

/// Before 1.13, nothing stops two names that differ only by case; 1.13's
/// upgrade adds a unique index on lower(username) and stops on them.
/// doctor says so before the upgrade does.
#[test]
fn doctor_flags_names_a_1_13_upgrade_would_stop_on() {
    let env = deployment("1.12.8");
    let out = env.lf(&["--json", "doctor"]).output().unwrap();
    assert_eq!(
        doctor_check(&out.stdout, "langflow.case_duplicates")["status"],
        "pass"
    );
    env.lf(&["user", "add", "Carol", "--password-env", "PW"])
        .env("PW", PASSWORD)
        .assert()
        .success();
    // authctl refuses a second one; the server's own sign-up lets it in,
    // as 1.12 does.
    env.lf(&["user", "add", "carol", "--password-env", "PW"])
        .env("PW", PASSWORD)
        .assert()
        .code(4);
    for name in ["carol", "CAROL"] {
        env.lf_sql(&format!(
            "insert into user (id, username, password, is_active, is_superuser, create_at, updated_at, optins)
             select lower(hex(randomblob(16))), '{name}', password, 0, 0, create_at, updated_at, optins
             from user where username = 'Carol'"
        ));
    }
    let out = env.lf(&["--json", "doctor"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let check = doctor_check(&out.stdout, "langflow.case_duplicates");
    assert_eq!(check["status"], "fail", "{check}");
    let says = check["message"].as_str().unwrap();
    assert!(
        says.contains("CAROL and Carol and carol") && says.contains("lower(username)"),
        "{says}"
    );
}

/// `authctl releases` lists what each app's table says, in every profile.
#[test]
fn releases_lists_each_apps_table() {
    let env = TestEnv::sqlite();
    let a = env.cmd(&["--json", "releases"]).assert().success();
    let apps: Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
    let of = |profile: &str| {
        apps.as_array()
            .unwrap()
            .iter()
            .find(|a| a["profile"] == profile)
            .unwrap_or_else(|| panic!("no {profile} in {apps}"))["releases"]
            .as_array()
            .unwrap()
            .clone()
    };
    let langflow = of("langflow");
    let row = |versions: &str| {
        langflow
            .iter()
            .find(|r| r["versions"] == versions)
            .unwrap_or_else(|| panic!("no {versions}"))
            .clone()
    };
    assert_eq!(row("1.12.3–1.12.8")["schema"], "386662af02e9");
    assert!(row("1.12.3–1.12.8").get("not_served").is_none());
    assert!(row("1.8.0–1.8.4")["not_served"]
        .as_str()
        .unwrap()
        .contains("api_key_hash"));
    assert_eq!(of("flowise")[0]["versions"], "3.1.4");
    assert_eq!(of("librechat")[0]["versions"], "v0.8.5");
    for profile in ["native", "langflow", "flowise", "librechat"] {
        let a = env
            .cmd(&["--profile", profile, "releases"])
            .assert()
            .success();
        let out = stdout(&a);
        assert!(
            out.lines()
                .any(|l| l.starts_with("Langflow ") && l.contains(" 1.13.0 ")),
            "{profile}: {out}"
        );
    }
}

/// A head authctl does not know on a schema older than 1.13's is no newer
/// release (a development build, a release before 1.1): refused even to
/// read, exit 6, untouched.
#[test]
fn an_unknown_head_on_an_older_schema_is_refused_even_to_read() {
    let env = deployment("1.12.8");
    env.lf_sql("update alembic_version set version_num = '0123456789ab'");
    let before = env.snapshot();
    let a = env.lf(&["user", "list"]).assert().code(6);
    assert_one_line_error(&a, "alembic revision 0123456789ab");
    assert_one_line_error(&a, "refusing to guess at its schema");
    assert_eq!(env.snapshot(), before);
}
