//! The file audit trail (Langflow and Flowise, whose schemas have no place
//! for one): what a command committed always reaches the user. An audit
//! file that cannot be appended to stops the change before it begins; one
//! that fails after the commit (a full disk) is reported after the output,
//! with exit 5, and the new key or generated password is still delivered.

use crate::common::*;
use serde_json::Value;
use std::os::unix::fs::MetadataExt;
use std::process::Output;

const AUDIT: &str = "authctl-audit.jsonl";

/// `authctl --profile flowise ARGS` on `env`'s Flowise home, with
/// RLIMIT_FSIZE set so that the audit file, already past the limit
/// (sparse), can no longer grow while the database can: a full disk for
/// the audit trail alone. SIGXFSZ is ignored, so the write fails with
/// EFBIG instead of killing the process.
fn with_full_audit(env: &TestEnv, args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let audit = env.config_dir().join(AUDIT);
    let f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .append(true)
        .open(&audit)
        .unwrap();
    f.set_len(1 << 30).unwrap();
    let mut c = std::process::Command::new("bash");
    c.env_clear()
        .envs(env.vars())
        .env_remove("AUTHCTL_CONFIG_DIR")
        .env("SECRETKEY_PATH", env.config_dir())
        .env("DATABASE_PATH", env.config_dir())
        .current_dir(env.path())
        .args(["-c", "trap '' XFSZ; ulimit -f 262144; exec \"$@\"", "bash"])
        .args([BIN, "--profile", "flowise"])
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = c.spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn last_line(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_key_committed_is_shown_though_its_audit_record_cannot_be_written() {
    let env = TestEnv::flowise("home");
    let out = with_full_audit(
        &env,
        &[
            "--json",
            "apikey",
            "create",
            "--user",
            "admin@example.com",
            "--name",
            "ci",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(5), "{out:?}");
    assert!(
        last_line(&out).contains("audit record could not be written"),
        "{out:?}"
    );
    // The key printed is the key committed, and it works.
    let created: Value = serde_json::from_slice(&out.stdout).expect("the key, as JSON");
    let key = created["key"].as_str().unwrap();
    let id = created["api_key"]["id"].as_str().unwrap();
    assert_eq!(
        env.fw_sql(&format!("select count(*) from apikey where id = '{id}'")),
        "1"
    );
    env.fw(&["apikey", "list"]).assert().success();
    assert!(!key.is_empty());
}

#[test]
fn generated_passwords_committed_are_kept_though_the_audit_fails() {
    let env = TestEnv::flowise("home");
    let f = env.path().join("accounts.yaml");
    std::fs::write(
        &f,
        "users:\n  - name: carol@example.com\n    active: true\n    generate: true\n",
    )
    .unwrap();
    let secrets = env.path().join("secrets.json");
    let out = with_full_audit(
        &env,
        &[
            "apply",
            "--secrets-out",
            &secrets.display().to_string(),
            &f.display().to_string(),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(5), "{out:?}");
    assert!(
        last_line(&out).contains("audit record could not be written"),
        "{out:?}"
    );
    let kept: Value = serde_json::from_slice(&std::fs::read(&secrets).expect("secrets kept"))
        .expect("secrets JSON");
    let pw = kept["users"][0]["password"].as_str().unwrap();
    let hash = env.fw_sql("select credential from user where email = 'carol@example.com'");
    assert!(
        bcrypt_ok(pw, &hash),
        "the kept password is the committed one"
    );
}

#[test]
fn an_audit_file_this_user_cannot_append_to_stops_the_change_before_it_begins() {
    // A root-owned audit file left by an earlier `sudo authctl`, then a run
    // as the app's user: nothing is committed, the error names the file.
    // Only root can hand files to another uid; CI runs as root.
    if !is_root() {
        return;
    }
    let env = TestEnv::flowise("home");
    let dir = env.config_dir();
    let audit = dir.join(AUDIT);
    std::fs::write(&audit, "").unwrap();
    // The home and everything in it belong to uid 4242, but the audit file to root.
    let chown = |p: &std::path::Path, id: u32| {
        std::os::unix::fs::chown(p, Some(id), Some(id)).unwrap();
    };
    chown(env.path(), 4242);
    for p in [env.path().join("home"), dir.clone()] {
        if p.exists() {
            chown(&p, 4242);
        }
    }
    for e in std::fs::read_dir(&dir).unwrap() {
        chown(&e.unwrap().path(), 4242);
    }
    chown(&audit, 0);
    let before = env.snapshot();
    let mut c = std::process::Command::new("setpriv");
    c.args(["--reuid=4242", "--regid=4242", "--clear-groups", BIN])
        .args(["--profile", "flowise", "apikey", "create", "--user"])
        .args(["admin@example.com", "--name", "ci"])
        .env_clear()
        .envs(env.vars())
        .env_remove("AUTHCTL_CONFIG_DIR")
        .env("SECRETKEY_PATH", &dir)
        .env("DATABASE_PATH", &dir)
        .current_dir(env.path());
    let out = c.output().unwrap();
    assert_eq!(out.status.code(), Some(5), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("audit trail") && err.contains("nothing was changed"),
        "{err}"
    );
    assert_eq!(env.snapshot(), before);
    assert_eq!(std::fs::metadata(&audit).unwrap().uid(), 0);
}

#[test]
fn files_replaced_as_root_keep_their_owner_and_new_ones_get_the_directorys() {
    // `sudo authctl` in a Flowise home owned by the app's user (uid 4242):
    // the rotated key, the .env init merges into, and the new audit file
    // must all stay readable by the app.
    if !is_root() {
        return; // only root can own files for another uid; CI runs as root
    }
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::flowise("home");
    let dir = env.config_dir();
    let dotenv = dir.join(".env");
    std::fs::write(&dotenv, "PORT=3000\n").unwrap();
    std::fs::set_permissions(&dotenv, std::fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::chown(&dir, Some(4242), Some(4243)).unwrap();
    for e in std::fs::read_dir(&dir).unwrap() {
        std::os::unix::fs::chown(e.unwrap().path(), Some(4242), Some(4243)).unwrap();
    }
    let key = dir.join("encryption.key");
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    env.fw(&["secret", "rotate", "--yes"]).assert().success();
    env.fw(&["init", "--out", dotenv.to_str().unwrap()])
        .assert()
        .success();
    let owner = |p: &std::path::Path| {
        let m = std::fs::metadata(p).unwrap();
        (m.uid(), m.gid(), m.permissions().mode() & 0o777)
    };
    // Replaced: owner and group kept, the mode no looser than authctl's.
    assert_eq!(owner(&key), (4242, 4243, 0o600));
    assert_eq!(owner(&dotenv), (4242, 4243, 0o600));
    assert!(std::fs::read_to_string(&dotenv)
        .unwrap()
        .contains("PORT=3000"));
    // New in the app's directory: the directory's owner.
    assert_eq!(owner(&dir.join(AUDIT)), (4242, 4243, 0o600));
    let backups: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.to_string_lossy().contains("encryption.key.") && p.to_string_lossy().ends_with(".bak")
        })
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(owner(&backups[0]).0, 4242);
    // Directories made two levels deep in the app's directory are the
    // app's too, and so is what is written into them.
    let deep = dir.join("state").join("keys");
    env.fw(&["init", "--format", "files", "--out", deep.to_str().unwrap()])
        .assert()
        .success();
    assert_eq!(owner(&dir.join("state")), (4242, 4243, 0o700));
    assert_eq!(owner(&deep), (4242, 4243, 0o700));
    assert_eq!(owner(&deep.join("jwt_auth_token_secret.key")).0, 4242);
}
