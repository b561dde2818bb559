//! The Flowise releases authctl knows, by the TypeORM migrations their
//! databases have run, read from each release's published `flowise`
//! package (`dist/database/migrations/{sqlite,postgres}/index.js`, which
//! also list the enterprise migrations; TypeORM records each by its class
//! name in `migrations`). The last migration is the one with the greatest
//! timestamp (the last 13 digits of its name): TypeORM runs pending ones in
//! timestamp order, so an upgraded database's newest row by id can be an
//! older migration. 3.0.13 and 3.1.0–3.1.2 end at the same migration;
//! 3.1.0 added one with an earlier timestamp
//! (`AddReasonContentToChatMessage1764759496768`), which tells them apart.
//!
//! What changes how authctl reads and writes them, from the same packages
//! (`dist/enterprise/middleware/passport/index.js`,
//! `enterprise/utils/tempTokenUtils.js`, `enterprise/utils/authSecrets.js`)
//! and checked on the real 3.0.1 and 3.1.4 servers:
//! - `apikey.permissions` from 3.0.13 (`AddApiKeyPermission1765360298674`);
//! - the six auth secrets: up to 3.0.13 the variables or Flowise's public
//!   built-ins (`auth_token`, `refresh_token`, `Secre$t`, `flowise`,
//!   `ISSUER`, `AUDIENCE`), used as they are; from 3.1.0 the variables,
//!   else key files in the key directory (`secrets`).

/// Where a release's auth secrets come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecretSource {
    /// The variable, else the key file Flowise writes at its first start
    /// (3.1.0 on).
    KeyFiles,
    /// The variable, else a public built-in (up to 3.0.13).
    BuiltIns,
}

/// What a release does differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Facts {
    /// `apikey.permissions` exists.
    pub api_key_permissions: bool,
    /// Where the auth secrets come from.
    pub secrets: SecretSource,
}

