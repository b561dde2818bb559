//! Link the authctl binary as a non-PIE executable.
//!
//! authctl is a short-lived command: most of `token decode`'s time is the
//! dynamic loader applying the position-independent executable's ~16k
//! relocations (zxcvbn's word lists and clap's tables are arrays of
//! pointers). A fixed-address executable has none of those to apply, which
//! roughly halves start-up. Only the binaries are affected; the library,
//! build scripts and proc-macros stay position-independent.

// Cargo reads a build script's stdout: printing is its interface.
#![allow(clippy::disallowed_macros)]
// A build script learns its target from Cargo's environment; Settings is
// for the program, not for this.
#[allow(clippy::disallowed_methods)]
fn main() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
