import ArgumentParser
import Testing
@testable import GraphPermCLI

/// `graphperm mcp` as typed: every argument, options and help included, goes to graphperm-mcp unchanged.
struct MCPCommandTests {
    @Test func theArgumentsArePassedOnAsTyped() throws {
        #expect(try MCPCommand.parse(["--db", "kb.sqlite"]).arguments == ["--db", "kb.sqlite"])
        #expect(try MCPCommand.parse([]).arguments == [])
    }

    @Test func optionsGraphpermDoesNotKnowAreNotRefused() throws {
        let arguments = ["--no-such-option", "value", "-x", "--", "last"]
        #expect(Refusal.of(MCPCommand.self, arguments) == nil)
        #expect(try MCPCommand.parse(arguments).arguments == arguments)
    }

    @Test func helpIsTheHelpersNotGraphperms() throws {
        let command = try GraphPerm.parseAsRoot(["mcp", "--help"])
        let passed = try #require(command as? MCPCommand)
        #expect(passed.arguments == ["--help"])
    }
}
