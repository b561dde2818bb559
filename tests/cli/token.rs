//! `authctl token …` through the binary, against PyJWT as the independent
//! implementation, and every rejection with its exit code.

use crate::common::*;
use serde_json::{json, Value};

fn hs_env() -> TestEnv {
    let env = TestEnv::new();
    env.admin();
    env.place_secret(SECRET);
    env
}

fn rs_env(alg: &str) -> TestEnv {
    let env = TestEnv::new();
    env.admin();
    env.place_keys("a");
    // A secret key too, so an RS token meets the HS256 allow-list, not a missing key.
    env.place_secret(SECRET);
    let _ = alg;
    env
}

fn verify(env: &TestEnv, token: &str, extra: &[&str]) -> (i32, Value, String) {
    let mut args = vec!["--json", "token", "verify", token];
    args.extend_from_slice(extra);
    let out = env.cmd(&args).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (
        out.status.code().unwrap(),
        v,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn admin_id(env: &TestEnv) -> String {
    env.show("admin")["id"].as_str().unwrap().to_string()
}

#[test]
fn hs256_token_verifies_with_pyjwt_and_back() {
    let env = hs_env();
    let token = env.mint(&["--user", "admin"]);
    let claims = pyjwt_decode(&token, SECRET, "HS256");
    assert_eq!(claims["sub"], admin_id(&env));
    assert_eq!(claims["type"], "access");
    let exp = claims["exp"].as_i64().unwrap();
    let iat = claims["iat"].as_i64().unwrap();
    assert_eq!(exp - iat, 3600);
    assert!((iat - unix_now()).abs() < 60);
    assert!(claims["jti"].as_str().unwrap().len() >= 32);

    let now = unix_now();
    let theirs = pyjwt_encode(
        &json!({"sub": admin_id(&env), "type": "access", "exp": now + 600}),
        SECRET,
        "HS256",
        &json!({}),
    );
    let (code, v, _) = verify(&env, &theirs, &[]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["valid"], true);
}

#[test]
fn rs256_and_rs512_tokens_verify_with_pyjwt_and_back() {
    for alg in ["RS256", "RS512"] {
        let env = rs_env(alg);
        let token = env.mint(&["--user", "admin", "--alg", alg]);
        let header = python_eval(
            "import jwt,sys,json; print(json.dumps(jwt.get_unverified_header(sys.argv[1])))",
            &[&token],
        );
        let header: Value = serde_json::from_str(header.trim()).unwrap();
        assert_eq!(header["alg"], alg);
        assert_eq!(header["typ"], "JWT");
        let kid = header["kid"].as_str().unwrap().to_string();
        let pubkey = fixture_key("rsa2048-pkcs8.pub.pem");
        let claims = pyjwt_decode(&token, pubkey.to_str().unwrap(), alg);
        assert_eq!(claims["sub"], admin_id(&env));

        let theirs = pyjwt_encode(
            &json!({"sub": admin_id(&env), "type": "access", "exp": unix_now() + 600}),
            fixture_key("rsa2048-pkcs8.pem").to_str().unwrap(),
            alg,
            &json!({}),
        );
        let (code, v, err) = verify(&env, &theirs, &[]);
        assert_eq!(
            code, 1,
            "without AUTHCTL_ALGORITHM the HS256 allow-list must refuse {alg}: {v}"
        );
        assert!(err.contains("not allowed"), "{err}");
        let out = env
            .cmd(&["--json", "token", "verify", &theirs])
            .env("AUTHCTL_ALGORITHM", alg)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // The kid in our header is the key's RFC 7638 thumbprint.
        let jwks: Value =
            serde_json::from_slice(&env.cmd(&["keys", "jwks"]).output().unwrap().stdout).unwrap();
        assert_eq!(jwks["keys"][0]["kid"], kid.as_str());
    }
}

#[test]
fn stdout_is_only_the_token_and_refresh_defaults() {
    let env = hs_env();
    let token = env.mint(&["--user", "admin", "--type", "refresh"]);
    let claims = pyjwt_decode(&token, SECRET, "HS256");
    assert_eq!(claims["type"], "refresh");
    assert_eq!(
        claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(),
        604_800
    );
    let t = env.mint(&[
        "--user",
        "admin",
        "--ttl",
        "15m",
        "--claim",
        "role=\"admin\"",
        "--claim",
        "n=3",
        "--iss",
        "me",
        "--aud",
        "you",
    ]);
    let c = pyjwt_decode(&t, SECRET, "HS256");
    assert_eq!(c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap(), 900);
    assert_eq!(
        (
            c["role"].clone(),
            c["n"].clone(),
            c["iss"].clone(),
            c["aud"].clone()
        ),
        (json!("admin"), json!(3), json!("me"), json!("you"))
    );
    let c = pyjwt_decode(&env.mint(&["--user", "admin"]), SECRET, "HS256");
    assert!(c.get("iss").is_none());
    let out = env
        .cmd(&["token", "mint", "--user", "admin"])
        .env("AUTHCTL_ACCESS_TOKEN_EXPIRE_SECONDS", "60")
        .env("AUTHCTL_JWT_ISSUER", "issuer-x")
        .output()
        .unwrap();
    let c = pyjwt_decode(String::from_utf8_lossy(&out.stdout).trim(), SECRET, "HS256");
    assert_eq!(c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap(), 60);
    assert_eq!(c["iss"], "issuer-x");
}

#[test]
fn mint_refusals() {
    let env = hs_env();
    env.user("bob");
    env.cmd(&["user", "deactivate", "bob"]).assert().success();
    for ttl in ["0", "-5", "soon", "", "1y"] {
        let a = env
            .cmd(&["token", "mint", "--user", "admin", "--ttl", ttl])
            .assert()
            .code(2);
        assert_one_line_error(&a, "--ttl");
        assert!(stdout(&a).is_empty());
    }
    let a = env
        .cmd(&["token", "mint", "--user", "nobody"])
        .assert()
        .code(3);
    assert_one_line_error(&a, "\"nobody\" does not exist");
    let a = env
        .cmd(&["token", "mint", "--user", "bob"])
        .assert()
        .code(4);
    assert_one_line_error(&a, "inactive");
    let a = env
        .cmd(&["token", "mint", "--user", "admin", "--claim", "sub=x"])
        .assert()
        .code(2);
    assert_one_line_error(&a, "sub");
    let a = env
        .cmd(&["token", "mint", "--user", "admin", "--alg", "RS256"])
        .assert()
        .code(3);
    assert_one_line_error(&a, "authctl keygen --alg RS256");
    let bare = TestEnv::new();
    bare.admin();
    let a = bare
        .cmd(&["token", "mint", "--user", "admin"])
        .assert()
        .code(3);
    assert_one_line_error(&a, "authctl keygen --alg HS256");
}

#[test]
fn every_rejection_has_its_reason_and_exit_1() {
    let env = hs_env();
    let id = admin_id(&env);
    let now = unix_now();
    let good = json!({"sub": id, "type": "access", "exp": now + 600});
    let with = |patch: Value| {
        let mut c = good.clone();
        for (k, v) in patch.as_object().unwrap() {
            if v.is_null() {
                c.as_object_mut().unwrap().remove(k);
            } else {
                c[k] = v.clone();
            }
        }
        c
    };
    let hs = |c: &Value| pyjwt_encode(c, SECRET, "HS256", &json!({}));
    let pubpem = std::fs::read_to_string(fixture_key("rsa2048-pkcs8.pub.pem")).unwrap();
    // HS/RS confusion: an HS256 token keyed with an RSA public key's PEM.
    let confused = python_eval(
        "import hmac,hashlib,base64,json,sys\nb=lambda x: base64.urlsafe_b64encode(x).rstrip(b'=').decode()\nh=b(json.dumps({'alg':'HS256','typ':'JWT'}).encode());p=b(sys.argv[1].encode())\ns=b(hmac.new(sys.argv[2].encode(),(h+'.'+p).encode(),hashlib.sha256).digest())\nprint(h+'.'+p+'.'+s)",
        &[&good.to_string(), &pubpem],
    );
    let none = {
        let b = |v: &Value| base64_url(v.to_string().as_bytes());
        format!("{}.{}.", b(&json!({"alg": "none", "typ": "JWT"})), b(&good))
    };
    let mut tampered = hs(&good);
    let last = tampered.pop().unwrap();
    tampered.push(if last == 'A' { 'B' } else { 'A' });
    let wrong_key = pyjwt_encode(
        &good,
        "another-secret-that-is-long-enough-1234",
        "HS256",
        &json!({}),
    );
    let cases: Vec<(&str, String, Vec<&str>, &str)> = vec![
        ("alg none", none, vec![], "not allowed"),
        ("bad signature", tampered, vec![], "signature"),
        ("wrong key", wrong_key, vec![], "signature"),
        (
            "expired",
            hs(&with(json!({"exp": now - 10}))),
            vec![],
            "expired",
        ),
        (
            "not yet valid",
            hs(&with(json!({"nbf": now + 3600}))),
            vec![],
            "not valid",
        ),
        ("no exp", hs(&with(json!({"exp": null}))), vec![], "exp"),
        (
            "wrong type",
            hs(&with(json!({"type": "refresh"}))),
            vec!["--type", "access"],
            "type",
        ),
        (
            "unknown user",
            hs(&with(
                json!({"sub": "00000000-0000-4000-8000-000000000000"}),
            )),
            vec![],
            "does not exist",
        ),
    ];
    for (name, token, extra, needle) in cases {
        let (code, v, err) = verify(&env, &token, &extra);
        assert_eq!(code, 1, "{name}: {v} {err}");
        assert_eq!(v["valid"], false, "{name}");
        assert!(
            v["reason"].as_str().unwrap().contains(needle),
            "{name}: {v}"
        );
        assert!(err.contains(needle), "{name}: reason not on stderr: {err}");
    }
    // The confused token must fail under RS256 (the allow-list) with RSA keys present.
    env.place_keys("a");
    let out = env
        .cmd(&["token", "verify", confused.trim()])
        .env("AUTHCTL_ALGORITHM", "RS256")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    // Leeway widens expiry; --offline skips the user check.
    let (code, _, _) = verify(
        &env,
        &hs(&with(json!({"exp": now - 10}))),
        &["--leeway", "120"],
    );
    assert_eq!(code, 0);
    let (code, _, _) = verify(
        &env,
        &hs(&with(
            json!({"sub": "00000000-0000-4000-8000-000000000000"}),
        )),
        &["--offline"],
    );
    assert_eq!(code, 0);
}

#[test]
fn issuer_and_audience_when_configured() {
    let env = hs_env();
    let id = admin_id(&env);
    let c = json!({"sub": id, "type": "access", "exp": unix_now() + 600, "iss": "a", "aud": "b"});
    let t = pyjwt_encode(&c, SECRET, "HS256", &json!({}));
    let run = |iss: &str, aud: &str| {
        env.cmd(&["token", "verify", &t])
            .env("AUTHCTL_JWT_ISSUER", iss)
            .env("AUTHCTL_JWT_AUDIENCE", aud)
            .output()
            .unwrap()
    };
    assert_eq!(run("a", "b").status.code(), Some(0));
    let bad = run("x", "b");
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("iss"));
    let bad = run("a", "y");
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("aud"));
}

