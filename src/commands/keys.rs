//! `authctl keygen` and `authctl keys …`: make, list, publish, export and
//! retire signing keys in the config directory.

use super::Ctx;
use crate::cli::{ExportFormat, KeygenArgs, KeysCommand, KeysExportArgs};
use crate::error::{Error, Result};
use crate::keys::{self, EnsureOptions, KeyDir};
use crate::output::{Human, Outcome, Report};
use crate::profile::Setting;
use crate::secrets;
use crate::signing;
use crate::token::Alg;
use secrecy::ExposeSecret;

pub fn keygen(args: &KeygenArgs, ctx: &Ctx) -> Result<Outcome> {
    let s = &ctx.settings;
    if s.profile.app().signs_with_key_files() {
        return keygen_files(args, ctx);
    }
    let alg = signing::algorithm(s, args.alg)?;
    if !alg.is_rsa() {
        if args.from_private.is_some() {
            return Err(Error::usage(
                "--from-private imports an RSA key; use it with --alg RS256 or --alg RS512",
            ));
        }
        return keygen_secret(args.force, ctx);
    }
    let import =
        match args.from_private.as_deref() {
            Some(source) => Some(read_private(source)?),
            None => match &s.private_key {
                Some(pem) => Some(keys::parse_private_pem(pem.expose_secret()).map_err(|e| {
                    Error::usage(format!("{}: {e}", s.var_name(Setting::PrivateKey)))
                })?),
                None => None,
            },
        };
    let public_override = match &s.public_key {
        Some(pem) => Some(
            keys::parse_public_pem(pem)
                .map_err(|e| Error::usage(format!("{}: {e}", s.var_name(Setting::PublicKey))))?,
        ),
        None => None,
    };
    let bits = args.bits.map_or(2048, |b| b.bits());
    let progress = (import.is_none() && bits > 2048)
        .then(|| ctx.ui.progress(&format!("generating a {bits}-bit RSA key")));
    let report = KeyDir::new(&s.config_dir).ensure_rsa(
        alg,
        bits,
        EnsureOptions {
            force: args.force,
            import,
            public_override,
            exact_bits: args.bits.is_some(),
        },
    );
    drop(progress);
    let report = report?;
    let what = if report.created { "created" } else { "reused" };
    let mut note = format!(
        "{what} {alg} key {} ({} bits): \"{}\", \"{}\"",
        report.kid,
        report.bits,
        report.private_key.display(),
        report.public_key.display()
    );
    if let Some(old) = &report.retired {
        note.push_str(&format!(
            "; the old key {old} still verifies until `authctl keys retire {old}`"
        ));
    }
    // A fresh pair writes both files; "derived" is news only beside a kept key.
    if report.derived_public && !report.created {
        note.push_str("; derived the missing public key");
    }
    let configured = signing::algorithm(s, None).ok();
    if configured != Some(alg) {
        note.push_str(&format!(
            "\nnote: tokens are signed with {} until {}={alg} is set (or --alg {alg} is passed)",
            configured.map_or("-", Alg::as_str),
            s.var_name(Setting::Algorithm)
        ));
    }
    for w in &report.warnings {
        note.push_str(&format!("\nwarning: {w}"));
    }
    Ok(Outcome::new()
        .json(&report)
        .human(Human::Data(report.kid.clone()))
        .note(note))
}

