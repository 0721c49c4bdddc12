import Foundation
import Testing

@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

/// The snapshot of Microsoft's permission facts compiled in (`Generated/EmbeddedSnapshot.swift`,
/// `Data/snapshot/SOURCE.json`).
@Suite(.serialized)
struct SnapshotTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `Data/snapshot/SOURCE.json` names the commit and date compiled in, and each file's size.
    @Test func sourceRecordNamesTheCompiledInSnapshot() throws {
        let folder = Self.packageRoot.appendingPathComponent("Data/snapshot")
        let source =
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("SOURCE.json")))
            as? [String: Any]
        #expect(source?["commit"] as? String == Snapshot.commit)
        #expect(source?["date"] as? String == Snapshot.date)
    }

    /// The reduced documents hold no descriptions or display names.
    @Test func holdsFactsOnly() throws {
        let documents = try Snapshot.documents()
        #expect(documents.count == 3)
        for case .document(let location, let bytes) in documents {
            #expect(location.hasPrefix(Snapshot.locationPrefix))
            let text = String(decoding: bytes, as: UTF8.self)
            for word in ["Description", "DisplayName", "ownerInfo"] {
                #expect(!text.contains(word), "\(location) holds \(word)")
            }
        }
    }

    @Test(arguments: [
        ("2026-08-07", 0.0, -20_672), ("1970-01-01", 0.0, 0), ("2026-08-07", 1_795_996_800.0, 115),
        ("2024-02-29", 1_709_251_199.0, 0),
    ])
    func ageInDays(date: String, now: Double, days: Int) {
        #expect(Snapshot.age(of: date, now: Date(timeIntervalSince1970: now)) == days)
    }

    @Test func ageOfSomethingElseIsNil() {
        #expect(Snapshot.age(of: "unknown") == nil)
        #expect(Snapshot.origin(ofLocation: "/work/shared/graph-data/permissions.json") == nil)
        #expect(
            Snapshot.origin(ofLocation: "embedded:snapshot/2026-08-07/6cbd6bbd665a/permissions.json")! == (
                "2026-08-07", "6cbd6bbd665a"
            ))
    }

    /// A fresh HOME and no `GRAPHPERM_DB`: the first command builds the knowledge base from the snapshot, says so
    /// once on stderr, and answers for all of Microsoft Graph; the next command uses the file.
    @Test func firstUseBuildsTheKnowledgeBaseFromTheSnapshot() throws {
        let home = TemporaryFolder()
        defer { home.remove() }
        let file = home.path + "/.local/share/graphperm/graphperm.sqlite"
        let first = try CommandRunner.run(
            ["least", "GET", "/me/messages", "--scheme", "delegated-work", "--format", "csv"],
            environment: ["HOME": home.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(
            first.stdout
                == """
                    Permission type,Least privileged permissions,Higher privileged permissions,Tier\r\nDelegated \
                    (work or school account),Mail.ReadBasic,\"Mail.ReadWrite, Mail.Read\",T1\r\n
                    """
        )
        #expect(
            first.stderr.contains("first use: built the knowledge base at \(file) from the snapshot"), "\(first.stderr)"
        )
        #expect(FileManager.default.fileExists(atPath: file))
        let again = try CommandRunner.run(
            ["least", "GET", "/me/messages", "--format", "json"], environment: ["HOME": home.path])
        #expect(again.status == 0 && again.stdout.contains(#""least":["Mail.ReadBasic"]"#))
        #expect(!again.stderr.contains("first use"))
        let stale = (Snapshot.age(of: Snapshot.date) ?? 0) > 30
        #expect(again.stderr.contains("`graphperm sync` brings it up to date") == stale, "\(again.stderr)")
        let stats = try CommandRunner.run(["stats", "--format", "json"], environment: ["HOME": home.path])
        #expect(stats.stdout.contains(Snapshot.locationPrefix + "permissions.json"))
        #expect(stats.stderr.contains("data of \(Snapshot.date) (\(Snapshot.commit.prefix(12))"), "\(stats.stderr)")
        // --db and GRAPHPERM_DB name a file: nothing is built for them.
        let named = try CommandRunner.run(
            ["least", "GET", "/me/messages", "--db", home.path + "/other.sqlite"], environment: ["HOME": home.path])
        #expect(named.status != 0 && !FileManager.default.fileExists(atPath: home.path + "/other.sqlite"))
    }

    @Test func gzipErrorsNameTheFile() {
        #expect(throws: LoadError.self) { try Gzip.decompress(Array("not gzip at all, not at all".utf8), file: "x.gz") }
    }
}

