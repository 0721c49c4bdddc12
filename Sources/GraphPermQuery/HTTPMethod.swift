/// The HTTP methods, one vocabulary for the command line, the query language and the loader.
///
///     HTTPMethod(userText: "patch")          // .patch
///     HTTPMethod.documented.map(\.rawValue)  // ["GET", "POST", "PUT", "PATCH", "DELETE"]
public enum HTTPMethod: String, CaseIterable, Sendable, Comparable {
    case get = "GET", post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE", head = "HEAD", options = "OPTIONS"

    /// The methods Microsoft's permissions document gives permissions for, in its order.
    public static let documented: [HTTPMethod] = [.get, .post, .put, .patch, .delete]

    /// A method as a user types it, in any letter case.
    public init?(userText: some StringProtocol) {
        self.init(rawValue: userText.uppercased())
    }

    /// Whether the method only reads (GET, HEAD).
    public var onlyReads: Bool { self == .get || self == .head }

    /// Methods sort in the order of `allCases` (the documentation's order), not by name.
    public static func < (lhs: HTTPMethod, rhs: HTTPMethod) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
