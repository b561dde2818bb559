//! Typed reports: a command's answer as one `Serialize` value, from which
//! this module makes both forms. `--json` prints the value itself; without
//! it, `human` says what a person sees on stdout, and the rendering
//! (tables, escaping of text from outside) happens here, once.

use serde::Serialize;

/// A command's answer.
pub trait Report: Serialize {
    /// What stdout shows without `--json`.
    fn human(&self) -> Human {
        Human::Nothing
    }
}

/// The human form of a report, rendered by `output`.
#[derive(Debug)]
pub enum Human {
    /// Nothing on stdout (the note on stderr says what happened).
    Nothing,
    /// Data printed exactly: a token, a key, a secret a script captures.
    Data(String),
    /// Text that may carry what came from outside (names, claims): shown
    /// with unsafe characters escaped, line breaks kept.
    Text(String),
    /// A plain table (no borders, `awk`-able); cells are escaped.
    Table {
        header: &'static [&'static str],
        rows: Vec<Vec<String>>,
    },
}

impl Human {
    /// The text for stdout.
    pub fn render(self) -> String {
        match self {
            Human::Nothing => String::new(),
            Human::Data(data) => data,
            Human::Text(text) => super::terminal_safe(&text).into_owned(),
            Human::Table { rows, .. } if rows.is_empty() => String::new(),
            Human::Table { header, rows } => super::table(header, rows),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_form_renders_as_documented() {
        assert_eq!(Human::Nothing.render(), "");
        assert_eq!(Human::Data("a\u{1b}b".into()).render(), "a\u{1b}b");
        assert_eq!(Human::Text("a\u{1b}b\nc".into()).render(), "a\\u{1b}b\nc");
        let table = Human::Table {
            header: &["A", "B"],
            rows: vec![vec!["x\u{202e}".into(), "y".into()]],
        };
        assert_eq!(table.render(), "A          B\nx\\u{202e}  y");
        let empty = Human::Table {
            header: &["A"],
            rows: vec![],
        };
        assert_eq!(empty.render(), "");
    }
}
