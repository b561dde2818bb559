//! Commands: turn resolved arguments into calls on the domain modules and
//! return an `Outcome`. A command never prints; `output::emit` does.

use crate::cli::Command;
use crate::error::Result;
use crate::output::Outcome;
use crate::settings::Settings;

pub(crate) mod apikey;
pub(crate) mod apply;
pub(crate) mod completions;
pub(crate) mod doctor;
pub(crate) mod init;
pub(crate) mod keys;
pub(crate) mod releases;
pub(crate) mod secret;
pub(crate) mod superuser;
pub(crate) mod token;
pub(crate) mod user;

/// What every command gets: the resolved settings and the terminal.
pub struct Ctx {
    pub settings: Settings,
    pub ui: crate::output::Ui,
}

/// Run one parsed command.
pub fn dispatch(command: Command, ctx: &Ctx) -> Result<Outcome> {
    let group = command.name();
    let profile = ctx.settings.profile;
    if let Some(works) = profile.spec().commands {
        if !works.contains(&group) {
            let names: Vec<String> = works
                .iter()
                .filter(|c| **c != "completions")
                .map(|c| format!("`{c}`"))
                .collect();
            let list = match names.split_last() {
                Some((last, [])) => last.clone(),
                Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
                None => String::new(),
            };
            let why = match profile.spec().unreachable {
                Some(why) => format!(": {why};"),
                None => ";".to_string(),
            };
            return Err(crate::error::Error::usage(format!(
                "`authctl {group}` does not work in the {} profile{why} there authctl runs {list}",
                profile.name()
            )));
        }
    }
    match command {
        Command::Superuser(args) => superuser::run(&args, ctx),
        Command::User(cmd) => user::run(cmd, ctx),
        Command::Secret(cmd) => secret::run(cmd, ctx),
        Command::Init(args) => init::run(&args, ctx),
        Command::Keygen(args) => keys::keygen(&args, ctx),
        Command::Keys(cmd) => keys::run(cmd, ctx),
        Command::Token(cmd) => token::run(cmd, ctx),
        Command::Apikey(cmd) => apikey::run(cmd, ctx),
        Command::Apply(args) => apply::apply(&args, ctx),
        Command::Export(args) => apply::export(&args, ctx),
        Command::Doctor { strict } => doctor::run(strict, ctx),
        Command::Releases => Ok(releases::run()),
        Command::Completions { shell } => completions::run(shell),
    }
}

/// A user as commands report it, with what happened to it.
#[derive(serde::Serialize)]
pub struct UserReport<'a> {
    #[serde(flatten)]
    pub user: &'a crate::store::User,
    pub changed: bool,
}
