import GraphPermQuery
import GraphPermCore
import GraphPermStore

/// Why a lookup has no answer (exit 1).
public enum LookupError: GraphPermError, Sendable, Equatable {
    /// No answer: exit 1.
    public var exitCode: Int32 { 1 }
    /// The sentence alone (it reads as an answer, not a failure).
    public var userMessage: String { description }

    case unknownPath(String, suggestions: [String])
    /// No template of Microsoft's data fits the path (after its OData readings).
    case undocumentedPath(method: String, path: String, suggestions: [String])
    case unsupportedMethod(method: String, template: String, supported: [String])
    case unknownEntity(String, suggestions: [String])
    case badMethod(String)
    /// The URL's host is not Microsoft Graph.
    case notGraph(host: String, hint: String)

    /// The error in a sentence: `no known path template matches /me/mesages; did you mean: /me/messages`.
    public var description: String {
        switch self {
        case .unknownPath(let path, let suggestions):
            "no known path template matches \(path)" + Self.didYouMean(suggestions)
        case .undocumentedPath(let method, let path, let suggestions):
            "Microsoft's permission data documents no permission for \(method) \(path)" + Self.didYouMean(suggestions)
        case .unsupportedMethod(let method, let template, let supported):
            "Microsoft's permission data documents no permission for \(method) \(template); "
                + "documented methods: \(supported.joined(separator: ", "))"
        case .unknownEntity(let name, let suggestions):
            "no entity or path named \(name)" + Self.didYouMean(suggestions)
        case .badMethod(let method):
            "\(method) is not an HTTP method: use GET, POST, PUT, PATCH or DELETE"
        case .notGraph(let host, let hint):
            "\(host) is not Microsoft Graph (graph.microsoft.com or a national cloud's Graph host)"
                + (hint.isEmpty ? "" : ": \(hint)")
        }
    }

    private static func didYouMean(_ suggestions: [String]) -> String {
        suggestions.isEmpty ? "" : "; did you mean: " + suggestions.joined(separator: ", ")
    }
}

/// The template(s) a request or an entity stands for, and how the request was read to find them.
package struct Resolution: Sendable, Equatable {
    package let ids: [Int]
    package let templates: [String]
    /// How an OData segment, a cast or a tenant segment was read (empty when the path matched as written).
    package let notes: [String]
}

extension KnowledgeBase {
    /// The least-privileged permissions for `method` on `target` (a URL, a path, or an entity name such as `alerts`).
    public func least(method rawMethod: String, target: String, scheme: Scheme? = nil) throws -> LeastAnswer {
        try least(method: rawMethod, target: target, schemes: scheme.map { [$0] })
    }

    /// The least-privileged permissions for `method` on `target`, for the given schemes only (all when nil).
    public func least(method rawMethod: String, target: String, schemes: Set<Scheme>?) throws -> LeastAnswer {
        try untieredLeast(method: rawMethod, target: target, schemes: schemes).withTiers { [self] name, scheme in
            try? permissionFacts(name, scheme: scheme).tier
        }
    }

