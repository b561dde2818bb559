//! `CREDS_KEY` rotation and rescue: the values LibreChat keeps in MongoDB
//! under `CREDS_KEY` (and, for its v1 cipher, the fixed `CREDS_IV`), moved
//! to a new pair with the lock, pending key and crash recovery of
//! `secrets::rotate`, the new pair then written into LibreChat's `.env`.
//!
//! The key is the pair, as `.env` lines (`CREDS_KEY=…` and `CREDS_IV=…`);
//! `secret identify` and `--from-key` read it from old `.env` files, from
//! `CREDS_KEY:CREDS_IV` lines on stdin, or from the backups a rotation
//! keeps (`.env.<time>.bak`). Each value keeps its cipher (v1, v2 or v3).
//! LibreChat's ciphers carry no integrity check (CBC's padding aside; CTR
//! none), so a value counts as decrypting under a key only when what comes
//! out is text, as every value LibreChat stores is: random bytes from a
//! wrong key are not, but for a chance far below one in a million.

use super::crypto::{self, Plain, Version};
use super::store::LibreChatStore;
use crate::error::{Error, Result};
use crate::secrets::rotate::{EncryptedValues, Reencrypted, Scheme};
use crate::store::mongo::{Write, WriteKind};
use mongodb::bson::{doc, Bson, Document};
use secrecy::{ExposeSecret, SecretString};
use std::path::Path;
use zeroize::Zeroizing;

/// The new pair during a rotation, in LibreChat's folder.
pub const PENDING_FILE: &str = "authctl-creds.pending";
/// The file LibreChat reads the pair from, in its folder.
pub const ENV_FILE: &str = ".env";
const KEY: &str = "CREDS_KEY";
const IV: &str = "CREDS_IV";

