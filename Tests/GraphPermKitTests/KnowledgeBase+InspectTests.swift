import Testing
import GraphPermKit

/// Counts and provenance of the mini knowledge base.
@Suite struct KnowledgeBaseInspectTests {
    @Test func theFilesLoadedAreRecordedWithTheirDigests() throws {
        let statistics = try MiniKnowledgeBase.shared.statistics()
        let documents = statistics.files.filter { !$0.path.hasPrefix("embedded:") }
        #expect(documents.map(\.kind).sorted() == ["permissions-document", "service-principal"])
        #expect(documents.contains { $0.path.hasSuffix("/mini-permissions.json") })
        #expect(documents.allSatisfy { $0.sha256.count == 64 && $0.sha256.allSatisfy(\.isHexDigit) && $0.size > 0 })
        #expect(statistics.counts.allSatisfy { $0.1 >= 0 } && !statistics.counts.isEmpty)
    }

    @Test func theTableHasARowPerCountThenPerFile() throws {
        let statistics = try MiniKnowledgeBase.shared.statistics()
        let table = try #require(statistics.tableForm)
        #expect(table.columns == ["item", "value"])
        #expect(table.rows.count == statistics.counts.count + statistics.files.count)
        let file = try #require(statistics.files.first)
        #expect(table.rows[statistics.counts.count] == [
            "file: \(file.kind)",
            "\(file.path) (\(file.size) bytes, sha256 \(file.sha256.prefix(12))…, \(file.loadedAt))",
        ])
        #expect(statistics.json.hasPrefix(#"{"counts":{"#) && statistics.json.contains(#"},"files":[{"kind":"#))
    }
}
