import ArgumentParser
import Testing
@testable import GraphPermCLI

/// `graphperm query`: statements as an argument or from a file, not both.
struct QueryCommandTests {
    @Test func statementsOrAFileAreRead() throws {
        #expect(try QueryCommand.parse(["least GET /me"]).statements == "least GET /me")
        let fromFile = try QueryCommand.parse(["-f", "audit.gpq"])
        #expect(fromFile.file == "audit.gpq" && fromFile.statements == nil)
        #expect(try QueryCommand.parse(["--file", "audit.gpq"]).file == "audit.gpq")
    }

    @Test func bothAreRefused() {
        #expect(Refusal.of(QueryCommand.self, ["least GET /me", "-f", "audit.gpq"]) == .usage(
            "give the statements as an argument or with -f FILE, not both"))
    }
}
