import ArgumentParser
import Foundation
import GraphPermCLI
import GraphPermKit

/// `graphperm mcp` runs the `graphperm-mcp` helper beside this binary with the same arguments: only the helper
/// links the MCP SDK, which keeps every other command's start-up short.
struct MCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve graphperm to AI agents: a Model Context Protocol server over stdio.",
        discussion: """
            See `graphperm mcp --help` for the options.
            Examples:
              graphperm mcp
              graphperm mcp --db kb.sqlite
            """
    )

    @Argument(parsing: .captureForPassthrough, help: "The options of `graphperm mcp`.")
    var arguments: [String] = []

    func run() throws {
        let executable = (SyncCommand.ownPath as NSString).deletingLastPathComponent + "/graphperm-mcp"
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            Console.note("error: \(executable) is missing: install graphperm-mcp beside graphperm")
            throw ExitCode(74)
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        execv(executable, argv)
        Console.note("error: \(executable) could not be started (\(String(cString: strerror(errno))))")
        throw ExitCode(74)
    }
}
