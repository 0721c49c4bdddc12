import GraphPermPlatform
import ArgumentParser
import GraphPermCLI
import GraphPermKit

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        _superCommandName: "graphperm",
        abstract: "Run a saved query by name (see `graphperm queries`) or from a file.",
        discussion: """
            Examples:
              graphperm run security-api-least --format md
              graphperm run ./my-audit.gpq
            """
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: "A saved query's name, or a file of statements.", completion: .savedQueries)
    var query: String

    func run() throws {
        let saved = try SavedQuery.find(query)
        // A file named here may be anything (a token, a system file): its errors never quote its lines.
        let isFile = FileManager.default.fileExists(atPath: query)
        try Statements.run(
            saved.text, kb: try common.openKnowledgeBase(), format: common.outputFormat, echoesSource: !isFile)
    }
}

struct QueriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queries",
        _superCommandName: "graphperm",
        abstract: "List the saved queries.",
        discussion: "Example:\n  graphperm queries"
    )

    @OptionGroup var common: CommonOptions

    func run() throws {
        let rows = SavedQuery.all().map { [$0.name, $0.description] }
        Console.output(try common.render(TabularText(columns: ["name", "description"], rows: rows)))
    }
}
