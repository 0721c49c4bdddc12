import MCP

/// The arguments of one tool call, checked against the tool's `ToolArgument`s: an unknown argument, a missing
/// required one or one of the wrong type fails with a message naming the argument (never quoting its value). A null
/// counts as absent.
struct ToolArguments {
    let tool: String
    private let values: [String: Value]

    init(tool: String, arguments: [String: Value]?, accepted: [ToolArgument]) throws(ToolFailure) {
        self.tool = tool
        let given = (arguments ?? [:]).filter { !$0.value.isNull }
        let names = accepted.map(\.name)
        for name in given.keys.sorted() where !names.contains(name) {
            let list = names.isEmpty ? "it takes none" : "it takes " + names.joined(separator: ", ")
            throw ToolFailure("\(tool): unknown argument '\(name)' (\(list))")
        }
        for argument in accepted {
            guard let value = given[argument.name] else {
                if argument.isRequired {
                    throw ToolFailure(
                        "\(tool): missing required argument '\(argument.name)' (\(Self.expected(argument.kind)))")
                }
                continue
            }
            try Self.check(value, as: argument.kind, place: argument.name, tool: tool)
        }
        values = given
    }

    /// A string argument.
    func string(_ name: String) -> String? { values[name]?.stringValue }

    /// An integer argument.
    func integer(_ name: String) -> Int? {
        switch values[name] {
        case .int(let number): number
        case .double(let number): Int(number)
        default: nil
        }
    }

    /// A boolean argument.
    func boolean(_ name: String) -> Bool? { values[name]?.boolValue }

    /// An array-of-strings argument.
    func strings(_ name: String) -> [String]? { values[name]?.arrayValue?.compactMap(\.stringValue) }

    /// An array-of-calls argument, as (method, url) pairs.
    func calls(_ name: String) -> [(method: String, url: String)]? {
        values[name]?.arrayValue?.compactMap { item in
            guard let method = item.objectValue?["method"]?.stringValue, let url = item.objectValue?["url"]?.stringValue
            else { return nil }
            return (method, url)
        }
    }

    /// An argument as given.
    func value(_ name: String) -> Value? { values[name] }

    /// Whether the call gave the argument.
    func has(_ name: String) -> Bool { values[name] != nil }

    private static func check(
        _ value: Value, as kind: ToolArgument.Kind, place: String, tool: String
    ) throws(ToolFailure) {
        let fits: Bool
        switch kind {
        case .string: fits = value.stringValue != nil
        case .integer:
            if case .double(let number) = value {
                fits = number.rounded() == number && abs(number) < 1e15
            } else {
                fits = value.intValue != nil
            }
        case .boolean: fits = value.boolValue != nil
        case .object: fits = value.objectValue != nil
        case .objectOrString: fits = value.objectValue != nil || value.stringValue != nil
        case .strings:
            guard let items = value.arrayValue, !items.isEmpty else {
                fits = false
                break
            }
            for (index, item) in items.enumerated() where item.stringValue == nil {
                throw ToolFailure("\(tool): argument '\(place)[\(index)]' must be a string, not \(describe(item))")
            }
            fits = true
        case .calls:
            guard let items = value.arrayValue, !items.isEmpty else {
                fits = false
                break
            }
            for (index, item) in items.enumerated() {
                guard let call = item.objectValue else {
                    throw ToolFailure(
                        "\(tool): argument '\(place)[\(index)]' must be an object {\"method\": ..., \"url\": ...}, "
                            + "not \(describe(item))"
                    )
                }
                for key in call.keys.sorted() where key != "method" && key != "url" {
                    throw ToolFailure(
                        "\(tool): argument '\(place)[\(index)]' has an unknown member '\(key)' "
                            + "(a call has method and url)"
                    )
                }
                for key in ["method", "url"] {
                    guard let member = call[key] else {
                        throw ToolFailure("\(tool): argument '\(place)[\(index)]' lacks '\(key)' (a string)")
                    }
                    if member.stringValue == nil {
                        throw ToolFailure(
                            "\(tool): argument '\(place)[\(index)].\(key)' must be a string, not \(describe(member))")
                    }
                }
            }
            fits = true
        }
        if !fits { throw ToolFailure("\(tool): argument '\(place)' must be \(expected(kind)), not \(describe(value))") }
    }

    private static func expected(_ kind: ToolArgument.Kind) -> String {
        switch kind {
        case .string: "a string"
        case .integer: "an integer"
        case .boolean: "true or false"
        case .object: "a JSON object"
        case .objectOrString: "a JSON object or its text"
        case .strings: "a non-empty array of strings"
        case .calls: "a non-empty array of {\"method\": ..., \"url\": ...} objects"
        }
    }

    /// The kind of a value, for messages (never the value itself, which may be a secret).
    static func describe(_ value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string, .data: "a string"
        case .array(let items): items.isEmpty ? "an empty array" : "an array"
        case .object: "an object"
        }
    }
}
