import Testing
@testable import GraphPermCore

/// A permission's tier in a scheme and the compact label tables print.
@Suite struct PermissionTierTests {
    @Test func theLabelShowsTheUsersTierOnlyWhenItDiffers() {
        let delegated = PermissionTier(tier: 0, tierForUser: 1, basis: .rule, source: "r", reason: "why",
                                       impact: "globalAdmin", attackPath: "path", preconditions: [])
        #expect(delegated.label == "T0/T1" && delegated.mark == TierMark(tier: 0, tierForUser: 1))
        let application = PermissionTier(tier: 2, tierForUser: 2, basis: .default, source: "default", reason: "",
                                         impact: nil, attackPath: nil, preconditions: [])
        #expect(application.label == "T2" && application.mark.label == "T2")
        #expect(TierMark(tier: 1, tierForUser: 2).label == "T1/T2")
    }

    @Test func basesSpellTheirJSONNames() {
        #expect([PermissionTier.Basis.explicit, .rule, .default].map(\.rawValue) == ["explicit", "rule", "default"])
    }
}
