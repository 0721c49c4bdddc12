/// What `graphperm audit --tenant` found: per app its tier, score, findings and chains to Global Administrator,
/// worst first, and a summary. Rendered at the edge (GraphPermKit's `TenantAuditReport+Output.swift`).
public struct TenantAuditReport: Sendable {
    /// One reason an app scores: a grant, a role, a credential.
    public struct Finding: Sendable, Equatable {
        /// `applicationPermission`, `delegatedPermission`, `directoryRole`, `credential`.
        public let kind: String
        /// The permission, role or credential name.
        public let name: String
        /// The API the permission is on (`Microsoft Graph`), nil for roles and credentials.
        public let resource: String?
        /// For delegated grants: `AllPrincipals` or `Principal`; nil otherwise.
        public let consentType: String?
        /// For `Principal` grants: how many users consented.
        public let users: Int?
        public let tier: Int?
        public let tierReason: String?
        public let attackPath: String?
        public let preconditions: [String]
        public let weight: Int
        /// A sentence for people (credential lifetimes, why a role counts).
        public let detail: String
    }

    /// One step of a chain: an app and what it does.
    public struct Step: Sendable, Equatable {
        public let id: String
        public let displayName: String
        public let action: String
    }

    /// A path from an app to Global Administrator through other apps, one step per app.
    public struct Chain: Sendable, Equatable {
        public let reaches: String
        public let steps: [Step]
    }

    /// One service principal's result.
    public struct App: Sendable {
        public let id: String
        public let appId: String
        public let displayName: String
        /// The worst tier among its findings and chains (2 when nothing stands out).
        public let tier: Int
        public let score: Int
        /// `firstParty` (a Microsoft tenant owns it), `home` (the audited tenant), `thirdParty`,
        /// `managedIdentity`, `unknown`.
        public let party: String
        public let multiTenant: Bool
        public let findings: [Finding]
        public let chains: [Chain]
    }

    /// Counts over the whole export.
    public struct Summary: Sendable {
        public let servicePrincipals: Int
        public let appsByTier: [Int]
        public let appsWithChains: Int
        public let firstParty: Int
        public let thirdParty: Int
        public let home: Int
        public let managedIdentities: Int
        /// The audited tenant, inferred as the owner of the most service principals that Microsoft does not own.
        public let homeTenantId: String?
        public let delegatedGrants: Int
        public let roleAssignments: Int
    }

    public let apps: [App]
    public let summary: Summary

    /// How the score is computed, as the report documents it.
    public static let scoring = """
        score = sum of finding weights. Application permission: Tier 0 100 (60 when its path needs preconditions), \
        Tier 1 10, Tier 2 1. Delegated grant for all users (AllPrincipals): Tier 0 40, Tier 1 5, Tier 2 1; for single \
        users (Principal): Tier 0 10 (one of them holds a directory role), Tier 1 2, Tier 2 0. Directory role: \
        Global, Privileged Role or Privileged Authentication Administrator 100; a role that adds credentials to apps \
        60; other roles 10 (readers 1). A chain to Global Administrator through other apps 40 (with the 60 of the \
        grant or role that starts it, as much as holding the power directly). Credentials: expired 1, \
        lifetime over two years 3, any credential on a Microsoft-owned app 20. A third-party app holding a Tier 0 or \
        1 grant or role +25; a multi-tenant app of the tenant itself with one +10. Apps sort by score, then tier, then \
        name.
        """
}
