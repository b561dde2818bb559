//! Resolved settings: the one place that reads the environment, `.env`
//! files and platform directories.
//!
//! Precedence, for every setting: command-line flag > process environment >
//! `--env-file` file > default. The profile's table (`profile`) says which
//! variable holds each setting, in which unit and with which default
//! (`AUTHCTL_*` natively); the resolved values mean the same thing in every
//! profile, so commands never ask which profile supplied a value.

use crate::error::{Error, Result};
use secrecy::SecretString;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use crate::database_url::DatabaseUrl;
use crate::profile::{ConfigDirDefault, Var};
pub use crate::profile::{Profile, Setting};

/// Default bcrypt cost and the allowed range.
pub const BCRYPT_COST_DEFAULT: u32 = 12;
pub const BCRYPT_COST_RANGE: std::ops::RangeInclusive<u32> = 10..=16;
/// Default minimum password length, in characters.
pub const MIN_PASSWORD_LENGTH_DEFAULT: usize = 8;
/// Default token lifetimes, as in the seeds.
pub const ACCESS_TTL_DEFAULT: u64 = 3600;
pub const REFRESH_TTL_DEFAULT: u64 = 604_800;

/// Variables from the process environment and the `--env-file`, in that order.
#[derive(Default, Clone)]
pub struct Vars {
    // A plain list: a process has a few dozen variables, and hashing them
    // all costs a short command more than the handful of lookups it makes.
    process: Vec<(String, String)>,
    file: BTreeMap<String, String>,
}

