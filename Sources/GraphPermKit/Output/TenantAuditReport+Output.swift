import GraphPermCore

extension TenantAuditReport {
    /// The JSON document: `summary` (with how the score is computed) and `apps`, worst first.
    public var json: String {
        var text = "{\"summary\":" + summaryJSON + ",\"apps\":["
        text.reserveCapacity(apps.count * 600)
        for (index, app) in apps.enumerated() {
            if index > 0 { text += "," }
            text += Self.json(app)
        }
        return text + "]}\n"
    }

    private var summaryJSON: String {
        JSONText.object([
            ("servicePrincipals", String(summary.servicePrincipals)),
            (
                "appsByTier",
                JSONText.object(summary.appsByTier.enumerated().map { ("\($0.offset)", String($0.element)) })
            ),
            ("appsWithChains", String(summary.appsWithChains)),
            ("firstParty", String(summary.firstParty)), ("thirdParty", String(summary.thirdParty)),
            ("home", String(summary.home)), ("managedIdentities", String(summary.managedIdentities)),
            ("homeTenantId", JSONText.optional(summary.homeTenantId)),
            ("delegatedGrants", String(summary.delegatedGrants)), ("roleAssignments", String(summary.roleAssignments)),
            ("scoring", JSONText.string(Self.scoring)),
        ])
    }

    private static func json(_ app: App) -> String {
        JSONText.object([
            ("id", JSONText.string(app.id)), ("appId", JSONText.string(app.appId)),
            ("displayName", JSONText.string(app.displayName)), ("tier", String(app.tier)), ("score", String(app.score)),
            ("party", JSONText.string(app.party)), ("multiTenant", JSONText.bool(app.multiTenant)),
            ("findings", JSONText.array(app.findings.map(json))),
            (
                "chains",
                JSONText.array(
                    app.chains.map { chain in
                        JSONText.object([
                            ("reaches", JSONText.string(chain.reaches)),
                            (
                                "steps",
                                JSONText.array(
                                    chain.steps.map { step in
                                        JSONText.object([
                                            ("id", JSONText.string(step.id)),
                                            ("displayName", JSONText.string(step.displayName)),
                                            ("action", JSONText.string(step.action)),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
        ])
    }

    private static func json(_ finding: Finding) -> String {
        JSONText.object([
            ("kind", JSONText.string(finding.kind)), ("name", JSONText.string(finding.name)),
            ("resource", JSONText.optional(finding.resource)), ("consentType", JSONText.optional(finding.consentType)),
            ("users", finding.users.map(String.init) ?? "null"), ("tier", finding.tier.map(String.init) ?? "null"),
            ("tierReason", JSONText.optional(finding.tierReason)),
            ("attackPath", JSONText.optional(finding.attackPath)),
            ("preconditions", JSONText.strings(finding.preconditions)), ("weight", String(finding.weight)),
            ("detail", JSONText.string(finding.detail)),
        ])
    }

    /// One row per app, worst first: for tables and CSV.
    public var tabular: TabularText {
        TabularText(
            columns: ["score", "tier", "app", "party", "tier 0 findings", "tier 1 findings", "chain", "id"],
            rows: apps.map { app in
                [
                    String(app.score), "T\(app.tier)", app.displayName,
                    app.party + (app.multiTenant ? ", multi-tenant" : ""),
                    app.findings.filter { $0.tier == 0 }.map(\.name).uniqued().joined(separator: "; "),
                    String(app.findings.count { $0.tier == 1 }),
                    app.chains.first.map { $0.steps.map(\.displayName).joined(separator: " → ") } ?? "", app.id,
                ]
            })
    }

    /// A report a person reads: the summary, the scoring, the apps at Tier 0 or 1, and each Tier 0 app's findings
    /// and chain.
    public var markdown: String {
        var text = "# Tenant app audit\n\n"
        text +=
            "\(summary.servicePrincipals) service principals: \(summary.appsByTier[0]) at Tier 0, "
            + "\(summary.appsByTier[1]) at Tier 1, \(summary.appsByTier[2]) at Tier 2; "
            + "\(summary.appsWithChains) reach Global Administrator through other apps. "
            + "\(summary.home) of the tenant (\(summary.homeTenantId ?? "unknown")), "
            + "\(summary.thirdParty) third-party, "
            + "\(summary.firstParty) Microsoft's, \(summary.managedIdentities) managed identities.\n\n"
        text += "Scoring: \(Self.scoring)\n\n"
        let risky = apps.filter { $0.tier <= 1 }
        text += "## Apps at Tier 0 or 1 (\(risky.count))\n\n"
        text += TabularText(columns: tabular.columns, rows: tabular.rows.prefix(risky.count).map { $0 }).render(.md)
        for app in apps where app.tier == 0 {
            text += "\n### \(Markdown.cell(app.displayName)) (score \(app.score))\n\n`\(app.id)`, \(app.party)\n\n"
            for finding in app.findings where finding.weight > 0 || finding.tier == 0 {
                let tier = finding.tier.map { "T\($0)" } ?? "-"
                text +=
                    "- \(tier) \(finding.kind) **\(Markdown.cell(finding.name))**"
                    + (finding.consentType.map { " (\($0))" } ?? "")
                    + ": \(Markdown.cell(finding.attackPath ?? finding.detail))"
                    + (finding.preconditions.isEmpty
                        ? "" : " Preconditions: \(finding.preconditions.joined(separator: ", ")).") + "\n"
            }
            for chain in app.chains {
                text += "\nChain to \(chain.reaches), \(chain.steps.count) steps:\n\n"
                for (number, step) in chain.steps.enumerated() {
                    text += "\(number + 1). \(Markdown.cell(step.displayName)) \(Markdown.cell(step.action))\n"
                }
            }
        }
        return text
    }
}
