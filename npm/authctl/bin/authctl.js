#!/usr/bin/env node
// authctl's npm launcher: runs the executable of the per-platform package
// npm installed beside this one (an optional dependency, chosen by npm from
// its "os" and "cpu"), with this process's arguments, stdin, stdout and
// stderr, and exits with its code (or re-raises the signal that ended it).
"use strict";

const { spawnSync } = require("child_process");
const path = require("path");

// Platforms with a package, as `${process.platform}-${process.arch}`.
const PACKAGES = { "linux-x64": "authctl-linux-x64" };

function executable() {
  const platform = `${process.platform}-${process.arch}`;
  const name = PACKAGES[platform];
  if (!name) {
    return { error: `authctl has no executable for ${platform} on npm (it has: ${Object.keys(PACKAGES).join(", ")}); install it with \`cargo install authctl\`` };
  }
  try {
    return { file: path.join(path.dirname(require.resolve(`${name}/package.json`)), "bin", "authctl") };
  } catch {
    return { error: `authctl's executable package ${name} is not installed (npm skips optional dependencies with --omit=optional or --no-optional); reinstall without that flag, or run \`npm install ${name}\`` };
  }
}

const found = executable();
if (found.error) {
  process.stderr.write(`authctl: error: ${found.error}\n`);
  process.exit(1);
}
const run = spawnSync(found.file, process.argv.slice(2), { stdio: "inherit" });
if (run.error) {
  process.stderr.write(`authctl: error: cannot run ${found.file}: ${run.error.message}\n`);
  process.exit(1);
}
if (run.signal) {
  process.kill(process.pid, run.signal);
}
process.exit(run.status ?? 1);
