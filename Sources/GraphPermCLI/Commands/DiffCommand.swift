import ArgumentParser
import GraphPermCLI
import GraphPermKit

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        _superCommandName: "graphperm",
        abstract:
            "What changed in Microsoft's permissions between two knowledge bases or folders of Microsoft's files.",
        discussion: """
            OLD and NEW are knowledge base files, or folders (or files) of Microsoft's permission data, which are \
            loaded into memory as `graphperm load` reads them. JSON keys: permissions {added, removed}, ids {changed} \
            (a name's ID per scheme, where both sides have one), operations {added, removed} (method and template; a \
            template's letter-case and parameter-name variants are one operation, written lower case with {}), grants \
            {added, removed} (permission, method, template, scheme), least {changed} (per method, template and scheme \
            granted on both sides: the permissions the document marks least before and after, and graphperm's \
            recommendation before and after), privilegeLevel {changed}, tiers {changed} (per permission and scheme on \
            both sides: the risk tier and the tier for a user without an admin role, before and after, the rule that \
            gave each, and the direction, raised meaning toward Tier 0; a tier changes when the two were built with \
            different tier rules), impact {changed, undocumented} with --calls, and tenant {apps} with --tenant \
            FOLDER (a tenant export as `audit --tenant` reads it: per app, the Microsoft Graph permissions it holds \
            that were removed, whose tier rose, or that are no longer least privileged for calls they were least \
            privileged for, a less privileged permission now being marked; broader than needed only if the app holds \
            it for those calls). Only the permissions document's grants are compared. --format md prints a changelog \
            grouped by resource, most consequential first (a tier raised toward Tier 0 first); --format atom an Atom \
            feed. A knowledge base compared with itself gives empty lists.
            Examples:
              graphperm diff permissions.json mirror
              graphperm diff permissions.json mirror --format md
              graphperm diff permissions.json mirror --calls calls.txt
              graphperm diff permissions.json mirror --tenant tenant-export --format md
            """
    )

    @Argument(help: "The older knowledge base, folder or file.")
    var old: String

    @Argument(help: "The newer knowledge base, folder or file.")
    var new: String

    @OptionGroup var options: DiffOptions

    func run() throws {
        let sides = (try DiffSide.open(old), try DiffSide.open(new))
        try options.print(old: sides.0, new: sides.1)
    }
}
