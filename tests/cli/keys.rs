//! `authctl keygen`, `keys …` and `secret …` through the binary, checked
//! with Python `cryptography` and openssl as independent readers.

use crate::common::*;
use serde_json::Value;
use std::os::unix::fs::PermissionsExt;
use std::process::Command as Std;

fn mode(p: &std::path::Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn keygen_json(env: &TestEnv, args: &[&str]) -> Value {
    let mut all = vec!["--json", "keygen"];
    all.extend_from_slice(args);
    let a = env.cmd(&all).assert().success();
    serde_json::from_slice(&a.get_output().stdout).unwrap()
}

#[test]
fn rs256_keygen_writes_standard_files_that_others_read() {
    let env = TestEnv::new();
    let r = keygen_json(&env, &["--alg", "RS256"]);
    assert_eq!(r["created"], true);
    assert_eq!(r["bits"], 2048);
    let dir = env.config_dir();
    let private = dir.join("private_key.pem");
    let public = dir.join("public_key.pem");
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&private), 0o600);
    assert_eq!(mode(&public), 0o644);
    let p = std::fs::read_to_string(&private).unwrap();
    assert!(
        p.starts_with("-----BEGIN PRIVATE KEY-----\n"),
        "{}",
        &p[..40]
    );
    assert!(std::fs::read_to_string(&public)
        .unwrap()
        .starts_with("-----BEGIN PUBLIC KEY-----\n"));
    // Python cryptography: loads both, they match, e = 65537, and the kid is
    // the RFC 7638 thumbprint computed independently.
    let out = python_eval(
        r#"
import sys, json, hashlib, base64
from cryptography.hazmat.primitives import serialization
priv = serialization.load_pem_private_key(open(sys.argv[1],'rb').read(), None)
pub = serialization.load_pem_public_key(open(sys.argv[2],'rb').read())
n = pub.public_numbers()
assert priv.public_key().public_numbers() == n
b = lambda i: base64.urlsafe_b64encode(i.to_bytes((i.bit_length()+7)//8,'big')).rstrip(b'=').decode()
jwk = json.dumps({"e": b(n.e), "kty": "RSA", "n": b(n.n)}, separators=(',',':'), sort_keys=True)
print(n.e, priv.key_size, base64.urlsafe_b64encode(hashlib.sha256(jwk.encode()).digest()).rstrip(b'=').decode())
"#,
        &[private.to_str().unwrap(), public.to_str().unwrap()],
    );
    let parts: Vec<_> = out.split_whitespace().collect();
    assert_eq!(&parts[..2], ["65537", "2048"]);
    assert_eq!(r["kid"], parts[2]);
    let jwks: Value =
        serde_json::from_slice(&env.cmd(&["keys", "jwks"]).output().unwrap().stdout).unwrap();
    assert_eq!(jwks["keys"][0]["kid"], parts[2]);
    assert_eq!(jwks["keys"][0]["use"], "sig");
    assert!(jwks["keys"][0].get("d").is_none());
    for (args, path) in [
        (vec!["pkey", "-noout", "-in"], &private),
        (vec!["pkey", "-pubin", "-noout", "-in"], &public),
    ] {
        let st = Std::new("openssl").args(&args).arg(path).status().unwrap();
        assert!(st.success(), "openssl {args:?}");
    }
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(
        names.iter().all(|n| !n.starts_with(".authctl-tmp")),
        "{names:?}"
    );
}

#[test]
fn reuse_derive_mismatch_rotate_retire() {
    let env = TestEnv::new();
    env.place_keys("a");
    let before = env.snapshot();
    let r = keygen_json(&env, &["--alg", "RS256"]);
    assert_eq!(r["created"], false, "matching keys are reused");
    assert_eq!(env.snapshot(), before);

    std::fs::remove_file(env.config_dir().join("public_key.pem")).unwrap();
    let r = keygen_json(&env, &["--alg", "RS512"]);
    assert_eq!(r["derived_public"], true);
    assert_eq!(
        std::fs::read_to_string(env.config_dir().join("public_key.pem")).unwrap(),
        std::fs::read_to_string(fixture_key("rsa2048-pkcs8.pub.pem")).unwrap()
    );

    std::fs::copy(
        fixture_key("rsa2048-pkcs1.pub.pem"),
        env.config_dir().join("public_key.pem"),
    )
    .unwrap();
    let before = env.snapshot();
    let a = env.cmd(&["keygen", "--alg", "RS256"]).assert().code(4);
    assert_one_line_error(&a, "match");
    assert_eq!(env.snapshot(), before);

    env.place_keys("a");
    let old_kid = keygen_json(&env, &["--alg", "RS256"])["kid"]
        .as_str()
        .unwrap()
        .to_string();
    let r = keygen_json(&env, &["--alg", "RS256", "--force"]);
    assert_eq!(r["created"], true);
    assert_eq!(r["retired"], old_kid.as_str());
    let kids = |env: &TestEnv| -> Vec<String> {
        let v: Value =
            serde_json::from_slice(&env.cmd(&["keys", "jwks"]).output().unwrap().stdout).unwrap();
        v["keys"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["kid"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(kids(&env).len(), 2);
    assert!(kids(&env).contains(&old_kid));
    let list = stdout(&env.cmd(&["keys", "list"]).assert().success());
    assert!(
        list.contains("retired") && list.contains("current"),
        "{list}"
    );
    // The old private key is kept as a backup, 0600.
    let backups: Vec<_> = std::fs::read_dir(env.config_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.to_string_lossy().contains("private_key.pem.")
                && p.to_string_lossy().ends_with(".bak")
        })
        .collect();
    assert_eq!(backups.len(), 1);
    assert_eq!(mode(&backups[0]), 0o600);
    assert_eq!(
        std::fs::read(&backups[0]).unwrap(),
        std::fs::read(fixture_key("rsa2048-pkcs8.pem")).unwrap()
    );
    let a = env
        .cmd(&["keys", "retire", r["kid"].as_str().unwrap()])
        .assert()
        .code(4);
    assert_one_line_error(&a, "current");
    env.cmd(&["keys", "retire", &old_kid]).assert().success();
    assert_eq!(kids(&env), [r["kid"].as_str().unwrap().to_string()]);
    env.cmd(&["keys", "retire", "no-such-kid"]).assert().code(3);
}

#[test]
fn import_pkcs1_and_pkcs8_normalised_to_pkcs8() {
    for name in ["rsa2048-pkcs1.pem", "rsa2048-pkcs8.pem"] {
        let env = TestEnv::new();
        let r = keygen_json(
            &env,
            &[
                "--alg",
                "RS256",
                "--from-private",
                fixture_key(name).to_str().unwrap(),
            ],
        );
        assert_eq!(r["created"], true);
        let stored = std::fs::read_to_string(env.config_dir().join("private_key.pem")).unwrap();
        assert!(stored.starts_with("-----BEGIN PRIVATE KEY-----"));
        let out = python_eval(
            "import sys\nfrom cryptography.hazmat.primitives import serialization as s\na=s.load_pem_private_key(open(sys.argv[1],'rb').read(),None)\nb=s.load_pem_private_key(open(sys.argv[2],'rb').read(),None)\nprint(a.private_numbers()==b.private_numbers())",
            &[fixture_key(name).to_str().unwrap(), env.config_dir().join("private_key.pem").to_str().unwrap()],
        );
        assert_eq!(out.trim(), "True", "{name}");
    }
    // From stdin too.
    let env = TestEnv::new();
    env.cmd(&["keygen", "--alg", "RS512", "--from-private", "-"])
        .write_stdin(std::fs::read(fixture_key("rsa2048-pkcs1.pem")).unwrap())
        .assert()
        .success();
}

#[test]
fn bad_keys_are_refused_with_exit_2_and_nothing_written() {
    let env = TestEnv::new();
    std::fs::write(env.path().join("empty.pem"), "").unwrap();
    std::fs::write(env.path().join("text.pem"), "hello, I am not a key\n").unwrap();
    let cases = [
        (fixture_key("rsa1024.pem"), "2048"),
        (fixture_key("ec-p256.pem"), "RSA"),
        (fixture_key("ed25519.pem"), "RSA"),
        (fixture_key("rsa2048-encrypted-pkcs8.pem"), "encrypted"),
        (fixture_key("rsa2048-truncated.pem"), ""),
        (fixture_key("binary.bin"), ""),
        (fixture_key("rsa2048-pkcs8.pub.pem"), "public"),
        (env.path().join("empty.pem"), ""),
        (env.path().join("text.pem"), ""),
    ];
    for (path, needle) in cases {
        let a = env
            .cmd(&[
                "keygen",
                "--alg",
                "RS256",
                "--from-private",
                path.to_str().unwrap(),
            ])
            .assert()
            .code(2);
        assert_one_line_error(&a, needle);
        assert!(
            !env.config_dir().join("private_key.pem").exists(),
            "{path:?}"
        );
        assert!(
            !env.config_dir().join("public_key.pem").exists(),
            "{path:?}"
        );
    }
    let a = env
        .cmd(&[
            "keygen",
            "--alg",
            "RS256",
            "--from-private",
            "/no/such/file",
        ])
        .assert()
        .code(5);
    assert_one_line_error(&a, "/no/such/file");
    // AUTHCTL_PRIVATE_KEY holding garbage: refused the same way.
    let a = env
        .cmd(&["keygen", "--alg", "RS256"])
        .env("AUTHCTL_PRIVATE_KEY", "garbage")
        .assert()
        .code(2);
    assert_one_line_error(&a, "AUTHCTL_PRIVATE_KEY");
    // Mismatched AUTHCTL_PUBLIC_KEY is refused.
    let a = env
        .cmd(&["keygen", "--alg", "RS256"])
        .env(
            "AUTHCTL_PRIVATE_KEY",
            std::fs::read_to_string(fixture_key("rsa2048-pkcs8.pem")).unwrap(),
        )
        .env(
            "AUTHCTL_PUBLIC_KEY",
            std::fs::read_to_string(fixture_key("rsa2048-pkcs1.pub.pem")).unwrap(),
        )
        .assert()
        .code(4);
    assert_one_line_error(&a, "match");
    assert!(!env.config_dir().join("private_key.pem").exists());
}

#[test]
fn hs256_keygen_makes_and_reuses_the_secret_key() {
    let env = TestEnv::new();
    let r = keygen_json(&env, &[]);
    assert_eq!(
        (r["alg"].as_str(), r["created"].as_bool()),
        (Some("HS256"), Some(true))
    );
    let path = env.config_dir().join("secret_key");
    assert_eq!(mode(&path), 0o600);
    let secret = std::fs::read_to_string(&path).unwrap();
    assert_eq!(secret.trim().len(), 43);
    let r = keygen_json(&env, &["--alg", "hs256"]);
    assert_eq!(r["created"], false);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), secret);
    let a = env
        .cmd(&["keygen", "--alg", "HS256", "--from-private", "x"])
        .assert()
        .code(2);
    assert_one_line_error(&a, "RS256");
}

#[test]
fn export_env_lets_another_instance_verify() {
    let env = TestEnv::new();
    env.admin();
    env.place_keys("a");
    let out = env
        .cmd(&["keys", "export", "--format", "env"])
        .env("AUTHCTL_ALGORITHM", "RS256")
        .output()
        .unwrap();
    assert!(out.status.success());
    let dotenv = env.path().join("shared.env");
    std::fs::write(&dotenv, &out.stdout).unwrap();
    // A second config dir with no keys, only the exported .env: its tokens verify here.
    let other = env.path().join("other");
    let token = env
        .cmd(&[
            "--env-file",
            dotenv.to_str().unwrap(),
            "--config-dir",
            other.to_str().unwrap(),
            "--db",
            &env.db_arg(),
            "token",
            "mint",
            "--user",
            "admin",
        ])
        .env_remove("AUTHCTL_CONFIG_DIR")
        .output()
        .unwrap();
    assert!(
        token.status.success(),
        "{}",
        String::from_utf8_lossy(&token.stderr)
    );
    let t = String::from_utf8(token.stdout).unwrap();
    env.cmd(&["token", "verify", t.trim()])
        .env("AUTHCTL_ALGORITHM", "RS256")
        .assert()
        .success();
    assert!(!other.join("private_key.pem").exists());

    let k8s = env
        .cmd(&[
            "keys",
            "export",
            "--format",
            "k8s-secret",
            "--name",
            "my-keys",
        ])
        .env("AUTHCTL_ALGORITHM", "RS256")
        .output()
        .unwrap();
    let y = String::from_utf8(k8s.stdout).unwrap();
    assert!(
        y.contains("kind: Secret")
            && y.contains("name: \"my-keys\"")
            && y.contains("  private-key: |\n    -----BEGIN PRIVATE KEY-----"),
        "{y}"
    );
    assert!(y.contains("algorithm: \"RS256\""));
}

#[test]
fn secret_generate_formats_and_write() {
    let env = TestEnv::new();
    let gen = |args: &[&str]| -> String {
        let mut all = vec!["secret", "generate"];
        all.extend_from_slice(args);
        stdout(&env.cmd(&all).assert().success())
            .trim_end()
            .to_string()
    };
    let s = gen(&[]);
    assert_eq!(s.len(), 43);
    assert!(s
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    assert_ne!(gen(&[]), s);
    let h = gen(&["--encoding", "hex"]);
    assert_eq!(h.len(), 64);
    assert!(h
        .chars()
        .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    assert_eq!(gen(&["--encoding", "base64", "--bytes", "48"]).len(), 64);
    assert!(gen(&["--env", "LANGFLOW_SECRET_KEY"]).starts_with("LANGFLOW_SECRET_KEY="));
    let a = env
        .cmd(&["secret", "generate", "--bytes", "16"])
        .assert()
        .code(2);
    assert_one_line_error(&a, "32");
    let a = env
        .cmd(&["secret", "generate", "--write"])
        .assert()
        .success();
    let printed = stdout(&a);
    let secret = std::fs::read_to_string(env.config_dir().join("secret_key")).unwrap();
    assert!(!printed.contains(secret.trim()) && !stderr(&a).contains(secret.trim()));
    let before = env.snapshot();
    env.cmd(&["secret", "generate", "--write"]).assert().code(4);
    assert_eq!(env.snapshot(), before);
    env.cmd(&["secret", "generate", "--write", "--force"])
        .assert()
        .success();
    assert_ne!(
        std::fs::read_to_string(env.config_dir().join("secret_key")).unwrap(),
        secret
    );
    let backups = std::fs::read_dir(env.config_dir())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".bak")
        })
        .count();
    assert_eq!(backups, 1);
}

