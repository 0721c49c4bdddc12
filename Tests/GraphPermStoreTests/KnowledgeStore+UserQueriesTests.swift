import Testing
import GraphPermCore
import GraphPermQuery
@testable import GraphPermStore

/// Planned queries with bound arguments, and user-typed SQL on the guarded connection.
struct KnowledgeStoreUserQueriesTests {
    @Test func aPlannedQueryBindsItsArguments() throws {
        let plan = PlannedQuery(
            sql: "SELECT name, id FROM permission WHERE name LIKE ? AND id > ? ORDER BY name",
            arguments: [.text("User.%"), .integer(0)])
        let table = try MiniStore.shared.execute(plan)
        #expect(table.columns == ["name", "id"])
        #expect(table.rows.map(\.[0]) == ["User.EnableDisableAccount.All", "User.Read.All", "User.ReadWrite.All"])
    }

    @Test func userSQLReturnsTextCellsWithNullAsEmpty() throws {
        let table = try MiniStore.shared.runSQL("SELECT name, NULL AS empty, 2 + 3 AS five FROM permission "
            + "WHERE name = 'Mail.Read'")
        #expect(table.columns == ["name", "empty", "five"] && table.rows == [["Mail.Read", "", "5"]])
    }

    @Test(arguments: [
        ("DELETE FROM permission", "a write to permission is not allowed"),
        ("SELECT 1; SELECT 2", "one statement at a time"),
        ("/**/ATTACH ':memory:' AS m", "ATTACH is not allowed"),
    ])
    func writesAndSeveralStatementsAreRefused(sql: String, detail: String) {
        #expect(throws: KnowledgeBaseError.writeRefused(detail: detail)) { try MiniStore.shared.runSQL(sql) }
    }

    @Test func aBadOrEmptyStatementNamesItsSQL() {
        #expect(throws: KnowledgeBaseError.query(sql: "SELECT * FROM nowhere", detail: "no such table: nowhere")) {
            try MiniStore.shared.runSQL("SELECT * FROM nowhere")
        }
        #expect(throws: KnowledgeBaseError.query(sql: "  -- nothing", detail: "no statement")) {
            try MiniStore.shared.runSQL("  -- nothing")
        }
    }

    @Test func explainShowsTheLookupStatements() {
        #expect(KnowledgeStore.lookupStatements.match.contains("match_key >= ? AND match_key < ?"))
        #expect(KnowledgeStore.lookupStatements.grants.contains("WHERE g.template_id = ?"))
        #expect(KnowledgeStore.permissionCardStatement.contains("FROM permission_scheme ps WHERE ps.permission_id = ?"))
    }
}
