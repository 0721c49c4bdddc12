import Testing
@testable import GraphPermQuery

/// Statement text split into tokens, each with its place; errors point at the offending character.
@Suite struct LexerTests {
    static func kinds(_ text: String) throws -> [String] {
        try Lexer.tokens(text).map { token in
            switch token.kind {
            case .word: "word:\(token.text)"
            case .path: "path:\(token.text)"
            case .string: "string:\(token.text)"
            case .symbol: "symbol:\(token.text)"
            case .semicolon: ";"
            case .newline: "newline"
            case .end: "end"
            }
        }
    }

    @Test(arguments: [
        ("least GET /me", ["word:least", "word:GET", "path:/me", "end"]),
        ("show 'it''s' \"say \"\"x\"\"\"", ["word:show", "string:it's", "string:say \"x\"", "end"]),
        ("a>=1 b<>2 c!=3 d<4 (e,f)", [
            "word:a", "symbol:>=", "word:1", "word:b", "symbol:<>", "word:2", "word:c", "symbol:!=", "word:3",
            "word:d", "symbol:<", "word:4", "symbol:(", "word:e", "symbol:,", "word:f", "symbol:)", "end",
        ]),
        ("roles -- a comment; not a token\nentities", ["word:roles", "newline", "word:entities", "end"]),
        ("show {id}@x.y:%*$-_", ["word:show", "word:{id}@x.y:%*$-_", "end"]),
        ("show Ünïcødé١٢", ["word:show", "word:Ünïcødé١٢", "end"]),
        ("", ["end"]),
        ("http", ["path:http", "end"]),
        ("help", ["word:help", "end"]),
    ])
    func tokensOfEachKind(text: String, expected: [String]) throws {
        #expect(try Self.kinds(text) == expected)
    }

    @Test func aPathRunsToWhiteSpaceOrASemicolon() throws {
        #expect(try Self.kinds("least GET /users/{id}/messages?$filter=a;roles")
            == ["word:least", "word:GET", "path:/users/{id}/messages?$filter=a", ";", "word:roles", "end"])
        #expect(try Self.kinds("least GET HTTPS://x/y") == ["word:least", "word:GET", "path:HTTPS://x/y", "end"])
    }

    @Test func locationsCountLinesAndColumnsInScalars() throws {
        let tokens = try Lexer.tokens("show é\n  roles")
        #expect(tokens.map(\.location) == [
            SourceLocation(line: 1, column: 1, length: 4), SourceLocation(line: 1, column: 6, length: 1),
            SourceLocation(line: 1, column: 7, length: 1), SourceLocation(line: 2, column: 3, length: 5),
            SourceLocation(line: 2, column: 8, length: 1),
        ])
        #expect(tokens[0].isKeyword("show") && !tokens[1].isKeyword("show"))
        #expect(try Lexer.tokens("SHOW x")[0].isKeyword("show"))
    }

    @Test(arguments: [
        ("show 'open", "1:6: expected a closing ' before the end of the line", 5),
        ("roles\nshow \"x\ny\"", "2:6: expected a closing \" before the end of the line", 2),
        ("permissions where a ! 1", "1:21: expected '!=' (or '='), found '!'", 1),
        ("show #x", "1:6: unexpected character '#'", 1),
    ])
    func errorsPointAtTheirPlace(text: String, firstLine: String, length: Int) {
        do {
            _ = try Lexer.tokens(text)
            Issue.record("\(text) lexed")
        } catch {
            #expect(error.description.split(separator: "\n").first.map(String.init) == firstLine)
            #expect(error.location.length == length)
        }
    }

    @Test func anUnexpectedCharacterIsRedactedForFilesThatAreNotQueries() {
        do {
            _ = try Lexer.tokens("secret#token")
            Issue.record("lexed")
        } catch {
            #expect(error.redactedDescription == "1:7: unexpected character")
            #expect(!error.redactedDescription.contains("secret"))
        }
    }

    @Test func anOverlongStatementIsRefusedBeforeReading() {
        do {
            _ = try Lexer.tokens(String(repeating: "a", count: Lexer.maxLength + 1))
            Issue.record("lexed")
        } catch {
            #expect(error.message == "the statement is 100001 bytes long; at most 100000 are read")
            #expect(error.location == SourceLocation(line: 1, column: 1, length: 1))
        }
        #expect((try? Lexer.tokens(String(repeating: "a", count: Lexer.maxLength)))?.count == 2)
    }
}
