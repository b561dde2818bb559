//! The provisioning file as a tree of values with their line numbers, read
//! from YAML (1.2, core schema) or JSON.
//!
//! Invariants: one document; mapping keys are strings and appear once;
//! anchors, aliases and tags other than the core ones are refused (a file
//! of accounts has no use for them, and an alias can multiply its size);
//! every node knows the line it starts on, so an error names it; nesting
//! is capped at [`MAX_DEPTH`], so no file can exhaust the stack.

use saphyr_parser::{Event, Parser, ScalarStyle};

/// Deeper nesting than this is refused. The deepest value a provisioning
/// file has is four levels down (`users[0].password_file`); the cap leaves
/// room for any layout of it and none for a stack-exhausting file.
pub const MAX_DEPTH: usize = 64;

/// A value in the file.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A number, as written.
    Number(String),
    Str(String),
    Seq(Vec<Node>),
    /// Keys in file order, each with the line it is on.
    Map(Vec<(String, usize, Node)>),
}

/// A value and the line (1-based) it starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub line: usize,
}

impl Node {
    /// What kind of value this is, for messages.
    pub fn kind(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::Str(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

/// The formats a file can be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Json,
}

/// A syntax error: the line and what is wrong.
#[derive(Debug)]
pub struct SyntaxError {
    pub line: usize,
    pub message: String,
}

/// Read `text` as `format`.
pub fn parse(text: &str, format: Format) -> Result<Node, SyntaxError> {
    if format == Format::Json {
        // JSON's own reader first: its messages are the ones a JSON author
        // expects, and it refuses what YAML would accept (comments,
        // unquoted strings).
        if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
            return Err(SyntaxError {
                line: e.line().max(1),
                message: format!("not valid JSON: {e}"),
            });
        }
    }
    let mut events = Vec::new();
    for item in Parser::new_from_str(text) {
        match item {
            Ok((event, span)) => events.push((event, span.start.line())),
            Err(e) => {
                // The parser caps flow nesting ([[[…) itself.
                let message = if e.info().contains("recursion limit") {
                    too_deep()
                } else {
                    format!("not valid YAML: {}", e.info())
                };
                return Err(SyntaxError {
                    line: e.marker().line().max(1),
                    message,
                });
            }
        }
    }
    let mut reader = Reader {
        events: events.into_iter().peekable(),
    };
    reader.document()
}

type Events<'a> = std::iter::Peekable<std::vec::IntoIter<(Event<'a>, usize)>>;

struct Reader<'a> {
    events: Events<'a>,
}

fn err(line: usize, message: impl Into<String>) -> SyntaxError {
    SyntaxError {
        line,
        message: one_line(message.into()),
    }
}

