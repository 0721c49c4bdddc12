import Testing
@testable import GraphPermCore

/// App role assignments and delegated grants turned into named, tiered, weighted findings.
@Suite struct GrantResolverTests {
    static let graphId = "11111111-1111-1111-1111-111111111111"
    static let otherId = "22222222-2222-2222-2222-222222222222"
    static let roleId = "33333333-3333-3333-3333-333333333333"
    static let ownedById = "44444444-4444-4444-4444-444444444444"

    static func principal(_ id: String, appId: String, name: String, roles: [(id: String, value: String)] = [])
        -> TenantExport.ServicePrincipal
    {
        TenantExport.ServicePrincipal(
            id: id, appId: appId, displayName: name, appOwnerOrganizationId: nil, servicePrincipalType: nil,
            signInAudience: nil, credentials: [], appRoles: roles, appRoleAssignments: [], owners: nil)
    }

    static let principals = [
        principal(graphId, appId: MicrosoftGraph.appId, name: "Microsoft Graph",
                  roles: [(roleId, "RoleManagement.ReadWrite.Directory"),
                          (ownedById, "Application.ReadWrite.OwnedBy")]),
        principal(otherId, appId: "55555555-5555-5555-5555-555555555555", name: "Contoso API",
                  roles: [(roleId, "Orders.Read")]),
    ]

    /// Tier 0 with a path to Global Administrator for the role-management write, Tier 0/2 for Mail.Read's delegated
    /// reading by an admin or a user, Tier 1 otherwise.
    static func tier(_ name: String, _ scheme: Scheme) -> PermissionTier? {
        switch (name, scheme) {
        case ("RoleManagement.ReadWrite.Directory", _):
            PermissionTier(tier: 0, tierForUser: 0, basis: .explicit, source: name, reason: "assigns roles",
                           impact: "globalAdmin", attackPath: "assign itself Global Administrator",
                           preconditions: [])
        case ("Mail.Read", .delegatedWork):
            PermissionTier(tier: 0, tierForUser: 2, basis: .rule, source: "mail", reason: "reads mail",
                           impact: "globalAdmin", attackPath: "read an admin's mail", preconditions: ["phish"])
        default:
            PermissionTier(tier: 1, tierForUser: 1, basis: .default, source: "default", reason: "other",
                           impact: nil, attackPath: nil, preconditions: [])
        }
    }

    static func resolver() -> GrantResolver {
        GrantResolver(principals: principals, index: [graphId: 0, otherId: 1], tier: tier)
    }

    @Test func aGraphAppRoleIsNamedTieredAndNotedAsPower() {
        var holdings = TenantAudit.Holdings()
        let resolver = Self.resolver()
        resolver.applicationFinding(
            TenantExport.AppRoleAssignment(appRoleId: Self.roleId, resourceId: Self.graphId), into: &holdings)
        #expect(holdings.findings.count == 1)
        let finding = holdings.findings[0]
        #expect(finding.name == "RoleManagement.ReadWrite.Directory" && finding.resource == "Microsoft Graph")
        #expect(finding.tier == 0 && finding.weight == 100)
        #expect(finding.attackPath == "assign itself Global Administrator")
        #expect(holdings.power == "holds RoleManagement.ReadWrite.Directory: assign itself Global Administrator")
        #expect(holdings.writesAll == nil && !holdings.writesOwned)
        resolver.applicationFinding(
            TenantExport.AppRoleAssignment(appRoleId: Self.ownedById, resourceId: Self.graphId), into: &holdings)
        #expect(holdings.writesOwned && holdings.findings[1].weight == 10)
    }

    @Test func anotherAPIsRoleIsNamedButNotTiered() {
        var holdings = TenantAudit.Holdings()
        Self.resolver().applicationFinding(
            TenantExport.AppRoleAssignment(appRoleId: Self.roleId, resourceId: Self.otherId), into: &holdings)
        let finding = holdings.findings[0]
        #expect(finding.name == "Orders.Read" && finding.resource == "Contoso API")
        #expect(finding.tier == nil && finding.weight == 0)
        #expect(finding.detail == "An app role of an API other than Microsoft Graph: not tiered.")
        #expect(holdings.power == nil)
    }

    @Test func anUnknownResourceKeepsTheRawIDs() {
        var holdings = TenantAudit.Holdings()
        let missing = "66666666-6666-6666-6666-666666666666"
        Self.resolver().applicationFinding(
            TenantExport.AppRoleAssignment(appRoleId: Self.roleId, resourceId: missing), into: &holdings)
        #expect(holdings.findings[0].name == Self.roleId && holdings.findings[0].resource == missing)
    }

    static func grant(_ consent: String, user: String?, scopes: [String], resource: String = graphId)
        -> TenantExport.DelegatedGrant
    {
        TenantExport.DelegatedGrant(clientId: "c", consentType: consent, principalId: user, resourceId: resource,
                                    scopes: scopes)
    }

    @Test func delegatedGrantsAreTalliedPerPermissionInFirstSeenOrder() {
        var holdings = TenantAudit.Holdings()
        Self.resolver().delegatedFindings(
            [
                Self.grant("Principal", user: "u1", scopes: ["Mail.Read", "User.Read"]),
                Self.grant("Principal", user: "admin", scopes: ["User.Read"]),
                Self.grant("AllPrincipals", user: nil, scopes: ["Files.Read"]),
                Self.grant("Principal", user: "u2", scopes: ["Mail.Read"]),
            ],
            usersWithRoles: ["admin"], into: &holdings)
        #expect(holdings.findings.map(\.name) == ["Mail.Read", "User.Read", "Files.Read"])
        // Mail.Read: two ordinary users, so the tier for a user (2), weight 0.
        let mail = holdings.findings[0]
        #expect(mail.users == 2 && mail.tier == 2 && mail.weight == 0 && mail.consentType == "Principal")
        #expect(mail.attackPath == nil && mail.preconditions.isEmpty)
        #expect(mail.detail == "Delegated permission, consented by 2 users; bounded by the signed-in user's rights.")
        // User.Read: one of its users holds a directory role.
        #expect(holdings.findings[1].detail.contains("consented by 2 users, one of them holding a directory role"))
        #expect(holdings.findings[1].tier == 1 && holdings.findings[1].weight == 2)
        // Files.Read: consented for every user.
        let files = holdings.findings[2]
        #expect(files.consentType == "AllPrincipals" && files.users == nil && files.weight == 5)
        #expect(files.detail.contains("consented for every user"))
    }

    @Test func anAdminsConsentMakesTheAdminTierCount() {
        var holdings = TenantAudit.Holdings()
        Self.resolver().delegatedFindings(
            [Self.grant("Principal", user: "admin", scopes: ["Mail.Read"])], usersWithRoles: ["admin"],
            into: &holdings)
        let mail = holdings.findings[0]
        #expect(mail.tier == 0 && mail.weight == 10 && mail.attackPath == "read an admin's mail")
        #expect(mail.preconditions == ["phish"] && mail.users == 1)
        #expect(mail.detail.contains("consented by 1 user, one of them"))
    }

    @Test func delegatedScopesOfAnotherAPIHaveNoTier() {
        var holdings = TenantAudit.Holdings()
        Self.resolver().delegatedFindings(
            [Self.grant("AllPrincipals", user: nil, scopes: ["Orders.Read"], resource: Self.otherId)],
            usersWithRoles: [], into: &holdings)
        #expect(holdings.findings[0].tier == nil && holdings.findings[0].weight == 0)
        #expect(holdings.findings[0].resource == "Contoso API")
    }
}
