import Testing
import GraphPermCore
import GraphPermKit

/// `show` against the mini knowledge base: permission cards, admin role cards, and "did you mean".
@Suite struct KnowledgeBaseShowTests {
    let kb = MiniKnowledgeBase.shared

    func card(_ key: String) throws -> PermissionCard {
        guard case .permission(let card) = try kb.show(key) else {
            throw LookupError.unknownEntity(key, suggestions: [])
        }
        return card
    }

    @Test func aPermissionCardHasOneEntryPerScheme() throws {
        let card = try card("Mail.Read")
        #expect(card.name == "Mail.Read" && card.resource == "Mail" && card.operation == "Read")
        #expect(card.constraint == nil)
        #expect(card.entries.map(\.scheme) == [.delegatedWork, .application])
        let work = card.entries[0]
        // Microsoft's published IDs of Mail.Read: 570282fd… delegated, 810c84a8… application.
        #expect(work.guid == "570282fd-fa5c-430d-a7fd-fc8dc98a9dca")
        #expect(card.entries[1].guid == "810c84a8-4a9e-49e6-bf7d-12d183f40d01")
        #expect(work.adminDisplayName == "Read user mail" && work.userDisplayName == "Read your mail")
        #expect(work.requiresAdminConsent == false && work.privilegeLevel == 2)
        #expect(card.entries[1].requiresAdminConsent == true && card.entries[1].privilegeLevel == 3)
        // GET /me/messages and GET /users/{id}/messages.
        #expect(work.grantCount == 2)
    }

    @Test func lookupIgnoresCaseAndFindsAnID() throws {
        #expect(try card("mail.read").name == "Mail.Read")
        #expect(try card(" 810c84a8-4a9e-49e6-bf7d-12d183f40d01 ").name == "Mail.Read")
    }

    @Test func theTableHasOneRowPerScheme() throws {
        let table = try #require(try card("Mail.Read").tableForm)
        #expect(table.columns == [
            "permission", "scheme", "id", "display name", "admin consent", "privilege level", "grants", "tier",
        ])
        #expect(table.rows.map { Array($0.prefix(7)) } == [
            ["Mail.Read", "DelegatedWork", "570282fd-fa5c-430d-a7fd-fc8dc98a9dca", "Read user mail", "no", "2", "2"],
            ["Mail.Read", "Application", "810c84a8-4a9e-49e6-bf7d-12d183f40d01", "Read mail in all mailboxes", "yes",
             "3", "2"],
        ])
    }

    @Test func theJSONKeepsItsKeyOrder() throws {
        let json = try card("User.EnableDisableAccount.All").json
        #expect(json.hasPrefix(#"{"name":"User.EnableDisableAccount.All","resource":"User","#
            + #""operation":"EnableDisableAccount","constraint":"All","schemes":{"DelegatedWork":{"id":null,"#))
        #expect(json.contains(#""requiresAdminConsent":true,"privilegeLevel":null,"isEnabled":null,"#
            + #""isHidden":null,"grants":1,"tier":"#))
    }

    @Test func anAdminRoleByNameOrTemplateID() throws {
        // Microsoft Entra's built-in Global Administrator role and its template ID.
        for key in ["Global Administrator", "62e90394-69f5-4237-9190-012177145e10"] {
            guard case .role(let role) = try kb.show(key) else {
                Issue.record("\(key) is not shown as a role")
                continue
            }
            #expect(role.name == "Global Administrator")
            #expect(role.roleTemplateId == "62e90394-69f5-4237-9190-012177145e10")
        }
        #expect(try kb.show("Global Administrator").json
            == #"{"role":"Global Administrator","roleTemplateId":"62e90394-69f5-4237-9190-012177145e10"}"#)
    }

    @Test func anUnknownNameSuggestsNearOnes() {
        let error = #expect(throws: LookupError.self) { try kb.show("Mail.Raed") }
        guard case .unknownEntity(let name, let suggestions)? = error else {
            Issue.record("expected an unknown entity")
            return
        }
        #expect(name == "Mail.Raed" && suggestions.first == "Mail.Read")
        #expect(error?.description.hasPrefix("no entity or path named Mail.Raed; did you mean: Mail.Read") == true)
    }
}
