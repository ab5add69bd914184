#!/usr/bin/env bash
# Mixed load (issue 9): 60 s of browsing, CSV, API reads and correction
# submissions at 32 connections on loopback, against a fresh PostgreSQL
# database on a throwaway cluster (port 5433) or a fresh SQLite file. Fails
# on any 5xx, any request without an answer, or any acknowledged correction
# missing from the database afterwards.
#
#   scripts/mixedload.sh                 # PostgreSQL, 60 s, 32 connections
#   DB=sqlite DURATION=60s CONNECTIONS=32 scripts/mixedload.sh
#
# Needs root for pg_createcluster (Debian postgresql-common), psql, sqlite3, curl, go.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib-rel.sh
DB=${DB:-postgres}
DURATION=${DURATION:-60s}
CONNECTIONS=${CONNECTIONS:-32}
ADDR=${ADDR:-127.0.0.1:19011}
trap stop_server EXIT

build
if [ "$DB" = sqlite ]; then
  DSN="$REL_DIR/mixedload.db"; rm -f "$DSN" "$DSN"-*
else
  ensure_cluster
  DSN=$(fresh_db claimboard_load)
fi
start_server "$ADDR" "$DSN" "$REL_DIR/mixedload-server.log"
echo "# $(date -u +%FT%TZ) mixed load on $DB, $(nproc) cores, server and client on one host"
"$REL_DIR/loadgen" -base "http://$ADDR" -c "$CONNECTIONS" -d "$DURATION" -acked "$REL_DIR/mixedload-acked.txt" | tee "$REL_DIR/mixedload.txt"
stop_server # let in-flight requests finish before counting
if [ "$DB" = sqlite ]; then stored_ids_sqlite "$DSN"; else stored_ids_pg "$DSN"; fi >"$REL_DIR/mixedload-stored.txt"
status=0
check_acked "$REL_DIR/mixedload-acked.txt" "$REL_DIR/mixedload-stored.txt" || status=1
if ! grep -q '^total .* 5xx:0 no-answer:0$' "$REL_DIR/mixedload.txt"; then echo "FAIL: 5xx or unanswered requests"; status=1; fi
[ $status -eq 0 ] && echo "PASS" || echo "FAIL"
exit $status
