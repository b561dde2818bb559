//! The key directory: the current pair under the names Langflow reads, the
//! retired public keys that may still verify tokens, and a manifest.
//!
//! Layout (in the config directory):
//! - `private_key.pem` — current private key, PKCS#8, 0600.
//! - `public_key.pem`  — current public key, SPKI, 0644.
//! - `retired/<kid>.pem` — retired public keys, SPKI, 0644. A server that
//!   reads the two names above never sees them.
//! - `keys.json` — manifest: kid, alg, bits, created_at, retired_at, status.
//! - `private_key.pem.<stamp>.bak` — the private key a rotation replaced.
//!
//! Invariants: the key files are the truth and the manifest only adds
//! metadata, so a hand-placed key (one Langflow made) works without an entry
//! and a missing manifest is rebuilt; a corrupt manifest is reported, never
//! overwritten. Every file is written atomically; an existing key is
//! replaced only with `force`, after its public key is safe in `retired/`.
//! A reuse writes nothing, so read-only mounted keys work.

use super::generate::{check_bits, generate};
use super::jwk::{jwk_value, thumbprint};
use super::pem::{private_from_bytes, private_pkcs8_pem, public_from_bytes, public_spki_pem};
use super::{Alg, Check};
use crate::clock;
use crate::error::{Error, Result};
use crate::fsutil::{self, Overwrite};
use rsa::traits::PublicKeyParts;
use rsa::{RsaPrivateKey, RsaPublicKey};
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

/// The current private key, as Langflow names it.
pub const PRIVATE_KEY_FILE: &str = "private_key.pem";
/// The current public key, as Langflow names it.
pub const PUBLIC_KEY_FILE: &str = "public_key.pem";
/// The directory of retired public keys, `<kid>.pem` each.
pub const RETIRED_DIR: &str = "retired";
/// The manifest of key metadata.
pub const MANIFEST_FILE: &str = "keys.json";
const MANIFEST_VERSION: u32 = 1;

/// Where a key stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyStatus {
    /// Signs new tokens (or, with only a public key present, verifies them).
    Current,
    /// No longer signs; still verifies tokens it signed.
    Retired,
    /// Removed from verification by `KeyDir::retire` (only in its answer).
    Dropped,
}

/// What is known about one key; also the manifest's entry format.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KeyInfo {
    /// RFC 7638 thumbprint of the public key.
    pub kid: String,
    /// The algorithm it was made for; `None` for a key authctl did not record.
    pub alg: Option<Alg>,
    /// Modulus size.
    pub bits: usize,
    /// RFC 3339 UTC; the file's mtime for a key not in the manifest.
    pub created_at: String,
    /// RFC 3339 UTC, for a retired key.
    pub retired_at: Option<String>,
    /// Current, retired, or (in `retire`'s answer) dropped.
    pub status: KeyStatus,
}

/// A public key that may verify tokens.
#[derive(Debug, Clone, serde::Serialize)]
pub struct VerificationKey {
    /// RFC 7638 thumbprint.
    pub kid: String,
    /// The recorded algorithm, if any.
    pub alg: Option<Alg>,
    /// SPKI PEM.
    pub public_pem: String,
    /// Current or retired.
    pub status: KeyStatus,
    /// The parsed key.
    #[serde(skip)]
    pub key: RsaPublicKey,
}

/// How `KeyDir::ensure_rsa` may change the directory.
#[derive(Default)]
pub struct EnsureOptions {
    /// Replace an existing different key (retiring its public key).
    pub force: bool,
    /// Store this key instead of generating one.
    pub import: Option<RsaPrivateKey>,
    /// A public key given separately (an environment variable); it must
    /// match the private key.
    pub public_override: Option<RsaPublicKey>,
    /// The size was asked for (`--bits`): a kept key of another size is a
    /// conflict, not a silent reuse.
    pub exact_bits: bool,
}

impl std::fmt::Debug for EnsureOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EnsureOptions")
            .field("force", &self.force)
            .field("import", &self.import.as_ref().map(|_| "[REDACTED]"))
            .field(
                "public_override",
                &self.public_override.as_ref().map(thumbprint),
            )
            .field("exact_bits", &self.exact_bits)
            .finish()
    }
}

/// What `ensure_rsa` found and did, safe to print.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct KeygenReport {
    /// The algorithm the key is recorded for.
    pub alg: Alg,
    /// Modulus size of the current key.
    pub bits: usize,
    /// Thumbprint of the current key.
    pub kid: String,
    /// Path of `private_key.pem`.
    pub private_key: PathBuf,
    /// Path of `public_key.pem`.
    pub public_key: PathBuf,
    /// A new private key was written (generated or imported).
    pub created: bool,
    /// The private key was imported rather than generated or reused.
    pub imported: bool,
    /// `public_key.pem` was written from the private key.
    pub derived_public: bool,
    /// The kid of the key this call retired.
    pub retired: Option<String>,
    /// Where the replaced private key was kept.
    pub backup: Option<PathBuf>,
    /// Things worth fixing that did not stop the command (file modes).
    pub warnings: Vec<String>,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Manifest {
    version: u32,
    keys: Vec<KeyInfo>,
}

impl Default for Manifest {
    fn default() -> Self {
        Manifest {
            version: MANIFEST_VERSION,
            keys: Vec::new(),
        }
    }
}

impl Manifest {
    fn get(&self, kid: &str) -> Option<&KeyInfo> {
        self.keys.iter().find(|k| k.kid == kid)
    }

    fn upsert(&mut self, info: KeyInfo) {
        match self.keys.iter_mut().find(|k| k.kid == info.kid) {
            Some(entry) => *entry = info,
            None => self.keys.push(info),
        }
    }
}

/// A key found on disk with its metadata.
struct Found {
    info: KeyInfo,
    public: RsaPublicKey,
    file: PathBuf,
}

