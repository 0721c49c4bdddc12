/// Turns app role assignments and delegated grants into named, tiered findings: resolves an assignment's app role
/// ID through its resource's `appRoles`, and tiers Microsoft Graph's permissions (others have no tier).
final class GrantResolver {
    private let principals: [TenantExport.ServicePrincipal]
    private let index: [String: Int]
    private let tier: (String, Scheme) -> PermissionTier?
    private var roleValues: [Int: [String: String]] = [:]
    private var tiers: [Scheme: [String: PermissionTier?]] = [:]

    /// Application permissions that add credentials to any app or service principal (Microsoft's addPassword and
    /// addKey documentation lists both).
    static let writesAll: Set<String> = ["Application.ReadWrite.All", "Directory.ReadWrite.All"]

    init(
        principals: [TenantExport.ServicePrincipal], index: [String: Int],
        tier: @escaping (String, Scheme) -> PermissionTier?
    ) {
        self.principals = principals
        self.index = index
        self.tier = tier
    }

    private func cachedTier(_ name: String, _ scheme: Scheme) -> PermissionTier? {
        if let known = tiers[scheme]?[name] { return known }
        let computed = tier(name, scheme)
        tiers[scheme, default: [:]][name] = computed
        return computed
    }

    private func isGraph(_ position: Int?) -> Bool {
        position.map { principals[$0].appId == MicrosoftGraph.appId } ?? false
    }

    private func resourceName(_ position: Int?, id: String) -> String {
        position.map { principals[$0].displayName } ?? id
    }

    /// The application permission an assignment grants, with its tier and weight; notes Tier 0 power and credential
    /// writing in `holdings`.
    func applicationFinding(_ assignment: TenantExport.AppRoleAssignment, into holdings: inout TenantAudit.Holdings) {
        let resource = index[assignment.resourceId]
        var name = assignment.appRoleId
        if let resource {
            if roleValues[resource] == nil {
                var values: [String: String] = [:]
                for role in principals[resource].appRoles { values[role.id] = role.value }
                roleValues[resource] = values
            }
            name = roleValues[resource]?[assignment.appRoleId] ?? name
        }
        guard isGraph(resource), let tiered = cachedTier(name, .application) else {
            holdings.findings.append(
                TenantAuditReport.Finding(
                    kind: "applicationPermission", name: name,
                    resource: resourceName(resource, id: assignment.resourceId),
                    consentType: nil, users: nil, tier: nil, tierReason: nil, attackPath: nil, preconditions: [],
                    weight: 0,
                    detail: "An app role of an API other than Microsoft Graph: not tiered."))
            return
        }
        let weight = [tiered.preconditions.isEmpty ? 100 : 60, 10, 1][tiered.tier]
        holdings.findings.append(
            TenantAuditReport.Finding(
                kind: "applicationPermission", name: name, resource: "Microsoft Graph", consentType: nil, users: nil,
                tier: tiered.tier, tierReason: tiered.reason, attackPath: tiered.attackPath,
                preconditions: tiered.preconditions,
                weight: weight, detail: "Application permission, tenant-wide, no user involved."))
        if tiered.tier == 0, tiered.impact == "globalAdmin", tiered.preconditions.isEmpty, holdings.power == nil {
            holdings.power = "holds \(name): \(tiered.attackPath ?? tiered.reason)"
        }
        if Self.writesAll.contains(name), holdings.writesAll == nil { holdings.writesAll = "holds \(name)" }
        if name == "Application.ReadWrite.OwnedBy" { holdings.writesOwned = true }
    }

    /// The delegated permissions of one client's grants: per permission, consent for all users or by how many
    /// single users (Tier 0 when one of them holds a directory role, else the tier for an ordinary user).
    func delegatedFindings(
        _ grants: [TenantExport.DelegatedGrant], usersWithRoles: Set<String>, into holdings: inout TenantAudit.Holdings
    ) {
        struct Tally {
            var resource: Int?
            var resourceId: String
            var all = false
            var users = 0
            var admin = false
        }
        var order: [String] = []
        var tallies: [String: Tally] = [:]
        for grant in grants {
            let resource = index[grant.resourceId]
            for scope in grant.scopes {
                let key = grant.resourceId + " " + scope
                if tallies[key] == nil {
                    order.append(key)
                    tallies[key] = Tally(resource: resource, resourceId: grant.resourceId)
                }
                if grant.consentType == "AllPrincipals" {
                    tallies[key]!.all = true
                } else {
                    tallies[key]!.users += 1
                    if let user = grant.principalId, usersWithRoles.contains(user) { tallies[key]!.admin = true }
                }
            }
        }
        for key in order {
            let tally = tallies[key]!
            let scope = String(key.split(separator: " ", maxSplits: 1)[1])
            let tiered = isGraph(tally.resource) ? cachedTier(scope, .delegatedWork) : nil
            let consent = tally.all ? "AllPrincipals" : "Principal"
            let level = tiered.map { tally.all || tally.admin ? $0.tier : $0.tierForUser }
            let weight = level.map { tally.all ? [40, 5, 1][$0] : [10, 2, 0][$0] } ?? 0
            let who =
                tally.all
                ? "consented for every user"
                : "consented by \(tally.users) user\(tally.users == 1 ? "" : "s")"
                    + (tally.admin ? ", one of them holding a directory role" : "")
            holdings.findings.append(
                TenantAuditReport.Finding(
                    kind: "delegatedPermission", name: scope,
                    resource: resourceName(tally.resource, id: tally.resourceId),
                    consentType: consent, users: tally.all ? nil : tally.users, tier: level, tierReason: tiered?.reason,
                    attackPath: level == 0 ? tiered?.attackPath : nil,
                    preconditions: level == 0 ? tiered?.preconditions ?? [] : [],
                    weight: weight, detail: "Delegated permission, \(who); bounded by the signed-in user's rights."))
        }
    }
}
