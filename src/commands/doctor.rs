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
            match &c.fix {
                Some(fix) => format!("{status}  {:<28} {} (fix: {fix})", c.id, c.message),
                None => format!("{status}  {:<28} {}", c.id, c.message),
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
        .stdout(crate::output::terminal_safe(&lines.join("\n")).into_owned())
        .note(note)
        .code(if failed > 0 {
            crate::error::exit::NEGATIVE
        } else {
            0
        }))
}
