import GraphPermPlatform
import GraphPermCore
import GraphPermStore

/// Explains why a call to Microsoft Graph fails (or would), from the token's claims, the request and the
/// optional error response, reasoning from the knowledge base.
public struct Diagnoser {
    package let kb: KnowledgeBase

    /// A diagnoser over `kb`: `try Diagnoser(kb: kb).diagnose(method: "GET", url: url, claims: claims)`.
    public init(kb: KnowledgeBase) { self.kb = kb }

    package static let limits = [
        "the user's licences and their own rights on the data (delegated calls act within them)",
        "whether an administrator has consented for this tenant (a token only shows what was granted)",
        "the token's signature, which graphperm does not verify",
    ]

    /// The diagnosis; `at` judges expiry, `status` and `errorBody` come from the failed response.
    public func diagnose(
        method rawMethod: String, url: String, claims: TokenClaims, at now: Date = Date(),
        status: Int? = nil, errorBody: ErrorBody? = nil
    ) throws -> Diagnosis {
        let method = rawMethod.uppercased()
        var causes: [Cause] = []
        let roleNames = try adminRoleNames(claims.wids ?? [])
        causes += TokenValidity.causes(claims, at: now)

        var template: String? = nil
        var permissionVerdictKnown = false
        var holdsPermission: Bool? = nil
        var supportsPersonal: Bool? = nil
        var kind = claims.kind
        if kind == .unknown, claims.isPartial, RequestPath(url).normalized.first == "me" { kind = .delegated }
        let knowsPermissions = !claims.isPartial || claims.hasPermissionClaim
        do {
            let (resolvedTemplate, claimSet) = try claimsOfCall(method: method, url: url)
            template = resolvedTemplate
            if claimSet.supports(method: method) {
                supportsPersonal =
                    !claimSet.claims(method: method, scheme: .delegatedWork).isEmpty
                    ? !claimSet.claims(method: method, scheme: .delegatedPersonal).isEmpty : nil
                let onMe = RequestPath(resolvedTemplate).normalized.first == "me"
                if kind == .application, onMe {
                    causes.append(
                        Cause(
                            code: .wrongTokenType,
                            message:
                                "\(method) \(resolvedTemplate) acts for the signed-in user,"
                                + " and an app-only token has none",
                            evidence:
                                "token kind application"
                                + " (\(claims.idtyp == "app" ? "idtyp app" : "roles claim, no scp"))",
                            fix:
                                "call /users/{id}\(resolvedTemplate.dropFirst(3)) with the app-only token,"
                                + " or use a delegated token (a signed-in user)"
                        ))
                    permissionVerdictKnown = true
                } else if !knowsPermissions, kind != .unknown,
                    let mismatch = tokenTypeMismatch(
                        method: method, template: resolvedTemplate, kind: kind, set: claimSet)
                {
                    // Partial claims: the permissions are unknown, but the kind of token is enough for this.
                    causes.append(mismatch)
                    permissionVerdictKnown = true
                } else if knowsPermissions {
                    permissionVerdictKnown = true
                    let found = permissionCauses(
                        method: method, template: resolvedTemplate, claims: claims, set: claimSet)
                    causes += found
                    holdsPermission = !found.contains {
                        [.missingScope, .missingAppRole, .wrongTokenType].contains($0.code)
                    }
                    if resolvedTemplate.lowercased().hasPrefix("/security/") {
                        causes += securityRoleCauses(claims: claims, roleNames: roleNames)
                    }
                }
            } else {
                causes.append(
                    Cause(
                        code: .other, message: "\(method) is not documented for \(resolvedTemplate)",
                        evidence: "documented methods: \(claimSet.methods.joined(separator: ", "))",
                        fix: "check the method and the URL against the API reference", strength: .generic))
            }
        } catch let error as LookupError {
            causes.append(
                Cause(
                    code: .other, message: "the URL matches no documented Microsoft Graph API",
                    evidence: error.description,
                    fix: "check the URL; graphperm cannot judge the permissions of an unknown API", strength: .generic))
        }
        let path = template.map { RequestPath($0).normalized } ?? RequestPath(url).normalized
        // An error body is always read; a bare 401/403 only adds a guess when the token shows nothing wrong.
        let refused = status == 401 || status == 403
        if errorBody != nil || (refused && !causes.contains { $0.strength == .token }) {
            let call = ErrorSignals.Call(
                kind: kind, segments: path, method: method, holdsPermission: holdsPermission,
                supportsPersonalAccounts: supportsPersonal)
            causes += ErrorSignals.causes(errorBody, status: status, call: call)
        }

        let definite: Set<Cause.Code> = [
            .missingScope, .missingAppRole, .wrongTokenType, .missingAdminRole, .implicitFlowNoWids,
            .wrongAudience, .expiredOrInvalidToken, .personalAccountUnsupported, .conditionalAccess, .ewsAccessPolicy,
        ]
        let verdict: Diagnosis.Verdict
        // Denied when the token or a specific error shows it; what a generic error suggests leaves it unknown.
        if causes.contains(where: { definite.contains($0.code) && $0.strength > .generic }) {
            verdict = .denied
        } else if causes.isEmpty && permissionVerdictKnown {
            verdict = .allowed
        } else {
            verdict = .unknown
        }
        return Diagnosis(
            method: method, url: url, template: template, claims: claims, roleNames: roleNames, verdict: verdict,
            causes: Self.ordered(causes), limits: Self.limits)
    }

