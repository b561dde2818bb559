//! LibreChat's bans, as its `checkBan` (`api/server/middleware/checkBan.js`)
//! reads them on every request: Keyv records in the `logs` collection
//! (`packages/api/src/cache/keyvMongo.ts`: `{key, value, expiresAt}`, no
//! TTL index), in the namespace `BANS` (librechat-data-provider's
//! `CacheKeys.BANS`) for the bans themselves, keyed by user id or client
//! address, and `ban` (`ViolationTypes.BAN`) for what `checkBan` caches
//! once it has refused a request, keyed the same way (or
//! `ban_cache:user:<id>` / `ban_cache:ip:<address>` with `USE_REDIS`).
//!
//! A value is Keyv's JSON text `{"value": …, "expires": <ms>}`; Keyv drops
//! a record read after `expires`. LibreChat's `banViolation` sets
//! `expires` from `BAN_DURATION` (default 2 h) whatever the ban's own
//! `duration`, so its bans end at `BAN_DURATION`; a ban written here has
//! `expires` at its own end, and lasts it. `checkBan` caches a refusal
//! without an end (its time left is not a number), so a cached ban
//! outlives the ban it came from — also on the address the banned user
//! called from, for everyone behind it. A ban written here therefore
//! writes the user's cache entries itself, with its end: `checkBan` finds
//! them first and derives nothing. Lifting a ban removes
//! the user's records, those of the addresses banned with it (their value
//! names the user), and every cached ban that no remaining ban stands
//! behind; `checkBan` rebuilds the cache from the bans that remain.

use super::expr::{read, Reading};
use super::is_enabled;
use super::store::{names_user, now, rfc3339, user_object_id, LibreChatStore};
use crate::error::{Error, Result};
use crate::settings::Settings;
use crate::store::audit_file::{append_audit, audit_record, prepare};
use crate::store::{Banned, Bans, Unbanned, User};
use mongodb::bson::{doc, Bson, DateTime};
use serde_json::Value;

/// The collection LibreChat's Keyv store keeps its records in.
const LOGS: &str = "logs";
/// The namespace of the bans.
const RECORD: &str = "BANS:";
/// The namespace of `checkBan`'s cache.
const CACHED: &str = "ban:";
/// `cacheConfig.BAN_DURATION`'s default: 2 hours, in milliseconds.
const BAN_DURATION_DEFAULT_MS: f64 = 7_200_000.0;

/// One Keyv record of either namespace.
#[derive(Debug, Clone)]
pub struct Entry {
    pub key: String,
    /// The stored value's `value` (None when it is not Keyv's JSON).
    pub value: Option<Value>,
    /// Keyv's end, Unix ms; None: no end.
    pub expires: Option<i64>,
}

impl Entry {
    fn from_document(d: &mongodb::bson::Document) -> Option<Entry> {
        let key = d.get_str("key").ok()?.to_string();
        let parsed = d
            .get_str("value")
            .ok()
            .and_then(|v| serde_json::from_str::<Value>(v).ok());
        let expires = parsed
            .as_ref()
            .and_then(|p| p.get("expires"))
            .and_then(Value::as_f64)
            .filter(|e| e.is_finite())
            .map(|e| e as i64);
        Some(Entry {
            key,
            value: parsed.and_then(|mut p| p.get_mut("value").map(Value::take)),
            expires,
        })
    }

    /// Whether Keyv still returns it at `now_ms` (it drops it after).
    pub fn live(&self, now_ms: i64) -> bool {
        self.expires.is_none_or(|e| now_ms <= e)
    }

    /// A ban's key without its namespace.
    pub fn record_of(&self) -> Option<&str> {
        self.key.strip_prefix(RECORD)
    }

    /// A cached ban's key without its namespace and `USE_REDIS` prefix.
    pub fn cache_of(&self) -> Option<&str> {
        let rest = self.key.strip_prefix(CACHED)?;
        Some(
            rest.strip_prefix("ban_cache:user:")
                .or_else(|| rest.strip_prefix("ban_cache:ip:"))
                .unwrap_or(rest),
        )
    }

    /// The user the value names (an address's ban does).
    pub fn user_id(&self) -> Option<&str> {
        self.value.as_ref()?.get("user_id")?.as_str()
    }

    /// The end the ban records for itself (`expiresAt`), Unix ms.
    pub fn recorded_end(&self) -> Option<i64> {
        self.value
            .as_ref()?
            .get("expiresAt")?
            .as_f64()
            .filter(|e| e.is_finite())
            .map(|e| e as i64)
    }
}

