//! The librechat profile: LibreChat's `.env` secrets, its ciphers and its
//! tokens, checked against values LibreChat's own code made
//! (`tests/fixtures/librechat-data-schemas-0.0.71/vectors.json`, written by
//! `@librechat/data-schemas` under Node; the e2e tier runs that code live
//! against authctl). What needs MongoDB is refused without MONGO_URI,
//! exit 2.

use crate::common::*;
use serde_json::Value;
use std::path::PathBuf;

fn vectors() -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/librechat-data-schemas-0.0.71/vectors.json");
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// A LibreChat folder with `env` as its `.env` (0600).
fn folder(env: &TestEnv, dotenv: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let dir = env.path().join("LibreChat");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(".env");
    std::fs::write(&file, dotenv).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    dir
}

/// `authctl --profile librechat ARGS`, run in `dir` (where LibreChat's
/// `.env` is read from).
fn lc(env: &TestEnv, dir: &std::path::Path, args: &[&str]) -> assert_cmd::Command {
    let mut all = vec!["--profile", "librechat"];
    all.extend_from_slice(args);
    let mut c = env.cmd(&all);
    c.env_remove("AUTHCTL_CONFIG_DIR").current_dir(dir);
    c
}

fn vector_env(v: &Value) -> String {
    ["CREDS_KEY", "CREDS_IV", "JWT_SECRET", "JWT_REFRESH_SECRET"]
        .iter()
        .map(|k| format!("{k}={}\n", v[k].as_str().unwrap()))
        .collect()
}

#[test]
fn decrypts_what_librechat_encrypted_in_each_cipher() {
    let v = vectors();
    let env = TestEnv::sqlite();
    let dir = folder(&env, &vector_env(&v));
    for item in v["values"].as_array().unwrap() {
        let a = lc(&env, &dir, &["secret", "decrypt"])
            .write_stdin(item["value"].as_str().unwrap())
            .assert()
            .success();
        assert_eq!(
            a.get_output().stdout,
            item["plaintext"].as_str().unwrap().as_bytes(),
            "{item}"
        );
        // And authctl's own values, in the same cipher, come back.
        let version = item["version"].as_str().unwrap();
        let a = lc(&env, &dir, &["secret", "encrypt", "--cipher", version])
            .write_stdin(item["plaintext"].as_str().unwrap())
            .assert()
            .success();
        let mine = stdout(&a).trim().to_string();
        if version == "v1" {
            // The fixed IV makes v1 deterministic: byte for byte LibreChat's.
            assert_eq!(mine, item["value"].as_str().unwrap());
        } else {
            assert!(mine.starts_with(if version == "v3" { "v3:" } else { "" }));
            assert_ne!(mine, item["value"].as_str().unwrap(), "a fresh IV");
        }
        let a = lc(&env, &dir, &["--json", "secret", "decrypt"])
            .write_stdin(mine)
            .assert()
            .success();
        let out: Value = serde_json::from_str(&stdout(&a)).unwrap();
        assert_eq!(out["plaintext"], item["plaintext"]);
        assert_eq!(out["cipher"], version);
    }
}

