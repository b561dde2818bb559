//! The `authctl` binary: everything happens in `authctl::run`.

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(authctl::run(std::env::args_os()))
}
