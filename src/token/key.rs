//! Keys as the token functions see them: one signing key, and the local verify keys.
//!
//! Secrets and private keys sit in `secrecy`/`zeroize` wrappers and never appear in
//! `Debug` output or error messages. A `VerifyKey` holding an RSA public key was
//! checked to parse when it was built, so a broken key file cannot pose as a bad
//! signature later.

use std::fmt;

use jsonwebtoken::{DecodingKey, DecodingKeyKind, EncodingKey};
use rsa::pkcs1::{DecodeRsaPrivateKey, DecodeRsaPublicKey};
use rsa::traits::PublicKeyParts;
use secrecy::{ExposeSecret, SecretSlice, SecretString};
use zeroize::Zeroizing;

use super::KeyFamily;
use crate::error::{Error, Result};

/// RFC 7518 §3.3: RSA keys for RS* must be at least 2048 bits.
pub const MIN_RSA_BITS: usize = 2048;

/// The key a token is minted with.
#[derive(Clone)]
pub enum SigningKey {
    /// The secret key text; its UTF-8 bytes are the HMAC key (as Langflow uses it).
    Hmac(SecretString),
    /// A raw HMAC key, e.g. the decoded `k` of an `oct` JWK.
    HmacBytes(SecretSlice<u8>),
    /// An RSA private key, PKCS#8 (`BEGIN PRIVATE KEY`) or PKCS#1 (`BEGIN RSA PRIVATE KEY`) PEM.
    Rsa {
        /// The PEM text.
        private_pem: Zeroizing<String>,
        /// Put in the header as `kid` when present.
        kid: Option<String>,
        /// Where the key came from, for messages ("AUTHCTL_PRIVATE_KEY",
        /// a file path).
        source: String,
    },
}

impl SigningKey {
    /// An HMAC key from raw bytes.
    pub fn hmac_bytes(bytes: Vec<u8>) -> Self {
        SigningKey::HmacBytes(SecretSlice::from(bytes))
    }

    /// An RSA key from its private PEM and optional key id.
    pub fn rsa_pem(private_pem: impl Into<String>, kid: Option<String>) -> Self {
        SigningKey::Rsa {
            private_pem: Zeroizing::new(private_pem.into()),
            kid,
            source: "the private key".to_string(),
        }
    }

    /// This key, named `source` in messages.
    pub fn named(mut self, name: impl Into<String>) -> Self {
        if let SigningKey::Rsa { source, .. } = &mut self {
            *source = name.into();
        }
        self
    }

    /// The RSA private key and its source, after the checks of
    /// `encoding_key`; `None` for an HMAC key.
    pub(crate) fn rsa_private(&self) -> Result<Option<(rsa::RsaPrivateKey, &str)>> {
        match self {
            SigningKey::Rsa {
                private_pem,
                source,
                ..
            } => {
                let key = rsa_private_key(private_pem)?;
                let bits = key.size() * 8;
                if bits < MIN_RSA_BITS {
                    return Err(Error::usage(format!(
                        "RSA private key is {bits} bits; RS256/RS512 need at least {MIN_RSA_BITS}"
                    )));
                }
                Ok(Some((key, source)))
            }
            SigningKey::Hmac(_) | SigningKey::HmacBytes(_) => Ok(None),
        }
    }

    /// Which algorithms this key can sign for.
    pub fn family(&self) -> KeyFamily {
        match self {
            SigningKey::Hmac(_) | SigningKey::HmacBytes(_) => KeyFamily::Hmac,
            SigningKey::Rsa { .. } => KeyFamily::Rsa,
        }
    }

    /// The key id minted tokens carry (RSA keys only).
    pub fn kid(&self) -> Option<&str> {
        match self {
            SigningKey::Rsa { kid, .. } => kid.as_deref(),
            SigningKey::Hmac(_) | SigningKey::HmacBytes(_) => None,
        }
    }

