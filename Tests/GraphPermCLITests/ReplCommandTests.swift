import ArgumentParser
import Testing
@testable import GraphPermCLI

/// `graphperm repl` as a user types it, and `graphperm` alone, which starts it.
struct ReplCommandTests {
    @Test func theCommonOptionsAreRead() throws {
        let command = try ReplCommand.parse(["--db", "kb.sqlite", "--format", "csv"])
        #expect(command.common.db == "kb.sqlite" && command.common.format == .csv)
    }

    @Test func withoutOptionsTheFormatIsLeftToTheTerminal() throws {
        let command = try ReplCommand.parse([])
        #expect(command.common.db == nil && command.common.format == nil)
    }

    @Test func graphpermAloneStartsTheRepl() throws {
        #expect(try GraphPerm.parseAsRoot([]) is ReplCommand)
        let command = try #require(try GraphPerm.parseAsRoot(["--db", "kb.sqlite"]) as? ReplCommand)
        #expect(command.common.db == "kb.sqlite")
    }

    @Test func aStatementOnTheCommandLineIsRefused() throws {
        let refusal = try #require(Refusal.of(ReplCommand.self, ["least", "GET", "/me"]))
        #expect(refusal.exitCode == 64 && refusal.message.contains("least"))
    }

    @Test func anUnknownFormatIsRefusedNamingIt() throws {
        let refusal = try #require(Refusal.of(ReplCommand.self, ["--format", "xml"]))
        #expect(refusal.exitCode == 64 && refusal.message.contains("xml"))
    }
}
