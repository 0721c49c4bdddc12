import GraphPermPlatform
import ArgumentParser
import GraphPermCLI
import GraphPermKit
import GraphPermQuery

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        _superCommandName: "graphperm",
        abstract: "Run statements of the query language (`.help` in the REPL lists them).",
        discussion: """
            Statements come from the argument, from -f FILE, or from stdin, separated by ';' or new lines.
            Examples:
              graphperm query 'least GET /security/alerts'
              graphperm query "permissions where resource = 'Mail' order by name"
              graphperm query -f audit.gpq --format md
            """
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: "One or more statements.")
    var statements: String?

    @Option(name: .shortAndLong, help: "A file of statements.")
    var file: String?

    func validate() throws {
        if statements != nil, file != nil {
            throw ValidationError("give the statements as an argument or with -f FILE, not both")
        }
    }

    func run() throws {
        let text: String
        if let statements {
            text = statements
        } else {
            text = String(decoding: try Console.readInput(file ?? "-"), as: UTF8.self)
        }
        try Statements.run(text, kb: try common.openKnowledgeBase(), format: common.outputFormat)
    }
}

/// Runs a script and maps its outcomes to stdout, stderr and the exit code.
enum Statements {
    static func run(_ text: String, kb: KnowledgeBase, format: OutputFormat, echoesSource: Bool = true) throws {
        var status: Int32 = 0
        for outcome in ScriptRunner(kb: kb, format: format, echoesSource: echoesSource).run(script: text) {
            switch outcome {
            case .output(let output): Console.output(output)
            case .failure(let message, let code):
                StandardStreams.write((Excerpt.message(message) + "\n"), to: STDERR_FILENO)
                status = max(status, code)
            }
        }
        if status != 0 { throw ExitCode(status) }
    }
}
