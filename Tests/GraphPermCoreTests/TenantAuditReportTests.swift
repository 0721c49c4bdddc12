import Testing
@testable import GraphPermCore

/// The scoring the report documents (`TenantAuditReport.scoring`) is the scoring the audit applies, term by term.
struct TenantAuditReportTests {
    static let home = "11111111-1111-1111-1111-111111111111"

    /// Application permissions on Graph: Tier 0 (`P0`, and `P0.Conditional` with preconditions), Tier 1, Tier 2.
    static let graph = principal(
        "graph", "Microsoft Graph", appId: MicrosoftGraph.appId,
        roles: [("r0", "P0"), ("r0c", "P0.Conditional"), ("r1", "P1"), ("r2", "P2"),
                ("rw", "Application.ReadWrite.All"), ("rm", "Roles.Assign")])

    static func principal(
        _ id: String, _ name: String, appId: String? = nil, owner: String? = home, audience: String? = nil,
        credentials: [TenantExport.Credential] = [], roles: [(id: String, value: String)] = [],
        holds: [String] = []
    ) -> TenantExport.ServicePrincipal {
        TenantExport.ServicePrincipal(
            id: id, appId: appId ?? id + "-app", displayName: name, appOwnerOrganizationId: owner,
            servicePrincipalType: nil, signInAudience: audience, credentials: credentials, appRoles: roles,
            appRoleAssignments: holds.map { TenantExport.AppRoleAssignment(appRoleId: $0, resourceId: "graph") },
            owners: nil)
    }

    static func tier(_ name: String, _ scheme: Scheme) -> PermissionTier? {
        let (tier, forUser, impact, preconditions): (Int, Int, String?, [String]) =
            switch name {
            case "P0", "D0": (0, 1, "tenantOutage", [])
            case "P0.Conditional": (0, 0, "tenantOutage", ["pimNotInUse"])
            case "Roles.Assign": (0, 0, "globalAdmin", [])
            case "P1", "D1", "Application.ReadWrite.All": (1, 1, nil, [])
            default: (2, 2, nil, [])
            }
        return PermissionTier(
            tier: tier, tierForUser: forUser, basis: .explicit, source: name, reason: "test tier", impact: impact,
            attackPath: impact.map { _ in "a test path" }, preconditions: preconditions)
    }

    static func audit(_ principals: [TenantExport.ServicePrincipal], grants: [TenantExport.DelegatedGrant] = [],
                      roles: [TenantExport.RoleAssignment] = []) -> TenantAuditReport {
        let export = TenantExport(
            servicePrincipals: [graph] + principals, delegatedGrants: grants, roleAssignments: roles)
        return TenantAudit(export: export, tier: tier, roleNames: [:], today: "2026-08-07").run()
    }

    static let adminRole = [
        TenantExport.RoleAssignment(principalId: "an-admin", roleDefinitionId: "role", directoryScopeId: "/"),
    ]

