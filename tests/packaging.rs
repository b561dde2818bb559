//! The packages authctl ships besides the crate (pyproject.toml's wheel,
//! npm/'s launcher and platform package) say what Cargo.toml says, and the
//! npm launcher refuses a platform it has no executable for. Building and
//! running them is scripts/dist-test.sh's (the distribution tier).

use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap()
}

/// The value of `key = "…"` in a TOML text (its first occurrence).
fn toml(text: &str, key: &str) -> String {
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{key} = \"")))
        .and_then(|rest| rest.strip_suffix('"'))
        .unwrap_or_else(|| panic!("{key} not found"))
        .to_string()
}

fn package(dir: &str) -> Value {
    serde_json::from_str(&read(&format!("npm/{dir}/package.json"))).unwrap()
}

#[test]
fn every_package_says_what_cargo_toml_says() {
    let cargo = read("Cargo.toml");
    let (license, repository) = (toml(&cargo, "license"), toml(&cargo, "repository"));
    let pyproject = read("pyproject.toml");
    assert_eq!(toml(&pyproject, "name"), "authctl");
    assert!(pyproject.contains(&format!("license = {{ text = \"{license}\" }}")));
    assert!(pyproject.contains(&format!("Repository = \"{repository}\"")));
    assert!(pyproject.contains("bindings = \"bin\""));
    assert!(
        pyproject.contains("dynamic = [\"version\"]"),
        "the version is Cargo.toml's"
    );
    let launcher = package("authctl");
    let platform = package("authctl-linux-x64");
    for p in [&launcher, &platform] {
        assert_eq!(p["license"], license.as_str());
        assert_eq!(p["repository"]["url"], format!("git+{repository}.git"));
        // npm-pack.sh writes Cargo.toml's version in.
        assert_eq!(p["version"], "0.0.0");
    }
    assert_eq!(launcher["name"], "authctl");
    assert_eq!(launcher["bin"]["authctl"], "bin/authctl.js");
    assert_eq!(
        launcher["optionalDependencies"]["authctl-linux-x64"], "0.0.0",
        "the launcher depends on the platform package"
    );
    assert_eq!(platform["name"], "authctl-linux-x64");
    assert_eq!(platform["os"], serde_json::json!(["linux"]));
    assert_eq!(platform["cpu"], serde_json::json!(["x64"]));
    assert!(read("npm/authctl/bin/authctl.js").contains("\"linux-x64\": \"authctl-linux-x64\""));
}

/// On a platform with no executable package, the launcher names the way
/// out and exits 1 (node's own `process.arch` made another).
#[test]
fn the_npm_launcher_refuses_a_platform_it_has_no_executable_for() {
    let out = Command::new("node")
        .arg("-e")
        .arg(
            "Object.defineProperty(process, 'arch', { value: 'riscv64' }); require(process.argv[1]);",
        )
        .arg(root().join("npm/authctl/bin/authctl.js"))
        .output()
        .expect("node");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim(),
        "authctl: error: authctl has no executable for linux-riscv64 on npm (it has: linux-x64); install it with `cargo install authctl`"
    );
    assert!(out.stdout.is_empty());
}
