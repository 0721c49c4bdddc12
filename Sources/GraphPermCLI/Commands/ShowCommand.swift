import ArgumentParser
import GraphPermCLI
import GraphPermKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        _superCommandName: "graphperm",
        abstract: "A permission card by name or ID, or an admin role by name or role template ID.",
        discussion: """
            Examples:
              graphperm show SecurityEvents.Read.All
              graphperm show 810c84a8-4a9e-49e6-bf7d-12d183f40d01
              graphperm show 5d6b6bb7-de71-4623-b4af-96380a352509
            """
    )

    @OptionGroup var common: CommonOptions

    @Argument(
        help: "A permission name or GUID, or an admin role name or role template ID.", completion: .permissionNames)
    var nameOrID: String

    func run() throws {
        let kb = try common.openKnowledgeBase()
        let result = try kb.show(nameOrID)
        Console.output(try common.render(result))
    }
}
