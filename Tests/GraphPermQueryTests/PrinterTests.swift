import Testing
import GraphPermQuery

/// Statements printed in canonical form: names bare or quoted, conditions with only the parentheses they need.
@Suite struct PrinterTests {
    @Test(arguments: [
        (Statement.least(method: "GET", target: "/me", schemes: .application), "least GET /me for application"),
        (.whoCan(method: "PATCH", target: "https://graph.microsoft.com/v1.0/me", schemes: nil),
         "who can PATCH https://graph.microsoft.com/v1.0/me"),
        (.show("Mail.Read"), "show Mail.Read"),
        (.show("Security Reader"), "show 'Security Reader'"),
        (.show("O'Brien"), "show 'O''Brien'"),
        (.show("least"), "show 'least'"),
        (.show(""), "show ''"),
        (.show("/a b"), "show '/a b'"),
        (.compare("Mail.Read", "Mail.ReadBasic", schemes: .work), "compare Mail.Read with Mail.ReadBasic for work"),
        (.entities, "entities"),
        (.explain(.roles), "explain roles"),
        (.calls(Listing(order: [OrderTerm(field: "template", descending: true), OrderTerm(field: "method",
                                                                                          descending: false)],
                        limit: 5)),
         "calls order by template desc, method limit 5"),
    ])
    func statementsInCanonicalForm(statement: Statement, text: String) {
        #expect(Printer.print(statement) == text)
    }

    static func equal(_ field: String, _ value: Value) -> Condition {
        .comparison(field: field, op: .equal, value: value)
    }

    @Test func conditionsGetParenthesesOnlyWhereTheyChangeTheMeaning() {
        let a = Self.equal("a", .number(1))
        let b = Self.equal("b", .bool(true))
        let c = Self.equal("c", .text("x'y"))
        #expect(Printer.print(.permissions(Listing(condition: .or(.and(a, b), c))))
            == "permissions where a = 1 and b = true or c = 'x''y'")
        #expect(Printer.print(.permissions(Listing(condition: .and(.or(a, b), c))))
            == "permissions where (a = 1 or b = true) and c = 'x''y'")
        #expect(Printer.print(.permissions(Listing(condition: .not(.or(a, b)))))
            == "permissions where not (a = 1 or b = true)")
        #expect(Printer.print(.permissions(Listing(condition: .and(a, .and(b, c)))))
            == "permissions where a = 1 and (b = true and c = 'x''y')")
        #expect(Printer.print(.paths(permission: "Mail.Read", listing: Listing(condition:
            .comparison(field: "template", op: .notLike, value: .text("%me%")))))
            == "paths of Mail.Read where template not like '%me%'")
    }

    @Test(arguments: [
        "https://graph.microsoft.com/v1.0/me", "HTTPS://GRAPH.MICROSOFT.COM/v1.0/me", "Https://graph.microsoft.com/me",
    ])
    func aURLInAnyLetterCasePrintsBareAndParsesBack(url: String) throws {
        let statement = Statement.least(method: "GET", target: url, schemes: nil)
        #expect(Printer.print(statement) == "least GET \(url)")
        #expect(try Parser.parse(Printer.print(statement)) == statement)
    }

    @Test func quotedDoublesEveryQuote() {
        #expect(Printer.quoted("''") == "''''''")
        #expect(Printer.quoted("plain") == "'plain'")
    }
}
