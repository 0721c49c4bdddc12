/// Chains across apps: an app that can add a credential to another service principal signs in as it and inherits
/// its power. Edges: an app holding Application.ReadWrite.All or Directory.ReadWrite.All, or an app admin directory
/// role, reaches every app; an app holding Application.ReadWrite.OwnedBy reaches the apps it owns. Apps Microsoft
/// owns and managed identities take no customer credential, so no edge enters them. A breadth-first search back
/// from the apps with unconditional Tier 0 power gives every other app its shortest chain.
struct TenantChains {
    let principals: [TenantExport.ServicePrincipal]
    let index: [String: Int]
    let holdings: [TenantAudit.Holdings]

    private func acceptsCredentials(_ position: Int) -> Bool {
        let principal = principals[position]
        if principal.servicePrincipalType == "ManagedIdentity" { return false }
        return !(principal.appOwnerOrganizationId.map(TenantAudit.microsoftTenants.contains) ?? false)
    }

    /// How many chains an app that adds credentials to every app lists (one per app it can take over, in export order).
    static let chainsPerWriter = 10

    /// Per app, its shortest chains to Global Administrator through at least one other app (empty when it has none,
    /// or holds the power itself).
    func chains() -> [[TenantAuditReport.Chain]] {
        let count = principals.count
        var next = [Int](repeating: -1, count: count)
        var distance = [Int](repeating: -1, count: count)
        var frontier: [Int] = []
        for position in 0..<count where holdings[position].power != nil {
            distance[position] = 0
            frontier.append(position)
        }
        // Who owns whom, for Application.ReadWrite.OwnedBy holders.
        var ownedBy: [Int: [Int]] = [:]
        for (position, principal) in principals.enumerated() {
            for owner in principal.owners ?? [] {
                guard let ownerPosition = index[owner], holdings[ownerPosition].writesOwned else { continue }
                ownedBy[position, default: []].append(ownerPosition)
            }
        }
        let writers = (0..<count).filter { holdings[$0].writesAll != nil }
        var writersPlaced = false
        // The apps the writers reach first (all at the same distance), for their alternative chains.
        var writerTargets: [Int] = []
        var level = 0
        while !frontier.isEmpty {
            var following: [Int] = []
            for target in frontier where acceptsCredentials(target) {
                if writersPlaced, writerTargets.count < Self.chainsPerWriter,
                    distance[writerTargets[0]] == distance[target]
                {
                    writerTargets.append(target)
                }
                if !writersPlaced {
                    writersPlaced = true
                    writerTargets = [target]
                    for writer in writers where distance[writer] < 0 {
                        distance[writer] = level + 1
                        next[writer] = target
                        following.append(writer)
                    }
                }
                for owner in ownedBy[target] ?? [] where distance[owner] < 0 {
                    distance[owner] = level + 1
                    next[owner] = target
                    following.append(owner)
                }
            }
            frontier = following
            level += 1
        }
        return (0..<count).map { position in
            guard distance[position] > 0 else { return [] }
            let isWriter =
                holdings[position].writesAll != nil && !writerTargets.isEmpty
                && distance[position] == distance[writerTargets[0]] + 1
            let firsts = isWriter ? writerTargets.filter { $0 != position } : [next[position]]
            return firsts.map { chain(from: position, through: $0, next: next) }
        }
    }

    /// The chain from `position` whose first hop is `first`, then following `next` to an app with the power.
    private func chain(from position: Int, through first: Int, next: [Int]) -> TenantAuditReport.Chain {
        var steps: [TenantAuditReport.Step] = []
        var current = position
        var hop = first
        while hop >= 0 {
            let target = hop
            let how =
                holdings[current].writesAll.map { "it \($0.hasPrefix("holds") ? $0 : "holds the " + $0)" }
                ?? "it owns it and holds Application.ReadWrite.OwnedBy"
            steps.append(
                step(
                    current,
                    "adds a client secret to \(principals[target].displayName) (\(principals[target].id)) "
                        + "and signs in as it: \(how)"
                ))
            current = target
            hop = next[current]
        }
        steps.append(step(current, "reaches Global Administrator: it \(holdings[current].power!)"))
        return TenantAuditReport.Chain(reaches: "Global Administrator", steps: steps)
    }

    private func step(_ position: Int, _ action: String) -> TenantAuditReport.Step {
        TenantAuditReport.Step(
            id: principals[position].id, displayName: principals[position].displayName, action: action)
    }
}
