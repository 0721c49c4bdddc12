import GraphPermCore
import GraphPermJSON

/// One scheme of a permission, as `show` prints it.
package struct PermissionSchemeRow: Sendable, Equatable {
    package let scheme: Scheme
    package let guid: String?
    package let adminDisplayName: String?
    package let adminDescription: String?
    package let userDisplayName: String?
    package let userDescription: String?
    package let requiresAdminConsent: Bool?
    package let privilegeLevel: Int?
    package let isEnabled: Bool?
    package let isHidden: Bool?
    package let grantCount: Int
}

/// A permission's name parts, as stored.
package struct PermissionRow: Sendable, Equatable {
    package let id: Int
    package let name: String
    package let resource: String
    package let operation: String?
    package let constraint: String?
}

/// One row of the Graph Security API table.
package struct SecurityEntityRow: Sendable, Equatable {
    package let permission: String
    package let entity: String
    package let methods: [String]
    package let isPreview: Bool
    package let docLink: String
}

/// A loaded file, as the provenance table records it.
package struct ProvenanceRow: Sendable, Equatable {
    package let kind: String
    package let path: String
    package let size: Int
    package let sha256: String
    package let loadedAt: String
}

/// Every read the front door makes, each a fixed statement with named columns and bound arguments.
extension KnowledgeStore {
    static let permissionFactsSQL = """
        SELECT ps.requires_admin_consent, ps.privilege_level, ps.tier, ps.tier_for_user FROM permission p
        JOIN permission_scheme ps ON ps.permission_id = p.id WHERE p.name = ? AND ps.scheme_id = ?
        """

    /// Admin consent and privilege level of `name` in `scheme` (nil, nil when it has none).
    package func permissionFacts(_ name: String, scheme: Scheme) throws(KnowledgeBaseError) -> PermissionFacts {
        try read(Self.permissionFactsSQL) { db, sql in
            try db.statement(sql).firstRow([name, scheme.id], PermissionFacts.init)
                ?? PermissionFacts(requiresAdminConsent: nil, privilegeLevel: nil, tier: nil)
        }
    }

    /// Admin consent and privilege level of every permission, by name and scheme ID (about 3,000 rows).
    package func allPermissionFacts() throws(KnowledgeBaseError) -> [String: [Int: PermissionFacts]] {
        let sql = """
            SELECT p.name, ps.scheme_id, ps.requires_admin_consent, ps.privilege_level, ps.tier, ps.tier_for_user \
            FROM permission p
            JOIN permission_scheme ps ON ps.permission_id = p.id ORDER BY p.id, ps.scheme_id
            """
        return try read(sql) { db, sql in
            var table: [String: [Int: PermissionFacts]] = [:]
            try db.statement(sql).forEachRow { row in
                table[row["name"], default: [:]][row["scheme_id"]] = PermissionFacts(row)
            }
            return table
        }
    }

    /// Whether `name` exists in `scheme`.
    package func permissionExists(_ name: String, scheme: Scheme) throws(KnowledgeBaseError) -> Bool {
        let sql = """
            SELECT EXISTS (SELECT 1 FROM permission p JOIN permission_scheme ps ON ps.permission_id = p.id
            WHERE p.name = ? AND ps.scheme_id = ?)
            """
        return try read(sql) { db, sql in
            try db.statement(sql).value([name, scheme.id]) as Bool? ?? false
        }
    }

    /// Every (permission name, scheme ID) pair in Kibali's order of names.
    package func permissionNamesBySchemeInKibaliOrder() throws(KnowledgeBaseError) -> [(name: String, schemeID: Int)] {
        let sql = """
            SELECT p.name, ps.scheme_id FROM permission p JOIN permission_scheme ps ON ps.permission_id = p.id
            ORDER BY p.kibali_rank, ps.scheme_id
            """
        return try read(sql) { db, sql in
            try db.statement(sql).rows { (name: $0["name"], schemeID: $0["scheme_id"]) }
        }
    }

    /// The Security API path of an entity name (`alerts` → `/security/alerts`), if the table has it.
    package func securityEntityPath(_ name: String) throws(KnowledgeBaseError) -> String? {
        let sql = """
            SELECT resource_path FROM security_entity WHERE lower(entity) = lower(?) OR lower(resource_path) = lower(?)
            ORDER BY id LIMIT 1
            """
        return try read(sql) { db, sql in
            try db.statement(sql).value([name, "/security/" + name]) as String?
        }
    }

    /// Entity names: the Security API's, and every path template of one segment (what `least GET users` can name).
    package func entityNames() throws(KnowledgeBaseError) -> [String] {
        let sql = """
            SELECT entity AS name FROM security_entity
            UNION SELECT DISTINCT substr(match_key, 2) FROM path_template WHERE match_key NOT LIKE '/%/%' ORDER BY 1
            """
        return try read(sql) { db, sql in try db.statement(sql).values() as [String] }
    }

    /// Whether a permissions document (path data) went into this knowledge base.
    package func hasPathData() throws(KnowledgeBaseError) -> Bool {
        try read("SELECT EXISTS (SELECT 1 FROM provenance WHERE kind = 'permissions-document')") { db, sql in
            try db.statement(sql).value() as Bool? ?? false
        }
    }

