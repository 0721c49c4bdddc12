import Foundation
import Testing

/// A token on the command line shows in `ps` and shell history: a warning, and examples that read a file or stdin.
struct TokenArgumentTests {
    static let token = "eyJhbGciOiJub25lIn0."
        + "eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20iLCJzY3AiOiJVc2VyLlJlYWQifQ.c2ln"
    static let warning = "visible to other users in `ps`"

    @Test func aTokenArgumentGetsAWarning() throws {
        for arguments in [
            ["claims", Self.token], ["claims", "--token", Self.token],
            ["diagnose", "GET", "/me", "--token", Self.token],
        ] {
            let result = try CommandRunner.run(arguments + ["--format", "json"])
            #expect(result.stderr.contains(Self.warning), "\(arguments[0]): \(result.stderr)")
        }
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("token.txt", Self.token)
        for arguments in [["claims", "--token-file", file], ["diagnose", "GET", "/me", "--token-file", file]] {
            #expect(try !CommandRunner.run(arguments + ["--format", "json"]).stderr.contains(Self.warning))
        }
        #expect(try !CommandRunner.run(["claims", "--format", "json"], stdin: Self.token).stderr.contains(Self.warning))
    }

    /// The first example of `claims` and `diagnose` (in --help and in the README) reads a file or stdin.
    @Test func theFirstExampleReadsAFileOrStdin() throws {
        for command in ["claims", "diagnose"] {
            let help = try CommandRunner.run([command, "--help"]).stdout
            let examples = try #require(help.range(of: "Examples:"))
            // The first example, with the lines --help wrapped it onto (they start at the margin).
            let lines = help[examples.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
                .dropFirst()
            let line = lines.prefix { !$0.isEmpty }.enumerated()
                .prefix { $0.offset == 0 || !$0.element.hasPrefix("  ") }
                .map(\.element).joined(separator: " ")
            #expect(line.contains("--token-file") || line.contains("--claims") || line.contains("|"), "\(line)")
            #expect(!line.contains("eyJ"))
        }
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md"),
            encoding: .utf8)
        for command in ["claims", "diagnose"] {
            let first = try #require(readme.split(separator: "\n").first { $0.contains("graphperm \(command) ") })
            #expect(first.contains("--token-file") || first.contains("--claims") || first.contains("stdin"), "\(first)")
        }
    }
}
