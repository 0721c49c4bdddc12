import Testing
import GraphPermCore

/// A request URL as people paste it, reduced to the segments the matcher compares.
@Suite struct RequestPathTests {
    @Test(arguments: [
        ("https://graph.microsoft.com/v1.0/me/messages?$top=5", ["me", "messages"], "graph.microsoft.com", "$top=5"),
        ("  /beta/Me/Messages/  ", ["me", "messages"], nil, nil),
        ("graph.microsoft.com/v1.0/me", ["me"], "graph.microsoft.com", nil),
        ("https://user:pw@Graph.Microsoft.com:443/v1.0/me#fragment", ["me"], "graph.microsoft.com", nil),
        ("adele@contoso.com/messages", ["adele@contoso.com", "messages"], nil, nil),
        ("contoso.sharepoint.com,1,2/lists", ["contoso.sharepoint.com,1,2", "lists"], nil, nil),
        ("/users/a/../b/./c", ["users", "b", "c"], nil, nil),
        ("\\users\\x", ["users", "x"], nil, nil),
        ("/users/adele%40contoso.com", ["users", "adele@contoso.com"], nil, nil),
        ("/users/%E0%A4", ["users", "%e0%a4"], nil, nil),
        ("/me/drive/root:/Folder A/b.txt:/content", ["me", "drive", "root:", "foldera/b.txt:", "content"], nil, nil),
        ("/me/events?$filter=start%20ge%20'2026'", ["me", "events"], nil, "$filter=startge2026"),
        ("/me?", ["me"], nil, nil),
        ("", [], nil, nil),
    ] as [(String, [String], String?, String?)])
    func readsWhatUsersPaste(text: String, normalized: [String], host: String?, query: String?) {
        let path = RequestPath(text)
        #expect(path.normalized == normalized)
        #expect(path.host == host)
        #expect(path.query == query)
    }

    @Test func aKeyInParenthesesMayStandForASegmentPair() {
        let path = RequestPath("/users('Adele@contoso.com')/messages")
        #expect(path.normalized == ["users(adele@contoso.com)", "messages"])
        #expect(path.segments[0].keySplit == ["users", "'Adele@contoso.com'"])
        #expect(path.segments[1].keySplit == nil)
        #expect(RequestPath.splitKey("filterByCurrentUser(on='reviewer')") == nil)
        #expect(RequestPath.splitKey("delta()") == nil)
        #expect(RequestPath.splitKey("(abc)") == nil)
        #expect(RequestPath.splitKey("a(b/c)") == nil)
    }

    @Test func odataSegmentsAndCastsAreNeverKeys() {
        let path = RequestPath("/users/abc/microsoft.graph.user/$count")
        #expect(path.segments.map(\.canBeKey) == [true, true, false, false])
    }

    @Test func versionsInAnyCaseAreDropped() {
        #expect(RequestPath.isVersion("V1.0") && RequestPath.isVersion("BETA"))
        #expect(!RequestPath.isVersion("v2") && !RequestPath.isVersion("v1.01"))
        // Only the first segment is the version.
        #expect(RequestPath("/v1.0/beta").normalized == ["beta"])
    }

    @Test func displayPathJoinsTheNormalisedSegments() {
        #expect(RequestPath("/Users/{user-id}/Messages").displayPath == "/users/{}/messages")
        #expect(RequestPath("").displayPath == "/")
    }

    @Test func aVeryLongPathIsCut() {
        let path = RequestPath(String(repeating: "/a", count: 5_000))
        #expect(path.segments.count <= RequestPath.maxSegments + 1)
        #expect(path.segments.count >= RequestPath.maxSegments)
    }
}
