import Foundation
import Testing

@testable import GraphPermCore
@testable import GraphPermJSON
@testable import GraphPermKit
@testable import GraphPermStore

/// The risk-tier rules: strict reading of `Data/tiers.json` with located errors, the rules applied by hand-picked
/// names, and agreement with an independent application of the same rules (`Scripts/tier_check.py`) on every
/// (permission, scheme) of Microsoft's files.
struct TierRulesTests {
    static let rules = try! ShippedTiers.rules()

    @Test(arguments: [
        ("RoleManagement.ReadWrite.Directory", Scheme.application, 0, 0, "explicit"),
        ("RoleAssignmentSchedule.ReadWrite.Directory", .application, 0, 0, "explicit"),
        ("Mail.Read", .application, 1, 1, "rule"),
        ("User.Read", .delegatedWork, 2, 2, "rule"),
        ("Directory.AccessAsUser.All", .delegatedWork, 0, 1, "explicit"),
        ("Application.ReadWrite.All", .delegatedWork, 0, 1, "explicit"),
        ("Application.ReadWrite.All", .delegatedPersonal, 1, 1, "explicit"),
        ("openid", .delegatedWork, 2, 2, "rule"),
        ("Widget.Frobnicate.All", .application, 1, 1, "rule"),
    ])
    func namesGetTheirTier(name: String, scheme: Scheme, tier: Int, forUser: Int, basis: String) {
        let result = Self.rules.tier(of: name, scheme: scheme)
        #expect(result.tier == tier && result.tierForUser == forUser && result.basis.rawValue == basis, "\(result)")
        #expect(!result.reason.isEmpty)
        if tier == 0 { #expect(result.attackPath != nil && result.impact != nil) }
    }

    @Test func aNewWriteToDirectoryRolesIsTierZeroByRule() {
        let result = Self.rules.tier(of: "RoleManagement.ReadWrite.All", scheme: .application)
        #expect(result.tier == 0 && result.basis == .rule && result.source == "directory-role-write")
    }

    /// A rules document: tiers, no preconditions, the default and delegated parts; `impacts`, `explicit` and
    /// `rules` as given.
    static func document(impacts: String = "{}", explicit: String = "[]", rules: String = "[]") -> String {
        #"{"about": "x", "tiers": {"0": "a", "1": "b", "2": "c"}, "impacts": \#(impacts), "preconditions": {}, "#
            + #""explicit": \#(explicit), "rules": \#(rules), "default": {"tier": 2, "reason": "r"}, "#
            + #""delegated": {"otherwiseFromTier": [1, 1, 2], "reason": "r"}}"#
    }

    @Test(arguments: [
        (#"{"about": "x"}"#, "tiers.json: $.tiers: expected an object, the member is missing"),
        (
            document(explicit: #"[{"permission": "A.Read", "tier": 3, "reason": "r"}]"#),
            "tiers.json: $.explicit[0].tier: expected a tier: 0, 1 or 2, found a number"
        ),
        (
            document(
                impacts: #"{"g": "x"}"#,
                explicit: #"[{"permission": "A.Read", "tier": 0, "impact": "g", "attackPath": "p", "#
                    + #""preconditions": ["nope"]}]"#),
            "tiers.json: $.explicit[0].preconditions[0]: expected a key of $.preconditions, found a string"
        ),
        (
            document(rules: #"[{"id": "r", "match": {"operationPattern": "(("}, "tier": 1, "reason": "r"}]"#),
            "tiers.json: $.rules[0].match.operationPattern: expected a regular expression, found a string"
        ),
        (
            document(
                explicit: #"[{"permission": "B.Read", "tier": 1, "reason": "r"}, "#
                    + #"{"permission": "A.Read", "tier": 1, "reason": "r"}]"#),
            "tiers.json: $.explicit[1].permission: expected entries sorted by permission and named once "
                + "(after B.Read), found a string"
        ),
    ])
    func badRulesAreRefusedWithTheirPlace(text: String, message: String) {
        #expect(throws: LoadError.self) { try TierRules.parse(Array(text.utf8), file: "tiers.json") }
        do {
            _ = try TierRules.parse(Array(text.utf8), file: "tiers.json")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func theKnowledgeBaseStoresATierForEveryPermissionOfEveryScheme() throws {
        let rows = try QueryFixture.knowledgeBase.store.storedTiers()
        #expect(!rows.isEmpty)
        for row in rows {
            let expected = Self.rules.tier(of: row.permission, scheme: row.scheme)
            #expect(
                row.tier == expected.tier && row.tierForUser == expected.tierForUser
                    && row.basis == expected.basis.rawValue && row.source == expected.source, "\(row)")
        }
    }

    /// Every (permission, scheme) pair the independent script finds in Microsoft's files has the same tier, tier for
    /// an ordinary user, basis and source in the knowledge base built from those files.
    @Test(.enabled(if: SnapshotData.isAvailable && Python.isAvailable, "needs ../shared/graph-data and python3"))
    func agreesWithTheIndependentScriptOnEveryPair() throws {
        let (status, text) = try Python.run("tier_check.py", [SnapshotData.directory, "--list"])
        #expect(status == 0)
        var stored: [String: StoredTier] = [:]
        for row in try SnapshotData.knowledgeBase.store.storedTiers() {
            stored[row.permission + "\t" + row.scheme.rawValue] = row
        }
        var checked = 0
        var differences: [String] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 6 else {
                differences.append("malformed: \(line)")
                continue
            }
            checked += 1
            guard let row = stored[fields[0] + "\t" + fields[1]] else {
                differences.append("missing: \(line)")
                continue
            }
            let ours = [
                row.tier.map(String.init) ?? "", row.tierForUser.map(String.init) ?? "", row.basis ?? "",
                row.source ?? "",
            ]
            if ours != Array(fields[2...5]) { differences.append("\(line) ≠ \(ours)") }
        }
        print("tier agreement: \(checked - differences.count)/\(checked) (permission, scheme) pairs identical")
        #expect(checked > 1_500)
        #expect(differences.isEmpty, "\(differences.count) differ, e.g. \(differences.prefix(5))")
    }
}
