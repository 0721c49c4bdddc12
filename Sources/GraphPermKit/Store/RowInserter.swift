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
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .integer(let number): sqlite3_bind_int64(handle, index, Int64(number))
            case .null: sqlite3_bind_null(handle, index)
            case .text(let text):
                _ = text.withCString { sqlite3_bind_text(handle, index, $0, -1, Self.transient) }
            }
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: sql)
        }
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

extension RowInserter.Value {
    init(_ text: String?) { self = text.map { .text($0) } ?? .null }
    init(_ number: Int?) { self = number.map { .integer($0) } ?? .null }
    init(_ flag: Bool?) { self = flag.map { .integer($0 ? 1 : 0) } ?? .null }
}
