import Testing
@testable import GraphPermCLI

/// The options `diff` and `changes` share: the formats a diff has, and the feed's short ID.
@Suite struct DiffOutputTests {
    @Test(arguments: [DiffFormat.table, .csv])
    func aDiffHasNoTableShape(format: DiffFormat) {
        var options = DiffOptions()
        options.format = format
        let error = #expect(throws: (any Error).self) { try options.validate() }
        #expect("\(error.map { "\($0)" } ?? "")".contains(
            "a diff has no table shape: use --format json, md or atom, not \(format.rawValue)"))
    }

    @Test(arguments: [DiffFormat.json, .md, .atom])
    func theOtherFormatsAreAccepted(format: DiffFormat) throws {
        var options = DiffOptions()
        options.format = format
        try options.validate()
    }

    @Test func theFeedIDKeepsSixteenHexDigitsOfEachDigest() {
        let first = String(repeating: "a", count: 64)
        let second = "0123456789abcdef" + String(repeating: "f", count: 48)
        #expect(DiffOptions.shortDigest(first + "+" + second) == "aaaaaaaaaaaaaaaa+0123456789abcdef")
        #expect(DiffOptions.shortDigest("abc") == "abc")
    }
}
