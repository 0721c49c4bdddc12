/// The normalised key of a template: lower case, parameters as `{}`.
///
///     TemplateKey.of("/users/{user-id}/Messages")  // "/users/{}/messages"
public enum TemplateKey {
    public static func of(_ template: String) -> String {
        var path = Substring(template)
        var query = ""
        if let mark = template.utf8.firstIndex(of: UInt8(ascii: "?")) {
            path = template[..<mark]
            query = "?" + PathSegments.normalize(String(template[template.index(after: mark)...]))
        }
        let segments = path.utf8.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
        return "/" + PathSegments.groupItemPaths(segments).map(PathSegments.normalize).joined(separator: "/") + query
    }
}
