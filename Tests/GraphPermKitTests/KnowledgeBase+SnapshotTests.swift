import Foundation
import Testing
@testable import GraphPermKit
@testable import GraphPermStore

/// Which embedded snapshot a knowledge base was built from: its date and commit, or nil for one built from files.
struct KnowledgeBaseSnapshotTests {
    @Test func aKnowledgeBaseBuiltFromTheSnapshotNamesItsDateAndCommit() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try KnowledgeBase.buildFromSnapshot(at: folder.path + "/kb.sqlite")
        let origin = try #require(try KnowledgeBase.open(path: folder.path + "/kb.sqlite").snapshotOrigin())
        #expect(origin.date == Snapshot.date && origin.commit == String(Snapshot.commit.prefix(12)))
        #expect(origin.date.count == 10 && origin.date.split(separator: "-").count == 3)
    }

    @Test func aKnowledgeBaseBuiltFromFilesHasNoSnapshot() throws {
        #expect(try MiniKnowledgeBase.shared.snapshotOrigin() == nil)
    }

    @Test func aKnowledgeBaseWithoutAPermissionsDocumentHasNoSnapshot() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try KnowledgeBase.build(from: [TemporaryFolder.fixture("mini-service-principal.json")],
                                at: folder.path + "/kb.sqlite")
        #expect(try KnowledgeBase.open(path: folder.path + "/kb.sqlite").snapshotOrigin() == nil)
    }
}
