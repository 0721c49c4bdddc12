/// `graphperm audit`: granted permissions against the calls an app makes.
public struct AuditReport: Sendable {
    public struct Finding: Sendable, Equatable {
        public enum Kind: String, Sendable { case uncovered = "call not covered", unused, broader = "broader than needed", unknownID = "unknown ID" }
        public let kind: Kind
        public let scheme: Scheme?
        public let subject: String
        public let detail: String
    }

    public let findings: [Finding]
    public let granted: GrantedPermissions
    public let callCount: Int

    public var tabular: TabularText {
        TabularText(columns: ["finding", "type", "subject", "detail"],
                    rows: findings.map { [$0.kind.rawValue, $0.scheme?.rawValue ?? "", $0.subject, $0.detail] })
    }

    public var json: String {
        JSONText.object([
            ("granted", JSONText.object([("delegated", JSONText.strings(granted.delegated)), ("application", JSONText.strings(granted.application))])),
            ("calls", String(callCount)),
            ("findings", JSONText.array(findings.map { finding in
                JSONText.object([("kind", JSONText.string(finding.kind.rawValue)), ("scheme", JSONText.optional(finding.scheme?.rawValue)),
                                 ("subject", JSONText.string(finding.subject)), ("detail", JSONText.string(finding.detail))])
            })),
        ]) + "\n"
    }

    /// A summary for a pull request.
    public var markdown: String {
        var text = "## Microsoft Graph permissions audit\n\n"
        text += "Granted: \(granted.delegated.count) delegated, \(granted.application.count) application; \(callCount) calls checked.\n\n"
        if findings.isEmpty { return text + "No findings: every call is covered and every permission is needed at its least privilege.\n" }
        return text + tabular.render(.md)
    }
}

extension KnowledgeBase {
    /// Audits `granted` against `calls` (with no calls, only unknown IDs are reported).
    public func audit(granted: GrantedPermissions, calls: [AppCalls.Call]) throws -> AuditReport {
        var findings = granted.unknownIDs.map { AuditReport.Finding(kind: .unknownID, scheme: nil, subject: $0, detail: "not a Microsoft Graph permission ID in this knowledge base") }
        guard !calls.isEmpty else { return AuditReport(findings: findings, granted: granted, callCount: 0) }
        let need = try need(calls, schemes: [.delegatedWork, .application])
        for entry in need.unknown {
            findings.append(.init(kind: .uncovered, scheme: nil, subject: "\(entry.call.method) \(entry.call.url)", detail: entry.reason))
        }
        for result in need.schemes {
            let held = result.scheme == .application ? granted.application : granted.delegated
            guard !held.isEmpty else { continue }
            var used = Set<String>()
            var replacements: [String: [String]] = [:]
            for call in result.calls {
                let claims = try resolve(method: call.method, target: call.url)
                let set = try claimSet(templateIDs: claims.ids).claims(method: call.method, scheme: result.scheme).map(\.permission)
                let holding = held.filter(set.contains).sorted { NeedAnalysis.cost($0) < NeedAnalysis.cost($1) }
                if let first = holding.first {
                    used.insert(first)
                    if let better = call.grantedBy, better != first { replacements[first, default: []].append(better) }
                } else {
                    findings.append(.init(kind: .uncovered, scheme: result.scheme, subject: "\(call.method) \(call.template ?? call.url)",
                                          detail: "no granted permission allows it (403); least privileged: \(call.least ?? call.grantedBy ?? "-")"))
                }
            }
            for permission in held.uniqued() where !used.contains(permission) {
                findings.append(.init(kind: .unused, scheme: result.scheme, subject: permission, detail: "no call needs it: remove it"))
            }
            for permission in held.uniqued() where used.contains(permission) && !result.permissions.contains(permission) {
                let better = (replacements[permission] ?? []).uniqued().filter { NeedAnalysis.cost($0) < NeedAnalysis.cost(permission) }
                guard !better.isEmpty else { continue }
                findings.append(.init(kind: .broader, scheme: result.scheme, subject: permission,
                                      detail: "replace with \(better.joined(separator: ", ")) (less privileged, and enough for these calls)"))
            }
        }
        return AuditReport(findings: findings, granted: granted, callCount: calls.count)
    }
}
