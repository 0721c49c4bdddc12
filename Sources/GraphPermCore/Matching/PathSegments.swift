import GraphPermPlatform

/// One segment of a path template or request, as the matcher compares it.
///
/// Templates and requests are normalised the same way: lower case, quotes and spaces removed, any `{name}`
/// written `{}`; a drive-item path (`root:/a/b.txt:`) is one segment.
package enum SegmentPattern: Hashable {
    case literal(String)
    /// A whole-segment parameter such as `{id}` or `{user-id}`.
    case parameter
    /// A segment with parameters inside, such as `{id}:` or `filterbycurrentuser(on={})`.
    case glob([String])
    /// The `...` placeholder: one or more segments.
    case anySegments

    package init(normalized text: String) {
        if text == "{}" { self = .parameter; return }
        if text == "..." { self = .anySegments; return }
        // Normalised text has `{}` wherever a parameter was: without a brace it is a literal.
        guard text.utf8.contains(UInt8(ascii: "{")) else {
            self = .literal(text)
            return
        }
        let parts = SegmentPattern.globParts(text)
        if parts.count > 1 {
            self = .glob(parts)
            return
        }
        self = .literal(text)
    }

    /// Whether a glob's fixed parts appear in `text` in order, each `{}` standing for at least one character
    /// (compared as UTF-8 bytes: the fixed parts come from templates and are ASCII).
    package static func globMatches(_ parts: [String], _ text: String) -> Bool {
        if parts.count == 1 { return text == parts[0] }
        var text = text
        return text.withUTF8 { text in
            var position = 0
            for (index, part) in parts.enumerated() {
                var part = part
                let found = part.withUTF8 { part -> Bool in
                    if index == 0 {
                        guard text.count >= part.count, text.prefix(part.count).elementsEqual(part) else {
                            return false
                        }
                        position = part.count
                    } else if index == parts.count - 1 {
                        return text.count - position > part.count && text.suffix(part.count).elementsEqual(part)
                    } else {
                        guard let start = firstOccurrence(of: part, in: text, from: position + 1) else { return false }
                        position = start + part.count
                    }
                    return true
                }
                if !found { return false }
            }
            return true
        }
    }

    private static func firstOccurrence(of needle: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>,
                                        from start: Int) -> Int? {
        guard !needle.isEmpty, start + needle.count <= text.count else { return nil }
        for offset in start...(text.count - needle.count) where text[offset] == needle[0] {
            if text[offset..<(offset + needle.count)].elementsEqual(needle) { return offset }
        }
        return nil
    }

    /// The fixed parts around each `{}` of a normalised text (one part when there is no `{}`).
    package static func globParts(_ normalized: String) -> [String] {
        var parts: [String] = []
        var current: [UInt8] = []
        var previous: UInt8 = 0
        for byte in normalized.utf8 {
            if previous == UInt8(ascii: "{"), byte == UInt8(ascii: "}") {
                current.removeLast()
                parts.append(String(decoding: current, as: UTF8.self))
                current.removeAll()
                previous = 0
                continue
            }
            current.append(byte)
            previous = byte
        }
        parts.append(String(decoding: current, as: UTF8.self))
        return parts
    }

    /// How specific a glob is: the number of fixed characters.
    package var fixedLength: Int {
        if case .glob(let parts) = self { return parts.reduce(0) { $0 + $1.count } }
        return 0
    }
}

/// Splitting and normalising path text, shared by templates and requests.
package enum PathSegments {
    /// Lower case (ASCII), no quotes or spaces, and every `{...}` (even the typo `{id}}`) as `{}`.
    package static func normalize(_ segment: String) -> String {
        if !segment.utf8.contains(where: changesInKey) { return segment }
        var result: [UInt8] = []
        result.reserveCapacity(segment.utf8.count + 1)
        normalize(segment.utf8, into: &result)
        return String(decoding: result, as: UTF8.self)
    }

    /// `normalize` on bytes, appending to `result`.
    package static func normalize(_ segment: some Sequence<UInt8>, into result: inout [UInt8]) {
        var inBraces = false
        var afterBrace = false
        for byte in segment {
            if inBraces {
                if byte == UInt8(ascii: "}") { inBraces = false; afterBrace = true }
                continue
            }
            if afterBrace && byte == UInt8(ascii: "}") { continue }
            afterBrace = false
            switch byte {
            case UInt8(ascii: "{"): inBraces = true; result.append(UInt8(ascii: "{")); result.append(UInt8(ascii: "}"))
            case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: " "), UInt8(ascii: "\t"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): result.append(byte + 32)
            default: result.append(byte)
            }
        }
    }

    /// Whether `normalize` changes this byte (upper case, braces, quotes, white space).
    private static func changesInKey(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "'"),
             UInt8(ascii: "\""), UInt8(ascii: " "), UInt8(ascii: "\t"): true
        default: false
        }
    }

    /// The `/`-separated segments of a template before any `?`, empty ones left out.
    package static func segments(ofTemplate template: String) -> [String] {
        var template = template
        return template.withUTF8 { bytes in
            bytes[..<(bytes.firstIndex(of: UInt8(ascii: "?")) ?? bytes.count)].split(separator: UInt8(ascii: "/"))
                .map { String(decoding: UnsafeBufferPointer(rebasing: $0), as: UTF8.self) }
        }
    }

    /// Joins a drive-item path into one segment: after a segment ending in `:` (such as `root:`), the following
    /// segments up to and including the next one ending in `:` (or the end) are one segment.
    package static func groupItemPaths(_ segments: [String]) -> [String] {
        guard segments.contains(where: { $0.utf8.last == UInt8(ascii: ":") }) else { return segments }
        var result: [String] = []
        var index = 0
        while index < segments.count {
            let segment = segments[index]
            result.append(segment)
            index += 1
            guard segment.utf8.count > 1, segment.utf8.last == UInt8(ascii: ":"), index < segments.count else {
                continue
            }
            var item: [String] = []
            while index < segments.count {
                item.append(segments[index])
                index += 1
                if item.last!.utf8.last == UInt8(ascii: ":") { break }
            }
            result.append(item.joined(separator: "/"))
        }
        return result
    }
}
