//! Strength checks for a secret key: length, published example values, and a
//! rough entropy estimate.
//!
//! Invariants: `check` never returns or formats the secret itself; every
//! reason is one sentence that names the fix; a value made by `generate` with
//! at least 32 bytes always passes (the thresholds sit far below what 32
//! random bytes give in any of the three encodings).

use super::generate::MIN_BYTES;

const FIX: &str = "generate one with `authctl secret generate`";

/// Documented example values and well-known defaults, lowercase. Any app
/// that ships one of these lets anyone who read the same page forge tokens.
const KNOWN_WEAK: &[&str] = &[
    // LibreChat's documented CREDS_KEY / CREDS_IV (.env.example, dotenv
    // docs) and its Helm chart's; LibreChat itself rejects these as
    // retired defaults.
    "f34be427ebb29de8d88c107a71546019685ed8b241d8f2ed00c3df97ad2566f0",
    "e2341419ec3dd3d19b13a1a87fafcbfb",
    "9e95d9894da7e68dd69c0046caf5343c8b1e80c89609b5a1e40e6568b5b23ce6",
    "ac028c86ba23f4cd48165e0ca9f2c683",
    // LibreChat's documented MEILI_MASTER_KEY (current and 2023 .env.example).
    "drhyf7zenyr6aluckmnz0eyasoqdl6zxh7s7mkfsffct",
    "jkmw-hgc7v_d1fkjvdbrsdnflzcuv3s75yrxxp0smcu",
    "your client secret",
    // Flowise code fallbacks (3.0.x passport and temp-token secrets), the
    // .env.example encryption-key override and 1.3.x PASSPHRASE.
    "auth_token",
    "refresh_token",
    "secre$t",
    "myencryptionkey",
    "mypassphrase",
    "smtp_password",
    "mypassword",
    // Langflow's docs and .env examples: the sample API key, passwords,
    // and the jwt.io sample token's secret on its JWT page.
    "sk-o0elzowid1izah8rukrnnvyymwizhi2wk-uxwonj2ro",
    "somesecretkey",
    "adminpass",
    "superuser",
    "123456",
    "your-256-bit-secret",
    // Flowise's weak defaults, treated by Flowise itself as "not set".
    "aabbccddaabbccddaabbccddaabbccddaabbccdd",
    "flowise",
    "popcorn",
    // Langflow's documentation (authentication page and .env examples).
    "dbuuub_fhlvu8t9eunlxqf9ppqrxwwpxxq42km2_fb",
    "dbuuub_fhlvu8t9eunlxqf9ppqrxwwpxxq42km2_fbg",
    "randomly_generated_secure_key",
    "your-custom-secret-key",
    "your-secret-key",
    "securepassword",
    // LibreChat's documented JWT_SECRET and JWT_REFRESH_SECRET.
    "16f8c0ef4a5d391b26034086c628469d3f9f497f08163ab9b40137092f2909ef",
    "eaa5191f2914e30b9387fd84e254e4ba6fc51b4654968a9b0803b456a54b8418",
    // Other placeholders printed in the same guides.
    "any random string",
    "your_client_secret",
    "your-app-password",
    "your_secret_key",
    "your-secret",
    "your_secret",
    "1234",
    "user",
    "admin",
    // The usual family.
    "changeme",
    "change-me",
    "change_me",
    "changeit",
    "secret",
    "secretkey",
    "secret-key",
    "secret_key",
    "mysecret",
    "my-secret",
    "my_secret",
    "supersecret",
    "super-secret",
    "super_secret",
    "jwt_secret",
    "jwt-secret",
    "jwtsecret",
    "password",
    "passw0rd",
    "password123",
    "default",
    "test",
    "example",
    "langflow",
    "librechat",
    "12345678",
    "123456789",
    "1234567890",
    "qwerty",
];

/// Phrases that mark an unedited template value wherever they appear.
const PLACEHOLDER_PHRASES: &[&str] = &[
    "changeme",
    "change-me",
    "change_me",
    "change-this",
    "change_this",
    "changethis",
    "replaceme",
    "replace-me",
    "replace_me",
    "your-secret",
    "your_secret",
    "yoursecret",
    "your-custom",
    "placeholder",
    "example",
];

