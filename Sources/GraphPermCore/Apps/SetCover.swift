/// The smallest set of permissions that grants every call, preferring the least privileged: exact branch and
/// bound over (set size, total privilege cost), with a greedy answer as the first bound.
///
///     SetCover.solve(needs: [["A", "B"], ["B"], ["C"]], cost: { _ in 1 })  // ["B", "C"], proven minimal
package enum SetCover {
    package struct Solution: Sendable, Equatable {
        package let chosen: [String]
        /// False when the search stopped at its node limit (the answer is then the best found, not proven).
        package let isProvenMinimal: Bool
    }

    package static let nodeLimit = 500_000

    /// `needs[i]` lists the permissions any one of which satisfies call i (an empty list cannot be satisfied
    /// and is ignored). `cost` ranks a permission's privilege: lower is preferred.
    package static func solve(needs: [[String]], cost: (String) -> Int) -> Solution {
        var unique = Set<Set<String>>()
        for need in needs where !need.isEmpty { unique.insert(Set(need)) }
        // A need whose options include all of another need's options is implied by it.
        let sets = unique.sorted { $0.count < $1.count }
        let reduced = sets.enumerated().filter { index, set in
            !sets.enumerated().contains { other, smaller in
                other != index && smaller.isSubset(of: set) && (smaller != set || other < index)
            }
        }.map(\.element)
        let costs = Dictionary(uniqueKeysWithValues: Set(reduced.flatMap { $0 }).map { ($0, cost($0)) })
        func ordered(_ options: Set<String>) -> [String] {
            options.sorted { (costs[$0]!, $0) < (costs[$1]!, $1) }
        }

        var best = greedy(reduced, costs: costs)
        var bestScore = (best.count, best.reduce(0) { $0 + costs[$1]! })
        var nodes = 0
        var complete = true
        func search(_ open: [Set<String>], _ chosen: [String], _ chosenCost: Int) {
            nodes += 1
            if nodes > nodeLimit { complete = false; return }
            guard let next = open.min(by: { $0.count < $1.count }) else {
                if (chosen.count, chosenCost) < bestScore { best = chosen; bestScore = (chosen.count, chosenCost) }
                return
            }
            for option in ordered(next) {
                let size = chosen.count + 1
                let cost = chosenCost + costs[option]!
                let remaining = open.filter { !$0.contains(option) }
                if !remaining.isEmpty, size >= bestScore.0 { continue }
                if remaining.isEmpty, (size, cost) >= bestScore { continue }
                search(remaining, chosen + [option], cost)
            }
        }
        search(reduced, [], 0)
        return Solution(chosen: best.sorted { (costs[$0]!, $0) < (costs[$1]!, $1) }, isProvenMinimal: complete)
    }

    /// The classic greedy cover: repeatedly the option that satisfies the most open needs, cheapest first.
    package static func greedy(_ needs: [Set<String>], costs: [String: Int]) -> [String] {
        var open = needs
        var chosen: [String] = []
        while !open.isEmpty {
            var counts: [String: Int] = [:]
            for need in open { for option in need { counts[option, default: 0] += 1 } }
            let pick = counts.keys.max { lhs, rhs in
                (counts[lhs]!, -costs[lhs]!, rhs) < (counts[rhs]!, -costs[rhs]!, lhs)
            }!
            chosen.append(pick)
            open.removeAll { $0.contains(pick) }
        }
        return chosen
    }
}
