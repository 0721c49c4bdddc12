/// Text from a user, a file or a token made safe to echo in a message: bounded in length, and with every
/// terminal control character escaped, so that a 100 MB name prints as a line and no escape sequence reaches the
/// terminal.
///
///     Excerpt.text("Mail.Read")                          // Mail.Read
///     Excerpt.text(String(repeating: "9", count: 1_000)) // 80 nines, then "… (1000 bytes)"
///     Excerpt.text("a\u{1B}[2Jb")                        // a\u{1B}[2Jb
package enum Excerpt {
    /// How many Unicode scalars of a text are shown before it is cut.
    package static let defaultLimit = 80

    /// `text` cut after `limit` scalars (saying how long it was) with control characters escaped.
    package static func text(_ text: String, limit: Int = defaultLimit) -> String {
        var shown = ""
        var count = 0
        for scalar in text.unicodeScalars {
            guard count < limit else { return shown + "… (\(text.utf8.count) bytes)" }
            append(scalar, to: &shown)
            count += 1
        }
        return shown
    }

    /// `text` as `Excerpt.text` shows it, between double quotes.
    ///
    ///     Excerpt.quoted("Mail Read")  // "Mail Read"
    package static func quoted(_ text: String, limit: Int = defaultLimit) -> String {
        "\"" + Excerpt.text(text, limit: limit) + "\""
    }

    /// A whole message made safe for a terminal: control characters escaped except new lines, and at most
    /// `limit` bytes kept (a safety net under the excerpts each message already makes of its inputs).
    ///
    ///     Excerpt.message("1:3: bad\u{7}\n  line")  // "1:3: bad\u{07}\n  line"
    package static func message(_ text: String, limit: Int = 8_192) -> String {
        var shown = ""
        var bytes = 0
        for scalar in text.unicodeScalars {
            guard bytes < limit else { return shown + "… (\(text.utf8.count) bytes)" }
            if scalar == "\n" { shown.unicodeScalars.append(scalar) } else { append(scalar, to: &shown) }
            bytes += scalar.utf8.count
        }
        return shown
    }

    /// Whether a scalar would act on a terminal (C0 and C1 controls, DEL) or reorder the text around it
    /// (bidirectional overrides and isolates).
    package static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    private static func append(_ scalar: Unicode.Scalar, to text: inout String) {
        guard isControl(scalar) else {
            text.unicodeScalars.append(scalar)
            return
        }
        switch scalar {
        case "\n": text += "\\n"
        case "\t": text += "\\t"
        case "\r": text += "\\r"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            text += "\\u{" + String(repeating: "0", count: max(0, 2 - hex.count)) + hex + "}"
        }
    }
}
