//! Login names: the one form they are stored and compared in, what is
//! refused, and the errors that name a user.

use super::User;
use crate::error::{Error, Result};
use crate::profile;

/// A username as stored: NFC, validated (see `validate_username`), so
/// `josé` typed on macOS (decomposed) and on Linux is one name.
pub fn normalize_username(name: &str) -> Result<String> {
    let nfc = crate::text::nfc(name);
    validate_username(&nfc)?;
    Ok(nfc)
}

/// The form in which two usernames are compared: NFC, lower-cased beyond
/// ASCII (`ÉVE` and `éve` are one name).
pub fn fold_username(name: &str) -> String {
    crate::text::nfc(&crate::text::nfc(name).to_lowercase())
}

/// The one user in `all` whose name is `wanted` up to case and
/// normalisation. Two stored names that differ only so (which an app's own
/// case-sensitive sign-up can leave) are refused as ambiguous, listing
/// both, rather than one picked.
pub fn pick_user(all: &[User], wanted: &str) -> Result<Option<User>> {
    let key = fold_username(wanted);
    let matches: Vec<&User> = all
        .iter()
        .filter(|u| fold_username(&u.username) == key)
        .collect();
    match matches.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some((*one).clone())),
        _ => Err(Error::Conflict(format!(
            "\"{}\" matches {} users that differ only by case or Unicode normalisation ({}); rename all but one in the app first",
            wanted,
            matches.len(),
            matches
                .iter()
                .map(|u| format!("\"{}\" id {}", u.username, u.id))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// Refuse names that would be confusing or unsafe to print.
pub fn validate_username(name: &str) -> Result<()> {
    if name.is_empty() {
        return Err(Error::usage("the username is empty; give a name"));
    }
    if name.trim() != name {
        return Err(Error::usage(format!(
            "username \"{name}\" has leading or trailing whitespace; remove it"
        )));
    }
    if name.chars().count() > 150 {
        return Err(Error::usage("the username is longer than 150 characters"));
    }
    if name.chars().any(char::is_control) {
        return Err(Error::usage("the username contains control characters"));
    }
    if name.chars().any(crate::text::is_unsafe_char) {
        return Err(Error::usage(
            "the username contains invisible formatting characters (such as bidirectional overrides or zero-width spaces); type it plainly",
        ));
    }
    Ok(())
}

/// The error for a login name that is not an email address an app
/// accepts.
pub fn invalid_email(app: &str, name: &str) -> Error {
    Error::usage(format!(
        "\"{name}\" is not an email address {app} accepts; {app} users log in with their email (name@example.com)"
    ))
}

/// Refuse a login name the profile's app would not accept.
pub fn validate_login_name(profile: profile::Profile, name: &str) -> Result<()> {
    validate_username(name)?;
    profile.app().check_login_name(name)
}

/// The error for an unknown user.
pub fn user_not_found(name: &str) -> Error {
    Error::NotFound(format!(
        "user \"{name}\" does not exist; see `authctl user list`"
    ))
}

/// Refuse a change that took away the last active superuser: `before` and
/// `after` are the user around the change (still uncommitted), `remaining`
/// counts active superusers after it.
pub fn guard_last_superuser(
    before: &User,
    after: &User,
    force: bool,
    remaining: impl FnOnce() -> Result<i64>,
) -> Result<()> {
    let lost = before.is_active && before.is_superuser && !(after.is_active && after.is_superuser);
    if lost && !force && remaining()? == 0 {
        let what = if after.is_active {
            "demote"
        } else {
            "deactivate"
        };
        return Err(last_superuser(&before.username, what));
    }
    Ok(())
}

/// The error for a change that would leave no active superuser.
pub fn last_superuser(name: &str, what: &str) -> Error {
    Error::Conflict(format!(
        "refusing to {what} \"{name}\": it is the last active superuser; create another first or pass --force"
    ))
}
