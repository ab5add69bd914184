#!/usr/bin/env bash
# Load test: in one run against one server, measure /healthz as the reference,
# then representative leaderboard URLs, cached and (the *-uncached rows, a
# distinct URL every request) uncached, with wrk; print requests/s, p50, p99
# and each URL's requests/s as a fraction of /healthz. With DATABASE_URL set to
# the server's PostgreSQL database, also time the full CSV export against
# PostgreSQL's own COPY of the same rows.
#
#   scripts/loadtest.sh [BASE_URL]        (default http://127.0.0.1:8080)
#   DURATION=20s CONNECTIONS=32 THREADS=2 METRIC=speedup scripts/loadtest.sh
#   SERVER_PID=1234 ...   also prints the server's current and peak RSS
#   ONLY="healthz views-uncached" ...   runs only the named rows (healthz first)
#   FIRST_VISITS=1 ...    also prints the uncached render time and size of every
#                         device page of METRIC and of /search for 25 words (on
#                         a freshly started server: a second visit is cached)
#   WRITE_DB=URL|FILE ... also measures cached pages while a writer commits
#                         WRITES_PER_SEC (10) changes a second to WRITE_METRIC's
#                         claims (default METRIC) in the server's database
#                         (PostgreSQL URL or SQLite file): /healthz again as the
#                         reference, a page of that metric and of OTHER_METRIC (fps)
#   WRITER_ONLY=1 ...     only those rows
#
# Needs wrk (Debian package wrk); curl; psql for the COPY comparison and a
# PostgreSQL writer; sqlite3 for an SQLite writer.
set -euo pipefail
BASE=${1:-http://127.0.0.1:8080}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
METRIC=${METRIC:-speedup}

command -v wrk >/dev/null || { echo "loadtest: wrk not found (apt-get install wrk)" >&2; exit 2; }
curl -sf "$BASE/readyz" >/dev/null || { echo "loadtest: $BASE/readyz is not ready" >&2; exit 1; }

# A hardware slug and a search word that exist in this database, so filters hit rows.
HW=$(curl -s "$BASE/leaderboards/$METRIC" | grep -o 'name="hardware" value="[a-z0-9.-]*"' | head -1 | sed 's/.*value="//; s/"//' || true)
HW=${HW:-nvidia-a100}

# to_ms converts wrk's "812.00us" / "1.20ms" / "1.02s" to milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.2f", v * 60000 }
    else { sub(/s$/, "", v); printf "%.2f", v * 1000 } }'
}

# first_visits fetches each path once and prints how many, the non-200s, the
# median, 90th percentile and slowest time in ms, and the mean size in KB.
first_visits() { # name path...
  local name=$1
  shift
  for p in "$@"; do curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}\n' "$BASE$p"; done | sort -k2,2n | awk -v name="$name" '
    { t[NR] = $2 * 1000; kb += $3 / 1024; if ($1 != 200) bad++ }
    END { printf "%-22s %5d visits %4d non-200  median %8.1f ms  p90 %8.1f ms  max %8.1f ms  mean %6.1f KB\n",
      name, NR, bad, t[int((NR + 1) / 2)], t[int(NR * 0.9 + 0.5)], t[NR], kb / NR }'
}

