import ArgumentParser
import Testing
@testable import GraphPermCLI

/// `graphperm sql STATEMENT`: one statement, read as typed (the store refuses anything but reads).
struct SQLCommandTests {
    @Test func theStatementIsReadWhole() throws {
        let command = try SQLCommand.parse(["SELECT name FROM permission ORDER BY name", "--db", "kb.sqlite"])
        #expect(command.statement == "SELECT name FROM permission ORDER BY name" && command.common.db == "kb.sqlite")
    }

    @Test func aStatementIsRequired() throws {
        let refusal = try #require(Refusal.of(SQLCommand.self, []))
        #expect(refusal.exitCode == 64 && refusal.message.contains("<statement>"))
    }
}