/// A stored value under `CREDS_KEY`: its collection and field, the
/// documents it is in (a field and the values it takes), and whether every
/// value is encrypted (v1 fields, read with `decrypt` alone) or only those
/// with a `:` (`decryptV2` returns a value without one as it is, and the
/// 2FA secret reader treats it as plain).
pub struct Field {
    pub collection: &'static str,
    pub path: &'static str,
    pub only: Option<(&'static str, &'static [&'static str])>,
    pub every: bool,
}

const fn field(collection: &'static str, path: &'static str, every: bool) -> Field {
    Field {
        collection,
        path,
        only: None,
        every,
    }
}

/// The token types LibreChat encrypts (`packages/api/src/mcp/oauth/
/// tokens.ts`, `packages/api/src/oauth/tokens.ts`); its other tokens
/// (reset, verification, invitation) are hashes.
const OAUTH_TOKENS: &[&str] = &[
    "mcp_oauth",
    "mcp_oauth_refresh",
    "mcp_oauth_client",
    "oauth",
    "oauth_refresh",
];

/// Every value LibreChat encrypts under `CREDS_KEY`, from its source:
/// - `keys.value`, user-provided API keys, v1 (`@librechat/data-schemas`
///   `src/methods/key.ts`, `updateUserKey`/`getUserKey`);
/// - `pluginauths.value`, plugin and MCP user credentials, v1
///   (`api/server/services/PluginService.js`, `updateUserPluginAuth`);
/// - `actions.metadata.{api_key,oauth_client_id,oauth_client_secret}`, v2
///   (`api/server/services/ActionService.js`, `encryptMetadata`);
/// - `tokens.token` of the OAuth types above, v2 (MCP and action OAuth
///   access, refresh and client records);
/// - `mcpservers.config.oauth.client_secret` and an admin-provided
///   `config.apiKey.key`, v2 (`packages/api/src/mcp/registry/db/
///   ServerConfigsDB.ts`, `encryptConfig`);
/// - `users.totpSecret` and `pendingTotpSecret`, v3 (older ones v2), read
///   by `api/server/services/twoFactorService.js` `getTOTPSecret`;
/// - `skillsynccredentials.encryptedToken` (data-schemas `src/methods/
///   skillSync.ts`), `refreshtokenbridges.encryptedNewRefreshToken` and
///   `openidrefreshflights.encryptedResult` (`packages/api/src/auth/
///   openid/`), v2.
pub const FIELDS: &[Field] = &[
    field("keys", "value", true),
    field("pluginauths", "value", true),
    field("actions", "metadata.api_key", false),
    field("actions", "metadata.oauth_client_id", false),
    field("actions", "metadata.oauth_client_secret", false),
    Field {
        collection: "tokens",
        path: "token",
        only: Some(("type", OAUTH_TOKENS)),
        every: false,
    },
    field("mcpservers", "config.oauth.client_secret", false),
    Field {
        collection: "mcpservers",
        path: "config.apiKey.key",
        only: Some(("config.apiKey.source", &["admin"])),
        every: false,
    },
    field("users", "totpSecret", false),
    field("users", "pendingTotpSecret", false),
    field("skillsynccredentials", "encryptedToken", false),
    field("refreshtokenbridges", "encryptedNewRefreshToken", false),
    field("openidrefreshflights", "encryptedResult", false),
];

/// The pair as `.env` lines, the form authctl keeps it in.
pub fn key_text(key: &str, iv: &str) -> SecretString {
    SecretString::from(format!("{KEY}={key}\n{IV}={iv}\n"))
}

/// The two hex texts of a pair: from `.env` lines (`CREDS_IV` may be
/// missing: v2 and v3 values do not use it), or `KEY:IV` / `KEY IV`.
fn texts(text: &str) -> Option<(Zeroizing<String>, Zeroizing<String>)> {
    if text.contains('=') {
        let env = crate::envfile::parse(text, &|_| None).ok()?;
        let key = env.get(KEY)?.clone();
        let iv = env.get(IV).cloned().unwrap_or_default();
        return Some((Zeroizing::new(key), Zeroizing::new(iv)));
    }
    let mut parts = text
        .split([':', ' ', '\t', '\n', '\r'])
        .filter(|p| !p.is_empty());
    let key = parts.next()?.to_string();
    let iv = parts.next().unwrap_or_default().to_string();
    parts
        .next()
        .is_none()
        .then(|| (Zeroizing::new(key), Zeroizing::new(iv)))
}

/// Key and IV bytes.
type Bytes = (Zeroizing<Vec<u8>>, Zeroizing<Vec<u8>>);

/// The pair's bytes, read as Node's `Buffer.from(…, "hex")` reads them.
fn bytes(key: &SecretString) -> Option<Bytes> {
    let (key, iv) = texts(key.expose_secret())?;
    Some((crypto::node_hex(&key), crypto::node_hex(&iv)))
}

/// A new pair, as LibreChat's docs make one: 32 bytes of key, 16 of IV,
/// in hex, every digit read.
fn new_pair(key: &SecretString) -> Result<(Zeroizing<String>, Zeroizing<String>)> {
    let bad = || {
        Error::usage(
            "the new key must be CREDS_KEY=<64 hex digits> and CREDS_IV=<32 hex digits> (or KEY:IV on one line)",
        )
    };
    let (k, iv) = texts(key.expose_secret()).ok_or_else(bad)?;
    let hex = |t: &str, n: usize| t.len() == n && t.bytes().all(|b| b.is_ascii_hexdigit());
    if !hex(&k, 64) || !hex(&iv, 32) {
        return Err(bad());
    }
    Ok((k, iv))
}

/// Text, as every value LibreChat stores is: UTF-8 without control
/// characters other than tab and line breaks.
fn is_text(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok_and(|t| {
        !t.chars()
            .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    })
}

/// LibreChat's `CREDS_KEY`/`CREDS_IV` pair and its three ciphers.
pub struct CredsPair;

impl CredsPair {
    fn encrypt_as(&self, version: Version, key: &SecretString, plain: &[u8]) -> Result<String> {
        let (k, iv) = new_pair(key)?;
        let plain = std::str::from_utf8(plain)
            .map_err(|_| Error::usage("LibreChat encrypts text; the value is not UTF-8"))?;
        crypto::encrypt(
            version,
            &crypto::node_hex(&k),
            &crypto::node_hex(&iv),
            plain,
        )?
        .map_err(|r| Error::usage(r.librechat_message()))
    }
}

impl Scheme for CredsPair {
    fn key_name(&self) -> &'static str {
        KEY
    }

    fn pending_file(&self) -> &'static str {
        PENDING_FILE
    }

    fn decrypt(&self, key: &SecretString, value: &str) -> Option<Zeroizing<Vec<u8>>> {
        let (k, iv) = bytes(key)?;
        match crypto::decrypt(Version::of(value), &k, &iv, value) {
            Ok(Plain::Bytes(plain)) if is_text(&plain) => Some(plain),
            _ => None,
        }
    }

    fn encrypt(&self, key: &SecretString, plain: &[u8]) -> Result<String> {
        self.encrypt_as(Version::V2, key, plain)
    }

