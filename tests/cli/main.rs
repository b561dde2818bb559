//! Integration tests: the real binary in hermetic temp environments.

mod common;
mod generated;
mod superuser;
mod user;
