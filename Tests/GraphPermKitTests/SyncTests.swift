import Foundation
import GraphPermQuery
import Testing
@testable import GraphPermKit
import GraphPermSync

/// `graphperm sync` against a real HTTP server on loopback serving the snapshot (no other host is reached).
@Suite(.serialized, .enabled(if: SnapshotData.isAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "needs ../shared/graph-data and python3"))
final class SyncTests {
    let folder = TemporaryFolder()
    let server = Process()
    var port = 0

    init() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Support/sync_server.py").path
        let portFile = folder.path + "/port"
        server.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        server.arguments = [script, portFile, SnapshotData.directory]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: portFile) { usleep(50_000) }
        port = Int(try String(contentsOfFile: portFile, encoding: .utf8)) ?? 0
    }

    deinit {
        server.terminate()
        folder.remove()
    }

    func sync(_ mode: String, db: String, timeout: String = "10") throws -> CommandRunner.Result {
        try CommandRunner.run(["sync", "--from", "http://127.0.0.1:\(port)/\(mode)/", "--db", db, "--timeout", timeout, "--format", "json"])
    }

    @Test func downloadsThenKnowsWhenNothingChanged() throws {
        let db = folder.path + "/kb.sqlite"
        let started = Date()
        let first = try sync("ok", db: db)
        let elapsed = Date().timeIntervalSince(started)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains(#"{"item":"files","value":"3"}"#))
        print("sync from loopback: \(String(format: "%.2f", elapsed)) s, \(first.stdout)")
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let again = try sync("ok", db: db)
        #expect(again.status == 0 && again.stderr.contains("already up to date"))
        #expect(again.stdout.contains(#"{"item":"bytes","value":"0"}"#))
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        let least = try CommandRunner.run(["least", "GET", "/me/messages", "--db", db, "--format", "json"])
        #expect(least.stdout.contains(#""least":["Mail.ReadBasic"]"#))
    }

    @Test func honoursRetryAfter() throws {
        let started = Date()
        let result = try sync("e429", db: folder.path + "/retry.sqlite")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) >= 1)
    }

    @Test(arguments: [("e404", Int32(74), "HTTP 404"), ("e500", 74, "HTTP 500"), ("truncated", 74, "the request failed"), ("invalid", 65, "not valid JSON"), ("slow", 74, "timed out")])
    func failuresLeaveTheKnowledgeBaseUntouched(mode: String, status: Int32, message: String) throws {
        let db = folder.path + "/kept-\(mode).sqlite"
        #expect(try CommandRunner.run(["load", TemporaryFolder.fixture("mini-permissions.json"), "--db", db]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let result = try sync(mode, db: db, timeout: "1")
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.contains(message) && result.stderr.contains("the knowledge base is unchanged"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    @Test func offlineIsAClearError() throws {
        let db = folder.path + "/offline.sqlite"
        let result = try CommandRunner.run(["sync", "--from", "http://127.0.0.1:9/", "--db", db, "--timeout", "2"])
        #expect(result.status == 74 && result.stderr.contains("the knowledge base is unchanged"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}

extension SyncTests {
    @Test func readsTheTenantsServicePrincipalWithTheToken() async throws {
        let db = folder.path + "/tenant.sqlite"
        var syncer = Syncer(source: "http://127.0.0.1:\(port)/ok/", databasePath: db, downloader: Downloader(timeout: 10))
        syncer.tenantToken = "test-token"
        syncer.tenantURL = "http://127.0.0.1:\(port)/e429/servicePrincipal.json"
        let report = try await syncer.run()
        #expect(report.files == 4 && !report.upToDate)
        let kb = try KnowledgeBase.open(path: db)
        let kinds = try kb.execute(PlannedQuery(sql: "SELECT kind FROM provenance ORDER BY id", arguments: [])).rows.map { $0[0] }
        #expect(kinds.contains("service-principal"))
    }
}
