import Testing

/// A `--format` a command cannot honour is refused (exit 64), never silently ignored.
struct FormatCheckTests {
    @Test(arguments: [
        ["reference", "api", "--format", "json"],
        ["reference", "roles", "--format", "csv"],
        ["diagnose", "GET", "/me", "--claims", "/dev/null", "--format", "md"],
        ["least", "--batch", "--format", "table"],
    ])
    func anUnsupportedFormatIsAUsageError(arguments: [String]) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("--format"))
        #expect(result.stdout.isEmpty)
    }

    @Test func theFormatsACommandHonoursStillWork() throws {
        #expect(try CommandRunner.run(["reference", "roles", "--format", "md"]).status == 0)
        #expect(try CommandRunner.run(["least", "--batch", "--format", "json"], stdin: "GET /security/alerts\n").status == 0)
    }
}
