//! `authctl secret …`, `authctl keygen` and `authctl keys …` argument types.

use crate::alg::Alg;
use clap::builder::TypedValueParser;
use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum SecretCommand {
    /// Generate a secret key from the OS random generator
    ///
    /// The default is 32 bytes as unpadded URL-safe base64 (43 characters),
    /// like Python's `secrets.token_urlsafe(32)`. Printed on stdout unless
    /// --write stores it as `secret_key` in the config dir.
    Generate(SecretGenerateArgs),

    /// Judge a secret: exit 0 when strong, 1 when weak (reasons on stderr)
    ///
    /// With no source flag, checks the configured secret key
    /// (AUTHCTL_SECRET_KEY, else the `secret_key` file).
    Check(SecretSourceArgs),

    /// Encrypt stdin with Fernet under the secret key, token on stdout
    ///
    /// In the flowise profile, as Flowise encrypts credentials (CryptoJS AES
    /// under encryption.key); in the librechat profile, with --cipher, as
    /// LibreChat does under CREDS_KEY and CREDS_IV.
    Encrypt(CipherArgs),

    /// Decrypt a Fernet token from stdin with the secret key
    ///
    /// In the flowise profile, a Flowise credential; in the librechat
    /// profile, a LibreChat value of any of its three ciphers (told apart by
    /// their form unless --cipher says).
    Decrypt(CipherArgs),

    /// Replace the secret key, re-encrypting every value encrypted with it
    ///
    /// All encrypted values are re-encrypted from the old key to the new one
    /// in one transaction; then `secret_key` is replaced atomically and the
    /// old one kept as a backup. A value that does not decrypt under the
    /// old key stops everything, with nothing changed.
    Rotate(SecretRotateArgs),

    /// Find which key the stored encrypted values are under
    ///
    /// Tries each CANDIDATE (a key file, a .env file whose key variable is
    /// read, or - for keys on stdin, one a line), the current key, and the
    /// backups and pending key authctl keeps in the config dir; reports how
    /// many values decrypt under each, per table and column. `secret rotate
    /// --from-key FILE` then moves the values to the current key.
    Identify(SecretIdentifyArgs),
}

/// LibreChat's ciphers (`--cipher`, librechat profile only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CipherArg {
    /// AES-CBC with the fixed CREDS_IV, hex (users' endpoint keys, plugin credentials)
    V1,
    /// AES-CBC with a random IV, iv:ciphertext (actions, MCP and OAuth tokens)
    V2,
    /// AES-256-CTR, v3:iv:ciphertext (two-factor secrets)
    V3,
}

#[derive(Debug, Args)]
pub struct CipherArgs {
    /// LibreChat's cipher (librechat profile only)
    #[arg(long, value_enum, value_name = "VERSION")]
    pub cipher: Option<CipherArg>,
}

#[derive(Debug, Args)]
pub struct SecretIdentifyArgs {
    /// Key files, .env files, or - (keys on stdin, one a line)
    #[arg(value_name = "CANDIDATE")]
    pub candidates: Vec<String>,
}

#[derive(Debug, Args)]
pub struct SecretRotateArgs {
    /// Read the new secret key from the first line of stdin
    #[arg(long, conflicts_with = "generate")]
    pub new_key_stdin: bool,
    /// Generate the new secret key (the default)
    #[arg(long)]
    pub generate: bool,
    /// Recover instead: re-encrypt the values under the key in FILE (an
    /// old key, found with `secret identify`) to the current key, which
    /// stays; values already under the current key are kept. Repeat it
    /// for values split across several old keys (two redeploys): every
    /// value under any of them moves, in one transaction
    #[arg(long, value_name = "FILE", conflicts_with_all = ["new_key_stdin", "generate"])]
    pub from_key: Vec<PathBuf>,
    /// Report what would change and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub yes: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EncodingArg {
    /// URL-safe base64 without padding (Python's token_urlsafe)
    Urlsafe,
    /// Lowercase hex (openssl rand -hex)
    Hex,
    /// Standard base64 with padding (openssl rand -base64)
    Base64,
}

