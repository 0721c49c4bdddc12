import Foundation
import Testing
@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

/// What a load may write over, and the temporary files of killed loads.
struct KnowledgeBaseTargetTests {
    static let document = #"{"permissions": {"Thing.Read": {"schemes": {"Application": {}}, "#
        + #""pathSets": [{"schemeKeys": ["Application"], "methods": ["GET"], "#
        + #""paths": {"/things": "least=Application"}}]}}}"#

    /// `load --db permissions.json folder/`: the target is one of the inputs; refused, the file untouched.
    @Test func aTargetThatIsOneOfTheInputsIsRefused() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let input = folder.file("permissions.json", Self.document)
        let result = try CommandRunner.run(["load", "--db", input, folder.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("--db: expected a knowledge base file that is not one of the files to load"))
        #expect(try String(contentsOfFile: input, encoding: .utf8) == Self.document)
    }

    /// An existing file that is not a knowledge base is never replaced; an old knowledge base and an empty file are.
    @Test func onlyAKnowledgeBaseOrAnEmptyFileIsReplaced() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let input = folder.file("permissions.json", Self.document)
        let notes = folder.file("notes.txt", "my notes\n")
        let other = folder.path + "/other.sqlite"
        try SQLiteConnection(path: other).execute("CREATE TABLE t (x); INSERT INTO t VALUES (1)")
        for target in [notes, other, folder.path] {
            let before = try? Data(contentsOf: URL(fileURLWithPath: target))
            let result = try CommandRunner.run(["load", "--db", target, input])
            #expect(result.status == 65, "\(target)")
            #expect(result.stderr.contains("expected a graphperm knowledge base to replace (or a new file)"),
                    "\(result.stderr)")
            #expect((try? Data(contentsOf: URL(fileURLWithPath: target))) == before)
        }
        let kb = folder.path + "/kb.sqlite"
        #expect(try CommandRunner.run(["load", "--db", kb, input]).status == 0)
        #expect(try CommandRunner.run(["load", "--db", kb, input]).status == 0)
        let empty = folder.file("empty.sqlite", "")
        #expect(try CommandRunner.run(["load", "--db", empty, input]).status == 0)
    }

    /// A load killed midway leaves `.NAME.new-PID`; the next load removes those whose process is gone.
    @Test func temporaryFilesOfDeadLoadsAreRemoved() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let input = folder.file("permissions.json", Self.document)
        let db = folder.path + "/kb.sqlite"
        let dead = folder.file(KnowledgeBaseTarget.temporaryName(of: "kb.sqlite", pid: 2_147_483_000),
                               "half a database")
        let alive = folder.file(KnowledgeBaseTarget.temporaryName(of: "kb.sqlite", pid: 1), "another load, running")
        let unrelated = folder.file(".other.sqlite.new-2147483000", "not ours")
        #expect(!KnowledgeBaseTarget.isAlive(2_147_483_000))
        _ = try KnowledgeBaseWriter.load(paths: [input], dataDirectory: Resources.dataDirectory, to: db)
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: alive))
        #expect(FileManager.default.fileExists(atPath: unrelated))
    }
}
