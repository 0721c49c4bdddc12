import Foundation
import Testing
@testable import GraphPermKit
@testable import GraphPermCLI
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore
@testable import GraphPermQuery

/// Every saved query parses, runs, and matches its golden output (on the small fixture knowledge base).
struct SavedQueryTests {
    @Test func atLeastSixQueriesShipWithDescriptions() {
        let queries = SavedQuery.all()
        #expect(queries.count >= 6)
        #expect(queries.allSatisfy { !$0.description.isEmpty })
    }

    @Test(arguments: SavedQuery.all().map(\.name))
    func savedQueryMatchesItsGoldenOutput(name: String) throws {
        let query = try SavedQuery.find(name)
        #expect(throws: Never.self) { try Parser.parseScript(query.text) }
        try Golden.check(QueryFixture.output(of: query.text), file: "queries/\(name).txt")
    }
}

/// Golden files compared byte for byte; `RECORD_GOLDEN=1` writes them.
enum Golden {
    static func check(_ actual: String, file: String) throws {
        let url = QueryFixture.goldenDirectory.appendingPathComponent(file)
        if QueryFixture.isRecording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(actualLines.count, expectedLines.count)
            let expectedLine = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
            let actualLine = first < actualLines.count ? String(actualLines[first]) : "<end>"
            Issue.record("""
                \(file) differs at line \(first + 1):
                  expected: \(expectedLine)
                  actual:   \(actualLine)
                (re-record with RECORD_GOLDEN=1)
                """)
        }
    }
}

struct ScriptRunnerTests {
    @Test func permissionStatementsRejectRolesAndSuggestNames() {
        #expect(QueryFixture.output(of: "paths of 'Security Reader'")
            == "error (exit 1): no entity or path named Security Reader (an admin role, not a permission)\n")
        #expect(QueryFixture.output(of: "paths of Mail.Raed")
            .hasPrefix("error (exit 1): no entity or path named Mail.Raed; did you mean: Mail.Read"))
    }
}
