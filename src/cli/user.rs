//! `authctl user …` argument types.

use super::PasswordSourceArgs;
use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum UserCommand {
    /// Add a user (inactive unless --active or AUTHCTL_NEW_USER_IS_ACTIVE=true)
    Add(UserAddArgs),

    /// List users as a table (--json: an array of user objects)
    List(UserListArgs),

    /// Show one user
    Show {
        /// Username
        name: String,
    },

    /// Activate users so they can log in
    Activate {
        /// Usernames
        #[arg(required = true)]
        names: Vec<String>,
    },

    /// Deactivate users (refuses the last active superuser unless --force)
    Deactivate {
        /// Usernames
        #[arg(required = true)]
        names: Vec<String>,
        /// Allow deactivating the last active superuser
        #[arg(long)]
        force: bool,
    },

    /// Make a user a superuser
    Promote {
        /// Username
        name: String,
    },

    /// Take superuser rights away (refuses the last active superuser unless --force)
    Demote {
        /// Username
        name: String,
        /// Allow demoting the last active superuser
        #[arg(long)]
        force: bool,
    },

    /// Set a user's password
    Passwd {
        /// Username
        name: String,
        #[command(flatten)]
        password: PasswordSourceArgs,
    },

    /// Invite a user to register, without a mail server (LibreChat): prints the registration link
    ///
    /// Writes LibreChat's invite token for EMAIL (valid 7 days) and prints
    /// ${DOMAIN_CLIENT}/register?token=…, which lets that address register
    /// even with ALLOW_REGISTRATION=false, as LibreChat's own invite does.
    Invite {
        /// The email address to invite
        email: String,
    },

    /// Ban a user for a while (LibreChat): ends its sessions; LibreChat refuses its requests until then
    ///
    /// Writes the ban record LibreChat's checkBan reads (the logs collection's
    /// BANS:<id>), lasting the whole --for, and ends the user's sessions.
    /// LibreChat enforces bans only with BAN_VIOLATIONS=true in its .env.
    Ban {
        /// The user's email
        name: String,
        /// How long: seconds or 30m, 12h, 7d, 2w
        #[arg(long = "for", value_name = "DURATION", allow_hyphen_values = true)]
        duration: String,
    },

    /// Lift a user's ban (LibreChat), with the addresses banned with it
    ///
    /// Removes the user's ban records, those of the addresses LibreChat banned
    /// with the user, and the cached bans LibreChat's checkBan keeps (it
    /// rebuilds those from the bans that remain).
    Unban {
        /// The user's email
        name: String,
    },

    /// Delete a user (asks on a terminal; --yes otherwise)
    Delete {
        /// Username
        name: String,
        /// Do not ask for confirmation
        #[arg(short, long)]
        yes: bool,
        /// Allow deleting the last active superuser
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Args)]
pub struct UserAddArgs {
    /// Username (unique, case-insensitively)
    pub name: String,
    #[command(flatten)]
    pub password: PasswordSourceArgs,
    /// Make the user a superuser
    #[arg(long)]
    pub superuser: bool,
    /// Make the user active now [env: AUTHCTL_NEW_USER_IS_ACTIVE]
    #[arg(long)]
    pub active: bool,
}

#[derive(Debug, Args)]
pub struct UserListArgs {
    /// Only superusers
    #[arg(long)]
    pub superusers: bool,
    /// Only inactive users
    #[arg(long)]
    pub inactive: bool,
}
