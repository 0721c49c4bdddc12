import GraphPermKit
import MCP

/// The prompt `least-privilege-review`: given the calls an app makes, asks the model for a least-privilege review,
/// with graphperm's own analysis of the calls (as `graphperm need` gives it) included as the facts to start from.
enum ReviewPrompt {
    static let name = "least-privilege-review"

    static let definition = Prompt(
        name: name,
        description: "Review the Microsoft Graph calls an app makes for least privilege: the permissions to request "
            + "per permission type, the one that grants each call, and what is broader than needed.",
        arguments: [
            .init(
                name: "calls", description: "The calls, one `METHOD URL` per line (or separated by ';').",
                required: true),
            .init(
                name: "granted", description: "The permissions the app requests now, separated by commas (optional).",
                required: false),
        ])

    /// The calls of the `calls` argument; a line that is not `METHOD URL` fails naming the line.
    static func calls(_ text: String) throws -> [AppCalls.Call] {
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { throw MCPError.invalidParams("\(name): calls is empty: give `METHOD URL` lines") }
        return try lines.enumerated().map { index, line in
            let words = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard words.count == 2 else {
                throw MCPError.invalidParams("\(name): calls, call \(index + 1): expected `METHOD URL`")
            }
            return AppCalls.Call(method: words[0], url: words[1].trimmingCharacters(in: .whitespaces))
        }
    }

    /// The prompt's message for `arguments`.
    static func get(_ arguments: [String: String]?, kb: Result<KnowledgeBase, ToolFailure>) throws -> GetPrompt.Result {
        let unknown = (arguments ?? [:]).keys.filter { $0 != "calls" && $0 != "granted" }.sorted()
        if let first = unknown.first {
            throw MCPError.invalidParams("\(name): unknown argument '\(first)' (it takes calls, granted)")
        }
        guard let text = arguments?["calls"] else {
            throw MCPError.invalidParams("\(name): missing required argument 'calls'")
        }
        let list = try calls(text)
        var message =
            "Review these Microsoft Graph calls of an app for least privilege:\n\n"
            + list.map { "- \($0.method) \($0.url)\n" }.joined()
        if let granted = arguments?["granted"], !granted.isEmpty {
            message += "\nThe app requests these permissions now: \(granted).\n"
        }
        switch kb {
        case .success(let kb):
            if let analysis = try? kb.need(list) {
                message +=
                    "\ngraphperm's analysis from Microsoft's permission data (the smallest least-privileged set "
                    + "per permission type, and the permission that grants each call):\n\n"
                    + analysis.tabular.render(.md)
            }
        case .failure(let failure):
            message += "\n(graphperm's knowledge base could not be opened: \(failure))\n"
        }
        message += """

            For each permission type the app uses, say which permissions it should request and which permission \
            grants each call, and why. Point out calls that need a higher-privileged permission than the others, \
            calls that Microsoft's data does not document, and (if the app's current permissions were given) those \
            unused or broader than needed. Check details with graphperm's tools (least, who_can, need, guard) rather \
            than guessing permission names.
            """
        return GetPrompt.Result(
            description: "Least-privilege review of \(list.count) call(s)", messages: [.user(.text(text: message))])
    }
}
