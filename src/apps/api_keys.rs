//! API-key material as the app stores it: the key's SHA-256, and for an
//! app that keeps each key encrypted under its secret key (Langflow's
//! `api_key`, authctl's own) the Fernet value, made while the key lock is
//! held so a rotation cannot replace the secret key between our reading it
//! and our values landing. `apikey create` and `apply` both make keys so.

use crate::error::Result;
use crate::secrets::lock::KeyLock;
use crate::secrets::rotate::Scheme;
use crate::settings::Settings;
use crate::store::{ApiKeyStorage, Store};
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};

/// What encrypts API keys for storage: nothing, or the secret key under
/// the scheme of the database's release, with the key lock held until this
/// is dropped (after the commit).
pub struct KeyCipher {
    key: Option<(SecretString, &'static dyn Scheme)>,
    _lock: Option<KeyLock>,
}

impl KeyCipher {
    /// The cipher of `db`'s API keys; `needed` false (no key will be made)
    /// takes neither the lock nor the secret key. A key the release cannot
    /// be given is refused here, before anything is written.
    pub fn for_store(s: &Settings, db: &Store, needed: bool) -> Result<KeyCipher> {
        let storage = db.api_keys_ref().api_key_storage();
        let encrypted = matches!(
            storage,
            ApiKeyStorage::EncryptedAndHash | ApiKeyStorage::Encrypted
        );
        let app_scheme = s.profile.app().stored_values_key().map(|k| k.scheme);
        let (true, true, Some(app_scheme)) = (needed, encrypted, app_scheme) else {
            return Ok(KeyCipher {
                key: None,
                _lock: None,
            });
        };
        let lock = crate::secrets::lock::shared(&s.config_dir, crate::secrets::lock::LOCK_WAIT)?;
        let secret = crate::signing::require_secret_key(s)?;
        let scheme = db.scheme(app_scheme);
        scheme.encrypt(&secret, b"")?;
        Ok(KeyCipher {
            key: Some((secret, scheme)),
            _lock: Some(lock),
        })
    }

    /// `key` encrypted for storage, where the app stores it so.
    pub fn encrypt(&self, key: &SecretString) -> Result<Option<String>> {
        self.key
            .as_ref()
            .map(|(secret, scheme)| scheme.encrypt(secret, key.expose_secret().as_bytes()))
            .transpose()
    }
}

/// The SHA-256 of `key`, lowercase hex: how apps find a key presented.
pub fn sha256_hex(key: &SecretString) -> String {
    hex::encode(Sha256::digest(key.expose_secret().as_bytes()))
}
