import Testing
@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

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
        #expect(try CommandRunner.run(["least", "--batch", "--format", "json"], stdin: "GET /security/alerts\n")
            .status == 0)
    }
}

/// One vocabulary for permission types: the CLI's `--scheme`, the language's `for …` and the JSON names.
struct SchemeWordsTests {
    @Test(arguments: [
        ("delegated", ["DelegatedWork", "DelegatedPersonal"]), ("work", ["DelegatedWork"]),
        ("delegated-work", ["DelegatedWork"]),
        ("DelegatedWork", ["DelegatedWork"]), ("personal", ["DelegatedPersonal"]), ("app", ["Application"]),
        ("Application", ["Application"]),
    ])
    func wordsNameTheSameTypesEverywhere(word: String, names: [String]) throws {
        #expect(Scheme.set(userText: word)?.sorted().map(\.rawValue) == names)
        let result = try CommandRunner.run(["least", "GET", "/security/alerts", "--scheme", word, "--format", "json"])
        #expect(result.status == 0)
        for name in ["DelegatedWork", "DelegatedPersonal", "Application"] {
            #expect(result.stdout.contains("\"\(name)\":") == names.contains(name), "\(word): \(name)")
        }
    }

    @Test func anUnknownWordIsAUsageError() throws {
        #expect(Scheme.set(userText: "delegate") == nil)
        #expect(try CommandRunner.run(["least", "GET", "/me", "--scheme", "delegate"]).status == 64)
    }
}