    /// The key that verifies what this key signs: the same secret, or the RSA public
    /// half (SPKI PEM) with the same kid.
    #[cfg(test)]
    pub fn verify_key(&self) -> Result<VerifyKey> {
        match self {
            SigningKey::Hmac(secret) => Ok(VerifyKey::hmac_secret(secret)),
            SigningKey::HmacBytes(bytes) => {
                Ok(VerifyKey::hmac_bytes(bytes.expose_secret().to_vec()))
            }
            SigningKey::Rsa {
                private_pem, kid, ..
            } => {
                let private = rsa_private_key(private_pem)?;
                VerifyKey::rsa_public(&private.to_public_key(), kid.clone())
            }
        }
    }

    /// The jsonwebtoken key, after checking it is usable (non-empty secret, a real
    /// RSA private key of at least [`MIN_RSA_BITS`]).
    pub(crate) fn encoding_key(&self) -> Result<EncodingKey> {
        match self {
            SigningKey::Hmac(secret) => hmac_encoding_key(secret.expose_secret().as_bytes()),
            SigningKey::HmacBytes(bytes) => hmac_encoding_key(bytes.expose_secret()),
            SigningKey::Rsa { private_pem, .. } => {
                self.rsa_private()?;
                EncodingKey::from_rsa_pem(private_pem.as_bytes())
                    .map_err(|_| Error::usage("RSA private key is not a valid PEM private key"))
            }
        }
    }
}

fn hmac_encoding_key(bytes: &[u8]) -> Result<EncodingKey> {
    if bytes.is_empty() {
        return Err(Error::usage("HMAC secret is empty"));
    }
    Ok(EncodingKey::from_secret(bytes))
}

/// Parse a private PEM the way jsonwebtoken will (PKCS#1 DER, unwrapped from PKCS#8).
fn rsa_private_key(pem: &str) -> Result<rsa::RsaPrivateKey> {
    let invalid = || Error::usage("RSA private key is not a valid PEM private key");
    let key = EncodingKey::from_rsa_pem(pem.as_bytes()).map_err(|_| invalid())?;
    rsa::RsaPrivateKey::from_pkcs1_der(key.inner()).map_err(|_| {
        Error::usage("RSA private key PEM does not hold an RSA private key (a public key?)")
    })
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SigningKey::Hmac(_) => f.write_str("SigningKey::Hmac([REDACTED])"),
            SigningKey::HmacBytes(_) => f.write_str("SigningKey::HmacBytes([REDACTED])"),
            SigningKey::Rsa { kid, .. } => f
                .debug_struct("SigningKey::Rsa")
                .field("private_pem", &"[REDACTED]")
                .field("kid", kid)
                .finish(),
        }
    }
}

/// What a verify key holds.
#[derive(Clone, Debug)]
pub enum KeyMaterial {
    /// HMAC key bytes (redacted in `Debug`, zeroized on drop).
    HmacSecret(SecretSlice<u8>),
    /// An RSA public key as PKCS#1 DER (what ring verifies with), checked
    /// once when the key is made.
    RsaPublicDer(Vec<u8>),
}

/// One local key a token may verify against.
///
/// A verifier holds the HMAC secret, the current RSA public key with its kid, and
/// the retired RSA public keys with theirs (`retired: true`). A key is used for a
/// token only when both `alg_family` and `material` match the policy's algorithm.
#[derive(Clone, Debug)]
pub struct VerifyKey {
    /// The key id a token's `kid` header is matched against.
    pub kid: Option<String>,
    /// The algorithm family this key is for.
    pub alg_family: KeyFamily,
    /// The key itself.
    pub material: KeyMaterial,
    /// A rotated-out key: tried after the current ones when a token has no kid.
    pub retired: bool,
}

impl VerifyKey {
    /// The HMAC key authctl uses: the UTF-8 bytes of the secret key text.
    pub fn hmac_secret(secret: &SecretString) -> Self {
        Self::hmac_bytes(secret.expose_secret().as_bytes().to_vec())
    }

    /// An HMAC key from raw bytes (e.g. a decoded JWK `k`).
    pub fn hmac_bytes(bytes: Vec<u8>) -> Self {
        VerifyKey {
            kid: None,
            alg_family: KeyFamily::Hmac,
            material: KeyMaterial::HmacSecret(SecretSlice::from(bytes)),
            retired: false,
        }
    }

