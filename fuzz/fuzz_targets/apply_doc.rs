//! Fuzz target: see `check_apply_doc` in fuzz/common.rs (shared with the replay test
//! tests/fuzz_corpus.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::check_apply_doc(data);
});
