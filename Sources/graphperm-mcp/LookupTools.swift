import GraphPermCLI
import GraphPermKit
import GraphPermQuery

/// The tools that ask the knowledge base what the CLI's `least`, `who can`, `show`, `table` and `need` ask.
enum LookupTools {
    static let method = ToolArgument.required(
        "method", .string, "HTTP method: GET, POST, PUT, PATCH or DELETE.", suggested: httpMethods)
    static let url = ToolArgument.required(
        "url", .string,
        "The URL as called (https://graph.microsoft.com/v1.0/..., /beta/..., or a path, {id} placeholders allowed).")
    static let scheme = ToolArgument.optional(
        "scheme", .string, "Only this permission type: delegated, work, personal or application.",
        suggested: ["delegated", "work", "personal", "application"])

    /// The permission types `scheme` names (nil: all); fails as `--scheme` does.
    static func schemes(_ arguments: ToolArguments) throws(ToolFailure) -> Set<Scheme>? {
        guard let text = arguments.string("scheme") else { return nil }
        guard let schemes = Scheme.set(userText: text) else {
            throw ToolFailure("\(arguments.tool): scheme takes delegated, work, personal or application, not '\(text)'")
        }
        return schemes
    }

    static let least = GraphTool(
        name: "least",
        description: "The least-privileged Microsoft Graph permission for a call, per permission type (delegated work "
            + "or school, delegated personal, application), with higher-privileged alternatives; as `graphperm least`.",
        arguments: [method, url, scheme],
        outputSchema: OutputSchema.object(["request", "template", "schemes", "basis", "notes"])
    ) { arguments, kb throws(ToolFailure) in
        let answer = try ToolFailure.guarded {
            try kb.least(
                method: arguments.string("method")!, target: arguments.string("url")!, schemes: try schemes(arguments))
        }
        let heading = "\(answer.method) \(answer.url)" + (answer.template.map { " → \($0)" } ?? "")
        let text = ([heading] + answer.notes).joined(separator: "\n") + "\n" + answer.render(.table)
        return ToolAnswer(text: text, json: answer.json)
    }

    static let whoCan = GraphTool(
        name: "who_can",
        description: "Every permission that grants a call, per permission type, ranked (least first); as the query "
            + "language's `who can METHOD URL`.",
        arguments: [method, url],
        outputSchema: OutputSchema.rows
    ) { arguments, kb throws(ToolFailure) in
        try QueryTool.answer(
            .whoCan(method: arguments.string("method")!, target: arguments.string("url")!, schemes: nil), kb: kb)
    }

    static let show = GraphTool(
        name: "show",
        description: "A permission's card by name or ID (per permission type: ID, consent texts, admin consent, "
            + "privilege level, how many calls it grants), or an admin role by name or role template ID; "
            + "as `graphperm show`.",
        arguments: [
            .required(
                "name_or_id", .string,
                "A permission name (Mail.Read) or GUID, or an admin role name or role template ID.")
        ],
        outputSchema: OutputSchema.object([])
    ) { arguments, kb throws(ToolFailure) in
        let result = try ToolFailure.guarded { try kb.show(arguments.string("name_or_id")!) }
        return ToolAnswer(text: result.render(.table), json: result.render(.json))
    }

    static let table = GraphTool(
        name: "table",
        description: "The permissions table of a Graph API exactly as Microsoft's API reference prints it, several "
            + "URLs of one API merged as the docs merge them; as `graphperm table`.",
        arguments: [method, .required("urls", .strings, "The API's URLs or paths (one or more).")],
        outputSchema: OutputSchema.rows
    ) { arguments, kb throws(ToolFailure) in
        let urls = arguments.strings("urls")!
        if let index = urls.firstIndex(where: { $0.contains(";") }) {
            throw ToolFailure("table: urls[\(index)] holds ';': give each URL as an element of its own")
        }
        let table = try ToolFailure.guarded {
            try kb.permissionTable(method: arguments.string("method")!, urls: urls.joined(separator: ";"))
        }
        var notes = table.problems.map(\.description)
        if !table.isMicrosoftTable, table.problems.isEmpty {
            notes.append(
                "a permission type lists permissions without a least-privilege marker: "
                    + "Microsoft's generator prints no table here"
            )
        }
        let rows = TabularText(
            columns: ["Permission type", "Least privileged permissions", "Higher privileged permissions"],
            rows: table.rows.map { [$0.scheme.docsLabel, $0.least, $0.higher] })
        return ToolAnswer(text: (notes.map { $0 + "\n" }.joined()) + table.markdown, json: rows.render(.json))
    }

    static let need = GraphTool(
        name: "need",
        description: "The smallest least-privileged set of permissions that grants every call an app makes, per "
            + "permission type, with the permission that grants each call and why; as `graphperm need`.",
        arguments: [.required("calls", .calls, "The calls the app makes."), scheme],
        outputSchema: OutputSchema.object(["schemes", "unknown", "otherHosts"])
    ) { arguments, kb throws(ToolFailure) in
        let calls = arguments.calls("calls")!.map { AppCalls.Call(method: $0.method, url: $0.url) }
        let only = try schemes(arguments).map { $0.sorted() } ?? Scheme.allCases
        let analysis = try ToolFailure.guarded { try kb.need(calls, schemes: only) }
        let notes = analysis.schemes.filter { !$0.isProvenMinimal }.map {
            "\($0.scheme.rawValue): the search stopped at its limit; the set is the best found, not proven minimal\n"
        }
        return ToolAnswer(text: notes.joined() + analysis.tabular.render(.table), json: analysis.json)
    }
}
