import Foundation

/// A request URL as people paste it, reduced to the segments the matcher compares.
///
///     RequestPath("https://graph.microsoft.com/v1.0/users('a@b.com')/messages?$top=5").normalized
///     // ["users", "a@b.com", "messages"]
public struct RequestPath: Sendable, Equatable {
    /// One segment: normalised, with its case kept, and for `name(key)` the two segments it may stand for.
    public struct Segment: Sendable, Equatable {
        public let normalized: String
        public let caseKey: String
        /// `users('abc')` may address an item by key, standing for `users/abc`; tried after the segment as written.
        public let keySplit: [String]?

        init(_ raw: String) {
            normalized = PathSegments.normalize(raw)
            caseKey = PathSegments.caseKey(raw)
            keySplit = RequestPath.splitKey(raw)
        }
    }

    public let segments: [Segment]
    /// Segments in lower case, quotes removed.
    public var normalized: [String] { segments.map(\.normalized) }
    /// The query string, percent-decoded and normalised (nil when there is none).
    public let query: String?

    public static let maxSegments = 200

    public init(_ text: String) {
        var rest = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if let scheme = rest.range(of: "://") {
            let afterHost = rest[scheme.upperBound...]
            rest = afterHost.firstIndex(of: "/").map { afterHost[$0...] } ?? ""
        }
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var query: String? = nil
        if let mark = rest.firstIndex(of: "?") {
            let raw = String(rest[rest.index(after: mark)...])
            query = PathSegments.normalize(raw.removingPercentEncoding ?? raw)
            rest = rest[..<mark]
        }
        var segments: [String] = []
        for piece in rest.replacingOccurrences(of: "\\", with: "/").split(separator: "/") {
            let segment = String(piece).removingPercentEncoding ?? String(piece)
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
            if segments.count > Self.maxSegments { break }
        }
        if let first = segments.first, ["v1.0", "beta"].contains(first.lowercased()) { segments.removeFirst() }
        self.segments = PathSegments.groupItemPaths(segments).map(Segment.init)
        self.query = query.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `users('abc')` addresses an item by key: it stands for `users/abc`. A function call with named
    /// arguments (`filterByCurrentUser(on='reviewer')`) stays one segment.
    static func splitKey(_ segment: String) -> [String]? {
        guard segment.hasSuffix(")"), let open = segment.firstIndex(of: "("), open != segment.startIndex else { return nil }
        let inner = segment[segment.index(after: open)..<segment.index(before: segment.endIndex)]
        guard !inner.isEmpty, !inner.contains("="), !inner.contains("/") else { return nil }
        return [String(segment[..<open]), String(inner)]
    }

    /// The path as one string (for messages and edit distances): `/users/{}/messages`.
    public var displayPath: String { "/" + normalized.joined(separator: "/") }
}
