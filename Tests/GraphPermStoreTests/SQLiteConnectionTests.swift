import Foundation
import Synchronization
import Testing
@testable import GraphPermStore

/// The connection: statements, the cache, read-only files, user text split into statements, backup, interrupt.
struct SQLiteConnectionTests {
    static func numbers() throws -> SQLiteConnection {
        let db = try SQLiteConnection(path: nil)
        try db.execute("CREATE TABLE n (x INTEGER, label TEXT); INSERT INTO n VALUES (1, 'one'), (2, 'two')")
        return db
    }

    @Test func runsSeveralStatementsAndCachesCompiledOnes() throws {
        let db = try Self.numbers()
        let first = try db.statement("SELECT count(*) FROM n")
        #expect(try db.statement("SELECT count(*) FROM n") === first)
        #expect(try db.makeStatement("SELECT count(*) FROM n") !== first)
        #expect(try first.value() as Int? == 2)
        try db.execute("INSERT INTO n (x, label) VALUES (?, ?)", [3, "three"])
        #expect(try first.value() as Int? == 3)
    }

    @Test func aSyntaxErrorCarriesItsSQL() throws {
        let db = try Self.numbers()
        #expect(throws: SQLiteError(code: 1, message: "near \"SELEC\": syntax error", sql: "SELEC 1")) {
            try db.makeStatement("SELEC 1")
        }
        do {
            try db.execute("SELECT * FROM missing")
            Issue.record("a missing table was not reported")
        } catch {
            #expect(error.message == "no such table: missing" && error.sql == "SELECT * FROM missing")
        }
    }

    @Test func doubleQuotesNameAColumnNeverText() throws {
        let db = try Self.numbers()
        #expect(throws: SQLiteError.self) { try db.makeStatement("SELECT \"nope\" FROM n") }
        #expect(try db.makeStatement("SELECT \"label\" FROM n ORDER BY x").values() as [String] == ["one", "two"])
    }

    @Test func aReadOnlyFileRefusesWritesAndAMissingOneIsNotCreated() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("kb.sqlite").path
        try SQLiteConnection(path: path).execute("CREATE TABLE t (x); INSERT INTO t VALUES (1)")
        let readOnly = try SQLiteConnection(path: path, readOnly: true)
        #expect(try readOnly.makeStatement("SELECT x FROM t").value() as Int? == 1)
        #expect(throws: SQLiteError.self) { try readOnly.execute("INSERT INTO t VALUES (2)") }
        let missing = folder.appendingPathComponent("missing.sqlite").path
        #expect(throws: SQLiteError.self) { try SQLiteConnection(path: missing, readOnly: true) }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func userTextIsSplitIntoItsStatements() throws {
        let db = try Self.numbers()
        let statements = try db.statements(in: "SELECT 1; SELECT x FROM n -- a comment\n; /* only a comment */ ")
        #expect(statements.map { $0.sql.trimmingCharacters(in: .whitespacesAndNewlines) }
            == ["SELECT 1;", "SELECT x FROM n -- a comment\n;"])
        #expect(try db.statements(in: "  -- nothing but a comment").isEmpty)
        #expect(throws: SQLiteError.self) { try db.statements(in: "SELECT 1; SELEC 2") }
    }

    @Test func aBackupCopiesEveryRow() throws {
        let source = try Self.numbers()
        let copy = try SQLiteConnection(path: nil)
        try source.backup(to: copy)
        #expect(try copy.makeStatement("SELECT label FROM n ORDER BY x").values() as [String] == ["one", "two"])
    }

    @Test func interruptStopsARunningStatement() throws {
        let db = try SQLiteConnection(path: nil)
        let endless = try db.makeStatement(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c")
        let done = Mutex(false)
        startThread {
            // Until the statement has stopped: an interrupt before it starts would be lost.
            while !done.withLock({ $0 }) {
                db.interrupt()
                usleep(5_000)
            }
        }
        defer { done.withLock { $0 = true } }
        do {
            _ = try endless.value() as Int?
            Issue.record("the endless statement ended by itself")
        } catch let error as SQLiteError {
            #expect(error.code == 9)  // SQLITE_INTERRUPT
        }
    }
}