    static func scores(_ report: TenantAuditReport) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: report.apps.map { ($0.displayName, $0.score) })
    }

    @Test func applicationPermissionsWeighByTierAndPreconditions() {
        let report = Self.audit([
            Self.principal("a", "Tier 0", holds: ["r0"]),
            Self.principal("b", "Tier 0 with preconditions", holds: ["r0c"]),
            Self.principal("c", "Tier 1", holds: ["r1"]),
            Self.principal("d", "Tier 2", holds: ["r2"]),
        ])
        #expect(Self.scores(report) == [
            "Tier 0": 100, "Tier 0 with preconditions": 60, "Tier 1": 10, "Tier 2": 1, "Microsoft Graph": 0,
        ])
    }

    @Test func delegatedGrantsWeighByTierAndWhoConsented() {
        let grants = [
            TenantExport.DelegatedGrant(
                clientId: "all", consentType: "AllPrincipals", principalId: nil, resourceId: "graph",
                scopes: ["D0", "D1", "D2"]),
            TenantExport.DelegatedGrant(
                clientId: "user", consentType: "Principal", principalId: "someone", resourceId: "graph",
                scopes: ["D0", "D1", "D2"]),
            TenantExport.DelegatedGrant(
                clientId: "admin", consentType: "Principal", principalId: "an-admin", resourceId: "graph",
                scopes: ["D0"]),
        ]
        let report = Self.audit(
            [Self.principal("all", "All users"), Self.principal("user", "One user"),
             Self.principal("admin", "One admin")],
            grants: grants,
            roles: Self.adminRole)
        let weights = report.apps.map { app in app.findings.map { "\(app.displayName) \($0.name) \($0.weight)" } }
        #expect(weights.flatMap { $0 }.sorted() == [
            "All users D0 40", "All users D1 5", "All users D2 1",
            "One admin D0 10",
            "One user D0 2", "One user D1 2", "One user D2 0",
        ])
    }

    @Test func credentialsWeighWhenExpiredLongLivedOrOnAMicrosoftApp() {
        let microsoft = TenantAudit.microsoftTenants.sorted()[0]
        func secret(_ start: String?, _ end: String?) -> TenantExport.Credential {
            TenantExport.Credential(kind: .password, displayName: nil, start: start, end: end)
        }
        let report = Self.audit([
            Self.principal("a", "Expired", credentials: [secret("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z")]),
            Self.principal("b", "Long", credentials: [secret("2026-01-01T00:00:00Z", "2029-01-01T00:00:00Z")]),
            Self.principal("c", "Short", credentials: [secret("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z")]),
            Self.principal("d", "Microsoft's", owner: microsoft, credentials: [secret(nil, "2027-01-01T00:00:00Z")]),
            Self.principal(
                "e", "Expired and long", credentials: [secret("2020-01-01T00:00:00Z", "2023-01-01T00:00:00Z")]),
        ])
        #expect(Self.scores(report) == [
            "Expired": 1, "Long": 3, "Short": 0, "Microsoft's": 20, "Expired and long": 4, "Microsoft Graph": 0,
        ])
    }

    @Test func aThirdPartyOrMultiTenantHomeAppHoldingTierOneAddsToItsScore() {
        let report = Self.audit([
            Self.principal("a", "Home", holds: ["r1"]),
            Self.principal("b", "Home, multi-tenant", audience: "AzureADMultipleOrgs", holds: ["r1"]),
            Self.principal("c", "Third party", owner: "22222222-2222-2222-2222-222222222222", holds: ["r1"]),
            Self.principal("d", "Third party, Tier 2 only", owner: "22222222-2222-2222-2222-222222222222",
                           holds: ["r2"]),
        ])
        #expect(report.summary.homeTenantId == Self.home)
        #expect(Self.scores(report) == [
            "Home": 10, "Home, multi-tenant": 20, "Third party": 35, "Third party, Tier 2 only": 1,
            "Microsoft Graph": 0,
        ])
    }

    @Test func aChainToGlobalAdministratorThroughAnotherAppAddsForty() throws {
        let report = Self.audit([
            Self.principal("w", "Writer", holds: ["rw"]),
            Self.principal("r", "Role assigner", holds: ["rm"]),
        ])
        let writer = try #require(report.apps.first { $0.displayName == "Writer" })
        #expect(writer.chains.count == 1 && writer.tier == 0)
        #expect(writer.score == 10 + 40)
        #expect(Self.scores(report)["Role assigner"] == 100)
    }

    @Test func appsSortByScoreThenTierThenName() {
        let report = Self.audit(
            [
                Self.principal("a", "B: Tier 1", holds: ["r1"]),
                Self.principal("b", "C: Tier 1", holds: ["r1"]),
                Self.principal("c", "D: Tier 0 by one admin"),
                Self.principal("d", "A: Tier 2", holds: ["r2"]),
            ],
            grants: [
                TenantExport.DelegatedGrant(
                    clientId: "c", consentType: "Principal", principalId: "an-admin", resourceId: "graph",
                    scopes: ["D0"]),
            ],
            roles: Self.adminRole)
        #expect(report.apps.map(\.displayName) == [
            "D: Tier 0 by one admin", "B: Tier 1", "C: Tier 1", "A: Tier 2", "Microsoft Graph",
        ])
    }
}