    /// The recorded location of the permissions document, if one was loaded.
    package func permissionsDocumentLocation() throws(KnowledgeBaseError) -> String? {
        let sql = "SELECT path FROM provenance WHERE kind = 'permissions-document' ORDER BY id LIMIT 1"
        return try read(sql) { db, sql in try db.statement(sql).value() as String? }
    }

    /// The display text of a permission in a scheme (the admin's, else the user's).
    package func displayText(_ name: String, scheme: Scheme) throws(KnowledgeBaseError) -> String? {
        let sql = """
            SELECT coalesce(ps.admin_display_name, ps.user_display_name) FROM permission p
            JOIN permission_scheme ps ON ps.permission_id = p.id AND ps.scheme_id = ?
            WHERE p.name = ? COLLATE NOCASE
            """
        return try read(sql) { db, sql in
            try db.statement(sql).value([scheme.id, name]) as String?
        }
    }

    /// Every admin role, in the order of `Data/admin-roles.json`.
    package func adminRoles() throws(KnowledgeBaseError) -> [AdminRole] {
        try read("SELECT name, role_template_id, security_api, id FROM admin_role ORDER BY id") { db, sql in
            try db.statement(sql).rows {
                AdminRole(
                    name: $0["name"], roleTemplateId: $0["role_template_id"], securityAPIPosition: $0["security_api"],
                          position: $0["id"])
            }
        }
    }

    /// An admin role by name (any case) or role template ID.
    package func adminRole(_ key: String) throws(KnowledgeBaseError) -> AdminRole? {
        try adminRoles().first { $0.name.lowercased() == key.lowercased() || $0.roleTemplateId == key.lowercased() }
    }

    /// A permission by name (any case; the exact case first) or by the ID of one of its schemes.
    package func permission(nameOrID key: String) throws(KnowledgeBaseError) -> PermissionRow? {
        let isGUID = GUID.isValid(key)
        let sql = isGUID
            ? """
            SELECT DISTINCT p.id, p.name, p.resource, p.operation, p.name_constraint FROM permission p
            JOIN permission_scheme ps ON ps.permission_id = p.id WHERE ps.guid = lower(?) ORDER BY p.id
            """
            : """
            SELECT id, name, resource, operation, name_constraint FROM permission WHERE name = ? COLLATE NOCASE
            ORDER BY name = ? DESC, id
            """
        let arguments: [any SQLiteArgument] = isGUID ? [key] : [key, key]
        return try read(sql) { db, sql in
            try db.statement(sql).firstRow(arguments) {
                PermissionRow(id: $0["id"], name: $0["name"], resource: $0["resource"], operation: $0["operation"],
                              constraint: $0["name_constraint"])
            }
        }
    }

    /// Every permission name and admin role name (for "did you mean").
    package func permissionAndRoleNames() throws(KnowledgeBaseError) -> [String] {
        try read("SELECT name FROM permission UNION ALL SELECT name FROM admin_role") { db, sql in
            try db.statement(sql).values() as [String]
        }
    }

    static let cardSQL = """
        SELECT ps.scheme_id, ps.guid, ps.admin_display_name, ps.admin_description, ps.user_display_name,
               ps.user_description, ps.requires_admin_consent, ps.privilege_level, ps.is_enabled, ps.is_hidden,
               (SELECT count(*) FROM grants g WHERE g.permission_id = ps.permission_id AND g.scheme_id = ps.scheme_id)
               AS grant_count
        FROM permission_scheme ps WHERE ps.permission_id = ? ORDER BY ps.scheme_id
        """

    /// The schemes of a permission, with their IDs, texts, consent and how many grants each has.
    package func schemes(ofPermission id: Int) throws(KnowledgeBaseError) -> [PermissionSchemeRow] {
        try read(Self.cardSQL) { db, sql in
            try db.statement(sql).rows([id]) { row in
                PermissionSchemeRow(
                    scheme: Scheme(id: row["scheme_id"]) ?? .application, guid: row["guid"],
                    adminDisplayName: row["admin_display_name"], adminDescription: row["admin_description"],
                    userDisplayName: row["user_display_name"], userDescription: row["user_description"],
                    requiresAdminConsent: row["requires_admin_consent"], privilegeLevel: row["privilege_level"],
                    isEnabled: row["is_enabled"], isHidden: row["is_hidden"], grantCount: row["grant_count"])
            }
        }
    }

    /// The Application and delegated (work or school) schemes of every permission, in Kibali's order of names.
    package func referenceRows() throws(KnowledgeBaseError) -> [(name: String, scheme: PermissionSchemeRow)] {
        let sql = """
            SELECT p.name, ps.scheme_id, ps.guid, ps.admin_display_name, ps.admin_description, ps.requires_admin_consent
            FROM permission p JOIN permission_scheme ps ON ps.permission_id = p.id
            WHERE ps.scheme_id IN (1, 3) ORDER BY p.kibali_rank, ps.scheme_id
            """
        return try read(sql) { db, sql in
            try db.statement(sql).rows { row in
                (name: row["name"], scheme: PermissionSchemeRow(
                    scheme: Scheme(id: row["scheme_id"]) ?? .application, guid: row["guid"],
                    adminDisplayName: row["admin_display_name"], adminDescription: row["admin_description"],
                    userDisplayName: nil, userDescription: nil, requiresAdminConsent: row["requires_admin_consent"],
                    privilegeLevel: nil, isEnabled: nil, isHidden: nil, grantCount: 0))
            }
        }
    }

