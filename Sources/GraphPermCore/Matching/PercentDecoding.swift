/// `%XX` escapes decoded, for URL paths, query strings, form bodies and the REPL's token filter. A malformed escape
/// stays as written.
///
///     PercentDecoding.bytes(Array("a%2Fb+c".utf8), plusIsSpace: true)  // "a/b c" as bytes
package enum PercentDecoding {
    /// The decoded bytes; with `plusIsSpace` (form bodies), `+` is a space.
    package static func bytes(_ bytes: some Collection<UInt8>, plusIsSpace: Bool = false) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            let first = bytes.index(after: index)
            if byte == UInt8(ascii: "%"), first != bytes.endIndex, bytes.index(after: first) != bytes.endIndex,
                let high = hexValue(bytes[first]), let low = hexValue(bytes[bytes.index(after: first)])
            {
                result.append(high << 4 | low)
                index = bytes.index(first, offsetBy: 2)
                continue
            }
            result.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index = first
        }
        return result
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
