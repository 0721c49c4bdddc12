#!/usr/bin/env bash
# Benchmarks `graphperm-serve`'s /api/least with wrk on loopback: requests/s and latency percentiles.
#
#     Scripts/bench-serve.sh --db kb.sqlite [--bin DIR] [--connections 64] [--duration 10s] [--threads 2] [--pace 2]
#     Scripts/bench-serve.sh --db kb.sqlite --callgrind 4000 [--bin DIR] [--connections 64]
#
# Starts DIR/graphperm-serve (default: the release build) on a free port, warms it up, runs
# `wrk --latency` on GET /api/least?method=GET&url=/me/messages (with the server's CPU time per request when perf is
# installed), then on a rotating set of URLs (a Lua script), both as fast as the server answers; then the one URL
# paced, each connection waiting --pace milliseconds after each answer (64 connections and 2 ms offer about 20,000
# requests/s: the latency at that load, not at saturation; 0 skips it); and stops the server. Needs wrk
# (apt-get install wrk).
#
# With --callgrind N it runs the server under valgrind's callgrind instead and sends exactly N keep-alive requests for
# that URL over the connections (a Python client), counting the server's instructions only while they are answered
# (the connections are opened and used once before): instructions per request, a figure that other work on the
# machine does not change. Needs valgrind and python3.
set -euo pipefail
usage() {
    echo "usage: Scripts/bench-serve.sh --db FILE [--bin DIR] [--connections N] [--duration D] [--threads N]" \
        "[--pace MS] [--callgrind REQUESTS]" >&2
    exit 64
}
db=""; bin=".build/release"; connections=64; duration="10s"; threads=2; pace=2; callgrind=""
while [ $# -gt 0 ]; do
    case "$1" in
        --db) [ $# -ge 2 ] || usage; db="$2"; shift 2 ;;
        --bin) [ $# -ge 2 ] || usage; bin="$2"; shift 2 ;;
        --connections) [ $# -ge 2 ] || usage; connections="$2"; shift 2 ;;
        --duration) [ $# -ge 2 ] || usage; duration="$2"; shift 2 ;;
        --threads) [ $# -ge 2 ] || usage; threads="$2"; shift 2 ;;
        --pace) [ $# -ge 2 ] && [[ "$2" =~ ^[0-9]+$ ]] || usage; pace="$2"; shift 2 ;;
        --callgrind) [ $# -ge 2 ] && [[ "$2" =~ ^[0-9]+$ ]] || usage; callgrind="$2"; shift 2 ;;
        *) usage ;;
    esac
done
[ -n "$db" ] || usage
work="$(mktemp -d)"
if [ -n "$callgrind" ]; then
    for tool in valgrind callgrind_control python3; do
        command -v "$tool" >/dev/null || { echo "bench-serve.sh: $tool is missing" >&2; exit 74; }
    done
    # Valgrind 3.19 cannot read the DWARF 5 debug information: a copy without it keeps the symbols.
    strip -g -o "$work/graphperm-serve" "$bin/graphperm-serve"
    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$work/callgrind.out" \
        "$work/graphperm-serve" --db "$db" --port 0 2> "$work/stderr" &
else
    command -v wrk >/dev/null || { echo "bench-serve.sh: wrk is missing (apt-get install wrk)" >&2; exit 74; }
    "$bin/graphperm-serve" --db "$db" --port 0 2> "$work/stderr" &
fi
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 600); do
    port="$(grep -o 'http://[^ ]*:[0-9]*/' "$work/stderr" | sed 's/.*:\([0-9]*\)\/$/\1/' || true)"
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { cat "$work/stderr" >&2; exit 74; }
base="http://127.0.0.1:$port"
curl -s -o /dev/null "$base/api/least?method=GET&url=/me/messages"
if [ -n "$callgrind" ]; then
    cat > "$work/requests.py" <<'PY'
# requests.py PORT N CONNECTIONS PID: opens the connections and sends one request on each, then counts the server's
# instructions (callgrind_control -i on/off PID) over exactly N more requests: connection setup is left out.
import selectors, socket, subprocess, sys
port, total, connections, pid = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
request = b"GET /api/least?method=GET&url=/me/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
selector, buffers = selectors.DefaultSelector(), {}
def answered(buffer):
    end = buffer.find(b"\r\n\r\n")
    if end < 0:
        return 0
    length = 0
    for line in buffer[:end].split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return end + 4 + length if len(buffer) >= end + 4 + length else 0
def run(count, first):
    sent = done = 0
    for connection in first[:count]:
        connection.sendall(request)
        sent += 1
    while done < count:
        for key, _ in selector.select():
            connection = key.fileobj
            data = connection.recv(65536)
            if not data:
                sys.exit("the server closed a connection")
            buffers[connection] += data
            while (size := answered(buffers[connection])):
                if not buffers[connection].startswith(b"HTTP/1.1 200"):
                    sys.exit("not 200: %r" % buffers[connection][:40])
                buffers[connection] = buffers[connection][size:]
                done += 1
                if sent < count:
                    connection.sendall(request)
                    sent += 1
for _ in range(connections):
    connection = socket.create_connection(("127.0.0.1", port))
    buffers[connection] = b""
    selector.register(connection, selectors.EVENT_READ)
opened = list(buffers)
run(len(opened), opened)
subprocess.run(["callgrind_control", "-i", "on", pid], check=True, stdout=subprocess.DEVNULL)
run(total, opened)
subprocess.run(["callgrind_control", "-i", "off", pid], check=True, stdout=subprocess.DEVNULL)
PY
    python3 "$work/requests.py" "$port" "$callgrind" "$connections" "$server"
    kill -INT "$server"; wait "$server" 2>/dev/null || true
    instructions="$(grep -o 'Collected : [0-9]*' "$work/stderr" | awk '{print $3}')"
    echo "== callgrind: GET /api/least?method=GET&url=/me/messages, $callgrind requests, $connections connections"
    awk -v ir="$instructions" -v n="$callgrind" \
        'BEGIN { printf "server instructions: %d for %d requests = %.0f per request\n", ir, n, ir / n }'
    callgrind_annotate "$work/callgrind.out" 2>/dev/null | sed -n '/file:function/,$p' | head -25 | cut -c1-160
    exit 0
fi
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
if [ "$pace" -gt 0 ]; then
    printf 'function delay()\n  return %s\nend\n' "$pace" > "$work/paced.lua"
    echo "== one URL, paced: each connection waits $pace ms after each answer"
    wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$work/paced.lua" \
        "$base/api/least?method=GET&url=/me/messages"
fi
