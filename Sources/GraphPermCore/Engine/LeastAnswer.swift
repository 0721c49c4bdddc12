/// The answer to "which permission does this call need?", per scheme.
///
///     {"request": {"method": "GET", "url": "/security/alerts"}, "template": "/security/alerts",
///      "schemes": {"DelegatedWork": {"least": ["SecurityEvents.Read.All"],
///                                    "higher": ["SecurityEvents.ReadWrite.All"]},
///                  "DelegatedPersonal": null, "Application": {...}}, "basis": "documented", "notes": []}
public struct LeastAnswer: Sendable, Equatable {
    /// Least-privileged permissions (Microsoft's choice first, then equally least ones) and higher ones.
    public struct SchemeAnswer: Sendable, Equatable {
        /// Microsoft's choice first, then equally least ones; each a permission and its AlsoRequires partner.
        public let leastRequirements: [Requirement]
        /// The other permissions that grant the call.
        public let higherRequirements: [Requirement]
        /// The least privileged of the permissions that grant the call, by `PrivilegeOrder` (often the first least).
        public var recommendedRequirement: Requirement?
        /// Why `recommended` was chosen, in a sentence.
        public var why: String?
        /// The risk tier of each permission of `least` then `higher`, in that order (empty until `withTiers`).
        public var tiers: [TierMark?] = []

        package init(least: [Requirement], higher: [Requirement], recommended: Requirement? = nil, why: String? = nil) {
            self.leastRequirements = least
            self.higherRequirements = higher
            self.recommendedRequirement = recommended
            self.why = why
        }

        /// The least requirements as Microsoft's documentation prints them (`A`, `A and B`).
        public var least: [String] { leastRequirements.map(\.label) }
        /// The higher requirements as printed.
        public var higher: [String] { higherRequirements.map(\.label) }
        /// The recommended requirement as printed.
        public var recommended: String? { recommendedRequirement?.label }
    }

    /// What the privilege order reads of a permission in a scheme: admin consent and Microsoft's level.
    package typealias PermissionFacts = (_ permission: String, _ scheme: Scheme) -> (
        requiresAdminConsent: Bool?, privilegeLevel: Int?
    )

    /// What the answer rests on.
    public enum Basis: String, Sendable {
        /// Microsoft's permissions document and its least-privilege markers.
        case documented
        /// The Graph Security API authorization table shipped with graphperm.
        case securityTable = "security-table"
        /// The permission naming pattern alone (no path data loaded).
        case inferred
    }

    /// The HTTP method, upper-cased: `GET`.
    public let method: String
    /// The URL or path as asked: `https://graph.microsoft.com/v1.0/me/messages`.
    public private(set) var url: String
    /// The matched template (the first, when variants differing in case or parameter names are merged).
    public let template: String?
    /// Per scheme, in Microsoft's order; nil where the call does not support the scheme.
    public let schemes: [(scheme: Scheme, answer: SchemeAnswer?)]
    /// Where the answer comes from: `.documented` for Microsoft's own table.
    public let basis: Basis
    /// Remarks on how the URL was read (a query string left out, a version guessed), for the user.
    public let notes: [String]
    /// The JSON members after `request`: the same for every spelling of the URL, so rendered once (a batch
    /// prints thousands of cached answers).
    package let answerMembersJSON: String

    package init(
        method: String, url: String, template: String?, schemes: [(scheme: Scheme, answer: SchemeAnswer?)],
        basis: Basis, notes: [String]
    ) {
        self.method = method
        self.url = url
        self.template = template
        self.schemes = schemes
        self.basis = basis
        self.notes = notes
        answerMembersJSON = Self.answerMembersJSON(template: template, schemes: schemes, basis: basis, notes: notes)
    }

    private init(_ answer: LeastAnswer, url: String) {
        self = answer
        self.url = url
    }

    /// Two answers are equal when every field is (the tuples of `schemes` compared element by element).
    public static func == (lhs: LeastAnswer, rhs: LeastAnswer) -> Bool {
        lhs.method == rhs.method && lhs.url == rhs.url && lhs.template == rhs.template && lhs.basis == rhs.basis
            && lhs.notes == rhs.notes
            && lhs.schemes.map(\.scheme) == rhs.schemes.map(\.scheme)
            && lhs.schemes.map(\.answer) == rhs.schemes.map(\.answer)
    }

