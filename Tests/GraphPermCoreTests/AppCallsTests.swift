import Testing
@testable import GraphPermJSON
@testable import GraphPermCore

/// An app's calls as `need` and `audit` read them: `METHOD URL` lines, JSON Lines, HAR files (with $batch bodies).
struct AppCallsTests {
    @Test func callsAreReadFromLinesJSONLinesAndHAR() throws {
        let lines = try AppCalls.parse(
            "GET /me\n# comment\n{\"method\": \"post\", \"url\": \"/me/sendMail\"}\n", file: "calls.txt")
        #expect(lines == [.init(method: "GET", url: "/me"), .init(method: "POST", url: "/me/sendMail")])
        let har = try AppCalls.parse(#"""
            {"log": {"entries": [
              {"request": {"method": "GET", "url": "https://graph.microsoft.com/v1.0/me"}},
              {"request": {"method": "OPTIONS", "url": "https://graph.microsoft.com/v1.0/me"}},
              {"request": {"method": "GET", "url": "https://example.com/x"}},
              {"request": {"method": "POST", "url": "https://graph.microsoft.com/beta/$batch", "postData": {"text":
                "{\"requests\": [{\"id\": \"1\", \"method\": \"GET\", \"url\": \"/me/messages\"}, {\"id\": \"2\", \#
                \"method\": \"post\", \"url\": \"me/sendMail\"}]}"}}}
            ]}}
            """#, file: "s.har")
        #expect(
            har == [
                .init(method: "GET", url: "https://graph.microsoft.com/v1.0/me"),
                .init(method: "GET", url: "https://example.com/x"),
                .init(method: "GET", url: "https://graph.microsoft.com/beta/me/messages"),
                .init(method: "POST", url: "https://graph.microsoft.com/beta/me/sendMail"),
            ])
        #expect(
            throws: LoadError.data(
                file: "calls.txt", place: "line 2", message: "expected `METHOD URL`, found \"nonsense\"")
        ) {
            try AppCalls.parse("GET /me\nnonsense\n", file: "calls.txt")
        }
    }
}
