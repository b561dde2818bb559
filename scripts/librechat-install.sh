#!/usr/bin/env bash
# Installs LibreChat's published crypto, token and user code into DIR, once:
# @librechat/data-schemas 0.0.71 with the peer dependencies it loads
# (mongoose among them), the bcryptjs LibreChat compares passwords with, and
# the mathjs LibreChat v0.8.5 evaluates durations with, and the keyv 5 its
# ban records are read through. About 15 s.
#
# Usage: scripts/librechat-install.sh DIR
set -euo pipefail
dir="${1:?usage: librechat-install.sh DIR}"
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ -f "$dir/.installed-librechat-0.0.71-locked" ] && exit 0
mkdir -p "$dir"
cd "$dir"
# Every package at the version scripts/librechat/package-lock.json holds
# (the top-level ones pinned in its package.json), so a new release of any
# cannot change what the tier checks against.
cp "$here/librechat/package.json" "$here/librechat/package-lock.json" .
npm ci --no-audit --no-fund --loglevel=error
CREDS_KEY=00 CREDS_IV=00 node -e 'require("@librechat/data-schemas"); require("mathjs"); require("bcryptjs"); require("keyv")'
touch "$dir/.installed-librechat-0.0.71-locked"
