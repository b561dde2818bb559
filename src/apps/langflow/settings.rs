//! Langflow's settings table: the variables it reads, with its defaults.

use crate::profile::{authctl_var, var, ConfigDirDefault, Setting, Spec, Unit, Var};

/// Langflow 1.13: the variables its settings read (`langflow/services/
/// settings/auth.py` and `base.py`), with its defaults.
pub(crate) static LANGFLOW: Spec = Spec {
    name: "langflow",
    app: "Langflow",
    about: "A Langflow deployment: its database tables and LANGFLOW_* variables",
    config_dir: ConfigDirDefault::PlatformCache("langflow"),
    database_file: "langflow.db",
    // Where Langflow 1.13 reads its secret key and RS256 private key.
    secret_files: &["secret_key", "private_key.pem"],
    // Langflow encrypts API keys and variables with a Fernet key derived
    // from the secret key, whatever signs its tokens.
    secret_key_always: true,
    superuser_from_env: true,
    reset_promotes: true,
    help_terms: &[],
    commands: None,
    unreachable: None,
    env_file: None,
    var: langflow_var,
};

fn langflow_var(setting: Setting) -> Option<Var> {
    use Setting::*;
    use Unit::*;
    Some(match setting {
        ConfigDir => var("LANGFLOW_CONFIG_DIR", Path, None),
        Setting::DatabaseUrl => var("LANGFLOW_DATABASE_URL", Unit::DatabaseUrl, None),
        Superuser => var("LANGFLOW_SUPERUSER", Text, None),
        SuperuserPassword => var("LANGFLOW_SUPERUSER_PASSWORD", Secret, None),
        NewUserIsActive => var("LANGFLOW_NEW_USER_IS_ACTIVE", Bool, Some("false")),
        SecretKey => var("LANGFLOW_SECRET_KEY", Secret, None),
        Algorithm => var("LANGFLOW_ALGORITHM", Text, Some("HS256")),
        PrivateKey => var("LANGFLOW_PRIVATE_KEY", Secret, None),
        PublicKey => var("LANGFLOW_PUBLIC_KEY", Text, None),
        AccessTokenTtl => var(
            "LANGFLOW_ACCESS_TOKEN_EXPIRE_SECONDS",
            Seconds,
            Some("3600"),
        ),
        RefreshTokenTtl => var(
            "LANGFLOW_REFRESH_TOKEN_EXPIRE_SECONDS",
            Seconds,
            Some("604800"),
        ),
        // Langflow's default is True: everyone is logged in as the superuser.
        AutoLogin => var("LANGFLOW_AUTO_LOGIN", Bool, Some("true")),
        // Langflow has no setting of its own for these.
        BcryptCost | MinPasswordLength | JwtIssuer | JwtAudience => authctl_var(setting),
    })
}
