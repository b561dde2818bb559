//! The rules every layout shares, written once over `UsersTx`.
//!
//! Invariants, for every layout and engine:
//! - a change is one write transaction: all of it or none of it;
//! - a name is taken once, up to case and Unicode normalisation
//!   (`pick_user`); two stored names that differ only so are refused as
//!   ambiguous rather than one of them picked;
//! - no update or delete leaves no active superuser, unless forced: the
//!   count is taken in the transaction, over the state the change leaves;
//! - every change records its audit entry with its commit (where it lands
//!   is the layout's: see `UsersTx::audit`).

use super::{last_superuser, pick_user, user_not_found, NewUser, User, UserChange, UserRows};
use crate::error::{Error, Result};

fn is_admin(u: &User) -> bool {
    u.is_active && u.is_superuser
}

/// Create a user; `Conflict` when the name is taken.
pub fn create_user(layout: &mut dyn UserRows, new: &NewUser) -> Result<User> {
    let new = new.normalized()?;
    let mut tx = layout.begin_users()?;
    if let Some(existing) = pick_user(&tx.users()?, &new.username)? {
        return Err(Error::Conflict(format!(
            "user \"{}\" already exists",
            existing.username
        )));
    }
    let user = tx.insert(&new)?;
    let detail = serde_json::json!({
        "id": user.id, "is_active": user.is_active, "is_superuser": user.is_superuser
    });
    tx.audit("user.create", &user.username, detail)?;
    tx.commit()?;
    Ok(user)
}

/// Apply `change` to every named user in one transaction: all or none.
/// `NotFound` for an unknown name; `Conflict` when the change would leave
/// no active superuser and `change.force` is false.
pub fn update_users(
    layout: &mut dyn UserRows,
    usernames: &[String],
    change: &UserChange,
) -> Result<Vec<User>> {
    let mut tx = layout.begin_users()?;
    let mut all = tx.users()?;
    let mut updated = Vec::with_capacity(usernames.len());
    for name in usernames {
        let user = pick_user(&all, name)?.ok_or_else(|| user_not_found(name))?;
        let after = tx.update(&user, change)?;
        // The state this change leaves, as the transaction now sees it.
        for u in all.iter_mut().filter(|u| u.id == after.id) {
            *u = after.clone();
        }
        super::guard_last_superuser(&user, &after, change.force, || {
            Ok(all.iter().filter(|u| is_admin(u)).count() as i64)
        })?;
        tx.audit(change.action(), &user.username, change.detail())?;
        updated.push(after);
    }
    tx.commit()?;
    Ok(updated)
}

/// Delete a user; the same guard as `update_users`.
pub fn delete_user(layout: &mut dyn UserRows, username: &str, force: bool) -> Result<User> {
    let mut tx = layout.begin_users()?;
    let all = tx.users()?;
    let user = pick_user(&all, username)?.ok_or_else(|| user_not_found(username))?;
    let others = all
        .iter()
        .filter(|u| u.id != user.id && is_admin(u))
        .count();
    if is_admin(&user) && !force && others == 0 {
        return Err(last_superuser(&user.username, "delete"));
    }
    let removed = tx.remove(&user)?;
    let mut detail = serde_json::json!({ "id": user.id, "force": force });
    if !removed.is_null() {
        detail["rows"] = removed;
    }
    tx.audit("user.delete", &user.username, detail)?;
    tx.commit()?;
    Ok(user)
}

#[cfg(test)]
mod tests {
    //! The rules over an in-memory layout: what holds here holds for every
    //! layout, since none of them decides anything.

    use super::*;
    use crate::store::UsersTx;

    #[derive(Default)]
    struct Memory {
        users: Vec<User>,
        audit: Vec<String>,
        commits: usize,
    }

