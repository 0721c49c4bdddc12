#!/usr/bin/env python3
"""Write a synthetic Microsoft Entra tenant export, in the JSON shapes Microsoft Graph v1.0 returns.

    python3 Scripts/make_tenant_export.py --apps N --seed S [--pages K] [--plant] [--owners] OUTDIR

OUTDIR receives three documents, each what one Graph call answers:

    servicePrincipals.json       GET /v1.0/servicePrincipals?$expand=appRoleAssignments
    oauth2PermissionGrants.json  GET /v1.0/oauth2PermissionGrants
    roleAssignments.json         GET /v1.0/roleManagement/directory/roleAssignments

Each is {"@odata.context": ..., "value": [...]}.  With --pages K each collection is split into (at most) K
pages, one file per HTTP response, exactly as Graph sends them: page 1 keeps the plain name
(servicePrincipals.json) and carries "@odata.nextLink"; page n (n >= 2) is servicePrincipals.<n>.json; the last
page has no "@odata.nextLink".  The $skiptoken in a nextLink is opaque (as Graph's is): a reader follows the
files by number while the page it just read has an "@odata.nextLink", and never parses the token.

--owners adds to every service principal the "owners" collection that $expand=owners returns
(GET /v1.0/servicePrincipals?$expand=appRoleAssignments,owners; per principal: GET
/v1.0/servicePrincipals/{id}/owners).  Owners are users or service principals; an owner can add credentials
to the principal it owns.  Off by default, so the documents keep exactly the fields of the calls above.

--plant guarantees a known two-step chain: service principal "Planted chain A" holds the Microsoft Graph
application permission Application.ReadWrite.All (so it can add a secret to any service principal) and
"Planted chain B" holds RoleManagement.ReadWrite.Directory (it can make itself Global Administrator); so A
can reach Tier 0 through B.  Their ids are printed in the summary (stdout, JSON).

Permission names and ids are read at run time from ../shared/graph-data/servicePrincipal.json (the Microsoft
Graph service principal's appRoles and oauth2PermissionScopes; --graph-sp to point elsewhere), directory role
template ids from Data/admin-roles.json.  Nothing here reads the clock: dates are relative to --now (default
2026-08-07T00:00:00Z), so one seed gives byte-identical output.  Python 3 standard library only.
"""

import argparse
import base64
import datetime as dt
import itertools
import json
import os
import random
import sys
import time

GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000"
# Tenants that own Microsoft's first-party applications (appOwnerOrganizationId): "Microsoft Services" and
# the Microsoft corporate tenant.
MS_SERVICES_TENANT = "f8cdef31-a31e-4b4a-93e4-5f571e91255a"
MS_CORP_TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
GRAPH_BASE = "https://graph.microsoft.com/v1.0"

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_GRAPH_SP = os.path.join(os.path.dirname(REPO), "shared", "graph-data", "servicePrincipal.json")
DEFAULT_ROLES = os.path.join(REPO, "Data", "admin-roles.json")

# Application permissions that give a path to Global Administrator (directly or through one more step).
TIER0 = [
    "RoleManagement.ReadWrite.Directory",
    "AppRoleAssignment.ReadWrite.All",
    "Application.ReadWrite.All",
    "Directory.ReadWrite.All",
    "Application.ReadWrite.OwnedBy",
    "RoleAssignmentSchedule.ReadWrite.Directory",
    "PrivilegedAccess.ReadWrite.AzureADGroup",
    "UserAuthenticationMethod.ReadWrite.All",
    "Policy.ReadWrite.ConditionalAccess",
    "Group.ReadWrite.All",
    "User.ReadWrite.All",
]
# Frequently granted permissions, in rough order of popularity (first ones drawn most).
POPULAR_APP = [
    "User.Read.All", "Directory.Read.All", "Group.Read.All", "Mail.Read", "Sites.Read.All",
    "Calendars.Read", "Files.Read.All", "GroupMember.Read.All", "Organization.Read.All", "Mail.Send",
    "Application.Read.All", "AuditLog.Read.All", "Reports.Read.All", "Sites.ReadWrite.All", "Mail.ReadWrite",
    "Files.ReadWrite.All", "Contacts.Read", "Calendars.ReadWrite", "ChannelMessage.Read.All", "Team.ReadBasic.All",
]
POPULAR_DELEGATED = [
    "User.Read", "openid", "profile", "email", "offline_access", "Mail.Read", "Calendars.Read",
    "Files.Read", "User.ReadBasic.All", "Sites.Read.All", "Mail.Send", "Files.ReadWrite.All",
    "Group.Read.All", "Directory.Read.All", "Calendars.ReadWrite", "Contacts.Read", "Tasks.ReadWrite",
    "Directory.AccessAsUser.All", "Mail.ReadWrite", "User.Read.All",
]
ROLE_NAMES = {
    "ga": "Global Administrator",
    "pra": "Privileged Role Administrator",
    "appadmin": "Application Administrator",
    "cloudappadmin": "Cloud Application Administrator",
    "readers": "Directory Readers",
    "security_reader": "Security Reader",
}

