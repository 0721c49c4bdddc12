import Testing
import GraphPermCore

/// A template's grants indexed as Microsoft's claims: in claim order, each (method, scheme, permission, partners)
/// once.
@Suite struct ClaimSetTests {
    static func grant(_ permission: String, _ method: String, order: Int, least: Bool = false,
                      scheme: Scheme = .delegatedWork, partners: [String] = [], template: String = "/t",
                      source: GrantSource = .document) -> Grant {
        Grant(permission: permission, scheme: scheme, method: method, template: template, isLeast: least,
              alsoRequires: partners, claimOrder: order, source: source)
    }

    @Test func claimsComeInClaimOrderWhateverTheGrantOrder() {
        let set = ClaimSet(grants: [
            Self.grant("Mail.ReadWrite", "GET", order: 3), Self.grant("Mail.Read", "GET", order: 1, least: true),
            Self.grant("Mail.ReadBasic", "GET", order: 2),
        ])
        #expect(set.claims(method: "GET", scheme: .delegatedWork).map(\.permission)
            == ["Mail.Read", "Mail.ReadBasic", "Mail.ReadWrite"])
        #expect(set.claims(method: "GET", scheme: .delegatedWork).map(\.isLeast) == [true, false, false])
        #expect(set.claims(method: "GET", scheme: .application).isEmpty)
        #expect(set.claims(method: "POST", scheme: .delegatedWork).isEmpty)
    }

    @Test func aClaimRepeatedOnMergedTemplatesCountsOnceWithItsFirstMarker() {
        let set = ClaimSet(grants: [
            Self.grant("A.Read", "GET", order: 1, least: false, template: "/users/{user-id}"),
            Self.grant("A.Read", "GET", order: 1, least: true, template: "/users/{id}"),
            Self.grant("A.Read", "GET", order: 1, partners: ["B.Read"], template: "/users/{id}"),
        ])
        let claims = set.claims(method: "GET", scheme: .delegatedWork)
        // Equal claim order: the template breaks the tie ("/users/{id}" before "/users/{user-id}").
        #expect(claims.map(\.isLeast) == [true, false])
        #expect(claims.map(\.alsoRequires) == [[], ["B.Read"]])
        #expect(claims[1].label == "A.Read and B.Read" && claims[1].requirement.alsoRequires == "B.Read")
    }

    @Test func methodsAndSources() {
        let set = ClaimSet(grants: [
            Self.grant("A.ReadWrite", "PATCH", order: 1), Self.grant("A.ReadWrite", "GET", order: 1),
            Self.grant("A.ReadWrite", "DELETE", order: 1, scheme: .application, source: .securityTable),
        ])
        #expect(set.methods == ["DELETE", "GET", "PATCH"])
        #expect(set.supports(method: "GET") && !set.supports(method: "POST"))
        #expect(set.methods(of: "A.ReadWrite", scheme: .delegatedWork) == ["GET", "PATCH"])
        #expect(set.methods(of: "A.ReadWrite", scheme: .application) == ["DELETE"])
        #expect(set.methods(of: "B.Read", scheme: .application).isEmpty)
        #expect(set.sources == [.document, .securityTable])
        #expect(ClaimSet(grants: []).methods.isEmpty)
    }
}
