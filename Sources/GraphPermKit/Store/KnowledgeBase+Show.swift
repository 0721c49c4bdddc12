import GRDB

/// A permission card: the permission in each scheme it exists in, with what it grants.
public struct PermissionCard: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let scheme: Scheme
        public let guid: String?
        public let adminDisplayName: String?
        public let adminDescription: String?
        public let userDisplayName: String?
        public let userDescription: String?
        public let requiresAdminConsent: Bool?
        public let privilegeLevel: Int?
        public let isEnabled: Bool?
        public let isHidden: Bool?
        public let grantCount: Int
    }

    public let name: String
    public let resource: String
    public let operation: String?
    public let constraint: String?
    public let entries: [Entry]

    public func render(_ format: OutputFormat) -> String {
        if format == .json {
            return JSONText.object([
                ("name", JSONText.string(name)), ("resource", JSONText.string(resource)),
                ("operation", JSONText.optional(operation)), ("constraint", JSONText.optional(constraint)),
                ("schemes", JSONText.object(entries.map { entry in
                    (entry.scheme.rawValue, JSONText.object([
                        ("id", JSONText.optional(entry.guid)),
                        ("adminDisplayName", JSONText.optional(entry.adminDisplayName)),
                        ("adminDescription", JSONText.optional(entry.adminDescription)),
                        ("userDisplayName", JSONText.optional(entry.userDisplayName)),
                        ("userDescription", JSONText.optional(entry.userDescription)),
                        ("requiresAdminConsent", JSONText.bool(entry.requiresAdminConsent)),
                        ("privilegeLevel", entry.privilegeLevel.map(String.init) ?? "null"),
                        ("isEnabled", JSONText.bool(entry.isEnabled)),
                        ("isHidden", JSONText.bool(entry.isHidden)),
                        ("grants", String(entry.grantCount)),
                    ]))
                })),
            ]) + "\n"
        }
        func yesNo(_ flag: Bool?) -> String { flag.map { $0 ? "yes" : "no" } ?? "" }
        let rows = entries.map { entry in
            [name, entry.scheme.rawValue, entry.guid ?? "", entry.adminDisplayName ?? entry.userDisplayName ?? "",
             yesNo(entry.requiresAdminConsent), entry.privilegeLevel.map(String.init) ?? "", String(entry.grantCount)]
        }
        return TabularText(columns: ["permission", "scheme", "id", "display name", "admin consent", "privilege level", "grants"], rows: rows).render(format)
    }
}

/// An Entra admin role.
public struct AdminRoleCard: Sendable, Equatable {
    public let name: String
    public let roleTemplateId: String

    public func render(_ format: OutputFormat) -> String {
        if format == .json {
            return JSONText.object([("role", JSONText.string(name)), ("roleTemplateId", JSONText.string(roleTemplateId))]) + "\n"
        }
        return TabularText(columns: ["Role", "Role template ID"], rows: [[name, roleTemplateId]]).render(format)
    }
}

/// What `show` found.
public enum ShowResult: Sendable, Equatable {
    case permission(PermissionCard)
    case role(AdminRoleCard)

    public func render(_ format: OutputFormat) -> String {
        switch self {
        case .permission(let card): card.render(format)
        case .role(let card): card.render(format)
        }
    }
}

extension KnowledgeBase {
    static let cardSQL = """
        SELECT ps.scheme_id, ps.guid, ps.admin_display_name, ps.admin_description, ps.user_display_name, ps.user_description,
               ps.requires_admin_consent, ps.privilege_level, ps.is_enabled, ps.is_hidden,
               (SELECT count(*) FROM grants g WHERE g.permission_id = ps.permission_id AND g.scheme_id = ps.scheme_id)
        FROM permission_scheme ps WHERE ps.permission_id = ? ORDER BY ps.scheme_id
        """

    /// A permission by name (any case) or by ID, or an admin role by name or role template ID.
    public func show(_ nameOrID: String) throws -> ShowResult {
        let key = nameOrID.trimmingCharacters(in: .whitespaces)
        if let role = try read("SELECT name, role_template_id FROM admin_role WHERE lower(name) = lower(?) OR role_template_id = lower(?)", { db, sql in
            try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [key, key])
        }) {
            return .role(AdminRoleCard(name: role[0], roleTemplateId: role[1]))
        }
        let isGUID = GUID.isValid(key)
        let lookup = isGUID
            ? "SELECT DISTINCT p.id, p.name, p.resource, p.operation, p.name_constraint FROM permission p JOIN permission_scheme ps ON ps.permission_id = p.id WHERE ps.guid = lower(?) ORDER BY p.id"
            : "SELECT id, name, resource, operation, name_constraint FROM permission WHERE name = ? COLLATE NOCASE ORDER BY name = ? DESC, id"
        let arguments: StatementArguments = isGUID ? [key] : [key, key]
        guard let row = try read(lookup, { db, sql in try Row.fetchOne(db.cachedStatement(sql: sql), arguments: arguments) }) else {
            let names = try read("SELECT name FROM permission UNION ALL SELECT name FROM admin_role", { db, sql in try String.fetchAll(db, sql: sql) })
            throw LookupError.unknownEntity(key, suggestions: Suggestions.nearest(key, in: names, limit: 3))
        }
        let permissionID: Int = row[0]
        let entries = try read(Self.cardSQL) { db, sql in
            try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [permissionID]).map { entry in
                PermissionCard.Entry(scheme: Scheme(id: entry[0]) ?? .application, guid: entry[1], adminDisplayName: entry[2], adminDescription: entry[3],
                                     userDisplayName: entry[4], userDescription: entry[5], requiresAdminConsent: entry[6], privilegeLevel: entry[7],
                                     isEnabled: entry[8], isHidden: entry[9], grantCount: entry[10])
            }
        }
        return .permission(PermissionCard(name: row[1], resource: row[2], operation: row[3], constraint: row[4], entries: entries))
    }
}
