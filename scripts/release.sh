#!/usr/bin/env bash
# Builds a release of authctl into dist/VERSION/ and writes SHA256SUMS there:
#   authctl-VERSION-x86_64-unknown-linux-gnu.tar.gz  the static executable,
#       with README.md, CHANGELOG.md, completions/ and man/
#   authctl-VERSION-py3-none-manylinux_2_17_x86_64.whl  (scripts/wheel.sh)
#   authctl-linux-x64-VERSION.tgz, authctl-VERSION.tgz  (scripts/npm-pack.sh)
#   authctl-VERSION.crate                               (cargo package --locked)
# VERSION must be Cargo.toml's, with a CHANGELOG.md section of its own.
# Publishing is the workflow's (.github/workflows/release.yml): `twine
# upload`, `npm publish` (platform package first), `cargo publish`.
#
# Usage: scripts/release.sh VERSION
set -euo pipefail
version="${1:?usage: release.sh VERSION}"
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
cargo_version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
[ "$version" = "$cargo_version" ] || {
    echo "release.sh: VERSION $version is not Cargo.toml's ($cargo_version)" >&2
    exit 2
}
heading=$(grep -m1 "^## $version\b" CHANGELOG.md || true)
[ -n "$heading" ] || {
    echo "release.sh: CHANGELOG.md has no \"## $version\" section" >&2
    exit 2
}
case "$heading" in
*unreleased*)
    echo "release.sh: CHANGELOG.md's \"$heading\" is marked unreleased: give it the release date first" >&2
    exit 2
    ;;
esac
out="$root/dist/$version"
rm -rf "$out"
mkdir -p "$out"
bin=$(scripts/static.sh)
name="authctl-$version-x86_64-unknown-linux-gnu"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$name"
cp -r "$bin" README.md CHANGELOG.md completions man "$stage/$name/"
tar -C "$stage" --owner=0 --group=0 --numeric-owner -czf "$out/$name.tar.gz" "$name"
scripts/wheel.sh "$out" >/dev/null
scripts/npm-pack.sh "$out" >/dev/null
cargo package --locked --quiet
cp "target/package/authctl-$version.crate" "$out/"
(cd "$out" && sha256sum -- * >SHA256SUMS)
cat "$out/SHA256SUMS"
