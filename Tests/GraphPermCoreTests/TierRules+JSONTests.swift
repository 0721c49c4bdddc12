import Testing
import GraphPermJSON
import GraphPermCore

/// The strict reading of `tiers.json`: a whole small document, and each rule it enforces with its place.
@Suite struct TierRulesJSONTests {
    static func document(
        tiers: String = #"{"0": "a", "1": "b", "2": "c"}"#, explicit: String = "[]", rules: String = "[]",
        delegated: String = #"{"otherwiseFromTier": [1, 2, 2], "reason": "r"}"#, extra: String = ""
    ) -> String {
        #"{"about": "x", "tiers": \#(tiers), "impacts": {"globalAdmin": "GA"}, "#
            + #""preconditions": {"pim": "P"}, "explicit": \#(explicit), "rules": \#(rules), "#
            + #""default": {"tier": 2, "reason": "unknown names"}, "delegated": \#(delegated)\#(extra)}"#
    }

    static func parse(_ text: String) throws(LoadError) -> TierRules {
        try TierRules.parse(Array(text.utf8), file: "tiers.json")
    }

    static func message(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch { return error.description }
    }

    static let sample = document(
        explicit: #"[{"permission": "A.ReadWrite.All", "tier": 0, "impact": "globalAdmin", "attackPath": "a to GA", "#
            + #""preconditions": ["pim"]}, {"permission": "B.Read", "tier": 1, "reason": "reads b", "#
            + #""delegated": {"whenAdminSignsIn": 1, "otherwise": 2}}]"#,
        rules: #"[{"id": "writes", "match": {"operationPattern": "ReadWrite.*"}, "tier": 1, "reason": "writes"}, "#
            + #"{"id": "mail", "match": {"resource": ["Mail"], "constraint": ["All"]}, "tier": 0, "#
            + #""impact": "globalAdmin", "attackPath": "mail to GA", "preconditions": []}]"#)

    @Test func aWholeDocumentReadsIntoItsParts() throws {
        let rules = try Self.parse(Self.sample)
        #expect(rules.tierDescriptions == ["a", "b", "c"])
        #expect(rules.impacts.map(\.key) == ["globalAdmin"] && rules.preconditions.map(\.text) == ["P"])
        #expect(rules.explicitNames == ["A.ReadWrite.All", "B.Read"])
        #expect(rules.rules.map(\.id) == ["writes", "mail"])
        #expect(rules.otherwiseFromTier == [1, 2, 2] && rules.delegatedReason == "r")
        #expect(rules.explicit["A.ReadWrite.All"]?.preconditions == ["pim"])
    }

    @Test(arguments: [
        ("A.ReadWrite.All", Scheme.application, 0, 0, PermissionTier.Basis.explicit, "A.ReadWrite.All"),
        // An explicit entry's own delegated tiers.
        ("B.Read", .delegatedWork, 1, 2, .explicit, "B.Read"),
        ("B.Read", .delegatedPersonal, 2, 2, .explicit, "B.Read"),
        // Rules in order: the first that matches.
        ("C.ReadWrite", .application, 1, 1, .rule, "writes"),
        ("Mail.Read.All", .delegatedWork, 0, 1, .rule, "mail"),
        ("Mail.Read", .application, 2, 2, .default, "default"),
    ] as [(String, Scheme, Int, Int, PermissionTier.Basis, String)])
    func theParsedRulesTierNames(name: String, scheme: Scheme, tier: Int, forUser: Int,
                                 basis: PermissionTier.Basis, source: String) throws {
        let result = try Self.parse(Self.sample).tier(of: name, scheme: scheme)
        #expect(result.tier == tier && result.tierForUser == forUser)
        #expect(result.basis == basis && result.source == source)
    }

    @Test func onlyATierZeroResultCarriesItsAttackPath() throws {
        let rules = try Self.parse(Self.sample)
        #expect(rules.tier(of: "Mail.Read.All", scheme: .application).attackPath == "mail to GA")
        let forUser = rules.tier(of: "Mail.Read.All", scheme: .delegatedPersonal)
        #expect(forUser.tier == 1 && forUser.attackPath == nil && forUser.impact == nil)
        #expect(forUser.reason == "mail to GA")
    }

    @Test(arguments: [
        (document(tiers: #"{"0": "a", "2": "c", "1": "b"}"#),
         #"tiers.json: $.tiers: expected the members "0", "1" and "2", found an object"#),
        (document(extra: #", "comment": "x""#),
         "tiers.json: $.comment: expected one of the members about, tiers, impacts, preconditions, explicit, rules,"
            + " default, delegated, not comment, found a string"),
        (document(explicit: #"[{"permission": "A.Read", "tier": 1}]"#),
         "tiers.json: $.explicit[0].reason: expected a string (a Tier 1 or 2 item says why), the member is missing"),
        (document(explicit: #"[{"permission": "A.Read", "tier": 2, "reason": "r", "attackPath": "p"}]"#),
         "tiers.json: $.explicit[0].attackPath: expected no attackPath on a Tier 2 item, found a string"),
        (document(explicit: #"[{"permission": "A.Read", "tier": 0, "impact": "outage", "attackPath": "p", "#
            + #""preconditions": []}]"#),
         "tiers.json: $.explicit[0].impact: expected a key of $.impacts, found a string"),
        (document(explicit: #"[{"permission": "A.Read", "tier": 1, "reason": "r"}, "#
            + #"{"permission": "A.Read", "tier": 1, "reason": "r"}]"#),
         "tiers.json: $.explicit[1].permission: expected entries sorted by permission and named once"
            + " (after A.Read), found a string"),
        (document(rules: #"[{"id": "r", "match": {"resource": ["A"]}, "tier": 1, "reason": "r"}, "#
            + #"{"id": "r", "match": {"resource": ["B"]}, "tier": 1, "reason": "r"}]"#),
         "tiers.json: $.rules[1].id: expected an id no other rule has, found a string"),
        (document(rules: #"[{"id": "r", "match": {}, "tier": 1, "reason": "r"}]"#),
         "tiers.json: $.rules[0].match: expected a non-empty object, found an object"),
        (document(rules: #"[{"id": "r", "match": {"resource": "A"}, "tier": 1, "reason": "r"}]"#),
         "tiers.json: $.rules[0].match.resource: expected an array of strings, found a string"),
        (document(delegated: #"{"otherwiseFromTier": [1, 2], "reason": "r"}"#),
         "tiers.json: $.delegated.otherwiseFromTier: expected three tiers, for tiers 0, 1 and 2, found an array"),
        (document(delegated: #"{"otherwiseFromTier": [1, 2, "2"], "reason": "r"}"#),
         "tiers.json: $.delegated.otherwiseFromTier[2]: expected a tier: 0, 1 or 2, found a string"),
        ("{}", "tiers.json: $.about: expected a string, the member is missing"),
    ])
    func everyBrokenRuleNamesItsPlace(text: String, message: String) {
        #expect(Self.message(text) == message)
    }

    @Test func theExitCodeIsBadData() {
        do {
            _ = try Self.parse("[")
            Issue.record("a broken document parsed")
        } catch {
            #expect(error.exitCode == 65)
            #expect(error.description.hasPrefix("tiers.json: line 1, column"))
        }
    }
}
