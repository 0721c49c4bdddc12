import GRDB
import GRDBSQLite

/// Inserts many rows through one prepared statement, binding values straight to SQLite (the bulk load's
/// hot path; everything else goes through GRDB's arguments).
struct RowInserter {
    enum Value {
        case integer(Int)
        case text(String)
        case null
    }

    private let statement: Statement
    private let sql: String

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        self.sql = sql
    }

    func insert(_ values: [Value]) throws {
        for (offset, value) in values.enumerated() {
            switch value {
            case .integer(let number): bind(offset + 1, number)
            case .null: sqlite3_bind_null(statement.sqliteStatement, Int32(offset + 1))
            case .text(let text): bind(offset + 1, text)
            }
        }
        try step()
    }

    /// Binds one parameter (1-based) for the next `step()`: the bulk tables bind without building an array per row.
    func bind(_ index: Int, _ number: Int) {
        sqlite3_bind_int64(statement.sqliteStatement, Int32(index), Int64(number))
    }

    func bind(_ index: Int, _ text: String) {
        _ = text.withCString { sqlite3_bind_text(statement.sqliteStatement, Int32(index), $0, -1, Self.transient) }
    }

    /// Binds text that lives as long as the program: SQLite reads it in place instead of copying it.
    func bind(_ index: Int, _ text: StaticString) {
        let start = UnsafeRawPointer(text.utf8Start).assumingMemoryBound(to: CChar.self)
        sqlite3_bind_text(statement.sqliteStatement, Int32(index), start, Int32(text.utf8CodeUnitCount), Self.static)
    }

    /// Inserts the row bound so far.
    func step() throws {
        let handle = statement.sqliteStatement
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: sql)
        }
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    private static let `static` = unsafeBitCast(0, to: sqlite3_destructor_type.self)
}

extension RowInserter.Value {
    init(_ text: String?) { self = text.map { .text($0) } ?? .null }
    init(_ number: Int?) { self = number.map { .integer($0) } ?? .null }
    init(_ flag: Bool?) { self = flag.map { .integer($0 ? 1 : 0) } ?? .null }
}
