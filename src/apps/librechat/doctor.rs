//! `doctor` for LibreChat: its "User Auth System" guide
//! (<https://www.librechat.ai/docs/configuration/authentication>: new secure
//! values for the documented example secrets, session and refresh
//! lifetimes, registration, and the warning that without email "anyone can
//! reset any password on your server immediately") and what its issue
//! tracker reports most ("Invalid key length", "iv must contain exactly 16
//! bytes"), as checks over its `.env` as LibreChat v0.8.5 reads it.

use super::{cross_problems, email_configured, is_enabled, DotenvSecret};
use crate::apps::librechat::expr::{self, Reading};
use crate::doctor::{fail, owner_only, pass, warn, Check};
use crate::profile::Setting;
use crate::settings::Settings;

/// Every LibreChat check.
pub fn run(s: &Settings) -> Vec<Check> {
    let mut checks = vec![env_file(s)];
    checks.extend(DotenvSecret::ALL.into_iter().map(|x| secret(s, x)));
    checks.push(distinct_secrets(s));
    checks.push(lifetime(
        s,
        Setting::AccessTokenTtl,
        "librechat.session_expiry",
        crate::doctor::MAX_ACCESS_TTL,
    ));
    checks.push(lifetime(
        s,
        Setting::RefreshTokenTtl,
        "librechat.refresh_token_expiry",
        crate::doctor::MAX_REFRESH_TTL,
    ));
    checks.push(registration(s));
    checks.push(unverified_login(s));
    checks.push(password_reset(s));
    checks.push(domain(s));
    checks.extend(users(s));
    checks
}

