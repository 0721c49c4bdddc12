import ArgumentParser
import Testing
@testable import GraphPermCLI

/// `graphperm load PATH...`: the files and folders to build a knowledge base from.
struct LoadCommandTests {
    @Test func pathsAndVerboseAreRead() throws {
        let command = try LoadCommand.parse(["--db", "kb.sqlite", "permissions.json", "graph-data", "--verbose"])
        #expect(command.paths == ["permissions.json", "graph-data"] && command.verbose)
        #expect(command.common.db == "kb.sqlite")
    }

    @Test func nothingToLoadIsRefusedWithAnExample() {
        #expect(Refusal.of(LoadCommand.self, ["--db", "kb.sqlite"]) == .usage(
            "name at least one file or folder to load, e.g. `graphperm load permissions.json`; `graphperm sync` "
                + "downloads Microsoft's files"))
    }
}
