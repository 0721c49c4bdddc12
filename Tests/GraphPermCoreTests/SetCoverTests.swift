import Testing
@testable import GraphPermCore

/// The exact set cover behind `need`: the fewest permissions, the less privileged among equals.
struct SetCoverTests {
    @Test func setCoverIsExactAndPrefersLessPrivilege() {
        // Greedy picks the option covering most needs first (X), then needs two more; the exact answer needs two.
        let needs = [["X", "A"], ["X", "B"], ["A", "C"], ["B", "D"], ["A"], ["B"]]
        let solution = SetCover.solve(needs: needs, cost: { _ in 1 })
        #expect(solution.chosen == ["A", "B"] && solution.isProvenMinimal)
        #expect(
            SetCover.solve(needs: [["Mail.ReadWrite", "Mail.Read"]], cost: NeedAnalysis.cost).chosen == ["Mail.Read"])
        #expect(SetCover.solve(needs: [[]], cost: { _ in 1 }).chosen.isEmpty)
    }
}
