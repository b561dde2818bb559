//! `authctl releases`: the releases of each app authctl serves, and what sets each apart.

use crate::apps::ReleaseLine;
use crate::output::{Human, Outcome, Report};

/// One app's releases.
#[derive(serde::Serialize)]
struct AppReleases {
    profile: &'static str,
    app: &'static str,
    releases: Vec<ReleaseLine>,
}

#[derive(serde::Serialize)]
#[serde(transparent)]
struct Releases(Vec<AppReleases>);

impl Report for Releases {
    fn human(&self) -> Human {
        Human::Table {
            header: &["APP", "RELEASES", "SCHEMA", "FACTS"],
            rows: self
                .0
                .iter()
                .flat_map(|a| {
                    a.releases.iter().map(|r| {
                        vec![
                            a.app.to_string(),
                            r.versions.to_string(),
                            r.schema.clone(),
                            r.facts.clone(),
                        ]
                    })
                })
                .collect(),
        }
    }
}

pub fn run() -> Outcome {
    let apps = crate::profile::Profile::all()
        .map(|p| AppReleases {
            profile: p.name(),
            app: p.spec().app,
            releases: p.app().releases(),
        })
        .filter(|a| !a.releases.is_empty())
        .collect();
    Outcome::report(&Releases(apps))
}
