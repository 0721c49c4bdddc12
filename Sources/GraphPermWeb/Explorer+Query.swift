import Foundation
import GraphPermCLI
import GraphPermCore
import GraphPermKit
import GraphPermQuery
import GraphPermStore

/// The query console (results as tables, the URL shareable), the saved queries and the reference documents.
extension Explorer {
    /// `/query?q=…`: the statements run, each result as a table; the page's own URL shares it.
    func queryPage(_ request: WebRequest) -> WebResponse {
        let text = request.parameter("q") ?? ""
        var body = """
            <form action="/query" method="get" class="stack">
            <label for="console">Statements of the query language, one per line or separated by ';'</label>
            <textarea name="q" id="console" rows="5" cols="100" spellcheck="false" \
            placeholder="who can GET /me/messages">\(HTML.escape(text))</textarea>
            <button type="submit">Run</button></form>
            <p class="small">Examples: \(Self.exampleLinks)</p>
            """
        var status = 200
        if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let (markup, code) = results(of: text)
            body += markup
            status = code
            let share = "/query?q=" + FormText.encode(text)
            let json = "/api/query?q=" + FormText.encode(text)
            body +=
                "<p class=\"small\">Share: \(HTML.link(share, "this query")) · "
                    + "as JSON: \(HTML.link(json, "/api/query"))</p>"
        }
        return .html(HTML.page(title: "Query console", body: body), status: status)
    }

    private static let exampleLinks = [
        "who can GET /me/messages", "permissions where resource = 'Mail' order by name",
        "paths of SecurityEvents.ReadWrite.All where method = PATCH", "least GET alerts for delegated",
    ].map { HTML.link("/query?q=" + FormText.encode($0), $0) }.joined(separator: " · ")

    /// Each statement's result as markup, and the status of the worst failure (200 when none failed).
    func results(of text: String) -> (String, Int) {
        let runner = ScriptRunner(kb: kb, format: .json)
        let statements: [Statement]
        do {
            statements = try Parser.parseScript(text)
        } catch {
            return ("<pre class=\"error\">\(HTML.escape(error.description))</pre>", 400)
        }
        var out = ""
        var status = 200
        for statement in statements {
            out += "<h2><code>\(HTML.escape(Printer.print(statement)))</code></h2>"
            if case .failure(let message, let code) = runner.run(statement) {
                out += "<pre class=\"error\">\(HTML.escape(message))</pre>"
                status = max(status, code == 1 ? 404 : code == 64 || code == 65 ? 400 : 500)
                continue
            }
            do {
                switch try kb.run(statement) {
                case .table(let table): out += HTML.linkedTable(table)
                case .least(let answer): out += leastAnswerMarkup(answer)
                case .shown(.permission(let card)):
                    out += "<p>\(HTML.link(HTML.permissionPath(card.name), card.name))</p>"
                        + "<pre>\(HTML.escape(card.render(.table)))</pre>"
                case .shown(.role(let role)):
                    out += HTML.table(["Role", "Role template ID"], [[role.name, role.roleTemplateId]])
                }
            } catch {
                let failure = WebError(error)
                out += "<pre class=\"error\">\(HTML.escape(failure.message))</pre>"
                status = max(status, failure.status)
            }
        }
        return (out, status)
    }

    /// `/queries`: the saved queries with their descriptions.
    func savedQueriesPage() -> WebResponse {
        let rows = SavedQuery.all().map { query in
            "<li>\(HTML.link("/queries/" + FormText.encode(query.name), query.name)): "
                + "\(HTML.escape(query.description))</li>"
        }.joined()
        return .html(HTML.page(title: "Saved queries", body: "<ul>\(rows)</ul>"))
    }

    /// `/queries/NAME`: a saved query, its text and its results.
    func savedQueryPage(_ name: String) -> WebResponse? {
        guard let query = SavedQuery.all().first(where: { $0.name == name }) else { return nil }
        let (markup, status) = results(of: query.text)
        let body = "<p>\(HTML.escape(query.description))</p><pre>\(HTML.escape(query.text))</pre>"
            + "<p>\(HTML.link("/query?q=" + FormText.encode(query.text), "Open in the console"))</p>" + markup
        return .html(HTML.page(title: query.name, body: body), status: status)
    }

    /// `/reference`: the reference documents.
    func referenceIndex() -> WebResponse {
        let body = """
            <ul><li>\(HTML.link("/reference/permissions", "permissions")): every permission's IDs, texts and \
            consent</li>
            <li>\(HTML.link("/reference/security", "security")): the Graph Security API authorization table</li>
            <li>\(HTML.link("/reference/roles", "roles")): the admin roles table</li>
            <li>\(HTML.link("/reference/api", "api")): one permissions table per path and method</li></ul>
            """
        return .html(HTML.page(title: "Reference documents", body: body))
    }

    /// `/reference/KIND` (markdown shown as text); `api` lists its documents, `/reference/api/NAME` shows one.
    func referencePage(_ kind: String) throws -> WebResponse? {
        if kind == "api" {
            let names = try apiDocuments().map(\.name)
            let items = names.map { "<li>\(HTML.link("/reference/api/" + FormText.encode($0), $0))</li>" }.joined()
            return .html(HTML.page(title: "API reference", body: "<ul class=\"columns\">\(items)</ul>"))
        }
        if kind.hasPrefix("api/") {
            let name = String(kind.dropFirst(4))
            guard let document = try apiDocuments().first(where: { $0.name == name }) else { return nil }
            return .html(HTML.page(title: name, body: "<pre>\(HTML.escape(document.markdown))</pre>"))
        }
        guard let reference = ReferenceKind(rawValue: kind), reference != .api else { return nil }
        let markdown = try kb.reference(reference).map(\.markdown).joined(separator: "\n")
        return .html(HTML.page(title: "Reference: \(kind)", body: "<pre>\(HTML.escape(markdown))</pre>"))
    }

    /// The API reference documents, made once.
    private func apiDocuments() throws -> [ReferenceDocument] {
        if let documents = apiReference.withLock({ $0 }) { return documents }
        let documents = try kb.reference(.api)
        apiReference.withLock { $0 = documents }
        return documents
    }
}
