//! `authctl user …`: add, list, show, activate, deactivate, promote,
//! demote, passwd, delete.

use super::{Ctx, UserReport};
use crate::cli::{UserAddArgs, UserCommand, UserListArgs};
use crate::error::{Error, Result};
use crate::output::{Human, Outcome};
use crate::password::{self, Source};
use crate::store::{self, Access, NewUser, Store, User, UserChange};

pub fn run(cmd: UserCommand, ctx: &Ctx) -> Result<Outcome> {
    match cmd {
        UserCommand::Add(args) => add(&args, ctx),
        UserCommand::List(args) => list(&args, ctx),
        UserCommand::Show { name } => show(&name, ctx),
        UserCommand::Activate { names } => change(ctx, &names, active(true, false), "activated"),
        UserCommand::Deactivate { names, force } => {
            change(ctx, &names, active(false, force), "deactivated")
        }
        UserCommand::Promote { name } => change(ctx, &[name], superuser(true, false), "promoted"),
        UserCommand::Demote { name, force } => {
            change(ctx, &[name], superuser(false, force), "demoted")
        }
        UserCommand::Passwd { name, password } => passwd(&name, password.source(), ctx),
        UserCommand::Delete { name, yes, force } => delete(&name, yes, force, ctx),
        UserCommand::Invite { email } => invite(&email, ctx),
        UserCommand::Ban { name, duration } => ban(&name, &duration, ctx),
        UserCommand::Unban { name } => unban(&name, ctx),
    }
}

fn active(on: bool, force: bool) -> UserChange {
    UserChange {
        is_active: Some(on),
        force,
        ..Default::default()
    }
}

fn superuser(on: bool, force: bool) -> UserChange {
    UserChange {
        is_superuser: Some(on),
        force,
        ..Default::default()
    }
}

fn open_write(ctx: &Ctx) -> Result<Store> {
    store::open(&ctx.settings, Access::Write)?.ok_or_else(|| {
        Error::Failure(format!(
            "cannot open database \"{}\"",
            ctx.settings.database
        ))
    })
}

/// The user named `name`, or NotFound; a missing database has no users.
fn existing(ctx: &Ctx, name: &str) -> Result<(Store, User)> {
    store::read_user(&ctx.settings, name)
}

fn add(args: &UserAddArgs, ctx: &Ctx) -> Result<Outcome> {
    let s = &ctx.settings;
    store::validate_login_name(s.profile, &args.name)?;
    // A password from a source (not a prompt) is known before the database
    // is open: it is hashed on another core while the database is read
    // and the password's strength is judged here.
    let early = match args.password.source() {
        Some(source) => {
            let pw = password::read(&source, s)?;
            let job = password::HashJob::start(&pw, s.bcrypt_cost);
            Some((pw, job))
        }
        None => None,
    };
    let mut db = open_write(ctx)?;
    if let Some(user) = db.get_user(&args.name)? {
        return Err(Error::Conflict(format!(
            "user \"{}\" already exists",
            user.username
        )));
    }
    let password_hash = match early {
        Some((pw, job)) => {
            password::check_policy(&pw, &args.name, s.min_password_length, &|pw| {
                s.profile.app().password_problem(pw)
            })?;
            job.wait()?
        }
        None => {
            let pw = password::obtain_new(None, None, s, &ctx.ui, &args.name)?;
            password::hash(&pw, s.bcrypt_cost)?
        }
    };
    let new = NewUser {
        username: args.name.clone(),
        password_hash,
        is_active: args.active || s.new_user_is_active,
        is_superuser: args.superuser,
    };
    let user = db.create_user(&new)?;
    let mut note = format!(
        "created {}user \"{}\" ({})",
        if user.is_superuser { "super" } else { "" },
        user.username,
        user.id
    );
    if !user.is_active {
        note.push_str(&format!(
            "; it is inactive until `authctl user activate {}`",
            user.username
        ));
    }
    Ok(Outcome::new()
        .json(UserReport {
            user: &user,
            changed: true,
        })
        .note(note))
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_string()
}

fn list(args: &UserListArgs, ctx: &Ctx) -> Result<Outcome> {
    let db = store::open(&ctx.settings, Access::Read)?;
    let users: Vec<User> = match &db {
        Some(db) => db.list_users()?,
        None => Vec::new(),
    };
    let users: Vec<User> = users
        .into_iter()
        .filter(|u| !args.superusers || u.is_superuser)
        .filter(|u| !args.inactive || !u.is_active)
        .collect();
    let rows = users
        .iter()
        .map(|u| {
            vec![
                u.username.clone(),
                u.id.clone(),
                yes_no(u.is_active),
                yes_no(u.is_superuser),
                u.created_at.clone(),
                u.last_login_at.clone().unwrap_or_else(|| "-".into()),
            ]
        })
        .collect();
    let table = Human::Table {
        header: &[
            "USERNAME",
            "ID",
            "ACTIVE",
            "SUPERUSER",
            "CREATED",
            "LAST LOGIN",
        ],
        rows,
    };
    // A wrong path must not read as an empty app: say there is no database.
    let note = if db.is_none() {
        format!("no users: {}", store::missing_database(&ctx.settings))
    } else if users.is_empty() {
        "no users".to_string()
    } else {
        String::new()
    };
    Ok(Outcome::new().json(&users).human(table).note(note))
}

fn show(name: &str, ctx: &Ctx) -> Result<Outcome> {
    let (_db, u) = existing(ctx, name)?;
    let text = format!(
        "username:      {}\nid:            {}\nactive:        {}\nsuperuser:     {}\ncreated_at:    {}\nupdated_at:    {}\nlast_login_at: {}",
        crate::output::shown(&u.username),
        u.id,
        yes_no(u.is_active),
        yes_no(u.is_superuser),
        u.created_at,
        u.updated_at,
        u.last_login_at.as_deref().unwrap_or("-")
    );
    Ok(Outcome::new().json(&u).human(Human::Data(text)))
}