FIRST_PARTY_NAMES = [
    "Office 365 Exchange Online", "Office 365 SharePoint Online", "Microsoft Teams Services", "Microsoft Intune",
    "Azure Portal", "Microsoft Azure CLI", "Microsoft Azure PowerShell", "Power BI Service", "Microsoft Forms",
    "Microsoft Planner", "Windows Azure Service Management API", "Microsoft Defender for Cloud Apps",
    "Microsoft Stream Service", "Office 365 Management APIs", "Microsoft To-Do", "Yammer", "Skype for Business Online",
    "Microsoft Whiteboard Services", "Dynamics CRM Online", "Microsoft Office 365 Portal",
]
VENDORS = ["Contoso", "Fabrikam", "Northwind", "Tailspin", "Adatum", "Litware", "Proseware", "Woodgrove",
           "Wingtip", "Fourth Coffee", "Lamna", "Relecloud", "Alpine Ski", "Coho", "Trey Research"]
PRODUCTS = ["Sync", "Backup", "CRM Connector", "Mail Archiver", "HR Portal", "Reporting", "Sign", "Scheduler",
            "Survey", "Analytics", "Directory Sync", "Helpdesk", "Expense", "Teams Bot", "Provisioning",
            "Monitoring", "Compliance Scanner", "Wiki", "Calendar Bridge", "File Share Gateway"]
ENVS = ["", " (dev)", " (test)", " (prod)", " - EU", " - US", " v2", " Legacy"]


class Gen:
    def __init__(self, seed, now):
        self.rng = random.Random(seed)
        self.now = now

    def uuid(self):
        n = self.rng.getrandbits(128)
        n = (n & ~(0xF000 << 64)) | (0x4000 << 64)              # version 4
        n = (n & ~(0xC000 << 48)) | (0x8000 << 48)              # RFC 4122 variant
        h = "%032x" % n
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    def token(self, nbytes=16):
        return bytes(self.rng.getrandbits(8) for _ in range(nbytes))

    def when(self, days_ago_max, days_ago_min=0):
        seconds = self.rng.randint(days_ago_min * 86400, days_ago_max * 86400)
        return self.now - dt.timedelta(seconds=seconds)


def guid_bytes_le(g):
    h = g.replace("-", "")
    b = bytes.fromhex(h)
    return b[3::-1] + b[5:3:-1] + b[7:5:-1] + b[8:]


