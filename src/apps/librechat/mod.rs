//! LibreChat's own formats, for what lives outside its MongoDB: the
//! secrets of its `.env`, the ciphers of stored credentials, its tokens
//! and its durations. Verified against LibreChat's code: the ciphers and
//! tokens against `@librechat/data-schemas` 0.0.71 run under Node, the
//! variables against LibreChat v0.8.5's server (`.env.example`,
//! `packages/api/src/app/checks.ts`, `utils/email.ts`, `utils/math.ts`,
//! `api/strategies/jwtStrategy.js`). No terminal; `dotenv` reads the value
//! to encrypt or decrypt from stdin (`crate::input`).
//!
//! `crypto`: v1/v2/v3 under `CREDS_KEY`/`CREDS_IV`. `expr`: what
//! `SESSION_EXPIRY` and `REFRESH_TOKEN_EXPIRY` come to. `token`: access-
//! and refresh-token claims.

mod bans;
mod creds;
pub(crate) mod crypto;
mod doctor;
mod dotenv;
pub mod expr;
mod sessions;
mod settings;
mod store;
pub(crate) mod token;

use super::StoredValuesKey;
use crate::doctor::Check;
use crate::error::Result;
use crate::profile::Spec;
use crate::secrets::{self, Encoding};
use crate::settings::Settings;
use crate::store::{Access, ApiKeyStorage, Layout};
use secrecy::SecretString;

/// Where the users, sessions and stored credentials are: out of reach.
/// The variable naming LibreChat's MongoDB.
pub const MONGO_URI: &str = "MONGO_URI";

/// Where LibreChat's variables were read, for messages.
pub(crate) fn where_read(s: &Settings) -> String {
    match &s.env_file {
        Some(p) => format!("the environment or \"{}\"", p.display()),
        None => format!(
            "the environment (no .env in \"{}\"; --env-file names one)",
            s.config_dir.display()
        ),
    }
}

/// `secret`'s value, or an error naming where it was looked for.
pub(crate) fn required(s: &Settings, secret: DotenvSecret) -> Result<SecretString> {
    match s.lookup(secret.var()) {
        Some(v) if !v.is_empty() => Ok(SecretString::from(v.to_string())),
        _ => Err(crate::error::Error::usage(format!(
            "{} is not set in {}; `authctl --profile librechat init --out .env` adds it",
            secret.var(),
            where_read(s)
        ))),
    }
}

/// The secrets of LibreChat's `.env`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DotenvSecret {
    JwtSecret,
    JwtRefreshSecret,
    CredsKey,
    CredsIv,
    MeiliMasterKey,
}

/// The documented examples LibreChat's `.env.example` ships, which its own
/// start-up check (`checks.ts`, `secretDefaults`) warns about; and the
/// Meilisearch key of the same file.
const EXAMPLES: [(DotenvSecret, &str); 5] = [
    (
        DotenvSecret::CredsKey,
        "f34be427ebb29de8d88c107a71546019685ed8b241d8f2ed00c3df97ad2566f0",
    ),
    (DotenvSecret::CredsIv, "e2341419ec3dd3d19b13a1a87fafcbfb"),
    (
        DotenvSecret::JwtSecret,
        "16f8c0ef4a5d391b26034086c628469d3f9f497f08163ab9b40137092f2909ef",
    ),
    (
        DotenvSecret::JwtRefreshSecret,
        "eaa5191f2914e30b9387fd84e254e4ba6fc51b4654968a9b0803b456a54b8418",
    ),
    (
        DotenvSecret::MeiliMasterKey,
        "DrhYf7zENyR6AlUCKmnz0eYASOQdl6zxH7s7MKFSfFCt",
    ),
];

impl DotenvSecret {
    /// In the order `init` writes them.
    pub const ALL: [DotenvSecret; 5] = [
        DotenvSecret::JwtSecret,
        DotenvSecret::JwtRefreshSecret,
        DotenvSecret::CredsKey,
        DotenvSecret::CredsIv,
        DotenvSecret::MeiliMasterKey,
    ];

