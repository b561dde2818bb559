//! Declarative provisioning: a file of users and API keys, a plan of what
//! makes the database match it, and that plan applied in one transaction.
//!
//! Invariants:
//! - the plan is computed from what one write transaction reads, and
//!   applied in one write transaction: all of it or none of it;
//! - bcrypt work (new hashes, and checking a password against a stored
//!   hash) runs on all cores between the two transactions, never while the
//!   app's database is locked; the second transaction recomputes the plan
//!   and refuses (exit 4) if the database changed in between;
//! - an existing user's password changes only when the file asks for it
//!   (`update_password`, or `--update-passwords`); a re-run of the same
//!   file changes nothing and hashes nothing;
//! - no plan leaves a database that had an active superuser without one;
//! - every row written has its audit record, as the single commands write;
//! - a password or key never leaves this module except in `Generated`,
//!   which the command prints once or writes to a 0600 file.
//!
//! `doc`: the YAML/JSON reader. `file`: the declarations. `export`: the
//! database written back in the same format.

pub mod doc;
pub(crate) mod export;
pub(crate) mod file;
mod work;

use crate::error::{Error, Result};
use crate::password;
use crate::settings::Settings;
use crate::store::{self, ApiKey, ApiKeyStorage, NewApiKey, NewUser, User, UserChange, UsersTx};
use file::{Declared, KeyDecl, KeySpec, PasswordSpec, UserDecl};
use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;
use std::collections::HashMap;

/// How to apply.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Delete users and API keys the file does not declare.
    pub prune: bool,
    /// Set every declared password of existing users too.
    pub update_passwords: bool,
    /// Threads for bcrypt.
    pub jobs: usize,
}

/// What happens to one object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Create,
    Update,
    Unchanged,
    Delete,
}

/// One line of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    /// `user` or `api_key`.
    pub object: &'static str,
    pub name: String,
    /// The API key's owner.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    pub action: Action,
    /// What changes, for a person: `superuser: false -> true`, `password`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<String>,
}

/// The plan: its items, and the row operations they come to.
#[derive(Debug)]
pub struct Plan {
    pub items: Vec<Item>,
    ops: Vec<Op>,
}

impl Plan {
    /// Whether applying it would change anything.
    pub fn changes(&self) -> bool {
        !self.ops.is_empty()
    }

    /// How many items have `action`.
    pub fn count(&self, action: Action) -> usize {
        self.items.iter().filter(|i| i.action == action).count()
    }
}

#[derive(Debug, Clone)]
enum Op {
    CreateUser(usize),
    UpdateUser(User, usize, Change),
    DeleteUser(User),
    CreateKey(usize),
    ReplaceKey(ApiKey, usize),
    DeleteKey(ApiKey),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Change {
    active: Option<bool>,
    superuser: Option<bool>,
    password: bool,
}

/// A password or key authctl made, to be shown once.
#[derive(Debug, Serialize, Default)]
pub struct Generated {
    /// Login name → password.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub users: Vec<GeneratedPassword>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub api_keys: Vec<GeneratedKey>,
}

/// A generated password.
#[derive(Serialize)]
pub struct GeneratedPassword {
    pub name: String,
    #[serde(serialize_with = "expose")]
    pub password: SecretString,
}

/// A generated API key.
#[derive(Serialize)]
pub struct GeneratedKey {
    pub name: String,
    pub owner: String,
    #[serde(serialize_with = "expose")]
    pub key: SecretString,
}

impl std::fmt::Debug for GeneratedPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GeneratedPassword")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for GeneratedKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GeneratedKey")
            .field("name", &self.name)
            .field("owner", &self.owner)
            .finish_non_exhaustive()
    }
}

fn expose<S: serde::Serializer>(s: &SecretString, ser: S) -> std::result::Result<S::Ok, S::Error> {
    ser.serialize_str(s.expose_secret())
}

impl Generated {
    /// Whether anything was generated.
    pub fn is_empty(&self) -> bool {
        self.users.is_empty() && self.api_keys.is_empty()
    }
}

/// A declaration's password, read but not yet checked or hashed.
enum Password {
    None,
    Hash(String),
    Plain(SecretString),
    Generated(SecretString),
}

/// An API key's material, read.
enum Material {
    Generated(SecretString),
    Given(SecretString),
    Sha256(String),
}

/// The file, with every password and key it names read.
pub struct Resolved {
    decl: Declared,
    file: String,
    passwords: Vec<Password>,
    keys: Vec<Material>,
}

