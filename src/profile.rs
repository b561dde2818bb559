//! A profile is a value: one table per app that says, for every setting,
//! which variable holds it, in which unit and with which default, where the
//! app keeps its config dir and database, which files in it are secrets,
//! and which command groups work.
//!
//! The tables live in each app's folder (`apps/<app>/settings.rs`); this
//! module holds their vocabulary and `Profile`, the handle a run picks once
//! from `--profile`. Each table's `var` is an exhaustive `match` on
//! `Setting`, so a setting a new app leaves out is a compile error.

use serde::Serialize;

/// Which app's settings and database layout are in use: a handle onto one
/// of the registered apps (`apps::ALL`), named as `--profile` takes it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Profile(usize);

impl std::fmt::Debug for Profile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Profile({})", self.name())
    }
}

impl Serialize for Profile {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl Profile {
    /// authctl's own schema and `AUTHCTL_*` variables: the default.
    pub const NATIVE: Profile = Profile(0);

    /// Every profile, in the order help lists them.
    pub fn all() -> impl Iterator<Item = Profile> {
        Profile::ALL.iter().copied()
    }

    /// Every profile, as a slice (`--profile`'s values).
    pub const ALL: [Profile; crate::apps::ALL.len()] = {
        let mut all = [Profile(0); crate::apps::ALL.len()];
        let mut i = 0;
        while i < all.len() {
            all[i] = Profile(i);
            i += 1;
        }
        all
    };

    /// The app this profile administers.
    pub fn app(self) -> &'static dyn crate::apps::App {
        crate::apps::ALL[self.0]
    }

    /// The profile's table.
    pub fn spec(self) -> &'static Spec {
        self.app().spec()
    }

    /// The profile's name as `--profile` takes it.
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// The profile named `name` (any case).
    pub fn from_name(name: &str) -> Option<Profile> {
        Profile::all().find(|p| p.name().eq_ignore_ascii_case(name.trim()))
    }

    /// The variable this profile reads for `setting`, if it has one.
    pub fn var(self, setting: Setting) -> Option<Var> {
        (self.spec().var)(setting)
    }

    /// The name to show for `setting`: the profile's variable, or authctl's
    /// own where the profile has none.
    pub fn var_name(self, setting: Setting) -> &'static str {
        self.var(setting)
            .unwrap_or_else(|| authctl_var(setting))
            .name
    }
}

/// Every setting authctl resolves, whatever the profile calls it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Setting {
    ConfigDir,
    DatabaseUrl,
    Superuser,
    SuperuserPassword,
    NewUserIsActive,
    BcryptCost,
    MinPasswordLength,
    SecretKey,
    Algorithm,
    PrivateKey,
    PublicKey,
    AccessTokenTtl,
    RefreshTokenTtl,
    JwtIssuer,
    JwtAudience,
    /// Whether the app logs everyone in without a password (Langflow).
    AutoLogin,
}

impl Setting {
    /// Every setting, in the order the settings table documents them.
    pub const ALL: [Setting; 16] = [
        Setting::ConfigDir,
        Setting::DatabaseUrl,
        Setting::Superuser,
        Setting::SuperuserPassword,
        Setting::NewUserIsActive,
        Setting::BcryptCost,
        Setting::MinPasswordLength,
        Setting::SecretKey,
        Setting::Algorithm,
        Setting::PrivateKey,
        Setting::PublicKey,
        Setting::AccessTokenTtl,
        Setting::RefreshTokenTtl,
        Setting::JwtIssuer,
        Setting::JwtAudience,
        Setting::AutoLogin,
    ];

    /// authctl's own name for the setting (`AUTHCTL_SECRET_KEY`), which the
    /// native profile reads and help texts are written with.
    pub fn authctl_name(self) -> &'static str {
        authctl_var(self).name
    }

    /// The setting help texts call `name` (`AUTHCTL_SECRET_KEY`).
    pub fn from_authctl_name(name: &str) -> Option<Setting> {
        Setting::ALL.into_iter().find(|s| s.authctl_name() == name)
    }
}

