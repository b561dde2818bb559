//! Fuzz target: `authctl::token::verify` under HS256, RS256 and RS512 policies with local keys.
//! The checks live in fuzz/common.rs, shared with the replay test tests/fuzz_corpus.rs.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let _ = common::check_token_verify(data);
});
