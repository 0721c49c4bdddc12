/// A tenant's apps as Microsoft Graph exports them (`graphperm audit --tenant FOLDER`): its service principals with
/// the application permissions they hold, the delegated permission grants, and the directory role assignments.
///
///     let export = try TenantExport.read(pages: [...])   // see TenantExport+JSON.swift
///     export.servicePrincipals.count
public struct TenantExport: Sendable {
    /// A client secret or certificate on a service principal.
    public struct Credential: Sendable, Equatable {
        public enum Kind: String, Sendable { case password, certificate }
        public let kind: Kind
        public let displayName: String?
        /// ISO 8601 text as Graph gives it (nil when absent).
        public let start: String?
        public let end: String?
    }

    /// One app role held by a service principal (an application permission when the resource is an API).
    public struct AppRoleAssignment: Sendable, Equatable {
        public let appRoleId: String
        public let resourceId: String
    }

    /// A service principal (`GET /servicePrincipals?$expand=appRoleAssignments`).
    public struct ServicePrincipal: Sendable {
        public let id: String
        public let appId: String
        public let displayName: String
        public let appOwnerOrganizationId: String?
        public let servicePrincipalType: String?
        public let signInAudience: String?
        public let credentials: [Credential]
        /// The app roles this principal defines (id → value), for resolving assignments made on it.
        public let appRoles: [(id: String, value: String)]
        public let appRoleAssignments: [AppRoleAssignment]
        /// The ids of its owners (`$expand=owners`), nil when the export does not say.
        public let owners: [String]?
    }

    /// A delegated permission grant (`GET /oauth2PermissionGrants`).
    public struct DelegatedGrant: Sendable {
        public let clientId: String
        /// `AllPrincipals` (admin consent for every user) or `Principal` (one user's consent).
        public let consentType: String
        public let principalId: String?
        public let resourceId: String
        public let scopes: [String]
    }

    /// An active directory role assignment (`GET /roleManagement/directory/roleAssignments`).
    public struct RoleAssignment: Sendable {
        public let principalId: String
        public let roleDefinitionId: String
        public let directoryScopeId: String?
    }

    public let servicePrincipals: [ServicePrincipal]
    public let delegatedGrants: [DelegatedGrant]
    public let roleAssignments: [RoleAssignment]

    public init(
        servicePrincipals: [ServicePrincipal], delegatedGrants: [DelegatedGrant], roleAssignments: [RoleAssignment]
    ) {
        self.servicePrincipals = servicePrincipals
        self.delegatedGrants = delegatedGrants
        self.roleAssignments = roleAssignments
    }
}
