#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback, for the real-server tier.
#
# Usage:
#   scripts/pg-cluster.sh start DIR   # prints shell lines to eval: PG_TEST_*
#   scripts/pg-cluster.sh stop DIR    # stops the server by its pid
#
# The cluster is made with PostgreSQL's own initdb (PG_BIN, default
# /usr/lib/postgresql/15/bin). initdb refuses to run as root, so as root the
# server runs as the user `postgres` (setpriv). It listens on a free port
# on 127.0.0.1 and on a socket in DIR, with TLS on (a CA and a server
# certificate for 127.0.0.1 and localhost, made here with openssl), password
# (SCRAM) authentication over TCP and trust over the socket. It also listens
# on 127.0.0.2, an address the certificate does not name. The superuser
# is `postgres`; its password is in DIR/password. Any failure exits non-zero.
set -euo pipefail

cmd="${1:?usage: pg-cluster.sh start|stop DIR}"
dir="${2:?usage: pg-cluster.sh start|stop DIR}"
pg_bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"

# From inside the cluster's dir: PostgreSQL's programs change back to the
# working directory, which its user may not be able to enter (/root).
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        (cd "$dir" && setpriv --reuid=postgres --regid=postgres --init-groups -- "$@")
    else
        "$@"
    fi
}

case "$cmd" in
start)
    for tool in initdb pg_ctl postgres; do
        [ -x "$pg_bin/$tool" ] || { echo "pg-cluster: $pg_bin/$tool not found; install PostgreSQL 15 or set PG_BIN" >&2; exit 1; }
    done
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    data="$dir/data"
    tls="$dir/tls"
    mkdir -p "$tls"
    # A CA, and a server certificate it signs, for 127.0.0.1 and localhost.
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=authctl test CA" \
        -keyout "$tls/ca.key" -out "$tls/ca.crt" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
        -keyout "$tls/server.key" -out "$tls/server.csr" 2>/dev/null
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >"$tls/ext.cnf"
    openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.crt" -CAkey "$tls/ca.key" \
        -CAcreateserial -days 2 -extfile "$tls/ext.cnf" -out "$tls/server.crt" 2>/dev/null
    # A second, unrelated CA: the "wrong" root for verify-full tests.
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=another CA" \
        -keyout "$tls/other-ca.key" -out "$tls/other-ca.crt" 2>/dev/null
    chmod 0600 "$tls/server.key"
    password="$(openssl rand -hex 16)"
    printf '%s\n' "$password" >"$dir/password"
    if [ "$(id -u)" = 0 ]; then
        chown -R postgres:postgres "$dir"
    fi
    chmod 0700 "$dir"
    as_owner "$pg_bin/initdb" -D "$data" -U postgres --pwfile="$dir/password" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --no-instructions >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    cat >>"$data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1,127.0.0.2'
port = $port
unix_socket_directories = '$dir'
ssl = on
ssl_cert_file = '$tls/server.crt'
ssl_key_file = '$tls/server.key'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    # 127.0.0.2 is loopback too, but not a name the certificate holds: the
    # address a verify-ca / verify-full difference is tested on.
    printf 'host all all 127.0.0.2/32 scram-sha-256\n' >>"$data/pg_hba.conf"
    as_owner "$pg_bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 start >/dev/null \
        || { cat "$dir/server.log" >&2; exit 1; }
    echo "export PG_TEST_URL='postgresql://postgres:$password@127.0.0.1:$port/postgres?sslmode=disable'"
    echo "export PG_TEST_SOCKET_DIR='$dir'"
    echo "export PG_TEST_CA='$tls/ca.crt'"
    echo "export PG_TEST_OTHER_CA='$tls/other-ca.crt'"
    ;;
stop)
    pidfile="$dir/data/postmaster.pid"
    [ -f "$pidfile" ] || exit 0
    pid="$(head -n1 "$pidfile")"
    kill -INT "$pid" 2>/dev/null || true
    for _ in $(seq 100); do
        kill -0 "$pid" 2>/dev/null || exit 0
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    ;;
*)
    echo "usage: pg-cluster.sh start|stop DIR" >&2
    exit 2
    ;;
esac
