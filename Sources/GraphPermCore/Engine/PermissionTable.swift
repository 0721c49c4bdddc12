/// The per-API permissions table exactly as Microsoft's Graph reference prints it.
///
///     |Permission type|Least privileged permissions|Higher privileged permissions|
///     |:---|:---|:---|
///     |Delegated (work or school account)|Mail.ReadBasic|Mail.ReadWrite, Mail.Read|
///     |Delegated (personal Microsoft account)|Mail.ReadBasic|Mail.ReadWrite, Mail.Read|
///     |Application|Mail.ReadBasic.All|Mail.Read, Mail.ReadWrite|
public struct PermissionTable: Sendable, Equatable {
    package static let notSupported = "Not supported."
    package static let notAvailable = "Not available."

    /// A cell: requirements, or one of Microsoft's two words for none.
    public enum Cell: Sendable, Hashable {
        /// The permission type cannot make the call (`Not supported.`).
        case notSupported
        /// No other permission grants the call (`Not available.`).
        case notAvailable
        case requirements([Requirement])

        /// The requirements of the cell (none for the two words).
        public var requirements: [Requirement] {
            if case .requirements(let requirements) = self { requirements } else { [] }
        }

        /// The cell as Microsoft's documentation prints it.
        public var text: String {
            switch self {
            case .notSupported: PermissionTable.notSupported
            case .notAvailable: PermissionTable.notAvailable
            case .requirements(let requirements): requirements.map(\.label).joined(separator: ", ")
            }
        }
    }

    /// One row: the scheme and its two cells.
    public struct Row: Sendable, Equatable {
        /// The row's scheme: `.delegatedWork`.
        public let scheme: Scheme
        /// The least-privileged cell: `.permissions([Requirement("Mail.ReadBasic")])`.
        public let leastCell: Cell
        /// The higher-privileged cell: `.permissions([Requirement("Mail.Read")])` or `.notAvailable`.
        public let higherCell: Cell

        package init(scheme: Scheme, least: Cell, higher: Cell) {
            self.scheme = scheme
            self.leastCell = least
            self.higherCell = higher
        }

        /// The least cell as printed.
        public var least: String { leastCell.text }
        /// The higher cell as printed.
        public var higher: String { higherCell.text }
        /// The requirement in the least cell, if any.
        public var leastRequirement: Requirement? { leastCell.requirements.first }

        /// Microsoft drops the whole table when a row has no least permission but lists others.
        public var isValid: Bool {
            !(leastCell == .notSupported && !higherCell.requirements.isEmpty)
        }
    }

    /// Where Microsoft's generator gives no table or fails; the table is still printed from the data.
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        /// A scheme lists permissions but none carries a least marker: Microsoft's generator prints nothing.
        case missingLeastMarker(Scheme)
        /// A least permission needs one of several partners: Microsoft's generator throws.
        case severalPartners(permission: String, partners: [String])
        /// More than two least permissions need partners: Microsoft's generator throws.
        case tooManyRequired([String])
        /// Merged URLs disagree on the least permission of a scheme: Microsoft's generator throws.
        case differingLeast(Scheme, [String])

        /// The problem in a sentence, as the table command prints it.
        public var description: String {
            switch self {
            case .missingLeastMarker(let scheme):
                """
                no permission carries a least-privilege marker for \(scheme.rawValue); Microsoft's generator prints \
                no table
                """
            case .severalPartners(let permission, let partners):
                "The least privileged scope \(permission) requires more than one other scope. Only one of "
                    + "\(partners.joined(separator: ", ")) is allowed. (Microsoft's generator fails here.)"
            case .tooManyRequired(let permissions):
                "Too many Least Privilege Entries \(permissions.joined(separator: ","))"
                    + " (Microsoft's generator fails here.)"
            case .differingLeast(let scheme, let values):
                "Differing least privilege permissions \(values.joined(separator: ",")) for the scheme "
                    + "\(scheme.rawValue). (Microsoft's generator fails here.)"
            }
        }

