#!/usr/bin/env bash
# Runs govulncheck on the module against a local vulnerability database, so
# it needs nothing but the Go module proxy (no vuln.go.dev).
#
# Both tools come through the module proxy at pinned versions and are never
# added to go.mod:
#   golang.org/x/vuln    (govulncheck)
#   golang.org/x/vulndb  (its data/osv folder holds every Go report as OSV JSON;
#                         its cmd/indexdb builds the v1 database layout from it:
#                         index/db.json, index/modules.json, index/vulns.json, ID/GO-….json)
# The database is built once per vulndb version in a cache folder.
#
# Usage: scripts/govulncheck.sh [govulncheck args]   (default: ./...)
# Exit status: 0 no called vulnerability; 3 the code calls a vulnerable
# function (govulncheck's own status); anything else: the check could not run.
# Env: VIGIE_VULN_CACHE (default ${XDG_CACHE_HOME:-$HOME/.cache}/vigie/vulndb),
#      VULN_VERSION, VULNDB_VERSION to pin other versions.
set -euo pipefail
cd "$(dirname "$0")/.."

VULN_VERSION="${VULN_VERSION:-v1.9.0}"
VULNDB_VERSION="${VULNDB_VERSION:-v0.0.0-20261105234957-e22db6528018}"
cache="${VIGIE_VULN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/vigie/vulndb}"
db="$cache/$VULNDB_VERSION"

# govulncheck type-checks the standard library of the Go that runs it: one
# binary per Go version.
bin="$cache/bin/$VULN_VERSION-$(go env GOVERSION)"
# Run from / (no go.mod there): `go install pkg@version`, `go run pkg@version`
# and `go mod download` then never touch this module's go.mod.
if [ ! -x "$bin/govulncheck" ]; then
  mkdir -p "$bin"
  (cd / && GOBIN="$bin" go install "golang.org/x/vuln/cmd/govulncheck@$VULN_VERSION")
fi

if [ ! -s "$db/index/db.json" ] || [ ! -s "$db/index/modules.json" ]; then
  echo "govulncheck: building the vulnerability database from golang.org/x/vulndb@$VULNDB_VERSION into $db" >&2
  src="$(cd / && go mod download -json "golang.org/x/vulndb@$VULNDB_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  if [ -z "$src" ] || [ ! -d "$src/data/osv" ]; then
    echo "govulncheck: golang.org/x/vulndb@$VULNDB_VERSION has no data/osv folder" >&2
    exit 2
  fi
  mkdir -p "$cache"
  tmp="$(mktemp -d "$cache/build.XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  (cd / && go run "golang.org/x/vulndb/cmd/indexdb@$VULNDB_VERSION" -vulns "$src/data/osv" -out "$tmp/db")
  rm -rf "$db"
  mv "$tmp/db" "$db"
  echo "govulncheck: database ready ($(ls "$db/ID" | grep -c '\.json$') reports)" >&2
fi

if [ "$#" -eq 0 ]; then
  set -- ./...
fi
# govulncheck exits 3 when the code calls a vulnerable function; findings in
# modules or packages that are not called are listed but do not fail.
# (The binary is run directly: `go run` would turn its status 3 into 1.)
exec "$bin/govulncheck" -db "file://$db" "$@"
