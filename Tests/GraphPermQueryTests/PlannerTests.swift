import Testing
@testable import GraphPermQuery

struct PlannerTests {
    @Test func permissionsCompileToParameterisedSQL() throws {
        let statement = try Parser.parse("permissions where resource = 'Mail' and scheme = delegated"
            + " and admin_consent = false order by name limit 5")
        let plan = try #require(try Planner.plan(statement))
        #expect(plan.sql == "SELECT p.name AS name, s.name AS scheme, ps.guid AS id, CASE ps.requires_admin_consent"
            + " WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END AS admin_consent, ps.privilege_level AS privilege_level,"
            + " coalesce(ps.admin_display_name, ps.user_display_name) AS display_name"
            + " FROM permission p JOIN permission_scheme ps ON ps.permission_id = p.id"
            + " JOIN scheme s ON s.id = ps.scheme_id"
            + " WHERE ((p.resource = ? COLLATE NOCASE AND s.name IN (?, ?)) AND ps.requires_admin_consent = ?)"
            + " ORDER BY p.name, p.kibali_rank, s.id LIMIT ?")
        #expect(plan.arguments
            == [.text("Mail"), .text("DelegatedWork"), .text("DelegatedPersonal"), .integer(0), .integer(5)])
    }

    @Test func userValuesNeverEnterTheSQLText() throws {
        let hostile = "x'); DROP TABLE grants; --"
        let plan = try #require(try Planner.plan(.permissions(Listing(
            condition: .comparison(field: "name", op: .like, value: .text(hostile))))))
        #expect(!plan.sql.contains("DROP"))
        #expect(plan.arguments == [.text(hostile)])
        let paths = try #require(try Planner.plan(.paths(permission: hostile, listing: Listing())))
        #expect(!paths.sql.contains("DROP") && paths.arguments == [.text(hostile)])
    }

    @Test func aggregatesFilterWithHaving() throws {
        let plan = try #require(try Planner.plan(try Parser.parse("calls where least_markers > 1 and method = GET")))
        #expect(plan.sql.hasSuffix("GROUP BY t.id, g.method, s.id"
            + " HAVING (sum(g.is_least) > ? AND g.method = ? COLLATE NOCASE) ORDER BY t.template, g.method, s.id"))
        #expect(plan.arguments == [.integer(1), .text("GET")])
    }

    @Test func typeMismatchesAreReported() {
        #expect(throws: Planner.PlanError(message: "admin_consent takes true or false")) {
            try Planner.plan(try Parser.parse("permissions where admin_consent = 'maybe'"))
        }
        #expect(throws: Planner.PlanError(message: "scheme takes delegated, work, personal or application")) {
            try Planner.plan(try Parser.parse("permissions where scheme = 'nobody'"))
        }
    }
}
