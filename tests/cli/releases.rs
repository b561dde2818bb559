//! Every Langflow release authctl serves, on a database that release's
//! real server made (`tests/fixtures/langflow-versions/`): one suite, run
//! once per release (`served_release!`), each release's own API-key form
//! and short-key derivation checked by Python, and the refusal of heads it
//! cannot place.

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

/// How a release keeps API keys in `apikey.api_key`.
#[derive(Clone, Copy, PartialEq)]
enum Keys {
    /// The key itself (up to 1.7).
    Plain,
    /// Its Fernet token, no hash column (1.8).
    Fernet,
    /// Its Fernet token and `api_key_hash` (1.9 on).
    FernetAndHash,
}

/// Every job, on one release's database, checked by another
/// implementation where there is one; the schema and revision untouched.
fn every_job(version: &str, versions: &str, head: &str, keys: Keys) {
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

    // An API key in the release's form: the key itself, or Fernet under
    // the secret key, with the SHA-256 hash its server looks keys up by
    // where it has the column.
    let created = json(
        &env.lf(&[
            "--json", "apikey", "create", "--user", "carol", "--name", "ci",
        ])
        .assert()
        .success(),
    );
    let key = created["key"].as_str().unwrap();
    let id = created["api_key"]["id"].as_str().unwrap().replace('-', "");
    let stored = env.lf_sql(&format!("select api_key from apikey where id = '{id}'"));
    match keys {
        Keys::Plain => assert_eq!(stored.trim(), key),
        Keys::Fernet | Keys::FernetAndHash => {
            assert_eq!(py_fernet_decrypt(&secret, stored.trim()), key)
        }
    }
    if keys == Keys::FernetAndHash {
        let stored_hash = env.lf_sql(&format!(
            "select api_key_hash from apikey where id = '{id}'"
        ));
        let sha = python_eval(
            "import hashlib,sys; print(hashlib.sha256(sys.argv[1].encode()).hexdigest())",
            &[key],
        );
        assert_eq!(stored_hash.trim(), sha.trim());
    }

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
    let encrypted = env.lf_sql(
        "select (select count(*) from apikey where api_key like 'gAAAAA%') + (select count(*) from variable where value like 'gAAAAA%')",
    );
    let rotated = json(
        &env.lf(&["--json", "secret", "rotate", "--yes"])
            .assert()
            .success(),
    );
    assert!(
        rotated["values"].as_u64().unwrap() >= encrypted.trim().parse::<u64>().unwrap(),
        "{rotated}"
    );
    let new_secret = env.lf_secret();
    assert_ne!(new_secret, secret);
    let values = env.lf_sql(
        "select 'apikey-' || id, api_key from apikey where api_key like 'gAAAAA%' union all select 'variable-' || id, value from variable where value like 'gAAAAA%'",
    );
    assert!(
        values.lines().count() >= 1,
        "{versions}: no encrypted value"
    );
    for line in values.lines().filter(|l| !l.is_empty()) {
        let (name, value) = line.split_once('|').unwrap();
        let plain = py_fernet_decrypt(&new_secret, value);
        assert!(plain == name || plain.starts_with("sk-"), "{name}: {plain}");
    }
    if keys == Keys::Plain {
        // Kept as the server reads it.
        let still = env.lf_sql(&format!("select api_key from apikey where id = '{id}'"));
        assert_eq!(still.trim(), key);
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
    ($($name:ident: $version:literal, $versions:literal, $head:literal, $keys:ident;)*) => {
        mod every_job_on {
            use super::Keys::*;
            $(
                #[test]
                fn $name() {
                    super::every_job($version, $versions, $head, $keys);
                }
            )*
        }
    };
}

served_release! {
    langflow_1_1_4: "1.1.4.post1", "1.1.2–1.1.4.post1", "e3162c1804e6", Plain;
    langflow_1_3_4: "1.3.4", "1.3.3–1.3.4", "1b8b740a6fa3", Plain;
    langflow_1_5_1: "1.5.1", "1.5.0–1.5.1", "d9a6ea21edcd", Plain;
    langflow_1_8_4: "1.8.4", "1.8.0–1.8.4", "59a272d6669a", Fernet;
    langflow_1_10_3: "1.10.3", "1.10.3", "d49cbced8696", FernetAndHash;
    langflow_1_11_6: "1.11.6", "1.11.0–1.11.6", "d19e7b3c5a42", FernetAndHash;
    langflow_1_12_8: "1.12.8", "1.12.3–1.12.8", "386662af02e9", FernetAndHash;
    langflow_1_13_0: "1.13.0", "1.13.0", "e5a7c9b1d3f2", FernetAndHash;
}

/// The columns each release's facts name are the columns its real server
/// made, so a fact in the table cannot drift from the databases.
#[test]
fn the_release_facts_are_the_fixtures_columns() {
    let env = TestEnv::sqlite();
    let out = env.cmd(&["--json", "releases"]).assert().success();
    let apps: Value = json(&out);
    let langflow = apps
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["profile"] == "langflow")
        .unwrap()["releases"]
        .clone();
    for (version, versions) in [
        ("1.1.4.post1", "1.1.2–1.1.4.post1"),
        ("1.3.4", "1.3.3–1.3.4"),
        ("1.5.1", "1.5.0–1.5.1"),
        ("1.8.4", "1.8.0–1.8.4"),
        ("1.10.3", "1.10.3"),
        ("1.12.8", "1.12.3–1.12.8"),
        ("1.13.0", "1.13.0"),
    ] {
        let facts = langflow
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["versions"] == versions)
            .unwrap()["facts"]
            .as_str()
            .unwrap()
            .to_string();
        let columns = |table: &str| {
            sqlite_rows(
                &versions_dir().join(format!("langflow-{version}.db")),
                &format!("select name from pragma_table_info('{table}')"),
            )
            .lines()
            .map(str::to_string)
            .collect::<Vec<String>>()
        };
        let user = columns("user");
        let apikey = columns("apikey");
        assert_eq!(
            user.contains(&"optins".to_string()),
            !facts.contains("no user.optins"),
            "{version}: {facts}"
        );
        assert_eq!(
            apikey.contains(&"api_key_hash".to_string()),
            facts.contains("encrypted and hashed"),
            "{version}: {facts}"
        );
    }
}

