/// Audits a tenant export: every service principal's application permissions, delegated grants, directory roles and
/// credentials, weighed by risk tier (`TierRules`), and the chains by which one app takes over others to reach
/// Global Administrator (`TenantChains`). Pure: the caller supplies the tiers, role names and today's date.
///
///     let report = TenantAudit(export: export, tier: { rules.tier(of: $0, scheme: $1) },
///                              roleNames: [...], today: "2026-08-07").run()
///     report.apps[0].displayName   // the worst app
package struct TenantAudit {
    /// Tenants that own Microsoft's first-party apps: Microsoft Services and Microsoft's corporate tenant.
    package static let microsoftTenants: Set<String> = [
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a", "72f988bf-86f1-41af-91ab-2d7cd011db47",
    ]

    let export: TenantExport
    let tier: (String, Scheme) -> PermissionTier?
    let roleNames: [String: String]
    let today: Int

    /// `roleNames` maps role template IDs to names; `today` is `YYYY-MM-DD` (credential expiry and lifetimes).
    package init(
        export: TenantExport, tier: @escaping (String, Scheme) -> PermissionTier?, roleNames: [String: String],
        today: String
    ) {
        self.export = export
        self.tier = tier
        self.roleNames = roleNames
        self.today = ISODay.number(today) ?? 0
    }

    /// What an app holds, resolved to names and tiers.
    struct Holdings {
        var findings: [TenantAuditReport.Finding] = []
        /// Unconditional Tier 0 power that reaches Global Administrator, and how (nil when none).
        var power: String? = nil
        /// Adds credentials to every app (Application.ReadWrite.All, an app admin role), and why.
        var writesAll: String? = nil
        /// Adds credentials to the apps it owns (Application.ReadWrite.OwnedBy).
        var writesOwned = false
    }

    package func run() -> TenantAuditReport {
        let principals = export.servicePrincipals
        var index: [String: Int] = [:]
        index.reserveCapacity(principals.count)
        for (position, principal) in principals.enumerated() where index[principal.id] == nil {
            index[principal.id] = position
        }
        let resolver = GrantResolver(principals: principals, index: index, tier: tier)
        let home = Self.homeTenant(principals)
        var holdings = [Holdings](repeating: Holdings(), count: principals.count)
        for (position, principal) in principals.enumerated() {
            for assignment in principal.appRoleAssignments {
                resolver.applicationFinding(assignment, into: &holdings[position])
            }
        }
        let usersWithRoles = Set(export.roleAssignments.map(\.principalId))
        for (clientIndex, grants) in groupedGrants(index) {
            resolver.delegatedFindings(grants, usersWithRoles: usersWithRoles, into: &holdings[clientIndex])
        }
        for assignment in export.roleAssignments {
            guard let position = index[assignment.principalId] else { continue }
            roleFinding(assignment, into: &holdings[position])
        }
        let chains = TenantChains(principals: principals, index: index, holdings: holdings).chains()
        var apps: [TenantAuditReport.App] = []
        apps.reserveCapacity(principals.count)
        var byTier = [0, 0, 0]
        var parties: [String: Int] = [:]
        for (position, principal) in principals.enumerated() {
            var findings = holdings[position].findings + credentialFindings(principal)
            let chain = chains[position]
            let party = Self.party(principal, home: home)
            let multiTenant = principal.signInAudience.map { $0 != "AzureADMyOrg" } ?? false
            let risky = findings.contains {
                ($0.tier ?? 2) <= 1 && ($0.kind == "applicationPermission" || $0.kind == "directoryRole")
            }
            var score = findings.reduce(0) { $0 + $1.weight } + (chain.isEmpty ? 0 : 40)
            if risky, party == "thirdParty" { score += 25 }
            if risky, party == "home", multiTenant { score += 10 }
            findings.sort { ($0.weight, $1.kind, $1.name) > ($1.weight, $0.kind, $0.name) }
            let tier = min(chain.isEmpty ? 2 : 0, findings.compactMap(\.tier).min() ?? 2)
            byTier[tier] += 1
            parties[party, default: 0] += 1
            apps.append(
                TenantAuditReport.App(
                    id: principal.id, appId: principal.appId, displayName: principal.displayName, tier: tier,
                    score: score,
                    party: party, multiTenant: multiTenant, findings: findings, chains: chain))
        }
        apps.sort { ($1.score, $0.tier, $0.displayName, $0.id) < ($0.score, $1.tier, $1.displayName, $1.id) }
        let summary = TenantAuditReport.Summary(
            servicePrincipals: principals.count, appsByTier: byTier, appsWithChains: chains.count { !$0.isEmpty },
            firstParty: parties["firstParty"] ?? 0, thirdParty: parties["thirdParty"] ?? 0, home: parties["home"] ?? 0,
            managedIdentities: parties["managedIdentity"] ?? 0, homeTenantId: home,
            delegatedGrants: export.delegatedGrants.count, roleAssignments: export.roleAssignments.count)
        return TenantAuditReport(apps: apps, summary: summary)
    }

    /// The delegated grants per client, in client order.
    private func groupedGrants(_ index: [String: Int]) -> [(Int, [TenantExport.DelegatedGrant])] {
        var byClient: [Int: [TenantExport.DelegatedGrant]] = [:]
        for grant in export.delegatedGrants {
            guard let position = index[grant.clientId] else { continue }
            byClient[position, default: []].append(grant)
        }
        return byClient.keys.sorted().map { ($0, byClient[$0]!) }
    }

    private func roleFinding(_ assignment: TenantExport.RoleAssignment, into holdings: inout Holdings) {
        let id = assignment.roleDefinitionId
        let name = roleNames[id] ?? id
        let (tier, weight, detail) = DirectoryRoleRisk.assess(roleTemplateId: id, name: name)
        let scoped = assignment.directoryScopeId.map { $0 != "/" } ?? false
        holdings.findings.append(
            TenantAuditReport.Finding(
                kind: "directoryRole", name: name, resource: nil, consentType: nil, users: nil,
                tier: scoped ? max(tier, 1) : tier,
                tierReason: nil, attackPath: nil, preconditions: [], weight: scoped ? weight / 4 : weight,
                detail: detail + (scoped ? " Scoped to \(assignment.directoryScopeId!)." : "")))
        guard !scoped else { return }
        if DirectoryRoleRisk.reachesGlobalAdmin[id] != nil, holdings.power == nil {
            holdings.power = "\(DirectoryRoleRisk.reachesGlobalAdmin[id]!) (directory role \(name))"
        }
        if DirectoryRoleRisk.addsCredentials.contains(id), holdings.writesAll == nil {
            holdings.writesAll = "directory role \(name)"
        }
    }

    private func credentialFindings(_ principal: TenantExport.ServicePrincipal) -> [TenantAuditReport.Finding] {
        let microsoft = principal.appOwnerOrganizationId.map(Self.microsoftTenants.contains) ?? false
        return principal.credentials.map { credential in
            let start = credential.start.flatMap(ISODay.number)
            let end = credential.end.flatMap(ISODay.number)
            let lifetime = start.flatMap { start in end.map { $0 - start } }
            let expired = end.map { $0 < today } ?? false
            var weight = 0
            var notes: [String] = []
            if expired {
                weight += 1
                notes.append("expired \(credential.end!.prefix(10))")
            } else if let end {
                notes.append("expires in \(end - today) days")
            }
            if let lifetime { notes.append("lifetime \(lifetime) days") }
            if let lifetime, lifetime > 730 {
                weight += 3
                notes.append("longer than two years")
            }
            if microsoft {
                weight += 20
                notes.append("on an app Microsoft owns: Microsoft's apps need no customer credential")
            }
            return TenantAuditReport.Finding(
                kind: "credential", name: credential.kind == .password ? "client secret" : "certificate",
                resource: nil, consentType: nil, users: nil, tier: nil, tierReason: nil, attackPath: nil,
                preconditions: [],
                weight: weight, detail: (credential.displayName.map { "\($0): " } ?? "") + notes.joined(separator: "; ")
            )
        }
    }

    /// The owner of most service principals that Microsoft does not own (managed identities have none).
    static func homeTenant(_ principals: [TenantExport.ServicePrincipal]) -> String? {
        var counts: [String: Int] = [:]
        for principal in principals {
            guard let owner = principal.appOwnerOrganizationId, !microsoftTenants.contains(owner) else { continue }
            counts[owner, default: 0] += 1
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    static func party(_ principal: TenantExport.ServicePrincipal, home: String?) -> String {
        if principal.servicePrincipalType == "ManagedIdentity" { return "managedIdentity" }
        guard let owner = principal.appOwnerOrganizationId else { return "unknown" }
        if microsoftTenants.contains(owner) { return "firstParty" }
        return owner == home ? "home" : "thirdParty"
    }
}
