//! `authctl doctor`: print the checks, exit 1 when one fails.

use super::Ctx;
use crate::doctor::{self, Status};
use crate::error::Result;
use crate::output::{Human, Outcome, Report};

pub fn run(strict: bool, ctx: &Ctx) -> Result<Outcome> {
    let checks = doctor::run(&ctx.settings);
    let failing =
        |c: &&doctor::Check| c.status == Status::Fail || (strict && c.status == Status::Warn);
    let failed = checks.iter().filter(failing).count();
    let warned = checks.iter().filter(|c| c.status == Status::Warn).count();
    let note = format!(
        "{} checks: {} failed, {warned} warned{}",
        checks.len(),
        checks.iter().filter(|c| c.status == Status::Fail).count(),
        if strict {
            " (--strict: warnings fail)"
        } else {
            ""
        }
    );
    Ok(Outcome::report(&Checks { checks })
        .note(note)
        .code(if failed > 0 {
            crate::error::exit::NEGATIVE
        } else {
            0
        }))
}

/// `doctor`: every check, one line each for a person.
#[derive(serde::Serialize)]
struct Checks {
    checks: Vec<doctor::Check>,
}

impl Report for Checks {
    fn human(&self) -> Human {
        // Messages and fixes carry names and paths from outside: each is
        // escaped whole (a line break in one stays on its line).
        let shown = crate::output::shown;
        Human::Data(
            self.checks
                .iter()
                .map(|c| {
                    let status = match c.status {
                        Status::Pass => "pass",
                        Status::Warn => "warn",
                        Status::Fail => "FAIL",
                    };
                    let message = shown(&c.message);
                    match &c.fix {
                        Some(fix) => {
                            format!("{status}  {:<28} {message} (fix: {})", c.id, shown(fix))
                        }
                        None => format!("{status}  {:<28} {message}", c.id),
                    }
                })
                .collect::<Vec<_>>()
                .join("\n"),
        )
    }
}
