import GraphPermPlatform
import GraphPermCore
import GraphPermJSON

/// Fills a new knowledge base in the order its facts become known: the tables first; then the grants and their
/// templates, as the permissions documents are read; then the security table's grants and the grant indexes;
/// last the permissions and everything else. Called in that order on one connection, inside one transaction.
///
///     var filler = try KnowledgeBaseFiller(db)
///     filler.number(granting: ["Mail.Read", "User.Read"])
///     try filler.add(grants)                      // any number of times
///     try filler.finishGrants(securityEntities: facts.securityEntities)
///     try filler.finish(with: facts)
package struct KnowledgeBaseFiller {
    private let db: SQLiteConnection
    private let schema: [String]
    private var ids = PermissionIDs(granting: [String]())
    private var templates = TemplateTable()
    private var templateRowsWritten = 0
    private var previousPermission = ("", 0)
    private var previousTemplate = ("", 0)

    /// Creates the tables (the first schema file) and the schemes.
    package init(_ db: SQLiteConnection) throws {
        self.db = db
        schema = try Self.schemaFiles()
        // Grants are written before the permissions they name: references are checked at the commit, if at all.
        try db.execute("PRAGMA defer_foreign_keys = ON")
        try db.execute(schema[0])
        for scheme in Scheme.allCases {
            try db.execute(
                "INSERT INTO scheme (id, name, docs_label) VALUES (?, ?, ?)",
                [scheme.id, scheme.rawValue, scheme.docsLabel])
        }
    }

    /// Numbers the permissions that can have grants; call before adding grants.
    package mutating func number(granting names: some Sequence<String>) {
        ids = PermissionIDs(granting: names)
    }

    /// Writes `grants`, and the templates among them not written yet.
    package mutating func add(_ grants: [Grant]) throws {
        templates.add(templatesOf: grants)
        let firstNew = templateRowsWritten
        templateRowsWritten = templates.entries.count
        try RowInserter.insertRows(
            db, into: "path_template", columns: ["id", "template", "match_key"], count: templateRowsWritten - firstNew
        ) { row, statement, offset in
            let entry = templates.entries[firstNew + row]
            statement.bind(offset + 1, firstNew + row + 1)
            statement.bind(offset + 2, entry.template)
            statement.bind(offset + 3, entry.key)
        }
        try RowInserter.insertRows(db, into: "grants", columns: Self.grantColumns, count: grants.count) {
            row, statement, offset in
            try bind(grants[row], into: statement, at: offset)
        }
    }

    /// Adds the grants the security table gives for templates no document has, and indexes the grants (the second
    /// schema file).
    package mutating func finishGrants(securityEntities: [SecurityEntity]) throws {
        try add(SecurityTableGrants.derive(from: securityEntities, existingKeys: Set(templates.keys)))
        try db.execute(schema[1])
    }

    /// Writes the permissions, their schemes, the security table, admin roles, provenance and warnings, then the
    /// remaining indexes and views.
    package mutating func finish(with facts: KnowledgeFacts) throws {
        ids.addRemaining(Set(facts.permissions.keys).union(facts.securityEntities.map(\.permission)))
        let ranks = ids.kibaliRanks()
        try RowInserter.insertRows(
            db, into: "permission", columns: ["id", "name", "resource", "operation", "name_constraint", "kibali_rank"],
                                   count: ids.names.count) { row, statement, offset in
            let parts = PermissionName(ids.names[row])
            statement.bind(
                [
                    .integer(row + 1), .text(parts.text), .text(parts.resource), .init(parts.operation),
                    .init(parts.constraint), .integer(ranks[row]),
                ], at: offset)
        }
        // In ID order, so every row is appended to the table's B-tree.
        let schemeRows = ids.names.enumerated().flatMap { index, name in
            (facts.permissions[name] ?? [:]).sorted(by: { $0.key < $1.key }).map {
                (id: index + 1, scheme: $0.key, entry: $0.value)
            }
        }
        let schemeColumns = [
            "permission_id", "scheme_id", "guid", "admin_display_name", "admin_description", "user_display_name",
            "user_description",
            "requires_admin_consent", "privilege_level", "is_enabled", "is_hidden", "environment", "resource_app_id",
                             "tier", "tier_for_user", "tier_basis", "tier_source"]
        try RowInserter.insertRows(
            db, into: "permission_scheme", columns: schemeColumns, count: schemeRows.count, rowsPerStatement: 20
        ) { row, statement, offset in
            let (id, scheme, entry) = schemeRows[row]
            statement.bind(
                [
                    .integer(id), .integer(scheme.id), .init(entry.guid), .init(entry.adminDisplayName),
                    .init(entry.adminDescription),
                    .init(entry.userDisplayName), .init(entry.userDescription), .init(entry.requiresAdminConsent),
                    .init(entry.privilegeLevel),
                    .init(entry.isEnabled), .init(entry.isHidden), .init(entry.environment), .init(entry.resourceAppId),
                ]
                           + Self.tierValues(facts.tierRules?.tier(of: ids.names[id - 1], scheme: scheme)), at: offset)
        }
        try insertTables(facts)
        for sql in schema.dropFirst(2) { try db.execute(sql) }
        try db.execute("PRAGMA user_version = \(KnowledgeStore.schemaVersion)")
    }

    /// The tier columns of a permission in a scheme (NULL when no tier rules were loaded).
    private static func tierValues(_ tier: PermissionTier?) -> [RowInserter.Value] {
        guard let tier else { return [.null, .null, .null, .null] }
        return [.integer(tier.tier), .integer(tier.tierForUser), .text(tier.basis.rawValue), .text(tier.source)]
    }

    private static let grantColumns = [
        "permission_id", "scheme_id", "method", "template_id", "is_least", "also_requires", "claim_order", "source",
    ]

    private mutating func bind(_ grant: Grant, into statement: RowInserter, at offset: Int) throws {
        // Grants come in runs of one permission and one template: the previous IDs are reused without hashing.
        if grant.permission != previousPermission.0 {
            guard let id = ids[grant.permission] else {
                throw SQLiteError(
                    code: 1,
                    message:
                        "\(grant.permission) has grants but was not numbered among the permissions that can have them")
            }
            previousPermission = (grant.permission, id)
        }
        if grant.template != previousTemplate.0 {
            previousTemplate = (grant.template, templates.id(of: grant.template))
        }
        statement.bind(offset + 1, previousPermission.1)
        statement.bind(offset + 2, grant.scheme.id)
        if let method = Self.staticText(method: grant.method) {
            statement.bind(offset + 3, method)
        } else {
            statement.bind(offset + 3, grant.method)
        }
        statement.bind(offset + 4, previousTemplate.1)
        statement.bind(offset + 5, grant.isLeast ? 1 : 0)
        if grant.alsoRequires.isEmpty {
            statement.bind(offset + 6, "" as StaticString)
        } else {
            statement.bind(offset + 6, grant.alsoRequires.joined(separator: ","))
        }
        // Microsoft's index order: the permission's place (its ID among those that can have grants), then the pathSet.
        statement.bind(offset + 7, (previousPermission.1 - 1) * 1_000 + grant.claimOrder % 1_000)
        statement.bind(offset + 8, grant.source.staticRawValue)
    }

    /// The usual HTTP methods as text SQLite can read in place (43,000 grants bind one each).
    private static func staticText(method: String) -> StaticString? {
        switch method {
        case "GET": "GET"
        case "POST": "POST"
        case "PUT": "PUT"
        case "PATCH": "PATCH"
        case "DELETE": "DELETE"
        default: nil
        }
    }

    private func insertTables(_ facts: KnowledgeFacts) throws {
        for entity in facts.securityEntities {
            try db.execute(
                    """
                    INSERT INTO security_entity (id, permission_name, entity, resource_path, methods, is_preview, \
                    doc_link) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                [
                    entity.position, entity.permission, entity.entity, entity.resourcePath,
                    entity.methods.joined(separator: " "), entity.isPreview, entity.docLink,
                ])
        }
        for role in facts.adminRoles {
            try db.execute("INSERT INTO admin_role (id, name, role_template_id, security_api) VALUES (?, ?, ?, ?)",
                           [role.position, role.name, role.roleTemplateId, role.securityAPIPosition])
        }
        for file in facts.provenance {
            try db.execute("INSERT INTO provenance (kind, path, size, sha256, loaded_at) VALUES (?, ?, ?, ?, ?)",
                [file.kind.rawValue, file.path, file.size, file.sha256, file.loadedAt.formatted(.iso8601)])
        }
        for warning in facts.warnings {
            try db.execute("INSERT INTO load_warning (message) VALUES (?)", [warning])
        }
    }

    /// The schema files' text in name order: tables, grant indexes, then the other indexes and views.
    private static func schemaFiles() throws -> [String] {
        let folder = Resources.schemaDirectory
        return try folder.fileNames(withSuffix: ".sql").map { name throws(LoadError) in try folder.text(of: name) }
    }
}
