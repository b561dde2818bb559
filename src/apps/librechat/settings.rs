//! LibreChat's settings table: the variables it reads, with its defaults.

use crate::profile::{var, ConfigDirDefault, Setting, Spec, Unit, Var};

/// LibreChat (v0.8.5's `.env.example` and server): what lives outside its
/// MongoDB. The config dir is LibreChat's root, whose `.env` is read.
pub(crate) static LIBRECHAT: Spec = Spec {
    name: "librechat",
    app: "LibreChat",
    about: "A LibreChat deployment's .env: its secrets, stored-credential cipher and tokens",
    config_dir: ConfigDirDefault::CurrentDir,
    database_file: "",
    secret_files: &[".env"],
    secret_key_always: false,
    superuser_from_env: false,
    reset_promotes: false,
    help_terms: &[
        (
            "Key directory (secret_key, private_key.pem, public_key.pem)",
            "LibreChat's root, whose .env is read unless --env-file names another",
        ),
        (
            "[default: the platform config dir, ~/.config/authctl on Linux]",
            "[default: the current directory]",
        ),
    ],
    commands: Some(&[
        "superuser",
        "user",
        "apply",
        "export",
        "secret",
        "token",
        "init",
        "doctor",
        "releases",
        "completions",
    ]),
    unreachable: Some(
        "LibreChat's users are in the MongoDB its MONGO_URI names (in its .env or the environment), and its API keys, signing keys and stored credentials are not authctl's to manage yet",
    ),
    env_file: Some(".env"),
    var: librechat_var,
};

fn librechat_var(setting: Setting) -> Option<Var> {
    use Setting::*;
    use Unit::*;
    match setting {
        SecretKey => Some(var("JWT_SECRET", Secret, None)),
        AccessTokenTtl => Some(var(
            "SESSION_EXPIRY",
            MillisecondsExpr,
            Some("1000 * 60 * 15"),
        )),
        RefreshTokenTtl => Some(var(
            "REFRESH_TOKEN_EXPIRY",
            MillisecondsExpr,
            Some("(1000 * 60 * 60 * 24) * 7"),
        )),
        // LibreChat signs HS256 with its two secrets (JWT_REFRESH_SECRET,
        // read by `librechat`), names no config dir and keeps the rest in
        // MongoDB.
        ConfigDir
        | Setting::DatabaseUrl
        | Superuser
        | SuperuserPassword
        | NewUserIsActive
        | BcryptCost
        | MinPasswordLength
        | Algorithm
        | PrivateKey
        | PublicKey
        | JwtIssuer
        | JwtAudience
        | AutoLogin => None,
    }
}

/// A LibreChat duration (`SESSION_EXPIRY=1000 * 60 * 15`) as seconds:
/// what LibreChat uses, falling back to its default as it does, with a
/// warning when the text is not what it looks like.
pub(super) fn duration(v: Var, value: &str) -> (u64, Option<String>) {
    use super::expr::{read, seconds, Reading};
    let default = v
        .default
        .and_then(|d| match read(d) {
            Reading::Number(ms) => seconds(ms).ok(),
            _ => None,
        })
        .unwrap_or(1);
    let name = v.name;
    let text = value;
    let value = super::expr::shown(text);
    match read(text) {
        Reading::Number(ms) => match seconds(ms) {
            Ok(secs) => (secs, None),
            Err(why) => (
                default,
                Some(format!(
                    "{name}=\"{value}\": {why}; write milliseconds like {}",
                    v.default.unwrap_or("1000 * 60 * 15")
                )),
            ),
        },
        Reading::Fallback(why) => (
            default,
            Some(format!(
                "{name}=\"{value}\" is not used by LibreChat ({why}): it silently takes its default, {}",
                crate::token::humanize_duration(default)
            )),
        ),
        Reading::Unknown(why) => (
            default,
            Some(format!(
                "{name}=\"{value}\": authctl does not evaluate {why}; write plain milliseconds like {}",
                v.default.unwrap_or("1000 * 60 * 15")
            )),
        ),
    }
}
