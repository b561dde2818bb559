#!/usr/bin/env bash
# The static executable beside the dynamic build: size, and start-up time
# (`authctl --version`, a whole process, median of RUNS runs by hyperfine).
# The README's Install section quotes one run of it.
#
# Usage: scripts/startup.sh   (RUNS, default 200; installs hyperfine with
#                              apt-get or cargo when it is missing)
set -euo pipefail
RUNS=${RUNS:-200}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if ! command -v hyperfine >/dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine) >&2 ||
        cargo install hyperfine --locked
fi
static=$("$root/scripts/static.sh")
(cd "$root" && cargo build --release --locked --quiet)
dynamic="${CARGO_TARGET_DIR:-$root/target}/release/authctl"
json=$(mktemp)
trap 'rm -f "$json"' EXIT
hyperfine --runs "$RUNS" --warmup 10 -N --export-json "$json" \
    "$static --version" "$dynamic --version" >/dev/null
python3 - "$json" "$static" "$dynamic" <<'PY'
import json, os, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
for label, path, r in zip(("static", "dynamic"), sys.argv[2:], results):
    size = os.path.getsize(path)
    print(f"{label:8} {size / 1e6:5.1f} MB  start-up {statistics.median(r['times']) * 1e3:.2f} ms")
PY