/// Whether LibreChat enforces bans with these settings, and for how long
/// its own bans last (`BAN_DURATION`, ms): `checkBan` does nothing unless
/// `BAN_VIOLATIONS` is on, nor when `BAN_DURATION` is not positive.
pub fn enforcement(s: &Settings) -> std::result::Result<i64, String> {
    if !is_enabled(s.lookup("BAN_VIOLATIONS")) {
        return Err("BAN_VIOLATIONS is not true".into());
    }
    let ms = match s.lookup("BAN_DURATION") {
        None => BAN_DURATION_DEFAULT_MS,
        Some(text) => match read(text) {
            Reading::Number(ms) => ms,
            Reading::Fallback(_) | Reading::Unknown(_) => BAN_DURATION_DEFAULT_MS,
        },
    };
    if ms.is_nan() || ms <= 0.0 {
        return Err(format!(
            "BAN_DURATION is {}, not above 0",
            super::expr::shown(s.lookup("BAN_DURATION").unwrap_or_default())
        ));
    }
    Ok(ms.min(i64::MAX as f64) as i64)
}

impl LibreChatStore {
    /// Every ban and cached ban, as stored.
    pub fn ban_entries(&self) -> Result<Vec<Entry>> {
        let found = self
            .mongo
            .collection(LOGS)
            .find(doc! { "key": { "$regex": "^(BANS|ban):" } })
            .run();
        Ok(self
            .mongo
            .documents(found, "read the bans in")?
            .iter()
            .filter_map(Entry::from_document)
            .collect())
    }
}

/// The cached bans (still live for Keyv) that no live ban in `entries`,
/// once `lifted` are gone, stands behind.
pub fn orphaned_cache<'a>(entries: &'a [Entry], lifted: &[String], now_ms: i64) -> Vec<&'a Entry> {
    let standing: Vec<&str> = entries
        .iter()
        .filter(|e| e.live(now_ms) && !lifted.contains(&e.key))
        .filter_map(Entry::record_of)
        .collect();
    entries
        .iter()
        .filter(|e| e.live(now_ms) && e.cache_of().is_some_and(|k| !standing.contains(&k)))
        .collect()
}

