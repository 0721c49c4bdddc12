/// An explicit privilege order between the permissions that grant one call, for the recommendation beside
/// Microsoft's documented choice.
///
/// A permission is narrower than another when it reaches no more objects (constraint: none, the signed-in user's
/// own data, < `OwnedBy`/`Selected`/`AppFolder` < `Shared` < `All`) and allows no more (operation: `ReadBasic` <
/// `Read` < `ReadWriteBasic` < `Create` < `Invite` < `Send` < `ReadWrite` < `Manage` …), and is smaller in one of the
/// two. Among the permissions nothing is narrower than, the first difference decides:
/// 1. consent: one a user can consent to before one that needs an administrator;
/// 2. the resource: a permission of the path's own resource before another resource's (`Group.*` on `/groups`);
/// 3. Microsoft's least-privilege marker: marked before unmarked;
/// 4. Microsoft's `privilegeLevel` (1 low to 5 high; unknown counts as 3);
/// 5. Microsoft's order (its name order, as the claims come).
///
///     PrivilegeOrder.first(of: [groupNesting, groupReadBasic], pathResources: ["groups", "group"])
///     // Group.ReadBasic.All: the same objects (All), a narrower operation (ReadBasic, not ReadWrite)
package enum PrivilegeOrder {
    /// What the order reads of one permission in one scheme.
    package struct Candidate: Sendable, Equatable {
        package let label: String
        package let permission: String
        package let isLeast: Bool
        package let requiresAdminConsent: Bool?
        package let privilegeLevel: Int?

        /// The name split once: its constraint and operation ranks, and its resource's base in lower case.
        package let name: PermissionName
        package let objects: Int
        package let operations: Int
        package let resourceBase: String

        package init(
            label: String, permission: String, isLeast: Bool, requiresAdminConsent: Bool?, privilegeLevel: Int?
        ) {
            self.label = label
            self.permission = permission
            self.isLeast = isLeast
            self.requiresAdminConsent = requiresAdminConsent
            self.privilegeLevel = privilegeLevel
            name = PermissionName(permission)
            objects = name.constraintRank
            operations = name.operationRank
            // `CallRecord-PstnCalls` is a part of `CallRecord`: its base counts.
            resourceBase = String(name.resource.lowercased().prefix { $0 != "-" })
        }
    }

    /// The least privileged of `candidates` (nil when empty); `candidates` come in Microsoft's order, which
    /// breaks the last ties.
    package static func first(of candidates: [Candidate], pathResources: [String]) -> Candidate? {
        let unbeaten = candidates.enumerated().filter { entry in
            !candidates.contains { isNarrower($0, than: entry.element) }
        }
        return unbeaten.min { lhs, rhs in
            (key(lhs.element, pathResources) + [lhs.offset]).lexicographicallyPrecedes(
                key(rhs.element, pathResources) + [rhs.offset])
        }?.element
    }

    /// Whether `lhs` reaches no more objects and allows no more than `rhs`, and is smaller in one of the two.
    package static func isNarrower(_ lhs: Candidate, than rhs: Candidate) -> Bool {
        lhs.objects <= rhs.objects && lhs.operations <= rhs.operations
            && (lhs.objects < rhs.objects || lhs.operations < rhs.operations)
    }

    /// Why `chosen` comes before `other`, as a phrase.
    package static func reason(_ chosen: Candidate, over other: Candidate, pathResources: [String]) -> String {
        let (a, b) = (chosen.name, other.name)
        if isNarrower(chosen, than: other) {
            let (ownA, ownB) = (a.constraint ?? "the user's own", b.constraint ?? "the user's own")
            let fewer = "it reaches fewer objects (\(ownA) rather than \(ownB))"
            let less = "allows less (\(a.operation ?? "") rather than \(b.operation ?? ""))"
            return a.constraintRank < b.constraintRank && a.operationRank < b.operationRank
                ? "\(fewer) and \(less)"
                : a.constraintRank < b.constraintRank ? fewer : "it \(less)"
        }
        let (left, right) = (key(chosen, pathResources), key(other, pathResources))
        switch left.indices.first(where: { left[$0] != right[$0] }) {
        case 0: return "users can consent to it, while \(other.permission) needs an administrator"
        case 1: return "it belongs to the path's own resource (\(a.resource))"
        case 2: return "Microsoft marks it least privileged"
        case 3:
            return
                """
                Microsoft rates its privilege level \(chosen.privilegeLevel ?? 3) rather than \
                \(other.privilegeLevel ?? 3)
                """
        default: return "it comes first in Microsoft's name order"
        }
    }

    private static func key(_ candidate: Candidate, _ pathResources: [String]) -> [Int] {
        let ownResource = pathResources.contains(candidate.resourceBase)
        return [
            candidate.requiresAdminConsent == false ? 0 : 1, ownResource ? 0 : 1, candidate.isLeast ? 0 : 1,
            candidate.privilegeLevel ?? 3,
        ]
    }
}
