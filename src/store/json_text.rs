//! Rewriting the string values of a JSON document in place, as text.
//!
//! Invariants: a document is either fully understood or refused with the
//! byte offset and reason — never partly rewritten; every byte outside a
//! replaced string value (numbers of any size, key order, whitespace,
//! escapes, Python's `NaN`/`Infinity`) comes back identical; object keys
//! are never offered for rewriting. Nesting is capped so no input can
//! exhaust the stack.

/// Why a document was refused, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonTextError {
    /// Byte offset of the problem.
    pub offset: usize,
    /// What was wrong there.
    pub reason: &'static str,
}

impl std::fmt::Display for JsonTextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at byte {}", self.reason, self.offset)
    }
}

/// Deeper nesting than this is refused (Python's own limit is about 1000).
pub const MAX_DEPTH: usize = 512;

/// Offer every string value of `text` to `replace`; where it answers
/// `Some(new)`, the string literal is replaced by `new` as a JSON string
/// and nothing else changes. Returns `Ok(None)` when nothing was replaced.
/// `replace` errors (`E`) stop the walk and are returned as they are.
pub fn rewrite_strings<E>(
    text: &str,
    replace: &mut dyn FnMut(&str) -> Result<Option<String>, E>,
) -> Result<Result<Option<String>, E>, JsonTextError> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
        spans: Vec::new(),
    };
    p.ws();
    p.value(0)?;
    p.ws();
    if p.i != p.s.len() {
        return Err(p.err("unexpected text after the JSON value"));
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut changed = false;
    for (start, end, value) in p.spans {
        let Some(value) = value else { continue };
        match replace(&value) {
            Err(e) => return Ok(Err(e)),
            Ok(None) => {}
            Ok(Some(new)) => {
                out.push_str(&text[last..start]);
                out.push_str(&quote(&new));
                last = end;
                changed = true;
            }
        }
    }
    if !changed {
        return Ok(Ok(None));
    }
    out.push_str(&text[last..]);
    Ok(Ok(Some(out)))
}

/// `s` as a JSON string literal (only `"`, `\` and controls escaped).
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    /// String values: byte span of the literal (quotes included) and its
    /// decoded text (`None` when it holds a lone surrogate, as Python allows).
    spans: Vec<(usize, usize, Option<String>)>,
}

