import ArgumentParser
import Testing

/// What a user sees when a command line is refused: the message ArgumentParser prints and the exit code.
struct Refusal: Equatable, CustomStringConvertible {
    let message: String
    let exitCode: Int32

    var description: String { "exit \(exitCode): \(message)" }

    /// The refusal of `arguments` by `command`, or nil when they parse and validate.
    static func of<Command: ParsableCommand>(_ command: Command.Type, _ arguments: [String]) -> Refusal? {
        do {
            _ = try command.parse(arguments)
            return nil
        } catch {
            return Refusal(message: command.message(for: error), exitCode: command.exitCode(for: error).rawValue)
        }
    }

    /// A usage error (exit 64) with `message`.
    static func usage(_ message: String) -> Refusal { Refusal(message: message, exitCode: 64) }
}
