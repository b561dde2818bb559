//! What every app with a user store shares, run once per app from one
//! test each (`every_app!`): the user lifecycle, API keys from creation to
//! revocation, refusals that change nothing, and doctor's exit code. An
//! app's own file holds only what is its alone.

use crate::common::*;
use assert_cmd::Command;
use serde_json::Value;

/// One app's deployment in a temp dir, and how its names look.
struct App {
    env: TestEnv,
    profile: &'static str,
}

impl App {
    /// authctl's own store, with its first admin.
    fn native() -> App {
        let env = TestEnv::new();
        env.admin();
        App {
            env,
            profile: "native",
        }
    }

    /// A copy of the real Langflow 1.13 config dir.
    fn langflow() -> App {
        App {
            env: TestEnv::langflow(),
            profile: "langflow",
        }
    }

    /// A copy of the real Flowise 3.1.4 home (its admin, bob, the key files).
    fn flowise() -> App {
        App {
            env: TestEnv::flowise("home"),
            profile: "flowise",
        }
    }

    /// A copy of the real Open WebUI 0.12.4 home (its admin, pending
    /// bob, the admin's key).
    fn open_webui() -> App {
        App {
            env: TestEnv::open_webui("home"),
            profile: "open-webui",
        }
    }

    /// `authctl --profile … ARGS` on this deployment.
    fn cmd(&self, args: &[&str]) -> Command {
        match self.profile {
            "langflow" => self.env.lf(args),
            "flowise" => self.env.fw(args),
            "open-webui" => self.env.ow(args),
            _ => self.env.cmd(args),
        }
    }

    /// A login name this app accepts for `local` (Flowise's and Open
    /// WebUI's are emails).
    fn name(&self, local: &str) -> String {
        match self.profile {
            "flowise" | "open-webui" => format!("{local}@example.com"),
            _ => local.to_string(),
        }
    }

    /// Whether the app's API keys have names (Open WebUI's, one per
    /// user, have none).
    fn names_keys(&self) -> bool {
        self.profile != "open-webui"
    }

    /// `user show NAME --json`.
    fn show(&self, name: &str) -> Value {
        let a = self
            .cmd(&["--json", "user", "show", name])
            .assert()
            .success();
        serde_json::from_slice(&a.get_output().stdout).expect("JSON")
    }

    /// `user add NAME` with a good password, inactive unless `active`.
    fn add(&self, name: &str, active: bool) {
        let mut args = vec!["user", "add", name, "--password-env", "PW"];
        if active {
            args.push("--active");
        }
        self.cmd(&args).env("PW", PASSWORD).assert().success();
    }
}

/// A test run once per app: `every_app!(name, |app| { … })` makes
/// `name::native`, `name::langflow`, `name::flowise` and
/// `name::open_webui`.
macro_rules! every_app {
    ($name:ident, |$app:ident| $body:block) => {
        mod $name {
            use super::*;

            #[test]
            fn native() {
                let $app = App::native();
                $body
            }

            #[test]
            fn langflow() {
                let $app = App::langflow();
                $body
            }

            #[test]
            fn flowise() {
                let $app = App::flowise();
                $body
            }

            #[test]
            fn open_webui() {
                let $app = App::open_webui();
                $body
            }
        }
    };
}

every_app!(a_user_goes_through_its_whole_life, |app| {
    let dana = app.name("dana");
    app.add(&dana, false);
    assert_eq!(app.show(&dana)["is_active"], false);
    app.cmd(&["user", "activate", &dana]).assert().success();
    assert_eq!(app.show(&dana)["is_active"], true);
    // Again: nothing to change, and nothing fails.
    let a = app
        .cmd(&["--json", "user", "activate", &dana])
        .assert()
        .success();
    let again: Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
    assert_eq!(again[0]["is_active"], true, "{again}");
    app.cmd(&["user", "passwd", &dana, "--password-env", "PW"])
        .env("PW", "A-new-pass-for-carol-42")
        .assert()
        .success();
    app.cmd(&["user", "deactivate", &dana]).assert().success();
    assert_eq!(app.show(&dana)["is_active"], false);
    let listed = stdout(&app.cmd(&["user", "list"]).assert().success());
    assert!(listed.contains(&dana), "{listed}");
    app.cmd(&["user", "delete", &dana, "--yes"])
        .assert()
        .success();
    let a = app.cmd(&["user", "show", &dana]).assert().code(3);
    assert_one_line_error(&a, "does not exist");
});

