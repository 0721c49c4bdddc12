import Foundation
import GraphPermCore
import GraphPermKit
import GraphPermQuery

/// The browsing pages: home, a least-privilege lookup, a path template's page.
extension Explorer {
    static let methods = ["GET", "POST", "PUT", "PATCH", "DELETE"]

    func homePage() -> WebResponse {
        let body = """
            <p class="lead">Which Microsoft Graph permission does a call need? Search a permission, a GUID, a path or \
            full URL, an entity (alerts, users) or an admin role.</p>
            <form class="big" action="/search" method="get">
            <input type="search" name="q" autofocus placeholder="Mail.Read, /me/messages, alerts, 810c84a8-…">
            <button type="submit">Search</button></form>
            \(leastForm(method: "GET", url: "", scheme: ""))
            <ul class="cards">
            <li><a href="/need">Need</a>: the fewest permissions for all the calls an app makes.</li>
            <li><a href="/diagnose">Diagnose</a>: why a call got 401 or 403, from its token.</li>
            <li><a href="/query">Query console</a> and <a href="/queries">saved queries</a>.</li>
            <li><a href="/reference">Reference documents</a> and the <a href="/openapi.json">JSON API</a>.</li>
            </ul>
            """
        return .html(HTML.page(title: "Graph permissions explorer", body: body))
    }

    /// The least-privilege form, filled in with `method`, `url` and `scheme`.
    func leastForm(method: String, url: String, scheme: String) -> String {
        let options = Self.methods.map { "<option\($0 == method ? " selected" : "")>\($0)</option>" }.joined()
        let schemes = [("", "all permission types"), ("delegated", "delegated"), ("work", "delegated (work)"),
                       ("personal", "delegated (personal)"), ("application", "application")]
        let schemeOptions = schemes.map { value, label in
            "<option value=\"\(value)\"\(value == scheme ? " selected" : "")>\(label)</option>"
        }.joined()
        return """
            <form class="least" action="/least" method="get"><label>Least privilege for
            <select name="method" aria-label="Method">\(options)</select></label>
            <input type="text" name="url" id="url" value="\(HTML.escape(url))" size="60"
             placeholder="https://graph.microsoft.com/v1.0/me/messages" aria-label="URL">
            <select name="scheme" aria-label="Permission type">\(schemeOptions)</select>
            <button type="submit">Look up</button></form>
            """
    }

    /// `/least?method=GET&url=…`: the answer per permission type, with the recommended one and why.
    func leastPage(_ request: WebRequest) throws -> WebResponse {
        let method = (request.parameter("method") ?? "GET").uppercased()
        let url = request.parameter("url") ?? ""
        let scheme = request.parameter("scheme") ?? ""
        var body = leastForm(method: method, url: url, scheme: scheme)
        guard !url.trimmingCharacters(in: .whitespaces).isEmpty else {
            return .html(HTML.page(title: "Least privilege", body: body))
        }
        do {
            let answer = try kb.least(method: method, target: url, schemes: try schemes(request))
            body += leastAnswerMarkup(answer)
            let json = "/api/least?method=\(FormText.encode(method))&url=\(FormText.encode(url))"
                + (scheme.isEmpty ? "" : "&scheme=\(FormText.encode(scheme))")
            body += "<p class=\"small\">As JSON: \(HTML.link(json, json))</p>"
            return .html(HTML.page(title: "\(method) \(url)", body: body))
        } catch {
            let failure = WebError(error)
            body += "<p class=\"error\">\(HTML.escape(failure.message))</p>"
            return .html(HTML.page(title: "\(method) \(url)", body: body), status: failure.status)
        }
    }

