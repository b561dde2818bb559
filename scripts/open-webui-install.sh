#!/usr/bin/env bash
# Installs Open WebUI into DIR, once, the way its slim image is built: the
# `open-webui` wheel without its dependencies, then the requirements-slim.txt
# the wheel ships (no torch or CUDA). Python 3.11 (the wheel wants >=3.11,<3.13).
#
# Usage: scripts/open-webui-install.sh DIR [VERSION]
#
# VERSION is 0.12.4 (the default). About 2 minutes and 800 MB the first time;
# DIR/.installed-open-webui-VERSION marks a finished install, and a second
# call returns at once. pip then names about 30 packages open-webui "requires"
# that the slim set leaves out (chromadb, sentence-transformers, ...): the
# server runs without them with USE_SLIM_DOCKER=true.
set -euo pipefail
dir="${1:?usage: open-webui-install.sh DIR [VERSION]}"
version="${2:-0.12.4}"
[ -f "$dir/.installed-open-webui-$version" ] && exit 0
python=${PYTHON:-python3.11}
command -v "$python" >/dev/null || python=python3
rm -rf "$dir/venv"
mkdir -p "$dir"
"$python" -m venv "$dir/venv"
"$dir/venv/bin/pip" install -q --disable-pip-version-check --no-deps "open-webui==$version"
site="$("$dir/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
# pip's closing complaint about the packages the slim set leaves out goes to
# a log; a failed install still fails here.
"$dir/venv/bin/pip" install -q --disable-pip-version-check -r "$site/requirements-slim.txt" \
    2> "$dir/pip-requirements.log" || { cat "$dir/pip-requirements.log" >&2; exit 1; }
"$dir/venv/bin/python" -c 'import open_webui, bcrypt, jwt, cryptography'
touch "$dir/.installed-open-webui-$version"
