/// Microsoft's choice of the least-privileged permission for one (template, method, scheme), following the
/// rules of Microsoft's own tool (candidates = claims with a least marker; then disambiguation by the methods
/// each candidate grants on the template, ties to the earliest in name order).
///
///     LeastPrivilege.select(method: "GET", scheme: .delegatedWork, in: claimSet)?.labels.first  // "Mail.ReadBasic"
package enum LeastPrivilege {
    /// The outcome of the selection.
    package struct Selection: Sendable, Equatable {
        /// Microsoft's choice first; more than one only when the data is genuinely ambiguous.
        package let requirements: [Requirement]
        /// The requirements as Microsoft's documentation prints them (`A`, `A and B`).
        package var labels: [String] { requirements.map(\.label) }
        /// The chosen claim (the first one of the labels).
        package let chosen: Claim
        /// Other least-marked claims that tie with the choice (same methods count): equally least.
        package let ties: [Claim]
        /// Which rule decided: 1 single candidate, 2 ambiguous, 3 exact method set, 4 fewest methods.
        package let rule: Int
    }

    /// nil when no claim for (method, scheme) carries a least marker.
    package static func select(method: String, scheme: Scheme, in set: ClaimSet) -> Selection? {
        let candidates = set.claims(method: method, scheme: scheme).filter(\.isLeast)
        guard let first = candidates.first else { return nil }
        if candidates.count == 1 {
            return Selection(requirements: [first.requirement], chosen: first, ties: [], rule: 1)
        }
        let methodCounts = candidates.map { set.methods(of: $0.permission, scheme: scheme).count }
        if methodCounts.filter({ $0 == 1 }).count >= 2 {
            return Selection(
                requirements: paired(candidates), chosen: first, ties: Array(candidates.dropFirst()), rule: 2)
        }
        let chosenIndex: Int
        let rule: Int
        if let exact = candidates.indices.first(where: {
            set.methods(of: candidates[$0].permission, scheme: scheme) == [method]
        }) {
            chosenIndex = exact
            rule = 3
        } else {
            var bound = 100
            var best: Int? = nil
            for (index, candidate) in candidates.enumerated() {
                let methods = set.methods(of: candidate.permission, scheme: scheme)
                if methods.contains(method), methods.count < bound {
                    bound = methods.count
                    best = index
                }
            }
            chosenIndex = best ?? 0
            rule = 4
        }
        let chosen = candidates[chosenIndex]
        let chosenCount = methodCounts[chosenIndex]
        let ties = candidates.enumerated().filter { index, candidate in
            index != chosenIndex && methodCounts[index] == chosenCount
                && set.methods(of: candidate.permission, scheme: scheme).contains(method)
        }.map(\.element)
        return Selection(requirements: [chosen.requirement], chosen: chosen, ties: ties, rule: rule)
    }

    /// Rule 2: every candidate paired with each partner (or alone), unordered pairs once each.
    private static func paired(_ candidates: [Claim]) -> [Requirement] {
        var pairs: [(String, String)] = []
        for candidate in candidates {
            let partners = candidate.alsoRequires.isEmpty ? [""] : candidate.alsoRequires
            for partner in partners {
                let pair = (candidate.permission, partner)
                if !pairs.contains(where: { samePair($0, pair) }) { pairs.append(pair) }
            }
        }
        return pairs.map { Requirement($0.0, alsoRequires: $0.1) }
    }

    package static func samePair(_ lhs: (String, String), _ rhs: (String, String)) -> Bool {
        (lhs.0 == rhs.0 && lhs.1 == rhs.1) || (lhs.0 == rhs.1 && lhs.1 == rhs.0)
    }
}
