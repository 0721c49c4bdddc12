import Foundation
import Testing
@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

/// Microsoft's permission files for integration tests: `$GRAPHPERM_DATA`, else `../shared/graph-data` beside the
/// package.
enum SnapshotData {
    static let directory: String = {
        if let path = ProcessInfo.processInfo.environment["GRAPHPERM_DATA"], !path.isEmpty { return path }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/graph-data").path
    }()

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: directory + "/permissions.json")
    }

    static let skipMessage: Comment = """
        skipped: Microsoft's permission files are not at ../shared/graph-data \
        (set GRAPHPERM_DATA to their folder)
        """

    /// The snapshot loaded once into a temporary knowledge base.
    static let knowledgeBase: KnowledgeBase = {
        let path = NSTemporaryDirectory() + "graphperm-snapshot-\(ProcessInfo.processInfo.processIdentifier).sqlite"
        let facts = try! KnowledgeLoader.gather(paths: [directory], dataDirectory: Resources.dataDirectory)
        try! KnowledgeBaseWriter.write(facts, to: path)
        return try! KnowledgeBase.open(path: path)
    }()
}

/// A small deterministic random generator (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Makes a concrete request URL from a template, the way a user would call it.
enum ConcreteURL {
    static func make(from template: String, using random: inout SeededGenerator) -> String {
        var result = ""
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            if character == "{" {
                var end = template[index...].firstIndex(of: "}") ?? template.endIndex
                while end < template.endIndex, template.index(after: end) < template.endIndex,
                      template[template.index(after: end)] == "}" {
                    end = template.index(after: end)
                }
                let before = result
                result += value(after: before, using: &random)
                index = end < template.endIndex ? template.index(after: end) : end
                continue
            }
            result.append(character)
            index = template.index(after: index)
        }
        result = result.replacingOccurrences(of: "/.../", with: "/childFolders/f\(random.next() % 1000)/")
        result = result.replacingOccurrences(of: " ", with: "%20")
        let prefixes = ["", "https://graph.microsoft.com/v1.0", "https://graph.microsoft.com/beta", "/v1.0"]
        return prefixes[Int(random.next() % UInt64(prefixes.count))] + result
    }

    private static func value(after text: String, using random: inout SeededGenerator) -> String {
        let id = "id\(random.next() % 100_000)"
        if text.hasSuffix(":/") { return "Folder%20A/report-\(id).txt" }
        if text.hasSuffix("=") { return "'\(id)'" }
        if text.hasSuffix("'") { return id }
        return random.next() % 2 == 0 ? id : "\(id)-4c1f-9b2e"
    }
}
