//! Command-line types (clap derive) and their help text — nothing else.
//!
//! The first doc line of each item is its short help; env fallbacks are
//! declared on the flag so `--help` shows them. Settings that depend on the
//! profile (each app's own variables) are resolved in `settings`, not here.

use crate::profile::Profile;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

mod apikey;
mod keys;
mod token;
mod user;
pub use apikey::*;
pub use keys::*;
pub use token::*;
pub use user::*;

const AFTER_HELP: &str = concat!(
    "Settings precedence: flag > process environment > --env-file file > default.\n\n",
    "Exit codes:\n",
    "  0    success\n",
    "  1    a negative answer (a token that does not verify, a weak secret, apply --dry-run with changes)\n",
    "  2    usage or invalid input (including a refused password)\n",
    "  3    not found (user, key, token)\n",
    "  4    conflict (already exists, last active superuser, inactive user)\n",
    "  5    I/O, database or permission failure\n",
    "  6    the database is an app release this authctl does not serve or write\n",
    "  130  interrupted at a prompt"
);

/// Offline authentication administration for self-hosted apps
///
/// Creates the superuser, adds and activates users, generates secret keys
/// and RSA signing keys, and mints, decodes and verifies JWTs — all against
/// one SQLite file and one key directory, the same ones the app server reads.
#[derive(Debug, Parser)]
#[command(name = "authctl", version, after_help = AFTER_HELP, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted by every command.
#[derive(Debug, Args, Default, Clone)]
pub struct GlobalArgs {
    /// Key directory (secret_key, private_key.pem, public_key.pem) [env: AUTHCTL_CONFIG_DIR] [default: the platform config dir, ~/.config/authctl on Linux]
    #[arg(long, global = true, value_name = "DIR")]
    pub config_dir: Option<PathBuf>,

    /// Database: a SQLite path or sqlite:///abs/path, or postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass) [env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]
    #[arg(long, global = true, value_name = "URL")]
    pub db: Option<String>,

    /// Read KEY=VALUE settings (dotenv syntax) from FILE, below the process environment
    #[arg(long, global = true, value_name = "FILE")]
    pub env_file: Option<PathBuf>,

    /// Which app's settings and database layout to use [env: AUTHCTL_PROFILE] [default: native]
    #[arg(long, global = true, value_enum, value_name = "PROFILE")]
    pub profile: Option<ProfileArg>,

    /// Write to a database of an app release newer than this authctl knows, after checking every table and column it writes against the database
    #[arg(long, global = true)]
    pub allow_unknown_release: bool,

    /// Print machine-readable JSON on stdout
    #[arg(long, global = true)]
    pub json: bool,

    /// Print nothing on stderr except errors
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

impl GlobalArgs {
    /// The flags that override settings, as settings takes them.
    pub fn flags(&self) -> crate::settings::Flags {
        crate::settings::Flags {
            config_dir: self.config_dir.clone(),
            db: self.db.clone(),
            env_file: self.env_file.clone(),
            profile: self.profile.map(ProfileArg::profile),
            allow_unknown_release: self.allow_unknown_release,
        }
    }
}

/// `authctl init` arguments.
#[derive(Debug, Clone, Args)]
pub struct InitArgs {
    /// What to write
    #[arg(long, value_enum, default_value_t = InitFormat::Env)]
    pub format: InitFormat,
    /// The .env file to add to (env), the manifest file (k8s-secret), or
    /// the key directory (files, Flowise; default SECRETKEY_PATH)
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// Replace values and files that are already there (keeping backups)
    #[arg(long)]
    pub force: bool,
    /// Also an RS256 key pair and the algorithm variable (native, Langflow)
    #[arg(long)]
    pub rs256: bool,
    /// The Secret's name (k8s-secret) [default: <profile>-secrets]
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
}

/// What `init` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InitFormat {
    /// NAME=value lines for a .env file
    Env,
    /// A Kubernetes Secret manifest (stringData)
    K8sSecret,
    /// The key files the app reads, in its key directory
    Files,
}

