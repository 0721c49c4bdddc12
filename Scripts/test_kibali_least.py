#!/usr/bin/env python3
"""Unit tests for kibali_least.py: tiny hand-made permission documents, one per Kibali rule, plus smoke runs on
Microsoft's own Kibali fixture and on the real snapshot (each skipped when the file is absent).

Run: python3 Scripts/test_kibali_least.py
"""
import io
import json
import os
import subprocess
import sys
import unittest
from contextlib import redirect_stdout

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kibali_least as kl  # noqa: E402
import kibali_tables as kt  # noqa: E402

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kibali_least.py")
FIXTURE = "/work/shared/reference/kibali-fixtures/GraphPermissions.json"
SNAPSHOT = "/work/shared/graph-data/permissions.json"


def doc(**permissions):
    """doc(Name=[(methods, schemes, {path: value}), ...]) -> a permissions document."""
    return {"permissions": {name.replace("_", "."): {"pathSets": [
        {"methods": m, "schemeKeys": s, "paths": p} for m, s, p in sets]} for name, sets in permissions.items()}}


def table(document, strict=False):
    """{(resource_key, method, scheme): (templates, least labels, grants)}"""
    return {(r[0], r[2], r[3]): (r[1], r[4], r[5]) for r in kl.rows(document, strict)[1]}


DW, APP = "DelegatedWork", "Application"


class Lenient(unittest.TestCase):
    def test_clean_up(self):
        self.assertEqual(kl.lenient("/Users/{user-id}/Messages/{message-id}"), "/users/{id}/messages/{id}")
        self.assertEqual(kl.lenient("/x/filterByCurrentUser(on='{value}')"), "/x/filterbycurrentuser(on={id})")
        self.assertEqual(kl.lenient("/bar/(value)/x"), "/bar/x")
        self.assertEqual(kl.lenient("/a//b"), "/a/b")

    def test_case_and_parameter_variants_are_united(self):
        d = doc(B_Read=[(["GET"], [DW], {"/Users/{userId}/Messages": "least=DelegatedWork"})],
                A_ReadWrite=[(["GET"], [DW], {"/users/{id}/messages": ""})])
        lenient = table(d)
        self.assertEqual(list(lenient), [("/users/{id}/messages", "GET", DW)])
        templates, least, grants = lenient[("/users/{id}/messages", "GET", DW)]
        self.assertEqual(templates, "/Users/{userId}/Messages ; /users/{id}/messages")
        self.assertEqual(least, ["B.Read"])
        self.assertEqual(grants, ["A.ReadWrite", "B.Read"])  # claims enter in permission-name order
        strict = table(d, strict=True)
        self.assertEqual(len(strict), 2)
        self.assertEqual(strict[("/users/{id}/messages", "GET", DW)][1], [])  # no least without the merge

    def test_first_identical_claim_wins_across_spellings(self):
        # The same permission on two spellings: ICU order puts "/a" before "/A" (lower case first), so the
        # unflagged claim enters first and the later least flag is dropped with the duplicate (§2 step 4).
        d = doc(P=[(["GET"], [DW], {"/A": "least=DelegatedWork", "/a": ""})])
        self.assertEqual(table(d)[("/a", "GET", DW)][1:], ([], ["P"]))
        d = doc(P=[(["GET"], [DW], {"/A": "", "/a": "least=DelegatedWork"})])
        self.assertEqual(table(d)[("/a", "GET", DW)][1:], (["P"], ["P"]))
        d = doc(P=[(["GET"], [DW], {"/a": ""})], Q=[(["GET"], [DW], {"/A": "least=DelegatedWork"})])
        self.assertEqual(table(d)[("/a", "GET", DW)][1:], (["Q"], ["P", "Q"]))