/// The snapshot against Microsoft's own files in `../shared/graph-data`.
@Suite(.serialized, .enabled(if: SnapshotData.isAvailable, SnapshotData.skipMessage))
struct SnapshotAgainstMicrosoftFilesTests {
    /// The embedded snapshot, loaded through the same loader as Microsoft's files.
    static let snapshotKnowledgeBase: KnowledgeBase = {
        let path =
            NSTemporaryDirectory() + "graphperm-embedded-snapshot-\(ProcessInfo.processInfo.processIdentifier).sqlite"
        _ = try! KnowledgeBaseWriter.load(
            inputs: Snapshot.documents(), dataDirectory: Resources.dataDirectory, to: path)
        return try! KnowledgeBase.open(path: path)
    }()

    /// Every (template, method) that Microsoft's files document gets the same `least` answer, every scheme's least,
    /// higher, recommended and why, from the embedded snapshot as from a load of Microsoft's files: each resource
    /// (templates one but for letter case and parameter names) answered from its claims, and every 16th template
    /// also as a user asks, through the matcher (all of them take minutes in a debug build).
    @Test func answersEveryTemplateMethodAndSchemeAsMicrosoftsFiles() throws {
        let full = SnapshotData.knowledgeBase
        let embedded = Self.snapshotKnowledgeBase
        let resources: (KnowledgeBase) throws -> [Resource] = { kb in
            let sql = """
                SELECT t.match_key, g.method, t.id, t.template FROM grants g JOIN path_template t ON t.id = \
                g.template_id
                GROUP BY t.id, g.method ORDER BY t.match_key, g.method, t.id
                """
            let rows = try kb.store.read(sql) { db, sql in
                try db.makeStatement(sql).rows([]) { ($0[0] as String, $0[1] as String, $0[2] as Int, $0[3] as String) }
            }
            var resources: [Resource] = []
            for (key, method, id, template) in rows {
                if let last = resources.last, last.key == key, last.method == method {
                    resources[resources.count - 1].ids.append(id)
                    resources[resources.count - 1].templates.append(template)
                } else {
                    resources.append(Resource(key: key, method: method, ids: [id], templates: [template]))
                }
            }
            return resources
        }
        let expectedResources = try resources(full)
        try #require(try resources(embedded) == expectedResources)
        #expect(expectedResources.reduce(0) { $0 + $1.templates.count } == 11_215)
        try full.preloadGrants()
        try embedded.preloadGrants()
        var differences: [String] = []
        var schemes = 0
        for resource in expectedResources {
            let answer: (KnowledgeBase) throws -> LeastAnswer = { kb in
                try kb.answer(
                    method: resource.method, url: resource.templates[0], templateIDs: resource.ids,
                    templates: resource.templates, only: nil)
            }
            let expected = try answer(full)
            schemes += expected.schemes.filter { $0.answer != nil }.count
            if try answer(embedded) != expected { differences.append("\(resource.method) \(resource.templates[0])") }
        }
        for resource in expectedResources.enumerated().filter({ $0.offset % 16 == 0 }).map(\.element) {
            let template = resource.templates[0]
            if try full.least(method: resource.method, target: template)
                != embedded.least(method: resource.method, target: template)
            {
                differences.append("\(resource.method) \(template) (asked)")
            }
        }
        #expect(differences.isEmpty, "\(differences.count) answers differ, e.g. \(differences.prefix(5))")
        #expect(schemes >= expectedResources.count)
    }