/// HS256: make sure `secret_key` exists; reuse it unless --force.
fn keygen_secret(force: bool, ctx: &Ctx) -> Result<Outcome> {
    let s = &ctx.settings;
    let path = s.config_dir.join(secrets::SECRET_KEY_FILE);
    let existing = secrets::read_secret_file(&s.config_dir)?;
    let (fingerprint, created, backup) = match existing {
        Some(secret) if !force => (secrets::fingerprint(secret.expose_secret()), false, None),
        _ => {
            let secret = secrets::generate(secrets::DEFAULT_BYTES, secrets::Encoding::UrlSafe)?;
            let report = secrets::write_secret_file(&s.config_dir, &secret, force)?;
            (report.fingerprint, true, report.backup)
        }
    };
    let mut note = format!(
        "{} HS256 secret key \"{}\" ({fingerprint})",
        if created { "created" } else { "reused" },
        path.display()
    );
    if s.secret_key.is_some() {
        note.push_str(&format!(
            "; note: {} is set and wins over the file",
            s.var_name(Setting::SecretKey)
        ));
    }
    if let Some(warning) = crate::fsutil::writable_dir_warning(&s.config_dir) {
        note.push_str(&format!("\nwarning: {warning}"));
    }
    Ok(Outcome::report(&SecretKeygen {
        alg: Alg::HS256,
        secret_key: path,
        fingerprint,
        created,
        backup,
    })
    .note(note))
}

/// `keygen --alg HS256`: the secret key made sure of (never the key).
#[derive(serde::Serialize)]
struct SecretKeygen {
    alg: Alg,
    secret_key: std::path::PathBuf,
    fingerprint: String,
    created: bool,
    backup: Option<std::path::PathBuf>,
}

impl Report for SecretKeygen {
    fn human(&self) -> Human {
        Human::Data(self.fingerprint.clone())
    }
}

/// Read a private key PEM from FILE or `-` (stdin).
fn read_private(source: &str) -> Result<rsa::RsaPrivateKey> {
    const LIMIT: usize = crate::input::PRIVATE_KEY;
    let bytes = if source == "-" {
        crate::input::stdin(LIMIT, "the private key on stdin")?
    } else {
        crate::fsutil::read_regular(std::path::Path::new(source), "--from-private", LIMIT)?
            .ok_or_else(|| {
                Error::Failure(format!(
                    "--from-private \"{source}\" does not exist; check the path"
                ))
            })?
    };
    keys::parse_private_pem_bytes(&bytes)
        .map_err(|e| Error::usage(format!("--from-private {source}: {e}")))
}

pub fn run(cmd: KeysCommand, ctx: &Ctx) -> Result<Outcome> {
    let dir = KeyDir::new(&ctx.settings.config_dir);
    match cmd {
        KeysCommand::List => {
            let list = dir.list()?;
            let rows = list
                .iter()
                .map(|k| {
                    vec![
                        k.kid.clone(),
                        k.alg.map_or_else(|| "-".to_string(), |a| a.to_string()),
                        k.bits.to_string(),
                        k.created_at.clone(),
                        format!("{:?}", k.status).to_lowercase(),
                    ]
                })
                .collect();
            let table = Human::Table {
                header: &["KID", "ALG", "BITS", "CREATED", "STATUS"],
                rows,
            };
            Ok(Outcome::new()
                .json(&list)
                .human(table)
                .note(if list.is_empty() {
                    "no signing keys; create them with `authctl keygen --alg RS256`".to_string()
                } else {
                    String::new()
                }))
        }
        KeysCommand::Jwks => {
            let jwks = dir.jwks()?;
            // A JWKS is JSON either way.
            Ok(Outcome::new()
                .human(Human::Data(
                    serde_json::to_string_pretty(&jwks).unwrap_or_default(),
                ))
                .json(jwks))
        }
        KeysCommand::Retire { kid } => {
            let info = dir.retire(&kid)?;
            Ok(Outcome::new()
                .note(format!(
                    "retired key {}: tokens it signed no longer verify",
                    info.kid
                ))
                .json(&info))
        }
        KeysCommand::Export(args) => export(&args, ctx),
    }
}

