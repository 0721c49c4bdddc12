import GraphPermCore
/// The IDs of the `permission` table. The permissions that can have grants (those the permissions documents list,
/// and those of the security table) come first, in Microsoft's name order, so that grants can be written before
/// the other files are read; the names only the other files know follow, in the same order.
///
///     var ids = PermissionIDs(granting: ["User.Read", "Mail.Read"])   // Mail.Read 1, User.Read 2
///     ids.addRemaining(["Calendars.Read", "Mail.Read", "User.Read"])  // Calendars.Read 3
package struct PermissionIDs: Sendable {
    /// The names in ID order: the ID of `names[i]` is `i + 1`.
    private(set) var names: [String] = []
    private var ids: [String: Int] = [:]
    private var grantingCount = 0

    package init(granting: some Sequence<String>) {
        for name in KibaliCollation.sorted(Set(granting)) { append(name) }
        grantingCount = names.count
    }

    /// Numbers the names of `all` that have no ID yet.
    package mutating func addRemaining(_ all: some Sequence<String>) {
        for name in KibaliCollation.sorted(Set(all).filter { ids[$0] == nil }) { append(name) }
    }

    package subscript(name: String) -> Int? { ids[name] }

    /// Each name's place in Microsoft's order among all the names, in ID order (the two groups are merged).
    package func kibaliRanks() -> [Int] {
        var ranks = [Int](repeating: 0, count: names.count)
        var granting = 0, remaining = grantingCount
        for rank in names.indices {
            let takeGranting = remaining == names.count
                || (granting < grantingCount && KibaliCollation.less(names[granting], names[remaining]))
            if takeGranting {
                ranks[granting] = rank
                granting += 1
            } else {
                ranks[remaining] = rank
                remaining += 1
            }
        }
        return ranks
    }

    private mutating func append(_ name: String) {
        names.append(name)
        ids[name] = names.count
    }
}
