//! Key rescue: finding which key stored values are under after a redeploy
//! lost it (`secret identify`), and the old keys a recovery moves them
//! from (`secret rotate --from-key`). What the keys decrypt is `rotate`'s;
//! this gathers the candidates and reads the finding.

use super::rotate::Identified;
use crate::error::{Error, Result};
use secrecy::{ExposeSecret, SecretString};
use std::path::{Path, PathBuf};

/// How the key in use is named among the candidates.
pub const CURRENT: &str = "the current key";

/// A candidate given on the command line.
pub enum Candidate<'a> {
    /// A key file, or a `.env` that sets the key's variable.
    File(&'a Path),
    /// Keys on stdin, one a line.
    Stdin,
}

/// The key in a candidate file: the value of the profile's key variable
/// when the file is a .env that sets it (of all of `vars`, as `.env`
/// lines, where a key is a set of variables: LibreChat's `CREDS_KEY` and
/// `CREDS_IV`), else the file's text without its line ending.
pub fn keys_in_file(path: &Path, vars: &[&str]) -> Result<Vec<(String, SecretString)>> {
    let text = crate::fsutil::read_text(path, "candidate key file")?;
    let shown = path.display().to_string();
    if let Ok(env) = crate::envfile::parse(&text, &|_| None) {
        let values: Vec<(&str, &String)> = vars
            .iter()
            .filter_map(|v| env.get(*v).map(|value| (*v, value)))
            .collect();
        match values.as_slice() {
            [] => {}
            [(v, value)] if vars.len() == 1 => {
                return Ok(vec![(
                    format!("{shown} ({v})"),
                    SecretString::from(value.to_string()),
                )])
            }
            all if all.len() == vars.len() => {
                let lines: String = all
                    .iter()
                    .map(|(v, value)| format!("{v}={value}\n"))
                    .collect();
                return Ok(vec![(
                    format!("{shown} ({})", vars.join(", ")),
                    SecretString::from(lines),
                )]);
            }
            _ => {}
        }
    }
    Ok(vec![(
        shown,
        SecretString::from(text.trim_end_matches(['\n', '\r']).to_string()),
    )])
}

/// The backups and pending key authctl keeps beside `key_file` in `dir`.
pub fn kept_keys(dir: &Path, key_file: &str, pending: &str) -> Vec<(String, SecretString)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| (n.starts_with(&format!("{key_file}.")) && n.ends_with(".bak")) || n == pending)
        .collect();
    names.sort();
    names
        .into_iter()
        .filter_map(|n| {
            let bytes = crate::fsutil::read_regular(
                &dir.join(&n),
                "kept key",
                crate::fsutil::KEY_FILE_LIMIT,
            )
            .ok()??;
            let text = String::from_utf8(bytes.to_vec()).ok()?;
            Some((
                n,
                SecretString::from(text.trim_end_matches(['\n', '\r']).to_string()),
            ))
        })
        .collect()
}

/// Every key `secret identify` tries, labelled: the current one (if
/// any), the backups and pending key kept beside the key file, then those
/// `given` (`stdin` reads the keys on stdin, when one is `-`). The key
/// is kept in `key_file` in `dir`, a rotation's next one in `pending`, and
/// a `.env` names it `vars`.
pub fn candidates(
    current: Option<SecretString>,
    (dir, key_file, pending): (&Path, &str, &str),
    vars: &[&str],
    given: &[Candidate],
    stdin: &dyn Fn() -> Result<zeroize::Zeroizing<String>>,
) -> Result<Vec<(String, SecretString)>> {
    let mut candidates: Vec<(String, SecretString)> = Vec::new();
    if let Some(current) = current {
        candidates.push((CURRENT.into(), current));
    }
    candidates.extend(kept_keys(dir, key_file, pending));
    for c in given {
        match c {
            Candidate::Stdin => {
                let text = stdin()?;
                for (n, line) in text
                    .lines()
                    .enumerate()
                    .filter(|(_, l)| !l.trim().is_empty())
                {
                    candidates.push((
                        format!("stdin line {}", n + 1),
                        SecretString::from(line.to_string()),
                    ));
                }
            }
            Candidate::File(path) => {
                if !crate::fsutil::exists(path)? {
                    return Err(Error::usage(format!(
                        "candidate \"{}\" does not exist; give key files, .env files, or - for keys on stdin",
                        path.display()
                    )));
                }
                candidates.extend(keys_in_file(path, vars)?);
            }
        }
    }
    if candidates.is_empty() {
        return Err(Error::usage(
            "no key to try: give candidate key files, .env files, or - for keys on stdin",
        ));
    }
    Ok(candidates)
}

/// What `secret identify` found.
pub struct Finding {
    /// The values stored.
    pub total: usize,
    /// Those under the current key.
    pub current_count: usize,
    /// The candidate every value decrypts under, if one does.
    pub all_under: Option<String>,
    /// The candidate the values not under the current key are under, if
    /// one is: after a redeploy the values are commonly split, those saved
    /// since under the current key, the rest under the old one.
    pub rest_under: Option<String>,
}

/// The finding of `found` (`rotate::identify`'s answer).
pub fn finding(found: &[Identified]) -> Finding {
    let total = found.first().map_or(0, |f| f.total);
    let current_count = found
        .iter()
        .find(|f| f.candidate == CURRENT)
        .map_or(0, |f| f.decrypts);
    let all_under = found
        .iter()
        .find(|f| f.total > 0 && f.decrypts == f.total)
        .map(|f| f.candidate.clone());
    let rest_under = found
        .iter()
        .filter(|f| f.candidate != CURRENT && f.decrypts > 0)
        .find(|f| current_count + f.decrypts == total)
        .map(|f| f.candidate.clone());
    Finding {
        total,
        current_count,
        all_under,
        rest_under,
    }
}

/// The old keys in `files` (`--from-key`, each a key file or a `.env`
/// that sets `vars`), without repeats; refused where one is missing, holds
/// more than one key, or holds the `current` key.
pub fn old_keys(
    files: &[PathBuf],
    vars: &[&str],
    current: &SecretString,
) -> Result<Vec<SecretString>> {
    let mut from: Vec<SecretString> = Vec::new();
    for file in files {
        if !crate::fsutil::exists(file)? {
            return Err(Error::usage(format!(
                "--from-key \"{}\" does not exist; give the old key's file (or the .env that held it)",
                file.display()
            )));
        }
        let mut keys = keys_in_file(file, vars)?;
        let key = match keys.len() {
            1 => keys.remove(0).1,
            _ => {
                return Err(Error::usage(format!(
                    "--from-key \"{}\" holds more than one key; put the one to recover from in a file of its own",
                    file.display()
                )))
            }
        };
        if key.expose_secret() == current.expose_secret() {
            return Err(Error::usage(format!(
                "--from-key \"{}\" holds the current key; give the old key the values were saved under",
                file.display()
            )));
        }
        if !from
            .iter()
            .any(|k| k.expose_secret() == key.expose_secret())
        {
            from.push(key);
        }
    }
    Ok(from)
}
