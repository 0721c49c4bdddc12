import Testing
import GraphPermCore
import GraphPermJSON
@testable import GraphPermStore

/// The project's own facts: the Security API table, admin roles and tier rules, with errors naming file and place.
struct EmbeddedDataLoaderTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func theEmbeddedFilesLoadWithTheirProvenance() throws {
        var facts = KnowledgeFacts()
        try EmbeddedDataLoader.load(from: Resources.dataDirectory, into: &facts)
        #expect(facts.securityEntities.first?.permission == "SecurityActions.Read.All")
        #expect(facts.securityEntities.map(\.position) == Array(1...facts.securityEntities.count))
        #expect(facts.adminRoles.first?.name == "AI Administrator")
        #expect(facts.provenance.count == 2 && facts.tierRules != nil)
    }

    @Test func aSecurityEntryIsRead() throws {
        let entities = try EmbeddedDataLoader.securityEntities(Self.bytes("""
            {"about": "t", "entities": [{"permission": "SecurityEvents.Read.All", "entity": "alerts", \
            "resourcePath": "/security/alerts", "methods": ["GET", "PATCH"], "preview": false, "docLink": "/a"}]}
            """), file: "s.json")
        #expect(entities == [SecurityEntity(permission: "SecurityEvents.Read.All", entity: "alerts",
                                            resourcePath: "/security/alerts", methods: ["GET", "PATCH"],
                                            isPreview: false, docLink: "/a", position: 1)])
    }

    @Test func aPathOutsideSecurityIsRefusedWithItsPlace() {
        do {
            _ = try EmbeddedDataLoader.securityEntities(Self.bytes("""
                {"about": "t", "entities": [{"permission": "SecurityEvents.Read.All", "entity": "alerts", \
                "resourcePath": "/alerts", "methods": ["GET"], "preview": false, "docLink": "/a"}]}
                """), file: "s.json")
            Issue.record("a path outside /security/ was read")
        } catch {
            guard case .data(let file, let place, let message) = error else { Issue.record("got \(error)"); return }
            #expect(file == "s.json" && place == "$.entities[0].resourcePath")
            #expect(message.contains("a path under /security/"))
        }
    }

    @Test func anUnknownMethodIsRefused() {
        do {
            _ = try EmbeddedDataLoader.securityEntities(Self.bytes("""
                {"about": "t", "entities": [{"permission": "SecurityEvents.Read.All", "entity": "alerts", \
                "resourcePath": "/security/alerts", "methods": ["FETCH"], "preview": false, "docLink": "/a"}]}
                """), file: "s.json")
            Issue.record("FETCH was read as a method")
        } catch {
            guard case .data(_, let place, let message) = error else { Issue.record("got \(error)"); return }
            #expect(place == "$.entities[0].methods" && message.contains("HTTP methods such as"))
        }
    }

    @Test func rolesAreReadWithLowercaseIDsAndPlaces() throws {
        let roles = try EmbeddedDataLoader.adminRoles(Self.bytes("""
            {"about": "r", "roles": [{"role": "Security Reader", "roleTemplateId": \
            "5D6B6BB7-DE71-4623-B4AF-96380A352509", "securityApi": 2}, \
            {"role": "AI Reader", "roleTemplateId": "1fe13547-53f6-408d-ac04-7f8eed167111", "securityApi": null}]}
            """), file: "r.json")
        #expect(roles.map(\.name) == ["Security Reader", "AI Reader"])
        #expect(roles[0].roleTemplateId == "5d6b6bb7-de71-4623-b4af-96380a352509")
        #expect(roles.map(\.securityAPIPosition) == [2, nil] && roles.map(\.position) == [1, 2])
    }

    @Test(arguments: [
        (#"{"role": "X", "roleTemplateId": "5d6b6bb7-de71-4623-b4af-96380a352509", "securityApi": 4}"#,
         "$.roles[0].securityApi", "1, 2, 3 or null"),
        (#"{"role": "", "roleTemplateId": "5d6b6bb7-de71-4623-b4af-96380a352509", "securityApi": null}"#,
         "$.roles[0].role", "a role name"),
    ])
    func aBadRoleIsRefusedWithItsPlace(entry: String, place: String, expected: String) {
        do {
            _ = try EmbeddedDataLoader.adminRoles(Self.bytes(#"{"about": "r", "roles": ["# + entry + "]}"),
                                                  file: "r.json")
            Issue.record("\(entry) was read")
        } catch {
            guard case .data(let file, let found, let message) = error else { Issue.record("got \(error)"); return }
            #expect(file == "r.json" && found == place && message.contains(expected))
        }
    }

    @Test func anUnknownKeyIsRefused() {
        #expect(throws: LoadError.self) {
            try EmbeddedDataLoader.adminRoles(Self.bytes(#"{"about": "r", "roles": [], "extra": 1}"#), file: "r.json")
        }
    }
}