    private func untieredLeast(method rawMethod: String, target: String, schemes: Set<Scheme>?) throws -> LeastAnswer {
        let method =
            rawMethod.utf8.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })
            ? rawMethod : rawMethod.uppercased()
        guard PermissionsDocumentLoader.knownMethods.contains(method) else { throw LookupError.badMethod(rawMethod) }
        let resolved: Resolution
        do {
            resolved = try resolve(method: method, target: target)
        } catch LookupError.undocumentedPath(let method, let path, let suggestions) {
            if let inferred = try inferredLeast(method: method, target: target, schemes: schemes) { return inferred }
            // A path that looks like a typo of a known one gets "did you mean", not an inferred answer.
            if suggestions.isEmpty, let inferred = try parentLeast(method: method, target: target, schemes: schemes) {
                return inferred
            }
            throw LookupError.undocumentedPath(method: method, path: path, suggestions: suggestions)
        }
        let claims = try claimSet(templateIDs: resolved.ids)
        if !claims.supports(method: method),
            let inferred = try siblingLeast(method: method, target: target, resolved: resolved, schemes: schemes)
        {
            return inferred
        }
        let key = AnswerKey(templateIDs: resolved.ids, method: method, schemes: schemes)
        let computed = try cachedAnswer(key) {
            try answer(
                method: method, url: target, templateIDs: resolved.ids, templates: resolved.templates, only: schemes
            ).withTiers { [self] name, scheme in try? permissionFacts(name, scheme: scheme).tier }
        }
        return resolved.notes.isEmpty ? computed.with(url: target) : computed.with(url: target, notes: resolved.notes)
    }

    /// The answer from the claims of `templateIDs` (one resource: letter-case and parameter-name variants).
    package func answer(method: String, url: String, templateIDs: [Int], templates: [String], only: Set<Scheme>?) throws
        -> LeastAnswer
    {
        let claims = try claimSet(templateIDs: templateIDs)
        guard claims.supports(method: method) else {
            throw LookupError.unsupportedMethod(method: method, template: templates[0], supported: claims.methods)
        }
        let request = RequestPath(templates[0])
        return LeastAnswer.from(
            method: method, url: url, template: templates[0], claims: claims, only: only,
            facts: { [self] in
                (try? permissionFacts($0, scheme: $1)).map { ($0.requiresAdminConsent, $0.privilegeLevel) } ?? (
                    nil, nil
                )
            },
            pathResources: InferredLeast.resources(for: request),
            signedInUserOnly: request.normalized.first == "me")
    }

    /// The template(s) a URL or an entity name stands for.
    package func resolve(method: String, target: String) throws -> Resolution {
        if target.utf8.contains(UInt8(ascii: "/")) {
            let request = RequestPath(target)
            if let host = request.host, let hint = GraphHosts.refusal(host) {
                throw LookupError.notGraph(host: host, hint: hint)
            }
            // As written first; then the OData readings (made only when needed), preferring one whose template
            // documents the method, else the first that matched.
            var firstMatch: Resolution? = nil
            if let match = try matcher(for: request).match(request) {
                let resolution = Resolution(ids: match.templateIDs, templates: match.templates, notes: [])
                if try claimSet(templateIDs: match.templateIDs).supports(method: method) { return resolution }
                firstMatch = resolution
            }
            for reading in ODataSegment.readings(of: request, method: method) {
                let (reading, note) = (reading.request, reading.note)
                guard let match = try matcher(for: reading).match(reading) else { continue }
                let resolution = Resolution(ids: match.templateIDs, templates: match.templates, notes: [note])
                if try claimSet(templateIDs: match.templateIDs).supports(method: method) { return resolution }
                firstMatch = firstMatch ?? resolution
            }
            if let firstMatch { return firstMatch }
            throw LookupError.undocumentedPath(
                method: method, path: request.displayPath, suggestions: try typoSuggestions(request))
        }
        let matcher = try matcher()
        let paths = try entityPaths(target)
        let itemFirst = ["PATCH", "PUT", "DELETE"].contains(method)
        let candidates = itemFirst ? [paths.item, paths.collection] : [paths.collection, paths.item]
        var firstFound: PathMatcher.Match? = nil
        for path in candidates {
            guard let match = matcher.match(RequestPath(path)) else { continue }
            firstFound = firstFound ?? match
            if try claimSet(templateIDs: match.templateIDs).supports(method: method) {
                return Resolution(ids: match.templateIDs, templates: match.templates, notes: [])
            }
        }
        if let firstFound { return Resolution(ids: firstFound.templateIDs, templates: firstFound.templates, notes: []) }
        let names = try entityNames()
        throw LookupError.unknownEntity(
            target, suggestions: Suggestions.nearest(target.lowercased(), in: names, limit: 3))
    }

    /// Known paths the request looks like a typo of: same number of segments, each literal within a small
    /// edit distance, two edits at most in all.
    private func typoSuggestions(_ request: RequestPath) throws -> [String] {
        let typos = TypoIndex.nearest(request.normalized, in: try matcher().typoIndex, limit: 3)
        return typos
    }

    /// Admin consent and privilege level of a permission in a scheme (for the privilege order).
    /// From the table `preloadPermissionFacts` reads for long work (a batch asks thousands of times), else one row
    /// (a one-shot lookup asks a few times; reading every row would cost it more than the rest of the lookup).
    package func permissionFacts(
        _ name: String, scheme: Scheme
    ) throws -> (requiresAdminConsent: Bool?, privilegeLevel: Int?, tier: TierMark?) {
        // The tier stored at load, else (a permission the knowledge base has no scheme entry for, such as the
        // embedded Security API table's) the shipped rules'.
        if let table = permissionFactsTable.withLock({ $0 }) {
            let facts = table[name]?[scheme.id]
            return (
                facts?.requiresAdminConsent, facts?.privilegeLevel,
                facts?.tier ?? ShippedTiers.tier(of: name, scheme: scheme)?.mark
            )
        }
        let facts = try store.permissionFacts(name, scheme: scheme)
        return (
            facts.requiresAdminConsent, facts.privilegeLevel,
            facts.tier ?? ShippedTiers.tier(of: name, scheme: scheme)?.mark
        )
    }

    /// Reads every permission's admin consent and privilege level in one query (about 3,000 rows).
    package func preloadPermissionFacts() throws(KnowledgeBaseError) {
        let table = try store.allPermissionFacts()
        permissionFactsTable.withLock { $0 = table }
    }

    /// The collection and item paths of an entity: from the Security API table, else `/name` and `/name/{id}`.
    private func entityPaths(_ name: String) throws -> (collection: String, item: String) {
        let path = try store.securityEntityPath(name)
        let collection = path ?? "/" + name
        return (collection, collection + "/{id}")
    }

    /// With no path data loaded, an answer from the permission names alone.
    private func inferredLeast(method: String, target: String, schemes only: Set<Scheme>?) throws -> LeastAnswer? {
        guard try !store.hasPathData() else { return nil }
        let request = RequestPath(target)
        let resources = InferredLeast.resources(for: request)
        let rows = try store.permissionNamesBySchemeInKibaliOrder().map { ($0.name, $0.schemeID) }
        var schemes: [(Scheme, LeastAnswer.SchemeAnswer?)] = []
        for scheme in Scheme.allCases where only?.contains(scheme) ?? true {
            let names = rows.filter { $0.1 == scheme.id }.map(\.0)
            var ranked: [String] = []
            for resource in resources {
                ranked = InferredLeast.rank(
                    names.filter { PermissionName($0).resource.lowercased() == resource }, method: method)
                if !ranked.isEmpty { break }
            }
            schemes.append(
                (
                    scheme,
                    ranked.isEmpty
                        ? nil
                        : LeastAnswer.SchemeAnswer(
                            least: [Requirement(ranked[0])],
                            higher: ranked.dropFirst().prefix(12).map { Requirement($0) })
                ))
        }
        guard schemes.contains(where: { $0.1 != nil }) else { return nil }
        return LeastAnswer(
            method: method, url: target, template: nil, schemes: schemes, basis: .inferred,
            notes: [
                """
                no path data is loaded: these permissions are inferred from the naming pattern \
                {resource}.{operation}.{constraint}; load Microsoft's permissions.json for documented answers
                """
            ])
    }
}

