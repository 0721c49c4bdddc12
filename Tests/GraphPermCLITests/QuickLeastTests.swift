import ArgumentParser
import Testing
@testable import GraphPermCLI

/// The quick reading of `least METHOD TARGET` lines against ArgumentParser's reading of the same lines: the same
/// command where it reads one, nothing (ArgumentParser's turn) for any line it does not read.
struct QuickLeastTests {
    /// A command's values as one comparable text (every property of `least` and of its common options).
    static func values(_ command: LeastCommand) -> String {
        let format = command.common.format?.rawValue ?? "-"
        return [
            command.method ?? "-", command.target ?? "-", command.scheme ?? "-", "\(command.batch)",
            command.common.db ?? "-", format,
        ].joined(separator: " | ")
    }

    /// Lines of the README and of `least --help`, and the same requests with the options in other orders.
    static let readLines: [[String]] = [
        ["GET", "/me/messages"],
        ["GET", "/me/messages", "--format", "json"],
        ["GET", "/me/messages", "--scheme", "work", "--format", "csv"],
        ["GET", "/security/alerts"],
        ["GET", "https://graph.microsoft.com/v1.0/me/messages?$top=5"],
        ["GET", "https://graph.microsoft.com/v1.0/me/messages", "--format", "table"],
        ["PATCH", "/applications/abc/onPremisesPublishing", "--scheme", "application", "--format", "json"],
        ["PATCH", "alerts", "--scheme", "application"],
        ["--db", "kb.sqlite", "--format", "md", "DELETE", "/users/{id}"],
        ["get", "--scheme", "delegated", "users", "--db", ""],
        ["GET", "--format", "csv", "/me"],
        ["POST", "/me/sendMail", "--scheme", "DelegatedWork"],
        ["FETCH", "/me"],
    ]

    /// Lines left to ArgumentParser: help, batch, `=` forms, repeats, unknown options, values with a dash,
    /// refused values, too few or too many words, the end-of-options marker.
    static let otherLines: [[String]] = [
        ["--help"], ["GET", "/me", "-h"], ["--batch"], ["--batch", "--format", "json"],
        ["GET", "/me", "--format=json"], ["GET", "/me", "--scheme", "work", "--scheme", "application"],
        ["GET", "/me", "--bogus"], ["GET", "/me", "--db", "-kb.sqlite"], ["GET", "/me", "--scheme", "admin"],
        ["GET", "/me", "--format", "yaml"], ["GET"], [], ["GET", "/me", "extra"], ["GET", "--", "-x"],
        ["GET", "/me", "--format"], ["GET", "/me", "--generate-completion-script", "bash"],
    ]

    @Test(arguments: readLines)
    func aLineItReadsMeansWhatArgumentParserReadsInIt(line: [String]) throws {
        let quick = try #require(QuickLeast.read(line), "not read quickly: \(line)")
        #expect(Self.values(quick) == Self.values(try LeastCommand.parse(line)))
    }

    @Test(arguments: otherLines)
    func everyOtherLineIsLeftToArgumentParser(line: [String]) {
        #expect(QuickLeast.read(line) == nil)
    }

    @Test func everyPropertyOfLeastIsOneQuickLeastSets() {
        // QuickLeast sets these five; a sixth would be read unset (a crash) by a quickly read command's run().
        let names = Mirror(reflecting: LeastCommand()).children.compactMap(\.label)
        #expect(names == ["_common", "_method", "_target", "_scheme", "_batch"], "teach QuickLeast the new one")
        #expect(Mirror(reflecting: CommonOptions()).children.compactMap(\.label) == ["_db", "_format"])
    }

    @Test func theRootReadsTheLineQuicklyAndTheRestAsBefore() throws {
        let parsed = try GraphPerm.parseCommand(["least", "GET", "/me", "--format", "json"])
        let quick = try #require(parsed as? LeastCommand)
        #expect(Self.values(quick) == "GET | /me | - | false | - | json")
        #expect(GraphPermTests.parseCommand(["least", "GET", "/me", "--scheme", "admin"])
            .contains("--scheme takes delegated, work, personal or application, not 'admin'"))
    }
}
