import ArgumentParser
import Testing
@testable import GraphPermCLI

/// `graphperm least` as a user types it: the request, the scheme and batch mode, and the lines it refuses.
struct LeastCommandTests {
    @Test func aRequestAndASchemeAreRead() throws {
        let command = try LeastCommand.parse(["GET", "/me", "--scheme", "delegated"])
        #expect(command.method == "GET" && command.target == "/me" && command.scheme == "delegated")
        #expect(!command.batch && command.common.format == nil)
    }

    @Test func optionsMayComeFirst() throws {
        let command = try LeastCommand.parse(["--db", "kb.sqlite", "--format", "json", "PATCH", "/users/{id}"])
        #expect(command.method == "PATCH" && command.target == "/users/{id}" && command.common.db == "kb.sqlite")
        #expect(command.common.outputFormat == .json)
    }

    @Test(arguments: ["delegated", "work", "personal", "application", "Application", "DelegatedWork"])
    func everySchemeWordIsAccepted(word: String) {
        #expect(Refusal.of(LeastCommand.self, ["GET", "/me", "--scheme", word]) == nil)
    }

    @Test func anUnknownSchemeIsRefusedNamingTheWords() {
        #expect(Refusal.of(LeastCommand.self, ["GET", "/me", "--scheme", "admin"]) == .usage(
            "--scheme takes delegated, work, personal or application, not 'admin'"))
    }

    @Test func aMissingTargetAsksForARequest() {
        let expected = Refusal.usage(
            "give a method and a URL or entity, e.g. `graphperm least GET /me/messages`, or use --batch")
        #expect(Refusal.of(LeastCommand.self, ["GET"]) == expected)
        #expect(Refusal.of(LeastCommand.self, []) == expected)
    }

    @Test func batchTakesNoRequestAndWritesJSONLines() throws {
        #expect(try LeastCommand.parse(["--batch"]).batch)
        #expect(Refusal.of(LeastCommand.self, ["--batch", "GET", "/me"]) == .usage(
            "--batch reads requests from stdin: give no METHOD or TARGET with it"))
        #expect(Refusal.of(LeastCommand.self, ["--batch", "--format", "table"]) == .usage(
            "least --batch writes JSON Lines: --format json, not table"))
        #expect(Refusal.of(LeastCommand.self, ["--batch", "--format", "json"]) == nil)
    }

    @Test func anUnknownOptionIsAUsageError() throws {
        let refusal = try #require(Refusal.of(LeastCommand.self, ["GET", "/me", "--schema", "delegated"]))
        #expect(refusal.exitCode == 64 && refusal.message.contains("--schema"))
    }
}
