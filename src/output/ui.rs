//! The terminal a command talks to while it runs: prompts, progress and
//! warnings. One `Ui` is made per process and passed in the context; no
//! other module reads a terminal or writes to stderr.
//!
//! Invariants: nothing is asked when stdin is not a terminal (the caller
//! gets `can_prompt() == false` and must have another source); progress is
//! shown only on a terminal and never with `--quiet`; warnings are silenced
//! by `--quiet`; colour only on a terminal and never with `NO_COLOR`.

use crate::error::{Error, Result};
use secrecy::SecretString;
use std::io::{IsTerminal, Write};

/// What the process may do with its terminals.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ui {
    stdin_tty: bool,
    stderr_tty: bool,
    stdout_tty: bool,
    quiet: bool,
    color: bool,
}

impl Ui {
    /// The real terminals of this process.
    pub fn from_process(quiet: bool, no_color: bool) -> Self {
        let stderr_tty = std::io::stderr().is_terminal();
        Ui {
            stdin_tty: std::io::stdin().is_terminal(),
            stderr_tty,
            stdout_tty: std::io::stdout().is_terminal(),
            quiet,
            color: stderr_tty && !no_color,
        }
    }

    /// Whether a person can be asked (stdin is a terminal).
    pub fn can_prompt(&self) -> bool {
        self.stdin_tty
    }

    /// Whether stdout goes to a terminal (a person would see secrets printed).
    pub fn stdout_is_terminal(&self) -> bool {
        self.stdout_tty
    }

    /// How `output::emit` and `output::error` should print.
    pub fn format(&self, json: bool) -> super::Format {
        super::Format {
            json,
            quiet: self.quiet,
            color: self.color,
        }
    }

    /// A new password, hidden, asked twice; a mismatch asks again.
    pub fn new_password(&self, prompt: &str) -> Result<SecretString> {
        self.require_terminal()?;
        let theme = dialoguer::theme::SimpleTheme;
        dialoguer::Password::with_theme(&theme)
            .with_prompt(prompt)
            .with_confirmation("Confirm password", "Passwords do not match; try again")
            .interact()
            .map(SecretString::from)
            .map_err(prompt_error)
    }

    /// A visible line, e.g. a username.
    pub fn line(&self, prompt: &str) -> Result<String> {
        self.require_terminal()?;
        let theme = dialoguer::theme::SimpleTheme;
        dialoguer::Input::<String>::with_theme(&theme)
            .with_prompt(prompt)
            .interact_text()
            .map_err(prompt_error)
    }

    /// A yes/no question; the default is no.
    pub fn confirm(&self, prompt: &str) -> Result<bool> {
        self.require_terminal()?;
        let theme = dialoguer::theme::SimpleTheme;
        dialoguer::Confirm::with_theme(&theme)
            .with_prompt(prompt)
            .default(false)
            .interact()
            .map_err(prompt_error)
    }

    /// A line for the person at a prompt (why an answer was refused).
    pub fn tell(&self, message: &str) {
        let _ = writeln!(std::io::stderr(), "{}", super::terminal_safe(message));
    }

    /// `authctl: warning: …` on stderr, unless quiet.
    pub fn warn(&self, message: &str) {
        super::warn(message, self.format(false));
    }

    /// A spinner for slow work, shown only on a terminal and not when
    /// quiet; it clears itself when dropped.
    pub fn progress(&self, message: &str) -> Progress {
        Progress((self.stderr_tty && !self.quiet).then(|| {
            let bar = indicatif::ProgressBar::new_spinner().with_message(message.to_string());
            bar.enable_steady_tick(std::time::Duration::from_millis(100));
            bar
        }))
    }

    /// A progress bar of `len` steps, shown only on a terminal, not when
    /// quiet, and not for `len` 0.
    pub fn bar(&self, len: u64, message: &str) -> Progress {
        Progress((self.stderr_tty && !self.quiet && len > 0).then(|| {
            let bar = indicatif::ProgressBar::new(len).with_message(message.to_string());
            if let Ok(style) =
                indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} {eta}")
            {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        }))
    }

    /// Before anything is asked: a terminal to ask on, and the warnings
    /// held so far shown first (what the question is about may be one).
    fn require_terminal(&self) -> Result<()> {
        if self.stdin_tty {
            for w in super::take_deferred_warnings() {
                self.warn(&w);
            }
            Ok(())
        } else {
            Err(Error::usage(
                "stdin is not a terminal, so nothing can be asked; give the answer with a flag",
            ))
        }
    }
}

/// A running spinner (or nothing, off a terminal).
pub struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    /// Count `n` more steps done.
    pub fn inc(&self, n: u64) {
        if let Some(bar) = &self.0 {
            bar.inc(n);
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = self.0.take() {
            bar.finish_and_clear();
        }
    }
}

fn prompt_error(e: dialoguer::Error) -> Error {
    match e {
        dialoguer::Error::IO(io) => Error::io("cannot read from the terminal", io),
    }
}
