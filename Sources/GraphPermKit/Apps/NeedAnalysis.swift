import Foundation

/// `graphperm need`: per scheme, the smallest least-privileged set of permissions that grants every call,
/// with the call-by-call reasoning.
public struct NeedAnalysis: Sendable {
    public struct CallResult: Sendable, Equatable {
        public let method: String
        public let url: String
        public let template: String?
        /// The chosen permission that grants this call (nil: not supported in this scheme, or unknown).
        public let grantedBy: String?
        /// Microsoft's least-privileged permission for the call.
        public let least: String?
        /// What every granting permission also requires (one of), when Microsoft's data says so.
        public let alsoRequires: [String]
    }

    public struct SchemeResult: Sendable {
        public let scheme: Scheme
        public let permissions: [String]
        public let isProvenMinimal: Bool
        public let greedySize: Int
        public let calls: [CallResult]
        /// Calls this scheme does not support.
        public let unsupported: [AppCalls.Call]
    }

    public let schemes: [SchemeResult]
    /// Calls that match no documented API.
    public let unknown: [(call: AppCalls.Call, reason: String)]

    /// The less privileged by its name, the lower.
    static func cost(_ permission: String) -> Int {
        let name = PermissionName(permission)
        return name.operationRank * 10 + name.constraintRank
    }

    public var json: String {
        JSONText.object([
            ("schemes", JSONText.object(schemes.map { result in
                (result.scheme.rawValue, JSONText.object([
                    ("permissions", JSONText.strings(result.permissions)),
                    ("provenMinimal", JSONText.bool(result.isProvenMinimal)),
                    ("greedySize", String(result.greedySize)),
                    ("calls", JSONText.array(result.calls.map { call in
                        JSONText.object([("method", JSONText.string(call.method)), ("url", JSONText.string(call.url)),
                                         ("template", JSONText.optional(call.template)), ("grantedBy", JSONText.optional(call.grantedBy)),
                                         ("least", JSONText.optional(call.least)), ("alsoRequires", JSONText.strings(call.alsoRequires))])
                    })),
                    ("unsupported", JSONText.array(result.unsupported.map { JSONText.object([("method", JSONText.string($0.method)), ("url", JSONText.string($0.url))]) })),
                ]))
            })),
            ("unknown", JSONText.array(unknown.map { JSONText.object([("method", JSONText.string($0.call.method)), ("url", JSONText.string($0.call.url)), ("error", JSONText.string($0.reason))]) })),
        ]) + "\n"
    }

    /// Rows: scheme, permission set member, and which calls it grants.
    public var tabular: TabularText {
        var rows: [[String]] = []
        for result in schemes {
            for permission in result.permissions {
                let calls = result.calls.filter { $0.grantedBy == permission }.map { "\($0.method) \($0.template ?? $0.url)" }
                rows.append([result.scheme.rawValue, permission, calls.joined(separator: "; ")])
            }
            for call in result.unsupported { rows.append([result.scheme.rawValue, "(not supported)", "\(call.method) \(call.url)"]) }
        }
        for entry in unknown { rows.append(["", "(unknown call)", "\(entry.call.method) \(entry.call.url): \(entry.reason)"]) }
        return TabularText(columns: ["scheme", "permission", "grants"], rows: rows)
    }
}

extension KnowledgeBase {
    /// The minimal least-privileged permission sets for `calls`, per scheme.
    public func need(_ calls: [AppCalls.Call], schemes: [Scheme] = Scheme.allCases) throws -> NeedAnalysis {
        var resolved: [(call: AppCalls.Call, template: String, claims: ClaimSet)] = []
        var unknown: [(AppCalls.Call, String)] = []
        var cache: [String: (String, ClaimSet)] = [:]
        for call in calls {
            do {
                let key = call.method + " " + call.url
                if let hit = cache[key] {
                    resolved.append((call, hit.0, hit.1))
                    continue
                }
                let target = try resolve(method: call.method, target: call.url)
                let claims = try claimSet(templateIDs: target.ids)
                guard claims.supports(method: call.method) else {
                    throw LookupError.unsupportedMethod(method: call.method, template: target.templates[0], supported: claims.methods)
                }
                cache[key] = (target.templates[0], claims)
                resolved.append((call, target.templates[0], claims))
            } catch {
                unknown.append((call, "\(error)"))
            }
        }
        var results: [NeedAnalysis.SchemeResult] = []
        for scheme in schemes {
            let supported = resolved.filter { !$0.claims.claims(method: $0.call.method, scheme: scheme).isEmpty }
            let needs = supported.map { entry in entry.claims.claims(method: entry.call.method, scheme: scheme).map(\.permission).uniqued() }
            let solution = SetCover.solve(needs: needs, cost: NeedAnalysis.cost)
            let greedy = SetCover.greedy(needs.map { Set($0) }, costs: Dictionary(uniqueKeysWithValues: Set(needs.flatMap { $0 }).map { ($0, NeedAnalysis.cost($0)) }))
            let calls = supported.map { entry -> NeedAnalysis.CallResult in
                let claimList = entry.claims.claims(method: entry.call.method, scheme: scheme)
                let granting = claimList.filter { solution.chosen.contains($0.permission) }
                let least = LeastPrivilege.select(method: entry.call.method, scheme: scheme, in: entry.claims)?.chosen.permission
                let pick = granting.first { $0.permission == least } ?? granting.min { NeedAnalysis.cost($0.permission) < NeedAnalysis.cost($1.permission) }
                return NeedAnalysis.CallResult(method: entry.call.method, url: entry.call.url, template: entry.template, grantedBy: pick?.permission,
                                               least: least, alsoRequires: pick?.alsoRequires ?? [])
            }
            let unsupported = resolved.filter { $0.claims.claims(method: $0.call.method, scheme: scheme).isEmpty }.map(\.call)
            results.append(NeedAnalysis.SchemeResult(scheme: scheme, permissions: solution.chosen, isProvenMinimal: solution.isProvenMinimal,
                                                     greedySize: greedy.count, calls: calls, unsupported: unsupported))
        }
        return NeedAnalysis(schemes: results, unknown: unknown)
    }
}
