import GraphPermKit

/// The `guard` tool: may a call be made under a policy (the permissions the caller may use)? `allow` or `deny`,
/// with the reason, so that an agent or its host can refuse a call that needs more than the policy allows.
enum GuardTool {
    static let tool = GraphTool(
        name: "guard",
        description: "Check a Microsoft Graph call against a policy before making it: `allow` when a permission the "
            + "policy allows grants the call (the permission and permission type are named), else `deny` with what the "
            + "call would need. A call Microsoft's data does not document is denied.",
        arguments: [
            LookupTools.method, LookupTools.url, LookupTools.scheme,
            .optional(
                "maxTier", .integer,
                "The most dangerous risk tier allowed (0 most dangerous, 2 least): 1 allows Tier 1 and Tier 2."),
            .optional("allowed", .strings, "The permissions the caller may use (names or IDs)."),
        ],
        outputSchema: OutputSchema.object(["request", "template", "decision", "reason", "scheme", "permission"])
    ) { arguments, kb throws(ToolFailure) in
        guard arguments.has("allowed") || arguments.has("maxTier") else {
            throw ToolFailure("guard: give the policy: allowed (the permissions the caller may use), maxTier, or both")
        }
        let allowed = try arguments.strings("allowed").map { names throws(ToolFailure) in
            try permissionNames(names, kb: kb)
        }
        let maxTier = arguments.integer("maxTier")
        if let maxTier, !(0...2).contains(maxTier) {
            throw ToolFailure("guard: maxTier: expected 0, 1 or 2 (0 is the most dangerous tier)")
        }
        let method = arguments.string("method")!
        let url = arguments.string("url")!
        let answer: LeastAnswer
        do {
            answer = try kb.least(method: method, target: url, schemes: try LookupTools.schemes(arguments))
        } catch let error as LookupError {
            if case .badMethod = error { throw ToolFailure(error) }
            return decision(
                method: method, url: url, template: nil, allow: false, reason: "no answer: \(error)", grant: nil)
        } catch {
            throw ToolFailure(error)
        }
        return judge(answer, allowed: allowed, maxTier: maxTier)
    }

    /// The canonical names of the policy's permissions; a name that is not a permission fails with "did you mean".
    static func permissionNames(_ names: [String], kb: KnowledgeBase) throws(ToolFailure) -> Set<String> {
        var result: Set<String> = []
        for (index, name) in names.enumerated() {
            let shown = try ToolFailure.guarded { () throws -> ShowResult in
                do {
                    return try kb.show(name)
                } catch let error as LookupError {
                    throw ToolFailure("guard: allowed[\(index)]: \(error)")
                }
            }
            guard case .permission(let card) = shown else {
                throw ToolFailure("guard: allowed[\(index)]: \(name) is an admin role, not a permission")
            }
            result.insert(card.name)
        }
        return result
    }

    /// Allow when some permission the policy allows (all of it, for a permission that needs a partner) grants the
    /// call in some permission type, least privileged first. With `maxTier`, the permission's risk tier (for a
    /// delegated type: when an admin signs in) must be that tier or a safer one (a higher number).
    static func judge(_ answer: LeastAnswer, allowed: Set<String>?, maxTier: Int? = nil) -> ToolAnswer {
        let call = "\(answer.method) \(answer.url)"
        var needs: [String] = []
        for (scheme, entry) in answer.schemes {
            guard let entry else {
                needs.append("\(scheme.docsLabel): not supported")
                continue
            }
            let requirements = entry.leastRequirements + entry.higherRequirements
            let permitted = requirements.indices.filter { index in
                let named = allowed.map { requirements[index].permissions.allSatisfy($0.contains) } ?? true
                let safe = maxTier.map { limit in
                    entry.tiers.indices.contains(index) && (entry.tiers[index].map { $0.tier >= limit } ?? false)
                } ?? true
                return named && safe
            }
            if let index = permitted.first {
                let grant = requirements[index].label
                let least =
                    entry.least.contains(grant)
                    ? "it is least privileged" : "the least privileged is \(entry.least.joined(separator: ", "))"
                return decision(
                    method: answer.method, url: answer.url, template: answer.template, allow: true,
                    reason: "\(grant) (allowed) grants \(call) as \(scheme.docsLabel); \(least)", grant: (scheme, grant)
                )
            }
            let higher = entry.higher.isEmpty ? "" : ", or " + entry.higher.joined(separator: ", ")
            needs.append("\(scheme.docsLabel): \(entry.least.joined(separator: ", ")) (least)\(higher)")
        }
        return decision(
            method: answer.method, url: answer.url, template: answer.template, allow: false,
            reason: "no permission the policy allows\(maxTier.map { " (tier \($0) or safer)" } ?? "") grants \(call); "
                + "it needs " + needs.joined(separator: "; "), grant: nil)
    }

    private static func decision(
        method: String, url: String, template: String?, allow: Bool, reason: String, grant: (Scheme, String)?
    ) -> ToolAnswer {
        let json = JSONText.object([
            ("request", JSONText.object([("method", JSONText.string(method)), ("url", JSONText.string(url))])),
            ("template", JSONText.optional(template)),
            ("decision", JSONText.string(allow ? "allow" : "deny")),
            ("reason", JSONText.string(reason)),
            ("scheme", JSONText.optional(grant?.0.rawValue)),
            ("permission", JSONText.optional(grant?.1)),
        ])
        return ToolAnswer(text: (allow ? "allow: " : "deny: ") + reason, json: json)
    }
}
