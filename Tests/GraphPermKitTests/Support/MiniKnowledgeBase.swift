import Foundation
import GraphPermKit

/// A knowledge base built through the public API from the hand-made fixtures `mini-permissions.json` (Mail and
/// User permissions with a `least=` marker and an `AlsoRequires` pair) and `mini-service-principal.json` (Mail.Read's
/// IDs), with the project's embedded data (Security API table, admin roles, tiers).
enum MiniKnowledgeBase {
    static let path = NSTemporaryDirectory() + "graphperm-mini-\(ProcessInfo.processInfo.processIdentifier).sqlite"

    static let shared: KnowledgeBase = {
        let files = ["mini-permissions.json", "mini-service-principal.json"].map(TemporaryFolder.fixture)
        try! KnowledgeBase.build(from: files, at: path)
        return try! KnowledgeBase.open(path: path)
    }()
}
