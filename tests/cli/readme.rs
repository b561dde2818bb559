//! Every usage example in the README, run as written.
//!
//! Each ```sh block of the README that is not a development command (those
//! run cargo or scripts/) is typed, line by line, into one interactive bash
//! in a pseudo-terminal, the way a reader would paste it: `authctl` is on
//! PATH, HOME is a temp dir (so the default config dir is used), and every
//! line must exit 0. Password prompts are answered. The blocks run in order
//! in one sandbox, as a tutorial would; the Langflow block gets its own
//! copy of the real Langflow 1.13 fixture, the Flowise block a copy of a
//! freshly migrated Flowise 3.1.4 database, the Open WebUI block a copy of
//! the database Open WebUI 0.12.4 made at its first start.
//!
//! What the reader supplies is supplied, and nothing else is changed:
//! - the files and variables the examples name (`alice.pw`, `.env`,
//!   `key.pem`, `new.key`, `$ADMIN_PASSWORD`, `$API_TOKEN`, `$JWT_SECRET`,
//!   `$TOKEN_FROM_SERVER`);
//! - the placeholders `<KID>` (a retired key's id, from `keys list`) and
//!   `<JTI>` (a refresh token's jti, from `token list`), and the Langflow
//!   config dir `/app/langflow`, Flowise home `/app/flowise` and Open
//!   WebUI folder `/app/open-webui` (the fixture copies).

use crate::common::*;
use rexpect::reader::ReadUntil;
use std::path::Path;

const README: &str = include_str!("../../README.md");
const PROMPT: &str = "README-EXAMPLE> ";

/// The ```sh blocks of the README with their first line numbers.
fn sh_blocks() -> Vec<(usize, Vec<String>)> {
    let mut blocks = Vec::new();
    let mut current: Option<(usize, Vec<String>)> = None;
    for (n, line) in README.lines().enumerate() {
        match (&mut current, line.trim_end()) {
            (None, "```sh") => current = Some((n + 2, Vec::new())),
            (Some(_), "```") => blocks.push(current.take().unwrap()),
            (Some((_, lines)), text) => lines.push(text.to_string()),
            (None, _) => {}
        }
    }
    blocks
}

/// A usage example (not a development command such as `cargo test`).
fn is_usage(lines: &[String]) -> bool {
    !lines.iter().any(|l| {
        let l = l.trim_start();
        l.starts_with("cargo ") || l.starts_with("scripts/") || l.starts_with("bash .ci")
    })
}

/// A bash in a pty with the sandbox's environment.
fn shell(dir: &Path, env: &[(String, String)]) -> rexpect::session::PtyReplSession {
    let mut cmd = std::process::Command::new("bash");
    cmd.args(["--norc", "--noprofile", "--noediting", "-i"])
        .env_clear()
        .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .env("PS1", PROMPT)
        // A line may hold several commands (`a; b`): the ERR trap marks a
        // failure of any of them, not only of the last.
        .env(
            "PROMPT_COMMAND",
            "rc=$?; [ -n \"$FAILED\" ] && rc=1; FAILED=; echo \"__RC=${rc}__\"",
        )
        .env("TERM", "dumb")
        .current_dir(dir);
    let session = rexpect::session::spawn_command(cmd, Some(120_000)).expect("spawn bash in a pty");
    let mut bash = rexpect::session::PtyReplSession::new(session, PROMPT.to_string())
        .quit_command(Some("exit".into()));
    bash.exp_regex(r"__RC=\d+__").expect("first status");
    bash.wait_for_prompt().expect("first prompt");
    bash.send_line("trap 'FAILED=1' ERR")
        .expect("set the ERR trap");
    bash.exp_regex(r"__RC=\d+__")
        .expect("status of the trap line");
    bash.wait_for_prompt().expect("first prompt");
    bash
}

/// Type `line`, answer its password prompts, and return (exit code, output).
/// The shell prints `__RC=<status>__` before each prompt (PROMPT_COMMAND).
fn run_line(bash: &mut rexpect::session::PtyReplSession, line: &str) -> (i32, String) {
    bash.send_line(line).expect("type the line");
    let mut seen = String::new();
    // A new password is asked for, then confirmed; each is answered once
    // (the prompt is drawn again, "[hidden]", once answered).
    let mut asked = [false, false];
    let status = rexpect::reader::Regex::new(r"__RC=\d+__").unwrap();
    loop {
        let mut until = vec![ReadUntil::Regex(status.clone())];
        if !asked[0] {
            until.push(ReadUntil::String("Password for ".into()));
        }
        if !asked[1] {
            until.push(ReadUntil::String("Confirm password".into()));
        }
        let (before, matched) = bash
            .exp_any(until)
            .unwrap_or_else(|e| panic!("`{line}` did not finish: {e}\n{seen}"));
        seen.push_str(&before);
        if let Some(code) = matched
            .strip_prefix("__RC=")
            .and_then(|m| m.strip_suffix("__"))
        {
            bash.wait_for_prompt().expect("prompt after the line");
            return (code.parse().unwrap(), seen);
        }
        asked[usize::from(matched.starts_with("Confirm"))] = true;
        seen.push_str(&matched);
        bash.exp_string(": ").expect("the prompt's colon");
        // The prompt turns echo off (flushing pending input) just after it
        // is drawn; on a loaded machine an answer typed at once can land
        // before that and be discarded, as a person's never is.
        std::thread::sleep(std::time::Duration::from_millis(500));
        bash.send_line("Quiet-Harbor-2027")
            .expect("answer the prompt");
    }
}

