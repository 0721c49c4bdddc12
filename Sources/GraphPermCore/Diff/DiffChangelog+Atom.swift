extension DiffChangelog {
    /// The changelog as an Atom feed (RFC 4287): one entry per resource section, most consequential first, each
    /// with the section's lines as its text. `id` names the pair of knowledge bases (the same pair gives the same
    /// feed), `updated` is the newer side's date (RFC 3339).
    ///
    ///     changelog.atom(id: "urn:graphperm:diff:3f2a…", old: "a.sqlite", new: "b.sqlite",
    ///                    updated: "2026-08-07T00:00:00Z")
    package func atom(id: String, old: String, new: String, updated: String) -> String {
        var text = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <id>\(Self.escaped(id))</id>
              <title>Changes in Microsoft Graph permissions</title>
              <subtitle>\(Self.escaped("From \(old) to \(new): \(summary)."))</subtitle>
              <updated>\(Self.escaped(updated))</updated>
              <author><name>graphperm</name></author>
              <generator>graphperm</generator>

            """
        for section in sections {
            let counts = section.counts.map { "\($0.count) \($0.kind)" }.joined(separator: ", ")
            let content = Self.escaped(section.lines.map { "- " + $0 }.joined(separator: "\n"))
            text += """
                  <entry>
                    <id>\(Self.escaped(id + "/" + section.resource))</id>
                    <title>\(Self.escaped(section.resource + ": " + counts))</title>
                    <updated>\(Self.escaped(updated))</updated>
                    <content type="text">\(content)</content>
                  </entry>

                """
        }
        return text + "</feed>\n"
    }

    /// Text for XML character data and attribute values; characters XML 1.0 cannot carry become U+FFFD.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n", "\t", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
