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
# Targets: `token verify` (RS256) <= 5 ms median and <= 1.5x `jwt decode
# --secret` (`--offline`: <= 1.2x); `token mint` RS256 <= 1x `jwt encode`;
# `token decode` <= 1x `jwt decode`; `keygen --alg RS256` <= 1.5x
# `openssl genrsa 2048`; peak RSS <= 15 MB. The in-process numbers are in
# benches/inprocess.rs (`cargo bench --bench inprocess`).
#
# Env knobs: RUNS (default 30), KEYGEN_RUNS (15), WARMUP (3).
set -euo pipefail

RUNS=${RUNS:-30}
KEYGEN_RUNS=${KEYGEN_RUNS:-15}
WARMUP=${WARMUP:-3}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
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

log "building authctl (release)"
(cd "$root" && cargo build --release --quiet)
authctl="${CARGO_TARGET_DIR:-$root/target}/release/authctl"

# --- a hermetic environment -------------------------------------------------

work=$(mktemp -d "${TMPDIR:-/tmp}/authctl-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
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

# bench NAME RUNS [hyperfine args...] -- CMD...: one hyperfine run (without a
# shell, so nothing but the process is timed) whose JSON lands in $results/NAME.json.
# The environment of the calling subshell selects authctl's config.
bench() {
    local name=$1 runs=$2
    shift 2
    log "timing $name"
    hyperfine -N --warmup "$WARMUP" --runs "$runs" --style none \
        --export-json "$results/$name.json" "$@" >/dev/null
}

(
    export AUTHCTL_CONFIG_DIR="$rs_dir"
    bench decode "$RUNS" \
        -n "authctl token decode" "$authctl token decode $rs_token" \
        -n "jwt decode" "jwt decode $rs_token"
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
        -n "jwt encode (RS256)" "${jwt_rs_args[*]}"
    bench verify-rs256 "$RUNS" \
        -n "authctl token verify (RS256)" "$authctl token verify $rs_token" \
        -n "jwt decode --secret (RS256)" "jwt decode --secret @$rs_dir/public_key.pem -A RS256 $rs_token" \
        -n "authctl token verify --offline (RS256)" "$authctl token verify --offline $rs_token" \
        -n "authctl --version (startup floor)" "$authctl --version"
    # A fresh scratch dir for every run, so rotation backups and retired keys do
    # not pile up and change what one run does.
    export AUTHCTL_CONFIG_DIR="$scratch"
    bench keygen-rs256 "$KEYGEN_RUNS" --prepare "rm -rf $scratch" \
        -n "authctl keygen --alg RS256 --force" "$authctl keygen --alg RS256 --force" \
        -n "openssl genrsa 2048" "openssl genrsa -out $work/openssl.pem 2048"
)

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

print(f"\nWall time, median of {runs} runs ({keygen_runs} for keygen), hyperfine -N;"
      " CPU = mean user+sys:\n")
print(f"{'command':<42} {'median ms':>10} {'CPU ms':>8}  {'ratio authctl/other':>20}")
print("-" * 85)
targets = []
for name in ["decode", "mint-hs256", "mint-rs256", "verify-rs256", "keygen-rs256"]:
    rows = load(name)
    ours, other = rows[0], rows[1]
    ratio = ours["median"] / other["median"]
    for i, r in enumerate(rows):
        shown = f"{ratio:.2f}x" if i == 0 else ""
        cpu = (r["user"] + r["system"]) * 1000
        print(f"{r['command']:<42} {r['median'] * 1000:>10.2f} {cpu:>8.2f}  {shown:>20}")
    print()
    if name == "verify-rs256":
        ms = ours["median"] * 1000
        targets.append(f"token verify RS256 median {ms:.2f} ms (target <= 5 ms): "
                       + ("met" if ms <= 5 else "MISSED"))
        targets.append(f"token verify RS256 {ratio:.2f}x jwt decode --secret (target <= 1.5x): "
                       + ("met" if ratio <= 1.5 else "MISSED"))
        offline = rows[2]["median"] / other["median"]
        targets.append(f"token verify --offline RS256 {offline:.2f}x jwt decode --secret (target <= 1.2x): "
                       + ("met" if offline <= 1.2 else "MISSED"))
    if name == "mint-rs256":
        targets.append(f"token mint RS256 {ratio:.2f}x jwt encode (target <= 1x): "
                       + ("met" if ratio <= 1 else "MISSED"))
    if name == "keygen-rs256":
        targets.append(f"keygen RS256 {ratio:.2f}x openssl (target <= 1.5x): "
                       + ("met" if ratio <= 1.5 else "MISSED"))
    if name == "decode":
        targets.append(f"token decode {ratio:.2f}x jwt decode (target <= 1x): "
                       + ("met" if ratio <= 1 else "MISSED"))
for t in targets:
    print(t)
PY

printf '\nPeak memory (GNU time, Maximum resident set size; target <= 15 MB):\n\n'
printf '%-42s %10s\n' "command" "max RSS MB"
printf '%s\n' "------------------------------------------------------"
for row in "${rss_rows[@]}"; do
    printf '%-42s %10s\n' "${row%%$'\t'*}" "${row#*$'\t'}"
done
