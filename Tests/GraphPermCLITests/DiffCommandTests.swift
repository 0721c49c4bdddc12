import ArgumentParser
import Testing
@testable import GraphPermCLI

/// `graphperm diff OLD NEW`: two sides and the diff's formats (no table shape).
struct DiffCommandTests {
    @Test func bothSidesAndOptionsAreRead() throws {
        let command = try DiffCommand.parse(["old.sqlite", "new-data", "--format", "md", "--calls", "calls.txt"])
        #expect(command.old == "old.sqlite" && command.new == "new-data")
        #expect(command.options.format == .md && command.options.calls == "calls.txt")
        #expect(try DiffCommand.parse(["a", "b"]).options.format == .json)
    }

    @Test(arguments: ["table", "csv"])
    func aTableFormatIsRefused(format: String) {
        #expect(Refusal.of(DiffCommand.self, ["a", "b", "--format", format]) == .usage(
            "a diff has no table shape: use --format json, md or atom, not \(format)"))
    }

    @Test func theNewSideIsRequired() throws {
        let refusal = try #require(Refusal.of(DiffCommand.self, ["a"]))
        #expect(refusal.exitCode == 64 && refusal.message.contains("<new>"))
    }
}
