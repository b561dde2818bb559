//! `authctl token …` argument types.

use super::keys::alg_parser;
use crate::alg::Alg;
use clap::{Args, Subcommand, ValueEnum};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TokenTypeArg {
    Access,
    Refresh,
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum TokenCommand {
    /// Mint a signed JWT for a user; stdout gets the token and nothing else
    Mint(MintArgs),
    /// Show a token's header and claims WITHOUT verifying it
    Decode {
        /// The token, or - to read it from stdin (a `Bearer ` prefix is fine)
        #[arg(default_value = "-")]
        token: String,
    },
    /// Verify a token with the local keys: exit 0 valid, 1 invalid
    Verify(VerifyArgs),
    /// Revoke refresh tokens
    Revoke(RevokeArgs),
    /// List a user's refresh tokens (never the tokens themselves)
    List {
        /// Username
        #[arg(long, value_name = "NAME")]
        user: String,
    },
}

#[derive(Debug, Args)]
pub struct MintArgs {
    /// The user the token is for (sub = the user's id)
    #[arg(long, value_name = "NAME")]
    pub user: String,
    /// Token type
    #[arg(long = "type", value_enum, default_value_t = TokenTypeArg::Access)]
    pub token_type: TokenTypeArg,
    /// Lifetime: seconds or 15m, 1h, 7d [default: AUTHCTL_ACCESS_TOKEN_EXPIRE_SECONDS or AUTHCTL_REFRESH_TOKEN_EXPIRE_SECONDS]
    #[arg(long, value_name = "DURATION", allow_hyphen_values = true)]
    pub ttl: Option<String>,
    /// Signing algorithm [env: AUTHCTL_ALGORITHM] [default: HS256]
    #[arg(long, ignore_case = true, value_parser = alg_parser())]
    pub alg: Option<Alg>,
    /// Extra claim KEY=VALUE (VALUE parsed as JSON when it is JSON); repeatable
    #[arg(long = "claim", value_name = "KEY=VALUE")]
    pub claims: Vec<String>,
    /// Issuer claim [env: AUTHCTL_JWT_ISSUER]
    #[arg(long, value_name = "ISS")]
    pub iss: Option<String>,
    /// Audience claim [env: AUTHCTL_JWT_AUDIENCE]
    #[arg(long, value_name = "AUD")]
    pub aud: Option<String>,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The token, or - to read it from stdin (a `Bearer ` prefix is fine)
    #[arg(default_value = "-")]
    pub token: String,
    /// Require this token type
    #[arg(long = "type", value_enum)]
    pub token_type: Option<TokenTypeArg>,
    /// Seconds of clock skew to accept for exp and nbf
    #[arg(long, default_value_t = 0, value_name = "SECONDS")]
    pub leeway: u64,
    /// Check only the signature and claims, not the database (user, revocation)
    #[arg(long)]
    pub offline: bool,
    /// Judge exp and nbf as of TIME (Unix seconds or RFC 3339) instead of now
    #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
    pub at: Option<String>,
}

#[derive(Debug, Args)]
#[group(required = true, multiple = false, id = "which")]
pub struct RevokeSelector {
    /// The refresh token, or - to read it from stdin
    #[arg(group = "which")]
    pub token: Option<String>,
    /// The token's jti
    #[arg(long, value_name = "JTI", group = "which")]
    pub jti: Option<String>,
    /// Every refresh token of this user (with --all)
    #[arg(long, value_name = "NAME", group = "which", requires = "all")]
    pub user: Option<String>,
}

#[derive(Debug, Args)]
pub struct RevokeArgs {
    #[command(flatten)]
    pub which: RevokeSelector,
    /// With --user: revoke all of that user's refresh tokens
    #[arg(long)]
    pub all: bool,
}
