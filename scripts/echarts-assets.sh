#!/usr/bin/env bash
# Fetches echarts from the npm registry at the pinned version and checks (or,
# with "update", copies) the files the dashboard embeds.
# Usage: scripts/echarts-assets.sh verify|update
set -euo pipefail
VERSION=5.4.3
DEST="$(cd "$(dirname "$0")/.." && pwd)/dashboard/third_party/echarts"
mode="${1:-verify}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
command -v npm >/dev/null || { echo "npm is needed to fetch echarts@$VERSION (apt-get install npm)" >&2; exit 1; }
(cd "$tmp" && npm pack --silent "echarts@$VERSION" >/dev/null)
tar -xzf "$tmp/echarts-$VERSION.tgz" -C "$tmp" package/dist/echarts.min.js package/LICENSE package/NOTICE package/licenses/LICENSE-d3
mkdir -p "$tmp/files"
cp "$tmp/package/dist/echarts.min.js" "$tmp/package/LICENSE" "$tmp/package/NOTICE" "$tmp/files/"
cp "$tmp/package/licenses/LICENSE-d3" "$tmp/files/LICENSE-d3"
(cd "$tmp/files" && sha256sum -c "$DEST/SHA256SUMS")
if [ "$mode" = update ]; then
  cp "$tmp/files/"* "$DEST/"
  echo "echarts@$VERSION copied to $DEST"
else
  (cd "$DEST" && sha256sum -c SHA256SUMS)
  echo "echarts@$VERSION in $DEST matches the npm registry"
fi
