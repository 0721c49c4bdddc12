/// Splits statement text into tokens. Keywords are not special here; the parser decides.
///
///     try Lexer.tokens("least GET /me")  // word "least", word "GET", path "/me", end
package enum Lexer {
    package static let maxLength = 100_000

    package static func tokens(_ text: String) throws(QueryError) -> [Token] {
        guard text.utf8.count <= maxLength else {
            throw QueryError(message: "the statement is \(text.utf8.count) bytes long; at most \(maxLength) are read",
                             location: SourceLocation(line: 1, column: 1, length: 1), sourceLine: "")
        }
        let characters = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var index = 0
        var line = 1
        var lineStart = 0
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func location(_ start: Int, _ end: Int) -> SourceLocation {
            SourceLocation(line: line, column: start - lineStart + 1, length: max(1, end - start))
        }
        func fail(_ message: String, _ start: Int, _ end: Int) -> QueryError {
            QueryError(message: message, location: location(start, end),
                       sourceLine: lines[min(line - 1, lines.count - 1)])
        }
        while index < characters.count {
            let character = characters[index]
            let start = index
            if character == "\n" {
                tokens.append(Token(kind: .newline, text: "\n", location: location(start, start + 1)))
                index += 1
                line += 1
                lineStart = index
                continue
            }
            if character.properties.isWhitespace { index += 1; continue }
            if character == "-", index + 1 < characters.count, characters[index + 1] == "-" {
                while index < characters.count, characters[index] != "\n" { index += 1 }
                continue
            }
            if character == "'" || character == "\"" {
                var value = ""
                index += 1
                var closed = false
                while index < characters.count {
                    if characters[index] == character {
                        if index + 1 < characters.count, characters[index + 1] == character {
                            value.unicodeScalars.append(character)
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    if characters[index] == "\n" { break }
                    value.unicodeScalars.append(characters[index])
                    index += 1
                }
                guard closed else {
                    throw fail("expected a closing \(character) before the end of the line", start, index)
                }
                tokens.append(Token(kind: .string, text: value, location: location(start, index)))
                continue
            }
            if character == "/"
                || ((character == "h" || character == "H")
                    && joined(characters[index..<min(index + 4, characters.count)]).lowercased() == "http") {
                while index < characters.count, !characters[index].properties.isWhitespace, characters[index] != ";" {
                    index += 1
                }
                tokens.append(Token(kind: .path, text: joined(characters[start..<index]),
                                    location: location(start, index)))
                continue
            }
            if character == ";" {
                tokens.append(Token(kind: .semicolon, text: ";", location: location(start, start + 1)))
                index += 1
                continue
            }
            if "=<>!(),".unicodeScalars.contains(character) {
                var symbol = String(character)
                if index + 1 < characters.count,
                   ["!=", "<>", "<=", ">="].contains(symbol + String(characters[index + 1])) {
                    symbol += String(characters[index + 1])
                }
                guard symbol != "!" else { throw fail("expected '!=' (or '='), found '!'", start, start + 1) }
                index += symbol.count
                tokens.append(Token(kind: .symbol, text: symbol, location: location(start, index)))
                continue
            }
            if isWordCharacter(character) {
                while index < characters.count, isWordCharacter(characters[index]) { index += 1 }
                tokens.append(Token(kind: .word, text: joined(characters[start..<index]),
                                    location: location(start, index)))
                continue
            }
            throw QueryError(message: "unexpected character '\(Excerpt.text(String(character)))'",
                             location: location(start, start + 1),
                             sourceLine: lines[min(line - 1, lines.count - 1)], redactedMessage: "unexpected character")
        }
        tokens.append(Token(kind: .end, text: "", location: location(index, index + 1)))
        return tokens
    }

    /// Letters, digits and `._-{}%*$@:` (by Unicode scalar, so combining marks never merge with a delimiter).
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            || "._-{}%*$@:".unicodeScalars.contains(scalar)
    }

    private static func joined(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }
}
