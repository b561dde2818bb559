//! Flowise's seven secrets, resolved exactly as Flowise 3.1.4 resolves them
//! (`utils/index.js` getEncryptionKey and getOrCreateStoredSecret,
//! `enterprise/utils/authSecrets.js`):
//!
//! - the encryption key: `FLOWISE_SECRETKEY_OVERWRITE` if not empty, used as
//!   it is; else `encryption.key` in the key directory, read as it is;
//! - the six auth secrets: the variable if it is not blank and not its weak
//!   default (compared before trimming), trimmed; else the `.key` file, read
//!   as it is (never trimmed);
//! - with `SECRETKEY_STORAGE_TYPE=aws` Flowise reads what no variable gives
//!   from AWS Secrets Manager, which authctl cannot see: such a secret is
//!   refused by name.
//!
//! Flowise creates a missing file at its next start; here it is `None`.
//!
//! Up to 3.0.13 (`releases::SecretSource::BuiltIns`) there are no key
//! files for the auth secrets: the variable if not empty, used as it is
//! (the refresh secret falls back to `JWT_AUTH_TOKEN_SECRET`), else a
//! built-in every copy of Flowise shares (`built_in`).

use super::releases::SecretSource;
use crate::error::{Error, Result};
use secrecy::{ExposeSecret, SecretString};
use std::path::{Path, PathBuf};

/// One of Flowise's secrets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlowiseSecret {
    /// Encrypts stored credentials (`encryption.key`).
    Encryption,
    /// Signs access tokens.
    JwtAuth,
    /// Signs refresh tokens.
    JwtRefresh,
    /// Keys the `meta` claim's cipher.
    TokenHash,
    /// Signs the `connect.sid` session cookie.
    ExpressSession,
    /// The tokens' `iss`.
    JwtIssuer,
    /// The tokens' `aud`.
    JwtAudience,
}

impl FlowiseSecret {
    pub const ALL: [FlowiseSecret; 7] = [
        FlowiseSecret::Encryption,
        FlowiseSecret::JwtAuth,
        FlowiseSecret::JwtRefresh,
        FlowiseSecret::TokenHash,
        FlowiseSecret::ExpressSession,
        FlowiseSecret::JwtIssuer,
        FlowiseSecret::JwtAudience,
    ];

