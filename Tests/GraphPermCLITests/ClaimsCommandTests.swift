import ArgumentParser
import Testing
@testable import GraphPermCLI

/// `graphperm claims`: a token from a file, stdin or (with a warning when run) an argument.
struct ClaimsCommandTests {
    @Test func aTokenFileIsRead() throws {
        let command = try ClaimsCommand.parse(["--token-file", "token.txt", "--format", "json"])
        #expect(command.tokenSource.tokenFile == "token.txt" && command.tokenArgument == nil)
        #expect(command.common.outputFormat == .json)
    }

    @Test func aTokenArgumentIsTakenAsTheToken() throws {
        let command = try ClaimsCommand.parse(["eyJhbGciOiJub25lIn0.eyJzY3AiOiJNYWlsLlJlYWQifQ."])
        #expect(command.tokenArgument == "eyJhbGciOiJub25lIn0.eyJzY3AiOiJNYWlsLlJlYWQifQ.")
        #expect(command.tokenSource.token == nil)
    }

    @Test func theHelpWarnsAgainstATokenOnTheCommandLine() {
        let discussion = ClaimsCommand.configuration.discussion
        #expect(discussion.contains("visible to other users in `ps`"))
        #expect(discussion.contains("graphperm claims --token-file token.txt --format json"))
    }

    @Test func twoTokenSourcesAreRefused() {
        #expect(Refusal.of(ClaimsCommand.self, ["--token-file", "t.txt", "--claims", "c.json"]) == .usage(
            "give the token one way only: --token, --token-file or --claims (or pipe it on stdin)"))
    }
}