/// `--profile`: one of the registered apps, by the name and help its
/// folder gives it (`apps::ALL`), so adding an app adds its value here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProfileArg(Profile);

impl ProfileArg {
    const ALL: [ProfileArg; Profile::ALL.len()] = {
        let mut all = [ProfileArg(Profile::NATIVE); Profile::ALL.len()];
        let mut i = 0;
        while i < all.len() {
            all[i] = ProfileArg(Profile::ALL[i]);
            i += 1;
        }
        all
    };

    /// The profile named.
    pub fn profile(self) -> Profile {
        self.0
    }
}

impl ValueEnum for ProfileArg {
    fn value_variants<'a>() -> &'a [Self] {
        &ProfileArg::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.0.name()).help(self.0.spec().about))
    }
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Create the superuser (or reset its password)
    ///
    /// The username comes from --username, else AUTHCTL_SUPERUSER, else a
    /// prompt. The password comes from a password source flag, else
    /// AUTHCTL_SUPERUSER_PASSWORD, else a hidden prompt with confirmation.
    Superuser(SuperuserArgs),

    /// Add, list, show, activate and manage users
    #[command(subcommand)]
    User(UserCommand),

    /// Generate, check and use the secret key (HS256 signing, Fernet encryption)
    #[command(subcommand)]
    Secret(SecretCommand),

    /// Write the complete, strong set of secrets the app needs
    ///
    /// In the profile's app's exact formats and names: .env lines on stdout
    /// (the default), or with --out FILE added to that .env where missing,
    /// keeping every other line; a Kubernetes Secret manifest
    /// (--format k8s-secret); or the key files the app reads (--format
    /// files). A value already set is replaced only with --force, and then
    /// the old file is kept as a backup.
    Init(InitArgs),

    /// Make sure the signing keys for an algorithm exist (RSA pair or secret key)
    ///
    /// Writes private_key.pem (PKCS#8, 0600) and public_key.pem (SPKI, 0644)
    /// for RS256/RS512, or secret_key for HS256, in the config dir. Existing
    /// matching keys are reused; --force rotates, keeping the old public key
    /// for verification until `keys retire`.
    Keygen(KeygenArgs),

    /// List, publish, export and retire signing keys
    #[command(subcommand)]
    Keys(KeysCommand),

    /// Mint, decode, verify and revoke JWTs
    #[command(subcommand)]
    Token(TokenCommand),

    /// Create, list and revoke API keys
    #[command(subcommand)]
    Apikey(ApikeyCommand),

    /// Make the users and API keys match a file: plan, then apply in one transaction
    ///
    /// FILE (YAML or JSON; - for stdin) declares users (name, active,
    /// superuser, and a password: password_env, password_file,
    /// password_hash or generate) and API keys (name, owner, key_env or
    /// generated). The plan is printed first: + create, ~ update, - delete;
    /// unchanged objects are counted. Re-running the same file changes
    /// nothing. With --dry-run nothing is written: exit 0 when nothing
    /// would change, 1 when something would. The file's schema:
    /// schema/authctl-apply.schema.json.
    Apply(ApplyArgs),

    /// Write the users and API-key metadata in apply's format (never a key)
    ///
    /// `authctl export --with-hashes | authctl --db OTHER apply -`
    /// reproduces the accounts of one instance in another, passwords
    /// included.
    Export(ExportArgs),

    /// Check the configuration, key directory and database for a safe deployment
    ///
    /// One line per check: pass, warn or fail, with the fix. Exit 0 when
    /// nothing fails (with --strict, when nothing warns either), else 1.
    Doctor {
        /// Treat warnings as failures
        #[arg(long)]
        strict: bool,
    },

    /// List the releases of each app authctl serves
    ///
    /// One row per release (or run of patch releases sharing one schema):
    /// the schema it ends at (Langflow's alembic head, Flowise's last
    /// migration) and what authctl does differently for it.
    Releases,

    /// Print shell completions for SHELL on stdout
    Completions {
        /// The shell to generate completions for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

// Where a password comes from; there is no flag that takes the password
// itself. (A plain comment: with deferred subcommands a doc comment here
// would replace the about of every subcommand that flattens it.)
#[derive(Debug, Args, Default, Clone)]
#[group(multiple = false)]
pub struct PasswordSourceArgs {
    /// Read the password from the first line of stdin
    #[arg(long)]
    pub password_stdin: bool,

    /// Read the password from the first line of FILE
    #[arg(long, value_name = "FILE")]
    pub password_file: Option<PathBuf>,

    /// Read the password from the environment variable NAME
    #[arg(long, value_name = "NAME")]
    pub password_env: Option<String>,
}

/// The help texts are written with authctl's own names. Under another
/// profile, every `AUTHCTL_*` name of a setting the profile calls something
/// else, and the native default paths, are replaced by the profile's own, so
/// `--profile langflow --help` shows what is read: `LANGFLOW_SECRET_KEY`.
pub fn for_profile(mut cmd: clap::Command, profile: Profile) -> clap::Command {
    if profile == Profile::NATIVE {
        return cmd;
    }
    // Subcommands are deferred (built only when used); build them all so
    // every help text is there to rewrite.
    cmd.build();
    relabel(cmd, profile)
}

fn relabel(cmd: clap::Command, profile: Profile) -> clap::Command {
    let text = |t: &str| profile_text(t, profile);
    let restyle = |s: Option<&clap::builder::StyledStr>| s.map(|h| text(&h.to_string()));
    let mut cmd = cmd.mut_args(|arg| {
        let help = restyle(arg.get_help());
        let long = restyle(arg.get_long_help());
        let arg = match help {
            Some(h) => arg.help(h),
            None => arg,
        };
        match long {
            Some(h) => arg.long_help(h),
            None => arg,
        }
    });
    if let Some(about) = restyle(cmd.get_about()) {
        cmd = cmd.about(about);
    }
    if let Some(about) = restyle(cmd.get_long_about()) {
        cmd = cmd.long_about(about);
    }
    cmd.mut_subcommands(|sub| relabel(sub, profile))
}

/// `text` with the profile's names in place of authctl's.
fn profile_text(text: &str, profile: Profile) -> String {
    use crate::profile::{ConfigDirDefault, Setting};
    let native = Profile::NATIVE.spec();
    let mut text = text.to_string();
    for (from, to) in profile.spec().help_terms {
        text = text.replace(from, to);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find("AUTHCTL_") {
        out.push_str(&rest[..at]);
        let word_len = rest[at..]
            .find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'))
            .unwrap_or(rest.len() - at);
        let word = &rest[at..at + word_len];
        match Setting::from_authctl_name(word) {
            Some(setting) => out.push_str(profile.var_name(setting)),
            None => out.push_str(word),
        }
        rest = &rest[at + word_len..];
    }
    out.push_str(rest);
    let spec = profile.spec();
    let dir = |d: ConfigDirDefault| match d {
        ConfigDirDefault::PlatformConfig(name) => format!("~/.config/{name}"),
        ConfigDirDefault::PlatformCache(name) => format!("~/.cache/{name}"),
        ConfigDirDefault::Home(name) => format!("~/{name}"),
        ConfigDirDefault::CurrentDir => ".".to_string(),
    };
    out.replace(&dir(native.config_dir), &dir(spec.config_dir))
        .replace(
            &format!("<config-dir>/{}", native.database_file),
            &format!("<config-dir>/{}", spec.database_file),
        )
        .replace("the platform config dir", "the platform dir")
}

/// The profile `--profile` or `AUTHCTL_PROFILE` (from the environment)
/// asks for, read before parsing so help can be written in its names; an
/// `AUTHCTL_PROFILE` inside an `--env-file` is read only by settings, so
/// help then shows the native names. Unknown names are left for the parser
/// and settings to refuse.
pub fn profile_hint(args: &[std::ffi::OsString], env: Option<&str>) -> Profile {
    let mut named = None;
    let mut it = args.iter().skip(1).filter_map(|a| a.to_str());
    while let Some(arg) = it.next() {
        if arg == "--" {
            break;
        }
        if arg == "--profile" {
            named = it.next();
        } else if let Some(v) = arg.strip_prefix("--profile=") {
            named = Some(v);
        }
    }
    named
        .or(env)
        .and_then(Profile::from_name)
        .unwrap_or(Profile::NATIVE)
}

impl PasswordSourceArgs {
    /// The explicit source the password flags name, if any.
    pub fn source(&self) -> Option<crate::password::Source> {
        use crate::password::Source;
        if self.password_stdin {
            Some(Source::Stdin)
        } else if let Some(f) = &self.password_file {
            Some(Source::File(f.clone()))
        } else {
            self.password_env.as_ref().map(|n| Source::Env(n.clone()))
        }
    }
}

impl Command {
    /// Whether the command has data with a JSON form. `--json` on one
    /// without is a usage error, caught before anything runs.
    pub fn has_json(&self) -> bool {
        !matches!(self, Command::Completions { .. })
    }

    /// The command's name as typed (`completions`), for messages.
    pub fn name(&self) -> &'static str {
        match self {
            Command::Superuser(_) => "superuser",
            Command::User(_) => "user",
            Command::Secret(_) => "secret",
            Command::Init(_) => "init",
            Command::Keygen(_) => "keygen",
            Command::Keys(_) => "keys",
            Command::Token(_) => "token",
            Command::Apikey(_) => "apikey",
            Command::Apply(_) => "apply",
            Command::Export(_) => "export",
            Command::Doctor { .. } => "doctor",
            Command::Releases => "releases",
            Command::Completions { .. } => "completions",
        }
    }
}

/// The formats of a provisioning file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FileFormat {
    Yaml,
    Json,
}

