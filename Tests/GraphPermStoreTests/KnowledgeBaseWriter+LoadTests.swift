import Foundation
import Testing
import GraphPermCore
import GraphPermJSON
@testable import GraphPermStore

/// Loading while writing: documents in memory or on disk give the same knowledge base; a failed read writes nothing.
struct KnowledgeBaseWriterLoadTests {
    static let mini = [MiniStore.fixture("mini-permissions.json"), MiniStore.fixture("mini-service-principal.json")]

    static func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    @Test func documentsInMemoryGiveTheSameKnowledgeBaseAsTheirFiles() throws {
        let folder = MiniStore.temporaryFolder()
        let documents = try Self.mini.map { path in
            LoadInput.document(location: "memory/" + (path as NSString).lastPathComponent, bytes: try Self.bytes(path))
        }
        let fromMemory = try KnowledgeBaseWriter.load(
            inputs: documents, dataDirectory: Resources.dataDirectory, to: folder + "/memory.sqlite")
        let fromFiles = try KnowledgeBaseWriter.load(
            paths: Self.mini, dataDirectory: Resources.dataDirectory, to: folder + "/files.sqlite")
        #expect(fromMemory.documentPermissions == fromFiles.documentPermissions)
        let memory = try KnowledgeStore.open(path: folder + "/memory.sqlite")
        let files = try KnowledgeStore.open(path: folder + "/files.sqlite")
        #expect(try memory.diffFacts() == files.diffFacts())
        #expect(try memory.tableCounts().map { "\($0.0)=\($0.1)" } == files.tableCounts().map { "\($0.0)=\($0.1)" })
        // Each store remembers where its documents came from.
        #expect(try memory.permissionsDocumentLocation() == "memory/mini-permissions.json")
        #expect(try files.permissionsDocumentLocation() == Self.mini[0])
    }

    @Test func theGrantsWrittenOnTheOtherThreadAreAllThere() throws {
        let path = MiniStore.temporaryFolder() + "/kb.sqlite"
        let facts = try KnowledgeBaseWriter.load(paths: Self.mini, dataDirectory: Resources.dataDirectory, to: path)
        let store = try KnowledgeStore.open(path: path)
        let grants = try store.diffFacts().grants
        #expect(grants.count == facts.grants.count && !grants.isEmpty)
        // Mail.ReadWrite grants GET, POST and DELETE on the mini document.
        let methods = Set(grants.filter { $0.permission == "Mail.ReadWrite" }.map(\.method))
        #expect(methods == ["GET", "POST", "DELETE"])
    }

    @Test func aBrokenDocumentInMemoryLeavesNoFileBehind() throws {
        let folder = MiniStore.temporaryFolder()
        let text = #"{"permissions": {"Mail.Read": 7}}"#
        let broken = LoadInput.document(location: "broken.json", bytes: Array(text.utf8))
        let good = LoadInput.path(Self.mini[0])
        do {
            _ = try KnowledgeBaseWriter.load(
                inputs: [good, broken], dataDirectory: Resources.dataDirectory, to: folder + "/kb.sqlite")
            Issue.record("a broken document was loaded")
        } catch {
            guard case .data(let file, _, _) = error else { Issue.record("got \(error)"); return }
            #expect(file == "broken.json")
        }
        // The writer had started on the good document's grants; its new file is gone with it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
    }

    @Test func aMissingInputIsRefusedAndNothingIsWritten() throws {
        let folder = MiniStore.temporaryFolder()
        #expect(throws: LoadError.self) {
            try KnowledgeBaseWriter.load(paths: [folder + "/absent.json"], dataDirectory: Resources.dataDirectory,
                                         to: folder + "/kb.sqlite")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
    }

    /// The writer fails at once while the files are still being read: its error is the one reported.
    @Test func aTargetInAMissingFolderReportsTheWritersError() throws {
        let folder = MiniStore.temporaryFolder() + "/absent"
        #expect(throws: LoadError.io(file: folder + "/kb.sqlite", message: "the folder \(folder) does not exist")) {
            try KnowledgeBaseWriter.load(paths: Self.mini, dataDirectory: Resources.dataDirectory,
                                         to: folder + "/kb.sqlite")
        }
        #expect(!FileManager.default.fileExists(atPath: folder))
    }
}
