#!/usr/bin/env python3
"""An independent re-statement of how Microsoft's Kibali picks the least-privileged permission, used as an
oracle for graphperm. It follows /work/shared/reference/kibali-semantics.md (§2 inversion, §3.4 lenient
clean-up, §4 least privilege) and reuses the ICU-like collation and label helpers of kibali_tables.py.

Usage: kibali_least.py PERMISSIONS_JSON [--strict]

Prints one TSV line per (resource, method, scheme) triple, sorted by code point on (resource key, method,
scheme), with the columns
    resource_key  templates  method  scheme  least  grants
resource_key is the lenient-cleaned template (the template as written with --strict); templates lists every
original spelling of the resource (sorted by code point, joined by " ; "); least lists the least-privileged
labels (the first one is what the docs table shows; rule 2 of §4.2 may give several; empty when no claim
carries a least marker); grants lists every permission that grants the triple, in claim order, once each.
Counts go to stderr.
"""
import json
import os
import re
import sys
import time
from collections import OrderedDict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kibali_tables import icu_key, label, same_pair  # noqa: E402

PARENTHESISED_SEGMENT = re.compile(r"/\(.*?\)")
PARAMETER = re.compile(r"\{.*?\}")


def lenient(template):
    """§3.4: drop quotes, lower-case, drop '/(...)' runs, fold '//' once, rename every '{...}' to '{id}'."""
    text = template.replace("'", "").lower()
    text = PARENTHESISED_SEGMENT.sub("", text)
    text = text.replace("//", "/")
    return PARAMETER.sub("{id}", text)


def member(obj, name, default):
    """Kibali reads JSON members case-insensitively (§1.1)."""
    if name in obj:
        return obj[name]
    return next((value for key, value in obj.items() if key.lower() == name.lower()), default)


def markers(value):
    """§1.5: ';'-separated key=value pairs; only the case-sensitive keys least and AlsoRequires count;
    values are split on ',' without trimming. Malformed values raise, as Kibali does."""
    pairs = {}
    for piece in (value or "").split(";"):
        if not piece:
            continue
        if "=" not in piece:
            raise ValueError(f"Unable to parse: {value}. Format is name1=value1;name2=value2;...")
        key, _, rest = piece.partition("=")
        if key in pairs:
            raise ValueError(f"Repeated marker key {key!r} in {value!r}")
        pairs[key] = rest
    least = pairs["least"].split(",") if "least" in pairs else []
    return least, tuple(pairs["AlsoRequires"].split(",")) if "AlsoRequires" in pairs else ()


def invert(document, clean=None):
    """§2. Returns (index, methods_of, spellings): index is key -> method -> scheme -> [claim], a claim being
    (permission, partners, least); methods_of maps (key, permission, scheme) to the methods it grants there;
    spellings maps key -> set of original templates."""
    index, methods_of, spellings = OrderedDict(), {}, {}
    permissions = member(document, "permissions", {})
    for name in sorted(permissions, key=icu_key):
        for path_set in member(permissions[name], "pathSets", None) or []:
            paths = member(path_set, "paths", None) or {}
            methods = sorted(set(member(path_set, "methods", None) or []), key=icu_key)
            schemes = sorted(set(member(path_set, "schemeKeys", None) or []), key=icu_key)
            for template in sorted(paths, key=icu_key):
                least, also = markers(paths[template])
                key = clean(template) if clean else template
                spellings.setdefault(key, set()).add(template)
                resource = index.setdefault(key, {})
                for method in methods:
                    entry = resource.setdefault(method, {})
                    for scheme in schemes:
                        methods_of.setdefault((key, name, scheme), set()).add(method)
                        claims = entry.setdefault(scheme, [])
                        # Claim identity is (permission, partners); the first one wins, least flag included.
                        if not any(c[0] == name and c[1] == also for c in claims):
                            claims.append((name, also, scheme in least))
    return index, methods_of, spellings


def least_labels(key, method, scheme, claims, methods_of):
    """§4.2-4.3. Every label rule 2 returns, or the single label of rules 1, 3 and 4; [] without candidates."""
    candidates = [c for c in claims if c[2]]
    if len(candidates) <= 1:
        return [label(c) for c in candidates]
    granted = [methods_of[(key, c[0], scheme)] for c in candidates]
    if sum(len(m) == 1 for m in granted) >= 2:  # rule 2: all candidates, as unordered unique pairs
        pairs = []
        for c in candidates:
            for partner in c[1] or ("",):
                if not any(same_pair(p, (c[0], partner)) for p in pairs):
                    pairs.append((c[0], partner))
        return [f"{a} and {b}" if b else a for a, b in pairs]
    for c, m in zip(candidates, granted):  # rule 3: first candidate granting exactly this method
        if m == {method}:
            return [label(c)]
    best, bound = candidates[0], 100  # rule 4: fewest methods, strict '<', so ties keep claim order
    for c, m in zip(candidates, granted):
        if method in m and len(m) < bound:
            best, bound = c, len(m)
    return [label(best)]


def rows(document, strict=False):
    """(number of resources, [(resource_key, templates, method, scheme, least labels, grants)]), the list
    sorted by code point."""
    index, methods_of, spellings = invert(document, None if strict else lenient)
    return len(index), list(_rows(index, methods_of, spellings))


def _rows(index, methods_of, spellings):
    for key in sorted(index):
        templates = " ; ".join(sorted(spellings[key]))
        for method in sorted(index[key]):
            for scheme in sorted(index[key][method]):
                claims = index[key][method][scheme]
                least = least_labels(key, method, scheme, claims, methods_of)
                grants = list(OrderedDict.fromkeys(c[0] for c in claims))
                yield key, templates, method, scheme, least, grants


def main(argv):
    args = [a for a in argv if a != "--strict"]
    if len(args) != 1 or any(a.startswith("-") and a != "--strict" for a in argv):
        sys.exit("usage: kibali_least.py PERMISSIONS_JSON [--strict]")
    started = time.perf_counter()
    with open(args[0], encoding="utf-8") as handle:
        document = json.load(handle)
    resources, table = rows(document, "--strict" in argv)
    triples, no_least, several, out = len(table), 0, 0, []
    for key, templates, method, scheme, least, grants in table:
        no_least += not least
        several += len(least) > 1
        out.append("\t".join((key, templates, method, scheme, ",".join(least), ",".join(grants))))
    sys.stdout.write("".join(line + "\n" for line in out))
    mode = "strict" if "--strict" in argv else "lenient"
    print(f"mode {mode}; resources {resources}; triples {triples}; no least {no_least}; "
          f"several labels {several}; {time.perf_counter() - started:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
