import GraphPermQuery

/// "Did you mean" for paths: the known paths a request looks like a typo of. A candidate has as many segments
/// as the request; a parameter segment fits anything; the literal segments may differ by two edits at most in
/// all. Cheap enough for every miss of a batch: only paths of the request's length are compared, segment by
/// segment, and a candidate is dropped at its third edit.
///
///     TypoIndex.nearest(["me", "mesages"], in: TypoIndex(keys: [("/me/messages", ["me", "messages"])]), limit: 3)
///     // ["/me/messages"]
package struct TypoIndex: Sendable {
    private let byLength: [Int: [(template: String, segments: [String])]]

    package init(keys: [(template: String, segments: [String])]) {
        byLength = Dictionary(grouping: keys, by: \.segments.count)
    }

    /// Up to `limit` templates nearest to `segments` (ties in the templates' order).
    package static func nearest(_ segments: [String], in index: TypoIndex, limit: Int, maxEdits: Int = 2) -> [String] {
        var scored: [(edits: Int, order: Int, template: String)] = []
        for (order, candidate) in (index.byLength[segments.count] ?? []).enumerated() {
            var edits = 0
            for (wanted, known) in zip(segments, candidate.segments) where wanted != known {
                if known.contains("{") { continue }
                guard abs(wanted.count - known.count) <= maxEdits - edits else {
                    edits = maxEdits + 1
                    break
                }
                edits += EditDistance.distance(wanted, known)
                if edits > maxEdits { break }
            }
            if edits > 0, edits <= maxEdits { scored.append((edits, order, candidate.template)) }
        }
        return scored.sorted { ($0.edits, $0.order) < ($1.edits, $1.order) }.prefix(limit).map(\.template).uniqued()
    }
}
