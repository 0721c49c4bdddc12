import Foundation
import GraphPermCore
import GraphPermKit
import GraphPermQuery

/// A permission's page (or an admin role's): its IDs per scheme, consent, privilege level, risk tier, what it grants
/// grouped by
/// resource with the calls where it is marked least, and the permissions narrower than it.
extension Explorer {
    func permissionPage(_ name: String) throws -> WebResponse {
        switch try kb.show(name) {
        case .role(let role):
            let body = HTML.table(["Role", "Role template ID"], [[role.name, role.roleTemplateId]])
                + "<p>An Microsoft Entra admin role.</p>"
            return .html(HTML.page(title: role.name, body: body))
        case .permission(let card):
            return .html(HTML.page(title: card.name, body: try permissionMarkup(card)))
        }
    }

    private func permissionMarkup(_ card: PermissionCard) throws -> String {
        func yesNo(_ flag: Bool?) -> String { flag.map { $0 ? "yes" : "no" } ?? "" }
        var body = "<p>Resource \(HTML.escape(card.resource))"
            + (card.operation.map { " · operation \(HTML.escape($0))" } ?? "")
            + (card.constraint.map { " · constraint \(HTML.escape($0))" } ?? "") + "</p>"
        body += HTML.table(
            ["Permission type", "ID", "Display name", "Description", "Admin consent", "Privilege level", "Hidden",
             "Grants"],
            card.entries.map { entry in
                [entry.scheme.docsLabel, entry.guid ?? "", entry.adminDisplayName ?? entry.userDisplayName ?? "",
                 entry.adminDescription ?? entry.userDescription ?? "", yesNo(entry.requiresAdminConsent),
                 entry.privilegeLevel.map(String.init) ?? "", yesNo(entry.isHidden), String(entry.grantCount)]
            })
        body +=
            "<p class=\"small\">As JSON: "
                + "\(HTML.link("/api/show/" + FormText.encode(card.name), "/api/show/" + card.name))</p>"
        body += tierMarkup(card)
        body += try grantsMarkup(card.name)
        body += try narrowerMarkup(card)
        return body
    }

    /// What the permission grants, one collapsible group per top-level resource; least-marked calls starred.
    private func grantsMarkup(_ name: String) throws -> String {
        guard case .table(let grants) = try kb.run(.paths(permission: name, listing: Listing())) else { return "" }
        let column = { (title: String) in grants.columns.firstIndex(of: title) }
        guard let template = column("template"), let method = column("method"), let scheme = column("scheme"),
            let least = column("least")
        else { return "" }
        // One row per (method, template): the permission types that have it, starred where marked least.
        var order: [String] = []
        var groups: [String: [[String]]] = [:]
        var rowIndex: [String: (group: String, index: Int)] = [:]
        for row in grants.rows {
            let key = row[method] + " " + row[template]
            let type = row[scheme] + (row[least] == "yes" ? " ★" : "")
            if let place = rowIndex[key] {
                groups[place.group]![place.index][2] += ", " + type
                continue
            }
            let group = KnowledgeBase.group(of: row[template])
            if groups[group] == nil { order.append(group) }
            rowIndex[key] = (group, groups[group, default: []].count)
            groups[group, default: []].append([row[method], row[template], type])
        }
        var out = "<h2>What it grants (\(grants.rows.count) grants)</h2>"
        if grants.rows.isEmpty { return out + "<p class=\"empty\">No documented call.</p>" }
        out += "<p class=\"small\">★ marks a permission type where Microsoft's data names this permission least "
            + "privileged for the call.</p>"
        for group in order {
            let rows = groups[group]!
            let marked = rows.filter { $0[2].contains("★") }.count
            out += "<details\(order.count <= 3 ? " open" : "")><summary>\(HTML.escape(group)) (\(rows.count) calls, "
                + "\(marked) least)</summary>"
            out += HTML.table(["Method", "Template", "Permission types"], rows) { column, value in
                column == "Template" ? HTML.link(HTML.templatePath(value), value) : HTML.escape(value)
            }
            out += "</details>"
        }
        return out
    }

    /// Permissions of the same resource that reach no more objects and allow no more (by the privilege order).
    private func narrowerMarkup(_ card: PermissionCard) throws -> String {
        let listing = Listing(condition: .comparison(field: "resource", op: .equal, value: .text(card.resource)))
        guard case .table(let siblings) = try kb.run(.permissions(listing)),
            let nameColumn = siblings.columns.firstIndex(of: "name")
        else { return "" }
        func candidate(_ name: String) -> PrivilegeOrder.Candidate {
            PrivilegeOrder.Candidate(label: "", permission: name, isLeast: false, requiresAdminConsent: nil,
                                     privilegeLevel: nil)
        }
        let this = candidate(card.name)
        var seen: Set<String> = []
        var narrower: [String] = []
        for row in siblings.rows where !seen.contains(row[nameColumn]) {
            seen.insert(row[nameColumn])
            if PrivilegeOrder.isNarrower(candidate(row[nameColumn]), than: this) { narrower.append(row[nameColumn]) }
        }
        let items = narrower.map { "<li>\(HTML.link(HTML.permissionPath($0), $0))</li>" }.joined()
        return "<h2>Narrower permissions</h2>"
            + (narrower.isEmpty ? "<p class=\"empty\">None of the same resource.</p>" : "<ul>\(items)</ul>")
    }
}
