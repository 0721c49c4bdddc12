import Foundation
import Testing

@testable import GraphPermCore
@testable import GraphPermStore

/// The knowledge bases `sync` keeps (`KnowledgeBaseHistory`) and `graphperm changes`, which compares the last one
/// with the current knowledge base.
@Suite(.serialized)
struct KnowledgeBaseHistoryTests {
    /// A knowledge base loaded from the small fixture, in a folder of its own.
    static func miniKnowledgeBase(_ folder: TemporaryFolder) throws -> String {
        let db = folder.path + "/kb.sqlite"
        let load = try CommandRunner.run(["load", TemporaryFolder.fixture("mini-permissions.json"), "--db", db])
        #expect(load.status == 0, "\(load.stderr)")
        return db
    }

    @Test func keepsWithProvenanceAndPrunesTheOldestFirst() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let db = try Self.miniKnowledgeBase(folder)
        let history = KnowledgeBaseHistory(databasePath: db)
        #expect(history.entries().isEmpty)
        for second in 0..<7 {
            let kept = try #require(
                try history.keep(
                    databasePath: db, source: "mirror-\(second)",
                    now: Date(timeIntervalSince1970: 1_786_000_000 + Double(second / 2))))
            #expect(FileManager.default.contentsEqual(atPath: kept, andPath: db))
            history.prune(limit: 5)
        }
        let entries = history.entries()
        #expect(entries.map(\.replacedBySyncFrom) == ["mirror-2", "mirror-3", "mirror-4", "mirror-5", "mirror-6"])
        #expect(entries.map { ($0.path as NSString).lastPathComponent }.last == "2026-08-06T07-06-43Z-1.sqlite")
        let files = try #require(entries.first?.files)
        #expect(
            files.first?.kind == "permissions-document" && files.first?.path.hasSuffix("mini-permissions.json") == true)
        #expect(files.first?.sha256.count == 64)
        history.prune(limit: 0)
        #expect(history.entries().isEmpty)
        #expect(
            try KnowledgeBaseHistory(databasePath: folder.path + "/none.sqlite").keep(
                databasePath: folder.path + "/none.sqlite", source: "x") == nil)
    }

    @Test func changesWithoutAKeptKnowledgeBaseExitsOne() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let db = try Self.miniKnowledgeBase(folder)
        let result = try CommandRunner.run(["changes", "--db", db])
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr.contains("no earlier knowledge base is kept beside \(db)"), "\(result.stderr)")
        #expect(try CommandRunner.run(["changes", "--db", db, "--since", "yesterday"]).status == 64)
        #expect(try CommandRunner.run(["changes", "--db", db, "--format", "table"]).status == 64)
    }

    @Test(.enabled(if: SnapshotData.isAvailable, SnapshotData.skipMessage))
    func syncKeepsTheReplacedKnowledgeBaseAndChangesComparesIt() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let db = try Self.miniKnowledgeBase(folder)
        let mini = try #require(FileManager.default.contents(atPath: db))
        let sync = try CommandRunner.run(["sync", "--from", SnapshotData.directory, "--db", db, "--format", "json"])
        #expect(sync.status == 0, "\(sync.stderr)")
        let entries = KnowledgeBaseHistory(databasePath: db).entries()
        #expect(entries.count == 1)
        #expect(entries.first.map { FileManager.default.contents(atPath: $0.path) } == mini)
        #expect(entries.first?.replacedBySyncFrom == SnapshotData.directory)

        let changes = try CommandRunner.run(["changes", "--db", db])
        let direct = try CommandRunner.run(["diff", try #require(entries.first?.path), db])
        #expect(changes.status == 0 && direct.status == 0, "\(changes.stderr)\(direct.stderr)")
        #expect(changes.stdout == direct.stdout)
        #expect(changes.stdout.contains(#""added":["#) && changes.stdout.contains("Mail.ReadBasic.All"))
        #expect(
            changes.stderr.contains("changes from the knowledge base replaced at \(entries[0].keptAt)"),
            "\(changes.stderr)")
        // After the date of the only sync: nothing changed since.
        let later = try CommandRunner.run(["changes", "--db", db, "--since", "2999-01-01"])
        #expect(
            later.status == 0
                && later.stdout == PermissionDiff(old: DiffFacts(tiers: []), new: DiffFacts(tiers: [])).json(),
            "\(later.stderr)")

        // --keep 0 keeps nothing more (and prunes nothing: the up-to-date sync builds no knowledge base).
        let other = folder.path + "/other.sqlite"
        #expect(
            try CommandRunner.run(["load", TemporaryFolder.fixture("mini-permissions.json"), "--db", other]).status == 0
        )
        let none = try CommandRunner.run(["sync", "--from", SnapshotData.directory, "--db", other, "--keep", "0"])
        #expect(none.status == 0, "\(none.stderr)")
        #expect(KnowledgeBaseHistory(databasePath: other).entries().isEmpty)
    }
}
