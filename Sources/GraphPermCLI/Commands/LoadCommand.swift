import GraphPermPlatform
import GraphPermStore
import ArgumentParser
import GraphPermCLI
import GraphPermKit

struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        _superCommandName: "graphperm",
        abstract: "Build the knowledge base from Microsoft's permission files (all-or-nothing).",
        discussion: """
            Each PATH is a file or a folder of .json files; kinds are detected from content: the permissions document \
            (permissions.json), provisioningInfo.json, Graph Explorer's permissions-descriptions.json, and the \
            Microsoft Graph service principal (as Graph returns it, inside {"value": [...]}, or as `az ad sp show` \
            prints it). The embedded Graph Security API table and admin roles are always included. The new knowledge \
            base replaces the old one only when everything loaded; on any problem the old one stays as it was.
            Examples:
              graphperm load ./mirror
              graphperm load permissions.json servicePrincipal.json --db ./graph.sqlite
            """
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: "Files or folders to load.")
    var paths: [String] = []

    @Flag(name: .long, help: "Print every merge warning (otherwise a count and the first few).")
    var verbose = false

    func validate() throws {
        if paths.isEmpty {
            throw ValidationError(
                """
                name at least one file or folder to load, e.g. `graphperm load permissions.json`; `graphperm sync` \
                downloads Microsoft's files
                """
            )
        }
    }

    func run() throws {
        let (path, isExplicit) = common.databasePath
        if !isExplicit {
            try? FileManager.default.createDirectory(
                atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        }
        let facts = try KnowledgeBase.build(from: paths, at: path)
        let shown = verbose ? facts.warnings : Array(facts.warnings.prefix(5))
        for warning in shown { Console.note("warning: \(warning)") }
        if facts.warnings.count > shown.count {
            Console.note(
                "\(facts.warnings.count - shown.count) more warnings (see --verbose, or the load_warning table)")
        }
        let kb = try KnowledgeBase.open(path: path)
        let stats = try kb.statistics()
        Console.note("loaded \(facts.provenance.count) files into \(path)")
        Console.output(try common.render(stats))
    }
}
