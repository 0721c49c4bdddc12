import GraphPermJSON

/// Microsoft Graph's own application.
package enum MicrosoftGraph {
    /// The app ID of Microsoft Graph (the `resourceAppId` of its permissions in an app's manifest).
    package static let appId = "00000003-0000-0000-c000-000000000000"
}

extension DocumentKind {

    /// Which kind of document `root` is, and the part of it to read (the service principal inside a list).
    package static func detect(_ root: JSONReader) throws(LoadError) -> (DocumentKind, JSONReader) {
        guard case .object(let object)? = root.value else {
            throw root.failure(
                "an object: a permissions document, provisioningInfo, permission descriptions or a service principal")
        }
        let keys = Set(object.members.map(\.key))
        if keys.contains("permissions") { return (.permissionsDocument, root) }
        if keys.contains("permissionDeployments") { return (.provisioningInfo, root) }
        if keys.contains("delegatedScopesList") || keys.contains("applicationScopesList") {
            return (.permissionDescriptions, root)
        }
        if keys.contains("appRoles") || keys.contains("oauth2PermissionScopes") { return (.servicePrincipal, root) }
        if keys.contains("value") {
            let candidates = try root["value"].elements().filter {
                $0["appRoles"].isPresent || $0["oauth2PermissionScopes"].isPresent
            }
            let graph = candidates.first { (try? $0["appId"].string()) == MicrosoftGraph.appId }
            if let principal = graph ?? (candidates.count == 1 ? candidates[0] : nil) {
                return (.servicePrincipal, principal)
            }
        }
        let found = object.members.prefix(5).map(\.key).joined(separator: ", ")
        throw LoadError.data(file: root.file, place: "$",
                             message: "expected a permissions document (permissions), provisioningInfo"
                                 + " (permissionDeployments), permission descriptions (delegatedScopesList) or the"
                                 + " Microsoft Graph service principal (appRoles, oauth2PermissionScopes), found an"
                                 + " object with members: \(found.isEmpty ? "none" : found)")
    }
}
