import GraphPermQuery
/// A permission name split per Microsoft's naming pattern `{resource}.{operation}.{constraint}`.
///
///     PermissionName("Application.ReadWrite.OwnedBy")  // "Application", "ReadWrite", constraint "OwnedBy"
///     PermissionName("User.Read")                      // constraint nil
///     PermissionName("offline_access")                 // operation nil
package struct PermissionName: Hashable, Sendable {
    package let text: String
    package let resource: String
    package let operation: String?
    package let constraint: String?

    package init(_ text: String) {
        self.text = text
        // Split at the first two dots by bytes (a knowledge base splits thousands of names).
        let dots = text.utf8.indices.lazy.filter { text.utf8[$0] == UInt8(ascii: ".") }.prefix(2)
        let first = dots.first
        let second = dots.dropFirst().first
        resource = String(text[..<(first ?? text.endIndex)])
        operation = first.map { String(text[text.utf8.index(after: $0)..<(second ?? text.endIndex)]) }
        constraint = second.map { String(text[text.utf8.index(after: $0)...]) }
    }

    /// Rank of the operation for inferred answers: lower is less privileged (`ReadBasic` < `Read` < `ReadWrite` ...).
    package var operationRank: Int {
        guard let operation else { return 50 }
        if let rank = Self.operationRanks[operation] ?? Self.operationRanks[operation.lowercased()] { return rank }
        if operation.hasPrefix("ReadWrite") || operation.hasPrefix("Manage") { return 65 }
        if operation.hasPrefix("Read") { return 15 }
        return 50
    }

    /// `ReadBasic` < `Read` < `ReadWriteBasic` < `Create` < `Invite` < `Send` < `ReadWrite` < `Manage` < `ReadWriteAll`
    /// < `FullControl`, as written and in lower case.
    private static let operationRanks: [String: Int] = {
        let order = [
            "ReadBasic", "Read", "ReadWriteBasic", "Create", "Invite", "Send", "ReadWrite", "Manage", "ReadWriteAll",
            "FullControl",
        ]
        var ranks: [String: Int] = [:]
        for (index, name) in order.enumerated() {
            ranks[name] = index * 10
            ranks[name.lowercased()] = index * 10
        }
        return ranks
    }()

    /// Rank of the constraint for inferred answers: none < `OwnedBy`/`Selected`/`AppFolder` < `Shared` < `All`.
    package var constraintRank: Int {
        switch constraint?.lowercased() {
        case nil: 0
        case "ownedby", "selected", "appfolder", "hidden"?: 1
        case "shared": 2
        case "all": 3
        default: 2
        }
    }

    /// The permission that writes what this one reads: `User.Read.All` → `User.ReadWrite.All`, `Mail.ReadBasic`
    /// → `Mail.ReadWrite`; nil for a permission that does not read.
    package var writeSibling: String? {
        guard let operation, operation == "Read" || operation == "ReadBasic" else { return nil }
        return resource + ".ReadWrite" + (constraint.map { "." + $0 } ?? "")
    }

    /// Whether this operation allows the given HTTP method by its name alone (inferred mode).
    package func operationAllows(method: String) -> Bool {
        guard let operation = operation?.lowercased() else { return false }
        if HTTPMethod(userText: method)?.onlyReads ?? false {
            return operation.hasPrefix("read") || operation == "manage" || operation == "fullcontrol"
        }
        return operation.hasPrefix("readwrite") || operation == "manage" || operation == "fullcontrol"
            || (method == "POST" && (operation == "create" || operation == "send" || operation == "invite"))
    }
}
