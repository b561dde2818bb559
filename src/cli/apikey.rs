//! `authctl apikey …` argument types.

use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum ApikeyCommand {
    /// Create an API key for a user; the key is printed once on stdout
    ///
    /// In the flowise profile the key belongs to the user's workspace (the
    /// one it last logged in to), as Flowise's keys do.
    Create(ApikeyCreateArgs),
    /// List API keys (never the keys themselves)
    List {
        /// Only this user's keys
        #[arg(long, value_name = "NAME")]
        user: Option<String>,
    },
    /// Revoke an API key by id or name
    Revoke {
        /// The key's id or name, as `apikey list` shows it
        id_or_name: String,
    },
}

#[derive(Debug, Args)]
pub struct ApikeyCreateArgs {
    /// The user the key acts as
    #[arg(long, value_name = "NAME")]
    pub user: String,
    /// A name to recognise the key by (Flowise requires one)
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// A permission the key gets, as Flowise names them (chatflows:view,
    /// ...); repeatable. Flowise keys only: the default is every permission
    /// its user has (workspace:* and admin:* never)
    #[arg(long = "permission", value_name = "PERMISSION")]
    pub permissions: Vec<String>,
}
