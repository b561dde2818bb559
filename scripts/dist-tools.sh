#!/usr/bin/env bash
# The packaging tools, pinned, installed once into a virtualenv outside the
# clone (${AUTHCTL_DIST_CACHE:-${XDG_CACHE_HOME:-~/.cache}/authctl-dist}):
# maturin, which builds the Python wheel, and uv, whose `uvx` runs it. Prints
# the virtualenv's bin directory.
#
# Usage: scripts/dist-tools.sh
set -euo pipefail
maturin=1.16.0
uv=0.13.9
cache="${AUTHCTL_DIST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/authctl-dist}"
venv="$cache/tools-maturin-$maturin-uv-$uv"
if [ ! -f "$venv/.installed" ]; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "maturin==$maturin" "uv==$uv"
    touch "$venv/.installed"
fi
echo "$venv/bin"