    /// The template of the call and its claims: as documented, or, for a call Microsoft's data does not document,
    /// the permissions `least` infers for it.
    private func claimsOfCall(method: String, url: String) throws -> (String, ClaimSet) {
        let resolved = try kb.resolve(method: method, target: url)
        let claimSet = try kb.claimSet(templateIDs: resolved.ids)
        if claimSet.supports(method: method) { return (resolved.templates[0], claimSet) }
        guard let answer = try? kb.least(method: method, target: url) else { return (resolved.templates[0], claimSet) }
        var grants: [Grant] = []
        for (scheme, schemeAnswer) in answer.schemes {
            guard let schemeAnswer else { continue }
            for (index, requirement) in (schemeAnswer.leastRequirements + schemeAnswer.higherRequirements).enumerated()
            {
                let name = requirement.permission
                grants.append(
                    Grant(
                        permission: name, scheme: scheme, method: method, template: resolved.templates[0],
                        isLeast: index < schemeAnswer.least.count, claimOrder: index))
            }
        }
        return (answer.template ?? resolved.templates[0], ClaimSet(grants: grants))
    }

    /// The strongest evidence first (the token, then a specific error, then a generic one); within one strength,
    /// token problems, then what the error body names, then permissions, then roles.
    package static func ordered(_ causes: [Cause]) -> [Cause] {
        let rank: [Cause.Code: Int] = [
            .expiredOrInvalidToken: 0, .wrongAudience: 1, .conditionalAccess: 2, .ewsAccessPolicy: 3,
            .personalAccountUnsupported: 4, .wrongTokenType: 5, .missingScope: 6, .missingAppRole: 6,
            .implicitFlowNoWids: 7, .missingAdminRole: 8, .consentNotGranted: 9, .licenseOrUserPrivilege: 10,
            .other: 11,
        ]
        var seen = Set<String>()
        // Token evidence by the rank above; inferences from an error response in the order their rules give.
        func key(_ entry: (offset: Int, element: Cause)) -> (Int, Int, Int) {
            (
                -entry.element.strength.rawValue, entry.element.strength == .token ? rank[entry.element.code]! : 0,
                entry.offset
            )
        }
        return causes.enumerated().sorted { key($0) < key($1) }.map(\.element)
            .filter { seen.insert($0.code.rawValue + $0.message).inserted }
    }

    private func adminRoleNames(_ wids: [String]) throws -> [String] {
        let roles = try kb.adminRoles()
        return wids.compactMap { wid in roles.first { $0.roleTemplateId == wid.lowercased() }?.name }
    }

