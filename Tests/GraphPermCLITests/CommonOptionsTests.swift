import ArgumentParser
import Testing
@testable import GraphPermCLI

/// The options every command takes: where the knowledge base is and how to print.
@Suite struct CommonOptionsTests {
    @Test func theDatabaseAndFormatAreRead() throws {
        let options = try CommonOptions.parse(["--db", "kb.sqlite", "--format", "md"])
        #expect(options.db == "kb.sqlite" && options.format == .md && options.outputFormat == .md)
        #expect(options.databasePath.path == "kb.sqlite" && options.databasePath.isExplicit)
    }

    @Test func anUnknownFormatIsAUsageError() {
        #expect(throws: (any Error).self) { try CommonOptions.parse(["--format", "xml"]) }
        do {
            _ = try CommonOptions.parse(["--format", "xml"])
        } catch {
            #expect(CommonOptions.exitCode(for: error) == .validationFailure)
            #expect(CommonOptions.message(for: error).contains("xml"))
        }
    }

    @Test func theDefaultDatabaseLivesInTheDataFolder() {
        #expect(CommonOptions.defaultDatabasePath == CommonOptions.dataDirectory + "/graphperm.sqlite")
        #expect(CommonOptions.dataDirectory.hasSuffix("/graphperm"))
    }
}