impl std::fmt::Debug for Vars {
    // Values may be secrets: show names only.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vars")
            .field(
                "process",
                &self.process.iter().map(|(k, _)| k).collect::<Vec<_>>(),
            )
            .field("file", &self.file.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl Vars {
    /// A snapshot of the process environment (non-UTF-8 values are skipped).
    #[allow(clippy::disallowed_methods)] // the one place that reads the environment
    pub fn from_process() -> Self {
        let process = std::env::vars_os()
            .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
            .collect();
        Vars {
            process,
            file: BTreeMap::new(),
        }
    }

    /// Build from explicit maps (tests).
    pub fn from_maps(
        process: impl IntoIterator<Item = (String, String)>,
        file: impl IntoIterator<Item = (String, String)>,
    ) -> Self {
        Vars {
            process: process.into_iter().collect(),
            file: file.into_iter().collect(),
        }
    }

    /// Load `--env-file`, below the process environment.
    pub fn load_env_file(&mut self, path: &Path) -> Result<()> {
        self.file = parse_env_file_with(path, self)?;
        Ok(())
    }

    /// The value of `name`: process environment first, then the env file.
    /// An empty value counts as unset, as in most dotenv consumers.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.process
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
            .or_else(|| self.file.get(name))
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// Whether `name` is set in the env file (used by `doctor`).
    pub fn in_file(&self, name: &str) -> bool {
        self.file.contains_key(name)
    }

    /// The value the process environment gives `name`, if it sets it (an
    /// app that loads its `.env` with dotenv keeps it over the file's).
    pub fn in_process(&self, name: &str) -> Option<&str> {
        self.process
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn names(&self) -> impl Iterator<Item = &String> {
        self.process.iter().map(|(k, _)| k).chain(self.file.keys())
    }
}

impl crate::database_url::PgEnv for Vars {
    fn var(&self, name: &str) -> Option<String> {
        self.get(name).map(str::to_string)
    }

    fn read_private(&self, path: &Path) -> Option<(String, bool)> {
        let mode = crate::fsutil::mode_of(path)?;
        let bytes = crate::fsutil::read_regular(path, "the password file", 1024 * 1024).ok()??;
        let text = String::from_utf8(bytes.to_vec()).ok()?;
        Some((text, mode & 0o077 != 0))
    }
}

pub use crate::envfile::ENV_FILE_LIMIT;

/// Parse a dotenv file; a malformed line is reported by number, never by
/// content. `${NAME}` references to names the file does not define are
/// looked up in the process environment.
pub fn parse_env_file(path: &Path) -> Result<BTreeMap<String, String>> {
    parse_env_file_with(path, &Vars::from_process())
}

fn parse_env_file_with(path: &Path, vars: &Vars) -> Result<BTreeMap<String, String>> {
    let text =
        crate::fsutil::read_regular(path, "--env-file", ENV_FILE_LIMIT)?.ok_or_else(|| {
            Error::usage(format!(
                "--env-file \"{}\" does not exist; check the path",
                path.display()
            ))
        })?;
    let text = String::from_utf8(text.to_vec()).map_err(|_| {
        Error::usage(format!(
            "--env-file \"{}\" is not UTF-8 text",
            path.display()
        ))
    })?;
    crate::envfile::parse(&text, &|name| vars.get(name).map(str::to_string)).map_err(|e| {
        Error::usage(format!(
            "--env-file \"{}\": line {}: {}; fix or remove that line",
            path.display(),
            e.line,
            e.reason
        ))
    })
}

/// The command-line flags that override settings (the highest precedence).
#[derive(Debug, Default, Clone)]
pub struct Flags {
    pub config_dir: Option<PathBuf>,
    pub db: Option<String>,
    pub env_file: Option<PathBuf>,
    pub profile: Option<Profile>,
    /// `--allow-unknown-release`.
    pub allow_unknown_release: bool,
}

/// Everything a command may need to know about its environment.
#[derive(Debug)]
pub struct Settings {
    pub profile: Profile,
    pub config_dir: PathBuf,
    /// Where the store is (`--db`, `*_DATABASE_URL`, else the profile's
    /// file in the config dir).
    pub database: DatabaseUrl,
    pub superuser: Option<String>,
    pub superuser_password: Option<SecretString>,
    pub new_user_is_active: bool,
    pub bcrypt_cost: u32,
    pub min_password_length: usize,
    pub secret_key: Option<SecretString>,
    pub algorithm: Option<String>,
    pub private_key: Option<SecretString>,
    pub public_key: Option<String>,
    pub access_ttl: u64,
    pub refresh_ttl: u64,
    pub jwt_issuer: Option<String>,
    pub jwt_audience: Option<String>,
    /// `LANGFLOW_AUTO_LOGIN` in the Langflow profile (Langflow's default: true).
    pub auto_login: Option<bool>,
    /// Warnings found while resolving (unknown variables), printed once.
    pub warnings: Vec<String>,
    /// The `.env` file read (`--env-file`, or the one the app reads in its
    /// folder).
    pub env_file: Option<PathBuf>,
    /// `--allow-unknown-release`: write to a database of a newer app
    /// release after checking what is written against its schema.
    pub allow_unknown_release: bool,
    vars: Vars,
}

impl Settings {
    /// Resolve settings from `global` flags and `vars` (the env file is
    /// loaded here when `--env-file` is given).
    pub fn resolve(global: &Flags, mut vars: Vars) -> Result<Self> {
        if let Some(path) = &global.env_file {
            vars.load_env_file(path)?;
        }
        let profile = match global.profile {
            Some(profile) => profile,
            None => match vars.get("AUTHCTL_PROFILE") {
                None => Profile::NATIVE,
                Some(v) => Profile::from_name(v).ok_or_else(|| {
                    Error::usage(format!(
                        "AUTHCTL_PROFILE=\"{v}\" is not a known profile; use one of: {}",
                        Profile::all()
                            .map(Profile::name)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                })?,
            },
        };
        let spec = profile.spec();
        // An app that reads the `.env` in its own folder (LibreChat): that
        // file, unless --env-file names another.
        let mut env_file = global.env_file.clone();
        if let (None, Some(name)) = (&env_file, spec.env_file) {
            let dir = match &global.config_dir {
                Some(dir) => dir.clone(),
                None => default_config_dir(spec.config_dir)?,
            };
            let path = dir.join(name);
            if crate::fsutil::exists(&path)? {
                vars.load_env_file(&path)?;
                env_file = Some(path);
            }
        }
        let vars = vars;
        // The value of a setting: the profile's variable, else its default.
        let raw = |setting: Setting| -> Option<(Var, String)> {
            let v = profile.var(setting)?;
            let value = vars.get(v.name).map(str::to_string);
            value
                .or(v.default.map(str::to_string))
                .map(|value| (v, value))
        };
        // Only what the environment says (defaults applied by the caller).
        let var = |setting: Setting| -> Option<String> {
            profile
                .var(setting)
                .and_then(|v| vars.get(v.name).map(str::to_string))
        };
        let count =
            |setting: Setting, range: std::ops::RangeInclusive<u64>| -> Result<Option<u64>> {
                let Some((v, value)) = raw(setting) else {
                    return Ok(None);
                };
                value
                    .trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|n| range.contains(n))
                    .map(Some)
                    .ok_or_else(|| {
                        Error::usage(format!(
                            "{}=\"{value}\" is invalid; use a number from {} to {}",
                            v.name,
                            range.start(),
                            range.end()
                        ))
                    })
            };
        let flag = |setting: Setting| -> Result<Option<bool>> {
            let Some((v, value)) = raw(setting) else {
                return Ok(None);
            };
            parse_bool(&value).map(Some).ok_or_else(|| {
                Error::usage(format!(
                    "{}=\"{value}\" is not a boolean; use true or false",
                    v.name
                ))
            })
        };
        let mut warnings = Vec::new();
        // A duration in the variable's unit, as seconds.
        let mut duration = |setting: Setting, fallback: u64| -> Result<u64> {
            let Some((v, value)) = raw(setting) else {
                return Ok(fallback);
            };
            if let Some((secs, warning)) = profile.app().duration(v, &value) {
                warnings.extend(warning);
                return Ok(secs);
            }
            let per = v.unit.seconds().unwrap_or(1);
            let max = crate::token::MAX_TTL_SECS / per;
            value
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|n| (1..=max).contains(n))
                .map(|n| n * per)
                .ok_or_else(|| {
                    let unit = if per == 60 { "minutes" } else { "seconds" };
                    Error::usage(format!(
                        "{}=\"{value}\" is invalid; use a positive number of {unit}, at most 100 years ({max})",
                        v.name
                    ))
                })
        };

        let config_dir = match global
            .config_dir
            .clone()
            .or_else(|| var(Setting::ConfigDir).map(PathBuf::from))
        {
            Some(dir) => dir,
            None => default_config_dir(spec.config_dir)?,
        };
        let database = match global.db.clone() {
            Some(url) => DatabaseUrl::parse(&url, &vars)?,
            None => profile
                .app()
                .database(&vars, var(Setting::DatabaseUrl), &config_dir)?,
        };
        if let (Some(_), Some(why)) = (&global.db, spec.unreachable) {
            return Err(Error::usage(format!("{why}; drop --db")));
        }
        // A password on the command line is readable by every user of the
        // machine (ps, /proc): refused, as every other secret is.
        if let (Some(_), DatabaseUrl::Postgres(url)) = (&global.db, &database) {
            if url.password_source == Some("the URL") {
                return Err(Error::usage(format!(
                    "the --db URL holds a password, which any user here can read in the process list; give it in PGPASSWORD or ~/.pgpass, or the whole URL in {}",
                    profile.var_name(Setting::DatabaseUrl)
                )));
            }
        }
        let bcrypt_cost = count(
            Setting::BcryptCost,
            u64::from(*BCRYPT_COST_RANGE.start())..=u64::from(*BCRYPT_COST_RANGE.end()),
        )?
        .map_or(BCRYPT_COST_DEFAULT, |c| c as u32);
        let min_password_length = count(Setting::MinPasswordLength, 1..=72)?
            .map_or(MIN_PASSWORD_LENGTH_DEFAULT, |n| n as usize);
        let new_user_is_active = flag(Setting::NewUserIsActive)?.unwrap_or(false);
        let access_ttl = duration(Setting::AccessTokenTtl, ACCESS_TTL_DEFAULT)?;
        let refresh_ttl = duration(Setting::RefreshTokenTtl, REFRESH_TTL_DEFAULT)?;
        let auto_login = flag(Setting::AutoLogin)?;
        warnings.extend(unknown_variable_warnings(&vars, profile));
        if let DatabaseUrl::Postgres(url) = &database {
            warnings.extend(url.warnings.iter().cloned());
        }
        Ok(Settings {
            profile,
            config_dir,
            database,
            superuser: var(Setting::Superuser),
            superuser_password: var(Setting::SuperuserPassword).map(SecretString::from),
            new_user_is_active,
            bcrypt_cost,
            min_password_length,
            secret_key: var(Setting::SecretKey).map(SecretString::from),
            algorithm: var(Setting::Algorithm),
            private_key: var(Setting::PrivateKey).map(SecretString::from),
            public_key: var(Setting::PublicKey),
            access_ttl,
            refresh_ttl,
            jwt_issuer: var(Setting::JwtIssuer),
            jwt_audience: var(Setting::JwtAudience),
            auto_login,
            warnings,
            env_file,
            allow_unknown_release: global.allow_unknown_release,
            vars,
        })
    }

    /// The variable that holds `setting` in this profile, for messages.
    pub fn var_name(&self, setting: Setting) -> &'static str {
        self.profile.var_name(setting)
    }

    /// Read an arbitrary variable by name (for `--password-env NAME`).
    pub fn lookup(&self, name: &str) -> Option<&str> {
        self.vars.get(name)
    }

    /// Whether a variable came from the env file (for `doctor`).
    pub fn var_in_env_file(&self, name: &str) -> bool {
        self.vars.in_file(name)
    }

    /// The value the process environment gives a variable, if it sets it.
    pub fn var_in_process(&self, name: &str) -> Option<&str> {
        self.vars.in_process(name)
    }
}

/// Refuse a name that cannot be an environment variable in a `.env` file.
pub fn validate_var_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if ok {
        Ok(())
    } else {
        Err(Error::usage(format!(
            "\"{name}\" is not a valid variable name; use letters, digits and _ (e.g. LANGFLOW_SECRET_KEY)"
        )))
    }
}

/// Parse a boolean the way Python/pydantic settings do.
pub fn parse_bool(v: &str) -> Option<bool> {
    match v.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" | "t" | "y" => Some(true),
        "0" | "false" | "no" | "off" | "f" | "n" => Some(false),
        _ => None,
    }
}

