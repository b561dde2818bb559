//! `authctl init`: the complete, strong set of secrets the profile's app
//! needs, in its formats and names (`secrets::init`).

use super::Ctx;
use crate::cli::{InitArgs, InitFormat};
use crate::error::{Error, Result};
use crate::output::{Human, Outcome};
use crate::profile::Setting;
use crate::secrets::init::{self, Entry};
use secrecy::{ExposeSecret, SecretString};

/// The app's secrets, freshly generated; with `--rs256`, where the app
/// signs with a private key it reads from a variable, the algorithm and
/// an RSA pair too.
fn entries(args: &InitArgs, ctx: &Ctx) -> Result<Vec<Entry>> {
    let s = &ctx.settings;
    let mut out = s.profile.app().init_secrets(s)?;
    if !args.rs256 {
        return Ok(out);
    }
    if s.profile.var(Setting::PrivateKey).is_none() {
        return Err(Error::usage(format!(
            "{} signs its tokens with HS256 secrets only; drop --rs256",
            s.profile.spec().app
        )));
    }
    let progress = ctx.ui.progress("generating a 2048-bit RSA key");
    let key = crate::keys::generate(2048)?;
    drop(progress);
    let private = crate::keys::private_pkcs8_pem(&key)?;
    let public = crate::keys::public_spki_pem(&key.to_public_key())?;
    out.push(Entry {
        var: s.var_name(Setting::Algorithm).to_string(),
        value: SecretString::from("RS256"),
        file: None,
        secret: false,
        guards_stored: false,
    });
    out.push(Entry {
        var: s.var_name(Setting::PrivateKey).to_string(),
        value: SecretString::from(private.to_string()),
        file: Some(crate::keys::PRIVATE_KEY_FILE),
        secret: true,
        guards_stored: false,
    });
    out.push(Entry {
        var: s.var_name(Setting::PublicKey).to_string(),
        value: SecretString::from(public),
        file: Some(crate::keys::PUBLIC_KEY_FILE),
        secret: false,
        guards_stored: false,
    });
    Ok(out)
}

/// The value `var` has in the `.env` at `path` (empty when unreadable).
fn env_value_of(path: &std::path::Path, var: &str) -> String {
    crate::settings::parse_env_file(path)
        .ok()
        .and_then(|m| m.get(var).cloned())
        .unwrap_or_default()
}

/// `init --format files`: one line per file.
#[derive(serde::Serialize)]
struct Written {
    file: std::path::PathBuf,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    backup: Option<std::path::PathBuf>,
}

/// The entries for `--format env` and `k8s-secret`: every secret but the
/// key variable of stored values when the app already has its key file.
/// The variable takes precedence over the file, so a new key there would
/// leave every value stored under the file's key undecryptable; the file
/// stays the one key (`secret rotate` changes it). The note says why.
fn variable_entries(args: &InitArgs, ctx: &Ctx) -> Result<(Vec<Entry>, Option<String>)> {
    let mut entries = entries(args, ctx)?;
    let Some(key) = ctx.settings.profile.app().stored_values_key() else {
        return Ok((entries, None));
    };
    let (var, file) = (key.var, ctx.settings.config_dir.join(key.file));
    if !crate::fsutil::exists(&file)? {
        return Ok((entries, None));
    }
    entries.retain(|e| e.var != var);
    let note = format!(
        "{var} left out: \"{}\" holds the key {} keeps stored values under, and the variable would take its place, so those values would no longer decrypt; `authctl secret rotate` changes that key",
        file.display(),
        ctx.settings.profile.spec().app
    );
    Ok((entries, Some(note)))
}

