import Foundation
@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

/// A JSON Lines file of `Fixtures/`: one object per line (a line that is not an object is kept as an empty one,
/// so a test counting its cases sees it).
enum JSONLinesFixture {
    static func objects(_ name: String) -> [JSONObject] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/" + name)
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map { line in
            if case .object(let object)? = try? JSONParser.parse(Array(line.utf8)) { return object }
            return JSONObject([])
        }
    }
}
