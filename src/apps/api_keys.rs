//! API-key material as the app stores it: the key's SHA-256, and for an
//! app that keeps each key encrypted under its secret key (Langflow's
//! `api_key`, authctl's own) the Fernet value, made while the key lock is
//! held so a rotation cannot replace the secret key between our reading it
//! and our values landing. `apikey create` and `apply` both make keys so.

use crate::error::Result;
use crate::secrets::lock::KeyLock;
use crate::settings::Settings;
use crate::store::ApiKeyStorage;
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};

/// What encrypts API keys for storage: nothing, or the secret key's Fernet
/// with the key lock held until this is dropped (after the commit).
pub struct KeyCipher {
    fernet: Option<fernet::Fernet>,
    _lock: Option<KeyLock>,
}

impl KeyCipher {
    /// The cipher of `storage`; `needed` false (no key will be made) takes
    /// neither the lock nor the secret key.
    pub fn for_storage(s: &Settings, storage: ApiKeyStorage, needed: bool) -> Result<KeyCipher> {
        if !needed || storage != ApiKeyStorage::EncryptedAndHash {
            return Ok(KeyCipher {
                fernet: None,
                _lock: None,
            });
        }
        let lock = crate::secrets::lock::shared(&s.config_dir, crate::secrets::lock::LOCK_WAIT)?;
        let secret = crate::signing::require_secret_key(s)?;
        Ok(KeyCipher {
            fernet: Some(crate::secrets::fernet_for(secret.expose_secret())?),
            _lock: Some(lock),
        })
    }

    /// `key` encrypted for storage, where the app stores it so.
    pub fn encrypt(&self, key: &SecretString) -> Option<String> {
        self.fernet
            .as_ref()
            .map(|f| crate::secrets::encrypt(f, key.expose_secret().as_bytes()))
    }
}

/// The SHA-256 of `key`, lowercase hex: how apps find a key presented.
pub fn sha256_hex(key: &SecretString) -> String {
    hex::encode(Sha256::digest(key.expose_secret().as_bytes()))
}