    pub fn var(self) -> &'static str {
        match self {
            DotenvSecret::JwtSecret => "JWT_SECRET",
            DotenvSecret::JwtRefreshSecret => "JWT_REFRESH_SECRET",
            DotenvSecret::CredsKey => "CREDS_KEY",
            DotenvSecret::CredsIv => "CREDS_IV",
            DotenvSecret::MeiliMasterKey => "MEILI_MASTER_KEY",
        }
    }

    /// The secret whose variable is `name`.
    pub fn from_var(name: &str) -> Option<DotenvSecret> {
        DotenvSecret::ALL.into_iter().find(|s| s.var() == name)
    }

    /// Bytes of a fresh value: the docs' 32-byte hex keys, a 16-byte IV.
    fn bytes(self) -> usize {
        match self {
            DotenvSecret::CredsIv => 16,
            _ => 32,
        }
    }

    /// A fresh value in the format LibreChat reads: hex for the JWT
    /// secrets, `CREDS_KEY` and `CREDS_IV` (as its docs generate them);
    /// URL-safe base64 for Meilisearch's master key.
    pub fn generate(self) -> Result<SecretString> {
        match self {
            DotenvSecret::MeiliMasterKey => secrets::generate(32, Encoding::UrlSafe),
            other => secrets::random_hex(other.bytes()),
        }
    }

    /// Stored credentials are encrypted under it: replacing it loses them.
    pub fn guards_stored_values(self) -> bool {
        matches!(self, DotenvSecret::CredsKey | DotenvSecret::CredsIv)
    }

    /// Whether LibreChat needs it set (Meilisearch's key only with search).
    pub fn required(self) -> bool {
        self != DotenvSecret::MeiliMasterKey
    }

    /// The documented example `value` is, if it is one.
    #[cfg(test)]
    pub fn is_example(self, value: &str) -> bool {
        EXAMPLES
            .iter()
            .any(|(s, v)| *s == self && v.eq_ignore_ascii_case(value.trim()))
    }

    /// What is wrong with `value` as this secret, one sentence each with
    /// the fix; empty when nothing is.
    pub fn problems(self, value: &str) -> Vec<String> {
        let var = self.var();
        let fix = "`authctl --profile librechat init` writes a fresh one";
        if value.is_empty() {
            return vec![match self {
                DotenvSecret::CredsKey | DotenvSecret::CredsIv => format!(
                    "{var} is empty, so LibreChat cannot encrypt or decrypt stored credentials; {fix}"
                ),
                _ => format!("{var} is empty; {fix}"),
            }];
        }
        if EXAMPLES
            .iter()
            .any(|(_, v)| v.eq_ignore_ascii_case(value.trim()))
        {
            let mut line = format!(
                "{var} is the example value printed in LibreChat's .env.example and docs, which anyone can read; {fix}"
            );
            if self.guards_stored_values() {
                line.push_str(
                    " (credentials stored under the old value no longer decrypt, so users enter them again)",
                );
            }
            return vec![line];
        }
        match self {
            DotenvSecret::CredsKey => hex_problems(var, value, &[32], fix),
            DotenvSecret::CredsIv => hex_problems(var, value, &[16], fix),
            _ => secrets::check(value)
                .into_iter()
                .map(|r| format!("{var}: {r}"))
                .collect(),
        }
    }
}

/// What is wrong with a hex key or IV as Node reads it: a character that
/// is not a hex digit (where Node stops reading), an odd count, a length
/// LibreChat's ciphers refuse.
fn hex_problems(var: &str, value: &str, sizes: &[usize], fix: &str) -> Vec<String> {
    let want = sizes[0];
    let bytes = crypto::node_hex(value).len();
    let mut out = Vec::new();
    if let Some(at) = value.find(|c: char| !c.is_ascii_hexdigit()) {
        out.push(format!(
            "{var} has a character that is not a hex digit at position {}, where Node stops reading it: LibreChat uses only the {bytes} bytes before it; {fix}",
            at + 1
        ));
    } else if value.len() % 2 == 1 {
        out.push(format!(
            "{var} has an odd number of hex digits ({}); Node drops the last one; {fix}",
            value.len()
        ));
    }
    if bytes != want {
        let effect = match (var, bytes) {
            ("CREDS_KEY", 16 | 24) => format!(
                "values under v1 and v2 encrypt (AES-{}), but LibreChat's v3 cipher (two-factor secrets) fails with \"Invalid key length: expected 32 bytes, got {bytes} bytes\"",
                bytes * 8
            ),
            ("CREDS_KEY", _) => "every LibreChat cipher fails with \"Invalid key length\"".into(),
            _ => "LibreChat's v1 cipher fails with \"algorithm.iv must contain exactly 16 bytes\"".into(),
        };
        out.push(format!(
            "{var} is {bytes} bytes as LibreChat reads it, not {want} ({} hex digits): {effect}; {fix}",
            want * 2
        ));
    }
    out
}