fn at(file: &str, line: usize, message: impl std::fmt::Display) -> Error {
    Error::usage(format!("{file}:{line}: {message}"))
}

/// Read a file's text into declarations (`file` names it in errors).
pub fn read(text: &str, format: doc::Format, file: &str, settings: &Settings) -> Result<Resolved> {
    let root = doc::parse(text, format).map_err(|e| at(file, e.line, e.message))?;
    let decl = file::decode(&root, settings.profile).map_err(|e| at(file, e.line, e.message))?;
    resolve(decl, file, settings)
}

/// Read every password and key the declarations name.
fn resolve(decl: Declared, file: &str, settings: &Settings) -> Result<Resolved> {
    let app = settings.profile.app();
    let mut passwords = Vec::with_capacity(decl.users.len());
    for u in &decl.users {
        let field = |f: &str| format!("{}.{f}", u.loc.path);
        passwords.push(match &u.password {
            PasswordSpec::None => Password::None,
            PasswordSpec::Generate => Password::Generated(work::generate_password(app)?),
            PasswordSpec::Hash(h) => {
                check_hash(h).map_err(|why| {
                    at(
                        file,
                        u.password_line,
                        format!("{}: {why} (user \"{}\")", field("password_hash"), u.name),
                    )
                })?;
                Password::Hash(h.clone())
            }
            PasswordSpec::Env(name) => {
                let v = settings.lookup(name).ok_or_else(|| {
                    at(
                        file,
                        u.password_line,
                        format!(
                            "{}: variable {name} is not set or is empty",
                            field("password_env")
                        ),
                    )
                })?;
                Password::Plain(SecretString::from(v.to_string()))
            }
            PasswordSpec::File(path) => {
                let source = password::Source::File(path.clone());
                let pw = password::read(&source, settings).map_err(|e| match e {
                    Error::Usage(m) | Error::Failure(m) => at(
                        file,
                        u.password_line,
                        format!("{}: {m}", field("password_file")),
                    ),
                    other => other,
                })?;
                Password::Plain(pw)
            }
        });
    }
    let mut keys = Vec::with_capacity(decl.api_keys.len());
    for k in &decl.api_keys {
        keys.push(match &k.key {
            KeySpec::Generate => Material::Generated(new_key(settings)?),
            KeySpec::Sha256(h) => Material::Sha256(h.clone()),
            KeySpec::Env(name) => {
                let v = settings.lookup(name).ok_or_else(|| {
                    at(
                        file,
                        k.key_line,
                        format!(
                            "{}.key_env: variable {name} is not set or is empty",
                            k.loc.path
                        ),
                    )
                })?;
                Material::Given(SecretString::from(v.to_string()))
            }
        });
    }
    Ok(Resolved {
        decl,
        file: file.to_string(),
        passwords,
        keys,
    })
}

/// A new API key in the profile's app's form.
fn new_key(settings: &Settings) -> Result<SecretString> {
    settings.profile.app().new_api_key()
}

/// Why `hash` is not a bcrypt hash every supported app verifies, if so.
fn check_hash(hash: &str) -> std::result::Result<(), String> {
    const ALPHABET: &str = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let ok = hash.len() == 60
        && matches!(&hash[..4], "$2a$" | "$2b$" | "$2y$")
        && hash.as_bytes()[6] == b'$'
        && hash[4..6]
            .parse::<u32>()
            .is_ok_and(|c| (4..=31).contains(&c))
        && hash[7..].chars().all(|c| ALPHABET.contains(c));
    if ok {
        Ok(())
    } else {
        Err("not a bcrypt hash ($2a$, $2b$ or $2y$, 60 characters), the only scheme the target verifies; export it from an app that uses bcrypt, or give the password".into())
    }
}

/// What one transaction read: the users, and the API keys the plan needs.
struct Snapshot {
    users: Vec<User>,
    /// Folded name → indexes into `users`.
    by_name: HashMap<String, Vec<usize>>,
    /// User id → its active keys, for each declared owner that exists.
    owned: HashMap<String, Vec<ApiKey>>,
    /// Every active key, with `--prune`.
    all_keys: Vec<ApiKey>,
    /// Declared key index → whether the one existing key of that name is
    /// the declared key.
    same_key: HashMap<usize, bool>,
}

