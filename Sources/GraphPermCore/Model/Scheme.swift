import GraphPermQuery
/// The three permission types of Microsoft Graph, in the order Microsoft's tables list them.
///
///     Scheme.delegatedPersonal.docsLabel   // "Delegated (personal Microsoft account)"
public enum Scheme: String, CaseIterable, Codable, Sendable, Comparable {
    case delegatedWork = "DelegatedWork"
    case delegatedPersonal = "DelegatedPersonal"
    case application = "Application"

    /// The row key stored in the database (`scheme.id`).
    package var id: Int {
        switch self {
        case .delegatedWork: 1
        case .delegatedPersonal: 2
        case .application: 3
        }
    }

    /// Builds a scheme from its database key.
    package init?(id: Int) {
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
    package var optionName: String {
        switch self {
        case .delegatedWork: "delegated-work"
        case .delegatedPersonal: "delegated-personal"
        case .application: "application"
        }
    }

    /// Whether the scheme is a delegated (signed-in user) one.
    public var isDelegated: Bool { self != .application }

    /// Parses the names people type: `delegated-work`, `DelegatedWork`, `work`, `personal`, `app`, `application`.
    /// One permission type from the words the query language takes (`work`, `delegated-work`, `personal`,
    /// `application`, `app`) or its JSON name (`DelegatedWork`); `delegated` names two, so it is not one.
    public init?(userText: String) {
        guard let schemes = Scheme.set(userText: userText), schemes.count == 1 else { return nil }
        self = schemes.first!
    }

    /// The permission types a word names, with the query language's words (`for delegated`, `--scheme delegated`):
    /// `delegated` is both delegated types. nil for an unknown word.
    ///
    ///     Scheme.set(userText: "delegated")  // [.delegatedWork, .delegatedPersonal]
    ///     Scheme.set(userText: "DelegatedWork")  // [.delegatedWork]
    package static func set(userText: String) -> Set<Scheme>? {
        if let exact = Scheme(rawValue: userText) { return [exact] }
        guard let filter = SchemeFilter(word: userText) else { return nil }
        return Set(filter.schemeNames.compactMap(Scheme.init(rawValue:)))
    }

    /// Schemes sort as Microsoft's tables list them: delegated work, delegated personal, application.
    public static func < (lhs: Scheme, rhs: Scheme) -> Bool { lhs.id < rhs.id }
}
