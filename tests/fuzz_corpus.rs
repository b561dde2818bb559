//! Replays the committed fuzz corpora (fuzz/corpus/<target>/) through the same checks
//! the fuzz targets run (fuzz/common.rs), in plain `cargo test` without libFuzzer.
//!
//! Every file must pass its target's check without a panic; a corpus that is missing
//! or empty fails, so the replay never passes vacuously.

#[path = "../fuzz/common.rs"]
mod common;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

/// The corpus files of one target, sorted, so failures read the same every run.
fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("corpus entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} has no corpus files", dir.display());
    files
}

/// Run `check` on every file of `target`'s corpus; fail naming each file that panicked.
/// Returns how many files `check` answered `true` for.
fn replay(target: &str, check: impl Fn(&[u8]) -> bool) -> usize {
    let mut failed = Vec::new();
    let mut accepted = 0;
    for path in corpus(target) {
        let data = std::fs::read(&path).expect("read corpus file");
        match catch_unwind(AssertUnwindSafe(|| check(&data))) {
            Ok(true) => accepted += 1,
            Ok(false) => {}
            Err(_) => failed.push(path.display().to_string()),
        }
    }
    assert!(
        failed.is_empty(),
        "{target}: checks panicked on {failed:#?}"
    );
    accepted
}

#[test]
fn token_decode_corpus() {
    replay("token_decode", |data| {
        common::check_token_decode(data);
        false
    });
}

#[test]
fn token_verify_corpus() {
    // check_token_verify itself panics when a token outside VALID_TOKENS verifies.
    let verified = replay("token_verify", |data| {
        common::check_token_decode(data);
        common::check_token_verify(data)
    });
    assert!(
        verified >= 1,
        "the token_verify corpus lost its valid signed seeds"
    );
}

#[test]
fn valid_seed_tokens_still_verify() {
    for token in common::VALID_TOKENS {
        assert!(
            common::check_token_verify(token.as_bytes()),
            "seed no longer verifies: {token}"
        );
        let bearer = format!(" Bearer {token}\n");
        assert!(common::check_token_verify(bearer.as_bytes()));
    }
}

#[test]
fn pem_import_corpus() {
    replay("pem_import", |data| {
        common::check_pem_import(data);
        false
    });
}

#[test]
fn env_file_corpus() {
    replay("env_file", |data| {
        common::check_env_file(data);
        false
    });
}

/// Fuzzing finding (fuzz/crashes/env_file/): with dotenvy, every `A=$A$A`
/// line doubled A, so a 207-byte file asked for gigabytes. The parser in
/// src/envfile.rs keeps `$A` literal (as python-dotenv does) and bounds
/// `${A}` expansion; both forms must stay small or be refused.
#[test]
fn env_file_expansion_is_bounded() {
    for line in ["A=$A$A\n", "A=${A}${A}\n"] {
        let text = format!("A=xxxxxxxx\n{}", line.repeat(40));
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("doubling.env");
        std::fs::write(&path, &text).expect("write env file");
        match authctl::internals::parse_env_file(&path) {
            Err(err) => assert_eq!(err.exit_code(), 2, "{err}"),
            Ok(vars) => {
                let longest = vars.values().map(String::len).max().unwrap_or(0);
                assert!(
                    longest <= 1 << 20,
                    "a {}-byte .env file expanded to a {longest}-byte value",
                    text.len()
                );
            }
        }
    }
    // The inputs the fuzzer found also finish, bounded.
    for entry in std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fuzz/crashes/env_file"
    ))
    .expect("crashes")
    {
        let path = entry.expect("entry").path();
        if let Ok(vars) = authctl::internals::parse_env_file(&path) {
            assert!(
                vars.values().all(|v| v.len() <= 1 << 20),
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn key_env_corpus() {
    replay("key_env", |data| {
        common::check_key_env(data);
        false
    });
}

#[test]
fn rotation_json_corpus() {
    replay("rotation_json", |data| {
        common::check_rotation_json(data);
        false
    });
}

#[test]
fn apply_doc_corpus() {
    replay("apply_doc", |data| {
        common::check_apply_doc(data);
        false
    });
}

#[test]
fn librechat_duration_corpus() {
    replay("librechat_duration", |data| {
        common::check_librechat_duration(data);
        false
    });
}
