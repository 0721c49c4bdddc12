import Testing
import GraphPermCore
@testable import GraphPermStore

/// Filling a knowledge base in the order facts become known, from small facts written by hand.
struct KnowledgeBaseFillerTests {
    static func grant(_ permission: String, _ method: String, _ template: String, least: Bool = false,
                      order: Int) -> Grant {
        Grant(permission: permission, scheme: .application, method: method, template: template, isLeast: least,
              claimOrder: order)
    }

    static let alerts = SecurityEntity(
        permission: "SecurityAlert.Read.All", entity: "alerts", resourcePath: "/security/alerts", methods: ["GET"],
        isPreview: false, docLink: "/graph/api/resources/alert", position: 1)

    /// A connection filled with `grants` (in two batches) and the security table.
    static func filled(_ grants: [Grant], security: [SecurityEntity] = [alerts]) throws -> SQLiteConnection {
        var facts = KnowledgeFacts()
        facts.grants = grants
        facts.documentPermissions = Set(grants.map(\.permission))
        facts.securityEntities = security
        let db = try SQLiteConnection(path: nil)
        try db.execute("BEGIN")
        var filler = try KnowledgeBaseFiller(db)
        filler.number(granting: facts.grantingPermissions)
        try filler.add(Array(grants.prefix(2)))
        try filler.add(Array(grants.dropFirst(2)))
        try filler.finishGrants(securityEntities: facts.securityEntities)
        try filler.finish(with: facts)
        try db.execute("COMMIT")
        return db
    }

    static let grants = [
        grant("User.Read.All", "GET", "/users/{id}", least: true, order: 1),
        grant("Mail.Read", "GET", "/me/messages", least: true, order: 2),
        grant("Mail.Read", "GET", "/users/{id}/messages", order: 3),
        grant("User.Read.All", "GET", "/users/{id}/messages", order: 4),
    ]

    @Test func templatesAreNumberedAsTheyFirstAppearAcrossBatches() throws {
        let db = try Self.filled(Self.grants)
        let rows = try db.makeStatement("SELECT id, template FROM path_template ORDER BY id").rows {
            "\($0["id"] as Int) \($0["template"] as String)"
        }
        #expect(rows == ["1 /users/{id}", "2 /me/messages", "3 /users/{id}/messages", "4 /security/alerts",
                         "5 /security/alerts/{id}"])
    }

    @Test func permissionsAreNumberedInNameOrderWithTheirParts() throws {
        let db = try Self.filled(Self.grants)
        let rows = try db.makeStatement("SELECT id, name, resource, operation FROM permission ORDER BY id").rows {
            let operation: String? = $0["operation"]
            return "\($0["id"] as Int) \($0["name"] as String) \($0["resource"] as String) \(operation ?? "-")"
        }
        #expect(rows == ["1 Mail.Read Mail Read", "2 SecurityAlert.Read.All SecurityAlert Read",
                         "3 User.Read.All User Read"])
    }

    @Test func grantsJoinTheirPermissionAndTemplate() throws {
        let db = try Self.filled(Self.grants)
        let store = KnowledgeStore(connection: db, location: "memory")
        let grants = try store.allGrants()
        #expect(grants[3]?.map(\.permission) == ["Mail.Read", "User.Read.All"])
        // The claim order is made unique across permissions: (permission ID - 1) * 1000 + the document's order.
        var stored = Self.grants[0]
        stored.claimOrder = 2_001
        #expect(grants[1] == [stored])
        #expect(grants[2]?.map(\.claimOrder) == [2])
        let security = try #require(grants[4]?.first)
        #expect(security.permission == "SecurityAlert.Read.All" && security.method == "GET")
        #expect(security.source == .securityTable)
    }

    @Test func theSchemesAreWrittenFirst() throws {
        let db = try Self.filled([])
        let rows = try db.makeStatement("SELECT id, name FROM scheme ORDER BY id").rows {
            "\($0["id"] as Int) \($0["name"] as String)"
        }
        #expect(rows == ["1 DelegatedWork", "2 DelegatedPersonal", "3 Application"])
    }
}
