#!/usr/bin/env python3
"""Times `graphperm mcp` as an MCP client sees it: from starting the process to the answer to `initialize`, and
the round trip of each tool call (the first call of each tool, then the median of repeats).

usage: Scripts/mcp_timing.py GRAPHPERM_BINARY [--db PATH] [--repeat N] [--transcript]
"""
import json
import statistics
import subprocess
import sys
import time

CALLS = [
    ("least", {"method": "GET", "url": "https://graph.microsoft.com/v1.0/me/messages"}),
    ("who_can", {"method": "GET", "url": "/security/alerts"}),
    ("show", {"name_or_id": "Mail.Read"}),
    ("table", {"method": "GET", "urls": ["/me/messages", "/users/{id}/messages"]}),
    ("need", {"calls": [{"method": "GET", "url": "/me/messages"}, {"method": "POST", "url": "/me/sendMail"},
                        {"method": "GET", "url": "/users/{id}/memberOf"}]}),
    ("diagnose", {"method": "GET", "url": "/me/messages", "status": 403,
                  "claims": {"aud": "https://graph.microsoft.com", "scp": "User.Read", "exp": 1900000000}}),
    ("guard", {"method": "GET", "url": "/me/messages", "allowed": ["Mail.Read"]}),
    ("query", {"statement": "permissions where resource = 'Mail' order by name"}),
]


def main():
    args = sys.argv[1:]
    binary = args.pop(0)
    db = args[args.index("--db") + 1] if "--db" in args else None
    repeat = int(args[args.index("--repeat") + 1]) if "--repeat" in args else 20
    transcript = "--transcript" in args
    command = [binary, "mcp"] + (["--db", db] if db else [])
    started = time.perf_counter()
    server = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, bufsize=1)
    next_id = [0]

    def request(method, params=None):
        next_id[0] += 1
        message = {"jsonrpc": "2.0", "id": next_id[0], "method": method}
        if params is not None:
            message["params"] = params
        line = json.dumps(message)
        if transcript:
            print("→ " + line)
        server.stdin.write(line + "\n")
        server.stdin.flush()
        while True:
            answer = server.stdout.readline()
            if not answer:
                raise SystemExit("the server closed stdout")
            decoded = json.loads(answer)
            if decoded.get("id") == next_id[0]:
                if transcript:
                    print("← " + answer.rstrip("\n"))
                return decoded

    first = request("initialize", {"protocolVersion": "2025-06-18", "capabilities": {},
                                   "clientInfo": {"name": "mcp_timing.py", "version": "0"}})
    first_answer = time.perf_counter() - started
    server.stdin.write(json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"}) + "\n")
    assert first["result"]["serverInfo"]["name"] == "graphperm"
    print(f"start → answer to initialize: {first_answer * 1000:.1f} ms")
    print(f"{'tool':10} {'first call':>11} {'median':>9} {'min':>8} {'max':>8}  (ms, {repeat} repeats)")
    for name, arguments in CALLS:
        times = []
        for _ in range(repeat + 1):
            before = time.perf_counter()
            answer = request("tools/call", {"name": name, "arguments": arguments})
            times.append((time.perf_counter() - before) * 1000)
            if answer.get("result", {}).get("isError"):
                raise SystemExit(f"{name}: {answer}")
            if transcript:
                break
        rest = times[1:] or times
        print(f"{name:10} {times[0]:11.2f} {statistics.median(rest):9.2f} {min(rest):8.2f} {max(rest):8.2f}")
    server.stdin.close()
    server.wait()
    stderr = server.stderr.read()
    if stderr:
        print("stderr: " + stderr.strip())


if __name__ == "__main__":
    main()