    private func permissionCauses(method: String, template: String, claims: TokenClaims, set: ClaimSet) -> [Cause] {
        let kind = claims.kind
        guard kind != .unknown else {
            return [
                Cause(
                    code: .expiredOrInvalidToken,
                    message: "the token carries neither scp (delegated) nor roles (application)",
                    evidence: "no scp, no roles, idtyp \(claims.idtyp ?? "absent")",
                    fix:
                        "grant the app the permission it needs and have an administrator consent,"
                        + " then request a new token"
                )
            ]
        }
        let scheme: Scheme =
            kind == .application ? .application : (claims.isPersonalAccount ? .delegatedPersonal : .delegatedWork)
        let held = Set(claims.permissions.map { $0.lowercased() })
        let granting = set.claims(method: method, scheme: scheme)
        let least = LeastAnswer.from(method: method, url: template, template: template, claims: set, only: [scheme])[
            scheme]?.least.first
        if granting.isEmpty {
            if scheme == .delegatedPersonal, !set.claims(method: method, scheme: .delegatedWork).isEmpty {
                return [
                    Cause(
                        code: .personalAccountUnsupported,
                        message:
                            "\(method) \(template) supports work or school accounts only,"
                            + " and the signed-in user has a personal Microsoft account",
                        evidence: "acct = \(claims.accountType ?? "-"), tid = \(claims.tenantId ?? "-")",
                        fix: "sign in with a work or school account; this API is not available to personal accounts")
                ]
            }
            let other: Scheme = kind == .application ? .delegatedWork : .application
            let supported =
                set.claims(method: method, scheme: other).isEmpty
                ? "no other permission type either"
                : "only \(other == .application ? "application" : "delegated") permissions"
            return [
                Cause(
                    code: .wrongTokenType,
                    message:
                        "\(method) \(template) does not support"
                        + " \(kind == .application ? "application (app-only)" : "delegated") tokens;"
                        + " it supports \(supported)",
                    evidence:
                        "token kind \(kind.rawValue) (\(kind == .application ? "roles claim, no scp" : "scp claim"))",
                    fix: kind == .application
                        ? "call it with a delegated token (authorization code flow, a signed-in user)"
                        : "call it with an app-only token (client credentials flow) and an application permission")
            ]
        }
        if granting.contains(where: { held.contains($0.permission.lowercased()) }) {
            return partnerCauses(granting: granting, held: held, scheme: scheme)
        }
        var causes: [Cause] = []
        let otherHeld = Set((kind == .application ? claims.scopes : claims.roles).map { $0.lowercased() })
        let otherScheme: Scheme = kind == .application ? .delegatedWork : .application
        if let wrong = set.claims(method: method, scheme: otherScheme).first(where: {
            otherHeld.contains($0.permission.lowercased())
        }) {
            causes.append(
                Cause(
                    code: .wrongTokenType,
                    message:
                        "\(wrong.permission) is granted as"
                        + " \(kind == .application ? "a delegated" : "an application") permission,"
                        + " but this is \(kind == .application ? "an app-only" : "a delegated") token",
                    evidence: "\(kind == .application ? "scp" : "roles") holds \(wrong.permission)",
                    fix: kind == .application
                        ? "use a delegated token (authorization code flow) or grant the application permission"
                            + " \(least ?? wrong.permission)"
                        : "use an app-only token (client credentials flow) or grant the delegated permission"
                            + " \(least ?? wrong.permission)"
                ))
        }
        let claimName = kind == .application ? "roles" : "scp"
        let code: Cause.Code = kind == .application ? .missingAppRole : .missingScope
        let consent =
            kind == .application
            ? "an administrator must grant it (application permissions always need admin consent)"
            : "then consent (an administrator for admin-only permissions)"
        causes.append(
            Cause(
                code: code, message: "the token's \(claimName) has no permission that allows \(method) \(template)",
                evidence:
                    "\(claimName) = [\(claims.permissions.joined(separator: " "))];"
                    + " any of \(granting.map(\.permission).uniqued().prefix(6).joined(separator: ", ")) would do",
                fix:
                    "add the least-privileged \(kind == .application ? "application" : "delegated") permission"
                    + " \(least ?? granting[0].permission), \(consent), and request a new token"
            ))
        return causes
    }