/// The default key directory for a profile.
pub(crate) fn default_config_dir(default: ConfigDirDefault) -> Result<PathBuf> {
    let no_home = || {
        Error::usage(
            "cannot find a home directory for the default config dir; pass --config-dir DIR",
        )
    };
    match default {
        ConfigDirDefault::PlatformConfig(name) => directories::ProjectDirs::from("", "", name)
            .map(|d| d.config_dir().to_path_buf())
            .ok_or_else(no_home),
        // platformdirs.user_cache_dir(name, name): ~/.cache/<name> on Linux.
        ConfigDirDefault::PlatformCache(name) => directories::BaseDirs::new()
            .map(|d| d.cache_dir().join(name))
            .ok_or_else(no_home),
        // Node's os.homedir(): $HOME.
        ConfigDirDefault::Home(name) => directories::BaseDirs::new()
            .map(|d| d.home_dir().join(name))
            .ok_or_else(no_home),
        ConfigDirDefault::CurrentDir => Ok(PathBuf::from(".")),
    }
}

/// Warnings for `AUTHCTL_*` variables that authctl does not know, naming
/// the closest known one (catches `_MINS` vs `_MINUTES` style typos).
fn unknown_variable_warnings(vars: &Vars, profile: Profile) -> Vec<String> {
    const PREFIX: &str = "AUTHCTL_";
    let names: std::collections::BTreeSet<&String> = vars
        .names()
        .filter(|name| name.starts_with(PREFIX) && name.as_str() != "AUTHCTL_PROFILE")
        .collect();
    names
        .into_iter()
        .filter_map(|name| {
            if let Some(setting) = Setting::from_authctl_name(name) {
                return match profile.var(setting) {
                    Some(v) if v.name == name.as_str() => None,
                    Some(v) => Some(format!(
                        "{name} is ignored in the {} profile; set {}",
                        profile.name(),
                        v.name
                    )),
                    None => Some(format!(
                        "{name} is ignored: the {} profile has no such setting",
                        profile.name()
                    )),
                };
            }
            let closest = Setting::ALL
                .into_iter()
                .filter(|s| profile.var(*s).is_some())
                .max_by(|a, b| {
                    strsim::jaro_winkler(name, a.authctl_name())
                        .partial_cmp(&strsim::jaro_winkler(name, b.authctl_name()))
                        .unwrap_or(std::cmp::Ordering::Equal)
                })
                .map(|s| profile.var_name(s))
                .unwrap_or_default();
            Some(format!(
                "unknown variable {name} is ignored; did you mean {closest}?"
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    fn vars(process: &[(&str, &str)], file: &[(&str, &str)]) -> Vars {
        let own = |kv: &[(&str, &str)]| {
            kv.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<Vec<_>>()
        };
        Vars::from_maps(own(process), own(file))
    }

    #[test]
    fn precedence_flag_then_process_then_file_then_default() {
        type Case<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>, &'a str);
        let cases: &[Case] = &[
            (Some("/flag"), Some("/proc"), Some("/file"), "/flag"),
            (None, Some("/proc"), Some("/file"), "/proc"),
            (None, None, Some("/file"), "/file"),
        ];
        for (flag, process, file, want) in cases {
            let global = Flags {
                config_dir: flag.map(PathBuf::from),
                ..Default::default()
            };
            let p: Vec<_> = process.iter().map(|v| ("AUTHCTL_CONFIG_DIR", *v)).collect();
            let f: Vec<_> = file.iter().map(|v| ("AUTHCTL_CONFIG_DIR", *v)).collect();
            let s = Settings::resolve(&global, vars(&p, &f)).unwrap();
            assert_eq!(s.config_dir, PathBuf::from(want));
            assert_eq!(
                s.database,
                DatabaseUrl::Sqlite(PathBuf::from(want).join("authctl.db"))
            );
        }
        let s = Settings::resolve(&Flags::default(), vars(&[("HOME", "/h")], &[])).unwrap();
        assert!(s.config_dir.ends_with("authctl"), "{:?}", s.config_dir);
    }

    #[test]
    fn a_profile_reads_its_own_variable_names() {
        let s = Settings::resolve(
            &Flags::default(),
            vars(
                &[
                    ("AUTHCTL_PROFILE", "langflow"),
                    ("LANGFLOW_CONFIG_DIR", "/lf"),
                    ("LANGFLOW_SECRET_KEY", "k"),
                    ("AUTHCTL_SECRET_KEY", "ignored"),
                    ("AUTHCTL_BCRYPT_COST", "10"),
                ],
                &[
                    ("LANGFLOW_ALGORITHM", "RS256"),
                    ("LANGFLOW_AUTO_LOGIN", "False"),
                ],
            ),
        )
        .unwrap();
        assert_eq!(s.profile.name(), "langflow");
        assert_eq!(
            s.database,
            DatabaseUrl::Sqlite(PathBuf::from("/lf/langflow.db"))
        );
        assert_eq!(s.secret_key.unwrap().expose_secret(), "k");
        assert_eq!(s.algorithm.as_deref(), Some("RS256"));
        assert_eq!(s.bcrypt_cost, 10);
        assert_eq!(s.auto_login, Some(false));
        assert_eq!(
            s.warnings,
            ["AUTHCTL_SECRET_KEY is ignored in the langflow profile; set LANGFLOW_SECRET_KEY"]
        );
        let s = Settings::resolve(
            &Flags::default(),
            vars(&[("AUTHCTL_PROFILE", "langflow"), ("HOME", "/h")], &[]),
        )
        .unwrap();
        assert!(s.config_dir.ends_with("langflow"), "{:?}", s.config_dir);
        assert_eq!(s.auto_login, Some(true));
    }

    #[test]
    fn an_app_reads_its_own_database_variables() {
        let resolve = |vars_: &[(&str, &str)]| {
            let mut all = vec![("AUTHCTL_PROFILE", "flowise"), ("HOME", "/h")];
            all.extend_from_slice(vars_);
            Settings::resolve(&Flags::default(), vars(&all, &[]))
        };
        // The home directory is the process's ($HOME, as Node's os.homedir()).
        let s = resolve(&[]).unwrap();
        let DatabaseUrl::Sqlite(db) = &s.database else {
            panic!("{:?}", s.database)
        };
        assert!(db.ends_with(".flowise/database.sqlite"), "{db:?}");
        assert!(s.config_dir.ends_with(".flowise"), "{:?}", s.config_dir);
        assert_eq!(
            s.bcrypt_cost, 10,
            "PASSWORD_SALT_HASH_ROUNDS defaults to 10"
        );
        assert_eq!((s.access_ttl, s.refresh_ttl), (3600, 129_600 * 60));
        let s = resolve(&[("DATABASE_PATH", "/data"), ("SECRETKEY_PATH", "/keys")]).unwrap();
        assert_eq!(
            s.database,
            DatabaseUrl::Sqlite(PathBuf::from("/data/database.sqlite"))
        );
        assert_eq!(s.config_dir, PathBuf::from("/keys"));
        let s = resolve(&[
            ("DATABASE_TYPE", "postgres"),
            ("DATABASE_HOST", "db.internal"),
            ("DATABASE_PORT", "6543"),
            ("DATABASE_USER", "flowise"),
            ("DATABASE_PASSWORD", "p@ss:word/1"),
            ("DATABASE_NAME", "flowise"),
        ])
        .unwrap();
        let DatabaseUrl::Postgres(url) = &s.database else {
            panic!("{:?}", s.database)
        };
        assert_eq!(
            url.target(),
            "PostgreSQL at db.internal:6543, database \"flowise\""
        );
        assert_eq!(url.user, "flowise");
        assert_eq!(
            url.password.as_ref().unwrap().expose_secret(),
            "p@ss:word/1"
        );
        assert_eq!(url.password_source, Some("DATABASE_PASSWORD"));
        assert_eq!(url.sslmode, crate::database_url::SslMode::Disable);
        // DATABASE_SSL=true is encrypted, and checked where a CA is given.
        let s = resolve(&[("DATABASE_TYPE", "postgres"), ("DATABASE_SSL", "true")]).unwrap();
        let DatabaseUrl::Postgres(url) = &s.database else {
            panic!()
        };
        assert_eq!(url.sslmode, crate::database_url::SslMode::Require);
        assert!(
            s.warnings.iter().any(|w| w.contains("PGSSLROOTCERT")),
            "{:?}",
            s.warnings
        );
        assert!(
            url.target()
                .starts_with("PostgreSQL at localhost:5432, database "),
            "{}",
            url.target()
        );
        for (k, v, needle) in [
            ("DATABASE_TYPE", "mysql", "DATABASE_TYPE=\"mysql\""),
            ("DATABASE_PORT", "x", "DATABASE_PORT=\"x\""),
        ] {
            let ty = if k == "DATABASE_TYPE" { v } else { "postgres" };
            let err = resolve(&[("DATABASE_TYPE", ty), (k, v)]).unwrap_err();
            assert_eq!(err.exit_code(), 2);
            assert!(err.to_string().contains(needle), "{err}");
        }
        let err = resolve(&[
            ("DATABASE_TYPE", "postgres"),
            ("DATABASE_SSL_KEY_BASE64", "Y2E="),
            ("DATABASE_REJECT_UNAUTHORIZED", "true"),
        ])
        .unwrap_err();
        assert!(err.to_string().contains("PGSSLROOTCERT"), "{err}");
    }

    #[test]
    fn defaults_and_values() {
        let s = Settings::resolve(
            &Flags::default(),
            vars(&[("AUTHCTL_CONFIG_DIR", "/c")], &[]),
        )
        .unwrap();
        assert_eq!(s.bcrypt_cost, 12);
        assert_eq!(s.min_password_length, 8);
        assert!(!s.new_user_is_active);
        assert_eq!(s.algorithm, None);
        assert_eq!((s.access_ttl, s.refresh_ttl), (3600, 604_800));
        let s = Settings::resolve(
            &Flags::default(),
            vars(
                &[("AUTHCTL_CONFIG_DIR", "/c"), ("AUTHCTL_BCRYPT_COST", "10")],
                &[
                    ("AUTHCTL_NEW_USER_IS_ACTIVE", "True"),
                    ("AUTHCTL_SUPERUSER_PASSWORD", "pw"),
                ],
            ),
        )
        .unwrap();
        assert_eq!(s.bcrypt_cost, 10);
        assert!(s.new_user_is_active);
        assert_eq!(s.superuser_password.unwrap().expose_secret(), "pw");
    }

    #[test]
    fn invalid_values_are_usage_errors_naming_the_variable() {
        for (k, v) in [
            ("AUTHCTL_BCRYPT_COST", "9"),
            ("AUTHCTL_BCRYPT_COST", "17"),
            ("AUTHCTL_BCRYPT_COST", "x"),
            ("AUTHCTL_MIN_PASSWORD_LENGTH", "0"),
            ("AUTHCTL_NEW_USER_IS_ACTIVE", "maybe"),
            ("AUTHCTL_ACCESS_TOKEN_EXPIRE_SECONDS", "-1"),
            ("AUTHCTL_ACCESS_TOKEN_EXPIRE_SECONDS", "3153600001"),
            (
                "AUTHCTL_REFRESH_TOKEN_EXPIRE_SECONDS",
                "18446744073709551615",
            ),
            ("AUTHCTL_PROFILE", "django"),
        ] {
            let err = Settings::resolve(
                &Flags::default(),
                vars(&[(k, v), ("AUTHCTL_CONFIG_DIR", "/c")], &[]),
            )
            .unwrap_err();
            assert_eq!(err.exit_code(), 2);
            assert!(err.to_string().contains(k), "{err}");
        }
    }

    #[test]
    fn unknown_variables_warn_with_the_closest_name() {
        let s = Settings::resolve(
            &Flags::default(),
            vars(
                &[
                    ("AUTHCTL_CONFIG_DIR", "/c"),
                    ("AUTHCTL_ACCESS_TOKEN_EXPIRE_MINS", "5"),
                ],
                &[("AUTHCTL_SUPERUSR", "x"), ("OTHER_THING", "y")],
            ),
        )
        .unwrap();
        assert_eq!(s.warnings.len(), 2, "{:?}", s.warnings);
        assert!(s
            .warnings
            .iter()
            .any(|w| w.contains("AUTHCTL_ACCESS_TOKEN_EXPIRE_MINS")
                && w.contains("did you mean AUTHCTL_ACCESS_TOKEN_EXPIRE_SECONDS")));
        assert!(s
            .warnings
            .iter()
            .any(|w| w.contains("did you mean AUTHCTL_SUPERUSER?")));
    }

    #[test]
    fn env_file_errors_name_the_line_not_the_content() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".env");
        std::fs::write(&path, "A=1\nB=2\nthis is not valid s3cr3t\n").unwrap();
        let err = parse_env_file(&path).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("line 3"), "{msg}");
        assert!(!msg.contains("s3cr3t"), "{msg}");
        let err = parse_env_file(&dir.path().join("missing")).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        std::fs::write(&path, "# comment\nexport A=\"x y\"\nB='z'\n").unwrap();
        let map = parse_env_file(&path).unwrap();
        assert_eq!(map["A"], "x y");
        assert_eq!(map["B"], "z");
    }
}
