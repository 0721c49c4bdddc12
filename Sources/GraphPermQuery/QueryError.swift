/// A query error that points at its place: `line:column`, the line with a caret under the token, what was
/// expected, and a suggestion.
///
///     1:7: expected an HTTP method (GET, POST, PUT, PATCH, DELETE), found 'GTE'
///       least GTE /me
///             ^^^
///     did you mean 'GET'?
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong: `expected a method, found the end`.
    public let message: String
    /// Where in the text: line, column and the length to underline.
    public let location: SourceLocation
    /// The line of the text the error is on, shown above the caret.
    public let sourceLine: String
    /// A close word the user may have meant: `name` for `nmae`; nil when none is close.
    public var suggestion: String?
    /// Whether the statement simply stopped early (the REPL then asks for more lines).
    package var isAtEnd: Bool = false
    /// The message without any text of the input: the kind and size of what was found instead of its text.
    package var redactedMessage: String

    package init(
        message: String, location: SourceLocation, sourceLine: String, suggestion: String? = nil, isAtEnd: Bool = false,
                redactedMessage: String? = nil) {
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
        self.suggestion = suggestion
        self.isAtEnd = isAtEnd
        self.redactedMessage = redactedMessage ?? message
    }

    /// How many scalars of the source line are shown on either side of the error (a long line is cut around it).
    static let context = 60

    /// The message, the line and a caret under the place: `1:8: expected ..., found ...`.
    public var description: String {
        let scalars = Array(sourceLine.unicodeScalars)
        let errorStart = max(0, min(location.column - 1, scalars.count))
        let start = max(0, errorStart - Self.context)
        let end = min(scalars.count, errorStart + max(1, location.length) + Self.context)
        // One column per scalar, so that the caret stays under the token: controls show as U+FFFD.
        var shown = start > 0 ? "…" : ""
        for scalar in scalars[start..<end] {
            shown.unicodeScalars.append(Excerpt.isControl(scalar) ? "\u{FFFD}" : scalar)
        }
        if end < scalars.count { shown += "…" }
        let caretColumn = errorStart - start + (start > 0 ? 1 : 0)
        let caretLength = min(max(1, location.length), max(1, end - errorStart))
        var text = "\(location.line):\(location.column): \(message)\n  \(shown)\n  "
        text += String(repeating: " ", count: caretColumn) + String(repeating: "^", count: caretLength)
        if let suggestion { text += "\ndid you mean '\(suggestion)'?" }
        return text
    }

    /// The error without the input's text (for files that may not be queries at all: a token, a system file):
    /// the place, and what was expected and found.
    ///
    ///     1:1: expected a statement (least, who, show, ...), found a word of 1207 bytes
    package var redactedDescription: String {
        "\(location.line):\(location.column): \(redactedMessage)"
    }
}

/// Edit distance, for "did you mean".
package enum EditDistance {
    /// The closest of `candidates` to `word` (case-insensitive), if close enough to be a likely typo.
    ///
    ///     EditDistance.closest(to: "leest", in: ["least", "show"])  // "least"
    package static func closest(to word: String, in candidates: [String]) -> String? {
        let target = Array(word.lowercased())
        var best: (Int, String)? = nil
        for candidate in candidates {
            let distance = levenshtein(target, Array(candidate.lowercased()))
            if distance <= min(3, max(1, target.count / 2)), best == nil || distance < best!.0 {
                best = (distance, candidate)
            }
        }
        return best?.1
    }

    /// The edit distance between two texts, case-insensitive.
    ///
    ///     EditDistance.distance("GTE", "get")  // 1
    package static func distance(_ lhs: String, _ rhs: String) -> Int {
        levenshtein(Array(lhs.lowercased()), Array(rhs.lowercased()))
    }

    /// Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment).
    static func levenshtein(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