pub fn run(args: &InitArgs, ctx: &Ctx) -> Result<Outcome> {
    let s = &ctx.settings;
    let app = s.profile.spec().app;
    match args.format {
        InitFormat::Files => files(args, ctx),
        InitFormat::Env => {
            let (entries, left_out) = variable_entries(args, ctx)?;
            match &args.out {
                None => {
                    let vars: serde_json::Map<String, serde_json::Value> = entries
                        .iter()
                        .map(|e| (e.var.clone(), e.value.expose_secret().into()))
                        .collect();
                    Ok(Outcome::new()
                        .json(serde_json::json!({ "variables": vars }))
                        .human(Human::Data(
                            init::env_lines(&entries).trim_end().to_string(),
                        ))
                        .note(left_out.unwrap_or_default()))
                }
                Some(path) => {
                    let lookup = |name: &str| s.lookup(name).map(str::to_string);
                    let merged = init::merge_env_file(path, &entries, args.force, &lookup)?;
                    let mut note = format!(
                        "\"{}\": {} added, {} replaced, {} already set and kept",
                        path.display(),
                        merged.added.len(),
                        merged.replaced.len(),
                        merged.kept.len()
                    );
                    if !merged.kept.is_empty() && !args.force {
                        note.push_str(&format!(
                            " ({}; --force replaces them)",
                            merged.kept.join(", ")
                        ));
                    }
                    if let Some(b) = &merged.backup {
                        note.push_str(&format!("; the old file is kept as \"{}\"", b.display()));
                    }
                    let key_var = s.profile.app().stored_values_key().map(|k| k.var);
                    let guarded: Vec<&str> = entries
                        .iter()
                        .filter(|e| e.guards_stored)
                        .map(|e| e.var.as_str())
                        .collect();
                    let weak_kept: Vec<&str> = guarded
                        .iter()
                        .copied()
                        .filter(|v| merged.kept.iter().any(|k| k == v))
                        .filter(|v| {
                            !s.profile
                                .app()
                                .guarded_problems(v, &env_value_of(path, v))
                                .is_empty()
                        })
                        .collect();
                    if !weak_kept.is_empty() {
                        note.push_str(&format!(
                            "; {} kept although weak: {app}'s stored credentials are under {}, and would no longer decrypt; `authctl --profile librechat secret check` says what is wrong, --force replaces them (users then enter their credentials again)",
                            weak_kept.join(" and "),
                            if weak_kept.len() > 1 { "them" } else { "it" }
                        ));
                    }
                    if guarded
                        .iter()
                        .any(|g| merged.replaced.iter().any(|v| v == g))
                    {
                        note.push_str(&format!(
                            "; {} changed, so credentials {app} stored under the old values no longer decrypt: users enter them again",
                            guarded.join(" and ")
                        ));
                    } else if let Some(key_var) =
                        key_var.filter(|k| merged.replaced.iter().any(|v| v == k))
                    {
                        note.push_str(&format!(
                            "; {key_var} changed, so values {app} stored under the old key no longer decrypt: `authctl secret rotate --from-key` with the backup moves them to the new one"
                        ));
                    }
                    if let Some(why) = &left_out {
                        note.push_str("; ");
                        note.push_str(why);
                    }
                    Ok(Outcome::new().json(&merged).note(note))
                }
            }
        }
        InitFormat::K8sSecret => {
            let (entries, left_out) = variable_entries(args, ctx)?;
            let name = match &args.name {
                Some(n) => n.clone(),
                None => format!("{}-secrets", s.profile.name()),
            };
            let manifest = init::k8s_secret(&name, &entries);
            match &args.out {
                None => Ok(Outcome::new()
                    .json(serde_json::json!({ "manifest": manifest }))
                    .human(Human::Data(manifest.trim_end().to_string()))
                    .note(left_out.unwrap_or_default())),
                Some(path) => {
                    let overwrite = if args.force {
                        crate::fsutil::Overwrite::Backup
                    } else {
                        crate::fsutil::Overwrite::Refuse
                    };
                    let backup = crate::fsutil::write_atomic(
                        path,
                        manifest.as_bytes(),
                        crate::fsutil::SECRET_MODE,
                        overwrite,
                    )?;
                    let mut note = format!(
                        "wrote the {app} Secret \"{name}\" to \"{}\" (0600)",
                        path.display()
                    );
                    if let Some(b) = &backup {
                        note.push_str(&format!("; the old file is kept as \"{}\"", b.display()));
                    }
                    if let Some(why) = &left_out {
                        note.push_str("; ");
                        note.push_str(why);
                    }
                    Ok(Outcome::new()
                        .json(serde_json::json!({ "path": path, "backup": backup }))
                        .note(note))
                }
            }
        }
    }
}

