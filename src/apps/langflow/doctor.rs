//! `doctor` for Langflow: the checks of an app whose secret key signs and
//! keys stored values (authctl's own, `crate::doctor`), and the user names
//! a 1.13 upgrade stops on.

use crate::doctor::{fail, pass, Check};
use crate::settings::Settings;
use crate::store::{self, Access};
use std::collections::BTreeMap;

pub(super) fn run(s: &Settings) -> Vec<Check> {
    let mut checks = crate::doctor::secret_key_app(s);
    checks.extend(case_duplicates(s));
    checks
}

/// User names that differ only by case as the engine's `lower()` folds
/// it (ASCII on SQLite, Unicode on PostgreSQL). Before 1.13 nothing in
/// Langflow's database stops them; 1.13's migration adds a unique index on
/// `lower(username)` and fails on them, leaving the upgrade half done.
/// Nothing to say where authctl does not read the database (`db.readable`
/// says why; a release it does not serve is one).
fn case_duplicates(s: &Settings) -> Option<Check> {
    const ID: &str = "langflow.case_duplicates";
    let db = store::open(s, Access::Read).ok()??;
    let users = db.list_users().ok()?;
    let mut by_fold: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let unicode = matches!(s.database, crate::database_url::DatabaseUrl::Postgres(_));
    for u in users {
        let folded = if unicode {
            u.username.to_lowercase()
        } else {
            u.username.to_ascii_lowercase()
        };
        by_fold.entry(folded).or_default().push(u.username);
    }
    let clashes: Vec<String> = by_fold
        .into_values()
        .filter(|names| names.len() > 1)
        .map(|names| {
            names
                .iter()
                .map(|n| crate::output::shown(n))
                .collect::<Vec<_>>()
                .join(" and ")
        })
        .collect();
    Some(if clashes.is_empty() {
        pass(ID, "no two user names differ only by case")
    } else {
        fail(
            ID,
            format!(
                "user names that differ only by case: {}; Langflow 1.13's upgrade adds a unique index on lower(username) and stops on them",
                clashes.join("; ")
            ),
            "before upgrading, delete or rename all but one of each in Langflow itself (authctl refuses such names as ambiguous)",
        )
    })
}
