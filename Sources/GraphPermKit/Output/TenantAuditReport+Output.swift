import GraphPermCore

extension TenantAuditReport: Renderable {
    /// The JSON document: `summary` (with how the score is computed) and `apps`, worst first. Written into one
    /// byte buffer (`JSONWriter`): for 10,000 apps, a string per member cost a third of the audit's time.
    package var json: String {
        var writer = JSONWriter(capacity: 1_024 + apps.count * 900)
        writer.beginObject()
        writer.key("summary")
        writer.raw(summaryJSON)
        writer.key("apps")
        writer.beginArray()
        for app in apps { Self.write(app, into: &writer) }
        writer.endArray()
        writer.endObject()
        return writer.text
    }

    package var tableForm: TabularText? { tabular }
    package var markdownForm: String? { markdown }

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

    private static func write(_ app: App, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("id", app.id)
        writer.member("appId", app.appId)
        writer.member("displayName", app.displayName)
        writer.member("tier", app.tier)
        writer.member("score", app.score)
        writer.member("party", app.party)
        writer.member("multiTenant", app.multiTenant)
        writer.key("findings")
        writer.beginArray()
        for finding in app.findings { write(finding, into: &writer) }
        writer.endArray()
        writer.key("chains")
        writer.beginArray()
        for chain in app.chains {
            writer.beginObject()
            writer.member("reaches", chain.reaches)
            writer.key("steps")
            writer.beginArray()
            for step in chain.steps {
                writer.beginObject()
                writer.member("id", step.id)
                writer.member("displayName", step.displayName)
                writer.member("action", step.action)
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    private static func write(_ finding: Finding, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("kind", finding.kind)
        writer.member("name", finding.name)
        writer.member("resource", finding.resource)
        writer.member("consentType", finding.consentType)
        writer.member("users", finding.users)
        writer.member("tier", finding.tier)
        writer.member("tierReason", finding.tierReason)
        writer.member("attackPath", finding.attackPath)
        writer.member("preconditions", finding.preconditions)
        writer.member("weight", finding.weight)
        writer.member("detail", finding.detail)
        writer.endObject()
    }

    /// One row per app, worst first: for tables and CSV.
    package var tabular: TabularText {
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
    package var markdown: String {
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
