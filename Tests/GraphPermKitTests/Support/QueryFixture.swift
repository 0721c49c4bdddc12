import Foundation
@testable import GraphPermKit
@testable import GraphPermCLI
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

/// A small knowledge base for query-language tests: hand-made permissions, scope lists and the embedded data.
enum QueryFixture {
    static let knowledgeBase: KnowledgeBase = {
        let path = NSTemporaryDirectory() + "graphperm-query-\(ProcessInfo.processInfo.processIdentifier).sqlite"
        let files = ["diagnose-permissions.json", "mini-service-principal.json", "query-descriptions.json"]
            .map(TemporaryFolder.fixture)
        let facts = try! KnowledgeLoader.gather(paths: files, dataDirectory: Resources.dataDirectory)
        try! KnowledgeBaseWriter.write(facts, to: path)
        return try! KnowledgeBase.open(path: path)
    }()

    /// The golden-file folder beside the tests (`RECORD_GOLDEN=1` rewrites golden files).
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Golden")
    static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    /// Runs a script and joins its outputs and errors the way `graphperm query` prints them.
    static func output(of script: String, format: OutputFormat = .table) -> String {
        ScriptRunner(kb: knowledgeBase, format: format).run(script: script).map { outcome in
            switch outcome {
            case .output(let text): text
            case .failure(let message, let status): "error (exit \(status)): \(message)\n"
            }
        }.joined()
    }
}
