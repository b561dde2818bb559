//! LibreChat's durations: `SESSION_EXPIRY=1000 * 60 * 15`, milliseconds
//! written as arithmetic. LibreChat (v0.8.5, `packages/api/src/utils/
//! math.ts`) lets through only digits, `.`, whitespace and `+ - * / % ( )`
//! and evaluates the text with mathjs 15; when the text has another
//! character, does not parse, or gives no number, it silently uses the
//! default (15 minutes, 7 days).
//!
//! This evaluates the part of that language whose meaning is plain —
//! decimal numbers, `+ - * /`, signs and parentheses, in IEEE doubles as
//! mathjs computes — and says which of three things LibreChat does with a
//! text: uses a number, falls back to the default, or (for mathjs's own
//! readings of `%` as percent or modulo, and of `2(3)` as a product, which
//! authctl does not reproduce) something authctl does not claim to know.

/// What LibreChat makes of a duration's text.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// It evaluates to this number (which may be negative, infinite or
    /// NaN: LibreChat uses it all the same).
    Number(f64),
    /// LibreChat ignores it and uses its default, for this reason.
    Fallback(String),
    /// A form whose mathjs reading authctl does not reproduce.
    Unknown(String),
}

/// The characters LibreChat's `math` lets through to mathjs.
fn allowed(c: char) -> bool {
    c.is_ascii_digit() || c.is_whitespace() || "+-.*/%()".contains(c)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok {
    Num(f64),
    Op(u8),
}

/// Why evaluation stopped: LibreChat's fallback, or a form not evaluated.
enum Stop {
    Fallback(String),
    Unknown(String),
}

fn lex(text: &str) -> Result<Vec<(usize, Tok)>, Stop> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b' ' | b'\t' | b'\r' => i += 1,
            b'\n' => {
                return Err(Stop::Fallback(
                    "it spans several lines, which mathjs reads as several results".into(),
                ))
            }
            b'0'..=b'9' | b'.' => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
                    i += 1;
                }
                let lit = &text[start..i];
                let n = (lit.matches('.').count() <= 1 && lit != ".")
                    .then(|| lit.parse::<f64>().ok())
                    .flatten()
                    .ok_or_else(|| {
                        Stop::Fallback(format!(
                            "\"{lit}\" at character {} is not a number",
                            start + 1
                        ))
                    })?;
                out.push((start, Tok::Num(n)));
            }
            b'%' => {
                return Err(Stop::Unknown(format!(
                    "\"%\" at character {}, which mathjs reads as percent or modulo",
                    i + 1
                )))
            }
            b'+' | b'-' | b'*' | b'/' | b'(' | b')' => {
                out.push((i, Tok::Op(c)));
                i += 1;
            }
            _ => {
                // Other whitespace: allowed by LibreChat, but not plain.
                let ch = text[i..].chars().next().unwrap_or('?');
                return Err(Stop::Unknown(format!(
                    "the character U+{:04X} at character {}",
                    ch as u32,
                    i + 1
                )));
            }
        }
    }
    Ok(out)
}

/// How deep mathjs is known to read. It parses recursively, through every
/// sign and parenthesis on the way to a number: in Node 20 with its
/// default stack it read 200 nested parentheses and 1,000 signs, and ran
/// out of stack (so LibreChat fell back to its default) at 300 and 2,000.
/// A parenthesis costs mathjs about five signs' worth of stack, so the
/// nesting along a path is counted in signs, a parenthesis as
/// [`PAREN_COST`]; past [`MAX_DEPTH`] the outcome depends on the stack of
/// the Node process, and authctl does not claim to know it. The cap also
/// keeps authctl's own stack bounded.
pub const MAX_DEPTH: usize = 1000;
/// See [`MAX_DEPTH`].
pub const PAREN_COST: usize = 5;
/// The parentheses [`MAX_DEPTH`] allows alone.
pub const MAX_PARENS: usize = MAX_DEPTH / PAREN_COST;
/// The signs [`MAX_DEPTH`] allows alone.
pub const MAX_SIGNS: usize = MAX_DEPTH;

struct Parser {
    toks: Vec<(usize, Tok)>,
    at: usize,
    /// The nesting around the current position, in signs (see
    /// [`MAX_DEPTH`]).
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<Tok> {
        self.toks.get(self.at).map(|t| t.1)
    }

