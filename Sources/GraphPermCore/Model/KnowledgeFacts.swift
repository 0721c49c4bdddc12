import GraphPermPlatform

/// What one scheme of one permission is, as the loaded files describe it.
package struct SchemeEntry: Sendable, Equatable {
    package var guid: String?
    package var adminDisplayName: String?
    package var adminDescription: String?
    package var userDisplayName: String?
    package var userDescription: String?
    package var requiresAdminConsent: Bool?
    package var privilegeLevel: Int?
    package var isEnabled: Bool?
    package var isHidden: Bool?
    package var environment: String?
    package var resourceAppId: String?

    package init() {}
}

/// One grant: `permission` under `scheme` allows `method` on `template`.
///
/// `claimOrder` is the place of the claim in Microsoft's index (permission name order, then pathSet order);
/// `isLeast` is the document's `least=` marker; `alsoRequires` are the `AlsoRequires=` partners (any one of them).
package struct Grant: Sendable, Equatable {
    package var permission: String
    package var scheme: Scheme
    package var method: String
    package var template: String
    package var isLeast: Bool
    package var alsoRequires: [String]
    package var claimOrder: Int
    package var source: GrantSource

    package init(permission: String, scheme: Scheme, method: String, template: String, isLeast: Bool,
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
package enum GrantSource: String, Sendable, Codable, CaseIterable {
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
package struct SecurityEntity: Sendable, Equatable {
    package var permission: String
    package var entity: String
    package var resourcePath: String
    package var methods: [String]
    package var isPreview: Bool
    package var docLink: String
    package var position: Int

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
package struct AdminRole: Sendable, Equatable {
    package var name: String
    package var roleTemplateId: String
    /// For the three roles the Security API accepts for delegated calls, their place in Microsoft's table (1-3).
    package var securityAPIPosition: Int?
    package var isAcceptedBySecurityAPI: Bool { securityAPIPosition != nil }
    package var position: Int

    package init(name: String, roleTemplateId: String, securityAPIPosition: Int?, position: Int) {
        self.name = name
        self.roleTemplateId = roleTemplateId
        self.securityAPIPosition = securityAPIPosition
        self.position = position
    }
}

/// A file that went into a knowledge base.
package struct Provenance: Sendable, Equatable {
    package var kind: DocumentKind
    package var path: String
    package var size: Int
    package var sha256: String
    package var loadedAt: Date

    package init(kind: DocumentKind, path: String, size: Int, sha256: String, loadedAt: Date) {
        self.kind = kind
        self.path = path
        self.size = size
        self.sha256 = sha256
        self.loadedAt = loadedAt
    }
}

/// The kinds of input a load accepts, detected from content.
package enum DocumentKind: String, Sendable, Codable, CaseIterable {
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
    package var permissions: [String: [Scheme: SchemeEntry]] = [:]
    package var grants: [Grant] = []
    package var securityEntities: [SecurityEntity] = []
    package var adminRoles: [AdminRole] = []
    package var provenance: [Provenance] = []
    /// Conflicts and oddities noticed while merging; each names both values.
    package var warnings: [String] = []
    /// The names the permissions documents list, with grants or without.
    package var documentPermissions: Set<String> = []
    /// The risk-tier rules (`Data/tiers.json`), applied to every permission of every scheme as it is written.
    package var tierRules: TierRules?

    package init() {}

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
