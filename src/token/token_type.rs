//! The `type` claim's closed vocabulary. Parsing is case-insensitive; display
//! is canonical (`access`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The `type` claim: what a token may be used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenType {
    /// Authenticates API requests; short-lived.
    Access,
    /// Obtains new access tokens; long-lived, stored by hash.
    Refresh,
}

impl TokenType {
    /// The claim value (`"access"`, `"refresh"`).
    pub fn as_str(self) -> &'static str {
        match self {
            TokenType::Access => "access",
            TokenType::Refresh => "refresh",
        }
    }
}

impl fmt::Display for TokenType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TokenType {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        [TokenType::Access, TokenType::Refresh]
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                Error::usage(format!(
                    "unknown token type {}: expected access or refresh",
                    super::quoted(s)
                ))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_type_round_trips() {
        assert_eq!("ACCESS".parse::<TokenType>().unwrap(), TokenType::Access);
        assert_eq!("refresh".parse::<TokenType>().unwrap(), TokenType::Refresh);
        assert_eq!(TokenType::Refresh.to_string(), "refresh");
        assert_eq!(
            serde_json::to_value(TokenType::Access).unwrap(),
            serde_json::json!("access")
        );
        let err = "id".parse::<TokenType>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown token type \"id\": expected access or refresh"
        );
    }
}
