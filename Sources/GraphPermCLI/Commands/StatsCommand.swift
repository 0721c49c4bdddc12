import ArgumentParser
import GraphPermCLI
import GraphPermKit

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        _superCommandName: "graphperm",
        abstract:
            """
            Counts of the knowledge base and the files it was built from (the snapshot compiled in, and its age, on \
            stderr).
            """,
        discussion: "Example:\n  graphperm stats --format json"
    )

    @OptionGroup var common: CommonOptions

    func run() throws {
        let kb = try common.openKnowledgeBase()
        // A stale snapshot has had its note from openKnowledgeBase; a recent one is named here.
        if let note = CommonOptions.snapshotNote(kb, always: true), CommonOptions.snapshotNote(kb, always: false) == nil
        {
            Console.note(note)
        }
        Console.output(try common.render(try kb.statistics()))
    }
}