#[test]
fn secret_check_flags_weak_values_and_passes_generated_ones() {
    let env = TestEnv::new();
    let weak = [
        "AABBCCDDAABBCCDDAABBCCDDAABBCCDDAABBCCDD",
        "flowise",
        "popcorn",
        "dBuuuB_FHLvU8T9eUNlxQF9ppqRxwWpXXQ42kM2_fbg",
        "dBuuuB_FHLvU8T9eUNlxQF9ppqRxwWpXXQ42kM2_fb",
        "randomly_generated_secure_key",
        "your-secret-key",
        "your-custom-secret-key",
        "changeme",
        "secret",
        "   ",
        "short-but-random-9f3k",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "16f8c0ef4a5d391b26034086c628469d3f9f497f08163ab9b40137092f2909ef",
    ];
    for w in weak {
        let a = env
            .cmd(&["--json", "secret", "check", "--stdin"])
            .write_stdin(format!("{w}\n"))
            .assert()
            .code(1);
        let v: Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
        assert_eq!(v["strong"], false, "{w}");
        assert!(!v["reasons"].as_array().unwrap().is_empty());
        assert!(!stderr(&a).is_empty());
    }
    for _ in 0..5 {
        let s = stdout(&env.cmd(&["secret", "generate"]).assert().success());
        env.cmd(&["secret", "check", "--stdin"])
            .write_stdin(s)
            .assert()
            .success();
        let h = stdout(
            &env.cmd(&["secret", "generate", "--encoding", "hex"])
                .assert()
                .success(),
        );
        env.cmd(&["secret", "check", "--env", "S"])
            .env("S", h.trim())
            .assert()
            .success();
    }
    // The configured secret: variable first, then the file.
    env.place_secret("changeme");
    env.cmd(&["secret", "check"]).assert().code(1);
    env.cmd(&["secret", "check"])
        .env("AUTHCTL_SECRET_KEY", SECRET)
        .assert()
        .success();
}

