/// The risk-tier rules of `Data/tiers.json` as values, and their application to a permission name: an explicit
/// entry naming it wins, else the first rule whose match holds, else the default (the file's `about` says more).
///
///     let rules = try TierRules.parse(bytes, file: "tiers.json")
///     rules.tier(of: "Mail.Read", scheme: .application).source   // "content-read"
package struct TierRules: Sendable {
    /// What an explicit entry, a rule or the default says.
    package struct Item: Sendable {
        package let tier: Int
        package let reason: String?
        package let impact: String?
        package let attackPath: String?
        package let preconditions: [String]
        /// The entry's own delegated tiers (when an admin signs in, otherwise), when it has them.
        package let delegated: (whenAdminSignsIn: Int, otherwise: Int)?
    }

    /// A rule: which names it matches (each key present must hold) and what it says.
    package struct Rule: Sendable {
        package let id: String
        package let resource: [String]?
        package let resourcePattern: WholeMatchPattern?
        package let operation: [String]?
        package let operationPattern: WholeMatchPattern?
        package let constraint: [String]?
        package let item: Item

        /// Whether every key of the match holds for the name's parts.
        package func matches(_ parts: NameParts) -> Bool {
            if let resource, !resource.contains(parts.resource) { return false }
            if let operation, !operation.contains(parts.operation) { return false }
            if let constraint, !constraint.contains(parts.constraint) { return false }
            if let resourcePattern, !resourcePattern.matchesWhole(parts.resource) { return false }
            if let operationPattern, !operationPattern.matchesWhole(parts.operation) { return false }
            return true
        }
    }

    /// A name's parts as the rules read them: text before the first dot, between the first and second, the rest
    /// (empty strings when absent).
    package struct NameParts: Sendable, Equatable {
        package let resource: String
        package let operation: String
        package let constraint: String

        package init(_ name: String) {
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            resource = String(parts[0])
            operation = parts.count > 1 ? String(parts[1]) : ""
            constraint = parts.count > 2 ? parts[2...].joined(separator: ".") : ""
        }
    }

    /// The tier names and descriptions (`"0": "Known path to Global Administrator …"`), in tier order.
    package let tierDescriptions: [String]
    /// Outcome keys and their meaning, in file order.
    package let impacts: [(key: String, text: String)]
    /// Precondition keys and their meaning, in file order.
    package let preconditions: [(key: String, text: String)]
    /// Explicit entries by permission name, and their names in file (sorted) order.
    package let explicit: [String: Item]
    package let explicitNames: [String]
    package let rules: [Rule]
    package let defaultItem: Item
    /// The tier an ordinary signed-in user leaves of tiers 0, 1, 2 (for delegated items without their own).
    package let otherwiseFromTier: [Int]
    /// Why delegated permissions get two tiers.
    package let delegatedReason: String

    /// The item that tiers `name`, with its basis and source.
    package func classify(_ name: String) -> (item: Item, basis: PermissionTier.Basis, source: String) {
        if let entry = explicit[name] { return (entry, .explicit, name) }
        let parts = NameParts(name)
        for rule in rules where rule.matches(parts) { return (rule.item, .rule, rule.id) }
        return (defaultItem, .default, "default")
    }

    /// The tier of `name` in `scheme`: Application takes the item's tier; DelegatedWork the tier when an admin
    /// signs in (and, as `tierForUser`, the tier otherwise); DelegatedPersonal the tier otherwise.
    package func tier(of name: String, scheme: Scheme) -> PermissionTier {
        let (item, basis, source) = classify(name)
        let admin = item.delegated?.whenAdminSignsIn ?? item.tier
        let user = item.delegated?.otherwise ?? otherwiseFromTier[item.tier]
        let (tier, forUser) =
            switch scheme {
            case .application: (item.tier, item.tier)
            case .delegatedWork: (admin, user)
            case .delegatedPersonal: (user, user)
            }
        let isTierZero = tier == 0
        return PermissionTier(
            tier: tier, tierForUser: forUser, basis: basis, source: source,
            reason: item.reason ?? item.attackPath ?? "",
            impact: isTierZero ? item.impact : nil, attackPath: isTierZero ? item.attackPath : nil,
            preconditions: isTierZero ? item.preconditions : [])
    }
}

/// A regular expression that must match a whole string (as Python's `re.fullmatch`), compiled once.
package final class WholeMatchPattern: @unchecked Sendable {
    // Regex is not Sendable; this one is only read after init.
    private let regex: Regex<AnyRegexOutput>
    /// The pattern as written.
    package let pattern: String

    /// Compiles `pattern`; throws when it is not a regular expression.
    package init(_ pattern: String) throws {
        self.pattern = pattern
        regex = try Regex(pattern)
    }

    /// Whether the pattern matches all of `text`.
    package func matchesWhole(_ text: String) -> Bool {
        (try? regex.wholeMatch(in: text)) != nil
    }
}
