#!/usr/bin/env bash
# Installs LibreChat's published crypto, token and user code into DIR, once:
# @librechat/data-schemas 0.0.71 with the peer dependencies it loads
# (mongoose among them), the bcryptjs LibreChat compares passwords with, and
# the mathjs LibreChat v0.8.5 evaluates durations with, and the keyv 5 its
# ban records are read through. About 20 s.
#
# Usage: scripts/librechat-install.sh DIR
set -euo pipefail
dir="${1:?usage: librechat-install.sh DIR}"
[ -f "$dir/.installed-librechat-0.0.71-pinned" ] && exit 0
mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || echo '{"name":"librechat-verifier","private":true}' > package.json
# Every package at an exact version, so a new release of one cannot change
# what the tier checks against.
npm install --no-audit --no-fund --loglevel=error --save-exact @librechat/data-schemas@0.0.71 \
    jsonwebtoken@9.0.3 klona@2.0.6 librechat-data-provider@0.8.524 lodash@4.18.1 \
    meilisearch@0.38.0 mongoose@8.24.10 nanoid@3.3.20 winston@3.19.0 \
    winston-daily-rotate-file@5.0.0 dotenv@18.0.10 mathjs@15.2.0 bcryptjs@2.4.3 keyv@5.5.3
CREDS_KEY=00 CREDS_IV=00 node -e 'require("@librechat/data-schemas"); require("mathjs"); require("bcryptjs"); require("keyv")'
touch "$dir/.installed-librechat-0.0.71-pinned"
