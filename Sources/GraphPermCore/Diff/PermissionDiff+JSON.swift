extension PermissionDiff {
    /// The diff as one JSON document with the keys in a fixed order: `permissions`, `ids`, `operations`, `grants`,
    /// `least`, `privilegeLevel`, then `tiers` when both sides have tiers, then `extra` members (such as `impact`).
    ///
    ///     PermissionDiff(old: facts, new: facts).json()
    ///     // {"permissions":{"added":[],"removed":[]},"ids":{"changed":[]},...}\n
    package func json(extra: [(String, String)] = []) -> String {
        var members: [(String, String)] = [
            (
                "permissions",
                JSONText.object([
                    ("added", JSONText.strings(permissionsAdded)),
                    ("removed", JSONText.strings(permissionsRemoved)),
                ])
            ),
            ("ids", JSONText.object([("changed", JSONText.array(idsChanged.map { $0.json(number: false) }))])),
            (
                "operations",
                JSONText.object([
                    ("added", JSONText.array(operationsAdded.map(\.json))),
                    ("removed", JSONText.array(operationsRemoved.map(\.json))),
                ])
            ),
            (
                "grants",
                JSONText.object([
                    ("added", JSONText.array(grantsAdded.map(\.json))),
                    ("removed", JSONText.array(grantsRemoved.map(\.json))),
                ])
            ),
            ("least", JSONText.object([("changed", JSONText.array(leastChanged.map(\.json)))])),
            (
                "privilegeLevel",
                JSONText.object([("changed", JSONText.array(privilegeLevelsChanged.map { $0.json(number: true) }))])
            ),
        ]
        if let tiersChanged {
            members.append(
                ("tiers", JSONText.object([("changed", JSONText.array(tiersChanged.map(\.json)))])))
        }
        return JSONText.object(members + extra) + "\n"
    }
}

extension PermissionDiff.Operation {
    /// `{"method":...,"template":...}`
    var json: String {
        JSONText.object([("method", JSONText.string(method)), ("template", JSONText.string(template))])
    }
}

extension PermissionDiff.GrantChange {
    /// `{"permission":...,"method":...,"template":...,"scheme":...}`
    var json: String {
        JSONText.object([
            ("permission", JSONText.string(permission)), ("method", JSONText.string(method)),
            ("template", JSONText.string(template)), ("scheme", JSONText.string(scheme.rawValue)),
        ])
    }
}

extension PermissionDiff.LeastChange {
    /// `{"method":...,"template":...,"scheme":...,"before":[...],"after":[...],"recommendedBefore":...,`
    /// `"recommendedAfter":...}`
    var json: String {
        JSONText.object([
            ("method", JSONText.string(method)), ("template", JSONText.string(template)),
            ("scheme", JSONText.string(scheme.rawValue)), ("before", JSONText.strings(before)),
            ("after", JSONText.strings(after)), ("recommendedBefore", JSONText.optional(recommendedBefore)),
            ("recommendedAfter", JSONText.optional(recommendedAfter)),
        ])
    }
}

extension PermissionDiff.SchemeValueChange {
    /// `{"permission":...,"scheme":...,"before":...,"after":...}`, the values as numbers when `number`.
    func json(number: Bool) -> String {
        func value(_ text: String?) -> String { number ? (text ?? "null") : JSONText.optional(text) }
        return JSONText.object([
            ("permission", JSONText.string(permission)), ("scheme", JSONText.string(scheme.rawValue)),
            ("before", value(before)), ("after", value(after)),
        ])
    }
}
