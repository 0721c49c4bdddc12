import ArgumentParser
import Testing
@testable import GraphPermCLI

/// `graphperm stats`: the common options only.
struct StatsCommandTests {
    @Test func theCommonOptionsAreRead() throws {
        let command = try StatsCommand.parse(["--db", "kb.sqlite", "--format", "csv"])
        #expect(command.common.db == "kb.sqlite" && command.common.outputFormat == .csv)
    }

    @Test func anArgumentIsRefused() throws {
        let refusal = try #require(Refusal.of(StatsCommand.self, ["permissions"]))
        #expect(refusal.exitCode == 64 && refusal.message.contains("permissions"))
    }
}
