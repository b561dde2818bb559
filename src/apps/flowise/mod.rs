//! Flowise: what authctl knows of it.

mod settings;

use super::StoredValuesKey;
use crate::doctor::Check;
use crate::error::Result;
use crate::flowise::secrets::{self as fw, Secret};
use crate::profile::Spec;
use crate::settings::Settings;
use secrecy::SecretString;

/// The app.
pub(crate) struct Flowise;

impl super::App for Flowise {
    fn spec(&self) -> &'static Spec {
        &settings::FLOWISE
    }

    fn stored_values_key(&self) -> Option<StoredValuesKey> {
        Some(StoredValuesKey {
            var: Secret::Encryption.var(),
            file: Secret::Encryption.file(),
            pending_file: fw::PENDING_FILE,
            scheme: &fw::EncryptionKey,
        })
    }

    fn current_key(&self, s: &Settings) -> Result<Option<SecretString>> {
        let lookup = |name: &str| s.lookup(name).map(str::to_string);
        Ok(fw::resolve(Secret::Encryption, &lookup, &s.config_dir)?.map(|r| r.value))
    }

    fn doctor(&self, s: &Settings) -> Vec<Check> {
        crate::doctor::flowise::run(s)
    }
}
