//! Open WebUI's secret key: where the server finds it, and the ciphers of
//! the values it keeps under it.
//!
//! - `WEBUI_SECRET_KEY` when set; else `.webui_secret_key` in the folder
//!   `open-webui serve` is started in, read as it is (`__init__.py` uses
//!   `read_text()`, so a trailing newline is part of the key); else the
//!   deprecated `WEBUI_JWT_SECRET_KEY` (`env.py`), which `serve` never
//!   reaches when the file exists.
//! - The key signs session tokens (HS256 over its UTF-8 bytes) and keys
//!   Fernet values in three forms: a key of 44 characters is the Fernet
//!   key itself, any other is `urlsafe_b64encode(sha256(key))`
//!   (`models/oauth_sessions.py`, `utils/oauth.py`, `utils/valves.py`);
//!   MFA secrets use HKDF-SHA256 of the key with info
//!   `open-webui/mfa-encryption/v1` (`utils/mfa.py`), and app API keys the
//!   same with `open-webui-app-keys-v1` (`utils/apps.py`).
//!
//! Invariants: the key file is written 0600, atomically, without a
//! trailing newline (as `serve` writes it); nothing here prints a key.

use crate::error::{Error, Result};
use crate::settings::Settings;
use base64::Engine as _;
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};
use std::path::Path;
use zeroize::Zeroizing;

/// The key file `open-webui serve` reads in its working directory.
pub(crate) const KEY_FILE: &str = ".webui_secret_key";
/// Where a rotation keeps the new key until it is installed.
pub(super) const PENDING_FILE: &str = ".webui_secret_key.rotating";
/// The variable that wins over the file.
pub(super) const VAR: &str = "WEBUI_SECRET_KEY";
/// The deprecated variable, read only when neither is there.
pub(super) const OLD_VAR: &str = "WEBUI_JWT_SECRET_KEY";

/// Where the key in use comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Source {
    Var(&'static str),
    File(std::path::PathBuf),
}

impl Source {
    pub(super) fn describe(&self) -> String {
        match self {
            Source::Var(v) => (*v).to_string(),
            Source::File(p) => format!("\"{}\"", p.display()),
        }
    }
}

/// The key file's text as the server reads it, `None` when missing or
/// empty.
pub(super) fn read_key_file(dir: &Path) -> Result<Option<SecretString>> {
    let path = dir.join(KEY_FILE);
    let Some(bytes) =
        crate::fsutil::read_regular(&path, "secret key file", crate::fsutil::KEY_FILE_LIMIT)?
    else {
        return Ok(None);
    };
    let bytes = Zeroizing::new(bytes);
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        Error::usage(format!(
            "secret key file \"{}\" is not UTF-8 text, which Open WebUI cannot read; replace it with `authctl --profile open-webui secret rotate`",
            path.display()
        ))
    })?;
    // Python's `read_text()` reads with universal newlines: `\r\n` and a
    // lone `\r` are `\n` to the server.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    Ok((!text.is_empty()).then(|| SecretString::from(text)))
}

/// A variable as Open WebUI's `os.getenv` sees it: set empty is not
/// unset (authctl's settings count an empty value as unset).
pub(super) fn raw_var<'a>(s: &'a Settings, name: &str) -> Option<&'a str> {
    s.lookup(name)
        .or_else(|| (s.var_in_process(name) == Some("") || s.var_in_env_file(name)).then_some(""))
}

/// The key the server uses, and where it comes from.
pub(super) fn resolve(s: &Settings) -> Result<Option<(SecretString, Source)>> {
    match raw_var(s, VAR) {
        // `serve` reads the file only while the variable is unset; set
        // empty, Open WebUI refuses to start.
        Some("") => {
            return Err(Error::usage(format!(
                "{VAR} is set but empty, and Open WebUI refuses to start so; unset it to use .webui_secret_key, or give it the key"
            )))
        }
        Some(v) => return Ok(Some((SecretString::from(v.to_string()), Source::Var(VAR)))),
        None => {}
    }
    if let Some(key) = read_key_file(&s.config_dir)? {
        return Ok(Some((key, Source::File(s.config_dir.join(KEY_FILE)))));
    }
    Ok(s.lookup(OLD_VAR)
        .filter(|v| !v.is_empty())
        .map(|v| (SecretString::from(v.to_string()), Source::Var(OLD_VAR))))
}

