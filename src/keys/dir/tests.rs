//! The key directory's behaviour, on temp dirs.

use super::*;
use crate::keys::testkeys::{self, PKCS1_PUB, PKCS8, PKCS8_PUB};
use crate::keys::{parse_private_pem, parse_public_pem};
use std::fs;

fn setup() -> (tempfile::TempDir, KeyDir) {
    let tmp = tempfile::tempdir().unwrap();
    let keys = KeyDir::new(&tmp.path().join("config"));
    (tmp, keys)
}

fn import(key: RsaPrivateKey) -> EnsureOptions {
    EnsureOptions {
        import: Some(key),
        ..Default::default()
    }
}

fn place(keys: &KeyDir, name: &str, contents: &str) {
    fs::create_dir_all(keys.path()).unwrap();
    fs::write(keys.path().join(name), contents).unwrap();
}

fn kid_of(pem: &str) -> String {
    thumbprint(&parse_public_pem(pem).unwrap())
}

fn snapshot(keys: &KeyDir) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![keys.path().to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push((path.display().to_string(), fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn creates_a_pair_then_reuses_it_then_rotates_with_force() {
    let (_tmp, keys) = setup();
    let first = keys
        .ensure_rsa(Alg::RS256, 2048, EnsureOptions::default())
        .unwrap();
    assert!(first.created && first.derived_public && !first.imported);
    assert_eq!(
        (first.bits, first.retired.clone(), first.backup.clone()),
        (2048, None, None)
    );
    assert!(first.warnings.is_empty());
    let private = fs::read_to_string(keys.private_key_path()).unwrap();
    let public = fs::read_to_string(keys.public_key_path()).unwrap();
    assert!(private.starts_with("-----BEGIN PRIVATE KEY-----\n"));
    assert!(public.starts_with("-----BEGIN PUBLIC KEY-----\n"));
    assert_eq!(first.kid, kid_of(&public));
    assert_eq!(fsutil::mode_of(&keys.private_key_path()), Some(0o600));
    assert_eq!(fsutil::mode_of(&keys.public_key_path()), Some(0o644));
    assert_eq!(fsutil::mode_of(keys.path()), Some(0o700));
    let list = keys.list().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].kid, first.kid);
    assert_eq!(list[0].alg, Some(Alg::RS256));
    assert_eq!(list[0].status, KeyStatus::Current);

    let before = snapshot(&keys);
    let again = keys
        .ensure_rsa(Alg::RS256, 2048, EnsureOptions::default())
        .unwrap();
    assert!(!again.created && !again.derived_public);
    assert_eq!(again.kid, first.kid);
    assert_eq!(snapshot(&keys), before, "a reuse writes nothing");

    let rotated = keys
        .ensure_rsa(
            Alg::RS512,
            2048,
            EnsureOptions {
                force: true,
                ..Default::default()
            },
        )
        .unwrap();
    assert!(rotated.created);
    assert_ne!(rotated.kid, first.kid);
    assert_eq!(rotated.retired.as_deref(), Some(first.kid.as_str()));
    let backup = rotated.backup.unwrap();
    assert_eq!(fs::read_to_string(&backup).unwrap(), private);
    assert_eq!(fsutil::mode_of(&backup), Some(0o600));
    let kids: Vec<String> = keys.jwks().unwrap()["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(kids, [rotated.kid.clone(), first.kid.clone()]);
}

#[test]
fn reuses_a_hand_placed_pair_without_writing() {
    let (_tmp, keys) = setup();
    place(&keys, PRIVATE_KEY_FILE, PKCS8);
    place(&keys, PUBLIC_KEY_FILE, PKCS8_PUB);
    let before = snapshot(&keys);
    let report = keys
        .ensure_rsa(Alg::RS256, 2048, import(testkeys::pkcs8()))
        .unwrap();
    assert!(!report.created && !report.derived_public && !report.imported);
    let report = keys
        .ensure_rsa(Alg::RS256, 2048, EnsureOptions::default())
        .unwrap();
    assert!(!report.created);
    assert_eq!(report.kid, kid_of(PKCS8_PUB));
    assert_eq!(snapshot(&keys), before);
    assert!(!keys.manifest_path().exists());
    // Not in a manifest: the info is derived from the files.
    let info = &keys.list().unwrap()[0];
    assert_eq!(info.alg, None);
    assert_eq!(info.status, KeyStatus::Current);
    assert_eq!(info.created_at, mtime_rfc3339(&keys.private_key_path()));
    let jwks = keys.jwks().unwrap();
    assert!(jwks["keys"][0].get("alg").is_none());
    let (private, public) = keys.current().unwrap().unwrap();
    assert_eq!(private, testkeys::pkcs8());
    assert_eq!(public, parse_public_pem(PKCS8_PUB).unwrap());
}

#[test]
fn derives_a_missing_public_key() {
    let (_tmp, keys) = setup();
    place(&keys, PRIVATE_KEY_FILE, testkeys::PKCS1);
    let report = keys
        .ensure_rsa(Alg::RS256, 2048, EnsureOptions::default())
        .unwrap();
    assert!(!report.created && report.derived_public);
    assert_eq!(
        fs::read_to_string(keys.public_key_path()).unwrap(),
        PKCS1_PUB
    );
    assert_eq!(fsutil::mode_of(&keys.public_key_path()), Some(0o644));
    // The private key file is left as it was (PKCS#1 here).
    assert_eq!(
        fs::read_to_string(keys.private_key_path()).unwrap(),
        testkeys::PKCS1
    );
    assert_eq!(keys.list().unwrap()[0].alg, Some(Alg::RS256));
}

#[test]
fn refuses_a_public_key_that_does_not_match() {
    let (_tmp, keys) = setup();
    place(&keys, PRIVATE_KEY_FILE, PKCS8);
    place(&keys, PUBLIC_KEY_FILE, PKCS1_PUB);
    let before = snapshot(&keys);
    let err = keys
        .ensure_rsa(Alg::RS256, 2048, EnsureOptions::default())
        .unwrap_err();
    assert_eq!(err.exit_code(), 4);
    assert!(err.to_string().contains("does not match"), "{err}");
    assert_eq!(keys.current().unwrap_err().exit_code(), 4);
    assert_eq!(keys.jwks().unwrap_err().exit_code(), 4);
    assert_eq!(snapshot(&keys), before);
    // --force with the same key repairs the public key.
    let report = keys
        .ensure_rsa(
            Alg::RS256,
            2048,
            EnsureOptions {
                force: true,
                import: Some(testkeys::pkcs8()),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(!report.created && report.derived_public);
    assert_eq!(
        fs::read_to_string(keys.public_key_path()).unwrap(),
        PKCS8_PUB
    );
}

#[test]
fn imports_pkcs1_as_pkcs8_and_pkcs8_as_is() {
    for (pem, public) in [(testkeys::PKCS1, PKCS1_PUB), (PKCS8, PKCS8_PUB)] {
        let (_tmp, keys) = setup();
        let key = parse_private_pem(pem).unwrap();
        let report = keys
            .ensure_rsa(Alg::RS512, 2048, import(key.clone()))
            .unwrap();
        assert!(report.created && report.imported && report.derived_public);
        let stored = fs::read_to_string(keys.private_key_path()).unwrap();
        assert!(stored.starts_with("-----BEGIN PRIVATE KEY-----\n"));
        assert_eq!(parse_private_pem(&stored).unwrap(), key);
        assert_eq!(fs::read_to_string(keys.public_key_path()).unwrap(), public);
        assert_eq!(fsutil::mode_of(&keys.private_key_path()), Some(0o600));
        let list = keys.list().unwrap();
        assert_eq!(list[0].alg, Some(Alg::RS512));
        assert_eq!(list[0].bits, 2048);
    }
}

#[test]
fn rotation_by_import_needs_force_and_keeps_the_old_key_verifying() {
    let (_tmp, keys) = setup();
    keys.ensure_rsa(Alg::RS256, 2048, import(testkeys::pkcs8()))
        .unwrap();
    let old_private = fs::read_to_string(keys.private_key_path()).unwrap();
    let before = snapshot(&keys);
    let err = keys
        .ensure_rsa(Alg::RS256, 2048, import(testkeys::pkcs1()))
        .unwrap_err();
    assert_eq!(err.exit_code(), 4);
    assert!(err.to_string().contains("--force"), "{err}");
    assert_eq!(snapshot(&keys), before);

    let old_kid = kid_of(PKCS8_PUB);
    let new_kid = kid_of(PKCS1_PUB);
    let report = keys
        .ensure_rsa(
            Alg::RS256,
            2048,
            EnsureOptions {
                force: true,
                import: Some(testkeys::pkcs1()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(report.kid, new_kid);
    assert_eq!(report.retired.as_deref(), Some(old_kid.as_str()));
    let backup = report.backup.unwrap();
    assert_eq!(fs::read_to_string(&backup).unwrap(), old_private);
    let retired_file = keys.retired_dir().join(format!("{old_kid}.pem"));
    assert_eq!(fs::read_to_string(&retired_file).unwrap(), PKCS8_PUB);
    assert_eq!(fsutil::mode_of(&retired_file), Some(0o644));
    assert_eq!(
        fs::read_to_string(keys.public_key_path()).unwrap(),
        PKCS1_PUB
    );
    // No stray backups of the public key or the manifest.
    let names: Vec<String> = fs::read_dir(keys.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names.iter().filter(|n| n.ends_with(".bak")).count(),
        1,
        "{names:?}"
    );

    let list = keys.list().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(
        (list[0].kid.as_str(), list[0].status),
        (new_kid.as_str(), KeyStatus::Current)
    );
    assert_eq!(
        (list[1].kid.as_str(), list[1].status),
        (old_kid.as_str(), KeyStatus::Retired)
    );
    assert!(list[1].retired_at.is_some() && list[0].retired_at.is_none());
    assert_eq!(list[1].alg, Some(Alg::RS256));

    let verification = keys.verification_keys().unwrap();
    assert_eq!(verification.len(), 2);
    assert_eq!(verification[1].key, parse_public_pem(PKCS8_PUB).unwrap());

    let jwks = keys.jwks().unwrap();
    let jwk_list = jwks["keys"].as_array().unwrap();
    assert_eq!(jwk_list.len(), 2);
    for jwk in jwk_list {
        for private_member in ["d", "p", "q", "dp", "dq", "qi"] {
            assert!(jwk.get(private_member).is_none());
        }
        assert_eq!(jwk["alg"], "RS256");
    }

    // Importing the current key again, even with --force, is a reuse.
    let again = keys
        .ensure_rsa(
            Alg::RS256,
            2048,
            EnsureOptions {
                force: true,
                import: Some(testkeys::pkcs1()),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(!again.created && again.retired.is_none());

    // Bringing the retired key back makes it current and retires the other.
    let back = keys
        .ensure_rsa(
            Alg::RS256,
            2048,
            EnsureOptions {
                force: true,
                import: Some(testkeys::pkcs8()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(back.retired.as_deref(), Some(new_kid.as_str()));
    assert!(!retired_file.exists());
    let list = keys.list().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(
        (list[0].kid.as_str(), list[0].status),
        (old_kid.as_str(), KeyStatus::Current)
    );
}

#[test]
fn retire_drops_a_retired_key_only() {
    let (_tmp, keys) = setup();
    keys.ensure_rsa(Alg::RS256, 2048, import(testkeys::pkcs8()))
        .unwrap();
    keys.ensure_rsa(
        Alg::RS256,
        2048,
        EnsureOptions {
            force: true,
            import: Some(testkeys::pkcs1()),
            ..Default::default()
        },
    )
    .unwrap();
    let old_kid = kid_of(PKCS8_PUB);
    let new_kid = kid_of(PKCS1_PUB);

    let err = keys.retire(&new_kid).unwrap_err();
    assert_eq!(err.exit_code(), 4);
    assert!(err.to_string().contains("keygen --force"), "{err}");
    let err = keys.retire("no-such-kid").unwrap_err();
    assert_eq!(err.exit_code(), 3);

    let dropped = keys.retire(&old_kid).unwrap();
    assert_eq!(dropped.kid, old_kid);
    assert_eq!(dropped.status, KeyStatus::Dropped);
    assert!(!keys.retired_dir().join(format!("{old_kid}.pem")).exists());
    let kids: Vec<String> = keys.list().unwrap().into_iter().map(|k| k.kid).collect();
    assert_eq!(kids, [new_kid]);
    assert_eq!(keys.jwks().unwrap()["keys"].as_array().unwrap().len(), 1);
    let manifest = fs::read_to_string(keys.manifest_path()).unwrap();
    assert!(!manifest.contains(&old_kid));
    assert_eq!(keys.retire(&old_kid).unwrap_err().exit_code(), 3);
}

#[test]
fn hand_placed_retired_keys_are_found_and_can_be_dropped() {
    let (_tmp, keys) = setup();
    place(&keys, PRIVATE_KEY_FILE, PKCS8);
    fs::create_dir_all(keys.retired_dir()).unwrap();
    fs::write(keys.retired_dir().join("old.pem"), testkeys::PKCS1_RSAPUB).unwrap();
    fs::write(keys.retired_dir().join(".authctl-tmp-x"), "junk").unwrap();
    fs::write(keys.retired_dir().join("notes.txt"), "junk").unwrap();
    let list = keys.list().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[1].kid, kid_of(PKCS1_PUB));
    assert_eq!(list[1].status, KeyStatus::Retired);
    assert!(list[1].retired_at.is_some());
    keys.retire(&kid_of(PKCS1_PUB)).unwrap();
    assert!(!keys.retired_dir().join("old.pem").exists());

    fs::write(keys.retired_dir().join("bad.pem"), "not a key").unwrap();
    let err = keys.list().unwrap_err();
    assert_eq!(err.exit_code(), 5);
    assert!(err.to_string().contains("bad.pem"), "{err}");
}

#[test]
fn public_override_must_match() {
    let (_tmp, keys) = setup();
    let wrong = parse_public_pem(PKCS1_PUB).unwrap();
    let err = keys
        .ensure_rsa(
            Alg::RS256,
            2048,
            EnsureOptions {
                import: Some(testkeys::pkcs8()),
                public_override: Some(wrong.clone()),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert_eq!(err.exit_code(), 4);
    assert!(!keys.private_key_path().exists());
    // Nothing to match when generating: refused before any work.
    let err = keys
        .ensure_rsa(
            Alg::RS256,
            2048,
            EnsureOptions {
                public_override: Some(wrong),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert_eq!(err.exit_code(), 4);
    let right = parse_public_pem(PKCS8_PUB).unwrap();
    let report = keys
        .ensure_rsa(
            Alg::RS256,
            2048,
            EnsureOptions {
                import: Some(testkeys::pkcs8()),
                public_override: Some(right),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(report.created);
}

#[test]
fn a_lone_public_key_verifies_but_blocks_generation() {
    let (_tmp, keys) = setup();
    place(&keys, PUBLIC_KEY_FILE, PKCS8_PUB);
    assert!(keys.current().unwrap().is_none());
    let verification = keys.verification_keys().unwrap();
    assert_eq!(verification.len(), 1);
    assert_eq!(verification[0].kid, kid_of(PKCS8_PUB));
    assert_eq!(verification[0].status, KeyStatus::Current);
    let err = keys
        .ensure_rsa(Alg::RS256, 2048, EnsureOptions::default())
        .unwrap_err();
    assert_eq!(err.exit_code(), 4);
    assert!(err.to_string().contains("without its private key"), "{err}");
    let err = keys
        .ensure_rsa(Alg::RS256, 2048, import(testkeys::pkcs1()))
        .unwrap_err();
    assert_eq!(err.exit_code(), 4);
    // Its own private key completes it.
    let report = keys
        .ensure_rsa(Alg::RS256, 2048, import(testkeys::pkcs8()))
        .unwrap();
    assert!(report.created && report.retired.is_none());
}

#[test]
fn a_bad_private_key_file_needs_force_and_is_backed_up() {
    let (_tmp, keys) = setup();
    place(&keys, PRIVATE_KEY_FILE, testkeys::EC);
    let err = keys
        .ensure_rsa(Alg::RS256, 2048, import(testkeys::pkcs8()))
        .unwrap_err();
    assert_eq!(err.exit_code(), 2);
    let message = err.to_string();
    assert!(message.contains(PRIVATE_KEY_FILE), "{message}");
    assert!(message.contains("RSA key for RS256/RS512"), "{message}");
    assert!(message.contains("--force"), "{message}");
    assert_eq!(keys.current().unwrap_err().exit_code(), 2);
    let report = keys
        .ensure_rsa(
            Alg::RS256,
            2048,
            EnsureOptions {
                force: true,
                import: Some(testkeys::pkcs8()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        fs::read_to_string(report.backup.unwrap()).unwrap(),
        testkeys::EC
    );
    assert!(report.retired.is_none());
}

#[test]
fn manifest_missing_is_rebuilt_and_corrupt_is_a_failure() {
    let (_tmp, keys) = setup();
    keys.ensure_rsa(Alg::RS512, 2048, import(testkeys::pkcs8()))
        .unwrap();
    assert_eq!(fsutil::mode_of(&keys.manifest_path()), Some(0o644));
    fs::remove_file(keys.manifest_path()).unwrap();
    assert_eq!(keys.list().unwrap()[0].alg, None);

    fs::write(keys.manifest_path(), "{ not json").unwrap();
    for err in [
        keys.list().unwrap_err(),
        keys.jwks().unwrap_err(),
        keys.ensure_rsa(Alg::RS256, 2048, EnsureOptions::default())
            .unwrap_err(),
    ] {
        assert_eq!(err.exit_code(), 5);
        let message = err.to_string();
        assert!(message.contains(MANIFEST_FILE), "{message}");
        assert!(message.contains("remove it"), "{message}");
    }
    fs::write(keys.manifest_path(), r#"{"version": 99, "keys": []}"#).unwrap();
    assert_eq!(keys.list().unwrap_err().exit_code(), 5);
}

#[test]
fn warns_about_a_private_key_readable_by_others() {
    use std::os::unix::fs::PermissionsExt;
    let (_tmp, keys) = setup();
    place(&keys, PRIVATE_KEY_FILE, PKCS8);
    fs::set_permissions(keys.private_key_path(), fs::Permissions::from_mode(0o644)).unwrap();
    let report = keys
        .ensure_rsa(Alg::RS256, 2048, EnsureOptions::default())
        .unwrap();
    assert_eq!(report.warnings.len(), 1);
    assert!(
        report.warnings[0].contains("chmod 600"),
        "{:?}",
        report.warnings
    );
}

#[test]
fn bad_bits_are_refused_first_and_debug_hides_the_key() {
    let (_tmp, keys) = setup();
    let err = keys
        .ensure_rsa(Alg::RS256, 1024, EnsureOptions::default())
        .unwrap_err();
    assert_eq!(err.exit_code(), 2);
    let debug = format!("{:?}", import(testkeys::pkcs8()));
    assert!(debug.contains("REDACTED"), "{debug}");
    assert!(debug.len() < 200, "{debug}");
}

#[test]
fn report_serializes_with_the_documented_fields() {
    let (_tmp, keys) = setup();
    let report = keys
        .ensure_rsa(Alg::RS256, 2048, import(testkeys::pkcs8()))
        .unwrap();
    let json = serde_json::to_value(&report).unwrap();
    for field in [
        "alg",
        "bits",
        "kid",
        "private_key",
        "public_key",
        "created",
        "derived_public",
        "retired",
        "backup",
    ] {
        assert!(json.get(field).is_some(), "{field} missing in {json}");
    }
    assert_eq!(json["alg"], "RS256");
}