    /// Its file in the key directory.
    pub fn file(self) -> &'static str {
        match self {
            FlowiseSecret::Encryption => "encryption.key",
            FlowiseSecret::JwtAuth => "jwt_auth_token_secret.key",
            FlowiseSecret::JwtRefresh => "jwt_refresh_token_secret.key",
            FlowiseSecret::TokenHash => "token_hash_secret.key",
            FlowiseSecret::ExpressSession => "express_session_secret.key",
            FlowiseSecret::JwtIssuer => "jwt_issuer.key",
            FlowiseSecret::JwtAudience => "jwt_audience.key",
        }
    }

    /// The variable that wins over the file.
    pub fn var(self) -> &'static str {
        match self {
            FlowiseSecret::Encryption => "FLOWISE_SECRETKEY_OVERWRITE",
            FlowiseSecret::JwtAuth => "JWT_AUTH_TOKEN_SECRET",
            FlowiseSecret::JwtRefresh => "JWT_REFRESH_TOKEN_SECRET",
            FlowiseSecret::TokenHash => "TOKEN_HASH_SECRET",
            FlowiseSecret::ExpressSession => "EXPRESS_SESSION_SECRET",
            FlowiseSecret::JwtIssuer => "JWT_ISSUER",
            FlowiseSecret::JwtAudience => "JWT_AUDIENCE",
        }
    }

    /// The value older Flowise releases shipped, which Flowise now treats
    /// as unset.
    pub fn weak_default(self) -> Option<&'static str> {
        match self {
            FlowiseSecret::JwtAuth | FlowiseSecret::JwtRefresh => {
                Some("AABBCCDDAABBCCDDAABBCCDDAABBCCDDAABBCCDD")
            }
            FlowiseSecret::ExpressSession => Some("flowise"),
            FlowiseSecret::TokenHash => Some("popcorn"),
            FlowiseSecret::Encryption | FlowiseSecret::JwtIssuer | FlowiseSecret::JwtAudience => {
                None
            }
        }
    }

    /// The value Flowise up to 3.0.13 uses when its variable is not set:
    /// public, in every copy of its source
    /// (`enterprise/middleware/passport/index.js`, `tempTokenUtils.js`).
    pub fn built_in(self) -> Option<&'static str> {
        match self {
            FlowiseSecret::Encryption => None,
            FlowiseSecret::JwtAuth => Some("auth_token"),
            FlowiseSecret::JwtRefresh => Some("refresh_token"),
            FlowiseSecret::TokenHash => Some("Secre$t"),
            FlowiseSecret::ExpressSession => Some("flowise"),
            FlowiseSecret::JwtIssuer => Some("ISSUER"),
            FlowiseSecret::JwtAudience => Some("AUDIENCE"),
        }
    }

    /// Whether it is a secret at all (the issuer and audience are names).
    pub fn is_secret(self) -> bool {
        !matches!(self, FlowiseSecret::JwtIssuer | FlowiseSecret::JwtAudience)
    }

    /// A new value, as Flowise makes one: 24 random bytes as base64 for the
    /// encryption key, 32 for an auth secret, `flowise` for the names.
    pub fn generate(self) -> Result<SecretString> {
        use crate::secrets::{generate, Encoding};
        match self {
            FlowiseSecret::Encryption => generate_bytes(24),
            FlowiseSecret::JwtIssuer | FlowiseSecret::JwtAudience => {
                Ok(SecretString::from("flowise"))
            }
            _ => generate(32, Encoding::Base64),
        }
    }

    /// Its id in AWS Secrets Manager.
    fn aws_id(self, lookup: &dyn Fn(&str) -> Option<String>) -> String {
        match self {
            FlowiseSecret::Encryption => {
                lookup("SECRETKEY_AWS_NAME").unwrap_or_else(|| "FlowiseEncryptionKey".into())
            }
            _ => format!(
                "{}{}",
                lookup("SECRETKEY_AWS_AUTH_PREFIX").unwrap_or_else(|| "Flowise".into()),
                match self {
                    FlowiseSecret::JwtAuth => "JWTAuthTokenSecret",
                    FlowiseSecret::JwtRefresh => "JWTRefreshTokenSecret",
                    FlowiseSecret::TokenHash => "TokenHashSecret",
                    FlowiseSecret::ExpressSession => "ExpressSessionSecret",
                    FlowiseSecret::JwtIssuer => "JWTIssuer",
                    _ => "JWTAudience",
                }
            ),
        }
    }
}

/// `randomBytes(n).toString('base64')`, for the 24-byte encryption key
/// (`secrets::generate` draws at least 32).
fn generate_bytes(n: usize) -> Result<SecretString> {
    use base64::Engine;
    let mut raw = zeroize::Zeroizing::new(vec![0u8; n]);
    getrandom::fill(&mut raw).map_err(|e| {
        Error::Failure(format!(
            "cannot read random bytes from the operating system: {e}"
        ))
    })?;
    Ok(SecretString::from(
        base64::engine::general_purpose::STANDARD.encode(&*raw),
    ))
}

/// Where a resolved secret came from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase", tag = "from", content = "name")]
pub enum Source {
    /// The variable of that name.
    Env(String),
    /// The file.
    File(PathBuf),
    /// Flowise's public built-in (up to 3.0.13).
    #[serde(rename = "built-in")]
    BuiltIn,
}

/// A secret and where it came from.
#[derive(Debug)]
pub struct Resolved {
    pub value: SecretString,
    pub source: Source,
}