impl Snapshot {
    fn find(&self, name: &str) -> Result<Option<&User>> {
        match self
            .by_name
            .get(&store::fold_username(name))
            .map(Vec::as_slice)
        {
            None | Some([]) => Ok(None),
            Some([i]) => Ok(Some(&self.users[*i])),
            Some(many) => {
                let all: Vec<User> = many.iter().map(|i| self.users[*i].clone()).collect();
                store::pick_user(&all, name).map(|_| None)
            }
        }
    }
}

/// The key `decl` declares, as a layout stores it, for `owner`.
fn new_api_key(decl: &KeyDecl, material: &Material, owner: &User) -> NewApiKey {
    let (key, sha) = match material {
        Material::Generated(k) | Material::Given(k) => {
            (k.clone(), crate::apps::api_keys::sha256_hex(k))
        }
        Material::Sha256(h) => (SecretString::from(String::new()), h.clone()),
    };
    NewApiKey {
        user: owner.clone(),
        name: Some(decl.name.clone()),
        key,
        sha256_hex: sha,
        encrypted: None,
        permissions: decl.permissions.clone(),
    }
}

fn read_snapshot(tx: &mut dyn UsersTx, r: &Resolved, prune: bool) -> Result<Snapshot> {
    let users = tx.users()?;
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::with_capacity(users.len());
    for (i, u) in users.iter().enumerate() {
        by_name
            .entry(store::fold_username(&u.username))
            .or_default()
            .push(i);
    }
    let mut snap = Snapshot {
        users,
        by_name,
        owned: HashMap::new(),
        all_keys: Vec::new(),
        same_key: HashMap::new(),
    };
    for (j, k) in r.decl.api_keys.iter().enumerate() {
        let Some(owner) = snap.find(&k.owner)?.cloned() else {
            continue;
        };
        if !snap.owned.contains_key(&owner.id) {
            let mut keys = tx.api_keys_of(&owner)?;
            keys.retain(|key| key.active);
            snap.owned.insert(owner.id.clone(), keys);
        }
        let named: Vec<&ApiKey> = snap.owned[&owner.id]
            .iter()
            .filter(|key| key.name.as_deref() == Some(k.name.as_str()))
            .collect();
        if let ([one], Material::Given(_) | Material::Sha256(_)) = (named.as_slice(), &r.keys[j]) {
            let one = (*one).clone();
            let same = tx.api_key_is(&one, &new_api_key(k, &r.keys[j], &owner))?;
            snap.same_key.insert(j, same);
        }
    }
    if prune {
        snap.all_keys = tx.api_keys()?;
        snap.all_keys.retain(|k| k.active);
    }
    Ok(snap)
}

/// For each declared user whose password is to be checked against its
/// stored hash: (user id, stored hash) → whether it matches.
type Verified = HashMap<(String, String), bool>;

fn wants_password(u: &UserDecl, opts: &Options) -> bool {
    u.update_password || (opts.update_passwords && !matches!(u.password, PasswordSpec::Generate))
}

