//! `authctl init`: each app's secrets in its formats, read back by the
//! app's own rules (Langflow's Fernet derivation by Python `cryptography`,
//! Flowise's key-file reader), merged into an existing `.env` without
//! touching a byte of it, never replacing a value without --force.

use crate::common::*;
use std::collections::BTreeMap;

fn env_lines(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn langflow_gets_a_secret_key_langflow_can_use() {
    // A new deployment: no secret_key file yet.
    let env = TestEnv::langflow();
    std::fs::remove_file(env.config_dir().join("secret_key")).unwrap();
    let a = env.lf(&["init"]).assert().success();
    let vars = env_lines(&stdout(&a));
    let key = &vars["LANGFLOW_SECRET_KEY"];
    assert_eq!(key.len(), 43, "token_urlsafe(32): {key}");
    // Langflow pads the key to a Fernet key; Python's Fernet takes it, and
    // authctl's encryption under it is what Langflow would decrypt.
    std::fs::write(env.path().join("init.env"), stdout(&a)).unwrap();
    let a = env
        .lf(&["--env-file", "init.env", "secret", "encrypt"])
        .current_dir(env.path())
        .write_stdin("sk-from-init")
        .assert()
        .success();
    assert_eq!(py_fernet_decrypt(key, stdout(&a).trim()), "sk-from-init");
    env.lf(&["--env-file", "init.env", "secret", "check"])
        .current_dir(env.path())
        .assert()
        .success();
    // With --rs256: the algorithm and a key pair that authctl's own doctor
    // finds valid and matching, read back through the .env.
    let a = env.lf(&["init", "--rs256"]).assert().success();
    let vars = env_lines(&stdout(&a));
    assert_eq!(vars["LANGFLOW_ALGORITHM"], "RS256");
    assert!(vars["LANGFLOW_PRIVATE_KEY"].starts_with("\"-----BEGIN PRIVATE KEY-----\\n"));
    std::fs::write(env.path().join("rs.env"), stdout(&a)).unwrap();
    let out = env
        .lf(&["--json", "--env-file", "rs.env", "doctor"])
        .current_dir(env.path())
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let check = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "keys.variables")
        .unwrap();
    assert_eq!(check["status"], "pass", "{check}");
    // Bad requests change nothing: key files go where Langflow reads them,
    // and a manifest is never written over one without --force.
    let before = env.snapshot();
    let a = env
        .lf(&["init", "--format", "files", "--out", "elsewhere"])
        .assert()
        .code(2);
    assert_one_line_error(&a, "--format files writes into the config dir");
    assert_eq!(env.snapshot(), before);
    std::fs::write(env.path().join("secret.yaml"), "kept").unwrap();
    let a = env
        .lf(&["init", "--format", "k8s-secret", "--out", "secret.yaml"])
        .current_dir(env.path())
        .assert()
        .code(4);
    assert_one_line_error(&a, "already exists; pass --force");
    assert_eq!(
        std::fs::read_to_string(env.path().join("secret.yaml")).unwrap(),
        "kept"
    );
}

#[test]
fn an_existing_env_file_gains_only_what_is_missing() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::langflow();
    std::fs::remove_file(env.config_dir().join("secret_key")).unwrap();
    let path = env.path().join(".env");
    let original = "# Langflow\nLANGFLOW_AUTO_LOGIN=False\nexport LANGFLOW_SUPERUSER=admin\n\n# the end, no newline";
    std::fs::write(&path, original).unwrap();
    env.lf(&["init", "--rs256", "--out", ".env"])
        .current_dir(env.path())
        .assert()
        .success();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with(&format!("{original}\n")), "{text}");
    let added = env_lines(&text[original.len() + 1..]);
    assert_eq!(
        added.keys().map(String::as_str).collect::<Vec<_>>(),
        [
            "LANGFLOW_ALGORITHM",
            "LANGFLOW_PRIVATE_KEY",
            "LANGFLOW_PUBLIC_KEY",
            "LANGFLOW_SECRET_KEY"
        ]
    );
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // Again: everything is set; nothing changes, not a byte.
    let a = env
        .lf(&["init", "--out", ".env"])
        .current_dir(env.path())
        .assert()
        .success();
    assert!(
        stderr(&a).contains("0 added, 0 replaced, 1 already set and kept"),
        "{}",
        stderr(&a)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    // --force replaces the value on its own line and keeps the old file.
    env.lf(&["init", "--out", ".env", "--force"])
        .current_dir(env.path())
        .assert()
        .success();
    let after = std::fs::read_to_string(&path).unwrap();
    assert_ne!(
        env_lines(&after)["LANGFLOW_SECRET_KEY"],
        added["LANGFLOW_SECRET_KEY"]
    );
    assert_eq!(after.lines().count(), text.lines().count());
    let backups: Vec<_> = std::fs::read_dir(env.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".env.") && p.to_string_lossy().ends_with(".bak"))
        .collect();
    assert_eq!(backups.len(), 1);
    assert_eq!(std::fs::read_to_string(&backups[0]).unwrap(), text);
}

