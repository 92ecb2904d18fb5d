#!/usr/bin/env bash
# Export and import benchmark: publishes a Release build (ReadyToRun), generates a synthetic database, times the streamed export
# (GET /api/v1/export) with the server's peak memory, then the command-line import of that file into an empty
# database with its peak memory (IMPORTS=3 times, each into a new database: the median counts, as this machine's
# noise is one to two seconds), checks that the imported database exports the same bytes, and times importing the same
# file again (which must change nothing). Usage: bench/export-import.sh  (STATEMENTS=100000, IMPORTS=3 to change)
# Needs curl and /usr/bin/time (apt-get install -y time). Everything it makes goes in a temporary folder, removed at the end.
set -euo pipefail
source "$(dirname "$0")/common.sh"

STATEMENTS=${STATEMENTS:-100000}
IMPORTS=${IMPORTS:-3}

[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install -y time" >&2; exit 1; }

describe_machine

publish_app

echo "== Generate $STATEMENTS statements"
dotnet "$WORK/app/DialogueTracker.Web.dll" generate --statements "$STATEMENTS" --db "$WORK/source.db"


# Starts the published app on a database, one request at a time allowed as fast as it likes.
start_server() {
  URL="http://127.0.0.1:$(free_port)"
  (cd "$WORK/app" && exec dotnet DialogueTracker.Web.dll --urls "$URL" \
    --ConnectionStrings:DialogueTracker="Data Source=$1" \
    --RateLimiting:ReadsPerMinute=0 --Serilog:MinimumLevel:Default=Warning) >"$WORK/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 100); do curl -sf "$URL/health/live" >/dev/null && return 0; sleep 0.2; done
  echo "The app did not start:" >&2; cat "$WORK/server.log" >&2; exit 1
}

stop_server() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""; }

peak_mb() { awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$SERVER/status"; }

seconds() { date +%s.%N; }

# /usr/bin/time -v's wall clock (m:ss.cc or h:mm:ss) in seconds, and its peak memory in MB.
wall_of() { awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.1f", s}' "$1"; }
rss_of() { awk -F': ' '/Maximum resident set size/ {printf "%d", $2 / 1024}' "$1"; }
cpu_of() { awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.1f", u + s}' "$1"; }

echo "== Export: GET /api/v1/export"
start_server "$WORK/source.db"
curl -sf -o /dev/null "$URL/api/v1/rounds"   # warm-up: JIT, first queries
before_mb=$(peak_mb)
start=$(seconds)
curl -sf -o "$WORK/export.json" "$URL/api/v1/export"
export_s=$(awk -v a="$start" -v b="$(seconds)" 'BEGIN {printf "%.1f", b - a}')
export_mb=$(peak_mb)
stop_server
echo "$(du -h "$WORK/export.json" | cut -f1) of JSON in ${export_s} s; server peak memory ${before_mb} MB before the export, ${export_mb} MB after"

# The connection string comes before the file: see README (the import command takes only --Key=Value options).
# Extra environment settings for the process may come after the two arguments.
import_file() {
  local db=$1 timing=$2; shift 2
  env "$@" /usr/bin/time -v dotnet "$WORK/app/DialogueTracker.Web.dll" import \
    --ConnectionStrings:DialogueTracker="Data Source=$db" --Serilog:MinimumLevel:Default=Warning "$WORK/export.json" \
    >"$timing.out" 2>"$timing"
  cat "$timing.out"
}

echo "== Import into an empty database (command line), $IMPORTS times"
for run in $(seq 1 "$IMPORTS"); do
  rm -f "$WORK/imported.db" "$WORK/imported.db-wal" "$WORK/imported.db-shm"
  import_file "$WORK/imported.db" "$WORK/import-$run.time"
  echo "$(wall_of "$WORK/import-$run.time") s, peak memory $(rss_of "$WORK/import-$run.time") MB, CPU $(cpu_of "$WORK/import-$run.time") s"
done
# The run with the median time stands for them all.
median=$(for run in $(seq 1 "$IMPORTS"); do echo "$(wall_of "$WORK/import-$run.time") $run"; done | sort -n | awk -v n="$IMPORTS" 'NR == int((n + 1) / 2) {print $2}')
cp "$WORK/import-$median.time" "$WORK/import.time"
all_imports=$(for run in $(seq 1 "$IMPORTS"); do wall_of "$WORK/import-$run.time"; echo; done | sort -n | paste -sd/ | sed 's|/|, |g')

echo "== Export again from the imported database and compare"
start_server "$WORK/imported.db"
curl -sf -o "$WORK/export-again.json" "$URL/api/v1/export"
stop_server
if cmp -s "$WORK/export.json" "$WORK/export-again.json"; then same="identical"; else same="DIFFERENT"; fi
echo "The two exports are $same."

echo "== Import the same file again (changes nothing)"
import_file "$WORK/imported.db" "$WORK/reimport.time"
echo "$(wall_of "$WORK/reimport.time") s, peak memory $(rss_of "$WORK/reimport.time") MB, CPU $(cpu_of "$WORK/reimport.time") s"

echo "== Summary ($STATEMENTS statements)"
echo "| | time | memory |"
echo "|---|---|---|"
echo "| Export, \`GET /api/v1/export\` ($(du -h "$WORK/export.json" | cut -f1)) | ${export_s} s | server peak ${export_mb} MB |"
echo "| Import into an empty database (CLI), median of $IMPORTS ($all_imports s) | $(wall_of "$WORK/import.time") s (CPU $(cpu_of "$WORK/import.time") s) | peak $(rss_of "$WORK/import.time") MB |"
echo "| Import of the same file again: nothing changes | $(wall_of "$WORK/reimport.time") s (CPU $(cpu_of "$WORK/reimport.time") s) | peak $(rss_of "$WORK/reimport.time") MB |"
echo "Re-export after the import: $same."
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$same" = identical ]