class LeastPrivilege(unittest.TestCase):
    def test_single_marker(self):
        d = doc(Mail_Read=[(["GET"], [DW, APP], {"/me/messages": "least=DelegatedWork"})])
        t = table(d)
        self.assertEqual(t[("/me/messages", "GET", DW)][1], ["Mail.Read"])
        self.assertEqual(t[("/me/messages", "GET", APP)][1], [])  # flagged for DelegatedWork only

    def test_name_order_tie_break_uses_icu_order(self):
        # Both least, both grant GET and POST: rule 4 ties go to the first in ICU name order, where '-' and
        # '.' sort before letters, so UserAuthenticationMethod... precedes UserAuthMethod-Email... (ordinal
        # order would pick the other). The document lists them in the opposite order on purpose.
        path = {"/me/authentication/emailmethods": "least=DelegatedWork"}
        d = {"permissions": {"UserAuthMethod-Email.ReadWrite": {"pathSets": [
                {"methods": ["GET", "POST"], "schemeKeys": [DW], "paths": path}]},
             "UserAuthenticationMethod.ReadWrite": {"pathSets": [
                 {"methods": ["POST", "GET"], "schemeKeys": [DW], "paths": path}]}}}
        t = table(d)
        self.assertEqual(t[("/me/authentication/emailmethods", "POST", DW)][1], ["UserAuthenticationMethod.ReadWrite"])
        self.assertEqual(t[("/me/authentication/emailmethods", "GET", DW)][2],
                         ["UserAuthenticationMethod.ReadWrite", "UserAuthMethod-Email.ReadWrite"])

    def test_rule2_several_single_method_candidates_return_all(self):
        d = doc(Sync_ReadWrite=[(["GET"], [DW], {"/t": "least=DelegatedWork"})],
                Sync_Read=[(["GET"], [DW], {"/t": "least=DelegatedWork"})],
                Sync_Write=[(["GET", "PATCH"], [DW], {"/t": "least=DelegatedWork"})])
        self.assertEqual(table(d)[("/t", "GET", DW)][1], ["Sync.Read", "Sync.ReadWrite", "Sync.Write"])

    def test_rule2_mutual_partners_collapse(self):
        d = doc(A=[(["GET"], [DW], {"/t": "least=DelegatedWork;AlsoRequires=B"})],
                B=[(["GET"], [DW], {"/t": "least=DelegatedWork;AlsoRequires=A"})])
        self.assertEqual(table(d)[("/t", "GET", DW)][1], ["A and B"])

    def test_rule3_exact_method_beats_name_order(self):
        d = doc(A_ReadWrite=[(["GET", "POST"], [DW], {"/t": "least=DelegatedWork"})],
                B_Read=[(["GET"], [DW], {"/t": "least=DelegatedWork"})])
        t = table(d)
        self.assertEqual(t[("/t", "GET", DW)][1], ["B.Read"])
        self.assertEqual(t[("/t", "POST", DW)][1], ["A.ReadWrite"])

    def test_rule4_fewest_methods(self):
        d = doc(A_All=[(["GET", "PATCH", "POST"], [DW], {"/t": "least=DelegatedWork"})],
                B_Some=[(["GET", "POST"], [DW], {"/t": "least=DelegatedWork"})])
        self.assertEqual(table(d)[("/t", "GET", DW)][1], ["B.Some"])
        self.assertEqual(table(d)[("/t", "PATCH", DW)][1], ["A.All"])  # only candidate granting PATCH

    def test_methods_counted_over_all_path_sets_of_the_resource(self):
        # B.Read grants GET in one pathSet and POST in another, so rule 3 does not apply and rule 4 ties.
        d = doc(A_Write=[(["GET", "POST"], [DW], {"/t": "least=DelegatedWork"})],
                B_Read=[(["GET"], [DW], {"/t": "least=DelegatedWork"}), (["POST"], [DW], {"/t": ""})])
        self.assertEqual(table(d)[("/t", "GET", DW)][1], ["A.Write"])

    def test_also_requires_label_uses_first_partner(self):
        d = doc(A=[(["POST"], [DW], {"/t": "least=DelegatedWork;AlsoRequires=B,C"})], B=[], C=[])
        self.assertEqual(table(d)[("/t", "POST", DW)][1:], (["A and B"], ["A"]))

    def test_same_permission_with_other_partners_is_another_claim_but_one_grant(self):
        d = doc(A=[(["GET"], [DW], {"/t": "AlsoRequires=B"}), (["GET"], [DW], {"/t": "least=DelegatedWork"})])
        self.assertEqual(table(d)[("/t", "GET", DW)][1:], (["A"], ["A"]))

    def test_no_least_triple(self):
        d = doc(Z=[(["GET"], [DW], {"/t": ""})], A=[(["GET"], [DW], {"/t": "least=Application"})])
        self.assertEqual(table(d)[("/t", "GET", DW)][1:], ([], ["A", "Z"]))

    def test_markers_are_exact(self):
        self.assertEqual(kl.markers("least=DelegatedWork, Application"), (["DelegatedWork", " Application"], ()))
        self.assertEqual(kl.markers("Least=Application;alsoRequires=X"), ([], ()))  # keys are case-sensitive
        with self.assertRaises(ValueError):
            kl.markers("least")


class Cli(unittest.TestCase):
    def run_cli(self, path, *flags):
        return subprocess.run([sys.executable, SCRIPT, path, *flags], capture_output=True, text=True, check=True)

    def check_output(self, result):
        lines = result.stdout.splitlines()
        self.assertTrue(lines)
        self.assertTrue(all(len(line.split("\t")) == 6 for line in lines))
        self.assertIn("triples", result.stderr)

    def test_kibali_fixture(self):
        if not os.path.exists(FIXTURE):
            self.skipTest(f"{FIXTURE} is absent")
        for flags in ((), ("--strict",)):
            self.check_output(self.run_cli(FIXTURE, *flags))

    def test_real_snapshot_first_label_matches_kibali_tables(self):
        if not os.path.exists(SNAPSHOT):
            self.skipTest(f"{SNAPSHOT} is absent")
        with open(SNAPSHOT, encoding="utf-8") as handle:
            document = json.load(handle)
        index, methods_of = kt.invert(document)
        for key, _, method, scheme, least, _ in kl.rows(document, strict=True)[1]:
            expected = kt.least_label(key, method, scheme, index[key][method][scheme], methods_of)
            self.assertEqual(least[0] if least else None, expected, (key, method, scheme))

    def test_main_writes_tsv(self):
        if not os.path.exists(FIXTURE):
            self.skipTest(f"{FIXTURE} is absent")
        buffer = io.StringIO()
        with redirect_stdout(buffer), open(os.devnull, "w") as null:
            stderr, sys.stderr = sys.stderr, null
            try:
                kl.main([FIXTURE])
            finally:
                sys.stderr = stderr
        rows = [line.split("\t") for line in buffer.getvalue().splitlines()]
        self.assertEqual(rows, sorted(rows, key=lambda r: (r[0], r[2], r[3])))


if __name__ == "__main__":
    unittest.main(verbosity=2)
