//! `authctl doctor`: print the checks, exit 1 when one fails.

use super::Ctx;
use crate::doctor::{self, Status};
use crate::error::Result;
use crate::output::Outcome;
use serde_json::json;

pub fn run(strict: bool, ctx: &Ctx) -> Result<Outcome> {
    let checks = doctor::run(&ctx.settings);
    let failing =
        |c: &&doctor::Check| c.status == Status::Fail || (strict && c.status == Status::Warn);
    let failed = checks.iter().filter(failing).count();
    let lines: Vec<String> = checks
        .iter()
        .map(|c| {
            let status = match c.status {
                Status::Pass => "pass",
                Status::Warn => "warn",
                Status::Fail => "FAIL",
            };
            let message = crate::output::shown(&c.message);
            match &c.fix {
                Some(fix) => format!(
                    "{status}  {:<28} {message} (fix: {})",
                    c.id,
                    crate::output::shown(fix)
                ),
                None => format!("{status}  {:<28} {message}", c.id),
            }
        })
        .collect();
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
    Ok(Outcome::new()
        .json(json!({ "checks": checks }))
        .stdout(lines.join("\n"))
        .note(note)
        .code(if failed > 0 {
            crate::error::exit::NEGATIVE
        } else {
            0
        }))
}