    /// The answer as a table with linked permission names, its template, basis, recommendations and notes.
    func leastAnswerMarkup(_ answer: LeastAnswer) -> String {
        var out = ""
        if let template = answer.template {
            out += "<p>Template: \(HTML.link(HTML.templatePath(template), template)) · basis: "
                + "\(HTML.escape(answer.basis.rawValue))</p>"
        }
        out += HTML.table(
            ["Permission type", "Least privileged permissions", "Higher privileged permissions"],
            answer.schemes.map { entry in
                guard let chosen = entry.answer else {
                    let none = HTML.escape(PermissionTable.notSupported)
                    return [HTML.escape(entry.scheme.docsLabel), none, none]
                }
                // Each permission with its tier beside it (`tiers` follows least then higher).
                func names(_ labels: [String], from start: Int) -> String {
                    labels.enumerated().map { index, label in
                        let mark = start + index < chosen.tiers.count ? chosen.tiers[start + index] : nil
                        return Self.linkedRequirement(label) + Self.tierBadge(mark)
                    }.joined(separator: ", ")
                }
                return [HTML.escape(entry.scheme.docsLabel), names(chosen.least, from: 0),
                        chosen.higher.isEmpty ? HTML.escape(PermissionTable.notAvailable)
                            : names(chosen.higher, from: chosen.least.count)]
            }
        ) { _, markup in markup }
        let recommended = answer.schemes.compactMap { entry -> String? in
            guard let chosen = entry.answer, let name = chosen.recommended else { return nil }
            let why = chosen.why.map { ": " + HTML.escape($0) } ?? ""
            return "<li>\(HTML.escape(entry.scheme.docsLabel)): recommended "
                + "<strong>\(Self.linkedRequirement(name))</strong>"
                + "\(Self.tierBadge(tierMark(name, scheme: entry.scheme)))\(why)</li>"
        }
        if !recommended.isEmpty { out += "<h2>Recommended</h2><ul>\(recommended.joined())</ul>" }
        if !answer.notes.isEmpty {
            out += "<h2>Notes</h2><ul>" + answer.notes.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>"
        }
        return out
    }

    /// `/paths?template=/me/messages`: per method, Microsoft's docs table, who can, and the recommended permission.
    func pathsPage(_ request: WebRequest) throws -> WebResponse {
        let template = try required(request, "template", example: "template=/me/messages")
        let resolution = try kb.resolve(method: "GET", target: template.hasPrefix("/") ? template : "/" + template)
        let claims = try kb.claimSet(templateIDs: resolution.ids)
        var body = ""
        if resolution.templates.count > 1 {
            body +=
                "<p>One resource, spelled: " + resolution.templates.map(HTML.escape).joined(separator: ", ") + "</p>"
        }
        let methods = Self.methods.filter { claims.methods.contains($0) } + claims.methods.filter {
            !Self.methods.contains($0)
        }
        body += "<p>Methods: " + methods.map { "<a href=\"#\($0)\">\($0)</a>" }.joined(separator: " ") + "</p>"
        for method in methods {
            body += "<section id=\"\(HTML.escape(method))\"><h2>\(HTML.escape(method)) "
                + "\(HTML.escape(resolution.templates[0]))</h2>"
            let table = PermissionTable(method: method, claims: claims)
            body += "<h3>Microsoft's documentation table</h3>"
            body += HTML.table(
                ["Permission type", "Least privileged permissions", "Higher privileged permissions"],
                table.rows.map { row in
                    [HTML.escape(row.scheme.docsLabel)] + [row.least, row.higher].map { value in
                        value == PermissionTable.notSupported || value == PermissionTable.notAvailable
                            ? HTML.escape(value) : tieredNames(value, scheme: row.scheme)
                    }
                }
            ) { _, markup in markup }
            if let answer = try? kb.least(method: method, target: resolution.templates[0], schemes: nil) {
                let recommended = answer.schemes.compactMap { entry -> String? in
                    guard let name = entry.answer?.recommended else { return nil }
                    return "<li>\(HTML.escape(entry.scheme.docsLabel)): "
                        + "\(Self.linkedRequirement(name))\(Self.tierBadge(tierMark(name, scheme: entry.scheme)))</li>"
                }
                body += "<h3>Recommended</h3><ul>\(recommended.joined())</ul>"
            }
            if case .table(let who) = try kb.run(.whoCan(method: method, target: resolution.templates[0], schemes: nil))
            {
                body += "<details><summary>Who can (\(who.rows.count))</summary>\(HTML.linkedTable(who))</details>"
            }
            body += "</section>"
        }
        return .html(HTML.page(title: resolution.templates[0], body: body))
    }
}
