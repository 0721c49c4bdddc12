import GraphPermCore
import GraphPermQuery

/// The queries a user writes: the query language's planned statements, and raw SQL on a guarded connection.
extension KnowledgeStore {
    /// The statements `explain` shows for a lookup: the candidate scan and the grants of a template.
    package static var lookupStatements: (match: String, grants: String) { (candidateScanSQL, templateGrantsSQL) }

    /// The statement `explain show` shows.
    package static var permissionCardStatement: String { cardSQL }

    /// Runs a planned query (arguments bound, never spliced into the text).
    package func execute(_ plan: PlannedQuery) throws(KnowledgeBaseError) -> TabularText {
        try read(plan.sql) { db, sql in
            let arguments = plan.arguments.map { value -> any SQLiteArgument in
                switch value {
                case .text(let text): text
                case .integer(let number): number
                }
            }
            let statement = try db.statement(sql)
            return TabularText(columns: statement.columnNames, rows: try statement.rows(arguments, Self.cells))
        }
    }

    /// Runs one user-typed read-only statement on its own guarded connection (see `SQLGuard`): what SQLite
    /// compiles decides, so writes, ATTACH/DETACH, transactions, savepoints and PRAGMAs with a value are refused
    /// however they are written; several statements at once are refused too.
    ///
    ///     try store.runSQL("SELECT count(*) FROM permission")  // one row
    ///     try store.runSQL("/**/ATTACH ':memory:' AS m")       // throws .writeRefused("ATTACH is not allowed")
    package func runSQL(_ sql: String) throws(KnowledgeBaseError) -> TabularText {
        let connection = try userSQLConnection()
        _ = connection.guardian.takeDenial()
        do {
            return try connection.connection.withLock { db in
                let statements = try db.statements(in: sql)
                guard let statement = statements.first else {
                    throw KnowledgeBaseError.query(sql: sql, detail: "no statement")
                }
                guard statements.count == 1 else {
                    throw KnowledgeBaseError.writeRefused(detail: "one statement at a time")
                }
                guard statement.isReadOnly else {
                    throw KnowledgeBaseError.writeRefused(detail: "the statement would change the database")
                }
                return TabularText(columns: statement.columnNames, rows: try statement.rows([], Self.cells))
            }
        } catch let error as KnowledgeBaseError {
            throw error
        } catch {
            if let denial = connection.guardian.takeDenial() { throw .writeRefused(detail: "\(denial) is not allowed") }
            if let error = error as? SQLiteError { throw .query(sql: error.sql ?? sql, detail: error.message) }
            throw .query(sql: sql, detail: "\(error)")
        }
    }

    /// A row's values as text (NULL as empty).
    static func cells(_ row: SQLiteRow) -> [String] {
        (0..<row.count).map(row.displayText)
    }
}
