//! Flowise's settings table: the variables it reads, with its defaults.

use crate::profile::{authctl_var, var, ConfigDirDefault, Setting, Spec, Unit, Var};

/// Flowise 3.1: the variables its server reads (`flowise/dist/DataSource.js`,
/// `utils/index.js`, `enterprise/middleware/passport`), with its defaults.
/// The config dir is `SECRETKEY_PATH`, where Flowise keeps its key files.
pub(crate) static FLOWISE: Spec = Spec {
    name: "flowise",
    app: "Flowise",
    about: "A Flowise deployment: its database tables, key files and variables",
    config_dir: ConfigDirDefault::Home(".flowise"),
    database_file: "database.sqlite",
    secret_files: &[
        "encryption.key",
        "jwt_auth_token_secret.key",
        "jwt_refresh_token_secret.key",
        "token_hash_secret.key",
        "express_session_secret.key",
    ],
    secret_key_always: false,
    superuser_from_env: false,
    reset_promotes: false,
    help_terms: &[
        (
            "Key directory (secret_key, private_key.pem, public_key.pem)",
            "Key directory (encryption.key and Flowise's other .key files)",
        ),
        (
            "[default: the platform config dir, ~/.config/authctl on Linux]",
            "[default: ~/.flowise]",
        ),
        (
            "[env: AUTHCTL_DATABASE_URL] [default: <config-dir>/authctl.db]",
            "[default: $DATABASE_PATH/database.sqlite, where DATABASE_PATH defaults to ~/.flowise; with DATABASE_TYPE=postgres, DATABASE_HOST, DATABASE_PORT, DATABASE_USER, DATABASE_PASSWORD and DATABASE_NAME]",
        ),
    ],
    commands: Some(&[
        "superuser",
        "user",
        "apikey",
        "apply",
        "export",
        "secret",
        "token",
        "keygen",
        "init",
        "doctor",
        "releases",
        "completions",
    ]),
    unreachable: None,
    env_file: None,
    var: flowise_var,
};

fn flowise_var(setting: Setting) -> Option<Var> {
    use Setting::*;
    use Unit::*;
    match setting {
        ConfigDir => Some(var("SECRETKEY_PATH", Path, None)),
        // DATABASE_TYPE and DATABASE_PATH (`App::database` in this folder).
        Setting::DatabaseUrl => None,
        BcryptCost => Some(var("PASSWORD_SALT_HASH_ROUNDS", Count, Some("10"))),
        AccessTokenTtl => Some(var("JWT_TOKEN_EXPIRY_IN_MINUTES", Minutes, Some("60"))),
        RefreshTokenTtl => Some(var(
            "JWT_REFRESH_TOKEN_EXPIRY_IN_MINUTES",
            Minutes,
            Some("129600"),
        )),
        JwtIssuer => Some(var("JWT_ISSUER", Text, None)),
        JwtAudience => Some(var("JWT_AUDIENCE", Text, None)),
        // Flowise signs with its key files, HS256 only, and has no
        // auto-login.
        SecretKey | Algorithm | PrivateKey | PublicKey | AutoLogin => None,
        // Flowise has no setting of its own for these.
        Superuser | SuperuserPassword | NewUserIsActive | MinPasswordLength => {
            Some(authctl_var(setting))
        }
    }
}
