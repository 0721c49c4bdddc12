import GraphPermPlatform
import ArgumentParser
import GraphPermCLI
import GraphPermKit

/// `graphperm mcp` runs the `graphperm-mcp` helper beside this binary with the same arguments: only the helper
/// links the MCP SDK, which keeps every other command's start-up short.
struct MCPCommand: HelperCommand {
    static let helper = "graphperm-mcp"

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
}