#[test]
fn verifies_librechat_tokens_and_tells_access_from_refresh() {
    let v = vectors();
    let env = TestEnv::sqlite();
    let dir = folder(&env, &vector_env(&v));
    let access = v["access_token"].as_str().unwrap();
    let refresh = v["refresh_token"].as_str().unwrap();
    let iat = |t: &str| {
        let a = lc(&env, &dir, &["--json", "token", "decode", t])
            .assert()
            .success();
        let d: Value = serde_json::from_str(&stdout(&a)).unwrap();
        d["claims"]["iat"].as_i64().unwrap()
    };
    let at = (iat(access) + 5).to_string();
    let a = lc(
        &env,
        &dir,
        &["--json", "token", "verify", "--at", &at, access],
    )
    .assert()
    .success();
    let out: Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(out["type"], "access");
    assert_eq!(out["claims"]["email"], "alice@example.com");
    let at = (iat(refresh) + 5).to_string();
    let a = lc(
        &env,
        &dir,
        &[
            "--json", "token", "verify", "--type", "refresh", "--at", &at, refresh,
        ],
    )
    .assert()
    .success();
    let out: Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(out["type"], "refresh");
    assert_eq!(out["claims"]["sessionId"], v["session"]);
    // A refresh token is no access token; an expired one is refused.
    lc(
        &env,
        &dir,
        &["token", "verify", "--type", "access", "--at", &at, refresh],
    )
    .assert()
    .code(1);
    let late = (iat(access) + 901).to_string();
    let a = lc(&env, &dir, &["token", "verify", "--at", &late, access])
        .assert()
        .code(1);
    assert!(stderr(&a).contains("expired"), "{}", stderr(&a));
    // Under another JWT_SECRET nothing verifies.
    let other = folder(
        &env,
        &vector_env(&v).replace("JWT_SECRET=8d", "JWT_SECRET=7d"),
    );
    lc(&env, &other, &["token", "verify", "--at", &at, access])
        .assert()
        .code(1);
}

#[test]
fn minted_tokens_carry_librechat_claims_and_its_lifetimes() {
    let v = vectors();
    let env = TestEnv::sqlite();
    let dir = folder(
        &env,
        &format!(
            "{}SESSION_EXPIRY=1000 * 60 * 5\nREFRESH_TOKEN_EXPIRY=(1000 * 60 * 60 * 24) * 2\n",
            vector_env(&v)
        ),
    );
    let user = v["user"].as_str().unwrap();
    let mint = |args: &[&str]| -> Value {
        let mut all = vec!["--json", "token", "mint", "--user", user];
        all.extend_from_slice(args);
        let a = lc(&env, &dir, &all).assert().success();
        serde_json::from_str(&stdout(&a)).unwrap()
    };
    let decode = |t: &str| -> Value {
        let a = lc(&env, &dir, &["--json", "token", "decode", t])
            .assert()
            .success();
        serde_json::from_str::<Value>(&stdout(&a)).unwrap()["claims"].clone()
    };
    let m = mint(&[
        "--claim",
        "email=alice@example.com",
        "--claim",
        "username=alice",
    ]);
    let c = decode(m["token"].as_str().unwrap());
    let keys: Vec<&String> = c.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["id", "username", "provider", "email", "iat", "exp"]);
    assert_eq!(c["provider"], "local");
    assert_eq!(c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap(), 300);
    // The refresh token: two days, a fresh session id, and the hash
    // LibreChat keeps, which is SHA-256 of the token as LibreChat's own
    // hashToken made it for its token.
    let r = mint(&["--type", "refresh"]);
    let c = decode(r["token"].as_str().unwrap());
    assert_eq!(
        c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap(),
        172_800
    );
    assert_eq!(c["sessionId"], r["session_id"]);
    assert_eq!(r["refresh_token_hash"].as_str().unwrap().len(), 64);
    let session = v["session"].as_str().unwrap();
    let r = mint(&[
        "--type",
        "refresh",
        "--claim",
        &format!("sessionId={session}"),
    ]);
    assert_eq!(r["session_id"], session);
    // Each verifies as its kind with the secrets it was made with.
    lc(
        &env,
        &dir,
        &[
            "token",
            "verify",
            "--type",
            "refresh",
            r["token"].as_str().unwrap(),
        ],
    )
    .assert()
    .success();
    // What LibreChat would not accept is refused, naming the fix.
    for (args, needle) in [
        (vec!["--user", "alice"], "MongoDB id"),
        (vec!["--user", user, "--alg", "RS256"], "HS256 only"),
        (
            vec!["--user", user, "--claim", "role=ADMIN"],
            "--claim role",
        ),
        (vec!["--user", user, "--aud", "x"], "no issuer or audience"),
        (
            vec![
                "--user",
                user,
                "--type",
                "refresh",
                "--claim",
                "sessionId=1",
            ],
            "sessionId",
        ),
    ] {
        let mut all = vec!["token", "mint"];
        all.extend(args);
        let a = lc(&env, &dir, &all).assert().code(2);
        assert_one_line_error(&a, needle);
    }
}

