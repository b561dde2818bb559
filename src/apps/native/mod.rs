//! authctl's own schema: what authctl knows of it.

mod settings;
pub(crate) mod store;

use crate::database_url::DatabaseUrl;
use crate::error::Result;
use crate::profile::Spec;
use crate::settings::Settings;
use crate::store::{Access, Actor, ApiKeyStorage, Layout};

/// The app.
pub(crate) struct Native;

impl super::App for Native {
    fn spec(&self) -> &'static Spec {
        &settings::NATIVE
    }

    fn open_layout(&self, s: &Settings, access: Access) -> Result<Option<Box<dyn Layout>>> {
        Ok(match &s.database {
            DatabaseUrl::Sqlite(path) => {
                super::boxed(store::NativeStore::open(path, access, Actor::os_user())?)
            }
            DatabaseUrl::Postgres(url) => super::boxed(store::pg::NativePgStore::open(
                url,
                access,
                Actor::os_user(),
            )?),
        })
    }

    /// authctl's migrations set a version (`PRAGMA user_version`, or the
    /// `authctl_migrations` table on PostgreSQL); older ones left `users`.
    fn owns_database(&self, tables: &[String], version: i64) -> bool {
        version > 0
            || tables
                .iter()
                .any(|t| t == "users" || t == "authctl_migrations")
    }

    fn api_key_storage(&self) -> ApiKeyStorage {
        ApiKeyStorage::HashOnly
    }
}
