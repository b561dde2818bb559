//! Completion scripts and man pages, generated from `Cli::command()`.
//!
//! The committed `completions/` and `man/` trees are this module's output;
//! a test compares them and rewrites them when asked.

use clap::CommandFactory;
use clap_complete::Shell;

/// Shells with committed completion scripts.
pub const SHELLS: [Shell; 5] = [
    Shell::Bash,
    Shell::Zsh,
    Shell::Fish,
    Shell::Elvish,
    Shell::PowerShell,
];

/// The whole command tree, with every subcommand's deferred arguments
/// applied (parsing builds only the subcommand that runs).
pub fn full_command() -> clap::Command {
    fn build_all(cmd: &mut clap::Command) {
        cmd.build();
        for sub in cmd.get_subcommands_mut() {
            build_all(sub);
        }
    }
    let mut cmd = crate::cli::Cli::command();
    build_all(&mut cmd);
    cmd
}

/// The completion script for `shell`.
pub fn completion_script(shell: Shell) -> Vec<u8> {
    let mut cmd = full_command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "authctl", &mut out);
    out
}

/// The file name clap_complete uses for `shell`'s script.
pub fn completion_file_name(shell: Shell) -> String {
    use clap_complete::Generator;
    shell.file_name("authctl")
}

/// One man page per command and subcommand: (`authctl-user-add.1`, roff).
pub fn man_pages() -> Vec<(String, Vec<u8>)> {
    let cmd = full_command();
    let mut pages = Vec::new();
    collect(&cmd, "authctl", &mut pages);
    pages
}

fn collect(cmd: &clap::Command, name: &str, pages: &mut Vec<(String, Vec<u8>)>) {
    let mut page_cmd = cmd
        .clone()
        .name(name.to_string())
        .display_name(name.to_string());
    page_cmd.build();
    let mut roff = Vec::new();
    // Rendering into a Vec cannot fail.
    let _ = clap_mangen::Man::new(page_cmd.clone()).render(&mut roff);
    pages.push((format!("{name}.1"), roff));
    for sub in page_cmd
        .get_subcommands()
        .filter(|s| s.get_name() != "help")
    {
        collect(sub, &format!("{name}-{}", sub.get_name()), pages);
    }
}
