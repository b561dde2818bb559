//! `authctl apikey …`: create, list, revoke.

use super::Ctx;
use crate::apps::api_keys::{self, KeyCipher};
use crate::cli::{ApikeyCommand, ApikeyCreateArgs};
use crate::error::{Error, Result};
use crate::output::{Human, Outcome, Report};
use crate::store::{self, Access, ApiKey, NewApiKey};
use secrecy::ExposeSecret;

pub fn run(cmd: ApikeyCommand, ctx: &Ctx) -> Result<Outcome> {
    match cmd {
        ApikeyCommand::Create(args) => create(&args, ctx),
        ApikeyCommand::List { user } => list(user.as_deref(), ctx),
        ApikeyCommand::Revoke { id_or_name } => revoke(&id_or_name, ctx),
    }
}

fn create(args: &ApikeyCreateArgs, ctx: &Ctx) -> Result<Outcome> {
    let s = &ctx.settings;
    let mut db = crate::store::open_write(s)?;
    let user = db
        .get_user(&args.user)?
        .ok_or_else(|| store::user_not_found(&args.user))?;
    let app = s.profile.app();
    if !args.permissions.is_empty() && !app.api_key_permissions() {
        return Err(Error::usage(format!(
            "--permission is for Flowise API keys; a key of {} acts with all its user's rights",
            db.app()
        )));
    }
    if app.api_key_needs_name() && args.name.is_none() {
        return Err(Error::usage(format!(
            "a {} API key needs a name; pass --name NAME",
            app.spec().app
        )));
    }
    let key = app.new_api_key()?;
    let cipher = KeyCipher::for_store(s, &db, true)?;
    let created = db.create_api_key(&NewApiKey {
        user: user.clone(),
        name: args.name.clone(),
        key: key.clone(),
        sha256_hex: api_keys::sha256_hex(&key),
        encrypted: cipher.encrypt(&key)?,
        permissions: args.permissions.clone(),
    })?;
    drop(cipher);
    let mut note = format!(
        "created API key {} for \"{}\"; it is shown only this once",
        created.id, user.username
    );
    if let Some(ws) = &created.workspace {
        note = format!(
            "created API key {} in workspace \"{ws}\" with {} permissions; it is shown only this once, and stays valid whatever becomes of \"{}\" (Flowise keys belong to the workspace)",
            created.id,
            created.permissions.as_ref().map_or(0, Vec::len),
            user.username
        );
    } else if !user.is_active {
        note.push_str(&format!(
            "; \"{}\" is inactive, so the key is refused until `authctl user activate {}`",
            user.username, user.username
        ));
    }
    Ok(Outcome::report(&Created {
        key: key.expose_secret(),
        api_key: created,
    })
    .note(note))
}

/// `apikey list`: the keys, never a key itself.
#[derive(serde::Serialize)]
#[serde(transparent)]
struct KeyList(Vec<ApiKey>);

impl Report for KeyList {
    fn human(&self) -> Human {
        Human::Table {
            header: &["ID", "NAME", "OWNER", "CREATED", "LAST USED", "ACTIVE"],
            rows: self
                .0
                .iter()
                .map(|k| {
                    vec![
                        k.id.clone(),
                        k.name.clone().unwrap_or_else(|| "-".into()),
                        match (&k.workspace, &k.username) {
                            (Some(ws), _) => format!("workspace {ws}"),
                            (None, Some(name)) => name.clone(),
                            (None, None) => k.user_id.clone(),
                        },
                        k.created_at.clone().unwrap_or_else(|| "-".into()),
                        k.last_used_at.clone().unwrap_or_else(|| "-".into()),
                        if k.active { "yes" } else { "no" }.to_string(),
                    ]
                })
                .collect(),
        }
    }
}

/// `apikey create`: the key, shown this once, and its record.
#[derive(serde::Serialize)]
struct Created<'a> {
    key: &'a str,
    api_key: ApiKey,
}

impl Report for Created<'_> {
    fn human(&self) -> Human {
        Human::Data(self.key.to_string())
    }
}

fn list(user: Option<&str>, ctx: &Ctx) -> Result<Outcome> {
    let keys = match user {
        Some(name) => {
            let (db, u) = store::read_user(&ctx.settings, name)?;
            db.api_keys_ref().api_keys_of(&u)?
        }
        None => {
            let Some(db) = store::open(&ctx.settings, Access::Read)? else {
                let note = format!("no API keys: {}", store::missing_database(&ctx.settings));
                return Ok(Outcome::report(&KeyList(Vec::new())).note(note));
            };
            db.api_keys_ref().list_api_keys()?
        }
    };
    let note = if keys.is_empty() { "no API keys" } else { "" };
    Ok(Outcome::report(&KeyList(keys)).note(note))
}

fn revoke(id_or_name: &str, ctx: &Ctx) -> Result<Outcome> {
    let mut db = match store::open(&ctx.settings, Access::Read)? {
        Some(_) => crate::store::open_write(&ctx.settings)?,
        None => return Err(store::api_key_not_found(id_or_name)),
    };
    let key = db.api_keys().revoke_api_key(id_or_name)?;
    let label = key
        .name
        .clone()
        .map(|n| format!(" (\"{n}\")"))
        .unwrap_or_default();
    Ok(Outcome::new()
        .json(&key)
        .note(format!("revoked API key {}{label}", key.id)))
}
