#!/usr/bin/env bash
# Faults (issue 9), each with the figures docs/reliability.md quotes:
#
#  1. PostgreSQL stopped for DOWN seconds and started again while loadgen
#     runs: during the outage /readyz and pages must answer 503 quickly (no
#     hanging request); within 5 s of PostgreSQL accepting connections again
#     every page must be 200 without restarting claimboard; every correction
#     acknowledged with 201 must be stored. Uses a throwaway cluster on port
#     5433, never the PostgreSQL the tests share.
#  2. SQLite on a full disk and on a read-only disk (a small tmpfs, which
#     needs root): writes get a clear 503, reads keep working where SQLite
#     can, nothing acknowledged is lost and PRAGMA integrity_check says ok.
#
#   scripts/faults.sh            # all;  ONLY=pg or ONLY=sqlite for one
#   DOWN=5 LOAD=40s scripts/faults.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib-rel.sh
ONLY=${ONLY:-all}
DOWN=${DOWN:-5}
LOAD=${LOAD:-40s}
ADDR=${ADDR:-127.0.0.1:19021}
BASE="http://$ADDR"
FAIL=0
fail() { echo "FAIL: $*"; FAIL=1; }
MNT="$REL_DIR/mnt"
cleanup() {
  stop_server
  [ -n "${LOAD_PID:-}" ] && kill "$LOAD_PID" 2>/dev/null || true
  mountpoint -q "$REL_DIR/ro" && umount "$REL_DIR/ro" || true
  mountpoint -q "$MNT" && umount "$MNT" || true
  # Never leave the throwaway cluster stopped.
  [ "$ONLY" = sqlite ] || pg_isready -q -h 127.0.0.1 -p "$PGPORT" || pg_ctlcluster --skip-systemctl-redirect "$PGVER" "$PGCLUSTER" start || true
}
trap cleanup EXIT

# probe PATH: "status seconds" of one request, 10 s at most.
probe() { curl -s -o /dev/null --max-time 10 -w '%{http_code} %{time_total}\n' "$BASE$1" || echo "000 10"; }

# suggest CLAIM: sends one correction through the form like a browser; prints the status.
suggest() {
  local jar="$REL_DIR/jar.txt" token
  rm -f "$jar"
  curl -s -c "$jar" -o /dev/null "$BASE/claims/$1/corrections"
  token=$(awk '$6 == "_csrf" {print $7}' "$jar")
  curl -s -b "$jar" -o "$REL_DIR/suggest.html" -w '%{http_code}' --max-time 15 \
    --data-urlencode "_csrf=$token" --data-urlencode "not_a_claim=1" \
    --data-urlencode "reason=loadgen faults $(date +%s%N)" "$BASE/claims/$1/corrections"
}

build

if [ "$ONLY" != sqlite ]; then
  echo "== 1. PostgreSQL stopped for ${DOWN}s and started during $LOAD of mixed load"
  ensure_cluster
  DSN=$(fresh_db claimboard_faults)
  start_server "$ADDR" "$DSN" "$REL_DIR/faults-pg-server.log"
  "$REL_DIR/loadgen" -base "$BASE" -c 32 -d "$LOAD" -timeout 15s -acked "$REL_DIR/faults-acked.txt" >"$REL_DIR/faults-load.txt" &
  LOAD_PID=$!
  sleep 10
  pg_ctlcluster --skip-systemctl-redirect "$PGVER" "$PGCLUSTER" stop -m fast
  stopped=$(date +%s.%N)
  echo "PostgreSQL stopped at $(date -u +%T.%N | cut -c1-12)"
  probes=0 max=0 bad=0
  while awk -v s="$stopped" -v now="$(date +%s.%N)" -v d="$DOWN" 'BEGIN {exit !(now - s < d)}'; do
    for path in /readyz / /leaderboards/fps /leaderboards/fps.csv /api/v1/metrics /claims/1; do
      read -r code secs < <(probe "$path")
      probes=$((probes + 1))
      max=$(awk -v a="$max" -v b="$secs" 'BEGIN {print (b > a ? b : a)}')
      [ "$code" = 503 ] || { bad=$((bad + 1)); echo "  during the outage GET $path = $code"; }
    done
    sleep 0.2
  done
  scode=$(suggest 1)
  echo "during the outage: $probes probes, $bad not 503, slowest ${max}s; a suggestion got $scode"
  [ "$bad" -eq 0 ] || fail "pages not 503 while PostgreSQL was down"
  awk -v m="$max" 'BEGIN {exit !(m < 2)}' || fail "a request took ${max}s during the outage"
  [ "$scode" = 503 ] || fail "suggestion during the outage = $scode, want 503"
  pg_ctlcluster --skip-systemctl-redirect "$PGVER" "$PGCLUSTER" start
  until pg_isready -q -h 127.0.0.1 -p "$PGPORT"; do sleep 0.05; done
  back=$(date +%s.%N)
  echo "PostgreSQL accepting connections again after $(awk -v a="$stopped" -v b="$back" 'BEGIN {printf "%.1f", b - a}')s"
  for path in /readyz / /leaderboards/fps /leaderboards/fps.csv /api/v1/metrics /claims/1 /papers/1; do
    until [ "$(probe "$path" | cut -d' ' -f1)" = 200 ]; do
      awk -v b="$back" -v now="$(date +%s.%N)" 'BEGIN {exit !(now - b > 10)}' && break
      sleep 0.05
    done
  done
  recovered=$(awk -v b="$back" -v now="$(date +%s.%N)" 'BEGIN {printf "%.2f", now - b}')
  echo "every page 200 again ${recovered}s after PostgreSQL's return (no restart of claimboard)"
  awk -v r="$recovered" 'BEGIN {exit !(r <= 5)}' || fail "recovery took ${recovered}s, more than 5 s"
  wait "$LOAD_PID"; LOAD_PID=
  cat "$REL_DIR/faults-load.txt"
  stop_server
  stored_ids_pg "$DSN" >"$REL_DIR/faults-stored.txt"
  check_acked "$REL_DIR/faults-acked.txt" "$REL_DIR/faults-stored.txt" || fail "acknowledged corrections lost"
  if grep -E '(^| )(500|502|504):' "$REL_DIR/faults-load.txt"; then fail "5xx other than 503 under the fault"; fi
  grep -q 'no-answer:0$' "$REL_DIR/faults-load.txt" || fail "requests without an answer (hung or cut)"
