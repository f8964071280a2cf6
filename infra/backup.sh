#!/usr/bin/env bash
# Backs up a Maillage PostgreSQL database to one file (pg_dump custom format, compressed).
#   infra/backup.sh <database-url> [<file>]      default file: maillage-<UTC timestamp>.dump
# Restore with infra/restore.sh. Uploaded documents live under DATA_DIR (or object storage): back them up too.
set -euo pipefail
url="${1:?usage: backup.sh <database-url> [<file>]}"
file="${2:-maillage-$(date -u +%Y%m%dT%H%M%SZ).dump}"
pg_dump --format=custom --no-owner --no-privileges --file="$file" "$url"
echo "backup written to $file ($(wc -c <"$file") bytes)"
