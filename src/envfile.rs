//! `.env` files as python-dotenv reads them (the format Langflow's own
//! `--env-file` uses), with errors that name the line and bounded growth.
//!
//! Rules: blank lines and `#` comments are skipped; `export ` may precede a
//! key; a value is unquoted (an inline ` #` starts a comment, surrounding
//! whitespace is dropped), 'single-quoted' (literal), or "double-quoted"
//! (backslash escapes, may span lines). `${NAME}` and `${NAME:-default}`
//! are expanded in unquoted and double-quoted values from earlier lines of
//! the file, then from `lookup` (the process environment); `$NAME` without
//! braces is kept as it is, as python-dotenv keeps it. A value that grows
//! past `MAX_VALUE` bytes by expansion is refused, so a file of `A=${A}${A}`
//! lines cannot exhaust memory.

use std::collections::BTreeMap;

/// The largest value, after expansion, a file may define (a PEM key is a
/// few KiB).
pub const MAX_VALUE: usize = 64 * 1024;

/// The largest `--env-file` read (a real one is a few kilobytes).
pub const ENV_FILE_LIMIT: usize = 1024 * 1024;

/// Why a file could not be read: the 1-based line and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub reason: String,
}

/// One `KEY=VALUE` as the file has it, for a writer that must change a
/// value and keep every other byte (`init`'s merge).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub key: String,
    /// The value, unquoted and expanded.
    pub value: String,
    /// The bytes of `text` the value is written as: its quotes included,
    /// the whitespace and inline comment around it excluded (empty, at
    /// the place a value goes, for `KEY=`).
    pub span: std::ops::Range<usize>,
    /// A `${NAME}` in it (with a default or not) named a variable neither
    /// the file nor `lookup` defines: the value is not known here (a
    /// container may set it), which is not the same as empty.
    pub unresolved: bool,
}

