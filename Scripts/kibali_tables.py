#!/usr/bin/env python3
"""An independent re-statement of Microsoft's documentation-table rules (Kibali), used to check
`graphperm reference api` byte for byte.

Usage: kibali_tables.py PERMISSIONS_JSON GRAPHPERM_API_MARKDOWN
Prints the agreement figures; exits 1 when agreement is below 99.5%.
       kibali_tables.py --table PERMISSIONS_JSON METHOD PATH
Prints the one table Microsoft's rules render for METHOD PATH, "suppressed" when they print none, or "fails" when
Microsoft's generator stops there.
"""
import json
import sys
from collections import OrderedDict

SCHEMES = ["DelegatedWork", "DelegatedPersonal", "Application"]
LABELS = {"DelegatedWork": "Delegated (work or school account)",
          "DelegatedPersonal": "Delegated (personal Microsoft account)", "Application": "Application"}
PUNCTUATION = "\t\n\x0b\x0c\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$"
NS, NA = "Not supported.", "Not available."


def icu_key(text):
    primary, tertiary = [], []
    for ch in text:
        if ch in PUNCTUATION:
            primary.append(1 + PUNCTUATION.index(ch)); tertiary.append(0)
        elif ch.isdigit():
            primary.append(100 + ord(ch) - 48); tertiary.append(0)
        elif "a" <= ch <= "z":
            primary.append(200 + ord(ch) - 97); tertiary.append(0)
        elif "A" <= ch <= "Z":
            primary.append(200 + ord(ch) - 65); tertiary.append(1)
        else:
            primary.append(1000 + ord(ch)); tertiary.append(0)
    return primary + [0] + tertiary


def markers(value):
    least, also = [], []
    for piece in (value or "").split(";"):
        if not piece:
            continue
        key, _, rest = piece.partition("=")
        values = [v.strip() for v in rest.split(",") if v.strip()]
        if key == "least":
            least = values
        elif key == "AlsoRequires":
            also = values
    return least, also


def invert(document):
    """resource -> method -> scheme -> [claims]; claim = (perm, partners tuple, least); and permission methods."""
    index = OrderedDict()
    methods_of = {}
    for name in sorted(document["permissions"], key=icu_key):
        for path_set in document["permissions"][name].get("pathSets", []):
            for path in sorted(path_set["paths"], key=icu_key):
                least, also = markers(path_set["paths"][path])
                resource = index.setdefault(path, {})
                for method in sorted(set(path_set["methods"]), key=icu_key):
                    for scheme in sorted(set(path_set["schemeKeys"]), key=icu_key):
                        methods_of.setdefault((path, name, scheme), set()).add(method)
                        claims = resource.setdefault(method, {}).setdefault(scheme, [])
                        if any(c[0] == name and c[1] == tuple(also) for c in claims):
                            continue
                        claims.append((name, tuple(also), scheme in least))
    return index, methods_of


def label(claim):
    return f"{claim[0]} and {claim[1][0]}" if claim[1] else claim[0]


def same_pair(a, b):
    return a == b or (a[0] == b[1] and a[1] == b[0])


def least_label(path, method, scheme, claims, methods_of):
    candidates = [c for c in claims if c[2]]
    if not candidates:
        return None
    if len(candidates) == 1:
        return label(candidates[0])
    counts = [len(methods_of[(path, c[0], scheme)]) for c in candidates]
    if counts.count(1) >= 2:
        pairs = []
        for c in candidates:
            for partner in (c[1] or ("",)):
                if not any(same_pair(p, (c[0], partner)) for p in pairs):
                    pairs.append((c[0], partner))
        first = pairs[0]
        return f"{first[0]} and {first[1]}" if first[1] else first[0]
    for c in candidates:
        if methods_of[(path, c[0], scheme)] == {method}:
            return label(c)
    best, bound = None, 100
    for c in candidates:
        m = methods_of[(path, c[0], scheme)]
        if method in m and len(m) < bound:
            best, bound = c, len(m)
    return label(best or candidates[0])


