import Foundation
import Testing
@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

/// `KnowledgeBaseWriter.load` writes grants while the files are still being read; its file must be the one
/// `gather` then `write` makes, row for row and ID for ID.
struct PipelinedLoadTests {
    static let fixtureSets: [[String]] = [
        ["mini-permissions.json", "mini-provisioning.json", "mini-service-principal.json"],
        ["diagnose-permissions.json"],
        ["empty-permissions.json"],
        [],
    ]

    @Test(arguments: fixtureSets)
    func writesTheSameFileAsGatherThenWrite(fixtures: [String]) throws {
        try expectSameFiles(paths: fixtures.map(TemporaryFolder.fixture))
    }

    @Test(.enabled(if: SnapshotData.isAvailable, SnapshotData.skipMessage))
    func writesTheSameFileAsGatherThenWriteForTheSnapshot() throws {
        try expectSameFiles(paths: [SnapshotData.directory])
    }

    @Test func numbersPermissionsThatCanHaveGrantsFirst() {
        var ids = PermissionIDs(granting: ["User.Read", "Mail.Read"])
        ids.addRemaining(["Calendars.Read", "Mail.Read", "User.Read", "Zulu.All", "Mail.ReadWrite"])
        #expect(ids.names == ["Mail.Read", "User.Read", "Calendars.Read", "Mail.ReadWrite", "Zulu.All"])
        #expect(ids["Calendars.Read"] == 3 && ids["Mail.Read"] == 1 && ids["Nope"] == nil)
        // Microsoft's order over all five: Calendars.Read, Mail.Read, Mail.ReadWrite, User.Read, Zulu.All.
        #expect(ids.kibaliRanks() == [1, 3, 0, 2, 4])
    }

    private func expectSameFiles(paths: [String]) throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let sequential = folder.path + "/sequential.sqlite", pipelined = folder.path + "/pipelined.sqlite"
        let gathered = try KnowledgeLoader.gather(paths: paths, dataDirectory: Resources.dataDirectory)
        try KnowledgeBaseWriter.write(gathered, to: sequential)
        let loaded = try KnowledgeBaseWriter.load(paths: paths, dataDirectory: Resources.dataDirectory, to: pipelined)
        #expect(loaded.grants == gathered.grants && loaded.warnings == gathered.warnings)
        let expected = try dump(sequential), actual = try dump(pipelined)
        #expect(expected.keys.sorted() == actual.keys.sorted())
        for table in expected.keys.sorted() {
            #expect(actual[table] == expected[table], "table \(table)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            == ["pipelined.sqlite", "sequential.sqlite"])
    }

    /// Every table's rows in storage order, load times aside.
    private func dump(_ path: String) throws -> [String: [String]] {
        try SQLiteConnection(path: path, readOnly: true).withLock { db in
            var tables: [String: [String]] = [:]
            let names: [String] = try db.makeStatement("SELECT name FROM sqlite_master WHERE type = 'table'").values()
            for table in names {
                let sql = table == "provenance"
                    ? "SELECT id, kind, path, size, sha256 FROM provenance" : "SELECT * FROM \(table)"
                tables[table] = try db.makeStatement(sql).rows([]) { $0.description }
            }
            tables["schema"] = try db.makeStatement(
                "SELECT type || name || coalesce(sql, '') FROM sqlite_master ORDER BY name"
            ).values() as [String]
            return tables
        }
    }
}