    fn encrypt_like(&self, key: &SecretString, plain: &[u8], stored: &str) -> Result<String> {
        self.encrypt_as(Version::of(stored), key, plain)
    }

    fn pending_key(&self, text: &str) -> SecretString {
        SecretString::from(text.to_string())
    }

    /// The pair into LibreChat's `.env`, only those two values changed,
    /// the old file kept as `.env.<time>.bak`.
    fn install(&self, dir: &Path, key: &SecretString) -> Result<crate::secrets::WriteReport> {
        let (k, iv) = new_pair(key)?;
        let entry = |var: &str, value: &str| crate::secrets::init::Entry {
            var: var.to_string(),
            value: SecretString::from(value.to_string()),
            file: None,
            secret: true,
            guards_stored: true,
        };
        let merged = crate::secrets::init::merge_env_file(
            &dir.join(ENV_FILE),
            &[entry(KEY, &k), entry(IV, &iv)],
            true,
            &|_| None,
        )?;
        Ok(crate::secrets::WriteReport {
            path: merged.path,
            fingerprint: crate::secrets::fingerprint(key_text(&k, &iv).expose_secret()),
            written: true,
            backup: merged.backup,
        })
    }
}

/// The pair LibreChat uses, as `.env` lines; `None` when `CREDS_KEY` is
/// not set.
pub fn current(s: &crate::settings::Settings) -> Option<SecretString> {
    let key = s.lookup(KEY)?;
    Some(key_text(key, s.lookup(IV).unwrap_or_default()))
}

/// Whether a rotation would leave LibreChat on the old pair: its `.env`
/// is what a rotation rewrites, so the pair must be read from it (in
/// LibreChat's folder), and a variable of the process environment that
/// differs from it wins over it (dotenv keeps what is set).
pub fn from_variable(s: &crate::settings::Settings) -> Result<bool> {
    let env = s.config_dir.join(ENV_FILE);
    match &s.env_file {
        None => {
            return Err(Error::usage(format!(
                "no LibreChat .env in \"{}\": `secret rotate` writes the new CREDS_KEY and CREDS_IV there; run it in LibreChat's folder (or give --config-dir)",
                s.config_dir.display()
            )))
        }
        Some(path) if path != &env => {
            return Err(Error::usage(format!(
                "`secret rotate` writes the new CREDS_KEY and CREDS_IV into the .env LibreChat reads, \"{}\", not --env-file \"{}\"; run it without --env-file",
                env.display(),
                path.display()
            )))
        }
        Some(_) => {}
    }
    let text = crate::fsutil::read_text(&env, "the .env file")?;
    let file = crate::envfile::parse(&text, &|_| None).unwrap_or_default();
    Ok([KEY, IV].iter().any(|v| {
        s.var_in_process(v)
            .is_some_and(|p| file.get(*v).map(String::as_str) != Some(p))
    }))
}

/// The string at a dotted `path` of `d`.
fn at<'a>(d: &'a Document, path: &str) -> Option<&'a str> {
    let mut parts = path.split('.');
    let mut here = d;
    let mut last = parts.next()?;
    for next in parts {
        here = here.get_document(last).ok()?;
        last = next;
    }
    here.get_str(last).ok()
}

/// An `_id` as messages show it.
fn shown_id(id: &Bson) -> String {
    match id {
        Bson::ObjectId(o) => o.to_hex(),
        Bson::String(s) => crate::text::quoted(s).to_string(),
        other => other.to_string(),
    }
}

/// One value to rewrite.
struct Change {
    field: &'static Field,
    id: Bson,
    old: String,
    new: String,
}

