import GraphPermPlatform
import ArgumentParser
import GraphPermKit
import GraphPermStore
import GraphPermQuery

/// The `graphperm` command: its subcommands, and the exit code of every error (mapped once, here).
package struct GraphPerm: ParsableCommand {
    package init() {}

    package static let configuration = CommandConfiguration(
        commandName: "graphperm",
        abstract:
            "Which Microsoft Graph permission does this call need? Answers offline from Microsoft's permission data.",
        discussion: """
            Examples:
              graphperm sync
              graphperm least GET https://graph.microsoft.com/v1.0/me/messages
              graphperm least PATCH alerts --scheme application
              graphperm show Mail.Read
              graphperm table GET /security/alerts
            Exit codes: 0 answer, 1 no answer, 64 usage, 65 bad data, 74 I/O.
            """,
        version: GraphPermVersion.description,
        subcommands: [
            ReplCommand.self, QueryCommand.self, RunCommand.self, QueriesCommand.self, LoadCommand.self,
            LeastCommand.self, ShowCommand.self, TableCommand.self, ReferenceCommand.self, DiagnoseCommand.self,
            ClaimsCommand.self, NeedCommand.self, AuditCommand.self, SyncCommand.self, DiffCommand.self,
            ChangesCommand.self, MCPCommand.self, ServeCommand.self, SQLCommand.self, StatsCommand.self,
        ],
        defaultSubcommand: ReplCommand.self
    )

    /// Parses and runs like ArgumentParser's own `main`, but a usage error that quotes an argument (a 100 MB
    /// number, a value with escape sequences) is printed bounded and with its control characters escaped.
    package static func main() {
        Resources.useFolder(Environment.value("GRAPHPERM_RESOURCES"))
        let arguments: [String]
        switch ArgumentOrder.read(Array(CommandLine.arguments.dropFirst()), commands: commandNames) {
        case .arguments(let read):
            arguments = read
        case .unknownCommand(let word, let suggestion):
            let hint = suggestion.map { "; did you mean \($0)?" } ?? ""
            Console.note(
                "error: unknown command '\(Excerpt.text(word))'\(hint) (`graphperm --help` lists the commands)")
            terminate(64)
        }
        do {
            var command = try parseCommand(arguments)
            // Tables fit the terminal's width (or COLUMNS), for this run of the command.
            try TableLayout.$width.withValue(Terminal.tableWidth) { try command.run() }
        } catch let error as GraphPermError {
            // Every error of graphperm's own is mapped here, once: its sentence on stderr, its exit code.
            Console.note(error.userMessage)
            terminate(error.exitCode)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
            } else if !message.isEmpty {
                StandardStreams.write((Excerpt.message(message) + "\n"), to: STDERR_FILENO)
            }
            terminate(code.rawValue)
        }
    }

    /// The command `arguments` name. The commonest one-shot line, `least METHOD TARGET` with its options, is read by
    /// `QuickLeast`. Another line that starts with a one-shot subcommand (its configuration names `graphperm` as its
    /// super-command) is first parsed by that subcommand alone, which skips the root's work (the completion-script
    /// check and the command tree: a fifth of a one-shot `least`'s instructions). A line that parse refuses or reads
    /// as a request for help (a usage error, `--help`, a completion-script request) is parsed again from the root,
    /// so every message is the one the root gives.
    package static func parseCommand(_ arguments: [String]) throws -> any ParsableCommand {
        if arguments.first == LeastCommand._commandName, let least = QuickLeast.read(Array(arguments.dropFirst())) {
            return least
        }
        if let first = arguments.first,
            let subcommand = configuration.subcommands.first(where: { $0._commandName == first }),
            subcommand.configuration._superCommandName != nil,
            let command = try? subcommand.parseAsRoot(Array(arguments.dropFirst())),
            type(of: command) == subcommand  // not its help, which the root's parse lays out
        {
            return command
        }
        return try parseAsRoot(arguments)
    }

    /// The subcommands' names, and ArgumentParser's own `help`.
    static var commandNames: [String] { configuration.subcommands.map { $0._commandName } + ["help"] }
}

/// Ends the process with `code` at once.
private func terminate(_ code: Int32) -> Never {
    #if canImport(Glibc)
    Glibc.exit(code)
    #else
    Darwin.exit(code)
    #endif
}
