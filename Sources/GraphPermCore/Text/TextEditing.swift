import GraphPermPlatform

extension StringProtocol {
    /// The text without white space (spaces, tabs, line breaks) at either end.
    ///
    ///     "  Mail.Read \r\n".trimmed()  // "Mail.Read"
    package func trimmed() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }

    /// The text cut or padded with spaces to exactly `width` characters.
    ///
    ///     "GET".padded(to: 6)  // "GET   "
    package func padded(to width: Int) -> String {
        count >= width ? String(prefix(width)) : String(self) + String(repeating: " ", count: width - count)
    }
}

extension Date {
    /// The date in ISO 8601, UTC, to the second: `2026-11-30T09:06:14Z`.
    package var iso8601: String { formatted(.iso8601) }

    /// The date an ISO 8601 timestamp with a time zone names (`2026-11-30T09:06:14Z`), or nil for other text, such
    /// as a day or time that is not in the calendar (`2026-02-30`, `25:00`), which Foundation reads as a later one.
    package init?(iso8601 text: String) {
        let clock = Array(text.utf8.dropFirst(11).prefix(8))  // HH:MM:SS
        func field(_ start: Int, below limit: Int) -> Bool {
            Int(String(decoding: clock[start..<start + 2], as: UTF8.self)).map { (0..<limit).contains($0) } ?? false
        }
        guard ISODay.number(text) != nil, clock.count == 8, field(0, below: 24), field(3, below: 60),
              field(6, below: 60), let date = try? Date(text, strategy: .iso8601) else { return nil }
        self = date
    }
}