/// The plan that makes `snap` match the file.
fn compute(
    r: &Resolved,
    snap: &Snapshot,
    opts: &Options,
    verified: &Verified,
    storage: ApiKeyStorage,
    app: &str,
) -> Result<Plan> {
    let mut items = Vec::new();
    let mut ops = Vec::new();
    let mut declared_ids = std::collections::HashSet::new();
    // (active, superuser) after the plan, per existing user id; new users
    // are counted apart.
    let mut after: HashMap<&str, (bool, bool)> = HashMap::new();
    let mut new_admins = 0usize;
    let yes_no = |b: bool| if b { "true" } else { "false" };
    for (i, u) in r.decl.users.iter().enumerate() {
        let place = |msg: String| at(&r.file, u.loc.line, format!("{}: {msg}", u.loc.path));
        let existing = snap.find(&u.name).map_err(|e| place(e.to_string()))?;
        match existing {
            None => {
                if matches!(r.passwords[i], Password::None) {
                    return Err(place(format!(
                        "user \"{}\" does not exist, so it needs a password: give password_env, password_file, password_hash or generate: true",
                        u.name
                    )));
                }
                let (active, admin) = (u.active.unwrap_or(true), u.superuser.unwrap_or(false));
                if active && admin {
                    new_admins += 1;
                }
                let mut changes = vec![format!("active: {}", yes_no(active))];
                if admin {
                    changes.push("superuser: true".into());
                }
                if matches!(r.passwords[i], Password::Generated(_)) {
                    changes.push("password: generated".into());
                }
                items.push(Item {
                    object: "user",
                    name: u.name.clone(),
                    owner: None,
                    action: Action::Create,
                    changes,
                });
                ops.push(Op::CreateUser(i));
            }
            Some(user) => {
                declared_ids.insert(user.id.clone());
                let mut change = Change::default();
                let mut changes = Vec::new();
                if let Some(a) = u.active.filter(|a| *a != user.is_active) {
                    change.active = Some(a);
                    changes.push(format!(
                        "active: {} -> {}",
                        yes_no(user.is_active),
                        yes_no(a)
                    ));
                }
                if let Some(s) = u.superuser.filter(|s| *s != user.is_superuser) {
                    change.superuser = Some(s);
                    changes.push(format!(
                        "superuser: {} -> {}",
                        yes_no(user.is_superuser),
                        yes_no(s)
                    ));
                }
                if wants_password(u, opts) {
                    let differs = match &r.passwords[i] {
                        Password::Hash(h) => *h != user.password_hash,
                        Password::Plain(_) => !verified
                            .get(&(user.id.clone(), user.password_hash.clone()))
                            .copied()
                            .ok_or_else(changed_meanwhile)?,
                        Password::None | Password::Generated(_) => false,
                    };
                    if differs {
                        change.password = true;
                        changes.push("password".into());
                    }
                }
                after.insert(
                    &user.id,
                    (
                        change.active.unwrap_or(user.is_active),
                        change.superuser.unwrap_or(user.is_superuser),
                    ),
                );
                if change == Change::default() {
                    items.push(Item {
                        object: "user",
                        name: user.username.clone(),
                        owner: None,
                        action: Action::Unchanged,
                        changes,
                    });
                } else {
                    items.push(Item {
                        object: "user",
                        name: user.username.clone(),
                        owner: None,
                        action: Action::Update,
                        changes,
                    });
                    ops.push(Op::UpdateUser(user.clone(), i, change));
                }
            }
        }
    }
    let mut key_ops = Vec::new();
    let mut kept_keys = std::collections::HashSet::new();
    for (j, k) in r.decl.api_keys.iter().enumerate() {
        let place = |line: usize, msg: String| at(&r.file, line, format!("{}: {msg}", k.loc.path));
        if !k.permissions.is_empty() && storage != ApiKeyStorage::PlainAndScrypt {
            return Err(place(k.loc.line, format!("permissions are for Flowise API keys; a key of {app} acts with all its user's rights")));
        }
        let declared_owner = r
            .decl
            .users
            .iter()
            .any(|u| store::fold_username(&u.name) == store::fold_username(&k.owner));
        let owner = snap
            .find(&k.owner)
            .map_err(|e| place(k.loc.line, e.to_string()))?;
        let item = |action, changes| Item {
            object: "api_key",
            name: k.name.clone(),
            owner: Some(k.owner.clone()),
            action,
            changes,
        };
        let installable = || {
            match (&r.keys[j], storage) {
            (Material::Sha256(_), ApiKeyStorage::EncryptedAndHash | ApiKeyStorage::Encrypted | ApiKeyStorage::Plain | ApiKeyStorage::PlainAndScrypt) => Err(place(
                k.key_line,
                format!("key_sha256: {app} keeps each API key itself (encrypted or plain), not only its hash, so the key can be installed only from the key: give key_env"),
            )),
            _ => Ok(()),
        }
        };
        let Some(owner) = owner else {
            if !declared_owner {
                return Err(place(
                    k.loc.line,
                    format!(
                        "owner: user \"{}\" is neither declared in the file nor in the database",
                        k.owner
                    ),
                ));
            }
            installable()?;
            items.push(item(Action::Create, Vec::new()));
            key_ops.push(Op::CreateKey(j));
            continue;
        };
        let named: Vec<&ApiKey> = snap
            .owned
            .get(&owner.id)
            .into_iter()
            .flatten()
            .filter(|key| key.name.as_deref() == Some(k.name.as_str()))
            .collect();
        match named.as_slice() {
            [] => {
                installable()?;
                items.push(item(Action::Create, Vec::new()));
                key_ops.push(Op::CreateKey(j));
            }
            [one] => {
                kept_keys.insert(one.id.clone());
                match snap.same_key.get(&j) {
                    Some(false) => {
                        installable()?;
                        items.push(item(Action::Update, vec!["key".into()]));
                        key_ops.push(Op::ReplaceKey((*one).clone(), j));
                    }
                    _ => items.push(item(Action::Unchanged, Vec::new())),
                }
            }
            many => {
                return Err(Error::Conflict(format!(
                    "{}:{}: {}: \"{}\" has {} API keys named \"{}\" ({}); revoke all but one with `authctl apikey revoke ID`",
                    r.file, k.loc.line, k.loc.path, owner.username, many.len(), k.name,
                    many.iter().map(|m| m.id.as_str()).collect::<Vec<_>>().join(", ")
                )))
            }
        }
    }
    let mut deleted_users = Vec::new();
    if opts.prune {
        for user in &snap.users {
            if !declared_ids.contains(&user.id) {
                deleted_users.push(user.clone());
                after.insert(&user.id, (false, false));
            }
        }
        for key in &snap.all_keys {
            let goes_with_owner = deleted_users.iter().any(|u| u.id == key.user_id);
            if !kept_keys.contains(&key.id) && !goes_with_owner {
                let owner = key
                    .username
                    .clone()
                    .or_else(|| key.workspace.clone().map(|w| format!("workspace {w}")));
                items.push(Item {
                    object: "api_key",
                    name: key.name.clone().unwrap_or_else(|| key.id.clone()),
                    owner,
                    action: Action::Delete,
                    changes: Vec::new(),
                });
                ops.push(Op::DeleteKey(key.clone()));
            }
        }
    }
    ops.extend(key_ops);
    for user in deleted_users {
        items.push(Item {
            object: "user",
            name: user.username.clone(),
            owner: None,
            action: Action::Delete,
            changes: Vec::new(),
        });
        ops.push(Op::DeleteUser(user));
    }
    // The last-superuser guard, over the state the whole plan leaves.
    let admin = |u: &User| u.is_active && u.is_superuser;
    let before = snap.users.iter().filter(|u| admin(u)).count();
    let left = snap
        .users
        .iter()
        .filter(|u| after.get(u.id.as_str()).map_or(admin(u), |(a, s)| *a && *s))
        .count()
        + new_admins;
    if before > 0 && left == 0 {
        let lost: Vec<String> = snap
            .users
            .iter()
            .filter(|u| admin(u))
            .map(|u| format!("\"{}\"", u.username))
            .collect();
        return Err(Error::Conflict(format!(
            "refusing to apply {}: it leaves no active superuser (it takes away {}); declare one with superuser: true and active: true",
            r.file,
            lost.join(", ")
        )));
    }
    Ok(Plan { items, ops })
}

