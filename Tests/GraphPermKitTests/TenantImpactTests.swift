import Foundation
import Testing

@testable import GraphPermCore
@testable import GraphPermJSON

/// `TenantImpact`: which apps of a tenant export hold Microsoft Graph permissions a diff removed, raised toward
/// Tier 0, or stopped marking least privileged for a call they still grant; on a small export written here.
struct TenantImpactTests {
    typealias G = DiffFacts.GrantFact

    static let graph = "00000000-0000-0000-0000-0000000000aa"
    static let other = "00000000-0000-0000-0000-0000000000bb"

    static func principal(
        _ id: String, _ name: String, appId: String = "11111111-0000-0000-0000-000000000000",
        roles: [(id: String, value: String)] = [], assignments: [(role: String, resource: String)] = []
    ) -> TenantExport.ServicePrincipal {
        TenantExport.ServicePrincipal(
            id: id, appId: appId, displayName: name, appOwnerOrganizationId: nil, servicePrincipalType: nil,
            signInAudience: nil, credentials: [], appRoles: roles,
            appRoleAssignments: assignments.map { .init(appRoleId: $0.role, resourceId: $0.resource) }, owners: nil)
    }

    /// Microsoft Graph (defining three app roles), another API defining the same role ID, and four apps: "Archiver"
    /// holds Mail.Read and Old.Read.All as application permissions (and a role of the other API); "Reader" holds
    /// Mail.Read and Files.Read delegated (and Old.Read.All of the other API); "Sites" holds Sites.Read.All;
    /// "Zed" holds nothing.
    static let export = TenantExport(
        servicePrincipals: [
            principal(
                graph, "Microsoft Graph", appId: MicrosoftGraph.appId,
                roles: [("r1", "Mail.Read"), ("r2", "Old.Read.All"), ("r3", "Sites.Read.All")]),
            principal(other, "Other API", roles: [("r1", "Old.Read.All")]),
            principal("c3", "Sites", assignments: [("r3", graph)]),
            principal("c1", "Archiver", assignments: [("r1", graph), ("r2", graph), ("r1", other)]),
            principal("c2", "Reader"),
            principal("c4", "Zed"),
        ],
        delegatedGrants: [
            .init(clientId: "c2", consentType: "AllPrincipals", principalId: nil, resourceId: graph,
                  scopes: ["Mail.Read", "Files.Read"]),
            .init(clientId: "c2", consentType: "AllPrincipals", principalId: nil, resourceId: other,
                  scopes: ["Old.Read.All"]),
        ],
        roleAssignments: [])

    /// Old.Read.All removed; for GET /me/messages (DelegatedWork) Mail.Read stops being least (Mail.ReadBasic is),
    /// and still grants it; for GET /users/{}/messages (Application) Mail.Read stops being least but no longer
    /// grants it at all; Files.Read (DelegatedWork) rises from Tier 2 to 1, Mail.Read (Application) falls.
    static func diff() -> PermissionDiff {
        func tier(_ name: String, _ scheme: Scheme, _ level: Int) -> DiffFacts.TierFact {
            .init(permission: name, scheme: scheme, tier: level, tierForUser: level, source: "r")
        }
        let old = DiffFacts(
            permissions: ["Files.Read", "Mail.Read", "Mail.ReadBasic", "Old.Read.All", "Sites.Read.All"],
            grants: [
                G(permission: "Mail.Read", scheme: .delegatedWork, method: "GET", template: "/me/messages",
                  isLeast: true),
                G(permission: "Mail.ReadBasic", scheme: .delegatedWork, method: "GET", template: "/me/messages",
                  isLeast: false),
                G(permission: "Mail.Read", scheme: .application, method: "GET", template: "/users/{id}/messages",
                  isLeast: true),
                G(permission: "Mail.ReadBasic.All", scheme: .application, method: "GET",
                  template: "/users/{id}/messages", isLeast: false),
            ],
            tiers: [tier("Files.Read", .delegatedWork, 2), tier("Mail.Read", .application, 0)])
        let new = DiffFacts(
            permissions: ["Files.Read", "Mail.Read", "Mail.ReadBasic", "Sites.Read.All"],
            grants: [
                G(permission: "Mail.Read", scheme: .delegatedWork, method: "GET", template: "/me/messages",
                  isLeast: false),
                G(permission: "Mail.ReadBasic", scheme: .delegatedWork, method: "GET", template: "/me/messages",
                  isLeast: true),
                G(permission: "Mail.ReadBasic.All", scheme: .application, method: "GET",
                  template: "/users/{id}/messages", isLeast: true),
            ],
            tiers: [tier("Files.Read", .delegatedWork, 1), tier("Mail.Read", .application, 1)])
        return PermissionDiff(old: old, new: new)
    }

    @Test func eachKindOfImpactOnTheAppsThatHoldThePermission() {
        let impact = TenantImpact(export: Self.export, diff: Self.diff())
        #expect(impact.servicePrincipals == 6)
        #expect(impact.apps.map(\.displayName) == ["Archiver", "Reader"])
        let archiver = impact.apps[0]
        #expect(archiver.permissionsRemoved == [.init(permission: "Old.Read.All", scheme: .application)])
        // Mail.Read lost its marker for GET /users/{}/messages, but no longer grants it: not "broader".
        #expect(archiver.broaderThanNeeded.isEmpty && archiver.tiersRaised.isEmpty)
        let reader = impact.apps[1]
        // Old.Read.All of another API is not Microsoft Graph's.
        #expect(reader.permissionsRemoved.isEmpty)
        #expect(reader.tiersRaised.map(\.permission) == ["Files.Read"])
        #expect(reader.broaderThanNeeded.map(\.permission) == ["Mail.Read"])
        #expect(reader.broaderThanNeeded.first?.calls.map(\.after) == [["Mail.ReadBasic"]])
    }

    @Test func jsonAndMarkdown() throws {
        let impact = TenantImpact(export: Self.export, diff: Self.diff())
        let json = try JSONParser.parse(Array(impact.json.utf8))
        guard case .object(let root) = json, case .array(let apps)? = root["apps"], case .object(let app)? = apps.last
        else {
            Issue.record("not the expected JSON shape: \(impact.json)")
            return
        }
        #expect(root.members.map(\.key) == ["servicePrincipals", "appsAffected", "apps"])
        #expect(
            app.members.map(\.key) == [
                "id", "appId", "displayName", "permissionsRemoved", "tiersRaised", "broaderThanNeeded",
            ])
        let markdown = impact.markdown
        #expect(markdown.contains("2 of 6 service principals hold permissions this diff touches."))
        #expect(
            markdown.contains(
                "- **Archiver** (11111111-0000-0000-0000-000000000000) holds `Old.Read.All` (Application), which was "
                    + "removed\n"))
        #expect(markdown.contains("holds `Files.Read` (DelegatedWork), whose tier rose T2 → T1\n"))
        #expect(markdown.contains("`GET /me/messages` now Mail.ReadBasic"))
    }

    @Test func noChangeTouchesNoApp() {
        let facts = DiffFacts(permissions: ["Mail.Read"])
        let same = PermissionDiff(old: facts, new: facts)
        let impact = TenantImpact(export: Self.export, diff: same)
        #expect(impact.apps.isEmpty)
        #expect(impact.markdown.contains("None of the 6 service principals holds a permission this diff touches."))
    }
}