/// Parse `text`; `lookup` supplies variables not defined earlier in the
/// file. A key set twice takes its last value.
pub fn parse(
    text: &str,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Result<BTreeMap<String, String>, ParseError> {
    Ok(assignments(text, lookup)?
        .into_iter()
        .map(|a| (a.key, a.value))
        .collect())
}

/// Every assignment of `text`, in file order, with where its value is.
pub fn assignments(
    text: &str,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<Assignment>, ParseError> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    let mut found = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    // Byte offset of each char (and of the end).
    let at: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let mut i = 0;
    let mut line = 1;
    let err = |line: usize, reason: &str| ParseError {
        line,
        reason: reason.to_string(),
    };
    while i < chars.len() {
        // Skip blank space, whole-line comments.
        while i < chars.len() && matches!(chars[i], ' ' | '\t' | '\r') {
            i += 1;
        }
        if i >= chars.len() {
            break;
        }
        if chars[i] == '\n' {
            line += 1;
            i += 1;
            continue;
        }
        if chars[i] == '#' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        let start_line = line;
        // `export ` prefix.
        if chars[i..].starts_with(&['e', 'x', 'p', 'o', 'r', 't'])
            && chars.get(i + 6).is_some_and(|c| *c == ' ' || *c == '\t')
        {
            i += 6;
            while i < chars.len() && matches!(chars[i], ' ' | '\t') {
                i += 1;
            }
        }
        // Key: letters, digits, _ . - (python-dotenv allows more; these are
        // what an environment variable can be).
        let key_start = i;
        while i < chars.len() && (chars[i].is_alphanumeric() || matches!(chars[i], '_' | '.' | '-'))
        {
            i += 1;
        }
        let key: String = chars[key_start..i].iter().collect();
        if key.is_empty() {
            return Err(err(start_line, "expected KEY=VALUE"));
        }
        while i < chars.len() && matches!(chars[i], ' ' | '\t') {
            i += 1;
        }
        if i >= chars.len() || chars[i] == '\n' || chars[i] == '#' {
            // A bare key (python-dotenv: no value); nothing to set.
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if chars[i] != '=' {
            return Err(err(start_line, "expected = after the key"));
        }
        i += 1;
        while i < chars.len() && matches!(chars[i], ' ' | '\t') {
            i += 1;
        }
        let value_start = i;
        let mut value_end;
        let mut unresolved = false;
        let value = match chars.get(i) {
            Some('\'') => {
                i += 1;
                let mut v = String::new();
                loop {
                    match chars.get(i) {
                        None => {
                            return Err(err(start_line, "the single-quoted value is not closed"))
                        }
                        Some('\'') => break,
                        Some('\\') if matches!(chars.get(i + 1), Some('\'' | '\\')) => {
                            v.push(chars[i + 1]);
                            i += 2;
                        }
                        Some(c) => {
                            if *c == '\n' {
                                line += 1;
                            }
                            v.push(*c);
                            i += 1;
                        }
                    }
                }
                i += 1;
                value_end = i;
                v
            }
            Some('"') => {
                i += 1;
                let mut v = String::new();
                loop {
                    match chars.get(i) {
                        None => {
                            return Err(err(start_line, "the double-quoted value is not closed"))
                        }
                        Some('"') => break,
                        Some('\\') => {
                            let Some(next) = chars.get(i + 1) else {
                                return Err(err(
                                    start_line,
                                    "the double-quoted value is not closed",
                                ));
                            };
                            v.push(match next {
                                'n' => '\n',
                                't' => '\t',
                                'r' => '\r',
                                '0' => '\0',
                                c => *c,
                            });
                            if *next != '\\'
                                && !matches!(next, 'n' | 't' | 'r' | '0' | '"' | '\'' | '$')
                            {
                                // An unknown escape keeps its backslash.
                                v.insert(v.len() - next.len_utf8(), '\\');
                            }
                            if *next == '\n' {
                                line += 1;
                            }
                            i += 2;
                        }
                        Some(c) => {
                            if *c == '\n' {
                                line += 1;
                            }
                            v.push(*c);
                            i += 1;
                        }
                    }
                }
                i += 1;
                value_end = i;
                let (v, missing) =
                    expand(&v, &out, lookup).map_err(|reason| err(start_line, &reason))?;
                unresolved = missing;
                v
            }
            _ => {
                let s = i;
                while i < chars.len() && chars[i] != '\n' {
                    if chars[i] == '#' && i > s && matches!(chars[i - 1], ' ' | '\t') {
                        break;
                    }
                    i += 1;
                }
                value_end = i;
                while value_end > s && chars[value_end - 1].is_whitespace() {
                    value_end -= 1;
                }
                let raw: String = chars[s..value_end].iter().collect();
                let (v, missing) =
                    expand(raw.trim(), &out, lookup).map_err(|reason| err(start_line, &reason))?;
                unresolved = missing;
                v
            }
        };
        // After a quoted value: only whitespace or a comment may follow.
        while i < chars.len() && matches!(chars[i], ' ' | '\t' | '\r') {
            i += 1;
        }
        if i < chars.len() && chars[i] == '#' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        }
        if i < chars.len() && chars[i] != '\n' {
            return Err(err(line, "unexpected text after the closing quote"));
        }
        out.insert(key.clone(), value.clone());
        found.push(Assignment {
            key,
            value,
            span: at[value_start]..at[value_end],
            unresolved,
        });
    }
    Ok(found)
}

/// Expand `${NAME}` and `${NAME:-default}`; the result may not pass
/// MAX_VALUE. Also says whether a reference named a variable that has no
/// value here.
fn expand(
    value: &str,
    defined: &BTreeMap<String, String>,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Result<(String, bool), String> {
    let mut out = String::new();
    let mut unresolved = false;
    let mut rest = value;
    while let Some(at) = rest.find("${") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[at..]);
            rest = "";
            break;
        };
        let inner = &after[..close];
        let (name, default) = match inner.split_once(":-") {
            Some((n, d)) => (n, Some(d)),
            None => (inner, None),
        };
        let found = defined.get(name).cloned().or_else(|| lookup(name));
        // Unknown here, default or not: the value is set elsewhere.
        unresolved |= found.is_none();
        out.push_str(&found.or(default.map(str::to_string)).unwrap_or_default());
        if out.len() > MAX_VALUE {
            return Err(format!(
                "the value grows past {MAX_VALUE} bytes when ${{…}} references are expanded"
            ));
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    if out.len() > MAX_VALUE {
        return Err(format!("the value is longer than {MAX_VALUE} bytes"));
    }
    Ok((out, unresolved))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> BTreeMap<String, String> {
        parse(text, &|n| (n == "HOME").then(|| "/home/x".to_string())).unwrap()
    }

    #[test]
    fn python_dotenv_forms() {
        let m = parse_ok(
            "# comment\n\nA=1\nexport B = two words  # note\nC='lit ${A} $A \\' x'\nD=\"x\\ny ${A} $A \\\"q\\\"\"\nE=${HOME}/d\nF=${NOPE:-dflt}\nG=pa$$word\nH=\nI=a#b\n",
        );
        assert_eq!(m["A"], "1");
        assert_eq!(m["B"], "two words");
        assert_eq!(m["C"], "lit ${A} $A ' x");
        assert_eq!(m["D"], "x\ny 1 $A \"q\"");
        assert_eq!(m["E"], "/home/x/d");
        assert_eq!(m["F"], "dflt");
        assert_eq!(
            m["G"], "pa$$word",
            "$NAME without braces is literal, as in python-dotenv"
        );
        assert_eq!(m["H"], "");
        assert_eq!(m["I"], "a#b");
    }

    #[test]
    fn multi_line_pem_values() {
        let pem = "-----BEGIN PRIVATE KEY-----\nMIIB\nabc=\n-----END PRIVATE KEY-----";
        let m = parse_ok(&format!("K=\"{pem}\"\nNEXT=1\n"));
        assert_eq!(m["K"], pem);
        assert_eq!(m["NEXT"], "1");
    }

    #[test]
    fn errors_name_the_right_line() {
        let cases = [
            ("A=1\nB=2\nthis is not valid\n", 3),
            ("A=bad line\nbad line\n", 2),
            ("A=\"multi\nline\"\n=x\n", 3),
            ("A='open\n", 1),
            ("A=\"x\" trailing\n", 1),
        ];
        for (text, line) in cases {
            let e = parse(text, &|_| None).unwrap_err();
            assert_eq!(e.line, line, "{text:?}: {e:?}");
        }
    }

    #[test]
    fn assignments_say_where_each_value_is() {
        let text = "A=1 # note\nexport\tB = 'two'  \nC=\"x\nD=inside\"\nE=\nF=${VAULT}\né=ü\nG=${NOPE:-}\n";
        let found = assignments(text, &|_| None).unwrap();
        let shown: Vec<(&str, &str, bool)> = found
            .iter()
            .map(|a| (a.key.as_str(), &text[a.span.clone()], a.unresolved))
            .collect();
        assert_eq!(
            shown,
            [
                ("A", "1", false),
                ("B", "'two'", false),
                ("C", "\"x\nD=inside\"", false),
                ("E", "", false),
                ("F", "${VAULT}", true),
                ("é", "ü", false),
                ("G", "${NOPE:-}", true),
            ]
        );
        assert!(!found.iter().any(|a| a.key == "D"), "D is inside C's value");
    }

    #[test]
    fn expansion_is_bounded() {
        let mut text = "A=xxxxxxxx\n".to_string();
        for _ in 0..40 {
            text.push_str("A=${A}${A}\n");
        }
        let e = parse(&text, &|_| None).unwrap_err();
        assert!(e.reason.contains("grows past"), "{e:?}");
        let wide = format!("A=xxxxxxxxxxxxxxxx\nB={}\n", "${A}".repeat(10_000));
        assert!(parse(&wide, &|_| None).is_err());
    }
}