/// A message that quotes the file (a key, a name) as one line: control
/// characters in what it quotes are written as escapes (`\n`, `\u{4}`).
pub(crate) fn one_line(message: String) -> String {
    if !message.chars().any(char::is_control) {
        return message;
    }
    message
        .chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

impl Reader<'_> {
    fn document(&mut self) -> Result<Node, SyntaxError> {
        let mut root = None;
        let mut last_line = 1;
        while let Some((event, line)) = self.events.next() {
            last_line = line;
            match event {
                Event::StreamStart | Event::DocumentEnd | Event::Nothing => {}
                Event::StreamEnd => break,
                Event::DocumentStart(_) => {
                    if root.is_some() {
                        return Err(err(
                            line,
                            "the file holds more than one YAML document; keep one",
                        ));
                    }
                    root = Some(self.node(0)?);
                }
                _ => return Err(err(line, "unexpected content outside the document")),
            }
        }
        Ok(root.unwrap_or(Node {
            value: Value::Null,
            line: last_line,
        }))
    }

    fn node(&mut self, depth: usize) -> Result<Node, SyntaxError> {
        let Some((event, line)) = self.events.next() else {
            return Err(err(1, "the file ends in the middle of a value"));
        };
        if depth > MAX_DEPTH && matches!(event, Event::SequenceStart(..) | Event::MappingStart(..))
        {
            return Err(err(line, too_deep()));
        }
        let no_anchor = |anchor: usize| {
            if anchor == 0 {
                Ok(())
            } else {
                Err(err(
                    line,
                    "anchors and aliases (&name, *name) are not accepted; write each value out",
                ))
            }
        };
        let value = match event {
            Event::Alias(_) => {
                return Err(err(
                    line,
                    "anchors and aliases (&name, *name) are not accepted; write each value out",
                ))
            }
            Event::Scalar(text, style, anchor, tag) => {
                no_anchor(anchor)?;
                let tag = tag.map(|t| t.to_string());
                scalar(&text, style, tag.as_deref()).map_err(|m| err(line, m))?
            }
            Event::SequenceStart(anchor, tag) => {
                no_anchor(anchor)?;
                refuse_tag(tag.map(|t| t.to_string()).as_deref(), "seq")
                    .map_err(|m| err(line, m))?;
                let mut items = Vec::new();
                loop {
                    if matches!(self.events.peek(), Some((Event::SequenceEnd, _))) {
                        self.events.next();
                        break;
                    }
                    items.push(self.node(depth + 1)?);
                }
                Value::Seq(items)
            }
            Event::MappingStart(anchor, tag) => {
                no_anchor(anchor)?;
                refuse_tag(tag.map(|t| t.to_string()).as_deref(), "map")
                    .map_err(|m| err(line, m))?;
                let mut entries: Vec<(String, usize, Node)> = Vec::new();
                loop {
                    if matches!(self.events.peek(), Some((Event::MappingEnd, _))) {
                        self.events.next();
                        break;
                    }
                    let key = self.node(depth + 1)?;
                    let name = match key.value {
                        Value::Str(s) => s,
                        Value::Number(s) => s,
                        Value::Bool(b) => b.to_string(),
                        _ => {
                            return Err(err(
                                key.line,
                                format!("a key must be a name, not {}", key.kind()),
                            ))
                        }
                    };
                    if entries.iter().any(|(k, _, _)| *k == name) {
                        return Err(err(
                            key.line,
                            format!("key \"{name}\" appears twice in one mapping; keep one"),
                        ));
                    }
                    let value = self.node(depth + 1)?;
                    entries.push((name, key.line, value));
                }
                Value::Map(entries)
            }
            _ => return Err(err(line, "unexpected YAML structure")),
        };
        Ok(Node { value, line })
    }
}

fn too_deep() -> String {
    format!("lists and mappings are nested more than {MAX_DEPTH} deep; a provisioning file needs four levels")
}

/// A tag on a collection must be the core one for its kind, or absent.
fn refuse_tag(tag: Option<&str>, kind: &str) -> Result<(), String> {
    match tag {
        None => Ok(()),
        Some(t) if t == format!("tag:yaml.org,2002:!{kind}") || t == format!("!!{kind}") => Ok(()),
        Some(t) => Err(format!("tag {t} is not accepted; remove it")),
    }
}

/// A scalar as the YAML 1.2 core schema reads it: quoted is a string;
/// plain is null, a boolean, a number or a string.
fn scalar(text: &str, style: ScalarStyle, tag: Option<&str>) -> Result<Value, String> {
    match tag {
        None => {}
        Some(t) if t.ends_with("!str") => return Ok(Value::Str(text.to_string())),
        Some(t) => return Err(format!("tag {t} is not accepted; remove it")),
    }
    if style != ScalarStyle::Plain {
        return Ok(Value::Str(text.to_string()));
    }
    Ok(match text {
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        t if is_number(t) => Value::Number(t.to_string()),
        t => Value::Str(t.to_string()),
    })
}

