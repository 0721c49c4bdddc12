import CSQLite
import Synchronization
import GraphPermCore

/// The SQLite authorizer of the connection that runs user-typed SQL (`graphperm sql`): SQLite asks it about every
/// action of a statement while compiling it, so the decision rests on what SQLite parsed, not on the text
/// (`/**/ATTACH ...` is an ATTACH). Only reading is allowed: SELECT, reading columns, functions, recursive CTEs
/// and PRAGMAs that only report; ATTACH, DETACH, transactions, savepoints, writes, schema changes and PRAGMAs
/// with a value are denied, and the first denial is kept to say why.
///
///     let guardian = SQLGuard()
///     guardian.install(on: connection)   // a connection that runs only user SQL
///     // compiling "ATTACH ':memory:' AS m" now fails; guardian.takeDenial() == "ATTACH"
package final class SQLGuard: Sendable {
    private let denial = Mutex<String?>(nil)

    /// PRAGMAs that only report, allowed without a value.
    package static let reportingPragmas: Set<String> = [
        "application_id", "collation_list", "compile_options", "database_list", "encoding", "freelist_count",
        "function_list", "module_list", "page_count", "page_size", "pragma_list", "schema_version", "user_version",
    ]
    /// PRAGMAs whose argument names what to report on (a table, an index), never a value to set.
    package static let inspectingPragmas: Set<String> = [
        "foreign_key_list", "index_info", "index_list", "index_xinfo", "integrity_check", "quick_check", "table_info",
        "table_list", "table_xinfo",
    ]

    /// Replaces the connection's authorizer with this guard (for a connection that only runs user SQL).
    package func install(on connection: SQLiteConnection) {
        sqlite3_set_authorizer(connection.handle, { context, action, first, second, _, _ in
            guard let context else { return SQLITE_DENY }
            let guardian = Unmanaged<SQLGuard>.fromOpaque(context).takeUnretainedValue()
            return guardian.authorize(action, first.map { String(cString: $0) }, second.map { String(cString: $0) })
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// The action last denied, cleared by reading it.
    package func takeDenial() -> String? { denial.withLock { value in defer { value = nil }; return value } }

    /// SQLITE_OK for reading actions, SQLITE_DENY (and the action kept) for anything else.
    package func authorize(_ action: Int32, _ first: String?, _ second: String?) -> Int32 {
        if let refused = Self.refusal(action, first, second) {
            denial.withLock { $0 = $0 ?? refused }
            return SQLITE_DENY
        }
        return SQLITE_OK
    }

    /// Why an action is refused, or nil when it only reads.
    package static func refusal(_ action: Int32, _ first: String?, _ second: String?) -> String? {
        switch action {
        case SQLITE_SELECT, SQLITE_READ, SQLITE_FUNCTION, SQLITE_RECURSIVE: return nil
        case SQLITE_PRAGMA:
            let name = (first ?? "").lowercased()
            if inspectingPragmas.contains(name) || (second == nil && reportingPragmas.contains(name)) { return nil }
            return second == nil ? "PRAGMA \(name)" : "PRAGMA \(name) with a value"
        case SQLITE_ATTACH: return "ATTACH"
        case SQLITE_DETACH: return "DETACH"
        case SQLITE_TRANSACTION: return "\((first ?? "a transaction").uppercased()) (transactions)"
        case SQLITE_SAVEPOINT: return "SAVEPOINT, RELEASE or ROLLBACK TO"
        // SQLite reports reading the schema for a table-valued PRAGMA as an UPDATE of sqlite_master; a real
        // write there is still refused, as the statement is then not read-only (checked after compiling).
        case SQLITE_UPDATE where first == "sqlite_master" || first == "sqlite_schema": return nil
        case SQLITE_INSERT, SQLITE_UPDATE, SQLITE_DELETE: return "a write to \(first ?? "a table")"
        default: return "a statement that changes the database or the connection (SQLite action \(action))"
        }
    }
}