fn changed_meanwhile() -> Error {
    Error::Conflict(
        "the database changed while passwords were being checked; run apply again".into(),
    )
}

/// The prepared bcrypt work for a plan: new hashes by user declaration.
struct Hashes(HashMap<usize, String>);

/// Plan, and unless `dry_run`, apply. Returns the plan and what was
/// generated (empty for a dry run).
pub fn apply(
    store: &mut store::Store,
    r: &Resolved,
    settings: &Settings,
    opts: &Options,
    ui: &crate::output::Ui,
    dry_run: bool,
    before_commit: &mut dyn FnMut(&Generated) -> Result<()>,
) -> Result<(Plan, Generated)> {
    let storage = store.api_keys_ref().api_key_storage();
    let app = store.app();
    let snap = {
        let mut tx = store.begin_users()?;
        read_snapshot(tx.as_mut(), r, opts.prune)?
        // dropped: rolled back, the lock released
    };
    let verified = verify_passwords(r, &snap, opts, ui)?;
    let plan = compute(r, &snap, opts, &verified, storage, app)?;
    if dry_run || !plan.changes() {
        return Ok((plan, Generated::default()));
    }
    let hashes = hash_passwords(r, &plan, settings, opts, ui)?;
    let makes_keys = plan
        .ops
        .iter()
        .any(|o| matches!(o, Op::CreateKey(_) | Op::ReplaceKey(..)));
    let cipher = crate::apps::api_keys::KeyCipher::for_store(settings, store, makes_keys)?;
    let mut tx = store.begin_users()?;
    let snap2 = read_snapshot(tx.as_mut(), r, opts.prune)?;
    let plan2 = compute(r, &snap2, opts, &verified, storage, app)?;
    if plan2.items != plan.items {
        return Err(Error::Conflict(
            "the database changed while passwords were being hashed; run apply again".into(),
        ));
    }
    let steps = plan2.ops.len();
    let bar = ui.bar(
        if steps > work::SCREENFUL {
            steps as u64
        } else {
            0
        },
        "applying",
    );
    let mut created: HashMap<String, User> = HashMap::new();
    let mut generated = Generated::default();
    let owner_of = |name: &str, created: &HashMap<String, User>| -> Result<User> {
        match created.get(&store::fold_username(name)) {
            Some(u) => Ok(u.clone()),
            None => snap2
                .find(name)?
                .cloned()
                .ok_or_else(|| store::user_not_found(name)),
        }
    };
    // New users first, in one statement where the layout can: they are
    // most of a first apply, and a key may belong to one of them.
    let mut new_users = Vec::new();
    let mut new_decls = Vec::new();
    for op in &plan2.ops {
        if let Op::CreateUser(i) = op {
            let u = &r.decl.users[*i];
            let hash = match &r.passwords[*i] {
                Password::Hash(h) => h.clone(),
                _ => hashes.0.get(i).cloned().ok_or_else(changed_meanwhile)?,
            };
            new_users.push(
                NewUser {
                    username: u.name.clone(),
                    password_hash: hash,
                    is_active: u.active.unwrap_or(true),
                    is_superuser: u.superuser.unwrap_or(false),
                }
                .normalized()?,
            );
            new_decls.push(*i);
        }
    }
    let users = tx.insert_many(&new_users).map_err(|e| {
        // A refusal names its user: point at the declaration.
        let place = new_users
            .iter()
            .position(|n| e.to_string().contains(&format!("\"{}\"", n.username)))
            .map(|k| &r.decl.users[new_decls[k]].loc);
        match place {
            Some(loc) => located(r, loc, e),
            None => e,
        }
    })?;
    for (user, i) in users.into_iter().zip(&new_decls) {
        let detail = serde_json::json!({ "id": user.id, "is_active": user.is_active, "is_superuser": user.is_superuser, "via": "apply" });
        tx.audit("user.create", &user.username, detail)?;
        if let Password::Generated(pw) = &r.passwords[*i] {
            generated.users.push(GeneratedPassword {
                name: user.username.clone(),
                password: pw.clone(),
            });
        }
        created.insert(store::fold_username(&user.username), user);
        bar.inc(1);
    }
    for op in &plan2.ops {
        match op {
            Op::CreateUser(_) => continue,
            Op::UpdateUser(user, i, change) => {
                let password_hash = if change.password {
                    Some(match &r.passwords[*i] {
                        Password::Hash(h) => h.clone(),
                        _ => hashes.0.get(i).cloned().ok_or_else(changed_meanwhile)?,
                    })
                } else {
                    None
                };
                let change = UserChange {
                    password_hash,
                    is_active: change.active,
                    is_superuser: change.superuser,
                    force: false,
                };
                tx.update(user, &change)
                    .map_err(|e| located(r, &r.decl.users[*i].loc, e))?;
                tx.audit(change.action(), &user.username, via_apply(change.detail()))?;
            }
            Op::DeleteKey(key) => {
                tx.remove_api_key(key)?;
                let target = key
                    .username
                    .clone()
                    .or_else(|| key.workspace.clone())
                    .unwrap_or_default();
                tx.audit("apikey.delete", &target, via_apply(key.audit_detail()))?;
            }
            Op::CreateKey(j) | Op::ReplaceKey(_, j) => {
                let k = &r.decl.api_keys[*j];
                let owner = owner_of(&k.owner, &created)?;
                if let Op::ReplaceKey(old, _) = op {
                    tx.remove_api_key(old)?;
                }
                let mut new = new_api_key(k, &r.keys[*j], &owner);
                new.encrypted = cipher.encrypt(&new.key)?;
                let key = tx.insert_api_key(&new).map_err(|e| located(r, &k.loc, e))?;
                let action = if matches!(op, Op::ReplaceKey(..)) {
                    "apikey.replace"
                } else {
                    "apikey.create"
                };
                tx.audit(action, &owner.username, via_apply(key.audit_detail()))?;
                if let Material::Generated(secret) = &r.keys[*j] {
                    generated.api_keys.push(GeneratedKey {
                        name: k.name.clone(),
                        owner: owner.username.clone(),
                        key: secret.clone(),
                    });
                }
            }
            Op::DeleteUser(user) => {
                let removed = tx.remove(user)?;
                let mut detail = serde_json::json!({ "id": user.id, "via": "apply" });
                if !removed.is_null() {
                    detail["rows"] = removed;
                }
                tx.audit("user.delete", &user.username, detail)?;
            }
        }
        bar.inc(1);
    }
    drop(bar);
    // The guard once more, over what the transaction now holds.
    let admins = |users: &[User]| {
        users
            .iter()
            .filter(|u| u.is_active && u.is_superuser)
            .count()
    };
    if admins(&snap2.users) > 0 && admins(&tx.users()?) == 0 {
        return Err(Error::Conflict(format!(
            "refusing to apply {}: it leaves no active superuser",
            r.file
        )));
    }
    before_commit(&generated)?;
    tx.commit()?;
    Ok((plan2, generated))
}

