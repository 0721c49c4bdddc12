extension PermissionDiff {
    /// A (permission, scheme) present on both sides whose risk tier differs: the tier (for a delegated scheme, when
    /// an admin signs in) or the tier for a user without an admin role. A tier changes when the tier rules the
    /// knowledge bases were built with differ (`Data/tiers.json` of another version), or when the rule a name falls
    /// under does; `sourceBefore`/`sourceAfter` name the rule id, explicit entry (the permission's name) or
    /// `default` on each side.
    ///
    ///     change.direction  // .raised: Mail.Read T1 → T0 is toward Tier 0, the more dangerous way
    package struct TierChange: Sendable, Equatable {
        /// Which way a tier moved: `raised` is toward Tier 0 (more dangerous). The tier decides; when it is the same,
        /// the tier for a user without an admin role does.
        package enum Direction: String, Sendable {
            case raised, lowered
        }

        package let permission: String
        package let scheme: Scheme
        package let before: TierMark
        package let after: TierMark
        package let sourceBefore: String
        package let sourceAfter: String

        package var direction: Direction {
            let was = (before.tier, before.tierForUser)
            let now = (after.tier, after.tierForUser)
            return now < was ? .raised : .lowered
        }

        /// `{"permission":...,"scheme":...,"before":1,"after":0,"beforeForUser":2,"afterForUser":1,`
        /// `"sourceBefore":...,"sourceAfter":...,"direction":"raised"}`
        var json: String {
            JSONText.object([
                ("permission", JSONText.string(permission)), ("scheme", JSONText.string(scheme.rawValue)),
                ("before", String(before.tier)), ("after", String(after.tier)),
                ("beforeForUser", String(before.tierForUser)), ("afterForUser", String(after.tierForUser)),
                ("sourceBefore", JSONText.string(sourceBefore)), ("sourceAfter", JSONText.string(sourceAfter)),
                ("direction", JSONText.string(direction.rawValue)),
            ])
        }
    }

    /// The tier changes between two sides' tiers, sorted by permission then scheme (ordinal).
    static func tierChanges(_ old: [DiffFacts.TierFact], _ new: [DiffFacts.TierFact]) -> [TierChange] {
        var before: [SchemeKey: DiffFacts.TierFact] = [:]
        for fact in old { before[SchemeKey(permission: fact.permission, scheme: fact.scheme)] = fact }
        var seen = Set<SchemeKey>()
        var changes: [TierChange] = []
        for fact in new {
            let key = SchemeKey(permission: fact.permission, scheme: fact.scheme)
            guard seen.insert(key).inserted, let was = before[key], was.mark != fact.mark else { continue }
            changes.append(
                TierChange(
                    permission: fact.permission, scheme: fact.scheme, before: was.mark, after: fact.mark,
                    sourceBefore: was.source, sourceAfter: fact.source))
        }
        return changes.sorted {
            Ordinal.less([$0.permission, $0.scheme.rawValue], [$1.permission, $1.scheme.rawValue])
        }
    }
}
