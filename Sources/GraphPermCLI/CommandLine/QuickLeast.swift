import ArgumentParser
import GraphPermKit

/// `graphperm least METHOD TARGET` with any of `--scheme S`, `--format F` and `--db PATH`: the one-shot line that
/// scripts run most, read without ArgumentParser, whose reflection over a command's properties is about half of
/// such a run's instructions. Every other line is nil here and goes to ArgumentParser, which gives every message:
/// help, `--batch`, `--name=value`, an option given twice or unknown, a value starting with `-`, one it refuses.
///
///     QuickLeast.read(["GET", "/me/messages", "--format", "json"])  // LeastCommand: GET /me/messages, json
///     QuickLeast.read(["GET", "/me", "--scheme", "admin"])          // nil: ArgumentParser words the refusal
enum QuickLeast {
    static func read(_ arguments: [String]) -> LeastCommand? {
        var words: [String] = []
        var options: [String: String] = [:]
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            guard word.hasPrefix("-") else {
                words.append(word)
                index += 1
                continue
            }
            guard ["--scheme", "--format", "--db"].contains(word), options[word] == nil, index + 1 < arguments.count,
                !arguments[index + 1].hasPrefix("-")
            else { return nil }
            options[word] = arguments[index + 1]
            index += 2
        }
        guard words.count == 2 else { return nil }
        var common = CommonOptions()
        common.db = options["--db"]
        common.format = nil
        if let format = options["--format"] {
            guard let known = OutputFormat(argument: format) else { return nil }
            common.format = known
        }
        var command = LeastCommand()
        command.common = common
        command.method = words[0]
        command.target = words[1]
        command.scheme = options["--scheme"]
        command.batch = false
        // ArgumentParser validates the option group, then the command; so does this.
        guard (try? command.common.validate()) != nil, (try? command.validate()) != nil else { return nil }
        return command
    }
}
