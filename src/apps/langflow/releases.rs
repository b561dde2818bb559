//! The Langflow releases authctl knows, by the alembic head each one's
//! migrations end at, with what changes how authctl reads and writes them.
//! The heads are read from each release's published package
//! (`langflow-base` on PyPI, `langflow/alembic/versions`: the revisions no
//! other revision names as its `down_revision`); Langflow 1.x.y's backend
//! is `langflow-base` 0.x.y up to 1.11 and 1.x.y from 1.12. Patch releases
//! carry heads of their own, and one head can stand for several patch
//! releases.
//!
//! The facts are read from the same packages
//! (`services/database/models/{user,api_key}/model.py`,
//! `api_key/crud.py`, `services/auth/utils.py` and `service.py`) and
//! checked on the real servers of 1.1.4, 1.3.4, 1.5.1, 1.8.4, 1.10.3,
//! 1.11.6, 1.12.8 and 1.13.0 (`tests/fixtures/langflow-versions/README.md`);
//! a test checks the columns against the databases those servers made.
//!
//! - `user.optins` from 1.4.0.
//! - API keys: the key itself up to 1.7.x (`check_key` compares
//!   `api_key = key`); Fernet under the secret key from 1.8.0; with its
//!   SHA-256 in `api_key_hash` from 1.9.0; `expires_at` from 1.10.0.
//! - A secret key under 32 characters: `random.seed(secret)` bytes up to
//!   1.10.0; SHA-256 from 1.10.1, which does not read the old key back;
//!   from 1.11 the old key is tried again when decrypting. 1.10.0 and
//!   1.10.1 share one head, so their databases do not say which derivation
//!   wrote them: there a short key is used only to read.

use crate::secrets::Derivation;
use crate::store::ApiKeyStorage;

/// One release, or a run of patch releases that share a head.
pub struct Release {
    /// The versions, as operators name them: "1.12.3–1.12.8".
    pub versions: &'static str,
    /// The alembic head their databases are at.
    pub head: &'static str,
    /// What differs between releases, as authctl reads and writes it.
    pub facts: Facts,
}

/// What a release's schema and code do differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Facts {
    /// `user.optins` exists.
    pub optins: bool,
    /// How `apikey` keeps a key: `Plain`, `Encrypted` (Fernet, no hash) or
    /// `EncryptedAndHash` (Fernet and `api_key_hash`).
    pub api_keys: ApiKeyStorage,
    /// `apikey.expires_at` exists.
    pub key_expiry: bool,
    /// How a secret key under 32 characters becomes its Fernet key.
    pub derivation: Derivation,
}

/// 1.10.0 and 1.10.1 derive a short key's Fernet key differently and share
/// a head.
pub(crate) const UNSETTLED: Derivation = Derivation::Unsettled(
    "Langflow 1.10.0 and 1.10.1 turn a secret key under 32 characters into different Fernet keys, and their databases do not say which release wrote them, so authctl encrypts nothing under a short key there; rotate to a generated key first (`authctl --profile langflow secret rotate`), which both read alike",
);

const fn release(versions: &'static str, head: &'static str, facts: Facts) -> Release {
    Release {
        versions,
        head,
        facts,
    }
}

const CURRENT: Facts = Facts {
    optins: true,
    api_keys: ApiKeyStorage::EncryptedAndHash,
    key_expiry: true,
    derivation: Derivation::Sha256,
};
const V1_10_0: Facts = Facts {
    derivation: UNSETTLED,
    ..CURRENT
};
const V1_9: Facts = Facts {
    key_expiry: false,
    derivation: Derivation::RandomSeed,
    ..CURRENT
};
const V1_8: Facts = Facts {
    api_keys: ApiKeyStorage::Encrypted,
    ..V1_9
};
const V1_4: Facts = Facts {
    api_keys: ApiKeyStorage::Plain,
    ..V1_8
};
const V1_1: Facts = Facts {
    optins: false,
    ..V1_4
};

