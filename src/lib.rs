//! authctl: the offline side of a self-hosted app's authentication.
//!
//! `run` is the whole program: parse arguments, resolve settings, run one
//! command, print its outcome, and map failures to documented exit codes.

mod alg;
mod apps;
mod cli;
mod clock;
mod commands;
mod database_url;
pub mod docs;
mod doctor;
pub mod envfile;
pub mod error;
mod fsutil;
mod input;
pub mod keys;
mod output;
mod password;
mod profile;
mod provision;
mod secrets;
mod settings;
mod signing;
mod store;
mod text;
pub mod token;

/// What the fuzz targets, benchmarks and tests reach beyond the public
/// modules above; not a stable interface. Everything else is private to
/// the crate, so the compiler reports code nothing calls.
pub mod internals {
    pub use crate::apps::duration_expressions;
    pub use crate::provision::doc as provision_doc;
    pub use crate::settings::parse_env_file;
    pub use crate::store::json_text::rewrite_strings;

    /// The command line's definition, as clap sees it.
    pub fn cli_definition() -> clap::Command {
        <crate::cli::Cli as clap::CommandFactory>::command()
    }

    /// The settings the `profile` names by a variable of its own: (authctl's
    /// name, the app's).
    pub fn renamed_variables(profile: &str) -> Vec<(&'static str, &'static str)> {
        let Some(p) = crate::profile::Profile::from_name(profile) else {
            return Vec::new();
        };
        crate::profile::Setting::ALL
            .into_iter()
            .filter_map(|s| {
                let theirs = p.var(s)?.name;
                (theirs != s.authctl_name()).then_some((s.authctl_name(), theirs))
            })
            .collect()
    }

    /// A provisioning file's parsed `root` decoded for `profile`: the
    /// refusal's message, if it is refused.
    pub fn decode_provisioning(root: &provision_doc::Node, profile: &str) -> Result<(), String> {
        let profile = crate::profile::Profile::from_name(profile)
            .ok_or_else(|| format!("no profile {profile}"))?;
        crate::provision::file::decode(root, profile)
            .map(drop)
            .map_err(|e| e.message)
    }

    /// The RS256 signing key, and the keys that verify, that authctl
    /// resolves from these process variables alone (no flags, no `.env`);
    /// `None` where the settings themselves are refused.
    #[allow(clippy::type_complexity)]
    pub fn rs256_keys_from_env(
        process: Vec<(String, String)>,
    ) -> Option<(
        crate::error::Result<crate::token::SigningKey>,
        crate::error::Result<Vec<crate::token::VerifyKey>>,
    )> {
        let vars = crate::settings::Vars::from_maps(process, Vec::new());
        let s = crate::settings::Settings::resolve(&Default::default(), vars).ok()?;
        let alg = crate::token::Alg::RS256;
        Some((
            crate::signing::signing_key(&s, alg),
            crate::signing::verify_keys(&s, alg),
        ))
    }
}

use std::ffi::OsString;

/// Run authctl with `args` (argv including the program name); returns the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> u8 {
    no_core_dumps();
    let vars = settings::Vars::from_process();
    let no_color = vars.get("NO_COLOR").is_some();
    let args: Vec<OsString> = args.into_iter().collect();
    let parsed = match cli::fast_parse(&args) {
        Some(cli) => Ok(cli),
        None => parse(&args, &vars),
    };
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    let ui = output::Ui::from_process(cli.global.quiet, no_color);
    let format = ui.format(cli.global.json);
    if format.json && !cli.command.has_json() {
        let e = error::Error::usage(format!(
            "--json: `authctl {}` prints no data with a JSON form; drop --json",
            cli.command.name()
        ));
        output::error(&e, format);
        return e.exit_code();
    }
    let settings = match settings::Settings::resolve(&cli.global.flags(), vars) {
        Ok(s) => s,
        Err(e) => {
            output::error(&e, format);
            return e.exit_code();
        }
    };
    for w in &settings.warnings {
        ui.warn(w);
    }
    let ctx = commands::Ctx { settings, ui };
    let command_name = cli.command.name();
    let result = commands::dispatch(cli.command, &ctx);
    for w in output::take_deferred_warnings() {
        ctx.ui.warn(&w);
    }
    match result {
        Ok(outcome) if format.json && outcome.json.is_none() => {
            // Every command with `has_json` sets one; never print nothing.
            let e = error::Error::Failure(format!("`authctl {}` produced no JSON", command_name));
            output::error(&e, format);
            after_commit(format);
            e.exit_code()
        }
        Ok(outcome) => {
            output::emit(&outcome, format);
            after_commit(format).unwrap_or(outcome.code)
        }
        Err(e) => {
            output::error(&e, format);
            after_commit(format);
            e.exit_code()
        }
    }
}

/// Report what failed after a commit (the file audit trail), once what the
/// command committed was printed or written; its exit code, if any.
fn after_commit(format: output::Format) -> Option<u8> {
    let mut code = None;
    for e in store::audit_file::take_deferred() {
        output::error(&e, format);
        code.get_or_insert(e.exit_code());
    }
    code
}

/// Before any secret is read: no core file (RLIMIT_CORE 0) and not
/// dumpable (PR_SET_DUMPABLE 0, which also keeps other processes of the
/// same user from attaching to read memory). Best effort: a kernel that
/// refuses either leaves authctl working as before.
fn no_core_dumps() {
    use rustix::process::{setrlimit, Resource, Rlimit};
    let _ = setrlimit(
        Resource::Core,
        Rlimit {
            current: Some(0),
            maximum: Some(0),
        },
    );
    #[cfg(target_os = "linux")]
    let _ = rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable);
}

/// Parse argv. The clap command tree is built once and deliberately not
/// dropped: freeing its hundreds of small allocations costs a short
/// command like `token decode` about a sixth of its run time, and the
/// process ends soon after anyway.
///
/// Only what clap prints (help, and usage errors) needs the profile's
/// variable names, so a command that parses never pays for relabelling
/// the whole tree; one that does not is parsed again with the labels.
fn parse(args: &[OsString], vars: &settings::Vars) -> Result<cli::Cli, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    let with = |command: clap::Command| {
        let mut command = std::mem::ManuallyDrop::new(command);
        command.try_get_matches_from_mut(args).and_then(|m| {
            let parsed = cli::Cli::from_arg_matches(&m);
            std::mem::forget(m);
            parsed
        })
    };
    match with(cli::Cli::command()) {
        Ok(cli) => Ok(cli),
        Err(e) => match cli::profile_hint(args, vars.get("AUTHCTL_PROFILE")) {
            profile::Profile::NATIVE => Err(e),
            profile => with(cli::for_profile(cli::Cli::command(), profile)),
        },
    }
}

/// Print a clap error: help and version normally, usage errors as one line.
fn usage_error(e: &clap::Error) -> u8 {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            error::exit::OK
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            error::exit::USAGE
        }
        _ => {
            // clap's message, with its detail lines ("  <--all>", tips), on one line.
            let rendered = e.render().to_string();
            let first = rendered
                .split("\n\nUsage:")
                .next()
                .unwrap_or_default()
                .split("\n\nFor more information")
                .next()
                .unwrap_or_default()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            let first = first.trim_start_matches("error: ");
            let err = error::Error::usage(format!("{first} (see --help)"));
            output::error(&err, output::Format::default());
            err.exit_code()
        }
    }
}
