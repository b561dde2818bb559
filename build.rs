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
    // A static build (`-C target-feature=+crt-static`) links as rustc
    // chooses: `-static` with `-C relocation-model=static` (what
    // scripts/static.sh passes), and `-no-pie` beside it would make a
    // broken executable that asks for a dynamic loader.
    let crt_static = std::env::var("CARGO_CFG_TARGET_FEATURE")
        .is_ok_and(|f| f.split(',').any(|f| f == "crt-static"));
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") && !crt_static {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
