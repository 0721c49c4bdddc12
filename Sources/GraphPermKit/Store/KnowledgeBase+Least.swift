import GRDB
import GraphPermQuery

/// Why a lookup has no answer (exit 1).
public enum LookupError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownPath(String, suggestions: [String])
    case unsupportedMethod(method: String, template: String, supported: [String])
    case unknownEntity(String, suggestions: [String])
    case badMethod(String)

    public var description: String {
        switch self {
        case .unknownPath(let path, let suggestions):
            "no known path template matches \(path)" + (suggestions.isEmpty ? "" : "; did you mean: " + suggestions.joined(separator: ", "))
        case .unsupportedMethod(let method, let template, let supported):
            "\(method) is not documented for \(template); documented methods: \(supported.joined(separator: ", "))"
        case .unknownEntity(let name, let suggestions):
            "no entity or path named \(name)" + (suggestions.isEmpty ? "" : "; did you mean: " + suggestions.joined(separator: ", "))
        case .badMethod(let method):
            "\(method) is not an HTTP method: use GET, POST, PUT, PATCH or DELETE"
        }
    }
}

extension KnowledgeBase {
    /// The least-privileged permissions for `method` on `target` (a URL, a path, or an entity name such as `alerts`).
    public func least(method rawMethod: String, target: String, scheme: Scheme? = nil) throws -> LeastAnswer {
        try least(method: rawMethod, target: target, schemes: scheme.map { [$0] })
    }

