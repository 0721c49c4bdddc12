import GraphPermCore
import GraphPermStore
/// `graphperm audit`: granted permissions against the calls an app makes.
public struct AuditReport: Sendable {
    /// One finding: `report.findings.first?.subject  // "Mail.Read"`.
    public struct Finding: Sendable, Equatable {
        /// What kind of finding: `kind.rawValue  // "broader than needed"`.
        public enum Kind: String, Sendable {
            case uncovered = "call not covered"
            case unused
            case broader = "broader than needed"
            case unknownID = "unknown ID"
            case signIn = "sign-in scope"
            case otherAPI = "other API"
        }
        /// What kind of finding it is.
        public let kind: Kind
        /// The scheme it concerns; nil for a call or an ID.
        public let scheme: Scheme?
        /// What it is about: a permission name, a call (`GET /me`) or an ID.
        public let subject: String
        /// The finding in a sentence.
        public let detail: String

        /// The risk tier of the permission the finding names (unused, broader than needed, sign-in scope); nil for
        /// calls, IDs and other APIs.
        public var tier: PermissionTier? {
            guard [.unused, .broader, .signIn].contains(kind) else { return nil }
            return ShippedTiers.tier(of: subject, scheme: scheme ?? .application)
        }
    }

    /// The OpenID Connect scopes: needed to sign users in and to refresh tokens, not for Graph calls.
    package static let signInScopes: Set<String> = ["openid", "profile", "email", "offline_access"]

    /// Every finding, problems and remarks, in report order.
    public let findings: [Finding]
    /// The permissions audited.
    public let granted: GrantedPermissions
    /// How many calls were checked.
    public let callCount: Int
    /// The manifest's `requiredResourceAccess` as it should be: the Graph permissions the calls need (IDs and
    /// types), the sign-in scopes it had, and its other APIs unchanged. nil without calls.
    public let suggestedRequiredResourceAccess: String?

    /// Findings that call for a change (sign-in scopes and other APIs are listed, not faulted).
    public var problems: [Finding] { findings.filter { $0.kind != .signIn && $0.kind != .otherAPI } }
}