    /// The Graph Security API table, in Microsoft's order.
    package func securityEntities() throws(KnowledgeBaseError) -> [SecurityEntityRow] {
        let sql = "SELECT permission_name, entity, methods, is_preview, doc_link FROM security_entity ORDER BY id"
        return try read(sql) { db, sql in
            try db.statement(sql).rows { row in
                SecurityEntityRow(permission: row["permission_name"], entity: row["entity"],
                                  methods: (row["methods"] as String).split(separator: " ").map(String.init),
                                  isPreview: row["is_preview"], docLink: row["doc_link"])
            }
        }
    }

    /// The ID of a permission in a scheme (the first scheme that has one, for OpenID scopes).
    package func permissionGUID(_ name: String, scheme: Scheme) throws(KnowledgeBaseError) -> String? {
        let sql = """
            SELECT ps.guid FROM permission p JOIN permission_scheme ps ON ps.permission_id = p.id
            WHERE p.name = ? AND ps.guid IS NOT NULL ORDER BY ps.scheme_id = ? DESC, ps.scheme_id LIMIT 1
            """
        return try read(sql) { db, sql in
            try db.statement(sql).value([name, scheme.id]) as String?
        }
    }

    /// The permission name of an ID (in `scheme` first).
    package func permissionName(guid: String, scheme: Scheme) throws(KnowledgeBaseError) -> String? {
        let sql = """
            SELECT p.name FROM permission p JOIN permission_scheme ps ON ps.permission_id = p.id
            WHERE ps.guid = lower(?) ORDER BY ps.scheme_id = ? DESC LIMIT 1
            """
        return try read(sql) { db, sql in
            try db.statement(sql).value([guid, scheme.id]) as String?
        }
    }

    /// Row counts of the main tables.
    package func tableCounts() throws(KnowledgeBaseError) -> [(String, Int)] {
        let queries: [(String, String)] = [
            ("permissions", "SELECT count(*) FROM permission"),
            ("permission_schemes", "SELECT count(*) FROM permission_scheme"),
            ("path_templates", "SELECT count(*) FROM path_template"),
            ("grants", "SELECT count(*) FROM grants"),
            ("path_method_pairs", "SELECT count(*) FROM (SELECT DISTINCT template_id, method FROM grants)"),
            ("security_entities", "SELECT count(*) FROM security_entity"),
            ("admin_roles", "SELECT count(*) FROM admin_role"),
            ("load_warnings", "SELECT count(*) FROM load_warning"),
        ]
        var counts: [(String, Int)] = []
        for (name, sql) in queries {
            counts.append((name, try read(sql) { db, sql in try db.statement(sql).value() as Int? ?? 0 }))
        }
        return counts
    }

    /// The files loaded, in load order.
    package func provenance() throws(KnowledgeBaseError) -> [ProvenanceRow] {
        try read("SELECT kind, path, size, sha256, loaded_at FROM provenance ORDER BY id") { db, sql in
            try db.statement(sql).rows {
                ProvenanceRow(kind: $0["kind"], path: $0["path"], size: $0["size"], sha256: $0["sha256"],
                              loadedAt: $0["loaded_at"])
            }
        }
    }

    /// Every permission name, in byte order.
    package func permissionNames() throws(KnowledgeBaseError) -> [String] {
        try read("SELECT name FROM permission ORDER BY name") { db, sql in try db.statement(sql).values() as [String] }
    }

    /// Every path template, in byte order.
    package func templates() throws(KnowledgeBaseError) -> [String] {
        try read("SELECT template FROM path_template ORDER BY template") { db, sql in
            try db.statement(sql).values() as [String]
        }
    }
}

/// Admin consent and privilege level of a permission in a scheme.
package struct PermissionFacts: Sendable, Equatable {
    package let requiresAdminConsent: Bool?
    package let privilegeLevel: Int?
    /// The risk tier stored at load (nil in a knowledge base loaded without tier rules).
    package let tier: TierMark?

    /// The facts of a row with the columns requires_admin_consent, privilege_level, tier and tier_for_user.
    init(_ row: SQLiteRow) {
        requiresAdminConsent = row["requires_admin_consent"]
        privilegeLevel = row["privilege_level"]
        let tier: Int? = row["tier"]
        let forUser: Int? = row["tier_for_user"]
        self.tier = tier.map { TierMark(tier: $0, tierForUser: forUser ?? $0) }
    }

    init(requiresAdminConsent: Bool?, privilegeLevel: Int?, tier: TierMark?) {
        self.requiresAdminConsent = requiresAdminConsent
        self.privilegeLevel = privilegeLevel
        self.tier = tier
    }
}