REF_RPS=""
measure() { # name path [wrk args...]
  local name=$1 path=$2 out rps p50 p99 non2xx errors ratio first
  shift 2
  if [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $name "* ]]; then return; fi
  # The first request renders the page (nothing cached for this URL yet, on a
  # fresh server); wrk's then measure the steady state.
  first=$(curl -s -o /dev/null -w '%{time_total}' "$BASE$path" | awk '{printf "%.1f", $1 * 1000}')
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$BASE$path")
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
  # Timed-out requests are missing from wrk's latency figures, so they are
  # counted here: any at all makes the row's p99 a lower bound.
  errors=$(awk '/Socket errors:/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")
  [ -n "$REF_RPS" ] || REF_RPS=$rps
  ratio=$(awk -v a="$rps" -v b="$REF_RPS" 'BEGIN { printf "%.3f", a / b }')
  printf '%-22s %10s %9s %9s %9s %8s %6s %6s  %s\n' "$name" "$rps" "$p50" "$p99" "$first" "$ratio" "${non2xx:-0}" "${errors:-0}" "$path"
}

echo "# $(date -u +%FT%TZ) $BASE  wrk -t$THREADS -c$CONNECTIONS -d$DURATION  ($(nproc) cores)"
printf '%-22s %10s %9s %9s %9s %8s %6s %6s  %s\n' "url" "req/s" "p50 ms" "p99 ms" "first ms" "x healthz" "non2xx" "errors" "path"
if [ -z "${WRITER_ONLY:-}" ]; then
measure healthz "/healthz"
measure leaderboard-default "/leaderboards/$METRIC"
measure sort-paper "/leaderboards/$METRIC?sort=paper"
measure sort-date-asc "/leaderboards/$METRIC?sort=date&order=asc"
measure filter-hardware "/leaderboards/$METRIC?hardware=$HW"
# Filtered by task (issue 14): the largest task, a small one, and a task with
# another sort; TASK and SMALL_TASK default to synth's most and least common.
measure filter-task "/leaderboards/$METRIC?task=${TASK:-llm-inference}"
measure filter-task-small "/leaderboards/$METRIC?task=${SMALL_TASK:-mpi}"
measure filter-task-sort "/leaderboards/$METRIC?task=${TASK:-llm-inference}&sort=date"
measure search "/leaderboards/$METRIC?q=pipeline"
measure deep-page "/leaderboards/$METRIC?page=150"
measure home "/"
measure device "/hardware/$HW"
measure search-page "/search?q=pipeline"
measure csv-filtered "/leaderboards/$METRIC.csv?hardware=$HW"
# Not a cached page: every request a new search, so this is the database's
# own throughput for uncached views (see uncached-search.lua).
measure search-uncached "/leaderboards/$METRIC" -s "$(dirname "$0")/uncached-search.lua" --timeout 30s
# Every request a new filtered view (sort, device, task, year, range) and a new
# /search (issue 17).
HWS=$(curl -s "$BASE/leaderboards/$METRIC" | grep -o 'name="hardware" value="[a-z0-9.-]*"' | head -4 | sed 's/.*value="//; s/"//' | tr '\n' ' ' || true)
export HW="${HWS:-$HW}"
measure views-uncached "/leaderboards/$METRIC" -s "$(dirname "$0")/uncached-views.lua" --timeout 30s
measure search-page-uncached "/search" -s "$(dirname "$0")/uncached-search-page.lua" --timeout 30s
fi

if [ -n "${WRITE_DB:-}" ]; then
  # Cached pages while one metric's claims change WRITES_PER_SEC times a
  # second, each change its own commit made outside the server (another
  # process). Pages of that metric re-render after every write; pages of
  # other metrics must stay cached (scoped versions, migration 00024).
  WMETRIC=${WRITE_METRIC:-$METRIC}
  OMETRIC=${OTHER_METRIC:-fps}
  [ "$OMETRIC" != "$WMETRIC" ] || { echo "loadtest: OTHER_METRIC must differ from WRITE_METRIC" >&2; exit 2; }
  interval=$(awk -v n="${WRITES_PER_SEC:-10}" 'BEGIN { printf "%.4f", 1 / n }')
  write_sql="UPDATE claims SET confidence = CASE WHEN confidence >= 0.99 THEN 0.5 ELSE confidence + 0.001 END
    WHERE id = (SELECT MIN(id) FROM claims WHERE status <> 'retracted'
                AND metric_id = (SELECT id FROM metrics WHERE slug = '$WMETRIC'));"
  if [[ $WRITE_DB == postgres* ]]; then
    writer_client() { psql -q "$WRITE_DB" >/dev/null; }
  else
    writer_client() { sqlite3 -cmd ".timeout 10000" "$WRITE_DB" >/dev/null; }
  fi
  # Warm both pages before the writer starts.
  curl -s -o /dev/null "$BASE/leaderboards/$OMETRIC"; curl -s -o /dev/null "$BASE/leaderboards/$WMETRIC"
  t0=$(date +%s.%N)
  # The writer stops when the stop file appears: its client then reads EOF
  # and exits, so nothing is left running whatever happens to signals.
  stopfile=$(mktemp -u); trap 'touch "$stopfile"' EXIT
  countfile=$(mktemp)
  (n=0; while [ ! -e "$stopfile" ] && echo "$write_sql"; do n=$((n + 1)); sleep "$interval"; done; echo "$n" >"$countfile") |
    writer_client &
  WRITER_PID=$!
  REF_RPS=""
  measure healthz-writing "/healthz"
  measure written-metric "/leaderboards/$WMETRIC"
  measure other-metric "/leaderboards/$OMETRIC"
  hits=0
  for _ in $(seq 1 20); do
    curl -s -o /dev/null -D - "$BASE/leaderboards/$OMETRIC" | grep -qi '^x-cache: hit' && hits=$((hits + 1))
  done
  touch "$stopfile"; wait "$WRITER_PID" || true; t1=$(date +%s.%N)
  writes=$(cat "$countfile"); rm -f "$stopfile" "$countfile"
  awk -v a=0 -v b="$writes" -v s="$t0" -v e="$t1" -v m="$WMETRIC" -v o="$OMETRIC" -v h="$hits" 'BEGIN {
    printf "writer: %d commits to %s claims in %.1f s (%.1f/s); %s page served from the cache %d of 20 times while writing\n", b - a, m, e - s, (b - a) / (e - s), o, h }'
fi

if [ -n "${DATABASE_URL:-}" ] && command -v psql >/dev/null; then
  # The export's rows as PostgreSQL would write them itself: same joins, same order.
  Q="SELECT p.title, p.arxiv_id, p.source_url, m.slug, c.value, c.value_high, c.unit, c.qualifier,
       h.name, c.hardware_count, c.baseline, c.subject, c.condition, c.evidence, c.status, c.confidence, c.id
     FROM claims c JOIN papers p ON p.id = c.paper_id JOIN metrics m ON m.id = c.metric_id
     LEFT JOIN hardware h ON h.id = c.hardware_id
     WHERE m.slug = '$METRIC' AND c.status <> 'retracted' ORDER BY c.value DESC, c.id"
  t0=$(date +%s.%N); rows_copy=$(psql "$DATABASE_URL" -Atc "COPY ($Q) TO STDOUT WITH CSV" | wc -l); t1=$(date +%s.%N)
  rows_csv=$(curl -sf "$BASE/leaderboards/$METRIC.csv" | wc -l); t2=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" -v c="$t2" -v rc="$rows_copy" -v rh="$rows_csv" 'BEGIN {
    copy = b - a; csv = c - b
    printf "csv export: %d lines in %.2fs; COPY: %d lines in %.2fs; ratio %.2f\n", rh, csv, rc, copy, csv / copy }'
