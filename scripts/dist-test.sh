#!/usr/bin/env bash
# The distribution tier: builds what scripts/release.sh ships — the static
# executable, the Python wheel and the npm packages — from this clone (or
# takes them from DIST, a release's directory), and runs each the way its
# users run it, with no Rust on PATH (only /usr/bin, /bin and node's
# directory): `authctl --version` and `authctl --profile langflow user list`
# on a copy of the Langflow 1.13 fixture.
#
#   - the static executable in a directory tree that holds only it and the
#     fixture (chroot as root, through sudo, or in an unprivileged user
#     namespace);
#   - the wheel installed into a fresh virtualenv (pip/pipx's way) and run
#     by `uv tool run --from WHEEL` (uvx's way);
#   - the npm packages installed into a fresh prefix and run by
#     `npx --no-install authctl`; without the platform package, the
#     launcher says so and exits 1;
#   - `cargo package --locked` (the crate builds from what it ships).
#
# Usage: scripts/dist-test.sh [DIST]   (tools cached in ~/.cache/authctl-dist)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
dist="${1:-}"
clean="/usr/bin:/bin:$(dirname "$(command -v node)")"
log() { printf 'dist-test: %s\n' "$*" >&2; }
fail() { log "FAIL: $*"; exit 1; }

if env -i PATH="$clean" sh -c 'command -v cargo || command -v rustc' >/dev/null; then
    fail "cargo or rustc is on $clean: the installs would not be shown to run without Rust"
fi

started=$(date +%s)
if [ -n "$dist" ]; then
    log "testing the release in $dist"
    archive="authctl-$version-x86_64-unknown-linux-gnu"
    tar -C "$work" -xzf "$dist/$archive.tar.gz"
    bin="$work/$archive/authctl"
    wheel=$(ls "$dist"/authctl-"$version"-*manylinux_2_17_x86_64*.whl)
    npm=("$dist/authctl-linux-x64-$version.tgz" "$dist/authctl-$version.tgz")
else
    log "building the static executable, the wheel and the npm packages"
    bin=$(scripts/static.sh)
    wheel=$(scripts/wheel.sh "$work/dist")
    mapfile -t npm < <(scripts/npm-pack.sh "$work/dist")
fi
log "$(basename "$wheel") $(basename "${npm[0]}") $(basename "${npm[1]}") ready in $(($(date +%s) - started)) s"

# A fresh copy of the Langflow fixture: its folder.
fixture() {
    local d
    d=$(mktemp -d -p "$work")
    cp tests/fixtures/langflow-1.13/langflow.db tests/fixtures/langflow-1.13/secret_key "$d/"
    chmod 600 "$d/secret_key"
    echo "$d"
}

# check LABEL DIR PATH COMMAND...: COMMAND (authctl as its users start it)
# in an environment of PATH, HOME, the variables in the array `extra`, and,
# for the second run, LANGFLOW_CONFIG_DIR=DIR, prints the version and lists
# the fixture's admin.
extra=()
check() {
    local label="$1" dir="$2" path="$3"
    shift 3
    local out
    out=$(env -i PATH="$path" HOME="$work" "${extra[@]}" "$@" --version) ||
        fail "$label: --version exited $?"
    [ "$out" = "authctl $version" ] || fail "$label: --version said \"$out\""
    out=$(env -i PATH="$path" HOME="$work" "${extra[@]}" LANGFLOW_CONFIG_DIR="$dir" \
        "$@" --profile langflow user list) || fail "$label: user list exited $?"
    grep -q '^admin ' <<<"$out" || fail "$label: user list did not list admin: $out"
    log "ok: $label"
}

# 1. The static executable, alone in a tree.
linked=$(ldd "$bin" 2>&1 || true)
grep -q 'not a dynamic executable' <<<"$linked" || fail "ldd: $linked"
tree="$work/root"
mkdir -p "$tree"
cp "$bin" "$tree/authctl"
cp -r "$(fixture)" "$tree/langflow"
[ "$(find "$tree" -type f | wc -l)" = 3 ] || fail "the tree holds more than authctl and the fixture"
chroot=$(command -v chroot || echo /usr/sbin/chroot)
if [ "$(id -u)" = 0 ]; then
    enter=("$chroot" "$tree")
elif sudo -n true 2>/dev/null; then
    enter=(/usr/bin/sudo -n --preserve-env=LANGFLOW_CONFIG_DIR "$chroot" "$tree")
else
    enter=("$(command -v unshare)" --user --map-root-user --root="$tree")
fi
check "static executable in a tree of its own" /langflow / "${enter[@]}" /authctl
log "static executable: $(stat -c %s "$bin") bytes"

# 2. The wheel: pip into a fresh virtualenv, and uvx.
tools=$(scripts/dist-tools.sh)
python3 -m zipfile -l "$wheel" | grep -q "authctl-$version.data/scripts/authctl" ||
    fail "the wheel holds no authctl script"
python=$(python3 -c 'import sys; print(sys.executable)')
"$python" -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check --no-index "$wheel"
check "pip install into a virtualenv" "$(fixture)" "$work/venv/bin:$clean" authctl
extra=(UV_CACHE_DIR="$work/uv-cache" UV_TOOL_DIR="$work/uv-tools" UV_PYTHON="$python")
check "uvx (uv tool run --from the wheel)" "$(fixture)" "$clean" \
    "$tools/uv" tool run --offline --quiet --from "$wheel" authctl

# 3. npm: the launcher and the platform package in a fresh prefix, run by npx.
npm install --prefix "$work/npm" --no-audit --no-fund --loglevel=error "${npm[@]}" >&2
extra=(npm_config_cache="$work/npm-cache")
check "npx in a fresh npm prefix" "$(fixture)" "$clean" \
    sh -c 'cd "$0" && exec npx --no-install authctl "$@"' "$work/npm"
npm install --prefix "$work/npm-bare" --no-audit --no-fund --loglevel=error --omit=optional "${npm[1]}" >&2
set +e
out=$(env -i PATH="$clean" HOME="$work" "$work/npm-bare/node_modules/.bin/authctl" --version 2>&1)
code=$?
set -e
[ "$code" = 1 ] && grep -q 'authctl-linux-x64 is not installed' <<<"$out" ||
    fail "without the platform package: exit $code, \"$out\""
log "ok: the launcher without its platform package says so (exit 1)"

# 4. The crate.
# Its own target dir: the packaged copy has the same package id as the
# checkout, and in the shared one its build would pass for the checkout's.
cargo package --locked --quiet --target-dir target/package-check >&2
log "ok: cargo package --locked"
log "all passed in $(($(date +%s) - started)) s"
