/// The normalised key of a template: lower case, parameters as `{}`.
///
///     TemplateKey.of("/users/{user-id}/Messages")  // "/users/{}/messages"
package enum TemplateKey {
    package static func of(_ template: String) -> String {
        var template = template
        // With no drive-item path to group, the key is made from the bytes in one pass (a load makes thousands).
        let key: [UInt8]? = template.withUTF8 { bytes in
            let mark = bytes.firstIndex(of: UInt8(ascii: "?"))
            let segments = bytes[..<(mark ?? bytes.endIndex)].split(separator: UInt8(ascii: "/"))
            guard !segments.contains(where: { $0.last == UInt8(ascii: ":") }) else { return nil }
            var key: [UInt8] = []
            key.reserveCapacity(bytes.count + 8)
            for segment in segments {
                key.append(UInt8(ascii: "/"))
                PathSegments.normalize(segment, into: &key)
            }
            if key.isEmpty { key.append(UInt8(ascii: "/")) }
            if let mark {
                key.append(UInt8(ascii: "?"))
                PathSegments.normalize(bytes[(mark + 1)...], into: &key)
            }
            return key
        }
        return key.map { String(decoding: $0, as: UTF8.self) } ?? grouped(template)
    }

    private static func grouped(_ template: String) -> String {
        var query = ""
        if let mark = template.utf8.firstIndex(of: UInt8(ascii: "?")) {
            query = "?" + PathSegments.normalize(String(template[template.index(after: mark)...]))
        }
        let segments = PathSegments.groupItemPaths(PathSegments.segments(ofTemplate: template))
        return "/" + segments.map(PathSegments.normalize).joined(separator: "/") + query
    }
}
