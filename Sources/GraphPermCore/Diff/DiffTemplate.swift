/// The identity of a path template in a diff: the template in lower case with every `{...}` written `{}`, so that
/// its letter-case variants and parameter names are one operation. Nothing else changes (query strings, `root:/{}:`
/// and a trailing `/` are kept); a template with unbalanced or nested braces (`/chats/{id}}/...`) has none and is
/// left out of the diff, as `Scripts/snapshot_diff.py` does.
///
///     DiffTemplate.key("/users/{user-id}/Messages")  // "/users/{}/messages"
///     DiffTemplate.key("/chats/{id}}/messages")      // nil
package enum DiffTemplate {
    package static func key(_ template: String) -> String? {
        var key: [UInt8] = []
        key.reserveCapacity(template.utf8.count)
        var insideBraces = false
        for byte in template.utf8 {
            switch byte {
            case UInt8(ascii: "{"):
                guard !insideBraces else { return nil }
                insideBraces = true
                key.append(byte)
            case UInt8(ascii: "}"):
                guard insideBraces else { return nil }
                insideBraces = false
                key.append(byte)
            case _ where insideBraces: continue
            default: key.append(byte)
            }
        }
        guard !insideBraces else { return nil }
        return String(decoding: key, as: UTF8.self).lowercased()
    }
}

/// Ordinal (code point) order of text, the order every list of a diff is sorted in.
///
///     Ordinal.less("Z", "a")  // true
package enum Ordinal {
    package static func less(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    /// Whether the fields of `lhs` precede those of `rhs`, compared in order.
    package static func less(_ lhs: [String], _ rhs: [String]) -> Bool {
        for (left, right) in zip(lhs, rhs) where left != right { return less(left, right) }
        return lhs.count < rhs.count
    }
}