/// The key directory (the config directory).
#[derive(Debug, Clone)]
pub struct KeyDir {
    dir: PathBuf,
}

impl KeyDir {
    /// A key directory at `dir`; nothing is read or created yet.
    pub fn new(dir: &Path) -> Self {
        KeyDir {
            dir: dir.to_path_buf(),
        }
    }

    /// The directory.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// `<dir>/private_key.pem`.
    pub fn private_key_path(&self) -> PathBuf {
        self.dir.join(PRIVATE_KEY_FILE)
    }

    /// `<dir>/public_key.pem`.
    pub fn public_key_path(&self) -> PathBuf {
        self.dir.join(PUBLIC_KEY_FILE)
    }

    /// `<dir>/retired`.
    pub fn retired_dir(&self) -> PathBuf {
        self.dir.join(RETIRED_DIR)
    }

    /// `<dir>/keys.json`.
    pub fn manifest_path(&self) -> PathBuf {
        self.dir.join(MANIFEST_FILE)
    }

    /// Make sure a usable RSA pair exists, as `authctl keygen` promises:
    /// - both files present and matching: reuse them (`created: false`);
    /// - private present, public missing: derive and write the public key;
    /// - present but not matching: `Error::Conflict`;
    /// - `force`: rotate — retire the old public key (it keeps verifying),
    ///   write a new pair, keep the old private key as a backup;
    /// - `import`: store that key as PKCS#8 (a different existing key needs
    ///   `force`; the same key is a reuse);
    /// - `public_override` must match the private key, or `Error::Conflict`.
    pub fn ensure_rsa(&self, alg: Alg, bits: usize, opts: EnsureOptions) -> Result<KeygenReport> {
        if !alg.is_rsa() {
            return Err(Error::usage(format!(
                "{alg} does not sign with an RSA key; use RS256 or RS512"
            )));
        }
        check_bits(bits)?;
        let EnsureOptions {
            force,
            import,
            public_override,
            exact_bits,
        } = opts;
        let private_path = self.private_key_path();
        let public_path = self.public_key_path();
        // Every file this may write must be a regular file or absent
        // before anything is written, so a planted link stops it whole.
        for path in [&private_path, &public_path, &self.manifest_path()] {
            fsutil::replaceable(path)?;
        }
        let mut manifest = self.load_manifest()?;

        let existing = match self.load_private() {
            Ok(key) => key,
            Err(Error::Usage(_)) if force => None,
            Err(Error::Usage(message)) => return Err(Error::Usage(with_force_hint(message))),
            Err(e) => return Err(e),
        };
        let existing_public = match self.load_public() {
            Ok(key) => key,
            Err(Error::Usage(_)) if force => None,
            Err(Error::Usage(message)) => return Err(Error::Usage(with_force_hint(message))),
            Err(e) => return Err(e),
        };
        let old_public = existing
            .as_ref()
            .map(RsaPrivateKey::to_public_key)
            .or_else(|| existing_public.clone());

        let (target, is_new, imported) = match (import, existing) {
            (Some(new), Some(current)) if new.to_public_key() == current.to_public_key() => {
                (current, false, false)
            }
            (Some(_), Some(_)) if !force => {
                return Err(Error::Conflict(format!(
                    "a different private key already exists at \"{}\"; pass --force to replace it (the old key is retired and its file kept as a backup)",
                    private_path.display()
                )))
            }
            (Some(new), _) => (new, true, true),
            (None, Some(current)) if !force => {
                let have = current.size() * 8;
                if exact_bits && have != bits {
                    return Err(Error::Conflict(format!(
                        "the current key in \"{}\" is {have} bits, not {bits}; pass --force to rotate to a new {bits}-bit key (the old one keeps verifying until `authctl keys retire`)",
                        private_path.display()
                    )));
                }
                (current, false, false)
            }
            (None, _) => {
                if public_override.is_some() {
                    return Err(Error::Conflict(
                        "a public key was given but there is no private key to match it; give the private key too, or leave the public key out so it is derived"
                            .to_string(),
                    ));
                }
                if existing_public.is_some() && !force {
                    return Err(self.orphan_public());
                }
                (generate(bits)?, true, false)
            }
        };
        let target_public = target.to_public_key();
        if let Some(given) = &public_override {
            if *given != target_public {
                return Err(Error::Conflict(
                    "the public key given does not match the private key; give the matching public key, or leave it out so it is derived"
                        .to_string(),
                ));
            }
        }
        let kid = thumbprint(&target_public);
        let report = |created, derived_public, retired, backup, warnings| KeygenReport {
            alg,
            bits: target_public.n().bits(),
            kid: kid.clone(),
            private_key: private_path.clone(),
            public_key: public_path.clone(),
            created,
            imported,
            derived_public,
            retired,
            backup,
            warnings,
        };

        if !is_new {
            let warnings = self.mode_warnings();
            match &existing_public {
                Some(public) if *public == target_public => {
                    return Ok(report(false, false, None, None, warnings))
                }
                // public_key.pem is a key this directory retired: a rotation
                // was interrupted between writing the new private key and
                // its public key. Finish it by deriving the public key.
                Some(public)
                    if !force
                        && !self
                            .retired_dir()
                            .join(format!("{}.pem", thumbprint(public)))
                            .is_file() =>
                {
                    return Err(self.mismatch())
                }
                _ => {}
            }
            // Missing, or (with force) wrong or unreadable: derive it.
            replace_file(
                &public_path,
                public_spki_pem(&target_public)?.as_bytes(),
                fsutil::PUBLIC_MODE,
            )?;
            if manifest.get(&kid).is_none() {
                manifest.upsert(KeyInfo {
                    kid: kid.clone(),
                    alg: Some(alg),
                    bits: target_public.n().bits(),
                    created_at: mtime_rfc3339(&private_path),
                    retired_at: None,
                    status: KeyStatus::Current,
                });
                self.save_manifest(&manifest)?;
            }
            return Ok(report(false, true, None, None, warnings));
        }

        if !force {
            if let Some(public) = &existing_public {
                if *public != target_public {
                    return Err(self.orphan_public());
                }
            }
        }

        // 1. Keep the old public key verifying before anything replaces it.
        let now = clock::rfc3339_secs(clock::now());
        let mut retired = None;
        if let Some(old) = old_public.filter(|old| *old != target_public) {
            let old_kid = thumbprint(&old);
            let file = self.retired_dir().join(format!("{old_kid}.pem"));
            if !fsutil::exists(&file)? {
                fsutil::write_atomic(
                    &file,
                    public_spki_pem(&old)?.as_bytes(),
                    fsutil::PUBLIC_MODE,
                    Overwrite::Refuse,
                )?;
            }
            let mut info = manifest.get(&old_kid).cloned().unwrap_or_else(|| KeyInfo {
                kid: old_kid.clone(),
                alg: None,
                bits: old.n().bits(),
                created_at: mtime_rfc3339(if private_path.is_file() {
                    &private_path
                } else {
                    &public_path
                }),
                retired_at: None,
                status: KeyStatus::Retired,
            });
            info.status = KeyStatus::Retired;
            info.retired_at = Some(now.clone());
            manifest.upsert(info);
            retired = Some(old_kid);
        }

        // 2. The new pair: private first (the old one kept as a backup).
        let private_pem = private_pkcs8_pem(&target)?;
        let backup = fsutil::write_atomic(
            &private_path,
            private_pem.as_bytes(),
            fsutil::SECRET_MODE,
            Overwrite::Backup,
        )?;
        replace_file(
            &public_path,
            public_spki_pem(&target_public)?.as_bytes(),
            fsutil::PUBLIC_MODE,
        )?;

        // 3. A key that comes back is current, not retired; any other entry
        //    still marked current was replaced by hand and is retired if its
        //    public key is kept, forgotten otherwise.
        let returning = self.retired_dir().join(format!("{kid}.pem"));
        if fsutil::exists(&returning)? {
            std::fs::remove_file(&returning)
                .map_err(|e| Error::io(format!("cannot remove \"{}\"", returning.display()), e))?;
        }
        let retired_dir = self.retired_dir();
        manifest.keys.retain(|k| {
            k.status != KeyStatus::Current
                || k.kid == kid
                || retired_dir.join(format!("{}.pem", k.kid)).is_file()
        });
        for entry in &mut manifest.keys {
            if entry.status == KeyStatus::Current && entry.kid != kid {
                entry.status = KeyStatus::Retired;
                entry.retired_at = Some(now.clone());
            }
        }
        manifest.upsert(KeyInfo {
            kid: kid.clone(),
            alg: Some(alg),
            bits: target_public.n().bits(),
            created_at: now,
            retired_at: None,
            status: KeyStatus::Current,
        });
        self.save_manifest(&manifest)?;
        Ok(report(true, true, retired, backup, self.mode_warnings()))
    }

