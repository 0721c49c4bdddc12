import GraphPermQuery

/// A parsed JSON value that keeps object members in document order.
///
///     try JSONParser.parse(Array(#"{"a": [1, true]}"#.utf8))  // .object([("a", .array([.number(1), .bool(true)]))])
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// A short name of the value's type, for error messages ("an object", "a string", ...).
    package var typeDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A JSON object's members in document order; keys are unique (the parser rejects duplicates).
public struct JSONObject: Sendable, Equatable {
    /// The members in document order: `[("a", .number(1))]`.
    public var members: [(key: String, value: JSONValue)]

    /// An object of `members`: `JSONObject([("a", .bool(true))])["a"]  // .bool(true)`.
    public init(_ members: [(key: String, value: JSONValue)]) { self.members = members }

    /// The value of `key`, or nil.
    public subscript(key: String) -> JSONValue? {
        members.first(where: { $0.key == key })?.value
    }

    /// Objects are equal when their members are, in order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

/// One step of a JSON path: an object key or an array index (keys over 80 characters are shortened with `…`).
public enum JSONPathComponent: Sendable, Equatable {
    case key(String)
    case index(Int)

    /// Renders a path the way the error messages print it: `$.permissions["Mail.Read"].pathSets[2]`.
    package static func render(_ path: [JSONPathComponent]) -> String {
        var text = "$"
        for component in path {
            switch component {
            case .index(let index): text += "[\(index)]"
            case .key(let fullKey):
                let key = Excerpt.text(fullKey)
                let isPlain = !key.isEmpty && key.allSatisfy {
                    $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" || $0 == "@")
                }
                text += isPlain ? ".\(key)" : "[\"\(key.replacing("\"", with: "\\\""))\"]"
            }
        }
        return text
    }
}
