import GRDB
import GRDBSQLite
import GraphPermCore

/// Inserts many rows through one prepared statement, binding values straight to SQLite (the bulk load's
/// hot path; everything else goes through GRDB's arguments).
package struct RowInserter {
    package enum Value {
        case integer(Int)
        case text(String)
        case null
    }

    private let statement: Statement
    private let sql: String

    package init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        self.sql = sql
    }

    /// Inserts `count` rows into `table`, many per statement (SQLite's per-statement work, cursor, transaction
    /// check and reset, is then paid once per batch). `bind(row, statement, offset)` binds the values of row
    /// `row` from parameter `offset + 1` on.
    package static func insertRows(
        _ db: Database, into table: String, columns: [String], count: Int, rowsPerStatement: Int = 50,
                           bind: (Int, RowInserter, Int) throws -> Void) throws {
        func inserter(rows: Int) throws -> RowInserter {
            let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
            return try RowInserter(db, sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                                   + Array(repeating: row, count: rows).joined(separator: ", "))
        }
        var fullBatch: RowInserter? = nil
        for start in stride(from: 0, to: count, by: rowsPerStatement) {
            let rows = min(rowsPerStatement, count - start)
            let statement = rows == rowsPerStatement ? try fullBatch ?? inserter(rows: rows) : try inserter(rows: rows)
            if rows == rowsPerStatement { fullBatch = statement }
            for row in 0..<rows { try bind(start + row, statement, row * columns.count) }
            try statement.step()
        }
    }

    /// Binds `values` from parameter `offset + 1` on.
    package func bind(_ values: [Value], at offset: Int = 0) {
        for (index, value) in values.enumerated() {
            switch value {
            case .integer(let number): bind(offset + index + 1, number)
            case .null: sqlite3_bind_null(statement.sqliteStatement, Int32(offset + index + 1))
            case .text(let text): bind(offset + index + 1, text)
            }
        }
    }

    /// Binds one parameter (1-based) for the next `step()`: the bulk tables bind without building an array per row.
    package func bind(_ index: Int, _ number: Int) {
        sqlite3_bind_int64(statement.sqliteStatement, Int32(index), Int64(number))
    }

    package func bind(_ index: Int, _ text: String) {
        _ = text.withCString { sqlite3_bind_text(statement.sqliteStatement, Int32(index), $0, -1, Self.transient) }
    }

    /// Binds text that lives as long as the program: SQLite reads it in place instead of copying it.
    package func bind(_ index: Int, _ text: StaticString) {
        let start = UnsafeRawPointer(text.utf8Start).assumingMemoryBound(to: CChar.self)
        sqlite3_bind_text(statement.sqliteStatement, Int32(index), start, Int32(text.utf8CodeUnitCount), Self.static)
    }

    /// Inserts the row bound so far.
    package func step() throws {
        let handle = statement.sqliteStatement
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code),
                message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: sql)
        }
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    private static let `static` = unsafeBitCast(0, to: sqlite3_destructor_type.self)
}

extension RowInserter.Value {
    package init(_ text: String?) { self = text.map { .text($0) } ?? .null }
    package init(_ number: Int?) { self = number.map { .integer($0) } ?? .null }
    package init(_ flag: Bool?) { self = flag.map { .integer($0 ? 1 : 0) } ?? .null }
}
