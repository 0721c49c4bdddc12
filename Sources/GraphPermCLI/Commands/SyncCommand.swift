import ArgumentParser
import Foundation
import GraphPermCLI
import GraphPermKit

/// `graphperm sync` runs the `graphperm-sync` helper beside this binary with the same arguments: only the helper
/// links the networking libraries, which keeps every other command's start-up short.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract:
            "Bring the knowledge base up to date from Microsoft's permission files (or a mirror, or your tenant).",
        discussion: """
            See `graphperm sync --help` for the options.
            Examples:
              graphperm sync
              graphperm sync --from ./mirror
            """
    )

    @Argument(parsing: .captureForPassthrough, help: "The options of `graphperm sync`.")
    var arguments: [String] = []

    func run() throws {
        let executable = (Self.ownPath as NSString).deletingLastPathComponent + "/graphperm-sync"
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            Console.note("error: \(executable) is missing: install graphperm-sync beside graphperm")
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
