//! The declarations of a provisioning file, decoded from its tree with the
//! place of every value, so an error names `users[3].password_env` and the
//! line it is on.
//!
//! Invariants: a field this module does not know is refused (a typo never
//! silently means "not declared"); a user has at most one password source;
//! names are validated as the profile's app validates them, and a name is
//! declared once (up to case and normalisation); nothing here reads a
//! password or a key (that is `resolve`'s, after the file is known good).

use super::doc::{Node, Value};
use crate::profile::Profile;
use crate::store;
use std::collections::HashMap;
use std::path::PathBuf;

/// Where a declaration is: `users[3]` and its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loc {
    pub path: String,
    pub line: usize,
}

/// How a user's password is given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasswordSpec {
    /// Not given: the user must exist already.
    None,
    /// The value of an environment variable.
    Env(String),
    /// The first line of a file.
    File(PathBuf),
    /// A hash in the profile's scheme, stored as it is.
    Hash(String),
    /// A new random password, printed once (creation only).
    Generate,
}

/// One declared user.
#[derive(Debug, Clone)]
pub struct UserDecl {
    pub loc: Loc,
    pub name: String,
    pub active: Option<bool>,
    pub superuser: Option<bool>,
    pub password: PasswordSpec,
    /// The line of the password field, for errors about its value.
    pub password_line: usize,
    /// Set the password of an existing user too.
    pub update_password: bool,
}

/// How an API key is given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySpec {
    /// A new random key, printed once.
    Generate,
    /// The value of an environment variable: that exact key.
    Env(String),
    /// The SHA-256 of a key (from `export --with-hashes`), for layouts that
    /// keep only that.
    Sha256(String),
}

/// One declared API key.
#[derive(Debug, Clone)]
pub struct KeyDecl {
    pub loc: Loc,
    pub name: String,
    pub owner: String,
    pub key: KeySpec,
    pub key_line: usize,
    /// Flowise permissions; empty: the app's default.
    pub permissions: Vec<String>,
}

/// Everything a file declares.
#[derive(Debug, Clone, Default)]
pub struct Declared {
    pub users: Vec<UserDecl>,
    pub api_keys: Vec<KeyDecl>,
}

/// A decoding error: the line and the message (`users[3].name: ...`).
#[derive(Debug)]
pub struct FieldError {
    pub line: usize,
    pub message: String,
}

fn at(line: usize, message: impl Into<String>) -> FieldError {
    FieldError {
        line,
        message: super::doc::one_line(message.into()),
    }
}

const TOP: &[&str] = &["version", "users", "api_keys"];
const USER_FIELDS: &[&str] = &[
    "name",
    "active",
    "superuser",
    "password_env",
    "password_file",
    "password_hash",
    "generate",
    "update_password",
];
const KEY_FIELDS: &[&str] = &["name", "owner", "key_env", "key_sha256", "permissions"];

/// The version of the file format this authctl reads and writes.
pub const VERSION: u64 = 1;

