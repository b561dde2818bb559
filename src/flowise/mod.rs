//! Flowise's own formats, as Flowise 3.1.4 makes and checks them (read off
//! a real server and its installed source: see
//! `tests/fixtures/flowise-3.1.4/README.md`). Pure functions: no database,
//! no terminal.
//!
//! `apikey`: API keys and their scrypt hashes.

pub mod apikey;
