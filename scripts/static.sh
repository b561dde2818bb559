#!/usr/bin/env bash
# Builds authctl as one static Linux executable (x86_64, glibc linked in,
# no dynamic loader, no shared libraries) and prints its path.
#
# Usage: scripts/static.sh   (from anywhere)
#
# `-C target-feature=+crt-static` on the GNU target, with a fixed-address
# (non-PIE) executable: start-up applies no relocations and loads no
# libraries, which is most of what a short command costs (`token decode`
# runs in about two thirds of the time of the dynamic build); its symbols
# are stripped (what is shipped carries none). The explicit
# --target keeps build scripts and proc-macros dynamic, as they must be.
# The OS user's name (the audit actor, PostgreSQL's default user) and a
# PostgreSQL host's address are looked up through glibc's NSS, which a
# static glibc does only in part: where a lookup fails, the actor is
# recorded as "unknown", and PostgreSQL needs its user in the URL.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
target=x86_64-unknown-linux-gnu
cd "$root"
RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+crt-static -C relocation-model=static -C strip=symbols" \
    cargo build --release --locked --quiet --target "$target"
bin="${CARGO_TARGET_DIR:-$root/target}/$target/release/authctl"
# ldd (glibc's, always there, unlike file(1)) names no loader and no
# library for an executable that asks for none.
linked=$(ldd "$bin" 2>&1 || true)
if ! grep -q 'not a dynamic executable' <<<"$linked"; then
    echo "static.sh: $bin is not a static executable: $linked" >&2
    exit 1
fi
echo "$bin"
