import Testing
import GraphPermCore
import GraphPermQuery
import GraphPermKit

/// Statements of the query language run against the mini knowledge base.
@Suite struct KnowledgeBaseQueryTests {
    let kb = MiniKnowledgeBase.shared

    func table(_ text: String) throws -> TabularText {
        guard case .table(let table) = try kb.run(Parser.parse(text)) else {
            throw LookupError.unknownEntity(text, suggestions: [])
        }
        return table
    }

    func column(_ table: TabularText, _ name: String) -> [String] {
        guard let index = table.columns.firstIndex(of: name) else { return [] }
        return table.rows.map { $0[index] }
    }

    @Test func whoCanRanksLeastThenHigherPerScheme() throws {
        let table = try table("who can GET /me/messages for work")
        #expect(table.columns == ["scheme", "rank", "permission", "privilege", "tier"])
        #expect(table.rows.map { Array($0.prefix(4)) } == [
            ["DelegatedWork", "1", "Mail.Read", "least"], ["DelegatedWork", "2", "Mail.ReadWrite", "higher"],
        ])
    }

    @Test func leastAndShowGiveTheirAnswers() throws {
        guard case .least(let answer) = try kb.run(.least(method: "GET", target: "/users/{id}", schemes: .application))
        else {
            Issue.record("least gave no answer")
            return
        }
        #expect(answer.schemes.map(\.scheme) == [.application] && answer[.application]?.least == ["User.Read.All"])
        guard case .shown(.permission(let card)) = try kb.run(.show("User.ReadWrite.All")) else {
            Issue.record("show gave no card")
            return
        }
        #expect(card.entries.map(\.grantCount) == [2, 2])
    }

    @Test func listingsRunThroughThePlanner() throws {
        let mail = try table("permissions where resource = 'Mail' and scheme = application order by name")
        #expect(column(mail, "name") == ["Mail.Read", "Mail.ReadWrite"])
        let paths = try table("paths of Mail.ReadWrite where scheme = work order by method, template")
        #expect(zip(column(paths, "method"), column(paths, "template")).map { "\($0) \($1)" } == [
            "DELETE /me/messages", "DELETE /me/messages/{id}", "GET /me/messages", "GET /users/{id}/messages",
            "POST /me/messages", "POST /me/messages/{id}",
        ])
        let limited = try table("permissions where resource = 'User' order by name desc limit 1")
        #expect(limited.rows.count == 1 && column(limited, "name") == ["User.ReadWrite.All"])
    }

    @Test func explainShowsTheSQLWithItsArgumentsApart() throws {
        let plan = kb.explain(.permissions(Listing(condition: .comparison(field: "resource", op: .equal,
                                                                          value: .text("Mail' OR 1=1")))))
        #expect(plan.columns == ["step", "sql", "arguments"])
        #expect(plan.rows.count == 1 && plan.rows[0][0] == "query")
        // The value is an argument, never text of the SQL.
        #expect(!plan.rows[0][1].contains("OR 1=1") && plan.rows[0][2] == "'Mail'' OR 1=1'")
        let least = kb.explain(.least(method: "GET", target: "/me", schemes: nil))
        #expect(least.rows.map { $0[0] } == ["match", "grants"])
        #expect(try table("explain show Mail.Read").rows.map { $0[0] } == ["card"])
    }

    @Test func aStatementThePlannerRefusesIsABadQueryNamingIt() {
        // Built by hand, past the parser's field check.
        let statement = Statement.permissions(Listing(condition: .comparison(field: "colour", op: .equal,
                                                                             value: .text("red"))))
        let error = #expect(throws: KnowledgeBaseError.self) { try kb.run(statement) }
        #expect(error == .query(sql: "permissions where colour = 'red'", detail: "unknown field colour"))
        #expect(error?.exitCode == 65)
    }
}
