#!/usr/bin/env bash
# Load benchmark (issues 7 and 11): publishes a Release build, generates a large synthetic database (100,000 statements,
# 2,000 rounds, 300 topics), starts the app on 127.0.0.1 and drives each page and API read with wrk at 32 connections,
# beside a small static file as the baseline: the most this framework serves on this machine; then the pages again,
# compressed as browsers ask for them.
# Usage: bench/run.sh [--provider sqlite|postgres]  (STATEMENTS, ROUNDS, TOPICS, DURATION=10s, CONNECTIONS=32,
# PORT=5082 change the defaults)
# With --provider postgres it starts a throwaway PostgreSQL cluster (Debian's postgresql; run as root, as CI does),
# moves the generated database into it with the app's own export and import, and measures one app instance, then two
# behind nginx sharing a Redis output cache (Debian's nginx and redis-server).
# Needs wrk (apt-get install -y wrk). Everything it makes goes in a temporary folder, removed at the end.
set -euo pipefail
source "$(dirname "$0")/common.sh"

PROVIDER=sqlite
if [ "${1:-}" = "--provider" ]; then PROVIDER=${2:-}; fi
case $PROVIDER in sqlite|postgres) ;; *) echo "Usage: bench/run.sh [--provider sqlite|postgres]" >&2; exit 2 ;; esac

STATEMENTS=${STATEMENTS:-100000}
ROUNDS=${ROUNDS:-2000}
TOPICS=${TOPICS:-300}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-5082}
URL="http://127.0.0.1:$PORT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
if [ "$PROVIDER" = postgres ]; then
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$PG_BIN" ] || { echo "PostgreSQL is missing: apt-get install -y postgresql" >&2; exit 1; }
  command -v redis-server >/dev/null || { echo "Redis is missing: apt-get install -y redis-server" >&2; exit 1; }
  command -v nginx >/dev/null || { echo "nginx is missing: apt-get install -y nginx" >&2; exit 1; }
fi

describe_machine
echo "Provider: $PROVIDER"

publish_app

echo "== Generate $STATEMENTS statements, $ROUNDS rounds, $TOPICS topics"
dotnet "$WORK/app/DialogueTracker.Web.dll" generate --statements "$STATEMENTS" --rounds "$ROUNDS" --topics "$TOPICS" --db "$WORK/bench.db"
echo "Database: $(du -h "$WORK/bench.db" | cut -f1)"

# The app's settings for the benchmark database, as deployed: output cache and rate limits on, except the per-address
# read limit (wrk is one address). Request logging goes to Warning so console writes stay out of the measurement.
DATABASE=(--ConnectionStrings:DialogueTracker="Data Source=$WORK/bench.db")
COMMON=(--RateLimiting:ReadsPerMinute=0 --Serilog:MinimumLevel:Default=Warning)
SERVERS=()
EXTRA_PIDS=()

# Starts an instance on a port with extra settings; its pid goes in SERVERS.
start_instance() {
  local port=$1; shift
  (cd "$WORK/app" && exec dotnet DialogueTracker.Web.dll --urls "http://127.0.0.1:$port" "${DATABASE[@]}" "${COMMON[@]}" "$@") \
    >"$WORK/server-$port.log" 2>&1 &
  SERVERS+=($!)
  SERVER=$!
}

wait_for() {
  local url=$1 pid=$2 log=$3
  until curl -sf -o /dev/null "$url"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "Did not start ($url):" >&2; cat "$log" >&2; exit 1; fi
    sleep 0.01
  done
}

stop_pids() { for pid in "$@"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; }

# The app instances only (the database, Redis and nginx stay).
stop_instances() { stop_pids "${SERVERS[@]}"; SERVERS=(); SERVER=""; }

stop_all() {
  stop_instances
  stop_pids "${EXTRA_PIDS[@]}"; EXTRA_PIDS=()
  if [ -n "${PG_DATA:-}" ]; then su postgres -c "$PG_BIN/pg_ctl -D $PG_DATA stop -m fast" >/dev/null 2>&1 || true; PG_DATA=""; fi
}
trap 'stop_all; cleanup' EXIT

if [ "$PROVIDER" = postgres ]; then
  echo "== PostgreSQL: a throwaway cluster, filled with the app's export and import"
  PG_PORT=$(free_port)
  PG_DATA="$WORK/pg/data"
  mkdir -p "$WORK/pg" && chown postgres "$WORK/pg" && chmod 755 "$WORK"
  su postgres -c "$PG_BIN/initdb -D $PG_DATA -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8" >"$WORK/pg-initdb.log" 2>&1
  su postgres -c "$PG_BIN/pg_ctl -D $PG_DATA -o '-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c max_connections=300' -l $WORK/pg/server.log start" >/dev/null
  until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; do sleep 0.1; done
  "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "CREATE DATABASE dialoguetracker"
  EXPORT_PORT=$(free_port)
  start_instance "$EXPORT_PORT"
  wait_for "http://127.0.0.1:$EXPORT_PORT/health/live" "$SERVER" "$WORK/server-$EXPORT_PORT.log"
  curl -sf -o "$WORK/export.json" "http://127.0.0.1:$EXPORT_PORT/api/v1/export"
  stop_instances
  DATABASE=(--Database:Provider=Postgres --ConnectionStrings:DialogueTracker="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=dialoguetracker")
  start=$(date +%s)
  dotnet "$WORK/app/DialogueTracker.Web.dll" import "${DATABASE[@]}" --Serilog:MinimumLevel:Default=Warning "$WORK/export.json"
  echo "Imported into PostgreSQL in $(( $(date +%s) - start )) s"
