#!/usr/bin/env bash
# Benchmarks `graphperm-serve`'s /api/least with wrk on loopback: requests/s and latency percentiles.
#
#     Scripts/bench-serve.sh --db kb.sqlite [--bin DIR] [--connections 64] [--duration 10s] [--threads 2]
#
# Starts DIR/graphperm-serve (default: the release build) on a free port, warms it up, runs
# `wrk --latency` on GET /api/least?method=GET&url=/me/messages (with the server's CPU time per request when perf is
# installed), then on a rotating set of URLs (a Lua script), and stops the server. Needs wrk (apt-get install wrk).
set -euo pipefail
usage() { echo "usage: Scripts/bench-serve.sh --db FILE [--bin DIR] [--connections N] [--duration D] [--threads N]" >&2; exit 64; }
db=""; bin=".build/release"; connections=64; duration="10s"; threads=2
while [ $# -gt 0 ]; do
    case "$1" in
        --db) [ $# -ge 2 ] || usage; db="$2"; shift 2 ;;
        --bin) [ $# -ge 2 ] || usage; bin="$2"; shift 2 ;;
        --connections) [ $# -ge 2 ] || usage; connections="$2"; shift 2 ;;
        --duration) [ $# -ge 2 ] || usage; duration="$2"; shift 2 ;;
        --threads) [ $# -ge 2 ] || usage; threads="$2"; shift 2 ;;
        *) usage ;;
    esac
done
[ -n "$db" ] || usage
command -v wrk >/dev/null || { echo "bench-serve.sh: wrk is missing (apt-get install wrk)" >&2; exit 74; }
work="$(mktemp -d)"
"$bin/graphperm-serve" --db "$db" --port 0 2> "$work/stderr" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do
    port="$(grep -o 'http://[^ ]*:[0-9]*/' "$work/stderr" | sed 's/.*:\([0-9]*\)\/$/\1/' || true)"
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { cat "$work/stderr" >&2; exit 74; }
base="http://127.0.0.1:$port"
curl -s -o /dev/null "$base/api/least?method=GET&url=/me/messages"
echo "== one URL: GET /api/least?method=GET&url=/me/messages, $connections connections, $threads threads, $duration"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# The server's CPU time over the run (perf's task-clock, a software counter that works without hardware counters
# in a VM), divided by the requests served: a figure less sensitive to other work on the machine than requests/s.
seconds="${duration%s}"
if command -v perf >/dev/null && [[ "$seconds" =~ ^[0-9]+$ ]]; then
    perf stat -e task-clock -p "$server" -o "$work/perf" -- sleep "$((seconds + 1))" &
    perf_pid=$!
fi
wrk -t"$threads" -c"$connections" -d"$duration" --latency "$base/api/least?method=GET&url=/me/messages" | tee "$work/wrk"
if [ -n "${perf_pid:-}" ]; then
    wait "$perf_pid" || true
    requests="$(grep -o '[0-9]* requests in' "$work/wrk" | awk '{print $1}')"
    cpu_ms="$(awk '/task-clock/ {gsub(",", "", $1); print $1}' "$work/perf")"
    [ -n "$requests" ] && [ -n "$cpu_ms" ] && awk -v ms="$cpu_ms" -v n="$requests" \
        'BEGIN { printf "server CPU: %.0f ms for %d requests = %.1f us per request\n", ms, n, ms * 1000 / n }'
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat > "$work/rotate.lua" <<'LUA'
local urls = {"/me/messages", "/users/{id}/messages", "/security/alerts", "/groups", "/me/events",
  "/users/abc/manager", "/sites/{id}/drives", "/applications/x/owners", "/me/drive/root/children", "/teams/t/channels"}
local i = 0
request = function()
  i = i % #urls + 1
  return wrk.format("GET", "/api/least?method=GET&url=" .. urls[i])
end
LUA
echo "== ten URLs in turn"
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$work/rotate.lua" "$base"
