//! `CREDS_KEY` rotation and rescue over LibreChat's stored credentials in
//! MongoDB: every kind of value LibreChat encrypts is made by LibreChat's
//! own ciphers (`@librechat/data-schemas` 0.0.71 under Node) and stored as
//! LibreChat stores it; after `secret rotate` (and `--from-key`, and the
//! finish of an interrupted rotation) LibreChat's ciphers under the new
//! `.env` read every one back.

use crate::librechat_users::{authctl, database, database_on, folder, librechat, oid, ok};
use crate::require_tier;
use serde_json::{json, Value};
use std::path::Path;

/// A pair of LibreChat's sizes (64 and 32 hex digits), from a seed.
fn pair(seed: u8) -> (String, String) {
    let hex = |n: usize, salt: u8| {
        (0..n)
            .map(|i| format!("{:02x}", (i as u8).wrapping_mul(31) ^ seed ^ salt))
            .collect::<String>()
    };
    (hex(32, 0x5a), hex(16, 0xa5))
}

/// LibreChat's cipher `op` (`encrypt`/`decrypt`) over `items`
/// (version, value) under `key`: each result, or `None` where it threw.
fn cipher(key: &(String, String), op: &str, items: &[(&str, String)]) -> Vec<Option<String>> {
    let ops: Vec<Value> = items
        .iter()
        .map(|(version, value)| json!({ "op": op, "version": version, "value": value }))
        .collect();
    crate::librechat::librechat(
        &crate::librechat::install(),
        &[("CREDS_KEY", key.0.as_str()), ("CREDS_IV", key.1.as_str())],
        &Value::Array(ops),
    )
    .into_iter()
    .map(|r| (r["ok"] == true).then(|| r["value"].as_str().unwrap_or_default().to_string()))
    .collect()
}

fn env_file(d: &Path, uri: &str, key: &(String, String)) {
    std::fs::write(
        d.join(".env"),
        format!(
            "# LibreChat\nMONGO_URI={uri}\nCREDS_KEY={}\nCREDS_IV={}\nOTHER=kept as it is\n",
            key.0, key.1
        ),
    )
    .unwrap();
}

fn env_pair(d: &Path) -> (String, String) {
    let text = std::fs::read_to_string(d.join(".env")).unwrap();
    let get = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}=")))
            .unwrap()
            .to_string()
    };
    assert!(text.contains("OTHER=kept as it is"), "{text}");
    (get("CREDS_KEY"), get("CREDS_IV"))
}

/// A document with `value` at the dotted `path`.
fn with_path(mut document: Value, path: &str, value: &str) -> Value {
    let mut here = &mut document;
    let parts: Vec<&str> = path.split('.').collect();
    for part in &parts[..parts.len() - 1] {
        here = here
            .as_object_mut()
            .unwrap()
            .entry(part.to_string())
            .or_insert_with(|| json!({}));
    }
    here[parts[parts.len() - 1]] = json!(value);
    document
}

fn at<'a>(document: &'a Value, path: &str) -> &'a Value {
    path.split('.').fold(document, |d, p| &d[p])
}

/// Every kind of value LibreChat keeps under CREDS_KEY: (collection,
/// field, cipher, the rest of its document, plaintext).
fn kinds() -> Vec<(
    &'static str,
    &'static str,
    &'static str,
    Value,
    &'static str,
)> {
    let user = "65f0a1b2c3d4e5f601234567";
    vec![
        (
            "keys",
            "value",
            "v1",
            json!({ "userId": oid(user), "name": "openAI" }),
            r#"{"apiKey":"sk-user-1"}"#,
        ),
        (
            "pluginauths",
            "value",
            "v1",
            json!({ "userId": user, "authField": "SERPAPI_API_KEY", "pluginKey": "serpapi" }),
            "serp-key-123",
        ),
        (
            "actions",
            "metadata.api_key",
            "v2",
            json!({ "action_id": "a1", "user": oid(user), "metadata": { "auth": { "type": "service_http" } } }),
            "service%20key",
        ),
        (
            "actions",
            "metadata.oauth_client_secret",
            "v2",
            json!({ "action_id": "a2", "user": oid(user) }),
            "client-secret-9",
        ),
        (
            "tokens",
            "token",
            "v2",
            json!({ "userId": oid(user), "type": "mcp_oauth", "identifier": "mcp:github" }),
            r#"{"access_token":"gho_abc"}"#,
        ),
        (
            "tokens",
            "token",
            "v2",
            json!({ "userId": oid(user), "type": "oauth_refresh", "identifier": "u:a1:refresh" }),
            "refresh-xyz",
        ),
        (
            "mcpservers",
            "config.oauth.client_secret",
            "v2",
            json!({ "serverName": "github" }),
            "mcp-client-secret",
        ),
        (
            "users",
            "totpSecret",
            "v3",
            json!({ "email": "totp@example.com" }),
            "JBSWY3DPEHPK3PXP",
        ),
        (
            "skillsynccredentials",
            "encryptedToken",
            "v2",
            json!({ "userId": oid(user) }),
            "ghp_skill_token",
        ),
        (
            "refreshtokenbridges",
            "encryptedNewRefreshToken",
            "v2",
            json!({ "key": "b1" }),
            "openid-refresh",
        ),
        (
            "openidrefreshflights",
            "encryptedResult",
            "v2",
            json!({ "key": "f1" }),
            r#"{"id_token":"x"}"#,
        ),
    ]
}

