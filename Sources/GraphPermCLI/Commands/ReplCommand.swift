import GraphPermPlatform
import ArgumentParser
import GraphPermCLI
import GraphPermKit
import GraphPermQuery

struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Ask questions interactively (also what `graphperm` alone starts on a terminal).",
        discussion: """
            Line editing, history and tab completion come from libedit when it is installed (plain input otherwise). \
            History is kept in the per-user data folder, never with a line that holds an access token. Ctrl-C abandons \
            the line, Ctrl-D leaves; .help lists the statements and dot commands.
            Example:
              graphperm repl --db graph.sqlite
            """
    )

    @OptionGroup var common: CommonOptions

    func run() throws {
        let kb = try common.openKnowledgeBase()
        let interactive = isatty(STDIN_FILENO) == 1
        let historyPath = (CommonOptions.dataDirectory + "/history")
        try? FileManager.default.createDirectory(atPath: CommonOptions.dataDirectory, withIntermediateDirectories: true)
        let reader: any LineReader
        if interactive, let edit = LibEditReader(historyPath: historyPath, words: REPL.completionWords(kb)) {
            reader = edit
        } else {
            reader = PlainLineReader(showsPrompt: interactive)
        }
        if interactive { Console.note("knowledge base: \(kb.location); .help for help, Ctrl-D to leave") }
        let format = common.format ?? (isatty(STDOUT_FILENO) == 1 ? .table : .json)
        let writeError: (String) -> Void = { text in StandardStreams.write(Excerpt.message(text), to: STDERR_FILENO) }
        let repl = REPL(
            runner: ScriptRunner(kb: kb, format: format), reader: reader, write: { text in Console.output(text) },
            writeError: writeError)
        repl.run()
    }
}
