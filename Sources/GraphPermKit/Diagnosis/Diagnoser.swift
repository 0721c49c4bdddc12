import Foundation
import GRDB

/// Explains why a call to Microsoft Graph fails (or would), from the token's claims, the request and the
/// optional error response, reasoning from the knowledge base.
public struct Diagnoser {
    public let kb: KnowledgeBase

    public init(kb: KnowledgeBase) { self.kb = kb }

    static let limits = [
        "the user's licences and their own rights on the data (delegated calls act within them)",
        "whether an administrator has consented for this tenant (a token only shows what was granted)",
        "the token's signature, which graphperm does not verify",
    ]

    /// The diagnosis; `at` judges expiry, `status` and `errorBody` come from the failed response.
    public func diagnose(method rawMethod: String, url: String, claims: TokenClaims, at now: Date = Date(),
                         status: Int? = nil, errorBody: ErrorBody? = nil) throws -> Diagnosis {
        let method = rawMethod.uppercased()
        var causes: [Cause] = []
        let roleNames = try adminRoleNames(claims.wids ?? [])
        causes += TokenValidity.causes(claims, at: now)
        if let errorBody { causes += fromErrorBody(errorBody) }

        var template: String? = nil
        var permissionVerdictKnown = false
        do {
            let resolved = try kb.resolve(method: method, target: url)
            template = resolved.templates[0]
            let claimSet = try kb.claimSet(templateIDs: resolved.ids)
            if claimSet.supports(method: method) {
                permissionVerdictKnown = true
                causes += permissionCauses(method: method, template: template!, claims: claims, set: claimSet)
                if template!.lowercased().hasPrefix("/security/") { causes += securityRoleCauses(claims: claims, roleNames: roleNames) }
            } else {
                causes.append(Cause(code: .other, message: "\(method) is not documented for \(template!)",
                                    evidence: "documented methods: \(claimSet.methods.joined(separator: ", "))",
                                    fix: "check the method and the URL against the API reference"))
            }
        } catch let error as LookupError {
            causes.append(Cause(code: .other, message: "the URL matches no documented Microsoft Graph API", evidence: error.description,
                                fix: "check the URL; graphperm cannot judge the permissions of an unknown API"))
        }

        let definite: Set<Cause.Code> = [.missingScope, .missingAppRole, .wrongTokenType, .missingAdminRole, .implicitFlowNoWids,
                                         .wrongAudience, .expiredOrInvalidToken, .personalAccountUnsupported, .conditionalAccess, .ewsAccessPolicy]
        if causes.isEmpty, let status, status == 401 || status == 403 {
            causes.append(Cause(code: .licenseOrUserPrivilege, message: "the token carries what the call needs, yet the call was refused with \(status)",
                                evidence: "HTTP \(status); the permission, token type and audience all fit",
                                fix: "check the signed-in user's own rights on the data and their licences (for example an Exchange Online or Teams licence), or the resource's own access settings"))
        }
        let verdict: Diagnosis.Verdict
        if causes.contains(where: { definite.contains($0.code) }) {
            verdict = .denied
        } else if causes.isEmpty && permissionVerdictKnown {
            verdict = .allowed
        } else {
            verdict = .unknown
        }
        return Diagnosis(method: method, url: url, template: template, claims: claims, roleNames: roleNames, verdict: verdict,
                         causes: Self.ordered(causes), limits: Self.limits)
    }

    /// Token problems come first, then what the error body names, then permissions, then roles.
    static func ordered(_ causes: [Cause]) -> [Cause] {
        let rank: [Cause.Code: Int] = [.expiredOrInvalidToken: 0, .wrongAudience: 1, .conditionalAccess: 2, .ewsAccessPolicy: 3,
                                       .personalAccountUnsupported: 4, .wrongTokenType: 5, .missingScope: 6, .missingAppRole: 6,
                                       .implicitFlowNoWids: 7, .missingAdminRole: 8, .consentNotGranted: 9, .licenseOrUserPrivilege: 10, .other: 11]
        var seen = Set<String>()
        return causes.enumerated().sorted { (rank[$0.element.code]!, $0.offset) < (rank[$1.element.code]!, $1.offset) }.map(\.element)
            .filter { seen.insert($0.code.rawValue + $0.message).inserted }
    }

    private func adminRoleNames(_ wids: [String]) throws -> [String] {
        let roles = try kb.adminRoles()
        return wids.compactMap { wid in roles.first { $0.roleTemplateId == wid.lowercased() }?.name }
    }

