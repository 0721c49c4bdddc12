import GraphPermCore
import GraphPermStore
extension AuditReport: Renderable {
    /// The findings as rows (`tabular`).
    public var tableForm: TabularText? { tabular }
    /// The report as a markdown document (`markdown`).
    public var markdownForm: String? { markdown }

    /// The findings as rows: kind, scheme, subject, detail, tier.
    public var tabular: TabularText {
        TabularText(
            columns: ["finding", "type", "subject", "detail", "tier"],
            rows: findings.map {
                [$0.kind.rawValue, $0.scheme?.rawValue ?? "", $0.subject, $0.detail, $0.tier?.label ?? ""]
            })
    }

    /// The report as one JSON object: `{"granted": {...}, "calls": 3, "findings": [...], ...}`.
    public var json: String {
        JSONText.object([
            (
                "granted",
                JSONText.object([
                    ("delegated", JSONText.strings(granted.delegated)),
                    ("application", JSONText.strings(granted.application)),
                ])
            ),
            ("calls", String(callCount)),
            (
                "findings",
                JSONText.array(
                    findings.map { finding in
                        JSONText.object([
                            ("kind", JSONText.string(finding.kind.rawValue)),
                            ("scheme", JSONText.optional(finding.scheme?.rawValue)),
                            ("subject", JSONText.string(finding.subject)), ("detail", JSONText.string(finding.detail)),
                            ("tier", finding.tier.map { String($0.tier) } ?? "null"),
                        ])
                    })
            ),
            ("suggested", suggestedRequiredResourceAccess ?? "null"),
        ])
    }

    /// A summary for a pull request, with the corrected `requiredResourceAccess`.
    public var markdown: String {
        var text = "## Microsoft Graph permissions audit\n\n"
        text +=
            """
            Granted: \(granted.delegated.count) delegated, \(granted.application.count) application; \(callCount) \
            calls checked.\n\n
            """
        text +=
            problems.isEmpty
            ? "No findings: every call is covered and every permission is needed at its least privilege.\n"
            : tabular.render(.md)
        if problems.isEmpty, !findings.isEmpty { text += "\n" + tabular.render(.md) }
        if let suggested = suggestedRequiredResourceAccess, !problems.isEmpty {
            text += "\nThe manifest's `requiredResourceAccess`, corrected:\n\n```json\n\(suggested)\n```\n"
        }
        return text
    }
}
