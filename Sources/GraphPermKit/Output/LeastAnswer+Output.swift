extension LeastAnswer {
    /// The JSON document of `graphperm least` (keys in a fixed order; `null` for an unsupported scheme).
    public var json: String {
        let method = JSONText.string(method)
        let url = JSONText.string(url)
        var text = #"{"request":{"method":"#
        text.reserveCapacity(text.utf8.count + method.utf8.count + url.utf8.count + answerMembersJSON.utf8.count + 12)
        text += method
        text += #","url":"#
        text += url
        text += "},"
        text += answerMembersJSON
        text += "}"
        return text
    }

    /// The members `template`, `schemes`, `basis` and `notes`, without the braces.
    static func answerMembersJSON(template: String?, schemes: [(scheme: Scheme, answer: SchemeAnswer?)], basis: Basis, notes: [String]) -> String {
        let schemeMembers = schemes.map { entry in
            (entry.scheme.rawValue, entry.answer.map { JSONText.object([("least", JSONText.strings($0.least)), ("higher", JSONText.strings($0.higher))]) } ?? "null")
        }
        return JSONText.object([
            ("template", JSONText.optional(template)),
            ("schemes", JSONText.object(schemeMembers)),
            ("basis", JSONText.string(basis.rawValue)),
            ("notes", JSONText.strings(notes)),
        ]).dropFirst().dropLast().description
    }

    /// One row per scheme: permission type, least privileged, higher privileged.
    public var tabular: TabularText {
        TabularText(columns: ["Permission type", "Least privileged permissions", "Higher privileged permissions"], rows: schemes.map { entry in
            guard let answer = entry.answer else { return [entry.scheme.docsLabel, PermissionTable.notSupported, PermissionTable.notSupported] }
            return [entry.scheme.docsLabel, answer.least.joined(separator: ", "),
                    answer.higher.isEmpty ? PermissionTable.notAvailable : answer.higher.joined(separator: ", ")]
        })
    }

    /// The answer in `format`.
    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .json: json + "\n"
        case .md: "### \(method) \(Markdown.cell(template ?? url))\n\n" + tabular.render(format) + "\n"
        default: tabular.render(format)
        }
    }
}
