#!/usr/bin/env python3
"""Tests for snapshot_diff.py on tiny inline documents. Run: python3 Scripts/test_snapshot_diff.py"""
import io
import json
import os
import sys
import tempfile
import unittest
from contextlib import redirect_stderr, redirect_stdout

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import snapshot_diff  # noqa: E402


def perm(schemes, path_sets):
    return {"schemes": schemes, "pathSets": path_sets}


def path_set(schemes, methods, paths):
    return {"schemeKeys": schemes, "methods": methods, "paths": paths}


OLD = {"permissions": {
    "User.Read": perm(
        {"DelegatedWork": {"privilegeLevel": 1}, "Application": {}},
        [path_set(["DelegatedWork", "Application"], ["GET"],
                  {"/users/{id}": "least=DelegatedWork", "/me": "least=DelegatedWork,Application",
                   "/apps/{id}}/repair": "least=DelegatedWork"})]),
    "User.ReadWrite": perm(
        {"DelegatedWork": {"privilegeLevel": 2, "id": "guid-1"}},
        [path_set(["DelegatedWork"], ["GET", "PATCH"],
                  {"/users/{id}": "least=DelegatedWork;AlsoRequires=User.Read"})]),
    "Old.Perm": perm({"Application": {"privilegeLevel": 3}},
                     [path_set(["Application"], ["DELETE"], {"/things/{id}": ""})]),
}}

NEW = {"permissions": {
    # same operation spelt differently; least now also for Application; privilegeLevel null -> 2
    "User.Read": perm(
        {"DelegatedWork": {"privilegeLevel": 1}, "Application": {"privilegeLevel": 2}},
        [path_set(["DelegatedWork", "Application"], ["GET"],
                  {"/Users/{user-id}": "least=DelegatedWork,Application",
                   "/me": "least=DelegatedWork,Application,DelegatedPersonal"})]),
    # loses its least marker on /users/{id}; gains POST /users; id changes
    "User.ReadWrite": perm(
        {"DelegatedWork": {"privilegeLevel": 4, "id": "guid-2"}},
        [path_set(["DelegatedWork"], ["GET", "PATCH"], {"/users/{id}": ""}),
         path_set(["DelegatedWork"], ["POST"], {"/users": "least=DelegatedWork"})]),
    "New.Perm": perm({"Application": {"privilegeLevel": 3}}, []),
}}


def run_cli(*args):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = snapshot_diff.main(list(args))
    return code, out.getvalue(), err.getvalue()


class SnapshotDiffTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.old = os.path.join(cls.tmp.name, "old.json")
        cls.new = os.path.join(cls.tmp.name, "new.json")
        for path, doc in ((cls.old, OLD), (cls.new, NEW)):
            with open(path, "w", encoding="utf-8") as fh:
                json.dump(doc, fh)
        code, out, cls.err = run_cli(cls.old, cls.new, "--detail")
        assert code == 0
        cls.detail = json.loads(out)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_normalise(self):
        self.assertEqual(snapshot_diff.normalise("/Users/{user-id}/x(on={value})"), "/users/{}/x(on={})")
        self.assertFalse(snapshot_diff.well_formed("/apps/{id}}/repair"))
        self.assertFalse(snapshot_diff.well_formed("/a/{{id}"))
        self.assertTrue(snapshot_diff.well_formed("/a?$filter=x eq '{id}'"))

    def test_least_marker_parsing(self):
        self.assertEqual(snapshot_diff.least_schemes("least=A,B;AlsoRequires=X"), ["A", "B"])
        self.assertEqual(snapshot_diff.least_schemes("AlsoRequires=X;least=A"), ["A"])
        self.assertEqual(snapshot_diff.least_schemes("Least=A"), [])
        self.assertEqual(snapshot_diff.least_schemes(""), [])
        self.assertEqual(snapshot_diff.least_schemes(None), [])

    def test_permissions(self):
        self.assertEqual(self.detail["permissions"], {"added": ["New.Perm"], "removed": ["Old.Perm"]})

    def test_operations(self):
        # /users/{id} vs /Users/{user-id} is one operation; the malformed path never counts
        self.assertEqual(self.detail["operations"], {
            "added": [{"method": "POST", "template": "/users"}],
            "removed": [{"method": "DELETE", "template": "/things/{}"}]})

    def test_grants(self):
        self.assertEqual(self.detail["grants"], {
            "added": [{"permission": "User.ReadWrite", "method": "POST", "template": "/users",
                       "scheme": "DelegatedWork"}],
            "removed": [{"permission": "Old.Perm", "method": "DELETE", "template": "/things/{}",
                         "scheme": "Application"}]})

    def test_least(self):
        self.assertEqual(self.detail["least"]["changed"], [
            {"method": "GET", "template": "/users/{}", "scheme": "Application",
             "before": [], "after": ["User.Read"]},
            {"method": "GET", "template": "/users/{}", "scheme": "DelegatedWork",
             "before": ["User.Read", "User.ReadWrite"], "after": ["User.Read"]},
            {"method": "PATCH", "template": "/users/{}", "scheme": "DelegatedWork",
             "before": ["User.ReadWrite"], "after": []},
        ])  # /me: the extra DelegatedPersonal is not a schemeKey, so nothing changes there

    def test_privilege_level_and_ids(self):
        self.assertEqual(self.detail["privilegeLevel"]["changed"], [
            {"permission": "User.Read", "scheme": "Application", "before": None, "after": 2},
            {"permission": "User.ReadWrite", "scheme": "DelegatedWork", "before": 2, "after": 4}])
        self.assertEqual(self.detail["ids"]["changed"], [
            {"permission": "User.ReadWrite", "scheme": "DelegatedWork", "before": "guid-1",
             "after": "guid-2"}])

    def test_skip_note(self):
        self.assertIn("skipped malformed path '/apps/{id}}/repair'", self.err)

    def test_counts_and_determinism(self):
        code, out1, _ = run_cli(self.old, self.new)
        _, out2, _ = run_cli(self.old, self.new)
        self.assertEqual(code, 0)
        self.assertEqual(out1, out2)
        self.assertEqual(json.loads(out1), {
            "permissions": {"added": 1, "removed": 1}, "ids": {"changed": 1},
            "operations": {"added": 1, "removed": 1}, "grants": {"added": 1, "removed": 1},
            "least": {"changed": 3}, "privilegeLevel": {"changed": 2}})

    def test_identity_is_empty(self):
        code, out, _ = run_cli(self.new, self.new)
        self.assertEqual(code, 0)
        self.assertTrue(all(n == 0 for kind in json.loads(out).values() for n in kind.values()))

    def test_usage(self):
        self.assertEqual(run_cli(self.old)[0], 2)


if __name__ == "__main__":
    unittest.main()
