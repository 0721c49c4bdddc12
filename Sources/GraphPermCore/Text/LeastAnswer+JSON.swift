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

    /// The members `template`, `schemes`, `basis` and `notes`, without the braces, written into one string (a
    /// batch renders one per template and method).
    package static func answerMembersJSON(
        template: String?, schemes: [(scheme: Scheme, answer: SchemeAnswer?)], basis: Basis, notes: [String]
    ) -> String {
        var text = ""
        text.reserveCapacity(1_024)
        func strings(_ values: [String]) {
            text += "["
            for (index, value) in values.enumerated() {
                if index > 0 { text += "," }
                text += JSONText.string(value)
            }
            text += "]"
        }
        text += #""template":"#
        text += JSONText.optional(template)
        text += #","schemes":{"#
        for (index, entry) in schemes.enumerated() {
            if index > 0 { text += "," }
            text += "\"\(entry.scheme.rawValue)\":"
            guard let answer = entry.answer else { text += "null"; continue }
            text += #"{"least":"#
            strings(answer.least)
            text += #","higher":"#
            strings(answer.higher)
            text += #","recommended":"#
            text += JSONText.optional(answer.recommended)
            text += #","why":"#
            text += JSONText.optional(answer.why)
            if let requirements = requirementsJSON(answer) {
                text += #","requirements":"#
                text += requirements
            }
            if !answer.tiers.isEmpty {
                text += #","tiers":{"#
                for (index, name) in (answer.least + answer.higher).enumerated() {
                    if index > 0 { text += "," }
                    text += JSONText.string(name)
                    text += ":"
                    text += answer.tiers[index].map { String($0.tier) } ?? "null"
                }
                text += "}"
            }
            text += "}"
        }
        text += #"},"basis":"#
        text += JSONText.string(basis.rawValue)
        text += #","notes":"#
        strings(notes)
        return text
    }

    /// `least`, `higher` and `recommended` as structured requirements, when one of them is a pair (`A and B` in
    /// Microsoft's text): `{"least": [{"permission": "A", "alsoRequires": "B"}], "higher": [...], "recommended": ...}`;
    /// nil when every entry is a single permission, whose name the text lists already.
    private static func requirementsJSON(_ answer: SchemeAnswer) -> String? {
        let all = answer.leastRequirements + answer.higherRequirements
            + (answer.recommendedRequirement.map { [$0] } ?? [])
        guard all.contains(where: { $0.alsoRequires != nil }) else { return nil }
        func object(_ requirement: Requirement) -> String {
            JSONText.object([
                ("permission", JSONText.string(requirement.permission)),
                ("alsoRequires", JSONText.optional(requirement.alsoRequires)),
            ])
        }
        return JSONText.object([
            ("least", JSONText.array(answer.leastRequirements.map(object))),
            ("higher", JSONText.array(answer.higherRequirements.map(object))),
            ("recommended", answer.recommendedRequirement.map(object) ?? "null"),
        ])
    }

    /// One row per scheme: permission type, least privileged, higher privileged.
    /// A fourth column, `Recommended`, appears when the privilege order recommends another permission than
    /// Microsoft's documented choice for some scheme.
    public var tabular: TabularText {
        let differs = schemes.contains { entry in
            entry.answer.map { $0.recommended != nil && $0.recommended != $0.least.first } ?? false
        }
        let hasTiers = schemes.contains { !($0.answer?.tiers.isEmpty ?? true) }
        let columns = ["Permission type", "Least privileged permissions", "Higher privileged permissions"]
        return TabularText(
            columns: columns + (differs ? ["Recommended"] : []) + (hasTiers ? ["Tier"] : []),
            rows: schemes.map { entry in
                guard let answer = entry.answer else {
                    return [entry.scheme.docsLabel, PermissionTable.notSupported, PermissionTable.notSupported]
                        + (differs ? [""] : []) + (hasTiers ? [""] : [])
                }
                let recommended = answer.recommended.flatMap { $0 == answer.least.first ? nil : $0 } ?? ""
                // The tier of the least privileged permissions (the others are in the JSON).
                let tiers = answer.tiers.prefix(answer.least.count).map { $0?.label ?? "?" }.uniqued()
                    .joined(separator: ", ")
                return [entry.scheme.docsLabel, answer.least.joined(separator: ", "),
                        answer.higher.isEmpty ? PermissionTable.notAvailable : answer.higher.joined(separator: ", ")]
                    + (differs ? [recommended] : []) + (hasTiers ? [tiers] : [])
            })
    }

}

extension LeastAnswer: Renderable {
    /// The docs-table rows (`tabular`), for `table`, `csv` and `md`.
    public var tableForm: TabularText? { tabular }
    /// The docs table under a heading naming the call.
    public var markdownForm: String? {
        "### \(method) \(Markdown.cell(template ?? url))\n\n" + tabular.render(.md) + "\n"
    }
}
