import Foundation
import GRDB

/// Writes gathered facts into a new database and swaps it in place of the old one in one step, so a failed
/// load leaves the old knowledge base exactly as it was.
public enum KnowledgeBaseWriter {
    /// Builds `path` from `facts`: a new file beside it, then an atomic rename over it.
    public static func write(_ facts: KnowledgeFacts, to path: String) throws(LoadError) {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LoadError.io(file: path, message: "the folder \(folder) does not exist")
        }
        let temporary = folder + "/." + target.lastPathComponent + ".new-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            var configuration = Configuration()
            configuration.journalMode = .default
            // Every reference is made by this writer from the facts' own IDs; checking each row would double the insert time.
            configuration.foreignKeysEnabled = false
            configuration.prepareDatabase { db in
                // A new file that only replaces the knowledge base once complete and synced: no journal needed.
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY")
            }
            let queue = try DatabaseQueue(path: temporary, configuration: configuration)
            try queue.write { db in try populate(db, with: facts) }
            try queue.close()
            try sync(temporary)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw LoadError.io(file: path, message: "the new knowledge base could not be written (\(describe(error)))")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw LoadError.io(file: path, message: "the new knowledge base could not replace the old one (\(reason))")
        }
        try? sync(folder)
    }

    /// Flushes a file (or folder) to disk, so the rename never exposes a half-written file after a crash.
    private static func sync(_ path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw LoadError.io(file: path, message: "cannot be opened to sync (\(String(cString: strerror(errno))))") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw LoadError.io(file: path, message: "cannot be synced to disk (\(String(cString: strerror(errno))))") }
    }

    /// Creates the schema in `db` and inserts every fact.
    static func populate(_ db: Database, with facts: KnowledgeFacts) throws {
        let schema = try schemaFiles()
        try db.execute(sql: schema[0])
        for scheme in Scheme.allCases {
            try db.execute(sql: "INSERT INTO scheme (id, name, docs_label) VALUES (?, ?, ?)", arguments: [scheme.id, scheme.rawValue, scheme.docsLabel])
        }
        // The template table (thousands of match keys) is built on another core while the permissions are inserted.
        let templateTable = BackgroundValue { [grants = facts.grants, entities = facts.securityEntities] in
            var templates = TemplateTable(grants)
            let derived = SecurityTableGrants.derive(from: entities, existingKeys: Set(templates.keys))
            for grant in derived { templates.add(grant.template) }
            return (templates, derived)
        }
        // Derived grants are for permissions of the security table, so they add no name.
        var names = Set(facts.permissions.keys).union(facts.securityEntities.map(\.permission))
        var previous = ""
        for grant in facts.grants where grant.permission != previous {
            names.insert(grant.permission)
            previous = grant.permission
        }
        var permissionIDs: [String: Int] = [:]
        let insertPermission = try RowInserter(db, sql: "INSERT INTO permission (id, name, resource, operation, name_constraint, kibali_rank) VALUES (?, ?, ?, ?, ?, ?)")
        let sortedNames = KibaliCollation.sorted(names)
        for (rank, name) in sortedNames.enumerated() {
            let parts = PermissionName(name)
            permissionIDs[name] = rank + 1
            try insertPermission.insert([.integer(rank + 1), .text(name), .text(parts.resource), .init(parts.operation), .init(parts.constraint), .integer(rank)])
        }
        let insertScheme = try RowInserter(db, sql: """
            INSERT INTO permission_scheme (permission_id, scheme_id, guid, admin_display_name, admin_description, user_display_name,
              user_description, requires_admin_consent, privilege_level, is_enabled, is_hidden, environment, resource_app_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        // In ID order, so every row is appended to the table's B-tree.
        for name in sortedNames {
            guard let schemes = facts.permissions[name] else { continue }
            for (scheme, entry) in schemes.sorted(by: { $0.key < $1.key }) {
                try insertScheme.insert([.init(permissionIDs[name]), .integer(scheme.id), .init(entry.guid), .init(entry.adminDisplayName),
                                         .init(entry.adminDescription), .init(entry.userDisplayName), .init(entry.userDescription),
                                         .init(entry.requiresAdminConsent), .init(entry.privilegeLevel), .init(entry.isEnabled), .init(entry.isHidden),
                                         .init(entry.environment), .init(entry.resourceAppId)])
            }
        }
        let (templates, derived) = templateTable.value
        try insertGrants(db, facts.grants, derived, templates: templates, permissionIDs: permissionIDs)
        try insertTables(db, facts)
        for sql in schema.dropFirst() { try db.execute(sql: sql) }
        try db.execute(sql: "PRAGMA user_version = \(KnowledgeBase.schemaVersion)")
    }

    private static func insertGrants(_ db: Database, _ grants: [Grant], _ derived: [Grant], templates: TemplateTable, permissionIDs: [String: Int]) throws {
        let insertTemplate = try RowInserter(db, sql: "INSERT INTO path_template (id, template, match_key) VALUES (?, ?, ?)")
        // Many rows per statement: SQLite's per-statement work (cursor, transaction check, reset) is paid once per batch.
        let batch = 50
        func grantInserter(rows: Int) throws -> RowInserter {
            let row = "(" + Array(repeating: "?", count: 8).joined(separator: ", ") + ")"
            return try RowInserter(db, sql: "INSERT INTO grants (permission_id, scheme_id, method, template_id, is_least, also_requires, claim_order, source) VALUES "
                                   + Array(repeating: row, count: rows).joined(separator: ", "))
        }
        let total = grants.count + derived.count
        let fullBatches = try grantInserter(rows: batch)
        let lastBatch = total % batch == 0 ? fullBatches : try grantInserter(rows: total % batch)
        for (id, entry) in templates.entries.enumerated() {
            insertTemplate.bind(1, id + 1)
            insertTemplate.bind(2, entry.template)
            insertTemplate.bind(3, entry.key)
            try insertTemplate.step()
        }
        // Grants come in runs of one permission and one template: the previous IDs are reused without hashing.
        var previousPermission = ("", 0)
        var previousTemplate = ("", 0)
        for (index, grant) in [grants, derived].joined().enumerated() {
            if grant.permission != previousPermission.0 { previousPermission = (grant.permission, permissionIDs[grant.permission]!) }
            if grant.template != previousTemplate.0 { previousTemplate = (grant.template, templates.id(of: grant.template)) }
            let insertGrant = index >= total - total % batch ? lastBatch : fullBatches
            let offset = index % batch * 8
            insertGrant.bind(offset + 1, previousPermission.1)
            insertGrant.bind(offset + 2, grant.scheme.id)
            if let method = staticText(method: grant.method) { insertGrant.bind(offset + 3, method) } else { insertGrant.bind(offset + 3, grant.method) }
            insertGrant.bind(offset + 4, previousTemplate.1)
            insertGrant.bind(offset + 5, grant.isLeast ? 1 : 0)
            if grant.alsoRequires.isEmpty { insertGrant.bind(offset + 6, "" as StaticString) } else { insertGrant.bind(offset + 6, grant.alsoRequires.joined(separator: ",")) }
            insertGrant.bind(offset + 7, (previousPermission.1 - 1) * 1_000 + grant.claimOrder % 1_000)
            insertGrant.bind(offset + 8, grant.source.staticRawValue)
            if index % batch == batch - 1 || index == total - 1 { try insertGrant.step() }
        }
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

    private static func insertTables(_ db: Database, _ facts: KnowledgeFacts) throws {
        for entity in facts.securityEntities {
            try db.execute(sql: "INSERT INTO security_entity (id, permission_name, entity, resource_path, methods, is_preview, doc_link) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [entity.position, entity.permission, entity.entity, entity.resourcePath, entity.methods.joined(separator: " "), entity.isPreview, entity.docLink])
        }
        for role in facts.adminRoles {
            try db.execute(sql: "INSERT INTO admin_role (id, name, role_template_id) VALUES (?, ?, ?)", arguments: [role.position, role.name, role.roleTemplateId])
        }
        let formatter = ISO8601DateFormatter()
        for file in facts.provenance {
            try db.execute(sql: "INSERT INTO provenance (kind, path, size, sha256, loaded_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [file.kind.rawValue, file.path, file.size, file.sha256, formatter.string(from: file.loadedAt)])
        }
        for warning in facts.warnings {
            try db.execute(sql: "INSERT INTO load_warning (message) VALUES (?)", arguments: [warning])
        }
    }

    /// The schema files' text in name order: the first creates the tables, the rest run after the inserts.
    private static func schemaFiles() throws -> [String] {
        let folder = Resources.schemaDirectory
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        return try files.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}
