import ArgumentParser
import Testing
@testable import GraphPermCLI

/// `graphperm serve` as typed: every argument, options and help included, goes to graphperm-serve unchanged.
struct ServeCommandTests {
    @Test func theArgumentsArePassedOnAsTyped() throws {
        #expect(try ServeCommand.parse(["--port", "0"]).arguments == ["--port", "0"])
        #expect(try ServeCommand.parse([]).arguments == [])
    }

    @Test func optionsGraphpermDoesNotKnowAreNotRefused() throws {
        let arguments = ["--no-such-option", "value", "-x", "--", "last"]
        #expect(Refusal.of(ServeCommand.self, arguments) == nil)
        #expect(try ServeCommand.parse(arguments).arguments == arguments)
    }

    @Test func helpIsTheHelpersNotGraphperms() throws {
        let command = try GraphPerm.parseAsRoot(["serve", "--help"])
        let passed = try #require(command as? ServeCommand)
        #expect(passed.arguments == ["--help"])
    }
}
