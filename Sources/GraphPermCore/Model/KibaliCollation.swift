/// The string order Microsoft's Kibali uses (.NET's culture-aware comparer, ICU root collation), which decides
/// claim order, tie-breaks and the order of "higher privileged" lists.
///
/// Letters compare case-insensitively first; punctuation sorts before digits and digits before letters
/// (`_` `-` `,` `;` `:` `!` `?` `.` ...); lower case comes before upper case only as a final tie-break.
///
///     ["UserAuthMethod-Email.ReadWrite", "UserAuthenticationMethod.ReadWrite"].sorted(by: KibaliCollation.less)
///     // ["UserAuthenticationMethod.ReadWrite", "UserAuthMethod-Email.ReadWrite"]
package enum KibaliCollation {
    private static let punctuation = Array("\t\n\u{0B}\u{0C}\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$".unicodeScalars)

    /// A sort key: primary weights, a separator, then case weights.
    package static func key(_ text: String) -> [UInt32] {
        var primary: [UInt32] = []
        var tertiary: [UInt32] = []
        primary.reserveCapacity(text.utf8.count * 2 + 1)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            // Letters and digits first: they are most of every name, and none of them is punctuation.
            if (97...122).contains(value) {
                primary.append(200 + value - 97)
                tertiary.append(0)
            } else if (65...90).contains(value) {
                primary.append(200 + value - 65)
                tertiary.append(1)
            } else if (48...57).contains(value) {
                primary.append(100 + value - 48)
                tertiary.append(0)
            } else if let index = punctuation.firstIndex(of: scalar) {
                primary.append(UInt32(1 + index))
                tertiary.append(0)
            } else {
                primary.append(1_000 + value)
                tertiary.append(0)
            }
        }
        return primary + [0] + tertiary
    }

    /// Whether `lhs` sorts before `rhs`.
    package static func less(_ lhs: String, _ rhs: String) -> Bool {
        key(lhs).lexicographicallyPrecedes(key(rhs))
    }

    /// `texts` sorted in Kibali's order (computing each key once).
    package static func sorted(_ texts: some Sequence<String>) -> [String] {
        texts.map { (key($0), $0) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
    }
}