/// A secret key under 32 characters becomes the Fernet key the way the
/// release does it (`random.seed` up to 1.10.0, SHA-256 from 1.10.1), as
/// Python's own `random` and `hashlib` compute it; on 1.10.0–1.10.1, which
/// share a head, nothing is encrypted under a short key until a rotation
/// gives a long one.
#[test]
fn a_short_secret_key_is_derived_as_each_release_derives_it() {
    let derive = "import sys, random, hashlib, base64\nfrom cryptography.fernet import Fernet\ns=sys.argv[1]\nif sys.argv[3] == 'seed':\n    random.seed(s); k=base64.urlsafe_b64encode(bytes(random.getrandbits(8) for _ in range(32)))\nelse:\n    k=base64.urlsafe_b64encode(hashlib.sha256(s.encode()).digest())\nprint(Fernet(k).decrypt(sys.argv[2].encode()).decode())";
    let short = "popcorn-and-peanuts";
    for (version, derivation) in [("1.8.4", "seed"), ("1.10.3", "sha")] {
        let env = deployment(version);
        write_secret(&env, short);
        let created = json(
            &env.lf(&[
                "--json", "apikey", "create", "--user", "admin", "--name", "short",
            ])
            .assert()
            .success(),
        );
        let id = created["api_key"]["id"].as_str().unwrap().replace('-', "");
        let stored = env.lf_sql(&format!("select api_key from apikey where id = '{id}'"));
        let plain = python_eval(derive, &[short, stored.trim(), derivation]);
        assert_eq!(plain.trim(), created["key"].as_str().unwrap(), "{version}");
        // `secret encrypt` makes what the release reads, too.
        let token = env
            .lf(&["secret", "encrypt"])
            .write_stdin("a value")
            .assert()
            .success();
        let plain = python_eval(derive, &[short, stdout(&token).trim(), derivation]);
        assert_eq!(plain.trim(), "a value", "{version}");
    }

    let env = deployment("1.10.3");
    env.lf_sql("update alembic_version set version_num = 'b7c4d8e9f012'");
    // The server's own values were under its key, which was not kept.
    env.lf_sql("delete from apikey");
    env.lf_sql("delete from variable");
    write_secret(&env, short);
    let before = env.snapshot();
    let a = env
        .lf(&["apikey", "create", "--user", "admin", "--name", "short"])
        .assert()
        .code(6);
    assert_one_line_error(&a, "1.10.0 and 1.10.1");
    assert_one_line_error(&a, "secret rotate");
    assert_eq!(env.snapshot(), before);
    // Users need no key; a rotation to a generated key settles it.
    env.lf(&["user", "add", "dave", "--password-env", "PW"])
        .env("PW", PASSWORD)
        .assert()
        .success();
    env.lf(&["secret", "rotate", "--yes"]).assert().success();
    let created = json(
        &env.lf(&[
            "--json", "apikey", "create", "--user", "dave", "--name", "long",
        ])
        .assert()
        .success(),
    );
    let id = created["api_key"]["id"].as_str().unwrap().replace('-', "");
    let stored = env.lf_sql(&format!("select api_key from apikey where id = '{id}'"));
    assert_eq!(
        py_fernet_decrypt(&env.lf_secret(), stored.trim()),
        created["key"].as_str().unwrap()
    );
}

