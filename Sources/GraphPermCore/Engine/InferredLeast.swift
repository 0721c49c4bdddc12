/// Least privilege from the naming pattern alone, for a knowledge base without path data: the permissions whose
/// `{resource}` fits the URL, ranked by operation (`ReadBasic` < `Read` < `ReadWrite` ...) and constraint
/// (none < `OwnedBy`/`Selected` < `All`).
///
///     InferredLeast.resources(for: RequestPath("/me/messages"))  // ["mail", "message"]
package enum InferredLeast {
    /// Segment words that name a different permission resource.
    package static let aliases: [String: [String]] = [
        "me": ["user"], "users": ["user"], "messages": ["mail"], "mailfolders": ["mail"], "events": ["calendars"],
        "calendar": ["calendars"], "calendars": ["calendars"], "contacts": ["contacts"], "contactfolders": ["contacts"],
        "drive": ["files"], "drives": ["files"], "items": ["files"], "root": ["files"], "sites": ["sites"],
        "groups": ["group"], "members": ["groupmember", "group"], "owners": ["group"], "applications": ["application"],
        "serviceprincipals": ["application"], "devices": ["device"], "teams": ["team"], "channels": ["channel"],
        "chats": ["chat"], "onlinemeetings": ["onlinemeetings"], "planner": ["tasks"], "todo": ["tasks"],
        "alerts": ["securityevents"], "securescores": ["securityevents"], "auditlogs": ["auditlog"],
        "directoryroles": ["rolemanagement"],
        "notebooks": ["notes"], "onenote": ["notes"], "presence": ["presence"], "people": ["people"],
        "policies": ["policy"]
    ]

    /// Candidate resource names (lower case) for a request, most specific segment first.
    package static func resources(for request: RequestPath) -> [String] {
        var names: [String] = []
        for segment in request.normalized.reversed()
        where segment.utf8.allSatisfy({ ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }) {
            names += aliases[segment] ?? []
            names.append(segment)
            if segment.hasSuffix("s") { names.append(String(segment.dropLast())) }
        }
        return names.uniqued()
    }

    /// Whether `lhs` is less privileged by its name: operation rank, then constraint rank, then Microsoft's name order.
    package static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        let (left, right) = (PermissionName(lhs), PermissionName(rhs))
        if left.operationRank != right.operationRank { return left.operationRank < right.operationRank }
        if left.constraintRank != right.constraintRank { return left.constraintRank < right.constraintRank }
        return KibaliCollation.less(lhs, rhs)
    }

    /// Ranks `permissions` (name and schemes it exists in) for a method and scheme.
    package static func rank(_ permissions: [String], method: String) -> [String] {
        permissions.filter { PermissionName($0).operationAllows(method: method) }.sorted(by: precedes)
    }
}