    /// A call that supports no permission of the token's kind (nil when it supports some).
    private func tokenTypeMismatch(method: String, template: String, kind: TokenClaims.Kind, set: ClaimSet) -> Cause? {
        let scheme: Scheme = kind == .application ? .application : .delegatedWork
        guard set.claims(method: method, scheme: scheme).isEmpty else { return nil }
        let other: Scheme = kind == .application ? .delegatedWork : .application
        let supported =
            set.claims(method: method, scheme: other).isEmpty
            ? "no other permission type either"
            : "only \(other == .application ? "application" : "delegated") permissions"
        return Cause(
            code: .wrongTokenType,
            message:
                "\(method) \(template) does not support"
                + " \(kind == .application ? "application (app-only)" : "delegated") tokens;"
                + " it supports \(supported)",
            evidence: "token kind \(kind.rawValue)",
            fix: kind == .application
                ? "call it with a delegated token (authorization code flow, a signed-in user)"
                : "call it with an app-only token (client credentials flow) and an application permission")
    }

    /// A held permission that Microsoft marks AlsoRequires needs one of its partners too.
    private func partnerCauses(granting: [Claim], held: Set<String>, scheme: Scheme) -> [Cause] {
        let heldClaims = granting.filter { held.contains($0.permission.lowercased()) }
        guard heldClaims.allSatisfy({ !$0.alsoRequires.isEmpty }),
            let claim = heldClaims.first(where: { !$0.alsoRequires.contains(where: { held.contains($0.lowercased()) }) }
            )
        else { return [] }
        return [
            Cause(
                code: scheme == .application ? .missingAppRole : .missingScope,
                message:
                    "\(claim.permission) allows this call only together with one of"
                    + " \(claim.alsoRequires.joined(separator: ", "))",
                evidence:
                    "Microsoft's data marks \(claim.permission)"
                    + " AlsoRequires=\(claim.alsoRequires.joined(separator: ","))",
                fix: "add \(claim.alsoRequires[0]) as well and request a new token")
        ]
    }

    private func securityRoleCauses(claims: TokenClaims, roleNames: [String]) -> [Cause] {
        guard claims.kind == .delegated else { return [] }
        let securityRoles = ((try? kb.adminRoles()) ?? []).filter(\.isAcceptedBySecurityAPI)
            .sorted { ($0.securityAPIPosition ?? 0) < ($1.securityAPIPosition ?? 0) }
        let required = securityRoles.map(\.name)
        guard let wids = claims.wids else {
            if claims.isPartial { return [] }
            return [
                Cause(
                    code: .implicitFlowNoWids,
                    message:
                        "the token has no wids claim, so Microsoft Graph cannot see the user's admin roles;"
                        + " tokens from the implicit grant flow often lack it",
                    evidence: "no wids claim in a delegated token for the Security API",
                    fix:
                        "acquire the token with the authorization code flow (MSAL does this)"
                        + " instead of the implicit grant"
                )
            ]
        }
        guard !wids.contains(where: { wid in securityRoles.contains { $0.roleTemplateId == wid.lowercased() } }) else {
            return []
        }
        return [
            Cause(
                code: .missingAdminRole,
                message:
                    "the Security API needs the signed-in user to hold \(required.joined(separator: ", or "));"
                    + " the token's wids names none of them",
                evidence: "wids = [\(wids.joined(separator: ", "))]",
                fix:
                    "have an administrator assign the user the Security Reader role"
                    + " (Security Administrator to change data), then sign in again"
            )
        ]
    }
}

extension KnowledgeBase {
    /// The admin roles of the Security API (name and role template ID).
    package func adminRoles() throws(KnowledgeBaseError) -> [AdminRole] {
        try store.adminRoles()
    }
}
