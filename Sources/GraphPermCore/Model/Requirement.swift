/// What a call needs from one permission type: a permission, and the partner Microsoft's data says it needs with it
/// (its `AlsoRequires`), if any. The docs print it as `A` or `A and B`; programs read the two fields.
///
///     Requirement("User.EnableDisableAccount.All", alsoRequires: "User.Read.All").label
///     // "User.EnableDisableAccount.All and User.Read.All"
public struct Requirement: Sendable, Hashable, Codable {
    /// The permission.
    public let permission: String
    /// The permission it must be granted with, if any.
    public let alsoRequires: String?

    /// A requirement: `Requirement("Mail.Send", alsoRequires: "Mail.Read").label  // "Mail.Send and Mail.Read"`.
    public init(_ permission: String, alsoRequires: String? = nil) {
        self.permission = permission
        self.alsoRequires = alsoRequires.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Microsoft's documentation text: `A`, or `A and B`.
    public var label: String { alsoRequires.map { "\(permission) and \($0)" } ?? permission }

    /// Every permission it names: the permission, then its partner.
    public var permissions: [String] { [permission] + (alsoRequires.map { [$0] } ?? []) }
}
