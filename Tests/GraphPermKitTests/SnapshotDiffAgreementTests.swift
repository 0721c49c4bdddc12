import Foundation
import Testing

@testable import GraphPermCore
@testable import GraphPermKit
@testable import GraphPermStore

/// `graphperm diff --format json` against `Scripts/snapshot_diff.py` (Python, reading only the two JSON files)
/// on the real snapshots: 2025-10-29, 2026-06-02 (`../shared/graph-data-history`) and 2026-08-07
/// (`../shared/graph-data`). Every list of every kind must be the same, element for element.
@Suite(.serialized, .enabled(if: SnapshotHistory.isAvailable, SnapshotHistory.skipMessage))
struct SnapshotDiffAgreementTests {
    static let history = SnapshotHistory.folder
    static let script = SnapshotHistory.script
    static let python = SnapshotHistory.python

    static let snapshots = [
        "2025-10-29": history + "/permissions-2025-10-29.json",
        "2026-06-02": history + "/permissions-2026-06-02.json",
        "2026-08-07": SnapshotData.directory + "/permissions.json",
    ]

    /// Each snapshot in a folder of its own holding only its permissions document (a folder is what `load` takes).
    static func folder(_ name: String, in parent: TemporaryFolder) throws -> String {
        let path = parent.path + "/" + name
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: path + "/permissions.json", withDestinationPath: snapshots[name]!)
        return path
    }

    /// The lists of a diff document as lines of text, per kind and change, in the order printed.
    static func lists(_ json: String, kinds: [String]) throws -> [String: [String]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var lists: [String: [String]] = [:]
        for kind in kinds {
            let changes = try #require(object[kind] as? [String: Any], "no \(kind)")
            for (change, value) in changes {
                let items = try #require(value as? [Any])
                lists["\(kind).\(change)"] = items.map { item in
                    guard let record = item as? [String: Any] else { return "\(item)" }
                    return Self.fields.compactMap { key in
                        record[key].map { value in
                            if let list = value as? [String] { return list.joined(separator: ",") }
                            return value is NSNull ? "null" : "\(value)"
                        }
                    }.joined(separator: " | ")
                }
            }
        }
        return lists
    }

    /// The fields of a record compared, in this order (each kind has some of them).
    static let fields = [
        "permission", "method", "template", "scheme", "before", "after", "beforeForUser", "afterForUser",
        "sourceBefore", "sourceAfter", "direction",
    ]

    static let kinds = ["permissions", "ids", "operations", "grants", "least", "privilegeLevel", "tiers"]
    static let shippedTiers = DocumentationExamplesTests.root.appendingPathComponent("Data/tiers.json").path

    @Test(arguments: [("2025-10-29", "2026-06-02"), ("2026-06-02", "2026-08-07"), ("2025-10-29", "2026-08-07")])
    func diffAgreesWithTheScript(old: String, new: String) throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let oracle = try CommandRunner.execute(
            Self.python!,
            [
                Self.script, Self.snapshots[old]!, Self.snapshots[new]!, "--detail", "--old-tiers", Self.shippedTiers,
                "--new-tiers", Self.shippedTiers,
            ],
            environment: [:], directory: nil, stdin: "")
        #expect(oracle.status == 0, "\(oracle.stderr)")
        let ours = try CommandRunner.run(["diff", try Self.folder(old, in: folder), try Self.folder(new, in: folder)])
        #expect(ours.status == 0, "\(ours.stderr)")
        let expected = try Self.lists(oracle.stdout, kinds: Self.kinds)
        let found = try Self.lists(ours.stdout, kinds: Self.kinds)
        #expect(Set(found.keys) == Set(expected.keys))
        for key in expected.keys.sorted() {
            let want = expected[key] ?? []
            let got = found[key] ?? []
            let missing = want.filter { !Set(got).contains($0) }
            let extra = got.filter { !Set(want).contains($0) }
            let message =
                "\(old) → \(new) \(key): \(got.count) vs the script's \(want.count); "
                + "missing \(missing.prefix(5)), extra \(extra.prefix(5))"
            #expect(got == want, "\(message)")
        }
    }

    /// Knowledge bases built with different tier rules: the older snapshot with a variant of `Data/tiers.json`
    /// (rule content-read at Tier 2 instead of 1, rule read at Tier 1 instead of 2), the newer with the shipped
    /// rules. The tier changes must be those the script finds with its own reading of both rules files.
    @Test func tierChangesAgreeWithTheScriptAcrossTierRules() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let data = folder.path + "/old-data"
        try FileManager.default.copyItem(
            atPath: DocumentationExamplesTests.root.appendingPathComponent("Data").path, toPath: data)
        let variant = try String(contentsOfFile: Self.shippedTiers, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false
        ).map { line in
            if line.contains(#"{"id": "content-read","#) {
                return line.replacingOccurrences(of: #""tier": 1,"#, with: #""tier": 2,"#)
            }
            if line.contains(#"{"id": "read","#) {
                return line.replacingOccurrences(of: #""tier": 2,"#, with: #""tier": 1,"#)
            }
            return String(line)
        }.joined(separator: "\n")
        try FileManager.default.removeItem(atPath: data + "/tiers.json")
        try variant.write(toFile: data + "/tiers.json", atomically: true, encoding: .utf8)
        let oldFolder = try Self.folder("2026-06-02", in: folder)
        let old = KnowledgeBase(
            store: try KnowledgeStore.inMemory(
                inputs: [.path(oldFolder)], location: oldFolder,
                dataDirectory: ResourceFolder(directory: URL(fileURLWithPath: data))))
        let new = try DiffSide.open(try Self.folder("2026-08-07", in: folder)).kb
        let diff = try KnowledgeBase.diff(old: old, new: new)
        let oracle = try CommandRunner.execute(
            Self.python!,
            [
                Self.script, Self.snapshots["2026-06-02"]!, Self.snapshots["2026-08-07"]!, "--detail", "--old-tiers",
                data + "/tiers.json", "--new-tiers", Self.shippedTiers,
            ],
            environment: [:], directory: nil, stdin: "")
        #expect(oracle.status == 0, "\(oracle.stderr)")
        let expected = try Self.lists(oracle.stdout, kinds: ["tiers"])["tiers.changed"] ?? []
        let found = try Self.lists(diff.json(), kinds: ["tiers"])["tiers.changed"] ?? []
        #expect(!expected.isEmpty)
        #expect(found == expected, "\(found.count) tier changes vs the script's \(expected.count)")
        let raised = diff.tiersChanged?.filter { $0.direction == .raised }.count ?? 0
        #expect(raised > 0 && raised < expected.count, "both directions occur: \(raised) of \(expected.count) raised")
    }

    /// Two knowledge base files give the diff their folders give, and a knowledge base against itself is empty.
    @Test func knowledgeBaseFilesDiffAsTheirFolders() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let old = try Self.folder("2026-06-02", in: folder)
        let new = try Self.folder("2026-08-07", in: folder)
        for (source, db) in [(old, "old.sqlite"), (new, "new.sqlite")] {
            let load = try CommandRunner.run(["load", source, "--db", folder.path + "/" + db])
            #expect(load.status == 0, "\(load.stderr)")
        }
        let fromFiles = try CommandRunner.run(["diff", folder.path + "/old.sqlite", folder.path + "/new.sqlite"])
        let fromFolders = try CommandRunner.run(["diff", old, new])
        #expect(fromFiles.status == 0 && fromFolders.status == 0, "\(fromFiles.stderr)\(fromFolders.stderr)")
        #expect(fromFiles.stdout == fromFolders.stdout)
        let same = try CommandRunner.run(["diff", folder.path + "/new.sqlite", folder.path + "/new.sqlite"])
        #expect(same.stdout == PermissionDiff(old: DiffFacts(tiers: []), new: DiffFacts(tiers: [])).json())
    }
}

/// Microsoft's older permissions documents (`../shared/graph-data-history`, beside the snapshot folder) and the
/// script that counts what changed between two of them.
enum SnapshotHistory {
    static let folder = URL(fileURLWithPath: SnapshotData.directory).deletingLastPathComponent()
        .appendingPathComponent("graph-data-history").path
    static let script = DocumentationExamplesTests.root.appendingPathComponent("Scripts/snapshot_diff.py").path
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static var isAvailable: Bool {
        SnapshotData.isAvailable && python != nil
            && FileManager.default.fileExists(atPath: folder + "/permissions-2025-10-29.json")
    }

    static let skipMessage: Comment =
        "skipped: needs python3 and Microsoft's files in ../shared/graph-data and ../shared/graph-data-history"
}
