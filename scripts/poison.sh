#!/usr/bin/env bash
# Poisoned links and forged origins (issue 18, items 3, 4, 6, 8, 9c, 10),
# sent at a real server from this checkout, with the figures
# docs/reliability.md quotes:
#
#  1. Host-header cache poisoning: right after a write, a request with
#     "Host: evil.example" and X-Forwarded-Proto renders each cached page;
#     the next plain reader must get no link to evil.example.
#  2. Dangerous links: JSON Lines url/code_url and arXiv <link href> with
#     javascript: (plain, mixed case, tab- and newline-split), data:,
#     vbscript: and //host are each refused with file and line, and none is
#     stored.
#  3. Oversize fields: an arXiv entry with a 100 MB <link href>, 20 MB of
#     authors or a 20 MB category is refused; peak memory of the ingest.
#  4. Cache busters: 2,000 requests for /leaderboards/fps?_=N; the server's
#     resident memory before and after.
#  5. Cross-origin posts: Sec-Fetch-Site cross-site / same-site and a foreign
#     Origin are 403 even with a valid CSRF pair; same-origin goes through.
#  6. Weak moderator passwords and look-alike names are refused.
#
#   scripts/poison.sh                 # SQLite and PostgreSQL
#   ONLY=sqlite scripts/poison.sh     # or ONLY=pg
#   PG_ADMIN_URL=postgres://postgres@127.0.0.1:5432/postgres scripts/poison.sh
#                                     # a database made on an existing server
#                                     # instead of the throwaway cluster
set -euo pipefail
cd "$(dirname "$0")/.."
REL_DIR=${REL_DIR:-/tmp/claimboard-poison}
. scripts/lib-rel.sh
ONLY=${ONLY:-all}
ADDR=${ADDR:-127.0.0.1:19031}
BASE="http://$ADDR"
FAIL=0
fail() { echo "FAIL: $*"; FAIL=1; }
trap stop_server EXIT
CB="$REL_DIR/claimboard"

run_one() { # DB_KIND DSN
  local kind=$1 dsn=$2 n bad
  echo "== $kind"
  "$CB" moderator add --db "$dsn" alice <<<"a long enough password" >/dev/null
  start_server "$ADDR" "$dsn" "$REL_DIR/server-$kind.log"

  # 1. Host-header poisoning right after a write.
  printf '{"title":"Poison probe %s","abstract":"We reach 9999 FPS on an RTX 4090 GPU."}\n' "$RANDOM$RANDOM" >"$REL_DIR/write.jsonl"
  "$CB" ingest --db "$dsn" "$REL_DIR/write.jsonl" >/dev/null 2>&1
  local paths="/leaderboards/fps/feed.atom /feed.atom /leaderboards/fps.csv /export/claims.csv /leaderboards/fps / /papers/1 /api/v1/leaderboards/fps /api/v1/papers/1"
  n=0 bad=0
  for p in $paths; do
    curl -s -o /dev/null -H 'Host: evil.example' -H 'X-Forwarded-Proto: https' -H 'X-Forwarded-Host: evil.example' "$BASE$p"
    n=$((n + 1))
    if curl -s "$BASE$p" | grep -q evil.example; then bad=$((bad + 1)); fail "$p carries the attacker's Host"; fi
  done
  echo "host poisoning: $bad of $n cached responses carry evil.example to the next reader"

  # 2. Dangerous links, one file each (a good line, then the bad one).
  local good='{"title":"A good paper %s","abstract":"We reach 277 FPS on an RTX 3090 GPU."}'
  local refused=0 tried=0
  while IFS= read -r line; do
    tried=$((tried + 1))
    { printf "$good\n" "$tried"; printf '%s\n' "$line"; } >"$REL_DIR/link$tried.jsonl"
    if out=$("$CB" ingest --db "$dsn" "$REL_DIR/link$tried.jsonl" 2>&1); then
      fail "accepted: $line"
    elif grep -q "link$tried.jsonl:2: entry 2: " <<<"$out"; then
      refused=$((refused + 1))
    else
      fail "refused without file and line: $out"
    fi
  done <<'EOF'
{"title":"x1","abstract":"a","url":"javascript:alert(document.cookie)"}
{"title":"x2","abstract":"a","code_url":"JaVaScRiPt:alert(1)"}
{"title":"x3","abstract":"a","url":"java\tscript:alert(1)"}
{"title":"x4","abstract":"a","code_url":"java\nscript:alert(1)"}
{"title":"x5","abstract":"a","url":" javascript:alert(1)"}
{"title":"x6","abstract":"a","url":"data:text/html,<script>alert(1)</script>"}
{"title":"x7","abstract":"a","code_url":"vbscript:msgbox(1)"}
{"title":"x8","abstract":"a","url":"//evil.example/x"}
{"title":"x9","abstract":"a","code_url":"https:\\\\evil.example"}
{"title":"x10","abstract":"a","url":"https://user:pw@evil.example/"}
EOF
  for href in 'javascript:alert(1)' 'java&#9;script:alert(1)' 'data:text/html,x' '//evil.example/'; do
    tried=$((tried + 1))
    cat >"$REL_DIR/link$tried.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <entry>
    <id>http://arxiv.org/abs/2310.10642v3</id>
    <title>Hostile link $tried</title>
    <summary>Our model renders at up to 114 FPS on an RTX 4090 GPU.</summary>
    <link href="$href" rel="alternate" type="text/html"/>
  </entry>
</feed>
EOF
    if out=$("$CB" ingest --db "$dsn" "$REL_DIR/link$tried.xml" 2>&1); then fail "accepted href $href";
    elif grep -q "link$tried.xml:3: entry 1: url: " <<<"$out"; then refused=$((refused + 1));
    else fail "href $href refused without file and entry: $out"; fi
  done
  echo "dangerous links: $refused of $tried refused with file, line and entry"

  # 3. Oversize arXiv fields.
  python3 - "$REL_DIR" <<'PY'
import sys
d = sys.argv[1]
def entry(link, authors, cat):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><entry>'
            '<id>http://arxiv.org/abs/2310.10642v3</id><title>Big</title><summary>We reach 114 FPS.</summary>'
            '<author><name>' + authors + '</name></author><link href="' + link + '" rel="alternate"/>'
            '<arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="' + cat + '"/></entry></feed>\n')
