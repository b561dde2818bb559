//! Langflow: what authctl knows of it.

mod settings;
pub(crate) mod store;

use crate::database_url::DatabaseUrl;
use crate::error::Result;
use crate::profile::Spec;
use crate::settings::Settings;
use crate::store::{Access, Actor, ApiKeyStorage, Layout};

/// The app.
pub(crate) struct Langflow;

impl super::App for Langflow {
    fn spec(&self) -> &'static Spec {
        &settings::LANGFLOW
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
