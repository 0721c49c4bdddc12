import ArgumentParser
import GraphPermCLI
import GraphPermKit

struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        _superCommandName: "graphperm",
        abstract: "Run one read-only SQL statement on the knowledge base (`.schema` in the REPL shows the tables).",
        discussion: """
            The connection is read-only: writes, ATTACH and several statements at once are refused (exit 65).
            Examples:
              graphperm sql 'SELECT name, resource FROM permission ORDER BY name LIMIT 5'
            """
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: "A SELECT statement.")
    var statement: String

    func run() throws {
        let kb = try common.openKnowledgeBase()
        let table = try kb.runSQL(statement)
        Console.output(try common.render(table))
    }
}
