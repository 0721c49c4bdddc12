#!/usr/bin/env python3
"""Apply the risk-tier rules of Data/tiers.json to Microsoft's permission files and print counts.

Usage: tier_check.py [GRAPH_DATA_FOLDER] [--list]

GRAPH_DATA_FOLDER holds Microsoft's permissions.json and servicePrincipal.json; without it the folder is
$GRAPHPERM_DATA, else ../shared/graph-data seen from the repository root. The (permission, scheme) pairs are
the union of permissions.json (its schemes Application, DelegatedWork, DelegatedPersonal) and
servicePrincipal.json (appRoles are Application, oauth2PermissionScopes are DelegatedWork).

Prints, in a fixed order: the pairs per scheme, tier counts per scheme (DelegatedWork twice: when an admin
signs in, and otherwise), how many pairs each basis (explicit, rule, default) tiered, how often each rule
matched, and the explicit entries that name a permission absent from the data. With --list it prints
instead one TSV line per pair, sorted by permission then scheme:
    permission  scheme  tier  tierForUser  basis  source
(tierForUser is the tier when a user without an admin role signs in; for Application it repeats tier;
source is the rule id, the permission name for explicit entries, or "default").

Exit status: 0 when tiers.json is well formed, 1 when it is not or the data cannot be read (the problems
go to stderr), 64 on a usage error.
"""
import json
import os
import re
import sys

SCHEMES = ("Application", "DelegatedWork", "DelegatedPersonal")
TIERS = (0, 1, 2)
MATCH_KEYS = ("resource", "resourcePattern", "operation", "operationPattern", "constraint")
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def split_name(name):
    """'Mail.ReadWrite.Shared' -> ('Mail', 'ReadWrite', 'Shared'); 'openid' -> ('openid', '', '')."""
    parts = name.split(".")
    return parts[0], (parts[1] if len(parts) > 1 else ""), ".".join(parts[2:])


def check_tier0(where, item, problems):
    """A Tier 0 entry or rule names its outcome, its path and its preconditions."""
    for key in ("impact", "attackPath", "preconditions"):
        if key not in item:
            problems.append(f"{where}: a Tier 0 item needs '{key}'")


def validate(doc):
    """Return a list of problems with tiers.json, each saying where and what was expected."""
    problems = []
    for key in ("about", "explicit", "rules", "default", "delegated", "preconditions", "impacts"):
        if key not in doc:
            problems.append(f"tiers.json: $.{key}: missing")
    if problems:
        return problems
    known_pre = set(doc["preconditions"])
    known_impacts = set(doc["impacts"])

    def check_item(where, item):
        if item.get("tier") not in TIERS:
            problems.append(f"{where}.tier: expected 0, 1 or 2")
        if item.get("tier") == 0:
            check_tier0(where, item, problems)
        elif "reason" not in item:
            problems.append(f"{where}: a Tier 1 or 2 item needs 'reason'")
        if "impact" in item and item["impact"] not in known_impacts:
            problems.append(f"{where}.impact: '{item['impact']}' is not a key of $.impacts")
        for pre in item.get("preconditions", []):
            if pre not in known_pre:
                problems.append(f"{where}.preconditions: '{pre}' is not a key of $.preconditions")
        delegated = item.get("delegated")
        if delegated is not None:
            for key in ("whenAdminSignsIn", "otherwise"):
                if delegated.get(key) not in TIERS:
                    problems.append(f"{where}.delegated.{key}: expected 0, 1 or 2")

    names = [entry.get("permission") for entry in doc["explicit"]]
    for index, entry in enumerate(doc["explicit"]):
        where = f"tiers.json: $.explicit[{index}]"
        if not isinstance(entry.get("permission"), str):
            problems.append(f"{where}.permission: expected a string")
        check_item(where, entry)
    if names != sorted(names):
        problems.append("tiers.json: $.explicit: expected entries sorted by permission")
    if len(set(names)) != len(names):
        problems.append("tiers.json: $.explicit: a permission is named twice")
    ids = []
    for index, rule in enumerate(doc["rules"]):
        where = f"tiers.json: $.rules[{index}]"
        ids.append(rule.get("id"))
        match = rule.get("match")
        if not isinstance(match, dict) or not match:
            problems.append(f"{where}.match: expected a non-empty object")
            continue
        for key, value in match.items():
            if key not in MATCH_KEYS:
                problems.append(f"{where}.match.{key}: expected one of {', '.join(MATCH_KEYS)}")
            elif key.endswith("Pattern"):
                try:
                    re.compile(value)
                except (re.error, TypeError) as error:
                    problems.append(f"{where}.match.{key}: not a regular expression ({error})")
            elif not isinstance(value, list):
                problems.append(f"{where}.match.{key}: expected a list of strings")
        check_item(where, rule)
    if len(set(ids)) != len(ids) or None in ids:
        problems.append("tiers.json: $.rules: every rule needs a distinct id")
    check_item("tiers.json: $.default", doc["default"])
    lowering = doc["delegated"].get("otherwiseFromTier")
    if not (isinstance(lowering, list) and len(lowering) == 3 and all(t in TIERS for t in lowering)):
        problems.append("tiers.json: $.delegated.otherwiseFromTier: expected three tiers, for tiers 0, 1, 2")
    return problems


