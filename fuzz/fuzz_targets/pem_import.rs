//! Fuzz target: `authctl::keys::parse_private_pem_bytes` and `parse_public_pem` on arbitrary bytes.
//! The checks live in fuzz/common.rs, shared with the replay test tests/fuzz_corpus.rs.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::check_pem_import(data);
});
