/// How wide an aligned table may be, and how its cells wrap to fit: the command line sets the terminal's width
/// for the run of a command (`TableLayout.$width.withValue(80) { ... }`); with none, columns take what they need.
///
///     TableLayout.wrap("Mail.Read, Mail.ReadWrite", width: 12)  // ["Mail.Read,", "Mail.", "ReadWrite"]
package enum TableLayout {
    /// The width an aligned table must fit in, if any.
    @TaskLocal package static var width: Int?

    /// The narrowest a column is made before the table is allowed to overflow.
    static let minimumColumn = 8

    /// Column widths that fit `limit` (two spaces between columns): the widest column gives up a character at a
    /// time until the table fits or every column is at its minimum.
    static func fit(_ natural: [Int], limit: Int?) -> [Int] {
        guard let limit else { return natural }
        var widths = natural
        let gaps = 2 * max(widths.count - 1, 0)
        while widths.reduce(gaps, +) > limit {
            guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
                  widths[widest] > minimumColumn else { break }
            widths[widest] -= 1
        }
        return widths
    }

    /// `text` in lines of at most `width` characters, broken after a space where there is one, else after a dot or a
/// slash, else anywhere.
    package static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0, text.count > width else { return [text] }
        var lines: [String] = []
        var rest = Substring(text)
        while rest.count > width {
            let window = rest.prefix(width)
            // Between words first (list items are ", "-separated), else inside a name after a dot or slash.
            let breakAfter = window.lastIndex { $0 == " " } ?? window.lastIndex { $0 == "." || $0 == "/" }
            let cut = breakAfter.map { rest.index(after: $0) } ?? window.endIndex
            let piece = rest[..<cut]
            lines.append(String(piece.hasSuffix(" ") ? piece.dropLast() : piece))
            rest = rest[cut...].drop { $0 == " " }
        }
        if !rest.isEmpty { lines.append(String(rest)) }
        return lines
    }
}