#[derive(Debug, Args)]
pub struct SecretGenerateArgs {
    /// Random bytes to draw (at least 32) [default: 32; Flowise's
    /// encryption key: 24, its own size]
    #[arg(long, value_name = "N")]
    pub bytes: Option<usize>,
    /// How to encode the bytes [default: urlsafe; Flowise: base64]
    #[arg(long, value_enum)]
    pub encoding: Option<EncodingArg>,
    /// Store it as `secret_key` in the config dir (prints path and fingerprint, not the secret)
    #[arg(long)]
    pub write: bool,
    /// Replace an existing `secret_key` (the old one is kept as a backup)
    #[arg(long, requires = "write")]
    pub force: bool,
    /// Print a NAME=value line for a .env file instead of the bare secret
    #[arg(long, value_name = "NAME", conflicts_with = "write")]
    pub env: Option<String>,
}

// Where the secret to check comes from. (A plain comment: with deferred
// subcommands a doc comment here would replace the subcommand's about.)
#[derive(Debug, Args, Default)]
#[group(multiple = false)]
pub struct SecretSourceArgs {
    /// Read the secret from the first line of stdin
    #[arg(long)]
    pub stdin: bool,
    /// Read the secret from FILE
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Read the secret from the environment variable NAME
    #[arg(long, value_name = "NAME")]
    pub env: Option<String>,
}

/// `--alg`: one of [`Alg::ALL`], any case, parsed into the one algorithm type.
pub fn alg_parser() -> impl clap::builder::TypedValueParser<Value = Alg> {
    clap::builder::PossibleValuesParser::new(
        Alg::ALL.map(|alg| clap::builder::PossibleValue::new(alg.as_str()).help(alg.describe())),
    )
    // Only listed names reach here, and each parses; HS256 is unreachable.
    .map(|name| name.parse::<Alg>().unwrap_or(Alg::HS256))
}

#[derive(Debug, Args)]
pub struct KeygenArgs {
    /// Signing algorithm [env: AUTHCTL_ALGORITHM] [default: HS256]
    #[arg(long, ignore_case = true, value_parser = alg_parser())]
    pub alg: Option<Alg>,
    /// RSA key size in bits [default: 2048]; a kept key of another size is refused without --force
    #[arg(long, value_enum, conflicts_with = "from_private")]
    pub bits: Option<BitsArg>,
    /// Rotate: retire the current key pair (still verifies until `keys retire`) and make a new one
    #[arg(long)]
    pub force: bool,
    /// Import an existing RSA private key (PKCS#1 or PKCS#8 PEM) from FILE, or - for stdin
    #[arg(long, value_name = "FILE|-")]
    pub from_private: Option<String>,
}

/// RSA key sizes authctl generates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BitsArg {
    #[value(name = "2048")]
    B2048,
    #[value(name = "3072")]
    B3072,
    #[value(name = "4096")]
    B4096,
}

impl BitsArg {
    pub fn bits(self) -> usize {
        match self {
            BitsArg::B2048 => 2048,
            BitsArg::B3072 => 3072,
            BitsArg::B4096 => 4096,
        }
    }
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum KeysCommand {
    /// List current and retired signing keys
    List,
    /// Print a JWKS of every key that may still verify a token
    Jwks,
    /// Drop a retired key from verification
    Retire {
        /// The key's kid (RFC 7638 thumbprint), as `keys list` shows it
        /// (a kid may start with `-`)
        #[arg(allow_hyphen_values = true)]
        kid: String,
    },
    /// Print the signing keys for another instance (prints secrets!)
    Export(KeysExportArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A Kubernetes Secret manifest (stringData)
    K8sSecret,
    /// .env lines
    Env,
}

#[derive(Debug, Args)]
pub struct KeysExportArgs {
    /// Output format
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Name of the Kubernetes Secret
    #[arg(long, value_name = "NAME", default_value = "authctl-jwt-keys")]
    pub name: String,
}
