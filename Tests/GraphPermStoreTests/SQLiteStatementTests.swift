import Testing
@testable import GraphPermStore

/// A compiled statement: arguments bound in order, rows, first rows and values, re-runs, read-only or not.
struct SQLiteStatementTests {
    static func permissions() throws -> SQLiteConnection {
        let db = try SQLiteConnection(path: nil)
        try db.execute("""
            CREATE TABLE p (id INTEGER, name TEXT, level INTEGER, admin INTEGER);
            INSERT INTO p VALUES (1, 'Mail.Read', 1, 0), (2, 'Mail.ReadWrite', 2, 0), (3, 'Directory.Read.All', NULL, 1)
            """)
        return db
    }

    @Test func argumentsBindInOrderAndTheStatementRunsAgain() throws {
        let db = try Self.permissions()
        let byLevel = try db.statement("SELECT name FROM p WHERE level >= ? AND admin = ? ORDER BY id")
        #expect(try byLevel.values([1, false]) as [String] == ["Mail.Read", "Mail.ReadWrite"])
        #expect(try byLevel.values([2, false]) as [String] == ["Mail.ReadWrite"])
        #expect(try byLevel.values([1, true]) as [String] == [])
    }

    @Test func aWrongNumberOfArgumentsIsRefused() throws {
        let db = try Self.permissions()
        let statement = try db.statement("SELECT name FROM p WHERE id = ? AND level = ?")
        #expect(throws: SQLiteError(
            code: 25, message: "expected 2 arguments, got 1", sql: "SELECT name FROM p WHERE id = ? AND level = ?")
        ) { try statement.bind([1]) }
    }

    @Test func firstRowAndValueAreNilWithoutARow() throws {
        let db = try Self.permissions()
        let byID = try db.statement("SELECT name, level FROM p WHERE id = ?")
        let described = try byID.firstRow([2]) { row in "\(row["name"] as String) \(row["level"] as Int)" }
        #expect(described == "Mail.ReadWrite 2")
        #expect(try byID.firstRow([9]) { $0["name"] as String } == nil)
        #expect(try byID.value([9]) as String? == nil)
        // NULL reads as nil where the type is optional, as 0 where it is not.
        #expect(try byID.firstRow([3]) { $0["level"] as Int? } == .some(nil))
        #expect(try byID.firstRow([3]) { $0["level"] as Int } == 0)
    }

    @Test func sqliteSaysWhichStatementsOnlyRead() throws {
        let db = try Self.permissions()
        #expect(try db.makeStatement("SELECT * FROM p").isReadOnly)
        #expect(try !db.makeStatement("DELETE FROM p").isReadOnly)
        #expect(try db.makeStatement("SELECT id, name AS permission FROM p").columnNames == ["id", "permission"])
    }

    @Test func bulkBindingInsertsWhatWasBound() throws {
        let db = try Self.permissions()
        let insert = try db.makeStatement("INSERT INTO p (id, name, level, admin) VALUES (?, ?, ?, ?)")
        insert.bind(1, 4)
        insert.bind(2, "User.Read" as StaticString)
        insert.bindNull(3)
        insert.bind(4, 0)
        try insert.run()
        insert.bind(1, 5)
        insert.bind(2, "Files.Read")
        insert.bind(3, 1)
        insert.bind(4, 0)
        try insert.run()
        #expect(try db.makeStatement("SELECT name || ':' || coalesce(level, '-') FROM p WHERE id > 3 ORDER BY id")
            .values() as [String] == ["User.Read:-", "Files.Read:1"])
    }

    @Test func aFailingStepNamesItsStatement() throws {
        let db = try Self.permissions()
        try db.execute("CREATE UNIQUE INDEX one_name ON p (name)")
        let insert = try db.makeStatement("INSERT INTO p (id, name) VALUES (?, ?)")
        do {
            try insert.run([9, "Mail.Read"])
            Issue.record("a duplicate name was inserted")
        } catch {
            #expect(error.code == 19)  // SQLITE_CONSTRAINT
            #expect(error.message.contains("UNIQUE constraint failed: p.name"))
            #expect(error.sql == "INSERT INTO p (id, name) VALUES (?, ?)")
        }
    }
}
