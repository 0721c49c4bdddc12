/// A place in the statement text: 1-based line and column, and the length of the token there.
public struct SourceLocation: Sendable, Equatable {
    /// The line, from 1.
    public let line: Int
    /// The column, from 1.
    public let column: Int
    /// How many characters the place spans (the carets to draw).
    public let length: Int
}

/// A lexical token of the query language.
package struct Token: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// A bare word: keyword, permission name, method, field, number, GUID.
        case word
        /// A path or URL: starts with `/` or `http`, runs to white space or `;`.
        case path
        /// A quoted string ('...' or "..."), quotes removed.
        case string
        /// `=`, `!=`, `<>`, `<`, `<=`, `>`, `>=`, `(`, `)`, `,`
        case symbol
        case semicolon
        case newline
        case end
    }

    package let kind: Kind
    package let text: String
    package let location: SourceLocation

    /// Whether this is the keyword `word` (case-insensitive).
    package func isKeyword(_ word: String) -> Bool {
        kind == .word && text.lowercased() == word
    }
}
