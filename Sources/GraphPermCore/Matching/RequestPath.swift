import GraphPermPlatform

/// A request URL as people paste it, reduced to the segments the matcher compares.
///
///     let path = RequestPath("https://graph.microsoft.com/v1.0/users('A@b.com')/messages?$top=5")
///     path.normalized              // ["users(a@b.com)", "messages"]
///     path.segments[0].keySplit    // ["users", "'A@b.com'"]: the pair it may stand for
package struct RequestPath: Sendable, Equatable {
    /// One segment: normalised, and for `name(key)` the two segments it may stand for.
    package struct Segment: Sendable, Equatable {
        package let normalized: String
        /// `users('abc')` may address an item by key, standing for `users/abc`; tried after the segment as written.
        package let keySplit: [String]?
        /// Whether a template's `{id}` may stand for this segment: not an OData segment (`$count`, `$ref`),
        /// a namespace-qualified name (`microsoft.graph.user`) or a function call (`delta()`, `users('a')`).
        package let canBeKey: Bool

        package init(_ raw: String) {
            normalized = PathSegments.normalize(raw)
            keySplit = RequestPath.splitKey(raw)
            canBeKey = !ODataSegment.isReserved(normalized)
        }

        /// A name that stands only for a literal of a template (the short form of a function or a cast).
        package init(name: String) {
            normalized = PathSegments.normalize(name)
            keySplit = nil
            canBeKey = false
        }
    }

    package let segments: [Segment]
    /// The host, in lower case, when the text was a full URL (`https://graph.microsoft.com/v1.0/me`) or began with
    /// a host name (`graph.microsoft.com/v1.0/me`).
    package let host: String?
    /// Segments in lower case, quotes removed.
    package var normalized: [String] { segments.map(\.normalized) }
    /// The query string, percent-decoded and normalised (nil when there is none).
    package let query: String?

    package static let maxSegments = 200

    package init(_ text: String) {
        var bytes = Array(text.utf8)
        while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D { bytes.removeLast() }
        var start = bytes.firstIndex { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) } ?? bytes.count
        var host: String? = nil
        if let scheme = Self.find([0x3A, 0x2F, 0x2F], in: bytes, from: start) {
            let hostEnd = bytes[(scheme + 3)...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }
                ?? bytes.count
            host = Self.hostName(bytes[(scheme + 3)..<hostEnd])
            start = hostEnd
        } else if let hostEnd = Self.leadingHostEnd(bytes, from: start) {
            host = Self.hostName(bytes[start..<hostEnd])
            start = hostEnd
        }
        var end = bytes[start...].firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
        var query: String? = nil
        if let mark = bytes[start..<end].firstIndex(of: UInt8(ascii: "?")) {
            query = PathSegments.normalize(Self.percentDecoded(bytes[(mark + 1)..<end]))
            end = mark
        }
        var segments: [String] = []
        segments.reserveCapacity(min(Self.maxSegments, bytes[start..<end].count { $0 == UInt8(ascii: "/") } + 1))
        var pieceStart = start
        for index in start...end
        where index == end || bytes[index] == UInt8(ascii: "/") || bytes[index] == UInt8(ascii: "\\") {
            defer { pieceStart = index + 1 }
            guard index > pieceStart else { continue }
            let segment = Self.percentDecoded(bytes[pieceStart..<index])
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
            if segments.count > Self.maxSegments { break }
        }
        if let first = segments.first, Self.isVersion(first) { segments.removeFirst() }
        self.segments = PathSegments.groupItemPaths(segments).map { Segment($0) }
        self.query = query.flatMap { $0.isEmpty ? nil : $0 }
        self.host = host
    }

    /// A path with its segments replaced (the OData readings of a request keep its host and query).
    package init(segments: [Segment], host: String?, query: String?) {
        self.segments = segments
        self.host = host
        self.query = query
    }

    /// `user:pass@Host:443` → `host`.
    private static func hostName(_ bytes: ArraySlice<UInt8>) -> String {
        var text = String(decoding: bytes, as: UTF8.self).lowercased()
        if let at = text.lastIndex(of: "@") { text = String(text[text.index(after: at)...]) }
        if let colon = text.lastIndex(of: ":"), !text.hasSuffix("]") { text = String(text[..<colon]) }
        return text
    }

    /// The end of a host name written without a scheme (`graph.microsoft.com/v1.0/me`): a first segment with a
    /// dot, followed by an API version or ending in a well-known domain. A user principal name or a site ID is
    /// not a host: it has `@` or `,`, or no path after it.
    private static func leadingHostEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count, bytes[start] != UInt8(ascii: "/") else { return nil }
        guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "/")) else { return nil }
        let first = bytes[start..<end]
        guard first.contains(UInt8(ascii: ".")),
              !first.contains(where: { $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: ",")
                  || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "$") }) else { return nil }
        let text = String(decoding: first, as: UTF8.self).lowercased()
        if text.hasPrefix("microsoft.graph.") || text.hasSuffix(".onmicrosoft.com") { return nil }
        let afterEnd = bytes[(end + 1)...].prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") }
        let next = String(decoding: afterEnd, as: UTF8.self)
        let knownDomains = [".com", ".net", ".us", ".cn", ".de", ".io", ".org"]
        return isVersion(next) || knownDomains.contains(where: text.hasSuffix) ? end : nil
    }

    /// `v1.0` or `beta` in any letter case: the API version that leads a Graph path.
    package static func isVersion(_ segment: String) -> Bool {
        let lowered = segment.utf8.lazy.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }
        return lowered.elementsEqual("v1.0".utf8) || lowered.elementsEqual("beta".utf8)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            if bytes[index] == UInt8(ascii: "/") || bytes[index] == UInt8(ascii: "?") { return nil }
            index += 1
        }
        return nil
    }

    /// `%XX` escapes decoded; an invalid escape, or escapes that do not make UTF-8, leave the text as written.
    package static func percentDecoded(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "%")) else { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: PercentDecoding.bytes(bytes), as: UTF8.self)
            ?? String(decoding: bytes, as: UTF8.self)
    }

    /// `users('abc')` addresses an item by key: it stands for `users/abc`. A function call with named
    /// arguments (`filterByCurrentUser(on='reviewer')`) stays one segment.
    package static func splitKey(_ segment: String) -> [String]? {
        guard segment.utf8.last == UInt8(ascii: ")"), let open = segment.utf8.firstIndex(of: UInt8(ascii: "(")),
              open != segment.startIndex else { return nil }
        let inner = segment[segment.index(after: open)..<segment.index(before: segment.endIndex)]
        guard !inner.isEmpty, !inner.utf8.contains(where: { $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "/") }) else {
            return nil
        }
        return [String(segment[..<open]), String(inner)]
    }

    /// The path as one string (for messages and edit distances): `/users/{}/messages`.
    package var displayPath: String { "/" + normalized.joined(separator: "/") }
}
