#!/usr/bin/env bash
# Runs every Go fuzz target of the module for a while each.
# Usage: scripts/fuzz.sh [FUZZTIME]   (default 3s; `make fuzz` passes a longer one)
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime="${1:-3s}"
status=0
# Each package with fuzz targets, and its targets (func FuzzXxx(f *testing.F)).
while IFS= read -r file; do
  pkg="$(dirname "$file")"
  for target in $(grep -oE '^func (Fuzz[A-Za-z0-9_]+)\(f \*testing\.F\)' "$file" | sed -E 's/^func (Fuzz[A-Za-z0-9_]+).*/\1/'); do
    echo "fuzz $pkg $target for $fuzztime"
    if ! go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg" > /tmp/vigie-fuzz.log 2>&1; then
      cat /tmp/vigie-fuzz.log
      status=1
    fi
  done
done < <(grep -rlE '^func Fuzz[A-Za-z0-9_]+\(f \*testing\.F\)' --include='*_test.go' . | sort)
exit $status
