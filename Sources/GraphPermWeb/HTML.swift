import Foundation
import GraphPermCore

/// HTML text built from escaped values: every value placed in a page goes through `HTML.escape`.
///
///     HTML.escape("<b>\"x\"</b>")  // "&lt;b&gt;&quot;x&quot;&lt;/b&gt;"
enum HTML {
    /// The text with `& < > " '` replaced by entities, safe in element content and quoted attributes.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// A link to `path` (already percent-encoded where needed) showing `text`.
    static func link(_ path: String, _ text: String) -> String {
        "<a href=\"\(escape(path))\">\(escape(text))</a>"
    }

    /// The path of a permission's page.
    static func permissionPath(_ name: String) -> String { "/permissions/" + FormText.encode(name) }

    /// The path of a path template's page.
    static func templatePath(_ template: String) -> String { "/paths?template=" + FormText.encode(template) }

    /// A table of `columns` and `rows`; `cell` may turn a value into markup (it must escape it).
    static func table(
        _ columns: [String], _ rows: [[String]], cell: (_ column: String, _ value: String) -> String = { escape($1) }
    ) -> String {
        var out = "<table><thead><tr>"
        for column in columns { out += "<th>\(escape(column))</th>" }
        out += "</tr></thead><tbody>"
        for row in rows {
            out += "<tr>"
            for (index, value) in row.enumerated() {
                out += "<td>\(cell(index < columns.count ? columns[index] : "", value))</td>"
            }
            out += "</tr>"
        }
        return out + "</tbody></table>"
    }

    /// A results table for a listing, with permission names and templates as links.
    static func linkedTable(_ table: TabularText) -> String {
        if table.rows.isEmpty { return "<p class=\"empty\">No rows.</p>" }
        return HTML.table(table.columns, table.rows) { column, value in
            switch column {
            // `(not supported)` and the like name no permission.
            case "permission", "name": value.isEmpty || value.hasPrefix("(") ? escape(value)
                : link(permissionPath(value), value)
            case "template": value.isEmpty ? "" : link(templatePath(value), value)
            default: escape(value)
            }
        }
    }

    /// A whole page: the shared header with its search box, the title, and `body` (markup already escaped).
    static func page(title: String, body: String, query: String = "") -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · graphperm</title>
        <link rel="stylesheet" href="/static/app.css"><script src="/static/app.js" defer></script>
        </head><body>
        <header><a class="brand" href="/">graphperm</a>
        <form action="/search" method="get" role="search">
        <input type="search" name="q" id="q" value="\(escape(query))" autocomplete="off"
         placeholder="Permission, GUID, path or URL, entity, role" aria-label="Search">
        <button type="submit">Search</button></form>
        <div id="suggestions" role="listbox"></div>
        <nav><a href="/least">Least</a> <a href="/need">Need</a> <a href="/diagnose">Diagnose</a>
        <a href="/query">Query</a> <a href="/queries">Saved queries</a> <a href="/reference">Reference</a>
        <a href="/openapi.json">API</a></nav></header>
        <main><h1>\(escape(title))</h1>
        \(body)
        </main>
        <footer>Offline answers from the local knowledge base. Read-only.</footer>
        </body></html>

        """
    }
}
