import Testing
import GraphPermCore
import GraphPermKit

/// `least` against a knowledge base built from the hand-made mini permissions document.
@Suite struct KnowledgeBaseLeastTests {
    let kb = MiniKnowledgeBase.shared

    @Test func aDelegatedOnlyPathAnswersWithMicrosoftsMarkers() throws {
        let answer = try kb.least(method: "GET", target: "/me/messages")
        #expect(answer.template == "/me/messages" && answer.basis == .documented)
        #expect(answer[.delegatedWork]?.least == ["Mail.Read"])
        #expect(answer[.delegatedWork]?.higher == ["Mail.ReadWrite"])
        // No grant for personal accounts; /me has no signed-in user for an app-only token.
        #expect(answer[.delegatedPersonal] == nil && answer[.application] == nil)
        #expect(answer.notes.contains { $0.hasPrefix("Application: /me needs a signed-in user") })
    }

    @Test func aPastedURLWithAKeyInParenthesesFindsTheItemTemplate() throws {
        let answer = try kb.least(
            method: "get", target: "https://graph.microsoft.com/v1.0/users('adele@contoso.com')/messages?$top=5")
        #expect(answer.method == "GET" && answer.template == "/users/{id}/messages")
        #expect(answer.url == "https://graph.microsoft.com/v1.0/users('adele@contoso.com')/messages?$top=5")
        #expect(answer[.application]?.least == ["Mail.Read"])
        #expect(answer[.application]?.higher == ["Mail.ReadWrite"])
    }

    @Test func anAlsoRequiresPairIsOneRequirement() throws {
        let answer = try kb.least(method: "PATCH", target: "/users/abc", scheme: .application)
        #expect(answer.schemes.map(\.scheme) == [.application])
        let application = try #require(answer[.application])
        #expect(application.leastRequirements == [Requirement("User.EnableDisableAccount.All",
                                                              alsoRequires: "User.Read.All")])
        #expect(application.least == ["User.EnableDisableAccount.All and User.Read.All"])
        #expect(application.higher == ["User.ReadWrite.All"])
    }

    @Test func anEntityNameFromTheSecurityTable() throws {
        // Microsoft's Security API documentation: listing alerts needs SecurityEvents.Read.All.
        let answer = try kb.least(method: "GET", target: "alerts", scheme: .application)
        #expect(answer.basis == .securityTable)
        #expect(answer[.application]?.least == ["SecurityEvents.Read.All"])
    }

    @Test func aMethodThatIsNotHTTPIsRefused() {
        let error = #expect(throws: LookupError.self) { try kb.least(method: "FETCH", target: "/me/messages") }
        #expect(error == .badMethod("FETCH"))
        #expect(error?.description == "FETCH is not an HTTP method: use GET, POST, PUT, PATCH or DELETE")
        #expect(error?.exitCode == 1)
    }

    @Test func anUndocumentedMethodListsTheDocumentedOnes() {
        let error = #expect(throws: LookupError.self) { try kb.least(method: "PUT", target: "/me/messages") }
        #expect(error?.description
            == "Microsoft's permission data documents no permission for PUT /me/messages; documented methods:"
            + " DELETE, GET, POST")
    }

    @Test func aTypoGetsDidYouMean() {
        let error = #expect(throws: LookupError.self) { try kb.least(method: "GET", target: "/me/mesages") }
        #expect(error == .undocumentedPath(method: "GET", path: "/me/mesages", suggestions: ["/me/messages"]))
    }

    @Test func anotherHostIsNotGraph() {
        let error = #expect(throws: LookupError.self) {
            try kb.least(method: "GET", target: "https://graph.windows.net/contoso/users")
        }
        #expect(error?.description.hasPrefix("graph.windows.net is not Microsoft Graph") == true)
        #expect(error?.description.contains("Azure AD Graph, retired") == true)
    }

    @Test func anUnknownEntitySuggestsNearNames() {
        let error = #expect(throws: LookupError.self) { try kb.least(method: "GET", target: "alertz") }
        guard case .unknownEntity(let name, let suggestions)? = error else {
            Issue.record("expected an unknown entity, got \(String(describing: error))")
            return
        }
        #expect(name == "alertz" && suggestions.contains("alerts"))
    }

    @Test func resolveNamesTheTemplate() throws {
        let resolution = try kb.resolve(method: "DELETE", target: "/me/messages/AAMk=")
        #expect(resolution.templates == ["/me/messages/{id}"] && resolution.notes.isEmpty)
    }

    @Test(arguments: [
        ("/securty/alerts", ["/security/alerts", "/users"], 1, ["/security/alerts"]),
        // Mail.ReadWrite is 6 edits away and User.Read 5: beyond half the length.
        ("mail.red", ["Mail.Read", "Mail.ReadWrite", "User.Read"], 2, ["Mail.Read"]),
        ("zzzz", ["Mail.Read"], 3, []),
    ])
    func suggestionsAreTheNearestByEditDistance(text: String, candidates: [String], limit: Int, expected: [String]) {
        #expect(Suggestions.nearest(text, in: candidates, limit: limit) == expected)
    }
}
