/// Finds the path template a request URL belongs to.
///
/// Unlike Microsoft's matcher it backtracks, ignores letter case and parameter names, reads keys in
/// parentheses, drive-item paths and function calls, and a literal segment beats a parameter. Templates that
/// differ only in case or parameter names are one; it is immutable once built; a request whose literal text matches one of them letter
/// for letter picks that one, otherwise the match holds them all.
///
///     let matcher = PathMatcher(templates: [(1, "/users/{id}/messages"), (2, "/users/{user-id}/messages/{id}")])
///     matcher.match(RequestPath("/v1.0/users/abc/messages"))?.templateIDs  // [1]
public final class PathMatcher: @unchecked Sendable {
    final class Node {
        var literals: [String: Node] = [:]
        var globs: [(pattern: SegmentPattern, node: Node)] = []
        var parameter: Node?
        var anySegments: Node?
        var terminals: [Terminal] = []

        func child(for pattern: SegmentPattern) -> Node {
            switch pattern {
            case .literal(let text):
                if let node = literals[text] { return node }
                let node = Node()
                literals[text] = node
                return node
            case .parameter:
                if let node = parameter { return node }
                parameter = Node()
                return parameter!
            case .anySegments:
                if let node = anySegments { return node }
                anySegments = Node()
                return anySegments!
            case .glob:
                if let found = globs.first(where: { $0.pattern == pattern }) { return found.node }
                // Most fixed characters first; among equals, the first inserted first.
                let node = Node()
                let length = pattern.fixedLength
                globs.insert((pattern, node), at: globs.firstIndex { $0.pattern.fixedLength < length } ?? globs.count)
                return node
            }
        }
    }

    struct Terminal {
        let id: Int
        let template: String
        let caseKeys: [String?]
        let query: [String]?
    }

    /// A successful match: the template(s) and whether the request picked one of several variants.
    public struct Match: Sendable, Equatable {
        public let templateIDs: [Int]
        public let templates: [String]
    }

    private let root = Node()
    private var entries: [(id: Int, template: String, segments: [String])] = []

    /// Every template with its normalised key, for "did you mean" (built on demand).
    public var keys: [(id: Int, template: String, key: String)] {
        entries.map { ($0.id, $0.template, "/" + $0.segments.joined(separator: "/")) }
    }

    public init(templates: some Sequence<(Int, String)>) {
        for (id, template) in templates { insert(id: id, template: template) }
    }

    private func insert(id: Int, template: String) {
        var query: [String]? = nil
        if let mark = template.utf8.firstIndex(of: UInt8(ascii: "?")) {
            query = SegmentPattern.globParts(PathSegments.normalize(String(template[template.index(after: mark)...])))
        }
        let raw = PathSegments.groupItemPaths(PathSegments.segments(ofTemplate: template))
        var node = root
        var caseKeys: [String?] = []
        var normalizedSegments: [String] = []
        for segment in raw {
            let normalized = PathSegments.normalize(segment)
            let pattern = SegmentPattern(normalized: normalized)
            node = node.child(for: pattern)
            normalizedSegments.append(normalized)
            if case .literal = pattern { caseKeys.append(PathSegments.caseKey(segment)) } else { caseKeys.append(nil) }
        }
        node.terminals.append(Terminal(id: id, template: template, caseKeys: caseKeys, query: query))
        entries.append((id, template, normalizedSegments))
    }

    /// The template(s) for `request`, or nil when no template fits.
    public func match(_ request: RequestPath) -> Match? {
        var route: [Int] = []
        route.reserveCapacity(request.segments.count + 2)
        guard let (node, used) = search(root, request.segments, 0, &route) else { return nil }
        let chosen = choose(node.terminals, request: request, segments: used, usedRoute: route)
        return Match(templateIDs: chosen.map(\.id), templates: chosen.map(\.template))
    }

    /// Depth-first, literal before glob before parameter before `...`; `route` records how many request
    /// segments each template segment consumed.
    private func search(_ node: Node, _ segments: [RequestPath.Segment], _ index: Int, _ route: inout [Int]) -> (Node, [RequestPath.Segment])? {
        if index == segments.count { return node.terminals.isEmpty ? nil : (node, segments) }
        if let found = searchAsWritten(node, segments, index, &route) { return found }
        guard let split = segments[index].keySplit else { return nil }
        var expanded = segments
        expanded.replaceSubrange(index...index, with: split.map(RequestPath.Segment.init))
        return searchAsWritten(node, expanded, index, &route)
    }

    private func searchAsWritten(_ node: Node, _ segments: [RequestPath.Segment], _ index: Int, _ route: inout [Int]) -> (Node, [RequestPath.Segment])? {
        let segment = segments[index].normalized
        route.append(1)
        defer { route.removeLast() }
        if let next = node.literals[segment], let found = search(next, segments, index + 1, &route) { return found }
        for (pattern, next) in node.globs {
            guard case .glob(let parts) = pattern, SegmentPattern.globMatches(parts, segment) else { continue }
            if let found = search(next, segments, index + 1, &route) { return found }
        }
        if let next = node.parameter, let found = search(next, segments, index + 1, &route) { return found }
        if let next = node.anySegments {
            for count in stride(from: segments.count - index, through: 1, by: -1) {
                route[route.count - 1] = count
                if let found = search(next, segments, index + count, &route) { return found }
            }
        }
        return nil
    }

    private func choose(_ terminals: [Terminal], request: RequestPath, segments: [RequestPath.Segment], usedRoute route: [Int]) -> [Terminal] {
        var candidates = terminals.allSatisfy { $0.query == nil } ? terminals : terminals.filter { $0.query == nil }
        if let query = request.query {
            let queried = terminals.filter { $0.query.map { SegmentPattern.globMatches($0, query) } ?? false }
            if !queried.isEmpty { candidates = queried }
        }
        if candidates.isEmpty { candidates = terminals }
        guard candidates.count > 1, route.allSatisfy({ $0 == 1 }) else { return candidates }
        let exact = candidates.filter { terminal in
            zip(terminal.caseKeys, segments.map(\.caseKey)).allSatisfy { key, actual in key == nil || key == actual }
        }
        return exact.isEmpty ? candidates : exact
    }
}
