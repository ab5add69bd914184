#!/usr/bin/env bash
# export-bench.sh: a million-row leaderboard CSV through claimboard against
# PostgreSQL's own COPY of the same query, side by side in one run, with the
# server's memory sampled during the export. Results go to stdout; see
# docs/export-performance.md.
#
#   scripts/export-bench.sh [ADMIN_URL] [ROWS] [RUNS]
#
# ADMIN_URL is a PostgreSQL database it may create another from (default
# postgres://postgres@127.0.0.1:5432/postgres). It creates cb_exportbench,
# fills it with INSERT ... SELECT generate_series, and drops it at the end.
set -euo pipefail

admin=${1:-postgres://postgres@127.0.0.1:5432/postgres}
rows=${2:-1000000}
runs=${3:-5}
db=cb_exportbench
base=${admin%/*}
dburl="$base/$db?sslmode=disable"
addr=127.0.0.1:18099
work=$(mktemp -d)
server_pid=

cleanup() {
	if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
	psql -q "$admin" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT

cd "$(dirname "$0")/.."
go build -o "$work/claimboard" ./cmd/claimboard

psql -q "$admin" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" >/dev/null
"$work/claimboard" migrate --db "$dburl" up >/dev/null

echo "# generating $rows claims"
gen_start=$(date +%s)
psql -q -v ON_ERROR_STOP=1 "$dburl" <<SQL
INSERT INTO hardware (slug, name, vendor)
SELECT 'gpu-' || g, 'Bench GPU ' || g, 'Vendor' FROM generate_series(1, 30) g;
INSERT INTO papers (content_key, title, abstract, abstract_hash, arxiv_id, source_url, published_on)
SELECT 'title:bench ' || g, 'Benchmark paper number ' || g || ': efficient rendering at scale',
       'abstract ' || g, md5(g::text), '2401.' || lpad(g::text, 5, '0'),
       'https://arxiv.org/abs/2401.' || lpad(g::text, 5, '0'), DATE '2023-01-01' + (g % 700)
FROM generate_series(1, 20000) g;
INSERT INTO claims (paper_id, metric_id, value, value_high, unit, raw_text, qualifier, hardware_id, hardware_count,
                    baseline, subject, condition, evidence, evidence_start, evidence_end, confidence, status)
SELECT (SELECT min(id) FROM papers) + g % 20000, (SELECT id FROM metrics WHERE slug = 'fps'),
       (g % 100000) * 0.37 + 1, CASE WHEN g % 10 = 0 THEN (g % 100000) * 0.37 + 5 END, 'FPS', g || ' FPS',
       (ARRAY['', 'up_to', 'approx', 'at_least'])[1 + g % 4],
       CASE WHEN g % 5 <> 0 THEN (SELECT min(id) FROM hardware) + g % 30 END, CASE WHEN g % 5 <> 0 THEN 1 + g % 8 END,
       'baseline method ' || (g % 50), 'scene ' || (g % 200), CASE WHEN g % 3 = 0 THEN 'at 1080p' ELSE '' END,
       'our method renders the scene at up to ' || g || ' FPS on a single GPU, which is much faster than the baseline',
       0, 90, 0.5 + (g % 50) / 100.0, 'extracted'
FROM generate_series(1, $rows) g;
VACUUM ANALYZE;
SQL
echo "# generated in $(( $(date +%s) - gen_start ))s"

metric_id=$(psql -qtA "$dburl" -c "SELECT id FROM metrics WHERE slug = 'fps'")
# The SQL the store sends for /leaderboards/fps.csv (LeaderboardQuery with the
# export projection), with its two parameters written in.
query="SELECT c.id, c.paper_id, p.title, COALESCE(p.arxiv_id, ''), p.source_url, m.slug,
	c.value, c.value_high, c.unit, c.qualifier, COALESCE(h.name, ''), c.hardware_count,
	c.baseline, c.subject, c.condition, c.evidence, c.status, c.confidence FROM claims c
	JOIN papers p ON p.id = c.paper_id JOIN metrics m ON m.id = c.metric_id
	LEFT JOIN hardware h ON h.id = c.hardware_id
	WHERE c.metric_id = $metric_id AND c.status <> 'retracted' ORDER BY c.value DESC, c.id DESC"

"$work/claimboard" serve --db "$dburl" --addr "$addr" --no-seed --no-migrate 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 50); do curl -fs "http://$addr/readyz" >/dev/null && break; sleep 0.2; done
curl -fs "http://$addr/leaderboards/fps" >/dev/null # warm: templates, pool, plan
# One untimed COPY so both sides start from the same warm buffer cache.
psql -qX "$dburl" -c "COPY ($query) TO STDOUT WITH (FORMAT csv, HEADER)" >/dev/null

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$server_pid/status"; }

echo "# load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs; $(psql -qtAX "$dburl" -c 'SHOW server_version')"
echo "run  copy_s  export_s  ratio  copy_rows  export_rows  rss_before_MB  rss_peak_MB  growth_MB"
for run in $(seq "$runs"); do
	t0=$(date +%s.%N)
	psql -qX "$dburl" -c "COPY ($query) TO STDOUT WITH (FORMAT csv, HEADER)" >"$work/copy.csv"
	t1=$(date +%s.%N)
	copy_s=$(echo "$t1 - $t0" | bc)

	before=$(rss_kb)
	peak=$before
	curl -fsS -o "$work/export.csv" "http://$addr/leaderboards/fps.csv" &
	curl_pid=$!
	t0=$(date +%s.%N)
	while kill -0 "$curl_pid" 2>/dev/null; do
		r=$(rss_kb); (( r > peak )) && peak=$r
		sleep 0.05
	done
	wait "$curl_pid"
	t1=$(date +%s.%N)
	export_s=$(echo "$t1 - $t0" | bc)

	printf "%s  %.2f  %.2f  %.2f  %s  %s  %.1f  %.1f  %.1f\n" "$run" "$copy_s" "$export_s" \
		"$(echo "$export_s / $copy_s" | bc -l)" "$(( $(wc -l <"$work/copy.csv") - 1 ))" \
		"$(( $(wc -l <"$work/export.csv") - 1 ))" "$(echo "$before / 1024" | bc -l)" \
		"$(echo "$peak / 1024" | bc -l)" "$(echo "($peak - $before) / 1024" | bc -l)"
done
# Same rows in the same order: ids from COPY's first column and from claim_url.
if cmp -s <(tail -n +2 "$work/copy.csv" | cut -d, -f1) <(tail -n +2 "$work/export.csv" | awk -F, '{sub(".*/", "", $NF); print $NF}'); then
	echo "# same ids in the same order: yes"
else
	echo "# same ids in the same order: NO"
fi
echo "# export bytes: $(wc -c <"$work/export.csv"), copy bytes: $(wc -c <"$work/copy.csv")"
