#!/usr/bin/env bash
# Builds authctl's Python wheel into OUTDIR and prints its path: the static
# x86_64 executable (as scripts/static.sh builds it) packed by maturin with
# `bindings = "bin"` (pyproject.toml), version from Cargo.toml. The
# executable asks nothing of the system's libraries, so maturin's own
# manylinux check passes it for manylinux_2_17 (manylinux2014): any x86_64
# Linux with glibc 2.17 or later, or none.
#
# Usage: scripts/wheel.sh OUTDIR
set -euo pipefail
out="${1:?usage: wheel.sh OUTDIR}"
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools=$("$root/scripts/dist-tools.sh")
mkdir -p "$out"
out=$(cd "$out" && pwd)
cd "$root"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
rm -f "$out"/authctl-"$version"-*.whl
# The same flags as scripts/static.sh, so the two share one build.
RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+crt-static -C relocation-model=static -C strip=symbols" \
    "$tools/maturin" build --quiet --release --locked \
    --target x86_64-unknown-linux-gnu --compatibility manylinux_2_17 --out "$out" >&2
wheel=$(ls "$out"/authctl-"$version"-*manylinux_2_17_x86_64*.whl)
echo "$wheel"