#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// The file (YAML or JSON), or - for stdin
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// The file's format [default: by its extension; YAML for stdin, which also reads JSON]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<FileFormat>,

    /// Print the plan and change nothing: exit 0 when nothing would change, 1 when something would
    #[arg(long)]
    pub dry_run: bool,

    /// Delete the users and API keys the file does not declare (never the last active superuser)
    #[arg(long)]
    pub prune: bool,

    /// Set the declared password of existing users too (by default only new users get one)
    #[arg(long)]
    pub update_passwords: bool,

    /// Write generated passwords and keys to FILE (JSON, 0600, never overwritten) instead of stdout
    #[arg(long, value_name = "FILE")]
    pub secrets_out: Option<PathBuf>,

    /// Threads for password hashing [default: one per core]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: Option<u16>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format
    #[arg(long, value_enum, value_name = "FORMAT", default_value = "yaml")]
    pub format: FileFormat,

    /// Include password hashes, for moving the accounts to another instance
    #[arg(long)]
    pub with_hashes: bool,

    /// Write to FILE (0600, atomically) instead of stdout; an existing FILE is refused
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// With --out, replace an existing FILE (the old one is kept as a backup)
    #[arg(long, requires = "out")]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct SuperuserArgs {
    /// Username of the superuser [env: AUTHCTL_SUPERUSER]
    #[arg(long, value_name = "NAME")]
    pub username: Option<String>,

    #[command(flatten)]
    pub password: PasswordSourceArgs,

    /// Succeed without changes when the user already exists
    #[arg(long, conflicts_with = "reset_password")]
    pub if_not_exists: bool,

    /// Set a new password on an existing user and make it an active superuser
    #[arg(long)]
    pub reset_password: bool,
}

