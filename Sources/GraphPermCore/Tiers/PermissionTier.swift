/// The risk tier of one permission in one scheme, with why (see `Data/tiers.json`).
///
///     TierRules.shipped.tier(of: "RoleManagement.ReadWrite.Directory", scheme: .application).tier  // 0
public struct PermissionTier: Sendable, Equatable {
    /// Where a tier came from: an explicit entry naming the permission, a rule by resource and operation, or the
    /// default for names no rule understands.
    public enum Basis: String, Sendable {
        case explicit, rule, `default`
    }

    /// 0 (a known path to Global Administrator or a tenant-wide outage), 1 (writes or sensitive reads), 2 (the rest).
    /// For a delegated scheme, the tier when a user holding the admin role the operation needs signs in.
    public let tier: Int
    /// The tier when a user without an admin role signs in (Application: the same as `tier`).
    public let tierForUser: Int
    /// Where the tier came from: `.explicit`, `.rule` or `.default`.
    public let basis: Basis
    /// The rule's id, the permission's name for an explicit entry, or `default`.
    public let source: String
    /// Why, in a sentence (a Tier 0 item's attack path when it gives no other reason).
    public let reason: String
    /// For Tier 0: the outcome (`globalAdmin` or `tenantOutage`), the path in one line, what the tenant must look like.
    public let impact: String?
    /// For Tier 0: the path to the outcome in one line; nil otherwise.
    public let attackPath: String?
    /// For Tier 0: what the tenant must look like for the path to work; empty otherwise.
    public let preconditions: [String]

    /// `T0`, or `T0/T1` for a delegated scheme whose tier depends on who signs in: the compact form tables print.
    public var label: String { mark.label }

    /// The two tier numbers alone.
    public var mark: TierMark { TierMark(tier: tier, tierForUser: tierForUser) }
}

/// A permission's tier in a scheme without its reasons, as answers carry it beside each permission.
///
///     TierMark(tier: 0, tierForUser: 1).label  // "T0/T1"
public struct TierMark: Sendable, Equatable {
    /// The tier (for a delegated scheme: when an admin signs in).
    public let tier: Int
    /// The tier when a user without an admin role signs in.
    public let tierForUser: Int

    /// A mark: `TierMark(tier: 1, tierForUser: 1).label  // "T1"`.
    public init(tier: Int, tierForUser: Int) {
        self.tier = tier
        self.tierForUser = tierForUser
    }

    /// `T2`, or `T0/T1` when the tier depends on who signs in.
    public var label: String { tier == tierForUser ? "T\(tier)" : "T\(tier)/T\(tierForUser)" }
}