/// What the database says (where `MONGO_URI` is set): an active ADMIN
/// exists (with no user at all, the first to register becomes one);
/// unverified users, and those the TTL index will delete; password hashes
/// below LibreChat's own cost of 10.
fn users(s: &Settings) -> Vec<Check> {
    const ID: &str = "librechat.users";
    let Some(uri) = var(s, super::MONGO_URI).filter(|u| !u.trim().is_empty()) else {
        return vec![warn(
            ID,
            "MONGO_URI is not set: LibreChat's users were not checked",
            "run doctor in LibreChat's folder (its .env names the database), or set MONGO_URI",
        )];
    };
    let audit = s.config_dir.join(crate::store::audit_file::AUDIT_FILE);
    let store = match super::store::LibreChatStore::open(
        uri,
        super::MONGO_URI,
        crate::store::Actor::os_user(),
        audit,
    ) {
        Ok(store) => store,
        Err(e) => {
            return vec![fail(
                ID,
                e.one_line(),
                "check MONGO_URI and that LibreChat's MongoDB is running",
            )]
        }
    };
    let (users, expiring) = match store.users_and_expiring() {
        Ok(found) => found,
        Err(e) => return vec![fail(ID, e.one_line(), "check the server's log")],
    };
    let admins = users
        .iter()
        .filter(|u| u.is_superuser && u.is_active)
        .count();
    let admin = match (users.len(), admins) {
        (0, _) => warn(
            "librechat.admin",
            "LibreChat has no users yet: whoever registers first becomes its ADMIN",
            "create the admin before opening registration: `authctl --profile librechat superuser --username EMAIL`",
        ),
        (_, 0) => fail(
            "librechat.admin",
            "no verified ADMIN: nobody can manage LibreChat",
            "`authctl --profile librechat superuser --username EMAIL` (with --reset-password for a locked-out one), or `authctl --profile librechat user promote EMAIL`",
        ),
        (_, n) => pass("librechat.admin", format!("{n} verified ADMIN(s)")),
    };
    let unverified = users.iter().filter(|u| !u.is_active).count();
    let waiting = match (unverified, expiring) {
        (0, _) => pass("librechat.unverified", "every user is verified"),
        (n, 0) => warn(
            "librechat.unverified",
            format!("{n} unverified user(s) cannot log in"),
            "`authctl --profile librechat user activate EMAIL`, or delete them",
        ),
        (n, m) => warn(
            "librechat.unverified",
            format!("{n} unverified user(s) cannot log in; {m} of them will be deleted by the TTL index a week after registering"),
            "`authctl --profile librechat user activate EMAIL` keeps and verifies one",
        ),
    };
    let weak: Vec<&str> = users
        .iter()
        .filter(|u| bcrypt_cost(&u.password_hash).is_some_and(|c| c < 10))
        .map(|u| u.username.as_str())
        .collect();
    let cost = match weak.as_slice() {
        [] => pass(
            "librechat.password_cost",
            "every password hash has bcrypt cost 10 or more",
        ),
        some => warn(
            "librechat.password_cost",
            format!(
                "{} password hash(es) below bcrypt cost 10, LibreChat's own: {}",
                some.len(),
                some.iter()
                    .take(5)
                    .map(|n| crate::text::quoted(n))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            "set new passwords: `authctl --profile librechat user passwd EMAIL`",
        ),
    };
    let mut checks = vec![admin, waiting, cost];
    checks.extend(bans(s, &store, &users));
    checks
}

/// The bans `checkBan` reads: whether LibreChat enforces them at all, bans
/// that outlive `BAN_DURATION` or end before the time they record, and
/// cached bans that no ban stands behind any more (they block for good).
fn bans(
    s: &Settings,
    store: &super::store::LibreChatStore,
    users: &[crate::store::User],
) -> Vec<Check> {
    use super::bans::{enforcement, orphaned_cache};
    let entries = match store.ban_entries() {
        Ok(entries) => entries,
        Err(e) => {
            return vec![fail(
                "librechat.bans",
                e.one_line(),
                "check the server's log",
            )]
        }
    };
    let now = crate::clock::now().timestamp_millis();
    let name = |id: &str| {
        users
            .iter()
            .find(|u| u.id == id)
            .map_or_else(|| id.to_string(), |u| crate::text::quoted(&u.username))
    };
    let live: Vec<_> = entries
        .iter()
        .filter(|e| e.record_of().is_some() && e.live(now))
        .collect();
    let who = |e: &super::bans::Entry| {
        let of = e.record_of().unwrap_or_default();
        match e.user_id() {
            Some(user) => format!("{of} (with {})", name(user)),
            None => name(of),
        }
    };
    let list = |found: &[&super::bans::Entry]| {
        found
            .iter()
            .take(5)
            .map(|e| who(e))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let record = match enforcement(s) {
        _ if live.is_empty() => pass("librechat.bans", "nobody is banned"),
        Err(why) => warn(
            "librechat.bans",
            format!("{} ban(s) recorded, but LibreChat enforces none: {why}", live.len()),
            "set BAN_VIOLATIONS=true in LibreChat's .env, or lift them: `authctl --profile librechat user unban EMAIL`",
        ),
        Ok(limit) => {
            let long: Vec<_> = live
                .iter()
                .copied()
                .filter(|e| e.expires.is_none_or(|end| end - now > limit))
                .collect();
            let short: Vec<_> = live
                .iter()
                .copied()
                .filter(|e| {
                    e.recorded_end()
                        .zip(e.expires)
                        .is_some_and(|(recorded, end)| recorded > end)
                })
                .collect();
            let limit = crate::token::humanize_duration((limit / 1000).max(1) as u64);
            if !long.is_empty() {
                warn(
                    "librechat.bans",
                    format!("{} ban(s) outlive BAN_DURATION ({limit}) from now: {}", long.len(), list(&long)),
                    "expected for `authctl user ban --for` longer than BAN_DURATION; `authctl --profile librechat user unban EMAIL` lifts one",
                )
            } else if !short.is_empty() {
                warn(
                    "librechat.bans",
                    format!("{} ban(s) end at BAN_DURATION ({limit}), before the end they record: {}", short.len(), list(&short)),
                    "LibreChat's own bans last at most BAN_DURATION; `authctl --profile librechat user ban EMAIL --for DURATION` writes one that lasts its whole length",
                )
            } else {
                pass("librechat.bans", format!("{} ban(s), each ending within BAN_DURATION ({limit})", live.len()))
            }
        }
    };
    let orphans = orphaned_cache(&entries, &[], now);
    let cache = match orphans.as_slice() {
        [] => pass("librechat.ban_cache", "no cached ban outlives its ban"),
        some => warn(
            "librechat.ban_cache",
            format!(
                "{} cached ban(s) outlive their ban and block for good (checkBan caches a refusal with no end): {}",
                some.len(),
                some.iter().take(5).map(|e| name(e.cache_of().unwrap_or_default())).collect::<Vec<_>>().join(", ")
            ),
            "`authctl --profile librechat user unban EMAIL` (for any user) removes every cached ban no ban stands behind",
        ),
    };
    vec![record, cache]
}

/// The cost of a bcrypt hash (`$2a$10$…`).
fn bcrypt_cost(hash: &str) -> Option<u32> {
    let mut parts = hash.split('$');
    let (_, version, cost) = (parts.next()?, parts.next()?, parts.next()?);
    version.starts_with('2').then_some(())?;
    cost.parse().ok()
}

fn var<'a>(s: &'a Settings, name: &str) -> Option<&'a str> {
    s.lookup(name)
}

fn env_file(s: &Settings) -> Check {
    const ID: &str = "librechat.env_file";
    match &s.env_file {
        Some(path) => owner_only(ID, path),
        None => warn(
            ID,
            format!(
                "no .env in \"{}\": only the process environment was checked",
                s.config_dir.display()
            ),
            "run doctor in LibreChat's folder, or pass --config-dir DIR or --env-file FILE",
        ),
    }
}

