import CSQLite

/// A Swift value that binds to a statement parameter.
///
///     try statement.bind(["Mail.Read", 2, nil as Int?])
package protocol SQLiteArgument: Sendable {
    /// Binds the value to the parameter at `index` (1-based); returns SQLite's result code.
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32
}

/// A Swift value read from a result column; NULL reads as 0, "" or false unless the type is optional.
///
///     let name: String = row["name"]
///     let level: Int? = row["privilege_level"]   // nil for NULL
package protocol SQLiteColumnValue {
    /// The value of column `index` (0-based) of the current row.
    init(statement: OpaquePointer, column index: Int32)
}

/// SQLite frees nothing and copies the text at once.
let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

extension Int: SQLiteArgument, SQLiteColumnValue {
    package func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, Int64(self))
    }

    package init(statement: OpaquePointer, column index: Int32) {
        self = Int(sqlite3_column_int64(statement, index))
    }
}

extension Int64: SQLiteArgument, SQLiteColumnValue {
    package func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, self)
    }

    package init(statement: OpaquePointer, column index: Int32) {
        self = sqlite3_column_int64(statement, index)
    }
}

extension Bool: SQLiteArgument, SQLiteColumnValue {
    package func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, self ? 1 : 0)
    }

    package init(statement: OpaquePointer, column index: Int32) {
        self = sqlite3_column_int64(statement, index) != 0
    }
}

extension Double: SQLiteArgument, SQLiteColumnValue {
    package func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_double(statement, index, self)
    }

    package init(statement: OpaquePointer, column index: Int32) {
        self = sqlite3_column_double(statement, index)
    }
}

extension String: SQLiteArgument, SQLiteColumnValue {
    package func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        withCString { sqlite3_bind_text(statement, index, $0, -1, sqliteTransient) }
    }

    package init(statement: OpaquePointer, column index: Int32) {
        guard let text = sqlite3_column_text(statement, index) else {
            self = ""
            return
        }
        let count = Int(sqlite3_column_bytes(statement, index))
        self = String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }
}

extension Optional: SQLiteArgument where Wrapped: SQLiteArgument {
    package func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        guard let self else { return sqlite3_bind_null(statement, index) }
        return self.bind(to: statement, at: index)
    }
}

extension Optional: SQLiteColumnValue where Wrapped: SQLiteColumnValue {
    package init(statement: OpaquePointer, column index: Int32) {
        self = sqlite3_column_type(statement, index) == SQLITE_NULL
            ? nil : Wrapped(statement: statement, column: index)
    }
}
