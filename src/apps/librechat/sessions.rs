//! LibreChat's sessions as authctl's refresh-token records: the `sessions`
//! collection (`@librechat/data-schemas` 0.0.71's session schema and
//! methods: `{refreshTokenHash, expiration, user}`, a TTL on
//! `expiration`). A refresh token is accepted while a session of its user
//! holds its SHA-256 (`findSession`); a session's id is the token's
//! `sessionId`, and its creation time is its ObjectId's. Revoking deletes
//! the session, as LibreChat's logout does, so a revoked one is not kept.

use super::store::{now, object_id, rfc3339, LibreChatStore};
use crate::error::{Error, Result};
use crate::store::audit_file::{append_audit, audit_record, prepare};
use crate::store::{RefreshToken, RefreshTokens, Revoke, UserRows};
use mongodb::bson::{doc, Bson, DateTime, Document};

const SESSIONS: &str = "sessions";

fn id(text: &str, what: &str) -> Result<mongodb::bson::oid::ObjectId> {
    object_id(text).ok_or_else(|| {
        Error::usage(format!(
            "{what} \"{}\" is not a MongoDB id (24 hex digits)",
            crate::output::shown(text)
        ))
    })
}

/// A session document as a refresh-token record.
fn record(d: &Document) -> Option<RefreshToken> {
    let jti = d.get_object_id("_id").ok()?;
    let user = match d.get("user")? {
        Bson::ObjectId(o) => o.to_hex(),
        Bson::String(s) => s.clone(),
        _ => return None,
    };
    let issued = DateTime::from_millis(jti.timestamp().timestamp_millis());
    Some(RefreshToken {
        jti: jti.to_hex(),
        user_id: user,
        issued_at: rfc3339(Some(&Bson::DateTime(issued))),
        expires_at: rfc3339(d.get("expiration")),
        revoked_at: None,
    })
}

impl LibreChatStore {
    fn sessions(&self, filter: Document) -> Result<Vec<RefreshToken>> {
        let found = self
            .mongo
            .collection(SESSIONS)
            .find(filter)
            .sort(doc! { "expiration": -1, "_id": -1 })
            .run();
        Ok(self
            .mongo
            .documents(found, "read the sessions in")?
            .iter()
            .filter_map(record)
            .collect())
    }
}

impl RefreshTokens for LibreChatStore {
    /// The session a refresh token needs, as LibreChat stores one
    /// (`{refreshTokenHash, expiration, user}`), under the token's
    /// `sessionId`: made, or, where that session is the user's already,
    /// made to hold this token.
    fn record_refresh_token(&mut self, r: &RefreshToken, token_sha256: &str) -> Result<()> {
        let session = id(&r.jti, "sessionId")?;
        let user = id(&r.user_id, "--user")?;
        let expiration = chrono::DateTime::parse_from_rfc3339(&r.expires_at)
            .map(|t| DateTime::from_millis(t.timestamp_millis()))
            .map_err(|_| Error::Failure(format!("bad expiry {}", r.expires_at)))?;
        if self.get_user_by_id(&r.user_id)?.is_none() {
            return Err(Error::NotFound(format!(
                "no LibreChat user has _id {}; see `authctl --profile librechat user list --json`",
                r.user_id
            )));
        }
        // `--claim sessionId=` may name a session that exists: it then
        // holds this token, as LibreChat's refresh rewrites a session's
        // hash, if it is the same user's.
        if let Some(other) = self.find_refresh_token(&r.jti)? {
            if other.user_id != r.user_id {
                return Err(Error::Conflict(format!(
                    "session {} belongs to another user ({}); drop --claim sessionId to make a new one",
                    r.jti, other.user_id
                )));
            }
        }
        prepare(&self.audit_path)?;
        self.mongo
            .collection(SESSIONS)
            .update_one(
                doc! { "_id": session },
                doc! {
                    "$set": { "refreshTokenHash": token_sha256, "expiration": expiration, "user": user },
                    "$setOnInsert": { "__v": 0 },
                },
            )
            .upsert(true)
            .run()
            .map_err(|e| self.mongo.error(&e, "store the session in"))?;
        append_audit(
            &self.audit_path,
            &[audit_record(
                self.actor.name(),
                "token.refresh.mint",
                &r.user_id,
                serde_json::json!({ "jti": r.jti, "expires_at": r.expires_at }),
            )],
        );
        Ok(())
    }

    fn find_refresh_token(&self, jti: &str) -> Result<Option<RefreshToken>> {
        let Some(session) = object_id(jti) else {
            return Ok(None);
        };
        Ok(self.sessions(doc! { "_id": session })?.into_iter().next())
    }

    fn list_refresh_tokens(&self, user_id: &str) -> Result<Vec<RefreshToken>> {
        let Some(user) = object_id(user_id) else {
            return Ok(Vec::new());
        };
        self.sessions(super::store::names_user("user", user))
    }

    /// Deletes the sessions (LibreChat keeps no revoked ones): by id, by
    /// the token's hash, or every one of a user.
    fn revoke_refresh_tokens(&mut self, which: &Revoke) -> Result<Vec<RefreshToken>> {
        let (filter, target) = match which {
            Revoke::Jti(jti) => (doc! { "_id": id(jti, "--jti")? }, jti.clone()),
            Revoke::TokenSha256(h) => (doc! { "refreshTokenHash": h }, "token".to_string()),
            Revoke::User { user_id, username } => (
                super::store::names_user("user", id(user_id, "user id")?),
                username.clone(),
            ),
        };
        let mut rows = self.sessions(filter.clone())?;
        if rows.is_empty() && !matches!(which, Revoke::User { .. }) {
            return Err(Error::NotFound(
                "no LibreChat session matches; see `authctl --profile librechat token list --user EMAIL`".into(),
            ));
        }
        if rows.is_empty() {
            return Ok(rows);
        }
        prepare(&self.audit_path)?;
        let ids: Vec<Bson> = rows
            .iter()
            .filter_map(|r| object_id(&r.jti))
            .map(Bson::ObjectId)
            .collect();
        self.mongo
            .collection(SESSIONS)
            .delete_many(doc! { "_id": { "$in": ids } })
            .run()
            .map_err(|e| self.mongo.error(&e, "delete the sessions in"))?;
        let at = now().1;
        for r in &mut rows {
            r.revoked_at = Some(at.clone());
        }
        let jtis: Vec<_> = rows.iter().map(|r| r.jti.clone()).collect();
        append_audit(
            &self.audit_path,
            &[audit_record(
                self.actor.name(),
                "token.refresh.revoke",
                &target,
                serde_json::json!({ "jti": jtis }),
            )],
        );
        Ok(rows)
    }
}