#[test]
fn durations_are_what_librechat_makes_of_them() {
    // Each text against what LibreChat v0.8.5's parser (mathjs 15.2.0) made
    // of it, with the 15-minute default as its fallback.
    let v = vectors();
    let env = TestEnv::sqlite();
    let user = v["user"].as_str().unwrap();
    for case in v["math"].as_array().unwrap() {
        let text = case["text"].as_str().unwrap();
        let dir = folder(
            &env,
            &format!("{}SESSION_EXPIRY=\"{text}\"\n", vector_env(&v)),
        );
        let out = lc(&env, &dir, &["--json", "token", "mint", "--user", user])
            .output()
            .unwrap();
        let theirs = &case["value"];
        match theirs.as_f64() {
            Some(ms) if ms >= 1000.0 => {
                assert!(out.status.success(), "{text}: {out:?}");
                let m: Value = serde_json::from_slice(&out.stdout).unwrap();
                let a = lc(
                    &env,
                    &dir,
                    &["--json", "token", "decode", m["token"].as_str().unwrap()],
                )
                .assert()
                .success();
                let c: Value =
                    serde_json::from_str::<Value>(&stdout(&a)).unwrap()["claims"].clone();
                let ttl = c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap();
                assert_eq!(ttl, (ms / 1000.0).floor() as i64, "{text}");
                // Where LibreChat fell back, authctl says so.
                // (An empty variable is no setting at all.)
                let fell_back =
                    ms == 900_000.0 && !text.contains("15") && text != "900000" && !text.is_empty();
                if fell_back {
                    let err = String::from_utf8_lossy(&out.stderr);
                    assert!(err.contains("silently takes its default"), "{text}: {err}");
                }
            }
            // A lifetime LibreChat cannot use (negative, infinite, NaN): refused.
            _ => {
                assert_eq!(out.status.code(), Some(2), "{text}: {out:?}");
            }
        }
    }
}

