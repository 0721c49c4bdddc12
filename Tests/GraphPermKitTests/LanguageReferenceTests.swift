import Foundation
import Testing
@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

/// The language reference's examples stay true: each ```gpq block is run and its ```text block compared.
struct LanguageReferenceTests {
    static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/query-language.md")

    @Test func everyExampleShowsItsRealOutput() throws {
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        var index = 0
        var examples = 0
        while index < lines.count {
            guard lines[index] == "```gpq" else { index += 1; continue }
            let end = lines[(index + 1)...].firstIndex(of: "```")!
            let statement = lines[(index + 1)..<end].joined(separator: "\n")
            guard let outputStart = lines[(end + 1)...].firstIndex(of: "```text"),
                  let outputEnd = lines[(outputStart + 1)...].firstIndex(of: "```") else {
                Issue.record("no ```text block after \(statement)")
                return
            }
            let expected = lines[(outputStart + 1)..<outputEnd].joined(separator: "\n")
            // The output ends in exactly one new line, which the document's block cannot show; nothing else is trimmed.
            let output = QueryFixture.output(of: statement)
            #expect(output.hasSuffix("\n") && !output.hasSuffix("\n\n"), "example: \(statement)")
            let actual = output.hasSuffix("\n") ? String(output.dropLast()) : output
            examples += 1
            if QueryFixture.isRecording {
                lines.replaceSubrange((outputStart + 1)..<outputEnd, with: actual.components(separatedBy: "\n"))
                index = outputStart + 1
                continue
            }
            #expect(actual == expected, "example: \(statement)")
            index = outputEnd + 1
        }
        if QueryFixture.isRecording {
            try lines.joined(separator: "\n").write(to: Self.document, atomically: true, encoding: .utf8)
        }
        #expect(examples >= 14)
    }
}
