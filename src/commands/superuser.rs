//! `authctl superuser`: create the superuser, or reset a forgotten password.

use super::{Ctx, UserReport};
use crate::cli::SuperuserArgs;
use crate::error::{Error, Result};
use crate::output::Outcome;
use crate::password;
use crate::profile::Setting;
use crate::store::{self, Access, NewUser, UserChange};

pub fn run(args: &SuperuserArgs, ctx: &Ctx) -> Result<Outcome> {
    let s = &ctx.settings;
    let username = match args.username.clone().or_else(|| s.superuser.clone()) {
        Some(name) => name,
        None if ctx.ui.can_prompt() => ctx.ui.line("Username")?,
        None => {
            return Err(Error::usage(format!(
                "no superuser name given; pass --username NAME or set {}",
                s.var_name(Setting::Superuser)
            )))
        }
    };
    store::validate_login_name(s.profile, &username)?;
    // Read first: a refused request must not even create the database.
    let (existing, conflict) = match store::open(s, Access::Read)? {
        Some(db) => (db.get_user(&username)?, db.superuser_conflict()?),
        None => (None, None),
    };
    if let Some(user) = &existing {
        if args.if_not_exists {
            return Ok(Outcome::new()
                .json(UserReport {
                    user,
                    changed: false,
                })
                .note(format!(
                    "user \"{}\" already exists; nothing changed",
                    user.username
                )));
        }
        if !args.reset_password {
            return Err(Error::Conflict(format!(
                "user \"{}\" already exists; pass --reset-password to set a new password or --if-not-exists to accept it",
                user.username
            )));
        }
    }

    if let (None, Some(why)) = (&existing, conflict) {
        return Err(Error::Conflict(why));
    }
    let source = args.password.source();
    let pw = password::obtain_new(
        source.as_ref(),
        s.superuser_password.as_ref(),
        s,
        &ctx.ui,
        &username,
    )?;
    // Hashed on another core while the database is opened for writing.
    let job = password::HashJob::start(&pw, s.bcrypt_cost);
    let mut db = crate::store::open_write(s)?;
    let hash = job.wait()?;

    let (user, verb) = match existing {
        Some(user) => {
            let promotes = s.profile.spec().reset_promotes;
            let change = UserChange {
                password_hash: Some(hash),
                is_active: Some(true),
                is_superuser: promotes.then_some(true),
                force: false,
            };
            let mut users = db.update_users(std::slice::from_ref(&user.username), &change)?;
            let user = users.remove(0);
            let verb = if user.is_superuser {
                "reset the password of superuser"
            } else {
                "reset the password of user"
            };
            (user, verb)
        }
        None => {
            let new = NewUser {
                username,
                password_hash: hash,
                is_active: true,
                is_superuser: true,
            };
            match db.create_user(&new) {
                Ok(user) => (user, "created superuser"),
                // Another process created it between our check and our write.
                Err(Error::Conflict(_)) if args.if_not_exists => {
                    let user = db
                        .get_user(&new.username)?
                        .ok_or_else(|| store::user_not_found(&new.username))?;
                    return Ok(Outcome::new()
                        .json(UserReport {
                            user: &user,
                            changed: false,
                        })
                        .note(format!(
                            "user \"{}\" already exists; nothing changed",
                            user.username
                        )));
                }
                Err(e) => return Err(e),
            }
        }
    };
    Ok(Outcome::new()
        .json(UserReport {
            user: &user,
            changed: true,
        })
        .note(format!("{verb} \"{}\" ({})", user.username, user.id)))
}
