import GraphPermPlatform

/// `graphperm need`: per scheme, the least-privileged set of permissions that grants every call, with the
/// reasoning call by call.
///
/// Privilege comes first: a permission may enter the set only if it is, for at least one of the calls, Microsoft's
/// least-privileged permission (any that Microsoft marks least) or the recommended one (`PrivilegeOrder`). Among sets
/// of
/// such permissions that grant every call, the fewest permissions, then the least privileged (an exact set cover);
/// the `AlsoRequires` partner of a chosen permission joins the set.
public struct NeedAnalysis: Sendable {
    /// How one call is granted in one scheme: `result.grantedBy  // "Mail.ReadBasic"`.
    public struct CallResult: Sendable, Equatable {
        /// The call's HTTP method: `GET`.
        public let method: String
        /// The call's URL as given.
        public let url: String
        /// The documented path the URL matched (`/me/messages`); nil when none matched.
        public let template: String?
        /// The chosen permission that grants this call (nil: not supported in this scheme, or unknown).
        public let grantedBy: String?
        /// Microsoft's least-privileged permission for the call.
        public let least: String?
        /// The recommended permission for the call (`LeastAnswer.SchemeAnswer.recommended`).
        public let recommended: String?
        /// Why `grantedBy` covers this call.
        public let reason: String
        /// The partners `grantedBy` needs for this call (one of them), when Microsoft's data says so.
        public let alsoRequires: [String]
        /// `documented`, `security-table` or `inferred`.
        public let basis: String
    }

    /// The set for one scheme: `result.permissions  // ["Mail.ReadBasic", "User.Read"]`.
    public struct SchemeResult: Sendable {
        /// The scheme this set is for.
        public let scheme: Scheme
        /// The permissions to request, partners included, least privileged first.
        public let permissions: [String]
        /// Partners added because a chosen permission needs them: (partner, the permission that needs it).
        public let partners: [(permission: String, requiredBy: String)]
        /// Whether the exact set cover finished, so no smaller set exists (false when it gave up early).
        public let isProvenMinimal: Bool
        /// Call by call, which permission of the set grants it and why.
        public let calls: [CallResult]
        /// Calls this scheme does not support.
        public let unsupported: [AppCalls.Call]
    }

    /// One result per scheme asked for, in `Scheme` order.
    public let schemes: [SchemeResult]
    /// Calls that match no documented API.
    public let unknown: [(call: AppCalls.Call, reason: String)]
    /// Calls to hosts that are not Microsoft Graph (a HAR file records every request of a page).
    public let otherHosts: [(call: AppCalls.Call, reason: String)]

    /// A permission's privilege by its name, for ties between sets of one size: the objects it reaches first,
    /// then what it allows.
    package static func cost(_ permission: String) -> Int {
        let name = PermissionName(permission)
        return name.constraintRank * 1_000 + name.operationRank
    }

    package init(
        schemes: [SchemeResult], unknown: [(call: AppCalls.Call, reason: String)],
        otherHosts: [(call: AppCalls.Call, reason: String)]
    ) {
        self.schemes = schemes
        self.unknown = unknown
        self.otherHosts = otherHosts
    }
}


/// The set cover for one scheme.
package struct NeedPlanner {
    package let scheme: Scheme
    package let answered: [(call: AppCalls.Call, answer: LeastAnswer)]

    package func plan() -> NeedAnalysis.SchemeResult {
        let supported = answered.compactMap { entry in
            entry.answer[scheme].map {
                (call: entry.call, answer: $0, basis: entry.answer.basis, template: entry.answer.template)
            }
        }
        let unsupported = answered.filter { $0.answer[scheme] == nil }.map(\.call)
        // The permissions that may enter the set: least or recommended for some call.
        var allowed: [String: [String]] = [:]
        for entry in supported {
            let requirements = entry.answer.leastRequirements + (entry.answer.recommendedRequirement.map { [$0] } ?? [])
            for requirement in requirements {
                allowed[requirement.permission, default: []].append(entry.call.method + " " + entry.call.url)
            }
        }
        let needs = supported.map { entry in
            (entry.answer.leastRequirements + entry.answer.higherRequirements).map(\.permission).uniqued().filter {
                allowed[$0] != nil
            }
        }
        let solution = SetCover.solve(needs: needs, cost: NeedAnalysis.cost)
        var partners: [(permission: String, requiredBy: String)] = []
        let calls = supported.map { entry -> NeedAnalysis.CallResult in
            let requirements = entry.answer.leastRequirements + entry.answer.higherRequirements
            let granting = requirements.filter { solution.chosen.contains($0.permission) }
            let pick = granting.min { NeedAnalysis.cost($0.permission) < NeedAnalysis.cost($1.permission) }
            if let pick, let partner = pick.alsoRequires, !solution.chosen.contains(partner),
                !partners.contains(where: { $0.permission == partner })
            {
                partners.append((partner, pick.permission))
            }
            let least = entry.answer.leastRequirements.first?.permission
            let isLeast = entry.answer.leastRequirements.contains { $0.permission == pick?.permission }
            let reason: String
            switch pick?.permission {
            case nil: reason = "no chosen permission grants this call"
            case entry.answer.recommendedRequirement?.permission:
                reason = "the recommended permission for this call"
            case _ where isLeast: reason = "marked least privileged for this call by Microsoft"
            default:
                reason = "also grants this call; chosen as least privileged for \(allowed[pick!.permission]!.first!)"
            }
            return NeedAnalysis.CallResult(
                method: entry.call.method, url: entry.call.url, template: entry.template,
                grantedBy: pick?.permission, least: least,
                recommended: entry.answer.recommendedRequirement?.permission,
                reason: reason, alsoRequires: pick?.alsoRequires.map { [$0] } ?? [],
                basis: entry.basis.rawValue)
        }
        return NeedAnalysis.SchemeResult(
            scheme: scheme, permissions: solution.chosen + partners.map(\.permission),
            partners: partners, isProvenMinimal: solution.isProvenMinimal, calls: calls,
            unsupported: unsupported)
    }

    package init(scheme: Scheme, answered: [(call: AppCalls.Call, answer: LeastAnswer)]) {
        self.scheme = scheme
        self.answered = answered
    }
}