/// Below this many distinct characters a 32-byte secret is not random
/// (64 random hex digits show fewer than 10 distinct ones with odds ~1e-12).
const MIN_DISTINCT: usize = 10;
/// Below this many estimated bits a secret is flagged (32 random bytes give
/// about 200-240 by this estimate in any of the three encodings).
const MIN_ESTIMATED_BITS: f64 = 128.0;
/// At or above this share of characters inside common words or keyboard
/// rows, a secret is a passphrase, not a random value (random 32-byte
/// values stay under a few percent).
const MAX_WORD_COVERAGE: f64 = 0.5;

/// Common English and deployment words, and keyboard rows (lowercase, at
/// least three letters) that people string together into "long" secrets.
const COMMON_WORDS: &[&str] = &[
    "the",
    "and",
    "for",
    "are",
    "but",
    "not",
    "you",
    "all",
    "any",
    "can",
    "her",
    "was",
    "one",
    "our",
    "out",
    "day",
    "get",
    "has",
    "him",
    "his",
    "how",
    "man",
    "new",
    "now",
    "old",
    "see",
    "two",
    "way",
    "who",
    "boy",
    "did",
    "its",
    "let",
    "put",
    "say",
    "she",
    "too",
    "use",
    "dog",
    "cat",
    "fox",
    "sun",
    "red",
    "big",
    "top",
    "yes",
    "key",
    "pass",
    "word",
    "this",
    "that",
    "with",
    "have",
    "from",
    "they",
    "will",
    "would",
    "there",
    "their",
    "what",
    "about",
    "which",
    "when",
    "make",
    "like",
    "time",
    "just",
    "know",
    "take",
    "into",
    "year",
    "your",
    "good",
    "some",
    "could",
    "them",
    "than",
    "then",
    "look",
    "only",
    "come",
    "over",
    "think",
    "also",
    "back",
    "after",
    "work",
    "first",
    "well",
    "even",
    "want",
    "because",
    "these",
    "give",
    "most",
    "very",
    "love",
    "life",
    "long",
    "short",
    "super",
    "secret",
    "secure",
    "security",
    "private",
    "public",
    "token",
    "password",
    "admin",
    "user",
    "login",
    "access",
    "refresh",
    "session",
    "server",
    "client",
    "production",
    "prod",
    "staging",
    "development",
    "local",
    "localhost",
    "test",
    "testing",
    "demo",
    "sample",
    "default",
    "random",
    "string",
    "value",
    "langflow",
    "flowise",
    "librechat",
    "docker",
    "compose",
    "kubernetes",
    "jwt",
    "auth",
    "signing",
    "encryption",
    "encrypt",
    "app",
    "application",
    "api",
    "my",
    "company",
    "team",
    "hello",
    "world",
    "welcome",
    "letmein",
    "monkey",
    "dragon",
    "master",
    "shadow",
    "sunshine",
    "princess",
    "football",
    "baseball",
    "summer",
    "winter",
    "spring",
    "autumn",
    "january",
    "correct",
    "horse",
    "battery",
    "staple",
    "quick",
    "brown",
    "jumps",
    "lazy",
    "happy",
    "house",
    "home",
    "water",
    "fire",
    "earth",
    "light",
    "dark",
    "night",
    "morning",
    "money",
    "open",
    "close",
    "start",
    "stop",
    "change",
    "replace",
    "never",
    "always",
    "forever",
    "really",
    "much",
    "more",
    "less",
    "great",
    "best",
    "better",
    "strong",
    "safe",
    "hard",
    "easy",
    "simple",
    "some",
    "thing",
    "something",
    "nothing",
    "everything",
    "again",
    "qwerty",
    "qwertz",
    "azerty",
    "uiop",
    "asdf",
    "ghjkl",
    "hjkl",
    "zxcv",
    "vbnm",
    "1qaz",
    "2wsx",
    "3edc",
    "qazwsx",
];