impl EncryptedValues for LibreChatStore {
    /// Every value of `FIELDS`, re-encrypted in memory first (any value
    /// `rekey` refuses stops it with nothing written), then written, each
    /// only where it is still the value read: in one transaction where
    /// the server runs them, else one by one (the pending key lets the
    /// next `secret rotate` finish what a cut-off one began).
    fn reencrypt(
        &mut self,
        rekey: &mut dyn FnMut(&str, &str) -> Result<String>,
        dry_run: bool,
    ) -> Result<Vec<Reencrypted>> {
        let mut columns = Vec::new();
        let mut changes = Vec::new();
        for f in FIELDS {
            let mut filter = doc! { f.path: { "$type": "string" } };
            if let Some((name, values)) = f.only {
                filter.insert(name, doc! { "$in": values.to_vec() });
            }
            let doing = format!("read {}.{} in", f.collection, f.path);
            let found = self
                .mongo
                .collection(f.collection)
                .find(filter)
                .projection(doc! { f.path: 1 })
                .run();
            let mut values = 0;
            for d in self.mongo.documents(found, &doing)? {
                let Some(value) = at(&d, f.path) else {
                    continue;
                };
                if value.is_empty() || (!f.every && !value.contains(':')) {
                    continue;
                }
                let id = d.get("_id").cloned().unwrap_or(Bson::Null);
                let row = format!("{}.{} of {}", f.collection, f.path, shown_id(&id));
                let new = rekey(value, &row)?;
                values += 1;
                if new != value {
                    changes.push(Change {
                        field: f,
                        id,
                        old: value.to_string(),
                        new,
                    });
                }
            }
            columns.push(Reencrypted {
                table: f.collection.to_string(),
                column: f.path.to_string(),
                values,
            });
        }
        if dry_run || changes.is_empty() {
            return Ok(columns);
        }
        crate::store::audit_file::prepare(&self.audit_path)?;
        let writes: Vec<Write> = changes
            .iter()
            .map(|c| {
                let (collection, path) = (c.field.collection, c.field.path);
                Write {
                    collection,
                    kind: WriteKind::UpdateOne(
                        doc! { "_id": c.id.clone(), path: &c.old },
                        doc! { "$set": { path: &c.new } },
                    ),
                    doing: format!("write {collection}.{path} in"),
                    must_match: Some(format!(
                        "{collection}.{path} of {} changed while it was re-encrypted: stop LibreChat before rotating",
                        shown_id(&c.id)
                    )),
                }
            })
            .collect();
        self.mongo.write_all(&writes)?;
        let detail: serde_json::Map<String, serde_json::Value> = columns
            .iter()
            .filter(|c| c.values > 0)
            .map(|c| (format!("{}.{}", c.table, c.column), c.values.into()))
            .collect();
        crate::store::audit_file::append_audit(
            &self.audit_path,
            &[crate::store::audit_file::audit_record(
                self.actor.name(),
                "secret.rotate",
                KEY,
                serde_json::Value::Object(detail),
            )],
        );
        Ok(columns)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair() -> SecretString {
        key_text(&"ab".repeat(32), &"cd".repeat(16))
    }

    #[test]
    fn each_value_keeps_its_cipher_and_a_wrong_pair_reads_nothing() {
        let s = CredsPair;
        let other = key_text(&"12".repeat(32), &"34".repeat(16));
        for version in [Version::V1, Version::V2, Version::V3] {
            let stored = s
                .encrypt_as(version, &pair(), br#"{"apiKey":"sk-test"}"#)
                .unwrap();
            assert_eq!(Version::of(&stored), version);
            let plain = s.decrypt(&pair(), &stored).unwrap();
            assert_eq!(&plain[..], br#"{"apiKey":"sk-test"}"#);
            let again = s.encrypt_like(&other, &plain, &stored).unwrap();
            assert_eq!(Version::of(&again), version);
            // CTR (v3) decrypts anything: what comes out is not text.
            assert!(s.decrypt(&other, &stored).is_none(), "{version:?}");
            assert!(s.decrypt(&pair(), &again).is_none(), "{version:?}");
        }
    }

    #[test]
    fn a_pair_is_read_from_env_lines_or_one_line() {
        let (k, iv) = texts("CREDS_KEY=aa\nCREDS_IV=bb\nOTHER=x\n").unwrap();
        assert_eq!((k.as_str(), iv.as_str()), ("aa", "bb"));
        let (k, iv) = texts("aa:bb").unwrap();
        assert_eq!((k.as_str(), iv.as_str()), ("aa", "bb"));
        assert!(texts("aa bb cc").is_none());
        assert!(texts("OTHER=x").is_none());
        // A new pair is LibreChat's sizes, every digit hex.
        assert!(new_pair(&pair()).is_ok());
        assert!(new_pair(&key_text(&"ab".repeat(16), &"cd".repeat(16))).is_err());
        assert!(new_pair(&key_text(
            &format!("{}zz", "ab".repeat(31)),
            &"cd".repeat(16)
        ))
        .is_err());
    }

    #[test]
    fn a_dotted_path_is_read_from_nested_documents() {
        let d = doc! { "_id": 1, "metadata": { "api_key": "a:b", "n": 2 }, "value": "x" };
        assert_eq!(at(&d, "metadata.api_key"), Some("a:b"));
        assert_eq!(at(&d, "value"), Some("x"));
        assert_eq!(at(&d, "metadata.n"), None);
        assert_eq!(at(&d, "config.oauth.client_secret"), None);
    }
}
