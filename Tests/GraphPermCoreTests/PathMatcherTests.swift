import Testing
@testable import GraphPermJSON
@testable import GraphPermCore

struct PathMatcherTests {
    static let templates = [
        (1, "/me/messages"), (2, "/users/{id}/messages"), (3, "/users/{user-id}/messages/{id}"),
        (4, "/me/drive/root:/{id}:/content"), (5, "/me/drive/root:/{id}"), (6, "/me/drive/root"),
        (7,
         "/identitygovernance/accessreviews/definitions/{id}/instances/{id}/decisions/filterbycurrentuser(on={value})"),
        (8, "/identitygovernance/accessreviews/definitions/{id}/instances/{id}/decisions/{id}"),
        (9, "/users/delta"), (10, "/subscribedSkus/{id}"), (11, "/subscribedskus/{id}"),
        (12, "/agentRegistry/agentInstances?$filter=agentCardManifest/id eq '{id}'"),
        (13, "/agentRegistry/agentInstances"),
        (14, "/me/mailfolders/{id}/childfolders/{id}/.../messages/{id}"), (15, "/applications(appid={value})/owners"),
        (16, "/deviceManagement/ca({id})"), (17, "/deviceManagement/ca/{id}"),
    ]
    let matcher = PathMatcher(templates: templates)

    @Test(arguments: [
        ("https://graph.microsoft.com/v1.0/me/messages?$top=5#x", [1]),
        ("/beta/Me/Messages/", [1]),
        ("me/messages", [1]),
        ("/users/{id}/messages", [2]),
        ("/users('adele@contoso.com')/messages", [2]),
        ("/users/adele%40contoso.com/messages/AAMk=", [3]),
        ("/users/delta", [9]),
        ("/me/drive/root:/a/b c.txt:/content", [4]),
        ("/me/drive/root:/Folder%20A/report.txt", [5]),
        ("/me/drive/root", [6]),
        ("/identityGovernance/accessReviews/definitions/d1/instances/i1/decisions/filterByCurrentUser(on='reviewer')",
         [7]),
        ("/identityGovernance/accessReviews/definitions/d1/instances/i1/decisions/x42", [8]),
        // Letter-case and parameter-name variants are one resource, whatever the request's spelling.
        ("/subscribedSkus/abc", [10, 11]),
        ("/subscribedskus/abc", [10, 11]),
        ("/SUBSCRIBEDSKUS/abc", [10, 11]),
        ("/agentRegistry/agentInstances?$filter=agentCardManifest/id%20eq%20'a1'", [12]),
        ("/agentRegistry/agentInstances", [13]),
        ("/me/mailFolders/f/childFolders/c/childFolders/d/messages/m", [14]),
        ("/applications(appId='0000')/owners", [15]),
        ("/deviceManagement/ca(abc)", [16]),
        ("/deviceManagement/ca/abc", [17]),
        // OData segments, casts and function calls are never read as an ID.
        ("/users/$count", nil),
        ("/me/messages/$count", nil),
        ("/users/abc/messages/microsoft.graph.eventMessage", nil),
        ("/users/delta()", nil),
    ] as [(String, [Int]?)])
    func matchesWhatUsersPaste(url: String, expected: [Int]?) {
        #expect(matcher.match(RequestPath(url))?.templateIDs == expected)
        // A one-shot lookup matches against the templates CandidateFilter keeps; it must find the same ones.
        let filter = CandidateFilter(RequestPath(url))
        let candidates = PathMatcher(templates: Self.templates.filter { filter.mayMatch(key: TemplateKey.of($0.1)) })
        #expect(candidates.match(RequestPath(url))?.templateIDs == expected)
    }

    @Test func candidateFilterRulesOutOnlyWhatCannotMatch() {
        let filter = CandidateFilter(RequestPath("/v1.0/me/messages"))
        #expect(filter.mayMatch(key: "/me/messages"))
        #expect(filter.mayMatch(key: "/me/{}"))
        #expect(filter.mayMatch(key: "/me/messages?$filter={}"))
        #expect(filter.mayMatch(key: "/me/.../messages"))
        #expect(!filter.mayMatch(key: "/me/messages/{}"))
        #expect(!filter.mayMatch(key: "/me"))
        #expect(!filter.mayMatch(key: "/me/events"))
        #expect(!filter.mayMatch(key: "/me/drive/root:/{}:"))
        let keyed = CandidateFilter(RequestPath("/users('a@b.com')/messages"))
        #expect(keyed.mayMatch(key: "/users/{}/messages"))
        #expect(keyed.mayMatch(key: "/users/{}/messages/{}"))
    }

    @Test func unknownPathsDoNotMatch() {
        #expect(matcher.match(RequestPath("/me/nothing")) == nil)
        #expect(matcher.match(RequestPath("/")) == nil)
    }

    @Test func backtracksFromADeadEndLiteral() {
        let matcher = PathMatcher(templates: [(1, "/a/b/c"), (2, "/a/{id}/d")])
        #expect(matcher.match(RequestPath("/a/b/d"))?.templateIDs == [2])
        #expect(matcher.match(RequestPath("/a/b/c"))?.templateIDs == [1])
    }

    @Test func hostileInputStaysBounded() {
        let long = "/" + Array(repeating: "a", count: 10_000).joined(separator: "/")
        #expect(matcher.match(RequestPath(long)) == nil)
        #expect(RequestPath(long).segments.count <= RequestPath.maxSegments + 1)
    }
}
