import ArgumentParser
import Foundation
import GraphPermCLI
import GraphPermKit
import MCP

/// `graphperm mcp`: the MCP server over stdio. stdout carries only protocol messages; notes go to stderr.
@main
struct MCPServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graphperm mcp",
        abstract: "Serve graphperm to AI agents: a Model Context Protocol server over stdio.",
        discussion: """
            Reads JSON-RPC messages on stdin, one per line, and answers on stdout; notes go to stderr. Tools: least, \
            who_can, show, table, need, diagnose, guard, query; the saved queries are resources; the prompt \
            least-privilege-review takes a list of calls. It ends when stdin closes, after answering every request \
            read. Register it in an MCP client as the command `graphperm` with the arguments `mcp` (README).
            Examples:
              graphperm mcp
              graphperm mcp --db kb.sqlite
            """
    )

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if common.format != nil {
            throw ValidationError("graphperm mcp writes JSON-RPC messages: --format does not apply")
        }
    }

    func run() async throws {
        let server = await GraphPermServer.make(kb: openKnowledgeBase())
        let transport = DrainingTransport()
        try await server.start(transport: transport)
        await server.waitUntilCompleted()
        await transport.drain()
    }

    /// The knowledge base as every command opens it; when that fails the server still runs, and every tool answers
    /// with the error (a client shows it, where an exit would only close the stream).
    private func openKnowledgeBase() -> Result<KnowledgeBase, ToolFailure> {
        let (path, isExplicit) = common.databasePath
        do {
            if isExplicit {
                let kb = try KnowledgeBase.open(path: path)
                if let note = CommonOptions.snapshotNote(kb, always: false) { Console.note(note) }
                return .success(kb)
            }
            return .success(try common.openKnowledgeBase())
        } catch {
            let failure = ToolFailure(error)
            Console.note(failure.description)
            return .failure(failure)
        }
    }
}
