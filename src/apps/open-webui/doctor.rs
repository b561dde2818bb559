//! `doctor` for Open WebUI: its secret key (where it comes from, its
//! strength, a newline `open-webui serve` keeps and the container's
//! `start.sh` strips), who may get in (`WEBUI_AUTH`, open signup and its
//! default role, API keys for everyone), the rows that break its user list,
//! and values under the key that no longer decrypt.

use super::secrets::{self, Source};
use super::store::OpenWebUiStore;
use crate::doctor::{fail, pass, warn, Check};
use crate::settings::Settings;
use crate::store::{Access, EncryptedValues};
use secrecy::ExposeSecret;
use serde_json::Value;

pub(super) fn run(s: &Settings) -> Vec<Check> {
    let mut checks = vec![secret_key(s)];
    checks.push(crate::doctor::owner_only(
        "secret.file_mode",
        &s.config_dir.join(secrets::KEY_FILE),
    ));
    checks.push(rotation_pending(s));
    checks.push(crate::doctor::key_shadowed(s));
    checks.push(crate::doctor::config_dir_mode(s));
    checks.push(crate::doctor::backup_modes(s));
    checks.push(webui_auth(s));
    if s.var_in_env_file("WEBUI_ADMIN_PASSWORD") {
        checks.push(warn(
            "config.superuser_password",
            "WEBUI_ADMIN_PASSWORD is in the env file, readable there after the first admin exists",
            "remove it from the env file once the admin is created (Open WebUI uses it only while it has no user)",
        ));
    }
    checks.extend(crate::doctor::database(s));
    if let Ok(Some(mut db)) = OpenWebUiStore::open(s, Access::Read, super::own_keys(s)) {
        checks.push(signup(&db));
        checks.push(api_keys(&db));
        checks.push(timestamps(&db));
        checks.push(rows(&db));
        checks.push(undecryptable(s, &mut db));
    }
    checks
}

/// The key: present, strong, read alike by `open-webui serve` and the
/// container, usable as Fernet.
fn secret_key(s: &Settings) -> Check {
    const ID: &str = "secret.present";
    let (key, source) = match secrets::resolve(s) {
        Ok(Some(found)) => found,
        Ok(None) => {
            return fail(
                ID,
                format!(
                    "no secret key: {} is unset and \"{}\" does not exist; Open WebUI makes a new one at start, ending every session and stranding the values encrypted under the old one",
                    secrets::VAR,
                    s.config_dir.join(secrets::KEY_FILE).display()
                ),
                "run `authctl --profile open-webui keygen` where Open WebUI is started, or set WEBUI_SECRET_KEY",
            )
        }
        Err(e) => return fail(ID, e.one_line(), "replace the key file with `authctl --profile open-webui secret rotate`"),
    };
    let text = key.expose_secret();
    let from = source.describe();
    if let Source::File(_) = &source {
        if text.ends_with('\n') || text.ends_with('\r') {
            return fail(
                ID,
                format!("the secret key in {from} ends with a newline: `open-webui serve` keeps it as part of the key and the container's start.sh strips it, so the two sign and encrypt with different keys"),
                "rewrite the file without the newline, as `authctl --profile open-webui secret rotate` writes it (tokens signed with the old form end)",
            );
        }
    }
    if let Err(e) = secrets::fernet(text, secrets::Form::Plain) {
        return fail(
            ID,
            e.one_line(),
            "rotate it with `authctl --profile open-webui secret rotate`",
        );
    }
    let reasons = crate::secrets::check(text);
    if !reasons.is_empty() {
        return fail(
            ID,
            format!("the secret key from {from} is weak: {}", reasons.join("; ")),
            "rotate it with `authctl --profile open-webui secret rotate`",
        );
    }
    if source == Source::Var(secrets::OLD_VAR) {
        return warn(
            ID,
            format!("the secret key comes from {}, which Open WebUI has deprecated; `open-webui serve` uses .webui_secret_key instead whenever it exists", secrets::OLD_VAR),
            format!("rename the variable to {}", secrets::VAR),
        );
    }
    pass(
        ID,
        format!("the secret key comes from {from} and is strong"),
    )
}