fn export(args: &KeysExportArgs, ctx: &Ctx) -> Result<Outcome> {
    let s = &ctx.settings;
    let alg = signing::algorithm(s, None)?;
    let mut fields: Vec<(&str, &str, String)> =
        vec![("algorithm", s.var_name(Setting::Algorithm), alg.to_string())];
    if alg == Alg::HS256 {
        let secret = signing::require_secret_key(s)?;
        fields.push((
            "secret-key",
            s.var_name(Setting::SecretKey),
            secret.expose_secret().to_string(),
        ));
    } else {
        let (private, public) = KeyDir::new(&s.config_dir).current()?.ok_or_else(|| {
            Error::NotFound(format!(
                "no RSA key pair in \"{}\"; create one with `authctl keygen --alg {alg}`",
                s.config_dir.display()
            ))
        })?;
        fields.push((
            "private-key",
            s.var_name(Setting::PrivateKey),
            keys::private_pkcs8_pem(&private)?.to_string(),
        ));
        fields.push((
            "public-key",
            s.var_name(Setting::PublicKey),
            keys::public_spki_pem(&public)?,
        ));
    }
    let text = match args.format {
        ExportFormat::K8sSecret => {
            let mut y = format!(
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: {}\ntype: Opaque\nstringData:\n",
                yaml_scalar(&args.name)
            );
            for (key, _, value) in &fields {
                if value.contains('\n') {
                    y.push_str(&format!("  {key}: |\n"));
                    for line in value.trim_end().lines() {
                        y.push_str(&format!("    {line}\n"));
                    }
                } else {
                    y.push_str(&format!("  {key}: {}\n", yaml_scalar(value)));
                }
            }
            y
        }
        ExportFormat::Env => fields
            .iter()
            .map(|(_, var, value)| {
                if value.contains('\n') {
                    format!("{var}=\"{}\"", value.trim_end())
                } else {
                    format!("{var}={value}")
                }
            })
            .collect::<Vec<_>>()
            .join("\n"),
    };
    let note = if ctx.ui.stdout_is_terminal() {
        "this output contains secret key material: redirect it to a file or a secret store"
    } else {
        ""
    };
    // --json: the same variables as an object, names as `env` writes them.
    let json: serde_json::Map<String, serde_json::Value> = fields
        .iter()
        .map(|(_, var, value)| (var.to_string(), value.clone().into()))
        .collect();
    Ok(Outcome::new()
        .human(Human::Data(text))
        .json(json)
        .note(note))
}

/// A YAML double-quoted scalar (JSON strings are valid YAML).
fn yaml_scalar(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

/// `keygen` in an app whose signing secrets are key files of its own
/// (Flowise): the app writes whichever are missing (with `--force`, it
/// replaces those it may).
fn keygen_files(args: &KeygenArgs, ctx: &Ctx) -> Result<Outcome> {
    let app_name = ctx.settings.profile.spec().app;
    if args.alg.is_some_and(|a| a != crate::alg::Alg::HS256)
        || args.bits.is_some()
        || args.from_private.is_some()
    {
        return Err(Error::usage(format!(
            "{app_name} signs its tokens with HS256 secrets only; drop --alg, --bits and --from-private"
        )));
    }
    let dir = &ctx.settings.config_dir;
    let files = ctx
        .settings
        .profile
        .app()
        .ensure_signing_key_files(&ctx.settings, args.force)
        .unwrap_or_else(|| Ok(Vec::new()))?;
    let count = |status: &str| files.iter().filter(|f| f.status == status).count();
    let mut note = format!(
        "{app_name} key files in \"{}\": {} written, {} replaced, {} kept, {} given by variables",
        dir.display(),
        count("written"),
        count("replaced"),
        count("kept"),
        count("variable")
    );
    if count("replaced") > 0 {
        note.push_str(&format!(
            "; restart {app_name}: every session and token signed with the old secrets has ended"
        ));
    }
    let table = Human::Table {
        header: &["FILE", "STATUS"],
        rows: files
            .iter()
            .map(|f| {
                vec![
                    f.file.display().to_string(),
                    match f.variable {
                        Some(var) => format!("from {var}"),
                        None => f.status.to_string(),
                    },
                ]
            })
            .collect(),
    };
    Ok(Outcome::new().json(&files).human(table).note(note))
}
