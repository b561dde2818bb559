//! LibreChat: what authctl knows of it.

mod settings;

use super::StoredValuesKey;
use crate::doctor::Check;
use crate::error::Result;
use crate::profile::Spec;
use crate::settings::Settings;
use secrecy::SecretString;

/// The app.
pub(crate) struct LibreChat;

impl super::App for LibreChat {
    fn spec(&self) -> &'static Spec {
        &settings::LIBRECHAT
    }

    /// `CREDS_KEY` lives in `.env` and the values it guards in MongoDB:
    /// no key file.
    fn stored_values_key(&self) -> Option<StoredValuesKey> {
        None
    }

    fn current_key(&self, _s: &Settings) -> Result<Option<SecretString>> {
        Ok(None)
    }

    fn doctor(&self, s: &Settings) -> Vec<Check> {
        crate::doctor::librechat::run(s)
    }
}
