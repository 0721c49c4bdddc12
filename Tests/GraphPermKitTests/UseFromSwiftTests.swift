import Foundation
import Testing
@testable import GraphPermKit

/// The README's "Use it from Swift" program, compiled here: the test fails when the README's copy differs from it or
/// when it stops answering Mail.ReadBasic for GET /me/messages.
struct UseFromSwiftTests {
    // README:begin
    static func program(databasePath: String, print: (String) -> Void) throws {
        try KnowledgeBase.buildFromSnapshot(at: databasePath)  // or KnowledgeBase.build(from: ["graph-data"], at: ...)
        let kb = try KnowledgeBase.open(path: databasePath)
        let answer = try kb.least(method: "GET", target: "https://graph.microsoft.com/v1.0/me/messages")
        for (scheme, entry) in answer.schemes {
            guard let entry else { print("\(scheme.rawValue): not supported"); continue }
            print("\(scheme.rawValue): \(entry.recommended ?? "-") (least: \(entry.least.joined(separator: ", ")))")
        }
    }
    // README:end

    @Test func theProgramAnswersFromTheCompiledInSnapshot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "use-from-swift-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines: [String] = []
        try Self.program(databasePath: folder.appendingPathComponent("kb.sqlite").path) { lines.append($0) }
        #expect(lines == [
            "DelegatedWork: Mail.ReadBasic (least: Mail.ReadBasic)",
            "DelegatedPersonal: Mail.ReadBasic (least: Mail.ReadBasic)",
            "Application: not supported",
        ])
    }

    @Test func theReadmeShowsThisProgram() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = source.range(of: "    // README:begin\n")!.upperBound
        let end = source.range(of: "    // README:end\n")!.lowerBound
        let body = source[begin..<end].split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : String($0) }.joined(separator: "\n")
        #expect(readme.contains(body), "README's 'Use it from Swift' block differs from UseFromSwiftTests.program")
    }
}
