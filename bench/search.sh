#!/usr/bin/env bash
# Search benchmark: publishes a Release build (ReadyToRun), generates a synthetic database, starts the app on it and drives
# realistic first-time searches with wrk. Usage: bench/search.sh  (STATEMENTS=100000 DURATION=15s PORT=5081 to change)
# Needs wrk (apt-get install -y wrk); python3, if present, also compares the ranking with FTS5's exact bm25.
# Everything it makes goes in a temporary folder, removed at the end.
set -euo pipefail
source "$(dirname "$0")/common.sh"

STATEMENTS=${STATEMENTS:-100000}
DURATION=${DURATION:-15s}
PORT=${PORT:-5081}
URL="http://127.0.0.1:$PORT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

describe_machine

publish_app

echo "== Generate $STATEMENTS statements"
dotnet "$WORK/app/DialogueTracker.Web.dll" generate --statements "$STATEMENTS" --db "$WORK/bench.db"
echo "Database: $(du -h "$WORK/bench.db" | cut -f1)"

# Starts the published app on the benchmark database. Request logging is at Information level, so the
# minimum level is raised to keep console writes out of the measurement.
start_server() {
  (cd "$WORK/app" && exec dotnet DialogueTracker.Web.dll --urls "$URL" \
    --ConnectionStrings:DialogueTracker="Data Source=$WORK/bench.db" \
    --RateLimiting:ReadsPerMinute=0 \
    --Serilog:MinimumLevel:Default=Warning --Search:CachedResults="$1" --Caching:Minutes="$2" \
    --Search:MatchSetCacheMegabytes="$3") >"$WORK/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 100); do curl -sf "$URL/health" >/dev/null && return 0; sleep 0.2; done
  echo "The app did not start:" >&2; cat "$WORK/server.log" >&2; exit 1
}

stop_server() {
  echo "Server memory: $(awk '/VmRSS|VmHWM/ {printf "%s %d MB  ", $1, $2 / 1024}' "/proc/$SERVER/status")"
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
}

run() {
  echo "-- $1: wrk -t$2 -c$3 -d$DURATION"
  wrk -t"$2" -c"$3" -d"$DURATION" -s bench/search.lua "$URL" | sed -n '/^distinct URLs:/,$p'
}

# The headline: the result cache off, so every request is a first-time search (bench/search.lua also asks ~800
# distinct searches, so the cache could only help with repeats); each term's matches are kept (the match sets), as
# by default. Then the worst case: the match sets off too, so every term of every search is looked up in FTS5, as
# for words nobody has searched since the last edit. Then everything on, as deployed.
for mode in first-time cold-terms default; do
  case $mode in
    first-time) echo "== Result cache off: every request searches, filters, counts and ranks"; settings="0 0 16" ;;
    cold-terms) echo "== Result cache and match sets off: every term of every search looked up in the index"; settings="0 0 0" ;;
    default) echo "== Result cache on (the default)"; settings="2000 10 16" ;;
  esac
  # With the result cache off, the output cache is off too: a repeated URL must search again.
  start_server $settings
  wrk -t1 -c1 -d10s -s bench/search.lua "$URL" >/dev/null   # warm-up, one request at a time: JIT, page cache, facet table
  if [ "$mode" = first-time ] && command -v python3 >/dev/null; then
    echo "-- Ranking compared with FTS5's exact bm25 over every match (bench/ranking.py)"
    python3 bench/ranking.py "$URL" "$WORK/bench.db"
  fi
  run "1 connection (service time)" 1 1
  run "4 connections (latency)" 2 4
  [ "$mode" = cold-terms ] || run "32 connections (throughput)" 2 32
  stop_server
done
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