/// Every stored value of `kinds()`, as LibreChat reads it under `key`
/// (None where its decrypt throws or gives another text).
fn read_back(uri: &str, key: &(String, String)) -> Vec<Option<String>> {
    let ops: Vec<Value> = kinds()
        .iter()
        .map(|(collection, _, _, rest, _)| {
            let filter: serde_json::Map<String, Value> = rest
                .as_object()
                .unwrap()
                .iter()
                .filter(|(_, v)| !v.is_object() || v.get("$oid").is_some())
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            json!({ "op": "find", "collection": collection, "filter": filter })
        })
        .collect();
    let found = librechat(uri, Value::Array(ops));
    let items: Vec<(&str, String)> = kinds()
        .iter()
        .zip(&found)
        .map(|((_, path, version, _, _), d)| (*version, at(d, path).as_str().unwrap().to_string()))
        .collect();
    cipher(key, "decrypt", &items)
}

fn plaintexts() -> Vec<Option<String>> {
    kinds().iter().map(|k| Some(k.4.to_string())).collect()
}

/// Everything stored in the collections of `kinds()`, for "nothing changed".
fn everything(uri: &str) -> Vec<Value> {
    let ops: Vec<Value> = [
        "keys",
        "pluginauths",
        "actions",
        "tokens",
        "mcpservers",
        "users",
        "skillsynccredentials",
        "refreshtokenbridges",
        "openidrefreshflights",
    ]
    .iter()
    .map(|c| json!({ "op": "all", "collection": c }))
    .collect();
    librechat(uri, Value::Array(ops))
}

#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn creds_key_rotation_moves_every_value_librechat_encrypts() {
    require_tier();
    rotation(&database());
}

/// The same where MongoDB has no transactions: each value written alone.
#[test]
#[ignore = "real-server tier: scripts/e2e.sh"]
fn creds_key_rotation_on_a_standalone_mongodb() {
    require_tier();
    rotation(&database_on("MONGO_STANDALONE_URI"));
}