/// An audit detail marked as written by apply.
fn via_apply(mut detail: serde_json::Value) -> serde_json::Value {
    detail["via"] = "apply".into();
    detail
}

/// An error from one object's row, with the object's place in the file.
fn located(r: &Resolved, loc: &file::Loc, e: Error) -> Error {
    let msg = format!("{}:{}: {}: {e}", r.file, loc.line, loc.path);
    match e {
        Error::Usage(_) => Error::Usage(msg),
        Error::Conflict(_) => Error::Conflict(msg),
        Error::NotFound(_) => Error::NotFound(msg),
        other => other,
    }
}

fn verify_passwords(
    r: &Resolved,
    snap: &Snapshot,
    opts: &Options,
    ui: &crate::output::Ui,
) -> Result<Verified> {
    let mut jobs = Vec::new();
    for (i, u) in r.decl.users.iter().enumerate() {
        if let (true, Password::Plain(pw)) = (wants_password(u, opts), &r.passwords[i]) {
            if let Some(user) = snap.find(&u.name)? {
                jobs.push((user.id.clone(), user.password_hash.clone(), pw.clone()));
            }
        }
    }
    let bar = ui.bar(
        if jobs.len() > work::SCREENFUL {
            jobs.len() as u64
        } else {
            0
        },
        "checking passwords",
    );
    let results = work::parallel(jobs, opts.jobs, |(id, hash, pw)| {
        let same = bcrypt::verify(password::normalize(&pw).expose_secret(), &hash).unwrap_or(false);
        bar.inc(1);
        Ok(((id, hash), same))
    })?;
    Ok(results.into_iter().collect())
}

