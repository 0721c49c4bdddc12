import Testing
@testable import GraphPermCore

/// Chains by which one app takes over others (adding a credential and signing in as them) to reach Global
/// Administrator.
@Suite struct TenantChainsTests {
    static func principal(_ id: String, _ name: String, owners: [String]? = nil, type: String? = nil,
                          ownerTenant: String? = nil) -> TenantExport.ServicePrincipal {
        TenantExport.ServicePrincipal(
            id: id, appId: "app-" + id, displayName: name, appOwnerOrganizationId: ownerTenant,
            servicePrincipalType: type, signInAudience: nil, credentials: [], appRoles: [], appRoleAssignments: [],
            owners: owners)
    }

    static func holdings(power: String? = nil, writesAll: String? = nil, writesOwned: Bool = false)
        -> TenantAudit.Holdings
    {
        var holdings = TenantAudit.Holdings()
        holdings.power = power
        holdings.writesAll = writesAll
        holdings.writesOwned = writesOwned
        return holdings
    }

    static func chains(_ apps: [(TenantExport.ServicePrincipal, TenantAudit.Holdings)])
        -> [[TenantAuditReport.Chain]]
    {
        var index: [String: Int] = [:]
        for (position, app) in apps.enumerated() { index[app.0.id] = position }
        return TenantChains(principals: apps.map(\.0), index: index, holdings: apps.map(\.1)).chains()
    }

    static func actions(_ chain: TenantAuditReport.Chain) -> [String] {
        chain.steps.map { "\($0.displayName): \($0.action)" }
    }

    static let power = "holds RoleManagement.ReadWrite.Directory: assign itself Global Administrator"

    @Test func ownersAndWritersReachTheAppWithThePower() {
        let chains = Self.chains([
            (Self.principal("p0", "Power", owners: ["p1"]), Self.holdings(power: Self.power)),
            (Self.principal("p1", "Owner", owners: ["p5"]), Self.holdings(writesOwned: true)),
            (Self.principal("p2", "Writer"), Self.holdings(writesAll: "holds Application.ReadWrite.All")),
            (Self.principal("p3", "Plain"), Self.holdings()),
            (Self.principal("p5", "Grand owner"), Self.holdings(writesOwned: true)),
        ])
        #expect(chains[0].isEmpty && chains[3].isEmpty)
        #expect(chains[1].map(\.reaches) == ["Global Administrator"])
        #expect(Self.actions(chains[1][0]) == [
            "Owner: adds a client secret to Power (p0) and signs in as it: it owns it and holds"
                + " Application.ReadWrite.OwnedBy",
            "Power: reaches Global Administrator: it \(Self.power)",
        ])
        #expect(Self.actions(chains[2][0]) == [
            "Writer: adds a client secret to Power (p0) and signs in as it: it holds Application.ReadWrite.All",
            "Power: reaches Global Administrator: it \(Self.power)",
        ])
        // Two hops: the owner of the owner.
        #expect(chains[4][0].steps.map(\.id) == ["p5", "p1", "p0"])
    }

    @Test func managedIdentitiesAndMicrosoftsAppsTakeNoCredential() {
        let chains = Self.chains([
            (Self.principal("mi", "Identity", owners: ["o"], type: "ManagedIdentity"),
             Self.holdings(power: Self.power)),
            (Self.principal("ms", "Microsoft app", owners: ["o"], ownerTenant: "f8cdef31-a31e-4b4a-93e4-5f571e91255a"),
             Self.holdings(power: Self.power)),
            (Self.principal("o", "Owner"), Self.holdings(writesOwned: true)),
            (Self.principal("w", "Writer"), Self.holdings(writesAll: "holds Directory.ReadWrite.All")),
        ])
        #expect(chains.allSatisfy { $0.isEmpty })
    }

    @Test func aWriterListsOneChainPerAppWithThePower() {
        var apps = (0..<12).map {
            (Self.principal("t\($0)", "Target \($0)"), Self.holdings(power: Self.power))
        }
        apps.append(
            (Self.principal("w", "Writer"), Self.holdings(writesAll: "directory role Application Administrator")))
        let chains = Self.chains(apps)
        #expect(chains.last?.count == TenantChains.chainsPerWriter)
        #expect(chains.last?.first?.steps.first?.action
            == "adds a client secret to Target 0 (t0) and signs in as it: it holds the directory role"
                + " Application Administrator")
    }
}