#[test]
fn flowise_gets_its_seven_secrets_as_variables_files_or_a_secret() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::flowise("fresh");
    let a = env.fw(&["init"]).assert().success();
    let vars = env_lines(&stdout(&a));
    assert_eq!(
        vars.keys().map(String::as_str).collect::<Vec<_>>(),
        [
            "EXPRESS_SESSION_SECRET",
            "FLOWISE_SECRETKEY_OVERWRITE",
            "JWT_AUDIENCE",
            "JWT_AUTH_TOKEN_SECRET",
            "JWT_ISSUER",
            "JWT_REFRESH_TOKEN_SECRET",
            "TOKEN_HASH_SECRET"
        ]
    );
    assert_eq!(vars["FLOWISE_SECRETKEY_OVERWRITE"].len(), 32);
    assert_eq!(vars["JWT_AUTH_TOKEN_SECRET"].len(), 44);
    assert_eq!(vars["JWT_ISSUER"], "flowise");
    // As files, where Flowise reads them: 0600, no newline; read back by
    // Flowise's rules (authctl's resolver, which doctor uses).
    let dir = env.path().join("keys");
    env.fw(&["init", "--format", "files", "--out", dir.to_str().unwrap()])
        .assert()
        .success();
    for name in [
        "encryption.key",
        "jwt_auth_token_secret.key",
        "jwt_issuer.key",
    ] {
        let p = dir.join(name);
        assert!(!std::fs::read_to_string(&p).unwrap().ends_with('\n'));
        assert_eq!(
            std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let out = env
        .fw(&["--json", "doctor"])
        .env("SECRETKEY_PATH", &dir)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for c in report["checks"].as_array().unwrap() {
        let id = c["id"].as_str().unwrap();
        if id.ends_with("_secret")
            || id == "flowise.encryption_key"
            || id == "flowise.key_file_modes"
        {
            assert_eq!(c["status"], "pass", "{c}");
        }
    }
    // Again: kept; --force replaces, with backups.
    let again = env
        .fw(&[
            "--json",
            "init",
            "--format",
            "files",
            "--out",
            dir.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let again: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert!(
        again
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["status"] == "kept"),
        "{again}"
    );
    // A Kubernetes Secret with the same names.
    let a = env
        .fw(&["init", "--format", "k8s-secret", "--name", "flowise-auth"])
        .assert()
        .success();
    let manifest = stdout(&a);
    assert!(manifest.starts_with("apiVersion: v1\nkind: Secret\nmetadata:\n  name: \"flowise-auth\"\ntype: Opaque\nstringData:\n"), "{manifest}");
    let data: BTreeMap<String, String> = manifest
        .lines()
        .skip_while(|l| *l != "stringData:")
        .skip(1)
        .map(|l| {
            let (k, v) = l.trim().split_once(": ").unwrap();
            (k.to_string(), serde_json::from_str::<String>(v).unwrap())
        })
        .collect();
    assert_eq!(data.len(), 7);
    assert_eq!(data["JWT_AUDIENCE"], "flowise");
    let a = env.fw(&["init", "--rs256"]).assert().code(2);
    assert_one_line_error(&a, "Flowise signs its tokens with HS256 secrets only");
}

#[test]
fn init_never_shadows_the_key_stored_values_are_under() {
    // Langflow: the fixture's values are under its secret_key file.
    let env = TestEnv::langflow();
    let dotenv = env.path().join(".env");
    let a = env
        .lf(&["init", "--out", ".env"])
        .current_dir(env.path())
        .assert()
        .success();
    assert!(
        stderr(&a).contains("LANGFLOW_SECRET_KEY left out"),
        "{}",
        stderr(&a)
    );
    let written = std::fs::read_to_string(&dotenv).unwrap_or_default();
    assert!(!written.contains("LANGFLOW_SECRET_KEY"), "{written}");
    // Printed, and as a Kubernetes Secret: left out the same way.
    let a = env.lf(&["init"]).assert().success();
    assert!(
        !stdout(&a).contains("LANGFLOW_SECRET_KEY"),
        "{}",
        stdout(&a)
    );
    let a = env
        .lf(&["init", "--format", "k8s-secret"])
        .assert()
        .success();
    assert!(
        !stdout(&a).contains("LANGFLOW_SECRET_KEY"),
        "{}",
        stdout(&a)
    );
    // --force replaces the rest, never adds the variable over the file.
    env.lf(&["init", "--out", ".env", "--force"])
        .current_dir(env.path())
        .assert()
        .success();
    assert!(!std::fs::read_to_string(&dotenv)
        .unwrap_or_default()
        .contains("LANGFLOW_SECRET_KEY"));
    // doctor: a variable that differs from the file the values are under fails.
    let other = "n3wK3yAfterRedeploy-0123456789abcdefghijklm";
    let shadowed = |env: &TestEnv, mut cmd: assert_cmd::Command| {
        let out = cmd.current_dir(env.path()).output().unwrap();
        doctor_check(&out.stdout, "secret.shadowed")
    };
    let mut c = env.lf(&["--json", "doctor"]);
    c.env("LANGFLOW_SECRET_KEY", other);
    let check = shadowed(&env, c);
    assert_eq!(check["status"], "fail", "{check}");
    assert!(check["message"]
        .as_str()
        .unwrap()
        .contains("stored value(s) are under"));
    let mut c = env.lf(&["--json", "doctor"]);
    c.env("LANGFLOW_SECRET_KEY", env.lf_secret());
    assert_eq!(shadowed(&env, c)["status"], "pass");

    // Flowise: credentials under encryption.key.
    let env = TestEnv::sqlite();
    let dir = env.config_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let fixture = flowise_fixture().join("before-rotation");
    for f in ["database.sqlite", "encryption.key"] {
        std::fs::copy(fixture.join(f), dir.join(f)).unwrap();
    }
    let a = env
        .fw(&["init", "--out", ".env"])
        .current_dir(env.path())
        .assert()
        .success();
    assert!(
        stderr(&a).contains("FLOWISE_SECRETKEY_OVERWRITE left out"),
        "{}",
        stderr(&a)
    );
    let written = std::fs::read_to_string(env.path().join(".env")).unwrap();
    assert!(
        !written.contains("FLOWISE_SECRETKEY_OVERWRITE"),
        "{written}"
    );
    assert!(written.contains("JWT_AUTH_TOKEN_SECRET="), "{written}");
    let mut c = env.fw(&["--json", "doctor"]);
    c.env(
        "FLOWISE_SECRETKEY_OVERWRITE",
        "another-key-of-24-bytes-base64==",
    );
    let check = shadowed(&env, c);
    assert_eq!(check["status"], "fail", "{check}");
}

#[test]
fn the_merge_reads_the_env_file_as_settings_do() {
    // A line inside another value is no assignment; `export<TAB>` is one;
    // an inline comment stays; `${FROM_VAULT}` is a value set elsewhere.
    let env = TestEnv::flowise("fresh");
    let path = env.path().join(".env");
    let original = "NOTE=\"first line\nTOKEN_HASH_SECRET=inside-a-value\"\nexport\tTOKEN_HASH_SECRET=popcorn # set by ops\nJWT_AUTH_TOKEN_SECRET=${FROM_VAULT}\nJWT_REFRESH_TOKEN_SECRET=${REFRESH_FROM_VAULT}\n";
    std::fs::write(&path, original).unwrap();
    let strong = "q3Vn0mZl8u1cD2xk9Yh7RtPz4WbA6sJeLgFoNiMvKQE";
    let a = env
        .fw(&["--json", "init", "--out", ".env"])
        .env("REFRESH_FROM_VAULT", strong)
        .current_dir(env.path())
        .assert()
        .success();
    let merged: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(merged["replaced"], serde_json::json!(["TOKEN_HASH_SECRET"]));
    let kept = merged["kept"].as_array().unwrap();
    for var in ["JWT_AUTH_TOKEN_SECRET", "JWT_REFRESH_TOKEN_SECRET"] {
        assert!(kept.iter().any(|k| k == var), "{merged}");
    }
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[1], "TOKEN_HASH_SECRET=inside-a-value\"");
    assert!(
        lines[2].starts_with("export\tTOKEN_HASH_SECRET=") && lines[2].ends_with(" # set by ops"),
        "{}",
        lines[2]
    );
    assert!(!lines[2].contains("popcorn"));
    assert_eq!(lines[3], "JWT_AUTH_TOKEN_SECRET=${FROM_VAULT}");
    // The value written is what the reader reads back.
    let vars = authctl::envfile::parse(&text, &|_| None).unwrap();
    assert_eq!(vars["NOTE"], "first line\nTOKEN_HASH_SECRET=inside-a-value");
    assert_eq!(vars["TOKEN_HASH_SECRET"].len(), 44);
}

#[test]
fn init_refuses_what_the_app_cannot_use() {
    // Apps that sign with HS256 secrets only get no RSA pair, and one that
    // reads its secrets from .env gets no key files: exit 2, one line,
    // nothing written.
    let env = TestEnv::flowise("home");
    let before = env.snapshot();
    let a = env.fw(&["init", "--rs256"]).assert().code(2);
    assert_one_line_error(
        &a,
        "Flowise signs its tokens with HS256 secrets only; drop --rs256",
    );
    let dir = env.path().join("LibreChat");
    std::fs::create_dir_all(&dir).unwrap();
    let lc = |args: &[&str]| {
        let mut all = vec!["--profile", "librechat"];
        all.extend_from_slice(args);
        let mut c = env.cmd(&all);
        c.env_remove("AUTHCTL_CONFIG_DIR").current_dir(&dir);
        c
    };
    let a = lc(&["init", "--rs256"]).assert().code(2);
    assert_one_line_error(
        &a,
        "LibreChat signs its tokens with HS256 secrets only; drop --rs256",
    );
    let a = lc(&["init", "--format", "files"]).assert().code(2);
    assert_one_line_error(
        &a,
        "LibreChat reads its secrets from .env, not from key files; use --format env --out .env (or --format k8s-secret)",
    );
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
    std::fs::remove_dir(&dir).unwrap();
    assert_eq!(env.snapshot(), before);
}