#[test]
fn kid_is_looked_up_only_locally_and_retired_keys_verify_until_retired() {
    let env = rs_env("RS256");
    let rs = |cmd: &mut assert_cmd::Command| {
        cmd.env("AUTHCTL_ALGORITHM", "RS256");
    };
    let mut c = env.cmd(&["token", "mint", "--user", "admin"]);
    rs(&mut c);
    let old = String::from_utf8(c.output().unwrap().stdout)
        .unwrap()
        .trim()
        .to_string();
    // An attacker's key and a kid we do not have: refused, whatever jku says.
    let foreign = pyjwt_encode(
        &json!({"sub": admin_id(&env), "type": "access", "exp": unix_now() + 600}),
        fixture_key("rsa2048-pkcs1.pem").to_str().unwrap(),
        "RS256",
        &json!({"kid": "not-ours", "jku": "https://attacker.example/jwks.json"}),
    );
    let out = env
        .cmd(&["token", "verify", &foreign])
        .env("AUTHCTL_ALGORITHM", "RS256")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("kid"));
    // Rotate: the old token still verifies with the retired key.
    let out = env
        .cmd(&["--json", "keygen", "--alg", "RS256", "--force"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let old_kid = report["retired"].as_str().unwrap().to_string();
    let out = env
        .cmd(&["token", "verify", &old])
        .env("AUTHCTL_ALGORITHM", "RS256")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    env.cmd(&["keys", "retire", &old_kid]).assert().success();
    let out = env
        .cmd(&["token", "verify", &old])
        .env("AUTHCTL_ALGORITHM", "RS256")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn inactive_users_revocation_and_type_separation() {
    let env = hs_env();
    env.user("bob");
    let access = env.mint(&["--user", "bob"]);
    let refresh = env.mint(&["--user", "bob", "--type", "refresh"]);
    assert_eq!(verify(&env, &refresh, &["--type", "refresh"]).0, 0);
    assert_eq!(verify(&env, &refresh, &["--type", "access"]).0, 1);
    assert_eq!(verify(&env, &access, &["--type", "refresh"]).0, 1);
    // The store never holds the token itself.
    let stored = env.sql("select jti || ' ' || token_sha256 from refresh_tokens");
    assert!(!stored.contains(&refresh));
    let out = env
        .cmd(&["--json", "token", "list", "--user", "bob"])
        .output()
        .unwrap();
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert!(rows[0]["revoked_at"].is_null());
    assert!(!String::from_utf8_lossy(&out.stdout).contains(&refresh));
    env.cmd(&["token", "revoke", &refresh]).assert().success();
    let (code, v, _) = verify(&env, &refresh, &[]);
    assert_eq!(code, 1);
    assert!(v["reason"].as_str().unwrap().contains("revoked"));
    assert_eq!(verify(&env, &refresh, &["--offline"]).0, 0);
    let r2 = env.mint(&["--user", "bob", "--type", "refresh"]);
    let jti = pyjwt_decode(&r2, SECRET, "HS256")["jti"]
        .as_str()
        .unwrap()
        .to_string();
    env.cmd(&["token", "revoke", "--jti", &jti])
        .assert()
        .success();
    assert_eq!(verify(&env, &r2, &[]).0, 1);
    let r3 = env.mint(&["--user", "bob", "--type", "refresh"]);
    env.cmd(&["token", "revoke", "--user", "bob", "--all"])
        .assert()
        .success();
    assert_eq!(verify(&env, &r3, &[]).0, 1);
    env.cmd(&["token", "revoke", "--jti", "nope"])
        .assert()
        .code(3);
    env.cmd(&["token", "revoke", "--user", "bob"])
        .assert()
        .code(2);
    // Deactivated users' tokens stop verifying online.
    env.cmd(&["user", "deactivate", "bob"]).assert().success();
    let (code, v, _) = verify(&env, &access, &[]);
    assert_eq!(code, 1);
    assert!(v["reason"].as_str().unwrap().contains("inactive"));
    assert_eq!(verify(&env, &access, &["--offline"]).0, 0);
}

#[test]
fn decode_shows_claims_times_and_says_not_verified() {
    let env = hs_env();
    let token = env.mint(&["--user", "admin"]);
    let a = env
        .cmd(&["token", "decode", &format!("  Bearer {token}\n")])
        .assert()
        .success();
    let text = stdout(&a);
    assert!(text.contains("NOT VERIFIED"), "{text}");
    assert!(
        text.contains("expires in 59m") || text.contains("expires in 1h"),
        "{text}"
    );
    // The common form (a fast path) and a form clap parses agree.
    for json in [false, true] {
        let mut plain = vec!["token", "decode", &token];
        let mut other = vec!["token", "decode", "--quiet", &token];
        if json {
            plain.insert(0, "--json");
            other.insert(0, "--json");
        }
        let a = stdout(&env.cmd(&plain).assert().success());
        let b = stdout(&env.cmd(&other).assert().success());
        let strip = |s: &str| {
            s.lines()
                .filter(|l| {
                    !l.contains(" ago") && !l.contains("expires in") && !l.contains("relative")
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(strip(&a), strip(&b), "json={json}");
    }
    let a = env
        .cmd(&["--json", "token", "decode", "-"])
        .write_stdin(format!("Bearer {token}\n"))
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
    assert_eq!(v["verified"], false);
    assert_eq!(v["header"]["alg"], "HS256");
    assert_eq!(v["claims"]["sub"], admin_id(&env));
}

#[test]
fn malformed_inputs_never_panic() {
    let env = hs_env();
    let huge = "a".repeat(2 * 1024 * 1024);
    let deep = format!(
        "{}.{}.x",
        base64_url(&"[".repeat(40_000).into_bytes()),
        base64_url(b"{}")
    );
    let corpus: Vec<(String, &str)> = vec![
        ("".into(), "empty"),
        ("abc".into(), "segments"),
        ("a.b.c.d".into(), "segments"),
        ("a.b.c.d.e".into(), "JWE"),
        ("!!!.e30.x".into(), "base64"),
        (format!("{}.e30.x", base64_url(b"not json")), "JSON"),
        (
            format!(
                "{}.{}.x",
                base64_url(b"{\"alg\":\"HS256\"}"),
                base64_url(b"[1,2]")
            ),
            "object",
        ),
        (
            format!("{}.e30.x", base64_url(&[0xff, 0xfe, 0x7b])),
            "header",
        ),
        (huge, "limit"),
        (deep, "header"),
    ];
    for (input, needle) in &corpus {
        for verb in ["decode", "verify"] {
            let out = env
                .cmd(&["token", verb, "-"])
                .write_stdin(input.clone())
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            let code = out.status.code().unwrap();
            assert!(
                code == 2 || (verb == "verify" && code == 1),
                "{verb} {needle}: exit {code}: {err}"
            );
            assert!(!err.contains("panicked"), "{verb}: {err}");
            assert_eq!(err.lines().count(), 1, "{verb} {needle}: {err}");
            if verb == "decode" {
                assert!(
                    err.to_lowercase().contains(&needle.to_lowercase()),
                    "{needle}: {err}"
                );
            }
        }
    }
}

pub fn base64_url(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

#[test]
fn rfc7515_a2_verifies_offline_with_the_rfcs_key_and_fails_with_one_byte_changed() {
    const N: &str = "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ";
    const TOKEN: &str = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw";
    // The RFC's public key, turned into a PEM by Python cryptography.
    let pem = python_eval(
        "import sys,base64\nfrom cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicNumbers\nfrom cryptography.hazmat.primitives import serialization as s\nn=int.from_bytes(base64.urlsafe_b64decode(sys.argv[1]+'=='),'big')\nprint(RSAPublicNumbers(65537,n).public_key().public_bytes(s.Encoding.PEM,s.PublicFormat.SubjectPublicKeyInfo).decode())",
        &[N],
    );
    let env = TestEnv::new();
    let run = |token: &str| {
        env.cmd(&[
            "token",
            "verify",
            "--offline",
            "--at",
            "2011-03-22T18:42:59Z",
            token,
        ])
        .env("AUTHCTL_ALGORITHM", "RS256")
        .env("AUTHCTL_PUBLIC_KEY", pem.trim())
        .output()
        .unwrap()
    };
    let ok = run(TOKEN);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let claims: Value = serde_json::from_slice(&ok.stdout).unwrap();
    assert_eq!(claims["iss"], "joe");
    // One byte changed in each part: header, payload, signature.
    for part in 0..3 {
        let mut segs: Vec<String> = TOKEN.split('.').map(str::to_string).collect();
        use base64::Engine;
        let e = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let mut bytes = e.decode(&segs[part]).unwrap();
        bytes[3] ^= 0x01;
        segs[part] = e.encode(bytes);
        let bad = run(&segs.join("."));
        assert_eq!(bad.status.code(), Some(1), "part {part}");
    }
    // At the real current time it has long expired.
    let late = env
        .cmd(&["token", "verify", "--offline", TOKEN])
        .env("AUTHCTL_ALGORITHM", "RS256")
        .env("AUTHCTL_PUBLIC_KEY", pem.trim())
        .output()
        .unwrap();
    assert_eq!(late.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&late.stderr).contains("expired"));
}

#[test]
fn expire_settings_are_capped_like_ttl() {
    let env = TestEnv::new();
    for (var, value) in [
        ("AUTHCTL_ACCESS_TOKEN_EXPIRE_SECONDS", "3153600001"),
        ("AUTHCTL_REFRESH_TOKEN_EXPIRE_SECONDS", "99999999999999"),
    ] {
        let a = env
            .cmd(&["secret", "generate"])
            .env(var, value)
            .assert()
            .code(2);
        assert_one_line_error(&a, var);
        assert_one_line_error(&a, "100 years");
    }
}

/// With no database where the settings point, an online verify says it
/// could not look the user up and where it looked (the token itself is
/// sound: `--offline` accepts it), and mint names the missing database.
#[test]
fn without_a_database_verify_says_it_cannot_look_the_user_up() {
    let env = hs_env();
    let token = stdout(
        &env.cmd(&["token", "mint", "--user", "admin"])
            .assert()
            .success(),
    );
    let missing = env.path().join("nowhere.db");
    let db = missing.to_str().unwrap();
    let (code, v, err) = verify(&env, token.trim(), &["--db", db]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(v["valid"], false, "{v}");
    let reason = v["reason"].as_str().unwrap();
    assert!(reason.contains("cannot be looked up"), "{reason}");
    assert!(
        reason.contains(&format!("database \"{db}\" does not exist")),
        "{reason}"
    );
    let (code, v, _) = verify(&env, token.trim(), &["--db", db, "--offline"]);
    assert_eq!((code, &v["valid"]), (0, &Value::Bool(true)), "{v}");
    let a = env
        .cmd(&["--db", db, "token", "mint", "--user", "admin"])
        .assert()
        .code(3);
    assert_one_line_error(&a, "does not exist or has no tables yet");
    assert!(!missing.exists());
}
