import ArgumentParser
import Testing
@testable import GraphPermCLI

/// `graphperm need FILE`: the file of calls (or stdin) and the permission types to choose from.
struct NeedCommandTests {
    @Test func theFileAndSchemeAreRead() throws {
        let command = try NeedCommand.parse(["session.har", "--scheme", "application", "--format", "json"])
        #expect(command.calls == "session.har" && command.scheme == "application")
        #expect(try NeedCommand.parse(["-"]).calls == "-")
    }

    @Test func theFileIsRequired() throws {
        let refusal = try #require(Refusal.of(NeedCommand.self, []))
        #expect(refusal.exitCode == 64 && refusal.message.contains("<calls>"))
    }

    @Test func anUnknownSchemeIsRefused() {
        #expect(Refusal.of(NeedCommand.self, ["calls.txt", "--scheme", "delegate"]) == .usage(
            "--scheme takes delegated, work, personal or application, not 'delegate'"))
    }
}
