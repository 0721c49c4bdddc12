import CSQLite

/// A failed SQLite call: its result code, SQLite's message and the statement that failed.
///
///     try connection.execute("SELEC 1")
///     // SQLite error 1: near "SELEC": syntax error (SQL: SELEC 1)
package struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// SQLite's primary result code (`SQLITE_ERROR`, `SQLITE_NOTADB`, ...).
    package let code: Int32
    /// SQLite's own words.
    package let message: String
    /// The statement that failed, when there is one.
    package let sql: String?

    package init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// The error SQLite reports on `handle` for a call that returned `code`.
    init(code: Int32, connection handle: OpaquePointer?, sql: String?) {
        let message = handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        self.init(code: code, message: message ?? String(cString: sqlite3_errstr(code)), sql: sql)
    }

    package var description: String {
        "SQLite error \(code): \(message)" + (sql.map { " (SQL: \($0))" } ?? "")
    }
}