    private func permissionCauses(method: String, template: String, claims: TokenClaims, set: ClaimSet) -> [Cause] {
        let kind = claims.kind
        guard kind != .unknown else {
            return [Cause(code: .expiredOrInvalidToken, message: "the token carries neither scp (delegated) nor roles (application)",
                          evidence: "no scp, no roles, idtyp \(claims.idtyp ?? "absent")",
                          fix: "grant the app the permission it needs and have an administrator consent, then request a new token")]
        }
        let scheme: Scheme = kind == .application ? .application : (claims.isPersonalAccount ? .delegatedPersonal : .delegatedWork)
        let held = Set(claims.permissions.map { $0.lowercased() })
        let granting = set.claims(method: method, scheme: scheme)
        let least = LeastAnswer.from(method: method, url: template, template: template, claims: set, only: [scheme])[scheme]?.least.first
        if granting.isEmpty {
            if scheme == .delegatedPersonal, !set.claims(method: method, scheme: .delegatedWork).isEmpty {
                return [Cause(code: .personalAccountUnsupported, message: "\(method) \(template) supports work or school accounts only, and the signed-in user has a personal Microsoft account",
                              evidence: "acct = \(claims.accountType ?? "-"), tid = \(claims.tenantId ?? "-")",
                              fix: "sign in with a work or school account; this API is not available to personal accounts")]
            }
            let other: Scheme = kind == .application ? .delegatedWork : .application
            let supported = set.claims(method: method, scheme: other).isEmpty ? "no other permission type either" : "only \(other == .application ? "application" : "delegated") permissions"
            return [Cause(code: .wrongTokenType, message: "\(method) \(template) does not support \(kind == .application ? "application (app-only)" : "delegated") tokens; it supports \(supported)",
                          evidence: "token kind \(kind.rawValue) (\(kind == .application ? "roles claim, no scp" : "scp claim"))",
                          fix: kind == .application ? "call it with a delegated token (authorization code flow, a signed-in user)" : "call it with an app-only token (client credentials flow) and an application permission")]
        }
        if granting.contains(where: { held.contains($0.permission.lowercased()) }) {
            return partnerCauses(granting: granting, held: held, scheme: scheme)
        }
        var causes: [Cause] = []
        let otherHeld = Set((kind == .application ? claims.scopes : claims.roles).map { $0.lowercased() })
        let otherScheme: Scheme = kind == .application ? .delegatedWork : .application
        if let wrong = set.claims(method: method, scheme: otherScheme).first(where: { otherHeld.contains($0.permission.lowercased()) }) {
            causes.append(Cause(code: .wrongTokenType, message: "\(wrong.permission) is granted as \(kind == .application ? "a delegated" : "an application") permission, but this is \(kind == .application ? "an app-only" : "a delegated") token",
                                evidence: "\(kind == .application ? "scp" : "roles") holds \(wrong.permission)",
                                fix: kind == .application ? "use a delegated token (authorization code flow) or grant the application permission \(least ?? wrong.permission)" : "use an app-only token (client credentials flow) or grant the delegated permission \(least ?? wrong.permission)"))
        }
        let claimName = kind == .application ? "roles" : "scp"
        let code: Cause.Code = kind == .application ? .missingAppRole : .missingScope
        let consent = kind == .application ? "an administrator must grant it (application permissions always need admin consent)" : "then consent (an administrator for admin-only permissions)"
        causes.append(Cause(code: code, message: "the token's \(claimName) has no permission that allows \(method) \(template)",
                            evidence: "\(claimName) = [\(claims.permissions.joined(separator: " "))]; any of \(granting.map(\.permission).uniqued().prefix(6).joined(separator: ", ")) would do",
                            fix: "add the least-privileged \(kind == .application ? "application" : "delegated") permission \(least ?? granting[0].permission), \(consent), and request a new token"))
        return causes
    }

    /// A held permission that Microsoft marks AlsoRequires needs one of its partners too.
    private func partnerCauses(granting: [Claim], held: Set<String>, scheme: Scheme) -> [Cause] {
        let heldClaims = granting.filter { held.contains($0.permission.lowercased()) }
        guard heldClaims.allSatisfy({ !$0.alsoRequires.isEmpty }),
              let claim = heldClaims.first(where: { !$0.alsoRequires.contains(where: { held.contains($0.lowercased()) }) }) else { return [] }
        return [Cause(code: scheme == .application ? .missingAppRole : .missingScope,
                      message: "\(claim.permission) allows this call only together with one of \(claim.alsoRequires.joined(separator: ", "))",
                      evidence: "Microsoft's data marks \(claim.permission) AlsoRequires=\(claim.alsoRequires.joined(separator: ","))",
                      fix: "add \(claim.alsoRequires[0]) as well and request a new token")]
    }

