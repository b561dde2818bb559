//! The committed completions/ and man/ trees match what the CLI generates.
//! Regenerate with `AUTHCTL_BLESS=1 cargo test --test cli generated`.

use std::collections::BTreeMap;
use std::path::Path;

fn check(dir: &str, expected: BTreeMap<String, Vec<u8>>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    #[allow(clippy::disallowed_methods)]
    let bless = std::env::var_os("AUTHCTL_BLESS").is_some();
    if bless {
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).unwrap();
        for (name, bytes) in &expected {
            std::fs::write(root.join(name), bytes).unwrap();
        }
    }
    let mut actual = BTreeMap::new();
    for e in std::fs::read_dir(&root).unwrap_or_else(|_| {
        panic!("{dir}/ is missing; run AUTHCTL_BLESS=1 cargo test --test cli generated")
    }) {
        let e = e.unwrap();
        actual.insert(
            e.file_name().into_string().unwrap(),
            std::fs::read(e.path()).unwrap(),
        );
    }
    let stale: std::collections::BTreeSet<_> = expected
        .keys()
        .chain(actual.keys())
        .filter(|k| expected.get(*k) != actual.get(*k))
        .collect();
    assert!(
        stale.is_empty(),
        "{dir}/ is stale ({stale:?}); run AUTHCTL_BLESS=1 cargo test --test cli generated"
    );
}

#[test]
fn completions_are_fresh() {
    let expected = authctl::docs::SHELLS
        .iter()
        .map(|s| {
            (
                authctl::docs::completion_file_name(*s),
                authctl::docs::completion_script(*s),
            )
        })
        .collect();
    check("completions", expected);
}

#[test]
fn man_pages_are_fresh() {
    let pages: BTreeMap<_, _> = authctl::docs::man_pages().into_iter().collect();
    assert!(pages.contains_key("authctl.1"));
    assert!(pages.contains_key("authctl-user-add.1"));
    check("man", pages);
}

#[test]
fn completions_command_prints_each_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = assert_cmd::Command::new(crate::common::BIN)
            .args(["completions", shell])
            .assert()
            .success();
        assert!(out.get_output().stdout.len() > 500, "{shell}");
    }
}
