//! The per-target checks shared by the fuzz targets (`fuzz/fuzz_targets/*.rs`) and
//! the corpus replay test (`tests/fuzz_corpus.rs`), so both run the same code.
//!
//! Each `check_*` takes arbitrary bytes, calls authctl's public API the way the CLI
//! does, and panics only when a documented invariant breaks: a refusal must be a
//! one-line usage error (exit 2), and no token verifies unless it is one of
//! [`VALID_TOKENS`] (whitespace and a `Bearer ` prefix aside).
#![allow(dead_code)]

use std::io::Write as _;
use std::path::PathBuf;
use std::sync::OnceLock;

use authctl::error::Error;
use authctl::keys;
use authctl::token::{self, Alg, TokenType, VerifyKey, VerifyPolicy};
use secrecy::SecretString;

/// The clock every check runs at (2023-11-14); the valid seeds expire in 2033.
pub const NOW: i64 = 1_700_000_000;
/// The HMAC secret the HS256 seeds were signed with (test only).
pub const HMAC_SECRET: &str = "fuzz-only-hmac-secret-0123456789abcdef";
/// Current RSA key (kid "a") and retired key (kid "b"): committed test fixtures.
pub const RSA_A_PUBLIC: &str = include_str!("../tests/fixtures/keys/rsa2048-pkcs8.pub.pem");
pub const RSA_B_PUBLIC: &str = include_str!("../tests/fixtures/keys/rsa2048-pkcs1.pub.pem");

/// The only tokens that verify under [`policies`] with [`verify_keys`] at [`NOW`].
/// Made with PyJWT 2.15 from the secret above and tests/fixtures/keys/rsa2048-pkcs{8,1}.pem
/// (see fuzz/README.md); each is also a seed in fuzz/corpus/token_verify/.
pub const VALID_TOKENS: &[&str] = &[
    // valid-hs256
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSIsInR5cGUiOiJhY2Nlc3MiLCJleHAiOjIwMDAwMDAwMDAsImlhdCI6MTcwMDAwMDAwMH0.HPM-_a90PTUr5VcPxYSQzkAm07AnkaIx_LMahim-dGo",
    // valid-rs256-kid-a
    "eyJhbGciOiJSUzI1NiIsImtpZCI6ImEiLCJ0eXAiOiJKV1QifQ.eyJzdWIiOiJhbGljZSIsInR5cGUiOiJhY2Nlc3MiLCJleHAiOjIwMDAwMDAwMDAsImlhdCI6MTcwMDAwMDAwMH0.Xy6n4biJG6skjatSN-wUApLxHcNUUFIeWrx_EvsQINNVFLFjo8UgkYn5JeOzFhOn_sx-N3RbalH23-OHf8mwT68IrX8BZUQejlod1M31705-sRmBbZ0O_duCJR7HZfFhXtTtFkl_tumL0CeuJC4TuANJO0tjU-QxICh55sq1IfSbJxrPe0d1y5x9OajHe7n5H49foQ4Xli_EdcginR9UiA6m6qYVuczyoQq68NVp1jjsdZfqcm499-p5rOpr_79VmZKNTP9lBHNu8aWa2x7i29uivUZrd7nA3LESIKVNua8I9K_0AnAAx8RHTbQM1WaVV6tGiIXGvWX6V17KVxcZrQ",
    // valid-rs256-retired-b
    "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJib2IiLCJ0eXBlIjoiYWNjZXNzIiwiZXhwIjoyMDAwMDAwMDAwLCJpYXQiOjE3MDAwMDAwMDB9.K_LAKZzfh1YQpObC2raWQpgPFIc_SirbdQbOwdA_vNmmIvakT7AGKUz_liydLFRJyIiOxrShxus1pN7NqkPDQIbiwGr1ue6NG73x6Wy7OxSbf8GodEWZs-9jpuTT7EhbtF4hCO_RC4yUitHYuPerH2AOotcY8a4pB16hUQ5KU6qRrTHisGvsIKMxCxaEHhM8a7pY6yaeW5xRw-hbWJQUQ3CoNEpsVfSwVnkpQPgZIsELr5abv47otDiFzg9G4Ti53r27g8UWjVQrWW5Wza5Ypwou51YZp-TQfeeQZJT-86FZsl8OoGlZT9lE6qe91jAOG3umeqUxdkQhPX-MUH8UDA",
    // valid-rs512-strict
    "eyJhbGciOiJSUzUxMiIsImtpZCI6ImEiLCJ0eXAiOiJKV1QifQ.eyJzdWIiOiJhbGljZSIsInR5cGUiOiJhY2Nlc3MiLCJleHAiOjIwMDAwMDAwMDAsImlhdCI6MTcwMDAwMDAwMCwiaXNzIjoiYXV0aGN0bC1mdXp6IiwiYXVkIjpbIm90aGVyIiwiZnV6ei1hcHAiXSwibmJmIjoxNjk5OTk5OTcwfQ.WNzT2xLz7fyIouLZRUwypTHPiQaNLFNtvlLFTFGf5pRPiQWpQrK9_PyPEBEZUxG5-PAw1i_RsCyUIW8fHBIfp9_vABbcGlT2D0Wjx90Cty7XEiQ0cEqZGSfHXIrLrkgtdsgwSVkEm8a7dbtMR9pzR8E67A65TaAT8axVSMQH1pf-KqI1-KGv_n0wco6JiYcPDh1rZFn3aMROInaNVcPfMZY0Ckt2_ekeD_BbqAeoX4z7jY220NelQnMNYvOaNuyd3aXcIwNXhrNDfjU7wjgSENOolY6jjVe3rdqWy2s93zSaEQ05SE8D49b1GM2rqZy38qpl6JHnYDt2zjQm3YJFPw",
];

