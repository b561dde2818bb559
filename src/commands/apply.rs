//! `authctl apply FILE` and `authctl export`: the provisioning file in,
//! and the database out in the same format.

use super::Ctx;
use crate::cli::{ApplyArgs, ExportArgs, FileFormat};
use crate::error::{Error, Result};
use crate::fsutil;
use crate::output::{Human, Outcome};
use crate::provision::{self, doc::Format, Action, Generated, Item, Plan};
use crate::store::{self, Access};
use secrecy::ExposeSecret;
use serde::Serialize;
use std::path::Path;

/// The largest provisioning file read (100,000 users is about 15 MB).
const FILE_LIMIT: usize = 64 * 1024 * 1024;

/// The exit code of `--dry-run` when the plan changes something.
pub const DRIFT: u8 = crate::error::exit::NEGATIVE;

fn format_of(arg: Option<FileFormat>, path: &Path, text: &str) -> Format {
    match arg {
        Some(FileFormat::Json) => Format::Json,
        Some(FileFormat::Yaml) => Format::Yaml,
        None => match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("json") => Format::Json,
            Some(_) => Format::Yaml,
            // stdin or no extension: JSON when it looks like it.
            None if text.trim_start().starts_with('{') => Format::Json,
            None => Format::Yaml,
        },
    }
}

fn read_input(path: &Path) -> Result<(zeroize::Zeroizing<String>, String)> {
    let (bytes, label) = if path.as_os_str() == "-" {
        let b = crate::input::stdin(FILE_LIMIT, "the file on stdin")?;
        (b, "<stdin>".to_string())
    } else {
        let b = fsutil::read_regular(path, "file", FILE_LIMIT)?.ok_or_else(|| {
            Error::NotFound(format!("file \"{}\" does not exist", path.display()))
        })?;
        (b, path.display().to_string())
    };
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| Error::usage(format!("{label} is not UTF-8 text")))?;
    Ok((zeroize::Zeroizing::new(text.to_string()), label))
}

#[derive(Serialize)]
struct ApplyReport<'a> {
    dry_run: bool,
    applied: bool,
    create: usize,
    update: usize,
    delete: usize,
    unchanged: usize,
    plan: &'a [Item],
    #[serde(skip_serializing_if = "Option::is_none")]
    generated: Option<&'a Generated>,
    #[serde(skip_serializing_if = "Option::is_none")]
    secrets_out: Option<String>,
}

fn plan_lines(items: &[Item]) -> String {
    let mut out = String::new();
    for i in items {
        let sign = match i.action {
            Action::Create => '+',
            Action::Update => '~',
            Action::Delete => '-',
            Action::Unchanged => continue,
        };
        let what = match &i.owner {
            Some(owner) => format!("api_key \"{}\" of \"{owner}\"", i.name),
            None => format!("user \"{}\"", i.name),
        };
        if i.changes.is_empty() {
            out.push_str(&format!("{sign} {what}\n"));
        } else {
            out.push_str(&format!("{sign} {what} ({})\n", i.changes.join(", ")));
        }
    }
    out
}

fn secrets_json(g: &Generated) -> String {
    serde_json::to_string_pretty(g).unwrap_or_default() + "\n"
}

pub fn apply(args: &ApplyArgs, ctx: &Ctx) -> Result<Outcome> {
    let s = &ctx.settings;
    let (text, label) = read_input(&args.file)?;
    let format = format_of(args.format, &args.file, &text);
    let resolved = provision::read(&text, format, &label, s)?;
    drop(text);
    if let Some(out) = &args.secrets_out {
        if fsutil::exists(out)? {
            return Err(Error::Conflict(format!(
                "--secrets-out \"{}\" already exists; authctl never overwrites a file of secrets: move it away or name another",
                out.display()
            )));
        }
    }
    let opts = provision::Options {
        prune: args.prune,
        update_passwords: args.update_passwords,
        jobs: args.jobs.map_or_else(provision::default_jobs, usize::from),
    };
    let mut wrote: Option<&Path> = None;
    let result = {
        let mut write_secrets = |g: &Generated| -> Result<()> {
            if let (Some(out), false) = (&args.secrets_out, g.is_empty()) {
                fsutil::write_atomic(
                    out,
                    secrets_json(g).as_bytes(),
                    fsutil::SECRET_MODE,
                    fsutil::Overwrite::Refuse,
                )?;
                wrote = Some(out);
            }
            Ok(())
        };
        if args.dry_run {
            match store::open(s, Access::Read)? {
                Some(mut db) => provision::apply(
                    &mut db,
                    &resolved,
                    s,
                    &opts,
                    &ctx.ui,
                    true,
                    &mut write_secrets,
                ),
                None => provision::plan_without_database(&resolved, s, &opts)
                    .map(|p| (p, Generated::default())),
            }
        } else {
            let mut db = crate::store::open_write(s)?;
            provision::apply(
                &mut db,
                &resolved,
                s,
                &opts,
                &ctx.ui,
                false,
                &mut write_secrets,
            )
        }
    };
    let (plan, generated) = match result {
        Ok(r) => r,
        Err(e) => {
            // The secrets of a change that did not land must not look like
            // working credentials.
            if let Some(out) = wrote {
                let _ = std::fs::remove_file(out);
            }
            return Err(e);
        }
    };
    Ok(outcome(&plan, &generated, args))
}

