import Foundation
import Testing
@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

/// Agreement with Microsoft's rules over the whole snapshot, each triple queried through a concrete URL.
@Suite(.enabled(if: SnapshotData.isAvailable, SnapshotData.skipMessage))
struct SnapshotAgreementTests {
    let kb = SnapshotData.knowledgeBase

    private func documentTemplates() throws -> [(Int, String)] {
        let query = "SELECT DISTINCT t.id, t.template FROM path_template t JOIN grants g ON g.template_id = t.id"
            + " WHERE g.source = 'document' ORDER BY t.id"
        return try kb.store.read(query) { db, sql in
            try db.makeStatement(sql).rows([]) { ($0[0] as Int, $0[1] as String) }
        }
    }

    /// The distinct paths of Microsoft's permissions document, counted with Foundation's JSON reader (not the loader).
    static func distinctDocumentPaths() throws -> Int {
        let url = URL(fileURLWithPath: SnapshotData.directory).appendingPathComponent("permissions.json")
        let root = try JSONSerialization.jsonObject(with: try Data(contentsOf: url)) as? [String: Any]
        var paths = Set<String>()
        for case let permission as [String: Any] in (root?["permissions"] as? [String: Any] ?? [:]).values {
            for case let pathSet as [String: Any] in permission["pathSets"] as? [Any] ?? [] {
                paths.formUnion((pathSet["paths"] as? [String: Any] ?? [:]).keys)
            }
        }
        return paths.count
    }

    @Test func everyTemplateIsReachableFromAConcreteURL() throws {
        let matcher = try kb.matcher()
        var random = SeededGenerator(state: 42)
        var unreachable: [String] = []
        let templates = try documentTemplates()
        for (id, template) in templates {
            let url = ConcreteURL.make(from: template, using: &random)
            if !(matcher.match(RequestPath(url))?.templateIDs.contains(id) ?? false) {
                unreachable.append("\(template) ← \(url)")
            }
        }
        #expect(templates.count == (try Self.distinctDocumentPaths()))
        #expect(unreachable.isEmpty, "\(unreachable.count) unreachable, e.g. \(unreachable.prefix(10))")
    }

    /// A one-shot lookup matches against the few templates `CandidateFilter` keeps: for every 32nd template, a
    /// concrete URL, the same URL with a key in parentheses, and the URL with one segment more or less must match
    /// exactly as the full matcher does (every template takes minutes in a debug build).
    @Test func candidateMatchersAgreeWithTheFullMatcher() throws {
        let full = try kb.matcher()
        let fresh = try KnowledgeBase.open(path: kb.location)
        var random = SeededGenerator(state: 11)
        var differences: [String] = []
        for (_, template) in try documentTemplates().enumerated().filter({ $0.offset % 32 == 0 }).map(\.element) {
            let url = ConcreteURL.make(from: template, using: &random)
            let keyed = url.replacingOccurrences(of: #"/([A-Za-z]+)/(id[0-9]+)(-4c1f-9b2e)?(/|$)"#, with: "/$1('$2')$4",
                                                 options: .regularExpression)
            for variant in [url, keyed, url + "/extra", String(url[..<(url.lastIndex(of: "/") ?? url.endIndex)])] {
                let request = RequestPath(variant)
                let expected = full.match(request)
                let actual = try fresh.matcher(for: request).match(request)
                if expected != actual {
                    differences.append(
                        "\(variant): full \(expected?.templates ?? []), candidates \(actual?.templates ?? [])")
                }
            }
        }
        #expect(differences.isEmpty, "\(differences.count) differences, e.g. \(differences.prefix(5))")
    }

    /// A long batch reads every grant in one query (`preloadGrants`): for every template, it must give the same
    /// grants in the same order as the query per template.
    @Test func preloadedGrantsEqualGrantsReadPerTemplate() throws {
        let perTemplate = try KnowledgeBase.open(path: kb.location)
        let preloaded = try KnowledgeBase.open(path: kb.location)
        try preloaded.preloadGrants()
        let ids = try kb.store.read("SELECT id FROM path_template ORDER BY id") { db, sql in
            try db.makeStatement(sql).values() as [Int]
        }
        var differences: [Int] = []
        for id in ids where try perTemplate.grants(templateIDs: [id]) != preloaded.grants(templateIDs: [id]) {
            differences.append(id)
        }
        #expect(ids.count == (try Self.distinctDocumentPaths()))
        #expect(differences.isEmpty, "\(differences.count) templates differ, e.g. \(differences.prefix(5))")
        let pair = [ids[1], ids[0]]
        #expect(try perTemplate.grants(templateIDs: pair) == preloaded.grants(templateIDs: pair))
        #expect(try perTemplate.grants(templateIDs: pair).count > 0)
    }

    @Test func tableOutcomesMatchMicrosoftsGeneratorFigures() throws {
        var rendered = 0, suppressed = 0, failing = 0, pairs = 0
        for (id, _) in try documentTemplates() {
            let claims = ClaimSet(grants: try kb.grants(templateIDs: [id]))
            for method in claims.methods {
                pairs += 1
                let table = PermissionTable(method: method, claims: claims)
                if table.problems.contains(where: \.isFailure) {
                    failing += 1
                } else if table.isMicrosoftTable {
                    rendered += 1
                } else {
                    suppressed += 1
                }
            }
        }
        #expect(pairs == 11_215)
        #expect(rendered == 10_935)
        #expect(suppressed == 274)
        #expect(failing == 6)
    }
}

/// `reference api` against an independent re-statement of Microsoft's table rules (Scripts/kibali_tables.py).
@Suite(.enabled(if: SnapshotData.isAvailable && Python.isAvailable, "needs ../shared/graph-data and python3"))
struct ReferenceAgreementTests {
    @Test func everyRenderedTableMatchesTheIndependentRules() throws {
        let markdown = try SnapshotData.knowledgeBase.reference(.api).map(\.markdown).joined(separator: "\n")
        let file = NSTemporaryDirectory() + "graphperm-api-\(ProcessInfo.processInfo.processIdentifier).md"
        try markdown.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let (status, text) = try Python.run("kibali_tables.py", [SnapshotData.directory + "/permissions.json", file])
        print(text)
        #expect(status == 0)
        #expect(text.contains("render 10935, suppress 274, fail on 6"))
    }
}
