//! Pinned output: every `--json` shape and every usage error of `token
//! mint/verify/decode`, `secret check/rotate/identify`, `init` and `doctor`,
//! in each of the five profiles, as one snapshot per profile (exit code,
//! stdout and stderr together). A JSON document is pinned by its shape
//! (keys, and the kind of every value); text is pinned as it is, with the
//! temp dir, times, and generated keys and ids replaced by placeholders.
//! A change to any of them is a change of what authctl prints: accept it
//! with `INSTA_UPDATE=always cargo test --test cli pinned` only when meant.

use crate::common::*;
use serde_json::Value;

/// A JSON value's shape: objects keep their keys, arrays the shapes of
/// their elements (equal neighbours once), strings and numbers their kind.
fn shape(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(m.iter().map(|(k, v)| (k.clone(), shape(v))).collect()),
        Value::Array(a) => {
            let mut out: Vec<Value> = Vec::new();
            for item in a.iter().map(shape) {
                if out.last() != Some(&item) {
                    out.push(item);
                }
            }
            Value::Array(out)
        }
        Value::String(_) => Value::from("<string>"),
        Value::Number(_) => Value::from("<number>"),
        other => other.clone(),
    }
}

/// Text with what changes from run to run replaced.
fn redact(text: &str, env: &TestEnv) -> String {
    let text = text.replace(&env.path().display().to_string(), "[TEMP]");
    let rules: &[(&str, &str)] = &[
        (
            r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)",
            "[TIME]",
        ),
        (r"\d{8}T\d{6}Z", "[STAMP]"),
        (
            r"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*",
            "[JWT]",
        ),
        (
            r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            "[UUID]",
        ),
        (r"\b[A-Za-z0-9_-]{43}\b", "[KEY43]"),
        (
            r"\b\d+ (second|minute|hour|day)s?( ago| from now)?",
            "[DURATION]",
        ),
        (r"pid \d+", "pid [N]"),
        (r"\b\d+[dhms](\d+[hms])*\b", "[DURATION]"),
    ];
    let mut out = text;
    for (pattern, with) in rules {
        out = regex::Regex::new(pattern)
            .unwrap()
            .replace_all(&out, *with)
            .into_owned();
    }
    out
}

/// One command's pinned form.
fn pin(env: &TestEnv, label: &str, mut cmd: assert_cmd::Command) -> String {
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let shown = match serde_json::from_str::<Value>(&stdout) {
        Ok(v) if !stdout.trim().is_empty() => {
            serde_json::to_string_pretty(&shape(&v)).unwrap() + "\n"
        }
        _ => redact(&stdout, env),
    };
    format!(
        "### {label}\nexit_code: {}\n----- stdout -----\n{shown}----- stderr -----\n{}\n",
        out.status.code().unwrap_or(-1),
        redact(&String::from_utf8_lossy(&out.stderr), env)
    )
}