#[test]
fn init_writes_secrets_in_librechat_formats_and_merges_without_loss() {
    let env = TestEnv::sqlite();
    let dir = folder(&env, "");
    let a = lc(&env, &dir, &["init"]).assert().success();
    let vars: std::collections::BTreeMap<String, String> = stdout(&a)
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.into(), v.into()))
        .collect();
    let hex = |s: &str| s.bytes().all(|b| b.is_ascii_hexdigit());
    assert_eq!(vars["CREDS_KEY"].len(), 64);
    assert_eq!(vars["CREDS_IV"].len(), 32);
    assert_eq!(vars["JWT_SECRET"].len(), 64);
    assert!(hex(&vars["CREDS_KEY"]) && hex(&vars["CREDS_IV"]) && hex(&vars["JWT_REFRESH_SECRET"]));
    assert_ne!(vars["JWT_SECRET"], vars["JWT_REFRESH_SECRET"]);
    assert!(vars["MEILI_MASTER_KEY"].len() >= 16);
    // LibreChat's .env.example, with its example secrets: init --out adds
    // nothing it has, replaces the example JWT secrets (sessions only), and
    // keeps the example CREDS_KEY/CREDS_IV (credentials are under them)
    // until --force, which keeps a backup.
    let example = "#=====#\n# LibreChat\n#=====#\nHOST=localhost\nPORT=3080\n\nCREDS_KEY=f34be427ebb29de8d88c107a71546019685ed8b241d8f2ed00c3df97ad2566f0\nCREDS_IV=e2341419ec3dd3d19b13a1a87fafcbfb\n\nJWT_SECRET=16f8c0ef4a5d391b26034086c628469d3f9f497f08163ab9b40137092f2909ef\nJWT_REFRESH_SECRET=eaa5191f2914e30b9387fd84e254e4ba6fc51b4654968a9b0803b456a54b8418\n# trailing\n";
    let dir = folder(&env, example);
    let a = lc(&env, &dir, &["init", "--out", ".env"])
        .assert()
        .success();
    let note = stderr(&a);
    assert!(
        note.contains("CREDS_KEY and CREDS_IV kept although weak"),
        "{note}"
    );
    let after = std::fs::read_to_string(dir.join(".env")).unwrap();
    let lines: Vec<&str> = after.lines().collect();
    let kept: Vec<&str> = example.lines().collect();
    assert_eq!(lines.len(), kept.len() + 1, "{after}");
    for (i, (a, b)) in lines.iter().zip(&kept).enumerate() {
        if b.starts_with("JWT_") {
            assert_ne!(a, b, "line {i}");
        } else {
            assert_eq!(a, b, "line {i}");
        }
    }
    assert!(lines.last().unwrap().starts_with("MEILI_MASTER_KEY="));
    let a = lc(&env, &dir, &["doctor"]).assert().code(1);
    let report = stdout(&a);
    assert!(report.contains("FAIL  librechat.creds_key"), "{report}");
    assert!(report.contains("pass  librechat.jwt_secret"), "{report}");
    lc(&env, &dir, &["init", "--out", ".env", "--force"])
        .assert()
        .success();
    let backups: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".env."))
        .collect();
    // One backup for each time values were replaced: the example JWT
    // secrets, then everything with --force.
    assert_eq!(backups.len(), 2, "{backups:?}");
    let a = lc(&env, &dir, &["secret", "check"]).assert().success();
    assert!(stderr(&a).contains("CREDS_KEY: ok"), "{}", stderr(&a));
    lc(&env, &dir, &["init", "--format", "files"])
        .assert()
        .code(2);
}

