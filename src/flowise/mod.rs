//! Flowise's own formats, as Flowise 3.1.4 makes and checks them (read off
//! a real server and its installed source: see
//! `tests/fixtures/flowise-3.1.4/README.md`). Pure functions: no database,
//! no terminal.
//!
//! `apikey`: API keys and their scrypt hashes. `crypto`: the cipher of
//! stored credentials (CryptoJS) and of the JWTs' `meta` claim. `secrets`:
//! the seven secrets, where Flowise finds them, and the key files.
//! `session`: a login session's cookies and tokens.

pub mod apikey;
pub mod crypto;
pub mod secrets;
pub mod session;