    /// An RSA public key from PEM; refuses (usage error) anything that is not one,
    /// including a private key.
    pub fn rsa_public_pem(pem: &str, kid: Option<String>) -> Result<Self> {
        let which = match &kid {
            Some(kid) => format!("RSA public key {}", super::quoted(kid)),
            None => "RSA public key".to_string(),
        };
        let key = DecodingKey::from_rsa_pem(pem.as_bytes())
            .map_err(|_| Error::usage(format!("{which} is not a valid PEM public key")))?;
        let der = rsa_public_der(&key).ok_or_else(|| {
            Error::usage(format!(
                "{which} is not an RSA public key (a private key? give the public half)"
            ))
        })?;
        Ok(Self::rsa_der(der, kid))
    }

    /// An RSA public key already parsed (a key file's, or the public half
    /// of a private key): encoded once, never parsed again.
    pub fn rsa_public(key: &rsa::RsaPublicKey, kid: Option<String>) -> Result<Self> {
        use rsa::pkcs1::EncodeRsaPublicKey;
        let der = key
            .to_pkcs1_der()
            .map_err(|e| Error::Failure(format!("cannot encode the RSA public key: {e}")))?;
        Ok(Self::rsa_der(der.into_vec(), kid))
    }

    fn rsa_der(der: Vec<u8>, kid: Option<String>) -> Self {
        VerifyKey {
            kid,
            alg_family: KeyFamily::Rsa,
            material: KeyMaterial::RsaPublicDer(der),
            retired: false,
        }
    }

    /// The same key, marked as retired.
    pub fn retired(mut self) -> Self {
        self.retired = true;
        self
    }

    /// The jsonwebtoken key when this key can verify for `family`.
    pub(crate) fn decoding_key(&self, family: KeyFamily) -> Option<DecodingKey> {
        if self.alg_family != family {
            return None;
        }
        match (&self.material, family) {
            (KeyMaterial::HmacSecret(bytes), KeyFamily::Hmac) => {
                Some(DecodingKey::from_secret(bytes.expose_secret()))
            }
            (KeyMaterial::RsaPublicDer(der), KeyFamily::Rsa) => {
                Some(DecodingKey::from_rsa_der(der))
            }
            _ => None,
        }
    }
}

