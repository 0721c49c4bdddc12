import Testing
@testable import GraphPermQuery

/// A query error shows its place with a caret under the token, and a redacted form without the input's text.
@Suite struct QueryErrorTests {
    static func error(_ line: String, column: Int, length: Int, suggestion: String? = nil) -> QueryError {
        QueryError(message: "expected an HTTP method (GET, POST, PUT, PATCH, DELETE), found 'GTE'",
                   location: SourceLocation(line: 1, column: column, length: length), sourceLine: line,
                   suggestion: suggestion, redactedMessage: "expected an HTTP method, found a word of 3 bytes")
    }

    @Test func theCaretSitsUnderTheTokenAndTheSuggestionFollows() {
        let error = Self.error("least GTE /me", column: 7, length: 3, suggestion: "GET")
        #expect(error.description == """
            1:7: expected an HTTP method (GET, POST, PUT, PATCH, DELETE), found 'GTE'
              least GTE /me
                    ^^^
            did you mean 'GET'?
            """)
        #expect(error.redactedDescription == "1:7: expected an HTTP method, found a word of 3 bytes")
    }

    @Test func aLongLineIsCutAroundTheError() {
        let line = String(repeating: "a", count: 100) + "XYZ" + String(repeating: "b", count: 100)
        let lines = Self.error(line, column: 101, length: 3).description.split(separator: "\n")
        // 60 scalars of context on either side, an ellipsis where the line goes on.
        let shown = String(repeating: "a", count: 60) + "XYZ" + String(repeating: "b", count: 60)
        #expect(lines[1] == "  …" + shown + "…")
        #expect(lines[2] == "  " + String(repeating: " ", count: 61) + "^^^")
    }

    @Test func controlCharactersShowAsOneReplacementEach() {
        let error = Self.error("a\u{1b}[31mb", column: 7, length: 1)
        let lines = error.description.split(separator: "\n")
        #expect(lines[1] == "  a\u{FFFD}[31mb")
        #expect(lines[2] == "        ^")
    }

    @Test func aPlaceBeyondTheLineStillGetsOneCaret() {
        let error = QueryError(message: "expected a path", location: SourceLocation(line: 3, column: 40, length: 0),
                               sourceLine: "least GET")
        #expect(error.description == "3:40: expected a path\n  least GET\n           ^")
        #expect(error.redactedDescription == "3:40: expected a path")
        #expect(!error.isAtEnd && error.suggestion == nil)
    }

    @Test(arguments: [
        ("leest", ["least", "show"], "least"),
        ("GTE", ["GET", "PUT"], "GET"),
        ("shwo", ["show", "roles"], "show"),
        ("x", ["least", "show"], nil),
        ("permisions", ["permissions", "paths"], "permissions"),
        ("zzzzzz", ["least"], nil),
    ] as [(String, [String], String?)])
    func closestSuggestsOnlyLikelyTypos(word: String, candidates: [String], expected: String?) {
        #expect(EditDistance.closest(to: word, in: candidates) == expected)
    }

    @Test func distanceIsCaseInsensitiveAndCountsASwapAsOne() {
        #expect(EditDistance.distance("GTE", "get") == 1)
        #expect(EditDistance.distance("", "abc") == 3)
        #expect(EditDistance.distance("kitten", "sitting") == 3)
        #expect(EditDistance.distance("Mail", "mail") == 0)
    }
}