/// Whether LibreChat's `isEnabled` reads `value` as on: exactly `true`,
/// in any case, around whitespace; `1`, `yes` and `on` are off.
pub fn is_enabled(value: Option<&str>) -> bool {
    value.is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
}

/// Whether LibreChat v0.8.5's `checkEmailConfig` finds email configured:
/// Mailgun (`MAILGUN_API_KEY`, `MAILGUN_DOMAIN` and `EMAIL_FROM`), or SMTP
/// (`EMAIL_SERVICE` or `EMAIL_HOST`, and `EMAIL_FROM`). Before March 2026
/// SMTP also needed `EMAIL_USERNAME` and `EMAIL_PASSWORD`.
pub fn email_configured(var: &dyn Fn(&str) -> Option<String>) -> bool {
    let set = |name: &str| var(name).is_some_and(|v| !v.is_empty());
    let mailgun = set("MAILGUN_API_KEY") && set("MAILGUN_DOMAIN") && set("EMAIL_FROM");
    let smtp = (set("EMAIL_SERVICE") || set("EMAIL_HOST")) && set("EMAIL_FROM");
    mailgun || smtp
}

/// Problems with LibreChat's secrets as a set, beyond each one's own.
pub fn cross_problems(get: &dyn Fn(&str) -> Option<String>) -> Vec<String> {
    let mut out = Vec::new();
    if let (Some(a), Some(b)) = (get("JWT_SECRET"), get("JWT_REFRESH_SECRET")) {
        if !a.is_empty() && a == b {
            out.push(
                "JWT_REFRESH_SECRET is the same as JWT_SECRET, so every refresh token (7 days) is also accepted as an access token; give each its own value".to_string(),
            );
        }
    }
    out
}

/// The app.
pub(crate) struct LibreChat;