fn change(ctx: &Ctx, names: &[String], change: UserChange, verb: &str) -> Result<Outcome> {
    let mut db = open_write(ctx)?;
    let users = db.update_users(names, &change)?;
    let listed = users
        .iter()
        .map(|u| format!("\"{}\"", u.username))
        .collect::<Vec<_>>()
        .join(", ");
    let outcome = Outcome::new().note(format!("{verb} {listed}"));
    Ok(
        if users.len() == 1 && names.len() == 1 && !matches!(verb, "activated" | "deactivated") {
            outcome.json(&users[0])
        } else {
            outcome.json(&users)
        },
    )
}

fn passwd(name: &str, source: Option<Source>, ctx: &Ctx) -> Result<Outcome> {
    let s = &ctx.settings;
    let (_db, user) = existing(ctx, name)?;
    let pw = password::obtain_new(source.as_ref(), None, s, &ctx.ui, &user.username)?;
    let change = UserChange {
        password_hash: Some(password::hash(&pw, s.bcrypt_cost)?),
        ..Default::default()
    };
    let mut db = open_write(ctx)?;
    let users = db.update_users(std::slice::from_ref(&user.username), &change)?;
    Ok(Outcome::new()
        .json(&users[0])
        .note(format!("changed the password of \"{}\"", user.username)))
}

/// `user invite`: an invite the app's registration takes, and its link.
fn invite(email: &str, ctx: &Ctx) -> Result<Outcome> {
    let s = &ctx.settings;
    s.profile.app().check_login_name(email)?;
    // Asked before anything is opened: a refusal touches nothing.
    if !s.profile.app().takes_invitations() {
        return Err(Error::usage(format!(
            "{} takes no invitations; add the user with `authctl user add`",
            s.profile.spec().app
        )));
    }
    let mut db = open_write(ctx)?;
    if let Some(user) = db.get_user(email)? {
        return Err(Error::Conflict(format!(
            "\"{}\" is a user already ({}); nothing to invite",
            user.username, user.id
        )));
    }
    let invited = db.invites_mut()?.invite(email, s)?;
    let note = format!(
        "invited \"{}\" until {}: send the link to that address; it registers once, even with registration closed",
        invited.email, invited.expires_at
    );
    Ok(Outcome::report(&invited).note(note))
}

/// The store to write, where the app keeps bans (asked before anything is
/// opened, so a refusal touches nothing), and the user `name`.
fn banned_user(ctx: &Ctx, name: &str) -> Result<(Store, User)> {
    let s = &ctx.settings;
    if !s.profile.app().keeps_bans() {
        return Err(Error::usage(format!(
            "{} keeps no bans; `authctl user deactivate NAME` stops a user logging in",
            s.profile.spec().app
        )));
    }
    let mut db = open_write(ctx)?;
    let user = db
        .get_user(name)?
        .ok_or_else(|| store::user_not_found(name))?;
    db.bans_mut()?;
    Ok((db, user))
}

/// `user ban`: the user refused by the app's server until the ban ends.
fn ban(name: &str, duration: &str, ctx: &Ctx) -> Result<Outcome> {
    let seconds = crate::token::parse_length("--for", "a ban", duration)?;
    let (mut db, user) = banned_user(ctx, name)?;
    let banned = db.bans_mut()?.ban(&user, seconds, &ctx.settings)?;
    if !banned.enforced {
        ctx.ui.warn(&format!(
            "{} enforces no bans with the settings here: set BAN_VIOLATIONS=true (and keep BAN_DURATION above 0) in its .env; until then the ban is only recorded",
            db.app()
        ));
    }
    let note = format!(
        "banned \"{}\" until {}; {} session(s) ended",
        banned.user, banned.until, banned.sessions_ended
    );
    Ok(Outcome::new().json(&banned).note(note))
}

/// `user unban`: every ban on the user lifted.
fn unban(name: &str, ctx: &Ctx) -> Result<Outcome> {
    let (mut db, user) = banned_user(ctx, name)?;
    let unbanned = db.bans_mut()?.unban(&user)?;
    let note = match (unbanned.was_banned, unbanned.addresses.as_slice()) {
        (false, _) => format!("\"{}\" was not banned; nothing to lift", unbanned.user),
        (true, []) => format!("lifted the ban on \"{}\"", unbanned.user),
        (true, addresses) => format!(
            "lifted the ban on \"{}\" and on the address(es) banned with it: {}",
            unbanned.user,
            addresses.join(", ")
        ),
    };
    Ok(Outcome::new().json(&unbanned).note(note))
}

fn delete(name: &str, yes: bool, force: bool, ctx: &Ctx) -> Result<Outcome> {
    let (_db, user) = existing(ctx, name)?;
    if !yes {
        if !ctx.ui.can_prompt() {
            return Err(Error::usage(format!(
                "refusing to delete \"{}\" without confirmation; pass --yes",
                user.username
            )));
        }
        if !ctx
            .ui
            .confirm(&format!("Delete user \"{}\"?", user.username))?
        {
            return Err(Error::Negative(format!(
                "not deleted: \"{}\" was kept",
                user.username
            )));
        }
    }
    let mut db = open_write(ctx)?;
    let user = db.delete_user(&user.username, force)?;
    Ok(Outcome::new()
        .json(UserReport {
            user: &user,
            changed: true,
        })
        .note(format!("deleted user \"{}\" ({})", user.username, user.id)))
}