    /// The current signing pair, if a private key exists. A `public_key.pem`
    /// that does not match it is a conflict.
    pub fn current(&self) -> Result<Option<(RsaPrivateKey, RsaPublicKey)>> {
        self.current_checked(Check::Full)
    }

    /// `current`, validating the private key to `check`.
    pub fn current_checked(&self, check: Check) -> Result<Option<(RsaPrivateKey, RsaPublicKey)>> {
        let Some(private) = self.load_private_checked(check)? else {
            return Ok(None);
        };
        let public = private.to_public_key();
        if let Some(on_disk) = self.load_public()? {
            if on_disk != public {
                return Err(self.mismatch());
            }
        }
        Ok(Some((private, public)))
    }

    /// Every public key that may verify a token: the current one (also when
    /// only `public_key.pem` is present), then the retired ones, newest first.
    pub fn verification_keys(&self) -> Result<Vec<VerificationKey>> {
        self.found_keys(true)?
            .into_iter()
            .map(|f| {
                Ok(VerificationKey {
                    public_pem: public_spki_pem(&f.public)?,
                    kid: f.info.kid,
                    alg: f.info.alg,
                    status: f.info.status,
                    key: f.public,
                })
            })
            .collect()
    }

    /// What is known about every key that may verify a token.
    pub fn list(&self) -> Result<Vec<KeyInfo>> {
        Ok(self.found()?.into_iter().map(|f| f.info).collect())
    }

    /// `{"keys":[…]}` with the public JWK of every key that may verify.
    pub fn jwks(&self) -> Result<serde_json::Value> {
        let keys: Vec<serde_json::Value> = self
            .found()?
            .iter()
            .map(|f| jwk_value(&f.public, f.info.alg.map(Alg::as_str)))
            .collect();
        Ok(serde_json::json!({ "keys": keys }))
    }

    /// Drop a retired key from verification: remove its file and entry.
    pub fn retire(&self, kid: &str) -> Result<KeyInfo> {
        let found = self.found()?;
        let mut manifest = self.load_manifest()?;
        let had_entry = manifest.get(kid).is_some();
        let mut info = match found.into_iter().find(|f| f.info.kid == kid) {
            Some(f) if f.info.status == KeyStatus::Current => {
                return Err(Error::Conflict(format!(
                    "key \"{kid}\" is the current signing key; rotate first with `authctl keygen --force`, then retire it"
                )))
            }
            Some(f) => {
                std::fs::remove_file(&f.file).map_err(|e| {
                    Error::io(format!("cannot remove \"{}\"", f.file.display()), e)
                })?;
                fsutil::sync_dir(&self.retired_dir())?;
                f.info
            }
            // An entry whose file is already gone: forget it.
            None => match manifest.get(kid) {
                Some(entry) => entry.clone(),
                None => {
                    return Err(Error::NotFound(format!(
                        "no retired key has kid \"{kid}\" in \"{}\"; list the keys to see their kids",
                        self.dir.display()
                    )))
                }
            },
        };
        if had_entry {
            manifest.keys.retain(|k| k.kid != kid);
            self.save_manifest(&manifest)?;
        }
        info.status = KeyStatus::Dropped;
        Ok(info)
    }

