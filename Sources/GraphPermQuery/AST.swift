/// Which permission types a statement asks about.
public enum SchemeFilter: String, Sendable, Equatable, CaseIterable {
    case delegated, work, personal, application

    /// Parses `delegated`, `work`, `delegated-work`, `personal`, `delegated-personal`, `application`, `app`.
    package init?(word: String) {
        switch word.lowercased() {
        case "delegated": self = .delegated
        case "work", "delegated-work", "delegatedwork": self = .work
        case "personal", "delegated-personal", "delegatedpersonal": self = .personal
        case "application", "app", "app-only": self = .application
        default: return nil
        }
    }

    /// The scheme names it covers, in Microsoft's order.
    package var schemeNames: [String] {
        switch self {
        case .delegated: ["DelegatedWork", "DelegatedPersonal"]
        case .work: ["DelegatedWork"]
        case .personal: ["DelegatedPersonal"]
        case .application: ["Application"]
        }
    }
}

/// A literal value in a condition.
public enum Value: Sendable, Equatable {
    case text(String)
    case number(Int)
    case bool(Bool)
}

/// A comparison operator.
public enum Operator: String, Sendable, Equatable, CaseIterable {
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case like, notLike = "not like"
}

/// A `where` condition.
public indirect enum Condition: Sendable, Equatable {
    case comparison(field: String, op: Operator, value: Value)
    case and(Condition, Condition)
    case or(Condition, Condition)
    case not(Condition)
}

/// One `order by` term.
public struct OrderTerm: Sendable, Equatable {
    /// The field to sort by: `name`.
    public let field: String
    /// Whether the order is `desc`.
    public let descending: Bool

    /// A term: `OrderTerm(field: "name", descending: true)` is `order by name desc`.
    public init(field: String, descending: Bool) {
        self.field = field
        self.descending = descending
    }
}

/// Filters, order and limit shared by the listing statements.
public struct Listing: Sendable, Equatable {
    /// The `where` condition; nil for none.
    public var condition: Condition?
    /// The `order by` terms, first first.
    public var order: [OrderTerm]
    /// The `limit`; nil for none.
    public var limit: Int?

    /// A listing: `Listing(limit: 5)` is `... limit 5`.
    public init(condition: Condition? = nil, order: [OrderTerm] = [], limit: Int? = nil) {
        self.condition = condition
        self.order = order
        self.limit = limit
    }
}

/// A statement of the query language.
public indirect enum Statement: Sendable, Equatable {
    /// `least GET /security/alerts for application`
    case least(method: String, target: String, schemes: SchemeFilter?)
    /// `who can GET /me/messages for delegated`
    case whoCan(method: String, target: String, schemes: SchemeFilter?)
    /// `show Mail.Read`, `show 5d6b6bb7-...`, `show 'Security Reader'`
    case show(String)
    /// `paths of Mail.Read where method = GET`
    case paths(permission: String, listing: Listing)
    /// `permissions where resource = 'Mail' order by name`
    case permissions(Listing)
    /// `calls where least_markers = 0`
    case calls(Listing)
    /// `compare Mail.Read with Mail.ReadBasic`
    case compare(String, String, schemes: SchemeFilter?)
    /// `entities`: the Graph Security API table.
    case entities
    /// `roles`: the admin roles.
    case roles
    /// `explain <statement>`: the SQL it runs.
    case explain(Statement)
}
