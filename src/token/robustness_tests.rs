//! Throws a corpus of hostile and broken inputs at `decode_unverified` and `verify`:
//! neither may panic, and every refusal must be one short line.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use secrecy::SecretString;
use serde_json::json;

use super::{decode_unverified, mint, testkeys, verify, Alg, SigningKey, VerifyKey, VerifyPolicy};

const NOW: i64 = 1_700_000_000;

fn b64(bytes: impl AsRef<[u8]>) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

fn fixed_corpus() -> Vec<String> {
    let h = b64(br#"{"alg":"HS256","typ":"JWT"}"#);
    let p = b64(br#"{"sub":"x","exp":1800000000}"#);
    let mut corpus: Vec<String> = [
        "",
        " ",
        "\n",
        ".",
        "..",
        "...",
        "....",
        ".....",
        "a",
        "a.b",
        "a.b.c",
        "a.b.c.d",
        "a.b.c.d.e",
        "=",
        "==.==.==",
        "a=.b=.c=",
        "Bearer",
        "Bearer ",
        "Bearer .",
        "bearer..",
        "\u{0}.\u{0}.\u{0}",
        "é.é.é",
        "💥.💥.💥",
        "-._.-",
        "A.A.A",
        "AA.AA.AA",
        "AAA.AAA.AAA",
        "AAAA.AAAA.AAAA",
        "e30.e30.",
        "e30.e30.e30",
        "W10.W10.",
        "bnVsbA.bnVsbA.",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();

    let json_parts: Vec<&[u8]> = vec![
        b"",
        b"{",
        b"}",
        b"[]",
        b"[[[[",
        b"null",
        b"1",
        b"\"s\"",
        b"{}",
        b"{\"alg\":null}",
        b"{\"alg\":{}}",
        b"{\"alg\":[\"HS256\"]}",
        b"{\"alg\":\"HS256\",\"kid\":{}}",
        b"{\"alg\":\"HS256\",\"crit\":[]}",
        b"{\"alg\":\"HS256\",\"alg\":\"none\"}",
        b"{\"exp\":1e400}",
        b"{\"exp\":-1e308,\"nbf\":1e308}",
        b"{\"exp\":18446744073709551616}",
        b"{\"exp\":-9223372036854775809}",
        b"{\"exp\":\"NaN\",\"nbf\":true}",
        b"{\"aud\":[1,null,{}],\"iss\":[]}",
        b"{\"type\":{\"a\":1}}",
        b"\xff\xfe\xfd",
        b"{\"a\":\"\xc3\x28\"}",
        b"{\"a\":\"\\ud800\"}",
        b"\xef\xbb\xbf{}",
        b"{\"a\":1}garbage",
    ];
    for header in &json_parts {
        for payload in &json_parts {
            corpus.push(format!("{}.{}.{}", b64(header), b64(payload), b64(b"sig")));
        }
        corpus.push(format!("{}.{p}.", b64(header)));
        corpus.push(format!("{h}.{}.", b64(header)));
    }
    for depth in [127, 128, 129, 1_000, 40_000] {
        corpus.push(format!("{h}.{}.", b64("[".repeat(depth))));
        corpus.push(format!("{}.{p}.", b64("{\"a\":".repeat(depth.min(9_000)))));
    }
    corpus.push(format!("{h}.{}.", b64("[".repeat(100_000))));
    corpus.push("a".repeat(10 * 1024 * 1024));
    corpus.push(".".repeat(70_000));
    corpus.push(".".repeat(60_000));
    corpus.push(format!("{h}.{p}.{}", "A".repeat(60_000)));
    corpus
}

/// Every truncation and many one-character edits of a real token.
fn mutations(token: &str) -> Vec<String> {
    let chars: Vec<char> = token.chars().collect();
    let mut out = Vec::new();
    for end in 0..chars.len() {
        out.push(chars[..end].iter().collect());
    }
    for i in 0..chars.len() {
        for replacement in ['A', '.', '=', '+', ' ', 'é'] {
            let mut edited = chars.clone();
            edited[i] = replacement;
            out.push(edited.into_iter().collect());
        }
        let mut removed = chars.clone();
        removed.remove(i);
        out.push(removed.into_iter().collect());
    }
    out
}

/// Deterministic pseudo-random strings over an alphabet that hits every branch.
fn random_strings(count: usize) -> Vec<String> {
    const ALPHABET: &[char] = &[
        'a', 'Z', '0', '9', '-', '_', '.', '.', '.', '=', '+', '/', ' ', '\n', '\u{0}', 'é', 'e',
        'y', 'J', 'h', 'b', 'G', 'c', 'i', 'O', '{', '}', '"',
    ];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count)
        .map(|_| {
            let len = (next() % 120) as usize;
            (0..len)
                .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize])
                .collect()
        })
        .collect()
}

