//! A table of bad inputs across every command: the documented exit code,
//! one line that names the thing and the fix, and nothing changed.

use crate::common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command as Std, Stdio};

struct Case {
    args: Vec<String>,
    env: Vec<(String, String)>,
    stdin: Vec<u8>,
    code: i32,
    needle: &'static str,
}

fn case(args: &[&str], code: i32, needle: &'static str) -> Case {
    Case {
        args: args.iter().map(|s| s.to_string()).collect(),
        env: Vec::new(),
        stdin: Vec::new(),
        code,
        needle,
    }
}

impl Case {
    fn env(mut self, k: &str, v: &str) -> Self {
        self.env.push((k.into(), v.into()));
        self
    }
    fn stdin(mut self, s: impl Into<Vec<u8>>) -> Self {
        self.stdin = s.into();
        self
    }
}

fn tree(paths: &[PathBuf]) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut all = BTreeMap::new();
    for p in paths {
        if p.is_dir() {
            all.extend(snapshot_dir(p));
        } else if let Ok(b) = std::fs::read(p) {
            all.insert(p.clone(), b);
        }
    }
    all
}

fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

#[test]
fn bad_input_table() {
    let env = TestEnv::sqlite();
    env.admin();
    env.user("bob");
    env.cmd(&["user", "add", "carol", "--password-stdin"])
        .write_stdin("Waits-For-Approval-2026\n")
        .assert()
        .success();
    env.place_secret(SECRET);
    let p = env.path();
    let s = |x: &Path| x.to_str().unwrap().to_string();
    std::fs::write(p.join("garbage.db"), "just text, not SQLite\n").unwrap();
    std::fs::create_dir_all(p.join("a-directory")).unwrap();
    std::fs::write(p.join("notutf8"), [0xff, 0xfe, 0x41, 0x0a]).unwrap();
    std::fs::write(p.join("bad.env"), "GOOD=1\nthis line is not valid\n").unwrap();
    std::fs::write(p.join("empty.pem"), "").unwrap();
    std::fs::write(p.join("plain"), "x").unwrap();
    let (garbage, dir, notutf8, badenv, empty) = (
        s(&p.join("garbage.db")),
        s(&p.join("a-directory")),
        s(&p.join("notutf8")),
        s(&p.join("bad.env")),
        s(&p.join("empty.pem")),
    );
    let key = |n: &str| s(&fixture_key(n));
    let none = format!(
        "{}.{}.",
        b64(br#"{"alg":"none"}"#),
        b64(br#"{"sub":"x","exp":9999999999}"#)
    );
    let not_json = format!("{}.e30.sig", b64(b"not json"));
    let big = "a".repeat(100 * 1024);
    let uncreatable = s(&p.join("plain").join("cfg"));
    let cases = vec![
        // Tokens: malformed, oversize, bad UTF-8, unknown options.
        case(&["token", "decode", ""], 2, "empty"),
        case(&["token", "decode", "abc"], 2, "segments"),
        case(&["token", "decode", "a.b.c.d"], 2, "segments"),
        case(&["token", "decode", "a.b.c.d.e"], 2, "JWE"),
        case(&["token", "decode", "!!!.e30.x"], 2, "base64"),
        case(&["token", "decode", &not_json], 2, "JSON"),
        case(&["token", "decode", "-"], 2, "UTF-8").stdin(vec![0xff, 0xfe, b'.', b'a']),
        case(&["token", "decode", "-"], 2, "limit").stdin(big.clone()),
        case(&["token", "verify", "abc"], 1, "segments"),
        case(&["token", "verify", &none], 1, "not allowed"),
        case(&["token", "verify", &not_json], 1, "JSON"),
        case(
            &["token", "verify", "--at", "yesterday", "a.b.c"],
            2,
            "--at",
        ),
        case(&["token", "verify", "--type", "bogus", "a.b.c"], 2, "bogus"),
        case(&["token", "verify", "--leeway", "-5", "a.b.c"], 2, "-5"),
        case(
            &["token", "mint", "--user", "admin", "--ttl", "0"],
            2,
            "--ttl",
        ),
        case(
            &["token", "mint", "--user", "admin", "--ttl", "-1"],
            2,
            "--ttl",
        ),
        case(
            &["token", "mint", "--user", "admin", "--ttl", "soon"],
            2,
            "--ttl",
        ),
        case(&["token", "mint", "--user", "nobody"], 3, "does not exist"),
        case(&["token", "mint", "--user", "carol"], 4, "inactive"),
        case(
            &["token", "mint", "--user", "admin", "--alg", "RS999"],
            2,
            "RS999",
        ),
        case(
            &["token", "mint", "--user", "admin", "--claim", "noequals"],
            2,
            "KEY=VALUE",
        ),
        case(
            &["token", "mint", "--user", "admin", "--claim", "exp=5"],
            2,
            "exp",
        ),
        case(
            &["token", "mint", "--user", "admin", "--alg", "RS256"],
            3,
            "authctl keygen --alg RS256",
        ),
        case(&["token", "mint", "--user", "admin"], 2, "HS999").env("AUTHCTL_ALGORITHM", "HS999"),
        case(
            &["token", "revoke", "--jti", "nope"],
            3,
            "no recorded refresh token",
        ),
        case(&["token", "revoke", "--user", "admin"], 2, "--all"),
        case(&["token", "list", "--user", "nobody"], 3, "does not exist"),
        // Keys: wrong types, sizes, encrypted, truncated, binary, missing.
        case(
            &[
                "keygen",
                "--alg",
                "RS256",
                "--from-private",
                &key("rsa1024.pem"),
            ],
            2,
            "2048",
        ),
        case(
            &[
                "keygen",
                "--alg",
                "RS256",
                "--from-private",
                &key("ec-p256.pem"),
            ],
            2,
            "RSA",
        ),
        case(
            &[
                "keygen",
                "--alg",
                "RS256",
                "--from-private",
                &key("ed25519.pem"),
            ],
            2,
            "RSA",
        ),
        case(
            &[
                "keygen",
                "--alg",
                "RS256",
                "--from-private",
                &key("rsa2048-encrypted-pkcs8.pem"),
            ],
            2,
            "encrypted",
        ),
        case(
            &[
                "keygen",
                "--alg",
                "RS256",
                "--from-private",
                &key("rsa2048-truncated.pem"),
            ],
            2,
            "--from-private",
        ),
        case(
            &[
                "keygen",
                "--alg",
                "RS256",
                "--from-private",
                &key("binary.bin"),
            ],
            2,
            "--from-private",
        ),
        case(
            &["keygen", "--alg", "RS256", "--from-private", &empty],
            2,
            "--from-private",
        ),
        case(
            &[
                "keygen",
                "--alg",
                "RS256",
                "--from-private",
                &key("rsa2048-pkcs8.pub.pem"),
            ],
            2,
            "public",
        ),
        case(
            &[
                "keygen",
                "--alg",
                "RS256",
                "--from-private",
                "/no/such/key.pem",
            ],
            5,
            "/no/such/key.pem",
        ),
        case(&["keygen", "--alg", "RS256", "--bits", "1024"], 2, "1024"),
        case(&["keygen", "--alg", "HS512"], 2, "HS512"),
        case(&["keygen", "--alg", "RS256"], 2, "AUTHCTL_PRIVATE_KEY")
            .env("AUTHCTL_PRIVATE_KEY", "not a key"),
        case(
            &["keygen", "--alg", "HS256", "--from-private", "x.pem"],
            2,
            "RS256",
        ),
        case(&["keys", "retire", "no-such-kid"], 3, "no-such-kid"),
        case(&["keys", "export", "--format", "xml"], 2, "xml"),
        // Secrets.
        case(&["secret", "generate", "--bytes", "16"], 2, "32"),
        case(&["secret", "generate", "--bytes", "999999"], 2, "--bytes"),
        case(&["secret", "generate", "--env", "BAD NAME"], 2, "BAD NAME"),
        case(&["secret", "generate", "--force"], 2, "--write"),
        case(
            &["secret", "check", "--file", "/no/such/secret"],
            5,
            "/no/such/secret",
        ),
        case(&["secret", "check", "--env", "UNSET_VAR"], 2, "UNSET_VAR"),
        case(&["secret", "check", "--file", &notutf8], 2, "UTF-8"),
        case(&["secret", "check", "--stdin"], 2, "limit").stdin(big.clone()),
        case(
            &["keygen", "--alg", "RS256", "--from-private", "-"],
            2,
            "limit",
        )
        .stdin("A".repeat(2 << 20)),
        case(&["secret", "decrypt"], 1, "does not decrypt").stdin("gAAAAABgarbage"),
        case(&["secret", "decrypt"], 2, "UTF-8").stdin(vec![0xff, 0xfe]),
        case(&["secret", "encrypt"], 2, "Fernet").env("AUTHCTL_SECRET_KEY", &"x".repeat(40)),
        case(&["secret", "rotate"], 2, "--yes"),
        case(&["secret", "rotate", "--new-key-stdin", "--yes"], 2, "weak").stdin("changeme\n"),
        // Users and passwords.
        case(&["user", "add", "", "--password-env", "PW"], 2, "empty")
            .env("PW", "Quiet-Harbor-2027"),
        case(
            &["user", "add", " dave", "--password-env", "PW"],
            2,
            "whitespace",
        )
        .env("PW", "Quiet-Harbor-2027"),
        case(
            &["user", "add", "BOB", "--password-env", "PW"],
            4,
            "already exists",
        )
        .env("PW", "Quiet-Harbor-2027"),
        case(
            &["user", "add", "dave", "--password-file", "/no/such/pw"],
            5,
            "/no/such/pw",
        ),
        case(
            &["user", "add", "dave", "--password-file", &notutf8],
            2,
            "UTF-8",
        ),
        case(
            &["user", "add", "dave", "--password-stdin"],
            2,
            "more than one line",
        )
        .stdin("Quiet-Harbor-2027\nsecond\n"),
        case(&["user", "add", "dave", "--password-stdin"], 2, "bytes").stdin(big.clone()),
        case(&["user", "add", "dave", "--password-stdin"], 2, "UTF-8")
            .stdin(vec![0xff, 0xfe, 0x0a]),
        case(
            &[
                "user",
                "add",
                "dave",
                "--password-stdin",
                "--password-env",
                "PW",
            ],
            2,
            "cannot be used with",
        ),
        case(&["user", "show", "nobody"], 3, "does not exist"),
        case(&["user", "activate", "bob", "nobody"], 3, "\"nobody\""),
        case(
            &["user", "delete", "admin", "--yes"],
            4,
            "last active superuser",
        ),
        case(&["user", "delete", "bob"], 2, "--yes"),
        case(&["user", "passwd", "bob", "--password-stdin"], 2, "common").stdin("password123\n"),
        case(
            &[
                "superuser",
                "--username",
                "admin",
                "--if-not-exists",
                "--reset-password",
            ],
            2,
            "cannot be used with",
        ),
        case(&["apikey", "revoke", "nope"], 3, "nope"),
        case(
            &["apikey", "create", "--user", "nobody"],
            3,
            "does not exist",
        ),
        // Settings, databases, directories.
        case(
            &["--db", &garbage, "user", "list"],
            5,
            "not a SQLite database",
        ),
        case(&["--db", &dir, "user", "list"], 2, "directory"),
        case(
            &["--db", "mysql://h/db", "user", "list"],
            2,
            "not supported",
        ),
        case(
            &[
                "--db",
                "postgresql://u:pw@h/db?sslmode=strict",
                "user",
                "list",
            ],
            2,
            "sslmode",
        ),
        case(
            &["--db", "postgresql://u:s3cret@h/db", "user", "list"],
            2,
            "process list",
        ),
        case(
            &["--env-file", "/no/such/.env", "user", "list"],
            2,
            "--env-file",
        ),
        case(&["--env-file", &badenv, "user", "list"], 2, "line 2"),
        case(&["--env-file", &notutf8, "user", "list"], 2, "UTF-8"),
        case(&["user", "list"], 2, "AUTHCTL_BCRYPT_COST").env("AUTHCTL_BCRYPT_COST", "99"),
        case(&["user", "list"], 2, "AUTHCTL_PROFILE").env("AUTHCTL_PROFILE", "django"),
        case(
            &[
                "--config-dir",
                &uncreatable,
                "secret",
                "generate",
                "--write",
            ],
            5,
            "cannot create",
        ),
        case(
            &[
                "--profile",
                "langflow",
                "--db",
                &s(&env.db()),
                "user",
                "list",
            ],
            2,
            "--profile native",
        ),
        case(&["doctor", "--bogus"], 2, "--bogus"),
        case(&["completions", "tcsh"], 2, "tcsh"),
    ];
    assert!(cases.len() >= 60, "{} cases", cases.len());
    let watched = [
        env.config_dir(),
        p.join("garbage.db"),
        p.join("notutf8"),
        p.join("plain"),
    ];
    let before = tree(&watched);
    let db_before = env.sql("select * from users order by id");
    for c in &cases {
        let out = Std::new(BIN)
            .env_clear()
            .envs(env.vars())
            .envs(c.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .args(&c.args)
            .current_dir(p)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .and_then(|mut child| {
                use std::io::Write;
                let mut stdin = child.stdin.take().unwrap();
                let _ = stdin.write_all(&c.stdin);
                drop(stdin);
                child.wait_with_output()
            })
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        let lines: Vec<_> = err
            .lines()
            .filter(|l| !l.starts_with("authctl: warning"))
            .collect();
        assert_eq!(out.status.code(), Some(c.code), "{:?}: {err}", c.args);
        assert_eq!(lines.len(), 1, "{:?}: not one line: {err:?}", c.args);
        assert!(
            lines[0].contains(c.needle),
            "{:?}: {:?} not in {err:?}",
            c.args,
            c.needle
        );
        assert!(!err.contains("panicked"), "{:?}: {err}", c.args);
        assert_eq!(tree(&watched), before, "{:?} changed a file", c.args);
    }
    assert_eq!(env.sql("select * from users order by id"), db_before);
}
