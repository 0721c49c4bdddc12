import ArgumentParser
import Testing
@testable import GraphPermCLI

/// `graphperm diagnose METHOD URL`: the call, its status and error body, the token source and the time.
struct DiagnoseCommandTests {
    @Test func theCallAndItsOutcomeAreRead() throws {
        let command = try DiagnoseCommand.parse([
            "GET", "https://graph.microsoft.com/v1.0/me/messages", "--status", "403", "--error-body", "error.json",
            "--token-file", "token.txt", "--at", "2026-11-23T12:00:00Z",
        ])
        #expect(command.method == "GET" && command.url == "https://graph.microsoft.com/v1.0/me/messages")
        #expect(command.status == 403 && command.errorBody == "error.json" && command.at == "2026-11-23T12:00:00Z")
        #expect(command.tokenSource.tokenFile == "token.txt" && !command.partialClaims)
    }

    @Test func aStatusMustBeANumber() throws {
        let refusal = try #require(Refusal.of(DiagnoseCommand.self, ["GET", "/me", "--status", "forbidden"]))
        #expect(refusal.exitCode == 64 && refusal.message.contains("forbidden"))
    }

    @Test func aBadTimeIsRefusedWithAnExample() {
        #expect(Refusal.of(DiagnoseCommand.self, ["GET", "/me", "--claims", "c.json", "--at", "noon"]) == .usage(
            "--at takes an ISO 8601 time such as 2026-11-23T12:00:00Z, not 'noon'"))
    }

    @Test func stdinCarriesTheTokenOrTheErrorBodyNotBoth() {
        #expect(Refusal.of(DiagnoseCommand.self, ["GET", "/me", "--error-body", "-"]) == .usage(
            "stdin cannot carry both the token and the error body: give the token with --token or --token-file"))
        #expect(Refusal.of(DiagnoseCommand.self, ["GET", "/me", "--error-body", "-", "--token-file", "t.txt"]) == nil)
    }

    @Test func onlyTextOrJSONIsPrinted() {
        #expect(Refusal.of(DiagnoseCommand.self, ["GET", "/me", "--claims", "c.json", "--format", "csv"]) == .usage(
            "graphperm diagnose prints a text explanation or JSON: --format table or json, not csv"))
    }

    @Test func twoTokenSourcesAreRefused() {
        #expect(Refusal.of(DiagnoseCommand.self, ["GET", "/me", "--token", "a.b.c", "--claims", "c.json"]) == .usage(
            "give the token one way only: --token, --token-file or --claims (or pipe it on stdin)"))
    }
}
