import Testing
@testable import GraphPermQuery

/// The catalog of keywords and fields: every field a statement offers can be filtered and ordered by in a query.
struct CatalogTests {
    static let listings: [(statement: String, fields: [Catalog.Field])] = [
        ("permissions", Catalog.permissionFields),
        ("paths of Mail.Read", Catalog.pathFields),
        ("calls", Catalog.callFields),
    ]

    /// A value of the field's kind as a user writes it.
    static func value(for kind: Catalog.Field.Kind) -> String {
        switch kind {
        case .text: "'x'"
        case .number: "1"
        case .bool: "true"
        case .scheme: "application"
        }
    }

    @Test func everyFieldCanBeOrderedByAndOrdersByItsExpression() throws {
        for (statement, fields) in Self.listings {
            for field in fields {
                let plan = try #require(try Planner.plan(Parser.parse("\(statement) order by \(field.name) desc")))
                #expect(plan.sql.contains(" ORDER BY \(field.sql) DESC, "), "\(statement): \(field.name)")
            }
        }
    }

    @Test func everyFieldCanBeComparedWithAValueOfItsKind() throws {
        for (statement, fields) in Self.listings {
            for field in fields {
                let query = "\(statement) where \(field.name) = \(Self.value(for: field.kind))"
                let plan = try #require(try Planner.plan(Parser.parse(query)), "\(query)")
                #expect(plan.sql.contains(field.sql), "\(query)")
                #expect(!plan.arguments.isEmpty, "\(query)")
            }
        }
    }

    @Test func aFieldOfOneListingIsNotOfferedByAnother() {
        #expect(throws: (any Error).self) { try Planner.plan(Parser.parse("calls order by tier")) }
        #expect(throws: (any Error).self) { try Planner.plan(Parser.parse("permissions order by template")) }
    }

    @Test func fieldNamesAreUniqueLowercaseWordsWithinEachListing() {
        for (statement, fields) in Self.listings {
            let names = fields.map(\.name)
            #expect(Set(names).count == names.count, "\(statement) repeats a field name")
            for name in names {
                #expect(name.allSatisfy { ("a"..."z").contains($0) || $0 == "_" }, "\(name)")
            }
        }
    }

    @Test func keywordsAreLowercaseAndEachStatementKeywordIsOne() {
        #expect(Set(Catalog.keywords).count == Catalog.keywords.count)
        #expect(Catalog.keywords.allSatisfy { $0 == $0.lowercased() })
        #expect(Catalog.statementKeywords.allSatisfy(Catalog.keywords.contains))
        #expect(["where", "order", "by", "limit", "desc"].allSatisfy(Catalog.keywords.contains))
    }

    @Test func theMethodsAreTheFiveDocumentedOnesInTheirOrder() {
        #expect(Catalog.methods == ["GET", "POST", "PUT", "PATCH", "DELETE"])
    }

    @Test func onlyTheSchemeFieldsHaveTheSchemeKind() {
        for (statement, fields) in Self.listings {
            #expect(fields.filter { $0.kind == .scheme }.map(\.name) == ["scheme"], "\(statement)")
        }
    }
}
