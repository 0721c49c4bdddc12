import Testing
@testable import GraphPermStore

/// A row read in place: by name and position, as display text, as bytes, and whole for comparisons.
struct SQLiteRowTests {
    static let sql = "SELECT 7 AS n, 2.5 AS f, 'Mail.Read' AS t, NULL AS z, x'010203' AS b"

    @Test func columnsReadByNameOrPosition() throws {
        let db = try SQLiteConnection(path: nil)
        let values = try db.makeStatement(Self.sql).firstRow { row in
            (row["n"] as Int, row[1] as Double, row["t"] as String, row["z"] as String?, row.count)
        }
        #expect(values?.0 == 7 && values?.1 == 2.5 && values?.2 == "Mail.Read" && values?.3 == nil && values?.4 == 5)
    }

    @Test func displayTextShowsEachStorageClass() throws {
        let db = try SQLiteConnection(path: nil)
        let texts = try db.makeStatement(Self.sql).firstRow { row in (0..<row.count).map(row.displayText) }
        #expect(texts == ["7", "2.5", "Mail.Read", "", "<3 bytes>"])
        let whole = try db.makeStatement(Self.sql).firstRow { $0.description }
        #expect(whole == "[n:7 f:2.5 t:Mail.Read z: b:<3 bytes>]")
    }

    @Test func bytesAreReadWithoutMakingAValue() throws {
        let db = try SQLiteConnection(path: nil)
        let bytes = try db.makeStatement(Self.sql).firstRow { row in
            (row.withBytes(at: 4) { $0.map(Array.init) }, row.withBytes(at: 2) { $0.map { $0.count } },
             row.withBytes(at: 3) { $0 == nil })
        }
        #expect(bytes?.0 == [1, 2, 3] && bytes?.1 == 9 && bytes?.2 == true)
    }
}
