//! Login names and passwords: one Unicode form, stored names escaped on
//! the terminal, and names that differ only by case refused as ambiguous.

use crate::common::*;

#[test]
fn stored_names_reach_the_terminal_escaped() {
    let env = TestEnv::langflow();
    // Langflow lets anyone pick a username on sign-up.
    env.lf_sql(
        "update user set username = 'bob' || char(27) || '[2J' || char(10) || 'root' || char(8238) where username = 'bob'",
    );
    let raw_bob = "bob\u{1b}[2J\nroot\u{202e}";
    for args in [
        vec!["user", "list"],
        vec!["apikey", "list"],
        vec!["user", "show", raw_bob],
        vec!["user", "activate", raw_bob, "nobody-here"],
    ] {
        let out = env.lf(&args).output().unwrap();
        for stream in [&out.stdout, &out.stderr] {
            let text = String::from_utf8_lossy(stream);
            assert!(!text.contains('\u{1b}'), "{args:?}: {text:?}");
            assert!(!text.contains('\u{202e}'), "{args:?}: {text:?}");
            assert!(!text.contains("\nroot"), "{args:?}: {text:?}");
        }
    }
    let out = env.lf(&["user", "list"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("bob\\u{1b}[2J\\nroot\\u{202e}"));
    // JSON stays exact.
    let out = env.lf(&["--json", "user", "list"]).output().unwrap();
    let users: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(users
        .as_array()
        .unwrap()
        .iter()
        .any(|u| u["username"] == raw_bob));
}

#[test]
fn passwords_and_usernames_are_one_unicode_form() {
    let env = TestEnv::new();
    env.admin();
    // NUL and other control characters: refused, nothing written.
    for bad in ["Quiet\0Harbor-2027", "Quiet\u{7}Harbor-2027"] {
        let before = env.snapshot();
        let a = env
            .cmd(&["user", "add", "nul", "--password-stdin"])
            .write_stdin(format!("{bad}\n"))
            .assert()
            .code(2);
        assert_one_line_error(&a, "password refused");
        assert_eq!(env.snapshot(), before);
    }
    // Names with bidi overrides or zero-width characters are refused.
    for bad in ["ad\u{202e}min", "bo\u{200b}b"] {
        env.cmd(&["user", "add", bad, "--password-env", "PW"])
            .env("PW", "Quiet-Harbor-2027")
            .assert()
            .code(2);
    }
    // josé typed decomposed (macOS) and composed (Linux) is one user with
    // one password; ÉVE and éve are one name.
    let nfd = "jose\u{301}";
    let nfc = "jos\u{e9}";
    env.cmd(&["user", "add", nfd, "--active", "--password-env", "PW"])
        .env("PW", "Cafe\u{301}-Harbor-2027")
        .assert()
        .success();
    assert_eq!(
        env.sql("select username from users where username like 'jos%'")
            .trim(),
        nfc
    );
    env.cmd(&["user", "add", nfc, "--password-env", "PW"])
        .env("PW", "Quiet-Harbor-2027")
        .assert()
        .code(4);
    let hash = env.sql(&format!(
        "select password_hash from users where username = '{nfc}'"
    ));
    let ok = python_eval(
        "import bcrypt,sys\nprint(bcrypt.checkpw(sys.argv[1].encode(), sys.argv[2].encode()))",
        &["Caf\u{e9}-Harbor-2027", hash.trim()],
    );
    assert_eq!(ok.trim(), "True", "the NFC password does not verify");
    env.user("éve");
    env.cmd(&["user", "show", "ÉVE"]).assert().success();
    env.cmd(&["user", "add", "ÉVE", "--password-env", "PW"])
        .env("PW", "Quiet-Harbor-2027")
        .assert()
        .code(4);
}

#[test]
fn langflow_names_that_differ_only_by_case_are_ambiguous() {
    let env = TestEnv::langflow();
    // Langflow's own index folds ASCII only, so these can coexist.
    env.lf_sql("update user set username = 'Émile' where username = 'bob'");
    env.lf_sql("update user set username = 'émile' where username = 'carol'");
    let a = env.lf(&["user", "show", "ÉMILE"]).assert().code(4);
    assert_one_line_error(&a, "differ only by case");
    assert_one_line_error(&a, "Émile");
    assert_one_line_error(&a, "émile");
    // Existing names are still found as they are stored.
    env.lf(&["user", "show", "admin"]).assert().success();
    env.lf(&["user", "show", "ADMIN"]).assert().success();
}
