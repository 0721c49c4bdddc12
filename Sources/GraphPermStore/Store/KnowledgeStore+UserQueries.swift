import GRDB
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
            let arguments = StatementArguments(plan.arguments.map { value -> DatabaseValueConvertible in
                switch value {
                case .text(let text): text
                case .integer(let number): number
                }
            })
            let statement = try db.cachedStatement(sql: sql)
            let rows = try Row.fetchAll(statement, arguments: arguments).map(Self.cells)
            return TabularText(columns: statement.columnNames, rows: rows)
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
            return try connection.queue.unsafeRead { db in
                let statements = try db.allStatements(sql: sql)
                guard let statement = try statements.next() else {
                    throw KnowledgeBaseError.query(sql: sql, detail: "no statement")
                }
                guard try statements.next() == nil else {
                    throw KnowledgeBaseError.writeRefused(detail: "one statement at a time")
                }
                guard statement.isReadonly else {
                    throw KnowledgeBaseError.writeRefused(detail: "the statement would change the database")
                }
                let columns = statement.columnNames
                return TabularText(columns: columns, rows: try Row.fetchAll(statement).map(Self.cells))
            }
        } catch let error as KnowledgeBaseError {
            throw error
        } catch {
            if let denial = connection.guardian.takeDenial() { throw .writeRefused(detail: "\(denial) is not allowed") }
            if let error = error as? DatabaseError {
                throw .query(sql: error.sql ?? sql, detail: error.message ?? "\(error.resultCode)")
            }
            throw .query(sql: sql, detail: "\(error)")
        }
    }

    /// A row's values as text (NULL as empty).
    static func cells(_ row: Row) -> [String] {
        (0..<row.count).map { index in
            switch (row[index] as DatabaseValue).storage {
            case .null: ""
            case .int64(let number): String(number)
            case .double(let number): String(number)
            case .string(let text): text
            case .blob(let data): "<\(data.count) bytes>"
            }
        }
    }
}
