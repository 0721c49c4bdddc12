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

    @Option(name: .long, help: "The knowledge base file (else $GRAPHPERM_DB, else the per-user data location).")
    var db: String?

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
        do {
            // The options every command shares (--format does not apply here: the output is JSON-RPC).
            let common = try CommonOptions.parse(db.map { ["--db", $0] } ?? [])
            let (path, isExplicit) = common.databasePath
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
