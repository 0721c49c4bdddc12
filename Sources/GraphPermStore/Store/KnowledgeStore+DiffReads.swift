import Foundation
import GRDB
import GraphPermCore
import GraphPermJSON

/// The reads `graphperm diff` makes, and knowledge bases in memory built from files to diff.
extension KnowledgeStore {
    static let diffPermissionsSQL = "SELECT name FROM permission ORDER BY name"
    static let diffSchemesSQL = """
        SELECT p.name, ps.scheme_id, ps.guid, ps.privilege_level FROM permission_scheme ps
        JOIN permission p ON p.id = ps.permission_id ORDER BY p.name, ps.scheme_id
        """
    static let diffGrantsSQL = """
        SELECT p.name, g.scheme_id, g.method, t.template, g.is_least FROM grants g
        JOIN permission p ON p.id = g.permission_id JOIN path_template t ON t.id = g.template_id
        WHERE g.source = 'document' ORDER BY g.id
        """

    /// Every permission name, (permission, scheme) ID and level, and grant of the permissions document.
    /// `tiers` stays nil: the knowledge base has no tiers table yet (fill it here when it has one).
    package func diffFacts() throws(KnowledgeBaseError) -> DiffFacts {
        var facts = DiffFacts()
        facts.permissions = try read(Self.diffPermissionsSQL) { db, sql in try String.fetchAll(db, sql: sql) }
        facts.schemes = try read(Self.diffSchemesSQL) { db, sql in
            var rows: [DiffFacts.SchemeFact] = []
            let cursor = try Row.fetchCursor(db, sql: sql)
            while let row = try cursor.next() {
                guard let scheme = Scheme(id: row["scheme_id"]) else { continue }
                rows.append(
                    DiffFacts.SchemeFact(
                        permission: row["name"], scheme: scheme, id: row["guid"],
                        privilegeLevel: row["privilege_level"]))
            }
            return rows
        }
        facts.grants = try read(Self.diffGrantsSQL) { db, sql in
            var rows: [DiffFacts.GrantFact] = []
            rows.reserveCapacity(50_000)
            let cursor = try Row.fetchCursor(db, sql: sql)
            while let row = try cursor.next() {
                guard let scheme = Scheme(id: row["scheme_id"]) else { continue }
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
        let queue = try DatabaseQueue()
        try queue.write { db in try KnowledgeBaseWriter.populate(db, with: facts) }
        return KnowledgeStore(reader: queue, location: location)
    }
}
