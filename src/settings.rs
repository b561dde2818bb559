//! Resolved settings: the one place that reads the environment, `.env`
//! files and platform directories.
//!
//! Precedence, for every setting: command-line flag > process environment >
//! `--env-file` file > default. A profile decides which variable names are
//! read (`AUTHCTL_*` natively); the values they hold mean the same thing in
//! every profile, so commands never ask which profile supplied a value.

use crate::error::{Error, Result};
use secrecy::SecretString;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Which app's variables and database layout are in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// authctl's own schema and `AUTHCTL_*` variables.
    Native,
    /// An existing Langflow deployment: its tables and `LANGFLOW_*` variables.
    Langflow,
}

/// Settings an app defines for itself; in that app's profile they are read
/// from the app's own variables (`LANGFLOW_SECRET_KEY`), everything else
/// from `AUTHCTL_*`.
pub const APP_KEYS: &[&str] = &[
    "CONFIG_DIR",
    "DATABASE_URL",
    "SUPERUSER",
    "SUPERUSER_PASSWORD",
    "NEW_USER_IS_ACTIVE",
    "SECRET_KEY",
    "ALGORITHM",
    "PRIVATE_KEY",
    "PUBLIC_KEY",
    "ACCESS_TOKEN_EXPIRE_SECONDS",
    "REFRESH_TOKEN_EXPIRE_SECONDS",
];

impl Profile {
    /// The full variable name this profile reads for setting `key`.
    pub fn var(self, key: &str) -> String {
        match self {
            Profile::Langflow if APP_KEYS.contains(&key) => format!("LANGFLOW_{key}"),
            _ => format!("AUTHCTL_{key}"),
        }
    }

    /// The profile's name as `--profile` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Profile::Native => "native",
            Profile::Langflow => "langflow",
        }
    }
}

/// Setting names, without the profile prefix, that authctl reads.
pub const KNOWN_KEYS: &[&str] = &[
    "PROFILE",
    "CONFIG_DIR",
    "DATABASE_URL",
    "SUPERUSER",
    "SUPERUSER_PASSWORD",
    "NEW_USER_IS_ACTIVE",
    "BCRYPT_COST",
    "MIN_PASSWORD_LENGTH",
    "SECRET_KEY",
    "ALGORITHM",
    "PRIVATE_KEY",
    "PUBLIC_KEY",
    "ACCESS_TOKEN_EXPIRE_SECONDS",
    "REFRESH_TOKEN_EXPIRE_SECONDS",
    "JWT_ISSUER",
    "JWT_AUDIENCE",
];

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

    fn names(&self) -> impl Iterator<Item = &String> {
        self.process.iter().map(|(k, _)| k).chain(self.file.keys())
    }
}

/// Parse a dotenv file; a malformed line is reported by number, never by
/// content. `${NAME}` references to names the file does not define are
/// looked up in the process environment.
/// The largest `--env-file` read (a real one is a few kilobytes).
pub const ENV_FILE_LIMIT: usize = 1024 * 1024;

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
}

