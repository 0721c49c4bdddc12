import Synchronization

/// Finds the path template a request URL belongs to.
///
/// Unlike Microsoft's matcher it backtracks, ignores letter case and parameter names, reads keys in
/// parentheses, drive-item paths and function calls, and a literal segment beats a parameter. Templates that
/// differ only in case or parameter names are one resource, as in Microsoft's documentation generator: the match
/// holds them all. It is immutable once built.
///
///     let matcher = PathMatcher(templates: [(1, "/users/{id}/messages"), (2, "/users/{user-id}/messages/{id}")])
///     matcher.match(RequestPath("/v1.0/users/abc/messages"))?.templateIDs  // [1]
public final class PathMatcher: @unchecked Sendable {
    package final class Node {
        package var literals: [String: Node] = [:]
        package var globs: [(pattern: SegmentPattern, node: Node)] = []
        package var parameter: Node?
        package var anySegments: Node?
        package var terminals: [Terminal] = []

        package func child(for pattern: SegmentPattern) -> Node {
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

    package struct Terminal {
        package let id: Int
        package let template: String
        package let query: [String]?
    }

    /// A successful match: the template(s) and whether the request picked one of several variants.
    package struct Match: Sendable, Equatable {
        package let templateIDs: [Int]
        package let templates: [String]
    }

    private let root = Node()
    private var entries: [(id: Int, template: String, segments: [String])] = []

    private let typos = Mutex<TypoIndex?>(nil)

    /// The templates by segment count, for "did you mean" (built on first use).
    package var typoIndex: TypoIndex {
        typos.withLock { index in
            if let index { return index }
            let built = TypoIndex(keys: entries.map { ($0.template, $0.segments) })
            index = built
            return built
        }
    }

    /// Every template with its normalised key, for "did you mean" (built on demand).
    package var keys: [(id: Int, template: String, key: String)] {
        entries.map { ($0.id, $0.template, "/" + $0.segments.joined(separator: "/")) }
    }

    package init(templates: some Sequence<(Int, String)>) {
        for (id, template) in templates { insert(id: id, template: template) }
    }

    private func insert(id: Int, template: String) {
        var query: [String]? = nil
        if let mark = template.utf8.firstIndex(of: UInt8(ascii: "?")) {
            query = SegmentPattern.globParts(PathSegments.normalize(String(template[template.index(after: mark)...])))
        }
        let raw = PathSegments.groupItemPaths(PathSegments.segments(ofTemplate: template))
        var node = root
        var normalizedSegments: [String] = []
        for segment in raw {
            let normalized = PathSegments.normalize(segment)
            let pattern = SegmentPattern(normalized: normalized)
            node = node.child(for: pattern)
            normalizedSegments.append(normalized)
        }
        node.terminals.append(Terminal(id: id, template: template, query: query))
        entries.append((id, template, normalizedSegments))
    }

    /// The template(s) for `request`, or nil when no template fits.
    package func match(_ request: RequestPath) -> Match? {
        guard let node = search(root, request.segments, 0) else { return nil }
        let chosen = choose(node.terminals, request: request)
        return Match(templateIDs: chosen.map(\.id), templates: chosen.map(\.template))
    }

    /// Depth-first, literal before glob before parameter before `...`; a segment written `name(key)` is tried
    /// as written, then as `name/key`.
    private func search(_ node: Node, _ segments: [RequestPath.Segment], _ index: Int) -> Node? {
        if index == segments.count { return node.terminals.isEmpty ? nil : node }
        if let found = searchAsWritten(node, segments, index) { return found }
        guard let split = segments[index].keySplit else { return nil }
        var expanded = segments
        expanded.replaceSubrange(index...index, with: split.map { RequestPath.Segment($0) })
        return searchAsWritten(node, expanded, index)
    }

    private func searchAsWritten(_ node: Node, _ segments: [RequestPath.Segment], _ index: Int) -> Node? {
        let segment = segments[index].normalized
        if let next = node.literals[segment], let found = search(next, segments, index + 1) { return found }
        for (pattern, next) in node.globs {
            guard case .glob(let parts) = pattern, SegmentPattern.globMatches(parts, segment) else { continue }
            if let found = search(next, segments, index + 1) { return found }
        }
        if segments[index].canBeKey, let next = node.parameter, let found = search(next, segments, index + 1) {
            return found
        }
        if let next = node.anySegments {
            for count in stride(from: segments.count - index, through: 1, by: -1) {
                if let found = search(next, segments, index + count) { return found }
            }
        }
        return nil
    }

    /// The terminals a request ends on: every letter-case and parameter-name variant of the template, as
    /// Microsoft's documentation generator unites them (only templates with a query string are told apart by
    /// the request's query).
    private func choose(_ terminals: [Terminal], request: RequestPath) -> [Terminal] {
        let plain = terminals.filter { $0.query == nil }
        if let query = request.query {
            let queried = terminals.filter { $0.query.map { SegmentPattern.globMatches($0, query) } ?? false }
            if !queried.isEmpty { return queried }
        }
        return plain.isEmpty ? terminals : plain
    }
}
