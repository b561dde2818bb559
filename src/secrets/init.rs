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
/// set; with `force`, also replace the ones it sets, on their own lines.
/// Every other byte stays.
pub fn merge_env_file(path: &Path, entries: &[Entry], force: bool) -> Result<Merged> {
    let existing = match crate::fsutil::read_regular(
        path,
        "the .env file",
        crate::settings::ENV_FILE_LIMIT,
    )? {
        Some(bytes) => Some(
            String::from_utf8(bytes.to_vec())
                .map_err(|_| Error::usage(format!("\"{}\" is not UTF-8 text", path.display())))?,
        ),
        None => None,
    };
    let text = existing.clone().unwrap_or_default();
    let set = crate::envfile::parse(&text, &|_| None).map_err(|e| {
        Error::usage(format!(
            "\"{}\": line {}: {}; fix that line, then run init again",
            path.display(),
            e.line,
            e.reason
        ))
    })?;
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    let (mut added, mut replaced, mut kept) = (Vec::new(), Vec::new(), Vec::new());
    let mut tail = String::new();
    for e in entries {
        let line = format!("{}={}\n", e.var, env_value(e.value.expose_secret()));
        if !set.contains_key(&e.var) {
            tail.push_str(&line);
            added.push(e.var.clone());
            continue;
        }
        if !force {
            kept.push(e.var.clone());
            continue;
        }
        // The assignment's own line (`NAME=…` or `export NAME=…`); a value
        // spread over several lines is left for a person to replace.
        let at = lines.iter().rposition(|l| {
            let l = l.trim_start();
            let l = l.strip_prefix("export ").unwrap_or(l).trim_start();
            l.strip_prefix(e.var.as_str())
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        });
        let single = at.is_some_and(|i| {
            let v = lines[i].trim_end();
            let quotes = v.matches('"').count() + v.matches('\'').count();
            quotes % 2 == 0
        });
        match at {
            Some(i) if single => {
                let ending = if lines[i].ends_with('\n') { "\n" } else { "" };
                lines[i] = format!("{}{ending}", line.trim_end_matches('\n'));
                replaced.push(e.var.clone());
            }
            _ => {
                return Err(Error::usage(format!(
                    "\"{}\" sets {} over several lines; replace it by hand, or remove it and run init again",
                    path.display(),
                    e.var
                )))
            }
        }
    }
    let mut out: String = lines.concat();
    if !tail.is_empty() {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
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
        }
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
        let original = "# my app\nPORT=7860\n\nEXISTING_KEY=keep-me\n# trailing comment";
        std::fs::write(&path, original).unwrap();
        let entries = [entry("EXISTING_KEY", "new"), entry("NEW_KEY", "fresh")];
        let m = merge_env_file(&path, &entries, false).unwrap();
        assert_eq!((m.added.len(), m.kept.len()), (1, 1));
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text, format!("{original}\nNEW_KEY=fresh\n"));
        assert!(m.backup.is_none());
        // Again: nothing to do, nothing written.
        let m = merge_env_file(&path, &entries, false).unwrap();
        assert!(m.added.is_empty());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
        // --force replaces on the line itself, keeping a backup.
        let m = merge_env_file(&path, &[entry("EXISTING_KEY", "replaced")], true).unwrap();
        assert_eq!(m.replaced, ["EXISTING_KEY"]);
        let after = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            after,
            text.replace("EXISTING_KEY=keep-me", "EXISTING_KEY=replaced")
        );
        assert_eq!(std::fs::read_to_string(m.backup.unwrap()).unwrap(), text);
    }
}
