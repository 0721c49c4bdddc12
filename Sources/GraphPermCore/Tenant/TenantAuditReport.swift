/// What `graphperm audit --tenant` found: per app its tier, score, findings and chains to Global Administrator,
/// worst first, and a summary. Rendered at the edge (GraphPermKit's `TenantAuditReport+Output.swift`).
package struct TenantAuditReport: Sendable {
    /// One reason an app scores: a grant, a role, a credential.
    package struct Finding: Sendable, Equatable {
        /// `applicationPermission`, `delegatedPermission`, `directoryRole`, `credential`.
        package let kind: String
        /// The permission, role or credential name.
        package let name: String
        /// The API the permission is on (`Microsoft Graph`), nil for roles and credentials.
        package let resource: String?
        /// For delegated grants: `AllPrincipals` or `Principal`; nil otherwise.
        package let consentType: String?
        /// For `Principal` grants: how many users consented.
        package let users: Int?
        package let tier: Int?
        package let tierReason: String?
        package let attackPath: String?
        package let preconditions: [String]
        package let weight: Int
        /// A sentence for people (credential lifetimes, why a role counts).
        package let detail: String
    }

    /// One step of a chain: an app and what it does.
    package struct Step: Sendable, Equatable {
        package let id: String
        package let displayName: String
        package let action: String
    }

    /// A path from an app to Global Administrator through other apps, one step per app.
    package struct Chain: Sendable, Equatable {
        package let reaches: String
        package let steps: [Step]
    }

    /// One service principal's result.
    package struct App: Sendable {
        package let id: String
        package let appId: String
        package let displayName: String
        /// The worst tier among its findings and chains (2 when nothing stands out).
        package let tier: Int
        package let score: Int
        /// `firstParty` (a Microsoft tenant owns it), `home` (the audited tenant), `thirdParty`,
        /// `managedIdentity`, `unknown`.
        package let party: String
        package let multiTenant: Bool
        package let findings: [Finding]
        package let chains: [Chain]
    }

    /// Counts over the whole export.
    package struct Summary: Sendable {
        package let servicePrincipals: Int
        package let appsByTier: [Int]
        package let appsWithChains: Int
        package let firstParty: Int
        package let thirdParty: Int
        package let home: Int
        package let managedIdentities: Int
        /// The audited tenant, inferred as the owner of the most service principals that Microsoft does not own.
        package let homeTenantId: String?
        package let delegatedGrants: Int
        package let roleAssignments: Int
    }

    package let apps: [App]
    package let summary: Summary

    /// How the score is computed, as the report documents it.
    package static let scoring = """
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
