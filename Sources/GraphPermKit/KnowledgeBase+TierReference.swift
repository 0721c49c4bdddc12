import GraphPermCore
import GraphPermStore

extension KnowledgeBase {
    /// The risk-tier reference: what the tiers mean, the Tier 0 permissions with their attack paths and
    /// preconditions, and every permission's tier per scheme with its basis and reason (`Data/tiers.json`).
    package func tiersReference() throws -> String {
        let rules = try ShippedTiers.rules()
        var order: [String] = []
        var schemes: [String: [Scheme]] = [:]
        for row in try store.permissionNamesBySchemeInKibaliOrder() {
            guard let scheme = Scheme(id: row.schemeID) else { continue }
            if schemes[row.name] == nil { order.append(row.name) }
            schemes[row.name, default: []].append(scheme)
        }
        var text = "# Risk tiers of Microsoft Graph permissions\n\n|Tier|Meaning|\n|---|---|\n"
        for (tier, meaning) in rules.tierDescriptions.enumerated() { text += "|\(tier)|\(Markdown.cell(meaning))|\n" }
        text +=
            "\nDelegated permissions act with the signed-in user's rights: DelegatedWork shows the tier when an admin "
            + "signs in, then the tier otherwise (`T0/T1`); DelegatedPersonal has no admin. "
            + Markdown.cell(rules.delegatedReason) + "\n\n"
        text += "## Tier 0\n\n|Permission|Schemes|Impact|Attack path|Preconditions|Basis|\n|---|---|---|---|---|---|\n"
        for name in order {
            let tiered = schemes[name]!.map { ($0, rules.tier(of: name, scheme: $0)) }.filter { $0.1.tier == 0 }
            guard let first = tiered.first?.1 else { continue }
            text +=
                "|\(name)|\(tiered.map { $0.0.rawValue }.joined(separator: ", "))|\(first.impact ?? "")|"
                + "\(Markdown.cell(first.attackPath ?? ""))|\(first.preconditions.joined(separator: ", "))|"
                + "\(first.basis.rawValue)|\n"
        }
        text += "\n## Preconditions\n\n|Key|Meaning|\n|---|---|\n"
        for (key, meaning) in rules.preconditions { text += "|\(key)|\(Markdown.cell(meaning))|\n" }
        text +=
            "\n## Every permission\n\n|Permission|Application|DelegatedWork|DelegatedPersonal|Basis|Reason|\n"
            + "|---|---|---|---|---|---|\n"
        for name in order {
            let present = schemes[name]!
            func cell(_ scheme: Scheme) -> String {
                present.contains(scheme) ? rules.tier(of: name, scheme: scheme).label : "-"
            }
            let tier = rules.tier(of: name, scheme: present[0])
            let basis = tier.basis == .rule ? "rule \(tier.source)" : tier.basis.rawValue
            text +=
                "|\(name)|\(cell(.application))|\(cell(.delegatedWork))|\(cell(.delegatedPersonal))|\(basis)|"
                + "\(Markdown.cell(tier.reason))|\n"
        }
        return text
    }
}
