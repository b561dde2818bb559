//! Unicode facts shared by names, passwords and the terminal edge.
//!
//! Invariants: pure functions, no I/O. `nfc` is the one form in which
//! names and passwords are stored, hashed and compared; `is_unsafe_char`
//! is the one definition of a character that acts on a terminal instead
//! of showing.

use unicode_normalization::UnicodeNormalization;

/// `s` in Unicode Normalization Form C.
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// Whether `c` would act on a terminal instead of showing: a control
/// character, a format character (bidi overrides, zero-width joiners), or
/// a line or paragraph separator.
pub fn is_unsafe_char(c: char) -> bool {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    matches!(
        c.general_category(),
        GeneralCategory::Control
            | GeneralCategory::Format
            | GeneralCategory::LineSeparator
            | GeneralCategory::ParagraphSeparator
    )
}

/// A user-supplied string for a one-line message: JSON-quoted (so control
/// characters are escaped) and cut to 64 characters.
pub(crate) fn quoted(s: &str) -> String {
    const LIMIT: usize = 64;
    if s.chars().count() <= LIMIT {
        serde_json::Value::from(s).to_string()
    } else {
        let cut: String = s.chars().take(LIMIT).collect();
        format!("{}…", serde_json::Value::from(cut))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_composes_and_unsafe_chars_are_the_acting_ones() {
        assert_eq!(nfc("jose\u{301}"), "jos\u{e9}");
        for c in [
            '\u{1b}', '\n', '\u{202e}', '\u{200b}', '\u{2028}', '\u{feff}',
        ] {
            assert!(is_unsafe_char(c), "{c:?}");
        }
        for c in ['a', 'é', ' ', '€', '日'] {
            assert!(!is_unsafe_char(c), "{c:?}");
        }
    }
}
