/// The facts of one knowledge base that `PermissionDiff` compares: names, per-scheme IDs and levels, and the grants
/// of Microsoft's permissions document (not the Security API table's). Built by the store's typed reads.
///
///     var facts = DiffFacts(permissions: ["Mail.Read"])
///     facts.grants.append(DiffFacts.GrantFact(permission: "Mail.Read", scheme: .delegatedWork, method: "GET",
///                                             template: "/me/messages", isLeast: true))
public struct DiffFacts: Sendable, Equatable {
    /// One scheme of one permission: its ID (GUID) and Microsoft's privilege level, each when known.
    public struct SchemeFact: Sendable, Equatable {
        public var permission: String
        public var scheme: Scheme
        public var id: String?
        public var privilegeLevel: Int?

        public init(permission: String, scheme: Scheme, id: String?, privilegeLevel: Int?) {
            self.permission = permission
            self.scheme = scheme
            self.id = id
            self.privilegeLevel = privilegeLevel
        }
    }

    /// One grant of the permissions document, with the template as written and its `least=` marker.
    public struct GrantFact: Sendable, Equatable {
        public var permission: String
        public var scheme: Scheme
        public var method: String
        public var template: String
        public var isLeast: Bool

        public init(permission: String, scheme: Scheme, method: String, template: String, isLeast: Bool) {
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
    public struct TierFact: Sendable, Equatable {
        public var permission: String
        public var scheme: Scheme
        public var tier: Int
        public var tierForUser: Int
        public var source: String

        public init(permission: String, scheme: Scheme, tier: Int, tierForUser: Int, source: String) {
            self.permission = permission
            self.scheme = scheme
            self.tier = tier
            self.tierForUser = tierForUser
            self.source = source
        }

        /// The two tier numbers alone.
        public var mark: TierMark { TierMark(tier: tier, tierForUser: tierForUser) }
    }

    /// Every permission name the knowledge base knows.
    public var permissions: [String]
    /// Every (permission, scheme) row with its ID and level.
    public var schemes: [SchemeFact]
    /// Every grant of the permissions document.
    public var grants: [GrantFact]
    /// The tier of each (permission, scheme), or nil when the knowledge base has no tiers: `tiers.changed` is
    /// reported only when both sides have them. This is the seam where risk tiers join the diff.
    public var tiers: [TierFact]?

    public init(
        permissions: [String] = [], schemes: [SchemeFact] = [], grants: [GrantFact] = [], tiers: [TierFact]? = nil
    ) {
        self.permissions = permissions
        self.schemes = schemes
        self.grants = grants
        self.tiers = tiers
    }
}
