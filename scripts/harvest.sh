#!/usr/bin/env bash
# Harvest 10,000 papers from a local server replaying the arXiv API, with the
# binary as shipped (three seconds between requests): the run is killed with
# SIGKILL halfway and resumed, then checked for duplicates, gaps and spacing.
# Prints the papers, requests, shortest spacing and duration. Takes about 1.5
# minutes per database; PostgreSQL runs too when TEST_DATABASE_URL is set.
#
#   bash scripts/harvest.sh [PAPERS] [PAGE_SIZE]
set -euo pipefail
cd "$(dirname "$0")/.."
papers=${1:-10000}
page=${2:-500}
HARVEST_PAPERS=$papers HARVEST_PAGE=$page HARVEST_INTERVAL=default \
	go test -count=1 -timeout 30m -run 'TestFetchArxivKilledMidRunResumes' -v ./cmd/claimboard |
	grep -E '^(---|    |ok|FAIL|PASS)'
