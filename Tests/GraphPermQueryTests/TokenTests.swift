import Testing
import GraphPermQuery

/// Tokens of the query language: a keyword is a word in any letter case, never a quoted string or a path.
@Suite struct TokenTests {
    @Test func keywordsAreWordsInAnyCase() throws {
        let tokens = try Lexer.tokens("LEAST 'least' /least least")
        #expect(tokens.map { $0.isKeyword("least") } == [true, false, false, true, false])
        #expect(!tokens[0].isKeyword("LEAST"))
    }
}
