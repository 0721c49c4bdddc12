import CSQLite
import Synchronization

/// One SQLite connection with a cache of compiled statements. Every use goes through `withLock`, so the
/// connection and its statements serve one thread at a time; `interrupt()` may come from any thread.
///
///     let connection = try SQLiteConnection(path: "kb.sqlite", readOnly: true)
///     let count: Int? = try connection.withLock { db in try db.statement("SELECT count(*) FROM grants").value() }
package final class SQLiteConnection: @unchecked Sendable {
    /// SQLite's handle, for the few calls this type does not wrap (an authorizer, for instance).
    package let handle: OpaquePointer
    private var cache: [String: SQLiteStatement] = [:]
    private let lock = Mutex(())

    /// Opens the database at `path` (created when missing unless read-only); nil opens a new one in memory.
    package init(path: String?, readOnly: Bool = false) throws(SQLiteError) {
        var opened: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path ?? ":memory:", &opened, flags, nil)
        guard code == SQLITE_OK, let opened else {
            let error = SQLiteError(code: code, connection: opened, sql: nil)
            sqlite3_close_v2(opened)
            throw error
        }
        handle = opened
        sqlite3_extended_result_codes(opened, 0)
        graphperm_sqlite_disable_dqs(opened)
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs `body` with the connection to itself.
    package func withLock<Result>(_ body: (SQLiteConnection) throws -> Result) throws -> Result {
        try lock.withLock { _ in try body(self) }
    }

    /// The compiled statement for `sql`, compiled once and kept (call inside `withLock`).
    package func statement(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let cached = cache[sql] { return cached }
        let statement = try SQLiteStatement(connection: handle, sql: sql)
        cache[sql] = statement
        return statement
    }

    /// A statement compiled for one use, not kept.
    package func makeStatement(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        try SQLiteStatement(connection: handle, sql: sql)
    }

    /// Runs `sql`, which may hold several statements and no parameters.
    package func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw SQLiteError(code: code, message: text, sql: sql)
        }
    }

    /// Runs one statement with `arguments`.
    package func execute(_ sql: String, _ arguments: [any SQLiteArgument]) throws(SQLiteError) {
        try makeStatement(sql).run(arguments)
    }

    /// Each statement of `sql` in turn, compiled one at a time: for text a user typed.
    package func statements(in sql: String) throws(SQLiteError) -> [SQLiteStatement] {
        let text = Array(sql.utf8CString)
        return try text.withUnsafeBufferPointer { buffer throws(SQLiteError) -> [SQLiteStatement] in
            var statements: [SQLiteStatement] = []
            var next = buffer.baseAddress!
            while next.pointee != 0 {
                var compiled: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let code = sqlite3_prepare_v2(handle, next, -1, &compiled, &tail)
                guard code == SQLITE_OK else {
                    sqlite3_finalize(compiled)
                    throw SQLiteError(code: code, connection: handle, sql: sql)
                }
                guard let tail, tail > next else { break }
                next = tail
                guard let compiled else { continue }  // only a comment or white space
                statements.append(SQLiteStatement(adopting: compiled, sql: String(cString: sqlite3_sql(compiled))))
            }
            return statements
        }
    }

    /// Stops the statement running now; it fails with SQLITE_INTERRUPT. Safe from any thread.
    package func interrupt() { sqlite3_interrupt(handle) }

    /// Copies the whole database into `target` (an in-memory copy, for instance).
    package func backup(to target: SQLiteConnection) throws(SQLiteError) {
        guard let backup = sqlite3_backup_init(target.handle, "main", handle, "main") else {
            throw SQLiteError(code: sqlite3_errcode(target.handle), connection: target.handle, sql: nil)
        }
        let code = sqlite3_backup_step(backup, -1)
        sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE else { throw SQLiteError(code: code, connection: target.handle, sql: nil) }
    }
}