/// Reasons `secret` is weak; empty when it looks strong.
pub fn check(secret: &str) -> Vec<String> {
    let trimmed = secret.trim();
    if trimmed.is_empty() {
        return vec![format!("the secret is empty; {FIX}")];
    }
    let mut reasons = Vec::new();
    let len = trimmed.len();
    if len < MIN_BYTES {
        reasons.push(format!(
            "the secret is {len} bytes long, under the {MIN_BYTES}-byte minimum; {FIX}"
        ));
    }
    let normalized = normalize(trimmed);
    if KNOWN_WEAK.contains(&normalized.as_str()) {
        reasons.push(format!(
            "the secret is a published example or default value that anyone can use to forge tokens; {FIX}"
        ));
        // Everything below would only restate this.
        return reasons;
    }
    if is_unexpanded_template(&normalized) {
        reasons.push(format!(
            "the secret is a template placeholder (`<...>` or `${{...}}`) that was never filled in; {FIX}"
        ));
        return reasons;
    }
    if PLACEHOLDER_PHRASES.iter().any(|p| normalized.contains(p)) {
        reasons.push(format!(
            "the secret contains a placeholder word such as \"changeme\" or \"example\"; {FIX}"
        ));
    }
    let chars: Vec<char> = trimmed.chars().collect();
    let distinct = distinct_count(&chars);
    if distinct < MIN_DISTINCT {
        reasons.push(format!(
            "the secret uses only {distinct} distinct characters; {FIX}"
        ));
    }
    if let Some(period) = repeat_period(&chars) {
        reasons.push(format!(
            "the secret repeats a {period}-character pattern; {FIX}"
        ));
    }
    let bits = estimated_bits(&chars);
    if bits < MIN_ESTIMATED_BITS {
        reasons.push(format!(
            "the secret looks low in entropy (about {bits:.0} bits by a rough estimate, where 32 random bytes give over 200); {FIX}"
        ));
    } else if word_coverage(&normalized) >= MAX_WORD_COVERAGE {
        // Long enough and varied, but a phrase: guessable from a dictionary.
        reasons.push(format!(
            "the secret is mostly common words or keyboard rows; {FIX}"
        ));
    }
    reasons
}

/// Lowercase, without surrounding whitespace and one pair of matching quotes.
fn normalize(secret: &str) -> String {
    let mut s = secret.trim();
    for quote in ['"', '\''] {
        if s.len() >= 2 && s.starts_with(quote) && s.ends_with(quote) {
            s = s[1..s.len() - 1].trim();
            break;
        }
    }
    // Base64 padding added or removed does not make an example new.
    s.trim_end_matches('=').to_lowercase()
}

fn is_unexpanded_template(normalized: &str) -> bool {
    (normalized.starts_with('<') && normalized.ends_with('>'))
        || (normalized.starts_with("${") && normalized.ends_with('}'))
        || (normalized.starts_with("{{") && normalized.ends_with("}}"))
}

/// The share of characters covered by `COMMON_WORDS`, matching greedily
/// left to right and preferring the longest word at each position.
fn word_coverage(lowercase: &str) -> f64 {
    let bytes = lowercase.as_bytes();
    if bytes.is_empty() {
        return 0.0;
    }
    let mut covered = 0usize;
    let mut i = 0usize;
    while i < bytes.len() {
        let longest = COMMON_WORDS
            .iter()
            .filter(|w| bytes[i..].starts_with(w.as_bytes()))
            .map(|w| w.len())
            .max();
        match longest {
            Some(n) => {
                covered += n;
                i += n;
            }
            None => i += 1,
        }
    }
    covered as f64 / bytes.len() as f64
}

fn distinct_count(chars: &[char]) -> usize {
    let mut seen: Vec<char> = chars.to_vec();
    seen.sort_unstable();
    seen.dedup();
    seen.len()
}

/// The shortest period `p` (at most a third of the length) such that the
/// secret is a prefix of its first `p` characters repeated.
fn repeat_period(chars: &[char]) -> Option<usize> {
    let n = chars.len();
    (1..=n / 3).find(|&p| (p..n).all(|i| chars[i] == chars[i - p]))
}

/// A rough entropy estimate in bits: the Shannon entropy of the character
/// frequencies times the number of characters that are not predictable from
/// the two before them (a run of one character, or a step like `abc`/`975`).
/// The entropy of a short sample's frequencies underestimates its source's,
/// so it gets the Miller-Madow correction ((distinct - 1) / 2n nats a
/// character): without it about 1 in 110 of Flowise's own encryption keys
/// (24 random bytes in base64) came out under 128 bits; with it, about 1 in
/// 25,000 of a 50,000 sample, and no 32-byte value.
fn estimated_bits(chars: &[char]) -> f64 {
    let mut kept: Vec<char> = Vec::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        if i >= 1 && c == chars[i - 1] {
            continue;
        }
        if i >= 2 {
            let step = i64::from(u32::from(c)) - i64::from(u32::from(chars[i - 1]));
            let prev = i64::from(u32::from(chars[i - 1])) - i64::from(u32::from(chars[i - 2]));
            if step == prev && step.abs() <= 3 {
                continue;
            }
        }
        kept.push(c);
    }
    if kept.is_empty() {
        return 0.0;
    }
    let mut sorted = kept.clone();
    sorted.sort_unstable();
    let total = kept.len() as f64;
    let mut entropy = 0.0;
    let mut distinct = 0usize;
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i;
        while j < sorted.len() && sorted[j] == sorted[i] {
            j += 1;
        }
        let p = (j - i) as f64 / total;
        entropy -= p * p.log2();
        distinct += 1;
        i = j;
    }
    let correction = (distinct as f64 - 1.0) / (2.0 * total * std::f64::consts::LN_2);
    (entropy + correction) * total
}

