import GraphPermKit
/// Whether a line holds anything shaped like a credential, anywhere in it: what the REPL never writes to its
/// history. Pure; errs towards "yes" (a line left out of history costs little).
///
///     TokenShape.appears(in: "show Mail.Read")                  // false
///     TokenShape.appears(in: "show eyJ eyJ0eXAiOiJKV1QiLCJh")   // true (any word starting a JWT, not only the first)
///     TokenShape.appears(in: "least GET /me?t=%65yJ0eXAiOiJK")  // true (percent-encoded)
///     TokenShape.appears(in: "-- Authorization: Bearer abc")    // true
package enum TokenShape {
    /// Characters of base64url, base64 and JWT parts.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "."): true
        default: false
        }
    }

    /// A run of token characters this long is treated as a secret even without a JWT's shape (permission names
    /// and template segments are far shorter).
    static let opaqueLength = 80

    package static func appears(in line: String) -> Bool {
        var text = Array(line.utf8)
        // Percent-encoding, nested a few times (`%2565yJ` is `%65yJ` is `eyJ`), hides nothing.
        for _ in 0..<4 {
            if holdsToken(text) { return true }
            let decoded = PercentDecoding.bytes(text)
            if decoded == text { return false }
            text = decoded
        }
        return holdsToken(text)
    }

    static func holdsToken(_ bytes: [UInt8]) -> Bool {
        let lower = bytes.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 + 32 : $0 }
        if contains(lower, "bearer") { return true }
        // A JWT's header is base64url of `{"`: it always starts with eyJ, and so does each part that is JSON.
        if contains(bytes, "eyJ") { return true }
        var run = 0
        for byte in bytes {
            run = isTokenByte(byte) ? run + 1 : 0
            if run >= opaqueLength { return true }
        }
        return false
    }

    private static func contains(_ bytes: [UInt8], _ word: String) -> Bool {
        let needle = Array(word.utf8)
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start..<start + needle.count].elementsEqual(needle) {
            return true
        }
        return false
    }
}
