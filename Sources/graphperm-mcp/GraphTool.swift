import Foundation
import GraphPermKit
import MCP

/// A tool the server offers: its definition (name, description, arguments, output schema) and how it answers.
struct GraphTool: Sendable {
    let name: String
    let description: String
    let arguments: [ToolArgument]
    /// The shape of the structured result; nil where it varies (the query language's statements).
    let outputSchema: Value?
    let answer: @Sendable (ToolArguments, KnowledgeBase) throws(ToolFailure) -> ToolAnswer

    /// The definition `tools/list` returns.
    var definition: Tool {
        Tool(
            name: name, description: description, inputSchema: ToolArgument.inputSchema(arguments),
            annotations: .init(readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false),
            outputSchema: outputSchema)
    }

    /// Checks the arguments and answers; a failure becomes a tool error with its message.
    func call(_ arguments: [String: Value]?, kb: Result<KnowledgeBase, ToolFailure>) -> CallTool.Result {
        do throws(ToolFailure) {
            let checked = try ToolArguments(tool: name, arguments: arguments, accepted: self.arguments)
            return try answer(checked, try kb.get()).result
        } catch {
            return CallTool.Result(
                content: [.text(text: error.description, annotations: nil, _meta: nil)], isError: true)
        }
    }
}

/// A tool's answer: a short text for the model and the CLI's JSON document (`--format json`) for structured content.
struct ToolAnswer {
    let text: String
    let json: String

    /// The result: the text, and the JSON as structured content. MCP's structured content is an object, so a JSON
    /// array (the rows of a table) comes as `{"rows": [...]}`.
    var result: CallTool.Result {
        // The SDK's plain initializer, named by its type: a `Value` argument would otherwise pick its throwing generic
        // one.
        let make: ([Tool.Content], Value?, Bool?, Metadata?) -> CallTool.Result =
            CallTool.Result.init(content:structuredContent:isError:_meta:)
        let content: [Tool.Content] = [.text(text: text, annotations: nil, _meta: nil)]
        guard let value = try? JSONDecoder().decode(Value.self, from: Data(json.utf8)) else {
            return make(content, nil, nil, nil)
        }
        return make(content, value.arrayValue == nil ? value : .object(["rows": value]), nil, nil)
    }
}

/// Output schemas shared by several tools.
enum OutputSchema {
    /// An object with these required members (described loosely: the CLI's JSON is the reference).
    static func object(_ required: [String]) -> Value {
        .object(["type": "object", "required": .array(required.map(Value.string))])
    }

    /// A table's rows, `{"rows": [{column: value, ...}, ...]}`.
    static let rows: Value = .object([
        "type": "object",
        "properties": .object([
            "rows": .object(["type": "array", "items": .object(["type": "object"])])
        ]),
        "required": .array(["rows"]),
    ])
}