/// What a variable's value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A filesystem path.
    Path,
    /// A database path or URL.
    DatabaseUrl,
    /// Plain text.
    Text,
    /// Text that is a secret: never shown.
    Secret,
    /// true/false (also 1/0, yes/no, on/off).
    Bool,
    /// A whole number within the setting's range.
    Count,
    /// A duration as a whole number of seconds.
    Seconds,
    /// A duration as a whole number of minutes.
    Minutes,
    /// A duration in milliseconds written as arithmetic (`1000 * 60 * 15`),
    /// as LibreChat evaluates it.
    MillisecondsExpr,
}

impl Unit {
    /// Seconds in one unit of a duration; `None` for other units.
    pub fn seconds(self) -> Option<u64> {
        match self {
            Unit::Seconds => Some(1),
            Unit::Minutes => Some(60),
            _ => None,
        }
    }
}

/// One variable of a profile: its full name, unit and default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Var {
    pub name: &'static str,
    pub unit: Unit,
    /// The value used when the variable is unset, as it would be written
    /// in the environment; `None` when unset means "absent" (or, for the
    /// config dir and database, the profile's computed default).
    pub default: Option<&'static str>,
}

pub(crate) const fn var(name: &'static str, unit: Unit, default: Option<&'static str>) -> Var {
    Var {
        name,
        unit,
        default,
    }
}

/// Where a profile's config dir is when nothing names one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigDirDefault {
    /// The platform config dir for this name (`~/.config/<name>` on Linux).
    PlatformConfig(&'static str),
    /// The platform cache dir for this name (`~/.cache/<name>` on Linux),
    /// as Python's `platformdirs.user_cache_dir` puts it.
    PlatformCache(&'static str),
    /// This folder in the home directory (`~/.flowise`).
    Home(&'static str),
    /// The current directory (LibreChat's root, where its `.env` is).
    CurrentDir,
}

/// One app's table.
#[derive(Debug)]
pub struct Spec {
    /// The name `--profile` takes.
    pub name: &'static str,
    /// The app, as messages name it (`Langflow`).
    pub app: &'static str,
    /// One line for `--help` (`--profile`'s possible values).
    pub about: &'static str,
    /// The config dir when neither flag nor variable names one.
    pub config_dir: ConfigDirDefault,
    /// The database file in the config dir when nothing names one.
    pub database_file: &'static str,
    /// The files in the config dir that hold secrets (kept 0600, their
    /// backups too, and checked by doctor); the public key is not one.
    pub secret_files: &'static [&'static str],
    /// The secret key is needed whatever the algorithm (the app encrypts
    /// stored values with it).
    pub secret_key_always: bool,
    /// The app creates its superuser at start from the superuser
    /// variables, so a password left in an env file stays readable there.
    pub superuser_from_env: bool,
    /// `superuser --reset-password` also makes the user an active
    /// superuser; where false (Flowise, whose reset keeps roles), it only
    /// sets the password and activates the user.
    pub reset_promotes: bool,
    /// Phrases of authctl's help to say otherwise in this profile, in
    /// order (where its files or variables differ beyond their names).
    pub help_terms: &'static [(&'static str, &'static str)],
    /// The command groups that work in this profile (`superuser`, `user`,
    /// ...); `None` means all of them.
    pub commands: Option<&'static [&'static str]>,
    /// Why the other command groups do not work, when it is the app's
    /// database being out of reach.
    pub unreachable: Option<&'static str>,
    /// The `.env` the app itself reads in its config dir, loaded when
    /// `--env-file` does not name another.
    pub env_file: Option<&'static str>,
    /// The variable for each setting; `None` where the app has no such
    /// setting (its variable would be ignored, and is warned about).
    pub var: fn(Setting) -> Option<Var>,
}

