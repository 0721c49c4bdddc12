import GraphPermCore
/// The distinct path templates of a load, in order of first appearance, with their IDs (1, 2, ...) and
/// match keys: the rows of the `path_template` table.
package struct TemplateTable {
    private(set) var entries: [(template: String, key: String)] = []
    private var ids: [String: Int] = [:]

    /// Adds the templates of `grants` not seen before.
    package mutating func add(templatesOf grants: some Sequence<Grant>) {
        var previous = ""
        // Grants come in runs of one template: only the first of a run is looked up.
        for grant in grants where grant.template != previous {
            add(grant.template)
            previous = grant.template
        }
    }

    package mutating func add(_ template: String) {
        guard ids[template] == nil else { return }
        entries.append((template, TemplateKey.of(template)))
        ids[template] = entries.count
    }

    package func id(of template: String) -> Int { ids[template]! }

    package var keys: [String] { entries.map(\.key) }
}