/// Everything a command may need to know about its environment.
#[derive(Debug)]
pub struct Settings {
    pub profile: Profile,
    pub config_dir: PathBuf,
    pub db_path: PathBuf,
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
                None => Profile::Native,
                Some(v) if v.eq_ignore_ascii_case("native") => Profile::Native,
                Some(v) if v.eq_ignore_ascii_case("langflow") => Profile::Langflow,
                Some(v) => {
                    return Err(Error::usage(format!(
                    "AUTHCTL_PROFILE=\"{v}\" is not a known profile; use one of: native, langflow"
                )))
                }
            },
        };
        let var = |key: &str| vars.get(&profile.var(key)).map(str::to_string);
        let n_bcrypt = profile.var("BCRYPT_COST");
        let n_minlen = profile.var("MIN_PASSWORD_LENGTH");
        let n_active = profile.var("NEW_USER_IS_ACTIVE");

        let config_dir = match global
            .config_dir
            .clone()
            .or_else(|| var("CONFIG_DIR").map(PathBuf::from))
        {
            Some(dir) => dir,
            None => default_config_dir(profile)?,
        };
        let db_path = match global.db.clone().or_else(|| var("DATABASE_URL")) {
            Some(url) => parse_database_url(&url)?,
            None => config_dir.join(default_db_name(profile)),
        };
        let bcrypt_cost = match var("BCRYPT_COST") {
            None => BCRYPT_COST_DEFAULT,
            Some(v) => v
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|c| BCRYPT_COST_RANGE.contains(c))
                .ok_or_else(|| {
                    Error::usage(format!(
                        "{n_bcrypt}=\"{v}\" is invalid; use a number from {} to {}",
                        BCRYPT_COST_RANGE.start(),
                        BCRYPT_COST_RANGE.end()
                    ))
                })?,
        };
        let min_password_length = match var("MIN_PASSWORD_LENGTH") {
            None => MIN_PASSWORD_LENGTH_DEFAULT,
            Some(v) => v
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=72).contains(n))
                .ok_or_else(|| {
                    Error::usage(format!(
                        "{n_minlen}=\"{v}\" is invalid; use a number from 1 to 72"
                    ))
                })?,
        };
        let new_user_is_active = match var("NEW_USER_IS_ACTIVE") {
            None => false,
            Some(v) => parse_bool(&v).ok_or_else(|| {
                Error::usage(format!(
                    "{n_active}=\"{v}\" is not a boolean; use true or false"
                ))
            })?,
        };
        let ttl = |key: &str, default: u64| -> Result<u64> {
            match var(key) {
                None => Ok(default),
                Some(v) => v
                    .trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|n| (1..=crate::token::MAX_TTL_SECS).contains(n))
                    .ok_or_else(|| {
                        Error::usage(format!(
                            "{}=\"{v}\" is invalid; use a positive number of seconds, at most 100 years ({})",
                            profile.var(key),
                            crate::token::MAX_TTL_SECS
                        ))
                    }),
            }
        };
        let access_ttl = ttl("ACCESS_TOKEN_EXPIRE_SECONDS", ACCESS_TTL_DEFAULT)?;
        let refresh_ttl = ttl("REFRESH_TOKEN_EXPIRE_SECONDS", REFRESH_TTL_DEFAULT)?;

        let auto_login = match profile {
            Profile::Native => None,
            Profile::Langflow => match vars.get("LANGFLOW_AUTO_LOGIN") {
                // Langflow's default is True.
                None => Some(true),
                Some(v) => Some(parse_bool(v).ok_or_else(|| {
                    Error::usage(format!(
                        "LANGFLOW_AUTO_LOGIN=\"{v}\" is not a boolean; use true or false"
                    ))
                })?),
            },
        };
        let warnings = unknown_variable_warnings(&vars, profile);
        Ok(Settings {
            profile,
            config_dir,
            db_path,
            superuser: var("SUPERUSER"),
            superuser_password: var("SUPERUSER_PASSWORD").map(SecretString::from),
            new_user_is_active,
            bcrypt_cost,
            min_password_length,
            secret_key: var("SECRET_KEY").map(SecretString::from),
            algorithm: var("ALGORITHM"),
            private_key: var("PRIVATE_KEY").map(SecretString::from),
            public_key: var("PUBLIC_KEY"),
            access_ttl,
            refresh_ttl,
            jwt_issuer: var("JWT_ISSUER"),
            jwt_audience: var("JWT_AUDIENCE"),
            auto_login,
            warnings,
            vars,
        })
    }

    /// The full variable name for a setting key in this profile
    /// (`SUPERUSER` → `AUTHCTL_SUPERUSER`), for messages.
    pub fn var_name(&self, key: &str) -> String {
        self.profile.var(key)
    }

    /// Read an arbitrary variable by name (for `--password-env NAME`).
    pub fn lookup(&self, name: &str) -> Option<&str> {
        self.vars.get(name)
    }

    /// Whether a variable came from the env file (for `doctor`).
    pub fn var_in_env_file(&self, name: &str) -> bool {
        self.vars.in_file(name)
    }
}

