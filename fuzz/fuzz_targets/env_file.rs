//! Fuzz target: `authctl::settings::parse_env_file` on arbitrary file contents.
//! The checks live in fuzz/common.rs, shared with the replay test tests/fuzz_corpus.rs.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::check_env_file(data);
});
