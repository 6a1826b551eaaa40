#!/bin/sh
# Creates the secret files docker-compose.yml mounts, with random values,
# in ./secrets (or the folder given as $1). Existing files are kept, so it is
# safe to run again; delete a file to generate a new value (and see the
# README for rotating a ClickHouse password on a running server).
#
#   sh deploy/init-secrets.sh            # then: cp .env.example .env; docker compose up -d
#
# The folder is private to you (0700). The files in it are 0644 because
# Compose bind-mounts them as they are, and the containers do not run as
# your user (vigie runs as uid 10001, Grafana as 472): the folder's mode is
# what keeps other users of this machine out.
set -eu

dir="${1:-secrets}"
umask 022
mkdir -p "$dir"
chmod 0700 "$dir"

random() {
	# 32 characters from [A-Za-z0-9]: no quoting trouble in any config.
	LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 32
}

for name in clickhouse_password clickhouse_read_password dashboard_token grafana_admin_password; do
	file="$dir/$name"
	if [ -s "$file" ]; then
		echo "kept    $file"
		continue
	fi
	random >"$file"
	chmod 0644 "$file"
	echo "created $file"
done