/// The OS user running authctl, recorded as the audit actor.
pub fn os_user() -> String {
    whoami::username().unwrap_or_else(|_| "unknown".to_string())
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
fn default_config_dir(profile: Profile) -> Result<PathBuf> {
    let no_home = || {
        Error::usage(
            "cannot find a home directory for the default config dir; pass --config-dir DIR",
        )
    };
    match profile {
        Profile::Native => directories::ProjectDirs::from("", "", "authctl")
            .map(|d| d.config_dir().to_path_buf())
            .ok_or_else(no_home),
        // platformdirs.user_cache_dir("langflow", "langflow"): ~/.cache/langflow on Linux.
        Profile::Langflow => directories::BaseDirs::new()
            .map(|d| d.cache_dir().join("langflow"))
            .ok_or_else(no_home),
    }
}

fn default_db_name(profile: Profile) -> &'static str {
    match profile {
        Profile::Native => "authctl.db",
        Profile::Langflow => "langflow.db",
    }
}

/// Turn `--db` / `*_DATABASE_URL` into a file path.
///
/// A plain path is used as it is. A URL follows SQLAlchemy's form, which
/// the apps use: `sqlite:///relative.db` and `sqlite:////abs/path.db`
/// (`sqlite:///` then the path); a query string is ignored.
pub fn parse_database_url(url: &str) -> Result<PathBuf> {
    let url = url.trim();
    if url.is_empty() {
        return Err(Error::usage("the database path is empty; pass --db PATH"));
    }
    let Some(rest) = url.strip_prefix("sqlite:") else {
        if url.contains("://") {
            let scheme = url.split("://").next().unwrap_or_default();
            return Err(Error::usage(format!(
                "database URL scheme \"{scheme}\" is not supported; authctl works on SQLite: use sqlite:///path or a file path"
            )));
        }
        return Ok(PathBuf::from(url));
    };
    let rest = rest.split('?').next().unwrap_or_default();
    let path = rest
        .strip_prefix("///")
        .filter(|p| !p.is_empty() && *p != ":memory:")
        .ok_or_else(|| {
            Error::usage(format!(
                "database URL \"{url}\" has no file path; use sqlite:///relative.db or sqlite:////abs/path.db"
            ))
        })?;
    Ok(PathBuf::from(path))
}

/// Warnings for `AUTHCTL_*` variables that authctl does not know, naming
/// the closest known one (catches `_MINS` vs `_MINUTES` style typos).
fn unknown_variable_warnings(vars: &Vars, profile: Profile) -> Vec<String> {
    const PREFIX: &str = "AUTHCTL_";
    let names: std::collections::BTreeSet<&String> = vars
        .names()
        .filter(|name| name.starts_with(PREFIX))
        .collect();
    names
        .into_iter()
        .filter_map(|name| {
            let key = &name[PREFIX.len()..];
            if KNOWN_KEYS.contains(&key) {
                let used = profile.var(key);
                return (used != *name).then(|| {
                    format!(
                        "{name} is ignored in the {} profile; set {used}",
                        profile.name()
                    )
                });
            }
            let closest = KNOWN_KEYS
                .iter()
                .max_by(|a, b| {
                    strsim::jaro_winkler(key, a)
                        .partial_cmp(&strsim::jaro_winkler(key, b))
                        .unwrap_or(std::cmp::Ordering::Equal)
                })
                .map(|k| profile.var(k))
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
            assert_eq!(s.db_path, PathBuf::from(want).join("authctl.db"));
        }
        let s = Settings::resolve(&Flags::default(), vars(&[("HOME", "/h")], &[])).unwrap();
        assert!(s.config_dir.ends_with("authctl"), "{:?}", s.config_dir);
    }

    #[test]
    fn langflow_profile_reads_langflow_variables() {
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
        assert_eq!(s.profile, Profile::Langflow);
        assert_eq!(s.db_path, PathBuf::from("/lf/langflow.db"));
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
    fn database_urls() {
        assert_eq!(
            parse_database_url("/a/b.db").unwrap(),
            PathBuf::from("/a/b.db")
        );
        assert_eq!(
            parse_database_url("sqlite:////a/b.db").unwrap(),
            PathBuf::from("/a/b.db")
        );
        assert_eq!(
            parse_database_url("sqlite:///rel.db?mode=rw").unwrap(),
            PathBuf::from("rel.db")
        );
        for bad in ["", "sqlite://", "sqlite:///:memory:", "postgresql://u@h/db"] {
            assert_eq!(parse_database_url(bad).unwrap_err().exit_code(), 2, "{bad}");
        }
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