/// Resolve `secret` as Flowise does, with `lookup` reading variables
/// (the process environment, then `--env-file`) and `dir` the key
/// directory. `None`: Flowise would make it at its next start.
pub fn resolve(
    secret: FlowiseSecret,
    lookup: &dyn Fn(&str) -> Option<String>,
    dir: &Path,
    from: SecretSource,
) -> Result<Option<Resolved>> {
    if let (SecretSource::BuiltIns, Some(built_in)) = (from, secret.built_in()) {
        return Ok(Some(resolve_built_in(secret, built_in, lookup)));
    }
    if let Some(v) = lookup(secret.var()) {
        let used = match secret {
            FlowiseSecret::Encryption => (!v.is_empty()).then(|| v.clone()),
            _ => (!v.trim().is_empty() && Some(v.as_str()) != secret.weak_default())
                .then(|| v.trim().to_string()),
        };
        if let Some(value) = used {
            return Ok(Some(Resolved {
                value: SecretString::from(value),
                source: Source::Env(secret.var().to_string()),
            }));
        }
    }
    if lookup("SECRETKEY_STORAGE_TYPE").as_deref() == Some("aws") {
        return Err(Error::usage(format!(
            "SECRETKEY_STORAGE_TYPE=aws: Flowise reads {} from AWS Secrets Manager (secret \"{}\"), which authctl cannot see; set {} to it for this command",
            describe(secret),
            secret.aws_id(lookup),
            secret.var()
        )));
    }
    let path = dir.join(secret.file());
    let Some(bytes) =
        crate::fsutil::read_regular(&path, "Flowise key file", crate::fsutil::KEY_FILE_LIMIT)?
    else {
        return Ok(None);
    };
    let text = String::from_utf8(bytes.to_vec()).map_err(|_| {
        Error::usage(format!(
            "Flowise key file \"{}\" is not UTF-8 text; Flowise reads it as text",
            path.display()
        ))
    })?;
    Ok(Some(Resolved {
        value: SecretString::from(text),
        source: Source::File(path),
    }))
}

/// An auth secret as Flowise up to 3.0.13 reads it: the variable if not
/// empty, as it is (the refresh secret falls back to the access-token
/// variable), else the built-in.
fn resolve_built_in(
    secret: FlowiseSecret,
    built_in: &'static str,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Resolved {
    let mut vars = vec![secret.var()];
    if secret == FlowiseSecret::JwtRefresh {
        vars.push(FlowiseSecret::JwtAuth.var());
    }
    for var in vars {
        if let Some(v) = lookup(var).filter(|v| !v.is_empty()) {
            return Resolved {
                value: SecretString::from(v),
                source: Source::Env(var.to_string()),
            };
        }
    }
    Resolved {
        value: SecretString::from(built_in.to_string()),
        source: Source::BuiltIn,
    }
}

/// `resolve`, where a missing secret is an error naming where it belongs.
pub fn require(
    secret: FlowiseSecret,
    lookup: &dyn Fn(&str) -> Option<String>,
    dir: &Path,
    from: SecretSource,
) -> Result<Resolved> {
    let resolved = resolve(secret, lookup, dir, from)?.ok_or_else(|| {
        Error::usage(format!(
            "no {}: neither {} nor \"{}\" holds one; start Flowise once (it writes its key files), or `authctl keygen` writes them",
            describe(secret),
            secret.var(),
            dir.join(secret.file()).display()
        ))
    })?;
    // Flowise signs with the file as it is; jsonwebtoken and
    // express-session refuse an empty secret, so every login fails, and
    // nothing may be signed or written with one.
    if let Source::File(path) = &resolved.source {
        if resolved.value.expose_secret().is_empty()
            && matches!(
                secret,
                FlowiseSecret::JwtAuth | FlowiseSecret::JwtRefresh | FlowiseSecret::ExpressSession
            )
        {
            return Err(Error::usage(format!(
                "Flowise key file \"{}\" is empty, so Flowise cannot sign with its {} either; `authctl keygen --force` replaces it, or set {}",
                path.display(),
                describe(secret),
                secret.var()
            )));
        }
    }
    Ok(resolved)
}

