import Foundation
import Testing
@testable import GraphPermQuery

struct ParserTests {
    static let examples = [
        "least GET /security/alerts",
        "least PATCH /security/alerts/{id} for application",
        "least GET alerts for delegated",
        "who can GET /me/messages",
        "show SecurityEvents.Read.All",
        "show 5d6b6bb7-de71-4623-b4af-96380a352509",
        "paths of SecurityEvents.ReadWrite.All where method = PATCH",
        "permissions where resource = 'Mail' and scheme = delegated and admin_consent = false order by name",
        "permissions where name like 'Security%'",
        "show 'Security Reader'",
        "least get https://graph.microsoft.com/v1.0/users('a@b.com')/messages?$top=5",
        "permissions where not (resource = 'Mail' or resource = 'User') and privilege_level >= 3"
            + " order by writes desc, name limit 5",
        "permissions where name not like '%.All' or (hidden = true and enabled != false)",
        "calls where least_markers = 0 order by template",
        "compare Mail.Read with Mail.ReadBasic for application",
        "entities", "roles",
        "explain permissions where grants = 0",
        "EXPLAIN LEAST Get /me",
    ]

    @Test(arguments: examples)
    func printingThenParsingGivesTheSameTree(text: String) throws {
        let statement = try Parser.parse(text)
        #expect(try Parser.parse(Printer.print(statement)) == statement)
    }

    @Test func buildsTheExpectedTrees() throws {
        #expect(try Parser.parse("least PATCH /security/alerts/{id} for application")
            == .least(method: "PATCH", target: "/security/alerts/{id}", schemes: .application))
        #expect(try Parser.parse("WHO CAN get /me/messages")
            == .whoCan(method: "GET", target: "/me/messages", schemes: nil))
        #expect(try Parser.parse(
            "permissions where resource = 'Mail' and scheme = delegated and admin_consent = false order by name")
            == .permissions(Listing(
                condition: .and(.and(.comparison(field: "resource", op: .equal, value: .text("Mail")),
                                     .comparison(field: "scheme", op: .equal, value: .text("delegated"))),
                                .comparison(field: "admin_consent", op: .equal, value: .bool(false))),
                order: [OrderTerm(field: "name", descending: false)])))
        #expect(try Parser.parse("permissions where a_b_c = 1 or x = 2"
            .replacingOccurrences(of: "a_b_c", with: "grants").replacingOccurrences(of: "x =", with: "writes ="))
            == .permissions(Listing(condition: .or(.comparison(field: "grants", op: .equal, value: .number(1)),
                                                   .comparison(field: "writes", op: .equal, value: .number(2))))))
    }

    @Test func scriptsSplitOnSemicolonsAndNewLinesButContinueClauses() throws {
        let script = """
            least GET /me; show Mail.Read
            -- a comment
            permissions
              where resource = 'Mail'
              order by name
            roles
            """
        let statements = try Parser.parseScript(script)
        #expect(statements.count == 4)
        #expect(statements[2] == .permissions(Listing(
            condition: .comparison(field: "resource", op: .equal, value: .text("Mail")),
            order: [OrderTerm(field: "name", descending: false)])))
    }

    @Test(arguments: [
        ("leest GET /me",
         "1:1: expected a statement (least, who, show, paths, permissions, calls, compare, entities, roles, explain),"
             + " found 'leest'\n  leest GET /me\n  ^^^^^\ndid you mean 'least'?"),
        ("least GTE /me",
         "1:7: expected an HTTP method (GET, POST, PUT, PATCH, DELETE), found 'GTE'\n  least GTE /me\n        ^^^\n"
             + "did you mean 'GET'?"),
        ("permissions where nmae = 'x'",
         "1:19: expected a field (name, resource, operation, constraint, scheme, id, display_name, admin_consent,"
             + " privilege_level, enabled, hidden, grants, writes, tier, tier_for_user, tier_basis), found 'nmae'\n"
             + "  permissions where nmae = 'x'\n                    ^^^^\ndid you mean 'name'?"),
        ("roles\npermissions where name = 'x",
         "2:26: expected a closing ' before the end of the line\n  permissions where name = 'x\n"
             + "                           ^^"),
        ("least GET /me for everyone",
         "1:19: expected a permission type (delegated, work, personal, application), found 'everyone'\n"
             + "  least GET /me for everyone\n                    ^^^^^^^^"),
        ("permissions where",
         "1:18: expected a field (name, resource, operation, constraint, scheme, id, display_name, admin_consent,"
             + " privilege_level, enabled, hidden, grants, writes, tier, tier_for_user, tier_basis), found the end of"
             + " the input\n  permissions where\n                   ^"),
    ])
    func errorsPointAtThePlace(text: String, message: String) {
        do {
            _ = try Parser.parse(text)
            Issue.record("parsed")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func incompleteStatementsAreMarkedAsSuch() {
        #expect(throws: QueryError.self) { try Parser.parse("permissions where name =") }
        do { _ = try Parser.parse("permissions where name =") } catch { #expect(error.isAtEnd) }
        do { _ = try Parser.parse("permissions where name = = 3") } catch { #expect(!error.isAtEnd) }
    }

    @Test func hostileStatementsGetErrorsNotCrashes() {
        let deep = "permissions where " + String(repeating: "(", count: 10_000) + "name = 'x'"
            + String(repeating: ")", count: 10_000)
        #expect(throws: QueryError.self) { try Parser.parse(deep) }
        let nots = "permissions where " + String(repeating: "not ", count: 10_000) + "name = 'x'"
        #expect(throws: QueryError.self) { try Parser.parse(nots) }
        #expect(throws: QueryError.self) { try Parser.parse(String(repeating: "x", count: 200_000)) }
    }
}
