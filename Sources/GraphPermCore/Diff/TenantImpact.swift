/// What a diff means for a tenant's apps (`graphperm diff --tenant FOLDER`): for each service principal, the
/// Microsoft Graph permissions it holds (application permissions from its app role assignments, resolved through
/// Microsoft Graph's `appRoles` in the export; delegated permissions from its `oauth2PermissionGrants`, as
/// DelegatedWork) that the diff touches in one of three ways:
///
/// - `permissionsRemoved`: the permission's name is among `permissions.removed` (NEW no longer knows it).
/// - `tiersRaised`: its tier in that scheme moved toward Tier 0 (`tiers.changed` with direction `raised`).
/// - `broaderThanNeeded`: for some call (method, template, scheme), OLD marked this permission least privileged,
///   and NEW still grants the call with it but marks only other permissions least (`least.changed` where it is in
///   `before`, not in `after`, `after` is not empty, and the grant is not in `grants.removed`). If the app holds
///   the permission for that call, Microsoft now names a less privileged choice. The export does not say which
///   calls an app makes, nor whether it needs the permission for calls where it is still least, so this is a
///   candidate to review, not proof that the grant is unneeded (`--calls` answers for known calls).
///
/// Apps with none of these are left out. Apps are sorted by display name then id (ordinal), every list by
/// permission then scheme, calls by method then template.
///
///     TenantImpact(export: export, diff: diff).apps.first?.displayName  // "Contoso Mail Archiver"
package struct TenantImpact: Sendable, Equatable {
    /// A Microsoft Graph permission an app holds in one scheme.
    package struct Held: Sendable, Hashable {
        package let permission: String
        package let scheme: Scheme
    }

    /// A held permission that is no longer least privileged for some calls it was least privileged for.
    package struct Broader: Sendable, Equatable {
        package let permission: String
        package let scheme: Scheme
        /// The calls, with the permissions marked least before and after.
        package let calls: [PermissionDiff.LeastChange]
    }

    /// One service principal and what the diff means for its grants.
    package struct App: Sendable, Equatable {
        package let id: String
        package let appId: String
        package let displayName: String
        package let permissionsRemoved: [Held]
        package let tiersRaised: [PermissionDiff.TierChange]
        package let broaderThanNeeded: [Broader]
    }

    /// The affected apps.
    package let apps: [App]
    /// How many service principals the export holds.
    package let servicePrincipals: Int

    /// Reads `export`'s grants of Microsoft Graph permissions against `diff`.
    package init(export: TenantExport, diff: PermissionDiff) {
        let removed = Set(diff.permissionsRemoved)
        var raised: [Held: PermissionDiff.TierChange] = [:]
        for change in diff.tiersChanged ?? [] where change.direction == .raised {
            raised[Held(permission: change.permission, scheme: change.scheme)] = change
        }
        let stillGranted = Set(diff.grantsRemoved)
        var lostLeast: [Held: [PermissionDiff.LeastChange]] = [:]
        for change in diff.leastChanged where !change.after.isEmpty {
            for permission in change.before where !change.after.contains(permission) {
                let grant = PermissionDiff.GrantChange(
                    permission: permission, method: change.method, template: change.template, scheme: change.scheme)
                guard !stillGranted.contains(grant) else { continue }
                lostLeast[Held(permission: permission, scheme: change.scheme), default: []].append(change)
            }
        }
        let holdings = Holdings(export)
        var apps: [App] = []
        for principal in export.servicePrincipals {
            let held = holdings.held(by: principal)
            let app = App(
                id: principal.id, appId: principal.appId, displayName: principal.displayName,
                permissionsRemoved: held.filter { removed.contains($0.permission) },
                tiersRaised: held.compactMap { raised[$0] },
                broaderThanNeeded: held.compactMap { grant in
                    lostLeast[grant].map { Broader(permission: grant.permission, scheme: grant.scheme, calls: $0) }
                })
            if !app.permissionsRemoved.isEmpty || !app.tiersRaised.isEmpty || !app.broaderThanNeeded.isEmpty {
                apps.append(app)
            }
        }
        self.apps = apps.sorted { Ordinal.less([$0.displayName, $0.id], [$1.displayName, $1.id]) }
        servicePrincipals = export.servicePrincipals.count
    }

    /// The Microsoft Graph permissions each service principal of an export holds, each (permission, scheme) once,
    /// sorted. An app role assignment whose role ID Microsoft Graph's principal in the export does not define is
    /// left out (it has no name to compare).
    struct Holdings {
        private var roles: [String: String] = [:]
        private let graphIds: Set<String>
        private var delegated: [String: [TenantExport.DelegatedGrant]] = [:]

        init(_ export: TenantExport) {
            let graph = export.servicePrincipals.filter { $0.appId == MicrosoftGraph.appId }
            for resource in graph {
                for role in resource.appRoles { roles[resource.id + " " + role.id.lowercased()] = role.value }
            }
            graphIds = Set(graph.map(\.id))
            for grant in export.delegatedGrants where graphIds.contains(grant.resourceId) {
                delegated[grant.clientId, default: []].append(grant)
            }
        }

        func held(by principal: TenantExport.ServicePrincipal) -> [Held] {
            var held = Set<Held>()
            for assignment in principal.appRoleAssignments where graphIds.contains(assignment.resourceId) {
                if let name = roles[assignment.resourceId + " " + assignment.appRoleId.lowercased()] {
                    held.insert(Held(permission: name, scheme: .application))
                }
            }
            for grant in delegated[principal.id] ?? [] {
                for scope in grant.scopes { held.insert(Held(permission: scope, scheme: .delegatedWork)) }
            }
            return held.sorted {
                Ordinal.less([$0.permission, $0.scheme.rawValue], [$1.permission, $1.scheme.rawValue])
            }
        }
    }
}
