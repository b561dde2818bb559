//! authctl's settings table: the variables it reads, with its defaults.

use crate::profile::{authctl_var, ConfigDirDefault, Setting, Spec, Var};

/// authctl's own profile.
pub(crate) static NATIVE: Spec = Spec {
    name: "native",
    app: "authctl",
    about: "authctl's own schema and AUTHCTL_* variables",
    config_dir: ConfigDirDefault::PlatformConfig("authctl"),
    database_file: "authctl.db",
    secret_files: &["secret_key", "private_key.pem"],
    secret_key_always: false,
    superuser_from_env: false,
    reset_promotes: true,
    help_terms: &[],
    commands: None,
    unreachable: None,
    env_file: None,
    var: native_var,
};

fn native_var(setting: Setting) -> Option<Var> {
    match setting {
        Setting::AutoLogin => None,
        _ => Some(authctl_var(setting)),
    }
}
