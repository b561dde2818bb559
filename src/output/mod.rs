//! The only place that prints.
//!
//! stdout carries data only (the token, the JSON, the table); notes such as
//! "created user alice", warnings and errors go to stderr. Every output ends
//! with a newline. Colour is used only on a terminal and never with NO_COLOR.
//!
//! Text from a database or argv (usernames, key names) may hold terminal
//! escape sequences or bidi overrides: table cells are passed through
//! `shown`, and every note, warning and error through `terminal_safe`,
//! so none reaches a terminal raw. `--json`, tokens and decrypted bytes
//! are data and stay exact.
//!
//! `report`: a command's typed answer and its human form. `ui`: prompts,
//! progress and warnings while a command runs.

mod report;
mod ui;

pub use report::{Human, Report};
pub use ui::Ui;

use crate::error::Error;
use crate::text::is_unsafe_char;
use serde::Serialize;
use std::io::Write;

/// What a command produced: data for stdout, a note for stderr, an exit code.
#[derive(Default)]
pub struct Outcome {
    /// The machine-readable form, printed with `--json`.
    pub json: Option<serde_json::Value>,
    /// The human form of the data, printed on stdout without `--json`.
    pub stdout: String,
    /// A note for a person, printed on stderr unless `--quiet`.
    pub note: String,
    /// Exit code (0 unless the answer is negative).
    pub code: u8,
    /// Bytes for stdout exactly as they are (decrypted data), instead of `stdout`.
    pub raw: Option<zeroize::Zeroizing<Vec<u8>>>,
}

impl std::fmt::Debug for Outcome {
    // stdout may carry a token or a decrypted secret: show sizes only.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Outcome")
            .field("stdout_len", &self.stdout.len())
            .field("raw_len", &self.raw.as_ref().map(|r| r.len()))
            .field("note", &self.note)
            .field("code", &self.code)
            .finish_non_exhaustive()
    }
}

impl Outcome {
    /// An empty, successful outcome.
    pub fn new() -> Self {
        Self::default()
    }

    /// A typed report: its JSON form, and its human form for stdout.
    pub fn report(report: &impl Report) -> Self {
        Outcome::new().json(report).stdout(report.human().render())
    }

    /// Set the human form for stdout, rendered here.
    pub fn human(mut self, human: Human) -> Self {
        self.stdout = human.render();
        self
    }

    /// Set the JSON form from any serialisable report.
    pub fn json(mut self, value: impl Serialize) -> Self {
        self.json = Some(serde_json::to_value(value).unwrap_or(serde_json::Value::Null));
        self
    }

    /// Set the human data printed on stdout (commands say it with `human`).
    fn stdout(mut self, text: impl Into<String>) -> Self {
        self.stdout = text.into();
        self
    }

    /// Set the note printed on stderr.
    pub fn note(mut self, text: impl Into<String>) -> Self {
        self.note = text.into();
        self
    }

    /// Set bytes printed on stdout exactly as they are (no newline added).
    pub fn raw(mut self, bytes: Vec<u8>) -> Self {
        self.raw = Some(zeroize::Zeroizing::new(bytes));
        self
    }

    /// Set the exit code.
    pub fn code(mut self, code: u8) -> Self {
        self.code = code;
        self
    }
}

/// How to print.
#[derive(Debug, Clone, Copy, Default)]
pub struct Format {
    pub json: bool,
    pub quiet: bool,
    pub color: bool,
}

fn escape_into(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
    }
}

/// `s` with every unsafe character (see `is_unsafe_char`), newlines
/// included, escaped as `\n`, `\u{1b}`…: for one value such as a name.
pub fn shown(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_unsafe_char) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe_char(c) {
            escape_into(&mut out, c);
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// `text` for stderr: like `shown`, but its own line breaks are kept.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && is_unsafe_char(c)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c != '\n' && is_unsafe_char(c) {
            escape_into(&mut out, c);
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

fn with_newline(mut s: String) -> String {
    if !s.is_empty() && !s.ends_with('\n') {
        s.push('\n');
    }
    s
}

/// Print an outcome. Broken pipes on stdout are not an error worth reporting.
pub fn emit(outcome: &Outcome, format: Format) {
    let data = if format.json {
        outcome
            .json
            .as_ref()
            .map(|v| serde_json::to_string_pretty(v).unwrap_or_default())
            .unwrap_or_default()
    } else {
        outcome.stdout.clone()
    };
    let mut out = std::io::stdout().lock();
    match (&outcome.raw, format.json) {
        (Some(raw), false) => {
            let _ = out.write_all(raw);
        }
        _ => {
            let _ = out.write_all(with_newline(data).as_bytes());
        }
    }
    let _ = out.flush();
    if !format.quiet && !outcome.note.is_empty() {
        let note = terminal_safe(&outcome.note).into_owned();
        let _ = std::io::stderr().write_all(with_newline(note).as_bytes());
    }
}

/// Warnings found while a command runs below the terminal's reach (a
/// store opening a database it reads with a caveat), printed by `run`
/// before the command's outcome.
static DEFERRED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// Hold a warning for `run` to print (once, however often it is held).
pub fn defer_warning(message: String) {
    let mut held = DEFERRED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if !held.contains(&message) {
        held.push(message);
    }
}

/// The warnings held so far, taken.
pub fn take_deferred_warnings() -> Vec<String> {
    std::mem::take(
        &mut *DEFERRED
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
    )
}

/// Print a warning on stderr (unless quiet).
pub fn warn(message: &str, format: Format) {
    if format.quiet {
        return;
    }
    let label = if format.color {
        "\x1b[33mwarning\x1b[0m"
    } else {
        "warning"
    };
    let _ = writeln!(
        std::io::stderr(),
        "authctl: {label}: {}",
        terminal_safe(message)
    );
}

/// Print an error on stderr as one line: `authctl: error: …`.
pub fn error(err: &Error, format: Format) {
    let label = if format.color {
        "\x1b[31merror\x1b[0m"
    } else {
        "error"
    };
    let _ = writeln!(
        std::io::stderr(),
        "authctl: {label}: {}",
        shown(&err.one_line())
    );
}

/// Render rows as a plain table (no borders; scripts can `awk` it).
fn table(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut t = comfy_table::Table::new();
    t.load_style(comfy_table::presets::NOTHING)
        .set_content_arrangement(comfy_table::ContentArrangement::Disabled)
        .set_header(header.iter().map(|h| h.to_string()));
    for row in rows {
        t.add_row(row.iter().map(|cell| shown(cell).into_owned()));
    }
    // comfy-table pads each line with a leading space in this preset.
    t.lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(&l).trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}
