# Shared by scripts/mixedload.sh and scripts/faults.sh: a throwaway PostgreSQL
# cluster (never the one the tests use), a fresh database, a server started
# from this checkout, and the check that every acknowledged correction is stored.
# shellcheck shell=bash

REL_DIR=${REL_DIR:-/tmp/claimboard-rel}
PGVER=${PGVER:-$(ls /etc/postgresql | sort -n | tail -1)}
PGCLUSTER=${PGCLUSTER:-faults}
PGPORT=${PGPORT:-5433}
mkdir -p "$REL_DIR"

# ensure_cluster creates (trust auth, loopback only) and starts the throwaway cluster.
ensure_cluster() {
  if ! pg_lsclusters -h | awk -v c="$PGCLUSTER" '$2 == c {found=1} END {exit !found}'; then
    pg_createcluster "$PGVER" "$PGCLUSTER" --port "$PGPORT" >/dev/null
    sed -i 's/scram-sha-256$/trust/; s/peer$/trust/' "/etc/postgresql/$PGVER/$PGCLUSTER/pg_hba.conf"
  fi
  pg_isready -q -h 127.0.0.1 -p "$PGPORT" || pg_ctlcluster --skip-systemctl-redirect "$PGVER" "$PGCLUSTER" start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$PGPORT" && return 0; sleep 0.2; done
  echo "cluster $PGVER/$PGCLUSTER did not start" >&2; return 1
}

# fresh_db NAME prints the URL of a new, empty database NAME on the cluster.
fresh_db() {
  PGOPTIONS=--client-min-messages=warning psql -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1" >/dev/null
  echo "postgres://postgres@127.0.0.1:$PGPORT/$1?sslmode=disable"
}

# build compiles the server and the load generator of this checkout.
build() {
  go build -o "$REL_DIR/claimboard" ./cmd/claimboard
  go build -o "$REL_DIR/loadgen" ./cmd/loadgen
}

# start_server ADDR DSN LOG starts claimboard, waits until /readyz says ready
# and sets SERVER_PID.
start_server() {
  "$REL_DIR/claimboard" serve --addr "$1" --db "$2" >"$3" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    curl -sf "http://$1/readyz" >/dev/null && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited:"; tail "$3"; return 1; } >&2
    sleep 0.2
  done
  echo "server at $1 never became ready" >&2; return 1
}

stop_server() { [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null; SERVER_PID=; }

# check_acked ACKED_FILE STORED_FILE: every acknowledged id must be stored.
# Prints the counts; fails when one is missing.
check_acked() {
  local acked stored lost
  acked=$(sort -u "$1" | grep -c . || true)
  stored=$(sort -u "$2" | grep -c . || true)
  lost=$(comm -23 <(sort -u "$1") <(sort -u "$2") | grep -c . || true)
  unacked=$(comm -13 <(sort -u "$1") <(sort -u "$2") | grep -c . || true)
  # Stored but never acknowledged can happen (the answer was lost or timed
  # out on the way back); acknowledged but not stored must never.
  echo "acknowledged: $acked  stored: $stored  acknowledged but missing: $lost  stored but not acknowledged: $unacked"
  [ "$lost" -eq 0 ]
}

# stored_ids_pg URL: ids of the corrections loadgen sent.
stored_ids_pg() { psql -At "$1" -c "SELECT id FROM corrections WHERE reason LIKE 'loadgen %'"; }
stored_ids_sqlite() { sqlite3 "$1" "SELECT id FROM corrections WHERE reason LIKE 'loadgen %'"; }
