import GraphPermCLI
import GraphPermKit
import MCP

/// The MCP server: graphperm's tools, the saved queries as resources and the least-privilege review prompt, all
/// answered from one knowledge base (or, when it could not be opened, with that error as every tool's answer).
enum GraphPermServer {
    /// The tools, in the order `tools/list` gives them.
    static let tools: [GraphTool] = [
        LookupTools.least, LookupTools.whoCan, LookupTools.show, LookupTools.table, LookupTools.need,
        DiagnoseTool.tool, GuardTool.tool, QueryTool.tool,
    ]

    static let instructions = """
        graphperm answers offline, from Microsoft's own permission data, which Microsoft Graph permission a call \
        needs. Before writing code that calls Microsoft Graph, ask `least` (or `need` for all the calls of an app) \
        rather than guessing scopes; use `guard` to check a call against the permissions allowed, and `diagnose` to \
        explain a 401 or 403 from the token's claims.
        """

    /// A server with every handler registered (before it starts, so that no early request finds none).
    static func make(kb: Result<KnowledgeBase, ToolFailure>) async -> Server {
        let server = Server(
            name: "graphperm", version: GraphPermVersion.current, instructions: instructions,
            capabilities: .init(
                prompts: .init(listChanged: false), resources: .init(subscribe: false, listChanged: false),
                tools: .init(listChanged: false)))
        await server.withMethodHandler(ListTools.self) { _ in
            ListTools.Result(tools: tools.map(\.definition))
        }
        await server.withMethodHandler(CallTool.self) { parameters in
            guard let tool = tools.first(where: { $0.name == parameters.name }) else {
                let names = tools.map(\.name).joined(separator: ", ")
                throw MCPError.invalidParams("unknown tool '\(parameters.name)' (the tools are \(names))")
            }
            return tool.call(parameters.arguments, kb: kb)
        }
        await server.withMethodHandler(ListResources.self) { _ in SavedQueryResources.list() }
        await server.withMethodHandler(ReadResource.self) { parameters in try SavedQueryResources.read(parameters.uri) }
        await server.withMethodHandler(ListPrompts.self) { _ in
            ListPrompts.Result(prompts: [ReviewPrompt.definition], nextCursor: nil)
        }
        await server.withMethodHandler(GetPrompt.self) { parameters in
            guard parameters.name == ReviewPrompt.name else {
                throw MCPError.invalidParams("unknown prompt '\(parameters.name)' (the prompt is \(ReviewPrompt.name))")
            }
            return try ReviewPrompt.get(parameters.arguments, kb: kb)
        }
        return server
    }
}
