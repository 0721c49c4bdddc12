import GraphPermPlatform
import GraphPermCore
import GraphPermStore
import GraphPermJSON

/// The permissions an app holds, read from its manifest (`requiredResourceAccess`), or from Graph's
/// `appRoleAssignments` / `oauth2PermissionGrants` of its service principal.
public struct GrantedPermissions: Sendable {
    /// The delegated permissions granted: `["User.Read"]`.
    public var delegated: [String] = []
    /// The application permissions granted: `["Mail.Read"]`.
    public var application: [String] = []
    /// IDs the knowledge base does not know, with where they were found.
    public var unknownIDs: [String] = []
    /// A manifest's `requiredResourceAccess` entries for APIs other than Microsoft Graph, as written.
    public var otherAPIs: [JSONValue] = []

    /// None granted: `var granted = GrantedPermissions(); granted.delegated = ["User.Read"]`.
    public init() {}

    /// Reads one file, resolving permission IDs through the knowledge base.
    public static func read(_ path: String, kb: KnowledgeBase, into granted: inout GrantedPermissions) throws {
        let bytes = try SourceFile.read(URL(fileURLWithPath: path))
        let root = try JSONReader.parse(bytes, file: path)
        if root["requiredResourceAccess"].isPresent {
            for resource in try root["requiredResourceAccess"].elements() {
                guard (try resource["resourceAppId"].optionalString())?.lowercased() == MicrosoftGraph.appId else {
                    granted.otherAPIs.append(resource.value ?? .null)
                    continue
                }
                for access in try resource["resourceAccess"].elements() {
                    let id = try access["id"].guid()
                    let isRole = try access["type"].string(maxLength: 20) == "Role"
                    if let name = try kb.permissionName(guid: id, scheme: isRole ? .application : .delegatedWork) {
                        if isRole { granted.application.append(name) } else { granted.delegated.append(name) }
                    } else {
                        granted.unknownIDs.append("\(id) (\(isRole ? "Role" : "Scope") in \(path))")
                    }
                }
            }
            return
        }
        guard root["value"].isPresent else {
            throw root.failure(
                """
                an app manifest (requiredResourceAccess), appRoleAssignments or oauth2PermissionGrants ({\"value\": \
                [...]})
                """
            )
        }
        for entry in try root["value"].elements() {
            if entry["appRoleId"].isPresent {
                let id = try entry["appRoleId"].guid()
                if let name = try kb.permissionName(guid: id, scheme: .application) {
                    granted.application.append(name)
                } else {
                    granted.unknownIDs.append("\(id) (appRoleId in \(path))")
                }
            } else if entry["scope"].isPresent {
                granted.delegated += try entry["scope"].string().split(separator: " ").map(String.init)
            } else {
                throw entry.failure("an appRoleAssignment (appRoleId) or an oauth2PermissionGrant (scope)")
            }
        }
    }
}

extension KnowledgeBase {
    /// The permission name of an ID in a scheme.
    package func permissionName(guid: String, scheme: Scheme) throws(KnowledgeBaseError) -> String? {
        try store.permissionName(guid: guid, scheme: scheme)
    }
}
