#!/usr/bin/env bash
# Installs what Vigie needs at run and test time and is not a Go module:
# a ClickHouse server (Debian/Ubuntu: the distribution's clickhouse-server
# package, 18.16.1 on Debian 12). Idempotent: does nothing when it is there.
set -euo pipefail

have_clickhouse() {
  command -v clickhouse-server >/dev/null 2>&1 || [ -x /usr/sbin/clickhouse-server ] || command -v clickhouse >/dev/null 2>&1
}

if ! command -v go >/dev/null 2>&1; then
  echo "Go is not installed: see https://go.dev/doc/install (Vigie needs Go 1.26 or newer)" >&2
  exit 1
fi

have_chromium() {
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1
}

# Chromium renders PNG/SVG exports and runs the dashboard's browser test; it
# is needed by `make test` (VIGIE_WITH_CHROMIUM=0 skips installing it for
# `make run`, where only exports use it).
want_chromium="${VIGIE_WITH_CHROMIUM:-1}"

if have_clickhouse && { [ "$want_chromium" = 0 ] || have_chromium; }; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  cat >&2 <<'MSG'
No ClickHouse server found and this system has no apt-get.
Install ClickHouse from your distribution or from https://clickhouse.com/docs/install,
so that `clickhouse-server` or `clickhouse` is on PATH, or point Vigie at an
existing server with --clickhouse HOST:PORT.
MSG
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "Installing clickhouse-server needs root: run as root or install sudo." >&2
    exit 1
  fi
fi

packages=""
have_clickhouse || packages="clickhouse-server clickhouse-client"
if [ "$want_chromium" != 0 ] && ! have_chromium; then
  packages="$packages chromium"
fi
echo "Installing from the distribution's packages: $packages"
$SUDO apt-get update -q
# The clickhouse package's own service is not needed: Vigie starts its own
# server under its data folder. policy-rc.d or a missing init may refuse to
# start it, which is fine.
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q $packages
have_clickhouse || { echo "clickhouse-server still not found after install" >&2; exit 1; }