/// Key rescue on a release that derives short keys by random.seed: values
/// under an old short key are found by `secret identify` and moved by
/// `secret rotate --from-key` to the current short key, under the Fernet
/// key that release derives from it (checked by Python's own `random`).
#[test]
fn a_lost_short_key_is_found_and_its_values_moved_as_the_release_derives_keys() {
    let env = deployment("1.8.4");
    env.lf_sql("delete from apikey");
    env.lf_sql("delete from variable");
    write_secret(&env, "old-short-key-1");
    let created = json(
        &env.lf(&[
            "--json", "apikey", "create", "--user", "admin", "--name", "ci",
        ])
        .assert()
        .success(),
    );
    let key = created["key"].as_str().unwrap().to_string();
    // A redeploy wrote another short key; the old one is in a backup.
    write_secret(&env, "new-short-key-22");
    std::fs::write(env.path().join("old.key"), "old-short-key-1").unwrap();
    let a = env
        .lf(&["--json", "secret", "identify", "old.key"])
        .current_dir(env.path())
        .assert()
        .success();
    let report: Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
    assert!(
        report["all_under"].as_str().unwrap().starts_with("old.key"),
        "{report}"
    );
    env.lf(&["secret", "rotate", "--from-key", "old.key", "--yes"])
        .current_dir(env.path())
        .assert()
        .success();
    let stored = env.lf_sql("select api_key from apikey");
    let plain = python_eval(
        "import sys, random, base64\nfrom cryptography.fernet import Fernet\nrandom.seed(sys.argv[1]); k=base64.urlsafe_b64encode(bytes(random.getrandbits(8) for _ in range(32)))\nprint(Fernet(k).decrypt(sys.argv[2].encode()).decode())",
        &["new-short-key-22", stored.trim()],
    );
    assert_eq!(plain.trim(), key);
}

/// Replace the deployment's secret key file with `secret`.
fn write_secret(env: &TestEnv, secret: &str) {
    use std::os::unix::fs::PermissionsExt;
    let path = env.config_dir().join("secret_key");
    std::fs::write(&path, secret).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
}

/// A new API key of admin's named "ci"; the key.
fn admin_key_named_ci(env: &TestEnv) -> String {
    let created = json(
        &env.lf(&[
            "--json", "apikey", "create", "--user", "admin", "--name", "ci",
        ])
        .assert()
        .success(),
    );
    created["key"].as_str().unwrap().to_string()
}

/// Where a release keeps keys as they are (up to 1.7), a declared hash is
/// compared with the stored key's: the same key is left alone.
#[test]
fn apply_knows_a_plain_stored_key_by_its_hash() {
    let env = deployment("1.5.1");
    let key = admin_key_named_ci(&env);
    let sha = python_eval(
        "import hashlib,sys; print(hashlib.sha256(sys.argv[1].encode()).hexdigest())",
        &[&key],
    );
    let file = env.config_dir().join("users.yaml");
    std::fs::write(
        &file,
        format!(
            "api_keys:\n  - name: ci\n    owner: admin\n    key_sha256: {}\n",
            sha.trim()
        ),
    )
    .unwrap();
    let before = env.snapshot();
    let a = env
        .lf(&["apply", file.to_str().unwrap()])
        .assert()
        .success();
    assert!(stderr(&a).contains("nothing to do"), "{}", stderr(&a));
    assert_eq!(env.snapshot(), before);
}

/// Langflow 1.8 keeps keys encrypted without a hash: apply cannot tell a
/// declared key from the stored one, and says so rather than guess.
#[test]
fn apply_says_when_a_release_cannot_compare_a_declared_key() {
    let env = deployment("1.8.4");
    let key = admin_key_named_ci(&env);
    let file = env.config_dir().join("users.yaml");
    std::fs::write(
        &file,
        "api_keys:\n  - name: ci\n    owner: admin\n    key_env: CI_KEY\n",
    )
    .unwrap();
    let before = env.snapshot();
    let a = env
        .lf(&["apply", file.to_str().unwrap()])
        .env("CI_KEY", &key)
        .assert()
        .code(6);
    assert_one_line_error(&a, "cannot tell whether the stored key \"ci\"");
    assert_eq!(env.snapshot(), before);
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
    assert!(row("1.8.0–1.8.4")["facts"]
        .as_str()
        .unwrap()
        .contains("API keys encrypted, no hash"));
    assert_eq!(of("flowise")[0]["versions"], "3.1.3–3.1.4");
    assert_eq!(of("flowise").len(), 6);
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
