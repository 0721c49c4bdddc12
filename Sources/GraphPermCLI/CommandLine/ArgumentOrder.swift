import GraphPermKit

/// A command line as people type it, read the way ArgumentParser expects it: options every command takes
/// (`--db`, `--format`) may come before the subcommand, and a first word that names no command is an error with
/// the nearest command (otherwise the default subcommand, the REPL, would complain about it with its own usage).
///
///     ArgumentOrder.read(["--db", "kb.sqlite", "least", "GET", "/me"], commands: ["least", "show"])
///     // .arguments(["least", "--db", "kb.sqlite", "GET", "/me"])
///     ArgumentOrder.read(["lest", "GET", "/me"], commands: ["least", "show"])
///     // .unknownCommand("lest", suggestion: "least")
package enum ArgumentOrder {
    package enum Outcome: Equatable, Sendable {
        case arguments([String])
        case unknownCommand(String, suggestion: String?)
    }

    /// The options of `CommonOptions`, which take a value.
    static let commonOptions: Set<String> = ["--db", "--format"]

    package static func read(_ arguments: [String], commands: [String]) -> Outcome {
        var leading: [String] = []
        var index = 0
        while index < arguments.count, arguments[index].hasPrefix("-"), arguments[index] != "-",
            arguments[index] != "--"
        {
            let word = arguments[index]
            if commonOptions.contains(word), index + 1 < arguments.count {
                leading += [word, arguments[index + 1]]
                index += 2
            } else if commonOptions.contains(where: { word.hasPrefix($0 + "=") }) {
                leading.append(word)
                index += 1
            } else {
                return .arguments(arguments)  // --help, --version, completion scripts: ArgumentParser's own
            }
        }
        guard index < arguments.count, !arguments[index].hasPrefix("-") else { return .arguments(arguments) }
        let word = arguments[index]
        guard commands.contains(word) else {
            return .unknownCommand(word, suggestion: Suggestions.nearest(word, in: commands, limit: 1).first)
        }
        guard !leading.isEmpty, word != "help" else { return .arguments(arguments) }
        return .arguments([word] + leading + arguments[(index + 1)...])
    }
}