/// The secret as messages name it.
pub fn describe(secret: FlowiseSecret) -> &'static str {
    match secret {
        FlowiseSecret::Encryption => "encryption key",
        FlowiseSecret::JwtAuth => "access-token secret",
        FlowiseSecret::JwtRefresh => "refresh-token secret",
        FlowiseSecret::TokenHash => "token-hash secret",
        FlowiseSecret::ExpressSession => "session secret",
        FlowiseSecret::JwtIssuer => "token issuer",
        FlowiseSecret::JwtAudience => "token audience",
    }
}

/// `encryption.key` as `secret rotate` replaces it: CryptoJS values, and a
/// file with no trailing newline (Flowise reads it as it is).
pub struct EncryptionKey;

/// The pending new encryption key while a rotation is under way.
pub const PENDING_FILE: &str = "encryption.key.rotating";

impl crate::secrets::rotate::Scheme for EncryptionKey {
    fn key_name(&self) -> &'static str {
        "encryption key"
    }

    fn pending_file(&self) -> &'static str {
        PENDING_FILE
    }

    fn decrypt(&self, key: &SecretString, value: &str) -> Option<zeroize::Zeroizing<Vec<u8>>> {
        use secrecy::ExposeSecret;
        super::crypto::decrypt(key.expose_secret(), value)
            .map(|text| zeroize::Zeroizing::new(text.as_bytes().to_vec()))
    }

    fn encrypt(&self, key: &SecretString, plain: &[u8]) -> Result<String> {
        use secrecy::ExposeSecret;
        super::crypto::encrypt(key.expose_secret(), plain)
    }

    fn pending_key(&self, text: &str) -> SecretString {
        SecretString::from(text.to_string())
    }

    fn install(&self, dir: &Path, key: &SecretString) -> Result<crate::secrets::WriteReport> {
        write_key_file(dir, FlowiseSecret::Encryption, key, true)
    }
}

