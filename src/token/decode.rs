//! Reading a compact JWS without trusting it: split, base64url-decode, parse JSON.
//!
//! Never panics and never does unbounded work: input over [`MAX_TOKEN_BYTES`] is
//! refused before anything else, JSON nesting is capped by serde_json's recursion
//! limit, and every refusal is a one-line usage error naming the part and the cause.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde::Serialize;
use serde_json::Value;

use crate::error::{Error, Result};

/// The largest token input accepted (64 KiB), counted before trimming.
pub const MAX_TOKEN_BYTES: usize = 64 * 1024;

/// A token taken apart, not verified.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decoded {
    /// The JOSE header (a JSON object with a string `alg`).
    pub header: Value,
    /// The claims (a JSON object).
    pub claims: Value,
    /// The header's `alg`, as written.
    pub alg: String,
    /// The header's `kid`, when it is a string.
    pub kid: Option<String>,
    /// The decoded signature bytes (empty for an unsigned token).
    #[serde(skip)]
    pub signature: Vec<u8>,
    /// Length of `header.payload`, the bytes the signature covers.
    pub signing_input_len: usize,
    /// The token as it was read: trimmed, without a `Bearer ` prefix.
    #[serde(skip)]
    pub compact: String,
}

impl Decoded {
    /// The bytes the signature covers (`header.payload`).
    pub fn signing_input(&self) -> &str {
        self.compact
            .get(..self.signing_input_len)
            .unwrap_or_default()
    }
}

/// Take a token apart without checking its signature. Accepts surrounding whitespace
/// and a `Bearer ` prefix (any case).
pub fn decode_unverified(input: &str) -> Result<Decoded> {
    let segments = split(input)?;
    let header = decode_object(Part::Header, segments.header)?;
    let claims = decode_object(Part::Payload, segments.payload)?;
    let signature = decode_b64(Part::Signature, segments.signature)?;
    let alg = header_alg(&header)?.to_string();
    let kid = header
        .get("kid")
        .and_then(Value::as_str)
        .map(str::to_string);
    Ok(Decoded {
        header,
        claims,
        alg,
        kid,
        signature,
        signing_input_len: segments.header.len() + 1 + segments.payload.len(),
        compact: segments.compact.to_string(),
    })
}

/// Which part of a token a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Header,
    Payload,
    Signature,
}

impl Part {
    fn name(self) -> &'static str {
        match self {
            Part::Header => "header",
            Part::Payload => "payload",
            Part::Signature => "signature",
        }
    }
}

/// The three base64url segments of a compact token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Segments<'a> {
    pub compact: &'a str,
    pub header: &'a str,
    pub payload: &'a str,
    pub signature: &'a str,
}

impl Segments<'_> {
    pub fn signing_input(&self) -> &str {
        self.compact
            .get(..self.header.len() + 1 + self.payload.len())
            .unwrap_or_default()
    }
}

/// Trim whitespace and an optional `Bearer ` prefix (any case). Does no other work.
pub(crate) fn normalize(input: &str) -> &str {
    let text = input.trim();
    match text.get(..6) {
        Some(prefix) if prefix.eq_ignore_ascii_case("bearer") => {
            let rest = text.get(6..).unwrap_or_default();
            if rest.is_empty() || rest.starts_with(char::is_whitespace) {
                rest.trim_start()
            } else {
                text
            }
        }
        _ => text,
    }
}

/// Size check, normalization and the dot split; no decoding.
pub(crate) fn split(input: &str) -> Result<Segments<'_>> {
    if input.len() > MAX_TOKEN_BYTES {
        return Err(Error::usage(format!(
            "token is {} bytes, over the {MAX_TOKEN_BYTES}-byte limit",
            input.len()
        )));
    }
    let compact = normalize(input);
    if compact.is_empty() {
        return Err(Error::usage("token is empty"));
    }
    let mut parts = compact.split('.');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(header), Some(payload), Some(signature)) if parts.next().is_none() => Ok(Segments {
            compact,
            header,
            payload,
            signature,
        }),
        _ => {
            let found = compact.split('.').count();
            let jwe = if found == 5 {
                ": this looks like an encrypted JWE, which authctl cannot read"
            } else {
                ""
            };
            Err(Error::usage(format!(
                "token is not a JWT: expected 3 dot-separated segments (header.payload.signature), found {found}{jwe}"
            )))
        }
    }
}

