#!/bin/sh
# Entrypoint of Vigie's ClickHouse container: reads the two passwords from
# the compose secrets into the variables users.d/vigie.xml names with
# from_env, then runs the image's own entrypoint. The passwords never appear
# in docker-compose.yml, in `docker inspect`, or in a config file on disk.
set -eu

read_secret() {
	if [ ! -s "$1" ]; then
		echo "vigie: missing or empty secret $1 (run deploy/init-secrets.sh)" >&2
		exit 1
	fi
	# $(...) drops the trailing newline; Vigie trims the same way.
	cat "$1"
}

VIGIE_CH_WRITER_PASSWORD="$(read_secret /run/secrets/clickhouse_password)"
VIGIE_CH_READER_PASSWORD="$(read_secret /run/secrets/clickhouse_read_password)"
export VIGIE_CH_WRITER_PASSWORD VIGIE_CH_READER_PASSWORD

exec /entrypoint.sh "$@"