def row(path, method, scheme, claims, methods_of):
    """(least, higher) or raises ValueError where Microsoft's generator throws."""
    if not claims:
        return NS, NS
    ordered = [c for c in claims if c[2]] + [c for c in claims if not c[2]]
    names = list(OrderedDict.fromkeys(c[0] for c in ordered))
    least = least_label(path, method, scheme, claims, methods_of)
    if least is None:
        return NS, ", ".join(names) if names else NS
    higher = [n for n in names if n != least] or [NA]
    pairs = []
    for c in ordered:
        for partner in (c[1] or ("",)):
            if not any(same_pair(p, (c[0], partner)) for p in pairs):
                pairs.append((c[0], partner))
    needing = [c for c in ordered if c[2] and c[1]]
    required = []
    if len(needing) > 2:
        raise ValueError("too many")
    if len(needing) == 1:
        if len(needing[0][1]) > 1:
            raise ValueError("several partners")
        required = [needing[0][0], needing[0][1][0]]
    elif len(needing) == 2:
        required = [needing[0][0], needing[1][0]]
    if required:
        a, b = required
        pairs = [p for p in pairs if not (same_pair(p, (a, b)) or same_pair(p, (a, "")) or same_pair(p, (b, "")))]
        higher = [h for h in higher if h not in (a, b)]
    if not pairs:
        return least, ", ".join(higher) if higher else (NA if required else NS)
    emitted, found = [], set()
    for a, b in pairs:
        if (a, b) in found or (not b and a in found):
            continue
        if b and (a in required or b in required):
            first, second = (a, b) if a in required else (b, a)
            emitted.append(f"{first} and {second}")
            found |= {(a, b), (b, a), a, b}
        elif not b and a in higher:
            emitted.append(a); found.add(a)
        elif b and a in higher and b in higher:
            emitted.append(f"{a} and {b}")
            found |= {(a, b), (b, a), a, b}
    emitted += [h for h in higher if h not in found]
    return least, ", ".join(emitted) if emitted else NA


def table(path, method, resource, methods_of):
    rows = [(s, *row(path, method, s, resource.get(s, []), methods_of)) for s in SCHEMES]
    if any(r[1] == NS and r[2].lower() not in (NS.lower(), NA.lower()) for r in rows):
        return ""
    text = "|Permission type|Least privileged permissions|Higher privileged permissions|\n|:---|:---|:---|\n"
    for scheme, least, higher in rows:
        text += f"|{LABELS[scheme]}|{least}|{higher}|\n"
    return text + "\n"


def graphperm_tables(markdown):
    tables, key, lines = {}, None, []
    for line in markdown.split("\n"):
        if line.startswith("### "):
            method, _, path = line[4:].partition(" ")
            key, lines = (path.replace("\\|", "|"), method), []
            tables[key] = lines
        elif key is not None and line.startswith("|"):
            lines.append(line)
    return {k: "\n".join(v) + "\n\n" for k, v in tables.items()}


def one_table(document_path, method, path):
    index, methods_of = invert(json.load(open(document_path, encoding="utf-8")))
    try:
        text = table(path, method, index.get(path, {}).get(method, {}), methods_of)
    except ValueError:
        return "fails\n"
    return text or "suppressed\n"


def main():
    if sys.argv[1] == "--table":
        sys.stdout.write(one_table(*sys.argv[2:5]))
        return
    document = json.load(open(sys.argv[1], encoding="utf-8"))
    ours = graphperm_tables(open(sys.argv[2], encoding="utf-8").read())
    index, methods_of = invert(document)
    pairs = rendered = suppressed = throws = agree = 0
    mismatches = []
    for path, resource in index.items():
        for method in sorted(resource, key=icu_key):
            pairs += 1
            try:
                expected = table(path, method, resource[method], methods_of)
            except ValueError:
                throws += 1
                continue
            if not expected:
                suppressed += 1
                continue
            rendered += 1
            if ours.get((path, method)) == expected:
                agree += 1
            else:
                mismatches.append(f"{method} {path}")
    share = agree / rendered if rendered else 0
    print(f"pairs {pairs}; Microsoft's rules render {rendered}, suppress {suppressed}, fail on {throws}")
    print(f"graphperm reference api agrees byte for byte on {agree}/{rendered} rendered tables ({share:.4%})")
    for line in mismatches[:20]:
        print("  differs:", line)
    sys.exit(0 if share >= 0.995 else 1)


if __name__ == "__main__":
    main()
