# Shared by the benchmark scripts (sourced, not run): a temporary folder removed at the end with the server the
# script started, and a description of the machine and its load, since figures mean little without them.
cd "$(dirname "$0")/.."

WORK=$(mktemp -d)
SERVER=""

cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

describe_machine() {
  echo "== Machine"
  echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(uname -sr), .NET $(dotnet --version)"
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Published as it would be deployed: ReadyToRun, so start-up and first calls do not wait for the JIT.
publish_app() {
  echo "== Publish (Release, ReadyToRun for linux-x64)"
  dotnet publish src/DialogueTracker.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$WORK/app" --nologo -v quiet >/dev/null
}

# A port nobody listens on, from a random start.
free_port() {
  local port=$((20000 + RANDOM % 20000))
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}
