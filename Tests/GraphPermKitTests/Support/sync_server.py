#!/usr/bin/env python3
"""A loopback HTTP server for the sync tests: serves DATA_DIR's files by base name under a mode prefix.

It listens on two ports of 127.0.0.1 ("main" and "other", to stand for another host) and logs every request to
LOG_FILE as a JSON line: port, path, whether an Authorization header was present (never its value), the
User-Agent and the Accept-Encoding.

  /ok/...          200 with an ETag, 304 when If-None-Match matches
  /static/...      as a plain static server: Last-Modified only, 304 when If-Modified-Since is not older
  /gzip/...        gzip-compressed when asked for, with the compressed Content-Length (as GitHub's raw server)
  /e404/... /e500/...   that status
  /e429/...        429 with Retry-After: 1 on the first request of each path, then as /ok/
  /slow/...        waits 5 s before answering
  /trickle/...     a Content-Length of 1000, then one byte a second
  /truncated/...   a Content-Length larger than the body it sends
  /invalid/...     200 with a body that is not JSON
  /empty/...       {"permissions": {}} for every file
  /shrunk/...      permissions.json cut to its first 10 permissions; the other files as /ok/
  /huge/...        a declared Content-Length of 2 GiB (nothing sent)
  /big/...         BIG_MIB MiB (default 200) of spaces, no Content-Length, until the client stops
  /bomb/...        a gzip body of 1 MiB that expands to 1 GiB
  /redirect/...    302 to /ok/... on the same server
  /to-https/...    302 to https://127.0.0.1:PORT/ok/... (another scheme)
  /to-other/...    302 to the other port's /ok/...
  /tenant/NAME     the service principal in DATA_DIR in two pages; /tenant/page2 is the second
  /tenant-next-other/...  a first page whose @odata.nextLink is on the other port
  /tenant-next-host/...   ... on the host name localhost (same address, another host)
  /tenant-next-https/...  ... https on the same host and port
  /tenant-endless/N       a page whose @odata.nextLink is /tenant-endless/N+1, forever
  /export/v1.0/COLLECTION the tenant export in EXPORT_DIR as Graph lists it: servicePrincipals (expanded
                          appRoleAssignments cut to Graph's cap of 20), servicePrincipals/ID/appRoleAssignments,
                          oauth2PermissionGrants, roleManagement/directory/roleAssignments; PAGE items a page, the
                          next page linked by @odata.nextLink with an opaque $skiptoken
  /export429/...          as /export/, but 429 with Retry-After: 1 on its first request (once)
  /export429x/...         429 with Retry-After: 0, always
  /export401/...          401 with Graph's error document for every request
Usage: sync_server.py PORT_FILE DATA_DIR LOG_FILE [EXPORT_DIR]   (writes "MAIN_PORT OTHER_PORT" to PORT_FILE)
"""
import email.utils
import gzip
import hashlib
import http.server
import json
import os
import signal
import struct
import sys
import threading
import time
import urllib.parse
import zlib

DATA, LOG = sys.argv[2], sys.argv[3]
EXPORT = sys.argv[4] if len(sys.argv) > 4 else None
PAGE = 7
BIG = int(os.environ.get("BIG_MIB", "200")) * 1024 * 1024
seen = set()
lock = threading.Lock()
ports = {}