fi

TOPIC=death-penalty

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

# Pages as browsers ask for them: compressed. The static file stays the baseline of this table.
BROWSER_ENCODING="gzip, deflate, br"
PAGES=()
for entry in "${ENDPOINTS[@]}"; do [[ $entry == GET\ * ]] || PAGES+=("$entry"); done
# Extra request headers for wrk (set by measure).
WRK_HEADERS=()

# wrk's latency lines in ms, whatever unit wrk chose.
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 } printf "%.2f", v }'; }

drive() {
  local base=$1 spec=$2 duration=$3
  if [[ $spec == ids:* ]]; then
    IFS=: read -r _ template max <<<"$spec"
    PATH_TEMPLATE="$template" MAX_ID="$max" wrk -t2 -c"$CONNECTIONS" -d"$duration" --latency "${WRK_HEADERS[@]}" -s bench/ids.lua "$base"
  else
    wrk -t2 -c"$CONNECTIONS" -d"$duration" --latency "${WRK_HEADERS[@]}" "$base$spec"
  fi
}

# Every endpoint (or those of the array named third) against one base address, as a table.
measure() {
  local base=$1
  local -n entries=${3:-ENDPOINTS}
  echo "== Load: wrk -t2 -c$CONNECTIONS -d$DURATION per endpoint, after a 3 s warm-up each ($2)"
  printf "| %-42s | %10s | %9s | %9s | %9s | %6s |\n" "Endpoint" "requests/s" "p50 (ms)" "p99 (ms)" "non-2xx" "ratio"
  printf "|%s|%s|%s|%s|%s|%s|\n" "--------------------------------------------" "------------" "-----------" "-----------" "-----------" "--------"
  local baseline=""
  for entry in "${entries[@]}"; do
    name=${entry%%|*}; spec=${entry#*|}
    drive "$base" "$spec" 3s >/dev/null
    out=$(drive "$base" "$spec" "$DURATION")
    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out" | to_ms)
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out" | to_ms)
    errors=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out"); errors=${errors:-0}
    baseline=${baseline:-$rps}
    ratio=$(awk -v r="$rps" -v b="$baseline" 'BEGIN { printf "%.0f%%", 100 * r / b }')
    printf "| %-42s | %10.0f | %9s | %9s | %9s | %6s |\n" "$name" "$rps" "$p50" "$p99" "$errors" "$ratio"
  done
  echo
  for pid in "${SERVERS[@]}"; do
    echo "Server $pid memory after the load: $(awk '/VmRSS|VmHWM/ {printf "%s %d MB  ", $1, $2 / 1024}' "/proc/$pid/status")(VmHWM is the peak)"
  done
}

# One instance. Start to first 200 on the existing database: the clock starts just before the process does.
START_NS=$(date +%s%N)
start_instance "$PORT"
wait_for "$URL/" "$SERVER" "$WORK/server-$PORT.log"
STARTUP_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))

measure "$URL" "one instance, $PROVIDER"
echo "Start to first 200 on the existing database: $STARTUP_MS ms"
for page in "/" "/?page=2"; do
  echo "Timeline $page: $(curl -s -H 'Accept-Encoding: br' -o /dev/null -w '%{size_download}' "$URL$page") bytes with Brotli, $(curl -s -o /dev/null -w '%{size_download}' "$URL$page") bytes uncompressed"
done
echo
WRK_HEADERS=(-H "Accept-Encoding: $BROWSER_ENCODING")
measure "$URL" "the pages again, compressed as browsers ask for them (Accept-Encoding: $BROWSER_ENCODING), one instance, $PROVIDER" PAGES
WRK_HEADERS=()

if [ "$PROVIDER" = postgres ]; then
  # Two instances behind nginx, one output cache in Redis, as in deploy/.
  stop_instances
  REDIS_PORT=$(free_port)
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
  EXTRA_PIDS+=($!)
  until redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; do sleep 0.1; done
  A=$(free_port); start_instance "$A" --ConnectionStrings:Redis="127.0.0.1:$REDIS_PORT"; wait_for "http://127.0.0.1:$A/health/ready" "$SERVER" "$WORK/server-$A.log"
  B=$(free_port); start_instance "$B" --ConnectionStrings:Redis="127.0.0.1:$REDIS_PORT"; wait_for "http://127.0.0.1:$B/health/ready" "$SERVER" "$WORK/server-$B.log"
  NGINX_PORT=$(free_port)
  mkdir -p "$WORK/nginx"
  cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
error_log $WORK/nginx/error.log;
pid $WORK/nginx/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  upstream dialoguetracker { server 127.0.0.1:$A; server 127.0.0.1:$B; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://dialoguetracker;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
    }
  }
}
EOF
  nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" -g 'daemon off;' >"$WORK/nginx/out.log" 2>&1 &
  EXTRA_PIDS+=($!)
  until curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT/health/live"; do sleep 0.1; done
  measure "http://127.0.0.1:$NGINX_PORT" "two instances behind nginx, one Redis output cache, postgres"
fi
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
