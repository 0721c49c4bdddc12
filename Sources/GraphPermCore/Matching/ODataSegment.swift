import GraphPermJSON
/// How Microsoft Graph reads the OData parts of a URL, and the other spellings of a request they allow.
///
/// `$count` counts a collection (the collection's GET), `$value` is an entity's media (the entity's method),
/// `$ref` addresses the reference of a navigation property (the property's method), a namespace-qualified
/// name is a type cast (it filters by type) or the same function or action as its short name, and
/// `/myorganization` (or a tenant ID or domain in its place) is the signed-in tenant. Where Microsoft's data has a
/// template for the form as written, that form wins: these readings are tried only after it.
///
///     ODataSegment.readings(of: RequestPath("/groups/1/members/$ref")).map(\.request.displayPath)
///     // ["/groups/1/members"]
package enum ODataSegment {
    /// One other reading of a request, and what it rests on.
    package struct Reading {
        package let request: RequestPath
        package let note: String
    }

    /// Segments a template's `{id}` never stands for.
    package static func isReserved(_ normalized: String) -> Bool {
        // Bytes first: every request segment passes here, and most are plain names or IDs.
        let utf8 = normalized.utf8
        guard let first = utf8.first else { return false }
        if first == UInt8(ascii: "$") { return true }
        let isQualified = (first == UInt8(ascii: "m") && utf8.starts(with: "microsoft.graph.".utf8))
            || (first == UInt8(ascii: "d") && utf8.starts(with: "default.".utf8))
        if isQualified { return qualifiedName(normalized) != nil }
        return utf8.last == UInt8(ascii: ")") && isFunctionCall(normalized)
    }

    /// `getbyids` for `microsoft.graph.getbyids`, `user` for `microsoft.graph.user` (normalised text).
    package static func qualifiedName(_ normalized: String) -> String? {
        for prefix in ["microsoft.graph.", "default."] where normalized.hasPrefix(prefix) {
            let rest = normalized.dropFirst(prefix.count)
            let name = rest.prefix { $0 != "(" }
            // Sub-namespaces (`microsoft.graph.windowsupdates.azureaddevice`): the name after the last dot.
            let short = name.split(separator: ".").last.map(String.init) ?? String(name)
            return short.isEmpty ? nil : short + rest.dropFirst(name.count)
        }
        return nil
    }

    /// `delta()`, `getpstncalls(fromdatetime=…)`, `users(abc)`: a name followed by parentheses.
    private static func isFunctionCall(_ normalized: String) -> Bool {
        guard normalized.hasSuffix(")"), let open = normalized.firstIndex(of: "("), open != normalized.startIndex else {
            return false
        }
        return normalized[..<open].allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
    }

    /// The other readings of `request`, most faithful first (a request without OData parts has none).
    package static func readings(of request: RequestPath, method: String) -> [Reading] {
        var options: [[(segments: [RequestPath.Segment], note: String?)]] = []
        for (index, segment) in request.segments.enumerated() {
            options.append([([segment], nil)] + alternatives(segment, at: index, of: request, method: method))
        }
        // Every combination, fewest changes first, at most 32 (a real URL has one or two such segments).
        var combinations: [(segments: [RequestPath.Segment], notes: [String])] = [([], [])]
        let hasAlternatives = options.contains { $0.count > 1 }
        for choices in options where hasAlternatives {
            combinations = combinations.flatMap { partial in
                choices.map { choice in
                    (partial.segments + choice.segments, partial.notes + (choice.note.map { [$0] } ?? []))
                }
            }
            if combinations.count > 32 { combinations = Array(combinations.prefix(32)) }
        }
        // A site's drive is a drive: `/sites/{site}/drives/{drive}/…` is `/drives/{drive}/…`.
        let plain = request.segments.map(\.normalized)
        if plain.count > 4, plain[0] == "sites", plain[2] == "drives" {
            combinations.append((Array(request.segments.dropFirst(2)), ["a site's drive is addressed as /drives/{id}"]))
        }
        // `/drive` is the signed-in user's drive: `/me/drive`.
        if plain.first == "drive" {
            combinations.append(
                ([RequestPath.Segment("me")] + request.segments, ["/drive is the signed-in user's drive, /me/drive"]))
        }
        return combinations.filter { !$0.notes.isEmpty }
            .enumerated().sorted { ($0.element.notes.count, $0.offset) < ($1.element.notes.count, $1.offset) }
            .map {
                Reading(
                    request: RequestPath(segments: $0.element.segments, host: request.host, query: request.query),
                    note: $0.element.notes.joined(separator: "; "))
            }
    }

    private static func alternatives(
        _ segment: RequestPath.Segment, at index: Int, of request: RequestPath,
        method: String
    ) -> [(segments: [RequestPath.Segment], note: String?)] {
        let text = segment.normalized
        let isLast = index == request.segments.count - 1
        switch text {
        case "$count" where isLast:
            return [([], "$count counts the collection: answered as GET on it")]
        case "$value" where isLast:
            return [([], "$value is the entity's media content: answered as \(method) on the entity")]
        case "$ref" where isLast:
            return [
                ([], "$ref addresses the reference of a navigation property: answered as \(method) on the property")
            ]
        case "myorganization" where index == 0:
            return [([], "/myorganization is the signed-in user's tenant: answered without it")]
        default:
            break
        }
        if index == 0, isTenant(text), request.segments.count > 1 {
            return [([], "\(text) names a tenant: answered without it")]
        }
        if let short = qualifiedName(text) {
            let isCall = short.hasSuffix(")")
            var result: [([RequestPath.Segment], String?)] = [
                ([RequestPath.Segment(name: short)], "\(text) is the function or action \(short)")
            ]
            if !isCall {
                result.append(([], "\(text) is a type cast: it filters the results by type, answered without it"))
            }
            return result
        }
        if isFunctionCall(text), segment.keySplit == nil, let open = text.firstIndex(of: "(") {
            let name = String(text[..<open])
            return [([RequestPath.Segment(name: name)], "\(text) calls the function \(name)")]
        }
        return []
    }

    /// A tenant ID (a GUID) or a domain (`contoso.onmicrosoft.com`) where Azure AD Graph put the tenant.
    private static func isTenant(_ text: String) -> Bool {
        if text.hasSuffix(".onmicrosoft.com") { return true }
        let parts = text.split(separator: "-")
        return parts.map(\.count) == [8, 4, 4, 4, 12] && parts.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}