def b64url(raw):
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def load_graph_sp(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    if "value" in doc and isinstance(doc["value"], list):   # a $filter answer wraps the object
        doc = doc["value"][0]
    roles = [r for r in doc.get("appRoles", []) if r.get("isEnabled", True)]
    scopes = [s for s in doc.get("oauth2PermissionScopes", []) if s.get("isEnabled", True)]
    if not roles or not scopes:
        sys.exit("make_tenant_export: %s has no appRoles or oauth2PermissionScopes" % path)
    return doc, roles, scopes


def load_roles(path):
    ids = {}
    with open(path, encoding="utf-8") as f:
        for row in json.load(f)["roles"]:
            ids[row["role"]] = row["roleTemplateId"]
    out = {}
    for key, name in ROLE_NAMES.items():
        if name not in ids:
            sys.exit("make_tenant_export: %s has no role %r" % (path, name))
        out[key] = ids[name]
    return out


def is_low(value):
    v = value.lower()
    return ".read" in v and "write" not in v and not v.startswith(("directory.", "rolemanagement."))


def credentials(g, kind):
    """passwordCredentials or keyCredentials with a spread of lifetimes; some expired, some 2+ years."""
    out = []
    count = g.rng.choices([1, 2, 3], weights=[70, 22, 8])[0]
    for i in range(count):
        lifetime_days = g.rng.choices([90, 180, 365, 730, 1095, 3650, 36500],
                                      weights=[8, 14, 34, 20, 10, 9, 5])[0]
        start = g.when(int(min(lifetime_days, 5 * 365) * 1.35))   # about a quarter end up expired
        end = start + dt.timedelta(days=lifetime_days)
        if kind == "password":
            out.append({
                "customKeyIdentifier": None,
                "displayName": g.rng.choice(["CWAP_AuthSecret", "client secret", "prod", "rotation-%d" % (i + 1),
                                             "terraform", "pipeline", None]),
                "endDateTime": iso(end),
                "hint": "".join(g.rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789~.")
                                for _ in range(3)),
                "keyId": g.uuid(),
                "secretText": None,
                "startDateTime": iso(start),
            })
        else:
            usage = g.rng.choices(["Verify", "Sign"], weights=[85, 15])[0]
            out.append({
                "customKeyIdentifier": b64url(g.token(20)).upper()[:27],
                "displayName": "CN=" + g.rng.choice(["app", "svc", "automation", "saml-signing", "Microsoft Azure Federated SSO Certificate"]),
                "endDateTime": iso(end),
                "key": None,
                "keyId": g.uuid(),
                "startDateTime": iso(start),
                "type": "AsymmetricX509Cert",
                "usage": usage,
            })
    return out


_CUM = {}


def zipf_pick(g, pool, k, s=1.1):
    """k distinct items from pool, earlier items far likelier."""
    k = min(k, len(pool))
    key = (id(pool), len(pool), s)
    cum = _CUM.get(key)
    if cum is None:
        cum = list(itertools.accumulate(1.0 / (i + 1) ** s for i in range(len(pool))))
        _CUM[key] = cum
    picked, seen = [], set()
    while len(picked) < k:
        x = g.rng.choices(pool, cum_weights=cum)[0]
        if id(x) not in seen:
            seen.add(id(x))
            picked.append(x)
    return picked


def sp_object(sp_id, app_id, name, owner_org, sp_type, audience, pwd, keys, app_roles=None, scopes=None):
    return {
        "id": sp_id,
        "deletedDateTime": None,
        "accountEnabled": True,
        "appDisplayName": name,
        "appId": app_id,
        "appOwnerOrganizationId": owner_org,
        "displayName": name,
        "servicePrincipalType": sp_type,
        "signInAudience": audience,
        "tags": [] if sp_type != "Application" else ["WindowsAzureActiveDirectoryIntegratedApp"],
        "passwordCredentials": pwd,
        "keyCredentials": keys,
        "appRoles": app_roles or [],
        "oauth2PermissionScopes": scopes or [],
        "appRoleAssignments": [],
    }


def build(args):
    g = Gen(args.seed, args.now)
    graph_doc, graph_roles, graph_scopes = load_graph_sp(args.graph_sp)
    role_ids = load_roles(args.roles)
    role_by_value = {r["value"]: r for r in graph_roles}
    scope_values = [s["value"] for s in graph_scopes]

    tier0 = [role_by_value[v] for v in TIER0 if v in role_by_value]
    low_pool = [role_by_value[v] for v in POPULAR_APP if v in role_by_value and is_low(v)]
    rest_low = sorted((r for r in graph_roles if is_low(r["value"]) and r not in low_pool), key=lambda r: r["value"])
    g.rng.shuffle(rest_low)
    low_pool += rest_low
    mid_pool = [role_by_value[v] for v in POPULAR_APP if v in role_by_value and not is_low(v) and v not in TIER0]
    mid_rest = sorted((r for r in graph_roles if not is_low(r["value"]) and r["value"] not in TIER0
                       and r not in mid_pool), key=lambda r: r["value"])
    g.rng.shuffle(mid_rest)
    mid_pool += mid_rest
    deleg_pool = [v for v in POPULAR_DELEGATED if v in scope_values]
    rest_scopes = sorted(v for v in scope_values if v not in deleg_pool)
    g.rng.shuffle(rest_scopes)
    deleg_pool += rest_scopes

    tenant_id = g.uuid()
    other_tenants = [g.uuid() for _ in range(max(5, args.apps // 200))]
    users = [g.uuid() for _ in range(max(20, args.apps // 5))]

    sps = []
    graph_sp = sp_object(g.uuid(), GRAPH_APP_ID, graph_doc.get("displayName", "Microsoft Graph"), MS_SERVICES_TENANT,
                         "Application", "AzureADMultipleOrgs", [], [],
                         app_roles=graph_doc.get("appRoles", []), scopes=graph_doc.get("oauth2PermissionScopes", []))
    sps.append(graph_sp)

    # A home-tenant API exposing its own app roles, so exports also hold grants to a resource other than Graph.
    api_roles = []
    for value in ["Employees.Read.All", "Employees.ReadWrite.All", "Payroll.Export"]:
        api_roles.append({"allowedMemberTypes": ["Application"], "description": "Synthetic API role " + value,
                          "displayName": value, "id": g.uuid(), "isEnabled": True, "origin": "Application",
                          "value": value})
    api_sp = sp_object(g.uuid(), g.uuid(), "Contoso HR API", tenant_id, "Application", "AzureADMyOrg",
                       [], credentials(g, "key"), app_roles=api_roles)
    sps.append(api_sp)

    grants, role_assignments = [], []
    clients = []
    planted = {}

    def assign(client, resource, role, created):
        client["appRoleAssignments"].append({
            "id": b64url(guid_bytes_le(client["id"]) + g.token(16)),
            "deletedDateTime": None,
            "appRoleId": role["id"],
            "createdDateTime": iso(created),
            "principalDisplayName": client["displayName"],
            "principalId": client["id"],
            "principalType": "ServicePrincipal",
            "resourceDisplayName": resource["displayName"],
            "resourceId": resource["id"],
        })

    def role_assign(principal_id, role_key):
        rid = role_ids[role_key]
        role_assignments.append({
            "id": b64url(guid_bytes_le(rid) + guid_bytes_le(principal_id)) + "-1",
            "directoryScopeId": "/",
            "principalId": principal_id,
            "roleDefinitionId": rid,
        })

    n_first = args.apps * 12 // 100
    n_third = args.apps * 22 // 100
    n_mi = args.apps * 6 // 100
    kinds = (["first"] * n_first + ["third"] * n_third + ["mi"] * n_mi)
    kinds += ["home"] * (args.apps - len(kinds))
    g.rng.shuffle(kinds)

    for i, kind in enumerate(kinds):
        sp_id, app_id = g.uuid(), g.uuid()
        if kind == "first":
            name = g.rng.choice(FIRST_PARTY_NAMES)
            owner = g.rng.choices([MS_SERVICES_TENANT, MS_CORP_TENANT], weights=[85, 15])[0]
            audience = "AzureADMultipleOrgs"
            # Microsoft never needs a customer-added credential on its own apps: rare, and a finding when present.
            pwd = credentials(g, "password") if g.rng.random() < 0.01 else []
            keys = []
            sp_type = "Application"
        elif kind == "third":
            name = "%s %s%s" % (g.rng.choice(VENDORS), g.rng.choice(PRODUCTS), g.rng.choice(ENVS))
            owner = g.rng.choice(other_tenants)
            audience = g.rng.choices(["AzureADMultipleOrgs", "AzureADandPersonalMicrosoftAccount"], weights=[90, 10])[0]
            pwd = credentials(g, "password") if g.rng.random() < 0.03 else []
            keys = credentials(g, "key") if g.rng.random() < 0.05 else []
            sp_type = "Application"
        elif kind == "mi":
            name = "mi-%s-%04d" % (g.rng.choice(["func", "vm", "logicapp", "aks", "automation"]), i)
            owner = None
            audience = "AzureADMyOrg"
            pwd = []
            keys = []
            sp_type = "ManagedIdentity"
        else:
            name = "%s %s%s" % (g.rng.choice(["Contoso", "Contoso IT", "Finance", "HR", "Ops"]),
                                g.rng.choice(PRODUCTS), g.rng.choice(ENVS))
            owner = tenant_id
            audience = g.rng.choices(["AzureADMyOrg", "AzureADMultipleOrgs"], weights=[85, 15])[0]
            pwd = credentials(g, "password") if g.rng.random() < 0.45 else []
            keys = credentials(g, "key") if g.rng.random() < 0.25 else []
            sp_type = "Application"
        sp = sp_object(sp_id, app_id, name, owner, sp_type, audience, pwd, keys)
        sps.append(sp)
        clients.append((sp, kind))

        # Application permissions on Microsoft Graph, with a skew: most hold none or a few low ones.
        bucket = g.rng.choices(["none", "low", "mixed", "tier0"], weights=[42, 48, 8, 2])[0]
        if kind == "first":
            bucket = g.rng.choices(["none", "low", "mixed"], weights=[70, 25, 5])[0]
        chosen = []
        if bucket == "low":
            chosen = zipf_pick(g, low_pool, g.rng.choices([1, 2, 3, 4, 5], weights=[35, 27, 18, 12, 8])[0])
        elif bucket == "mixed":
            chosen = zipf_pick(g, low_pool, g.rng.randint(2, 8)) + zipf_pick(g, mid_pool, g.rng.randint(1, 5))
        elif bucket == "tier0":
            chosen = zipf_pick(g, low_pool, g.rng.randint(0, 4)) + [g.rng.choice(tier0)]
        created = g.when(6 * 365)
        for role in chosen:
            assign(sp, graph_sp, role, created)
        if kind == "home" and g.rng.random() < 0.02:
            assign(sp, api_sp, g.rng.choice(api_roles), g.when(3 * 365))

        # Delegated grants: admin consent for all users, or consent by single users.
        if kind != "mi" and g.rng.random() < 0.35:
            if g.rng.random() < 0.6:
                scopes = zipf_pick(g, deleg_pool[:80], g.rng.choices([1, 2, 3, 5, 8, 12], weights=[25, 25, 20, 15, 10, 5])[0])
                grants.append((sp["id"], "AllPrincipals", None, scopes))
            for _ in range(g.rng.choices([0, 1, 2, 5], weights=[50, 30, 15, 5])[0]):
                scopes = zipf_pick(g, deleg_pool[:30], g.rng.randint(1, 5))
                grants.append((sp["id"], "Principal", g.rng.choice(users), scopes))

    # Directory roles: most holders are users; a few service principals hold privileged roles.
    for key, count in [("ga", 4), ("pra", 2), ("appadmin", 3), ("cloudappadmin", 3), ("readers", 5), ("security_reader", 3)]:
        for u in g.rng.sample(users, min(count, len(users))):
            role_assign(u, key)
    home = [sp for sp, kind in clients if kind == "home"]
    if home:
        for key, count in [("readers", max(1, args.apps // 500)), ("appadmin", max(1, args.apps // 5000)),
                           ("cloudappadmin", max(1, args.apps // 5000)), ("pra", 1), ("ga", 1)]:
            for sp in g.rng.sample(home, min(count, len(home))):
                role_assign(sp["id"], key)

    if args.plant:
        a = sp_object(g.uuid(), g.uuid(), "Planted chain A (Application.ReadWrite.All)", tenant_id, "Application",
                      "AzureADMyOrg", credentials(g, "password"), [])
        b = sp_object(g.uuid(), g.uuid(), "Planted chain B (RoleManagement.ReadWrite.Directory)", tenant_id,
                      "Application", "AzureADMyOrg", [], credentials(g, "key"))
        assign(a, graph_sp, role_by_value["Application.ReadWrite.All"], g.when(400))
        assign(b, graph_sp, role_by_value["RoleManagement.ReadWrite.Directory"], g.when(400))
        # Insert them at seed-determined places, so they are not always first or last.
        for sp in (a, b):
            sps.insert(g.rng.randint(2, len(sps)), sp)
        planted = {
            "A": {"id": a["id"], "appId": a["appId"], "displayName": a["displayName"],
                  "holds": "Application.ReadWrite.All", "appRoleId": role_by_value["Application.ReadWrite.All"]["id"]},
            "B": {"id": b["id"], "appId": b["appId"], "displayName": b["displayName"],
                  "holds": "RoleManagement.ReadWrite.Directory",
                  "appRoleId": role_by_value["RoleManagement.ReadWrite.Directory"]["id"]},
        }

    if args.owners:
        for sp in sps:
            owners = []
            if sp["appOwnerOrganizationId"] == tenant_id:
                for _ in range(g.rng.choices([0, 1, 2, 3], weights=[30, 45, 20, 5])[0]):
                    owners.append({"@odata.type": "#microsoft.graph.user", "id": g.rng.choice(users)})
                if home and g.rng.random() < 0.03:
                    other = g.rng.choice(home)
                    if other is not sp:
                        owners.append({"@odata.type": "#microsoft.graph.servicePrincipal", "id": other["id"],
                                       "appId": other["appId"], "displayName": other["displayName"]})
            sp["owners"] = owners

    grant_objs = []
    for client_id, consent, principal, scopes in grants:
        raw = guid_bytes_le(client_id) + guid_bytes_le(graph_sp["id"])
        if principal:
            raw += guid_bytes_le(principal)
        scope = " ".join(scopes)
        if g.rng.random() < 0.02:
            scope = " " + scope          # Graph does return scope strings with a leading space
        grant_objs.append({"clientId": client_id, "consentType": consent, "id": b64url(raw),
                           "principalId": principal, "resourceId": graph_sp["id"], "scope": scope})
    # Identical (client, principal) pairs collapse into one grant, as Graph keeps one grant per pair and resource.
    seen, unique = set(), []
    for gr in grant_objs:
        if gr["id"] not in seen:
            seen.add(gr["id"])
            unique.append(gr)

    ra_seen, ra_unique = set(), []
    for ra in role_assignments:
        if ra["id"] not in ra_seen:
            ra_seen.add(ra["id"])
            ra_unique.append(ra)

    summary = {
        "tenantId": tenant_id, "seed": args.seed, "now": iso(args.now), "apps": args.apps,
        "servicePrincipals": len(sps), "graphServicePrincipalId": graph_sp["id"],
        "appRoleAssignments": sum(len(sp["appRoleAssignments"]) for sp in sps),
        "oauth2PermissionGrants": len(unique), "roleAssignments": len(ra_unique),
        "planted": planted or None,
    }
    return sps, unique, ra_unique, summary


def write_collection(outdir, stem, path_and_query, context, items, pages, g):
    n = max(1, min(pages, len(items))) if items else 1
    size = -(-len(items) // n) if items else 0
    files = []
    for p in range(n):
        chunk = items[p * size:(p + 1) * size] if items else []
        name = "%s.json" % stem if p == 0 else "%s.%d.json" % (stem, p + 1)
        with open(os.path.join(outdir, name), "w", encoding="utf-8") as f:
            f.write('{"@odata.context":%s,' % json.dumps(context))
            if p + 1 < n:
                sep = "&" if "?" in path_and_query else "?"
                link = "%s/%s%s$skiptoken=%s" % (GRAPH_BASE, path_and_query, sep, b64url(g.token(48)))
                f.write('"@odata.nextLink":%s,' % json.dumps(link))
            f.write('"value":[')
            for i, item in enumerate(chunk):
                if i:
                    f.write(",")
                f.write(json.dumps(item, separators=(",", ":"), ensure_ascii=False))
            f.write("]}\n")
        files.append(name)
    return files


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("outdir")
    ap.add_argument("--apps", type=int, required=True, help="client service principals to create (besides Microsoft Graph)")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--pages", type=int, default=1, help="split each collection into at most K pages (default 1)")
    ap.add_argument("--plant", action="store_true", help="add the known chain A (Application.ReadWrite.All) -> B (RoleManagement.ReadWrite.Directory)")
    ap.add_argument("--owners", action="store_true", help="add owners to each service principal, as $expand=owners returns them")
    ap.add_argument("--now", default="2026-08-07T00:00:00Z", help="reference time for credential dates (ISO 8601, UTC)")
    ap.add_argument("--graph-sp", default=DEFAULT_GRAPH_SP, help="the Microsoft Graph service principal JSON")
    ap.add_argument("--roles", default=DEFAULT_ROLES, help="directory role names and template ids")
    args = ap.parse_args(argv)
    if args.apps < 0 or args.pages < 1:
        ap.error("--apps must be >= 0 and --pages >= 1")
    args.now = dt.datetime.strptime(args.now, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)

    started = time.monotonic()
    os.makedirs(args.outdir, exist_ok=True)
    for name in os.listdir(args.outdir):      # stale pages of an earlier run would be read as ours
        stem = name.split(".", 1)[0]
        if stem in ("servicePrincipals", "oauth2PermissionGrants", "roleAssignments") and name.endswith(".json"):
            os.remove(os.path.join(args.outdir, name))
    sps, grants, ras, summary = build(args)
    g = Gen(args.seed + 1, args.now)          # tokens of nextLinks: separate stream, so --pages changes nothing else
    files = []
    files += write_collection(args.outdir, "servicePrincipals", "servicePrincipals?$expand=appRoleAssignments" + (",owners" if args.owners else ""),
                              GRAPH_BASE + "/$metadata#servicePrincipals(appRoleAssignments()" + (",owners()" if args.owners else "") + ")",
                              sps, args.pages, g)
    files += write_collection(args.outdir, "oauth2PermissionGrants", "oauth2PermissionGrants",
                              GRAPH_BASE + "/$metadata#oauth2PermissionGrants", grants, args.pages, g)
    files += write_collection(args.outdir, "roleAssignments", "roleManagement/directory/roleAssignments",
                              GRAPH_BASE + "/$metadata#roleManagement/directory/roleAssignments", ras, args.pages, g)
    summary["files"] = files
    summary["seconds"] = round(time.monotonic() - started, 2)
    json.dump(summary, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
