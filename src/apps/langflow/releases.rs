//! The Langflow releases authctl knows, by the alembic head each one's
//! migrations end at. The heads are read from each release's published
//! package (`langflow-base` on PyPI, `langflow/alembic/versions`: the
//! revisions no other revision names as its `down_revision`); Langflow
//! 1.x.y's backend is `langflow-base` 0.x.y up to 1.11 and 1.x.y from 1.12.
//! Patch releases carry heads of their own, and one head can stand for
//! several patch releases.
//!
//! A release is served where authctl's reads and writes are what that
//! release's server accepts: 1.13.0, and the releases from 1.10.1 to
//! 1.12.x, which differ from it in nothing authctl reads or writes (read
//! off the real 1.10.3, 1.11.6 and 1.12.8 servers,
//! `tests/fixtures/langflow-versions/README.md`; 1.10.2 and 1.12.0–1.12.2
//! are served as members of that run, not each checked on its own server;
//! 1.10.1 shares its head with 1.10.0, which derives keys the old way).
//! The others are named, with what keeps them out, so a refusal says which
//! release a database is.

/// One release, or a run of patch releases that share a head.
pub struct Release {
    /// The versions, as operators name them: "1.12.3–1.12.8".
    pub versions: &'static str,
    /// The alembic head their databases are at.
    pub head: &'static str,
    /// Why authctl does not serve it yet; `None` where it does.
    pub not_served: Option<&'static str>,
}

const fn served(versions: &'static str, head: &'static str) -> Release {
    Release {
        versions,
        head,
        not_served: None,
    }
}

const fn not_served(versions: &'static str, head: &'static str, why: &'static str) -> Release {
    Release {
        versions,
        head,
        not_served: Some(why),
    }
}

const OLD_KEY: &str = "a secret key under 32 characters becomes its Fernet key the old way (random.seed), which authctl does not derive yet";
const PLAIN_KEYS: &str = "it keeps API keys in plain text and a secret key under 32 characters becomes its Fernet key the old way (random.seed), which authctl does not write yet";

/// Newest first.
pub const RELEASES: &[Release] = &[
    served("1.13.0", "e5a7c9b1d3f2"),
    served("1.12.3–1.12.8", "386662af02e9"),
    served("1.12.2", "a1b2c9d3e4f5"),
    served("1.12.1", "d7e9f1a3b5c8"),
    served("1.12.0", "c6d8e0f2a4b7"),
    served("1.11.0–1.11.6", "d19e7b3c5a42"),
    served("1.10.3", "d49cbced8696"),
    served("1.10.2", "e1705947c729"),
    not_served(
        "1.10.0–1.10.1",
        "b7c4d8e9f012",
        "1.10.0 and 1.10.1 turn a secret key under 32 characters into different Fernet keys, and their databases do not say which one wrote them",
    ),
    not_served("1.9.0–1.9.6", "d306e5c17c41", OLD_KEY),
    not_served(
        "1.8.0–1.8.4",
        "59a272d6669a",
        "its apikey table has no api_key_hash or expires_at, and a secret key under 32 characters becomes its Fernet key the old way (random.seed)",
    ),
    not_served("1.7.1–1.7.3", "182e5471b900", PLAIN_KEYS),
    not_served("1.6.0–1.6.9", "d37bc4322900", PLAIN_KEYS),
    not_served("1.5.0–1.5.1", "d9a6ea21edcd", PLAIN_KEYS),
    not_served("1.4.0–1.4.3", "66f72f04a1de", PLAIN_KEYS),
    not_served("1.3.3–1.3.4", "1b8b740a6fa3", PLAIN_KEYS),
    not_served("1.3.0–1.3.2", "f3b2d1f1002d", PLAIN_KEYS),
    not_served("1.2.0", "dd9e0804ebd1", PLAIN_KEYS),
    not_served("1.1.2–1.1.4.post1", "e3162c1804e6", PLAIN_KEYS),
    not_served("1.1.0–1.1.1", "1eab2c3eb45e", PLAIN_KEYS),
];

/// The release whose head is `head`.
pub fn by_head(head: &str) -> Option<&'static Release> {
    RELEASES.iter().find(|r| r.head == head)
}

/// The releases authctl serves, for messages: "Langflow 1.10.2–1.13.0".
pub fn served_span() -> String {
    let served: Vec<&Release> = RELEASES.iter().filter(|r| r.not_served.is_none()).collect();
    let newest = served.first().map_or("", |r| r.versions);
    let oldest = served.last().map_or("", |r| r.versions);
    let first = |v: &'static str| v.split('–').next().unwrap_or(v);
    let last = |v: &'static str| v.rsplit('–').next().unwrap_or(v);
    format!("Langflow {}–{}", first(oldest), last(newest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_are_distinct_and_served_releases_are_newest_first() {
        let mut heads: Vec<&str> = RELEASES.iter().map(|r| r.head).collect();
        heads.sort_unstable();
        heads.dedup();
        assert_eq!(heads.len(), RELEASES.len());
        assert!(heads.iter().all(|h| h.len() == 12));
        // Every served release is newer than every one not served.
        let first_unserved = RELEASES.iter().position(|r| r.not_served.is_some());
        assert!(RELEASES[first_unserved.unwrap()..]
            .iter()
            .all(|r| r.not_served.is_some()));
        assert_eq!(served_span(), "Langflow 1.10.2–1.13.0");
        assert_eq!(by_head("386662af02e9").unwrap().versions, "1.12.3–1.12.8");
        assert!(by_head("ffffffffffff").is_none());
    }

    #[test]
    fn the_readme_table_is_this_table() {
        let readme = include_str!("../../../README.md");
        let start = readme
            .find("### Supported Langflow releases")
            .expect("the README's table");
        let rows: Vec<String> = readme[start..]
            .lines()
            .skip_while(|l| !l.starts_with("|---"))
            .skip(1)
            .take_while(|l| l.starts_with('|'))
            .map(str::to_string)
            .collect();
        let ours: Vec<String> = RELEASES
            .iter()
            .map(|r| {
                let state = if r.not_served.is_none() {
                    "served"
                } else {
                    "not yet"
                };
                format!("| {} | `{}` | {state} |", r.versions, r.head)
            })
            .collect();
        assert_eq!(rows, ours);
    }
}
