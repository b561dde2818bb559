//! Langflow: what authctl knows of it.

mod doctor;
pub(crate) mod releases;
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
                s.allow_unknown_release,
            )?),
            DatabaseUrl::Postgres(url) => super::boxed(store::pg::LangflowPgStore::open(
                url,
                access,
                Actor::os_user(),
                audit,
                s.allow_unknown_release,
            )?),
        })
    }

    fn releases(&self) -> Vec<super::ReleaseLine> {
        releases::RELEASES
            .iter()
            .map(|r| super::ReleaseLine {
                versions: r.versions,
                schema: r.head.to_string(),
                facts: r.facts.describe(),
            })
            .collect()
    }

    fn doctor(&self, s: &Settings) -> Vec<crate::doctor::Check> {
        doctor::run(s)
    }

    /// Exactly what a Langflow server puts in its own tokens; it rejects
    /// any token that carries `aud`.
    fn mint_claims(
        &self,
        user_id: &str,
        kind: crate::token::TokenType,
        issued: i64,
        ttl: u64,
        extra: &crate::token::ExtraClaims,
    ) -> Result<serde_json::Map<String, serde_json::Value>> {
        if extra.audience.is_some() {
            return Err(crate::error::Error::usage(
                "Langflow rejects tokens that carry an audience; drop --aud / AUTHCTL_JWT_AUDIENCE",
            ));
        }
        let mut claims = crate::token::subject_claims(user_id, kind, issued, ttl)?;
        for (k, v) in extra
            .issuer
            .iter()
            .map(|i| ("iss".to_string(), serde_json::Value::from(i.as_str())))
            .chain(extra.claims.clone())
        {
            claims.insert(k, v);
        }
        Ok(claims)
    }

    fn missing_database_fix(&self) -> &'static str {
        store::MISSING_DATABASE_FIX
    }

    /// Alembic's table, or Langflow's `user` without the TypeORM
    /// `migrations` of Flowise's (which has a `user` table too); Open
    /// WebUI's alembic database has `auth` and `api_key`, which Langflow's
    /// never has.
    fn owns_database(&self, tables: &[String], _version: i64) -> bool {
        let has = |name: &str| tables.iter().any(|t| t == name);
        !(has("auth") && has("api_key"))
            && (has("alembic_version") || (has("user") && !has("migrations")))
    }

    fn api_key_storage(&self) -> ApiKeyStorage {
        ApiKeyStorage::EncryptedAndHash
    }

    /// A short secret key becomes the Fernet key the way the release
    /// derives it (`releases`).
    fn encrypts_by_release(&self) -> bool {
        true
    }
}