/// Decode the declarations in `root` for `profile`.
pub fn decode(root: &Node, profile: Profile) -> Result<Declared, FieldError> {
    let entries = match &root.value {
        Value::Map(m) => m.as_slice(),
        Value::Null => &[],
        _ => {
            return Err(at(
                root.line,
                format!(
                    "the file must be a mapping with `users` and `api_keys`, not {}",
                    root.kind()
                ),
            ))
        }
    };
    refuse_unknown(entries, TOP, "")?;
    let mut out = Declared::default();
    for (key, _, node) in entries {
        match key.as_str() {
            "version" => match &node.value {
                Value::Number(n) if n.parse::<u64>() == Ok(VERSION) => {}
                _ => {
                    return Err(at(
                        node.line,
                        format!("version: this authctl reads version {VERSION} files; upgrade authctl for a newer one"),
                    ))
                }
            },
            "users" => {
                for (i, item) in list(node, "users")?.iter().enumerate() {
                    out.users.push(user(item, format!("users[{i}]"), profile)?);
                }
            }
            "api_keys" => {
                for (i, item) in list(node, "api_keys")?.iter().enumerate() {
                    out.api_keys.push(api_key(item, format!("api_keys[{i}]"))?);
                }
            }
            _ => {}
        }
    }
    // A name declared twice would be applied twice, the second silently
    // winning: refuse it, naming both places.
    let mut seen: HashMap<String, usize> = HashMap::with_capacity(out.users.len());
    for (i, u) in out.users.iter().enumerate() {
        if let Some(&j) = seen.get(&store::fold_username(&u.name)) {
            let first = &out.users[j];
            return Err(at(
                u.loc.line,
                format!(
                    "{}.name: \"{}\" is declared already at {} (line {}); names are compared without case",
                    u.loc.path, u.name, first.loc.path, first.loc.line
                ),
            ));
        }
        seen.insert(store::fold_username(&u.name), i);
    }
    let mut seen: HashMap<(String, String), usize> = HashMap::with_capacity(out.api_keys.len());
    for (i, k) in out.api_keys.iter().enumerate() {
        let key = (k.name.clone(), store::fold_username(&k.owner));
        if let Some(&j) = seen.get(&key) {
            let first = &out.api_keys[j];
            return Err(at(
                k.loc.line,
                format!(
                    "{}: API key \"{}\" of \"{}\" is declared already at {} (line {})",
                    k.loc.path, k.name, k.owner, first.loc.path, first.loc.line
                ),
            ));
        }
        seen.insert(key, i);
    }
    Ok(out)
}

fn list<'a>(node: &'a Node, what: &str) -> Result<&'a [Node], FieldError> {
    match &node.value {
        Value::Seq(items) => Ok(items),
        Value::Null => Ok(&[]),
        _ => Err(at(
            node.line,
            format!("{what}: expected a list, found {}", node.kind()),
        )),
    }
}

fn refuse_unknown(
    entries: &[(String, usize, Node)],
    known: &[&str],
    path: &str,
) -> Result<(), FieldError> {
    for (key, line, _) in entries {
        if known.contains(&key.as_str()) {
            continue;
        }
        let near = known
            .iter()
            .map(|k| (strsim::jaro_winkler(k, key), *k))
            .filter(|(score, _)| *score > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, k)| format!(" (did you mean `{k}`?)"))
            .unwrap_or_default();
        let field = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        return Err(at(
            *line,
            format!(
                "{field}: unknown field{near}; the fields here are {}",
                known.join(", ")
            ),
        ));
    }
    Ok(())
}

fn mapping<'a>(node: &'a Node, path: &str) -> Result<&'a [(String, usize, Node)], FieldError> {
    match &node.value {
        Value::Map(m) => Ok(m),
        _ => Err(at(
            node.line,
            format!(
                "{path}: expected a mapping of fields, found {}",
                node.kind()
            ),
        )),
    }
}

fn get<'a>(entries: &'a [(String, usize, Node)], key: &str) -> Option<&'a Node> {
    entries.iter().find(|(k, _, _)| k == key).map(|(_, _, n)| n)
}

fn string(node: &Node, field: &str) -> Result<String, FieldError> {
    match &node.value {
        Value::Str(s) | Value::Number(s) if !s.is_empty() => Ok(s.clone()),
        Value::Str(_) => Err(at(node.line, format!("{field}: is empty"))),
        _ => Err(at(
            node.line,
            format!("{field}: expected a string, found {}", node.kind()),
        )),
    }
}

fn boolean(node: &Node, field: &str) -> Result<bool, FieldError> {
    match node.value {
        Value::Bool(b) => Ok(b),
        _ => Err(at(
            node.line,
            format!("{field}: expected true or false, found {}", node.kind()),
        )),
    }
}

