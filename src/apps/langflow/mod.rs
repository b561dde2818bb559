//! Langflow: what authctl knows of it.

mod settings;
pub(crate) mod store;

use super::StoredValuesKey;
use crate::database_url::DatabaseUrl;
use crate::doctor::Check;
use crate::error::Result;
use crate::profile::{Setting, Spec};
use crate::settings::Settings;
use crate::store::{Access, Actor, ApiKeyStorage, Layout};
use secrecy::SecretString;

/// The app.
pub(crate) struct Langflow;

impl super::App for Langflow {
    fn spec(&self) -> &'static Spec {
        &settings::LANGFLOW
    }

    fn stored_values_key(&self) -> Option<StoredValuesKey> {
        Some(super::secret_key_file(
            (self.spec().var)(Setting::SecretKey)?.name,
        ))
    }

    fn current_key(&self, s: &Settings) -> Result<Option<SecretString>> {
        crate::signing::secret_key(s)
    }

    fn require_current_key(&self, s: &Settings) -> Result<SecretString> {
        crate::signing::require_secret_key(s)
    }

    fn key_from_variable(&self, s: &Settings) -> Result<bool> {
        Ok(s.secret_key.is_some())
    }

    fn init_secrets(&self, s: &Settings) -> Result<Vec<crate::secrets::init::Entry>> {
        super::secret_key_set(s.var_name(Setting::SecretKey))
    }

    fn doctor(&self, s: &Settings) -> Vec<Check> {
        crate::doctor::secret_key_app(s)
    }

    fn open_layout(&self, s: &Settings, access: Access) -> Result<Option<Box<dyn Layout>>> {
        let audit = s.config_dir.join(store::AUDIT_FILE);
        Ok(match &s.database {
            DatabaseUrl::Sqlite(path) => super::boxed(store::LangflowStore::open(
                path,
                access,
                Actor::os_user(),
                audit,
            )?),
            DatabaseUrl::Postgres(url) => super::boxed(store::pg::LangflowPgStore::open(
                url,
                access,
                Actor::os_user(),
                audit,
            )?),
        })
    }

    fn api_key_storage(&self) -> ApiKeyStorage {
        ApiKeyStorage::EncryptedAndHash
    }
}