def bomb():
    """1 GiB of zeros in about 1 MiB of gzip: one compressed MiB repeated (a full flush makes blocks alike)."""
    if "bomb" not in ports:
        compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
        zeros = b"\0" * (1 << 20)
        head = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
        block = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
        tail = compressor.flush()[:-8]
        crc = 0
        for _ in range(1024):
            crc = zlib.crc32(zeros, crc)
        ports["bomb"] = head + block * 1023 + tail + struct.pack("<II", crc, (1024 << 20) & 0xFFFFFFFF)
    return ports["bomb"]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def log_request_line(self):
        entry = {
            "port": self.server.server_address[1],
            "path": self.path,
            "auth": "Authorization" in self.headers,
            "ua": self.headers.get("User-Agent", ""),
            "ae": self.headers.get("Accept-Encoding", ""),
        }
        with lock, open(LOG, "a") as log:
            log.write(json.dumps(entry) + "\n")

    def do_GET(self):
        self.log_request_line()
        parts = self.path.split("/")
        mode, name = parts[1], parts[-1]
        if mode.startswith("tenant"):
            return self.tenant(mode, name)
        if mode.startswith("export"):
            return self.export(mode)
        if mode in ("e404", "e500"):
            return self.reply(int(mode[1:]), b"error")
        if mode in ("redirect", "to-https", "to-other"):
            port = ports["other"] if mode == "to-other" else ports["main"]
            scheme = "https" if mode == "to-https" else "http"
            rest = "/".join(parts[2:])
            return self.reply(302, b"", {"Location": "%s://127.0.0.1:%d/ok/%s" % (scheme, port, rest)})
        if mode == "huge":
            self.send_response(200)
            self.send_header("Content-Length", str(2 * 1024 * 1024 * 1024))
            self.end_headers()
            self.close_connection = True
            return
        if mode == "big":
            return self.stream_big()
        if mode == "bomb":
            return self.reply(200, bomb(), {"Content-Encoding": "gzip"})
        if mode == "empty":
            return self.reply(200, b'{"permissions": {}}')
        path = os.path.join(DATA, name)
        if not os.path.isfile(path):
            return self.reply(404, b"no such file")
        body = open(path, "rb").read()
        if mode == "shrunk" and name == "permissions.json":
            document = json.loads(body)
            document["permissions"] = dict(list(document["permissions"].items())[:10])
            body = json.dumps(document).encode()
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if mode == "e429":
            with lock:
                first = self.path not in seen
                seen.add(self.path)
            if first:
                return self.reply(429, b"slow down", {"Retry-After": "1"})
        if mode == "slow":
            time.sleep(5)
        if mode == "invalid":
            return self.reply(200, b"<html>not json</html>")
        if mode == "trickle":
            return self.trickle()
        if mode == "truncated":
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        if mode == "static":
            return self.static(path, body)
        if self.headers.get("If-None-Match") == etag:
            return self.reply(304, b"", {"ETag": etag})
        headers = {"ETag": etag, "Content-Type": "application/json"}
        if mode == "gzip" and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        return self.reply(200, body, headers)

    def static(self, path, body):
        modified = int(os.path.getmtime(path))
        since = self.headers.get("If-Modified-Since")
        if since:
            parsed = email.utils.parsedate_to_datetime(since)
            if parsed is not None and parsed.timestamp() >= modified:
                return self.reply(304, b"", {"Last-Modified": email.utils.formatdate(modified, usegmt=True)})
        return self.reply(200, body, {"Last-Modified": email.utils.formatdate(modified, usegmt=True)})

    def tenant(self, mode, name):
        principal = json.load(open(os.path.join(DATA, "servicePrincipal.json")))
        values = principal.get("value", [principal])
        here = "http://127.0.0.1:%d" % ports["main"]
        if mode == "tenant-endless":
            number = int(name) if name.isdigit() else 0
            page = {"value": [], "@odata.nextLink": "%s/tenant-endless/%d" % (here, number + 1)}
        elif name == "page2":
            page = {"value": values}
        else:
            targets = {
                "tenant": here + "/tenant/page2",
                "tenant-next-other": "http://127.0.0.1:%d/tenant/page2" % ports["other"],
                "tenant-next-host": "http://localhost:%d/tenant/page2" % ports["main"],
                "tenant-next-https": "https://127.0.0.1:%d/tenant/page2" % ports["main"],
            }
            page = {"value": [], "@odata.nextLink": targets[mode]}
        return self.reply(200, json.dumps(page).encode(), {"Content-Type": "application/json"})

    def export(self, mode):
        split = urllib.parse.urlsplit(self.path)
        rest = split.path.split("/v1.0/", 1)[-1]
        query = urllib.parse.parse_qs(split.query)
        if mode == "export401":
            error = {"error": {"code": "InvalidAuthenticationToken", "message": "Access token has expired."}}
            return self.reply(401, json.dumps(error).encode(), {"Content-Type": "application/json"})
        if mode == "export429x":
            return self.reply(429, b'{"error": {"code": "TooManyRequests"}}', {"Retry-After": "0"})
        if mode == "export429":
            with lock:
                first = "export429" not in seen
                seen.add("export429")
            if first:
                return self.reply(429, b'{"error": {"code": "TooManyRequests"}}', {"Retry-After": "1"})
        def load(stem):
            return json.load(open(os.path.join(EXPORT, stem + ".json")))["value"]
        parts = rest.split("/")
        if rest == "servicePrincipals":
            items = []
            for principal in load("servicePrincipals"):
                principal = dict(principal)
                principal["appRoleAssignments"] = principal.get("appRoleAssignments", [])[:20]
                items.append(principal)
        elif len(parts) == 3 and parts[0] == "servicePrincipals" and parts[2] == "appRoleAssignments":
            found = [p for p in load("servicePrincipals") if p["id"] == parts[1]]
            if not found:
                return self.reply(404, b'{"error": {"code": "Request_ResourceNotFound"}}')
            items = found[0].get("appRoleAssignments", [])
        elif rest == "oauth2PermissionGrants":
            items = load("oauth2PermissionGrants")
        elif rest == "roleManagement/directory/roleAssignments":
            items = load("roleAssignments")
        else:
            return self.reply(404, b'{"error": {"code": "BadRequest"}}')
        start = int(query.get("$skiptoken", ["0"])[0])
        page = {"@odata.context": "http://127.0.0.1/v1.0/$metadata", "value": items[start:start + PAGE]}
        if start + PAGE < len(items):
            base = "http://127.0.0.1:%d%s" % (ports["main"], split.path)
            page["@odata.nextLink"] = base + "?$skiptoken=%d" % (start + PAGE)
        return self.reply(200, json.dumps(page).encode(), {"Content-Type": "application/json"})

    def trickle(self):
        self.send_response(200)
        self.send_header("Content-Length", "1000")
        self.end_headers()
        try:
            for _ in range(1000):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(1)
        except OSError:
            pass
        self.close_connection = True

    def stream_big(self):
        self.send_response(200)
        self.send_header("Connection", "close")
        self.end_headers()
        chunk = b" " * (1024 * 1024)
        try:
            for _ in range(BIG // len(chunk)):
                self.wfile.write(chunk)
        except OSError:
            pass
        self.close_connection = True

    def reply(self, status, body, headers=None):
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)


def serve(server):
    server.timeout = 1
    # Stops by itself, in case no one kills it; long enough for a whole test run on a loaded machine.
    deadline = time.time() + 1800
    while time.time() < deadline:
        server.handle_request()


signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a test process may start this with SIGTERM ignored
main = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
other = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
main.daemon_threads = other.daemon_threads = True
ports["main"], ports["other"] = main.server_address[1], other.server_address[1]
threading.Thread(target=serve, args=(other,), daemon=True).start()
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write("%d %d" % (ports["main"], ports["other"]))
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
serve(main)
