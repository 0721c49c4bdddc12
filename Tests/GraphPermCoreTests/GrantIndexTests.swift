import Testing
@testable import GraphPermCore

/// One side's grants as numbers for the diff: template keys shared by both sides, least markers per call.
@Suite struct GrantIndexTests {
    static func grant(_ permission: String, _ method: String, _ template: String, least: Bool,
                      scheme: Scheme = .application) -> DiffFacts.GrantFact {
        DiffFacts.GrantFact(permission: permission, scheme: scheme, method: method, template: template,
                            isLeast: least)
    }

    @Test func variantsOfATemplateAreOneOperationAndAnyMarkerMakesAPermissionLeast() {
        let numbers = DiffNumbers()
        let index = GrantIndex([
            Self.grant("A.Read", "GET", "/users/{id}", least: false),
            Self.grant("A.Read", "GET", "/Users/{user-id}", least: true),
            Self.grant("B.Read", "GET", "/users/{id}", least: false),
            Self.grant("B.Read", "GET", "/users/{id}", least: false, scheme: .delegatedWork),
        ], numbers)
        #expect(index.operations.map(numbers.operation).map { "\($0.method) \($0.template)" } == ["GET /users/{}"])
        #expect(index.grants.count == 3)
        let marked = index.marked.map { call, permissions in
            let (method, template, scheme) = numbers.call(call)
            return "\(method) \(template) \(scheme.rawValue): "
                + permissions.map { numbers.permissions.strings[$0] }.sorted().joined(separator: ",")
        }.sorted()
        // A call with grants but no marker is present with an empty set.
        #expect(marked == ["GET /users/{} Application: A.Read", "GET /users/{} DelegatedWork: "])
    }

    @Test func aMalformedTemplateIsLeftOut() {
        let numbers = DiffNumbers()
        let index = GrantIndex([Self.grant("A.Read", "GET", "/chats/{id}}/x", least: true)], numbers)
        #expect(index.grants.isEmpty && index.operations.isEmpty && index.marked.isEmpty)
    }

    @Test func numbersRoundTripToTheirStrings() {
        let numbers = DiffNumbers()
        let index = GrantIndex([Self.grant("Z.Read", "PATCH", "/z/{id}", least: true, scheme: .delegatedPersonal)],
                               numbers)
        let grant = numbers.grant(index.grants.first!)
        #expect(grant == PermissionDiff.GrantChange(permission: "Z.Read", method: "PATCH", template: "/z/{}",
                                                    scheme: .delegatedPersonal))
    }
}
