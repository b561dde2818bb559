//! Fuzz target: see `check_rotation_json` in fuzz/common.rs, shared with the replay test tests/fuzz_corpus.rs.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::check_rotation_json(data);
});
