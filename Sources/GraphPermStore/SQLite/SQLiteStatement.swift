import CSQLite

/// A compiled statement: bind its parameters, then step through its rows. Not for use on two threads at once
/// (the connection's lock sees to that for cached statements).
///
///     let statement = try connection.statement("SELECT name FROM permission WHERE id = ?")
///     let names = try statement.rows([12]) { row in row["name"] as String }
package final class SQLiteStatement {
    let handle: OpaquePointer
    /// The statement's text.
    package let sql: String
    /// The result columns' names, in order.
    package let columnNames: [String]
    let columnIndex: [String: Int32]

    /// Compiles `sql`, one statement, on `connection`.
    convenience init(connection: OpaquePointer, sql: String) throws(SQLiteError) {
        var compiled: OpaquePointer?
        let code = sql.withCString { sqlite3_prepare_v2(connection, $0, -1, &compiled, nil) }
        guard code == SQLITE_OK, let compiled else {
            sqlite3_finalize(compiled)
            throw SQLiteError(
                code: code == SQLITE_OK ? SQLITE_MISUSE : code,
                message: code == SQLITE_OK ? "no statement" : String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        self.init(adopting: compiled, sql: sql)
    }

    /// Takes over a compiled statement (finalized with this value).
    init(adopting compiled: OpaquePointer, sql: String) {
        handle = compiled
        self.sql = sql
        let count = sqlite3_column_count(compiled)
        columnNames = (0..<count).map { String(cString: sqlite3_column_name(compiled, $0)) }
        var index: [String: Int32] = [:]
        for (position, name) in columnNames.enumerated() where index[name] == nil { index[name] = Int32(position) }
        columnIndex = index
    }

    deinit { sqlite3_finalize(handle) }

    /// Whether the statement only reads (SQLite's own judgement of what it compiled).
    package var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    /// Binds `arguments` to the parameters in order, after clearing the previous run.
    package func bind(_ arguments: [any SQLiteArgument]) throws(SQLiteError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        guard Int(sqlite3_bind_parameter_count(handle)) == arguments.count else {
            throw SQLiteError(
                code: SQLITE_RANGE,
                message: "expected \(sqlite3_bind_parameter_count(handle)) arguments, got \(arguments.count)", sql: sql)
        }
        for (offset, argument) in arguments.enumerated() {
            let code = argument.bind(to: handle, at: Int32(offset + 1))
            guard code == SQLITE_OK else { throw failure(code) }
        }
    }

    /// Runs the statement with `arguments`, calling `body` with each row.
    package func forEachRow(_ arguments: [any SQLiteArgument] = [], _ body: (SQLiteRow) throws -> Void) throws {
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        let row = SQLiteRow(statement: self)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw failure(code) }
            try body(row)
        }
    }

    /// Every row, each made a value by `transform`.
    package func rows<Value>(_ arguments: [any SQLiteArgument] = [], _ transform: (SQLiteRow) throws -> Value) throws
        -> [Value]
    {
        var values: [Value] = []
        try forEachRow(arguments) { values.append(try transform($0)) }
        return values
    }

    /// The first row made a value by `transform`, or nil when there is none.
    package func firstRow<Value>(_ arguments: [any SQLiteArgument] = [], _ transform: (SQLiteRow) throws -> Value)
        throws -> Value?
    {
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        if code == SQLITE_DONE { return nil }
        guard code == SQLITE_ROW else { throw failure(code) }
        return try transform(SQLiteRow(statement: self))
    }

    /// The first column of the first row, or nil when there is no row.
    package func value<Value: SQLiteColumnValue>(_ arguments: [any SQLiteArgument] = []) throws -> Value? {
        try firstRow(arguments) { $0[0] as Value }
    }

    /// The first column of every row.
    package func values<Value: SQLiteColumnValue>(_ arguments: [any SQLiteArgument] = []) throws -> [Value] {
        try rows(arguments) { $0[0] as Value }
    }

    /// Runs a statement that returns no rows (an insert with its parameters already bound, for instance).
    package func run() throws(SQLiteError) {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw failure(code) }
    }

    /// Binds `arguments` and runs the statement.
    package func run(_ arguments: [any SQLiteArgument]) throws(SQLiteError) {
        try bind(arguments)
        try run()
    }

    private func failure(_ code: Int32) -> SQLiteError {
        SQLiteError(code: code, connection: sqlite3_db_handle(handle), sql: sql)
    }
}

// Bulk binding without an array per row (the load's hot path).
extension SQLiteStatement {
    /// Binds one integer parameter (1-based).
    package func bind(_ index: Int, _ number: Int) {
        sqlite3_bind_int64(handle, Int32(index), Int64(number))
    }

    /// Binds one text parameter (1-based); SQLite copies it.
    package func bind(_ index: Int, _ text: String) {
        _ = text.withCString { sqlite3_bind_text(handle, Int32(index), $0, -1, sqliteTransient) }
    }

    /// Binds text that lives as long as the program: SQLite reads it in place instead of copying it.
    package func bind(_ index: Int, _ text: StaticString) {
        let start = UnsafeRawPointer(text.utf8Start).assumingMemoryBound(to: CChar.self)
        sqlite3_bind_text(handle, Int32(index), start, Int32(text.utf8CodeUnitCount), nil)
    }

    /// Binds NULL to one parameter (1-based).
    package func bindNull(_ index: Int) {
        sqlite3_bind_null(handle, Int32(index))
    }
}