#[test]
fn fernet_round_trips_with_python_and_decrypts_the_langflow_fixture() {
    let env = TestEnv::new();
    env.place_secret(SECRET);
    let a = env
        .cmd(&["secret", "encrypt"])
        .write_stdin("sk-hello-world")
        .assert()
        .success();
    let token = stdout(&a).trim().to_string();
    assert!(token.starts_with("gAAAAA"));
    let key = format!("{SECRET}=");
    let plain = python_eval(
        "import sys\nfrom cryptography.fernet import Fernet\nprint(Fernet(sys.argv[1].encode()).decrypt(sys.argv[2].encode()).decode())",
        &[&key, &token],
    );
    assert_eq!(plain.trim(), "sk-hello-world");
    let theirs = python_eval(
        "import sys\nfrom cryptography.fernet import Fernet\nprint(Fernet(sys.argv[1].encode()).encrypt(b'from-python').decode())",
        &[&key],
    );
    let a = env
        .cmd(&["secret", "decrypt"])
        .write_stdin(theirs)
        .assert()
        .success();
    assert_eq!(a.get_output().stdout, b"from-python");
    // A token made under another key: exit 1 and say so.
    let a = env
        .cmd(&["secret", "decrypt"])
        .write_stdin(token.clone())
        .env("AUTHCTL_SECRET_KEY", "b".repeat(43))
        .assert()
        .code(1);
    assert_one_line_error(&a, "does not decrypt");

    // The real Langflow 1.13 fixture: OPENAI_API_KEY decrypts to its documented value.
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/langflow-1.13");
    let value = {
        let conn = rusqlite::Connection::open_with_flags(
            fixture.join("langflow.db"),
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .unwrap();
        conn.query_row(
            "select value from variable where name='OPENAI_API_KEY'",
            [],
            |r| r.get::<_, String>(0),
        )
        .unwrap()
    };
    let secret = std::fs::read_to_string(fixture.join("secret_key")).unwrap();
    let a = env
        .cmd(&["secret", "decrypt"])
        .env("AUTHCTL_SECRET_KEY", secret.trim())
        .write_stdin(value.trim().to_string())
        .assert()
        .success();
    assert_eq!(a.get_output().stdout, b"sk-test-credential-value-123");
}

/// A newcomer's path: `keygen --alg RS256` then `token mint`. The error
/// must point at the RSA key just made, never at making a secret key.
#[test]
fn after_rs256_keygen_mint_names_the_algorithm_variable() {
    let env = TestEnv::new();
    let a = env.cmd(&["keygen", "--alg", "RS256"]).assert().success();
    let note = stderr(&a);
    assert!(note.contains("created RS256 key"), "{note}");
    assert!(
        !note.contains("derived"),
        "a fresh pair is not derived: {note}"
    );
    assert!(
        note.contains("until AUTHCTL_ALGORITHM=RS256 is set"),
        "{note}"
    );
    env.admin();
    let a = env
        .cmd(&["token", "mint", "--user", "admin"])
        .assert()
        .code(3);
    assert_one_line_error(&a, "set AUTHCTL_ALGORITHM=RS256 (or pass --alg RS256)");
    assert!(!stderr(&a).contains("keygen --alg HS256"), "{}", stderr(&a));

    let token = stdout(
        &env.cmd(&["token", "mint", "--user", "admin"])
            .env("AUTHCTL_ALGORITHM", "RS256")
            .assert()
            .success(),
    );
    let public = env.config_dir().join("public_key.pem");
    let claims = pyjwt_decode(token.trim(), &public.display().to_string(), "RS256");
    assert!(claims["sub"].is_string(), "{claims}");
    // Once chosen, keygen says nothing more about it.
    let a = env
        .cmd(&["keygen", "--alg", "RS256"])
        .env("AUTHCTL_ALGORITHM", "RS256")
        .assert()
        .success();
    assert!(!stderr(&a).contains("note:"), "{}", stderr(&a));
}

/// `--bits` is a request, not a hint: a kept key of another size is
/// refused (exit 4, nothing written) until --force rotates it.
#[test]
fn keygen_refuses_to_reuse_a_key_of_another_size_than_asked() {
    let env = TestEnv::new();
    env.cmd(&["keygen", "--alg", "RS256"]).assert().success();
    let before = env.snapshot();
    let a = env
        .cmd(&["keygen", "--alg", "RS256", "--bits", "3072"])
        .assert()
        .code(4);
    assert_one_line_error(&a, "is 2048 bits, not 3072; pass --force");
    assert_eq!(env.snapshot(), before);
    // The size it has, or no size at all, is a reuse.
    for args in [
        &["keygen", "--alg", "RS256", "--bits", "2048"][..],
        &["keygen", "--alg", "RS256"],
    ] {
        let a = env.cmd(args).assert().success();
        assert!(stderr(&a).contains("reused"), "{}", stderr(&a));
    }
    // An imported key has the size it has: asking for one too is refused.
    let key = fixture_key("rsa2048-pkcs8.pem").display().to_string();
    let a = env
        .cmd(&[
            "keygen",
            "--alg",
            "RS256",
            "--bits",
            "2048",
            "--from-private",
            &key,
        ])
        .assert()
        .code(2);
    assert_one_line_error(&a, "'--bits <BITS>' cannot be used with '--from-private");
    assert_eq!(env.snapshot(), before);
    let r = keygen_json(&env, &["--alg", "RS256", "--bits", "3072", "--force"]);
    assert_eq!(r["bits"], 3072);
    assert!(r["retired"].is_string(), "{r}");
}

#[test]
fn keys_mounted_as_links_are_reused_and_never_written_through() {
    // A Kubernetes Secret volume: every key file is a link into `..data/`.
    use std::os::unix::fs::symlink;
    let env = TestEnv::new();
    let dir = env.config_dir();
    let data = dir.join("..data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::copy(
        fixture_key("rsa2048-pkcs8.pem"),
        data.join("private_key.pem"),
    )
    .unwrap();
    std::fs::copy(
        fixture_key("rsa2048-pkcs8.pub.pem"),
        data.join("public_key.pem"),
    )
    .unwrap();
    for name in ["private_key.pem", "public_key.pem"] {
        symlink(format!("..data/{name}"), dir.join(name)).unwrap();
    }
    let before = snapshot_dir(&dir);
    // Valid and matching: reused, nothing to write, so the links are fine.
    let a = env.cmd(&["keygen", "--alg", "RS256"]).assert().success();
    assert!(stderr(&a).contains("reused RS256 key"), "{}", stderr(&a));
    assert_eq!(snapshot_dir(&dir), before);
    // Replacing would write through the link: refused, nothing changed.
    let a = env
        .cmd(&["keygen", "--alg", "RS256", "--force"])
        .assert()
        .code(5);
    assert_one_line_error(&a, "symbolic link");
    assert_eq!(snapshot_dir(&dir), before);
    for name in ["private_key.pem", "public_key.pem"] {
        assert!(std::fs::symlink_metadata(dir.join(name))
            .unwrap()
            .file_type()
            .is_symlink());
    }
}

const INVALID_KEYS: &[(&str, &str)] = &[
    ("invalid-composite-prime.pem", "composite"),
    ("invalid-crt.pem", "CRT"),
    ("invalid-p-equals-q.pem", "p = q"),
    ("invalid-close-primes.pem", "close together"),
];

#[test]
fn invalid_rsa_keys_are_refused_everywhere_and_nothing_panics() {
    for (name, why) in INVALID_KEYS {
        let path = fixture_key(name);
        let pem = std::fs::read_to_string(&path).unwrap();
        // Import.
        let env = TestEnv::new();
        let a = env
            .cmd(&[
                "keygen",
                "--alg",
                "RS256",
                "--from-private",
                path.to_str().unwrap(),
            ])
            .assert()
            .code(2);
        assert_one_line_error(&a, "invalid RSA key");
        assert_one_line_error(&a, why);
        assert_eq!(env.snapshot(), Default::default(), "{name}");
        // From the environment: mint refuses (exit 2), never aborts.
        env.admin();
        let a = env
            .cmd(&["token", "mint", "--user", "admin"])
            .env("AUTHCTL_ALGORITHM", "RS256")
            .env("AUTHCTL_PRIVATE_KEY", &pem)
            .assert()
            .code(2);
        assert_one_line_error(&a, "AUTHCTL_PRIVATE_KEY");
        assert_one_line_error(&a, "invalid RSA key");
        // From the key file, placed by hand: mint refuses, doctor fails.
        std::fs::create_dir_all(env.config_dir()).unwrap();
        std::fs::write(env.config_dir().join("private_key.pem"), &pem).unwrap();
        std::fs::set_permissions(
            env.config_dir().join("private_key.pem"),
            std::fs::Permissions::from_mode(0o600),
        )
        .unwrap();
        let a = env
            .cmd(&["token", "mint", "--user", "admin"])
            .env("AUTHCTL_ALGORITHM", "RS256")
            .assert()
            .code(2);
        assert_one_line_error(&a, "invalid RSA key");
        let out = env
            .cmd(&["--json", "doctor"])
            .env("AUTHCTL_ALGORITHM", "RS256")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}");
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let rsa = report["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "keys.rsa")
            .unwrap();
        assert_eq!(rsa["status"], "fail", "{name}: {rsa}");
    }
}

#[test]
fn two_private_keys_in_one_pem_are_refused() {
    let env = TestEnv::new();
    let path = fixture_key("two-private-keys.pem");
    let a = env
        .cmd(&[
            "keygen",
            "--alg",
            "RS256",
            "--from-private",
            path.to_str().unwrap(),
        ])
        .assert()
        .code(2);
    assert_one_line_error(&a, "2 private keys");
    env.admin();
    let a = env
        .cmd(&["token", "mint", "--user", "admin"])
        .env("AUTHCTL_ALGORITHM", "RS256")
        .env(
            "AUTHCTL_PRIVATE_KEY",
            std::fs::read_to_string(&path).unwrap(),
        )
        .assert()
        .code(2);
    assert_one_line_error(&a, "2 private keys");
}

#[test]
fn a_public_key_variable_that_does_not_match_is_an_error_everywhere() {
    let env = TestEnv::new();
    env.admin();
    env.place_keys("a");
    let token = String::from_utf8(
        env.cmd(&["token", "mint", "--user", "admin"])
            .env("AUTHCTL_ALGORITHM", "RS256")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let other = std::fs::read_to_string(fixture_key("rsa2048-pkcs1.pub.pem")).unwrap();
    let a = env
        .cmd(&["token", "verify", token.trim()])
        .env("AUTHCTL_ALGORITHM", "RS256")
        .env("AUTHCTL_PUBLIC_KEY", &other)
        .assert()
        .code(2);
    assert_one_line_error(&a, "AUTHCTL_PUBLIC_KEY does not match");
    let out = env
        .cmd(&["--json", "doctor"])
        .env("AUTHCTL_ALGORITHM", "RS256")
        .env("AUTHCTL_PUBLIC_KEY", &other)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["id"] == "keys.variables" && c["status"] == "fail"));
    // The matching public key is fine.
    let own = std::fs::read_to_string(fixture_key("rsa2048-pkcs8.pub.pem")).unwrap();
    env.cmd(&["token", "verify", token.trim()])
        .env("AUTHCTL_ALGORITHM", "RS256")
        .env("AUTHCTL_PUBLIC_KEY", &own)
        .assert()
        .success();
}