    /// The least-privileged permissions for `method` on `target`, for the given schemes only (all when nil).
    public func least(method rawMethod: String, target: String, schemes: Set<Scheme>?) throws -> LeastAnswer {
        let method = rawMethod.utf8.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) ? rawMethod : rawMethod.uppercased()
        guard PermissionsDocumentLoader.knownMethods.contains(method) else { throw LookupError.badMethod(rawMethod) }
        let resolved: (ids: [Int], templates: [String])
        do {
            resolved = try resolve(method: method, target: target)
        } catch LookupError.unknownPath(let path, let suggestions) {
            if let inferred = try inferredLeast(method: method, target: target, schemes: schemes) { return inferred }
            throw LookupError.unknownPath(path, suggestions: suggestions)
        }
        let key = AnswerKey(templateIDs: resolved.ids, method: method, schemes: schemes)
        return try cachedAnswer(key) {
            let claims = try claimSet(templateIDs: resolved.ids)
            guard claims.supports(method: method) else {
                throw LookupError.unsupportedMethod(method: method, template: resolved.templates[0], supported: claims.methods)
            }
            return LeastAnswer.from(method: method, url: target, template: resolved.templates[0], claims: claims, only: schemes)
        }.with(url: target)
    }

    /// The template(s) a URL or an entity name stands for.
    public func resolve(method: String, target: String) throws -> (ids: [Int], templates: [String]) {
        if target.utf8.contains(UInt8(ascii: "/")) {
            let request = RequestPath(target)
            guard let match = try matcher(for: request).match(request) else {
                let keys = try matcher().keys
                throw LookupError.unknownPath(target, suggestions: Suggestions.nearest(request.displayPath, in: keys.map(\.key), limit: 3)
                    .compactMap { key in keys.first { $0.key == key }?.template })
            }
            return (match.templateIDs, match.templates)
        }
        let matcher = try matcher()
        let paths = try entityPaths(target)
        let itemFirst = ["PATCH", "PUT", "DELETE"].contains(method)
        let candidates = itemFirst ? [paths.item, paths.collection] : [paths.collection, paths.item]
        var firstFound: PathMatcher.Match? = nil
        for path in candidates {
            guard let match = matcher.match(RequestPath(path)) else { continue }
            firstFound = firstFound ?? match
            if try claimSet(templateIDs: match.templateIDs).supports(method: method) { return (match.templateIDs, match.templates) }
        }
        if let firstFound { return (firstFound.templateIDs, firstFound.templates) }
        let names = try entityNames()
        throw LookupError.unknownEntity(target, suggestions: Suggestions.nearest(target.lowercased(), in: names, limit: 3))
    }

    /// The collection and item paths of an entity: from the Security API table, else `/name` and `/name/{id}`.
    private func entityPaths(_ name: String) throws -> (collection: String, item: String) {
        let path: String? = try read("SELECT resource_path FROM security_entity WHERE lower(entity) = lower(?) OR lower(resource_path) = lower(?) ORDER BY id LIMIT 1") { db, sql in
            try String.fetchOne(db.cachedStatement(sql: sql), arguments: [name, "/security/" + name])
        }
        let collection = path ?? "/" + name
        return (collection, collection + "/{id}")
    }

    private func entityNames() throws -> [String] {
        try read("SELECT entity FROM security_entity UNION SELECT DISTINCT substr(match_key, 2) FROM path_template WHERE match_key NOT LIKE '/%/%' ORDER BY 1") { db, sql in
            try String.fetchAll(db, sql: sql)
        }
    }

    /// With no path data loaded, an answer from the permission names alone.
    private func inferredLeast(method: String, target: String, schemes only: Set<Scheme>?) throws -> LeastAnswer? {
        let hasPathData: Bool = try read("SELECT EXISTS (SELECT 1 FROM provenance WHERE kind = 'permissions-document')") { db, sql in
            try Bool.fetchOne(db, sql: sql) ?? false
        }
        guard !hasPathData else { return nil }
        let request = RequestPath(target)
        let resources = InferredLeast.resources(for: request)
        let rows: [(String, Int)] = try read("SELECT p.name, ps.scheme_id FROM permission p JOIN permission_scheme ps ON ps.permission_id = p.id ORDER BY p.kibali_rank, ps.scheme_id") { db, sql in
            try Row.fetchAll(db.cachedStatement(sql: sql)).map { ($0[0], $0[1]) }
        }
        var schemes: [(Scheme, LeastAnswer.SchemeAnswer?)] = []
        for scheme in Scheme.allCases where only?.contains(scheme) ?? true {
            let names = rows.filter { $0.1 == scheme.id }.map(\.0)
            var ranked: [String] = []
            for resource in resources {
                ranked = InferredLeast.rank(names.filter { PermissionName($0).resource.lowercased() == resource }, method: method)
                if !ranked.isEmpty { break }
            }
            schemes.append((scheme, ranked.isEmpty ? nil : LeastAnswer.SchemeAnswer(least: [ranked[0]], higher: Array(ranked.dropFirst().prefix(12)))))
        }
        guard schemes.contains(where: { $0.1 != nil }) else { return nil }
        return LeastAnswer(method: method, url: target, template: nil, schemes: schemes, basis: .inferred,
                           notes: ["no path data is loaded: these permissions are inferred from the naming pattern {resource}.{operation}.{constraint}; load Microsoft's permissions.json for documented answers"])
    }
}

/// What a least-privilege answer depends on, apart from the URL's spelling.
struct AnswerKey: Hashable {
    let templateIDs: [Int]
    let method: String
    let schemes: Set<Scheme>?
}

/// "Did you mean": the nearest names by edit distance.
public enum Suggestions {
    /// Up to `limit` entries of `candidates` nearest to `text` (ties in the candidates' order).
    ///
    ///     Suggestions.nearest("/securty/alerts", in: ["/security/alerts", "/users"], limit: 1)  // ["/security/alerts"]
    public static func nearest(_ text: String, in candidates: [String], limit: Int) -> [String] {
        let length = text.count
        var scored: [(Int, Int, String)] = []
        for (index, candidate) in candidates.enumerated() where abs(candidate.count - length) <= max(8, length / 2) {
            scored.append((EditDistance.distance(text, candidate), index, candidate))
        }
        let limitDistance = max(3, length / 2)
        return scored.filter { $0.0 <= limitDistance }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(limit).map(\.2).uniqued()
    }
}
