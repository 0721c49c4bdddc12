import ArgumentParser
import Testing
@testable import GraphPermCLI

/// `graphperm changes --since DATE`: the dates it takes, written as the kept files' times, and those it refuses.
struct ChangesCommandTests {
    @Test func theDatabaseAndDateAreRead() throws {
        let command = try ChangesCommand.parse(["--db", "kb.sqlite", "--since", "2026-08-01"])
        #expect(command.db == "kb.sqlite" && command.since == "2026-08-01")
        #expect(try ChangesCommand.parse([]).since == nil)
    }

    @Test func aDayOrAUTCTimeBecomesAnRFC3339Key() {
        #expect(ChangesCommand.sinceKey("2026-08-01") == "2026-08-01T00:00:00Z")
        #expect(ChangesCommand.sinceKey("2026-08-01T10:00:00Z") == "2026-08-01T10:00:00Z")
    }

    @Test(arguments: ["yesterday", "2026-13-01", "01/08/2026", "2026-08-01 10:00", "", "2026-02-30", "2026-06-31"])
    func aBadDateIsRefusedWithAnExample(text: String) {
        #expect(ChangesCommand.sinceKey(text) == nil)
        #expect(Refusal.of(ChangesCommand.self, ["--since", text]) == .usage(
            "--since takes a date such as 2026-08-01 or 2026-08-01T10:00:00Z, not '\(text)'"))
    }
}