    fn here(&self) -> String {
        match self.toks.get(self.at) {
            Some((pos, Tok::Num(_))) => format!("the number at character {}", pos + 1),
            Some((pos, Tok::Op(op))) => format!("\"{}\" at character {}", *op as char, pos + 1),
            None => "the end".to_string(),
        }
    }

    fn unexpected(&self) -> Stop {
        Stop::Fallback(format!("mathjs cannot parse {}", self.here()))
    }

    fn sum(&mut self) -> Result<f64, Stop> {
        let mut v = self.product()?;
        while let Some(Tok::Op(op @ (b'+' | b'-'))) = self.peek() {
            self.at += 1;
            let r = self.product()?;
            v = if op == b'+' { v + r } else { v - r };
        }
        Ok(v)
    }

    fn product(&mut self) -> Result<f64, Stop> {
        let mut v = self.unary()?;
        while let Some(Tok::Op(op @ (b'*' | b'/'))) = self.peek() {
            self.at += 1;
            let r = self.unary()?;
            v = if op == b'*' { v * r } else { v / r };
        }
        Ok(v)
    }

    /// Go `cost` deeper, or stop past what mathjs is known to read.
    fn nest(&mut self, cost: usize) -> Result<(), Stop> {
        self.depth += cost;
        if self.depth > MAX_DEPTH {
            return Err(too_deep(format!(
                "nesting deeper than mathjs is known to read ({MAX_PARENS} parentheses, {MAX_SIGNS} signs)"
            )));
        }
        Ok(())
    }

    fn unary(&mut self) -> Result<f64, Stop> {
        // Signs are counted, not recursed over: `-` an odd number of times
        // negates, `+` does nothing, as mathjs evaluates them.
        let start = self.at;
        let mut negate = false;
        while let Some(Tok::Op(op @ (b'-' | b'+'))) = self.peek() {
            negate ^= op == b'-';
            self.at += 1;
        }
        let signs = self.at - start;
        self.nest(signs)?;
        let v = self.primary()?;
        self.depth -= signs;
        Ok(if negate { -v } else { v })
    }

    fn primary(&mut self) -> Result<f64, Stop> {
        let v = match self.peek() {
            Some(Tok::Num(n)) => {
                self.at += 1;
                n
            }
            Some(Tok::Op(b'(')) => {
                self.at += 1;
                self.nest(PAREN_COST)?;
                let v = self.sum()?;
                self.depth -= PAREN_COST;
                if self.peek() != Some(Tok::Op(b')')) {
                    return Err(Stop::Fallback(format!(
                        "mathjs expects \")\" at {}",
                        self.here()
                    )));
                }
                self.at += 1;
                v
            }
            _ => return Err(self.unexpected()),
        };
        // A number right after a number is refused by mathjs; one next to
        // a parenthesis is its implicit multiplication.
        let was_number = matches!(self.toks.get(self.at - 1), Some((_, Tok::Num(_))));
        match self.peek() {
            Some(Tok::Num(_)) if was_number => Err(self.unexpected()),
            Some(Tok::Num(_)) | Some(Tok::Op(b'(')) => Err(Stop::Unknown(format!(
                "{}, which mathjs multiplies with what stands before it",
                self.here()
            ))),
            _ => Ok(v),
        }
    }
}

fn too_deep(what: String) -> Stop {
    Stop::Unknown(format!(
        "{what}, where the outcome depends on Node's stack (out of it, LibreChat takes its default)"
    ))
}

/// `text` for a message: as it is when short, else its start and length.
pub fn shown(text: &str) -> String {
    const MAX: usize = 60;
    if text.len() <= MAX {
        return text.to_string();
    }
    let mut end = MAX;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes)", &text[..end], text.len())
}

