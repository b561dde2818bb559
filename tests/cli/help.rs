//! `--help` speaks the profile's names: under `--profile langflow` every
//! setting Langflow has its own variable for is shown by that name.

use crate::common::*;

/// The variable-like words of a text (`AUTHCTL_SUPERUSER` is not a
/// part of `AUTHCTL_SUPERUSER_PASSWORD`).
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect()
}

fn help(env: &TestEnv, profile: Option<&str>, path: &str) -> String {
    let mut args: Vec<&str> = Vec::new();
    if let Some(p) = profile {
        args.extend(["--profile", p]);
    }
    args.extend(path.split_whitespace());
    args.push("--help");
    stdout(&env.cmd(&args).assert().success())
}

#[test]
fn help_shows_the_variables_each_profile_reads() {
    let env = TestEnv::new();
    let mut paths = vec![String::new()];
    leaves(&cli_definition(), "", &mut paths);
    // Settings Langflow names itself, and what it calls them.
    let renamed = authctl::internals::renamed_variables("langflow");
    assert!(renamed.contains(&("AUTHCTL_SECRET_KEY", "LANGFLOW_SECRET_KEY")));
    let mut shown = 0;
    for path in &paths {
        let native = help(&env, None, path);
        let langflow = help(&env, Some("langflow"), path);
        let lf_words = words(&langflow);
        let native_words = words(&native);
        for (ours, theirs) in &renamed {
            assert!(
                !lf_words.contains(ours),
                "`--profile langflow {path} --help` still shows {ours}:\n{langflow}"
            );
            if native_words.contains(ours) {
                assert!(
                    lf_words.contains(theirs),
                    "`{path} --help` names {ours}; under langflow it must name {theirs}"
                );
                shown += 1;
            }
        }
        // What Langflow has no name for keeps authctl's (the issuer claim).
        if native_words.contains(&"AUTHCTL_JWT_ISSUER") {
            assert!(lf_words.contains(&"AUTHCTL_JWT_ISSUER"), "{path}");
        }
        // The variable selects the same help as the flag.
        let by_env = stdout(
            &env.cmd(&[path.split_whitespace().collect::<Vec<_>>(), vec!["--help"]].concat())
                .env("AUTHCTL_PROFILE", "langflow")
                .assert()
                .success(),
        );
        assert_eq!(by_env, langflow, "{path}");
    }
    assert!(shown > 20, "only {shown} renamed variables were checked");
    let top = help(&env, Some("langflow"), "");
    assert!(top.contains("~/.cache/langflow"), "{top}");
    assert!(top.contains("<config-dir>/langflow.db"), "{top}");
}
