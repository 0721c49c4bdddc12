import Foundation
import Testing
@testable import GraphPermKit
@testable import GraphPermCLI
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore
@testable import GraphPermQuery

/// Concurrency, hostile statements, and the fuzzers' regression corpus.
struct HardeningTests {
    /// Readers keep answering while loads replace the knowledge base: each answer comes wholly from the old or
    /// the new data, never a mix, and never an error.
    @Test func readersSeeTheOldOrTheNewKnowledgeBaseDuringLoads() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let db = folder.path + "/kb.sqlite"
        let old = folder.file("old.json", #"{"permissions": {"Old.Read": {"schemes": {"Application": {}}, "#
            + #""pathSets": [{"schemeKeys": ["Application"], "methods": ["GET"], "#
            + #""paths": {"/things": "least=Application"}}]}}}"#)
        let new = folder.file("new.json", #"{"permissions": {"New.Read": {"schemes": {"Application": {}}, "#
            + #""pathSets": [{"schemeKeys": ["Application"], "methods": ["GET"], "#
            + #""paths": {"/things": "least=Application", "/things/{id}": "least=Application"}}]}}}"#)
        let oldFacts = try KnowledgeLoader.gather(paths: [old], dataDirectory: Resources.dataDirectory)
        let newFacts = try KnowledgeLoader.gather(paths: [new], dataDirectory: Resources.dataDirectory)
        try KnowledgeBaseWriter.write(oldFacts, to: db)

        let rounds = 40
        try await withThrowingTaskGroup(of: [String].self) { group in
            group.addTask {
                // Both ways of loading: facts gathered then written, and the load that writes while it reads.
                for round in 0..<rounds {
                    if round % 4 < 2 {
                        try KnowledgeBaseWriter.write(round % 2 == 0 ? newFacts : oldFacts, to: db)
                    } else {
                        _ = try KnowledgeBaseWriter.load(paths: [round % 2 == 0 ? new : old],
                                                         dataDirectory: Resources.dataDirectory, to: db)
                    }
                }
                return []
            }
            for _ in 0..<2 {
                group.addTask {
                    var seen: [String] = []
                    for _ in 0..<rounds * 3 {
                        let kb = try KnowledgeBase.open(path: db)
                        let answer = try kb.least(method: "GET", target: "/things", scheme: .application)
                        let templates = try kb.execute(PlannedQuery(
                            sql: "SELECT count(*) FROM path_template WHERE template LIKE '/things%'", arguments: []
                        )).rows[0][0]
                        let least = answer[.application]?.least.first ?? "none"
                        // Old data: Old.Read and one template; new data: New.Read and two. Anything else is a mix.
                        #expect((least == "Old.Read" && templates == "1") || (least == "New.Read" && templates == "2"),
                                "mixed: \(least) with \(templates) templates")
                        seen.append(least)
                    }
                    return seen
                }
            }
            var all: [String] = []
            for try await seen in group { all += seen }
            #expect(all.count == rounds * 6)
        }
    }

    @Test func noStatementOrRawSQLCanChangeTheDatabase() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let db = folder.path + "/kb.sqlite"
        let facts = try KnowledgeLoader.gather(paths: [TemporaryFolder.fixture("mini-permissions.json")],
                                               dataDirectory: Resources.dataDirectory)
        try KnowledgeBaseWriter.write(facts, to: db)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let kb = try KnowledgeBase.open(path: db)
        for sql in ["DELETE FROM grants", "DROP TABLE grants", "UPDATE permission SET name = 'x'",
                    "INSERT INTO admin_role VALUES (9, 'x', 'y')",
                    "ATTACH DATABASE '\(folder.path)/other.sqlite' AS other", "  attach '\(folder.path)/x.sqlite' as x",
                    "PRAGMA user_version = 7",
                    "CREATE TABLE t (x)", "SELECT 1; DELETE FROM grants", "VACUUM", "REINDEX"] {
            #expect(throws: KnowledgeBaseError.self, "\(sql)") { try kb.runSQL(sql) }
        }
        for statement in ["permissions where name = 'x''); DROP TABLE grants; --'", "show '; DELETE FROM grants'"] {
            _ = ScriptRunner(kb: kb, format: .json).run(script: statement)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/other.sqlite"))
    }

    @Test func aLongQueryCanBeInterrupted() throws {
        let kb = QueryFixture.knowledgeBase
        let started = Date()
        let watcher = InterruptWatcher(kb: kb)
        InterruptFlag.raised = 1
        defer { watcher.stop() }
        // Ten billion rows: without the interrupt this would run for hours.
        let slow = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 10000000000)"
            + " SELECT count(*) FROM n"
        #expect(throws: KnowledgeBaseError.self) { try kb.runSQL(slow) }
        #expect(Date().timeIntervalSince(started) < 10)
    }

    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz")

    @Test func fuzzerFindingsStayFixed() throws {
        for (target, run) in [
            ("json", FuzzTargets.loadDocument), ("query", FuzzTargets.parseStatements),
            ("jwt", FuzzTargets.decodeToken),
        ] {
            let folder = Self.corpus.appendingPathComponent(target)
            // The findings are committed: a missing or empty folder is a failure, not a pass with nothing replayed.
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(!names.isEmpty, "no fuzz findings replayed for \(target)")
            for name in names {
                run([UInt8](try Data(contentsOf: folder.appendingPathComponent(name))))
            }
        }
    }
}
