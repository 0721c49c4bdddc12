import Foundation
import Testing
@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

/// User-typed SQL: SQLite's authorizer decides on what it parsed, whatever the text looks like.
struct SQLGuardTests {
    static let refused = [
        "BEGIN", "BEGIN IMMEDIATE", "SAVEPOINT x", "RELEASE x", "ROLLBACK TO x", "COMMIT", "ROLLBACK", "END",
        "/**/ATTACH ':memory:' AS m", "-- note\nATTACH ':memory:' AS m", "(ATTACH)",
        " /* a */ attach database ':memory:' as m",
        "DETACH main", "/**/DETACH main", "PRAGMA user_version = 7", "PRAGMA query_only = 0",
        "PRAGMA writable_schema = 1",
        "PRAGMA journal_mode = WAL", "/**/VACUUM INTO '/tmp/graphperm-vacuum-test.sqlite'", "DELETE FROM grants",
        "WITH x AS (SELECT 1) DELETE FROM grants", "CREATE TEMP TABLE t (x)",
        "/**/INSERT INTO admin_role VALUES (9, 'x', 'y')",
    ]

    /// None crashes (BEGIN and SAVEPOINT did), none runs, and the knowledge base is unchanged.
    @Test(arguments: refused) func statementsThatAreNotReadsAreRefused(_ sql: String) throws {
        let kb = QueryFixture.knowledgeBase
        #expect(throws: KnowledgeBaseError.self) { try kb.runSQL(sql) }
        // The connection is still usable and attached nothing.
        let databases = try kb.runSQL("SELECT name FROM pragma_database_list ORDER BY seq")
        #expect(databases.rows == [["main"]])
    }

    @Test func theRefusalNamesWhatSQLiteParsed() throws {
        let kb = QueryFixture.knowledgeBase
        #expect(throws: KnowledgeBaseError.writeRefused(detail: "ATTACH is not allowed")) {
            try kb.runSQL("/**/ATTACH ':memory:' AS m")
        }
        #expect(throws: KnowledgeBaseError.writeRefused(detail: "BEGIN (transactions) is not allowed")) {
            try kb.runSQL("BEGIN")
        }
        #expect(throws: KnowledgeBaseError.writeRefused(detail: "SAVEPOINT, RELEASE or ROLLBACK TO is not allowed")) {
            try kb.runSQL("SAVEPOINT x")
        }
        #expect(throws: KnowledgeBaseError.writeRefused(detail: "PRAGMA user_version with a value is not allowed")) {
            try kb.runSQL("PRAGMA user_version = 3")
        }
    }

    @Test(arguments: [
        "SELECT count(*) > 0 FROM permission", "PRAGMA user_version", "PRAGMA table_info(permission)",
        "SELECT name FROM pragma_table_info('permission') ORDER BY cid LIMIT 1",
        "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 3) SELECT count(*) FROM n",
    ]) func readsRun(_ sql: String) throws {
        #expect(try !QueryFixture.knowledgeBase.runSQL(sql).rows.isEmpty)
    }

    /// The embedded knowledge base (no file) gets a guarded copy too.
    @Test func theEmbeddedKnowledgeBaseIsGuardedToo() throws {
        let kb = try KnowledgeBase.embedded()
        #expect(try kb.runSQL("SELECT count(*) FROM security_entity").rows[0][0] != "0")
        #expect(throws: KnowledgeBaseError.writeRefused(detail: "ATTACH is not allowed")) {
            try kb.runSQL("/**/ATTACH ':memory:' AS m")
        }
        #expect(throws: KnowledgeBaseError.self) { try kb.runSQL("BEGIN") }
    }
}
