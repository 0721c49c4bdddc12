#!/usr/bin/env python3
"""A loopback HTTP server for the sync tests: serves DATA_DIR's files by base name under a mode prefix.

  /ok/...          200 with an ETag, 304 when If-None-Match matches
  /e404/... /e500/...   that status
  /e429/...        429 with Retry-After: 1 on the first request of each path, then as /ok/
  /slow/...        waits 5 s before answering
  /truncated/...   a Content-Length larger than the body it sends
  /invalid/...     200 with a body that is not JSON
Usage: sync_server.py PORT_FILE DATA_DIR   (binds 127.0.0.1 on a free port, writes the port to PORT_FILE)
"""
import hashlib
import http.server
import os
import sys
import time

DATA = sys.argv[2]
seen = set()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        parts = self.path.split("/")
        mode, name = parts[1], parts[-1]
        path = os.path.join(DATA, name)
        if mode in ("e404", "e500"):
            return self.reply(int(mode[1:]), b"error")
        if not os.path.isfile(path):
            return self.reply(404, b"no such file")
        body = open(path, "rb").read()
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if mode == "e429" and self.path not in seen:
            seen.add(self.path)
            return self.reply(429, b"slow down", {"Retry-After": "1"})
        if mode == "slow":
            time.sleep(5)
        if mode == "invalid":
            return self.reply(200, b"<html>not json</html>")
        if mode == "truncated":
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        if self.headers.get("If-None-Match") == etag:
            return self.reply(304, b"", {"ETag": etag})
        return self.reply(200, body, {"ETag": etag, "Content-Type": "application/json"})

    def reply(self, status, body, headers=None):
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
server.timeout = 1
deadline = time.time() + 300  # stops by itself
while time.time() < deadline:
    server.handle_request()
