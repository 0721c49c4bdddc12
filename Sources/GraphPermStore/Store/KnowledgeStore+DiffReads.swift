import GraphPermCore
import GraphPermJSON

/// The reads `graphperm diff` makes, and knowledge bases in memory built from files to diff.
extension KnowledgeStore {
    static let diffPermissionsSQL = "SELECT name FROM permission ORDER BY name"
    static let diffSchemesSQL = """
        SELECT p.name, ps.scheme_id, ps.guid, ps.privilege_level, ps.tier, ps.tier_for_user, ps.tier_source
        FROM permission_scheme ps
        JOIN permission p ON p.id = ps.permission_id ORDER BY p.name, ps.scheme_id
        """
    static let diffGrantsSQL = """
        SELECT p.name, g.scheme_id, g.method, t.template, g.is_least FROM grants g
        JOIN permission p ON p.id = g.permission_id JOIN path_template t ON t.id = g.template_id
        WHERE g.source = 'document' ORDER BY g.id
        """

    /// Every permission name, (permission, scheme) ID, level and tier, and grant of the permissions document.
    /// `tiers` is nil when no (permission, scheme) has a tier (a knowledge base built without tier rules).
    package func diffFacts() throws(KnowledgeBaseError) -> DiffFacts {
        var facts = DiffFacts()
        facts.permissions = try read(Self.diffPermissionsSQL) { db, sql in try db.statement(sql).values() as [String] }
        let schemes = try read(Self.diffSchemesSQL) { db, sql in
            var rows: [DiffFacts.SchemeFact] = []
            var tiers: [DiffFacts.TierFact] = []
            try db.statement(sql).forEachRow { row in
                guard let scheme = Scheme(id: row["scheme_id"]) else { return }
                let name: String = row["name"]
                rows.append(
                    DiffFacts.SchemeFact(
                        permission: name, scheme: scheme, id: row["guid"], privilegeLevel: row["privilege_level"]))
                if let tier: Int = row["tier"], let forUser: Int = row["tier_for_user"] {
                    tiers.append(
                        DiffFacts.TierFact(
                            permission: name, scheme: scheme, tier: tier, tierForUser: forUser,
                            source: row["tier_source"] ?? "default"))
                }
            }
            return (rows, tiers)
        }
        facts.schemes = schemes.0
        facts.tiers = schemes.1.isEmpty && !schemes.0.isEmpty ? nil : schemes.1
        facts.grants = try read(Self.diffGrantsSQL) { db, sql in
            var rows: [DiffFacts.GrantFact] = []
            rows.reserveCapacity(50_000)
            try db.statement(sql).forEachRow { row in
                guard let scheme = Scheme(id: row["scheme_id"]) else { return }
                rows.append(
                    DiffFacts.GrantFact(
                        permission: row["name"], scheme: scheme, method: row["method"],
                        template: row["template"], isLeast: row["is_least"]))
            }
            return rows
        }
        return facts
    }

    /// A knowledge base in memory built from `inputs` (files or folders of Microsoft's files, as `load` takes),
    /// for a diff against a file that was never loaded; nothing is written to disk.
    package static func inMemory(
        inputs: [LoadInput], location: String,
        dataDirectory: ResourceFolder = Resources.dataDirectory
    ) throws -> KnowledgeStore {
        let facts = try KnowledgeLoader.gather(inputs: inputs, dataDirectory: dataDirectory)
        return KnowledgeStore(connection: try KnowledgeBaseWriter.inMemory(facts), location: location)
    }
}
