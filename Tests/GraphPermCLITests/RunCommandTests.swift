import ArgumentParser
import Testing
@testable import GraphPermCLI

/// `graphperm run NAME-OR-FILE` and `graphperm queries`.
struct RunCommandTests {
    @Test func aSavedQueryNameIsRead() throws {
        let command = try RunCommand.parse(["security-api-least", "--format", "md"])
        #expect(command.query == "security-api-least" && command.common.outputFormat == .md)
    }

    @Test func aQueryIsRequired() {
        #expect(Refusal.of(RunCommand.self, [])?.exitCode == 64)
    }

    @Test func queriesTakesNoArgument() throws {
        #expect(Refusal.of(QueriesCommand.self, ["--format", "json"]) == nil)
        let refusal = try #require(Refusal.of(QueriesCommand.self, ["extra"]))
        #expect(refusal.exitCode == 64 && refusal.message.contains("extra"))
    }
}