/// The commands every profile pins, given a user, a token the profile
/// minted, and a way to run `authctl ARGS` in it.
fn common_pins(
    env: &TestEnv,
    cwd: &std::path::Path,
    user: &str,
    run: &dyn Fn(&[&str]) -> assert_cmd::Command,
) -> String {
    let token = {
        let out = run(&["token", "mint", "--user", user])
            .current_dir(cwd)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        // Flowise prints the Cookie header; its access token is in it.
        regex::Regex::new(r"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*")
            .unwrap()
            .find(&text)
            .map(|m| m.as_str().to_string())
            .unwrap_or_default()
    };
    std::fs::write(
        cwd.join("decoy.key"),
        "Zq1Xv8LmN3bR7tY2wK9pC4sD6fG0hJ5aUe-ITo_yWrQ\n",
    )
    .unwrap();
    let cases: Vec<(&str, Vec<&str>)> = vec![
        (
            "token mint --json",
            vec!["--json", "token", "mint", "--user", user],
        ),
        (
            "token mint, unknown user",
            vec!["token", "mint", "--user", "nobody-here"],
        ),
        (
            "token mint, bad ttl",
            vec!["token", "mint", "--user", user, "--ttl", "forever"],
        ),
        (
            "token mint, bad claim",
            vec!["token", "mint", "--user", user, "--claim", "novalue"],
        ),
        (
            "token decode --json",
            vec!["--json", "token", "decode", &token],
        ),
        (
            "token decode, not a token",
            vec!["token", "decode", "not-a-token"],
        ),
        (
            "token verify --json",
            vec!["--json", "token", "verify", &token],
        ),
        (
            "token verify --offline --json",
            vec!["--json", "token", "verify", "--offline", &token],
        ),
        (
            "token verify, garbage",
            vec!["--json", "token", "verify", "a.b.c"],
        ),
        (
            "token verify, bad leeway",
            vec!["token", "verify", "--leeway", "-1", &token],
        ),
        ("secret check --json", vec!["--json", "secret", "check"]),
        (
            "secret rotate --dry-run --json",
            vec!["--json", "secret", "rotate", "--dry-run"],
        ),
        ("secret rotate without --yes", vec!["secret", "rotate"]),
        (
            "secret identify --json",
            vec!["--json", "secret", "identify", "decoy.key"],
        ),
        (
            "secret identify, missing candidate",
            vec!["secret", "identify", "no-such.key"],
        ),
        ("init --json", vec!["--json", "init"]),
        (
            "init --format k8s-secret --json",
            vec!["--json", "init", "--format", "k8s-secret"],
        ),
        (
            "init --out --json",
            vec!["--json", "init", "--out", "pinned.env"],
        ),
        (
            "init --format files --out",
            vec!["init", "--format", "files", "--out", "elsewhere"],
        ),
        ("doctor --json", vec!["--json", "doctor"]),
    ];
    let mut out = String::new();
    for (label, args) in cases {
        let mut c = run(&args);
        c.current_dir(cwd);
        out.push_str(&pin(env, label, c));
    }
    out
}

#[test]
fn native() {
    let env = TestEnv::sqlite();
    env.admin();
    env.cmd(&["keygen"]).assert().success();
    let run = |args: &[&str]| env.cmd(args);
    insta::assert_snapshot!(common_pins(&env, env.path(), "admin", &run));
}

#[test]
fn langflow() {
    let env = TestEnv::langflow_sqlite();
    let run = |args: &[&str]| env.lf(args);
    insta::assert_snapshot!(common_pins(&env, env.path(), "admin", &run));
}

#[test]
fn flowise() {
    let env = TestEnv::flowise("home");
    let run = |args: &[&str]| env.fw(args);
    insta::assert_snapshot!(common_pins(&env, env.path(), "admin@example.com", &run));
}

#[test]
fn librechat() {
    let env = TestEnv::sqlite();
    let v: Value = serde_json::from_slice(
        &std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/librechat-data-schemas-0.0.71/vectors.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let dir = env.path().join("LibreChat");
    std::fs::create_dir_all(&dir).unwrap();
    let dotenv: String = ["CREDS_KEY", "CREDS_IV", "JWT_SECRET", "JWT_REFRESH_SECRET"]
        .iter()
        .map(|k| format!("{k}={}\n", v[k].as_str().unwrap()))
        .collect();
    std::fs::write(dir.join(".env"), dotenv).unwrap();
    // LibreChat reads its .env from the working directory.
    let run = |args: &[&str]| {
        let mut all = vec!["--profile", "librechat"];
        all.extend_from_slice(args);
        let mut c = env.cmd(&all);
        c.env_remove("AUTHCTL_CONFIG_DIR");
        c
    };
    let user = v["user"].as_str().unwrap().to_string();
    insta::assert_snapshot!(common_pins(&env, &dir, &user, &run));
}

#[test]
fn open_webui() {
    let env = TestEnv::open_webui("home");
    let run = |args: &[&str]| env.ow(args);
    insta::assert_snapshot!(common_pins(
        &env,
        &env.config_dir(),
        "admin@example.com",
        &run
    ));
}
