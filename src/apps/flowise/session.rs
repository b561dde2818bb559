//! A Flowise login session made offline: what the server's login leaves
//! with the browser (`enterprise/middleware/passport/index.js`).
//!
//! - the session id: uid-safe's 24 random bytes, unpadded base64url (32
//!   characters), under which the server's session store keeps the
//!   session;
//! - `connect.sid`: `s:` + the id + `.` + unpadded base64 of
//!   HMAC-SHA256(`EXPRESS_SESSION_SECRET`, id) (cookie-signature), written
//!   with JavaScript's encodeURIComponent;
//! - `token` and `refreshToken`: HS256 JWTs `{id, username, meta, iat, nbf,
//!   exp, aud, iss}` signed with the access and refresh secrets, `meta`
//!   being `<user id>:<workspace id>` under the token-hash secret.
//!
//! The server accepts a request when it carries both cookies and
//! `x-request-from: internal`; a token alone is refused.

use crate::error::{Error, Result};
use base64::Engine;
use serde_json::{Map, Value};

/// How long a session lives in Flowise's session store (connect-sqlite3's
/// and connect-pg-simple's default, one day), in milliseconds.
pub const SESSION_MS: i64 = 86_400_000;

/// A new session id.
pub fn new_sid() -> Result<String> {
    let mut raw = zeroize::Zeroizing::new([0u8; 24]);
    getrandom::fill(raw.as_mut()).map_err(|e| {
        Error::Failure(format!(
            "cannot read random bytes from the operating system: {e}"
        ))
    })?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw.as_ref()))
}

/// The `connect.sid` cookie value for `sid` under the session secret.
pub fn cookie_value(session_secret: &str, sid: &str) -> String {
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, session_secret.as_bytes());
    let tag = ring::hmac::sign(&key, sid.as_bytes());
    let sig = base64::engine::general_purpose::STANDARD_NO_PAD.encode(tag.as_ref());
    encode_uri_component(&format!("s:{sid}.{sig}"))
}

/// The session id a `connect.sid` value names, if its signature is good.
#[cfg(test)]
pub fn sid_of_cookie(session_secret: &str, value: &str) -> Option<String> {
    let decoded = decode_uri_component(value)?;
    let signed = decoded.strip_prefix("s:")?;
    let (sid, _) = signed.rsplit_once('.')?;
    (cookie_value(session_secret, sid) == encode_uri_component(&decoded)).then(|| sid.to_string())
}

/// JavaScript's encodeURIComponent.
fn encode_uri_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
fn decode_uri_component(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The claims of a Flowise JWT, in the order Flowise's jsonwebtoken
/// writes them.
pub fn claims(
    user_id: &str,
    name: &str,
    meta: String,
    issued: i64,
    ttl_secs: u64,
    audience: &str,
    issuer: &str,
) -> Map<String, Value> {
    let mut c = Map::new();
    c.insert("id".into(), user_id.into());
    c.insert("username".into(), name.into());
    c.insert("meta".into(), meta.into());
    c.insert("iat".into(), issued.into());
    c.insert("nbf".into(), issued.into());
    c.insert(
        "exp".into(),
        issued
            .saturating_add(i64::try_from(ttl_secs).unwrap_or(i64::MAX))
            .into(),
    );
    c.insert("aud".into(), audience.into());
    c.insert("iss".into(), issuer.into());
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_the_server_set_is_signed_as_flowise_signs_it() {
        // tests/fixtures/flowise-3.1.4/home: a connect.sid from a real login
        // response and the session secret in express_session_secret.key.
        let cookie =
            "s%3As9o0SDU9IDr5OOOa9zZTY_dFHPj6A-85.RDFH0JDxs3oDXhtLThqLGmYye4qrcxHWX13xSxj4uDY";
        let secret = "I3djJ2Ui0cIT1x+Nl7hbDnn6IrlrexP06ucG5gTXln8=";
        assert_eq!(
            sid_of_cookie(secret, cookie).as_deref(),
            Some("s9o0SDU9IDr5OOOa9zZTY_dFHPj6A-85")
        );
        assert_eq!(
            cookie_value(secret, "s9o0SDU9IDr5OOOa9zZTY_dFHPj6A-85"),
            cookie
        );
        assert_eq!(sid_of_cookie("another secret", cookie), None);
        assert_eq!(new_sid().unwrap().len(), 32);
    }
}