fi

if [ "$ONLY" != pg ]; then
  echo "== 2. SQLite on a full disk, then on a read-only disk"
  mkdir -p "$MNT"
  mountpoint -q "$MNT" && umount "$MNT"
  mount -t tmpfs -o size=16m tmpfs "$MNT"
  DB="$MNT/claimboard.db"
  start_server "$ADDR" "$DB" "$REL_DIR/faults-sqlite-server.log"
  acked="$REL_DIR/faults-sqlite-acked.txt"; : >"$acked"
  ack() { grep -o '/corrections/[0-9]*' "$REL_DIR/suggest.html" | head -1 | cut -d/ -f3 >>"$acked"; }
  [ "$(suggest 1)" = 201 ] && ack || fail "suggestion before the fault"
  dd if=/dev/zero of="$MNT/fill" bs=64k 2>/dev/null || true
  echo "disk full: $(df -h "$MNT" | awk 'NR == 2 {print $3 " used of " $2}')"
  codes=""
  for i in $(seq 1 40); do # enough to outgrow the WAL's free pages
    c=$(suggest 1); codes="$codes $c"; [ "$c" = 201 ] && ack
    [ "$c" = 201 ] || break
  done
  echo "suggestions on the full disk:$codes (body: $(grep -o 'temporarily unavailable[^<]*' "$REL_DIR/suggest.html" | head -1))"
  case "$codes" in *503*) ;; *) fail "a full disk did not give a 503: $codes" ;; esac
  case "$codes" in *500*) fail "a full disk gave a 500" ;; esac
  read -r rcode _ < <(probe /leaderboards/fps)
  echo "reading on the full disk: GET /leaderboards/fps = $rcode"
  rm -f "$MNT/fill"
  [ "$(suggest 1)" = 201 ] && ack || fail "suggestion after freeing space"
  echo "after freeing space a suggestion is 201 again"

  stop_server
  integrity=$(sqlite3 "$DB" 'PRAGMA integrity_check')
  echo "PRAGMA integrity_check after the full disk: $integrity"
  [ "$integrity" = ok ] || fail "integrity_check: $integrity"
  stored_ids_sqlite "$DB" >"$REL_DIR/faults-sqlite-stored.txt"
  check_acked "$acked" "$REL_DIR/faults-sqlite-stored.txt" || fail "acknowledged corrections lost on SQLite"

  # Read-only: Linux refuses to remount a file system read-only while the
  # server holds the database open for writing (and root ignores file
  # modes), so the server is started on a read-only view of the same disk.
  RO="$REL_DIR/ro"; mkdir -p "$RO"
  mount --bind "$MNT" "$RO" && mount -o remount,bind,ro "$RO"
  for flags in "" "--no-migrate"; do
    "$REL_DIR/claimboard" serve --addr "$ADDR" --db "$RO/claimboard.db" --no-seed $flags >"$REL_DIR/faults-ro.log" 2>&1 &
    pid=$!
    sleep 3
    if kill -0 $pid 2>/dev/null; then
      read -r rcode _ < <(probe /leaderboards/fps)
      scode=$(suggest 1)
      read -r ready _ < <(probe /readyz)
      echo "serve $flags on a read-only disk: running; GET /leaderboards/fps = $rcode, suggestion = $scode, /readyz = $ready"
      case "$scode" in 201|500) fail "read-only disk: suggestion = $scode, want 503" ;; esac
      [ "$rcode" = 500 ] && fail "read-only disk: page = 500"
      kill $pid; wait $pid 2>/dev/null || true
    else
      wait $pid 2>/dev/null && st=0 || st=$?
      echo "serve $flags on a read-only disk: exit $st: $(tail -1 "$REL_DIR/faults-ro.log")"
      [ "$st" -ne 0 ] || fail "serve on a read-only disk exited 0"
    fi
  done
  umount "$RO"
  integrity=$(sqlite3 "$DB" 'PRAGMA integrity_check')
  echo "PRAGMA integrity_check after the read-only disk: $integrity"
  [ "$integrity" = ok ] || fail "integrity_check: $integrity"
  umount "$MNT"
fi

[ $FAIL -eq 0 ] && echo "PASS" || echo "FAIL"
exit $FAIL