fn hash_passwords(
    r: &Resolved,
    plan: &Plan,
    settings: &Settings,
    opts: &Options,
    ui: &crate::output::Ui,
) -> Result<Hashes> {
    let app = settings.profile.app();
    let mut jobs = Vec::new();
    for op in &plan.ops {
        let i = match op {
            Op::CreateUser(i) => *i,
            Op::UpdateUser(_, i, c) if c.password => *i,
            _ => continue,
        };
        match &r.passwords[i] {
            Password::Plain(pw) => jobs.push((i, pw.clone(), true)),
            Password::Generated(pw) => jobs.push((i, pw.clone(), false)),
            Password::Hash(_) | Password::None => {}
        }
    }
    let bar = ui.bar(
        if jobs.len() > work::SCREENFUL {
            jobs.len() as u64
        } else {
            0
        },
        "hashing passwords",
    );
    let cost = settings.bcrypt_cost;
    let min = settings.min_password_length;
    let results = work::parallel(jobs, opts.jobs, |(i, pw, check)| {
        let u = &r.decl.users[i];
        if check {
            password::check_policy(&pw, &u.name, min, &|pw| app.password_problem(pw))
                .map_err(|e| at(&r.file, u.password_line, format!("{}: {e}", u.loc.path)))?;
        }
        let hash = password::hash(&pw, cost)?;
        bar.inc(1);
        Ok((i, hash))
    })?;
    Ok(Hashes(results.into_iter().collect()))
}

pub use work::default_jobs;

/// The plan against a database that does not exist yet (a dry run before
/// the first apply): everything declared is created.
pub fn plan_without_database(r: &Resolved, settings: &Settings, opts: &Options) -> Result<Plan> {
    let storage = settings.profile.app().api_key_storage();
    let snap = Snapshot {
        users: Vec::new(),
        by_name: HashMap::new(),
        owned: HashMap::new(),
        all_keys: Vec::new(),
        same_key: HashMap::new(),
    };
    compute(r, &snap, opts, &Verified::new(), storage, "the app")
}
