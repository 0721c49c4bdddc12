import Testing
import GraphPermCore

/// What a load gathers: per-scheme entries merged file by file, and the permissions that can have grants.
@Suite struct KnowledgeFactsTests {
    @Test func theFirstIDIsKeptAndAConflictNamesBoth() {
        var facts = KnowledgeFacts()
        facts.merge("Mail.Read", .application, from: "a.json", guid: "id-1") { $0.adminDisplayName = "first" }
        facts.merge("Mail.Read", .application, from: "b.json", guid: "id-1") { $0.privilegeLevel = 3 }
        #expect(facts.warnings.isEmpty)
        facts.merge("Mail.Read", .application, from: "c.json", guid: "id-2") { _ in }
        let entry = facts.permissions["Mail.Read"]?[.application]
        #expect(entry?.guid == "id-1" && entry?.adminDisplayName == "first" && entry?.privilegeLevel == 3)
        #expect(facts.warnings
            == ["c.json: Mail.Read (Application) has ID id-2, but an earlier file gave id-1; keeping id-1"])
    }

    @Test func aLaterFileGivesTheIDTheFirstDidNot() {
        var facts = KnowledgeFacts()
        facts.merge("Mail.Read", .delegatedWork, from: "a.json", guid: nil) { _ in }
        facts.merge("Mail.Read", .delegatedWork, from: "b.json", guid: "id-1") { _ in }
        #expect(facts.permissions["Mail.Read"]?[.delegatedWork]?.guid == "id-1" && facts.warnings.isEmpty)
        #expect(facts.permissions["Mail.Read"]?[.application] == nil)
    }

    @Test func grantingPermissionsJoinDocumentsSecurityTableAndGrants() {
        var facts = KnowledgeFacts()
        facts.documentPermissions = ["Listed.NoGrants"]
        facts.securityEntities = [
            SecurityEntity(permission: "SecurityEvents.Read.All", entity: "alerts", resourcePath: "/security/alerts",
                           methods: ["GET"], isPreview: false, docLink: "/graph/api/resources/alert", position: 1)
        ]
        facts.grants = ["A.Read", "A.Read", "B.Read", "A.Read"].map {
            Grant(permission: $0, scheme: .application, method: "GET", template: "/a", isLeast: true, claimOrder: 0)
        }
        #expect(facts.grantingPermissions == ["Listed.NoGrants", "SecurityEvents.Read.All", "A.Read", "B.Read"])
        #expect(KnowledgeFacts().grantingPermissions.isEmpty)
    }
}
