import Foundation
import GraphPermCore
import GraphPermKit
import GraphPermStore

/// One search box for everything: a permission or role by name or GUID, a path or URL, an entity.
extension Explorer {
    /// One thing a search found: what it is, its label and the page that shows it.
    struct Hit {
        let kind: String
        let label: String
        let href: String
    }

    /// Up to `limit` hits for `text`: exact matches first, then names starting with it, then names containing it.
    func search(_ text: String, limit: Int = 25) throws -> [Hit] {
        let query = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !query.isEmpty else { return [] }
        var hits: [Hit] = []
        if query.contains("/") {
            let least = "/least?method=GET&url=" + FormText.encode(query)
            hits.append(Hit(kind: "least", label: "GET \(query): least privilege", href: least))
            if let resolution = try? kb.resolve(method: "GET", target: query) {
                for template in resolution.templates.prefix(3) {
                    hits.append(Hit(kind: "path", label: template, href: HTML.templatePath(template)))
                }
            }
            return hits
        }
        if Self.isGUID(query), let found = try? kb.show(query) {
            switch found {
            case .permission(let card): hits.append(Hit(kind: "permission", label: card.name,
                                                        href: HTML.permissionPath(card.name)))
            case .role(let role): hits.append(Hit(kind: "role", label: role.name, href: HTML.permissionPath(role.name)))
            }
            return hits
        }
        let lowered = query.lowercased()
        let names = try searchNames()
        var exact: [Hit] = [], prefix: [Hit] = [], inner: [Hit] = []
        for (kind, name) in names {
            let candidate = name.lowercased()
            guard candidate.contains(lowered) else { continue }
            let href = kind == "entity" ? "/least?method=GET&url=" + FormText.encode(name) : HTML.permissionPath(name)
            let hit = Hit(kind: kind, label: name, href: href)
            if candidate == lowered { exact.append(hit) } else if candidate.hasPrefix(lowered) { prefix.append(hit) }
            else { inner.append(hit) }
        }
        return Array((exact + prefix + inner).prefix(limit))
    }

    /// Whether `text` is shaped like a GUID.
    static func isGUID(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [8, 4, 4, 4, 12] && parts.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    /// Permission, role and entity names with their kind, read once.
    private func searchNames() throws -> [(kind: String, name: String)] {
        if let names = nameIndex.withLock({ $0 }) { return names }
        let roles = Set(try kb.store.adminRoles().map(\.name))
        var names = try kb.store.permissionAndRoleNames().map { (roles.contains($0) ? "role" : "permission", $0) }
        names += try kb.store.entityNames().map { ("entity", $0) }
        nameIndex.withLock { $0 = names }
        return names
    }

    /// `/search?q=…`: one hit goes straight to its page; several are listed.
    func searchPage(_ request: WebRequest) throws -> WebResponse {
        let query = request.parameter("q") ?? ""
        let hits = try search(query)
        if hits.count == 1 || (hits.first.map { $0.label.caseInsensitiveCompare(query) == .orderedSame } ?? false) {
            if let first = hits.first, first.kind != "least" {
                var response = WebResponse.html(HTML.page(title: "Search", body: HTML.link(first.href, first.label)))
                response.status = 303
                response.headers.append(("Location", first.href))
                return response
            }
        }
        let body = hits.isEmpty
            ? "<p class=\"empty\">Nothing matches \(HTML.escape(query)).</p>"
            : "<ul class=\"hits\">" + hits.map { hit in
                "<li><span class=\"kind\">\(HTML.escape(hit.kind))</span> \(HTML.link(hit.href, hit.label))</li>"
            }.joined() + "</ul>"
        return .html(HTML.page(title: "Search: \(query)", body: body, query: query))
    }

    /// `/api/search?q=…`: the hits as `[{"kind", "label", "href"}]`, for search as you type.
    func apiSearch(_ request: WebRequest) throws -> WebResponse {
        let hits = try search(request.parameter("q") ?? "", limit: 12)
        return .json(JSONText.array(hits.map { hit in
            JSONText.object([("kind", JSONText.string(hit.kind)), ("label", JSONText.string(hit.label)),
                             ("href", JSONText.string(hit.href))])
        }) + "\n")
    }
}
