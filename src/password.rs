//! Passwords: where they come from, the policy they must meet, and hashing.
//!
//! Invariants: a password is only ever held in a `SecretString`; it never
//! comes from argv; a password over 72 bytes is refused, never truncated;
//! hashes are bcrypt `$2b$` at the configured cost.

use crate::error::{Error, Result};
use secrecy::{ExposeSecret, SecretString};
use std::path::PathBuf;

/// bcrypt ignores everything past 72 bytes; we refuse instead.
pub const MAX_BYTES: usize = 72;

/// Where the password comes from, in the order a command tries them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// First line of stdin.
    Stdin,
    /// First line of a file.
    File(PathBuf),
    /// A named environment variable.
    Env(String),
}

/// Strip one trailing line ending and refuse anything past the first line.
fn single_line(text: &str, what: &str) -> Result<SecretString> {
    let line = text
        .strip_suffix('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .unwrap_or(text);
    if line.contains('\n') {
        return Err(Error::usage(format!(
            "{what} has more than one line; put only the password in it"
        )));
    }
    Ok(SecretString::from(line.to_string()))
}

/// Read a password from an explicit source.
pub fn read(source: &Source, settings: &crate::settings::Settings) -> Result<SecretString> {
    // Anything much longer than MAX_BYTES is refused by the policy; the cap
    // only stops a runaway input from being read into memory.
    const CAP: usize = crate::input::PASSWORD;
    let too_long = |e: Error| {
        match e {
        Error::Usage(_) => Error::usage(format!(
            "password refused: the input holds over {CAP} bytes and bcrypt uses only the first {MAX_BYTES}"
        )),
        e => e,
    }
    };
    match source {
        Source::Stdin => {
            let buf = crate::input::stdin(CAP, "the password on stdin").map_err(too_long)?;
            let text = std::str::from_utf8(&buf)
                .map_err(|_| Error::usage("the password on stdin is not UTF-8 text"))?;
            if text.is_empty() {
                return Err(Error::usage(
                    "--password-stdin was given but stdin is empty; pipe the password in",
                ));
            }
            single_line(text, "stdin")
        }
        Source::File(path) => {
            let what = format!("--password-file \"{}\"", path.display());
            let file = std::fs::File::open(path)
                .map_err(|e| Error::io(format!("cannot read {what}"), e))?;
            let buf = crate::fsutil::read_capped(file, CAP, &what).map_err(too_long)?;
            let text = std::str::from_utf8(&buf)
                .map_err(|_| Error::usage(format!("{what} is not UTF-8 text")))?;
            single_line(text, &what)
        }
        Source::Env(name) => settings
            .lookup(name)
            .map(|v| SecretString::from(v.to_string()))
            .ok_or_else(|| {
                Error::usage(format!(
                    "--password-env {name}: the variable {name} is not set or is empty"
                ))
            }),
    }
}

/// The error for "no password source and no terminal to ask on".
pub fn no_source_error() -> Error {
    Error::usage(
        "no password given and stdin is not a terminal; use --password-stdin, --password-file FILE or --password-env NAME",
    )
}

/// Get a new password for `username`: the explicit source, else `fallback`
/// (a documented variable), else a hidden prompt on a terminal, else a usage
/// error at once. Whatever the source, the policy applies; at a prompt a
/// refused password is explained and asked for again.
pub fn obtain_new(
    source: Option<&Source>,
    fallback: Option<&SecretString>,
    settings: &crate::settings::Settings,
    ui: &crate::output::Ui,
    username: &str,
) -> Result<SecretString> {
    let min = settings.min_password_length;
    let app = settings.profile.app();
    let app = |pw: &str| app.password_problem(pw);
    let app = &app;
    if let Some(source) = source {
        let pw = read(source, settings)?;
        check_policy(&pw, username, min, app)?;
        return Ok(pw);
    }
    if let Some(pw) = fallback {
        check_policy(pw, username, min, app)?;
        return Ok(pw.clone());
    }
    if !ui.can_prompt() {
        return Err(no_source_error());
    }
    const TRIES: usize = 3;
    for attempt in 1..=TRIES {
        let pw = ui.new_password(&format!("Password for {username}"))?;
        match check_policy(&pw, username, min, app) {
            Ok(()) => return Ok(pw),
            Err(e) if attempt < TRIES => {
                ui.tell(&e.to_string());
            }
            Err(e) => return Err(e),
        }
    }
    Err(no_source_error())
}

/// Why a password is refused, or `Ok` when it is acceptable.
///
/// NIST SP 800-63B: length and a blocklist/strength estimate, no
/// composition rules.
pub fn check_policy(
    password: &SecretString,
    username: &str,
    min_len: usize,
    app_rule: &dyn Fn(&str) -> Option<String>,
) -> Result<()> {
    let normalized = normalize(password);
    let pw = normalized.expose_secret();
    let refuse = |why: String| Err(Error::usage(format!("password refused: {why}")));
    if let Some(why) = app_rule(pw) {
        return refuse(why);
    }
    if pw.is_empty() {
        return refuse("it is empty".into());
    }
    if pw.trim().is_empty() {
        return refuse("it is only whitespace".into());
    }
    // passlib, Langflow and bcrypt's C implementations stop at a NUL, and
    // no login form can send the other control characters.
    if pw.contains('\0') {
        return refuse(
            "it contains a NUL byte, which other bcrypt verifiers cut the password at".into(),
        );
    }
    if pw.chars().any(char::is_control) {
        return refuse("it contains control characters, which a login form cannot send".into());
    }
    if pw.len() > MAX_BYTES {
        return refuse(format!(
            "it is {} bytes long and bcrypt uses only the first {MAX_BYTES}; choose a shorter one",
            pw.len()
        ));
    }
    let chars = pw.chars().count();
    if chars < min_len {
        return refuse(format!(
            "it is {chars} characters long; the minimum is {min_len}"
        ));
    }
    let lower = pw.to_lowercase();
    let user = username.trim().to_lowercase();
    if user.chars().count() >= 3 && lower.contains(&user) {
        return refuse("it contains the username".into());
    }
    if COMMON.iter().any(|c| lower == *c) {
        return refuse("it is on the list of common passwords".into());
    }
    let estimate = zxcvbn::zxcvbn(pw, &[username]);
    if u8::from(estimate.score()) < 3 {
        let hint = estimate
            .feedback()
            .and_then(|f| f.warning().map(|w| w.to_string()))
            .filter(|w| !w.is_empty())
            .map(|w| format!(" ({w})"))
            .unwrap_or_default();
        return refuse(format!(
            "it is too easy to guess{hint}; use a longer passphrase of unrelated words"
        ));
    }
    Ok(())
}

/// A few passwords that are too common to allow whatever a strength
/// estimator says (app defaults and documented examples among them).
const COMMON: &[&str] = &[
    "password",
    "password1",
    "password123",
    "12345678",
    "123456789",
    "1234567890",
    "qwertyuiop",
    "iloveyou",
    "admin123",
    "administrator",
    "changeme",
    "changeme123",
    "letmein123",
    "securepassword",
    "correcthorsebatterystaple",
    "langflow",
    "flowise",
    "librechat",
    "welcome123",
    "p@ssw0rd",
    "passw0rd",
];

/// A password as it is hashed and compared: Unicode NFC, so the same
/// password typed on macOS (decomposed) and on Linux is one password.
pub fn normalize(password: &SecretString) -> SecretString {
    SecretString::from(crate::text::nfc(password.expose_secret()))
}

/// Hash with bcrypt at `cost`, `$2b$` form, of the NFC form.
pub fn hash(password: &SecretString, cost: u32) -> Result<String> {
    bcrypt::hash_with_result(normalize(password).expose_secret(), cost)
        .map(|h| h.format_for_version(bcrypt::Version::TwoB))
        .map_err(|e| Error::Failure(format!("cannot hash the password: {e}")))
}

/// A bcrypt hash being computed on another thread.
pub struct HashJob(std::thread::JoinHandle<Result<String>>);

impl HashJob {
    /// Start hashing `password` at `cost`, so that a command can read its
    /// database and check the password's strength meanwhile (on a machine
    /// with two cores the hash is most of `user add`'s time). A hash whose
    /// password is then refused is dropped, never stored.
    pub fn start(password: &SecretString, cost: u32) -> Self {
        let password = password.clone();
        HashJob(std::thread::spawn(move || hash(&password, cost)))
    }

    /// The hash.
    pub fn wait(self) -> Result<String> {
        self.0
            .join()
            .unwrap_or_else(|_| Err(Error::Failure("the password hash was not computed".into())))
    }
}

/// Check a password against a stored hash.
#[cfg(test)]
pub fn verify(password: &SecretString, hash: &str) -> bool {
    bcrypt::verify(normalize(password).expose_secret(), hash).unwrap_or(false)
}

/// The cost recorded in a bcrypt hash, if it is one.
pub fn hash_cost(hash: &str) -> Option<u32> {
    let mut parts = hash.split('$');
    let (_, version, cost) = (parts.next()?, parts.next()?, parts.next()?);
    matches!(version, "2a" | "2b" | "2y" | "2x").then_some(())?;
    cost.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pw(s: &str) -> SecretString {
        SecretString::from(s.to_string())
    }

    #[test]
    fn policy_table() {
        let refused = [
            ("", "empty"),
            ("   \t ", "whitespace"),
            ("Ab1!xyz", "minimum is 8"),
            ("password123", "common"),
            ("aaaaaaaaaaaa", "guess"),
            ("qwertyuiop", "common"),
            ("alice-Correct-Horse-42", "username"),
            (&"x".repeat(73), "73 bytes"),
            (&"é".repeat(37), "74 bytes"),
        ];
        for (p, why) in refused {
            let err = check_policy(&pw(p), "alice", 8, &|_| None).unwrap_err();
            assert_eq!(err.exit_code(), 2);
            assert!(err.to_string().contains(why), "{p:?}: {err}");
        }
        let longest = "violet-trombone-parking-lot-umbrella-quartz-gingerly-Mongoose-47-harbor!";
        assert_eq!(longest.len(), MAX_BYTES);
        for ok in [
            "Correct-Horse-42!",
            "Another-Pass-77",
            "violet trombone parking lot",
            longest,
        ] {
            check_policy(&pw(ok), "alice", 8, &|_| None).unwrap_or_else(|e| panic!("{ok}: {e}"));
        }
    }

    #[test]
    fn hashes_are_2b_at_the_cost_and_verify() {
        let h = hash(&pw("Correct-Horse-42!"), 10).unwrap();
        assert!(h.starts_with("$2b$10$"), "{h}");
        assert_eq!(hash_cost(&h), Some(10));
        assert!(verify(&pw("Correct-Horse-42!"), &h));
        assert!(!verify(&pw("Correct-Horse-43!"), &h));
        assert_eq!(hash_cost("plain"), None);
    }

    #[test]
    fn single_line_strips_one_newline_only() {
        assert_eq!(single_line("abc\n", "x").unwrap().expose_secret(), "abc");
        assert_eq!(single_line("abc\r\n", "x").unwrap().expose_secret(), "abc");
        assert_eq!(single_line(" abc ", "x").unwrap().expose_secret(), " abc ");
        assert!(single_line("abc\ndef\n", "x").is_err());
    }
}
