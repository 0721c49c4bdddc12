import Testing
import GraphPermCore

/// Grants derived from the Graph Security API table for templates the permissions document lacks.
@Suite struct SecurityTableGrantsTests {
    static func entity(_ permission: String, _ methods: [String], path: String = "/security/alerts")
        -> SecurityEntity
    {
        SecurityEntity(permission: permission, entity: "alerts", resourcePath: path, methods: methods,
                       isPreview: false, docLink: "/graph/api/resources/alert", position: 0)
    }

    static func describe(_ grants: [Grant]) -> [String] {
        grants.map { "\($0.permission) \($0.method) \($0.template) \($0.scheme.rawValue) \($0.isLeast)" }
    }

    @Test func collectionAndItemTemplatesWithReadMarkedLeast() {
        let grants = SecurityTableGrants.derive(
            from: [Self.entity("SecurityEvents.Read.All", ["GET"]),
                   Self.entity("SecurityEvents.ReadWrite.All", ["GET", "PATCH"])],
            existingKeys: [])
        #expect(Self.describe(grants) == [
            "SecurityEvents.Read.All GET /security/alerts DelegatedWork true",
            "SecurityEvents.Read.All GET /security/alerts Application true",
            "SecurityEvents.ReadWrite.All GET /security/alerts DelegatedWork false",
            "SecurityEvents.ReadWrite.All GET /security/alerts Application false",
            "SecurityEvents.Read.All GET /security/alerts/{id} DelegatedWork true",
            "SecurityEvents.Read.All GET /security/alerts/{id} Application true",
            "SecurityEvents.ReadWrite.All GET /security/alerts/{id} DelegatedWork false",
            "SecurityEvents.ReadWrite.All GET /security/alerts/{id} Application false",
            "SecurityEvents.ReadWrite.All PATCH /security/alerts/{id} DelegatedWork true",
            "SecurityEvents.ReadWrite.All PATCH /security/alerts/{id} Application true",
        ])
        #expect(grants.allSatisfy { $0.source == .securityTable && $0.claimOrder == 999 })
    }

    @Test func postGoesToTheCollectionOnly() {
        let grants = SecurityTableGrants.derive(from: [Self.entity("ThreatIndicators.ReadWrite.OwnedBy", ["POST"],
                                                                   path: "/security/tiIndicators")],
                                                existingKeys: [])
        #expect(Set(grants.map(\.template)) == ["/security/tiIndicators"])
    }

    @Test func templatesTheDocumentHasAreLeftToIt() {
        let grants = SecurityTableGrants.derive(
            from: [Self.entity("SecurityEvents.Read.All", ["GET"])], existingKeys: ["/security/alerts"])
        #expect(Set(grants.map(\.template)) == ["/security/alerts/{id}"])
        // Keys are compared normalised: the item key is /security/alerts/{}.
        #expect(SecurityTableGrants.derive(from: [Self.entity("SecurityEvents.Read.All", ["GET"])],
                                           existingKeys: ["/security/alerts", "/security/alerts/{}"]).isEmpty)
    }
}