/// One release, or a run of them that share their migrations.
pub struct Release {
    /// The versions, as operators name them.
    pub versions: &'static str,
    /// The last migration on SQLite and on PostgreSQL.
    pub sqlite: &'static str,
    pub postgres: &'static str,
    /// A migration whose presence (`true`) or absence tells this row from
    /// another that ends at the same one.
    pub marker: Option<(&'static str, bool)>,
    pub facts: Facts,
}

const REASON_CONTENT: &str = "AddReasonContentToChatMessage1764759496768";

const CURRENT: Facts = Facts {
    api_key_permissions: true,
    secrets: SecretSource::KeyFiles,
};
const V3_0_13: Facts = Facts {
    secrets: SecretSource::BuiltIns,
    ..CURRENT
};
const V3_0: Facts = Facts {
    api_key_permissions: false,
    ..V3_0_13
};

/// Newest first.
pub const RELEASES: &[Release] = &[
    Release {
        versions: "3.1.3–3.1.4",
        sqlite: "AddWebhookSecretToChatFlow1776240000000",
        postgres: "AddWebhookSecretToChatFlow1776240000001",
        marker: None,
        facts: CURRENT,
    },
    Release {
        versions: "3.1.0–3.1.2",
        sqlite: "AddApiKeyPermission1765360298674",
        postgres: "AddApiKeyPermission1765360298674",
        marker: Some((REASON_CONTENT, true)),
        facts: CURRENT,
    },
    Release {
        versions: "3.0.13",
        sqlite: "AddApiKeyPermission1765360298674",
        postgres: "AddApiKeyPermission1765360298674",
        marker: Some((REASON_CONTENT, false)),
        facts: V3_0_13,
    },
    Release {
        versions: "3.0.8–3.0.12",
        sqlite: "AddChatFlowNameIndex1759424923093",
        postgres: "AddChatFlowNameIndex1759424903973",
        marker: None,
        facts: V3_0,
    },
    Release {
        versions: "3.0.6–3.0.7",
        sqlite: "AddChatFlowNameIndex1755748356008",
        postgres: "AddChatFlowNameIndex1755748356008",
        marker: None,
        facts: V3_0,
    },
    Release {
        versions: "3.0.1–3.0.5",
        sqlite: "ExecutionLinkWorkspaceId1746862866554",
        postgres: "ModifyExecutionSessionIdFieldType1748450230238",
        marker: None,
        facts: V3_0,
    },
];

/// A migration's timestamp: the last 13 digits of its name.
fn timestamp(name: &str) -> Option<u64> {
    let digits = name.get(name.len().checked_sub(13)?..)?;
    digits.parse().ok()
}

/// The migration a database ends at: the greatest timestamp.
pub fn last_migration(names: &[String]) -> Option<&str> {
    names
        .iter()
        .filter_map(|n| timestamp(n).map(|t| (t, n.as_str())))
        .max()
        .map(|(_, n)| n)
}

/// What a database's `migrations` say it is.
pub enum Placed {
    /// A release authctl knows.
    Known(&'static Release),
    /// A newer release: it has run every migration of the newest authctl
    /// knows, and more (the newest one named).
    Newer(String),
    /// Nothing authctl can place (the last migration, if any).
    Unplaced(Option<String>),
}

/// Place a database by the names in its `migrations` table.
pub fn place(names: &[String]) -> Placed {
    let Some(last) = last_migration(names) else {
        return Placed::Unplaced(None);
    };
    let has = |m: &str| names.iter().any(|n| n == m);
    let known = RELEASES.iter().find(|r| {
        (r.sqlite == last || r.postgres == last)
            && r.marker.is_none_or(|(m, present)| has(m) == present)
    });
    if let Some(release) = known {
        return Placed::Known(release);
    }
    let newest = &RELEASES[0];
    let newest_at = timestamp(newest.postgres).max(timestamp(newest.sqlite));
    if timestamp(last) > newest_at && (has(newest.sqlite) || has(newest.postgres)) {
        return Placed::Newer(last.to_string());
    }
    Placed::Unplaced(Some(last.to_string()))
}

/// The releases authctl serves, for messages: "Flowise 3.0.1–3.1.4".
pub fn served_span() -> String {
    crate::apps::version_span(
        "Flowise",
        RELEASES[RELEASES.len() - 1].versions,
        RELEASES[0].versions,
    )
}

impl Facts {
    /// The facts in a few words, as `authctl releases` and the README show
    /// them.
    pub fn describe(&self) -> String {
        let keys = match self.api_key_permissions {
            true => "API keys with permissions",
            false => "API keys without permissions",
        };
        let secrets = match self.secrets {
            SecretSource::KeyFiles => "auth secrets: variables, else key files",
            SecretSource::BuiltIns => "auth secrets: variables, else public built-ins",
        };
        format!("{keys}; {secrets}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn databases_are_placed_by_their_greatest_migration() {
        let v = |list: &[&str]| match place(&names(list)) {
            Placed::Known(r) => r.versions.to_string(),
            Placed::Newer(m) => format!("newer {m}"),
            Placed::Unplaced(m) => format!("unplaced {m:?}"),
        };
        assert_eq!(v(&["Init1693835579790", RELEASES[0].sqlite]), "3.1.3–3.1.4");
        // Upgraded from 3.0.13: the newest row by id is the older migration.
        assert_eq!(
            v(&["AddApiKeyPermission1765360298674", REASON_CONTENT]),
            "3.1.0–3.1.2"
        );
        assert_eq!(v(&["AddApiKeyPermission1765360298674"]), "3.0.13");
        // 3.0.7's orphan row stays after 3.0.8.
        assert_eq!(
            v(&[
                "AddChatFlowNameIndex1755748356008",
                "AddChatFlowNameIndex1759424923093"
            ]),
            "3.0.8–3.0.12"
        );
        assert_eq!(
            v(&["ModifyExecutionSessionIdFieldType1748450230238"]),
            "3.0.1–3.0.5"
        );
        assert_eq!(
            v(&[RELEASES[0].postgres, "AddSomething1800000000000"]),
            "newer AddSomething1800000000000"
        );
        assert_eq!(
            v(&["AddSomething1800000000000"]),
            "unplaced Some(\"AddSomething1800000000000\")"
        );
        assert_eq!(v(&[]), "unplaced None");
        assert_eq!(served_span(), "Flowise 3.0.1–3.1.4");
    }

    #[test]
    fn the_readme_table_is_this_table() {
        let rows = crate::apps::readme_table_rows("### Supported Flowise releases");
        let ours: Vec<String> = RELEASES
            .iter()
            .map(|r| {
                let last = if r.sqlite == r.postgres {
                    format!("`{}`", r.sqlite)
                } else {
                    format!("`{}` (PostgreSQL `{}`)", r.sqlite, r.postgres)
                };
                format!("| {} | {last} | {} |", r.versions, r.facts.describe())
            })
            .collect();
        assert_eq!(rows, ours);
    }
}