fn id_of(secret: DotenvSecret) -> &'static str {
    match secret {
        DotenvSecret::JwtSecret => "librechat.jwt_secret",
        DotenvSecret::JwtRefreshSecret => "librechat.jwt_refresh_secret",
        DotenvSecret::CredsKey => "librechat.creds_key",
        DotenvSecret::CredsIv => "librechat.creds_iv",
        DotenvSecret::MeiliMasterKey => "librechat.meili_master_key",
    }
}

fn secret(s: &Settings, secret: DotenvSecret) -> Check {
    let id = id_of(secret);
    let name = secret.var();
    let Some(value) = var(s, name) else {
        return if secret.required() {
            fail(
                id,
                format!("{name} is not set"),
                "`authctl --profile librechat init --out .env` adds it",
            )
        } else {
            pass(
                id,
                format!("{name} is not set (only Meilisearch search needs it)"),
            )
        };
    };
    let problems = secret.problems(value);
    if problems.is_empty() {
        return pass(
            id,
            format!("{name} is set, in LibreChat's format, and strong"),
        );
    }
    let fix = if secret.guards_stored_values() {
        format!(
            "`authctl --profile librechat init --out .env --force` replaces it, keeping the old file; credentials stored under the old {name} then no longer decrypt, so users enter them again"
        )
    } else {
        "`authctl --profile librechat init --out .env` replaces a weak value (signed-in users log in again)".to_string()
    };
    // Meilisearch's key guards search, not accounts: a warning.
    let line = problems.join("; ");
    if secret == DotenvSecret::MeiliMasterKey {
        warn(id, line, fix)
    } else {
        fail(id, line, fix)
    }
}

fn distinct_secrets(s: &Settings) -> Check {
    const ID: &str = "librechat.distinct_secrets";
    let problems = cross_problems(&|n| var(s, n).map(str::to_string));
    match problems.first() {
        Some(p) => fail(
            ID,
            p.clone(),
            "`authctl --profile librechat secret generate` makes a new JWT_REFRESH_SECRET",
        ),
        None => pass(ID, "JWT_SECRET and JWT_REFRESH_SECRET differ"),
    }
}

/// `setting`'s variable as LibreChat reads it; where it is unset or
/// LibreChat ignores it, settings resolved LibreChat's default.
fn lifetime(s: &Settings, setting: Setting, id: &'static str, max: u64) -> Check {
    let human = crate::token::humanize_duration;
    let name = s.var_name(setting);
    let default = match setting {
        Setting::RefreshTokenTtl => s.refresh_ttl,
        _ => s.access_ttl,
    };
    let Some(text) = var(s, name) else {
        return pass(
            id,
            format!("{name} is not set: LibreChat's default, {}", human(default)),
        );
    };
    let shown = expr::shown(text);
    match expr::read(text) {
        Reading::Number(ms) => match expr::seconds(ms) {
            Ok(secs) if secs > max => warn(
                id,
                format!(
                    "{name} comes to {}, longer than the {} the guides advise",
                    human(secs),
                    human(max)
                ),
                format!(
                    "set {name} in milliseconds, like {}",
                    if max == 3600 {
                        "1000 * 60 * 15"
                    } else {
                        "(1000 * 60 * 60 * 24) * 7"
                    }
                ),
            ),
            Ok(secs) => pass(id, format!("{name} comes to {}", human(secs))),
            Err(why) => fail(
                id,
                format!("{name}=\"{shown}\": {why}"),
                format!("set {name} in milliseconds, like 1000 * 60 * 15"),
            ),
        },
        Reading::Fallback(why) => warn(
            id,
            format!(
                "{name}=\"{shown}\" is not used ({why}): LibreChat silently takes its default, {}",
                human(default)
            ),
            format!("write {name} in milliseconds, like 1000 * 60 * 15"),
        ),
        Reading::Unknown(why) => warn(
            id,
            format!(
                "{name}=\"{shown}\": authctl does not evaluate {why}, so its value is not checked"
            ),
            format!("write {name} as plain milliseconds, like 1000 * 60 * 15"),
        ),
    }
}

fn registration(s: &Settings) -> Check {
    const ID: &str = "librechat.registration";
    let on: Vec<&str> = ["ALLOW_REGISTRATION", "ALLOW_SOCIAL_REGISTRATION"]
        .into_iter()
        .filter(|n| is_enabled(var(s, n)))
        .collect();
    if on.is_empty() {
        pass(
            ID,
            "registration is off (ALLOW_REGISTRATION and ALLOW_SOCIAL_REGISTRATION are not true)",
        )
    } else {
        warn(
            ID,
            format!("{}=true: anyone who reaches the server can create an account", on.join("=true and ")),
            "set them to false once your users exist, and add users with LibreChat's `npm run create-user` or invitations",
        )
    }
}

