import Foundation
@testable import GraphPermStore

/// A knowledge base file built by the writer from the hand-made fixtures of GraphPermKitTests
/// (`mini-permissions.json`: Mail and User permissions; `mini-service-principal.json`: Mail.Read's IDs) and the
/// embedded `Data/`, opened read-only.
enum MiniStore {
    /// The fixtures folder of GraphPermKitTests, found from this file's place.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("GraphPermKitTests/Fixtures")

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// A new empty folder under the temporary directory.
    static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "graphperm-store-tests-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static let path = temporaryFolder() + "/mini.sqlite"

    static let shared: KnowledgeStore = {
        _ = try! KnowledgeBaseWriter.load(
            paths: [fixture("mini-permissions.json"), fixture("mini-service-principal.json")],
            dataDirectory: Resources.dataDirectory, to: path)
        return try! KnowledgeStore.open(path: path)
    }()
}