fn user(node: &Node, path: String, profile: Profile) -> Result<UserDecl, FieldError> {
    let m = mapping(node, &path)?;
    refuse_unknown(m, USER_FIELDS, &path)?;
    let field = |k: &str| format!("{path}.{k}");
    let name_node =
        get(m, "name").ok_or_else(|| at(node.line, format!("{path}: `name` is missing")))?;
    let name = string(name_node, &field("name"))?;
    store::validate_login_name(profile, &name)
        .map_err(|e| at(name_node.line, format!("{}: {e}", field("name"))))?;
    let opt_bool = |k: &str| get(m, k).map(|n| boolean(n, &field(k))).transpose();
    let mut sources: Vec<(&str, usize, PasswordSpec)> = Vec::new();
    if let Some(n) = get(m, "password_env") {
        sources.push((
            "password_env",
            n.line,
            PasswordSpec::Env(string(n, &field("password_env"))?),
        ));
    }
    if let Some(n) = get(m, "password_file") {
        let p = string(n, &field("password_file"))?;
        sources.push((
            "password_file",
            n.line,
            PasswordSpec::File(PathBuf::from(p)),
        ));
    }
    if let Some(n) = get(m, "password_hash") {
        sources.push((
            "password_hash",
            n.line,
            PasswordSpec::Hash(string(n, &field("password_hash"))?),
        ));
    }
    if let Some(n) = get(m, "generate") {
        if boolean(n, &field("generate"))? {
            sources.push(("generate", n.line, PasswordSpec::Generate));
        }
    }
    if sources.len() > 1 {
        let names: Vec<&str> = sources.iter().map(|s| s.0).collect();
        return Err(at(
            sources.iter().map(|s| s.1).max().unwrap_or(node.line),
            format!(
                "{path}: give one password source, not {}",
                names.join(" and ")
            ),
        ));
    }
    let (password_line, password) = sources
        .pop()
        .map_or((node.line, PasswordSpec::None), |(_, l, p)| (l, p));
    let update_password = opt_bool("update_password")?.unwrap_or(false);
    if update_password && matches!(password, PasswordSpec::None | PasswordSpec::Generate) {
        return Err(at(
            get(m, "update_password").map_or(node.line, |n| n.line),
            format!("{path}.update_password: needs password_env, password_file or password_hash to set (a generated password is made only with the user)"),
        ));
    }
    Ok(UserDecl {
        loc: Loc {
            path: path.clone(),
            line: node.line,
        },
        name,
        active: opt_bool("active")?,
        superuser: opt_bool("superuser")?,
        password,
        password_line,
        update_password,
    })
}

fn api_key(node: &Node, path: String) -> Result<KeyDecl, FieldError> {
    let m = mapping(node, &path)?;
    refuse_unknown(m, KEY_FIELDS, &path)?;
    let field = |k: &str| format!("{path}.{k}");
    let need =
        |k: &str| get(m, k).ok_or_else(|| at(node.line, format!("{path}: `{k}` is missing")));
    let name = string(need("name")?, &field("name"))?;
    let owner = string(need("owner")?, &field("owner"))?;
    let (key, key_line) = match (get(m, "key_env"), get(m, "key_sha256")) {
        (Some(_), Some(n)) => {
            return Err(at(
                n.line,
                format!("{path}: give key_env or key_sha256, not both"),
            ))
        }
        (Some(n), None) => (KeySpec::Env(string(n, &field("key_env"))?), n.line),
        (None, Some(n)) => {
            let h = string(n, &field("key_sha256"))?.to_ascii_lowercase();
            if h.len() != 64 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(at(
                    n.line,
                    format!(
                        "{}: expected 64 hex digits (the SHA-256 of the key)",
                        field("key_sha256")
                    ),
                ));
            }
            (KeySpec::Sha256(h), n.line)
        }
        (None, None) => (KeySpec::Generate, node.line),
    };
    let permissions = match get(m, "permissions") {
        None => Vec::new(),
        Some(n) => list(n, &field("permissions"))?
            .iter()
            .enumerate()
            .map(|(i, p)| string(p, &format!("{}[{i}]", field("permissions"))))
            .collect::<Result<_, _>>()?,
    };
    Ok(KeyDecl {
        loc: Loc {
            path,
            line: node.line,
        },
        name,
        owner,
        key,
        key_line,
        permissions,
    })
}
