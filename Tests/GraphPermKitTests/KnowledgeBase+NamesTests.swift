import Testing
@testable import GraphPermKit

/// The names a knowledge base offers for completion: permissions, path templates and entities, in byte order.
struct KnowledgeBaseNamesTests {
    static let kb = MiniKnowledgeBase.shared

    @Test func permissionNamesHoldTheDocumentsAndTheSecurityTablesInByteOrder() throws {
        let names = try Self.kb.permissionNames()
        for name in ["Mail.Read", "Mail.ReadWrite", "User.EnableDisableAccount.All", "User.Read.All",
                     "User.ReadWrite.All", "SecurityEvents.Read.All"] {
            #expect(names.contains(name), "\(name)")
        }
        #expect(names == names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }))
        #expect(Set(names).count == names.count)
    }

    @Test func templatesAreTheDocumentsPathsInByteOrder() throws {
        let templates = try Self.kb.templates()
        #expect(templates.filter { !$0.hasPrefix("/security/") }
            == ["/me/messages", "/me/messages/{id}", "/users/{id}", "/users/{id}/messages"])
        #expect(templates == templates.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }))
    }

    /// An entity is a name that stands for a one-segment template (`users` for `/users`), or a Security API entity.
    @Test func entityNamesAreOneSegmentTemplatesAndSecurityEntities() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let document = folder.file("permissions.json", #"""
            {"permissions": {"User.Read.All": {
              "schemes": {"Application": {"requiresAdminConsent": true}},
              "pathSets": [{"schemeKeys": ["Application"], "methods": ["GET"],
                            "paths": {"/users": "", "/users/{id}": "", "/me/messages": "", "/groups/{id}": ""}}]}}}
            """#)
        try KnowledgeBase.build(from: [document], at: folder.path + "/kb.sqlite")
        let entities = try KnowledgeBase.open(path: folder.path + "/kb.sqlite").entityNames()
        #expect(entities.contains("users") && entities.contains("alerts"))
        #expect(!entities.contains("me") && !entities.contains("groups"))
        #expect(entities == entities.sorted() && Set(entities).count == entities.count)
    }
}
