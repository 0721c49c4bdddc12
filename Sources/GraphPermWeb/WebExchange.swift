import Foundation
import GraphPermCore

/// A request as the explorer sees it: method, percent-decoded path, query parameters and body.
///
///     WebRequest(method: "GET", target: "/api/least?method=GET&url=%2Fme").parameter("url")  // "/me"
package struct WebRequest: Sendable {
    package let method: String
    /// The path, percent-decoded.
    package let path: String
    /// The query parameters in their order, percent-decoded (`+` is a space).
    package let query: [(name: String, value: String)]
    package let body: [UInt8]
    /// The Content-Type header, if any.
    package let contentType: String?

    /// A request for `target` (a path with an optional `?query`).
    package init(method: String, target: String, body: [UInt8] = [], contentType: String? = nil) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        self.method = method.uppercased()
        path = FormText.decode(String(parts.first ?? "/"), plusIsSpace: false)
        query = parts.count > 1 ? FormText.pairs(String(parts[1])) : []
        self.body = body
        self.contentType = contentType
    }

    /// The first value of a query parameter (names compared without regard to letter case).
    package func parameter(_ name: String) -> String? {
        query.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The body's form fields (`application/x-www-form-urlencoded`).
    package var formFields: [(name: String, value: String)] { FormText.pairs(String(decoding: body, as: UTF8.self)) }

    /// The first value of a form field.
    package func field(_ name: String) -> String? { formFields.first { $0.name == name }?.value }

    /// The body's form fields, from a `multipart/form-data` body (a form with a file input) or an urlencoded one.
    func formParts() throws(WebError) -> [FormPart] {
        if let contentType, contentType.lowercased().hasPrefix("multipart/form-data") {
            return try MultipartForm.parts(body, contentType: contentType)
        }
        return formFields.map { FormPart(name: $0.name, fileName: nil, value: Array($0.value.utf8)) }
    }
}

/// A response: status, content type, body, and any extra headers.
package struct WebResponse: Sendable {
    package var status: Int
    package var contentType: String
    package var body: [UInt8]
    package var headers: [(name: String, value: String)]

    /// A response of `text` as UTF-8.
    package init(status: Int = 200, contentType: String, text: String, headers: [(name: String, value: String)] = []) {
        self.status = status
        self.contentType = contentType
        self.body = Array(text.utf8)
        self.headers = headers
    }

    /// An HTML page.
    static func html(_ text: String, status: Int = 200) -> WebResponse {
        WebResponse(status: status, contentType: "text/html; charset=utf-8", text: text)
    }

    /// A JSON document.
    static func json(_ text: String, status: Int = 200) -> WebResponse {
        WebResponse(status: status, contentType: "application/json; charset=utf-8", text: text)
    }

    /// The headers every response carries: a strict Content-Security-Policy (scripts and styles only from this
    /// server, no frames, forms only to it) and no MIME sniffing.
    package static let securityHeaders: [(name: String, value: String)] = [
        ("Content-Security-Policy", contentSecurityPolicy),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("X-Frame-Options", "DENY"),
    ]

    /// The Content-Security-Policy of every response.
    package static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
}

/// Percent-decoding of URL paths, query strings and form bodies.
enum FormText {
    /// `a=1&b=x+y` → [("a", "1"), ("b", "x y")].
    static func pairs(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(String(parts[0]), plusIsSpace: true),
                    parts.count > 1 ? decode(String(parts[1]), plusIsSpace: true) : "")
        }
    }

    /// Decodes `%XX` (a malformed escape stays as written) and, in forms, `+` as a space.
    static func decode(_ text: String, plusIsSpace: Bool) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "%")) || (plusIsSpace && bytes.contains(UInt8(ascii: "+"))) else {
            return text
        }
        return String(decoding: PercentDecoding.bytes(bytes, plusIsSpace: plusIsSpace), as: UTF8.self)
    }

    /// Percent-encodes everything but unreserved characters, for links.
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(UnicodeScalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    /// The string with zeros in front up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
