#!/usr/bin/env bash
# A throwaway MongoDB-wire server on loopback, for the real-server tier.
#
# Usage:
#   scripts/mongo-server.sh start DIR   # prints shell lines to eval: MONGO_TEST_URI
#                                       # and MONGO_STANDALONE_URI
#   scripts/mongo-server.sh stop DIR    # stops the servers by their pids
#
# The server is SecantusDB (PyPI, pinned below; MongoDB's wire protocol over
# WiredTiger storage; GPL-2.0, a test-time server only, never linked into
# authctl), installed once into a virtualenv under
# ${AUTHCTL_E2E_CACHE:-${XDG_CACHE_HOME:-~/.cache}/authctl-e2e}. It keeps its
# data in memory, listens on a free port on 127.0.0.1, and is ready in under
# a second. Two run: one that answers as a single-node replica set (so
# transactions run, MONGO_TEST_URI), and one that answers as a standalone
# server, which has none (MONGO_STANDALONE_URI). Any failure exits non-zero.
set -euo pipefail

cmd="${1:?usage: mongo-server.sh start|stop DIR}"
dir="${2:?usage: mongo-server.sh start|stop DIR}"
version="0.7.0b3"
cache="${AUTHCTL_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/authctl-e2e}"
venv="$cache/secantusdb-$version"

case "$cmd" in
start)
    if [ ! -f "$venv/.installed" ]; then
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check "SecantusDB==$version"
        touch "$venv/.installed"
    fi
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    # serve NAME VARIABLE [FLAGS…]: one server, its pid in DIR/NAME.pid.
    serve() {
        local name="$1" var="$2"
        shift 2
        local port
        port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
        "$venv/bin/secantusd-py" --host 127.0.0.1 --port "$port" --storage-path :memory: \
            --log-level WARNING "$@" >"$dir/$name.log" 2>&1 &
        echo $! >"$dir/$name.pid"
        for _ in $(seq 1 100); do
            if python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null; then
                echo "export $var='mongodb://127.0.0.1:$port/?directConnection=true'"
                return 0
            fi
            if ! kill -0 "$(cat "$dir/$name.pid")" 2>/dev/null; then
                cat "$dir/$name.log" >&2
                return 1
            fi
            sleep 0.1
        done
        echo "mongo-server: SecantusDB did not listen on port $port" >&2
        cat "$dir/$name.log" >&2
        return 1
    }
    serve replica MONGO_TEST_URI
    serve standalone MONGO_STANDALONE_URI --standalone
    ;;
stop)
    for pid in "$dir"/*.pid; do
        [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null || true
    done
    ;;
*)
    echo "usage: mongo-server.sh start|stop DIR" >&2
    exit 2
    ;;
esac
