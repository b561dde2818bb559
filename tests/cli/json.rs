//! `--json` on every subcommand: a non-empty JSON document on stdout, or a
//! usage error (exit 2) before anything runs. Never empty output with exit 0.

use crate::common::*;

#[test]
fn every_subcommand_answers_json_or_refuses_it() {
    let env = TestEnv::new();
    env.admin();
    env.user("alice");
    env.user("bob");
    env.cmd(&["keygen"]).assert().success();
    env.cmd(&["keygen", "--alg", "RS256"]).assert().success();
    let old_kid = stdout(&env.cmd(&["keygen", "--alg", "RS256"]).assert().success());
    env.cmd(&["keygen", "--alg", "RS256", "--force"])
        .assert()
        .success();
    let token = env.mint(&["--user", "admin"]);
    let refresh = env.mint(&["--user", "admin", "--type", "refresh"]);
    let fernet = stdout(
        &env.cmd(&["secret", "encrypt"])
            .write_stdin("hi")
            .assert()
            .success(),
    );

    // (subcommand path, its arguments, stdin). Order matters: later cases
    // use what earlier ones made, and `user delete` comes last.
    let pw = format!("{PASSWORD}\n");
    let cases: Vec<(&str, Vec<String>, Option<String>)> = vec![
        (
            "superuser",
            vec![
                "--username",
                "admin",
                "--reset-password",
                "--password-stdin",
            ]
            .into_iter()
            .map(String::from)
            .collect(),
            Some(pw.clone()),
        ),
        (
            "user add",
            s(&["carol", "--password-stdin"]),
            Some(pw.clone()),
        ),
        ("user list", vec![], None),
        ("user show", s(&["alice"]), None),
        ("user activate", s(&["carol"]), None),
        ("user deactivate", s(&["carol"]), None),
        ("user promote", s(&["alice"]), None),
        ("user demote", s(&["alice"]), None),
        (
            "user passwd",
            s(&["alice", "--password-stdin"]),
            Some(pw.clone()),
        ),
        ("secret generate", vec![], None),
        ("secret check", vec![], None),
        ("secret encrypt", vec![], Some("plain".into())),
        ("secret decrypt", vec![], Some(fernet.clone())),
        ("keygen", s(&["--alg", "RS256"]), None),
        ("keys list", vec![], None),
        ("keys jwks", vec![], None),
        ("keys export", s(&["--format", "env"]), None),
        ("keys retire", s(&[old_kid.trim()]), None),
        ("token mint", s(&["--user", "admin"]), None),
        ("token decode", s(&[token.trim()]), None),
        ("token verify", s(&[token.trim()]), None),
        ("token list", s(&["--user", "admin"]), None),
        ("token revoke", s(&[refresh.trim()]), None),
        (
            "apikey create",
            s(&["--user", "admin", "--name", "ci"]),
            None,
        ),
        ("apikey list", vec![], None),
        ("apikey revoke", s(&["ci"]), None),
        (
            "apply",
            s(&["-"]),
            Some("users:\n  - name: alice\n    active: true\n".into()),
        ),
        ("export", vec![], None),
        ("secret rotate", s(&["--yes"]), None),
        ("secret identify", vec![], None),
        ("init", vec![], None),
        ("doctor", vec![], None),
        ("releases", vec![], None),
        ("completions", s(&["bash"]), None),
        ("user invite", s(&["dana@example.com"]), None),
        ("user ban", s(&["carol", "--for", "1h"]), None),
        ("user unban", s(&["carol"]), None),
        ("user delete", s(&["carol", "--yes"]), None),
    ];

    let mut all = Vec::new();
    leaves(&cli_definition(), "", &mut all);
    let covered: Vec<&str> = cases.iter().map(|c| c.0).collect();
    for leaf in &all {
        assert!(
            covered.contains(&leaf.as_str()),
            "subcommand `{leaf}` has no --json case here"
        );
    }

    let mut refused = Vec::new();
    for (path, args, stdin) in &cases {
        let mut argv = vec!["--json".to_string()];
        argv.extend(path.split(' ').map(String::from));
        argv.extend(args.iter().cloned());
        let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
        let mut cmd = env.cmd(&argv);
        if let Some(input) = stdin {
            cmd.write_stdin(input.clone());
        }
        let out = cmd.output().unwrap();
        let code = out.status.code();
        // Invitations and bans are LibreChat's; its --json form is checked against
        // MongoDB in the real-server tier (tests/e2e/librechat_users.rs).
        if *path == "user invite" {
            assert_eq!(code, Some(2), "`{path}`");
            assert!(String::from_utf8_lossy(&out.stderr).contains("takes no invitations"));
            continue;
        }
        // So are bans.
        if *path == "user ban" || *path == "user unban" {
            assert_eq!(code, Some(2), "`{path}`");
            assert!(String::from_utf8_lossy(&out.stderr).contains("keeps no bans"));
            continue;
        }
        if code == Some(2) {
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(out.stdout.is_empty(), "`{path}`: output on a usage error");
            assert!(
                err.contains("--json"),
                "`{path}` exit 2 but not about --json: {err}"
            );
            refused.push(*path);
            continue;
        }
        // Only doctor may answer 1 here (a check it fails in this sandbox);
        // everything else was given what it needs to succeed.
        let allowed = if *path == "doctor" { 1 } else { 0 };
        assert!(
            matches!(code, Some(c) if c <= allowed),
            "`{path} --json` exited {code:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "`{path} --json` printed no JSON ({e}): {:?}",
                String::from_utf8_lossy(&out.stdout)
            )
        });
        assert!(
            !doc.is_null() && doc != serde_json::json!({}),
            "`{path} --json` printed an empty document"
        );
    }
    // Only what has no data refuses: a shell script is not a report.
    assert_eq!(refused, ["completions"]);
}

fn s(args: &[&str]) -> Vec<String> {
    args.iter().map(|a| a.to_string()).collect()
}
