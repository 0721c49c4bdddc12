#!/usr/bin/env python3
"""Independent oracle for `graphperm diff OLD NEW`: what changed between two Microsoft Graph permissions
documents (Kibali's permissions.json format). Python 3 standard library only; it reads nothing but the two
JSON files.

Usage: snapshot_diff.py OLD.json NEW.json [--detail] [--old-tiers TIERS.json --new-tiers TIERS.json]

Prints one JSON object (sorted keys, sorted lists) with six kinds of change. Without --detail each list is
replaced by its length. Notes (skipped paths, missing IDs) go to stderr.

Rules
-----
* permission: a key of the top-level `permissions` map, compared exactly (case-sensitive; the data holds
  both `Calls.JoinGroupCallasGuest.All` and `Calls.JoinGroupCallAsGuest.All`).
* scheme: a key as written, from `schemes` (privilegeLevel, id) or a pathSet's `schemeKeys` (grants,
  least). The data uses DelegatedWork, DelegatedPersonal and Application.
* template: the path template lower-cased, then every `{...}` (no nested braces) replaced by `{}`.
  Nothing else changes (query strings, `root:/{}:`, `(on={})`, `/.../`, a trailing `/` are kept).
  A path with unbalanced or nested braces (the `{id}}` typos) is malformed and skipped entirely.
* method: as written (the data only has upper-case GET POST PUT PATCH DELETE).
* operation: (method, template) granted by at least one (permission, pathSet) under at least one scheme.
* grant: (permission, method, template, scheme) for every method x schemeKey x path of every pathSet.
  AlsoRequires partners are not part of a grant.
* least: for a (method, template, scheme), the sorted set of permissions having a pathSet that grants it and
  whose path value carries `least=` listing that scheme (the marker covers every method of the pathSet;
  a listed scheme that is not among the pathSet's schemeKeys counts for nothing, as in Kibali). Path values
  are split on `;`, keys are case-sensitive, `least` values are split on `,` without trimming. A permission
  is least if ANY of its entries for the triple is marked (several raw templates may fold into one).
  `least.changed` lists triples granted in BOTH documents whose sets differ (including empty <-> non-empty);
  triples that exist on one side only are covered by grants/operations, not by least.
* privilegeLevel: `schemes[scheme].privilegeLevel` (null when absent) for every (permission, scheme) present
  in both documents; a change is before != after (null -> 3 counts).
* ids: `schemes[scheme].id` if a document carries it. Kibali's permissions.json carries no GUIDs (they live
  in provisioningInfo.json / servicePrincipal.json, which exist only for the newest snapshot), so with real
  snapshots `ids.changed` is always empty; a note says so. Compared like privilegeLevel, but only where both
  sides have an id.
* tiers (only with --old-tiers and --new-tiers, the tier rules each side was built with, usually both the
  project's Data/tiers.json): every (permission, scheme) of `schemes` present in both documents (schemes
  Application, DelegatedWork, DelegatedPersonal), tiered by Scripts/tier_check.py's own reading of each rules
  file; a change is (tier, tierForUser) before != after. Records: permission, scheme, before, after,
  beforeForUser, afterForUser, sourceBefore, sourceAfter (rule id, the permission's name for an explicit
  entry, or "default"), direction ("raised" when (after, afterForUser) < (before, beforeForUser), i.e.
  toward Tier 0, else "lowered"). Tier rules read permission names only, so with one rules file for both
  sides no pair can change.
* Sorting: by code point, on the record's fields in the order they are printed
  (grants: permission, method, template, scheme; least/operations: method, template, scheme).
"""
import json
import re
import sys

PARAM = re.compile(r"\{[^{}]*\}")
SCHEME_ID_KEYS = ("id",)


def well_formed(path):
    depth = 0
    for ch in path:
        if ch == "{":
            depth += 1
            if depth > 1:
                return False
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def normalise(path):
    return PARAM.sub("{}", path.lower())


def least_schemes(value):
    """Schemes listed by the `least=` marker of a path value ('' / None -> none)."""
    out = []
    if not value:
        return out
    for piece in value.split(";"):
        if not piece:
            continue
        key, sep, val = piece.partition("=")
        if sep and key == "least":
            out.extend(val.split(","))
    return out


