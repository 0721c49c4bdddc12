import Testing
@testable import GraphPermStore

/// Bulk inserts: rows bound into batched statements, the last batch shorter, NULLs and flags.
struct RowInserterTests {
    static func table() throws -> SQLiteConnection {
        let db = try SQLiteConnection(path: nil)
        try db.execute("CREATE TABLE t (n INTEGER, label TEXT, flag INTEGER)")
        return db
    }

    @Test(arguments: [0, 1, 3, 7, 10])
    func everyRowArrivesInOrderWhateverTheBatches(count: Int) throws {
        let db = try Self.table()
        try RowInserter.insertRows(db, into: "t", columns: ["n", "label"], count: count, rowsPerStatement: 3) {
            row, inserter, offset in
            inserter.bind([.integer(row * 10), .text("row \(row)")], at: offset)
        }
        let rows = try db.makeStatement("SELECT n, label FROM t ORDER BY rowid").rows {
            "\($0[0] as Int) \($0[1] as String)"
        }
        #expect(rows == (0..<count).map { "\($0 * 10) row \($0)" })
    }

    @Test func optionalsBecomeNullAndFlagsNumbers() throws {
        let db = try Self.table()
        let inserter = try RowInserter(db, sql: "INSERT INTO t (n, label, flag) VALUES (?, ?, ?)")
        inserter.bind([RowInserter.Value(nil as Int?), RowInserter.Value(nil as String?), RowInserter.Value(true)])
        try inserter.step()
        inserter.bind([RowInserter.Value(5 as Int?), RowInserter.Value("five" as String?), RowInserter.Value(false)])
        try inserter.step()
        let rows = try db.makeStatement("SELECT quote(n), quote(label), quote(flag) FROM t ORDER BY rowid").rows {
            "\($0[0] as String) \($0[1] as String) \($0[2] as String)"
        }
        #expect(rows == ["NULL NULL 1", "5 'five' 0"])
    }

    @Test func aBadStatementNamesItsSQL() {
        #expect(throws: SQLiteError(code: 1, message: "table t has no column named nope",
                                    sql: "INSERT INTO t (nope) VALUES (?)")) {
            try RowInserter(try Self.table(), sql: "INSERT INTO t (nope) VALUES (?)")
        }
    }
}
