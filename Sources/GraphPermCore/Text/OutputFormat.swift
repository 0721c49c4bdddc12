/// The output formats every command shares.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, md, csv
}

/// Rows with named columns, rendered in any `OutputFormat` but JSON (JSON is built per answer type).
///
///     TabularText(columns: ["name", "scheme"], rows: [["Mail.Read", "Application"]]).render(.md)
///     // |name|scheme|\n|:---|:---|\n|Mail.Read|Application|\n
public struct TabularText: Sendable, Equatable, Renderable {
    /// The column names: `["name", "scheme"]`.
    public var columns: [String]
    /// The rows, one cell per column: `[["Mail.Read", "Application"]]`.
    public var rows: [[String]]

    /// Rows under `columns`: `TabularText(columns: ["name"], rows: [["Mail.Read"]])`.
    public init(columns: [String], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }

    /// The rows themselves.
    public var tableForm: TabularText? { self }

    /// The rows in `format`.
    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .table: aligned()
        case .md: markdown()
        case .csv: csv()
        case .json: json + "\n"
        }
    }

    /// The rows as an array of objects keyed by column.
    public var json: String {
        JSONText.array(rows.map { row in JSONText.object(zip(columns, row).map { ($0, JSONText.string($1)) }) })
    }

    /// Columns padded to line up; within `TableLayout.width`, long cells wrap onto more lines of their column.
    private func aligned() -> String {
        let natural = columns.indices.map { column in
            ([columns[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        let widths = TableLayout.fit(natural, limit: TableLayout.width)
        func lines(_ cells: [String]) -> String {
            let wrapped = cells.enumerated().map { TableLayout.wrap($0.element, width: widths[$0.offset]) }
            var text = ""
            for lineIndex in 0..<(wrapped.map(\.count).max() ?? 1) {
                var line = ""
                for (index, cellLines) in wrapped.enumerated() {
                    let piece = lineIndex < cellLines.count ? cellLines[lineIndex] : ""
                    line += index == wrapped.count - 1
                        ? piece : piece.padded(to: widths[index] + 2)
                }
                while line.hasSuffix(" ") { line.removeLast() }
                text += line + "\n"
            }
            return text
        }
        return lines(columns) + lines(widths.map { String(repeating: "-", count: $0) }) + rows.map(lines).joined()
    }

    private func markdown() -> String {
        var text = "|" + columns.map(Markdown.cell).joined(separator: "|") + "|\n"
        text += "|" + columns.map { _ in ":---" }.joined(separator: "|") + "|\n"
        for row in rows { text += "|" + row.map(Markdown.cell).joined(separator: "|") + "|\n" }
        return text
    }

    private func csv() -> String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + text.replacing("\"", with: "\"\"") + "\"" : text
        }
        return ([columns] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }
}

/// Markdown cell escaping: `|` as `\|`, new lines as `<br>`.
package enum Markdown {
    package static func cell(_ text: String) -> String {
        text.replacing("|", with: "\\|").replacing("\r\n", with: "<br>")
            .replacing("\n", with: "<br>")
    }
}

/// JSON text with keys in the order given (deterministic output).
///
///     JSONText.object([("a", JSONText.string("x")), ("b", "null")])  // {"a":"x","b":null}
package enum JSONText {
    package static func string(_ text: String) -> String {
        var text = text
        let isPlain = text.withUTF8 { bytes in
            !bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        }
        if isPlain { return "\"" + text + "\"" }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    package static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    package static func array(_ elements: [String]) -> String { "[" + elements.joined(separator: ",") + "]" }

    package static func strings(_ texts: [String]) -> String { array(texts.map(string)) }

    package static func optional(_ text: String?) -> String { text.map(string) ?? "null" }

    package static func bool(_ flag: Bool?) -> String { flag.map { $0 ? "true" : "false" } ?? "null" }
}