/// The local keys a verifier holds: the HMAC secret, RSA key "a" and retired "b".
pub fn verify_keys() -> &'static [VerifyKey] {
    static KEYS: OnceLock<Vec<VerifyKey>> = OnceLock::new();
    KEYS.get_or_init(|| {
        vec![
            VerifyKey::hmac_secret(&SecretString::from(HMAC_SECRET)),
            VerifyKey::rsa_public_pem(RSA_A_PUBLIC, Some("a".into()))
                .expect("fixture rsa2048-pkcs8.pub.pem"),
            VerifyKey::rsa_public_pem(RSA_B_PUBLIC, Some("b".into()))
                .expect("fixture rsa2048-pkcs1.pub.pem")
                .retired(),
        ]
    })
}

/// One default policy per algorithm, RS512 with every claim check switched on.
pub fn policies() -> [VerifyPolicy; 3] {
    [
        VerifyPolicy::new(Alg::HS256),
        VerifyPolicy::new(Alg::RS256),
        VerifyPolicy {
            alg: Alg::RS512,
            leeway: 60,
            expected_type: Some(TokenType::Access),
            issuer: Some("authctl-fuzz".into()),
            audience: Some("fuzz-app".into()),
            require_exp: false,
        },
    ]
}

/// A refusal must be a one-line usage error (exit 2), as the modules document.
fn assert_usage_error(err: &Error, input: &[u8]) {
    let message = err.to_string();
    assert_eq!(
        err.exit_code(),
        2,
        "not a usage error: {message:?} for {input:?}"
    );
    assert!(
        !message.contains('\n'),
        "multi-line message {message:?} for {input:?}"
    );
}

/// `authctl token decode`: take the token apart and humanize its times.
pub fn check_token_decode(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = token::token_sha256_hex(text);
    match token::decode_unverified(text) {
        Ok(decoded) => {
            assert!(decoded.header.is_object() && decoded.claims.is_object());
            assert_eq!(decoded.header["alg"].as_str(), Some(decoded.alg.as_str()));
            assert_eq!(decoded.signing_input().len(), decoded.signing_input_len);
            assert!(decoded.compact.len() <= text.len());
            for name in ["exp", "iat", "nbf"] {
                if let Some(t) = decoded.claims.get(name).and_then(token::numeric_date) {
                    let _ = match name {
                        "exp" => token::humanize_relative(t, NOW),
                        "iat" => token::humanize_issued(t, NOW),
                        _ => token::humanize_not_before(t, NOW),
                    };
                }
            }
            let _ = serde_json::to_string(&decoded).expect("a decoded token serializes");
        }
        Err(err) => assert_usage_error(&err, data),
    }
}