impl super::App for LibreChat {
    fn spec(&self) -> &'static Spec {
        &settings::LIBRECHAT
    }

    /// `CREDS_KEY` lives in `.env` and the values it guards in MongoDB:
    /// no key file.
    fn stored_values_key(&self) -> Option<StoredValuesKey> {
        None
    }

    /// `CREDS_KEY` with `CREDS_IV`, in LibreChat's `.env`.
    fn rotation_key(&self) -> Option<StoredValuesKey> {
        static WORDS: super::RotationWords = super::RotationWords {
            server: "LibreChat",
            file: "the pair in its .env",
            what: "re-encrypts every stored credential and replaces CREDS_KEY and CREDS_IV in .env",
            confirm: "Re-encrypt every stored credential and replace CREDS_KEY and CREDS_IV in .env?",
            current: "CREDS_KEY",
            after: "restart LibreChat (recreate its container, so it reads the new .env) before it saves credentials again",
            written: "CREDS_KEY and CREDS_IV",
            replaced: None,
            value: "the value",
            value_not_text: "the value on stdin is not UTF-8 text",
        };
        Some(StoredValuesKey {
            var: "CREDS_KEY",
            companion: Some("CREDS_IV"),
            file: creds::ENV_FILE,
            pending_file: creds::PENDING_FILE,
            scheme: &creds::CredsPair,
            generate: || {
                use secrecy::ExposeSecret;
                let key = DotenvSecret::CredsKey.generate()?;
                let iv = DotenvSecret::CredsIv.generate()?;
                Ok(creds::key_text(key.expose_secret(), iv.expose_secret()))
            },
            from_stdin: |text| SecretString::from(text.trim().to_string()),
            default_encoding: crate::secrets::Encoding::Hex,
            write: |_, _, _| {
                use super::EnvSecrets;
                Err(crate::error::Error::usage(dotenv::Dotenv.no_key_file()))
            },
            decrypt: |key, value| {
                use crate::secrets::rotate::Scheme;
                creds::CredsPair.decrypt(key, value).ok_or_else(|| {
                    crate::error::Error::Negative(
                        "the value does not decrypt under CREDS_KEY and CREDS_IV".into(),
                    )
                })
            },
            words: &WORDS,
        })
    }

    fn current_key(&self, s: &Settings) -> Result<Option<SecretString>> {
        Ok(creds::current(s))
    }

    fn require_current_key(&self, s: &Settings) -> Result<SecretString> {
        creds::current(s).ok_or_else(|| {
            crate::error::Error::usage(format!(
                "CREDS_KEY is not set in {}: LibreChat's stored credentials are under it (with CREDS_IV)",
                where_read(s)
            ))
        })
    }

    fn key_from_variable(&self, s: &Settings) -> Result<bool> {
        creds::from_variable(s)
    }

    /// `SESSION_EXPIRY` and `REFRESH_TOKEN_EXPIRY`: milliseconds, written
    /// as arithmetic, which LibreChat evaluates.
    fn duration(&self, v: crate::profile::Var, value: &str) -> Option<(u64, Option<String>)> {
        (v.unit == crate::profile::Unit::MillisecondsExpr).then(|| settings::duration(v, value))
    }

    fn doctor(&self, s: &Settings) -> Vec<Check> {
        doctor::run(s)
    }

    /// Never opened: every command that needs it is refused first.
    fn database(
        &self,
        _vars: &crate::settings::Vars,
        _url: Option<String>,
        _config_dir: &std::path::Path,
    ) -> Result<crate::database_url::DatabaseUrl> {
        Ok(crate::database_url::DatabaseUrl::Sqlite(
            std::path::PathBuf::new(),
        ))
    }

    /// Its users, in the MongoDB `MONGO_URI` names (its `.env`, or the
    /// environment).
    fn open_layout(&self, s: &Settings, _access: Access) -> Result<Option<Box<dyn Layout>>> {
        let uri = s.lookup(MONGO_URI).filter(|u| !u.trim().is_empty()).ok_or_else(|| {
            crate::error::Error::usage(format!(
                "{MONGO_URI} is not set: LibreChat's users and stored credentials are in the MongoDB it names (MONGO_URI=mongodb://HOST:27017/LibreChat in LibreChat's .env); run from LibreChat's folder, or give --env-file or the variable"
            ))
        })?;
        let audit = s.config_dir.join(crate::store::audit_file::AUDIT_FILE);
        Ok(Some(Box::new(store::LibreChatStore::open(
            uri,
            MONGO_URI,
            crate::store::Actor::os_user(),
            audit,
        )?)))
    }

    /// An email, as LibreChat's schema requires (`/\S+@\S+\.\S+/`).
    fn check_login_name(&self, name: &str) -> Result<()> {
        let ok = name.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain
                    .split_once('.')
                    .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty())
        }) && !name.chars().any(char::is_whitespace);
        match ok {
            true => Ok(()),
            false => Err(crate::store::invalid_email("LibreChat", name)),
        }
    }

    // LibreChat's registration (api/strategies/validators.js): 8 to 128
    // characters (JavaScript counts UTF-16 units).
    fn password_problem(&self, pw: &str) -> Option<String> {
        let units = pw.encode_utf16().count();
        (!(8..=128).contains(&units)).then(|| {
            format!("LibreChat accepts passwords of 8 to 128 characters, and this one has {units}")
        })
    }

    fn init_secrets(&self, _s: &Settings) -> Result<Vec<crate::secrets::init::Entry>> {
        DotenvSecret::ALL
            .into_iter()
            .map(|x| {
                Ok(crate::secrets::init::Entry {
                    var: x.var().to_string(),
                    value: x.generate()?,
                    file: None,
                    secret: true,
                    guards_stored: x.guards_stored_values(),
                })
            })
            .collect()
    }

    fn guarded_problems(&self, var: &str, value: &str) -> Vec<String> {
        DotenvSecret::from_var(var).map_or_else(Vec::new, |x| x.problems(value))
    }

    fn api_key_storage(&self) -> ApiKeyStorage {
        ApiKeyStorage::HashOnly
    }

    fn mint_token(
        &self,
        s: &Settings,
        req: &super::tokens::MintRequest,
    ) -> Result<super::tokens::Minted> {
        token::mint(s, req)
    }

    fn check_token(
        &self,
        s: &Settings,
        raw: &str,
        req: &super::tokens::VerifyRequest,
    ) -> Result<super::tokens::Checked> {
        token::check(s, raw, req)
    }

    /// The formats of its `.env`, ciphers and tokens were checked against
    /// LibreChat v0.8.5 and `@librechat/data-schemas` 0.0.71.
    fn releases(&self) -> Vec<super::ReleaseLine> {
        vec![super::ReleaseLine {
            versions: "v0.8.5",
            schema: "@librechat/data-schemas 0.0.71".to_string(),
            facts: String::new(),
        }]
    }

    fn env_secrets(&self) -> Option<&'static dyn super::EnvSecrets> {
        Some(&dotenv::Dotenv)
    }

    /// `checkBan`'s records in `logs` (`bans`).
    fn keeps_bans(&self) -> bool {
        true
    }

    /// `invite-user.js`'s tokens (`store`).
    fn takes_invitations(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    #[test]
    fn fresh_values_have_no_problems_and_the_formats_librechat_reads() {
        for s in DotenvSecret::ALL {
            let v = s.generate().unwrap();
            assert!(s.problems(v.expose_secret()).is_empty(), "{:?}", s);
        }
        let key = DotenvSecret::CredsKey.generate().unwrap();
        assert_eq!(crypto::node_hex(key.expose_secret()).len(), 32);
        let iv = DotenvSecret::CredsIv.generate().unwrap();
        assert_eq!(crypto::node_hex(iv.expose_secret()).len(), 16);
    }

    #[test]
    fn examples_and_bad_lengths_are_named() {
        for (s, v) in EXAMPLES {
            let p = s.problems(v);
            assert!(p[0].contains("example"), "{p:?}");
            assert!(s.is_example(&v.to_uppercase()));
        }
        let p = DotenvSecret::CredsKey.problems(&"ab".repeat(16));
        assert!(p[0].contains("16 bytes") && p[0].contains("v3"), "{p:?}");
        let p =
            DotenvSecret::CredsKey.problems(&format!("{}zz{}", "ab".repeat(10), "cd".repeat(21)));
        assert!(
            p[0].contains("position 21") && p[0].contains("10 bytes"),
            "{p:?}"
        );
        let p = DotenvSecret::CredsIv.problems("abc");
        assert!(p.iter().any(|l| l.contains("odd")), "{p:?}");
        assert!(p.iter().any(|l| l.contains("1 bytes")), "{p:?}");
        assert!(DotenvSecret::JwtSecret.problems("changeme")[0].starts_with("JWT_SECRET: "));
    }

    #[test]
    fn switches_and_email_as_librechat_reads_them() {
        assert!(is_enabled(Some(" TRUE ")));
        for off in [None, Some("1"), Some("yes"), Some("on"), Some("")] {
            assert!(!is_enabled(off), "{off:?}");
        }
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |n: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == n)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert!(!email_configured(&env(&[(
            "EMAIL_FROM",
            "noreply@librechat.ai"
        )])));
        assert!(email_configured(&env(&[
            ("EMAIL_HOST", "mail"),
            ("EMAIL_FROM", "a@b")
        ])));
        assert!(!email_configured(&env(&[
            ("EMAIL_SERVICE", "gmail"),
            ("EMAIL_FROM", "")
        ])));
        assert!(email_configured(&env(&[
            ("MAILGUN_API_KEY", "k"),
            ("MAILGUN_DOMAIN", "d"),
            ("EMAIL_FROM", "a@b")
        ])));
    }
}