/// The key, or NotFound saying where it belongs.
pub(super) fn require(s: &Settings) -> Result<(SecretString, Source)> {
    resolve(s)?.ok_or_else(|| {
        Error::NotFound(format!(
            "no Open WebUI secret key: {VAR} is unset and \"{}\" does not exist; run authctl where Open WebUI is started (or pass --config-dir), set {VAR}, or create one with `authctl --profile open-webui keygen`",
            s.config_dir.join(KEY_FILE).display()
        ))
    })
}

/// Write `key` into `dir`'s key file (0600, atomic, no newline); an
/// existing file is replaced only with `force`, kept as a backup.
pub(super) fn write_key_file(
    dir: &Path,
    key: &SecretString,
    force: bool,
) -> Result<crate::secrets::WriteReport> {
    use crate::fsutil::{self, Overwrite};
    let text = key.expose_secret();
    if text.is_empty() {
        return Err(Error::usage(
            "refusing to store an empty secret key; generate one with `authctl --profile open-webui secret generate`",
        ));
    }
    fsutil::ensure_dir(dir)?;
    let path = dir.join(KEY_FILE);
    if let Ok(Some(existing)) = read_key_file(dir) {
        if existing.expose_secret() == text {
            return Ok(crate::secrets::WriteReport {
                path,
                fingerprint: crate::secrets::fingerprint(text),
                written: false,
                backup: None,
            });
        }
    }
    let overwrite = if force {
        Overwrite::Backup
    } else {
        Overwrite::Refuse
    };
    let backup = fsutil::write_atomic(&path, text.as_bytes(), fsutil::SECRET_MODE, overwrite)?;
    Ok(crate::secrets::WriteReport {
        path,
        fingerprint: crate::secrets::fingerprint(text),
        written: true,
        backup,
    })
}

/// A new key: 32 random bytes, URL-safe base64 (43 characters; never 44,
/// which Open WebUI would take as a Fernet key itself).
pub(super) fn generate() -> Result<SecretString> {
    crate::secrets::generate(
        crate::secrets::DEFAULT_BYTES,
        crate::secrets::Encoding::UrlSafe,
    )
}

/// Which Fernet key a stored value is under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    /// The key itself (44 characters) or its SHA-256: OAuth sessions,
    /// OAuth client info, valves.
    Plain,
    /// HKDF for MFA secrets.
    Mfa,
    /// HKDF for app API keys.
    App,
}

impl Form {
    /// The tag a layout puts before a value of this form when it hands it
    /// to a rotation (Fernet tokens start with `gAAAA`, never with these).
    fn tag(self) -> &'static str {
        match self {
            Form::Plain => "",
            Form::Mfa => "mfa:",
            Form::App => "app:",
        }
    }

    /// `value` tagged with this form.
    pub(super) fn tagged(self, value: &str) -> String {
        format!("{}{value}", self.tag())
    }

    /// The form and the Fernet token of a tagged value.
    pub(super) fn untag(value: &str) -> (Form, &str) {
        for form in [Form::Mfa, Form::App] {
            if let Some(token) = value.strip_prefix(form.tag()) {
                return (form, token);
            }
        }
        (Form::Plain, value)
    }
}

/// The Fernet instance Open WebUI uses for `form` under `key`.
pub(super) fn fernet(key: &str, form: Form) -> Result<fernet::Fernet> {
    let raw: Zeroizing<Vec<u8>> = match form {
        Form::Plain if key.chars().count() == 44 => Zeroizing::new(lenient_b64(key).ok_or_else(|| {
            Error::usage(
                "an Open WebUI secret key of 44 characters is used as a Fernet key itself, and this one is not one (URL-safe base64 of 32 bytes); Open WebUI cannot start with it: use a key of another length",
            )
        })?),
        Form::Plain => Zeroizing::new(Sha256::digest(key.as_bytes()).to_vec()),
        Form::Mfa => hkdf(key, b"open-webui/mfa-encryption/v1"),
        Form::App => hkdf(key, b"open-webui-app-keys-v1"),
    };
    let text = Zeroizing::new(base64::engine::general_purpose::URL_SAFE.encode(&*raw));
    fernet::Fernet::new(&text)
        .ok_or_else(|| Error::Failure("cannot build a Fernet key from 32 bytes".into()))
}

