//! Open WebUI's settings table: the variables it reads, with its defaults.

use crate::profile::{authctl_var, var, ConfigDirDefault, Setting, Spec, Unit, Var};

/// Open WebUI 0.12 (`open_webui/env.py`, `config.py`, `__init__.py`).
/// The config dir is the folder the server is started in, where
/// `open-webui serve` keeps `.webui_secret_key`; the database is
/// `$DATA_DIR/webui.db` unless `DATABASE_URL` names another.
pub(crate) static OPEN_WEBUI: Spec = Spec {
    name: "open-webui",
    app: "Open WebUI",
    about: "An Open WebUI deployment: its database (DATA_DIR/webui.db or DATABASE_URL) and WEBUI_SECRET_KEY or .webui_secret_key",
    config_dir: ConfigDirDefault::CurrentDir,
    database_file: "data/webui.db",
    secret_files: &[super::secrets::KEY_FILE],
    secret_key_always: true,
    // WEBUI_ADMIN_EMAIL and WEBUI_ADMIN_PASSWORD create the first admin
    // at start while there is no user.
    superuser_from_env: true,
    reset_promotes: true,
    help_terms: &[
        (
            "Key directory (secret_key, private_key.pem, public_key.pem)",
            "The folder Open WebUI is started in, which holds its .webui_secret_key",
        ),
        (
            "[default: the platform config dir, ~/.config/authctl on Linux]",
            "[default: the current directory]",
        ),
    ],
    commands: None,
    unreachable: None,
    env_file: None,
    var: open_webui_var,
};

fn open_webui_var(setting: Setting) -> Option<Var> {
    use Setting::*;
    use Unit::*;
    match setting {
        Setting::DatabaseUrl => Some(var("DATABASE_URL", Unit::DatabaseUrl, None)),
        Superuser => Some(var("WEBUI_ADMIN_EMAIL", Text, None)),
        SuperuserPassword => Some(var("WEBUI_ADMIN_PASSWORD", Secret, None)),
        SecretKey => Some(var("WEBUI_SECRET_KEY", Secret, None)),
        // Open WebUI hashes at bcrypt cost 12 (authctl's default) and has
        // no length rule of its own: authctl's knobs.
        BcryptCost | MinPasswordLength => Some(authctl_var(setting)),
        // It signs HS256 only; its token lifetime is `auth.jwt_expiry` in
        // its database (JWT_EXPIRES_IN only seeds it), read when minting.
        ConfigDir | NewUserIsActive | Algorithm | PrivateKey | PublicKey | AccessTokenTtl
        | RefreshTokenTtl | JwtIssuer | JwtAudience | AutoLogin => None,
    }
}