/// `authctl token verify` under each of [`policies`]; returns whether any accepted
/// the token. Panics if a token outside [`VALID_TOKENS`] verifies.
pub fn check_token_verify(data: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(data) else {
        return false;
    };
    let mut verified = false;
    for policy in policies() {
        match token::verify(text, &policy, verify_keys(), NOW) {
            Ok(ok) => {
                let compact = token::decode_unverified(text)
                    .expect("a verified token decodes")
                    .compact;
                assert!(
                    VALID_TOKENS.contains(&compact.as_str()),
                    "a token that is not a signed seed verified under {:?}: {text:?}",
                    policy.alg
                );
                assert_eq!(ok.header["alg"].as_str(), Some(policy.alg.as_str()));
                verified = true;
            }
            Err(rejection) => {
                assert!(
                    !rejection.reason.contains('\n'),
                    "multi-line rejection {:?}",
                    rejection.reason
                );
                let _ = serde_json::to_string(&rejection).expect("a rejection serializes");
            }
        }
    }
    verified
}

/// PEM key import, as `--private-key`/`--public-key` files and env values are read.
pub fn check_pem_import(data: &[u8]) {
    match keys::parse_private_pem_bytes(data) {
        Ok(private) => {
            let public = private.to_public_key();
            let pem = keys::public_spki_pem(&public).expect("an imported key exports");
            assert_eq!(
                keys::parse_public_pem(&pem).expect("its SPKI re-imports"),
                public
            );
        }
        Err(err) => assert_usage_error(&err, data),
    }
    if let Ok(text) = std::str::from_utf8(data) {
        match keys::parse_public_pem(text) {
            Ok(public) => {
                let pem = keys::public_spki_pem(&public).expect("an imported key exports");
                assert_eq!(
                    keys::parse_public_pem(&pem).expect("its SPKI re-imports"),
                    public
                );
            }
            Err(err) => assert_usage_error(&err, data),
        }
    }
}

/// `--env-file`: write the bytes to a per-thread temp file and parse it.
pub fn check_env_file(data: &[u8]) {
    thread_local! {
        static FILE: (tempfile::TempDir, PathBuf) = {
            let dir = tempfile::tempdir().expect("temp dir");
            let path = dir.path().join("fuzz.env");
            (dir, path)
        };
    }
    FILE.with(|(_dir, path)| {
        let mut file = std::fs::File::create(path).expect("create temp env file");
        file.write_all(data).expect("write temp env file");
        drop(file);
        if let Err(err) = authctl::internals::parse_env_file(path) {
            assert_usage_error(&err, data);
        }
    });
}

/// `AUTHCTL_PRIVATE_KEY` (and `AUTHCTL_PUBLIC_KEY`): the bytes as the
/// variable's value, through settings, the signing key and a mint, as
/// `authctl token mint` does. A refusal is a one-line usage error naming
/// the variable; an accepted key signs a token that verifies under its
/// own public key.
pub fn check_key_env(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // A variable cannot hold NUL; the environment would cut it there.
    let value = text.split('\0').next().unwrap_or_default().to_string();
    let (private, public) = match value.split_once("\u{1e}") {
        // A record separator splits a private and a public key.
        Some((a, b)) => (a.to_string(), Some(b.to_string())),
        None => (value, None),
    };
    let blank = private.is_empty();
    let mut process = vec![
        ("AUTHCTL_ALGORITHM".to_string(), "RS256".to_string()),
        ("AUTHCTL_PRIVATE_KEY".to_string(), private),
        (
            "AUTHCTL_CONFIG_DIR".to_string(),
            "/nonexistent-authctl-fuzz".to_string(),
        ),
    ];
    if let Some(public) = public {
        process.push(("AUTHCTL_PUBLIC_KEY".to_string(), public));
    }
    let Some((signing, verifying)) = authctl::internals::rs256_keys_from_env(process) else {
        return;
    };
    match signing {
        Ok(key) => {
            let mut claims = serde_json::Map::new();
            claims.insert("sub".into(), "fuzz".into());
            claims.insert("exp".into(), (NOW + 60).into());
            // A key that passed the load checks may still fail to sign (a
            // composite prime); that is a usage error naming the variable.
            let jwt = match token::mint(&key, Alg::RS256, &claims) {
                Ok(jwt) => jwt,
                Err(err) => {
                    assert_usage_error(&err, data);
                    assert!(err.to_string().contains("AUTHCTL_PRIVATE_KEY"), "{err}");
                    return;
                }
            };
            match verifying {
                Ok(keys) => {
                    token::verify(&jwt, &VerifyPolicy::new(Alg::RS256), &keys, NOW)
                        .expect("a token signed by an accepted key verifies under it");
                }
                Err(err) => assert_usage_error(&err, data),
            }
        }
        // An empty variable counts as unset (settings), so the key file is
        // looked for, and there is none.
        Err(err) if blank => assert_eq!(err.exit_code(), 3, "{err}"),
        Err(err) => {
            assert_usage_error(&err, data);
            assert!(
                err.to_string().contains("AUTHCTL_PRIVATE_KEY"),
                "the refusal does not name the variable: {err}"
            );
        }
    }
}

