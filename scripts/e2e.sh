#!/usr/bin/env bash
# The real-server tier: authctl against real app servers (Langflow today).
#
# Usage: scripts/e2e.sh [TEST-FILTER]
#
# Installs each server once into ${AUTHCTL_E2E_CACHE:-${XDG_CACHE_HOME:-~/.cache}/authctl-e2e}
# (Langflow: python3 -m venv + langflow-base==1.13.0, about 40 s and 1 GB the
# first time) and reuses it after. A server that cannot be installed or started
# fails its test; nothing is skipped.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export AUTHCTL_E2E=1
exec cargo test --locked --test e2e -- --ignored --test-threads=1 "$@"
