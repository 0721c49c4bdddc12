/// A diff as a changelog a person reads: one section per permission resource (`Mail` for `Mail.Read`; an
/// operation or least-privilege change goes to the resource of the first permission it concerns), sections most
/// consequential first, and in each section the lines most consequential first. `--format md` and `--format atom`
/// print it.
///
///     DiffChangelog(diff).sections.first?.resource  // "Mail"
package struct DiffChangelog: Sendable, Equatable {
    /// The changes of one resource, as Markdown lines, with the weight that orders the sections.
    package struct Section: Sendable, Equatable {
        package let resource: String
        package let weight: Int
        package let counts: [(kind: String, count: Int)]
        package let lines: [String]

        package static func == (lhs: Section, rhs: Section) -> Bool {
            lhs.resource == rhs.resource && lhs.lines == rhs.lines && lhs.weight == rhs.weight
        }
    }

    /// Kinds of line, most consequential first, with the weight of one line of that kind. A tier raised toward
    /// Tier 0 weighs most: a grant an app already holds became more dangerous without anyone changing it.
    enum Kind: Int, CaseIterable {
        case tierRaised, permissionRemoved, idChanged, operationRemoved, leastChanged, tierLowered, levelChanged,
            grantsRemoved, permissionAdded, operationAdded, grantsAdded

        var weight: Int { [150, 100, 50, 20, 10, 6, 5, 3, 2, 1, 1][rawValue] }
        var label: String {
            [
                "tier raised", "permission removed", "ID changed", "operation no longer documented",
                "least privileged changed", "tier lowered", "privilege level changed", "grants removed",
                "permission added", "operation added", "grants added",
            ][rawValue]
        }
    }

    package let sections: [Section]
    /// How many changes of each kind, in the JSON's words (`permissions added` …).
    package let summary: String

    /// Grants listed per permission and scheme before "and N more".
    static let grantExamples = 8

    package init(_ diff: PermissionDiff) {
        var lines: [String: [Kind: [String]]] = [:]
        func add(_ kind: Kind, _ resource: String, _ line: String) {
            lines[resource, default: [:]][kind, default: []].append(line)
        }
        func resource(_ permission: String) -> String { PermissionName(permission).resource }
        func code(_ text: String) -> String { "`" + text.replacing("`", with: "'") + "`" }

        for name in diff.permissionsRemoved {
            add(.permissionRemoved, resource(name), "Removed permission \(code(name))")
        }
        for change in diff.tiersChanged ?? [] {
            let kind: Kind = change.direction == .raised ? .tierRaised : .tierLowered
            add(kind, resource(change.permission), Self.line(change))
        }
        for change in diff.idsChanged {
            add(
                .idChanged, resource(change.permission),
                "\(code(change.permission)) (\(change.scheme.rawValue)) ID "
                    + "\(change.before ?? "none") → \(change.after ?? "none")")
        }
        let firstGranting = Self.firstPermission(diff.grantsAdded + diff.grantsRemoved)
        for operation in diff.operationsRemoved {
            let owner = firstGranting[operation].map(resource) ?? "(none)"
            add(.operationRemoved, owner, "No longer documented: \(code(operation.method + " " + operation.template))")
        }
        for change in diff.leastChanged {
            let owner = resource((change.after + change.before).first ?? "(none)")
            var line =
                "Least privileged for \(code(change.method + " " + change.template)) (\(change.scheme.rawValue)): "
                + Self.list(change.before) + " → " + Self.list(change.after)
            if change.recommendedBefore != change.recommendedAfter {
                line += "; recommended \(change.recommendedBefore ?? "none") → \(change.recommendedAfter ?? "none")"
            }
            add(.leastChanged, owner, line)
        }
        for change in diff.privilegeLevelsChanged {
            add(
                .levelChanged, resource(change.permission),
                "\(code(change.permission)) (\(change.scheme.rawValue)) "
                    + "privilege level \(change.before ?? "none") → \(change.after ?? "none")")
        }
        for (permission, scheme, calls) in Self.grouped(diff.grantsRemoved) {
            add(
                .grantsRemoved, resource(permission),
                "\(code(permission)) (\(scheme.rawValue)) no longer grants " + Self.calls(calls))
        }
        for name in diff.permissionsAdded { add(.permissionAdded, resource(name), "New permission \(code(name))") }
        for operation in diff.operationsAdded {
            let owner = firstGranting[operation].map(resource) ?? "(none)"
            add(.operationAdded, owner, "Newly documented: \(code(operation.method + " " + operation.template))")
        }
        for (permission, scheme, calls) in Self.grouped(diff.grantsAdded) {
            add(
                .grantsAdded, resource(permission),
                "\(code(permission)) (\(scheme.rawValue)) now grants " + Self.calls(calls))
        }

        var sections: [Section] = []
        for (name, kinds) in lines {
            let ordered = Kind.allCases.compactMap { kind in kinds[kind].map { (kind, $0) } }
            sections.append(
                Section(
                    resource: name, weight: ordered.reduce(0) { $0 + $1.0.weight * $1.1.count },
                    counts: ordered.map { (kind: $0.0.label, count: $0.1.count) },
                    lines: ordered.flatMap(\.1)))
        }
        self.sections = sections.sorted {
            $0.weight != $1.weight ? $0.weight > $1.weight : Ordinal.less($0.resource, $1.resource)
        }
        let totals: [(String, Int)] =
            [
                ("permissions removed", diff.permissionsRemoved.count),
                ("permissions added", diff.permissionsAdded.count),
                ("IDs changed", diff.idsChanged.count), ("operations removed", diff.operationsRemoved.count),
                ("operations added", diff.operationsAdded.count), ("grants removed", diff.grantsRemoved.count),
                ("grants added", diff.grantsAdded.count), ("least-privileged changes", diff.leastChanged.count),
                ("privilege levels changed", diff.privilegeLevelsChanged.count),
            ] + Self.tierTotals(diff.tiersChanged)
        summary = totals.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
    }

    /// The changelog as Markdown: a title naming both sides, the summary, then a section per resource.
    package func markdown(old: String, new: String) -> String {
        var text = "# Changes in Microsoft Graph permissions\n\nFrom \(old) to \(new): \(summary).\n"
        if sections.isEmpty { return text + "\nNo changes.\n" }
        for section in sections {
            text += "\n## \(section.resource)\n\n" + section.lines.map { "- " + $0 + "\n" }.joined()
        }
        return text
    }

    /// The first permission (ordinal order) of each operation among `grants`.
    private static func firstPermission(_ grants: [PermissionDiff.GrantChange]) -> [PermissionDiff.Operation: String] {
        var first: [PermissionDiff.Operation: String] = [:]
        for grant in grants {
            let operation = PermissionDiff.Operation(method: grant.method, template: grant.template)
            if let known = first[operation], !Ordinal.less(grant.permission, known) { continue }
            first[operation] = grant.permission
        }
        return first
    }

    /// Grants (sorted by permission, method, template, scheme) as runs per (permission, scheme), in that order.
    private static func grouped(_ grants: [PermissionDiff.GrantChange]) -> [(String, Scheme, [String])] {
        var runs: [(String, Scheme, [String])] = []
        var index: [SchemeKey: Int] = [:]
        for grant in grants {
            let key = SchemeKey(permission: grant.permission, scheme: grant.scheme)
            if let at = index[key] {
                runs[at].2.append(grant.method + " " + grant.template)
            } else {
                index[key] = runs.count
                runs.append((grant.permission, grant.scheme, [grant.method + " " + grant.template]))
            }
        }
        return runs.sorted { Ordinal.less([$0.0, $0.1.rawValue], [$1.0, $1.1.rawValue]) }
    }

    private static func calls(_ calls: [String]) -> String {
        let shown = calls.prefix(grantExamples).map { "`\($0)`" }.joined(separator: ", ")
        let more = calls.count > grantExamples ? " and \(calls.count - grantExamples) more" : ""
        return "\(calls.count) call\(calls.count == 1 ? "" : "s"): \(shown)\(more)"
    }

    /// `tiers raised toward Tier 0` and `tiers lowered`, when both sides have tiers.
    private static func tierTotals(_ changes: [PermissionDiff.TierChange]?) -> [(String, Int)] {
        guard let changes else { return [] }
        let raised = changes.filter { $0.direction == .raised }.count
        return [("tiers raised toward Tier 0", raised), ("tiers lowered", changes.count - raised)]
    }

    /// `` `Mail.Read` (Application) tier raised T1 → T0 (rule content-read → its explicit entry)``
    static func line(_ change: PermissionDiff.TierChange) -> String {
        func source(_ text: String) -> String {
            text == change.permission ? "its explicit entry" : text == "default" ? "the default" : "rule " + text
        }
        let name = "`" + change.permission.replacing("`", with: "'") + "`"
        var line =
            "\(name) (\(change.scheme.rawValue)) tier \(change.direction.rawValue) "
            + "\(change.before.label) → \(change.after.label)"
        if change.sourceBefore != change.sourceAfter {
            line += " (\(source(change.sourceBefore)) → \(source(change.sourceAfter)))"
        }
        return line
    }

    private static func list(_ names: [String]) -> String { names.isEmpty ? "none" : names.joined(separator: ", ") }
}