    struct MemoryTx<'a> {
        db: &'a mut Memory,
        users: Vec<User>,
        audit: Vec<String>,
    }

    impl UserRows for Memory {
        fn get_user_by_id(&self, id: &str) -> Result<Option<User>> {
            Ok(self.users.iter().find(|u| u.id == id).cloned())
        }
        fn list_users(&self) -> Result<Vec<User>> {
            Ok(self.users.clone())
        }
        fn begin_users(&mut self) -> Result<Box<dyn UsersTx + '_>> {
            let users = self.users.clone();
            Ok(Box::new(MemoryTx {
                db: self,
                users,
                audit: Vec::new(),
            }))
        }
    }

    impl UsersTx for MemoryTx<'_> {
        fn users(&mut self) -> Result<Vec<User>> {
            Ok(self.users.clone())
        }
        fn insert(&mut self, new: &NewUser) -> Result<User> {
            let user = User {
                id: format!("id-{}", self.users.len()),
                username: new.username.clone(),
                password_hash: new.password_hash.clone(),
                is_active: new.is_active,
                is_superuser: new.is_superuser,
                created_at: String::new(),
                updated_at: String::new(),
                last_login_at: None,
            };
            self.users.push(user.clone());
            Ok(user)
        }
        fn update(&mut self, user: &User, change: &UserChange) -> Result<User> {
            let u = self.users.iter_mut().find(|u| u.id == user.id).unwrap();
            if let Some(v) = change.is_active {
                u.is_active = v;
            }
            if let Some(v) = change.is_superuser {
                u.is_superuser = v;
            }
            if let Some(h) = &change.password_hash {
                u.password_hash = h.clone();
            }
            Ok(u.clone())
        }
        fn remove(&mut self, user: &User) -> Result<serde_json::Value> {
            self.users.retain(|u| u.id != user.id);
            Ok(serde_json::Value::Null)
        }
        fn api_keys(&mut self) -> Result<Vec<crate::store::ApiKey>> {
            Ok(Vec::new())
        }
        fn insert_api_key(&mut self, _: &crate::store::NewApiKey) -> Result<crate::store::ApiKey> {
            Err(Error::usage("this layout keeps no API keys"))
        }
        fn remove_api_key(&mut self, _: &crate::store::ApiKey) -> Result<()> {
            Err(Error::usage("this layout keeps no API keys"))
        }
        fn api_key_is(
            &mut self,
            _: &crate::store::ApiKey,
            _: &crate::store::NewApiKey,
        ) -> Result<bool> {
            Ok(false)
        }
        fn audit(&mut self, action: &str, target: &str, _: serde_json::Value) -> Result<()> {
            self.audit.push(format!("{action} {target}"));
            Ok(())
        }
        fn commit(self: Box<Self>) -> Result<()> {
            let MemoryTx { db, users, audit } = *self;
            db.users = users;
            db.audit.extend(audit);
            db.commits += 1;
            Ok(())
        }
    }

    fn new(name: &str, admin: bool) -> NewUser {
        NewUser {
            username: name.into(),
            password_hash: "h".into(),
            is_active: admin,
            is_superuser: admin,
        }
    }

    fn change(active: Option<bool>, superuser: Option<bool>, force: bool) -> UserChange {
        UserChange {
            is_active: active,
            is_superuser: superuser,
            force,
            ..Default::default()
        }
    }

    #[test]
    fn names_are_taken_once_up_to_case_and_normalisation() {
        let mut db = Memory::default();
        create_user(&mut db, &new("José", true)).unwrap();
        // Decomposed é and another case: the same name.
        let err = create_user(&mut db, &new("JOSE\u{301}", false)).unwrap_err();
        assert_eq!(err.exit_code(), 4, "{err}");
        assert_eq!(db.users.len(), 1);
        assert_eq!(db.audit, ["user.create José"]);
    }

    #[test]
    fn the_last_active_superuser_stays_through_updates_and_deletes() {
        let mut db = Memory::default();
        create_user(&mut db, &new("root", true)).unwrap();
        create_user(&mut db, &new("ops", true)).unwrap();
        let commits = db.commits;
        // Demoting both in one change would leave none: refused whole.
        let both = ["root".to_string(), "ops".to_string()];
        let err = update_users(&mut db, &both, &change(None, Some(false), false)).unwrap_err();
        assert_eq!(err.exit_code(), 4);
        assert!(
            err.to_string().contains("refusing to demote \"ops\""),
            "{err}"
        );
        assert!(db.users.iter().all(|u| u.is_superuser));
        assert_eq!(db.commits, commits, "nothing committed");
        // One may go; then the other is the last, for every way of losing it.
        update_users(&mut db, &both[..1], &change(Some(false), None, false)).unwrap();
        for (c, what) in [
            (change(Some(false), None, false), "deactivate"),
            (change(None, Some(false), false), "demote"),
        ] {
            let err = update_users(&mut db, &both[1..], &c).unwrap_err();
            assert!(
                err.to_string()
                    .contains(&format!("refusing to {what} \"ops\"")),
                "{err}"
            );
        }
        let err = delete_user(&mut db, "ops", false).unwrap_err();
        assert!(
            err.to_string().contains("refusing to delete \"ops\""),
            "{err}"
        );
        // Deleting an inactive superuser is no loss.
        delete_user(&mut db, "root", false).unwrap();
        // Forced, it goes, and the audit says so.
        delete_user(&mut db, "ops", true).unwrap();
        assert!(db.users.is_empty());
        assert_eq!(
            db.audit,
            [
                "user.create root",
                "user.create ops",
                "user.deactivate root",
                "user.delete root",
                "user.delete ops"
            ]
        );
    }

    #[test]
    fn an_unknown_name_changes_nothing() {
        let mut db = Memory::default();
        create_user(&mut db, &new("root", true)).unwrap();
        create_user(&mut db, &new("bob", false)).unwrap();
        let names = ["bob".to_string(), "nobody".to_string()];
        let err = update_users(&mut db, &names, &change(Some(true), None, false)).unwrap_err();
        assert_eq!(err.exit_code(), 3);
        assert!(!db.get_user("bob").unwrap().unwrap().is_active);
        assert_eq!(db.audit.len(), 2);
        assert_eq!(
            delete_user(&mut db, "nobody", true)
                .unwrap_err()
                .exit_code(),
            3
        );
    }
}