impl Bans for LibreChatStore {
    /// The record LibreChat's `banViolation` writes for `ban-user.js`
    /// (type `concurrent`, violation count 20), ending at the ban's own
    /// end; the user's cache entries with the same end; then its sessions
    /// end, as `banViolation` ends them.
    fn ban(&mut self, user: &User, seconds: u64, settings: &Settings) -> Result<Banned> {
        let id = user_object_id(user)?;
        let hex = id.to_hex();
        let (at, _) = now();
        let ms = i64::try_from(seconds)
            .ok()
            .and_then(|s| s.checked_mul(1000))
            .ok_or_else(|| Error::usage("--for is too long"))?;
        let end = at.timestamp_millis().saturating_add(ms);
        let value = format!(
            r#"{{"value":{{"type":"concurrent","violation_count":20,"duration":{ms},"expiresAt":{end}}},"expires":{end}}}"#
        );
        prepare(&self.audit_path)?;
        let key = format!("{RECORD}{hex}");
        let logs = self.mongo.collection(LOGS);
        logs.update_one(
            doc! { "key": &key },
            doc! { "$set": { "key": &key, "value": value, "expiresAt": DateTime::from_millis(end) } },
        )
        .upsert(true)
        .run()
        .map_err(|e| self.mongo.error(&e, "store the ban in"))?;
        // checkBan looks in its cache first, and caches a refusal it
        // derives without an end: the user's cache entries are written
        // here with the ban's end, so its first refused request finds them
        // (and caches nothing endless, for the user or the address), and
        // Keyv drops them when the ban ends.
        for cached in ["", "ban_cache:user:"].map(|p| format!("{CACHED}{p}{hex}")) {
            logs.update_one(
                doc! { "key": &cached },
                doc! { "$set": {
                    "key": &cached,
                    "value": format!(r#"{{"value":true,"expires":{end}}}"#),
                    "expiresAt": DateTime::from_millis(end),
                } },
            )
            .upsert(true)
            .run()
            .map_err(|e| self.mongo.error(&e, "store the ban in"))?;
        }
        let ended = self
            .mongo
            .collection("sessions")
            .delete_many(names_user("user", id))
            .run()
            .map_err(|e| self.mongo.error(&e, "end the user's sessions in"))?
            .deleted_count;
        let until = rfc3339(Some(&Bson::DateTime(DateTime::from_millis(end))));
        append_audit(
            &self.audit_path,
            &[audit_record(
                self.actor.name(),
                "user.ban",
                &user.username,
                serde_json::json!({ "until": until, "seconds": seconds }),
            )],
        );
        Ok(Banned {
            user: user.username.clone(),
            id: hex,
            until,
            enforced: enforcement(settings).is_ok(),
            sessions_ended: ended,
        })
    }

    fn unban(&mut self, user: &User) -> Result<Unbanned> {
        let hex = user_object_id(user)?.to_hex();
        let now_ms = now().0.timestamp_millis();
        let entries = self.ban_entries()?;
        let mut lifted = Vec::new();
        let mut addresses = Vec::new();
        let mut was_banned = false;
        for e in &entries {
            let Some(of) = e.record_of() else { continue };
            let address = of != hex && e.user_id() == Some(hex.as_str());
            if of == hex || address {
                was_banned |= e.live(now_ms);
                lifted.push(e.key.clone());
                if address {
                    addresses.push(of.to_string());
                }
            }
        }
        let cached: Vec<&Entry> = orphaned_cache(&entries, &lifted, now_ms);
        was_banned |= cached.iter().any(|e| {
            e.cache_of() == Some(hex.as_str()) || addresses.iter().any(|a| e.cache_of() == Some(a))
        });
        let mut removed = lifted;
        removed.extend(cached.iter().map(|e| e.key.clone()));
        if !removed.is_empty() {
            prepare(&self.audit_path)?;
            self.mongo
                .collection(LOGS)
                .delete_many(doc! { "key": { "$in": &removed } })
                .run()
                .map_err(|e| self.mongo.error(&e, "lift the ban in"))?;
            append_audit(
                &self.audit_path,
                &[audit_record(
                    self.actor.name(),
                    "user.unban",
                    &user.username,
                    serde_json::json!({ "removed": removed, "addresses": addresses }),
                )],
            );
        }
        Ok(Unbanned {
            user: user.username.clone(),
            id: hex,
            was_banned,
            addresses,
            removed,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(key: &str, value: &str) -> Entry {
        Entry::from_document(&doc! { "key": key, "value": value }).unwrap()
    }

    #[test]
    fn a_keyv_value_is_read_with_its_end_and_the_user_it_names() {
        let e = entry(
            "BANS:10.0.0.9",
            r#"{"value":{"type":"concurrent","user_id":"65f0c0ffee","violation_count":20,"duration":60000,"expiresAt":1700000060000},"expires":1700000000000}"#,
        );
        assert_eq!(e.record_of(), Some("10.0.0.9"));
        assert_eq!(e.user_id(), Some("65f0c0ffee"));
        assert_eq!(e.expires, Some(1_700_000_000_000));
        assert_eq!(e.recorded_end(), Some(1_700_000_060_000));
        assert!(e.live(1_700_000_000_000));
        assert!(!e.live(1_700_000_000_001));
        // checkBan's cache: no end, under either key form.
        let c = entry(
            "ban:ban_cache:ip:10.0.0.9",
            r#"{"value":true,"expires":null}"#,
        );
        assert_eq!(c.cache_of(), Some("10.0.0.9"));
        assert!(c.live(i64::MAX));
        // Not Keyv's JSON: kept as an entry with no value, never live-limited.
        let odd = entry("BANS:x", "not json");
        assert!(odd.value.is_none() && odd.expires.is_none());
    }

    #[test]
    fn a_cached_ban_stays_only_while_a_live_ban_stands_behind_it() {
        let entries = vec![
            entry("BANS:aa", r#"{"value":{},"expires":2000}"#),
            entry("BANS:bb", r#"{"value":{},"expires":500}"#),
            entry("ban:aa", r#"{"value":true}"#),
            entry("ban:bb", r#"{"value":true}"#),
            entry("ban:10.0.0.9", r#"{"value":true}"#),
            // Past its own end: Keyv drops it, nothing blocks.
            entry("ban:cc", r#"{"value":true,"expires":500}"#),
        ];
        let keys = |v: Vec<&Entry>| v.iter().map(|e| e.key.clone()).collect::<Vec<_>>();
        assert_eq!(
            keys(orphaned_cache(&entries, &[], 1000)),
            ["ban:bb", "ban:10.0.0.9"]
        );
        assert_eq!(
            keys(orphaned_cache(&entries, &["BANS:aa".into()], 1000)),
            ["ban:aa", "ban:bb", "ban:10.0.0.9"]
        );
    }
}
