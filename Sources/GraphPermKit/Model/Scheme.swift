/// The three permission types of Microsoft Graph, in the order Microsoft's tables list them.
///
///     Scheme.delegatedPersonal.docsLabel   // "Delegated (personal Microsoft account)"
public enum Scheme: String, CaseIterable, Codable, Sendable, Comparable {
    case delegatedWork = "DelegatedWork"
    case delegatedPersonal = "DelegatedPersonal"
    case application = "Application"

    /// The row key stored in the database (`scheme.id`).
    public var id: Int {
        switch self {
        case .delegatedWork: 1
        case .delegatedPersonal: 2
        case .application: 3
        }
    }

    /// Builds a scheme from its database key.
    public init?(id: Int) {
        guard let scheme = Scheme.allCases.first(where: { $0.id == id }) else { return nil }
        self = scheme
    }

    /// The row label Microsoft's permission tables use.
    public var docsLabel: String {
        switch self {
        case .delegatedWork: "Delegated (work or school account)"
        case .delegatedPersonal: "Delegated (personal Microsoft account)"
        case .application: "Application"
        }
    }

    /// The spelling used on the command line: `delegated-work`, `delegated-personal`, `application`.
    public var optionName: String {
        switch self {
        case .delegatedWork: "delegated-work"
        case .delegatedPersonal: "delegated-personal"
        case .application: "application"
        }
    }

    /// Whether the scheme is a delegated (signed-in user) one.
    public var isDelegated: Bool { self != .application }

    /// Parses the names people type: `delegated-work`, `DelegatedWork`, `work`, `personal`, `app`, `application`.
    public init?(userText: String) {
        switch userText.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "") {
        case "delegatedwork", "work", "delegatedworkorschool": self = .delegatedWork
        case "delegatedpersonal", "personal": self = .delegatedPersonal
        case "application", "app", "apponly": self = .application
        default: return nil
        }
    }

    public static func < (lhs: Scheme, rhs: Scheme) -> Bool { lhs.id < rhs.id }
}