def load(path):
    with open(path, encoding="utf-8") as fh:
        doc = json.load(fh)
    perms = doc.get("permissions") or {}
    snap = {
        "permissions": set(perms),
        "privilegeLevel": {},
        "ids": {},
        "grants": set(),
        "least": {},  # (method, template, scheme) -> set of permissions marked least
        "skipped": set(),  # (permission, raw path)
    }
    for name, perm in perms.items():
        for scheme, body in (perm.get("schemes") or {}).items():
            body = body or {}
            snap["privilegeLevel"][(name, scheme)] = body.get("privilegeLevel")
            for key in SCHEME_ID_KEYS:
                if body.get(key) is not None:
                    snap["ids"][(name, scheme)] = body[key]
        for ps in perm.get("pathSets") or []:
            methods = ps.get("methods") or []
            schemes = ps.get("schemeKeys") or []
            for raw, value in (ps.get("paths") or {}).items():
                if not well_formed(raw):
                    snap["skipped"].add((name, raw))
                    continue
                tmpl = normalise(raw)
                marked = set(least_schemes(value))
                for method in methods:
                    for scheme in schemes:
                        snap["grants"].add((name, method, tmpl, scheme))
                        key = (method, tmpl, scheme)
                        bucket = snap["least"].setdefault(key, set())
                        if scheme in marked:
                            bucket.add(name)
    snap["operations"] = {(m, t) for (_, m, t, _) in snap["grants"]}
    return snap


def diff(old, new):
    def keyed_changes(before, after, fields):
        out = []
        for key in sorted(set(before) & set(after)):
            if before[key] != after[key]:
                rec = dict(zip(fields, key))
                rec["before"] = before[key]
                rec["after"] = after[key]
                out.append(rec)
        return out

    gfields = ("permission", "method", "template", "scheme")
    result = {
        "permissions": {
            "added": sorted(new["permissions"] - old["permissions"]),
            "removed": sorted(old["permissions"] - new["permissions"]),
        },
        "ids": {"changed": keyed_changes(old["ids"], new["ids"], ("permission", "scheme"))},
        "operations": {
            "added": [dict(zip(("method", "template"), k))
                      for k in sorted(new["operations"] - old["operations"])],
            "removed": [dict(zip(("method", "template"), k))
                        for k in sorted(old["operations"] - new["operations"])],
        },
        "grants": {
            "added": [dict(zip(gfields, k)) for k in sorted(new["grants"] - old["grants"])],
            "removed": [dict(zip(gfields, k)) for k in sorted(old["grants"] - new["grants"])],
        },
        "least": {"changed": keyed_changes(
            {k: sorted(v) for k, v in old["least"].items()},
            {k: sorted(v) for k, v in new["least"].items()},
            ("method", "template", "scheme"))},
        "privilegeLevel": {"changed": keyed_changes(
            old["privilegeLevel"], new["privilegeLevel"], ("permission", "scheme"))},
    }
    return result


def tier_changes(old, new, old_rules, new_rules):
    """The (permission, scheme) pairs of both documents whose tiers differ under each side's rules."""
    import tier_check  # beside this script; its classify/tiers_for apply the rules as tiers.json's about says

    def tiered(rules, name, scheme):
        item, _basis, source = tier_check.classify(rules, name)
        tier, user = tier_check.tiers_for(rules, item, scheme)
        return tier, user, source

    changes = []
    pairs = set(old["privilegeLevel"]) & set(new["privilegeLevel"])
    for name, scheme in sorted(pairs):
        if scheme not in tier_check.SCHEMES:
            continue
        before = tiered(old_rules, name, scheme)
        after = tiered(new_rules, name, scheme)
        if before[:2] != after[:2]:
            changes.append({
                "permission": name, "scheme": scheme, "before": before[0], "after": after[0],
                "beforeForUser": before[1], "afterForUser": after[1],
                "sourceBefore": before[2], "sourceAfter": after[2],
                "direction": "raised" if after[:2] < before[:2] else "lowered",
            })
    return changes


def counts(result):
    return {kind: {change: len(items) for change, items in changes.items()}
            for kind, changes in result.items()}


def notes(label, snap):
    lines = []
    for perm, raw in sorted(snap["skipped"]):
        lines.append("%s: skipped malformed path %r (permission %s)" % (label, raw, perm))
    if not snap["ids"]:
        lines.append("%s: no permission IDs in this document; ids.changed cannot report anything" % label)
    return lines


def main(argv):
    args, tiers = [], {}
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg in ("--old-tiers", "--new-tiers") and rest:
            tiers[arg] = rest.pop(0)
        else:
            args.append(arg)
    detail = "--detail" in args
    args = [a for a in args if a != "--detail"]
    if len(args) != 2 or any(a.startswith("--") for a in args) or len(tiers) == 1:
        sys.stderr.write("usage: snapshot_diff.py OLD.json NEW.json [--detail] "
                         "[--old-tiers TIERS.json --new-tiers TIERS.json]\n")
        return 2
    old, new = load(args[0]), load(args[1])
    for line in notes("old", old) + notes("new", new):
        sys.stderr.write("note: " + line + "\n")
    result = diff(old, new)
    if tiers:
        rules = []
        for key in ("--old-tiers", "--new-tiers"):
            with open(tiers[key], encoding="utf-8") as handle:
                rules.append(json.load(handle))
        result["tiers"] = {"changed": tier_changes(old, new, rules[0], rules[1])}
    out = result if detail else counts(result)
    sys.stdout.write(json.dumps(out, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
