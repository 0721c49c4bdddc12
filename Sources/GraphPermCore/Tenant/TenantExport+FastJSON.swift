import GraphPermJSON

/// The tenant export's items decoded straight from parsed values, without a `JSONReader` per member (which
/// allocates a path step for each). Each function accepts exactly what its `JSONReader` twin in
/// `TenantExport+JSON.swift` accepts and returns nil on anything else, so the twin runs again to report the error
/// with its file and JSON path.
extension TenantExport {
    /// `servicePrincipal(_:)` of a plainly valid item; nil when the item has any error.
    package static func fastServicePrincipal(_ value: JSONValue) -> ServicePrincipal? {
        guard case .object(let item) = value else { return nil }
        var id: String?
        var appId: String?
        var displayName = ""
        var owner: String?
        var type: String?
        var audience: String?
        var passwords: [Credential] = []
        var keys: [Credential] = []
        var roles: [(id: String, value: String)] = []
        var assignments: [AppRoleAssignment] = []
        var owners: [String]? = nil
        for (key, member) in item.members {
            switch key {
            case "id": guard let guid = guid(member) else { return nil }; id = guid
            case "appId": guard let guid = guid(member) else { return nil }; appId = guid
            case "displayName":
                guard let text = optionalString(member, maxLength: 1_000) else { return nil }
                displayName = text ?? ""
            case "appOwnerOrganizationId":
                guard let guid = optionalGUID(member) else { return nil }
                owner = guid
            case "servicePrincipalType":
                guard let text = optionalString(member, maxLength: 100) else { return nil }
                type = text
            case "signInAudience":
                guard let text = optionalString(member, maxLength: 100) else { return nil }
                audience = text
            case "passwordCredentials", "keyCredentials":
                guard let found = credentials(member, kind: key == "keyCredentials" ? .certificate : .password)
                else { return nil }
                if key == "keyCredentials" { keys = found } else { passwords = found }
            case "appRoles":
                guard isPresent(member) else { continue }
                guard case .array(let entries) = member else { return nil }
                for entry in entries {
                    let object = if case .object(let object) = entry { object } else { JSONObject([]) }
                    guard let text = optionalString(object["value"], maxLength: 1_000) else { return nil }
                    guard let roleValue = text else { continue }
                    guard let roleID = guid(object["id"]) else { return nil }
                    roles.append((roleID, roleValue))
                }
            case "appRoleAssignments":
                guard isPresent(member) else { continue }
                guard case .array(let entries) = member else { return nil }
                assignments.reserveCapacity(entries.count)
                for entry in entries {
                    guard case .object(let object) = entry, let role = guid(object["appRoleId"]),
                        let resource = guid(object["resourceId"])
                    else { return nil }
                    assignments.append(AppRoleAssignment(appRoleId: role, resourceId: resource))
                }
            case "owners":
                guard isPresent(member) else { continue }
                guard case .array(let entries) = member else { return nil }
                var found: [String] = []
                for entry in entries {
                    guard case .object(let object) = entry, let ownerID = guid(object["id"]) else { return nil }
                    found.append(ownerID)
                }
                owners = found
            default: continue
            }
        }
        guard let id, let appId else { return nil }
        return ServicePrincipal(
            id: id, appId: appId, displayName: displayName, appOwnerOrganizationId: owner,
            servicePrincipalType: type, signInAudience: audience, credentials: passwords + keys, appRoles: roles,
            appRoleAssignments: assignments, owners: owners)
    }

    /// `delegatedGrant(_:)` of a plainly valid item; nil when the item has any error.
    package static func fastDelegatedGrant(_ value: JSONValue) -> DelegatedGrant? {
        guard case .object(let item) = value,
            case .string(let consent)? = item["consentType"], consent == "AllPrincipals" || consent == "Principal",
            let scope = optionalString(item["scope"], maxLength: 100_000), let clientId = guid(item["clientId"]),
            let principalId = optionalGUID(item["principalId"]), let resourceId = guid(item["resourceId"])
        else { return nil }
        return DelegatedGrant(
            clientId: clientId, consentType: consent, principalId: principalId, resourceId: resourceId,
            scopes: (scope ?? "").split(separator: " ").map(String.init))
    }

    /// `roleAssignment(_:)` of a plainly valid item; nil when the item has any error.
    package static func fastRoleAssignment(_ value: JSONValue) -> RoleAssignment? {
        guard case .object(let item) = value, let principalId = guid(item["principalId"]),
            let roleDefinitionId = guid(item["roleDefinitionId"]),
            let scope = optionalString(item["directoryScopeId"], maxLength: 1_000)
        else { return nil }
        return RoleAssignment(principalId: principalId, roleDefinitionId: roleDefinitionId, directoryScopeId: scope)
    }

    private static func isPresent(_ value: JSONValue?) -> Bool {
        if case .null? = value { return false }
        return value != nil
    }

    /// As `JSONReader.guid()`: nil for an error.
    private static func guid(_ value: JSONValue?) -> String? {
        guard case .string(let text)? = value, text.utf8.count <= 100, GUID.isValid(text) else { return nil }
        return text.lowercased()
    }

    /// As `JSONReader.optionalGUID()`: `.some(nil)` when absent, null or "", nil for an error.
    private static func optionalGUID(_ value: JSONValue?) -> String?? {
        if case .string(let text)? = value, text.isEmpty { return .some(nil) }
        guard isPresent(value) else { return .some(nil) }
        return guid(value).map { .some($0) }
    }

    /// As `JSONReader.optionalString(maxLength:)`: `.some(nil)` when absent or null, nil for an error.
    private static func optionalString(_ value: JSONValue?, maxLength: Int) -> String?? {
        guard isPresent(value) else { return .some(nil) }
        guard case .string(let text)? = value, text.utf8.count <= maxLength else { return nil }
        return .some(text)
    }

    /// The credentials of one collection, as `servicePrincipal(_:)` reads them; nil for an error.
    private static func credentials(_ value: JSONValue, kind: Credential.Kind) -> [Credential]? {
        guard isPresent(value) else { return [] }
        guard case .array(let entries) = value else { return nil }
        var result: [Credential] = []
        for entry in entries {
            let object = if case .object(let object) = entry { object } else { JSONObject([]) }
            guard let name = optionalString(object["displayName"], maxLength: 65_536),
                let start = optionalString(object["startDateTime"], maxLength: 64),
                let end = optionalString(object["endDateTime"], maxLength: 64)
            else { return nil }
            result.append(Credential(kind: kind, displayName: name, start: start, end: end))
        }
        return result
    }
}
