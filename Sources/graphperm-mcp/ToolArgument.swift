import MCP

/// One argument of a tool: its name, type and description. The same definition writes the tool's input schema and
/// checks the arguments a call sends, so the two cannot drift apart.
struct ToolArgument: Sendable {
    /// The JSON type an argument takes.
    enum Kind: Sendable {
        case string
        case integer
        case boolean
        /// A JSON object (decoded token claims).
        case object
        /// A JSON object or its text (an error response body).
        case objectOrString
        /// A non-empty array of strings.
        case strings
        /// A non-empty array of `{"method": ..., "url": ...}` objects.
        case calls
    }

    let name: String
    let kind: Kind
    let isRequired: Bool
    let description: String
    /// The values the schema lists (a client may offer them); the check leaves them to the knowledge base.
    var suggested: [String]? = nil

    static func required(_ name: String, _ kind: Kind, _ description: String, suggested: [String]? = nil) -> Self {
        ToolArgument(name: name, kind: kind, isRequired: true, description: description, suggested: suggested)
    }

    static func optional(_ name: String, _ kind: Kind, _ description: String, suggested: [String]? = nil) -> Self {
        ToolArgument(name: name, kind: kind, isRequired: false, description: description, suggested: suggested)
    }

    /// The argument's JSON schema.
    var schema: Value {
        var members: [String: Value] = ["description": .string(description)]
        switch kind {
        case .string: members["type"] = "string"
        case .integer: members["type"] = "integer"
        case .boolean: members["type"] = "boolean"
        case .object: members["type"] = "object"
        case .objectOrString: members["type"] = .array(["object", "string"])
        case .strings:
            members["type"] = "array"
            members["items"] = .object(["type": "string"])
            members["minItems"] = 1
        case .calls:
            members["type"] = "array"
            members["minItems"] = 1
            members["items"] = .object([
                "type": "object",
                "properties": .object([
                    "method": .object(["type": "string", "description": "HTTP method"]),
                    "url": .object(["type": "string", "description": "The URL or path called"]),
                ]),
                "required": .array(["method", "url"]),
                "additionalProperties": false,
            ])
        }
        if let suggested { members["enum"] = .array(suggested.map(Value.string)) }
        return .object(members)
    }

    /// The input schema of a tool taking `arguments`.
    static func inputSchema(_ arguments: [ToolArgument]) -> Value {
        .object([
            "type": "object",
            "properties": .object(Dictionary(uniqueKeysWithValues: arguments.map { ($0.name, $0.schema) })),
            "required": .array(arguments.filter(\.isRequired).map { .string($0.name) }),
            "additionalProperties": false,
        ])
    }
}

/// The HTTP methods the knowledge base knows, as the schemas list them.
let httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"]
