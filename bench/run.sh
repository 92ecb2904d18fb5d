#!/usr/bin/env bash
# Load benchmark (issue 7): publishes a Release build, generates a large synthetic database (100,000 statements,
# 2,000 rounds, 300 topics), starts the app on 127.0.0.1 and drives each page and API read with wrk at 32 connections,
# beside a small static file as the baseline: the most this framework serves on this machine.
# Usage: bench/run.sh  (STATEMENTS, ROUNDS, TOPICS, DURATION=10s, CONNECTIONS=32, PORT=5082 change the defaults)
# Needs wrk (apt-get install -y wrk). Everything it makes goes in a temporary folder, removed at the end.
set -euo pipefail
source "$(dirname "$0")/common.sh"

STATEMENTS=${STATEMENTS:-100000}
ROUNDS=${ROUNDS:-2000}
TOPICS=${TOPICS:-300}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-5082}
URL="http://127.0.0.1:$PORT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

describe_machine

publish_app

echo "== Generate $STATEMENTS statements, $ROUNDS rounds, $TOPICS topics"
dotnet "$WORK/app/DialogueTracker.Web.dll" generate --statements "$STATEMENTS" --rounds "$ROUNDS" --topics "$TOPICS" --db "$WORK/bench.db"
echo "Database: $(du -h "$WORK/bench.db" | cut -f1)"

# The published app on the benchmark database, as deployed: output cache and rate limits on, except the per-address
# read limit (wrk is one address). Request logging goes to Warning so console writes stay out of the measurement.
start_server() {
  (cd "$WORK/app" && exec dotnet DialogueTracker.Web.dll --urls "$URL" \
    --ConnectionStrings:DialogueTracker="Data Source=$WORK/bench.db" \
    --RateLimiting:ReadsPerMinute=0 --Serilog:MinimumLevel:Default=Warning) >"$WORK/server.log" 2>&1 &
  SERVER=$!
}

# Start to first 200 on the existing database: the clock starts just before the process does.
START_NS=$(date +%s%N)
start_server
until curl -sf -o /dev/null "$URL/"; do
  if ! kill -0 "$SERVER" 2>/dev/null; then echo "The app did not start:" >&2; cat "$WORK/server.log" >&2; exit 1; fi
  sleep 0.01
done
STARTUP_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))

TOPIC=$(curl -sf "$URL/api/v1/topics" | python3 -c 'import json,sys; print(next(t["slug"] for t in json.load(sys.stdin)["items"] if t["slug"] == "death-penalty"))' 2>/dev/null || echo death-penalty)

# name|path or lua script spec. Record pages walk many ids; the rest repeat one URL, as a popular link is repeated.
ENDPOINTS=(
  "static file (baseline)|/css/site.css"
  "timeline page, first page|/"
  "timeline page, filtered|/?topic=$TOPIC&from=2010&to=2015"
  "round page|ids:/rounds/{id}:$ROUNDS"
  "topic page|/topics/$TOPIC"
  "search page|/search?q=human+rights"
  "GET /api/v1/statements?topic=...&page=50|/api/v1/statements?topic=$TOPIC&page=50"
  "GET /api/v1/statements/{id}|ids:/api/v1/statements/{id}:$STATEMENTS"
  "GET /api/v1/search?q=...|/api/v1/search?q=freedom+of+expression"
  "GET /api/v1/timeline?from=...&to=...|/api/v1/timeline?from=2012&to=2014"
)

# wrk's latency lines in ms, whatever unit wrk chose.
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 } printf "%.2f", v }'; }

drive() {
  local spec=$1 duration=$2
  if [[ $spec == ids:* ]]; then
    IFS=: read -r _ template max <<<"$spec"
    PATH_TEMPLATE="$template" MAX_ID="$max" wrk -t2 -c"$CONNECTIONS" -d"$duration" --latency -s bench/ids.lua "$URL"
  else
    wrk -t2 -c"$CONNECTIONS" -d"$duration" --latency "$URL$spec"
  fi
}

echo "== Load: wrk -t2 -c$CONNECTIONS -d$DURATION per endpoint, after a 3 s warm-up each"
printf "| %-42s | %10s | %9s | %9s | %9s | %6s |\n" "Endpoint" "requests/s" "p50 (ms)" "p99 (ms)" "non-2xx" "ratio"
printf "|%s|%s|%s|%s|%s|%s|\n" "--------------------------------------------" "------------" "-----------" "-----------" "-----------" "--------"
BASELINE=""
for entry in "${ENDPOINTS[@]}"; do
  name=${entry%%|*}; spec=${entry#*|}
  drive "$spec" 3s >/dev/null
  out=$(drive "$spec" "$DURATION")
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out" | to_ms)
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out" | to_ms)
  errors=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out"); errors=${errors:-0}
  BASELINE=${BASELINE:-$rps}
  ratio=$(awk -v r="$rps" -v b="$BASELINE" 'BEGIN { printf "%.0f%%", 100 * r / b }')
  printf "| %-42s | %10.0f | %9s | %9s | %9s | %6s |\n" "$name" "$rps" "$p50" "$p99" "$errors" "$ratio"
done

echo
echo "Server memory after the load: $(awk '/VmRSS|VmHWM/ {printf "%s %d MB  ", $1, $2 / 1024}' "/proc/$SERVER/status")(VmHWM is the peak)"
echo "Start to first 200 on the existing database: $STARTUP_MS ms"
for page in "/" "/?page=2"; do
  echo "Timeline $page: $(curl -s -H 'Accept-Encoding: br' -o /dev/null -w '%{size_download}' "$URL$page") bytes with Brotli, $(curl -s -o /dev/null -w '%{size_download}' "$URL$page") bytes uncompressed"
done
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
