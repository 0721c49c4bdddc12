/// The facts of one knowledge base that `PermissionDiff` compares: names, per-scheme IDs and levels, and the grants
/// of Microsoft's permissions document (not the Security API table's). Built by the store's typed reads.
///
///     var facts = DiffFacts(permissions: ["Mail.Read"])
///     facts.grants.append(DiffFacts.GrantFact(permission: "Mail.Read", scheme: .delegatedWork, method: "GET",
///                                             template: "/me/messages", isLeast: true))
package struct DiffFacts: Sendable, Equatable {
    /// One scheme of one permission: its ID (GUID) and Microsoft's privilege level, each when known.
    package struct SchemeFact: Sendable, Equatable {
        package var permission: String
        package var scheme: Scheme
        package var id: String?
        package var privilegeLevel: Int?

        package init(permission: String, scheme: Scheme, id: String?, privilegeLevel: Int?) {
            self.permission = permission
            self.scheme = scheme
            self.id = id
            self.privilegeLevel = privilegeLevel
        }
    }

    /// One grant of the permissions document, with the template as written and its `least=` marker.
    package struct GrantFact: Sendable, Equatable {
        package var permission: String
        package var scheme: Scheme
        package var method: String
        package var template: String
        package var isLeast: Bool

        package init(permission: String, scheme: Scheme, method: String, template: String, isLeast: Bool) {
            self.permission = permission
            self.scheme = scheme
            self.method = method
            self.template = template
            self.isLeast = isLeast
        }
    }

    /// The risk tier of one scheme of one permission as the knowledge base stored it at load (see `PermissionTier`):
    /// the tier (for a delegated scheme, when an admin signs in), the tier for a user without an admin role, and the
    /// rule id, explicit entry (the permission's name) or `default` that gave it.
    package struct TierFact: Sendable, Equatable {
        package var permission: String
        package var scheme: Scheme
        package var tier: Int
        package var tierForUser: Int
        package var source: String

        package init(permission: String, scheme: Scheme, tier: Int, tierForUser: Int, source: String) {
            self.permission = permission
            self.scheme = scheme
            self.tier = tier
            self.tierForUser = tierForUser
            self.source = source
        }

        /// The two tier numbers alone.
        package var mark: TierMark { TierMark(tier: tier, tierForUser: tierForUser) }
    }

    /// Every permission name the knowledge base knows.
    package var permissions: [String]
    /// Every (permission, scheme) row with its ID and level.
    package var schemes: [SchemeFact]
    /// Every grant of the permissions document.
    package var grants: [GrantFact]
    /// The tier of each (permission, scheme), or nil when the knowledge base has no tiers: `tiers.changed` is
    /// reported only when both sides have them. This is the seam where risk tiers join the diff.
    package var tiers: [TierFact]?

    package init(
        permissions: [String] = [], schemes: [SchemeFact] = [], grants: [GrantFact] = [], tiers: [TierFact]? = nil
    ) {
        self.permissions = permissions
        self.schemes = schemes
        self.grants = grants
        self.tiers = tiers
    }
}
