import Foundation
import GraphPermSync
import Testing

@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

/// `graphperm sync` against a loopback server (`SyncServer`) serving the snapshot: no other host is reached.
@Suite(
    .serialized,
    .enabled(if: SnapshotData.isAvailable && SyncServer.isAvailable, "needs ../shared/graph-data and python3"))
final class SyncTests {
    let server: SyncServer
    var folder: String { server.folder.path }

    init() throws { server = try SyncServer() }

    func sync(_ mode: String, db: String, timeout: String = "10", _ extra: [String] = []) throws -> CommandRunner.Result
    {
        try CommandRunner.run(
            ["sync", "--from", server.url(mode), "--db", db, "--timeout", timeout, "--format", "json"] + extra)
    }

    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// A knowledge base with something in it, to check that failures keep it byte for byte.
    func keptDatabase(_ name: String) throws -> (path: String, before: Data) {
        let db = folder + "/\(name).sqlite"
        #expect(
            try CommandRunner.run(["load", TemporaryFolder.fixture("mini-permissions.json"), "--db", db]).status == 0)
        return (db, try #require(bytes(db)))
    }

    func leftovers() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasPrefix(".graphperm-sync-") || $0.hasSuffix(".tmp")
        }
    }

    @Test func compressedAnswersThenAlreadyUpToDateByETag() throws {
        let db = folder + "/kb.sqlite"
        let started = Date()
        let first = try sync("gzip", db: db)
        print(
            "sync of the snapshot, gzip-compressed, from loopback: "
                + "\(String(format: "%.2f", Date().timeIntervalSince(started))) s"
        )
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains(#"{"item":"files","value":"3"}"#))
        #expect(
            first.stdout.contains(#"{"item":"bytes","value":"4482769"}"#), "the decompressed sizes: \(first.stdout)")
        #expect(!first.stderr.contains(".graphperm-sync-"), "a staging path in: \(first.stderr)")
        let version = try CommandRunner.run(["--version"]).stdout.split(separator: " ").first.map(String.init) ?? ""
        let compressed = server.requests.filter { $0.ae.contains("gzip") }
        #expect(
            compressed.count == 3 && compressed.allSatisfy { $0.ua == "graphperm/" + version }, "\(server.requests)")
        let before = try #require(bytes(db))
        let again = try sync("gzip", db: db)
        #expect(again.status == 0 && again.stderr.contains("already up to date"), "\(again.stderr)")
        #expect(again.stdout.contains(#"{"item":"bytes","value":"0"}"#))
        #expect(bytes(db) == before)
        let least = try CommandRunner.run(["least", "GET", "/me/messages", "--db", db, "--format", "json"])
        #expect(least.stdout.contains(#""least":["Mail.ReadBasic"]"#))
        #expect(leftovers().isEmpty)
    }

    @Test func plainStaticServerIsUpToDateByLastModified() throws {
        let db = folder + "/static.sqlite"
        #expect(try sync("static", db: db).status == 0)
        let again = try sync("static", db: db)
        #expect(again.status == 0 && again.stderr.contains("already up to date"), "\(again.stderr)")
        #expect(server.requests.suffix(3).allSatisfy { $0.path.hasPrefix("/static/") })
    }

    @Test(arguments: [
        ("e404", Int32(74), "e404/permissions/new/permissions.json: HTTP 404"),
        ("e500", 74, "HTTP 500"),
        ("truncated", 74, "the request failed"),
        ("invalid", 65, "not valid JSON"),
        ("slow", 74, "timed out after 1 s"),
        ("empty", 65, "expected a permissions document with permissions and paths, found 0 permissions, 0 paths"),
        ("huge", 74, "declares more than the limit of 67108864 bytes"),
        ("big", 74, "larger than the limit of 67108864 bytes"),
        ("bomb", 74, "larger than the limit of 67108864 bytes (counted after decompression)"),
        ("to-https", 74, "refused to follow a redirect to another scheme (https): https://127.0.0.1:"),
    ])
    func failuresLeaveTheKnowledgeBaseUntouched(mode: String, status: Int32, message: String) throws {
        let (db, before) = try keptDatabase("kept-\(mode)")
        let started = Date()
        let result = try sync(mode, db: db, timeout: mode == "big" || mode == "bomb" ? "10" : "1")
        let elapsed = Date().timeIntervalSince(started)
        print("sync from /\(mode)/: exit \(result.status) in \(String(format: "%.2f", elapsed)) s")
        #expect(result.status == status, "\(result.stderr)")
        #expect(
            result.stderr.contains(message) && result.stderr.contains("the knowledge base is unchanged"),
            "\(result.stderr)")
        #expect(result.stderr.contains(server.url(mode)), "the error names the URL: \(result.stderr)")
        #expect(
            !result.stderr.contains(".graphperm-sync-")
                && !result.stderr.contains(NSTemporaryDirectory() + "graphperm-sync"))
        #expect(bytes(db) == before)
        #expect(elapsed < 5, "a bounded failure")
        #expect(leftovers().isEmpty, "\(leftovers())")
    }

    @Test func aTrickleFailsAfterTheWholeRequestTimeout() throws {
        let (db, before) = try keptDatabase("trickle")
        let started = Date()
        let result = try sync("trickle", db: db, timeout: "2")
        let elapsed = Date().timeIntervalSince(started)
        print("trickle refused after \(String(format: "%.2f", elapsed)) s with --timeout 2")
        #expect(
            result.status == 74 && result.stderr.contains("timed out after 2 s (the limit for the whole request)"),
            "\(result.stderr)")
        #expect(elapsed >= 1.9 && elapsed < 4)
        #expect(bytes(db) == before)
    }

    @Test func allThreeFilesEmptyIsRefusedByteForByte() throws {
        let db = folder + "/full.sqlite"
        try FileManager.default.copyItem(atPath: SnapshotData.knowledgeBase.location, toPath: db)
        let before = try #require(bytes(db))
        let result = try sync("empty", db: db, ["--force"])
        #expect(result.status == 65 && result.stderr.contains("found 0 permissions, 0 paths"), "\(result.stderr)")
        #expect(bytes(db) == before)
    }

    @Test func aDropOfMostPermissionsNeedsForce() throws {
        let db = folder + "/full.sqlite"
        try FileManager.default.copyItem(atPath: SnapshotData.knowledgeBase.location, toPath: db)
        let before = try #require(bytes(db))
        let refused = try sync("shrunk", db: db)
        #expect(refused.status == 65 && refused.stderr.contains("refusing to lose more than half"), "\(refused.stderr)")
        #expect(refused.stderr.contains("use --force"))
        #expect(bytes(db) == before)
        let forced = try sync("shrunk", db: db, ["--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(bytes(db) != before)
        #expect(leftovers().isEmpty)
    }

    @Test func aFolderIsUpToDateByContentHash() throws {
        let db = folder + "/folder.sqlite"
        let first = try CommandRunner.run(["sync", "--from", SnapshotData.directory, "--db", db, "--format", "json"])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try #require(bytes(db))
        let again = try CommandRunner.run(["sync", "--from", SnapshotData.directory, "--db", db, "--format", "json"])
        #expect(again.status == 0 && again.stderr.contains("already up to date"), "\(again.stderr)")
        #expect(again.stdout.contains(#"{"item":"bytes","value":"4482769"}"#), "the bytes it read: \(again.stdout)")
        #expect(bytes(db) == before)
        let missing = try CommandRunner.run(["sync", "--from", folder, "--db", db])
        #expect(
            missing.status == 74 && missing.stderr.contains(folder + "/permissions.json: no such file"),
            "\(missing.stderr)")
    }

    @Test func sigtermRemovesTheStagingFolder() throws {
        let (db, before) = try keptDatabase("signal")
        let helper = URL(fileURLWithPath: CommandRunner.binary).deletingLastPathComponent().appendingPathComponent(
            "graphperm-sync")
        let process = Process()
        process.executableURL = helper
        process.arguments = ["--from", server.url("trickle"), "--db", db, "--timeout", "30"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 where leftovers().isEmpty { usleep(20_000) }
        #expect(!leftovers().isEmpty, "the staging folder while downloading")
        usleep(300_000)
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 143)
        #expect(leftovers().isEmpty, "\(leftovers())")
        #expect(bytes(db) == before)
    }

    @Test func usageErrors() throws {
        let host = try CommandRunner.run(["sync", "--tenant", "--token-file", "t.txt", "--graph-host", "evil.example"])
        #expect(host.status == 64 && host.stderr.contains("graph.microsoft.us"), "\(host.stderr)")
        let from = try CommandRunner.run(["sync", "--from", "ftp://example.org/"])
        #expect(
            from.status == 64 && from.stderr.contains("expected an http(s) URL or an existing folder"), "\(from.stderr)"
        )
    }
}
