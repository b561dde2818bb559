#!/usr/bin/env bash
# The real-server tier: authctl against real servers.
#
# Usage: scripts/e2e.sh [TEST-FILTER]
#
# 1. PostgreSQL: the whole integration suite (tests/cli) again with the
#    native store on PostgreSQL, plus the tests only a server has
#    (tests/cli/postgres.rs: TLS, passwords, server errors, concurrent
#    writers). It starts a throwaway PostgreSQL 15 cluster on a free
#    loopback port (scripts/pg-cluster.sh; PG_BIN names the binaries,
#    default /usr/lib/postgresql/15/bin) and stops it by pid at the end. To
#    use a server of your own instead, set PG_TEST_URL to a superuser URL
#    with its password (postgresql://postgres:PW@HOST:PORT/postgres), and
#    PG_TEST_CA, PG_TEST_OTHER_CA and PG_TEST_SOCKET_DIR for the TLS and
#    socket tests.
# 2. Langflow, Flowise, LibreChat and Open WebUI (tests/e2e): installs each once into
#    ${AUTHCTL_E2E_CACHE:-${XDG_CACHE_HOME:-~/.cache}/authctl-e2e}
#    (Langflow: python3 -m venv + langflow-base==1.13.0, about 40 s and 1 GB
#    the first time, and the same for 1.12.8, 1.11.6, 1.10.3, 1.8.4, 1.5.1,
#    1.3.4 and 1.1.4; Flowise: scripts/flowise-install.sh, Node 24 from npm
#    and flowise@3.1.4, 5 to 10 minutes and 3 GB, and flowise@3.0.1 on the
#    machine's Node 20, about 3 minutes) and reuses it after.
#    LibreChat (tests/e2e/librechat.rs): its own crypto, token and duration
#    code from npm (scripts/librechat-install.sh, its lockfile, about 10 s), run under the
#    machine's Node as the verifier; its server needs MongoDB, which no
#    registry here serves. LibreChat's users (tests/e2e/librechat_users.rs)
#    on a throwaway SecantusDB, a MongoDB-wire server (scripts/mongo-server.sh:
#    PyPI SecantusDB==0.7.0b3 into the same cache, about 10 s the first
#    time), checked with LibreChat's own data-schemas and bcryptjs; set
#    MONGO_TEST_URI to use a server of your own. Open WebUI 0.12.4
#    (tests/e2e/open_webui.rs: scripts/open-webui-install.sh, the wheel and
#    its requirements-slim.txt into a venv, about 2 minutes and 800 MB the
#    first time) runs `open-webui serve` on SQLite and on the PostgreSQL
#    cluster above. TEST-FILTER selects among these tests.
#
# A server that cannot be installed or started fails the run; nothing is
# skipped.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ -z "${PG_TEST_URL:-}" ]; then
    pg_dir="$(mktemp -d)"
    trap 'scripts/pg-cluster.sh stop "$pg_dir"; rm -rf "$pg_dir"' EXIT
    pg_env="$(scripts/pg-cluster.sh start "$pg_dir")"
    eval "$pg_env"
fi
TEST_ENGINE=postgres cargo test --locked --test cli -- --include-ignored

# LibreChat's users: throwaway MongoDB-wire servers (SecantusDB, pinned in
# scripts/mongo-server.sh; one a replica set, one standalone), unless
# MONGO_TEST_URI and MONGO_STANDALONE_URI name them.
if [ -z "${MONGO_TEST_URI:-}" ] || [ -z "${MONGO_STANDALONE_URI:-}" ]; then
    mongo_dir="$(mktemp -d)"
    trap 'scripts/mongo-server.sh stop "$mongo_dir"; rm -rf "$mongo_dir"; if [ -n "${pg_dir:-}" ]; then scripts/pg-cluster.sh stop "$pg_dir"; rm -rf "$pg_dir"; fi' EXIT
    mongo_env="$(scripts/mongo-server.sh start "$mongo_dir")"
    eval "$mongo_env"
fi

AUTHCTL_E2E=1 cargo test --locked --test e2e -- --ignored --test-threads=1 "$@"
