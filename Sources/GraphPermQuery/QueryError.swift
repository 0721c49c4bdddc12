/// A query error that points at its place: `line:column`, the line with a caret under the token, what was
/// expected, and a suggestion.
///
///     1:7: expected an HTTP method (GET, POST, PUT, PATCH, DELETE), found 'GTE'
///       least GTE /me
///             ^^^
///     did you mean 'GET'?
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public let location: SourceLocation
    public let sourceLine: String
    public var suggestion: String?
    /// Whether the statement simply stopped early (the REPL then asks for more lines).
    public var isAtEnd: Bool = false

    public init(message: String, location: SourceLocation, sourceLine: String, suggestion: String? = nil, isAtEnd: Bool = false) {
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
        self.suggestion = suggestion
        self.isAtEnd = isAtEnd
    }

    public var description: String {
        var text = "\(location.line):\(location.column): \(message)\n  \(sourceLine)\n  "
        text += String(repeating: " ", count: max(0, location.column - 1)) + String(repeating: "^", count: max(1, location.length))
        if let suggestion { text += "\ndid you mean '\(suggestion)'?" }
        return text
    }
}

/// Edit distance, for "did you mean".
public enum EditDistance {
    /// The closest of `candidates` to `word` (case-insensitive), if close enough to be a likely typo.
    ///
    ///     EditDistance.closest(to: "leest", in: ["least", "show"])  // "least"
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let target = Array(word.lowercased())
        var best: (Int, String)? = nil
        for candidate in candidates {
            let distance = levenshtein(target, Array(candidate.lowercased()))
            if distance <= min(3, max(1, target.count / 2)), best == nil || distance < best!.0 { best = (distance, candidate) }
        }
        return best?.1
    }

    /// The edit distance between two texts, case-insensitive.
    ///
    ///     EditDistance.distance("GTE", "get")  // 1
    public static func distance(_ lhs: String, _ rhs: String) -> Int {
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
