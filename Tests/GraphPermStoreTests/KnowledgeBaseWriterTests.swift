import Foundation
import Testing
import GraphPermCore
import GraphPermJSON
@testable import GraphPermStore

/// Writing a knowledge base: a new file renamed over the old one, refusals that leave the old file untouched.
struct KnowledgeBaseWriterTests {
    static let mini = [MiniStore.fixture("mini-permissions.json"), MiniStore.fixture("mini-service-principal.json")]

    @Test func aLoadWritesAFileThatOpensAndLeavesNoTemporary() throws {
        let folder = MiniStore.temporaryFolder()
        let path = folder + "/kb.sqlite"
        let facts = try KnowledgeBaseWriter.load(paths: Self.mini, dataDirectory: Resources.dataDirectory, to: path)
        #expect(facts.documentPermissions == ["Mail.Read", "Mail.ReadWrite", "User.EnableDisableAccount.All",
                                              "User.Read.All", "User.ReadWrite.All"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["kb.sqlite"])
        #expect(try KnowledgeStore.open(path: path).permissionExists("User.Read.All", scheme: .application))
    }

    @Test func writeGivesTheSameTablesAsLoad() throws {
        let folder = MiniStore.temporaryFolder()
        let facts = try KnowledgeLoader.gather(paths: Self.mini, dataDirectory: Resources.dataDirectory)
        try KnowledgeBaseWriter.write(facts, to: folder + "/written.sqlite")
        _ = try KnowledgeBaseWriter.load(paths: Self.mini, dataDirectory: Resources.dataDirectory,
                                         to: folder + "/loaded.sqlite")
        let written = try KnowledgeStore.open(path: folder + "/written.sqlite")
        let loaded = try KnowledgeStore.open(path: folder + "/loaded.sqlite")
        #expect(try written.tableCounts().map { "\($0.0)=\($0.1)" } == loaded.tableCounts().map { "\($0.0)=\($0.1)" })
        #expect(try written.diffFacts() == loaded.diffFacts())
        let memory = KnowledgeStore(connection: try KnowledgeBaseWriter.inMemory(facts), location: "memory")
        #expect(try memory.diffFacts() == written.diffFacts())
    }

    @Test func aMissingFolderIsAnIOErrorNamingIt() {
        let folder = MiniStore.temporaryFolder() + "/absent"
        #expect(throws: LoadError.io(file: folder + "/kb.sqlite", message: "the folder \(folder) does not exist")) {
            try KnowledgeBaseWriter.write(KnowledgeFacts(), to: folder + "/kb.sqlite")
        }
    }

    @Test func aFileThatIsNotAKnowledgeBaseIsLeftUntouched() throws {
        let path = MiniStore.temporaryFolder() + "/notes.txt"
        try "my notes".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: LoadError.data(
            file: path, place: "--db",
            message: "expected a graphperm knowledge base to replace (or a new file), found a file that is not a "
                + "SQLite database; it was left untouched: name another file with --db")) {
            try KnowledgeBaseWriter.load(paths: Self.mini, dataDirectory: Resources.dataDirectory, to: path)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "my notes")
    }

    @Test func aFolderAsTargetIsRefused() {
        let folder = MiniStore.temporaryFolder()
        #expect(throws: LoadError.data(
            file: folder, place: "--db",
            message: "expected a graphperm knowledge base to replace (or a new file), found a folder; it was left "
                + "untouched: name another file with --db")) {
            try KnowledgeBaseWriter.write(KnowledgeFacts(), to: folder)
        }
    }

    @Test func anInputAsTargetIsRefused() throws {
        let folder = MiniStore.temporaryFolder()
        let input = folder + "/permissions.json"
        try FileManager.default.copyItem(atPath: Self.mini[0], toPath: input)
        #expect(throws: LoadError.data(
            file: input, place: "--db",
            message: "expected a knowledge base file that is not one of the files to load, found \(input) among the "
                + "inputs; name another file with --db")) {
            try KnowledgeBaseWriter.load(paths: [input], dataDirectory: Resources.dataDirectory, to: input)
        }
    }

    @Test func aFailedLoadKeepsTheOldKnowledgeBase() throws {
        let folder = MiniStore.temporaryFolder()
        let path = folder + "/kb.sqlite"
        _ = try KnowledgeBaseWriter.load(paths: Self.mini, dataDirectory: Resources.dataDirectory, to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let broken = folder + "/broken.json"
        try #"{"permissions": {"Mail.Read": 7}}"#.write(toFile: broken, atomically: true, encoding: .utf8)
        do {
            _ = try KnowledgeBaseWriter.load(paths: [broken], dataDirectory: Resources.dataDirectory, to: path)
            Issue.record("a broken document was loaded")
        } catch {
            guard case .data(let file, _, _) = error else { Issue.record("got \(error)"); return }
            #expect(file.hasSuffix("broken.json"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["broken.json", "kb.sqlite"])
    }

    @Test func aWriteThatFailsMidwayRemovesItsNewFile() throws {
        let folder = MiniStore.temporaryFolder()
        let path = folder + "/kb.sqlite"
        do {
            try KnowledgeBaseWriter.writeFile(path) { db in
                try db.execute("CREATE TABLE t (x); INSERT INTO nowhere VALUES (1)")
            }
            Issue.record("a failing fill was written")
        } catch {
            #expect(error == .io(
                file: path, message: "the new knowledge base could not be written (no such table: nowhere)"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
    }
}
