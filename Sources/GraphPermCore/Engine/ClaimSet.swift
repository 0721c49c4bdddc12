/// One entry of Microsoft's index for a (path, method, scheme): a permission, its `AlsoRequires` partners
/// (any one of them) and its least-privilege marker.
package struct Claim: Sendable, Equatable {
    package let permission: String
    package let alsoRequires: [String]
    package let isLeast: Bool

    /// The permission with its first partner, as Microsoft's documentation reads a least-privileged claim.
    package var requirement: Requirement { Requirement(permission, alsoRequires: alsoRequires.first) }

    /// How Microsoft labels a least-privileged claim: `Perm`, or `Perm and FirstPartner`.
    package var label: String { requirement.label }
}

/// The claims of one path template (or of variants merged into one), indexed the way the least-privilege
/// rules read them.
///
///     let set = ClaimSet(grants: grantsOfMeMessages)
///     set.claims(method: "GET", scheme: .delegatedWork).map(\.permission)
///     // ["Mail.Read", "Mail.ReadBasic", "Mail.ReadWrite"]
package struct ClaimSet: Sendable {
    /// A dictionary key made of a name (a method or a permission) and a scheme.
    private struct Key: Hashable {
        let name: String
        let scheme: Scheme
    }

    /// What makes two grants one claim: the same method, scheme, permission and partners.
    private struct Identity: Hashable {
        let methodScheme: Key
        let permission: String
        let alsoRequires: [String]
    }

    private var byMethodScheme: [Key: [Claim]] = [:]
    private var methodsByPermission: [Key: Set<String>] = [:]
    /// The methods any grant allows, in sorted order.
    package let methods: [String]
    /// Whether any grant came from Microsoft's permissions document (else from the Security API table).
    package let sources: Set<GrantSource>

    package init(grants: [Grant]) {
        let ordered = grants.sorted { ($0.claimOrder, $0.template) < ($1.claimOrder, $1.template) }
        var seen = Set<Identity>()
        var methods = Set<String>()
        var sources = Set<GrantSource>()
        for grant in ordered {
            let key = Key(name: grant.method, scheme: grant.scheme)
            methodsByPermission[Key(name: grant.permission, scheme: grant.scheme), default: []].insert(grant.method)
            methods.insert(grant.method)
            sources.insert(grant.source)
            guard
                seen.insert(Identity(methodScheme: key, permission: grant.permission, alsoRequires: grant.alsoRequires))
                    .inserted
            else { continue }
            byMethodScheme[key, default: []].append(
                Claim(permission: grant.permission, alsoRequires: grant.alsoRequires, isLeast: grant.isLeast))
        }
        self.methods = methods.sorted()
        self.sources = sources
    }

    /// The claims for (method, scheme), in Microsoft's order.
    package func claims(method: String, scheme: Scheme) -> [Claim] {
        byMethodScheme[Key(name: method, scheme: scheme)] ?? []
    }

    /// The methods `permission` grants on this template under `scheme`.
    package func methods(of permission: String, scheme: Scheme) -> Set<String> {
        methodsByPermission[Key(name: permission, scheme: scheme)] ?? []
    }

    /// Whether any scheme grants `method`.
    package func supports(method: String) -> Bool { methods.contains(method) }
}
