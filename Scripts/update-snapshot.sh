#!/usr/bin/env bash
# Writes the snapshot of Microsoft's permission facts that ships inside graphperm, from a folder holding Microsoft's
# permissions.json, provisioningInfo.json and permissions-descriptions.json:
#   Sources/GraphPermStore/Generated/EmbeddedSnapshot.swift   the same documents reduced to facts (names, IDs per
#                             scheme, admin consent, privilege levels, path templates, methods, least= and
#                             AlsoRequires= markers, hidden/enabled flags; no descriptions, no display names), compact
#                             JSON, gzip -9 without name or time, base64: the one committed copy, compiled in
#   Data/snapshot/SOURCE.json where they came from: repository, commit, date, each source file's size and SHA-256
#   --gz DIR                  also writes the .json.gz files there (to read or `graphperm load` after gunzip)
# The reduced documents are ordinary loader input: `graphperm load` reads them as it reads Microsoft's files.
#
#     Scripts/update-snapshot.sh ../shared/graph-data                       # commit and date from FOLDER/README.md
#     Scripts/update-snapshot.sh DIR 6cbd6bbd665a877560fdefbad74f3bdb5b57af88 2026-08-07
#     Scripts/update-snapshot.sh DIR COMMIT DATE --out OUTDIR               # writes OUTDIR/snapshot and OUTDIR/EmbeddedSnapshot.swift (to compare)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
    echo "usage: Scripts/update-snapshot.sh FOLDER [COMMIT [DATE]] [--out DIR]  (FOLDER holds permissions.json, provisioningInfo.json, permissions-descriptions.json)" >&2
    exit 64
fi
folder="$1"; shift
commit=""; date=""; out=""; gz=""
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out="$2"; shift 2 ;;
        --gz) gz="$2"; shift 2 ;;
        *) if [ -z "$commit" ]; then commit="$1"; elif [ -z "$date" ]; then date="$1"; fi; shift ;;
    esac
done
if [ -n "$out" ]; then
    snapshot="$out/snapshot"; swift_file="$out/EmbeddedSnapshot.swift"
else
    snapshot="$root/Data/snapshot"; swift_file="$root/Sources/GraphPermStore/Generated/EmbeddedSnapshot.swift"
fi
mkdir -p "$snapshot" "$(dirname "$swift_file")"
[ -z "$gz" ] || mkdir -p "$gz"
exec python3 - "$folder" "$commit" "$date" "$snapshot" "$swift_file" "$gz" <<'PYTHON'
import base64, datetime, gzip, hashlib, json, os, re, sys

folder, commit, date, snapshot, swift_file, gz = sys.argv[1:7]
names = ["permissions.json", "provisioningInfo.json", "permissions-descriptions.json"]
raw = {}
for name in names:
    path = os.path.join(folder, name)
    if not os.path.isfile(path):
        sys.exit(f"update-snapshot.sh: {path}: no such file")
    with open(path, "rb") as f:
        raw[name] = f.read()

readme = os.path.join(folder, "README.md")
if (not commit or not date) and os.path.isfile(readme):
    text = open(readme, encoding="utf-8").read()
    found = re.search(r"\b([0-9a-f]{40})\b\s*\((\d{4}-\d{2}-\d{2})", text)
    if found:
        commit = commit or found.group(1)
        date = date or found.group(2)
if not commit:
    commit = "unknown"
if not date:
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
    sys.exit(f"update-snapshot.sh: DATE must be YYYY-MM-DD, found {date!r}")

def reduce_permissions(doc):
    out = {}
    for name, permission in doc["permissions"].items():
        schemes = {}
        for scheme, entry in permission.get("schemes", {}).items():
            schemes[scheme] = {k: entry[k] for k in ("requiresAdminConsent", "privilegeLevel") if k in entry}
        reduced = {"schemes": schemes}
        if "pathSets" in permission:
            reduced["pathSets"] = [{k: s[k] for k in ("schemeKeys", "methods", "paths") if k in s} for s in permission["pathSets"]]
        out[name] = reduced
    return {"permissions": out}

def reduce_provisioning(doc):
    keep = ("id", "scheme", "environment", "isHidden", "isEnabled", "resourceAppId")
    # Entries not named like a permission (_0.AA) belong to other resource apps; the loader skips them.
    return {"permissionDeployments": {name: [{k: d[k] for k in keep if k in d} for d in deployments]
                                      for name, deployments in doc["permissionDeployments"].items() if name[:1].isalpha()}}

def reduce_descriptions(doc):
    return {key: [{k: s[k] for k in ("id", "value", "isAdmin", "isEnabled") if k in s} for s in doc[key]]
            for key in ("delegatedScopesList", "applicationScopesList") if key in doc}

reducers = {"permissions.json": reduce_permissions, "provisioningInfo.json": reduce_provisioning,
            "permissions-descriptions.json": reduce_descriptions}
compressed = {}
for name in names:
    reduced = reducers[name](json.loads(raw[name]))
    data = json.dumps(reduced, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    compressed[name] = gzip.compress(data, compresslevel=9, mtime=0)
    if gz:
        with open(os.path.join(gz, name + ".gz"), "wb") as f:
            f.write(compressed[name])

source = {
    "repository": "microsoftgraph/microsoft-graph-devx-content",
    "commit": commit,
    "date": date,
    "files": [{"name": name, "size": len(raw[name]), "sha256": hashlib.sha256(raw[name]).hexdigest(),
               "snapshot": name + ".gz", "snapshot_size": len(compressed[name])} for name in names],
}
source_text = json.dumps(source, indent=2) + "\n"
with open(os.path.join(snapshot, "SOURCE.json"), "w", encoding="utf-8") as f:
    f.write(source_text)

lines = [
    "// Generated by Scripts/update-snapshot.sh from Microsoft's permission files: do not edit.",
    "// Facts only, gzip, base64; SnapshotTests fails when it is not what the script makes from Microsoft's files.",
    "",
    "/// The snapshot of Microsoft's permission facts compiled in (see `Snapshot`).",
    "enum EmbeddedSnapshot {",
    f'    static let repository = "{source["repository"]}"',
    f'    static let commit = "{commit}"',
    f'    static let date = "{date}"',
    "    /// (name of the reduced document, its gzip bytes in base64)",
    "    static let files: [(name: String, gzipBase64: String)] = [",
]
for name in names:
    lines.append(f'        ("{name}", "{base64.b64encode(compressed[name]).decode("ascii")}"),')
lines += ["    ]", "}", ""]
with open(swift_file, "w", encoding="utf-8") as f:
    f.write("\n".join(lines))
total = sum(len(c) for c in compressed.values())
print(f"update-snapshot.sh: {snapshot}: {total} bytes gzip ({commit[:12]}, {date}); {swift_file}: {os.path.getsize(swift_file)} bytes", file=sys.stderr)
PYTHON