fi

if [ -n "${FIRST_VISITS:-}" ]; then
  # Device pages and /search take no parameter that would make a repeat
  # uncached, so their uncached cost is measured on first visits: every
  # device the metric's filter lists, and the uncached-search words. Last,
  # because the pages they keep may fill the response cache.
  mapfile -t SLUGS < <(curl -s "$BASE/leaderboards/$METRIC" | grep -o 'name="hardware" value="[a-z0-9.-]*"' | sed 's/.*value="//; s/"//' | sort -u)
  WORDS=(gpu memory training inference attention sparse pipeline latency cache kernel quantization distributed
    transformer graph parallel compiler storage network vision language model speed cluster tpu a100)
  echo "# $(date -u +%FT%TZ) $BASE  first visits, one at a time"
  HEALTH=(); for _ in $(seq 50); do HEALTH+=(/healthz); done
  first_visits healthz "${HEALTH[@]}"
  first_visits device-first "${SLUGS[@]/#//hardware/}"
  first_visits search-first "${WORDS[@]/#//search?q=}"
fi

if [ -n "${SERVER_PID:-}" ] && [ -r "/proc/$SERVER_PID/status" ]; then
  awk '/^VmRSS|^VmHWM/ {printf "server %s %.1f MB\n", $1, $2 / 1024}' "/proc/$SERVER_PID/status"
fi