extension KnowledgeBase {
    /// Audits `granted` against `calls` (with no calls, only unknown IDs, sign-in scopes and other APIs).
    ///
    /// A call counts as covered when the delegated or the application permissions held cover it; a permission
    /// is unused only when it grants none of the calls.
    public func audit(granted: GrantedPermissions, calls: [AppCalls.Call]) throws -> AuditReport {
        var findings = granted.unknownIDs.map {
            AuditReport.Finding(
                kind: .unknownID, scheme: nil, subject: $0,
                detail: "not a Microsoft Graph permission ID in this knowledge base")
        }
        for scope in granted.delegated.uniqued() where AuditReport.signInScopes.contains(scope) {
            findings.append(
                .init(
                    kind: .signIn, scheme: .delegatedWork, subject: scope,
                    detail: "OpenID Connect: needed to sign users in or refresh tokens, not for Graph calls; keep it"))
        }
        for api in granted.otherAPIs {
            guard case .object(let object) = api else { continue }
            let appId = if case .string(let id)? = object["resourceAppId"] { id } else { "?" }
            let count = if case .array(let entries)? = object["resourceAccess"] { entries.count } else { 0 }
            findings.append(
                .init(
                    kind: .otherAPI, scheme: nil, subject: appId,
                    detail: "\(count) permissions of another API (not Microsoft Graph): not audited, kept as they are"))
        }
        guard !calls.isEmpty else {
            return AuditReport(findings: findings, granted: granted, callCount: 0, suggestedRequiredResourceAccess: nil)
        }
        let held: [Scheme: [String]] = [
            .delegatedWork: granted.delegated.filter { !AuditReport.signInScopes.contains($0) }.uniqued(),
            .application: granted.application.uniqued(),
        ]
        let analysis = try need(calls, schemes: [.delegatedWork, .application])
        for entry in analysis.otherHosts {
            findings.append(
                .init(
                    kind: .otherAPI, scheme: nil, subject: "\(entry.call.method) \(entry.call.url)",
                    detail: entry.reason))
        }
        for entry in analysis.unknown {
            findings.append(
                .init(
                    kind: .uncovered, scheme: nil, subject: "\(entry.call.method) \(entry.call.url)",
                    detail: entry.reason))
        }
        // Which held permission covers each call, per scheme; a call belongs to the scheme that covers it.
        var used: [Scheme: Set<String>] = [:]
        var replacements: [Scheme: [String: [String]]] = [:]
        var callsOf: [Scheme: [AppCalls.Call]] = [:]
        let results = Dictionary(uniqueKeysWithValues: analysis.schemes.map { ($0.scheme, $0) })
        for call in calls.uniqued() where !analysis.unknown.contains(where: { $0.call == call }) {
            var covered = false
            for scheme in [Scheme.delegatedWork, .application] {
                guard let result = results[scheme],
                    let entry = result.calls.first(where: { $0.method == call.method && $0.url == call.url }),
                    let answer = try? least(method: call.method, target: call.url, scheme: scheme),
                    let row = answer[scheme]
                else { continue }
                let granting = (row.leastRequirements + row.higherRequirements).map(\.permission)
                guard
                    let holding = held[scheme]!.filter(granting.contains).min(by: {
                        NeedAnalysis.cost($0) < NeedAnalysis.cost($1)
                    })
                else { continue }
                // Either type may make the call: what it holds of each counts as used, and the call is covered.
                if !covered { callsOf[scheme, default: []].append(call) }
                covered = true
                used[scheme, default: []].insert(holding)
                if let better = entry.recommended ?? entry.least, better != holding {
                    replacements[scheme, default: [:]][holding, default: []].append(better)
                }
            }
            guard !covered else { continue }
            let scheme: Scheme =
                held[.application]!.isEmpty || RequestPath(call.url).normalized.first == "me"
                ? .delegatedWork : .application
            callsOf[scheme, default: []].append(call)
            let entry = results[scheme]?.calls.first { $0.method == call.method && $0.url == call.url }
            findings.append(
                .init(
                    kind: .uncovered, scheme: scheme, subject: "\(call.method) \(entry?.template ?? call.url)",
                    detail: "no granted permission allows it (403); least privileged: "
                        + (entry?.recommended ?? entry?.least ?? "none for this type")))
        }
        for scheme in [Scheme.delegatedWork, .application] {
            for permission in held[scheme]! where !(used[scheme]?.contains(permission) ?? false) {
                findings.append(
                    .init(kind: .unused, scheme: scheme, subject: permission, detail: "no call needs it: remove it"))
            }
            for permission in held[scheme]! where used[scheme]?.contains(permission) ?? false {
                let better = (replacements[scheme]?[permission] ?? []).uniqued()
                    .filter { NeedAnalysis.cost($0) < NeedAnalysis.cost(permission) }
                guard !better.isEmpty else { continue }
                findings.append(
                    .init(
                        kind: .broader, scheme: scheme, subject: permission,
                        detail: "replace with \(better.joined(separator: ", "))"
                            + " (less privileged, and enough for these calls)"))
            }
        }
        let suggested = try suggestedManifest(granted: granted, callsOf: callsOf)
        return AuditReport(
            findings: findings, granted: granted, callCount: calls.count, suggestedRequiredResourceAccess: suggested)
    }

    /// `requiredResourceAccess` with, per type, the least-privileged set for the calls of that type.
    private func suggestedManifest(granted: GrantedPermissions, callsOf: [Scheme: [AppCalls.Call]]) throws -> String {
        var access: [String] = []
        for (scheme, type) in [(Scheme.delegatedWork, "Scope"), (.application, "Role")] {
            var names = try callsOf[scheme].map { try need($0, schemes: [scheme]).schemes[0].permissions } ?? []
            if scheme == .delegatedWork {
                names = granted.delegated.filter(AuditReport.signInScopes.contains).uniqued() + names
            }
            for name in names.uniqued() {
                guard let id = try permissionGUID(name, scheme: scheme) else { continue }
                access.append(JSONText.object([("id", JSONText.string(id)), ("type", JSONText.string(type))]))
            }
        }
        let graph = JSONText.object([
            ("resourceAppId", JSONText.string(MicrosoftGraph.appId)),
            ("resourceAccess", JSONText.array(access)),
        ])
        return JSONText.object([
            ("requiredResourceAccess", JSONText.array([graph] + granted.otherAPIs.map(JSONValueText.render)))
        ])
    }

    /// The ID of a permission in a scheme (the first scheme that has one, for OpenID scopes).
    package func permissionGUID(_ name: String, scheme: Scheme) throws(KnowledgeBaseError) -> String? {
        try store.permissionGUID(name, scheme: scheme)
    }
}