every_app!(refusals_change_nothing, |app| {
    let dana = app.name("dana");
    app.add(&dana, true);
    let before = app.env.snapshot();
    let nobody = app.name("nobody");
    for (args, code, needle) in [
        (
            vec!["user", "activate", nobody.as_str()],
            3,
            "does not exist",
        ),
        (
            vec!["user", "delete", nobody.as_str(), "--yes"],
            3,
            "does not exist",
        ),
        (vec!["user", "delete", dana.as_str()], 2, "--yes"),
        (vec!["apikey", "revoke", "no-such-key"], 3, "no-such-key"),
    ] {
        let a = app.cmd(&args).assert().code(code);
        assert_one_line_error(&a, needle);
    }
    let a = app
        .cmd(&["user", "add", &dana, "--password-env", "PW"])
        .env("PW", PASSWORD)
        .assert()
        .code(4);
    assert_one_line_error(&a, "already");
    assert_eq!(app.env.snapshot(), before);
});

every_app!(an_api_key_is_shown_once_listed_never_and_revoked, |app| {
    let dana = app.name("dana");
    app.add(&dana, true);
    let mut args = vec!["--json", "apikey", "create", "--user", &dana];
    if app.names_keys() {
        args.extend(["--name", "ci-bot"]);
    }
    let a = app.cmd(&args).assert().success();
    let created: Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
    let key = created["key"].as_str().expect("the key, once").to_string();
    let id = created["api_key"]["id"]
        .as_str()
        .expect("its id")
        .to_string();
    assert!(key.len() >= 20, "{created}");
    let listed = stdout(&app.cmd(&["apikey", "list"]).assert().success());
    let shown = if app.names_keys() { "ci-bot" } else { &id };
    assert!(listed.contains(shown), "{listed}");
    assert!(!listed.contains(&key), "a listing shows no key: {listed}");
    app.cmd(&["apikey", "revoke", &id]).assert().success();
    // Gone (Langflow and Flowise delete the row) or kept inactive
    // (authctl's own keeps it for the record): never usable again.
    let a = app.cmd(&["--json", "apikey", "list"]).assert().success();
    let keys: Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
    assert!(
        !keys
            .as_array()
            .unwrap()
            .iter()
            .any(|k| k["id"] == id.as_str() && k["active"] == true),
        "{keys}"
    );
});

every_app!(doctor_exits_1_exactly_while_a_check_fails, |app| {
    let out = app.cmd(&["--json", "doctor"]).output().unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).expect("doctor JSON");
    let checks = report["checks"].as_array().expect("checks");
    assert!(!checks.is_empty());
    let failed = checks.iter().any(|c| c["status"] == "fail");
    assert_eq!(
        out.status.code(),
        Some(if failed { 1 } else { 0 }),
        "{report}"
    );
});

every_app!(a_missing_database_is_named_with_what_makes_it, |app| {
    let missing = app.env.path().join("elsewhere/missing.db");
    let db = missing.to_str().unwrap();
    let a = app.cmd(&["--db", db, "--json", "doctor"]).assert().code(1);
    let report: Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
    let check = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "db.readable")
        .expect("db.readable")
        .clone();
    assert_eq!(check["status"], "fail", "{check}");
    assert!(check["message"].as_str().unwrap().contains(db), "{check}");
    // authctl makes its own database; an app's is made by the app.
    let fix = match app.profile {
        "native" => "authctl superuser",
        "langflow" => "start Langflow once",
        "flowise" => "start Flowise once",
        _ => "start Open WebUI once",
    };
    assert!(check["fix"].as_str().unwrap().contains(fix), "{check}");
    let a = app.cmd(&["--db", db, "user", "list"]).assert().success();
    let err = String::from_utf8_lossy(&a.get_output().stderr).to_string();
    assert!(
        err.contains(&format!("database \"{db}\" does not exist")),
        "{err}"
    );
    let a = app
        .cmd(&["--db", db, "user", "show", &app.name("dana")])
        .assert()
        .code(3);
    assert_one_line_error(&a, fix);
    assert!(!missing.exists() && !missing.parent().unwrap().exists());
});
