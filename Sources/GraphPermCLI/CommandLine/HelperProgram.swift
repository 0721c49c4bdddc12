import GraphPermPlatform
import ArgumentParser

/// A helper executable installed beside `graphperm` (graphperm-sync, graphperm-serve) that a command hands over to,
/// so that only the helper links its heavy libraries and every other command starts fast.
enum HelperProgram {
    /// Replaces this process with the helper `name` beside this binary, given `arguments`; exit 74 when it is
    /// missing or cannot start.
    static func exec(_ name: String, arguments: [String]) throws -> Never {
        let executable = URL(fileURLWithPath: ownPath).deletingLastPathComponent().path + "/" + name
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            Console.note("error: \(executable) is missing: install \(name) beside graphperm")
            throw ExitCode(74)
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        execv(executable, argv)
        Console.note("error: \(executable) could not be started (\(String(cString: strerror(errno))))")
        throw ExitCode(74)
    }

    /// This program's own file (through /proc on Linux, else the first argument).
    static var ownPath: String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return resolved
        }
        return CommandLine.arguments[0]
    }
}

/// A command that hands its whole line to a helper program beside `graphperm` (`sync`, `mcp`, `serve`): options and
/// help included, the helper reads them.
protocol HelperCommand: ParsableCommand {
    /// The helper's file name, e.g. `graphperm-sync`.
    static var helper: String { get }
    /// The line after the command's name, as typed.
    var arguments: [String] { get }
}

extension HelperCommand {
    func run() throws {
        try HelperProgram.exec(Self.helper, arguments: arguments)
    }
}
