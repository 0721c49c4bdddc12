import Testing
import GraphPermCore

/// Ruling out, from match keys alone, only the templates that cannot match a request.
@Suite struct CandidateFilterTests {
    @Test(arguments: [
        ("/me/messages", "/me/messages", true),
        ("/me/messages", "/me/{}", true),
        ("/me/messages", "/{}/{}", true),
        ("/me/messages", "/me/messages/{}", false),
        ("/me/messages", "/me", false),
        ("/me/messages", "/me/events", false),
        ("/me/messages", "/me/messages?$filter=x/y", true),
        ("/me/messages", "me/messages", true),
        // Globs, drive-item colons and `...` end the comparison: kept.
        ("/me/messages", "/me/...", true),
        ("/me/drive/root:/a.txt:/content", "/me/drive/root:/{}:/content", true),
        ("/me/x", "/me/f(on={})", true),
        // A request segment written name(key) ends the plain part: what follows cannot rule a template out.
        ("/users('a')/messages", "/users/{}/messages", true),
        ("/users('a')/messages", "/groups", true),
        ("/me/messages('m')", "/me/events/{}", true),
        ("/me/messages('m')", "/you/messages/{}", false),
        ("/me/messages('m')", "/me/messages/{}", true),
        ("", "/", true),
        ("/me", "", false),
    ])
    func mayMatch(request: String, key: String, expected: Bool) {
        #expect(CandidateFilter(RequestPath(request)).mayMatch(key: key) == expected)
    }
}