/// `authctl token decode TOKEN` and `authctl token verify [--offline]
/// TOKEN` (with `--json` or `--quiet` anywhere), the commands scripts and
/// gateways run most, recognised without building clap's command tree: the
/// tree is a large part of their run time. Anything else, or anything
/// unusual in these arguments (another flag, a token that looks like an
/// option), returns `None` and goes through clap, which parses it the same.
pub fn fast_parse(args: &[std::ffi::OsString]) -> Option<Cli> {
    let mut json = false;
    let mut quiet = false;
    let mut offline = false;
    let mut words = Vec::with_capacity(3);
    // Each flag once, and --offline only where clap takes it (after
    // `token verify`); anything else is clap's to accept or refuse.
    for arg in args.iter().skip(1) {
        let arg = arg.to_str()?;
        let seen = match arg {
            "--json" => &mut json,
            "--quiet" | "-q" => &mut quiet,
            "--offline" if words.as_slice() == ["token", "verify"] || words.len() == 3 => {
                if words.first() != Some(&"token") || words.get(1) != Some(&"verify") {
                    return None;
                }
                &mut offline
            }
            "-" => {
                words.push(arg);
                continue;
            }
            _ if arg.starts_with('-') => return None,
            _ => {
                words.push(arg);
                continue;
            }
        };
        if std::mem::replace(seen, true) {
            return None;
        }
    }
    let global = GlobalArgs {
        json,
        quiet,
        ..Default::default()
    };
    let command = match words.as_slice() {
        ["token", "decode", token] if !offline => TokenCommand::Decode {
            token: token.to_string(),
        },
        ["token", "verify", token] => TokenCommand::Verify(VerifyArgs {
            token: token.to_string(),
            token_type: None,
            leeway: 0,
            offline,
            at: None,
        }),
        _ => return None,
    };
    Some(Cli {
        global,
        command: Command::Token(command),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_profile_value_names_a_registered_app_in_order() {
        let values: Vec<String> = ProfileArg::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value())
            .map(|v| v.get_name().to_string())
            .collect();
        let apps: Vec<&str> = Profile::all().map(Profile::name).collect();
        assert_eq!(values, apps);
    }

    use super::*;
    use clap::Parser;

    fn argv(args: &[&str]) -> Vec<std::ffi::OsString> {
        std::iter::once("authctl")
            .chain(args.iter().copied())
            .map(Into::into)
            .collect()
    }

    #[test]
    fn fast_parse_agrees_with_clap_or_steps_aside() {
        for args in [
            &["token", "decode", "a.b.c"][..],
            &["--json", "token", "decode", "a.b.c"],
            &["token", "decode", "-", "--json"],
            &["token", "decode", "a.b.c", "--quiet"],
            &["token", "verify", "a.b.c"],
            &["-q", "token", "verify", "--offline", "a.b.c"],
            &["token", "verify", "-", "--offline", "--json", "--quiet"],
        ] {
            let fast = fast_parse(&argv(args)).expect("fast path");
            let slow = Cli::try_parse_from(argv(args)).unwrap();
            assert_eq!(format!("{fast:?}"), format!("{slow:?}"), "{args:?}");
        }
        for args in [
            &["token", "decode"][..],
            &["token", "decode", "--help"],
            &["token", "decode", "a.b.c", "--offline"],
            &["--offline", "token", "verify", "a.b.c"],
            &["token", "--offline", "verify", "a.b.c"],
            &["--json", "--json", "token", "decode", "a.b.c"],
            &["-q", "token", "verify", "a.b.c", "--quiet"],
            &["token", "verify", "--offline", "a.b.c", "--offline"],
            &["token", "verify"],
            &["token", "verify", "a.b.c", "--leeway", "5"],
            &["token", "verify", "--type=access", "a.b.c"],
            &["token", "decode", "a", "b"],
            &["--profile", "langflow", "token", "decode", "a.b.c"],
        ] {
            assert!(fast_parse(&argv(args)).is_none(), "{args:?}");
        }
    }
}