/// Rotation's JSON handling: `store::json_text::rewrite_strings` with a
/// rewrite of every `gAAAAA` string. Whatever serde_json reads, it reads
/// too; a refusal names an offset inside the input; with no replacement
/// nothing changes; with replacements, only those string spans differ and
/// serde_json (where it reads the input) sees the same document but for them.
pub fn check_rotation_json(data: &[u8]) {
    use authctl::internals::rewrite_strings;
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let identity = rewrite_strings::<()>(text, &mut |_| Ok(None));
    let serde = serde_json::from_str::<serde_json::Value>(text);
    match &identity {
        Ok(r) => assert_eq!(r, &Ok(None), "no replacement must change nothing"),
        Err(e) => {
            assert!(serde.is_err(), "refused JSON that serde_json reads: {e}");
            assert!(e.offset <= text.len(), "offset out of range: {e}");
            return;
        }
    }
    let rewritten = rewrite_strings::<()>(text, &mut |s| {
        Ok(s.starts_with("gAAAAA")
            .then(|| format!("gAAAAA-new-{}", s.len())))
    })
    .expect("a document read once reads again")
    .expect("no error from the rewrite");
    if let (Some(new), Ok(before)) = (rewritten, serde) {
        let after: serde_json::Value =
            serde_json::from_str(&new).expect("a rewritten document is JSON");
        assert_eq!(after, replace_tokens(before), "{new}");
    }
}

fn replace_tokens(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::String(s) if s.starts_with("gAAAAA") => {
            Value::String(format!("gAAAAA-new-{}", s.len()))
        }
        Value::Array(items) => Value::Array(items.into_iter().map(replace_tokens).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, replace_tokens(v)))
                .collect(),
        ),
        other => other,
    }
}

/// `apply`'s document reader: the bytes as a YAML and as a JSON
/// provisioning file, then decoded into declarations for every profile
/// with users. No panic, no stack exhaustion; every refusal is one line
/// that names a line of the text.
pub fn check_apply_doc(data: &[u8]) {
    use authctl::internals::{decode_provisioning, provision_doc as doc};
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // YAML breaks lines at LF, CR and CRLF.
    let lines = text.replace("\r\n", "\n").matches(['\n', '\r']).count() + 1;
    for format in [doc::Format::Yaml, doc::Format::Json] {
        match doc::parse(text, format) {
            Err(e) => {
                assert!(!e.message.contains('\n'), "two-line message: {e:?}");
                assert!(e.line >= 1 && e.line <= lines + 1, "{e:?} of {lines}");
            }
            Ok(root) => {
                for profile in ["native", "langflow", "flowise"] {
                    if let Err(message) = decode_provisioning(&root, profile) {
                        assert!(!message.contains('\n'), "two-line message: {message}");
                    }
                }
            }
        }
    }
}

/// LibreChat's duration expressions (`SESSION_EXPIRY=1000 * 60 * 15`): no
/// panic, no stack exhaustion; one-line reasons; a plain decimal number
/// reads as itself; a lifetime is whole seconds or a reason.
pub fn check_librechat_duration(data: &[u8]) {
    use authctl::internals::duration_expressions::{read, seconds, shown, Reading};
    let text = String::from_utf8_lossy(data);
    let one_line = |why: &str| assert!(!why.contains('\n'), "two-line reason: {why:?}");
    match read(&text) {
        Reading::Number(ms) => {
            if text.bytes().all(|b| b.is_ascii_digit()) {
                assert_eq!(Some(ms), text.parse::<f64>().ok(), "{text:?}");
            }
            match seconds(ms) {
                Ok(secs) => assert!(ms >= 1000.0 && secs as f64 <= ms / 1000.0),
                Err(why) => one_line(&why),
            }
        }
        Reading::Fallback(why) | Reading::Unknown(why) => one_line(&why),
    }
    assert!(shown(&text).len() <= 100, "shown() is bounded");
}
