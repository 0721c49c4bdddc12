/// Which templates could possibly match a request, judged from their match keys alone: a one-shot lookup
/// builds its matcher from these few instead of from every template under the first segment.
///
/// The test only rules a template out when it is certain: both sides are compared segment by segment while
/// the template's segment is a plain literal or `{}` and the request's segment has no `name(key)` form;
/// anything else (globs, drive-item paths, `...`, keys in parentheses) ends the comparison and keeps the template.
///
///     let filter = CandidateFilter(RequestPath("/me/messages"))
///     filter.mayMatch(key: "/me/messages/{}")  // false: one segment too many
///     filter.mayMatch(key: "/me/{}")           // true
package struct CandidateFilter {
    /// The request's normalised segments, up to the first one written `name(key)`.
    private let plainSegments: [[UInt8]]
    /// Whether every request segment is in `plainSegments` (so the segment counts must agree).
    private let isWhollyPlain: Bool

    package init(_ request: RequestPath) {
        let plain = request.segments.prefix { $0.keySplit == nil }
        plainSegments = plain.map { Array($0.normalized.utf8) }
        isWhollyPlain = plain.count == request.segments.count
    }

    package func mayMatch(key: String) -> Bool {
        var key = key
        return key.withUTF8 { mayMatch(key: $0) }
    }

    /// The same test on the key's UTF-8 bytes (as SQLite hands them over, without making a string).
    package func mayMatch(key: UnsafeBufferPointer<UInt8>) -> Bool {
        let slash = UInt8(ascii: "/")
        var index = 0
        var start = key.first == slash ? 1 : 0
        while start <= key.count {
            var end = start
            while end < key.count, key[end] != slash, key[end] != UInt8(ascii: "?") { end += 1 }
            let segment = UnsafeBufferPointer(rebasing: key[start..<end])
            if !segment.isEmpty {
                guard Self.isPlain(segment) else { return true }
                guard index < plainSegments.count else { return !isWhollyPlain }
                if !Self.isParameter(segment), !segment.elementsEqual(plainSegments[index]) { return false }
                index += 1
            }
            if end == key.count || key[end] == UInt8(ascii: "?") { break }
            start = end + 1
        }
        return isWhollyPlain && index == plainSegments.count
    }

    private static func isParameter(_ segment: UnsafeBufferPointer<UInt8>) -> Bool {
        segment.count == 2 && segment[0] == UInt8(ascii: "{") && segment[1] == UInt8(ascii: "}")
    }

    /// A literal without parameters, drive-item colons or `...`, or a whole-segment `{}`.
    private static func isPlain(_ segment: UnsafeBufferPointer<UInt8>) -> Bool {
        if isParameter(segment) { return true }
        if segment.elementsEqual("...".utf8) { return false }
        return !segment.contains { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: ":") }
    }
}
