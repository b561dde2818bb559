//! The one signing-algorithm type: what `--alg`, `*_ALGORITHM`, the key
//! manifest and a token header name, and the key family each needs.
//!
//! Parsing is case-insensitive; display is canonical (`HS256`). Only the three
//! algorithms the apps use exist, so nothing else can be asked for by mistake.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// A JWS signing algorithm authctl mints and verifies.
#[allow(clippy::upper_case_acronyms)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Alg {
    /// HMAC with SHA-256 over a shared secret.
    HS256,
    /// RSASSA-PKCS1-v1_5 with SHA-256.
    RS256,
    /// RSASSA-PKCS1-v1_5 with SHA-512.
    RS512,
}

impl Alg {
    /// Every algorithm, in the order help texts list them.
    pub const ALL: [Alg; 3] = [Alg::HS256, Alg::RS256, Alg::RS512];

    /// The JOSE name (`"HS256"`), as it appears in a header's `alg`.
    pub fn as_str(self) -> &'static str {
        match self {
            Alg::HS256 => "HS256",
            Alg::RS256 => "RS256",
            Alg::RS512 => "RS512",
        }
    }

    /// Whether this algorithm signs with an RSA key pair.
    pub fn is_rsa(self) -> bool {
        self.family() == KeyFamily::Rsa
    }

    /// The kind of key this algorithm signs and verifies with.
    pub fn family(self) -> KeyFamily {
        match self {
            Alg::HS256 => KeyFamily::Hmac,
            Alg::RS256 | Alg::RS512 => KeyFamily::Rsa,
        }
    }

    /// One line for help texts: what signs.
    pub fn describe(self) -> &'static str {
        match self {
            Alg::HS256 => "HMAC-SHA256 with the secret key",
            Alg::RS256 => "RSA PKCS#1 v1.5 with SHA-256",
            Alg::RS512 => "RSA PKCS#1 v1.5 with SHA-512",
        }
    }

    pub(crate) fn to_jwt(self) -> jsonwebtoken::Algorithm {
        match self {
            Alg::HS256 => jsonwebtoken::Algorithm::HS256,
            Alg::RS256 => jsonwebtoken::Algorithm::RS256,
            Alg::RS512 => jsonwebtoken::Algorithm::RS512,
        }
    }
}

impl fmt::Display for Alg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Alg {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        Alg::ALL
            .into_iter()
            .find(|alg| alg.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                Error::usage(format!(
                    "unknown algorithm {}: expected one of HS256, RS256, RS512",
                    crate::text::quoted(s)
                ))
            })
    }
}

/// The kind of key material an algorithm needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyFamily {
    /// A shared secret (HS*).
    Hmac,
    /// An RSA key pair (RS*).
    Rsa,
}

impl fmt::Display for KeyFamily {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            KeyFamily::Hmac => "HMAC",
            KeyFamily::Rsa => "RSA",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alg_parses_case_insensitively_and_displays_canonically() {
        for (text, alg) in [
            ("HS256", Alg::HS256),
            ("hs256", Alg::HS256),
            (" Rs256 ", Alg::RS256),
            ("rs512", Alg::RS512),
        ] {
            let parsed: Alg = text.parse().unwrap();
            assert_eq!(parsed, alg, "{text}");
            assert_eq!(parsed.to_string(), alg.as_str());
        }
    }

    #[test]
    fn unknown_alg_is_a_usage_error_listing_the_allowed_values() {
        for text in ["", "none", "ES256", "HS512", "RS384", "HS 256"] {
            let err = text.parse::<Alg>().unwrap_err();
            assert_eq!(err.exit_code(), 2, "{text}");
            assert!(
                err.to_string()
                    .contains("expected one of HS256, RS256, RS512"),
                "{err}"
            );
        }
    }

    #[test]
    fn alg_family() {
        assert!(!Alg::HS256.is_rsa());
        assert!(Alg::RS256.is_rsa());
        assert!(Alg::RS512.is_rsa());
        assert_eq!(Alg::HS256.family(), KeyFamily::Hmac);
        assert_eq!(Alg::RS512.family(), KeyFamily::Rsa);
        assert_eq!(
            serde_json::to_value(Alg::RS512).unwrap(),
            serde_json::json!("RS512")
        );
    }
}