fn rotation_pending(s: &Settings) -> Check {
    const ID: &str = "secret.rotation";
    let pending = s.config_dir.join(secrets::PENDING_FILE);
    match crate::fsutil::exists(&pending) {
        Ok(true) => fail(
            ID,
            format!(
                "a secret rotation was interrupted (\"{}\" is still there)",
                pending.display()
            ),
            "run `authctl --profile open-webui secret rotate` to finish or discard it",
        ),
        Ok(false) => pass(ID, "no unfinished rotation"),
        Err(e) => fail(
            ID,
            e.one_line(),
            "give the user running authctl access to the folder",
        ),
    }
}

fn webui_auth(s: &Settings) -> Check {
    const ID: &str = "openwebui.auth";
    // env.py: `os.getenv('WEBUI_AUTH', 'True').lower() == 'true'`, so
    // anything but `true` in some case turns authentication off.
    match secrets::raw_var(s, "WEBUI_AUTH") {
        Some(v) if v.to_lowercase() != "true" => fail(
            ID,
            format!("WEBUI_AUTH={}: Open WebUI reads anything but \"true\" as off, so it asks no one for a password, and whoever reaches it is its admin", crate::output::shown(v)),
            "set WEBUI_AUTH=True (Open WebUI allows that only while it has no user besides the automatic admin; create users first)",
        ),
        _ => pass(ID, "WEBUI_AUTH is on: users log in"),
    }
}

fn config_bool(db: &OpenWebUiStore, key: &str) -> Option<bool> {
    db.config(key).ok().flatten().and_then(|v| v.as_bool())
}

fn signup(db: &OpenWebUiStore) -> Check {
    const ID: &str = "openwebui.signup";
    let open = config_bool(db, "ui.enable_signup").unwrap_or(true);
    let role = db
        .config("ui.default_user_role")
        .ok()
        .flatten()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| "pending".into());
    match (open, role.as_str()) {
        (true, "admin") => fail(
            ID,
            "signup is open and new users become admins (ui.default_user_role = admin): anyone who reaches Open WebUI can take it over",
            "in Admin Settings → General, turn off new sign ups or set the default user role to pending",
        ),
        (true, "user") => warn(
            ID,
            "signup is open and new users can use Open WebUI at once (ui.default_user_role = user)",
            "in Admin Settings → General, set the default user role to pending (an admin then approves each: `authctl user activate EMAIL`), or turn off new sign ups",
        ),
        (true, _) => pass(ID, format!("signup is open; new users wait as {role} for an admin")),
        (false, _) => pass(ID, "signup is closed"),
    }
}

fn api_keys(db: &OpenWebUiStore) -> Check {
    const ID: &str = "openwebui.api_keys";
    if !config_bool(db, "auth.enable_api_keys").unwrap_or(false) {
        return pass(ID, "API keys are off (auth.enable_api_keys)");
    }
    let everyone = db
        .config("user.permissions")
        .ok()
        .flatten()
        .and_then(|p| p.pointer("/features/api_keys").and_then(Value::as_bool))
        .unwrap_or(false);
    if everyone {
        warn(
            ID,
            "API keys are on and every user may make one (user.permissions features.api_keys): each is a password that never expires and survives deactivation in Open WebUI",
            "grant the API keys permission to a group instead of every user (Admin Settings → Users → Default permissions)",
        )
    } else {
        pass(ID, "API keys are on for admins and the groups granted them")
    }
}

