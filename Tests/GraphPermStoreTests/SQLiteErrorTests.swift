import Testing
@testable import GraphPermStore

/// An SQLite error says its code, SQLite's words and the statement.
struct SQLiteErrorTests {
    @Test func describesCodeMessageAndStatement() {
        #expect(SQLiteError(code: 1, message: "no such table: x", sql: "SELECT * FROM x").description
            == "SQLite error 1: no such table: x (SQL: SELECT * FROM x)")
        #expect(SQLiteError(code: 14, message: "unable to open database file").description
            == "SQLite error 14: unable to open database file")
    }
}