fn is_number(t: &str) -> bool {
    let body = t.strip_prefix(['-', '+']).unwrap_or(t);
    !body.is_empty()
        && (body.parse::<f64>().is_ok()
            && body
                .chars()
                .all(|c| c.is_ascii_digit() || ".eE+-".contains(c))
            || body.starts_with("0x")
                && body.len() > 2
                && body[2..].chars().all(|c| c.is_ascii_hexdigit())
            || body.starts_with("0o")
                && body.len() > 2
                && body[2..].chars().all(|c| ('0'..='7').contains(&c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(t: &str) -> Node {
        parse(t, Format::Yaml).unwrap()
    }

    #[test]
    fn reads_values_with_lines() {
        let n = yaml("users:\n  - name: admin\n    superuser: true\n    note: 'x'\n    n: 12\n");
        let Value::Map(top) = &n.value else { panic!() };
        let Value::Seq(users) = &top[0].2.value else {
            panic!()
        };
        assert_eq!(users[0].line, 2);
        let Value::Map(u) = &users[0].value else {
            panic!()
        };
        assert_eq!(
            u[0],
            (
                "name".into(),
                2,
                Node {
                    value: Value::Str("admin".into()),
                    line: 2
                }
            )
        );
        assert_eq!(u[1].2.value, Value::Bool(true));
        assert_eq!((u[1].1, u[2].2.value.clone()), (3, Value::Str("x".into())));
        assert_eq!(u[3].2.value, Value::Number("12".into()));
    }

    #[test]
    fn json_is_read_with_lines_too() {
        let n = parse(
            "{\n  \"users\": [\n    {\"name\": \"a\\u00e9\", \"active\": false}\n  ]\n}\n",
            Format::Json,
        )
        .unwrap();
        let Value::Map(top) = &n.value else { panic!() };
        let Value::Seq(users) = &top[0].2.value else {
            panic!()
        };
        let Value::Map(u) = &users[0].value else {
            panic!()
        };
        assert_eq!(u[0].2.value, Value::Str("aé".into()));
        assert_eq!((u[1].1, u[1].2.value.clone()), (3, Value::Bool(false)));
        let e = parse("{\"users\": [,]}", Format::Json).unwrap_err();
        assert!(e.message.contains("not valid JSON"), "{e:?}");
    }

    #[test]
    fn refuses_what_a_file_of_accounts_has_no_use_for() {
        for (text, says, line) in [
            ("a: 1\na: 2\n", "appears twice", 2),
            ("a: &x 1\nb: *x\n", "anchors", 1),
            ("a: !!binary aGk=\n", "tag", 1),
            ("a: 1\n---\nb: 2\n", "more than one", 2),
            ("a: [1\n", "not valid YAML", 2),
            ("? [a]\n: 1\n", "must be a name", 1),
        ] {
            let e = parse(text, Format::Yaml).unwrap_err();
            assert!(e.message.contains(says), "{text:?}: {e:?}");
            assert_eq!(e.line, line, "{text:?}: {e:?}");
        }
        assert_eq!(yaml("").value, Value::Null);
        // Nesting: the block form and the flow form, far past the cap,
        // are refused on the line where the cap is crossed.
        for deep in [
            "- ".repeat(30_000) + "x\n",
            "[".repeat(30_000) + &"]".repeat(30_000),
            "a:\n".to_string()
                + &(1..200)
                    .map(|i| format!("{}b:\n", " ".repeat(i)))
                    .collect::<String>(),
        ] {
            let e = parse(&deep, Format::Yaml).unwrap_err();
            assert!(e.message.contains("nested more than 64 deep"), "{e:?}");
        }
        let e = parse(&("[".repeat(30_000) + &"]".repeat(30_000)), Format::Json).unwrap_err();
        assert!(e.message.contains("nested more than 64 deep"), "{e:?}");
        // A key with a line break is quoted on one line.
        let e = parse("a: 1\na: 2\n\"b\\nc\": 1\n\"b\\nc\": 2\n", Format::Yaml).unwrap_err();
        assert_eq!(e.line, 2);
        let e = parse("\"b\\nc\": 1\n\"b\\nc\": 2\n", Format::Yaml).unwrap_err();
        assert_eq!(
            e.message,
            "key \"b\\nc\" appears twice in one mapping; keep one"
        );
        let ok = "- ".repeat(MAX_DEPTH) + "x\n";
        assert!(parse(&ok, Format::Yaml).is_ok());
        assert_eq!(yaml("yes").value, Value::Str("yes".into()));
        assert_eq!(yaml("'true'").value, Value::Str("true".into()));
    }
}