/// Rows whose times are not whole epoch seconds: one NULL among them
/// makes Open WebUI's user list fail for every admin (its model requires
/// integers), and times in nanoseconds misplace the primary admin.
fn timestamps(db: &OpenWebUiStore) -> Check {
    const ID: &str = "openwebui.timestamps";
    let rows = match db.read(
        "SELECT email::text, created_at::text, updated_at::text, last_active_at::text FROM \"user\" ORDER BY email",
        &[],
        "read users",
    ) {
        Ok(rows) => rows,
        Err(e) => return fail(ID, e.one_line(), "check the database"),
    };
    let bad: Vec<String> = rows
        .iter()
        .filter(|r| {
            r[1..]
                .iter()
                .any(|t| match t.as_deref().map(str::parse::<i64>) {
                    Some(Ok(n)) => !(0..100_000_000_000).contains(&n),
                    _ => true,
                })
        })
        .map(|r| crate::output::shown(r[0].as_deref().unwrap_or("(no email)")).into_owned())
        .collect();
    if bad.is_empty() {
        pass(ID, "every user's times are epoch seconds")
    } else {
        fail(
            ID,
            format!(
                "users whose times are NULL or not epoch seconds: {}; Open WebUI's user list fails for everyone while one is NULL",
                bad.join(", ")
            ),
            "any authctl change to them rewrites their times (e.g. `authctl user activate EMAIL`), or delete them",
        )
    }
}

/// Rows Open WebUI reads otherwise than they look: a user without an
/// `auth` row (cannot log in), a role it does not know (`Admin` is not an
/// admin), an email not in lower case.
fn rows(db: &OpenWebUiStore) -> Check {
    const ID: &str = "openwebui.users";
    let rows = match db.read(
        "SELECT u.email::text, u.role::text, (a.id IS NULL)::text FROM \"user\" u LEFT JOIN auth a ON a.id = u.id ORDER BY u.email",
        &[],
        "read users",
    ) {
        Ok(rows) => rows,
        Err(e) => return fail(ID, e.one_line(), "check the database"),
    };
    let mut problems = Vec::new();
    for r in &rows {
        let email = r[0].clone().unwrap_or_default();
        let shown = crate::output::shown(&email);
        if super::db::truthy(&r[2]) {
            problems.push(format!("{shown} has no auth row (cannot log in)"));
        }
        match r[1].as_deref() {
            Some("admin" | "user" | "pending") => {}
            Some(role) => problems.push(format!(
                "{shown} has role {role:?}, which Open WebUI does not know"
            )),
            None => problems.push(format!("{shown} has no role")),
        }
        if email != email.to_lowercase() {
            problems.push(format!(
                "{shown} is not in lower case (trusted-header logins compare it exactly)"
            ));
        }
    }
    if problems.is_empty() {
        pass(
            ID,
            format!("{} users, each as Open WebUI writes them", rows.len()),
        )
    } else {
        warn(
            ID,
            problems.join("; "),
            "set each right with `authctl user passwd`, `promote`, `demote` or `activate`, or delete it",
        )
    }
}

/// Values under the secret key that it no longer decrypts: the server
/// deletes such an OAuth session when it reads it, and refuses to start
/// with an MFA secret it cannot read.
fn undecryptable(s: &Settings, db: &mut OpenWebUiStore) -> Check {
    const ID: &str = "openwebui.encrypted_values";
    let Ok(Some((key, _))) = secrets::resolve(s) else {
        return pass(ID, "no secret key to check values against");
    };
    let mut bad = Vec::new();
    let mut look = |value: &str, row: &str| -> crate::error::Result<String> {
        if secrets::decrypt(key.expose_secret(), value).is_none() {
            bad.push(row.to_string());
        }
        Ok(value.to_string())
    };
    match db.reencrypt(&mut look, true) {
        Ok(columns) => {
            let total: usize = columns.iter().map(|c| c.values).sum();
            if bad.is_empty() {
                pass(
                    ID,
                    format!("all {total} values under the secret key decrypt"),
                )
            } else {
                fail(
                    ID,
                    format!(
                        "{} of {total} values under the secret key do not decrypt: {}; Open WebUI deletes such OAuth sessions when it reads them, and will not start with such MFA secrets",
                        bad.len(),
                        bad.join(", ")
                    ),
                    "find the key they were written under with `authctl --profile open-webui secret identify`, then `authctl --profile open-webui secret rotate --from-key FILE`",
                )
            }
        }
        Err(e) => warn(ID, e.one_line(), "check the database"),
    }
}