    /// The current key (or lone public key) first, then retired keys.
    /// Keys on disk. With `public_only`, the current key is taken from
    /// `public_key.pem` when it exists, so verifying never reads the
    /// private key (a mismatched pair is `keygen`'s and `doctor`'s finding).
    fn found(&self) -> Result<Vec<Found>> {
        self.found_keys(false)
    }

    fn found_keys(&self, public_only: bool) -> Result<Vec<Found>> {
        let manifest = self.load_manifest()?;
        let mut found = Vec::new();
        let public_first = if public_only {
            self.load_public()?
        } else {
            None
        };
        let current = match public_first {
            Some(public) => Some((public, self.public_key_path())),
            None => match self.load_private()? {
                Some(private) => {
                    let public = private.to_public_key();
                    if let Some(on_disk) = self.load_public()? {
                        if on_disk != public {
                            return Err(self.mismatch());
                        }
                    }
                    Some((public, self.private_key_path()))
                }
                None => self
                    .load_public()?
                    .map(|public| (public, self.public_key_path())),
            },
        };
        let current_kid = current.as_ref().map(|(public, _)| thumbprint(public));
        if let (Some((public, file)), Some(kid)) = (current, current_kid.clone()) {
            let mut info = manifest.get(&kid).cloned().unwrap_or_else(|| KeyInfo {
                kid: kid.clone(),
                alg: None,
                bits: public.n().bits(),
                created_at: mtime_rfc3339(&file),
                retired_at: None,
                status: KeyStatus::Current,
            });
            info.status = KeyStatus::Current;
            info.retired_at = None;
            info.bits = public.n().bits();
            found.push(Found { info, public, file });
        }

        let mut retired = Vec::new();
        for file in self.retired_files()? {
            let bytes = read_optional(&file)?.unwrap_or_default();
            let public =
                public_from_bytes(&bytes, &format!("retired key file \"{}\"", file.display()))
                    .map_err(|e| {
                        Error::Failure(format!(
                            "{}; remove it or restore it from a backup",
                            e.one_line()
                        ))
                    })?;
            let kid = thumbprint(&public);
            if Some(&kid) == current_kid.as_ref()
                || retired.iter().any(|f: &Found| f.info.kid == kid)
            {
                continue;
            }
            let mut info = manifest.get(&kid).cloned().unwrap_or_else(|| KeyInfo {
                kid: kid.clone(),
                alg: None,
                bits: public.n().bits(),
                created_at: mtime_rfc3339(&file),
                retired_at: Some(mtime_rfc3339(&file)),
                status: KeyStatus::Retired,
            });
            info.status = KeyStatus::Retired;
            info.bits = public.n().bits();
            retired.push(Found { info, public, file });
        }
        // Newest retirement first; RFC 3339 UTC strings sort by time.
        retired.sort_by(|a, b| {
            b.info
                .retired_at
                .cmp(&a.info.retired_at)
                .then_with(|| a.info.kid.cmp(&b.info.kid))
        });
        found.extend(retired);
        Ok(found)
    }

    /// The `*.pem` files in `retired/`, sorted by name.
    fn retired_files(&self) -> Result<Vec<PathBuf>> {
        let dir = self.retired_dir();
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => {
                return Err(Error::io(
                    format!("cannot list retired keys in \"{}\"", dir.display()),
                    e,
                ))
            }
        };
        let mut files = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| {
                Error::io(
                    format!("cannot list retired keys in \"{}\"", dir.display()),
                    e,
                )
            })?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') || !name.ends_with(".pem") {
                continue;
            }
            files.push(entry.path());
        }
        files.sort();
        Ok(files)
    }

    fn load_private(&self) -> Result<Option<RsaPrivateKey>> {
        self.load_private_checked(Check::Full)
    }

    fn load_private_checked(&self, check: Check) -> Result<Option<RsaPrivateKey>> {
        let path = self.private_key_path();
        match read_optional(&path)? {
            None => Ok(None),
            Some(bytes) => private_from_bytes(
                &bytes,
                &format!("private key file \"{}\"", path.display()),
                check,
            )
            .map(Some),
        }
    }

    fn load_public(&self) -> Result<Option<RsaPublicKey>> {
        let path = self.public_key_path();
        match read_optional(&path)? {
            None => Ok(None),
            Some(bytes) => {
                public_from_bytes(&bytes, &format!("public key file \"{}\"", path.display()))
                    .map(Some)
            }
        }
    }

    fn load_manifest(&self) -> Result<Manifest> {
        let path = self.manifest_path();
        let Some(bytes) = read_optional(&path)? else {
            return Ok(Manifest::default());
        };
        let manifest: Manifest = serde_json::from_slice(&bytes).map_err(|e| {
            Error::Failure(format!(
                "key manifest \"{}\" is damaged ({e}); fix it, or remove it and authctl rebuilds it from the key files",
                path.display()
            ))
        })?;
        if manifest.version > MANIFEST_VERSION {
            return Err(Error::Failure(format!(
                "key manifest \"{}\" has version {}, newer than this authctl understands ({MANIFEST_VERSION}); upgrade authctl",
                path.display(),
                manifest.version
            )));
        }
        Ok(manifest)
    }

    fn save_manifest(&self, manifest: &Manifest) -> Result<()> {
        let mut json = serde_json::to_vec_pretty(manifest)
            .map_err(|e| Error::Failure(format!("cannot encode the key manifest: {e}")))?;
        json.push(b'\n');
        replace_file(&self.manifest_path(), &json, fsutil::PUBLIC_MODE)
    }

    fn mismatch(&self) -> Error {
        Error::Conflict(format!(
            "\"{}\" does not match \"{}\"; remove the public key file so it is derived again, or pass --force to make a new pair",
            self.public_key_path().display(),
            self.private_key_path().display()
        ))
    }

    fn orphan_public(&self) -> Error {
        Error::Conflict(format!(
            "\"{}\" exists without its private key \"{}\"; restore the private key, or pass --force to retire that public key and make a new pair",
            self.public_key_path().display(),
            self.private_key_path().display()
        ))
    }

    fn mode_warnings(&self) -> Vec<String> {
        let path = self.private_key_path();
        let mut warnings: Vec<String> = fsutil::writable_dir_warning(&self.dir)
            .into_iter()
            .collect();
        if let Some(mode) = fsutil::mode_of(&path).filter(|m| m & 0o077 != 0) {
            warnings.push(format!(
                "private key file \"{}\" has mode {mode:04o}, readable by others; run `chmod 600 \"{}\"`",
                path.display(),
                path.display()
            ));
        }
        warnings
    }
}

