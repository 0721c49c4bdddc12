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
            let queue = try DatabaseQueue(path: temporary, configuration: configuration)
            try queue.write { db in try populate(db, with: facts) }
            try queue.close()
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw LoadError.io(file: path, message: "the new knowledge base could not be written (\(describe(error)))")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw LoadError.io(file: path, message: "the new knowledge base could not replace the old one (\(reason))")
        }
    }

    /// Creates the schema in `db` and inserts every fact.
    static func populate(_ db: Database, with facts: KnowledgeFacts) throws {
        try applySchema(db)
        for scheme in Scheme.allCases {
            try db.execute(sql: "INSERT INTO scheme (id, name, docs_label) VALUES (?, ?, ?)", arguments: [scheme.id, scheme.rawValue, scheme.docsLabel])
        }
        var templateKeys: [String: String] = [:]
        for grant in facts.grants where templateKeys[grant.template] == nil { templateKeys[grant.template] = TemplateKey.of(grant.template) }
        let derived = SecurityTableGrants.derive(from: facts.securityEntities, existingKeys: Set(templateKeys.values))
        let grants = facts.grants + derived
        let names = Set(facts.permissions.keys).union(grants.map(\.permission)).union(facts.securityEntities.map(\.permission))
        var permissionIDs: [String: Int] = [:]
        let insertPermission = try db.cachedStatement(sql: "INSERT INTO permission (id, name, resource, operation, name_constraint, kibali_rank) VALUES (?, ?, ?, ?, ?, ?)")
        for (rank, name) in KibaliCollation.sorted(names).enumerated() {
            let parts = PermissionName(name)
            permissionIDs[name] = rank + 1
            try insertPermission.execute(arguments: [rank + 1, name, parts.resource, parts.operation, parts.constraint, rank])
        }
        let insertScheme = try db.cachedStatement(sql: """
            INSERT INTO permission_scheme (permission_id, scheme_id, guid, admin_display_name, admin_description, user_display_name,
              user_description, requires_admin_consent, privilege_level, is_enabled, is_hidden, environment, resource_app_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for name in facts.permissions.keys.sorted() {
            for (scheme, entry) in facts.permissions[name]!.sorted(by: { $0.key < $1.key }) {
                try insertScheme.execute(arguments: [permissionIDs[name], scheme.id, entry.guid, entry.adminDisplayName, entry.adminDescription,
                                                     entry.userDisplayName, entry.userDescription, entry.requiresAdminConsent, entry.privilegeLevel,
                                                     entry.isEnabled, entry.isHidden, entry.environment, entry.resourceAppId])
            }
        }
        try insertGrants(db, grants, permissionIDs: permissionIDs, templateKeys: templateKeys)
        try insertTables(db, facts)
        try db.execute(sql: "PRAGMA user_version = \(KnowledgeBase.schemaVersion)")
    }

    private static func insertGrants(_ db: Database, _ grants: [Grant], permissionIDs: [String: Int], templateKeys: [String: String]) throws {
        var templateIDs: [String: Int] = [:]
        let insertTemplate = try db.cachedStatement(sql: "INSERT INTO path_template (id, template, match_key) VALUES (?, ?, ?)")
        let insertGrant = try db.cachedStatement(sql: """
            INSERT INTO grants (permission_id, scheme_id, method, template_id, is_least, also_requires, claim_order, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for grant in grants {
            let templateID: Int
            if let known = templateIDs[grant.template] {
                templateID = known
            } else {
                templateID = templateIDs.count + 1
                templateIDs[grant.template] = templateID
                try insertTemplate.execute(arguments: [templateID, grant.template, templateKeys[grant.template] ?? TemplateKey.of(grant.template)])
            }
            let rankOrder = (permissionIDs[grant.permission]! - 1) * 1_000 + grant.claimOrder % 1_000
            try insertGrant.execute(arguments: [permissionIDs[grant.permission], grant.scheme.id, grant.method, templateID, grant.isLeast,
                                                grant.alsoRequires.joined(separator: ","), rankOrder, grant.source.rawValue])
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

    private static func applySchema(_ db: Database) throws {
        let folder = Resources.schemaDirectory
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        for file in files {
            try db.execute(sql: String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
        }
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}

/// The normalised key of a template: lower case, parameters as `{}`.
///
///     TemplateKey.of("/users/{user-id}/Messages")  // "/users/{}/messages"
public enum TemplateKey {
    public static func of(_ template: String) -> String {
        let path = template.split(separator: "?", maxSplits: 1).first.map(String.init) ?? template
        let query = template.contains("?") ? "?" + PathSegments.normalize(String(template.split(separator: "?", maxSplits: 1)[1])) : ""
        return "/" + PathSegments.groupItemPaths(path.split(separator: "/").map(String.init)).map(PathSegments.normalize).joined(separator: "/") + query
    }
}