fn assert_one_line(message: &str, input: &str) {
    assert!(!message.is_empty(), "{input:?}");
    assert!(
        !message.contains('\n') && !message.contains('\r'),
        "{message:?}"
    );
    assert!(message.chars().count() <= 300, "{message:?}");
}

fn exercise(inputs: &[String], policy: &VerifyPolicy, keys: &[VerifyKey]) {
    for input in inputs {
        if let Err(e) = decode_unverified(input) {
            assert_eq!(e.exit_code(), 2, "{input:?}");
            assert_one_line(&e.to_string(), input);
        }
        if let Err(rejection) = verify(input, policy, keys, NOW) {
            assert_one_line(&rejection.reason, input);
        }
    }
}

#[test]
fn malformed_corpus_never_panics() {
    let hmac = VerifyKey::hmac_secret(&SecretString::from(testkeys::HMAC_SECRET));
    let corpus = fixed_corpus();
    exercise(
        &corpus,
        &VerifyPolicy::new(Alg::HS256),
        std::slice::from_ref(&hmac),
    );
    exercise(
        &random_strings(3_000),
        &VerifyPolicy::new(Alg::HS256),
        &[hmac],
    );
}

#[test]
fn mutated_tokens_never_verify_and_never_panic() {
    let hmac_key = SigningKey::Hmac(SecretString::from(testkeys::HMAC_SECRET));
    let claims = match json!({"sub": "alice", "exp": NOW + 60}) {
        serde_json::Value::Object(map) => map,
        _ => unreachable!(),
    };
    let token = mint(&hmac_key, Alg::HS256, &claims).unwrap();
    let keys = [hmac_key.verify_key().unwrap()];
    let policy = VerifyPolicy::new(Alg::HS256);
    assert!(verify(&token, &policy, &keys, NOW).is_ok());
    let mutated = mutations(&token);
    exercise(&mutated, &policy, &keys);
    for input in &mutated {
        // Trailing whitespace is trimmed, so a space replacing nothing is not a change;
        // every real change must fail.
        if input.trim() != token {
            assert!(
                verify(input, &policy, &keys, NOW).is_err(),
                "{input:?} verified"
            );
        }
    }

    let rsa_key = SigningKey::rsa_pem(testkeys::CURRENT_PRIVATE, Some("k".into()));
    let rs_token = mint(&rsa_key, Alg::RS256, &claims).unwrap();
    let rs_keys = [rsa_key.verify_key().unwrap()];
    let rs_policy = VerifyPolicy::new(Alg::RS256);
    // A sample of RSA mutations (each costs a public-key operation).
    let sample: Vec<String> = mutations(&rs_token).into_iter().step_by(7).collect();
    exercise(&sample, &rs_policy, &rs_keys);
    for input in &sample {
        if input.trim() != rs_token {
            assert!(
                verify(input, &rs_policy, &rs_keys, NOW).is_err(),
                "{input:?} verified"
            );
        }
    }
}