#[cfg(test)]
mod tests {
    use super::super::generate::{generate, Encoding};
    use super::*;
    use secrecy::ExposeSecret;

    fn weak(secret: &str) -> bool {
        !check(secret).is_empty()
    }

    #[test]
    fn app_made_encryption_keys_pass() {
        // 24 bytes in base64, as Flowise's generateEncryptKey makes them:
        // 5,000 of them from a fixed generator, so the test is the same
        // every run.
        use base64::Engine as _;
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut weak_ones = Vec::new();
        for _ in 0..5000 {
            let mut bytes = [0u8; 24];
            for b in bytes.iter_mut() {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                *b = (x >> 32) as u8;
            }
            let key = base64::engine::general_purpose::STANDARD.encode(bytes);
            if !check(&key).is_empty() {
                weak_ones.push(key);
            }
        }
        assert!(weak_ones.is_empty(), "{weak_ones:?}");
    }

    #[test]
    fn generated_secrets_always_pass() {
        for encoding in [Encoding::UrlSafe, Encoding::Hex, Encoding::Base64] {
            for bytes in [32, 48, 64] {
                let rounds = if bytes == 32 { 200 } else { 20 };
                for _ in 0..rounds {
                    let secret = generate(bytes, encoding).unwrap();
                    let reasons = check(secret.expose_secret());
                    assert!(
                        reasons.is_empty(),
                        "{encoding:?} {bytes}: {reasons:?} for a generated value"
                    );
                }
            }
        }
    }

    #[test]
    fn known_strong_examples_pass() {
        // The fixture's Langflow secret and a fresh `openssl rand -hex 32`.
        for s in [
            "tJ3kF2Y7m9QvVnR1xWcZ0bHsLdEaFKmF6_QMwtcM8mHuWaZq4HCt8zo",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "q0W8y1mZ2xN3cV4bA5sD6fG7hJ8kL9pO0iU1yT2rE3w=",
        ] {
            assert_eq!(check(s), Vec::<String>::new(), "{s}");
        }
    }

    #[test]
    fn empty_and_whitespace_only() {
        for s in ["", "   ", "\n\t "] {
            let reasons = check(s);
            assert_eq!(reasons.len(), 1, "{reasons:?}");
            assert!(reasons[0].contains("empty"));
            assert!(reasons[0].contains("authctl secret generate"));
        }
    }

    #[test]
    fn short_secrets_name_the_minimum() {
        let reasons = check("Zx9!qW2#eR4$tY6^uI8*oP0");
        assert!(
            reasons.iter().any(|r| r.contains("32-byte minimum")),
            "{reasons:?}"
        );
    }

    #[test]
    fn every_documented_example_key_is_flagged_with_padding_or_spaces() {
        for s in [
            "f34be427ebb29de8d88c107a71546019685ed8b241d8f2ed00c3df97ad2566f0",
            "e2341419ec3dd3d19b13a1a87fafcbfb",
            "DrhYf7zENyR6AlUCKmnz0eYASOQdl6zxH7s7MKFSfFCt",
            "DrhYf7zENyR6AlUCKmnz0eYASOQdl6zxH7s7MKFSfFCt=",
            "  JKMW-hGc7v_D1FkJVdbRSDNFLZcUv3S75yrxXP0SmcU==\n",
            "dBuuuB_FHLvU8T9eUNlxQF9ppqRxwWpXXQ42kM2_fbg=",
            "sk-O0elzoWID1izAH8RUKrnnvyyMwIzHi2Wk-uXWoNJ2Ro",
            "\t9e95d9894da7e68dd69c0046caf5343c8b1e80c89609b5a1e40e6568b5b23ce6 ",
        ] {
            let reasons = check(s);
            assert!(
                reasons.iter().any(|r| r.contains("published example")),
                "{s:?}: {reasons:?}"
            );
        }
    }

