import GraphPermCLI
import GraphPermKit
import GraphPermQuery

/// The `query` tool: one statement of the query language (read-only), run as `graphperm query` runs it.
enum QueryTool {
    static let tool = GraphTool(
        name: "query",
        description: "Run one statement of graphperm's read-only query language, e.g. `least GET /me/messages`, "
            + "`who can DELETE /users/{id}`, `permissions where resource = 'Mail' order by name`, "
            + "`paths of Mail.Read`, `compare Mail.Read Mail.ReadBasic`, `roles`, `entities`; as `graphperm query`. "
            + "The saved queries are resources (graphperm://queries/NAME).",
        arguments: [.required("statement", .string, "One statement of the query language.")],
        outputSchema: nil
    ) { arguments, kb throws(ToolFailure) in
        let statements: [Statement]
        do throws(QueryError) {
            statements = try Parser.parseScript(arguments.string("statement")!)
        } catch {
            throw ToolFailure(error.description)
        }
        guard statements.count == 1 else {
            throw ToolFailure(
                statements.isEmpty
                    ? "query: the text holds no statement"
                    : "query: the text holds \(statements.count) statements: send one statement per call")
        }
        return try answer(statements[0], kb: kb)
    }

    /// Runs `statement` through the CLI's `ScriptRunner`: as JSON for the structured content, as a table for the text.
    static func answer(_ statement: Statement, kb: KnowledgeBase) throws(ToolFailure) -> ToolAnswer {
        switch ScriptRunner(kb: kb, format: .json).run(statement) {
        case .failure(let message, _):
            throw ToolFailure(message)
        case .output(let json):
            guard case .output(let text) = ScriptRunner(kb: kb, format: .table).run(statement) else {
                return ToolAnswer(text: json, json: json)
            }
            return ToolAnswer(text: text, json: json)
        }
    }
}
