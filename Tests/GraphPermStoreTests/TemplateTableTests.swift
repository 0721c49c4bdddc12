import Testing
import GraphPermCore
@testable import GraphPermStore

/// The distinct templates of a load with IDs in order of first appearance and their match keys.
struct TemplateTableTests {
    static func grant(_ template: String) -> Grant {
        Grant(permission: "Mail.Read", scheme: .application, method: "GET", template: template, isLeast: false,
              claimOrder: 0)
    }

    @Test func templatesAreNumberedInOrderOfFirstAppearance() {
        var table = TemplateTable()
        table.add(templatesOf: ["/me/messages", "/me/messages", "/users/{id}", "/me/messages"].map(Self.grant))
        table.add("/users/{id}")
        table.add("/groups")
        #expect(table.id(of: "/me/messages") == 1 && table.id(of: "/users/{id}") == 2 && table.id(of: "/groups") == 3)
        #expect(table.entries.map(\.template) == ["/me/messages", "/users/{id}", "/groups"])
    }

    @Test func eachTemplateCarriesItsMatchKey() {
        var table = TemplateTable()
        table.add("/users/{id}/messages")
        table.add("/me")
        #expect(table.keys == [TemplateKey.of("/users/{id}/messages"), TemplateKey.of("/me")])
        #expect(table.keys[1] == "/me")
    }
}
