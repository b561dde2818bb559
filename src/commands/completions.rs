//! `authctl completions SHELL`.

use crate::error::Result;
use crate::output::Outcome;

/// Print the completion script for `shell`.
pub fn run(shell: clap_complete::Shell) -> Result<Outcome> {
    let script = crate::docs::completion_script(shell);
    Ok(Outcome::new().human(crate::output::Human::Data(
        String::from_utf8_lossy(&script).into_owned(),
    )))
}
