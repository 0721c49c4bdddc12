import ArgumentParser
import Testing
@testable import GraphPermCLI

/// `graphperm sync` as typed: every argument, options and help included, goes to graphperm-sync unchanged.
struct SyncCommandTests {
    @Test func theArgumentsArePassedOnAsTyped() throws {
        #expect(try SyncCommand.parse(["--from", "./mirror"]).arguments == ["--from", "./mirror"])
        #expect(try SyncCommand.parse([]).arguments == [])
    }

    @Test func optionsGraphpermDoesNotKnowAreNotRefused() throws {
        let arguments = ["--no-such-option", "value", "-x", "--", "last"]
        #expect(Refusal.of(SyncCommand.self, arguments) == nil)
        #expect(try SyncCommand.parse(arguments).arguments == arguments)
    }

    @Test func helpIsTheHelpersNotGraphperms() throws {
        let command = try GraphPerm.parseAsRoot(["sync", "--help"])
        let passed = try #require(command as? SyncCommand)
        #expect(passed.arguments == ["--help"])
    }
}
