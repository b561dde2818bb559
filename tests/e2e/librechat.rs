//! LibreChat's own code as the verifier: `@librechat/data-schemas` 0.0.71
//! (its ciphers, `signPayload`, `hashToken`), the `jsonwebtoken` it signs
//! and LibreChat's server verifies with, and LibreChat v0.8.5's duration
//! parser over mathjs 15.2.0, run under Node (`tests/e2e/librechat/
//! librechat.js`). Installed once by `scripts/librechat-install.sh` into
//! the e2e cache. LibreChat's server itself needs MongoDB, which no
//! registry here serves; what authctl does in this profile is exactly what
//! these functions do.

use crate::{cache_dir, manifest, require_tier, run, BIN};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

/// LibreChat's published packages (`scripts/librechat-install.sh`), made
/// once: their `node_modules`.
pub(crate) fn install() -> PathBuf {
    let dir = cache_dir("librechat-0.0.71");
    run(Command::new("bash")
        .arg(manifest().join("scripts/librechat-install.sh"))
        .arg(&dir));
    dir.join("node_modules")
}

/// LibreChat's functions over `ops`, with `env` (CREDS_KEY, CREDS_IV)
/// set before its module loads.
pub(crate) fn librechat(modules: &Path, env: &[(&str, &str)], ops: &Value) -> Vec<Value> {
    use std::io::Write;
    // Its logger writes a logs/ folder where it runs.
    let cwd = tempfile::tempdir().unwrap();
    let mut child = Command::new("node")
        .arg(manifest().join("tests/e2e/librechat/librechat.js"))
        .current_dir(cwd.path())
        .env("NODE_PATH", modules)
        .envs(env.iter().copied())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("node");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(ops.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "node: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn ok(r: &Value) -> &Value {
    assert_eq!(r["ok"], true, "{r}");
    &r["value"]
}

/// `authctl --profile librechat ARGS` in `dir`, stdin `input`: (code,
/// stdout, stderr).
fn authctl(dir: &Path, args: &[&str], input: &str) -> (i32, String, String) {
    use std::io::Write;
    let mut child = Command::new(BIN)
        .args(["--profile", "librechat"])
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("HOME", dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn env_of(text: &str) -> std::collections::BTreeMap<String, String> {
    text.lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn librechat_reads_what_authctl_writes_and_authctl_reads_what_librechat_writes() {
    require_tier();
    let modules = install();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    // init's secrets, in the .env LibreChat reads.
    let (code, _, err) = authctl(dir, &["init", "--out", ".env"], "");
    assert_eq!(code, 0, "{err}");
    let vars = env_of(&std::fs::read_to_string(dir.join(".env")).unwrap());
    let env = [
        ("CREDS_KEY", vars["CREDS_KEY"].as_str()),
        ("CREDS_IV", vars["CREDS_IV"].as_str()),
    ];
    let plain = ["sk-ant-api03-credential", "ünïcode ✓", ""];

    // authctl encrypts, LibreChat decrypts; and the other way round.
    let mut ops = Vec::new();
    let mut mine = Vec::new();
    for version in ["v1", "v2", "v3"] {
        for p in plain {
            let (code, out, err) = authctl(dir, &["secret", "encrypt", "--cipher", version], p);
            assert_eq!(code, 0, "{err}");
            ops.push(json!({"op": "decrypt", "version": version, "value": out.trim()}));
            ops.push(json!({"op": "encrypt", "version": version, "value": p}));
            mine.push((version, p));
        }
    }
    let answers = librechat(&modules, &env, &Value::Array(ops));
    for (pair, (version, p)) in answers.chunks(2).zip(&mine) {
        assert_eq!(
            ok(&pair[0]),
            p,
            "LibreChat's decrypt{version} of authctl's value"
        );
        let theirs = ok(&pair[1]).as_str().unwrap();
        let (code, out, err) = authctl(dir, &["secret", "decrypt"], theirs);
        assert_eq!((code, out.as_str()), (0, *p), "{version}: {err}");
    }

    // Tokens: authctl's verify under jsonwebtoken with LibreChat's secrets
    // and carry its claims; LibreChat's verify under authctl.
    let user = "65f0c0ffee0000000000abcd";
    let (code, access, err) = authctl(
        dir,
        &[
            "token",
            "mint",
            "--user",
            user,
            "--claim",
            "email=a@example.com",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    let (code, refresh, err) = authctl(
        dir,
        &[
            "--json", "token", "mint", "--user", user, "--type", "refresh",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    let refresh: Value = serde_json::from_str(&refresh).unwrap();
    let r = refresh["token"].as_str().unwrap();
    let answers = librechat(
        &modules,
        &env,
        &json!([
            {"op": "verify", "token": access.trim(), "secret": vars["JWT_SECRET"]},
            {"op": "verify", "token": r, "secret": vars["JWT_REFRESH_SECRET"]},
            {"op": "verify", "token": r, "secret": vars["JWT_SECRET"]},
            {"op": "hash", "value": r},
            {"op": "sign", "payload": {"id": user, "username": "alice", "provider": "local", "email": "alice@example.com"}, "secret": vars["JWT_SECRET"], "seconds": 900},
            {"op": "sign", "payload": {"id": user, "sessionId": refresh["session_id"]}, "secret": vars["JWT_REFRESH_SECRET"], "seconds": 604800},
            {"op": "defaults"},
        ]),
    );
    let a = ok(&answers[0]);
    assert_eq!(
        (
            a["id"].as_str(),
            a["provider"].as_str(),
            a["email"].as_str()
        ),
        (Some(user), Some("local"), Some("a@example.com"))
    );
    assert_eq!(a["exp"].as_i64().unwrap() - a["iat"].as_i64().unwrap(), 900);
    let b = ok(&answers[1]);
    assert_eq!(b["sessionId"], refresh["session_id"]);
    assert_eq!(
        b["exp"].as_i64().unwrap() - b["iat"].as_i64().unwrap(),
        604_800
    );
    assert_eq!(
        answers[2]["ok"], false,
        "a refresh token is no access token"
    );
    assert_eq!(
        ok(&answers[3]),
        &refresh["refresh_token_hash"],
        "the session's refreshTokenHash"
    );
    let (code, out, err) = authctl(
        dir,
        &["--json", "token", "verify", "--type", "access"],
        ok(&answers[4]).as_str().unwrap(),
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap()["claims"]["username"],
        "alice"
    );
    let (code, _, err) = authctl(
        dir,
        &["token", "verify", "--type", "refresh"],
        ok(&answers[5]).as_str().unwrap(),
    );
    assert_eq!(code, 0, "{err}");
    let defaults = ok(&answers[6]);
    assert_eq!(defaults["session"], 900_000);
    assert_eq!(defaults["refresh"], 604_800_000);

    // init's key and IV are what LibreChat's length checks want: v3 (32
    // bytes) and v1 (a 16-byte IV) both worked above. A short key fails in
    // LibreChat and in authctl alike.
    let short = [
        ("CREDS_KEY", "00112233445566778899aabbccddeeff"),
        ("CREDS_IV", env[1].1),
    ];
    let answers = librechat(
        &modules,
        &short,
        &json!([{"op": "encrypt", "version": "v3", "value": "x"}]),
    );
    assert!(answers[0]["error"]
        .as_str()
        .unwrap()
        .contains("Invalid key length"));
    let short_dir = tempfile::tempdir().unwrap();
    std::fs::write(
        short_dir.path().join(".env"),
        format!("CREDS_KEY={}\nCREDS_IV={}\n", short[0].1, short[1].1),
    )
    .unwrap();
    let (code, _, err) = authctl(
        short_dir.path(),
        &["secret", "encrypt", "--cipher", "v3"],
        "x",
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("Invalid key length: expected 32 bytes"),
        "{err}"
    );
}

/// Texts LibreChat's duration parser sees: the documented ones, edge cases,
/// and a few hundred random expressions of digits, signs, `* /`,
/// parentheses, spaces, and the forms authctl declines (`%`, `2(3)`).
fn duration_texts() -> Vec<String> {
    let mut texts: Vec<String> = [
        "1000 * 60 * 15",
        "(1000 * 60 * 60 * 24) * 7",
        "900000",
        "010",
        ".5 * 4000",
        "--60000",
        "3 - - - 3000",
        "1/0",
        "0/0",
        "15m",
        "1e3",
        "2 ** 3",
        "2 3",
        "1.2.3",
        "()",
        "3 * (4",
        "1000 * 60 * 15.5",
        "10%",
        "100 + 10%",
        "7 % 4",
        "2(3000)",
        "(2)(3000)",
        "60000 ",
        " 5000",
        "1000*(60+0.5)",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // A small deterministic generator (xorshift), so a failure repeats.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    fn expr(next: &mut dyn FnMut(u64) -> u64, depth: u32) -> String {
        let atom = |next: &mut dyn FnMut(u64) -> u64| match next(6) {
            0 => format!("{}.{}", next(100), next(10)),
            1 => format!(".{}", next(100)),
            _ => format!("{}", next(100_000)),
        };
        if depth == 0 || next(3) == 0 {
            let sign = ["", "", "-", "+", "- "][next(5) as usize];
            return format!("{sign}{}", atom(next));
        }
        let op = [" * ", "*", " / ", " + ", " - ", "-", " % ", ""][next(8) as usize];
        let (l, r) = (expr(next, depth - 1), expr(next, depth - 1));
        match next(4) {
            0 => format!("({l}){op}{r}"),
            1 => format!("{l}{op}({r})"),
            _ => format!("{l}{op}{r}"),
        }
    }
    for _ in 0..300 {
        texts.push(expr(&mut next, 3));
    }
    texts
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn durations_match_librechat_parser() {
    require_tier();
    let modules = install();
    let tmp = tempfile::tempdir().unwrap();
    let texts = duration_texts();
    let ops: Vec<Value> = texts
        .iter()
        .flat_map(|t| {
            [
                json!({"op": "math", "text": t, "fallback": 900000}),
                json!({"op": "math", "text": t}),
            ]
        })
        .collect();
    let answers = librechat(&modules, &[], &Value::Array(ops));
    let user = "65f0c0ffee0000000000abcd";
    let (mut numbers, mut fallbacks, mut declined) = (0, 0, 0);
    for (text, pair) in texts.iter().zip(answers.chunks(2)) {
        let used = ok(&pair[0]);
        let fell_back = pair[1]["ok"] == false;
        std::fs::write(
            tmp.path().join(".env"),
            format!(
                "JWT_SECRET={}\nSESSION_EXPIRY={}\n",
                "ab".repeat(32),
                text.trim()
            ),
        )
        .unwrap();
        // The .env value is the text trimmed (dotenv), as LibreChat reads it.
        if text.trim() != text.as_str() {
            continue;
        }
        let (code, out, err) =
            authctl(tmp.path(), &["--json", "token", "mint", "--user", user], "");
        match code {
            0 => {
                let m: Value = serde_json::from_str(&out).unwrap();
                let (c, claims, _) = authctl(
                    tmp.path(),
                    &["--json", "token", "decode", m["token"].as_str().unwrap()],
                    "",
                );
                assert_eq!(c, 0);
                let claims: Value = serde_json::from_str(&claims).unwrap();
                let ttl = claims["claims"]["exp"].as_i64().unwrap()
                    - claims["claims"]["iat"].as_i64().unwrap();
                let ms = used.as_f64().unwrap_or_else(|| {
                    panic!("{text:?}: LibreChat used {used}, authctl minted {ttl}s")
                });
                assert_eq!(
                    ttl,
                    (ms / 1000.0).floor() as i64,
                    "{text:?}: LibreChat {ms} ms"
                );
                assert_eq!(
                    err.contains("silently takes its default"),
                    fell_back,
                    "{text:?}: {err}"
                );
                if fell_back {
                    fallbacks += 1
                } else {
                    numbers += 1
                }
            }
            2 => {
                // Declined: a form authctl does not evaluate, or a number
                // LibreChat cannot use as a lifetime.
                // (authctl's own ceiling: 100 years.)
                let unusable = used
                    .as_f64()
                    .is_none_or(|ms| !(1000.0..=3_153_600_000_000.0).contains(&ms));
                assert!(
                    err.contains("does not evaluate") || (unusable && !fell_back),
                    "{text:?}: LibreChat used {used}; authctl: {err}"
                );
                declined += 1;
            }
            other => panic!("{text:?}: exit {other}: {err}"),
        }
    }
    eprintln!("{numbers} evaluated alike, {fallbacks} fell back alike, {declined} declined");
    assert!(numbers > 50 && fallbacks > 5, "{numbers} {fallbacks}");
}