/// Write `value` as `secret`'s file in `dir`: 0600, atomically, without a
/// trailing newline; an existing file is replaced only with `force`, and
/// then kept as a backup.
pub fn write_key_file(
    dir: &Path,
    secret: FlowiseSecret,
    value: &SecretString,
    force: bool,
) -> Result<crate::secrets::WriteReport> {
    use crate::fsutil::{self, Overwrite};
    use secrecy::ExposeSecret;
    fsutil::ensure_dir(dir)?;
    let path = dir.join(secret.file());
    let overwrite = if force {
        Overwrite::Backup
    } else {
        Overwrite::Refuse
    };
    let text = value.expose_secret();
    let backup = fsutil::write_atomic(&path, text.as_bytes(), fsutil::SECRET_MODE, overwrite)?;
    Ok(crate::secrets::WriteReport {
        path,
        fingerprint: crate::secrets::fingerprint(text),
        written: true,
        backup,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    fn lookup<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
                .filter(|v| !v.is_empty())
        }
    }

    #[test]
    fn variables_win_unless_blank_or_weak_and_files_are_read_as_they_are() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("token_hash_secret.key"), "from-file\n").unwrap();
        std::fs::write(dir.path().join("encryption.key"), " raw key ").unwrap();
        let got = |secret, vars: &[(&str, &str)]| {
            let r = resolve(secret, &lookup(vars), dir.path(), SecretSource::KeyFiles)
                .unwrap()
                .unwrap();
            (r.value.expose_secret().to_string(), r.source)
        };
        let file = |name: &str| Source::File(dir.path().join(name));
        let env = |name: &str| Source::Env(name.to_string());
        assert_eq!(
            got(FlowiseSecret::TokenHash, &[]),
            ("from-file\n".into(), file("token_hash_secret.key")),
            "a file is not trimmed"
        );
        assert_eq!(
            got(
                FlowiseSecret::TokenHash,
                &[("TOKEN_HASH_SECRET", "popcorn")]
            ),
            ("from-file\n".into(), file("token_hash_secret.key")),
            "the weak default counts as unset"
        );
        assert_eq!(
            got(
                FlowiseSecret::TokenHash,
                &[("TOKEN_HASH_SECRET", " popcorn")]
            ),
            ("popcorn".into(), env("TOKEN_HASH_SECRET")),
            "compared untrimmed, used trimmed"
        );
        assert_eq!(
            got(FlowiseSecret::TokenHash, &[("TOKEN_HASH_SECRET", "   ")]),
            ("from-file\n".into(), file("token_hash_secret.key"))
        );
        assert_eq!(
            got(FlowiseSecret::Encryption, &[]),
            (" raw key ".into(), file("encryption.key"))
        );
        assert_eq!(
            got(
                FlowiseSecret::Encryption,
                &[("FLOWISE_SECRETKEY_OVERWRITE", " k ")]
            ),
            (" k ".into(), env("FLOWISE_SECRETKEY_OVERWRITE")),
            "the overwrite is used as it is"
        );
        assert!(resolve(
            FlowiseSecret::JwtAuth,
            &lookup(&[]),
            dir.path(),
            SecretSource::KeyFiles
        )
        .unwrap()
        .is_none());
        let err = resolve(
            FlowiseSecret::JwtAuth,
            &lookup(&[("SECRETKEY_STORAGE_TYPE", "aws")]),
            dir.path(),
            SecretSource::KeyFiles,
        )
        .unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(
            err.to_string().contains("FlowiseJWTAuthTokenSecret"),
            "{err}"
        );
        assert!(err.to_string().contains("JWT_AUTH_TOKEN_SECRET"), "{err}");
    }

    /// Up to 3.0.13: the variable as it is, else the public built-in; the
    /// key files are never read.
    #[test]
    fn releases_before_3_1_use_the_variables_or_the_built_ins() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("jwt_auth_token_secret.key"), "file").unwrap();
        let got = |secret, vars: &[(&str, &str)]| {
            let r = resolve(secret, &lookup(vars), dir.path(), SecretSource::BuiltIns)
                .unwrap()
                .unwrap();
            (r.value.expose_secret().to_string(), r.source)
        };
        let env = |name: &str| Source::Env(name.to_string());
        assert_eq!(
            got(FlowiseSecret::JwtAuth, &[]),
            ("auth_token".into(), Source::BuiltIn)
        );
        assert_eq!(
            got(
                FlowiseSecret::JwtRefresh,
                &[("JWT_AUTH_TOKEN_SECRET", " a ")]
            ),
            (" a ".into(), env("JWT_AUTH_TOKEN_SECRET")),
            "the refresh secret falls back to the access-token variable, untrimmed"
        );
        assert_eq!(
            got(
                FlowiseSecret::TokenHash,
                &[("TOKEN_HASH_SECRET", "popcorn")]
            ),
            ("popcorn".into(), env("TOKEN_HASH_SECRET")),
            "no weak default is ignored"
        );
        assert_eq!(
            got(FlowiseSecret::JwtAudience, &[]),
            ("AUDIENCE".into(), Source::BuiltIn)
        );
    }

    #[test]
    fn new_values_have_flowises_shapes() {
        assert_eq!(
            FlowiseSecret::Encryption
                .generate()
                .unwrap()
                .expose_secret()
                .len(),
            32
        );
        assert_eq!(
            FlowiseSecret::JwtAuth
                .generate()
                .unwrap()
                .expose_secret()
                .len(),
            44
        );
        assert_eq!(
            FlowiseSecret::JwtIssuer.generate().unwrap().expose_secret(),
            "flowise"
        );
    }
}
