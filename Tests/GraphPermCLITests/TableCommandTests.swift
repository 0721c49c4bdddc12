import ArgumentParser
import Testing
@testable import GraphPermCLI

/// `graphperm table METHOD URLS`: Microsoft's permission table for one method and its paths.
struct TableCommandTests {
    @Test func theMethodPathsAndStrictAreRead() throws {
        let command = try TableCommand.parse(["GET", "/me/messages;/users/{id}/messages", "--strict"])
        #expect(command.method == "GET" && command.urls == "/me/messages;/users/{id}/messages" && command.strict)
        #expect(try !TableCommand.parse(["GET", "/security/alerts"]).strict)
    }

    @Test func thePathsAreRequired() throws {
        let refusal = try #require(Refusal.of(TableCommand.self, ["GET"]))
        #expect(refusal.exitCode == 64 && refusal.message.contains("<urls>"))
    }
}
