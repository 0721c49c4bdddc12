import ArgumentParser
import GraphPermCLI
import GraphPermKit

struct TableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        _superCommandName: "graphperm",
        abstract: "The permissions table of a Graph API exactly as Microsoft's documentation prints it.",
        discussion: """
            Several URLs joined by ';' give one merged table, as the docs do for an API with several paths. Where \
            Microsoft's generator would print nothing (a permission type without a least-privilege marker) or fail \
            (a least permission with several AlsoRequires partners), the table is printed from the data anyway and \
            stderr says what Microsoft's tooling would do; --strict reproduces Microsoft's behaviour exactly \
            (nothing on stdout and exit 1 in those cases).
            Examples:
              graphperm table GET /security/alerts
              graphperm table GET '/me/messages;/users/{id}/messages'
            """
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: "HTTP method.", completion: .httpMethods)
    var method: String

    @Argument(help: "A URL or path, or several joined by ';'.")
    var urls: String

    @Flag(name: .long, help: "Behave exactly like Microsoft's generator.")
    var strict = false

    func run() throws {
        let kb = try common.openKnowledgeBase()
        let table = try kb.permissionTable(method: method, urls: urls)
        for problem in table.problems { Console.note(problem.description) }
        if !table.isMicrosoftTable, table.problems.isEmpty {
            Console.note(
                """
                a permission type lists permissions without a least-privilege marker: Microsoft's generator prints no \
                table here
                """
            )
        }
        if strict, !table.isMicrosoftTable { throw ExitCode(1) }
        // Microsoft's markdown unless another format is asked for, on a terminal too.
        Console.output(table.render(common.format ?? .md))
    }
}
