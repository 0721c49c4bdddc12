import Testing
@testable import GraphPermCore

/// What a diff means for a tenant's apps, as JSON and as the changelog's section.
@Suite struct TenantImpactTextTests {
    static func principal(_ id: String, _ name: String, appId: String, roles: [(id: String, value: String)] = [],
                          assignments: [(role: String, resource: String)] = []) -> TenantExport.ServicePrincipal {
        TenantExport.ServicePrincipal(
            id: id, appId: appId, displayName: name, appOwnerOrganizationId: nil, servicePrincipalType: nil,
            signInAudience: nil, credentials: [], appRoles: roles,
            appRoleAssignments: assignments.map {
                TenantExport.AppRoleAssignment(appRoleId: $0.role, resourceId: $0.resource)
            },
            owners: nil)
    }

    static func grant(_ permission: String, least: Bool) -> DiffFacts.GrantFact {
        DiffFacts.GrantFact(permission: permission, scheme: .application, method: "GET",
                            template: "/users/{id}/messages", isLeast: least)
    }

    static let impact: TenantImpact = {
        let export = TenantExport(
            servicePrincipals: [
                principal("g", "Microsoft Graph", appId: MicrosoftGraph.appId,
                          roles: [("r1", "Mail.Read"), ("r2", "Old.Gone")]),
                principal("a", "Mail *Archiver*", appId: "aa", assignments: [("R1", "g"), ("r2", "g")]),
                principal("b", "Untouched", appId: "bb"),
            ],
            delegatedGrants: [], roleAssignments: [])
        let old = DiffFacts(permissions: ["Mail.Read", "Mail.ReadBasic", "Old.Gone"],
                            grants: [grant("Mail.Read", least: true)])
        let new = DiffFacts(permissions: ["Mail.Read", "Mail.ReadBasic"],
                            grants: [grant("Mail.Read", least: false), grant("Mail.ReadBasic", least: true)])
        return TenantImpact(export: export, diff: PermissionDiff(old: old, new: new))
    }()

    @Test func markdownHasOneLinePerAppAndKind() {
        #expect(Self.impact.markdown == """

            ## Your tenant's apps

            1 of 3 service principals hold permissions this diff touches.

            - **Mail \\*Archiver\\*** (aa) holds `Old.Gone` (Application), which was removed
            - **Mail \\*Archiver\\*** (aa) holds `Mail.Read` (Application), no longer least privileged for 1 call it \
            was least privileged for: `GET /users/{}/messages` now Mail.ReadBasic (broader than needed if the app \
            holds it for these calls)

            """)
    }

    @Test func jsonNamesTheAppsAndWhatTouchesThem() {
        #expect(Self.impact.json == #"{"servicePrincipals":3,"appsAffected":1,"apps":[{"id":"a","appId":"aa","#
            + #""displayName":"Mail *Archiver*","permissionsRemoved":[{"permission":"Old.Gone","#
            + #""scheme":"Application"}],"tiersRaised":[],"broaderThanNeeded":[{"permission":"Mail.Read","#
            + #""scheme":"Application","calls":[{"method":"GET","template":"/users/{}/messages","#
            + #""before":["Mail.Read"],"after":["Mail.ReadBasic"]}]}]}]}"#)
    }

    @Test func nothingTouchedSaysSo() {
        let impact = TenantImpact(
            export: TenantExport(servicePrincipals: [Self.principal("b", "B", appId: "bb")], delegatedGrants: [],
                                 roleAssignments: []),
            diff: PermissionDiff(old: DiffFacts(), new: DiffFacts()))
        #expect(impact.markdown
            == "\n## Your tenant's apps\n\nNone of the 1 service principals holds a permission this diff touches.\n")
        #expect(impact.json == #"{"servicePrincipals":1,"appsAffected":0,"apps":[]}"#)
    }
}
