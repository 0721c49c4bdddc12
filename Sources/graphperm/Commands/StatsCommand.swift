import ArgumentParser
import GraphPermCommandLine
import GraphPermKit

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Counts of the knowledge base and the files it was built from.",
        discussion: "Example:\n  graphperm stats --format json"
    )

    @OptionGroup var common: CommonOptions

    func run() throws {
        let kb = try common.openKnowledgeBase()
        Console.output(try Failure.guarded { try kb.statistics() }.render(common.outputFormat))
    }
}