/// Fill the README's placeholders from the sandbox's current state.
fn fill(line: &str, env: &TestEnv, vars: &[(String, String)], langflow: bool) -> String {
    let json = |args: &[&str]| -> serde_json::Value {
        let mut all = vec!["--json"];
        if langflow {
            all.extend(["--profile", "langflow"]);
        }
        all.extend_from_slice(args);
        let mut cmd = env.cmd(&all);
        cmd.env_clear()
            .envs(vars.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        if langflow {
            cmd.env("LANGFLOW_CONFIG_DIR", env.path().join("langflow"));
        }
        let out = cmd.output().unwrap();
        serde_json::from_slice(&out.stdout).unwrap_or_default()
    };
    let mut line = line.to_string();
    if line.contains("<KID>") {
        let keys = json(&["keys", "list"]);
        let kid = keys
            .as_array()
            .and_then(|k| k.iter().find(|k| k["status"] == "retired"))
            .and_then(|k| k["kid"].as_str())
            .expect("a retired key for <KID>")
            .to_string();
        line = line.replace("<KID>", &kid);
    }
    if line.contains("<JTI>") {
        let tokens = json(&["token", "list", "--user", "admin"]);
        let jti = tokens
            .as_array()
            .and_then(|t| t.first())
            .and_then(|t| t["jti"].as_str())
            .expect("a refresh token for <JTI>")
            .to_string();
        line = line.replace("<JTI>", &jti);
    }
    line
}

/// The sandbox a reader would have: HOME, the files the examples name,
/// and `authctl` on PATH.
fn sandbox(env: &TestEnv) -> Vec<(String, String)> {
    let home = env.path().join("home");
    let bin = env.path().join("bin");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(BIN, bin.join("authctl")).unwrap();
    let work = env.path();
    std::fs::write(work.join("alice.pw"), "Quiet-Harbor-2027\n").unwrap();
    std::fs::write(
        work.join(".env"),
        "AUTHCTL_SUPERUSER=admin\nAUTHCTL_SUPERUSER_PASSWORD=Quiet-Harbor-2027\n",
    )
    .unwrap();
    std::fs::copy(fixture_key("rsa2048-pkcs8.pem"), work.join("key.pem")).unwrap();
    // LibreChat's folder, with the start of its .env.example's settings.
    std::fs::create_dir_all(work.join("librechat")).unwrap();
    std::fs::write(
        work.join("librechat/.env"),
        "HOST=localhost\nPORT=3080\nDOMAIN_CLIENT=https://chat.example.com\nALLOW_PASSWORD_RESET=false\n",
    )
    .unwrap();
    // The README's accounts.yaml, as written there.
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let accounts = readme
        .split("```yaml\n# accounts.yaml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the README's accounts.yaml block");
    std::fs::write(work.join("accounts.yaml"), accounts).unwrap();
    std::fs::write(
        work.join("new.key"),
        "q3Vn0mZl8u1cD2xk9Yh7RtPz4WbA6sJeLgFoNiMvKQE",
    )
    .unwrap();
    vec![
        ("PATH".into(), format!("{}:/usr/bin:/bin", bin.display())),
        ("HOME".into(), home.display().to_string()),
        (
            "XDG_CONFIG_HOME".into(),
            home.join(".config").display().to_string(),
        ),
        (
            "XDG_CACHE_HOME".into(),
            home.join(".cache").display().to_string(),
        ),
        ("AUTHCTL_BCRYPT_COST".into(), "10".into()),
        ("NO_COLOR".into(), "1".into()),
        ("ADMIN_PASSWORD".into(), "Correct-Horse-42!".into()),
        ("API_TOKEN".into(), "sk-live-0123456789".into()),
        (
            "CI_API_KEY".into(),
            "sk-Kq2v9TzL0xW3nB7yD4fH8jM1pR6sU5aE0cG2iO9kQ3w".into(),
        ),
        (
            "JWT_SECRET".into(),
            "yP4vR9tLq2wZ7mN3kS8dF6hJ1cX5bV0aGeUoTiRwQz".into(),
        ),
    ]
}

fn run_blocks(
    env: &TestEnv,
    vars: &[(String, String)],
    blocks: &[(usize, Vec<String>)],
    langflow: bool,
) -> usize {
    let mut bash = shell(env.path(), vars);
    let mut ran = 0;
    for (start, lines) in blocks {
        for (i, line) in lines.iter().enumerate() {
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let typed = fill(line, env, vars, langflow)
                .replace(
                    "/app/langflow",
                    &env.path().join("langflow").display().to_string(),
                )
                .replace(
                    "/app/flowise",
                    &env.path().join("flowise").display().to_string(),
                )
                .replace(
                    "/app/librechat",
                    &env.path().join("librechat").display().to_string(),
                )
                .replace(
                    "/app/open-webui",
                    &env.path().join("open-webui").display().to_string(),
                );
            let (code, output) = run_line(&mut bash, &typed);
            assert_eq!(
                code,
                0,
                "README.md:{}: `{line}` exited {code}:\n{output}",
                start + i
            );
            ran += 1;
        }
    }
    ran
}

#[test]
fn every_usage_example_in_the_readme_runs_as_written() {
    let blocks: Vec<_> = sh_blocks()
        .into_iter()
        .filter(|(_, l)| is_usage(l))
        .collect();
    let (flowise, blocks): (Vec<_>, Vec<_>) = blocks
        .into_iter()
        .partition(|(_, lines)| lines.iter().any(|l| l.contains("AUTHCTL_PROFILE=flowise")));
    assert_eq!(flowise.len(), 1, "one Flowise block");
    let (langflow, blocks): (Vec<_>, Vec<_>) = blocks
        .into_iter()
        .partition(|(_, lines)| lines.iter().any(|l| l.contains("AUTHCTL_PROFILE=langflow")));
    assert_eq!(langflow.len(), 1, "one Langflow block");
    let (open_webui, native): (Vec<_>, Vec<_>) = blocks.into_iter().partition(|(_, lines)| {
        lines
            .iter()
            .any(|l| l.contains("AUTHCTL_PROFILE=open-webui"))
    });
    assert_eq!(open_webui.len(), 1, "one Open WebUI block");

    // The Open WebUI block, in a folder holding a copy of the database a
    // real server made at its first start (no user yet, no key file).
    let ow = TestEnv::sqlite();
    let ow_vars = sandbox(&ow);
    let dir = ow.path().join("open-webui");
    std::fs::create_dir_all(dir.join("data")).unwrap();
    std::fs::copy(
        open_webui_fixture().join("snapshots/00-fresh.sqlite"),
        dir.join("data/webui.db"),
    )
    .unwrap();
    std::fs::copy(ow.path().join("alice.pw"), dir.join("alice.pw")).unwrap();
    let ran = run_blocks(&ow, &ow_vars, &open_webui, false);
    assert!(ran >= 15, "only {ran} Open WebUI lines ran");

    // The Flowise block, on a copy of a freshly migrated Flowise database.
    let fw = TestEnv::sqlite();
    let fw_vars = sandbox(&fw);
    let dir = fw.path().join("flowise");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        flowise_fixture().join("fresh.sqlite"),
        dir.join("database.sqlite"),
    )
    .unwrap();
    // The key files Flowise wrote at its first start.
    for e in std::fs::read_dir(flowise_fixture().join("home")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "key") {
            std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
        }
    }
    let ran = run_blocks(&fw, &fw_vars, &flowise, false);
    assert!(ran >= 7, "only {ran} Flowise lines ran");

    let env = TestEnv::new();
    let vars = sandbox(&env);
    let ran = run_blocks(&env, &vars, &native, false);
    assert!(ran > 50, "only {ran} example lines ran");

    // The Langflow block, on a copy of a real Langflow config dir.
    let lf = TestEnv::new();
    let mut lf_vars = sandbox(&lf);
    let dir = lf.path().join("langflow");
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["langflow.db", "secret_key"] {
        std::fs::copy(langflow_fixture().join(name), dir.join(name)).unwrap();
    }
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    for name in ["langflow.db", "secret_key"] {
        std::fs::set_permissions(dir.join(name), std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    std::fs::write(
        lf.path().join(".env"),
        "LANGFLOW_SUPERUSER=admin\nLANGFLOW_SUPERUSER_PASSWORD=Quiet-Harbor-2027\nLANGFLOW_AUTO_LOGIN=False\n",
    )
    .unwrap();
    let from_server = lf
        .cmd(&["--profile", "langflow", "token", "mint", "--user", "admin"])
        .env_clear()
        .envs(lf_vars.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .env("LANGFLOW_CONFIG_DIR", &dir)
        .output()
        .unwrap();
    assert!(
        from_server.status.success(),
        "{}",
        String::from_utf8_lossy(&from_server.stderr)
    );
    lf_vars.push((
        "TOKEN_FROM_SERVER".into(),
        String::from_utf8(from_server.stdout)
            .unwrap()
            .trim()
            .to_string(),
    ));
    let ran = run_blocks(&lf, &lf_vars, &langflow, true);
    assert!(ran >= 8, "only {ran} Langflow example lines ran");
}
