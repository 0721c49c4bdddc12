import Foundation
import Testing
@testable import GraphPermKit
@testable import GraphPermCLI
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore
@testable import GraphPermQuery

/// Messages are bounded and pass no terminal control character through; files are not echoed.
struct ExcerptTests {
    @Test(arguments: [
        ("Mail.Read", "Mail.Read"),
        ("a\u{1B}[2Jb", "a\\u{1B}[2Jb"),
        ("tab\there\nnew\u{7F}\u{9B}", "tab\\there\\nnew\\u{7F}\\u{9B}"),
        ("rtl\u{202E}txt", "rtl\\u{202E}txt"),
        (String(repeating: "9", count: 100), String(repeating: "9", count: 80) + "… (100 bytes)"),
    ]) func excerpts(_ input: String, _ expected: String) {
        #expect(Excerpt.text(input) == expected)
    }

    /// A 100 MB number is echoed as 80 characters and its size, without the work growing with it.
    @Test func aHugeValueIsCut() {
        let huge = String(repeating: "9", count: 100_000_000)
        #expect(Excerpt.text(huge) == String(repeating: "9", count: 80) + "… (100000000 bytes)")
        #expect(Excerpt.message("x\u{1B}]0;title\u{7}\nsecond") == "x\\u{1B}]0;title\\u{07}\nsecond")
        #expect(Excerpt.message(huge).utf8.count < 8_300)
    }

    /// A long line is shown around the error, the caret still under the token, controls replaced.
    @Test func aQueryErrorShowsAWindowOfALongLine() throws {
        let line = "permissions where name = '" + String(repeating: "x", count: 5_000) + "' and \u{1B}bogus = 1"
        let error = try #require(throws: QueryError.self) { try Parser.parse(line) }
        let lines = error.description.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!error.description.contains("\u{1B}"))
        #expect(lines[1].count < 200)
        let caret = try #require(lines[2].firstIndex(of: "^"))
        let shownColumn = lines[2].distance(from: lines[2].startIndex, to: caret)
        #expect(Array(lines[1].unicodeScalars)[shownColumn] != " ")
    }

    /// `run FILE` on a file that is not a query (a token, a system file) never prints its lines.
    @Test func runOnAFileThatIsNotAQueryDoesNotEchoIt() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let secrets = ["eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzZWNyZXQiOjF9.c2lnbmF0dXJl",
                       "root:$6$saltsalt$hashhashhash:19000:0:99999:7:::", "password = hunter2 ; secret"]
        for secret in secrets {
            let file = folder.file("input.gpq", secret + "\n")
            let result = try CommandRunner.run(["run", file])
            #expect(result.status == 64, "\(result.stderr)")
            let lastLine = result.stderr.split(separator: "\n").last.map(String.init) ?? ""
            #expect(lastLine.hasPrefix("1:1: expected a statement"), "\(result.stderr)")
            for piece in ["eyJ", "hunter2", "hash", "root", "secret"] {
                #expect(!result.stderr.contains(piece), "\(result.stderr)")
            }
        }
        let redacted = ScriptRunner(kb: QueryFixture.knowledgeBase, format: .json, echoesSource: false)
            .run(script: "show Mail.Read extra")
        guard case .failure(let message, _) = redacted[0] else { Issue.record("expected a failure"); return }
        #expect(message == "1:16: expected the end of the statement (';' or a new line), found a word of 5 bytes")
    }

    /// What the tool prints on stderr escapes control characters, wherever they come from.
    @Test func errorsOnTheTerminalCarryNoControlCharacters() throws {
        let result = try CommandRunner.run(["show", "x\u{1B}[31mred\u{7}"])
        #expect(result.status != 0)
        #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\u{7}"))
        #expect(result.stderr.contains("\\u{1B}"))
        let usage = try CommandRunner.run(
            ["diagnose", "GET", "/me", "--status", String(repeating: "9", count: 20_000) + "\u{1B}"])
        #expect(usage.status == 64)
        #expect(!usage.stderr.contains("\u{1B}"))
        #expect(usage.stderr.utf8.count < 9_000)
    }
}
