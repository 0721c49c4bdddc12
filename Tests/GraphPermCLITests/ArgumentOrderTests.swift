import Testing
@testable import GraphPermCLI

/// Command lines as people type them, read as ArgumentParser expects them.
struct ArgumentOrderTests {
    static let commands = ["repl", "least", "show", "sync", "load", "help"]

    @Test(arguments: [
        (["--db", "kb.sqlite", "least", "GET", "/me"],
         ArgumentOrder.Outcome.arguments(["least", "--db", "kb.sqlite", "GET", "/me"])),
        (["--format=json", "--db", "kb.sqlite", "show", "Mail.Read"],
         .arguments(["show", "--format=json", "--db", "kb.sqlite", "Mail.Read"])),
        (["least", "GET", "/me", "--db", "kb.sqlite"], .arguments(["least", "GET", "/me", "--db", "kb.sqlite"])),
        (["lest", "GET", "/me"], .unknownCommand("lest", suggestion: "least")),
        (["--db", "kb.sqlite", "shwo", "Mail.Read"], .unknownCommand("shwo", suggestion: "show")),
        (["xyzzyplugh"], .unknownCommand("xyzzyplugh", suggestion: nil)),
        ([], .arguments([])),
        (["--db", "kb.sqlite"], .arguments(["--db", "kb.sqlite"])),
        (["--version"], .arguments(["--version"])),
        (["--generate-completion-script", "bash"], .arguments(["--generate-completion-script", "bash"])),
        (["--db", "kb.sqlite", "help", "least"], .arguments(["--db", "kb.sqlite", "help", "least"])),
    ])
    func readsTheCommandLine(arguments: [String], expected: ArgumentOrder.Outcome) {
        #expect(ArgumentOrder.read(arguments, commands: Self.commands) == expected)
    }
}