    struct Resource: Equatable {
        let key: String, method: String
        var ids: [Int], templates: [String]
    }

    /// Microsoft's three files that `graphperm sync` downloads and the snapshot reduces (`../shared/graph-data` also
    /// holds a service principal derived from them, which `sync` does not fetch).
    static let syncedKnowledgeBase: KnowledgeBase = {
        let path = NSTemporaryDirectory() + "graphperm-synced-files-\(ProcessInfo.processInfo.processIdentifier).sqlite"
        let files = ["permissions.json", "provisioningInfo.json", "permissions-descriptions.json"].map {
            SnapshotData.directory + "/" + $0
        }
        _ = try! KnowledgeBaseWriter.load(paths: files, dataDirectory: Resources.dataDirectory, to: path)
        return try! KnowledgeBase.open(path: path)
    }()

    /// The facts the snapshot keeps are the facts of the files `sync` downloads, table by table.
    @Test func keepsEveryGrantAndPermissionFact() throws {
        let queries = [
            """
            SELECT permission, scheme, method, template, is_least, also_requires FROM grant_detail ORDER BY 1, 2, 3, 4
            """,
            """
            SELECT p.name, s.name, ps.guid, ps.requires_admin_consent, ps.privilege_level, ps.is_enabled, \
            ps.is_hidden, ps.environment, ps.resource_app_id FROM permission_scheme ps JOIN permission p ON p.id = \
            ps.permission_id JOIN scheme s ON s.id = ps.scheme_id ORDER BY 1, 2
            """,
        ]
        for sql in queries {
            let rows: (KnowledgeBase) throws -> [String] = { kb in
                try kb.store.read(sql) { db, sql in try db.makeStatement(sql).rows([]) { $0.description } }
            }
            let expected = try rows(Self.syncedKnowledgeBase)
            let found = try rows(Self.snapshotKnowledgeBase)
            #expect(expected.count == found.count, "\(sql)")
            #expect(
                expected == found,
                "\(sql): first difference \(Self.firstDifference(expected, found))"
            )
        }
    }

    /// The first pair of rows that differ, for a failure message.
    static func firstDifference(_ expected: [String], _ found: [String]) -> String {
        zip(expected, found).first { $0 != $1 }.map { "\($0) ≠ \($1)" } ?? "in the count"
    }

    /// The same warnings, but the one about provisioning entries of other apps, which the snapshot leaves out.
    @Test func warnsAsMicrosoftsFiles() throws {
        let warnings: (KnowledgeBase) throws -> [String] = { kb in
            try kb.store.read("SELECT message FROM load_warning ORDER BY id") { db, sql in
                (try db.makeStatement(sql).values() as [String]).map {
                    $0.replacingOccurrences(of: #"^.*/([A-Za-z-]+\.json)"#, with: "$1", options: .regularExpression)
                }
            }
        }
        let expected = try warnings(Self.syncedKnowledgeBase).filter { !$0.contains("named like _0.AA") }
        #expect(try warnings(Self.snapshotKnowledgeBase) == expected)
    }

    /// `Scripts/update-snapshot.sh` run on `../shared/graph-data` makes exactly the committed snapshot.
    @Test func committedSnapshotIsWhatTheScriptMakes() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let process = Process()
        process.executableURL = SnapshotTests.packageRoot.appendingPathComponent("Scripts/update-snapshot.sh")
        process.arguments = [SnapshotData.directory, Snapshot.commit, Snapshot.date, "--out", folder.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "Scripts/update-snapshot.sh failed")
        let committed = SnapshotTests.packageRoot
        for (made, kept) in [
            ("snapshot/SOURCE.json", "Data/snapshot/SOURCE.json"),
            ("EmbeddedSnapshot.swift", "Sources/GraphPermStore/Generated/EmbeddedSnapshot.swift"),
        ] {
            let a = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/" + made))
            let b = try Data(contentsOf: committed.appendingPathComponent(kept))
            #expect(a == b, "\(kept) is stale: run Scripts/update-snapshot.sh \(SnapshotData.directory)")
        }
    }
}
