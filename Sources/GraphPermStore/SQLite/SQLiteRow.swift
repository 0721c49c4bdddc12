import CSQLite

/// The current row of a running statement, read in place: valid only inside the closure that receives it.
///
///     try statement.forEachRow { row in
///         let name: String = row["name"]       // by column name
///         let id: Int = row[0]                 // by position
///     }
package struct SQLiteRow: CustomStringConvertible {
    let statement: SQLiteStatement

    /// The number of columns.
    package var count: Int { statement.columnNames.count }

    /// The value of column `index` (0-based).
    package subscript<Value: SQLiteColumnValue>(index: Int) -> Value {
        Value(statement: statement.handle, column: Int32(index))
    }

    /// The value of the column named `name`; a name the statement does not have is a programming error.
    package subscript<Value: SQLiteColumnValue>(name: String) -> Value {
        guard let index = statement.columnIndex[name] else {
            preconditionFailure("no column \(name) in: \(statement.sql)")
        }
        return Value(statement: statement.handle, column: index)
    }

    /// The bytes of column `index` as SQLite holds them (nil for NULL), without making a Swift value.
    package func withBytes<Result>(at index: Int, _ body: (UnsafeRawBufferPointer?) throws -> Result) rethrows
        -> Result
    {
        let column = Int32(index)
        guard sqlite3_column_type(statement.handle, column) != SQLITE_NULL,
              let start = sqlite3_column_blob(statement.handle, column)
        else { return try body(nil) }
        let count = Int(sqlite3_column_bytes(statement.handle, column))
        return try body(UnsafeRawBufferPointer(start: start, count: count))
    }

    /// Column `index` as text for a table: NULL as empty, numbers in decimal, a blob by its size.
    package func displayText(at index: Int) -> String {
        let column = Int32(index)
        switch sqlite3_column_type(statement.handle, column) {
        case SQLITE_NULL: return ""
        case SQLITE_INTEGER: return String(sqlite3_column_int64(statement.handle, column))
        case SQLITE_FLOAT: return String(sqlite3_column_double(statement.handle, column))
        case SQLITE_BLOB: return "<\(sqlite3_column_bytes(statement.handle, column)) bytes>"
        default: return String(statement: statement.handle, column: column)
        }
    }

    /// Every column as `name:value`, for comparing whole rows (`[id:1 name:Mail.Read]`).
    package var description: String {
        "[" + statement.columnNames.enumerated().map { "\($1):\(displayText(at: $0))" }.joined(separator: " ") + "]"
    }
}
