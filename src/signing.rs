//! Which key signs and which keys verify, from the settings and the key
//! directory: the one place that turns configuration into token keys.
//!
//! Precedence (the seeds'): a key given in the environment (`*_SECRET_KEY`,
//! `*_PRIVATE_KEY`, `*_PUBLIC_KEY`) wins over the files in the config dir.

use crate::error::{Error, Result};
use crate::keys::{self, KeyDir};
use crate::profile::Setting;
use crate::settings::Settings;
use crate::token::{Alg, SigningKey, VerifyKey};
use secrecy::{ExposeSecret, SecretString};

/// The algorithm a command uses: `--alg`, else `*_ALGORITHM`, else HS256.
pub fn algorithm(settings: &Settings, flag: Option<Alg>) -> Result<Alg> {
    if let Some(alg) = flag {
        return Ok(alg);
    }
    let Some(raw) = settings.algorithm.as_deref() else {
        return Ok(Alg::HS256);
    };
    raw.parse::<Alg>().map_err(|_| {
        Error::usage(format!(
            "{}=\"{raw}\" is not a supported algorithm; use HS256, RS256 or RS512",
            settings.var_name(Setting::Algorithm)
        ))
    })
}

/// The secret key: the variable wins over the `secret_key` file (trimmed).
pub fn secret_key(settings: &Settings) -> Result<Option<SecretString>> {
    if let Some(s) = &settings.secret_key {
        return Ok(Some(SecretString::from(
            s.expose_secret().trim().to_string(),
        )));
    }
    crate::secrets::read_secret_file(&settings.config_dir)
}

/// The secret key, or NotFound naming the way forward: when the directory
/// holds an RSA key pair and no algorithm was chosen, the variable that
/// selects it (someone who just ran `keygen --alg RS256` wants that key, not
/// a new secret).
pub fn require_secret_key(settings: &Settings) -> Result<SecretString> {
    secret_key(settings)?.ok_or_else(|| {
        let path = settings.config_dir.join(crate::secrets::SECRET_KEY_FILE);
        let has_rsa = settings.private_key.is_some()
            || matches!(
                crate::fsutil::exists(&KeyDir::new(&settings.config_dir).private_key_path()),
                Ok(true)
            );
        let var = settings.var_name(Setting::Algorithm);
        if has_rsa && settings.algorithm.is_none() {
            Error::NotFound(format!(
                "no secret key for HS256, the default algorithm, but \"{}\" has an RSA key pair; to sign with it set {var}=RS256 (or pass --alg RS256)",
                settings.config_dir.display()
            ))
        } else {
            Error::NotFound(format!(
                "no secret key: {} is unset and \"{}\" does not exist; create one with `authctl keygen --alg HS256`",
                settings.var_name(Setting::SecretKey),
                path.display()
            ))
        }
    })
}

/// The RSA private key PEM (PKCS#8), its kid and where it came from: the
/// variable wins over the file. It is about to sign, and the signature is
/// checked, so it is validated to `Check::ToSign`.
fn rsa_private(
    settings: &Settings,
    alg: Alg,
) -> Result<(zeroize::Zeroizing<String>, String, String)> {
    let dir = KeyDir::new(&settings.config_dir);
    let (key, source) = match &settings.private_key {
        Some(pem) => {
            let var = settings.var_name(Setting::PrivateKey);
            let key = keys::parse_private_pem_to_sign(pem.expose_secret())
                .map_err(|e| Error::usage(format!("{var}: {e}")))?;
            (key, var.to_string())
        }
        None => match dir.current_checked(keys::Check::ToSign)? {
            Some((private, _public)) => (
                private,
                format!("private key file \"{}\"", dir.private_key_path().display()),
            ),
            None => {
                return Err(Error::NotFound(format!(
                    "no RSA private key in \"{}\"; create one with `authctl keygen --alg {alg}`",
                    settings.config_dir.display()
                )))
            }
        },
    };
    let kid = keys::thumbprint(&key.to_public_key());
    Ok((keys::private_pkcs8_pem(&key)?, kid, source))
}

/// The key that signs tokens with `alg`.
pub fn signing_key(settings: &Settings, alg: Alg) -> Result<SigningKey> {
    if alg.is_rsa() {
        let (pem, kid, source) = rsa_private(settings, alg)?;
        Ok(SigningKey::rsa_pem(pem.as_str(), Some(kid)).named(source))
    } else {
        Ok(SigningKey::Hmac(require_secret_key(settings)?))
    }
}

/// The public key from `*_PUBLIC_KEY`, if set. It must be the public half
/// of the private key in use (the variable's or the file's, when there is
/// one): a mismatch is a usage error naming the variable, never a silent
/// choice of one of the two.
pub fn public_override(settings: &Settings) -> Result<Option<rsa::RsaPublicKey>> {
    let Some(pem) = &settings.public_key else {
        return Ok(None);
    };
    let var = settings.var_name(Setting::PublicKey);
    let public = keys::parse_public_pem(pem).map_err(|e| Error::usage(format!("{var}: {e}")))?;
    let (private, source) = match &settings.private_key {
        Some(pem) => (
            Some(keys::parse_private_pem(pem.expose_secret()).map_err(|e| {
                Error::usage(format!("{}: {e}", settings.var_name(Setting::PrivateKey)))
            })?),
            settings.var_name(Setting::PrivateKey).to_string(),
        ),
        None => {
            let dir = KeyDir::new(&settings.config_dir);
            (
                dir.current()?.map(|(private, _)| private),
                format!("\"{}\"", dir.private_key_path().display()),
            )
        }
    };
    if let Some(private) = private {
        if private.to_public_key() != public {
            return Err(Error::usage(format!(
                "{var} does not match the private key in {source}; set {var} to its public key (`authctl keys jwks`) or unset it"
            )));
        }
    }
    Ok(Some(public))
}

/// Every key that may verify a token signed with `alg`: for HS256 the
/// secret key; for RS* the configured public key (or the current pair's)
/// and the retired public keys kept in the key directory.
pub fn verify_keys(settings: &Settings, alg: Alg) -> Result<Vec<VerifyKey>> {
    if !alg.is_rsa() {
        return Ok(vec![VerifyKey::hmac_secret(&require_secret_key(settings)?)]);
    }
    let mut out = Vec::new();
    if let Some(public) = public_override(settings)? {
        let kid = keys::thumbprint(&public);
        out.push(VerifyKey::rsa_public(&public, Some(kid))?);
    } else if let Some(pem) = &settings.private_key {
        let private = keys::parse_private_pem(pem.expose_secret()).map_err(|e| {
            Error::usage(format!("{}: {e}", settings.var_name(Setting::PrivateKey)))
        })?;
        let public = private.to_public_key();
        let kid = keys::thumbprint(&public);
        out.push(VerifyKey::rsa_public(&public, Some(kid))?);
    }
    for k in KeyDir::new(&settings.config_dir).verification_keys()? {
        if out.iter().any(|v| v.kid.as_deref() == Some(k.kid.as_str())) {
            continue;
        }
        let v = VerifyKey::rsa_public(&k.key, Some(k.kid.clone()))?;
        out.push(if k.status == keys::KeyStatus::Retired {
            v.retired()
        } else {
            v
        });
    }
    if out.is_empty() {
        return Err(Error::NotFound(format!(
            "no RSA public key in \"{}\"; create one with `authctl keygen --alg {alg}`",
            settings.config_dir.display()
        )));
    }
    Ok(out)
}
