import Foundation
import GRDB

/// Counts and provenance of a knowledge base.
public struct Statistics: Sendable {
    public let counts: [(String, Int)]
    public let files: [(kind: String, path: String, size: Int, sha256: String, loadedAt: String)]

    public func render(_ format: OutputFormat) -> String {
        if format == .json {
            return JSONText.object([
                ("counts", JSONText.object(counts.map { ($0.0, String($0.1)) })),
                ("files", JSONText.array(files.map { file in
                    JSONText.object([("kind", JSONText.string(file.kind)), ("path", JSONText.string(file.path)), ("size", String(file.size)),
                                     ("sha256", JSONText.string(file.sha256)), ("loaded_at", JSONText.string(file.loadedAt))])
                })),
            ]) + "\n"
        }
        let rows = counts.map { [$0.0, String($0.1)] } + files.map { ["file: \($0.kind)", "\($0.path) (\($0.size) bytes, sha256 \($0.sha256.prefix(12))…, \($0.loadedAt))"] }
        return TabularText(columns: ["item", "value"], rows: rows).render(format)
    }
}

extension KnowledgeBase {
    /// Row counts of the main tables and the files loaded.
    public func statistics() throws(KnowledgeBaseError) -> Statistics {
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
            counts.append((name, try read(sql) { db, sql in try Int.fetchOne(db, sql: sql) ?? 0 }))
        }
        let files = try read("SELECT kind, path, size, sha256, loaded_at FROM provenance ORDER BY id") { db, sql in
            try Row.fetchAll(db, sql: sql).map { (kind: $0[0] as String, path: $0[1] as String, size: $0[2] as Int, sha256: $0[3] as String, loadedAt: $0[4] as String) }
        }
        return Statistics(counts: counts, files: files)
    }

    /// Runs one user-typed read-only statement on its own guarded connection (see `SQLGuard`): what SQLite
    /// compiles decides, so writes, ATTACH/DETACH, transactions, savepoints and PRAGMAs with a value are refused
    /// however they are written; several statements at once are refused too.
    ///
    ///     try kb.runSQL("SELECT count(*) FROM permission")  // one row
    ///     try kb.runSQL("/**/ATTACH ':memory:' AS m")       // throws .writeRefused("ATTACH is not allowed")
    public func runSQL(_ sql: String) throws(KnowledgeBaseError) -> TabularText {
        let connection = try userSQLConnection()
        _ = connection.guardian.takeDenial()
        do {
            return try connection.queue.unsafeRead { db in
                let statements = try db.allStatements(sql: sql)
                guard let statement = try statements.next() else { throw KnowledgeBaseError.query(sql: sql, detail: "no statement") }
                guard try statements.next() == nil else { throw KnowledgeBaseError.writeRefused(detail: "one statement at a time") }
                guard statement.isReadonly else { throw KnowledgeBaseError.writeRefused(detail: "the statement would change the database") }
                let columns = statement.columnNames
                let rows = try Row.fetchAll(statement).map(KnowledgeBase.cells)
                return TabularText(columns: columns, rows: rows)
            }
        } catch let error as KnowledgeBaseError {
            throw error
        } catch {
            if let denial = connection.guardian.takeDenial() { throw .writeRefused(detail: "\(denial) is not allowed") }
            if let error = error as? DatabaseError { throw .query(sql: error.sql ?? sql, detail: error.message ?? "\(error.resultCode)") }
            throw .query(sql: sql, detail: "\(error)")
        }
    }
}
