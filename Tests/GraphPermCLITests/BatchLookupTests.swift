import Testing
import GraphPermKit
@testable import GraphPermCLI

/// `least --batch`: each input line read as `METHOD URL` or a JSON object, answered as one JSON line.
@Suite struct BatchLookupTests {
    static func parsed(_ line: String) -> String {
        switch BatchLookup.parse(line) {
        case .success(let request): "\(request.0) \(request.1)"
        case .failure(let message): "failure: \(message)"
        }
    }

    @Test(arguments: [
        ("GET /me", "GET /me"),
        ("get   /me/messages?$top=5 ", "get /me/messages?$top=5"),
        (#"{"method": "PATCH", "url": "/users/{id}"}"#, "PATCH /users/{id}"),
        (#"{"method": "GET"}"#, #"failure: expected a JSON object with string members "method" and "url""#),
        (#"{"method": 1, "url": "/me"}"#, #"failure: expected a JSON object with string members "method" and "url""#),
        ("{not json", #"failure: expected a JSON object with string members "method" and "url""#),
        ("GET", #"failure: expected `METHOD URL` or a JSON object {"method": ..., "url": ...}"#),
        (" /me", #"failure: expected `METHOD URL` or a JSON object {"method": ..., "url": ...}"#),
        ("GET  \t", #"failure: expected `METHOD URL` or a JSON object {"method": ..., "url": ...}"#),
    ])
    func linesAreMethodAndURLOrJSON(line: String, expected: String) {
        #expect(Self.parsed(line) == expected)
    }

    @Test func trimmingTakesSpacesAndTabsOnly() {
        #expect(BatchLookup.trimmed(" \t GET /me \t") == "GET /me")
        #expect(BatchLookup.trimmed(" \t ") == "")
        #expect(BatchLookup.trimmed("\nGET\n") == "\nGET\n")
    }

    @Test func eachLineIsAnswerOrErrorInOrder() throws {
        let kb = try KnowledgeBase.embedded()
        let output = BatchLookup.results(for: ["GET /security/alerts", "", "  ", "nonsense", "FETCH /x"], kb,
                                         schemes: [.application])
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 4 && lines[3] == "")
        // Microsoft's Security API documentation: listing alerts needs SecurityEvents.Read.All.
        #expect(lines[0].hasPrefix(#"{"request":{"method":"GET","url":"/security/alerts"},"#))
        #expect(lines[0].contains(#""Application":{"least":["SecurityEvents.Read.All"]"#))
        #expect(lines[1] == #"{"request":"nonsense","#
            + #""error":"expected `METHOD URL` or a JSON object {\"method\": ..., \"url\": ...}"}"#)
        #expect(lines[2] == #"{"request":{"method":"FETCH","url":"/x"},"#
            + #""error":"FETCH is not an HTTP method: use GET, POST, PUT, PATCH or DELETE"}"#)
    }

    @Test func aLargeChunkIsSharedOutButKeepsItsOrder() throws {
        let kb = try KnowledgeBase.embedded()
        let lines = (0..<300).map { $0 % 2 == 0 ? "GET /security/alerts" : "bad\($0)" }
        let output = BatchLookup.results(for: lines, kb, schemes: nil).split(separator: "\n")
        #expect(output.count == 300)
        #expect(output[1] == #"{"request":"bad1","#
            + #""error":"expected `METHOD URL` or a JSON object {\"method\": ..., \"url\": ...}"}"#)
        #expect(output[299].hasPrefix(#"{"request":"bad299""#))
    }
}
