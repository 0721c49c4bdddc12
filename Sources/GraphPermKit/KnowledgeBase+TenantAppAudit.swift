import GraphPermPlatform
import GraphPermCore
import GraphPermJSON
import GraphPermStore

/// One app of a tenant export audited against its calls (`graphperm audit --tenant FOLDER --app APP --calls FILE`).
package struct TenantAppAudit: Sendable {
    /// The service principal audited.
    package let app: TenantExport.ServicePrincipal
    /// The single-app audit of what the export says it holds against its calls.
    package let report: AuditReport
}

/// Why an app cannot be picked out of a tenant export: none or several match.
package struct TenantAppChoiceError: Error, Sendable, Equatable, CustomStringConvertible {
    package let description: String
}

extension KnowledgeBase {
    /// Audits one app of the tenant export in `folder` against `calls`, with the same engine as
    /// `audit(granted:calls:)`: what it holds is its app role assignments on Microsoft Graph (application
    /// permissions) and the scopes of its delegated grants on Microsoft Graph, for all users or single users alike;
    /// grants on other APIs are listed apart, unaudited. `app` is the service principal's id, its appId, its
    /// display name, or a part of the display name that only one app has (case-insensitive).
    ///
    ///     let audit = try kb.auditTenantApp(folder: "tenant", app: "Contoso Mail Archiver", calls: calls)
    ///     audit.report.problems.map(\.subject)   // ["User.Read.All", ...]
    package func auditTenantApp(folder: String, app: String, calls: [AppCalls.Call]) throws -> TenantAppAudit {
        let export = try TenantExport.read(folder: folder)
        let principal = try Self.choose(app, in: export, folder: folder)
        let granted = try grantedPermissions(of: principal, in: export)
        return TenantAppAudit(app: principal, report: try audit(granted: granted, calls: calls))
    }

    /// The one service principal `choice` names: by id or appId, else by display name, else by a part of it.
    static func choose(
        _ choice: String, in export: TenantExport, folder: String
    ) throws(TenantAppChoiceError) -> TenantExport.ServicePrincipal {
        let key = choice.lowercased()
        var found = export.servicePrincipals.filter { $0.id.lowercased() == key || $0.appId.lowercased() == key }
        if found.isEmpty { found = export.servicePrincipals.filter { $0.displayName.lowercased() == key } }
        if found.isEmpty, !key.isEmpty {
            found = export.servicePrincipals.filter { $0.displayName.lowercased().contains(key) }
        }
        switch found.count {
        case 1: return found[0]
        case 0:
            throw TenantAppChoiceError(
                description: "--app \(choice): no service principal in \(folder) has this id, appId or display name, "
                    + "nor a display name containing it")
        default:
            let listed = found.prefix(5).map { "\($0.displayName) (id \($0.id))" }.joined(separator: ", ")
            throw TenantAppChoiceError(
                description: "--app \(choice): \(found.count) service principals in \(folder) match (\(listed)"
                    + (found.count > 5 ? ", …" : "") + "): give its id")
        }
    }

    /// What a service principal holds, as `GrantedPermissions`: Graph's app role IDs resolved through the Graph
    /// principal of the export (else the knowledge base), other APIs as manifest entries.
    func grantedPermissions(
        of principal: TenantExport.ServicePrincipal, in export: TenantExport
    ) throws -> GrantedPermissions {
        var byID: [String: TenantExport.ServicePrincipal] = [:]
        for candidate in export.servicePrincipals where byID[candidate.id] == nil { byID[candidate.id] = candidate }
        var granted = GrantedPermissions()
        var others: [(appId: String, entries: [JSONValue])] = []
        func addOther(_ resourceId: String, _ entry: JSONValue) {
            let appId = byID[resourceId]?.appId ?? resourceId
            if let index = others.firstIndex(where: { $0.appId == appId }) {
                others[index].entries.append(entry)
            } else {
                others.append((appId, [entry]))
            }
        }
        for assignment in principal.appRoleAssignments {
            let resource = byID[assignment.resourceId]
            guard resource?.appId == MicrosoftGraph.appId else {
                addOther(
                    assignment.resourceId,
                    .object(JSONObject([("id", .string(assignment.appRoleId)), ("type", .string("Role"))])))
                continue
            }
            let named = resource?.appRoles.first { $0.id.lowercased() == assignment.appRoleId.lowercased() }?.value
            if let name = try named ?? permissionName(guid: assignment.appRoleId, scheme: .application) {
                granted.application.append(name)
            } else {
                granted.unknownIDs.append("\(assignment.appRoleId) (appRoleId of \(principal.displayName))")
            }
        }
        for grant in export.delegatedGrants where grant.clientId == principal.id {
            guard byID[grant.resourceId]?.appId == MicrosoftGraph.appId else {
                for scope in grant.scopes {
                    let entry = JSONObject([("value", .string(scope)), ("type", .string("Scope"))])
                    addOther(grant.resourceId, .object(entry))
                }
                continue
            }
            granted.delegated += grant.scopes
        }
        granted.otherAPIs = others.map { other in
            .object(JSONObject([("resourceAppId", .string(other.appId)), ("resourceAccess", .array(other.entries))]))
        }
        return granted
    }
}