fn with_force_hint(message: String) -> String {
    format!("{message}; or pass --force to replace it (a backup is kept)")
}

/// The bytes of `path`, `None` if it does not exist.
fn read_optional(path: &Path) -> Result<Option<Zeroizing<Vec<u8>>>> {
    fsutil::read_regular(path, "key file", fsutil::KEY_FILE_LIMIT)
}

/// Atomically write `path`, replacing any existing file without keeping a
/// backup (for files whose old content is kept elsewhere or is metadata).
fn replace_file(path: &Path, contents: &[u8], mode: u32) -> Result<()> {
    if let Some(backup) = fsutil::write_atomic(path, contents, mode, Overwrite::Backup)? {
        std::fs::remove_file(&backup)
            .map_err(|e| Error::io(format!("cannot remove \"{}\"", backup.display()), e))?;
    }
    Ok(())
}

fn mtime_rfc3339(path: &Path) -> String {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .map(|t| clock::rfc3339_secs(t.into()))
        .unwrap_or_else(|_| clock::rfc3339_secs(clock::now()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::testkeys::{self, PKCS1_PUB, PKCS8, PKCS8_PUB};
    use crate::keys::{parse_private_pem, parse_public_pem};
    use std::fs;

    fn setup() -> (tempfile::TempDir, KeyDir) {
        let tmp = tempfile::tempdir().unwrap();
        let keys = KeyDir::new(&tmp.path().join("config"));
        (tmp, keys)
    }

    fn import(key: RsaPrivateKey) -> EnsureOptions {
        EnsureOptions {
            import: Some(key),
            ..Default::default()
        }
    }

    fn place(keys: &KeyDir, name: &str, contents: &str) {
        fs::create_dir_all(keys.path()).unwrap();
        fs::write(keys.path().join(name), contents).unwrap();
    }

    fn kid_of(pem: &str) -> String {
        thumbprint(&parse_public_pem(pem).unwrap())
    }

    fn snapshot(keys: &KeyDir) -> Vec<(String, Vec<u8>)> {
        let mut files = Vec::new();
        let mut stack = vec![keys.path().to_path_buf()];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    files.push((path.display().to_string(), fs::read(&path).unwrap()));
                }
            }
        }
        files.sort();
        files
    }

    #[test]
    fn creates_a_pair_then_reuses_it_then_rotates_with_force() {
        let (_tmp, keys) = setup();
        let first = keys
            .ensure_rsa(Alg::RS256, 2048, EnsureOptions::default())
            .unwrap();
        assert!(first.created && first.derived_public && !first.imported);
        assert_eq!(
            (first.bits, first.retired.clone(), first.backup.clone()),
            (2048, None, None)
        );
        assert!(first.warnings.is_empty());
        let private = fs::read_to_string(keys.private_key_path()).unwrap();
        let public = fs::read_to_string(keys.public_key_path()).unwrap();
        assert!(private.starts_with("-----BEGIN PRIVATE KEY-----\n"));
        assert!(public.starts_with("-----BEGIN PUBLIC KEY-----\n"));
        assert_eq!(first.kid, kid_of(&public));
        assert_eq!(fsutil::mode_of(&keys.private_key_path()), Some(0o600));
        assert_eq!(fsutil::mode_of(&keys.public_key_path()), Some(0o644));
        assert_eq!(fsutil::mode_of(keys.path()), Some(0o700));
        let list = keys.list().unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].kid, first.kid);
        assert_eq!(list[0].alg, Some(Alg::RS256));
        assert_eq!(list[0].status, KeyStatus::Current);

        let before = snapshot(&keys);
        let again = keys
            .ensure_rsa(Alg::RS256, 2048, EnsureOptions::default())
            .unwrap();
        assert!(!again.created && !again.derived_public);
        assert_eq!(again.kid, first.kid);
        assert_eq!(snapshot(&keys), before, "a reuse writes nothing");

        let rotated = keys
            .ensure_rsa(
                Alg::RS512,
                2048,
                EnsureOptions {
                    force: true,
                    ..Default::default()
                },
            )
            .unwrap();
        assert!(rotated.created);
        assert_ne!(rotated.kid, first.kid);
        assert_eq!(rotated.retired.as_deref(), Some(first.kid.as_str()));
        let backup = rotated.backup.unwrap();
        assert_eq!(fs::read_to_string(&backup).unwrap(), private);
        assert_eq!(fsutil::mode_of(&backup), Some(0o600));
        let kids: Vec<String> = keys.jwks().unwrap()["keys"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["kid"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(kids, [rotated.kid.clone(), first.kid.clone()]);
    }

    #[test]
    fn reuses_a_hand_placed_langflow_pair_without_writing() {
        let (_tmp, keys) = setup();
        place(&keys, PRIVATE_KEY_FILE, PKCS8);
        place(&keys, PUBLIC_KEY_FILE, PKCS8_PUB);
        let before = snapshot(&keys);
        let report = keys
            .ensure_rsa(Alg::RS256, 2048, import(testkeys::pkcs8()))
            .unwrap();
        assert!(!report.created && !report.derived_public && !report.imported);
        let report = keys
            .ensure_rsa(Alg::RS256, 2048, EnsureOptions::default())
            .unwrap();
        assert!(!report.created);
        assert_eq!(report.kid, kid_of(PKCS8_PUB));
        assert_eq!(snapshot(&keys), before);
        assert!(!keys.manifest_path().exists());
        // Not in a manifest: the info is derived from the files.
        let info = &keys.list().unwrap()[0];
        assert_eq!(info.alg, None);
        assert_eq!(info.status, KeyStatus::Current);
        assert_eq!(info.created_at, mtime_rfc3339(&keys.private_key_path()));
        let jwks = keys.jwks().unwrap();
        assert!(jwks["keys"][0].get("alg").is_none());
        let (private, public) = keys.current().unwrap().unwrap();
        assert_eq!(private, testkeys::pkcs8());
        assert_eq!(public, parse_public_pem(PKCS8_PUB).unwrap());
    }

    #[test]
    fn derives_a_missing_public_key() {
        let (_tmp, keys) = setup();
        place(&keys, PRIVATE_KEY_FILE, testkeys::PKCS1);
        let report = keys
            .ensure_rsa(Alg::RS256, 2048, EnsureOptions::default())
            .unwrap();
        assert!(!report.created && report.derived_public);
        assert_eq!(
            fs::read_to_string(keys.public_key_path()).unwrap(),
            PKCS1_PUB
        );
        assert_eq!(fsutil::mode_of(&keys.public_key_path()), Some(0o644));
        // The private key file is left as it was (PKCS#1 here).
        assert_eq!(
            fs::read_to_string(keys.private_key_path()).unwrap(),
            testkeys::PKCS1
        );
        assert_eq!(keys.list().unwrap()[0].alg, Some(Alg::RS256));
    }

    #[test]
    fn refuses_a_public_key_that_does_not_match() {
        let (_tmp, keys) = setup();
        place(&keys, PRIVATE_KEY_FILE, PKCS8);
        place(&keys, PUBLIC_KEY_FILE, PKCS1_PUB);
        let before = snapshot(&keys);
        let err = keys
            .ensure_rsa(Alg::RS256, 2048, EnsureOptions::default())
            .unwrap_err();
        assert_eq!(err.exit_code(), 4);
        assert!(err.to_string().contains("does not match"), "{err}");
        assert_eq!(keys.current().unwrap_err().exit_code(), 4);
        assert_eq!(keys.jwks().unwrap_err().exit_code(), 4);
        assert_eq!(snapshot(&keys), before);
        // --force with the same key repairs the public key.
        let report = keys
            .ensure_rsa(
                Alg::RS256,
                2048,
                EnsureOptions {
                    force: true,
                    import: Some(testkeys::pkcs8()),
                    ..Default::default()
                },
            )
            .unwrap();
        assert!(!report.created && report.derived_public);
        assert_eq!(
            fs::read_to_string(keys.public_key_path()).unwrap(),
            PKCS8_PUB
        );
    }

    #[test]
    fn imports_pkcs1_as_pkcs8_and_pkcs8_as_is() {
        for (pem, public) in [(testkeys::PKCS1, PKCS1_PUB), (PKCS8, PKCS8_PUB)] {
            let (_tmp, keys) = setup();
            let key = parse_private_pem(pem).unwrap();
            let report = keys
                .ensure_rsa(Alg::RS512, 2048, import(key.clone()))
                .unwrap();
            assert!(report.created && report.imported && report.derived_public);
            let stored = fs::read_to_string(keys.private_key_path()).unwrap();
            assert!(stored.starts_with("-----BEGIN PRIVATE KEY-----\n"));
            assert_eq!(parse_private_pem(&stored).unwrap(), key);
            assert_eq!(fs::read_to_string(keys.public_key_path()).unwrap(), public);
            assert_eq!(fsutil::mode_of(&keys.private_key_path()), Some(0o600));
            let list = keys.list().unwrap();
            assert_eq!(list[0].alg, Some(Alg::RS512));
            assert_eq!(list[0].bits, 2048);
        }
    }

    #[test]
    fn rotation_by_import_needs_force_and_keeps_the_old_key_verifying() {
        let (_tmp, keys) = setup();
        keys.ensure_rsa(Alg::RS256, 2048, import(testkeys::pkcs8()))
            .unwrap();
        let old_private = fs::read_to_string(keys.private_key_path()).unwrap();
        let before = snapshot(&keys);
        let err = keys
            .ensure_rsa(Alg::RS256, 2048, import(testkeys::pkcs1()))
            .unwrap_err();
        assert_eq!(err.exit_code(), 4);
        assert!(err.to_string().contains("--force"), "{err}");
        assert_eq!(snapshot(&keys), before);

        let old_kid = kid_of(PKCS8_PUB);
        let new_kid = kid_of(PKCS1_PUB);
        let report = keys
            .ensure_rsa(
                Alg::RS256,
                2048,
                EnsureOptions {
                    force: true,
                    import: Some(testkeys::pkcs1()),
                    ..Default::default()
                },
            )
            .unwrap();
        assert_eq!(report.kid, new_kid);
        assert_eq!(report.retired.as_deref(), Some(old_kid.as_str()));
        let backup = report.backup.unwrap();
        assert_eq!(fs::read_to_string(&backup).unwrap(), old_private);
        let retired_file = keys.retired_dir().join(format!("{old_kid}.pem"));
        assert_eq!(fs::read_to_string(&retired_file).unwrap(), PKCS8_PUB);
        assert_eq!(fsutil::mode_of(&retired_file), Some(0o644));
        assert_eq!(
            fs::read_to_string(keys.public_key_path()).unwrap(),
            PKCS1_PUB
        );
        // No stray backups of the public key or the manifest.
        let names: Vec<String> = fs::read_dir(keys.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names.iter().filter(|n| n.ends_with(".bak")).count(),
            1,
            "{names:?}"
        );

        let list = keys.list().unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(
            (list[0].kid.as_str(), list[0].status),
            (new_kid.as_str(), KeyStatus::Current)
        );
        assert_eq!(
            (list[1].kid.as_str(), list[1].status),
            (old_kid.as_str(), KeyStatus::Retired)
        );
        assert!(list[1].retired_at.is_some() && list[0].retired_at.is_none());
        assert_eq!(list[1].alg, Some(Alg::RS256));

        let verification = keys.verification_keys().unwrap();
        assert_eq!(verification.len(), 2);
        assert_eq!(verification[1].public_pem, PKCS8_PUB);
        assert_eq!(verification[1].key, parse_public_pem(PKCS8_PUB).unwrap());

        let jwks = keys.jwks().unwrap();
        let jwk_list = jwks["keys"].as_array().unwrap();
        assert_eq!(jwk_list.len(), 2);
        for jwk in jwk_list {
            for private_member in ["d", "p", "q", "dp", "dq", "qi"] {
                assert!(jwk.get(private_member).is_none());
            }
            assert_eq!(jwk["alg"], "RS256");
        }

        // Importing the current key again, even with --force, is a reuse.
        let again = keys
            .ensure_rsa(
                Alg::RS256,
                2048,
                EnsureOptions {
                    force: true,
                    import: Some(testkeys::pkcs1()),
                    ..Default::default()
                },
            )
            .unwrap();
        assert!(!again.created && again.retired.is_none());

        // Bringing the retired key back makes it current and retires the other.
        let back = keys
            .ensure_rsa(
                Alg::RS256,
                2048,
                EnsureOptions {
                    force: true,
                    import: Some(testkeys::pkcs8()),
                    ..Default::default()
                },
            )
            .unwrap();
        assert_eq!(back.retired.as_deref(), Some(new_kid.as_str()));
        assert!(!retired_file.exists());
        let list = keys.list().unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(
            (list[0].kid.as_str(), list[0].status),
            (old_kid.as_str(), KeyStatus::Current)
        );
    }

    #[test]
    fn retire_drops_a_retired_key_only() {
        let (_tmp, keys) = setup();
        keys.ensure_rsa(Alg::RS256, 2048, import(testkeys::pkcs8()))
            .unwrap();
        keys.ensure_rsa(
            Alg::RS256,
            2048,
            EnsureOptions {
                force: true,
                import: Some(testkeys::pkcs1()),
                ..Default::default()
            },
        )
        .unwrap();
        let old_kid = kid_of(PKCS8_PUB);
        let new_kid = kid_of(PKCS1_PUB);

        let err = keys.retire(&new_kid).unwrap_err();
        assert_eq!(err.exit_code(), 4);
        assert!(err.to_string().contains("keygen --force"), "{err}");
        let err = keys.retire("no-such-kid").unwrap_err();
        assert_eq!(err.exit_code(), 3);

        let dropped = keys.retire(&old_kid).unwrap();
        assert_eq!(dropped.kid, old_kid);
        assert_eq!(dropped.status, KeyStatus::Dropped);
        assert!(!keys.retired_dir().join(format!("{old_kid}.pem")).exists());
        let kids: Vec<String> = keys.list().unwrap().into_iter().map(|k| k.kid).collect();
        assert_eq!(kids, [new_kid]);
        assert_eq!(keys.jwks().unwrap()["keys"].as_array().unwrap().len(), 1);
        let manifest = fs::read_to_string(keys.manifest_path()).unwrap();
        assert!(!manifest.contains(&old_kid));
        assert_eq!(keys.retire(&old_kid).unwrap_err().exit_code(), 3);
    }

    #[test]
    fn hand_placed_retired_keys_are_found_and_can_be_dropped() {
        let (_tmp, keys) = setup();
        place(&keys, PRIVATE_KEY_FILE, PKCS8);
        fs::create_dir_all(keys.retired_dir()).unwrap();
        fs::write(keys.retired_dir().join("old.pem"), testkeys::PKCS1_RSAPUB).unwrap();
        fs::write(keys.retired_dir().join(".authctl-tmp-x"), "junk").unwrap();
        fs::write(keys.retired_dir().join("notes.txt"), "junk").unwrap();
        let list = keys.list().unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[1].kid, kid_of(PKCS1_PUB));
        assert_eq!(list[1].status, KeyStatus::Retired);
        assert!(list[1].retired_at.is_some());
        keys.retire(&kid_of(PKCS1_PUB)).unwrap();
        assert!(!keys.retired_dir().join("old.pem").exists());

        fs::write(keys.retired_dir().join("bad.pem"), "not a key").unwrap();
        let err = keys.list().unwrap_err();
        assert_eq!(err.exit_code(), 5);
        assert!(err.to_string().contains("bad.pem"), "{err}");
    }

    #[test]
    fn public_override_must_match() {
        let (_tmp, keys) = setup();
        let wrong = parse_public_pem(PKCS1_PUB).unwrap();
        let err = keys
            .ensure_rsa(
                Alg::RS256,
                2048,
                EnsureOptions {
                    import: Some(testkeys::pkcs8()),
                    public_override: Some(wrong.clone()),
                    ..Default::default()
                },
            )
            .unwrap_err();
        assert_eq!(err.exit_code(), 4);
        assert!(!keys.private_key_path().exists());
        // Nothing to match when generating: refused before any work.
        let err = keys
            .ensure_rsa(
                Alg::RS256,
                2048,
                EnsureOptions {
                    public_override: Some(wrong),
                    ..Default::default()
                },
            )
            .unwrap_err();
        assert_eq!(err.exit_code(), 4);
        let right = parse_public_pem(PKCS8_PUB).unwrap();
        let report = keys
            .ensure_rsa(
                Alg::RS256,
                2048,
                EnsureOptions {
                    import: Some(testkeys::pkcs8()),
                    public_override: Some(right),
                    ..Default::default()
                },
            )
            .unwrap();
        assert!(report.created);
    }

    #[test]
    fn a_lone_public_key_verifies_but_blocks_generation() {
        let (_tmp, keys) = setup();
        place(&keys, PUBLIC_KEY_FILE, PKCS8_PUB);
        assert!(keys.current().unwrap().is_none());
        let verification = keys.verification_keys().unwrap();
        assert_eq!(verification.len(), 1);
        assert_eq!(verification[0].kid, kid_of(PKCS8_PUB));
        assert_eq!(verification[0].status, KeyStatus::Current);
        let err = keys
            .ensure_rsa(Alg::RS256, 2048, EnsureOptions::default())
            .unwrap_err();
        assert_eq!(err.exit_code(), 4);
        assert!(err.to_string().contains("without its private key"), "{err}");
        let err = keys
            .ensure_rsa(Alg::RS256, 2048, import(testkeys::pkcs1()))
            .unwrap_err();
        assert_eq!(err.exit_code(), 4);
        // Its own private key completes it.
        let report = keys
            .ensure_rsa(Alg::RS256, 2048, import(testkeys::pkcs8()))
            .unwrap();
        assert!(report.created && report.retired.is_none());
    }

    #[test]
    fn a_bad_private_key_file_needs_force_and_is_backed_up() {
        let (_tmp, keys) = setup();
        place(&keys, PRIVATE_KEY_FILE, testkeys::EC);
        let err = keys
            .ensure_rsa(Alg::RS256, 2048, import(testkeys::pkcs8()))
            .unwrap_err();
        assert_eq!(err.exit_code(), 2);
        let message = err.to_string();
        assert!(message.contains(PRIVATE_KEY_FILE), "{message}");
        assert!(message.contains("RSA key for RS256/RS512"), "{message}");
        assert!(message.contains("--force"), "{message}");
        assert_eq!(keys.current().unwrap_err().exit_code(), 2);
        let report = keys
            .ensure_rsa(
                Alg::RS256,
                2048,
                EnsureOptions {
                    force: true,
                    import: Some(testkeys::pkcs8()),
                    ..Default::default()
                },
            )
            .unwrap();
        assert_eq!(
            fs::read_to_string(report.backup.unwrap()).unwrap(),
            testkeys::EC
        );
        assert!(report.retired.is_none());
    }

    #[test]
    fn manifest_missing_is_rebuilt_and_corrupt_is_a_failure() {
        let (_tmp, keys) = setup();
        keys.ensure_rsa(Alg::RS512, 2048, import(testkeys::pkcs8()))
            .unwrap();
        assert_eq!(fsutil::mode_of(&keys.manifest_path()), Some(0o644));
        fs::remove_file(keys.manifest_path()).unwrap();
        assert_eq!(keys.list().unwrap()[0].alg, None);

        fs::write(keys.manifest_path(), "{ not json").unwrap();
        for err in [
            keys.list().unwrap_err(),
            keys.jwks().unwrap_err(),
            keys.ensure_rsa(Alg::RS256, 2048, EnsureOptions::default())
                .unwrap_err(),
        ] {
            assert_eq!(err.exit_code(), 5);
            let message = err.to_string();
            assert!(message.contains(MANIFEST_FILE), "{message}");
            assert!(message.contains("remove it"), "{message}");
        }
        fs::write(keys.manifest_path(), r#"{"version": 99, "keys": []}"#).unwrap();
        assert_eq!(keys.list().unwrap_err().exit_code(), 5);
    }

    #[test]
    fn warns_about_a_private_key_readable_by_others() {
        use std::os::unix::fs::PermissionsExt;
        let (_tmp, keys) = setup();
        place(&keys, PRIVATE_KEY_FILE, PKCS8);
        fs::set_permissions(keys.private_key_path(), fs::Permissions::from_mode(0o644)).unwrap();
        let report = keys
            .ensure_rsa(Alg::RS256, 2048, EnsureOptions::default())
            .unwrap();
        assert_eq!(report.warnings.len(), 1);
        assert!(
            report.warnings[0].contains("chmod 600"),
            "{:?}",
            report.warnings
        );
    }

    #[test]
    fn bad_bits_are_refused_first_and_debug_hides_the_key() {
        let (_tmp, keys) = setup();
        let err = keys
            .ensure_rsa(Alg::RS256, 1024, EnsureOptions::default())
            .unwrap_err();
        assert_eq!(err.exit_code(), 2);
        let debug = format!("{:?}", import(testkeys::pkcs8()));
        assert!(debug.contains("REDACTED"), "{debug}");
        assert!(debug.len() < 200, "{debug}");
    }

    #[test]
    fn report_serializes_with_the_documented_fields() {
        let (_tmp, keys) = setup();
        let report = keys
            .ensure_rsa(Alg::RS256, 2048, import(testkeys::pkcs8()))
            .unwrap();
        let json = serde_json::to_value(&report).unwrap();
        for field in [
            "alg",
            "bits",
            "kid",
            "private_key",
            "public_key",
            "created",
            "derived_public",
            "retired",
            "backup",
        ] {
            assert!(json.get(field).is_some(), "{field} missing in {json}");
        }
        assert_eq!(json["alg"], "RS256");
    }
}
