import Testing
import GraphPermCore

/// A diff as one JSON document with its keys in a fixed order.
@Suite struct PermissionDiffJSONTests {
    static func grant(_ permission: String, _ method: String, _ template: String, least: Bool = true)
        -> DiffFacts.GrantFact
    {
        DiffFacts.GrantFact(permission: permission, scheme: .application, method: method, template: template,
                            isLeast: least)
    }

    @Test func everyMemberInItsPlace() {
        let old = DiffFacts(
            permissions: ["A.Read", "Gone.Read"],
            schemes: [DiffFacts.SchemeFact(permission: "A.Read", scheme: .application, id: "x", privilegeLevel: 1)],
            grants: [Self.grant("A.Read", "GET", "/a/{id}")])
        let new = DiffFacts(
            permissions: ["A.Read", "B.Read"],
            schemes: [DiffFacts.SchemeFact(permission: "A.Read", scheme: .application, id: "y", privilegeLevel: nil)],
            grants: [Self.grant("A.Read", "GET", "/a/{id}", least: false), Self.grant("B.Read", "GET", "/a/{x}")])
        var diff = PermissionDiff(old: old, new: new)
        diff.leastChanged[0].recommendedAfter = "B.Read"
        #expect(diff.json(extra: [("impact", "{}")]) == #"{"permissions":{"added":["B.Read"],"removed":["Gone.Read"]},"#
            + #""ids":{"changed":[{"permission":"A.Read","scheme":"Application","before":"x","after":"y"}]},"#
            + #""operations":{"added":[],"removed":[]},"#
            + #""grants":{"added":[{"permission":"B.Read","method":"GET","template":"/a/{}","scheme":"Application"}],"#
            + #""removed":[]},"#
            + #""least":{"changed":[{"method":"GET","template":"/a/{}","scheme":"Application","before":["A.Read"],"#
            + #""after":["B.Read"],"recommendedBefore":null,"recommendedAfter":"B.Read"}]},"#
            + #""privilegeLevel":{"changed":[{"permission":"A.Read","scheme":"Application","before":1,"after":null}]},"#
            + #""impact":{}}"# + "\n")
    }

    @Test func tiersAppearOnlyWhenBothSidesHaveThem() {
        let tier = DiffFacts.TierFact(permission: "A.Read", scheme: .application, tier: 2, tierForUser: 2,
                                      source: "default")
        let raised = DiffFacts.TierFact(permission: "A.Read", scheme: .application, tier: 1, tierForUser: 1,
                                        source: "reads")
        let oneSided = PermissionDiff(old: DiffFacts(tiers: [tier]), new: DiffFacts())
        #expect(oneSided.tiersChanged == nil && !oneSided.json().contains("tiers"))
        let both = PermissionDiff(old: DiffFacts(tiers: [tier]), new: DiffFacts(tiers: [raised]))
        #expect(both.json().hasSuffix(#""tiers":{"changed":[{"permission":"A.Read","scheme":"Application","#
            + #""before":2,"after":1,"beforeForUser":2,"afterForUser":1,"sourceBefore":"default","#
            + #""sourceAfter":"reads","direction":"raised"}]}}"# + "\n"))
    }
}