impl Parser<'_> {
    fn err(&self, reason: &'static str) -> JsonTextError {
        JsonTextError {
            offset: self.i,
            reason,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn literal(&mut self, word: &[u8]) -> Result<(), JsonTextError> {
        if self.s[self.i..].starts_with(word) {
            self.i += word.len();
            Ok(())
        } else {
            Err(self.err("invalid literal"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<(), JsonTextError> {
        if depth > MAX_DEPTH {
            return Err(self.err("nesting too deep"));
        }
        match self.peek() {
            None => Err(self.err("unexpected end of the document")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => {
                let start = self.i;
                let decoded = self.string()?;
                self.spans.push((start, self.i, decoded));
                Ok(())
            }
            Some(b't') => self.literal(b"true"),
            Some(b'f') => self.literal(b"false"),
            Some(b'n') => self.literal(b"null"),
            // Python's json module writes these for float('nan'), ±inf.
            Some(b'N') => self.literal(b"NaN"),
            Some(b'I') => self.literal(b"Infinity"),
            Some(b'-') if self.s[self.i..].starts_with(b"-Infinity") => self.literal(b"-Infinity"),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.err("unexpected character")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<(), JsonTextError> {
        self.i += 1;
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(());
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return Err(self.err("expected a string key"));
            }
            self.string()?;
            self.ws();
            if self.peek() != Some(b':') {
                return Err(self.err("expected ':'"));
            }
            self.i += 1;
            self.ws();
            self.value(depth + 1)?;
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(());
                }
                _ => return Err(self.err("expected ',' or '}'")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<(), JsonTextError> {
        self.i += 1;
        self.ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(());
        }
        loop {
            self.ws();
            self.value(depth + 1)?;
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(());
                }
                _ => return Err(self.err("expected ',' or ']'")),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<(), JsonTextError> {
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.err("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return Err(self.err("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err(self.err("invalid number"));
            }
        }
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, JsonTextError> {
        let digits = self
            .s
            .get(self.i..self.i + 4)
            .ok_or_else(|| self.err("truncated \\u escape"))?;
        let text = std::str::from_utf8(digits).map_err(|_| self.err("invalid \\u escape"))?;
        if !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.err("invalid \\u escape"));
        }
        let v = u32::from_str_radix(text, 16).map_err(|_| self.err("invalid \\u escape"))?;
        self.i += 4;
        Ok(v)
    }

    /// A string literal at `self.i`; its decoded text, `None` if it holds
    /// a lone surrogate (valid for Python, not a Rust string).
    fn string(&mut self) -> Result<Option<String>, JsonTextError> {
        self.i += 1;
        let mut out = String::new();
        let mut whole = true;
        loop {
            let Some(b) = self.peek() else {
                return Err(self.err("unterminated string"));
            };
            match b {
                b'"' => {
                    self.i += 1;
                    return Ok(whole.then_some(out));
                }
                b'\\' => {
                    self.i += 1;
                    let Some(e) = self.peek() else {
                        return Err(self.err("unterminated string"));
                    };
                    self.i += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi)
                                && self.s[self.i..].starts_with(b"\\u")
                            {
                                let save = self.i;
                                self.i += 2;
                                let lo = self.hex4()?;
                                if (0xDC00..0xE000).contains(&lo) {
                                    Some(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                                } else {
                                    self.i = save;
                                    None
                                }
                            } else {
                                Some(hi)
                            };
                            match code.and_then(char::from_u32) {
                                Some(c) => out.push(c),
                                None => whole = false,
                            }
                        }
                        _ => {
                            self.i -= 1;
                            return Err(self.err("invalid escape"));
                        }
                    }
                }
                0x00..=0x1f => return Err(self.err("control character in a string")),
                _ => {
                    // Copy one UTF-8 character (the input is a &str).
                    let rest = &self.s[self.i..];
                    let len = match b {
                        0x00..=0x7f => 1,
                        0xc0..=0xdf => 2,
                        0xe0..=0xef => 3,
                        _ => 4,
                    };
                    let chunk = rest.get(..len).ok_or_else(|| self.err("invalid UTF-8"))?;
                    let ch = std::str::from_utf8(chunk).map_err(|_| self.err("invalid UTF-8"))?;
                    out.push_str(ch);
                    self.i += len;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upper_fernet(text: &str) -> Result<Option<String>, JsonTextError> {
        rewrite_strings::<()>(text, &mut |s| {
            Ok(s.starts_with("gAAAAA").then(|| format!("NEW{s}")))
        })
        .map(|r| r.unwrap())
    }

    #[test]
    fn only_the_encrypted_strings_change() {
        let doc = r#"{"z": 123456789012345678901234567890, "a": {"k": "gAAAAAx", "n": NaN},
  "l": [Infinity, -Infinity, 1.5e300, "plain", "gAAAAAy"], "gAAAAAkey": "v"}"#;
        let out = upper_fernet(doc).unwrap().unwrap();
        assert_eq!(
            out,
            doc.replace("\"gAAAAAx\"", "\"NEWgAAAAAx\"")
                .replace("\"gAAAAAy\"", "\"NEWgAAAAAy\"")
        );
        // Keys are never rewritten; a document without tokens is untouched.
        assert_eq!(upper_fernet(r#"{"gAAAAA": 1}"#).unwrap(), None);
    }

    #[test]
    fn escaped_strings_are_decoded_before_they_are_judged() {
        let out = upper_fernet(r#"["\u0067AAAAAz", "\ud800", "\ud83d\ude00"]"#).unwrap();
        assert_eq!(out.unwrap(), r#"["NEWgAAAAAz", "\ud800", "\ud83d\ude00"]"#);
    }

    #[test]
    fn anything_else_is_refused_with_its_offset() {
        for (bad, offset) in [
            ("", 0),
            ("{", 1),
            ("{\"a\" 1}", 5),
            ("[1,]", 3),
            ("nan", 0),
            ("01", 1),
            ("\"a\nb\"", 2),
            ("\"\\x\"", 2),
            ("[1] x", 4),
            ("-", 1),
            ("1.", 2),
        ] {
            let err = upper_fernet(bad).unwrap_err();
            assert_eq!(err.offset, offset, "{bad:?}: {err}");
        }
        let deep = "[".repeat(MAX_DEPTH + 2);
        assert_eq!(upper_fernet(&deep).unwrap_err().reason, "nesting too deep");
    }

    #[test]
    fn agrees_with_serde_json_on_what_is_json() {
        for doc in [
            "{}",
            "[]",
            "0",
            "-0.0e-1",
            r#"{"a":[true,false,null,"x\"y\\"]}"#,
            " \t\n1\r\n",
        ] {
            assert!(serde_json::from_str::<serde_json::Value>(doc).is_ok());
            assert_eq!(upper_fernet(doc).unwrap(), None, "{doc}");
        }
    }

    #[test]
    fn replacement_errors_pass_through() {
        let r = rewrite_strings(r#"["gAAAAA1"]"#, &mut |_| Err::<Option<String>, _>("boom"));
        assert_eq!(r.unwrap(), Err("boom"));
    }
}
