/// One entry of Microsoft's index for a (path, method, scheme): a permission, its `AlsoRequires` partners
/// (any one of them) and its least-privilege marker.
public struct Claim: Sendable, Equatable {
    public let permission: String
    public let alsoRequires: [String]
    public let isLeast: Bool

    /// How Microsoft labels a least-privileged claim: `Perm`, or `Perm and FirstPartner`.
    public var label: String {
        alsoRequires.first.map { "\(permission) and \($0)" } ?? permission
    }
}

/// The claims of one path template (or of variants merged into one), indexed the way the least-privilege
/// rules read them.
///
///     let set = ClaimSet(grants: grantsOfMeMessages)
///     set.claims(method: "GET", scheme: .delegatedWork).map(\.permission)  // ["Mail.Read", "Mail.ReadBasic", "Mail.ReadWrite"]
public struct ClaimSet: Sendable {
    private var byMethodScheme: [String: [Claim]] = [:]
    private var methodsByPermission: [String: Set<String>] = [:]
    /// The methods any grant allows, in sorted order.
    public let methods: [String]
    /// Whether any grant came from Microsoft's permissions document (else from the Security API table).
    public let sources: Set<GrantSource>

    public init(grants: [Grant]) {
        let ordered = grants.sorted { ($0.claimOrder, $0.template) < ($1.claimOrder, $1.template) }
        var seen = Set<String>()
        var methods = Set<String>()
        var sources = Set<GrantSource>()
        for grant in ordered {
            let key = Self.key(grant.method, grant.scheme)
            methodsByPermission[Self.key(grant.permission, grant.scheme), default: []].insert(grant.method)
            methods.insert(grant.method)
            sources.insert(grant.source)
            let identity = key + "\u{1}" + grant.permission + "\u{1}" + grant.alsoRequires.joined(separator: ",")
            guard seen.insert(identity).inserted else { continue }
            byMethodScheme[key, default: []].append(Claim(permission: grant.permission, alsoRequires: grant.alsoRequires, isLeast: grant.isLeast))
        }
        self.methods = methods.sorted()
        self.sources = sources
    }

    /// The claims for (method, scheme), in Microsoft's order.
    public func claims(method: String, scheme: Scheme) -> [Claim] {
        byMethodScheme[Self.key(method, scheme)] ?? []
    }

    /// The methods `permission` grants on this template under `scheme`.
    public func methods(of permission: String, scheme: Scheme) -> Set<String> {
        methodsByPermission[Self.key(permission, scheme)] ?? []
    }

    /// Whether any scheme grants `method`.
    public func supports(method: String) -> Bool { methods.contains(method) }

    private static func key(_ first: String, _ scheme: Scheme) -> String { first + "\u{0}" + scheme.rawValue }
}
