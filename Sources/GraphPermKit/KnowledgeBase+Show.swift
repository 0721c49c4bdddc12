import GraphPermCore
import GraphPermStore
import GraphPermJSON

/// A permission card: the permission in each scheme it exists in, with what it grants.
public struct PermissionCard: Sendable, Equatable, Renderable {
    /// The permission in one scheme: `card.entries.first?.adminDisplayName  // "Read user mail"`.
    public struct Entry: Sendable, Equatable {
        /// The scheme: `.application`.
        public let scheme: Scheme
        /// The permission's ID in this scheme (`810c84a8-...`); nil when the data has none.
        public let guid: String?
        /// The name an administrator sees in the consent prompt.
        public let adminDisplayName: String?
        /// What the permission allows, as an administrator reads it.
        public let adminDescription: String?
        /// The name a user sees in the consent prompt (delegated schemes).
        public let userDisplayName: String?
        /// What the permission allows, as a user reads it (delegated schemes).
        public let userDescription: String?
        /// Whether only an administrator can consent; nil when the data does not say.
        public let requiresAdminConsent: Bool?
        /// Microsoft's privilege level (1 lowest); nil when the data does not say.
        public let privilegeLevel: Int?
        /// Whether the permission is enabled; nil when the data does not say.
        public let isEnabled: Bool?
        /// Whether Microsoft hides the permission from consent screens; nil when the data does not say.
        public let isHidden: Bool?
        /// How many (method, path) pairs the permission grants in this scheme.
        public let grantCount: Int
        /// The risk tier in this scheme (`Data/tiers.json`); nil only when the tier rules cannot be read.
        public let tier: PermissionTier?
    }

    /// The permission's name: `Mail.Read`.
    public let name: String
    /// The resource part of the name: `Mail`.
    public let resource: String
    /// The operation part of the name: `Read`; nil when there is none.
    public let operation: String?
    /// The constraint part of the name: `All` in `User.Read.All`; nil when there is none.
    public let constraint: String?
    /// One entry per scheme the permission exists in, in `Scheme` order.
    public let entries: [Entry]

    /// The permission's facts per scheme, as `show --format json` prints them.
    public var json: String {
        JSONText.object([
                ("name", JSONText.string(name)), ("resource", JSONText.string(resource)),
                ("operation", JSONText.optional(operation)), ("constraint", JSONText.optional(constraint)),
                ("schemes", JSONText.object(entries.map { entry in
                    (entry.scheme.rawValue, JSONText.object([
                        ("id", JSONText.optional(entry.guid)),
                        ("adminDisplayName", JSONText.optional(entry.adminDisplayName)),
                        ("adminDescription", JSONText.optional(entry.adminDescription)),
                        ("userDisplayName", JSONText.optional(entry.userDisplayName)),
                        ("userDescription", JSONText.optional(entry.userDescription)),
                        ("requiresAdminConsent", JSONText.bool(entry.requiresAdminConsent)),
                        ("privilegeLevel", entry.privilegeLevel.map(String.init) ?? "null"),
                        ("isEnabled", JSONText.bool(entry.isEnabled)),
                        ("isHidden", JSONText.bool(entry.isHidden)),
                        ("grants", String(entry.grantCount)),
                    ] + Self.tierMembers(entry.tier)))
                })),
        ])
    }

    /// One row per scheme.
    public var tableForm: TabularText? {
        func yesNo(_ flag: Bool?) -> String { flag.map { $0 ? "yes" : "no" } ?? "" }
        let rows = entries.map { entry in
            [name, entry.scheme.rawValue, entry.guid ?? "", entry.adminDisplayName ?? entry.userDisplayName ?? "",
             yesNo(entry.requiresAdminConsent), entry.privilegeLevel.map(String.init) ?? "", String(entry.grantCount),
             entry.tier?.label ?? ""]
        }
        return TabularText(
            columns: [
                "permission", "scheme", "id", "display name", "admin consent", "privilege level", "grants", "tier",
            ], rows: rows
        )
    }

    /// The JSON members of a tier: `tier`, `tierForUser`, `tierBasis`, `tierReason`, and for Tier 0 `impact`,
    /// `attackPath` and `preconditions`.
    static func tierMembers(_ tier: PermissionTier?) -> [(String, String)] {
        guard let tier else { return [("tier", "null")] }
        var members = [
            ("tier", String(tier.tier)), ("tierForUser", String(tier.tierForUser)),
            ("tierBasis", JSONText.string(tier.basis.rawValue)), ("tierSource", JSONText.string(tier.source)),
            ("tierReason", JSONText.string(tier.reason)),
        ]
        if tier.tier == 0 {
            members += [
                ("impact", JSONText.optional(tier.impact)), ("attackPath", JSONText.optional(tier.attackPath)),
                ("preconditions", JSONText.strings(tier.preconditions)),
            ]
        }
        return members
    }
}

/// An Entra admin role.
public struct AdminRoleCard: Sendable, Equatable, Renderable {
    /// The role's name: `Global Reader`.
    public let name: String
    /// The role's template ID, as the `wids` claim carries it: `f2ef992c-...`.
    public let roleTemplateId: String

    /// The role and its template ID.
    public var json: String {
        JSONText.object([("role", JSONText.string(name)), ("roleTemplateId", JSONText.string(roleTemplateId))])
    }

    /// The role as one row: name and template ID.
    public var tableForm: TabularText? {
        TabularText(columns: ["Role", "Role template ID"], rows: [[name, roleTemplateId]])
    }
}

/// What `show` found.
public enum ShowResult: Sendable, Equatable, Renderable {
    case permission(PermissionCard)
    case role(AdminRoleCard)

    /// The card shown.
    public var card: any Renderable {
        switch self {
        case .permission(let card): card
        case .role(let card): card
        }
    }

    /// The card as JSON.
    public var json: String { card.json }
    /// The card's rows.
    public var tableForm: TabularText? { card.tableForm }
}

extension KnowledgeBase {
    /// A permission by name (any case) or by ID, or an admin role by name or role template ID.
    public func show(_ nameOrID: String) throws -> ShowResult {
        let key = nameOrID.trimmed()
        if let role = try store.adminRole(key) {
            return .role(AdminRoleCard(name: role.name, roleTemplateId: role.roleTemplateId))
        }
        guard let row = try store.permission(nameOrID: key) else {
            let names = try store.permissionAndRoleNames()
            throw LookupError.unknownEntity(key, suggestions: Suggestions.nearest(key, in: names, limit: 3))
        }
        let entries = try store.schemes(ofPermission: row.id).map { entry in
            PermissionCard.Entry(
                scheme: entry.scheme, guid: entry.guid, adminDisplayName: entry.adminDisplayName,
                adminDescription: entry.adminDescription, userDisplayName: entry.userDisplayName,
                userDescription: entry.userDescription, requiresAdminConsent: entry.requiresAdminConsent,
                privilegeLevel: entry.privilegeLevel, isEnabled: entry.isEnabled, isHidden: entry.isHidden,
                grantCount: entry.grantCount, tier: ShippedTiers.tier(of: row.name, scheme: entry.scheme))
        }
        return .permission(PermissionCard(
                name: row.name, resource: row.resource, operation: row.operation, constraint: row.constraint,
                entries: entries))
    }
}