/// The key files, where the app reads them: for Flowise its seven files
/// in `--out` (by default `SECRETKEY_PATH`); otherwise `secret_key` (and
/// with `--rs256` the RSA pair, through keygen) in the config dir.
fn files(args: &InitArgs, ctx: &Ctx) -> Result<Outcome> {
    let s = &ctx.settings;
    let app = s.profile.app();
    let entries = entries(
        &InitArgs {
            rs256: false,
            ..args.clone()
        },
        ctx,
    )?;
    if entries.iter().all(|e| e.file.is_none()) {
        return Err(Error::usage(format!(
            "{} reads its secrets from .env, not from key files; use --format env --out .env (or --format k8s-secret)",
            s.profile.spec().app
        )));
    }
    if !app.init_files_anywhere() && args.out.is_some() {
        return Err(Error::usage(format!(
            "--format files writes into the config dir, where {} reads its keys; choose it with --config-dir",
            s.profile.spec().app
        )));
    }
    let dir = args.out.clone().unwrap_or_else(|| s.config_dir.clone());
    // The key of stored values is changed by `secret rotate`, which
    // re-encrypts them, never by a new file, where the app says so.
    let kept_key_file = app
        .stored_values_key()
        .map(|k| k.file)
        .filter(|_| app.init_keeps_key_file());
    let mut written = Vec::new();
    for e in entries.iter().filter(|e| e.file.is_some()) {
        let name = e.file.unwrap_or_default();
        let path = dir.join(name);
        let exists = crate::fsutil::exists(&path)?;
        if exists && (!args.force || kept_key_file == Some(name)) {
            written.push(Written {
                file: path,
                status: "kept",
                backup: None,
            });
            continue;
        }
        let report = app.write_key_file(&dir, name, &e.value, args.force)?;
        written.push(Written {
            file: report.path,
            status: if exists { "replaced" } else { "written" },
            backup: report.backup,
        });
    }
    let mut outcome_note = String::new();
    if args.rs256 && s.profile.var(Setting::PrivateKey).is_some() {
        let keygen = crate::cli::KeygenArgs {
            alg: Some(crate::alg::Alg::RS256),
            bits: None,
            force: args.force,
            from_private: None,
        };
        super::keys::keygen(&keygen, ctx)?;
        outcome_note.push_str("; the RS256 key pair is in place (keygen); set ");
        outcome_note.push_str(s.var_name(Setting::Algorithm));
        outcome_note.push_str("=RS256");
    }
    let kept_key = args.force
        && kept_key_file.is_some_and(|file| {
            written
                .iter()
                .any(|w| w.status == "kept" && w.file.ends_with(file))
        });
    let count = |status: &str| written.iter().filter(|w| w.status == status).count();
    let mut note = format!(
        "{} key files in \"{}\": {} written, {} replaced, {} kept{outcome_note}",
        s.profile.spec().app,
        dir.display(),
        count("written"),
        count("replaced"),
        count("kept")
    );
    if kept_key {
        note.push_str(&format!(
            "; {} is never replaced here (the credentials are under it): `authctl secret rotate` changes it and re-encrypts them",
            kept_key_file.unwrap_or_default()
        ));
    }
    // What this release reads only from its variables (Flowise before 3.1).
    let variables_only: Vec<&str> = entries
        .iter()
        .filter(|e| e.file.is_none())
        .map(|e| e.var.as_str())
        .collect();
    if !variables_only.is_empty() {
        note.push_str(&format!(
            "; this release reads {} only from its environment, so no file is written for them: set them there (`authctl init --format env`)",
            variables_only.join(", ")
        ));
    }
    let table = Human::Table {
        header: &["FILE", "STATUS"],
        rows: written
            .iter()
            .map(|w| vec![w.file.display().to_string(), w.status.to_string()])
            .collect(),
    };
    Ok(Outcome::new().json(&written).human(table).note(note))
}