def rule_matches(match, name):
    """Every key of the match must hold; lists compare exactly, patterns must match the whole part."""
    parts = dict(zip(("resource", "operation", "constraint"), split_name(name)))
    for key, value in match.items():
        if key.endswith("Pattern"):
            if re.fullmatch(value, parts[key[: -len("Pattern")]]) is None:
                return False
        elif parts[key] not in value:
            return False
    return True


def classify(doc, name):
    """Return (item, basis, source) for a permission name: explicit entry, first matching rule, or default."""
    for entry in doc["explicit"]:
        if entry["permission"] == name:
            return entry, "explicit", name
    for rule in doc["rules"]:
        if rule_matches(rule["match"], name):
            return rule, "rule", rule["id"]
    return doc["default"], "default", "default"


def tiers_for(doc, item, scheme):
    """(tier, tierForUser) of an item in a scheme, as $.about describes."""
    tier = item["tier"]
    if scheme == "Application":
        return tier, tier
    delegated = item.get("delegated", {})
    admin = delegated.get("whenAdminSignsIn", tier)
    user = delegated.get("otherwise", doc["delegated"]["otherwiseFromTier"][tier])
    if scheme == "DelegatedPersonal":
        return user, user
    return admin, user


def load_pairs(folder):
    """The set of (permission, scheme) pairs in Microsoft's files."""
    pairs = set()
    with open(os.path.join(folder, "permissions.json"), encoding="utf-8") as handle:
        permissions = json.load(handle)["permissions"]
    for name, facts in permissions.items():
        for scheme in facts.get("schemes", {}):
            if scheme in SCHEMES:
                pairs.add((name, scheme))
    with open(os.path.join(folder, "servicePrincipal.json"), encoding="utf-8") as handle:
        principal = json.load(handle)
    if "value" in principal:
        principal = principal["value"][0]
    for role in principal.get("appRoles", []):
        pairs.add((role["value"], "Application"))
    for scope in principal.get("oauth2PermissionScopes", []):
        pairs.add((scope["value"], "DelegatedWork"))
    return pairs


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    flags = [a for a in argv if a.startswith("--")]
    if len(args) > 1 or any(f != "--list" for f in flags):
        print("usage: tier_check.py [GRAPH_DATA_FOLDER] [--list]", file=sys.stderr)
        return 64
    folder = args[0] if args else os.environ.get("GRAPHPERM_DATA") or os.path.join(REPO_ROOT, "..", "shared", "graph-data")
    folder = os.path.normpath(folder)
    with open(os.path.join(REPO_ROOT, "Data", "tiers.json"), encoding="utf-8") as handle:
        doc = json.load(handle)
    problems = validate(doc)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    try:
        pairs = sorted(load_pairs(folder), key=lambda p: (p[0], SCHEMES.index(p[1])))
    except (OSError, ValueError, KeyError, IndexError, TypeError) as error:
        print(f"tier_check.py: cannot read Microsoft's permission files in {folder}: {error!r}; "
              "pass the folder that holds permissions.json and servicePrincipal.json", file=sys.stderr)
        return 1
    rows = []
    for name, scheme in pairs:
        item, basis, source = classify(doc, name)
        tier, user = tiers_for(doc, item, scheme)
        rows.append((name, scheme, tier, user, basis, source))
    if "--list" in flags:
        for row in rows:
            print("\t".join(str(x) for x in row))
        return 0
    print(f"graph data: {folder}")
    names = sorted({r[0] for r in rows})
    print(f"permissions: {len(names)}; (permission, scheme) pairs: {len(rows)}")
    print()
    print(f"{'scheme':<36}{'tier 0':>8}{'tier 1':>8}{'tier 2':>8}{'total':>8}")
    lines = [("Application", "Application", 2), ("DelegatedWork (admin signs in)", "DelegatedWork", 2),
             ("DelegatedWork (user signs in)", "DelegatedWork", 3), ("DelegatedPersonal", "DelegatedPersonal", 2)]
    for label, scheme, column in lines:
        tiers = [r[column] for r in rows if r[1] == scheme]
        counts = [tiers.count(t) for t in TIERS]
        print(f"{label:<36}" + "".join(f"{c:>8}" for c in counts) + f"{len(tiers):>8}")
    print()
    print(f"{'basis':<36}" + "".join(f"{s:>19}" for s in SCHEMES))
    for basis in ("explicit", "rule", "default"):
        counts = [sum(1 for r in rows if r[1] == s and r[4] == basis) for s in SCHEMES]
        print(f"{basis:<36}" + "".join(f"{c:>19}" for c in counts))
    print()
    print(f"{'rule':<36}{'tier':>6}{'pairs':>8}")
    for rule in doc["rules"]:
        used = sum(1 for r in rows if r[4] == "rule" and r[5] == rule["id"])
        print(f"{rule['id']:<36}{rule['tier']:>6}{used:>8}")
    print()
    missing = [e["permission"] for e in doc["explicit"] if e["permission"] not in set(names)]
    print(f"explicit entries: {len(doc['explicit'])}; naming a permission not in the data: {len(missing)}")
    for name in missing:
        print(f"  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
