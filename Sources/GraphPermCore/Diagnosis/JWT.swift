import GraphPermPlatform
import GraphPermJSON

/// Why a token cannot be read. Messages never quote the token.
package enum TokenError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case tooLarge(bytes: Int)
    case wrongSegmentCount(Int)
    case encrypted
    case badBase64(part: String, offset: Int)
    case notJSON(part: String, detail: String)
    case notAnObject(part: String)

    package var description: String {
        switch self {
        case .empty: "the token is empty"
        case .tooLarge(let bytes): "the token is \(bytes) bytes long; expected at most 65536"
        case .wrongSegmentCount(let count):
            "expected a JWT of three base64url parts joined by '.', found \(count) part\(count == 1 ? "" : "s")"
        case .encrypted:
            "the token is encrypted (JWE, five parts): only the resource can read it;"
                + " a Microsoft Graph access token is never encrypted for you"
        case .badBase64(let part, let offset):
            "the \(part) is not base64url: invalid character at position \(offset + 1) of that part"
        case .notJSON(let part, let detail): "the \(part) is not JSON (\(detail))"
        case .notAnObject(let part): "the \(part) is JSON but not an object"
        }
    }
}

/// A decoded JWT: header and payload claims. The signature is not verified.
///
///     try JWT.decode("eyJhbGciOiJub25lIn0.eyJzY3AiOiJVc2VyLlJlYWQifQ.").payload["scp"]  // .string("User.Read")
package struct JWT: Sendable, Equatable {
    package let header: JSONObject
    package let payload: JSONObject

    package static let maxBytes = 65_536

    /// A token made of already decoded parts (for `--claims FILE.json`).
    package init(header: JSONObject, payload: JSONObject) {
        self.header = header
        self.payload = payload
    }

    /// Decodes `text` (a leading `Bearer ` is accepted).
    package static func decode(_ text: String) throws(TokenError) -> JWT {
        var token = text.trimmed()
        if token.lowercased().hasPrefix("bearer ") {
            token = String(token.dropFirst(7)).trimmed()
        }
        guard !token.isEmpty else { throw .empty }
        guard token.utf8.count <= maxBytes else { throw .tooLarge(bytes: token.utf8.count) }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 5 { throw .encrypted }
        guard parts.count == 3 else { throw .wrongSegmentCount(parts.count) }
        return JWT(header: try object(parts[0], part: "header"), payload: try object(parts[1], part: "payload"))
    }

    private static func object(_ text: Substring, part: String) throws(TokenError) -> JSONObject {
        let bytes = try base64URLDecode(text, part: part)
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw .notJSON(part: part, detail: error.message)
        }
        guard case .object(let object) = value else { throw .notAnObject(part: part) }
        return object
    }

    /// Decodes base64url (RFC 4648 §5), padding optional.
    package static func base64URLDecode(_ text: Substring, part: String) throws(TokenError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        var sawPadding = false
        for (offset, character) in text.utf8.enumerated() {
            let value: UInt32
            switch character {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(character - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(character - UInt8(ascii: "a") + 26)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(character - UInt8(ascii: "0") + 52)
            case UInt8(ascii: "-"), UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "_"), UInt8(ascii: "/"): value = 63
            case UInt8(ascii: "="): sawPadding = true; continue
            default: throw .badBase64(part: part, offset: offset)
            }
            if sawPadding { throw .badBase64(part: part, offset: offset) }
            buffer = buffer << 6 | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        if bits >= 6 { throw .badBase64(part: part, offset: text.utf8.count - 1) }
        return bytes
    }
}
