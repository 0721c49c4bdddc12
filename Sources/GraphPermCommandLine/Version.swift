/// The version of graphperm: `graphperm --version` prints it and `sync` sends it in its User-Agent.
///
///     GraphPermVersion.current    // "0.1.0"
///     GraphPermVersion.userAgent  // "graphperm/0.1.0"
public enum GraphPermVersion {
    public static let current = "0.1.0"
    public static var userAgent: String { "graphperm/\(current)" }
}