    /// The same answer with the risk tier of every permission it names (unchanged when it has them already).
    package func withTiers(_ lookup: (String, Scheme) -> TierMark?) -> LeastAnswer {
        if schemes.allSatisfy({ $0.answer.map { !$0.tiers.isEmpty } ?? true }) { return self }
        let tiered: [(scheme: Scheme, answer: SchemeAnswer?)] = schemes.map { entry in
            guard var answer = entry.answer else { return (entry.scheme, nil) }
            // A pair is as dangerous as its more dangerous permission (the lower tier).
            answer.tiers = (answer.leastRequirements + answer.higherRequirements).map { requirement in
                let marks = requirement.permissions.map { lookup($0, entry.scheme) }
                guard marks.allSatisfy({ $0 != nil }) else { return nil }
                return marks.compactMap { $0 }.min { $0.tier < $1.tier }
            }
            return (entry.scheme, answer)
        }
        return LeastAnswer(method: method, url: url, template: template, schemes: tiered, basis: basis, notes: notes)
    }

    /// The same answer for another spelling of the request URL.
    package func with(url: String) -> LeastAnswer {
        LeastAnswer(self, url: url)
    }

    /// The same answer for another spelling of the request URL, with notes on how it was read first.
    package func with(url: String, notes readingNotes: [String]) -> LeastAnswer {
        LeastAnswer(
            method: method, url: url, template: template, schemes: schemes, basis: basis, notes: readingNotes + notes)
    }

    /// This answer, given for a call Microsoft's data does not document: `basis` inferred, `note` saying what
    /// it rests on, and per scheme the permissions `rename` maps to (nil drops one).
    package func inferred(
        method: String, url: String, note: String, rename: (String, Scheme) -> String? = { name, _ in name }
    )
        -> LeastAnswer
    {
        let renamed: [(scheme: Scheme, answer: SchemeAnswer?)] = schemes.map { entry in
            guard let answer = entry.answer else { return (entry.scheme, nil) }
            func renamed(_ requirement: Requirement) -> Requirement? {
                rename(requirement.permission, entry.scheme).map {
                    Requirement($0, alsoRequires: requirement.alsoRequires.flatMap { rename($0, entry.scheme) })
                }
            }
            let least = answer.leastRequirements.compactMap(renamed).uniqued()
            guard !least.isEmpty else { return (entry.scheme, nil) }
            let higher = answer.higherRequirements.compactMap(renamed).uniqued().filter { !least.contains($0) }
            let recommended = answer.recommendedRequirement.flatMap(renamed)
            return (
                entry.scheme,
                SchemeAnswer(
                    least: least, higher: higher, recommended: recommended ?? least[0],
                    why: "inferred: \(note)")
            )
        }
        return LeastAnswer(
            method: method, url: url, template: nil, schemes: renamed, basis: .inferred,
            notes: [note] + notes.filter { $0.hasPrefix("Application: /me") })
    }

    /// The answer for one scheme (nil: not supported).
    public subscript(scheme: Scheme) -> SchemeAnswer? {
        schemes.first { $0.scheme == scheme }?.answer
    }

