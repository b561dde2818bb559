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
[ -f "$dir/.installed-librechat-0.0.71-bans" ] && exit 0
mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || echo '{"name":"librechat-verifier","private":true}' > package.json
npm install --no-audit --no-fund --loglevel=error @librechat/data-schemas@0.0.71 \
    jsonwebtoken klona librechat-data-provider lodash meilisearch@0.38 mongoose \
    nanoid@3 winston winston-daily-rotate-file dotenv mathjs@15.2.0 bcryptjs@2.4.3 keyv@5.5.3
CREDS_KEY=00 CREDS_IV=00 node -e 'require("@librechat/data-schemas"); require("mathjs"); require("bcryptjs"); require("keyv")'
touch "$dir/.installed-librechat-0.0.71-bans"