/// Decode one base64url segment, naming the part and the first bad character.
pub(crate) fn decode_b64(part: Part, text: &str) -> Result<Vec<u8>> {
    let name = part.name();
    if text.is_empty() && part != Part::Signature {
        return Err(Error::usage(format!("{name} is empty")));
    }
    if let Some((index, ch)) = text
        .chars()
        .enumerate()
        .find(|(_, ch)| !(ch.is_ascii_alphanumeric() || *ch == '-' || *ch == '_'))
    {
        let hint = match ch {
            '=' => " (padding is not allowed in a JWT)",
            '+' | '/' => " (standard base64; a JWT uses - and _)",
            c if c.is_whitespace() => " (whitespace inside the token)",
            _ => "",
        };
        return Err(Error::usage(format!(
            "{name} is not base64url: {ch:?} at character {} of the {name}{hint}",
            index + 1
        )));
    }
    if text.len() % 4 == 1 {
        return Err(Error::usage(format!(
            "{name} is not base64url: {} characters is not a possible length (truncated?)",
            text.len()
        )));
    }
    URL_SAFE_NO_PAD.decode(text).map_err(|e| {
        let why = match e {
            base64::DecodeError::InvalidLastSymbol(_, _) => {
                "its last character has stray bits (truncated or altered?)".to_string()
            }
            other => other.to_string(),
        };
        Error::usage(format!("{name} is not base64url: {why}"))
    })
}

/// Decode a segment that must hold a JSON object (header or payload).
pub(crate) fn decode_object(part: Part, text: &str) -> Result<Value> {
    let name = part.name();
    let bytes = decode_b64(part, text)?;
    let json = std::str::from_utf8(&bytes).map_err(|e| {
        Error::usage(format!(
            "{name} is not UTF-8 text (bad byte at offset {})",
            e.valid_up_to()
        ))
    })?;
    let value: Value =
        serde_json::from_str(json).map_err(|e| Error::usage(format!("{name} is not JSON: {e}")))?;
    if !value.is_object() {
        return Err(Error::usage(format!(
            "{name} is JSON but not an object (found {})",
            json_kind(&value)
        )));
    }
    Ok(value)
}

/// The header's `alg`, which every JWS must have.
pub(crate) fn header_alg(header: &Value) -> Result<&str> {
    match header.get("alg") {
        None => Err(Error::usage("header has no \"alg\"")),
        Some(Value::String(alg)) => Ok(alg),
        Some(other) => Err(Error::usage(format!(
            "header \"alg\" is not a string (found {})",
            json_kind(other)
        ))),
    }
}