    #[test]
    fn published_and_default_values_are_weak_in_any_case_or_quoting() {
        for s in [
            "AABBCCDDAABBCCDDAABBCCDDAABBCCDDAABBCCDD",
            "aabbccddaabbccddaabbccddaabbccddaabbccdd",
            "flowise",
            "popcorn",
            "dBuuuB_FHLvU8T9eUNlxQF9ppqRxwWpXXQ42kM2_fb",
            "dBuuuB_FHLvU8T9eUNlxQF9ppqRxwWpXXQ42kM2_fbg",
            "  \"dBuuuB_FHLvU8T9eUNlxQF9ppqRxwWpXXQ42kM2_fbg\"  ",
            "'dBuuuB_FHLvU8T9eUNlxQF9ppqRxwWpXXQ42kM2_fbg'",
            "randomly_generated_secure_key",
            "your-custom-secret-key",
            "your-secret-key",
            "securepassword",
            "16f8c0ef4a5d391b26034086c628469d3f9f497f08163ab9b40137092f2909ef",
            "EAA5191F2914E30B9387FD84E254E4BA6FC51B4654968A9B0803B456A54B8418",
            "changeme",
            "Change-Me",
            "SECRET",
            "supersecret",
            "password",
        ] {
            let reasons = check(s);
            assert!(
                reasons
                    .iter()
                    .any(|r| r.contains("published example or default")),
                "{s}: {reasons:?}"
            );
        }
    }

    #[test]
    fn placeholders_and_templates_are_weak() {
        for s in [
            "<32-byte-hex-string>",
            "<your-secret>",
            "${JWT_SECRET_KEY}",
            "{{ secret_key }}",
        ] {
            let reasons = check(s);
            assert!(
                reasons.iter().any(|r| r.contains("placeholder")),
                "{s}: {reasons:?}"
            );
        }
        let reasons = check("please-changeme-before-going-to-production-2024");
        assert!(
            reasons.iter().any(|r| r.contains("placeholder word")),
            "{reasons:?}"
        );
    }

    #[test]
    fn low_entropy_long_values_are_weak() {
        for s in [
            "a".repeat(64),
            "ab".repeat(32),
            "0123456789".repeat(4),
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".to_string(),
            "0000000000000000000000000000000000000000000000000000000000000001".to_string(),
            "Tr0ub4dor&3-Tr0ub4dor&3-Tr0ub4dor&3".to_string(),
        ] {
            assert!(weak(&s), "{s} passed");
        }
        let reasons = check(&"xy".repeat(20));
        assert!(
            reasons.iter().any(|r| r.contains("distinct characters")),
            "{reasons:?}"
        );
        assert!(reasons.iter().any(|r| r.contains("pattern")), "{reasons:?}");
    }

    #[test]
    fn words_and_keyboard_walks_are_weak() {
        for s in [
            "this is my super secret key for langflow",
            "qwertyuiopasdfghjklzxcvbnm1234567890",
            "correcthorsebatterystaplecorrecthorse",
            "the quick brown fox jumps over the lazy dog",
            "my-super-long-langflow-secret-key",
            "Summer2024!Summer2024!Winter2023!",
        ] {
            assert!(weak(s), "{s} passed");
        }
        let reasons = check("the quick brown fox jumps over the lazy dog");
        assert!(
            reasons.iter().any(|r| r.contains("common words")),
            "{reasons:?}"
        );
    }

    #[test]
    fn reasons_never_contain_the_secret() {
        for s in [
            "Zx9!qW2#eR4$tY6^",
            "dBuuuB_FHLvU8T9eUNlxQF9ppqRxwWpXXQ42kM2_fbg",
            "this is my super secret key for langflow",
        ] {
            for reason in check(s) {
                assert!(!reason.contains(s), "{reason}");
                assert!(!reason.contains('\n'));
            }
        }
    }

    #[test]
    fn estimate_orders_values_sensibly() {
        let random: Vec<char> = "tJ3kF2Y7m9QvVnR1xWcZ0bHsLdEaFKmF6_QMwtcM8mH"
            .chars()
            .collect();
        let walk: Vec<char> = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq"
            .chars()
            .collect();
        assert!(estimated_bits(&random) > 180.0);
        assert!(estimated_bits(&walk) < 40.0);
        assert_eq!(
            repeat_period(&"abcabcabc".chars().collect::<Vec<_>>()),
            Some(3)
        );
        assert_eq!(
            repeat_period(&"abcabcabd".chars().collect::<Vec<_>>()),
            None
        );
    }
}
