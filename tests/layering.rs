//! The module layering the code promises, checked on the source: nothing
//! below `commands` reaches up into `commands` or `cli`, and nothing but
//! `src/output` writes to a terminal. (clippy's `disallowed-macros` in
//! clippy.toml keeps `print!`/`eprintln!` out; this catches the rest.)

use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn src_files() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(&root).unwrap().display().to_string();
            (rel, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// The top: argument parsing, dispatch, and the generators built from the
/// CLI definition. Everything else is below `commands`.
fn is_top(rel: &str) -> bool {
    rel == "lib.rs"
        || rel == "main.rs"
        || rel == "docs.rs"
        || rel.starts_with("cli/")
        || rel.starts_with("commands/")
}

/// Every `crate::…`/`super::…` path in `text`, with `use` groups
/// expanded (`use crate::{cli, x}` gives `crate::cli` and `crate::x`).
fn paths(text: &str) -> Vec<String> {
    let flat: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect();
    let mut out = Vec::new();
    for start in ["crate::", "super::"] {
        let mut rest = flat.as_str();
        while let Some(at) = rest.find(start) {
            let tail = &rest[at..];
            let end = tail
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(tail.len());
            let head = tail[..end].trim_end_matches(':').to_string();
            if tail[end..].starts_with('{') {
                let group = &tail[end + 1..tail.find('}').unwrap_or(tail.len())];
                for item in group.split(',') {
                    out.push(format!("{head}::{}", item.trim_start_matches('{')));
                }
            }
            out.push(head);
            rest = &tail[end..];
        }
    }
    out
}

#[test]
fn the_path_scanner_sees_groups_and_super_paths() {
    let found = paths("use crate::{cli, keys::Alg};\nuse super::super::commands::Ctx;");
    assert!(found.contains(&"crate::cli".to_string()), "{found:?}");
    assert!(
        found.contains(&"super::super::commands::Ctx".to_string()),
        "{found:?}"
    );
}

#[test]
fn nothing_below_commands_imports_commands_or_cli() {
    let mut offenders = Vec::new();
    for (rel, text) in src_files() {
        if is_top(&rel) {
            continue;
        }
        for path in paths(&text) {
            let reaches_up = path.starts_with("crate::")
                && ["cli", "commands"].contains(&path.split("::").nth(1).unwrap_or_default())
                || path
                    .split("::")
                    .any(|seg| seg == "cli" || seg == "commands")
                    && path.starts_with("super::");
            if reaches_up {
                offenders.push(format!("src/{rel}: {path}"));
            }
        }
    }
    assert!(offenders.is_empty(), "{}", offenders.join("\n"));
}

#[test]
fn only_output_touches_the_terminal() {
    let needles = [
        "std::io::stdout()",
        "std::io::stderr()",
        "io::stdout()",
        "io::stderr()",
        "dialoguer::",
        "indicatif::",
        "Term::",
        "print!",
        "println!",
        "eprint!",
        "eprintln!",
    ];
    let mut offenders = Vec::new();
    for (rel, text) in src_files() {
        if rel.starts_with("output/") {
            continue;
        }
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            if let Some(needle) = needles.iter().find(|needle| line.contains(*needle)) {
                offenders.push(format!("src/{rel}:{}: {needle}", n + 1));
            }
        }
    }
    assert!(offenders.is_empty(), "{}", offenders.join("\n"));
}
