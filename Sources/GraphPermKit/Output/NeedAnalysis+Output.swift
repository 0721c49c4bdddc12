import GraphPermCore
import GraphPermStore
extension NeedAnalysis: Renderable {
    /// The JSON document of `graphperm need` (keys in a fixed order).
    public var json: String {
        JSONText.object([
            (
                "schemes",
                JSONText.object(
                    schemes.map { result in
                        (
                            result.scheme.rawValue,
                            JSONText.object([
                                ("permissions", JSONText.strings(result.permissions)),
                                (
                                    "tiers",
                                    JSONText.object(result.permissions.map { name in
                                            (
                                                name,
                                                ShippedTiers.tier(of: name, scheme: result.scheme).map {
                                                    String($0.tier)
                                                } ?? "null"
                                            )
                                    })
                                ),
                                (
                                    "partners",
                                    JSONText.array(
                                        result.partners.map {
                                            JSONText.object([
                                                ("permission", JSONText.string($0.permission)),
                                                ("requiredBy", JSONText.string($0.requiredBy)),
                                            ])
                                        })
                                ),
                                ("provenMinimal", JSONText.bool(result.isProvenMinimal)),
                                (
                                    "calls",
                                    JSONText.array(
                                        result.calls.map { call in
                                            JSONText.object([
                                                ("method", JSONText.string(call.method)),
                                                ("url", JSONText.string(call.url)),
                                                ("template", JSONText.optional(call.template)),
                                                ("grantedBy", JSONText.optional(call.grantedBy)),
                                                ("least", JSONText.optional(call.least)),
                                                ("recommended", JSONText.optional(call.recommended)),
                                                ("reason", JSONText.string(call.reason)),
                                                ("alsoRequires", JSONText.strings(call.alsoRequires)),
                                                ("basis", JSONText.string(call.basis)),
                                            ])
                                        })
                                ),
                                (
                                    "unsupported",
                                    JSONText.array(
                                        result.unsupported.map {
                                            JSONText.object([
                                                ("method", JSONText.string($0.method)),
                                                ("url", JSONText.string($0.url)),
                                            ])
                                        })
                                ),
                            ])
                        )
                    })
            ),
            (
                "unknown",
                JSONText.array(
                    unknown.map {
                        JSONText.object([
                            ("method", JSONText.string($0.call.method)), ("url", JSONText.string($0.call.url)),
                            ("error", JSONText.string($0.reason)),
                        ])
                    })
            ),
            (
                "otherHosts",
                JSONText.array(
                    otherHosts.map {
                        JSONText.object([
                            ("method", JSONText.string($0.call.method)), ("url", JSONText.string($0.call.url)),
                        ])
                    })
            ),
        ])
    }

    /// Rows: scheme, permission of the set, which calls it grants and why.
    public var tableForm: TabularText? { tabular }

    /// One row per scheme and permission, with the calls it grants.
    public var tabular: TabularText {
        var rows: [[String]] = []
        for result in schemes {
            for permission in result.permissions {
                let tier = ShippedTiers.tier(of: permission, scheme: result.scheme)?.label ?? ""
                if let partner = result.partners.first(where: { $0.permission == permission }) {
                    rows.append([
                        result.scheme.rawValue, permission, "AlsoRequires partner of \(partner.requiredBy)", tier,
                    ])
                    continue
                }
                let calls = result.calls.filter { $0.grantedBy == permission }
                    .map { "\($0.method) \($0.template ?? $0.url)\($0.basis == "inferred" ? " (inferred)" : "")" }
                rows.append([result.scheme.rawValue, permission, calls.joined(separator: "; "), tier])
            }
            for call in result.unsupported {
                rows.append([result.scheme.rawValue, "(not supported)", "\(call.method) \(call.url)", ""])
            }
        }
        for entry in unknown {
            rows.append(["", "(unknown call)", "\(entry.call.method) \(entry.call.url): \(entry.reason)", ""])
        }
        for entry in otherHosts {
            rows.append(["", "(not Microsoft Graph)", "\(entry.call.method) \(entry.call.url)", ""])
        }
        return TabularText(columns: ["scheme", "permission", "grants", "tier"], rows: rows)
    }
}