    /// Builds the answer from the claims of the matched template(s). `pathResources` are the resource names
    /// of the path (for the recommendation); `signedInUserOnly` marks a `/me` path, which an app-only token
    /// cannot call.
    package static func from(
        method: String, url: String, template: String?, claims: ClaimSet, only: Set<Scheme>? = nil,
        facts: PermissionFacts = { _, _ in (nil, nil) }, pathResources: [String] = [],
        signedInUserOnly: Bool = false
    ) -> LeastAnswer {
        var schemes: [(Scheme, SchemeAnswer?)] = []
        var notes: [String] = []
        for scheme in Scheme.allCases where only?.contains(scheme) ?? true {
            let claimList = claims.claims(method: method, scheme: scheme)
            guard !claimList.isEmpty else {
                schemes.append((scheme, nil))
                continue
            }
            if signedInUserOnly, scheme == .application {
                notes.append(
                    "Application: /me needs a signed-in user, which an app-only token has not: call /users/{id} instead"
                )
                schemes.append((scheme, nil))
                continue
            }
            let (row, _) = PermissionTable.row(method: method, scheme: scheme, claims: claims)
            var least: [Requirement]
            if let selection = LeastPrivilege.select(method: method, scheme: scheme, in: claims) {
                least = (selection.requirements + selection.ties.map(\.requirement)).uniqued()
                if selection.labels.count > 1 {
                    let labels = selection.labels.joined(separator: ", ")
                    notes.append(
                        "\(scheme.rawValue): Microsoft's data is ambiguous here (\(labels)); "
                            + "Microsoft's documentation shows the first")
                }
            } else {
                let ranked = claimList.map(\.permission).uniqued().sorted(by: InferredLeast.precedes)
                least = [Requirement(ranked[0])]
                notes.append(
                    """
                    \(scheme.rawValue): Microsoft's data marks no permission least privileged for this call; \
                    \(ranked[0]) is inferred from the permission names
                    """
                )
            }
            let higher =
                (row.leastCell == .notSupported
                    ? claimList.map(\.permission).uniqued().map { Requirement($0) } : row.higherCell.requirements)
                .filter { !least.contains($0) }
            var answer = SchemeAnswer(least: least, higher: higher)
            (answer.recommendedRequirement, answer.why) = recommendation(
                least: least, higher: higher, scheme: scheme, facts: facts, pathResources: pathResources)
            if let recommended = answer.recommended, recommended != least[0].label, let why = answer.why {
                notes.append("\(scheme.rawValue): recommended \(recommended) rather than \(least[0].label): \(why)")
            }
            schemes.append((scheme, answer))
        }
        let basis: Basis = claims.sources.contains(.document) ? .documented : .securityTable
        return LeastAnswer(method: method, url: url, template: template, schemes: schemes, basis: basis, notes: notes)
    }

    /// The least privileged of the requirements the docs table lists (`least`, then `higher`) by `PrivilegeOrder`, and
    /// why. A pair is one requirement whichever member Microsoft's data names first, and it allows what its more
    /// privileged member allows: that member stands for it in the order.
    private static func recommendation(
        least: [Requirement], higher: [Requirement], scheme: Scheme, facts: PermissionFacts, pathResources: [String]
    ) -> (Requirement?, String?) {
        let documented = least[0].label
        var memberSets = Set<Set<String>>()
        let requirements = (least + higher).filter { memberSets.insert(Set($0.permissions)).inserted }
        let candidates = requirements.map { requirement in
            let members = requirement.permissions.map { permission in
                let known = facts(permission, scheme)
                return PrivilegeOrder.Candidate(
                    label: requirement.label, permission: permission, isLeast: least.contains(requirement),
                    requiresAdminConsent: known.requiresAdminConsent, privilegeLevel: known.privilegeLevel)
            }
            return members.max { ($0.operations, $0.objects) < ($1.operations, $1.objects) } ?? members[0]
        }
        guard var best = PrivilegeOrder.first(of: candidates, pathResources: pathResources) else { return (nil, nil) }
        let shown = candidates.first { $0.label == documented } ?? candidates.first { $0.permission == documented }
        // Where a pair is involved, the order's tie-breaks (resource, markers, level) compare unlike things: only a
        // requirement plainly narrower than Microsoft's choice replaces it.
        if let shown, best.label != documented, requirements.contains(where: { $0.alsoRequires != nil }),
            !PrivilegeOrder.isNarrower(best, than: shown)
        {
            best = shown
        }
        let bestRequirement = requirements.first { $0.label == best.label } ?? Requirement(best.permission)
        if best.label == documented {
            return (
                bestRequirement,
                candidates.count == 1
                    ? "the only permission that grants this call"
                    : "Microsoft's choice; none of the \(candidates.count) that grant this call is less privileged"
            )
        }
        let reason =
            shown.map { PrivilegeOrder.reason(best, over: $0, pathResources: pathResources) }
            ?? "the least privileged by the privilege order"
        return (bestRequirement, "\(reason); Microsoft's documentation shows \(documented)")
    }
}
