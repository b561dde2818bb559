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

/// `text` with comments, string and character literals blanked and
/// `#[cfg(test)]` items removed: the code the product is built from.
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let rest = &text[i..];
        if rest.starts_with("//") {
            i += rest.find('\n').unwrap_or(rest.len());
        } else if let Some(body) = rest.strip_prefix("/*") {
            i += body.find("*/").map_or(rest.len(), |j| j + 4);
        } else if let Some(hashes) = raw_string_start(rest, i == 0 || !is_ident(b[i - 1])) {
            let close = format!("\"{}", "#".repeat(hashes));
            let open = rest.find('"').unwrap() + 1;
            i += rest[open..]
                .find(&close)
                .map_or(rest.len(), |j| open + j + close.len());
            out.push_str("\"\"");
        } else if b[i] == b'"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            i = j + 1;
            out.push_str("\"\"");
        } else if b[i] == b'\'' && char_literal_len(rest).is_some() {
            i += char_literal_len(rest).unwrap();
            out.push_str("' '");
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    without_test_items(&out)
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// `r"…"`, `r#"…"#`, `br"…"`: how many `#`s, where one starts here.
fn raw_string_start(rest: &str, at_word_start: bool) -> Option<usize> {
    if !at_word_start {
        return None;
    }
    let body = rest.strip_prefix("br").or_else(|| rest.strip_prefix('r'))?;
    let hashes = body.bytes().take_while(|&c| c == b'#').count();
    (body.as_bytes().get(hashes) == Some(&b'"')).then_some(hashes)
}

/// The length of a character literal starting here (`'a'`, `'\n'`,
/// `'\u{1F600}'`), or `None` for a lifetime.
fn char_literal_len(rest: &str) -> Option<usize> {
    let mut chars = rest.char_indices().skip(1);
    let (_, c) = chars.next()?;
    if c == '\\' {
        return rest[2..].find('\'').map(|j| j + 3);
    }
    let (j, close) = chars.next()?;
    (close == '\'').then_some(j + 1)
}

/// `code` without the items under `#[cfg(test)]` (a `mod { … }` or
/// `fn { … }`, or a `mod name;` whose file is then test code).
fn without_test_items(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let item = &rest[at..];
        let end = match (item.find('{'), item.find(';')) {
            (Some(open), Some(semi)) if semi < open => semi + 1,
            (Some(open), _) => {
                let mut depth = 0;
                let mut end = item.len();
                for (k, c) in item[open..].char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = open + k + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                end
            }
            (None, Some(semi)) => semi + 1,
            (None, None) => item.len(),
        };
        rest = &item[end..];
    }
    out.push_str(rest);
    out
}

/// Test files, by name: `tests.rs` and `*_tests.rs` (the files a
/// `#[cfg(test)] mod x;` names are called so here).
fn is_test_file(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name == "tests.rs" || name.ends_with("_tests.rs")
}

#[test]
fn the_code_reader_drops_comments_literals_and_tests() {
    let code = code_only(
        "let a = \"flowise\"; // langflow\nlet b = r#\"x\"#; let c = 'l'; fn f<'a>() {}\n#[cfg(test)]\nmod tests { fn librechat() {} }\nfn kept() {}",
    );
    assert!(
        !code.contains("flowise") && !code.contains("langflow"),
        "{code}"
    );
    assert!(!code.contains("librechat"), "{code}");
    assert!(
        code.contains("fn f<'a>()") && code.contains("fn kept()"),
        "{code}"
    );
}

/// A code identifier naming an app: every identifier that holds an app's
/// name, in any case.
fn app_names(code: &str) -> Vec<String> {
    code.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| {
            let w = w.to_lowercase();
            ["flowise", "langflow", "librechat", "webui"]
                .iter()
                .any(|app| w.contains(app))
        })
        .map(str::to_string)
        .collect()
}

/// What varies by app lives in `src/apps/<app>/`, chosen once: outside it
/// no code names an app (`--profile`'s values come from the registry).
#[test]
fn no_code_outside_the_apps_folder_names_an_app() {
    let mut offenders = Vec::new();
    for (rel, text) in src_files() {
        if rel.starts_with("apps/") || is_test_file(&rel) {
            continue;
        }
        let code = code_only(&text);
        for name in app_names(&code) {
            offenders.push(format!("src/{rel}: {name}"));
        }
    }
    assert!(offenders.is_empty(), "{}", offenders.join("\n"));
}

/// The top-level modules each `src/` module's code refers to
/// (`crate::x`), test code left out.
fn module_graph() -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let mut graph = std::collections::BTreeMap::<_, std::collections::BTreeSet<_>>::new();
    for (rel, text) in src_files() {
        if is_test_file(&rel) {
            continue;
        }
        let top = rel.split('/').next().unwrap().trim_end_matches(".rs");
        let entry = graph.entry(top.to_string()).or_default();
        for path in paths(&code_only(&text)) {
            if let Some(module) = path.strip_prefix("crate::") {
                let module = module.split("::").next().unwrap_or_default();
                if !module.is_empty() && module != top {
                    entry.insert(module.to_string());
                }
            }
        }
    }
    graph
}

/// A cycle in `graph`, if it has one, as the modules along it.
fn find_cycle(
    graph: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut std::collections::BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = std::collections::BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_cycle_finder_finds_cycles() {
    let mut graph = std::collections::BTreeMap::new();
    let edge = |g: &mut std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
                a: &str,
                b: &str| {
        g.entry(a.to_string()).or_default().insert(b.to_string());
    };
    edge(&mut graph, "a", "b");
    edge(&mut graph, "b", "c");
    assert_eq!(find_cycle(&graph), None);
    edge(&mut graph, "c", "a");
    assert_eq!(
        find_cycle(&graph).unwrap(),
        ["a", "b", "c", "a"].map(String::from)
    );
}

/// The modules are layered: no cycle among them. The app chosen once is
/// reached through `Profile::app` (the registry `apps::ALL`, whose apps
/// build on everything below them): that one edge is late binding, not a
/// layer, and `profile` names nothing else of `apps`.
#[test]
fn the_modules_form_no_cycle() {
    let mut graph = module_graph();
    let registry: Vec<String> = paths(&code_only(
        &std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/profile.rs"))
            .unwrap(),
    ))
    .into_iter()
    .filter(|p| p.starts_with("crate::apps"))
    .collect();
    assert!(
        registry
            .iter()
            .all(|p| p.starts_with("crate::apps::ALL") || p.starts_with("crate::apps::App")),
        "{registry:?}"
    );
    graph.get_mut("profile").unwrap().remove("apps");
    assert_eq!(find_cycle(&graph), None, "{graph:#?}");
}

/// The command modules do not import each other by app: no cycle among
/// the files of `src/commands/`.
#[test]
fn the_command_modules_form_no_cycle() {
    let mut graph = std::collections::BTreeMap::<String, std::collections::BTreeSet<String>>::new();
    for (rel, text) in src_files() {
        let Some(name) = rel.strip_prefix("commands/") else {
            continue;
        };
        let name = name.trim_end_matches(".rs").to_string();
        let entry = graph.entry(name.clone()).or_default();
        for path in paths(&code_only(&text)) {
            let module = path
                .strip_prefix("super::")
                .or_else(|| path.strip_prefix("crate::commands::"))
                .and_then(|m| m.split("::").next());
            if let Some(module) = module.filter(|m| !m.is_empty() && *m != name) {
                entry.insert(module.to_string());
            }
        }
    }
    assert_eq!(find_cycle(&graph), None, "{graph:#?}");
}
