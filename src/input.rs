//! What authctl reads from stdin, in one place, each with its limit: input
//! over a limit is refused with a message naming it, never cut.

use crate::error::Result;
use zeroize::Zeroizing;

/// A token (`token decode|verify|revoke -`): JWT's own limit.
pub const TOKEN: usize = crate::token::MAX_TOKEN_BYTES;
/// A value to encrypt or decrypt (`secret encrypt|decrypt`).
pub const VALUE: usize = 64 * 1024 * 1024;
/// A secret to judge (`secret check --stdin`).
pub const SECRET: usize = 64 * 1024;
/// A new key (`secret rotate --new-key-stdin`).
pub const NEW_KEY: usize = 4096;
/// Candidate keys, one a line (`secret identify -`).
pub const CANDIDATES: usize = 1024 * 1024;
/// A private key PEM (`keys import --from-private -`).
pub const PRIVATE_KEY: usize = 1024 * 1024;
/// A password (`--password-stdin`, `--password-file`): far more than
/// bcrypt's 72 bytes, so an over-long one is refused, not cut.
pub const PASSWORD: usize = 64 * 1024;

/// Everything on stdin, up to `limit` bytes (`what` names it in errors:
/// "the token on stdin"); zeroed when dropped.
pub fn stdin(limit: usize, what: &str) -> Result<Zeroizing<Vec<u8>>> {
    crate::fsutil::read_capped(std::io::stdin().lock(), limit, what)
}