/// What LibreChat makes of `text`.
pub fn read(text: &str) -> Reading {
    if text.is_empty() || !text.chars().all(allowed) {
        let why = match text.chars().find(|c| !allowed(*c)) {
            Some(c) => format!("it holds \"{c}\", which LibreChat does not evaluate"),
            None => "it is empty".to_string(),
        };
        return Reading::Fallback(why);
    }
    let toks = match lex(text) {
        Ok(t) => t,
        Err(Stop::Fallback(why)) => return Reading::Fallback(why),
        Err(Stop::Unknown(why)) => return Reading::Unknown(why),
    };
    if toks.is_empty() {
        return Reading::Fallback("it holds no number".into());
    }
    let mut p = Parser {
        toks,
        at: 0,
        depth: 0,
    };
    let v = p.sum().and_then(|v| {
        if p.at == p.toks.len() {
            Ok(v)
        } else {
            Err(p.unexpected())
        }
    });
    match v {
        Ok(v) => Reading::Number(v),
        Err(Stop::Fallback(why)) => Reading::Fallback(why),
        Err(Stop::Unknown(why)) => Reading::Unknown(why),
    }
}

/// A number of milliseconds as whole seconds, or why LibreChat cannot use
/// it as a lifetime.
pub fn seconds(ms: f64) -> Result<u64, String> {
    if ms.is_nan() || ms.is_infinite() {
        return Err(format!(
            "it comes to {ms}, which jsonwebtoken refuses as a lifetime, so logins fail"
        ));
    }
    if ms < 1000.0 {
        return Err(format!(
            "it comes to {ms} milliseconds, so every token expires as it is issued"
        ));
    }
    let secs = (ms / 1000.0).floor();
    if secs > crate::token::MAX_TTL_SECS as f64 {
        return Err(format!("it comes to {ms} milliseconds, over 100 years"));
    }
    Ok(secs as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(text: &str) -> f64 {
        match read(text) {
            Reading::Number(v) => v,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn librechat_documented_values() {
        assert_eq!(n("1000 * 60 * 15"), 900_000.0);
        assert_eq!(n("(1000 * 60 * 60 * 24) * 7"), 604_800_000.0);
        assert_eq!(seconds(n("900000")), Ok(900));
    }

    // Each value here is what mathjs 15.2 gave for the same text.
    #[test]
    fn mathjs_readings() {
        assert_eq!(n("010"), 10.0);
        assert_eq!(n(".5 + 5."), 5.5);
        assert_eq!(n("--1"), 1.0);
        assert_eq!(n("3 - - - 3"), 0.0);
        assert_eq!(n("2*-3"), -6.0);
        assert_eq!(n("1 + 2 * 3"), 7.0);
        assert_eq!(n("0.1+0.2"), 0.30000000000000004);
        assert_eq!(n("1/0"), f64::INFINITY);
        assert!(n("0/0").is_nan());
        for fallback in [
            "", "  ", "15m", "1e3", "2 ** 3", "2 3", "1.2.3", "()", "3 * (4", "900000\n",
        ] {
            assert!(
                matches!(read(fallback), Reading::Fallback(_)),
                "{fallback:?}"
            );
        }
        for unknown in ["10%", "7 % 4", "2(3)", "(1+2)3", "(2)(3)"] {
            assert!(matches!(read(unknown), Reading::Unknown(_)), "{unknown:?}");
        }
    }

    #[test]
    fn nesting_is_capped_not_recursed() {
        let parens = |d: usize| format!("{}1{}", "(".repeat(d), ")".repeat(d));
        assert_eq!(n(&parens(MAX_PARENS)), 1.0);
        assert_eq!(n(&("-".repeat(MAX_SIGNS) + "1")), 1.0);
        assert_eq!(n(&("-".repeat(MAX_SIGNS - 1) + "1")), -1.0);
        // Mixed along one path: each run of signs is short, the sum is not.
        let mixed = format!("{}(", "-".repeat(998)).repeat(3) + "3600000" + ")))";
        for deep in [
            parens(MAX_PARENS + 1),
            parens(30_000),
            "-".repeat(30_001) + "1",
            mixed,
        ] {
            match read(&deep) {
                Reading::Unknown(why) => assert!(why.contains("stack"), "{why}"),
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(
            shown(&"(".repeat(100)).len(),
            60 + " (100 bytes)".len() + "…".len()
        );
    }

    #[test]
    fn lifetimes_librechat_cannot_use() {
        assert!(seconds(f64::INFINITY).is_err());
        assert!(seconds(f64::NAN).is_err());
        assert!(seconds(-1000.0).is_err());
        assert!(seconds(999.0).is_err());
        assert_eq!(seconds(1500.0), Ok(1));
    }
}
