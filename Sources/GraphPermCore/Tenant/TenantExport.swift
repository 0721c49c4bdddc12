/// A tenant's apps as Microsoft Graph exports them (`graphperm audit --tenant FOLDER`): its service principals with
/// the application permissions they hold, the delegated permission grants, and the directory role assignments.
///
///     let export = try TenantExport.read(pages: [...])   // see TenantExport+JSON.swift
///     export.servicePrincipals.count
package struct TenantExport: Sendable {
    /// A client secret or certificate on a service principal.
    package struct Credential: Sendable, Equatable {
        package enum Kind: String, Sendable { case password, certificate }
        package let kind: Kind
        package let displayName: String?
        /// ISO 8601 text as Graph gives it (nil when absent).
        package let start: String?
        package let end: String?
    }

    /// One app role held by a service principal (an application permission when the resource is an API).
    package struct AppRoleAssignment: Sendable, Equatable {
        package let appRoleId: String
        package let resourceId: String
    }

    /// A service principal (`GET /servicePrincipals?$expand=appRoleAssignments`).
    package struct ServicePrincipal: Sendable {
        package let id: String
        package let appId: String
        package let displayName: String
        package let appOwnerOrganizationId: String?
        package let servicePrincipalType: String?
        package let signInAudience: String?
        package let credentials: [Credential]
        /// The app roles this principal defines (id → value), for resolving assignments made on it.
        package let appRoles: [(id: String, value: String)]
        package let appRoleAssignments: [AppRoleAssignment]
        /// The ids of its owners (`$expand=owners`), nil when the export does not say.
        package let owners: [String]?
    }

    /// A delegated permission grant (`GET /oauth2PermissionGrants`).
    package struct DelegatedGrant: Sendable {
        package let clientId: String
        /// `AllPrincipals` (admin consent for every user) or `Principal` (one user's consent).
        package let consentType: String
        package let principalId: String?
        package let resourceId: String
        package let scopes: [String]
    }

    /// An active directory role assignment (`GET /roleManagement/directory/roleAssignments`).
    package struct RoleAssignment: Sendable {
        package let principalId: String
        package let roleDefinitionId: String
        package let directoryScopeId: String?
    }

    package let servicePrincipals: [ServicePrincipal]
    package let delegatedGrants: [DelegatedGrant]
    package let roleAssignments: [RoleAssignment]

    package init(
        servicePrincipals: [ServicePrincipal], delegatedGrants: [DelegatedGrant], roleAssignments: [RoleAssignment]
    ) {
        self.servicePrincipals = servicePrincipals
        self.delegatedGrants = delegatedGrants
        self.roleAssignments = roleAssignments
    }
}