/// The PKCS#1 public key DER of a key jsonwebtoken read from PEM, when it
/// is one (a private key's PEM is not).
fn rsa_public_der(key: &DecodingKey) -> Option<Vec<u8>> {
    match key.kind() {
        DecodingKeyKind::SecretOrDer(der) => rsa::RsaPublicKey::from_pkcs1_der(der)
            .ok()
            .map(|_| der.to_vec()),
        DecodingKeyKind::RsaModulusExponent { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::testkeys;

    #[test]
    fn debug_never_shows_key_material() {
        let keys = [
            SigningKey::Hmac(SecretString::from("hunter2-hunter2")),
            SigningKey::hmac_bytes(b"hunter2-hunter2".to_vec()),
            SigningKey::rsa_pem(testkeys::CURRENT_PRIVATE, Some("k1".into())),
        ];
        for key in keys {
            let shown = format!("{key:?}");
            assert!(!shown.contains("hunter2"), "{shown}");
            assert!(!shown.contains("PRIVATE"), "{shown}");
        }
        let verify = VerifyKey::hmac_bytes(b"hunter2-hunter2".to_vec());
        assert!(!format!("{verify:?}").contains("hunter2"));
    }

    #[test]
    fn rsa_public_pem_accepts_spki_and_refuses_private_or_garbage() {
        let key = VerifyKey::rsa_public_pem(testkeys::CURRENT_PUBLIC, Some("k1".into())).unwrap();
        assert_eq!(key.alg_family, KeyFamily::Rsa);
        assert!(!key.retired);
        assert!(key.clone().retired().retired);
        assert!(key.decoding_key(KeyFamily::Rsa).is_some());
        assert!(key.decoding_key(KeyFamily::Hmac).is_none());

        let err =
            VerifyKey::rsa_public_pem(testkeys::CURRENT_PRIVATE, Some("k1".into())).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("not an RSA public key"), "{err}");
        assert!(!err.to_string().contains("BEGIN"), "{err}");

        for garbage in [
            "",
            "not a pem",
            "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
        ] {
            let err = VerifyKey::rsa_public_pem(garbage, None).unwrap_err();
            assert_eq!(
                err.to_string(),
                "RSA public key is not a valid PEM public key"
            );
        }
    }

    #[test]
    fn a_parsed_rsa_public_key_is_the_key_its_pem_gives() {
        use rsa::pkcs8::DecodePublicKey;
        let from_pem = VerifyKey::rsa_public_pem(testkeys::CURRENT_PUBLIC, None).unwrap();
        let parsed = rsa::RsaPublicKey::from_public_key_pem(testkeys::CURRENT_PUBLIC).unwrap();
        let direct = VerifyKey::rsa_public(&parsed, Some("k1".into())).unwrap();
        assert_eq!(direct.kid.as_deref(), Some("k1"));
        match (&from_pem.material, &direct.material) {
            (KeyMaterial::RsaPublicDer(a), KeyMaterial::RsaPublicDer(b)) => assert_eq!(a, b),
            other => panic!("{other:?}"),
        }
        let other = VerifyKey::rsa_public_pem(testkeys::RETIRED_PUBLIC, None).unwrap();
        match (&other.material, &direct.material) {
            (KeyMaterial::RsaPublicDer(a), KeyMaterial::RsaPublicDer(b)) => assert_ne!(a, b),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn mismatched_family_and_material_is_never_used() {
        let mut key = VerifyKey::hmac_bytes(b"secret".to_vec());
        key.alg_family = KeyFamily::Rsa;
        assert!(key.decoding_key(KeyFamily::Rsa).is_none());
        assert!(key.decoding_key(KeyFamily::Hmac).is_none());
    }

    #[test]
    fn verify_key_of_an_rsa_signing_key_is_its_public_half() {
        let signing = SigningKey::rsa_pem(testkeys::CURRENT_PRIVATE, Some("k1".into()));
        let verify = signing.verify_key().unwrap();
        assert_eq!(verify.kid.as_deref(), Some("k1"));
        match &verify.material {
            KeyMaterial::RsaPublicDer(der) => {
                let expected = DecodingKey::from_rsa_pem(testkeys::CURRENT_PUBLIC.as_bytes());
                assert_eq!(Some(der), rsa_public_der(&expected.unwrap()).as_ref());
            }
            other => panic!("{other:?}"),
        }
        let hmac = SigningKey::Hmac(SecretString::from("abc"))
            .verify_key()
            .unwrap();
        match &hmac.material {
            KeyMaterial::HmacSecret(bytes) => assert_eq!(bytes.expose_secret(), b"abc"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn encoding_key_refuses_unusable_keys() {
        let cases = [
            (
                SigningKey::Hmac(SecretString::from("")),
                "HMAC secret is empty",
            ),
            (SigningKey::hmac_bytes(Vec::new()), "HMAC secret is empty"),
            (
                SigningKey::rsa_pem("garbage", None),
                "RSA private key is not a valid PEM private key",
            ),
            (
                SigningKey::rsa_pem(testkeys::CURRENT_PUBLIC, None),
                "does not hold an RSA private key",
            ),
            (
                SigningKey::rsa_pem(testkeys::SMALL_PRIVATE, None),
                "RSA private key is 1024 bits; RS256/RS512 need at least 2048",
            ),
        ];
        for (key, needle) in cases {
            let err = key.encoding_key().unwrap_err();
            assert_eq!(err.exit_code(), 2, "{key:?}");
            assert!(err.to_string().contains(needle), "{err}");
        }
        assert!(SigningKey::rsa_pem(testkeys::CURRENT_PKCS1_PRIVATE, None)
            .encoding_key()
            .is_ok());
    }
}
