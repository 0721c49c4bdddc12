import GraphPermPlatform

/// What one scheme of one permission is, as the loaded files describe it.
public struct SchemeEntry: Sendable, Equatable {
    public var guid: String?
    public var adminDisplayName: String?
    public var adminDescription: String?
    public var userDisplayName: String?
    public var userDescription: String?
    public var requiresAdminConsent: Bool?
    public var privilegeLevel: Int?
    public var isEnabled: Bool?
    public var isHidden: Bool?
    public var environment: String?
    public var resourceAppId: String?

    public init() {}
}

/// One grant: `permission` under `scheme` allows `method` on `template`.
///
/// `claimOrder` is the place of the claim in Microsoft's index (permission name order, then pathSet order);
/// `isLeast` is the document's `least=` marker; `alsoRequires` are the `AlsoRequires=` partners (any one of them).
public struct Grant: Sendable, Equatable {
    public var permission: String
    public var scheme: Scheme
    public var method: String
    public var template: String
    public var isLeast: Bool
    public var alsoRequires: [String]
    public var claimOrder: Int
    public var source: GrantSource

    public init(permission: String, scheme: Scheme, method: String, template: String, isLeast: Bool,
                alsoRequires: [String] = [], claimOrder: Int, source: GrantSource = .document) {
        self.permission = permission
        self.scheme = scheme
        self.method = method
        self.template = template
        self.isLeast = isLeast
        self.alsoRequires = alsoRequires
        self.claimOrder = claimOrder
        self.source = source
    }
}

/// Where a grant comes from.
public enum GrantSource: String, Sendable, Codable, CaseIterable {
    /// Microsoft's permissions document, with its least-privilege markers.
    case document
    /// The Graph Security API authorization table (Data/security-entities.json).
    case securityTable = "security-table"

    /// `rawValue` as text that lives as long as the program (the bulk load binds it without a copy).
    package var staticRawValue: StaticString {
        switch self {
        case .document: "document"
        case .securityTable: "security-table"
        }
    }
}

/// A row of the Graph Security API authorization table.
public struct SecurityEntity: Sendable, Equatable {
    public var permission: String
    public var entity: String
    public var resourcePath: String
    public var methods: [String]
    public var isPreview: Bool
    public var docLink: String
    public var position: Int

    package init(
        permission: String, entity: String, resourcePath: String, methods: [String], isPreview: Bool, docLink: String,
        position: Int
    ) {
        self.permission = permission
        self.entity = entity
        self.resourcePath = resourcePath
        self.methods = methods
        self.isPreview = isPreview
        self.docLink = docLink
        self.position = position
    }
}

/// A Microsoft Entra built-in role.
public struct AdminRole: Sendable, Equatable {
    public var name: String
    public var roleTemplateId: String
    /// For the three roles the Security API accepts for delegated calls, their place in Microsoft's table (1-3).
    public var securityAPIPosition: Int?
    public var isAcceptedBySecurityAPI: Bool { securityAPIPosition != nil }
    public var position: Int

    package init(name: String, roleTemplateId: String, securityAPIPosition: Int?, position: Int) {
        self.name = name
        self.roleTemplateId = roleTemplateId
        self.securityAPIPosition = securityAPIPosition
        self.position = position
    }
}

/// A file that went into a knowledge base.
public struct Provenance: Sendable, Equatable {
    public var kind: DocumentKind
    public var path: String
    public var size: Int
    public var sha256: String
    public var loadedAt: Date

    package init(kind: DocumentKind, path: String, size: Int, sha256: String, loadedAt: Date) {
        self.kind = kind
        self.path = path
        self.size = size
        self.sha256 = sha256
        self.loadedAt = loadedAt
    }
}

/// The kinds of input a load accepts, detected from content.
public enum DocumentKind: String, Sendable, Codable, CaseIterable {
    case permissionsDocument = "permissions-document"
    case provisioningInfo = "provisioning-info"
    case permissionDescriptions = "permission-descriptions"
    case servicePrincipal = "service-principal"
    case securityEntities = "security-entities"
    case adminRoles = "admin-roles"
}

/// Everything a load gathered, before it is written to a database.
public struct KnowledgeFacts: Sendable {
    /// Per permission name, its scheme entries.
    public var permissions: [String: [Scheme: SchemeEntry]] = [:]
    public var grants: [Grant] = []
    public var securityEntities: [SecurityEntity] = []
    public var adminRoles: [AdminRole] = []
    public var provenance: [Provenance] = []
    /// Conflicts and oddities noticed while merging; each names both values.
    public var warnings: [String] = []
    /// The names the permissions documents list, with grants or without.
    public var documentPermissions: Set<String> = []
    /// The risk-tier rules (`Data/tiers.json`), applied to every permission of every scheme as it is written.
    public var tierRules: TierRules?

    public init() {}

    /// The permissions that can have grants: those the permissions documents list, those of the security table,
    /// and any other that has grants here.
    package var grantingPermissions: Set<String> {
        var names = documentPermissions.union(securityEntities.map(\.permission))
        var previous = ""
        for grant in grants where grant.permission != previous {
            names.insert(grant.permission)
            previous = grant.permission
        }
        return names
    }

    /// Records facts about (name, scheme). The ID is kept from the first file that gives one; a later file
    /// giving another ID is reported as a warning showing both.
    package mutating func merge(
        _ name: String, _ scheme: Scheme, from source: String, guid: String?, _ update: (inout SchemeEntry) -> Void
    ) {
        var entry = permissions[name]?[scheme] ?? SchemeEntry()
        if let old = entry.guid, let guid, old != guid {
            warnings.append(
                """
                \(source): \(name) (\(scheme.rawValue)) has ID \(guid), but an earlier file gave \(old); keeping \(old)
                """
            )
        }
        entry.guid = entry.guid ?? guid
        update(&entry)
        permissions[name, default: [:]][scheme] = entry
    }
}