fn outcome(plan: &Plan, generated: &Generated, args: &ApplyArgs) -> Outcome {
    let applied = !args.dry_run && plan.changes();
    let counts = [
        (plan.count(Action::Create), "to create", "created"),
        (plan.count(Action::Update), "to update", "updated"),
        (plan.count(Action::Delete), "to delete", "deleted"),
    ];
    let unchanged = plan.count(Action::Unchanged);
    let mut stdout = plan_lines(&plan.items);
    let shown_here = args.secrets_out.is_none() && !generated.is_empty();
    if shown_here {
        for u in &generated.users {
            stdout.push_str(&format!(
                "password of user \"{}\": {}\n",
                u.name,
                u.password.expose_secret()
            ));
        }
        for k in &generated.api_keys {
            stdout.push_str(&format!(
                "api_key \"{}\" of \"{}\": {}\n",
                k.name,
                k.owner,
                k.key.expose_secret()
            ));
        }
    }
    let said: Vec<String> = counts
        .iter()
        .map(|(n, future, past)| format!("{n} {}", if applied { past } else { future }))
        .collect();
    let mut note = format!("{}, {unchanged} unchanged", said.join(", "));
    if args.dry_run {
        note = if plan.changes() {
            format!("plan: {note}; nothing written (--dry-run), exit {DRIFT}")
        } else {
            format!("plan: {note}; the database matches the file")
        };
    } else if !applied {
        note = format!("nothing to do: the database matches the file ({unchanged} unchanged)");
    } else {
        note = format!("applied: {note}");
        if shown_here {
            note.push_str("; the generated secrets on stdout are shown only this once");
        } else if let (Some(out), false) = (&args.secrets_out, generated.is_empty()) {
            note.push_str(&format!(
                "; generated secrets are in \"{}\" (0600)",
                out.display()
            ));
        }
    }
    let report = ApplyReport {
        dry_run: args.dry_run,
        applied,
        create: counts[0].0,
        update: counts[1].0,
        delete: counts[2].0,
        unchanged,
        plan: &plan.items,
        generated: shown_here.then_some(generated),
        secrets_out: (!generated.is_empty())
            .then(|| args.secrets_out.as_ref().map(|p| p.display().to_string()))
            .flatten(),
    };
    let mut out = Outcome::new()
        .json(&report)
        .human(Human::Text(stdout))
        .note(note);
    if args.dry_run && plan.changes() {
        out.code = DRIFT;
    }
    out
}

pub fn export(args: &ExportArgs, ctx: &Ctx) -> Result<Outcome> {
    let db = store::open(&ctx.settings, Access::Read)?;
    let export = provision::export::export(db.as_ref(), args.with_hashes)?;
    let format = match args.format {
        FileFormat::Json => Format::Json,
        FileFormat::Yaml => Format::Yaml,
    };
    let mut note = format!(
        "exported {} users and {} API keys (never a key{})",
        export.users.len(),
        export.api_keys.len(),
        if args.with_hashes {
            "; password hashes included: keep this file private"
        } else {
            "; no passwords: pass --with-hashes to move them"
        }
    );
    if !export.skipped.is_empty() {
        note.push_str(&format!(
            "; left out {} API keys without a name or owner ({})",
            export.skipped.len(),
            export.skipped.join(", ")
        ));
    }
    let text = provision::export::render(&export, format);
    if let Some(out) = &args.out {
        let overwrite = if args.force {
            fsutil::Overwrite::Backup
        } else {
            fsutil::Overwrite::Refuse
        };
        let backup = fsutil::write_atomic(out, text.as_bytes(), fsutil::SECRET_MODE, overwrite)?;
        note = format!("{note}; written to \"{}\" (0600)", out.display());
        if let Some(b) = backup {
            note.push_str(&format!("; the old file is kept as \"{}\"", b.display()));
        }
        return Ok(Outcome::new().json(&export).note(note));
    }
    Ok(Outcome::new()
        .json(&export)
        .human(Human::Data(text))
        .note(note))
}