/// Newest first.
pub const RELEASES: &[Release] = &[
    release("1.13.0", "e5a7c9b1d3f2", CURRENT),
    release("1.12.3–1.12.8", "386662af02e9", CURRENT),
    release("1.12.2", "a1b2c9d3e4f5", CURRENT),
    release("1.12.1", "d7e9f1a3b5c8", CURRENT),
    release("1.12.0", "c6d8e0f2a4b7", CURRENT),
    release("1.11.0–1.11.6", "d19e7b3c5a42", CURRENT),
    release("1.10.3", "d49cbced8696", CURRENT),
    release("1.10.2", "e1705947c729", CURRENT),
    release("1.10.0–1.10.1", "b7c4d8e9f012", V1_10_0),
    release("1.9.0–1.9.6", "d306e5c17c41", V1_9),
    release("1.8.0–1.8.4", "59a272d6669a", V1_8),
    release("1.7.1–1.7.3", "182e5471b900", V1_4),
    release("1.6.0–1.6.9", "d37bc4322900", V1_4),
    release("1.5.0–1.5.1", "d9a6ea21edcd", V1_4),
    release("1.4.0–1.4.3", "66f72f04a1de", V1_4),
    release("1.3.3–1.3.4", "1b8b740a6fa3", V1_1),
    release("1.3.0–1.3.2", "f3b2d1f1002d", V1_1),
    release("1.2.0", "dd9e0804ebd1", V1_1),
    release("1.1.2–1.1.4.post1", "e3162c1804e6", V1_1),
    release("1.1.0–1.1.1", "1eab2c3eb45e", V1_1),
];

/// The release whose head is `head`.
pub fn by_head(head: &str) -> Option<&'static Release> {
    RELEASES.iter().find(|r| r.head == head)
}

/// The releases authctl serves, for messages: "Langflow 1.1.0–1.13.0".
pub fn served_span() -> String {
    crate::apps::version_span(
        "Langflow",
        RELEASES[RELEASES.len() - 1].versions,
        RELEASES[0].versions,
    )
}

impl Facts {
    /// The facts in a few words, as `authctl releases` and the README show
    /// them.
    pub fn describe(&self) -> String {
        let keys = match self.api_keys {
            ApiKeyStorage::Plain => "API keys in plain text",
            ApiKeyStorage::Encrypted => "API keys encrypted, no hash",
            _ => "API keys encrypted and hashed",
        };
        let short = match self.derivation {
            Derivation::Sha256 => "short secret key: SHA-256",
            Derivation::RandomSeed => "short secret key: random.seed",
            Derivation::Unsettled(_) => "short secret key: either (read only)",
        };
        let mut words = vec![keys, short];
        if !self.optins {
            words.push("no user.optins");
        }
        if !self.key_expiry && self.api_keys == ApiKeyStorage::EncryptedAndHash {
            words.push("no apikey.expires_at");
        }
        words.join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_are_distinct_and_facts_change_only_going_back() {
        let mut heads: Vec<&str> = RELEASES.iter().map(|r| r.head).collect();
        heads.sort_unstable();
        heads.dedup();
        assert_eq!(heads.len(), RELEASES.len());
        assert!(heads.iter().all(|h| h.len() == 12));
        assert_eq!(served_span(), "Langflow 1.1.0–1.13.0");
        assert_eq!(by_head("386662af02e9").unwrap().versions, "1.12.3–1.12.8");
        assert_eq!(by_head("59a272d6669a").unwrap().facts, V1_8);
        assert!(by_head("ffffffffffff").is_none());
        // A column, once there, stays in every newer release.
        for pair in RELEASES.windows(2) {
            let (newer, older) = (&pair[0].facts, &pair[1].facts);
            assert!(newer.optins || !older.optins, "{}", pair[0].versions);
            assert!(
                newer.key_expiry || !older.key_expiry,
                "{}",
                pair[0].versions
            );
        }
    }

    #[test]
    fn the_readme_table_is_this_table() {
        let rows = crate::apps::readme_table_rows("### Supported Langflow releases");
        let ours: Vec<String> = RELEASES
            .iter()
            .map(|r| format!("| {} | `{}` | {} |", r.versions, r.head, r.facts.describe()))
            .collect();
        assert_eq!(rows, ours);
    }
}