#[test]
fn doctor_fails_the_unsecured_password_reset_quoting_the_guide() {
    let v = vectors();
    let env = TestEnv::sqlite();
    let base = format!(
        "{}DOMAIN_CLIENT=https://chat.example.com\nEMAIL_FROM=noreply@librechat.ai\n",
        vector_env(&v)
    );
    let report = |dotenv: &str| -> (i32, Value) {
        let dir = folder(&env, dotenv);
        let out = lc(&env, &dir, &["--json", "doctor"]).output().unwrap();
        (
            out.status.code().unwrap(),
            serde_json::from_slice(&out.stdout).unwrap(),
        )
    };
    let status = |r: &Value, id: &str| -> String {
        r["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .map(|c| c["status"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("{id}: {r}"))
    };
    let (code, r) = report(&format!("{base}ALLOW_PASSWORD_RESET=false\n"));
    assert_eq!(code, 0, "{r}");
    assert_eq!(status(&r, "librechat.password_reset"), "pass");
    // Unset: safe on v0.8.5 only, so a failure too.
    let (code, r) = report(&base);
    assert_eq!(code, 1, "{r}");
    assert_eq!(status(&r, "librechat.password_reset"), "fail");
    let (code, r) = report(&format!(
        "{base}ALLOW_PASSWORD_RESET=true\nALLOW_REGISTRATION=true\nALLOW_UNVERIFIED_EMAIL_LOGIN=true\n"
    ));
    assert_eq!(code, 1);
    let check = r["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "librechat.password_reset")
        .unwrap()
        .clone();
    assert_eq!(check["status"], "fail");
    assert!(check["message"]
        .as_str()
        .unwrap()
        .contains("This allows anyone to reset any password on your server immediately"));
    assert_eq!(status(&r, "librechat.registration"), "warn");
    assert_eq!(status(&r, "librechat.unverified_login"), "warn");
    // With mail configured the same switch is fine.
    let (_, r) = report(&format!(
        "{base}ALLOW_PASSWORD_RESET=true\nEMAIL_SERVICE=gmail\nEMAIL_USERNAME=u\nEMAIL_PASSWORD=p\n"
    ));
    assert_eq!(status(&r, "librechat.password_reset"), "pass");
    // The documented examples, a short key, one secret for both tokens.
    let (code, r) = report(
        "CREDS_KEY=f34be427ebb29de8d88c107a71546019685ed8b241d8f2ed00c3df97ad2566f0\nCREDS_IV=abcd\nJWT_SECRET=16f8c0ef4a5d391b26034086c628469d3f9f497f08163ab9b40137092f2909ef\nJWT_REFRESH_SECRET=16f8c0ef4a5d391b26034086c628469d3f9f497f08163ab9b40137092f2909ef\nSESSION_EXPIRY=15m\n",
    );
    assert_eq!(code, 1);
    for id in [
        "librechat.creds_key",
        "librechat.creds_iv",
        "librechat.jwt_secret",
        "librechat.distinct_secrets",
    ] {
        assert_eq!(status(&r, id), "fail", "{id}");
    }
    assert_eq!(status(&r, "librechat.session_expiry"), "warn");
}

#[test]
fn bad_keys_and_values_get_librechat_reasons_and_what_needs_mongodb_is_refused_without_it() {
    let v = vectors();
    let env = TestEnv::sqlite();
    let short = folder(
        &env,
        &vector_env(&v).replace(v["CREDS_KEY"].as_str().unwrap(), &"ab".repeat(16)),
    );
    let a = lc(&env, &short, &["secret", "encrypt", "--cipher", "v3"])
        .write_stdin("x")
        .assert()
        .code(2);
    assert_one_line_error(&a, "Invalid key length: expected 32 bytes");
    // `secret check --env NAME` judges that one secret by LibreChat's rules.
    let a = lc(&env, &short, &["secret", "check", "--env", "CREDS_KEY"])
        .assert()
        .code(1);
    assert!(
        stderr(&a).contains("CREDS_KEY is 16 bytes"),
        "{}",
        stderr(&a)
    );
    let a = lc(&env, &short, &["secret", "check", "--env", "CREDS_IV"])
        .assert()
        .success();
    assert_eq!(
        stderr(&a).lines().last(),
        Some("CREDS_IV: ok"),
        "{}",
        stderr(&a)
    );
    // A 16-byte key works for v1/v2, as in LibreChat (AES-128).
    lc(&env, &short, &["secret", "encrypt", "--cipher", "v2"])
        .write_stdin("x")
        .assert()
        .success();
    let dir = folder(&env, &vector_env(&v));
    let a = lc(&env, &dir, &["secret", "encrypt"])
        .write_stdin("x")
        .assert()
        .code(2);
    assert_one_line_error(&a, "--cipher v1");
    // A value under another key does not decrypt (exit 1).
    let v2 = v["values"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["version"] == "v2")
        .unwrap()["value"]
        .as_str()
        .unwrap()
        .to_string();
    let other = folder(
        &env,
        &vector_env(&v).replace(v["CREDS_KEY"].as_str().unwrap(), &"cd".repeat(32)),
    );
    let a = lc(&env, &other, &["secret", "decrypt"])
        .write_stdin(v2)
        .assert()
        .code(1);
    assert_one_line_error(&a, "does not decrypt under CREDS_KEY");
    for args in [
        vec!["user", "list"],
        vec!["superuser", "--username", "a@example.com"],
        vec!["apikey", "list"],
        vec!["keygen"],
        vec!["secret", "rotate", "--yes"],
        vec!["secret", "identify"],
        vec!["token", "list", "--user", "a"],
        vec!["--db", "x.db", "doctor"],
    ] {
        let before = snapshot_dir(&dir);
        let a = lc(&env, &dir, &args).assert().code(2);
        assert_eq!(snapshot_dir(&dir), before);
        let err = stderr(&a);
        assert!(
            err.contains("MongoDB") || err.contains("there authctl runs"),
            "{args:?}: {err}"
        );
    }
    // --cipher is LibreChat's only.
    env.cmd(&["secret", "encrypt", "--cipher", "v1"])
        .write_stdin("x")
        .assert()
        .code(2);
}

#[test]
fn deeply_nested_durations_are_reported_not_a_crash() {
    // 30,000 nested parentheses (or signs): LibreChat's mathjs runs out of
    // stack and takes its default; authctl says it cannot vouch for the
    // value, in a short message, and every command still runs.
    let v = vectors();
    let env = TestEnv::sqlite();
    let user = v["user"].as_str().unwrap();
    for text in [
        format!("{}1000{}", "(".repeat(30_000), ")".repeat(30_000)),
        "-".repeat(30_000) + "1000",
    ] {
        let dir = folder(&env, &format!("{}SESSION_EXPIRY={text}\n", vector_env(&v)));
        let a = lc(&env, &dir, &["token", "mint", "--user", user])
            .assert()
            .code(2);
        let err = stderr(&a);
        let last = err.lines().last().unwrap_or_default();
        assert!(
            last.starts_with("authctl: error: SESSION_EXPIRY=") && last.contains("bytes)"),
            "{err}"
        );
        assert!(last.len() < 400, "{last}");
        let a = lc(
            &env,
            &dir,
            &["token", "mint", "--user", user, "--ttl", "5m"],
        )
        .assert()
        .success();
        assert!(stderr(&a).contains("SESSION_EXPIRY=\""), "{}", stderr(&a));
        let a = lc(&env, &dir, &["doctor"]).assert();
        let out = a.get_output();
        assert!(out.status.code().is_some_and(|c| c <= 1), "{out:?}");
    }
}

#[test]
fn hs512_tokens_under_librechats_secret_are_named_as_made_outside_it() {
    let v = vectors();
    let env = TestEnv::sqlite();
    let dir = folder(&env, &vector_env(&v));
    let secret = v["JWT_SECRET"].as_str().unwrap();
    let token = python_eval(
        "import jwt,sys,time\nprint(jwt.encode({'id':'x','exp':int(time.time())+600},sys.argv[1],algorithm='HS512'))",
        &[secret],
    );
    let a = lc(&env, &dir, &["token", "verify", token.trim()])
        .assert()
        .code(1);
    assert!(
        stderr(&a).contains("signed HS512 with LibreChat's own secret"),
        "{}",
        stderr(&a)
    );
}

/// Where `.env` names a MongoDB authctl cannot reach (a host only
/// LibreChat's containers resolve), a refresh token's session cannot be
/// stored: exit 5, no token printed; `MONGO_URI=` set empty mints it
/// without one, as before there was a database.
#[test]
fn a_refresh_token_needs_its_session_stored_unless_mongo_uri_is_emptied() {
    let v = vectors();
    let env = TestEnv::sqlite();
    let dotenv = format!(
        "{}MONGO_URI=mongodb://127.0.0.1:9/LibreChat?serverSelectionTimeoutMS=300&connectTimeoutMS=300\n",
        vector_env(&v)
    );
    let dir = folder(&env, &dotenv);
    let user = v["user"].as_str().unwrap();
    let args = [
        "--json", "token", "mint", "--user", user, "--type", "refresh",
    ];
    let a = lc(&env, &dir, &args).assert().code(5);
    assert!(stdout(&a).is_empty());
    assert_one_line_error(&a, "cannot reach MongoDB at 127.0.0.1:9");
    let a = lc(&env, &dir, &args)
        .env("MONGO_URI", "")
        .assert()
        .success();
    let made: Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(made["session_stored"], false, "{made}");
    assert_eq!(made["type"], "refresh");
}