/// Python's `base64.urlsafe_b64decode` (not validating: characters outside
/// the alphabet are dropped), if it gives 32 bytes.
fn lenient_b64(text: &str) -> Option<Vec<u8>> {
    use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
    let kept: String = text
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            c => c,
        })
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '='))
        .collect();
    // binascii wants whole, padded quanta (else "Incorrect padding"), and
    // ignores the unused bits of the last one.
    if kept.len() % 4 != 0 {
        return None;
    }
    let engine = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new()
            .with_decode_allow_trailing_bits(true)
            .with_decode_padding_mode(DecodePaddingMode::RequireCanonical),
    );
    let bytes = engine.decode(&kept).ok()?;
    (bytes.len() == 32).then_some(bytes)
}

/// HKDF-SHA256 of `key` without salt, 32 bytes for `info`.
fn hkdf(key: &str, info: &'static [u8]) -> Zeroizing<Vec<u8>> {
    use ring::hkdf::{Salt, HKDF_SHA256};
    let prk = Salt::new(HKDF_SHA256, &[]).extract(key.as_bytes());
    let mut out = Zeroizing::new(vec![0u8; 32]);
    let info = [info];
    // HKDF_SHA256's length (32) is within what expand allows.
    if let Ok(okm) = prk.expand(&info, HKDF_SHA256) {
        let _ = okm.fill(&mut out);
    }
    out
}

/// `plain` encrypted in `form` under `key`.
pub(super) fn encrypt(key: &str, form: Form, plain: &[u8]) -> Result<String> {
    Ok(fernet(key, form)?.encrypt(plain))
}

/// A tagged value decrypted under `key`, if it decrypts.
pub(super) fn decrypt(key: &str, value: &str) -> Option<Zeroizing<Vec<u8>>> {
    let (form, token) = Form::untag(value);
    fernet(key, form)
        .ok()?
        .decrypt(token.trim())
        .ok()
        .map(Zeroizing::new)
}

/// The secret key and the values under it, as a rotation sees them.
pub(super) struct SecretKeyScheme;

impl crate::secrets::rotate::Scheme for SecretKeyScheme {
    fn key_name(&self) -> &'static str {
        "secret key"
    }

    fn pending_file(&self) -> &'static str {
        PENDING_FILE
    }

    fn decrypt(&self, key: &SecretString, value: &str) -> Option<Zeroizing<Vec<u8>>> {
        decrypt(key.expose_secret(), value)
    }

    fn encrypt(&self, key: &SecretString, plain: &[u8]) -> Result<String> {
        encrypt(key.expose_secret(), Form::Plain, plain)
    }

    fn encrypt_like(&self, key: &SecretString, plain: &[u8], stored: &str) -> Result<String> {
        let (form, _) = Form::untag(stored);
        Ok(form.tagged(&encrypt(key.expose_secret(), form, plain)?))
    }

    fn pending_key(&self, text: &str) -> SecretString {
        SecretString::from(text.to_string())
    }

    fn install(&self, dir: &Path, key: &SecretString) -> Result<crate::secrets::WriteReport> {
        write_key_file(dir, key, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_open_webui_wrote_decrypt_in_their_form() {
        // home-offline's oauth_session row, written with Open WebUI's
        // cipher under the key in its .webui_secret_key.
        let key = "LPLfDE8u5RkjW4LNHmG9XDvyt0R6+5On";
        let made = encrypt(key, Form::Plain, b"{}").unwrap();
        assert_eq!(decrypt(key, &made).unwrap().as_slice(), b"{}");
        assert!(decrypt("another key", &made).is_none());
        let mfa = Form::Mfa.tagged(&encrypt(key, Form::Mfa, b"JBSWY3DP").unwrap());
        assert_eq!(decrypt(key, &mfa).unwrap().as_slice(), b"JBSWY3DP");
        // The same token read in the other form does not decrypt.
        assert!(decrypt(key, Form::untag(&mfa).1).is_none());
    }

    #[test]
    fn a_44_character_key_is_the_fernet_key_itself() {
        let raw = [7u8; 32];
        let standard = base64::engine::general_purpose::STANDARD.encode(raw);
        let url = base64::engine::general_purpose::URL_SAFE.encode(raw);
        assert_eq!(standard.len(), 44);
        let made = encrypt(&standard, Form::Plain, b"x").unwrap();
        // Python's urlsafe_b64decode reads either alphabet alike.
        assert!(decrypt(&url, &made).is_some());
        assert!(fernet(&"x".repeat(44), Form::Plain).is_err());
        // Python's decoder refuses what is not padded whole quanta.
        assert!(fernet(&format!("{}.", "A".repeat(43)), Form::Plain).is_err());
        assert!(fernet(&format!("{}=", "A".repeat(43)), Form::Plain).is_ok());
    }
}