extension KnowledgeBase {
    /// For a call Microsoft's data does not document: the answer of its nearest documented parent (one or two
    /// segments up), for the same method, or for a write the read permissions' `ReadWrite` siblings. nil when
    /// neither is documented.
    package func parentLeast(method: String, target: String, schemes: Set<Scheme>?) throws -> LeastAnswer? {
        let written = RequestPath(target)
        let path = written.displayPath
        let readings = [written] + ODataSegment.readings(of: written, method: method).map(\.request)
        for request in readings {
            if let answer = try parentLeast(
                method: method, target: target, path: path, request: request, schemes: schemes)
            {
                return answer
            }
        }
        return nil
    }

    private func parentLeast(
        method: String, target: String, path: String, request: RequestPath,
        schemes: Set<Scheme>?
    ) throws -> LeastAnswer? {
        for drop in 1...max(1, min(2, request.segments.count - 1)) where request.segments.count > drop {
            let parent = RequestPath(segments: Array(request.segments.dropLast(drop)), host: nil, query: nil)
            guard let match = try matcher(for: parent).match(parent) else { continue }
            let claims = try claimSet(templateIDs: match.templateIDs)
            let template = match.templates[0]
            if claims.supports(method: method) {
                let answer = try answer(
                    method: method, url: target, templateIDs: match.templateIDs, templates: match.templates,
                    only: schemes)
                return answer.inferred(
                    method: method, url: target,
                    note:
                        """
                        Microsoft's permission data documents no permission for \(method) \(path); inferred from the \
                        documented \(method) on \(template)
                        """
                )
            }
            guard method != "GET", claims.supports(method: "GET") else { return nil }
            let reads = try answer(
                method: "GET", url: target, templateIDs: match.templateIDs, templates: match.templates, only: schemes)
            let inferred = reads.inferred(
                method: method, url: target,
                note:
                    """
                    Microsoft's permission data documents no permission for \(method) \(path); inferred from the \
                    documented GET on \(template) and the naming pattern (Read → ReadWrite)
                    """
            ) { [self] name, scheme in
                guard let write = PermissionName(name).writeSibling,
                    (try? permissionExists(write, scheme: scheme)) == true
                else { return nil }
                return write
            }
            return inferred.schemes.contains { $0.answer != nil } ? inferred : nil
        }
        return nil
    }