/// Names every profile shares: authctl's own knobs.
pub(crate) fn authctl_var(setting: Setting) -> Var {
    use Setting::*;
    use Unit::*;
    match setting {
        ConfigDir => var("AUTHCTL_CONFIG_DIR", Path, None),
        Setting::DatabaseUrl => var("AUTHCTL_DATABASE_URL", Unit::DatabaseUrl, None),
        Superuser => var("AUTHCTL_SUPERUSER", Text, None),
        SuperuserPassword => var("AUTHCTL_SUPERUSER_PASSWORD", Secret, None),
        NewUserIsActive => var("AUTHCTL_NEW_USER_IS_ACTIVE", Bool, Some("false")),
        BcryptCost => var("AUTHCTL_BCRYPT_COST", Count, Some("12")),
        MinPasswordLength => var("AUTHCTL_MIN_PASSWORD_LENGTH", Count, Some("8")),
        SecretKey => var("AUTHCTL_SECRET_KEY", Secret, None),
        Algorithm => var("AUTHCTL_ALGORITHM", Text, Some("HS256")),
        PrivateKey => var("AUTHCTL_PRIVATE_KEY", Secret, None),
        PublicKey => var("AUTHCTL_PUBLIC_KEY", Text, None),
        AccessTokenTtl => var("AUTHCTL_ACCESS_TOKEN_EXPIRE_SECONDS", Seconds, Some("3600")),
        RefreshTokenTtl => var(
            "AUTHCTL_REFRESH_TOKEN_EXPIRE_SECONDS",
            Seconds,
            Some("604800"),
        ),
        JwtIssuer => var("AUTHCTL_JWT_ISSUER", Text, None),
        JwtAudience => var("AUTHCTL_JWT_AUDIENCE", Text, None),
        // Only an app logs people in; authctl's own tables have no such switch.
        AutoLogin => var("AUTHCTL_AUTO_LOGIN", Bool, Some("false")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> Profile {
        Profile::from_name(name).unwrap()
    }

    #[test]
    fn each_profile_is_its_apps() {
        let names: Vec<&str> = Profile::all().map(|p| p.name()).collect();
        assert_eq!(
            names,
            ["native", "langflow", "flowise", "librechat", "open-webui"]
        );
        assert_eq!(Profile::NATIVE.name(), "native");
        assert_eq!(
            serde_json::to_string(&named("librechat")).unwrap(),
            "\"librechat\""
        );
    }

    #[test]
    fn every_profile_names_every_setting_once() {
        for profile in Profile::all() {
            let mut names: Vec<&str> = Setting::ALL
                .iter()
                .filter_map(|s| profile.var(*s))
                .map(|v| v.name)
                .collect();
            let n = names.len();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), n, "{} reuses a variable", profile.name());
            for v in Setting::ALL.iter().filter_map(|s| profile.var(*s)) {
                if let (Some(default), Some(_)) = (v.default, v.unit.seconds()) {
                    assert!(default.parse::<u64>().is_ok(), "{}", v.name);
                }
            }
        }
    }

    #[test]
    fn secret_files_are_the_files_authctl_writes_secrets_to() {
        for p in [Profile::NATIVE, named("langflow")] {
            assert_eq!(
                p.spec().secret_files,
                [
                    crate::secrets::SECRET_KEY_FILE,
                    crate::keys::PRIVATE_KEY_FILE
                ],
                "{}",
                p.name()
            );
        }
    }

    #[test]
    fn names_round_trip() {
        for p in Profile::all() {
            assert_eq!(Profile::from_name(p.name()), Some(p));
            assert_eq!(Profile::from_name(&p.name().to_uppercase()), Some(p));
        }
        assert_eq!(Profile::from_name("LibreChat"), Some(named("librechat")));
        assert_eq!(Profile::from_name("dify"), None);
    }
}
