import GraphPermPlatform
import GraphPermCore
import GraphPermStore

/// Generated reference documents: API tables, the permissions reference, the Security API table, admin roles.
public enum ReferenceKind: String, CaseIterable, Sendable {
    case api, permissions, security, roles, tiers
}

/// One generated markdown file: a name (for `--out DIR`) and its text.
public struct ReferenceDocument: Sendable, Equatable {
    /// The file name: `mail.md`.
    public let name: String
    /// The document's markdown text.
    public let markdown: String
}

extension KnowledgeBase {
    /// The documents of `kind`; `api` gives one document per top-level resource, the others one document.
    public func reference(_ kind: ReferenceKind) throws -> [ReferenceDocument] {
        switch kind {
        case .api: try apiReference()
        case .permissions: [ReferenceDocument(name: "permissions.md", markdown: try permissionsReference())]
        case .security: [ReferenceDocument(name: "security.md", markdown: try securityReference())]
        case .roles: [ReferenceDocument(name: "roles.md", markdown: try rolesReference())]
        case .tiers: [ReferenceDocument(name: "tiers.md", markdown: try tiersReference())]
        }
    }

    private static let methodOrder = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

    /// One table per (template, method), grouped by the first path segment; one document per group.
    package func apiReference() throws -> [ReferenceDocument] {
        // Templates in byte order, as SQLite sorts text.
        let byTemplate = try store.allGrants().values.map { ($0[0].template, $0) }
            .sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        var groups: [String: String] = [:]
        for (template, templateGrants) in byTemplate {
            let group = Self.group(of: template)
            let claims = ClaimSet(grants: templateGrants)
            for method in claims.methods.sorted(by: { Self.methodRank($0) < Self.methodRank($1) }) {
                let table = PermissionTable(method: method, claims: claims)
                var section = "### \(method) \(Markdown.cell(template))\n\n" + table.markdown
                if !table.isMicrosoftTable {
                    let why = table.problems.map(\.description).joined(separator: "; ")
                    let note = why.isEmpty
                        ? "a permission type lists permissions without a least-privilege marker;"
                            + " Microsoft's generator prints no table here"
                        : why
                    section += "> Note: \(note).\n\n"
                }
                groups[group, default: "## \(group)\n\n"] += section
            }
        }
        return groups.keys.sorted().map {
            ReferenceDocument(name: "api-\(Self.fileName($0)).md", markdown: groups[$0]!)
        }
    }

    package static func group(of template: String) -> String {
        let first = template.split(separator: "/").first.map(String.init) ?? "root"
        return String(first.prefix { $0 != "(" && $0 != "?" && $0 != ":" }).lowercased()
    }

    private static func fileName(_ group: String) -> String {
        String(group.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" })
    }

    private static func methodRank(_ method: String) -> Int { methodOrder.firstIndex(of: method) ?? methodOrder.count }

    /// The permissions reference: per permission, its Application and Delegated ID, display text, description and
    /// consent.
    package func permissionsReference() throws -> String {
        struct Entry { var guid: String?; var display: String?; var description: String?; var consent: Bool? }
        var order: [String] = []
        var entries: [String: [Int: Entry]] = [:]
        for (name, row) in try store.referenceRows() {
            if entries[name] == nil { order.append(name) }
            entries[name, default: [:]][row.scheme.id] = Entry(
                guid: row.guid, display: row.adminDisplayName, description: row.adminDescription,
                consent: row.requiresAdminConsent)
        }
        var text = "# Microsoft Graph permissions reference\n\n"
        for name in order {
            let application = entries[name]![Scheme.application.id]
            let delegated = entries[name]![Scheme.delegatedWork.id]
            func cell(_ entry: Entry?, _ value: (Entry) -> String?) -> String {
                entry.flatMap(value).map(Markdown.cell) ?? "-"
            }
            func consent(_ flag: Bool?) -> String? { flag.map { $0 ? "Yes" : "No" } }
            text += "## \(name)\n\n|Category|Application|Delegated|\n|:---|:---|:---|\n"
            text += "|Identifier|\(cell(application) { $0.guid })|\(cell(delegated) { $0.guid })|\n"
            text += "|DisplayText|\(cell(application) { $0.display?.trimmed() })"
            text += "|\(cell(delegated) { $0.display?.trimmed() })|\n"
            text += "|Description|\(cell(application) { $0.description?.trimmed() })"
            text += "|\(cell(delegated) { $0.description?.trimmed() })|\n"
            text += "|AdminConsentRequired|\(cell(application) { consent($0.consent) })"
            text += "|\(cell(delegated) { consent($0.consent) })|\n\n"
        }
        return text
    }

    /// The Graph Security API authorization table (Permission | Entity | Supported requests).
    package func securityReference() throws -> String {
        var order: [String] = []
        var entities: [String: [String]] = [:]
        var methods: [String: [String]] = [:]
        for row in try store.securityEntities() {
            let permission = row.permission
            if entities[permission] == nil { order.append(permission) }
            entities[permission, default: []].append(
                "&bull; [\(row.entity)](\(row.docLink))" + (row.isPreview ? " (preview)" : ""))
            for method in row.methods where !(methods[permission] ?? []).contains(method) {
                methods[permission, default: []].append(method)
            }
        }
        var text = "|Permission | Entity | Supported requests |\n|:----------|:-------|:-------------------|\n"
        for permission in order {
            let sorted = methods[permission]!.sorted { Self.methodRank($0) < Self.methodRank($1) }
            text += "|\(permission)| \(entities[permission]!.joined(separator: "</br> "))"
                + " | \(sorted.joined(separator: ", ")) |\n"
        }
        return text
    }

    /// The Security API's admin roles table (Microsoft Entra role | Role template ID), in Microsoft's order.
    package func rolesReference() throws -> String {
        let roles = try store.adminRoles().filter(\.isAcceptedBySecurityAPI)
            .sorted { ($0.securityAPIPosition ?? 0) < ($1.securityAPIPosition ?? 0) }
        return "|Microsoft Entra role|Role template ID|\n|---|---|\n"
            + roles.map { "|\($0.name)|\($0.roleTemplateId)|\n" }.joined()
    }
}
