//! `authctl doctor` through the binary: exit codes, --strict, --json.

use crate::common::*;
use serde_json::Value;

#[test]
fn doctor_exit_codes_strict_and_json() {
    let env = TestEnv::new();
    env.admin();
    env.cmd(&["keygen"]).assert().success();
    // Cost 10 hashes against the default cost 12 setting: a warning only.
    let a = env
        .cmd(&["--json", "doctor"])
        .env_remove("AUTHCTL_BCRYPT_COST")
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
    let checks = v["checks"].as_array().unwrap();
    assert!(checks
        .iter()
        .all(|c| c["id"].is_string() && c["status"].is_string() && c["message"].is_string()));
    let warned: Vec<_> = checks
        .iter()
        .filter(|c| c["status"] == "warn")
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(warned, ["users.bcrypt_cost"]);
    env.cmd(&["doctor", "--strict"])
        .env_remove("AUTHCTL_BCRYPT_COST")
        .assert()
        .code(1);
    env.cmd(&["doctor", "--strict"]).assert().success();
    // A weak secret fails, with the fix on the same line.
    env.place_secret("changeme");
    let a = env.cmd(&["doctor"]).assert().code(1);
    let out = stdout(&a);
    let line = out.lines().find(|l| l.contains("secret.strength")).unwrap();
    assert!(line.starts_with("FAIL") && line.contains("fix: "), "{line}");
}