        /// Whether Microsoft's generator throws (rather than printing nothing).
        public var isFailure: Bool {
            if case .missingLeastMarker = self { return false }
            return true
        }
    }

    /// Rows in Microsoft's order: delegated work or school, delegated personal, application.
    public let rows: [Row]
    /// What keeps this table from being one of Microsoft's (empty for a valid table).
    public let problems: [Problem]

    /// Whether Microsoft's generator prints this table (no row invalid, no failure).
    public var isMicrosoftTable: Bool { problems.isEmpty && rows.allSatisfy(\.isValid) }

    /// The table for one template and method.
    package init(method: String, claims: ClaimSet) {
        var rows: [Row] = []
        var problems: [Problem] = []
        for scheme in Scheme.allCases {
            let (row, problem) = Self.row(method: method, scheme: scheme, claims: claims)
            rows.append(row)
            if let problem { problems.append(problem) }
        }
        self.rows = rows
        self.problems = problems
    }

    package init(rows: [Row], problems: [Problem]) {
        self.rows = rows
        self.problems = problems
    }

    /// The markdown, each line ending in a newline, followed by one empty line.
    public var markdown: String {
        var text = "|Permission type|Least privileged permissions|Higher privileged permissions|\n|:---|:---|:---|\n"
        for row in rows {
            text += "|\(row.scheme.docsLabel)|\(Markdown.cell(row.least))|\(Markdown.cell(row.higher))|\n"
        }
        return text + "\n"
    }

    /// One row, following Microsoft's rules for the least cell, the higher cell and AlsoRequires pairs.
    package static func row(method: String, scheme: Scheme, claims set: ClaimSet) -> (Row, Problem?) {
        let claims = set.claims(method: method, scheme: scheme)
        guard !claims.isEmpty else { return (Row(scheme: scheme, least: .notSupported, higher: .notSupported), nil) }
        let ordered = claims.filter(\.isLeast) + claims.filter { !$0.isLeast }
        let names = ordered.map(\.permission).uniqued()
        guard let selection = LeastPrivilege.select(method: method, scheme: scheme, in: set) else {
            let higher = Cell.requirements(names.map { Requirement($0) })
            return (Row(scheme: scheme, least: .notSupported, higher: higher), .missingLeastMarker(scheme))
        }
        let leastRequirement = selection.requirements[0]
        let least = leastRequirement.label
        var higher = names.filter { $0 != least }
        // Microsoft's generator keeps its words for none as an item of the list (printed alone, or after pairs).
        if higher.isEmpty { higher = [notAvailable] }

        var pairs: [(String, String)] = []
        for claim in ordered {
            for partner in claim.alsoRequires.isEmpty ? [""] : claim.alsoRequires {
                let pair = (claim.permission, partner)
                if !pairs.contains(where: { LeastPrivilege.samePair($0, pair) }) { pairs.append(pair) }
            }
        }
        var problem: Problem? = nil
        var required: [String] = []
        let needingPartners = ordered.filter { $0.isLeast && !$0.alsoRequires.isEmpty }
        switch needingPartners.count {
        case 0: break
        case 1:
            let claim = needingPartners[0]
            if claim.alsoRequires.count > 1 {
                problem = .severalPartners(permission: claim.permission, partners: claim.alsoRequires)
            }
            required = [claim.permission, claim.alsoRequires[0]]
        case 2: required = needingPartners.map(\.permission)
        default:
            problem = .tooManyRequired(needingPartners.map(\.permission))
            required = Array(needingPartners.prefix(2).map(\.permission))
        }
        if required.count == 2 {
            let (a, b) = (required[0], required[1])
            pairs.removeAll {
                LeastPrivilege.samePair($0, (a, b)) || LeastPrivilege.samePair($0, (a, ""))
                    || LeastPrivilege.samePair($0, (b, ""))
            }
            higher.removeAll { $0 == a || $0 == b }
        }
        let leastCell = Cell.requirements([leastRequirement])
        guard !pairs.isEmpty else {
            let cell: Cell = higher == [notAvailable] ? .notAvailable
                : higher.isEmpty ? (required.isEmpty ? .notSupported : .notAvailable)
                : .requirements(higher.map { Requirement($0) })
            return (Row(scheme: scheme, least: leastCell, higher: cell), problem)
        }
        var emitted: [Requirement] = []
        var found = Set<String>()
        for (a, b) in pairs {
            if found.contains(a + "\u{0}" + b) || (b.isEmpty && found.contains(a)) { continue }
            if !b.isEmpty && (required.contains(a) || required.contains(b)) {
                let (first, second) = required.contains(a) ? (a, b) : (b, a)
                emitted.append(Requirement(first, alsoRequires: second))
                found.formUnion([a + "\u{0}" + b, b + "\u{0}" + a, a, b])
            } else if b.isEmpty && higher.contains(a) {
                emitted.append(Requirement(a))
                found.insert(a)
            } else if !b.isEmpty && higher.contains(a) && higher.contains(b) {
                emitted.append(Requirement(a, alsoRequires: b))
                found.formUnion([a + "\u{0}" + b, b + "\u{0}" + a, a, b])
            }
        }
        emitted += higher.filter { !found.contains($0) }.map { Requirement($0) }
        let higherCell: Cell =
            emitted.isEmpty || emitted == [Requirement(notAvailable)] ? .notAvailable : .requirements(emitted)
        return (Row(scheme: scheme, least: leastCell, higher: higherCell), problem)
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    package func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

extension PermissionTable: Renderable {
    /// The rows: permission type, least privileged permissions, higher privileged permissions.
    public var tabular: TabularText {
        TabularText(
            columns: ["Permission type", "Least privileged permissions", "Higher privileged permissions"],
            rows: rows.map { [$0.scheme.docsLabel, $0.least, $0.higher] })
    }

    /// The rows, for `table`, `csv` and `md`.
    public var tableForm: TabularText? { tabular }
    /// The rows as JSON objects: `[{"Permission type": "Delegated (work or school account)", ...}]`.
    public var json: String { tabular.json }
    /// The table as Microsoft's docs print it (`markdown`).
    public var markdownForm: String? { markdown }
}
