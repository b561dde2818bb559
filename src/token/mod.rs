//! JWTs: minting, decoding without verification, and verification against local keys.
//!
//! Pure functions over keys and an injected clock (`now`, Unix seconds): nothing here
//! reads the environment, the system clock, files or the network, and nothing prints.
//! Verification follows RFC 8725: exactly one allowed algorithm, keys only from the
//! caller, `kid` looked up locally, `jku`/`x5u`/`jwk` headers never used.

mod claims;
mod decode;
mod duration;
mod key;
mod mint;
mod token_type;
mod verify;

#[cfg(test)]
mod rfc7515_tests;
#[cfg(test)]
mod robustness_tests;

pub use crate::alg::{Alg, KeyFamily};
pub use claims::{
    numeric_date, parse_claim_arg, standard_claims, subject_claims, ExtraClaims, RESERVED_CLAIMS,
};
pub use decode::{decode_unverified, Decoded, MAX_TOKEN_BYTES};
pub use duration::{
    humanize_duration, humanize_issued, humanize_not_before, humanize_relative, parse_length,
    parse_ttl, MAX_TTL_SECS,
};
pub use key::{KeyMaterial, SigningKey, VerifyKey, MIN_RSA_BITS};
pub use mint::mint;
pub use token_type::TokenType;
pub use verify::{verify, Rejection, Verified, VerifyPolicy};

use sha2::{Digest, Sha256};

/// SHA-256 of a token as lowercase hex, for storing refresh tokens by hash. The
/// token is normalized first (whitespace and a `Bearer ` prefix dropped), so the
/// same token always gives the same hash however it was pasted.
pub fn token_sha256_hex(token: &str) -> String {
    hex::encode(Sha256::digest(decode::normalize(token).as_bytes()))
}

/// Make sure jsonwebtoken signs and verifies with the RustCrypto backend.
///
/// jsonwebtoken 10 picks its backend at run time: without an installed provider it
/// derives one from its crate features, and if both or neither backend feature is
/// on (say another crate in the graph turns on `aws_lc_rs`) that derived provider
/// panics on first use. Installing ours explicitly before any sign/verify removes
/// that failure; naming `rust_crypto::DEFAULT_PROVIDER` also fails the build if the
/// feature is ever dropped. `Err` only means a provider is already installed.
fn ensure_crypto_provider() {
    let _already_installed = jsonwebtoken::crypto::rust_crypto::DEFAULT_PROVIDER.install_default();
}

pub(crate) use crate::text::quoted;

/// Committed throwaway keys (see testdata/README.md); tests never generate keys.
#[cfg(test)]
pub(crate) mod testkeys {
    pub const HMAC_SECRET: &str = "test-only-secret-key-0123456789-abcdefghij";
    pub const CURRENT_PRIVATE: &str = include_str!("testdata/rsa2048_current.pem");
    pub const CURRENT_PKCS1_PRIVATE: &str = include_str!("testdata/rsa2048_current.pkcs1.pem");
    pub const CURRENT_PUBLIC: &str = include_str!("testdata/rsa2048_current.pub.pem");
    pub const RETIRED_PRIVATE: &str = include_str!("testdata/rsa2048_retired.pem");
    pub const RETIRED_PUBLIC: &str = include_str!("testdata/rsa2048_retired.pub.pem");
    pub const SMALL_PRIVATE: &str = include_str!("testdata/rsa1024_too_small.pem");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_hash_is_sha256_hex_of_the_normalized_token() {
        assert_eq!(
            token_sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(token_sha256_hex(" Bearer abc\n"), token_sha256_hex("abc"));
        assert_ne!(token_sha256_hex("abd"), token_sha256_hex("abc"));
        assert_eq!(token_sha256_hex("x").len(), 64);
    }

    #[test]
    fn quoted_escapes_and_truncates() {
        assert_eq!(quoted("a\"b\n"), "\"a\\\"b\\n\"");
        let long = "é".repeat(100);
        let shown = quoted(&long);
        assert_eq!(shown.chars().count(), 64 + 2 + 1);
        assert!(shown.ends_with('…'));
    }

    #[test]
    fn crypto_provider_can_be_ensured_repeatedly() {
        ensure_crypto_provider();
        ensure_crypto_provider();
        let key = SigningKey::hmac_bytes(b"k".to_vec());
        let claims = serde_json::Map::new();
        assert!(mint(&key, Alg::HS256, &claims).is_ok());
    }
}
