/// What changed between two knowledge bases' facts (`DiffFacts`): permissions, IDs, operations, grants, least
/// markers, privilege levels and (when both sides have them) tiers. Every list is sorted in ordinal order on its
/// fields in the order they print; the diff of facts with themselves is empty.
///
///     let diff = PermissionDiff(old: before, new: after)
///     diff.permissionsAdded  // ["Zone.Read.All"]
package struct PermissionDiff: Sendable, Equatable {
    /// A method on a template (`DiffTemplate.key`), granted by at least one permission.
    package struct Operation: Sendable, Hashable {
        package let method: String
        package let template: String
    }

    /// A (permission, method, template, scheme) that the permissions document grants.
    package struct GrantChange: Sendable, Hashable {
        package let permission: String
        package let method: String
        package let template: String
        package let scheme: Scheme
    }

    /// The permissions marked least for a (method, template, scheme) granted on both sides, before and after.
    /// `recommendedBefore`/`recommendedAfter` are graphperm's recommendation for the call on each side, filled in
    /// by the front door (nil where it has none or did not ask).
    package struct LeastChange: Sendable, Equatable {
        package let method: String
        package let template: String
        package let scheme: Scheme
        package let before: [String]
        package let after: [String]
        package var recommendedBefore: String?
        package var recommendedAfter: String?
    }

    /// A value of one (permission, scheme) that differs: its ID or privilege level, as text (nil: none).
    package struct SchemeValueChange: Sendable, Equatable {
        package let permission: String
        package let scheme: Scheme
        package let before: String?
        package let after: String?
    }

    package internal(set) var permissionsAdded: [String] = []
    package internal(set) var permissionsRemoved: [String] = []
    package internal(set) var idsChanged: [SchemeValueChange] = []
    package internal(set) var operationsAdded: [Operation] = []
    package internal(set) var operationsRemoved: [Operation] = []
    package internal(set) var grantsAdded: [GrantChange] = []
    package internal(set) var grantsRemoved: [GrantChange] = []
    package var leastChanged: [LeastChange] = []
    package internal(set) var privilegeLevelsChanged: [SchemeValueChange] = []
    /// nil when either side has no tiers.
    package internal(set) var tiersChanged: [TierChange]?

    /// Whether nothing changed.
    package var isEmpty: Bool {
        permissionsAdded.isEmpty && permissionsRemoved.isEmpty && idsChanged.isEmpty && operationsAdded.isEmpty
            && operationsRemoved.isEmpty && grantsAdded.isEmpty && grantsRemoved.isEmpty && leastChanged.isEmpty
            && privilegeLevelsChanged.isEmpty && (tiersChanged ?? []).isEmpty
    }

    /// Compares `old` with `new`.
    package init(old: DiffFacts, new: DiffFacts) {
        let oldNames = Set(old.permissions)
        let newNames = Set(new.permissions)
        permissionsAdded = newNames.subtracting(oldNames).sorted(by: Ordinal.less)
        permissionsRemoved = oldNames.subtracting(newNames).sorted(by: Ordinal.less)
        idsChanged = Self.changes(old.schemes, new.schemes, bothPresent: true) { $0.id }
        privilegeLevelsChanged = Self.changes(old.schemes, new.schemes, bothPresent: false) {
            $0.privilegeLevel.map(String.init)
        }
        if let oldTiers = old.tiers, let newTiers = new.tiers {
            tiersChanged = Self.tierChanges(oldTiers, newTiers)
        }
        let numbers = DiffNumbers()
        let before = GrantIndex(old.grants, numbers)
        let after = GrantIndex(new.grants, numbers)
        grantsAdded = Self.sorted(after.grants.subtracting(before.grants).map(numbers.grant))
        grantsRemoved = Self.sorted(before.grants.subtracting(after.grants).map(numbers.grant))
        operationsAdded = Self.sorted(after.operations.subtracting(before.operations).map(numbers.operation))
        operationsRemoved = Self.sorted(before.operations.subtracting(after.operations).map(numbers.operation))
        var least: [LeastChange] = []
        for (call, marked) in before.marked {
            guard let now = after.marked[call], now != marked else { continue }
            let (method, template, scheme) = numbers.call(call)
            least.append(
                LeastChange(
                    method: method, template: template, scheme: scheme,
                    before: marked.map { numbers.permissions.strings[$0] }.sorted(by: Ordinal.less),
                    after: now.map { numbers.permissions.strings[$0] }.sorted(by: Ordinal.less)))
        }
        leastChanged = least.sorted {
            Ordinal.less([$0.method, $0.template, $0.scheme.rawValue], [$1.method, $1.template, $1.scheme.rawValue])
        }
    }

    /// The (permission, scheme) pairs of both sides whose `value` differs; with `bothPresent`, only where both
    /// sides have a value.
    private static func changes<Fact>(
        _ old: [Fact], _ new: [Fact], bothPresent: Bool,
        value: (Fact) -> String?
    ) -> [SchemeValueChange] where Fact: SchemeKeyed {
        var before: [SchemeKey: String?] = [:]
        for fact in old { before[SchemeKey(permission: fact.permission, scheme: fact.scheme)] = value(fact) }
        var result: [SchemeValueChange] = []
        var seen = Set<SchemeKey>()
        for fact in new {
            let key = SchemeKey(permission: fact.permission, scheme: fact.scheme)
            guard seen.insert(key).inserted, let was = before[key] else { continue }
            let now = value(fact)
            if was != now, !bothPresent || (was != nil && now != nil) {
                result.append(
                    SchemeValueChange(permission: key.permission, scheme: key.scheme, before: was, after: now))
            }
        }
        return result.sorted {
            Ordinal.less([$0.permission, $0.scheme.rawValue], [$1.permission, $1.scheme.rawValue])
        }
    }

    private static func sorted(_ grants: some Sequence<GrantChange>) -> [GrantChange] {
        grants.sorted {
            Ordinal.less(
                [$0.permission, $0.method, $0.template, $0.scheme.rawValue],
                [$1.permission, $1.method, $1.template, $1.scheme.rawValue])
        }
    }

    private static func sorted(_ operations: some Sequence<Operation>) -> [Operation] {
        operations.sorted { Ordinal.less([$0.method, $0.template], [$1.method, $1.template]) }
    }
}

/// A (permission, scheme) of a diff.
struct SchemeKey: Hashable {
    let permission: String
    let scheme: Scheme
}

/// Facts about one scheme of one permission.
protocol SchemeKeyed {
    var permission: String { get }
    var scheme: Scheme { get }
}

extension DiffFacts.SchemeFact: SchemeKeyed {}