pub(crate) fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn b64(bytes: &[u8]) -> String {
        URL_SAFE_NO_PAD.encode(bytes)
    }

    fn token(header: &str, payload: &str, signature: &[u8]) -> String {
        format!(
            "{}.{}.{}",
            b64(header.as_bytes()),
            b64(payload.as_bytes()),
            b64(signature)
        )
    }

    fn err(input: &str) -> String {
        let err = decode_unverified(input).unwrap_err();
        assert_eq!(err.exit_code(), 2, "{input:?}");
        let msg = err.to_string();
        assert!(!msg.contains('\n'), "{msg}");
        msg
    }

    #[test]
    fn decodes_header_claims_and_signature() {
        let tok = token(
            r#"{"alg":"RS256","typ":"JWT","kid":"k1"}"#,
            r#"{"sub":"alice","exp":1}"#,
            b"sig",
        );
        let decoded = decode_unverified(&tok).unwrap();
        assert_eq!(
            decoded.header,
            json!({"alg": "RS256", "typ": "JWT", "kid": "k1"})
        );
        assert_eq!(decoded.claims, json!({"sub": "alice", "exp": 1}));
        assert_eq!(decoded.alg, "RS256");
        assert_eq!(decoded.kid.as_deref(), Some("k1"));
        assert_eq!(decoded.signature, b"sig");
        assert_eq!(decoded.compact, tok);
        let (input, _) = tok.rsplit_once('.').unwrap();
        assert_eq!(decoded.signing_input(), input);
    }

    #[test]
    fn accepts_whitespace_and_a_bearer_prefix() {
        let tok = token(r#"{"alg":"HS256"}"#, "{}", b"s");
        for input in [
            format!("  {tok}\n"),
            format!("Bearer {tok}"),
            format!("bearer\t{tok}"),
            format!(" BEARER   {tok} \r\n"),
        ] {
            let decoded = decode_unverified(&input).unwrap();
            assert_eq!(decoded.compact, tok, "{input:?}");
        }
        // "Bearer" glued to the token is not a prefix.
        assert!(err(&format!("Bearer{tok}")).contains("header is not base64url"));
        assert_eq!(err("Bearer"), "token is empty");
        assert_eq!(err("  bearer  "), "token is empty");
    }

    #[test]
    fn unsigned_tokens_decode_with_an_empty_signature() {
        let tok = token(r#"{"alg":"none"}"#, r#"{"sub":"x"}"#, b"");
        assert!(tok.ends_with('.'));
        let decoded = decode_unverified(&tok).unwrap();
        assert_eq!(decoded.alg, "none");
        assert!(decoded.signature.is_empty());
    }

    #[test]
    fn errors_name_the_part_and_the_cause() {
        let h = b64(br#"{"alg":"HS256"}"#);
        let p = b64(br#"{"sub":"x"}"#);
        let cases: Vec<(String, &str)> = vec![
            ("".into(), "token is empty"),
            (" \n\t".into(), "token is empty"),
            (
                ".".into(),
                "expected 3 dot-separated segments (header.payload.signature), found 2",
            ),
            ("..".into(), "header is empty"),
            ("a.b".into(), "found 2"),
            ("abc".into(), "found 1"),
            ("a.b.c.d".into(), "found 4"),
            (
                "a.b.c.d.e".into(),
                "found 5: this looks like an encrypted JWE",
            ),
            (format!(".{p}.x"), "header is empty"),
            (format!("{h}..x"), "payload is empty"),
            (
                format!("{h}+.{p}.x"),
                "header is not base64url: '+' at character 21 of the header (standard base64",
            ),
            (
                format!("{h}.{p}=.x"),
                "payload is not base64url: '=' at character 16 of the payload (padding",
            ),
            (
                format!("{h}.{p}.ab/c"),
                "signature is not base64url: '/' at character 3 of the signature",
            ),
            (
                format!("{h}.{p} .x"),
                "payload is not base64url: ' ' at character 16 of the payload (whitespace",
            ),
            (
                format!("{h}.{p}.é"),
                "signature is not base64url: 'é' at character 1",
            ),
            (
                format!("{h}.{p}.\u{0}"),
                "signature is not base64url: '\\0' at character 1",
            ),
            (
                format!("{h}.{p}.abcde"),
                "signature is not base64url: 5 characters is not a possible length",
            ),
            (
                format!("{h}.{p}.ab"),
                "signature is not base64url: its last character has stray bits",
            ),
            (
                token("not json", "{}", b""),
                "header is not JSON: expected ident at line 1 column 2",
            ),
            (
                token("{}", "{\"a\":", b""),
                "payload is not JSON: EOF while parsing",
            ),
            (
                token("[1]", "{}", b""),
                "header is JSON but not an object (found an array)",
            ),
            (
                token(r#"{"alg":"HS256"}"#, "[]", b""),
                "payload is JSON but not an object (found an array)",
            ),
            (
                token(r#"{"alg":"HS256"}"#, "\"s\"", b""),
                "payload is JSON but not an object (found a string)",
            ),
            (token(r#"{"alg":"HS256"}"#, "null", b""), "found null"),
            (
                token(r#"{"typ":"JWT"}"#, "{}", b""),
                "header has no \"alg\"",
            ),
            (
                token(r#"{"alg":256}"#, "{}", b""),
                "header \"alg\" is not a string (found a number)",
            ),
            (
                format!("{}.{p}.", b64(b"{\"alg\":\"\xff\"}")),
                "header is not UTF-8 text (bad byte at offset 8)",
            ),
        ];
        for (input, needle) in cases {
            let msg = err(&input);
            assert!(
                msg.contains(needle),
                "{input:?}\n  got:  {msg}\n  want: {needle}"
            );
        }
    }

    #[test]
    fn oversized_input_is_refused_before_any_work() {
        let huge = "a".repeat(10 * 1024 * 1024);
        assert_eq!(
            err(&huge),
            "token is 10485760 bytes, over the 65536-byte limit"
        );
        let just_over = " ".repeat(MAX_TOKEN_BYTES + 1);
        assert!(err(&just_over).contains("over the 65536-byte limit"));
    }

    #[test]
    fn deep_json_nesting_errors_instead_of_overflowing() {
        let h = b64(br#"{"alg":"HS256"}"#);
        // Fits under the size limit, so serde_json's recursion limit is what stops it.
        let deep = format!("{h}.{}.", b64("[".repeat(40_000).as_bytes()));
        assert!(deep.len() < MAX_TOKEN_BYTES);
        assert!(err(&deep).contains("payload is not JSON: recursion limit exceeded"));
        let deep_obj = format!("{}.{h}.", b64("{\"a\":".repeat(9_000).as_bytes()));
        assert!(err(&deep_obj).contains("header is not JSON: recursion limit exceeded"));
        // 100k deep is over the size limit.
        let deeper = format!("{h}.{}.", b64("[".repeat(100_000).as_bytes()));
        assert!(err(&deeper).contains("byte limit"));
    }

    #[test]
    fn normalize_only_strips_a_real_prefix() {
        assert_eq!(normalize("  x "), "x");
        assert_eq!(normalize("Bearer x"), "x");
        assert_eq!(normalize("Bearerx"), "Bearerx");
        assert_eq!(normalize("Bear"), "Bear");
        assert_eq!(normalize("béarer x"), "béarer x");
        assert_eq!(normalize("ééé x"), "ééé x");
    }
}
