import GraphPermJSON
/// Reads the files that give permission IDs and consent texts: `provisioningInfo.json`, Graph Explorer's
/// `permissions-descriptions.json`, and the Microsoft Graph service principal (`appRoles`, `oauth2PermissionScopes`).
package enum ScopeListLoaders {
    /// Entries whose name does not start with a letter (`_0.AA`, `_T.AD`: 475 in the 2026-08 file) belong to other
    /// resource apps, not to Microsoft Graph: they are skipped, and counted in one warning.
    package static func loadProvisioningInfo(_ root: JSONReader, into facts: inout KnowledgeFacts) throws(LoadError) {
        var skipped = 0
        defer {
            if skipped > 0 {
                facts.warnings.append(
                    "\(root.file): \(skipped) entries named like _0.AA are not Microsoft Graph permissions; skipped")
            }
        }
        for (name, deployments) in try root["permissionDeployments"].members() {
            guard name.first?.isLetter ?? false else { skipped += 1; continue }
            _ = try JSONReader.checkPermissionName(name, at: deployments)
            var seenSchemes = Set<Scheme>()
            for deployment in try deployments.elements() {
                let schemeText = try deployment["scheme"].string(maxLength: 100)
                guard let scheme = Scheme(rawValue: schemeText) else {
                    throw deployment["scheme"].failure("DelegatedWork, DelegatedPersonal or Application")
                }
                guard seenSchemes.insert(scheme).inserted else {
                    facts.warnings.append("\(root.file): \(JSONPathComponent.render(deployment.path)): a second"
                        + " deployment of \(name) for \(scheme.rawValue); the first one is kept")
                    continue
                }
                var guid: String? = nil
                do {
                    guid = try deployment["id"].optionalGUID()
                } catch {
                    facts.warnings.append("\(error); this ID is ignored")
                }
                let hidden = try deployment["isHidden"].optionalBool()
                let enabled = try deployment["isEnabled"].optionalBool()
                let environment = try deployment["environment"].optionalString(maxLength: 200)
                let resourceAppId = try deployment["resourceAppId"].optionalString(maxLength: 100)
                facts.merge(name, scheme, from: root.file, guid: guid) { entry in
                    entry.isHidden = entry.isHidden ?? hidden
                    entry.isEnabled = entry.isEnabled ?? enabled
                    entry.environment = entry.environment ?? environment
                    entry.resourceAppId = entry.resourceAppId ?? resourceAppId.flatMap { $0.isEmpty ? nil : $0 }
                }
            }
        }
    }

    package static func loadDescriptions(_ root: JSONReader, into facts: inout KnowledgeFacts) throws(LoadError) {
        for list in ["delegatedScopesList", "applicationScopesList"] where root[list].isPresent {
            let isDelegated = list == "delegatedScopesList"
            for scope in try root[list].elements() {
                let name = try scope["value"].permissionName()
                let guid = try scope["id"].guid()
                let adminName = try scope["adminConsentDisplayName"].optionalString()
                let adminDescription = try scope["adminConsentDescription"].optionalString()
                let userName = try scope["consentDisplayName"].optionalString()
                let userDescription = try scope["consentDescription"].optionalString()
                let isAdmin = try scope["isAdmin"].optionalBool()
                let enabled = try scope["isEnabled"].optionalBool()
                for scheme in schemes(for: name, delegated: isDelegated, in: facts) {
                    facts.merge(name, scheme, from: root.file, guid: guid) { entry in
                        entry.adminDisplayName = entry.adminDisplayName ?? adminName
                        entry.adminDescription = entry.adminDescription ?? adminDescription
                        entry.userDisplayName = entry.userDisplayName ?? userName
                        entry.userDescription = entry.userDescription ?? userDescription
                        entry.requiresAdminConsent = entry.requiresAdminConsent ?? isAdmin
                        entry.isEnabled = entry.isEnabled ?? enabled
                    }
                }
            }
        }
    }

    package static func loadServicePrincipal(_ principal: JSONReader,
                                             into facts: inout KnowledgeFacts) throws(LoadError) {
        if principal["appRoles"].isPresent {
            for role in try principal["appRoles"].elements() {
                let name = try role["value"].permissionName()
                let guid = try role["id"].guid()
                let displayName = try role["displayName"].optionalString()
                let description = try role["description"].optionalString()
                let enabled = try role["isEnabled"].optionalBool()
                if role["allowedMemberTypes"].isPresent,
                   !(try role["allowedMemberTypes"].strings()).contains("Application") { continue }
                facts.merge(name, .application, from: principal.file, guid: guid) { entry in
                    entry.adminDisplayName = entry.adminDisplayName ?? displayName
                    entry.adminDescription = entry.adminDescription ?? description
                    entry.requiresAdminConsent = entry.requiresAdminConsent ?? true
                    entry.isEnabled = entry.isEnabled ?? enabled
                }
            }
        }
        if principal["oauth2PermissionScopes"].isPresent {
            for scope in try principal["oauth2PermissionScopes"].elements() {
                let name = try scope["value"].permissionName()
                let guid = try scope["id"].guid()
                let adminName = try scope["adminConsentDisplayName"].optionalString()
                let adminDescription = try scope["adminConsentDescription"].optionalString()
                let userName = try scope["userConsentDisplayName"].optionalString()
                let userDescription = try scope["userConsentDescription"].optionalString()
                let type = try scope["type"].optionalString(maxLength: 20)
                let enabled = try scope["isEnabled"].optionalBool()
                for scheme in schemes(for: name, delegated: true, in: facts) {
                    facts.merge(name, scheme, from: principal.file, guid: guid) { entry in
                        entry.adminDisplayName = entry.adminDisplayName ?? adminName
                        entry.adminDescription = entry.adminDescription ?? adminDescription
                        entry.userDisplayName = entry.userDisplayName ?? userName
                        entry.userDescription = entry.userDescription ?? userDescription
                        entry.requiresAdminConsent = entry.requiresAdminConsent ?? type.map { $0 == "Admin" }
                        entry.isEnabled = entry.isEnabled ?? enabled
                    }
                }
            }
        }
    }

    /// Graph's scope lists give one ID per delegated scope; it is the DelegatedWork one (provisioning info gives
    /// DelegatedPersonal its own where it differs).
    private static func schemes(for name: String, delegated: Bool, in facts: KnowledgeFacts) -> [Scheme] {
        [delegated ? .delegatedWork : .application]
    }
}
