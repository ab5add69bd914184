#!/usr/bin/env bash
# SQL injection scan (issue 9): sqlmap (Debian package) against every GET
# parameter of the leaderboard page, its CSV and its API, the search page,
# and every field of the correction form (with its CSRF cookie and token),
# all on loopback, against a fresh PostgreSQL database on the throwaway
# cluster (port 5433) or, with DB=sqlite, a fresh SQLite file. Fails if
# sqlmap reports anything injectable.
#
#   scripts/sqlmap.sh                     # PostgreSQL, level 1 / risk 1
#   DB=sqlite LEVEL=3 RISK=2 scripts/sqlmap.sh
#
# The form is scanned through loadgen's visitor proxy, which sends each
# request from its own loopback address: otherwise the limit of 10
# suggestions per address an hour answers 429 to nearly every probe and the
# scan would prove nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib-rel.sh
DB=${DB:-postgres}
LEVEL=${LEVEL:-1}
RISK=${RISK:-1}
ADDR=${ADDR:-127.0.0.1:19031}
PROXY=${PROXY:-127.0.0.1:19032}
OUT="$REL_DIR/sqlmap"
command -v sqlmap >/dev/null || { echo "sqlmap: not installed (apt-get install -y sqlmap)" >&2; exit 2; }
PROXY_PID=
trap 'stop_server; [ -n "$PROXY_PID" ] && kill $PROXY_PID 2>/dev/null || true' EXIT

build
if [ "$DB" = sqlite ]; then
  DSN="$REL_DIR/sqlmap.db"; rm -f "$DSN" "$DSN"-*; DBMS=SQLite
else
  ensure_cluster; DSN=$(fresh_db claimboard_sqlmap); DBMS=PostgreSQL
fi
start_server "$ADDR" "$DSN" "$REL_DIR/sqlmap-server.log"
"$REL_DIR/loadgen" -proxy "$PROXY" -base "http://$ADDR" &
PROXY_PID=$!
for _ in $(seq 1 50); do curl -sf "http://$PROXY/healthz" >/dev/null && break; sleep 0.1; done

rm -rf "$OUT"; mkdir -p "$OUT"
# Values that select rows, so a working injection would change the answer.
HW=$(curl -s "http://$ADDR/api/v1/leaderboards/fps?per_page=200" | grep -o '"hardware_slug":"[a-z0-9.-]*"' | head -1 | cut -d'"' -f4)
Q="sort=value&order=desc&hardware=${HW:-nvidia-a100}&qualifier=up_to&status=extracted&q=gpu&min=1&max=100000&year=2024&has_code=false&page=1&per_page=50"
# The form posts a real change of claim 1, so fields are checked, stored and counted.
TOKEN=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
FORM="_csrf=$TOKEN&metric=fps&value=123&value_high=&unit=FPS&qualifier=&hardware=NVIDIA+A100&hardware_count=2&baseline=baseline&subject=subject&condition=condition&evidence=&reason=sqlmap+scan&contact=scan%40example.org"

scan() { # name, then sqlmap arguments
  local name=$1; shift
  echo "== $name"
  sqlmap --batch --flush-session --disable-coloring --level="$LEVEL" --risk="$RISK" --dbms="$DBMS" \
    --threads=4 --timeout=15 --retries=1 --output-dir="$OUT" "$@" >"$OUT/$name.log" 2>&1 || true
  grep -E "is vulnerable|identified the following injection|might be injectable|appears to be .*injectable|does not seem to be injectable|all tested parameters do not appear|CRITICAL|WARNING.*(500|Internal Server Error)" "$OUT/$name.log" | sed 's/^/  /' | sort | uniq -c | head -20
  requests=$(grep -c '' "$OUT/$name.traffic" 2>/dev/null || true)
}

scan leaderboard -u "http://$ADDR/leaderboards/fps?$Q" -t "$OUT/leaderboard.traffic"
scan csv -u "http://$ADDR/leaderboards/fps.csv?$Q" -t "$OUT/csv.traffic"
scan api -u "http://$ADDR/api/v1/leaderboards/fps?$Q" -t "$OUT/api.traffic"
scan search -u "http://$ADDR/search?q=gpu" -t "$OUT/search.traffic"
scan paths -u "http://$ADDR/claims/1*" -t "$OUT/paths.traffic"
scan correction -u "http://$PROXY/claims/1/corrections" --method=POST --data="$FORM" \
  --cookie="_csrf=$TOKEN" --skip="_csrf" --drop-set-cookie -t "$OUT/correction.traffic"

total=$(cat "$OUT"/*.traffic 2>/dev/null | grep -c '^HTTP request \[' || true)
five=$(grep -h 'status=5' "$REL_DIR/sqlmap-server.log" | grep -vc 'status=503' || true)
echo "requests sent by sqlmap: $total; 5xx answered by claimboard: $five"
if grep -lE "is vulnerable|identified the following injection point" "$OUT"/*.log; then
  echo "FAIL: sqlmap reports an injection (see the logs above)"; exit 1
fi
echo "PASS: nothing injectable"
