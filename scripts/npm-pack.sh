#!/usr/bin/env bash
# Builds authctl's npm packages into OUTDIR and prints their paths, the
# platform package first: `authctl-linux-x64`, which holds the static x86_64
# executable (scripts/static.sh) and installs only where npm's os/cpu say
# linux/x64, and `authctl`, whose launcher (npm/authctl/bin/authctl.js) runs
# it and has it as an optional dependency (esbuild's scheme). Both take
# their version from Cargo.toml; the package.json files in npm/ hold 0.0.0.
#
# Usage: scripts/npm-pack.sh OUTDIR
set -euo pipefail
out="${1:?usage: npm-pack.sh OUTDIR}"
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -1)
bin=$("$root/scripts/static.sh")
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
for pkg in authctl-linux-x64 authctl; do
    cp -r "$root/npm/$pkg" "$stage/$pkg"
    cp "$root/README.md" "$stage/$pkg/README.md"
    node -e '
        const fs = require("fs");
        const [file, version] = process.argv.slice(1);
        const p = JSON.parse(fs.readFileSync(file, "utf8"));
        p.version = version;
        for (const dep of Object.keys(p.optionalDependencies || {})) p.optionalDependencies[dep] = version;
        fs.writeFileSync(file, JSON.stringify(p, null, 2) + "\n");
    ' "$stage/$pkg/package.json" "$version"
done
mkdir -p "$stage/authctl-linux-x64/bin"
install -m 0755 "$bin" "$stage/authctl-linux-x64/bin/authctl"
chmod 0755 "$stage/authctl/bin/authctl.js"
for pkg in authctl-linux-x64 authctl; do
    (cd "$stage/$pkg" && npm pack --quiet --pack-destination "$out" >/dev/null)
    echo "$out/$pkg-$version.tgz"
done
