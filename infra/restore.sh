#!/usr/bin/env bash
# Restores a backup made by infra/backup.sh into an EMPTY database (create it first: createdb …).
#   infra/restore.sh <file> <database-url>
# The append-only audit trigger comes back with the schema; start the API afterwards as usual.
set -euo pipefail
file="${1:?usage: restore.sh <file> <database-url>}"
url="${2:?usage: restore.sh <file> <database-url>}"
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$url" "$file"
echo "restored $file"