ok = "https://arxiv.org/abs/2310.10642"
open(d + "/big-link.xml", "w").write(entry("https://arxiv.org/" + "a" * (100 << 20), "A", "cs.CV"))
open(d + "/big-authors.xml", "w").write(entry(ok, "A" * (20 << 20), "cs.CV"))
open(d + "/big-category.xml", "w").write(entry(ok, "A", "c" * (20 << 20)))
PY
  for f in big-link big-authors big-category; do
    if /usr/bin/time -f '%M %e' -o "$REL_DIR/time" "$CB" ingest --db "$dsn" "$REL_DIR/$f.xml" >"$REL_DIR/out" 2>&1; then
      fail "$f accepted"
    fi
    read -r kb secs < <(tail -1 "$REL_DIR/time")
    echo "oversize $f: refused ($(grep -o "$f.xml:[0-9]*: entry 1: [a-z_]*: is [0-9]* bytes" "$REL_DIR/out" | head -1)); peak RSS $((kb / 1024)) MB, $secs s"
  done

  # 4. Cache busters.
  curl -s -o /dev/null "$BASE/leaderboards/fps"
  local before after
  before=$(ps -o rss= -p "$SERVER_PID")
  for i in $(seq 1 2000); do echo "url = \"$BASE/leaderboards/fps?_=$i\""; echo "output = /dev/null"; done >"$REL_DIR/busters.curl"
  curl -s -K "$REL_DIR/busters.curl"
  after=$(ps -o rss= -p "$SERVER_PID")
  echo "cache busters: 2000 requests for /leaderboards/fps?_=N, server RSS $((before / 1024)) MB -> $((after / 1024)) MB"

  # 5. Cross-origin posts with a valid CSRF pair.
  local jar="$REL_DIR/jar" token code blocked=0 sent=0
  for h in 'Sec-Fetch-Site: cross-site' 'Sec-Fetch-Site: same-site' 'Origin: https://evil.example'; do
    rm -f "$jar"
    token=$(curl -s -c "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
    code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -H "$h" --data-urlencode "_csrf=$token" \
      --data-urlencode username=alice --data-urlencode 'password=a long enough password' "$BASE/login")
    sent=$((sent + 1))
    if [ "$code" = 403 ]; then blocked=$((blocked + 1)); else fail "cross-origin login ($h) = $code"; fi
  done
  rm -f "$jar"
  token=$(curl -s -c "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -H 'Sec-Fetch-Site: same-origin' --data-urlencode "_csrf=$token" \
    --data-urlencode username=alice --data-urlencode 'password=a long enough password' "$BASE/login")
  [ "$code" = 303 ] || fail "same-origin login = $code"
  echo "cross-origin posts: $blocked of $sent refused with 403 despite a valid CSRF pair; same-origin login $code"

  # 6. Weak passwords and look-alike names.
  refused=0 tried=0
  for pw in aaaaaaaaaa password12 '          ' qwertyuiop 1234567890 Password123! passwordpassword bob12345678; do
    tried=$((tried + 1))
    if out=$("$CB" moderator add --db "$dsn" bob <<<"$pw" 2>&1); then fail "password '$pw' accepted"; else refused=$((refused + 1)); fi
  done
  for name in $'\u0430lice' ALICE $'al\u0456ce' $'\u03b1lice' a1ice; do
    tried=$((tried + 1))
    if out=$("$CB" moderator add --db "$dsn" "$name" <<<"a long enough password" 2>&1); then fail "name '$name' accepted"; else refused=$((refused + 1)); fi
  done
  echo "moderator add: $refused of $tried weak passwords and look-alike names refused"
  stop_server
}

build
if [ "$ONLY" != pg ]; then
  rm -f "$REL_DIR/poison.db"*
  run_one sqlite "$REL_DIR/poison.db"
fi
if [ "$ONLY" != sqlite ]; then
  if [ -n "${PG_ADMIN_URL:-}" ]; then
    psql -q "$PG_ADMIN_URL" -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS claimboard_poison WITH (FORCE)" -c "CREATE DATABASE claimboard_poison" >/dev/null
    run_one postgres "${PG_ADMIN_URL%/*}/claimboard_poison?sslmode=disable"
  else
    ensure_cluster
    run_one postgres "$(fresh_db claimboard_poison)"
  fi
fi
[ "$FAIL" = 0 ] && echo "all attacks refused" || { echo "some attacks succeeded"; exit 1; }