fn unverified_login(s: &Settings) -> Check {
    const ID: &str = "librechat.unverified_login";
    if is_enabled(var(s, "ALLOW_UNVERIFIED_EMAIL_LOGIN")) {
        warn(
            ID,
            "ALLOW_UNVERIFIED_EMAIL_LOGIN=true: accounts log in without proving they own their email address",
            "configure email and set ALLOW_UNVERIFIED_EMAIL_LOGIN=false",
        )
    } else {
        pass(
            ID,
            "logins need a verified email (ALLOW_UNVERIFIED_EMAIL_LOGIN is not true)",
        )
    }
}

/// LibreChat's authentication guide: "Failing to perform either of the below setups will result
/// in LibreChat using the unsecured password reset! This allows anyone to
/// reset any password on your server immediately, without mail being sent
/// at all!" In v0.8.5 the reset link is then returned in the HTTP
/// response (`requestPasswordReset`); `ALLOW_PASSWORD_RESET` (off unless
/// `true`) turns the routes off.
fn password_reset(s: &Settings) -> Check {
    const ID: &str = "librechat.password_reset";
    const DOCS: &str = "\"Failing to perform either of the below setups will result in LibreChat using the unsecured password reset! This allows anyone to reset any password on your server immediately, without mail being sent at all!\"";
    let email = email_configured(&|n| var(s, n).map(str::to_string));
    let reset = var(s, "ALLOW_PASSWORD_RESET");
    let configure = "configure email: EMAIL_SERVICE (or EMAIL_HOST) and EMAIL_FROM, or MAILGUN_API_KEY, MAILGUN_DOMAIN and EMAIL_FROM";
    match (email, is_enabled(reset), reset) {
        (true, _, _) => {
            let (user, pass_set) = (
                var(s, "EMAIL_USERNAME").is_some_and(|v| !v.is_empty()),
                var(s, "EMAIL_PASSWORD").is_some_and(|v| !v.is_empty()),
            );
            if user != pass_set {
                warn(ID, "email is configured, but only one of EMAIL_USERNAME and EMAIL_PASSWORD is set, so the mail server is likely to refuse LibreChat's reset mails", "set both, or neither for a relay that needs no login")
            } else {
                pass(ID, "email is configured, so password resets go by mail")
            }
        }
        (false, true, _) => fail(
            ID,
            format!("ALLOW_PASSWORD_RESET=true without email: LibreChat hands the reset link to whoever asks; LibreChat's docs: {DOCS}"),
            format!("{configure}; or set ALLOW_PASSWORD_RESET=false"),
        ),
        // v0.8.5 keeps reset off while the switch is unset, but versions
        // before the switch reset without mail: only an explicit value is
        // safe on every version.
        (false, false, None) => fail(
            ID,
            format!("no email is configured and ALLOW_PASSWORD_RESET is not set: LibreChat versions before that switch use the unsecured password reset (v0.8.5 keeps reset off while it is unset); LibreChat's docs: {DOCS}"),
            format!("set ALLOW_PASSWORD_RESET=false; or {configure}"),
        ),
        (false, false, Some(_)) => pass(ID, "password reset is off (ALLOW_PASSWORD_RESET is not true) and no email is configured"),
    }
}

fn domain(s: &Settings) -> Check {
    const ID: &str = "librechat.domain";
    let Some(client) = var(s, "DOMAIN_CLIENT").filter(|v| !v.is_empty()) else {
        return warn(
            ID,
            "DOMAIN_CLIENT is not set: the links in LibreChat's verification and reset mails lead nowhere",
            "set DOMAIN_CLIENT and DOMAIN_SERVER to the address users open (https://…)",
        );
    };
    let lower = client.trim().to_ascii_lowercase();
    let local = ["http://localhost", "http://127.0.0.1", "http://[::1]"]
        .iter()
        .any(|p| lower.starts_with(p));
    if lower.starts_with("https://") {
        pass(ID, format!("DOMAIN_CLIENT is {client}"))
    } else if local {
        warn(
            ID,
            format!("DOMAIN_CLIENT is {client}: fine on this machine, but links in mails point to localhost"),
            "set DOMAIN_CLIENT and DOMAIN_SERVER to the https:// address users open",
        )
    } else {
        warn(
            ID,
            format!("DOMAIN_CLIENT is {client}, not https: logins and tokens cross the network in clear"),
            "serve LibreChat over HTTPS and set DOMAIN_CLIENT and DOMAIN_SERVER to https://…",
        )
    }
}
