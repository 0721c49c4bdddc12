import Testing
@testable import GraphPermStore

/// Swift values bound as arguments and read back from columns, NULL included.
struct SQLiteValueTests {
    @Test func valuesRoundTripThroughSQLite() throws {
        let db = try SQLiteConnection(path: nil)
        let echo = try db.makeStatement("SELECT ?, ?, ?, ?, ?, typeof(?)")
        let name: String? = nil
        let row = try echo.firstRow([42, Int64(1) << 40, true, 0.25, "Ünïcode ✓", name]) { row in
            (row[0] as Int, row[1] as Int64, row[2] as Bool, row[3] as Double, row[4] as String, row[5] as String)
        }
        #expect(row?.0 == 42 && row?.1 == 1 << 40 && row?.2 == true && row?.3 == 0.25)
        #expect(row?.4 == "Ünïcode ✓" && row?.5 == "null")
    }

    @Test func nullReadsAsNilOrAsTheTypesZero() throws {
        let db = try SQLiteConnection(path: nil)
        let row = try db.makeStatement("SELECT NULL").firstRow { row in
            (row[0] as Int?, row[0] as Int, row[0] as String, row[0] as Bool, row[0] as Bool?)
        }
        #expect(row?.0 == nil && row?.1 == 0 && row?.2 == "" && row?.3 == false && row?.4 == nil)
    }
}
