//! `init`: the complete set of secrets an app needs, in its formats and
//! names, as `.env` lines, a Kubernetes Secret, or an existing `.env` with
//! only what is missing added.
//!
//! Invariants: an existing `.env` keeps every byte outside the lines added
//! or (with `force`) replaced; a value already set is replaced only with
//! `force`, and then the old file is kept as a backup; every file written
//! is 0600 and written atomically.

use crate::error::{Error, Result};
use secrecy::{ExposeSecret, SecretString};
use std::path::Path;

/// One secret of the set: its variable, and its file in the app's key
/// directory.
pub struct Entry {
    pub var: String,
    pub value: SecretString,
    pub file: Option<&'static str>,
    /// A secret (not a name such as an issuer or an algorithm): an empty
    /// or weak value of it in a `.env` is replaced without `force`.
    pub secret: bool,
    /// Stored values are encrypted under it and nothing here can move
    /// them: a value already set is replaced only with `force`, weak or
    /// not (LibreChat's `CREDS_KEY`, whose credentials are in MongoDB).
    pub guards_stored: bool,
}

/// A value as one `.env` line's right-hand side: bare when it needs no
/// quoting, else double-quoted with `\n` for line breaks (python-dotenv
/// and Node's dotenv both read that).
pub fn env_value(value: &str) -> String {
    let plain = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.+/=:@%,".contains(c));
    if plain {
        return value.to_string();
    }
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The `.env` lines of `entries`.
pub fn env_lines(entries: &[Entry]) -> String {
    entries
        .iter()
        .map(|e| format!("{}={}\n", e.var, env_value(e.value.expose_secret())))
        .collect()
}

/// A Kubernetes Secret named `name` holding `entries` as `stringData`.
pub fn k8s_secret(name: &str, entries: &[Entry]) -> String {
    let mut out = format!(
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: {}\ntype: Opaque\nstringData:\n",
        serde_json::to_string(name).unwrap_or_default()
    );
    for e in entries {
        // A JSON string is a YAML double-quoted scalar.
        out.push_str(&format!(
            "  {}: {}\n",
            e.var,
            serde_json::to_string(e.value.expose_secret()).unwrap_or_default()
        ));
    }
    out
}

/// What merging into an existing `.env` did.
#[derive(Debug, serde::Serialize)]
pub struct Merged {
    pub path: std::path::PathBuf,
    pub added: Vec<String>,
    pub replaced: Vec<String>,
    pub kept: Vec<String>,
    pub backup: Option<std::path::PathBuf>,
}

/// Add to the `.env` at `path` (made if missing) the entries it does not
/// set; with `force`, also replace the ones it sets. Assignments are found
/// by the reader that reads settings (`envfile::assignments`), so a line
/// inside another value is never taken for one, and only a value's own
/// bytes change: `export`, spacing and an inline comment stay. `lookup`
/// resolves `${NAME}` as the app's environment would; a reference it
/// cannot resolve counts as set, never as empty. Every other byte stays.
pub fn merge_env_file(
    path: &Path,
    entries: &[Entry],
    force: bool,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Result<Merged> {
    let existing =
        match crate::fsutil::read_regular(path, "the .env file", crate::envfile::ENV_FILE_LIMIT)? {
            Some(bytes) => {
                Some(String::from_utf8(bytes.to_vec()).map_err(|_| {
                    Error::usage(format!("\"{}\" is not UTF-8 text", path.display()))
                })?)
            }
            None => None,
        };
    let text = existing.clone().unwrap_or_default();
    let found = crate::envfile::assignments(&text, lookup).map_err(|e| {
        Error::usage(format!(
            "\"{}\": line {}: {}; fix that line, then run init again",
            path.display(),
            e.line,
            e.reason
        ))
    })?;
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let (mut added, mut replaced, mut kept) = (Vec::new(), Vec::new(), Vec::new());
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut tail = String::new();
    for e in entries {
        let value = env_value(e.value.expose_secret());
        // The last assignment is the one that counts.
        let Some(current) = found.iter().rev().find(|a| a.key == e.var) else {
            tail.push_str(&format!("{}={value}{eol}", e.var));
            added.push(e.var.clone());
            continue;
        };
        // An empty or weak secret (a shipped default, an example) is no
        // secret to keep; a value from a variable not known here is.
        let weak = e.secret
            && !e.guards_stored
            && !current.unresolved
            && (current.value.is_empty() || !crate::secrets::check(&current.value).is_empty());
        if !force && !weak {
            kept.push(e.var.clone());
            continue;
        }
        edits.push((current.span.clone(), value));
        replaced.push(e.var.clone());
    }
    edits.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
    let mut out = text.clone();
    for (span, value) in edits {
        out.replace_range(span, &value);
    }
    if !tail.is_empty() {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push_str(eol);
        }
        out.push_str(&tail);
    }
    let mut backup = None;
    if !added.is_empty() || !replaced.is_empty() {
        // A replaced value keeps the old file as a backup; an addition
        // loses nothing, so the file is only replaced.
        let overwrite = match (existing.is_some(), replaced.is_empty()) {
            (false, _) => crate::fsutil::Overwrite::Refuse,
            (true, true) => crate::fsutil::Overwrite::Replace,
            (true, false) => crate::fsutil::Overwrite::Backup,
        };
        backup = crate::fsutil::write_atomic(
            path,
            out.as_bytes(),
            crate::fsutil::SECRET_MODE,
            overwrite,
        )?;
    }
    Ok(Merged {
        path: path.to_path_buf(),
        added,
        replaced,
        kept,
        backup,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(var: &str, value: &str) -> Entry {
        Entry {
            var: var.into(),
            value: SecretString::from(value.to_string()),
            file: None,
            secret: true,
            guards_stored: false,
        }
    }

    fn none(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn values_are_quoted_only_when_they_must_be() {
        assert_eq!(env_value("abc-_XYZ09+/="), "abc-_XYZ09+/=");
        assert_eq!(env_value("a b"), "\"a b\"");
        assert_eq!(env_value("line1\nline2"), "\"line1\\nline2\"");
        assert_eq!(env_value("q\"x"), "\"q\\\"x\"");
    }

    #[test]
    fn merging_adds_what_is_missing_and_keeps_every_other_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".env");
        let original =
            "# my app\nPORT=7860\n\nEXISTING_KEY=Kp9vXw2LmQ7rT4nB8cZ1sF6hJ3dG5aY0eU\n# trailing comment";
        std::fs::write(&path, original).unwrap();
        let entries = [entry("EXISTING_KEY", "new"), entry("NEW_KEY", "fresh")];
        let m = merge_env_file(&path, &entries, false, &none).unwrap();
        assert_eq!((m.added.len(), m.kept.len()), (1, 1));
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text, format!("{original}\nNEW_KEY=fresh\n"));
        assert!(m.backup.is_none());
        // Again: nothing to do, nothing written.
        let m = merge_env_file(&path, &entries, false, &none).unwrap();
        assert!(m.added.is_empty());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
        // --force replaces on the line itself, keeping a backup.
        let m = merge_env_file(&path, &[entry("EXISTING_KEY", "replaced")], true, &none).unwrap();
        assert_eq!(m.replaced, ["EXISTING_KEY"]);
        let after = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            after,
            text.replace(
                "EXISTING_KEY=Kp9vXw2LmQ7rT4nB8cZ1sF6hJ3dG5aY0eU",
                "EXISTING_KEY=replaced"
            )
        );
        assert_eq!(std::fs::read_to_string(m.backup.unwrap()).unwrap(), text);
    }

    #[test]
    fn replacement_keeps_the_line_around_the_value_and_weak_values_go() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".env");
        let original =
            "A=1\r\n  export TOKEN_HASH_SECRET=popcorn\r\nEMPTY=\r\nMULTI=\"it's\r\nmore\"\r\n";
        std::fs::write(&path, original).unwrap();
        let strong = "q3Vn0mZl8u1cD2xk9Yh7RtPz4WbA6sJeLgFoNiMvKQE";
        let m = merge_env_file(
            &path,
            &[
                entry("TOKEN_HASH_SECRET", strong),
                entry("EMPTY", strong),
                entry("NEW", "n"),
            ],
            false,
            &none,
        )
        .unwrap();
        assert_eq!(
            m.replaced,
            ["TOKEN_HASH_SECRET", "EMPTY"],
            "weak and empty values are replaced"
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            format!("A=1\r\n  export TOKEN_HASH_SECRET={strong}\r\nEMPTY={strong}\r\nMULTI=\"it's\r\nmore\"\r\nNEW=n\r\n")
        );
        assert!(m.backup.is_some());
        // A value over several lines is replaced whole, quotes and all.
        let m = merge_env_file(&path, &[entry("MULTI", strong)], true, &none).unwrap();
        assert_eq!(m.replaced, ["MULTI"]);
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            text.replace("\"it's\r\nmore\"", strong)
        );
    }

    #[test]
    fn the_merge_finds_assignments_as_the_reader_does() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".env");
        let strong = "q3Vn0mZl8u1cD2xk9Yh7RtPz4WbA6sJeLgFoNiMvKQE";
        let weak = "popcorn";
        // A line inside another variable's value is not an assignment; the
        // real weak value after it is the one replaced.
        let original = format!(
            "NOTE=\"text that says\nTOKEN_HASH_SECRET=not-this\"\nexport\tTOKEN_HASH_SECRET={weak} # set by ops\nFROM_VAULT=${{VAULT_SECRET}}\n"
        );
        std::fs::write(&path, &original).unwrap();
        let vault = |n: &str| (n == "SET_HERE").then(|| strong.to_string());
        let m = merge_env_file(
            &path,
            &[
                entry("TOKEN_HASH_SECRET", strong),
                entry("FROM_VAULT", strong),
            ],
            false,
            &vault,
        )
        .unwrap();
        assert_eq!(m.replaced, ["TOKEN_HASH_SECRET"]);
        // An unresolved reference is a value set elsewhere: kept.
        assert_eq!(m.kept, ["FROM_VAULT"]);
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            original.replace(
                &format!("\tTOKEN_HASH_SECRET={weak} #"),
                &format!("\tTOKEN_HASH_SECRET={strong} #")
            )
        );
        // A reference that resolves is judged by what it resolves to.
        std::fs::write(&path, "K=${SET_HERE}\nW=${WEAK_HERE}\n").unwrap();
        let env = |n: &str| match n {
            "SET_HERE" => Some(strong.to_string()),
            "WEAK_HERE" => Some(weak.to_string()),
            _ => None,
        };
        let m = merge_env_file(
            &path,
            &[entry("K", strong), entry("W", strong)],
            false,
            &env,
        )
        .unwrap();
        assert_eq!(
            (m.kept.as_slice(), m.replaced.as_slice()),
            (&["K".to_string()][..], &["W".to_string()][..])
        );
    }
}