    /// For a method Microsoft's data does not document on a known template: the answer of a sibling operation
    /// that needs the same rights. Adding to a collection (`POST …/members/$ref`) as removing one of its items
    /// (`DELETE …/members/{id}`); `PUT` as `PATCH` and the reverse. nil when no such sibling is documented.
    package func siblingLeast(method: String, target: String, resolved: Resolution, schemes: Set<Scheme>?) throws
        -> LeastAnswer?
    {
        let template = resolved.templates[0]
        var siblings: [(template: String, method: String)] = []
        switch method {
        case "PUT": siblings = [(template, "PATCH")]
        case "PATCH": siblings = [(template, "PUT")]
        case "POST": siblings = [(template + "/{id}", "DELETE"), (template + "/{id}", "PATCH")]
        default: return nil
        }
        for sibling in siblings {
            let request = RequestPath(sibling.template)
            guard let match = try matcher(for: request).match(request),
                try claimSet(templateIDs: match.templateIDs).supports(method: sibling.method)
            else { continue }
            let answer = try answer(
                method: sibling.method, url: target, templateIDs: match.templateIDs,
                templates: match.templates, only: schemes)
            let note =
                "Microsoft's permission data documents no permission for \(method) \(template); inferred from "
                + "the documented \(sibling.method) on \(match.templates[0]), which needs the same rights"
            return answer.inferred(method: method, url: target, note: note).with(url: target, notes: resolved.notes)
        }
        return nil
    }

    /// Whether the knowledge base knows `name` in `scheme`.
    package func permissionExists(_ name: String, scheme: Scheme) throws -> Bool {
        try store.permissionExists(name, scheme: scheme)
    }
}

/// What a least-privilege answer depends on, apart from the URL's spelling.
package struct AnswerKey: Hashable {
    package let templateIDs: [Int]
    package let method: String
    package let schemes: Set<Scheme>?
}

/// "Did you mean": the nearest names by edit distance.
package enum Suggestions {
    /// Up to `limit` entries of `candidates` nearest to `text` (ties in the candidates' order).
    ///
    ///     Suggestions.nearest("/securty/alerts", in: ["/security/alerts", "/users"], limit: 1)
///     // ["/security/alerts"]
    package static func nearest(_ text: String, in candidates: [String], limit: Int) -> [String] {
        let length = text.count
        var scored: [(Int, Int, String)] = []
        for (index, candidate) in candidates.enumerated() where abs(candidate.count - length) <= max(8, length / 2) {
            scored.append((EditDistance.distance(text, candidate), index, candidate))
        }
        let limitDistance = max(3, length / 2)
        return scored.filter { $0.0 <= limitDistance }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(limit).map(\.2)
            .uniqued()
    }
}