    private func securityRoleCauses(claims: TokenClaims, roleNames: [String]) -> [Cause] {
        guard claims.kind == .delegated else { return [] }
        let securityRoles = ((try? kb.adminRoles()) ?? []).filter(\.isAcceptedBySecurityAPI)
        let required = securityRoles.map(\.name)
        guard let wids = claims.wids else {
            return [Cause(code: .implicitFlowNoWids, message: "the token has no wids claim, so Microsoft Graph cannot see the user's admin roles; tokens from the implicit grant flow often lack it",
                          evidence: "no wids claim in a delegated token for the Security API",
                          fix: "acquire the token with the authorization code flow (MSAL does this) instead of the implicit grant")]
        }
        guard !wids.contains(where: { wid in securityRoles.contains { $0.roleTemplateId == wid.lowercased() } }) else { return [] }
        return [Cause(code: .missingAdminRole, message: "the Security API needs the signed-in user to hold \(required.joined(separator: ", or ")); the token's wids names none of them",
                      evidence: "wids = [\(wids.joined(separator: ", "))]",
                      fix: "have an administrator assign the user the Security Reader role (Security Administrator to change data), then sign in again")]
    }

    private func fromErrorBody(_ body: ErrorBody) -> [Cause] {
        var causes: [Cause] = []
        let quote = body.quote.isEmpty ? "the error response" : body.quote
        let isClaimsChallenge = body.mentions("insufficient_claims") || body.mentions("interaction_required") || body.mentions("claims challenge")
        if isClaimsChallenge {
            causes.append(Cause(code: .conditionalAccess, message: "a Conditional Access policy asks for more than the token proves (for example multi-factor authentication or a compliant device)",
                                evidence: quote, fix: "pass the claims challenge from the response to the authorize endpoint (MSAL: WithClaims) so the user can satisfy the policy, then retry"))
        }
        if body.mentions("Access to OData is disabled") {
            causes.append(Cause(code: .ewsAccessPolicy, message: "Exchange Online's EWS application access policy blocks this app",
                                evidence: quote, fix: "ask an Exchange administrator to check Get-OrganizationConfig / Get-CASMailbox EwsApplicationAccessPolicy and allow the app's User-Agent (EwsAllowList) or remove it from EwsBlockList"))
        }
        if !isClaimsChallenge, body.code == "InvalidAuthenticationToken" || body.mentions("Lifetime validation failed") || body.mentions("token is expired") {
            causes.append(Cause(code: .expiredOrInvalidToken, message: "Microsoft Graph rejected the token itself (expired, malformed, or for another resource)",
                                evidence: quote, fix: "acquire a fresh access token for Microsoft Graph and send it as 'Authorization: Bearer <token>'"))
        }
        if body.mentions("AADSTS65001") || body.mentions("consent_required") || body.mentions("has not consented") {
            causes.append(Cause(code: .consentNotGranted, message: "the user or administrator has not consented to the permissions the app asks for",
                                evidence: quote, fix: "have an administrator grant consent (Entra admin center > App registrations > API permissions > Grant admin consent)"))
        }
        if body.mentions("Insufficient privileges to complete the operation") || body.code == "Authorization_RequestDenied" || body.code == "ErrorAccessDenied" && !body.mentions("OData") {
            causes.append(Cause(code: .licenseOrUserPrivilege, message: "the service refused the operation for this user or app even though a token was accepted",
                                evidence: quote, fix: "if the token holds the right permission, the signed-in user lacks the rights (a directory role, ownership) or the licence for this data"))
        }
        return causes
    }
}

extension KnowledgeBase {
    /// The admin roles of the Security API (name and role template ID).
    public func adminRoles() throws(KnowledgeBaseError) -> [AdminRole] {
        try read("SELECT name, role_template_id, security_api, id FROM admin_role ORDER BY id") { db, sql in
            try GRDB.Row.fetchAll(db, sql: sql).map {
                AdminRole(name: $0[0], roleTemplateId: $0[1], isAcceptedBySecurityAPI: $0[2], position: $0[3])
            }
        }
    }
}
