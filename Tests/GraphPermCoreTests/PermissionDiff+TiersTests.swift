import Testing
import GraphPermCore

/// Tier changes between two sides: which way each moved, for the pairs both sides have.
@Suite struct PermissionDiffTiersTests {
    static func tier(_ permission: String, _ tier: Int, _ forUser: Int, scheme: Scheme = .delegatedWork,
                     source: String = "default") -> DiffFacts.TierFact {
        DiffFacts.TierFact(permission: permission, scheme: scheme, tier: tier, tierForUser: forUser, source: source)
    }

    @Test func directionIsTowardTierZeroByTierThenByTheUsersTier() throws {
        let old = DiffFacts(tiers: [
            Self.tier("A.Read", 1, 1), Self.tier("B.Read", 1, 2), Self.tier("C.Read", 0, 1), Self.tier("D.Read", 2, 2),
            Self.tier("Gone.Read", 0, 0), Self.tier("E.Read", 2, 2, scheme: .application),
        ])
        let new = DiffFacts(tiers: [
            Self.tier("D.Read", 2, 2), Self.tier("C.Read", 1, 1), Self.tier("B.Read", 1, 1),
            Self.tier("A.Read", 0, 2, source: "A.Read"), Self.tier("New.Read", 0, 0), Self.tier("E.Read", 2, 2),
        ])
        let changes = try #require(PermissionDiff(old: old, new: new).tiersChanged)
        // Sorted by permission; unchanged, one-sided and other-scheme pairs left out.
        #expect(changes.map { "\($0.permission) \($0.before.label)→\($0.after.label) \($0.direction.rawValue)" } == [
            "A.Read T1→T0/T2 raised", "B.Read T1/T2→T1 raised", "C.Read T0/T1→T1 lowered",
        ])
        #expect(changes[0].sourceBefore == "default" && changes[0].sourceAfter == "A.Read")
    }

    @Test func labelsShowBothTiersOnlyWhenTheyDiffer() {
        #expect(TierMark(tier: 0, tierForUser: 1).label == "T0/T1")
        #expect(TierMark(tier: 2, tierForUser: 2).label == "T2")
    }
}