fn rotation(uri: &str) {
    let uri = uri.to_string();
    let dir = folder(&uri);
    let d = dir.path();
    let k1 = pair(1);
    env_file(d, &uri, &k1);
    // LibreChat's values under k1, stored as it stores them, and what is
    // not under CREDS_KEY: a plain (pre-encryption) 2FA secret, a token of
    // a type LibreChat does not encrypt.
    let items: Vec<(&str, String)> = kinds().iter().map(|k| (k.2, k.4.to_string())).collect();
    let sealed = cipher(&k1, "encrypt", &items);
    let mut ops: Vec<Value> = kinds()
        .iter()
        .zip(&sealed)
        .map(|((collection, path, _, rest, _), value)| {
            json!({ "op": "insert", "collection": collection,
                    "doc": with_path(rest.clone(), path, value.as_deref().unwrap()) })
        })
        .collect();
    ops.push(json!({ "op": "insert", "collection": "users", "doc": { "email": "plain@example.com", "totpSecret": "PLAINBASE32SECRET" } }));
    // (A token of no encrypted type is left alone even with a `:` in it.)
    ops.push(json!({ "op": "insert", "collection": "tokens", "doc": { "email": "dana@example.com", "token": "0123abcd:not-encrypted" } }));
    librechat(&uri, Value::Array(ops));
    assert_eq!(read_back(&uri, &k1), plaintexts());

    // A dry run counts them and changes nothing.
    let before = everything(&uri);
    let out = ok(d, &["--json", "secret", "rotate", "--dry-run"], None);
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["values"], kinds().len(), "{report}");
    assert_eq!(everything(&uri), before);
    assert_eq!(env_pair(d), k1);

    // A new pair given on stdin must be LibreChat's sizes, in hex: anything
    // else is refused before anything is written.
    for bad in ["nonsense", "CREDS_KEY=abcd\nCREDS_IV=ef01\n"] {
        let out = std::process::Command::new(crate::BIN)
            .args([
                "--profile",
                "librechat",
                "secret",
                "rotate",
                "--new-key-stdin",
                "--yes",
            ])
            .current_dir(d)
            .env_clear()
            .env("HOME", d)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut child| {
                use std::io::Write;
                child.stdin.take().unwrap().write_all(bad.as_bytes())?;
                child.wait_with_output()
            })
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains("CREDS_KEY=<64 hex digits>"), "{err}");
        assert_eq!(everything(&uri), before);
        assert_eq!(env_pair(d), k1);
        assert!(!d.join("authctl-creds.pending").exists());
    }

    // The rotation: a new pair in .env (the rest of it kept, the old file
    // backed up), and LibreChat reads every value under it, each in the
    // cipher it was in (LibreChat's decrypt for another cipher throws or
    // gives the stored text back); under the old pair none reads back.
    let out = ok(d, &["--json", "secret", "rotate", "--yes"], None);
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["values"], kinds().len(), "{report}");
    let k2 = env_pair(d);
    assert_ne!(k2, k1);
    assert_eq!((k2.0.len(), k2.1.len()), (64, 32));
    let backup = report["backup"].as_str().unwrap();
    assert!(std::fs::read_to_string(d.join(backup))
        .unwrap()
        .contains(&k1.0));
    assert_eq!(read_back(&uri, &k2), plaintexts());
    // (v3 has no integrity check: under the wrong key it gives garbage.)
    let old = read_back(&uri, &k1);
    assert!(
        old.iter().zip(plaintexts()).all(|(o, p)| *o != p),
        "{old:?}"
    );
    let after = everything(&uri);
    let untouched = |all: &[Value]| {
        (
            all[5]
                .as_array()
                .unwrap()
                .iter()
                .find(|u| u["email"] == "plain@example.com")
                .cloned(),
            all[3]
                .as_array()
                .unwrap()
                .iter()
                .find(|t| t["email"] == "dana@example.com")
                .cloned(),
        )
    };
    assert_eq!(untouched(&after), untouched(&before));
    let mode = std::fs::metadata(d.join(".env")).unwrap();
    assert_eq!(
        std::os::unix::fs::PermissionsExt::mode(&mode.permissions()) & 0o077,
        0
    );

    // A redeploy made a new pair (k3) and LibreChat saved one value under
    // it: identify finds the rest under the old .env, --from-key moves
    // them to k3 and leaves the new one.
    std::fs::copy(d.join(".env"), d.join("old.env")).unwrap();
    let k3 = pair(3);
    env_file(d, &uri, &k3);
    let fresh = cipher(
        &k3,
        "encrypt",
        &[("v1", "saved-after-redeploy".to_string())],
    );
    librechat(
        &uri,
        json!([{ "op": "insert", "collection": "keys",
                 "doc": { "name": "anthropic", "value": fresh[0].as_deref().unwrap() } }]),
    );
    let out = ok(d, &["--json", "secret", "identify", "old.env"], None);
    let found: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(found["total"], kinds().len() + 1, "{found}");
    let by = |name: &str| {
        found["candidates"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["candidate"].as_str().unwrap().starts_with(name))
            .map(|c| c["decrypts"].clone())
            .unwrap()
    };
    assert_eq!(by("the current key"), 1);
    assert_eq!(by("old.env"), kinds().len());
    let out = ok(
        d,
        &[
            "--json",
            "secret",
            "rotate",
            "--from-key",
            "old.env",
            "--yes",
        ],
        None,
    );
    let moved: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (moved["moved"].clone(), moved["kept"].clone()),
        (json!(kinds().len()), json!(1)),
        "{moved}"
    );
    assert_eq!(env_pair(d), k3);
    assert_eq!(read_back(&uri, &k3), plaintexts());

    // A value under neither key stops the rotation: nothing written, the
    // pair kept, no pending key left.
    let stray = cipher(
        &pair(4),
        "encrypt",
        &[("v2", "under-another-key".to_string())],
    );
    librechat(
        &uri,
        json!([{ "op": "insert", "collection": "pluginauths",
                 "doc": { "authField": "X", "value": stray[0].as_deref().unwrap() } }]),
    );
    let before = everything(&uri);
    let (code, _, err) = authctl(d, &["secret", "rotate", "--yes"], None);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("pluginauths.value of"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert_eq!(everything(&uri), before);
    assert_eq!(env_pair(d), k3);
    assert!(!d.join("authctl-creds.pending").exists());
    librechat(
        &uri,
        json!([{ "op": "delete", "collection": "pluginauths", "filter": { "authField": "X" } }]),
    );

    // A rotation cut off after some values moved (its pending pair written,
    // one value under it): the next `secret rotate` finishes it.
    let k5 = pair(5);
    std::fs::write(
        d.join("authctl-creds.pending"),
        format!("CREDS_KEY={}\nCREDS_IV={}\n", k5.0, k5.1),
    )
    .unwrap();
    let moved_one = cipher(&k5, "encrypt", &[("v1", kinds()[0].4.to_string())]);
    librechat(
        &uri,
        json!([{ "op": "update", "collection": "keys", "filter": { "name": "openAI" },
                 "update": { "$set": { "value": moved_one[0].as_deref().unwrap() } } }]),
    );
    let out = ok(d, &["--json", "secret", "rotate", "--yes"], None);
    let finished: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(finished["interrupted"], "finished", "{finished}");
    assert_eq!(env_pair(d), k5);
    assert!(!d.join("authctl-creds.pending").exists());
    assert_eq!(read_back(&uri, &k5), plaintexts());

    // The pair must be where LibreChat reads it.
    let (code, _, err) = authctl(
        d,
        &["--env-file", "old.env", "secret", "rotate", "--yes"],
        None,
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("without --env-file"), "{err}");
}
