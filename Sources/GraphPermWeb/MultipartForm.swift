import Foundation

/// One field of a submitted form: its name, the file name a file input sent (nil for a text field), and its bytes.
///
///     FormPart(name: "calls", fileName: nil, value: Array("GET /me".utf8)).text  // "GET /me"
struct FormPart: Sendable, Equatable {
    let name: String
    let fileName: String?
    let value: [UInt8]

    /// The value as UTF-8 text (malformed bytes become U+FFFD).
    var text: String { String(decoding: value, as: UTF8.self) }
}

/// A `multipart/form-data` body (RFC 7578) read into its parts: what a browser sends for a form with a file input.
///
///     let body = Array("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b--\r\n".utf8)
///     try MultipartForm.parts(body, contentType: "multipart/form-data; boundary=b").map(\.text)  // ["1"]
enum MultipartForm {
    /// The most parts a body may have (the need form has three fields).
    static let maxParts = 32
    /// The most bytes of headers one part may have.
    static let maxHeaderBytes = 8 << 10

    /// The parts of `body`, in order, or a 400 saying what is wrong with it.
    static func parts(_ body: [UInt8], contentType: String) throws(WebError) -> [FormPart] {
        guard let boundary = parameter("boundary", of: contentType), !boundary.isEmpty, boundary.utf8.count <= 200
        else {
            throw bad(
                "the Content-Type multipart/form-data names no boundary (expected `boundary=…`, 1 to 200 characters)")
        }
        let opening = Array("--\(boundary)".utf8)
        let delimiter = Array("\r\n--\(boundary)".utf8)
        // The body starts with the first delimiter (a preamble before it is allowed and ignored).
        guard var cursor = body.starts(with: opening) ? opening.count : find(delimiter, in: body, from: 0).map({
            $0 + delimiter.count
        }) else {
            throw bad("the body does not contain the boundary \"\(boundary)\" its Content-Type names")
        }
        var parts: [FormPart] = []
        while true {
            // After a delimiter: `--` closes the body, else CRLF starts a part.
            if body[cursor...].starts(with: [45, 45]) { return parts }
            guard body[cursor...].starts(with: [13, 10]) else {
                throw bad("byte \(cursor): expected CRLF or `--` after the boundary")
            }
            cursor += 2
            guard parts.count < maxParts else { throw bad("the body has more than \(maxParts) parts") }
            guard let headerEnd = find([13, 10, 13, 10], in: body, from: cursor),
                  headerEnd - cursor <= maxHeaderBytes
            else {
                throw bad("part \(parts.count + 1) (byte \(cursor)): expected headers ending in an empty line")
            }
            let headers = String(decoding: body[cursor..<headerEnd], as: UTF8.self)
            guard let end = find(delimiter, in: body, from: headerEnd + 4) else {
                throw bad("part \(parts.count + 1): the closing boundary \"--\(boundary)--\" is missing")
            }
            parts.append(try part(headers: headers, value: Array(body[(headerEnd + 4)..<end]), index: parts.count + 1))
            cursor = end + delimiter.count
        }
    }

    /// A part from its header lines: `Content-Disposition: form-data; name="…"[; filename="…"]` is required.
    private static func part(headers: String, value: [UInt8], index: Int) throws(WebError) -> FormPart {
        let disposition = headers.split(separator: "\r\n").first {
            $0.lowercased().hasPrefix("content-disposition:")
        }
        guard let disposition, let name = parameter("name", of: String(disposition)) else {
            throw bad("part \(index): expected a header `Content-Disposition: form-data; name=\"…\"`")
        }
        return FormPart(name: name, fileName: parameter("filename", of: String(disposition)), value: value)
    }

    /// The value of `name=value` or `name="quoted value"` among a header's `;`-separated parameters.
    static func parameter(_ name: String, of header: String) -> String? {
        let scalars = Array(header.unicodeScalars)
        var index = 0
        while index < scalars.count {
            // Skip to the next parameter.
            guard let semicolon = scalars[index...].firstIndex(of: ";") else { return nil }
            index = semicolon + 1
            while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
            var key = ""
            while index < scalars.count, scalars[index] != "=", scalars[index] != ";" {
                key.unicodeScalars.append(scalars[index])
                index += 1
            }
            guard index < scalars.count, scalars[index] == "=" else { continue }
            index += 1
            var value = ""
            if index < scalars.count, scalars[index] == "\"" {
                index += 1
                // Browsers write `"` as %22 and no backslash escapes (HTML's form encoding), so `\` is itself.
                while index < scalars.count, scalars[index] != "\"" {
                    value.unicodeScalars.append(scalars[index])
                    index += 1
                }
                index += 1
            } else {
                while index < scalars.count, scalars[index] != ";" {
                    value.unicodeScalars.append(scalars[index])
                    index += 1
                }
                value = value.trimmingCharacters(in: .whitespaces)
            }
            if key.trimmingCharacters(in: .whitespaces).lowercased() == name { return value }
            if index < scalars.count, scalars[index] != ";" {
                guard let next = scalars[index...].firstIndex(of: ";") else { return nil }
                index = next
            }
        }
        return nil
    }

    /// Where `needle` first starts in `haystack` at or after `start`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private static func bad(_ message: String) -> WebError {
        WebError(status: 400, exitCode: 65, message: "the form's multipart body cannot be read: \(message)")
    }
}