#[test]
fn doctor_judges_the_key_directory_and_secret_backups() {
    let env = TestEnv::new();
    env.admin();
    env.place_secret(SECRET);
    let check = |id: &str| -> String {
        let out = env.cmd(&["--json", "doctor"]).output().unwrap();
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        report["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()["status"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(check("keys.dir_mode"), "pass");
    // Group- or world-writable, with no private key in it: fails.
    std::fs::set_permissions(env.config_dir(), std::fs::Permissions::from_mode(0o770)).unwrap();
    assert_eq!(check("keys.dir_mode"), "fail");
    let a = env.cmd(&["keygen", "--alg", "HS256"]).assert().success();
    assert!(
        String::from_utf8_lossy(&a.get_output().stderr).contains("0770"),
        "keygen does not warn about the directory"
    );
    std::fs::set_permissions(env.config_dir(), std::fs::Permissions::from_mode(0o700)).unwrap();
    // A world-readable backup of the secret key fails.
    env.cmd(&["secret", "generate", "--write", "--force"])
        .assert()
        .success();
    assert_eq!(check("keys.backup_mode"), "pass");
    let backup = std::fs::read_dir(env.config_dir())
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().ends_with(".bak"))
        .unwrap()
        .path();
    std::fs::set_permissions(&backup, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(check("keys.backup_mode"), "fail");
}
