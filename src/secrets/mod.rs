//! The secret key: generation, strength checks, the `secret_key` file, and
//! Fernet encryption derived from it exactly as Langflow 1.13 derives it.
//!
//! Invariants: pure domain code (no printing, no environment); secrets travel
//! as `SecretString` and are shown only as a `fingerprint`; no error message
//! contains secret material.

mod encryption;
mod file;
mod generate;
pub(crate) mod init;
pub(crate) mod lock;
mod pyrandom;
pub(crate) mod rescue;
pub(crate) mod rotate;
mod strength;

pub use encryption::{
    decrypt_with_secret, encrypt, fernet_to_encrypt, Derivation, MINIMUM_SECRET_KEY_LENGTH,
};
pub use file::{fingerprint, read_secret_file, write_secret_file, WriteReport, SECRET_KEY_FILE};
pub use generate::{generate, random_array, random_hex, Encoding, DEFAULT_BYTES};
pub use strength::check;
