//! The `meta` claim of Flowise's tokens: the user and workspace ids,
//! encrypted with the token-hash secret.

use super::crypto;
use super::secrets::{self as flowise_secrets, FlowiseSecret};
use crate::settings::Settings;
use secrecy::ExposeSecret;
use serde_json::Value;

/// What a token's `meta` says, decrypted with the token-hash secret.
#[derive(serde::Serialize, Clone)]
pub(crate) struct Meta {
    user_id: String,
    workspace_id: String,
}

impl Meta {
    /// The user id it names.
    pub(crate) fn user_id(&self) -> &str {
        &self.user_id
    }

    /// The workspace id it names.
    pub(crate) fn workspace_id(&self) -> &str {
        &self.workspace_id
    }
}

/// The `meta` of `claims`, if it decrypts under the token-hash secret.
pub(crate) fn meta_of(s: &Settings, claims: &Value) -> Option<Meta> {
    let lookup = |name: &str| s.lookup(name).map(str::to_string);
    let from = super::secret_source(s).ok()?;
    let hash = flowise_secrets::require(FlowiseSecret::TokenHash, &lookup, &s.config_dir, from)
        .ok()?
        .value;
    let text = crypto::decrypt_meta(hash.expose_secret(), claims.get("meta")?.as_str()?)?;
    let (user_id, workspace_id) = text.split_once(':')?;
    Some(Meta {
        user_id: user_id.to_string(),
        workspace_id: workspace_id.to_string(),
    })
}

/// What `token decode` adds for a Flowise token: its `meta`, decrypted.
pub(crate) fn decoded_meta(s: &Settings, claims: &Value) -> Option<Value> {
    claims.get("meta")?;
    Some(match meta_of(s, claims) {
        Some(meta) => serde_json::to_value(meta).unwrap_or(Value::Null),
        None => Value::String(
            "does not decrypt under the token-hash secret (TOKEN_HASH_SECRET or token_hash_secret.key)".into(),
        ),
    })
}
