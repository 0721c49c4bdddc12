import GraphPermCore

/// Inserts many rows through one prepared statement, binding values straight to SQLite (the bulk load's
/// hot path).
package struct RowInserter {
    package enum Value {
        case integer(Int)
        case text(String)
        case null
    }

    private let statement: SQLiteStatement

    package init(_ db: SQLiteConnection, sql: String) throws(SQLiteError) {
        statement = try db.makeStatement(sql)
    }

    /// Inserts `count` rows into `table`, many per statement (SQLite's per-statement work, cursor, transaction
    /// check and reset, is then paid once per batch). `bind(row, statement, offset)` binds the values of row
    /// `row` from parameter `offset + 1` on.
    package static func insertRows(
        _ db: SQLiteConnection, into table: String, columns: [String], count: Int, rowsPerStatement: Int = 50,
        bind: (Int, RowInserter, Int) throws -> Void
    ) throws {
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
            case .integer(let number): statement.bind(offset + index + 1, number)
            case .null: statement.bindNull(offset + index + 1)
            case .text(let text): statement.bind(offset + index + 1, text)
            }
        }
    }

    /// Binds one parameter (1-based) for the next `step()`: the bulk tables bind without building an array per row.
    package func bind(_ index: Int, _ number: Int) { statement.bind(index, number) }

    package func bind(_ index: Int, _ text: String) { statement.bind(index, text) }

    /// Binds text that lives as long as the program: SQLite reads it in place instead of copying it.
    package func bind(_ index: Int, _ text: StaticString) { statement.bind(index, text) }

    /// Inserts the row bound so far.
    package func step() throws(SQLiteError) { try statement.run() }
}

extension RowInserter.Value {
    package init(_ text: String?) { self = text.map { .text($0) } ?? .null }
    package init(_ number: Int?) { self = number.map { .integer($0) } ?? .null }
    package init(_ flag: Bool?) { self = flag.map { .integer($0 ? 1 : 0) } ?? .null }
}
